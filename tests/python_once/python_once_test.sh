#!/bin/sh
# shellcheck disable=SC2317 # the cases below are functions that compare() calls by name
# Runs :show with Bazel's own launcher and :show_once with python_once_toolchain's, in the ways
# a caller starts a py_binary, and fails unless the script sees the same under both, and Python
# starts once under the shell launcher (and twice under Bazel's, or the count proves nothing).
set -eu

bin=$TEST_SRCDIR/$TEST_WORKSPACE/tests/python_once
out=$TEST_TMPDIR
failed=0

# compare CASE: runs the function CASE with $launcher set to show's and to show_once's, and
# compares what the script printed.
compare() {
  for which in show show_once; do
    launcher=$bin/$which
    if ! ("$1") >"$out/$1.$which.json" 2>"$out/$1.$which.err"; then
      echo "FAIL $1: $which did not run:" >&2
      cat "$out/$1.$which.err" >&2
      failed=1
    fi
  done
  if ! diff -u "$out/$1.show.json" "$out/$1.show_once.json" >&2; then
    echo "FAIL $1: the script saw something else under python_once_toolchain's launcher (+)" >&2
    failed=1
  fi
}

# As the test runner starts it: RUNFILES_DIR and the rest set.
from_the_test() { "$launcher" --flag value; }
# A caller that sets no runfiles variable: the runfiles found from the launcher's path,
# absolute and relative.
no_runfiles_variable() { env -u RUNFILES_DIR -u RUNFILES_MANIFEST_FILE "$launcher"; }
relative_path() {
  cd "$TEST_SRCDIR"
  env -u RUNFILES_DIR -u RUNFILES_MANIFEST_FILE "./${launcher#"$TEST_SRCDIR"/}"
}
# Through a symbolic link outside the runfiles, with a PYTHONPATH of the caller's.
symbolic_link() {
  ln -sf "$launcher" "$out/link"
  env -u RUNFILES_DIR -u RUNFILES_MANIFEST_FILE PYTHONPATH=/caller/a:/caller/b "$out/link"
}

# Copied with its runfiles and their manifest beside it, as databazel stages a trial's
# executable: RUNFILES_MANIFEST_FILE is what the script gets then.
staged() {
  rm -rf "$out/staged"
  mkdir "$out/staged"
  cp -RP "$TEST_SRCDIR" "$out/staged/x.runfiles"
  : >"$out/staged/x.runfiles_manifest"
  cp "$launcher" "$out/staged/x"
  env -u RUNFILES_DIR -u RUNFILES_MANIFEST_FILE "$out/staged/x"
}

for case in from_the_test no_runfiles_variable relative_path symbolic_link staged; do compare "$case"; done
if ! grep -q '"RUNFILES_MANIFEST_FILE": ".*/staged/x.runfiles_manifest"' "$out/staged.show_once.json"; then
  echo "FAIL staged: the script did not get the manifest beside its runfiles" >&2
  failed=1
fi

# How often Python starts: each start imports site once, which -X importtime lists.
starts() {
  PYTHONPROFILEIMPORTTIME=1 "$bin/$1" 2>&1 >/dev/null | grep -c '| site$' || true
}
stub=$(starts show)
once=$(starts show_once)
if [ "$stub" != 2 ]; then
  echo "FAIL: Bazel's launcher started Python $stub times, not 2: the count measures nothing" >&2
  failed=1
fi
if [ "$once" != 1 ]; then
  echo "FAIL: python_once_toolchain's launcher started Python $once times, not once" >&2
  failed=1
fi
exit "$failed"
