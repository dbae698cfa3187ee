#!/bin/sh
# The offline Bazel for programs that run inside its root filesystem: what `bazel run` starts
# there gets DATABAZEL_BAZEL pointing here (run.sh), so that a program calling Bazel again (the
# databazel CLI, or tools/bazel) reaches the same server and output root as the command that
# started it, instead of starting another one. Only meaningful inside the root.
set -eu
: "${DATABAZEL_OUTPUT_USER_ROOT:?is not set: run this only inside the root of the offline Bazel, as tools/offline-bazel/run.sh sets it up}"
exec bazel --output_user_root="$DATABAZEL_OUTPUT_USER_ROOT" "$@"
