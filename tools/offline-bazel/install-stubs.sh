#!/usr/bin/env bash
# Installs the offline module stubs into a provisioned root and wires them, and the repositories
# Debian ships, into its system bazelrc.
# Usage: install-stubs.sh ROOT. Safe to run again: it replaces what it installed before.
set -euo pipefail
root=${1:?usage: install-stubs.sh ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dest=/usr/share/databazel/stubs

rm -rf "$root$dest"
mkdir -p "$root$dest"
cp -R "$here/stubs/." "$root$dest/"

rc="$root/etc/bazel.bazelrc"
begin="# BEGIN databazel offline stubs"
end="# END databazel offline stubs"
touch "$rc"
sed -i "/^$begin\$/,/^$end\$/d" "$rc"
{
  echo "$begin"
  for dir in "$root$dest"/overrides/*/; do
    name=$(basename "$dir")
    echo "common --override_module=$name=$dest/overrides/$name"
  done
  # A registry, not an override, for modules that only some workspaces use: an override of a
  # module that is not in the dependency graph is an error.
  echo "common --registry=file://$dest/registry"
  # WORKSPACE mode (--enable_workspace) would download these for its built-in suffix; Debian
  # ships them, as it does for Bzlmod above.
  echo "common --override_repository=bazel_features=/usr/share/bazel/tools/features"
  echo "common --override_repository=bazel_skylib=/usr/share/bazel/tools/skylib"
  echo "common --override_repository=platforms=/usr/share/bazel/tools/platforms"
  for name in cc java license proto python; do
    echo "common --override_repository=rules_$name=/usr/share/bazel/rules/$name"
  done
  echo "$end"
} >>"$rc"
