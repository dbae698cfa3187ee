#!/usr/bin/env bash
# Installs the offline module stubs into a provisioned root and wires them into its system bazelrc.
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
  for dir in "$root$dest"/*/; do
    name=$(basename "$dir")
    echo "common --override_module=$name=$dest/$name"
  done
  echo "$end"
} >>"$rc"
