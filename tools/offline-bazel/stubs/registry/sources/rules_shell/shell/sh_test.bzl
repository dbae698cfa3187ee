"""Offline stand-in for rules_shell's sh_test: Bazel 7 still has it built in."""

# buildifier: disable=native-sh-test
sh_test = native.sh_test
