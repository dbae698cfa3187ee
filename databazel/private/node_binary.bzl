"""`node_binary`: an executable that runs one JavaScript file with the databazel Node toolchain.

Use it to make a train or eval executable from a bundled script, so the action needs no Node
on the machine beyond the toolchain's. `node_test` is the same rule as a test (as rules_js's
js_binary and js_test): the one place databazel runs Node outside its own actions. Build actions
that run a script with Node use a node_binary as their tool.
"""

load(":node_toolchain.bzl", "NODE_TOOLCHAIN", "node_runtime")

def _runfiles_path(ctx, file):
    # Where `file` sits under the runfiles directory: `<repo>/<path>`.
    if file.short_path.startswith("../"):
        return file.short_path[3:]
    return ctx.workspace_name + "/" + file.short_path

_LAUNCHER = """#!/bin/sh
# Runs {entry} with the databazel Node toolchain ({version}).
set -e
if [ -z "${{RUNFILES_DIR:-}}" ]; then
  case "$0" in
    /*) RUNFILES_DIR="$0.runfiles" ;;
    *) RUNFILES_DIR="$PWD/$0.runfiles" ;;
  esac
fi
exec "$RUNFILES_DIR/{node}" "$RUNFILES_DIR/{entry}" "$@"
"""

def _node_binary_impl(ctx):
    runtime = node_runtime(ctx)
    launcher = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.write(
        output = launcher,
        content = _LAUNCHER.format(
            entry = _runfiles_path(ctx, ctx.file.entry_point),
            node = _runfiles_path(ctx, runtime.node),
            version = runtime.version or "unknown version",
        ),
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = [runtime.node, ctx.file.entry_point] + ctx.files.data)
    for target in ctx.attr.data:
        runfiles = runfiles.merge(target[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = launcher, files = depset([launcher]), runfiles = runfiles)]

_ATTRS = {
    "data": attr.label_list(
        doc = "Files the program reads at run time.",
        allow_files = True,
    ),
    "entry_point": attr.label(
        doc = "The JavaScript file to run.",
        allow_single_file = [".cjs", ".mjs", ".js"],
        mandatory = True,
    ),
}

node_binary = rule(
    implementation = _node_binary_impl,
    doc = """Runs `entry_point` with Node from the databazel Node toolchain.

The entry point must be self-contained JavaScript (bundle it, e.g. with esbuild): the Node
toolchain brings no `node_modules`. Name it `.cjs` (or `.mjs`) so that a `package.json` above it
cannot change how Node loads it.
""",
    attrs = _ATTRS,
    toolchains = [NODE_TOOLCHAIN],
    executable = True,
)

# Not in defs.bzl: databazel's own tests use it.
node_test = rule(
    implementation = _node_binary_impl,
    doc = "Runs `entry_point` with Node from the databazel Node toolchain as a test: it passes when Node exits 0. `args` (with `$(rootpath ...)` of `data`) follow the entry point.",
    attrs = _ATTRS,
    toolchains = [NODE_TOOLCHAIN],
    test = True,
)
