"""python_once_toolchain: a Python toolchain whose py_binary launcher starts Python once.

Bazel's own py_binary launcher is a Python program that finds the runfiles, sets PYTHONPATH and
then starts Python again for the script: two interpreter starts per run, which is most of
databazel's cost per trial when trials are cheap. This runtime carries a shell launcher
(python_once_bootstrap.sh.tpl) that does the same steps in sh and starts Python once.

Only Bazel's built-in Python support is used (PyRuntimeInfo, the
@bazel_tools//tools/python:toolchain_type), not rules_python, so nothing here makes a consumer
depend on rules_python. Public loads go through //databazel:python_once.bzl, not defs.bzl, so
that loading defs.bzl never depends on Bazel's Python built-ins (which Bazel 8 and later move
to rules_python).
"""

load(":names.bzl", "display_label")

_PREFIX = "databazel: python_once_toolchain"

def _interpreter_errors(label, interpreter_path, interpreter):
    """The message for a bad choice of interpreter, or None."""
    if interpreter_path and interpreter:
        return ("{} {}: give interpreter_path or interpreter, not both (got interpreter_path = {} " +
                "and interpreter = {}).\n" +
                "Fix: keep interpreter_path for a Python installed on every machine that runs the " +
                "scripts, or interpreter for a Python built or fetched by Bazel.").format(
            _PREFIX,
            label,
            repr(interpreter_path),
            display_label(interpreter.label),
        )
    if not interpreter_path and not interpreter:
        return ("{} {}: no interpreter: give interpreter_path or interpreter.\n" +
                "Fix: e.g. interpreter_path = \"/usr/bin/python3\" (a Python on every machine that " +
                "runs the scripts), or interpreter = a label of a Python in the build.").format(_PREFIX, label)
    if interpreter_path and not interpreter_path.startswith("/"):
        return ("{} {}: interpreter_path = {} is not an absolute path.\n" +
                "Fix: give the interpreter's absolute path, e.g. \"/usr/bin/python3\".").format(
            _PREFIX,
            label,
            repr(interpreter_path),
        )
    return None

def _python_once_runtime_impl(ctx):
    interpreter = ctx.attr.interpreter
    label = display_label(ctx.label)
    error = _interpreter_errors(label, ctx.attr.interpreter_path, interpreter)
    if error:
        fail(error)
    if ctx.attr.files and not interpreter:
        fail(("{} {}: files are the interpreter's own files, for an interpreter label; with " +
              "interpreter_path they are not used.\n" +
              "Fix: remove files, or give interpreter = a label instead of interpreter_path.").format(_PREFIX, label))

    # A zipped py_binary (--build_python_zip, the default on Windows) runs its launcher as
    # Python: a shell launcher cannot work there, so say so now rather than at run time.
    if getattr(ctx.fragments.py, "build_python_zip", False):
        fail(("{} {}: its launcher is a shell script, which a zipped py_binary " +
              "(--build_python_zip, the default on Windows) cannot run.\n" +
              "Fix: build with --nobuild_python_zip, or do not register this toolchain there.").format(_PREFIX, label))

    files = depset(ctx.files.files)
    if interpreter:
        runtime = PyRuntimeInfo(
            interpreter = ctx.file.interpreter,
            files = depset(transitive = [interpreter[DefaultInfo].files, files]),
            python_version = "PY3",
            bootstrap_template = ctx.file._bootstrap_template,
        )
        runfiles = ctx.runfiles(transitive_files = runtime.files).merge(interpreter[DefaultInfo].default_runfiles)
    else:
        runtime = PyRuntimeInfo(
            interpreter_path = ctx.attr.interpreter_path,
            python_version = "PY3",
            bootstrap_template = ctx.file._bootstrap_template,
        )
        runfiles = ctx.runfiles()
    return [
        DefaultInfo(files = runtime.files or depset(), runfiles = runfiles),
        runtime,
        # What a py_runtime_pair returns: Bazel's Python rules read py3_runtime from the toolchain.
        platform_common.ToolchainInfo(py2_runtime = None, py3_runtime = runtime),
    ]

python_once_runtime = rule(
    implementation = _python_once_runtime_impl,
    doc = """A Python 3 runtime whose py_binary launcher is a shell script that starts Python once.

Both a `py_runtime` (it returns `PyRuntimeInfo`) and a `py_runtime_pair` (it returns the
toolchain's `py3_runtime`): point a `toolchain()` of type
`@bazel_tools//tools/python:toolchain_type` at it, or use `python_once_toolchain`, which does.
Give exactly one of `interpreter_path` and `interpreter`.""",
    attrs = {
        "files": attr.label_list(
            allow_files = True,
            doc = "With `interpreter`: more files the interpreter needs at run time (its standard " +
                  "library, shared libraries), added to every py_binary's runfiles.",
        ),
        "interpreter": attr.label(
            allow_single_file = True,
            doc = "The Python interpreter as a file in the build (a hermetic Python fetched or " +
                  "built by Bazel), run from the py_binary's runfiles. Its own files go in `files`.",
        ),
        "interpreter_path": attr.string(
            doc = "The absolute path of a Python 3 interpreter on the machines that run the " +
                  "scripts, e.g. `/usr/bin/python3`. Not a file of the build: Bazel does not " +
                  "hash it, so changing the Python there reruns nothing by itself.",
        ),
        "_bootstrap_template": attr.label(
            allow_single_file = True,
            default = Label("//databazel/private:python_once_bootstrap.sh.tpl"),
        ),
    },
    fragments = ["py"],
    provides = [PyRuntimeInfo],
)

def python_once_toolchain(
        name,
        interpreter_path = None,
        interpreter = None,
        files = None,
        target_compatible_with = None,
        exec_compatible_with = None,
        target_settings = None,
        **kwargs):
    """A Python toolchain whose py_binary launcher starts Python once, for cheap trials.

    Bazel's own `py_binary` launcher is a Python program that then starts Python again for the
    script. This toolchain's launcher is a shell script that does the same work (the runfiles,
    `PYTHONPATH`, `RUNFILES_DIR` or `RUNFILES_MANIFEST_FILE`, `PYTHONSAFEPATH=1`) and execs the
    interpreter once. Register it in `MODULE.bazel` so every `py_binary` uses it:

    ```starlark
    # BUILD.bazel
    load("@databazel//databazel:python_once.bzl", "python_once_toolchain")

    python_once_toolchain(
        name = "python_once",
        interpreter_path = "/usr/bin/python3",
    )

    # MODULE.bazel
    register_toolchains("//:python_once")
    ```

    It works with Bazel's own Python rules (Bazel 7's built-in `py_binary`, and rules_python
    before 0.33, which use them). With rules_python 0.33 or later, its
    `--@rules_python//python/config_settings:bootstrap_impl=script` does the same. Not handled:
    zipped binaries (`--build_python_zip`, the default on Windows: analysis fails and says so),
    coverage (`bazel coverage` runs the scripts without collecting Python coverage) and Windows.

    Declares `<name>` (the `toolchain`, what `register_toolchains` names) and `<name>_runtime`
    (a `python_once_runtime`).

    Args:
      name: the toolchain's name; `register_toolchains` takes its label.
      interpreter_path: the absolute path of a Python 3 interpreter on every machine that runs
        the scripts (here, and remote executors), e.g. `"/usr/bin/python3"`. Your choice:
        databazel bakes in no path of its own. Give this or `interpreter`, not both.
      interpreter: a label of a Python interpreter in the build (a hermetic Python), run from
        the runfiles. Give this or `interpreter_path`, not both.
      files: with `interpreter`, the other files the interpreter needs at run time.
      target_compatible_with: constraints the target platform must meet for this toolchain
        (as `toolchain()`'s), e.g. `["@platforms//os:linux"]`.
      exec_compatible_with: constraints the execution platform must meet (as `toolchain()`'s).
      target_settings: `config_setting`s that must match for this toolchain to be chosen (as
        `toolchain()`'s): register it for part of a build only.
      **kwargs: `visibility`, `tags` and the other common attributes, given to both targets.
    """
    python_once_runtime(
        name = name + "_runtime",
        interpreter_path = interpreter_path,
        interpreter = interpreter,
        files = files,
        **kwargs
    )
    native.toolchain(
        name = name,
        toolchain = ":" + name + "_runtime",
        toolchain_type = "@bazel_tools//tools/python:toolchain_type",
        target_compatible_with = target_compatible_with,
        exec_compatible_with = exec_compatible_with,
        target_settings = target_settings,
        **kwargs
    )
