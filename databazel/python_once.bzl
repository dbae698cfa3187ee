"""A Python toolchain whose `py_binary` launcher starts Python once: for cheap trials.

```starlark
load("@databazel//databazel:python_once.bzl", "python_once_toolchain")
```

Its own file, not re-exported from `defs.bzl`: it uses Bazel's built-in Python support
(`PyRuntimeInfo`), which Bazel 8 and later move to rules_python, and loading `defs.bzl` must not
depend on that. Nothing here needs rules_python. See [Python](python.md#starting-python-once-per-trial).
"""

load("//databazel/private:python_once.bzl", _python_once_runtime = "python_once_runtime", _python_once_toolchain = "python_once_toolchain")

python_once_toolchain = _python_once_toolchain
python_once_runtime = _python_once_runtime
