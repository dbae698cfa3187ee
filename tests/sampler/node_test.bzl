"""A test that runs a bundled script with databazel's Node toolchain: `node SCRIPT DATA...`."""

NODE_TOOLCHAIN_TYPE = "//databazel:node_toolchain_type"

def _quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

def _node_test_impl(ctx):
    node = ctx.toolchains[NODE_TOOLCHAIN_TYPE].node_runtime.node
    launcher = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = launcher,
        content = "#!/bin/sh\nexec {}\n".format(" ".join([
            _quote(f.short_path)
            for f in [node, ctx.file.script] + ctx.files.data
        ])),
        is_executable = True,
    )
    runfiles = ctx.runfiles(files = [node, ctx.file.script] + ctx.files.data)
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

node_test = rule(
    implementation = _node_test_impl,
    doc = "Runs `node SCRIPT DATA...` with the toolchain's Node; passes when it exits 0.",
    attrs = {
        "data": attr.label_list(doc = "Files whose paths follow the script's.", allow_files = True),
        "script": attr.label(doc = "The bundled JavaScript test.", allow_single_file = [".cjs"], mandatory = True),
    },
    toolchains = [NODE_TOOLCHAIN_TYPE],
    test = True,
)
