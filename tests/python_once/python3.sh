#!/bin/sh
# The test toolchain's interpreter (a label, so a path in the runfiles): the python3 on PATH,
# found as Bazel's autodetecting toolchain finds it, so both launchers run the same Python.
set -eu
exec "$(command -v python3)" "$@"
