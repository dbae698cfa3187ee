"""Runs a bundled script with databazel's Node toolchain to generate one file."""

# buildifier: disable=bzl-visibility
load("//databazel/private:node_toolchain.bzl", "NODE_TOOLCHAIN", "NODE_TOOLCHAIN_TYPE", "node_runtime")

def _node_run_impl(ctx):
    out = ctx.actions.declare_file(ctx.attr.out)
    args = ctx.actions.args()
    args.add(ctx.file.script)
    args.add_all([ctx.expand_location(a, ctx.attr.srcs) for a in ctx.attr.args])
    args.add(out)
    ctx.actions.run(
        executable = node_runtime(ctx).node,
        arguments = [args],
        inputs = [ctx.file.script] + ctx.files.srcs,
        outputs = [out],
        # The scripts find repository files relative to the execution root.
        env = {"DATABAZEL_REPO_ROOT": "."},
        mnemonic = "NodeGenerate",
        progress_message = "Generating %{output}",
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return [DefaultInfo(files = depset([out]))]

node_run = rule(
    implementation = _node_run_impl,
    doc = "Runs `node script ARGS... OUT` and returns OUT.",
    attrs = {
        "args": attr.string_list(
            doc = "Arguments before the output's path; `$(execpath ...)` names a file in `srcs`.",
        ),
        "out": attr.string(
            doc = "The generated file's path in the package.",
            mandatory = True,
        ),
        "script": attr.label(
            doc = "The bundled script to run.",
            allow_single_file = [".cjs"],
            mandatory = True,
        ),
        "srcs": attr.label_list(
            doc = "Files the script reads.",
            allow_files = True,
        ),
    },
    toolchains = [NODE_TOOLCHAIN],
)
