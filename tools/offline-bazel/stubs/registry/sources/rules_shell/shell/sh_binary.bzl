"""Offline stand-in for rules_shell's sh_binary: Bazel 7 still has it built in."""

# buildifier: disable=native-sh-binary
sh_binary = native.sh_binary
