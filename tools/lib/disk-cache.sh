# shellcheck shell=bash
# Sourced by tools/bazel and tools/offline-bazel/in-root.sh: DATABAZEL_CACHE moves the disk cache
# too. The bazelrc files name the default one (build --disk_cache=~/.cache/databazel/disk-cache),
# so a moved one is passed on the command line, right after Bazel's command: there it wins over
# every bazelrc, and still yields to a --disk_cache given later on the command line (such as
# --disk_cache= to turn it off for one build). Bazel 7 takes --disk_cache with every command.

bazel_commands=" analyze-profile aquery build canonicalize-flags clean config coverage cquery dump fetch help info license mobile-install mod print_action query run shutdown sync test vendor version "

# with_disk_cache DIR ARGS...: sets the array `args` to ARGS with --disk_cache=DIR after the
# command (the first argument that names one); ARGS unchanged when DIR is empty or no command.
with_disk_cache() {
  local dir=$1 arg added=
  shift
  args=()
  for arg in "$@"; do
    args+=("$arg")
    if [ -n "$dir" ] && [ -z "$added" ] && [[ "$bazel_commands" == *" $arg "* ]]; then
      args+=("--disk_cache=$dir")
      added=1
    fi
  done
}
