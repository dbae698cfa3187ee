"""Foundation smoke rules: a build action and a test that both run Node from the toolchain."""

NODE_TOOLCHAIN_TYPE = "//databazel:node_toolchain_type"

def node_runtime(ctx):
    return ctx.toolchains[NODE_TOOLCHAIN_TYPE].node_runtime

def _node_smoke_impl(ctx):
    node = node_runtime(ctx).node
    out = ctx.actions.declare_file(ctx.label.name + ".json")
    args = ctx.actions.args()
    args.add(ctx.file.script)
    args.add(out)
    ctx.actions.run(
        executable = node,
        arguments = [args],
        inputs = [ctx.file.script],
        outputs = [out],
        mnemonic = "DatabazelNodeSmoke",
        progress_message = "Running %{input} with the Node toolchain",
        toolchain = NODE_TOOLCHAIN_TYPE,
    )
    return [DefaultInfo(files = depset([out]))]

node_smoke = rule(
    implementation = _node_smoke_impl,
    doc = "Runs `script OUT` with the toolchain's Node in a build action.",
    attrs = {
        "script": attr.label(doc = "A JavaScript file to run.", allow_single_file = [".cjs"], mandatory = True),
    },
    toolchains = [NODE_TOOLCHAIN_TYPE],
)

def _node_smoke_test_impl(ctx):
    node = node_runtime(ctx).node
    launcher = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = launcher,
        content = "#!/bin/sh\nexec \"{node}\" \"{script}\" \"{data}\"\n".format(
            node = node.short_path,
            script = ctx.file.script.short_path,
            data = ctx.file.data.short_path,
        ),
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = [node, ctx.file.script, ctx.file.data])
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

node_smoke_test = rule(
    implementation = _node_smoke_test_impl,
    doc = "A test that runs `script DATA` with the toolchain's Node.",
    attrs = {
        "data": attr.label(doc = "A file the script checks.", allow_single_file = True, mandatory = True),
        "script": attr.label(doc = "The JavaScript test.", allow_single_file = [".cjs"], mandatory = True),
    },
    toolchains = [NODE_TOOLCHAIN_TYPE],
    test = True,
)
