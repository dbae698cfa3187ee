"""with_python_once: a py_binary built with //tests/python_once:toolchain, the rest of the build
keeping Bazel's own Python toolchain (the toolchain is registered for :enabled only)."""

_FLAG = "//tests/python_once:python_once"

def _python_once_on_impl(_settings, _attr):
    return {_FLAG: True}

_python_once_on = transition(
    implementation = _python_once_on_impl,
    inputs = [],
    outputs = [_FLAG],
)

def _with_python_once_impl(ctx):
    binary = ctx.attr.binary
    if type(binary) == "list":
        binary = binary[0]
    info = binary[DefaultInfo]

    # Under a name of its own, as a symbolic link to the launcher: run from the test's
    # runfiles like the plain py_binary beside it.
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = info.files_to_run.executable, is_executable = True)
    return [DefaultInfo(executable = out, runfiles = info.default_runfiles)]

with_python_once = rule(
    implementation = _with_python_once_impl,
    doc = "The `binary` built with the python_once test toolchain, as an executable of its own.",
    attrs = {
        "binary": attr.label(
            cfg = _python_once_on,
            executable = True,
            mandatory = True,
            doc = "A py_binary.",
        ),
    },
    executable = True,
)
