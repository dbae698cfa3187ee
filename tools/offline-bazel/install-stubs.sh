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

# rules_python: Debian's 0.22.1, with pip and python extensions that take today's attributes
# (stubs/rules_python) and a pip and setuptools that install wheels on Python 3.12 and later
# (0.22.1's pip 22.3.1 fails there: pkgutil.ImpImporter is gone). Bazel downloads them from PyPI,
# checking the sha256 below.
# Made beside the old copy and swapped in, so that a running Bazel server never finds it half made.
py_dest=/usr/share/databazel/rules_python
py_new="$root$py_dest.new"
rm -rf "$py_new" "$root$py_dest.old"
cp -R "$root/usr/share/bazel/rules/python" "$py_new"
cp "$here/stubs/rules_python/"*.bzl "$py_new/python/extensions/"
wheels="$py_new/python/pip_install/repositories.bzl"
sed -i \
  -e 's|https://files.pythonhosted.org/packages/09/bd/2410905c76ee14c62baf69e3f4aa780226c1bbfc9485731ad018e35b0cb5/pip-22.3.1-py3-none-any.whl|https://files.pythonhosted.org/packages/c9/bc/b7db44f5f39f9d0494071bddae6880eb645970366d0a200022a1a93d57f5/pip-25.0.1-py3-none-any.whl|' \
  -e 's|908c78e6bc29b676ede1c4d57981d490cb892eb45cd8c214ab6298125119e077|c46efd13b6aa8279f33f2864459c8ce587ea6a1a59ee20de055868d8f7688f7f|' \
  -e 's|https://files.pythonhosted.org/packages/7c/5b/3d92b9f0f7ca1645cba48c080b54fe7d8b1033a4e5720091d1631c4266db/setuptools-60.10.0-py3-none-any.whl|https://files.pythonhosted.org/packages/69/8a/b9dc7678803429e4a3bc9ba462fa3dd9066824d3c607490235c6a796be5a/setuptools-75.8.0-py3-none-any.whl|' \
  -e 's|782ef48d58982ddb49920c11a0c5c9c0b02e7d7d1c2ad0aa44e1a1e133051c96|e3982f444617239225d675215d51f6ba05f845d4eec313da4418fdbb56fb27e3|' \
  "$wheels"
[ "$(grep -c -e pip-25.0.1-py3 -e c46efd13b6aa -e setuptools-75.8.0-py3 -e e3982f444617 "$wheels")" = 4 ] || {
  echo "databazel: error: Debian's rules_python is not the 0.22.1 this script patches ($wheels)." >&2
  echo "  Fix: update the pip and setuptools lines in tools/offline-bazel/install-stubs.sh for it." >&2
  exit 1
}
[ ! -d "$root$py_dest" ] || mv "$root$py_dest" "$root$py_dest.old"
mv "$py_new" "$root$py_dest"
rm -rf "$root$py_dest.old"

# Debian's own bazelrc (read after the one below) overrides rules_python with its copy: point
# that line at the patched one.
sed -i "s|^common --override_module=rules_python=.*|common --override_module=rules_python=$py_dest|" "$root/etc/bazel/bazelrc"
grep -qx "common --override_module=rules_python=$py_dest" "$root/etc/bazel/bazelrc" ||
  echo "common --override_module=rules_python=$py_dest" >>"$root/etc/bazel/bazelrc"

# Debian's bazelrc also sets `build --host_javabase=@local_jdk//:jdk`, which makes every command
# print "WARNING: Option 'host_javabase' is deprecated". In Bazel 7 the flag is a no-op kept for
# old bazelrc files: Java rules resolve their runtime as a toolchain (--tool_java_runtime_version,
# remotejdk_11 by default, with or without the flag), and actions keep the same keys with any
# value of it. So the line goes, and nothing Bazel does changes; --tool_java_runtime_version=
# local_jdk would be its modern spelling, but it would change the tools' Java, which the line
# never did.
sed -i '/^build --host_javabase=/d' "$root/etc/bazel/bazelrc"

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
  for name in cc java license proto; do
    echo "common --override_repository=rules_$name=/usr/share/bazel/rules/$name"
  done
  echo "common --override_repository=rules_python=$py_dest"
  echo "$end"
} >>"$rc"
