#!/usr/bin/env bash
# Runs the offline Bazel inside its root filesystem, provisioning that root first if needed.
#
# Usage: run.sh CACHE_DIR BAZEL_ARGS...
# The root lives in a private mount namespace held open by a small `sleep` process, so nothing
# is mounted on the host. In it, /tmp, this repository, the workspace and Bazel's output root are
# bind-mounted at their own absolute paths: `bazel-bin/...` resolves from the host too. The disk
# cache CACHE_DIR/disk-cache is mounted where the bazelrc files name the default one.
# Every call enters the same namespace, which is what lets the Bazel server that one call
# starts serve the next ones (the client checks the server's cwd through /proc, which only
# matches when both see the same root).
# DATABAZEL_MOUNTS: extra host directories to make visible, separated by ':'.
set -euo pipefail

cache=${1:?usage: run.sh CACHE_DIR BAZEL_ARGS...}
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
root="$cache/bazel-7.7.1"
output_user_root="$cache/output_user_root"

mkdir -p "$cache" "$output_user_root"
if [ ! -f "$root/.databazel-provisioned" ]; then
  flock "$cache/provision.lock" "$here/provision.sh" "$root"
fi
# The stubs can change with this repository; reinstall them when they differ from the root's.
stubs_digest=$({ cat "$here/install-stubs.sh" && cd "$here/stubs" && find . -type f | LC_ALL=C sort | xargs cat; } | cksum)
if [ "$(cat "$root/.databazel-stubs" 2>/dev/null)" != "$stubs_digest" ]; then
  flock "$cache/provision.lock" "$here/install-stubs.sh" "$root"
  echo "$stubs_digest" >"$root/.databazel-stubs"
fi
# The host's extra CA certificates, likewise.
cas_digest=$({ cat "$here/trust-host-cas.sh" && cat /usr/local/share/ca-certificates/*.crt 2>/dev/null; } | cksum | tr ' ' -)
if [ "$(cat "$root/.databazel-host-cas" 2>/dev/null)" != "$cas_digest" ]; then
  flock "$cache/provision.lock" "$here/trust-host-cas.sh" "$root" "$cas_digest"
  echo "$cas_digest" >"$root/.databazel-host-cas"
fi
# npm, for databazel's default Node toolchain, and the host's npm settings (registry, proxy, CA);
# not the credentials in them (install-npm.sh says why).
npm_digest=$({
  cat "$here/install-npm.sh"
  for f in "${NPM_CONFIG_USERCONFIG:-${HOME:-/root}/.npmrc}" ${NPM_CONFIG_GLOBALCONFIG:-} /etc/npmrc /usr/etc/npmrc /usr/local/etc/npmrc \
    /etc/ssl/certs/ca-certificates.crt /usr/local/share/ca-certificates/*.crt; do
    [ ! -f "$f" ] || cat "$f"
  done
  # A user's NPM_CONFIG_* variables count; not the lower-case npm_config_* ones that `npm run` and
  # npx export from the files above (they would make the digest differ with how Bazel was run).
  env | grep -E '^NPM_CONFIG_' | LC_ALL=C sort || true
} | cksum)
if [ "$(cat "$root/.databazel-npm" 2>/dev/null)" != "$npm_digest" ] &&
  flock "$cache/provision.lock" "$here/install-npm.sh" "$root"; then
  echo "$npm_digest" >"$root/.databazel-npm"
fi

label=$(cat "$root/usr/share/bazel/build-label.txt")
if [ -n "${DATABAZEL_VERBOSE:-}" ]; then
  echo "databazel: using the offline Bazel $label in $root" >&2
fi

# `bazel version` and `bazel --version` say which Bazel this is. Debian's build has no build
# label for `version` to print ("ERROR: Version information not available"), so the launcher
# answers both itself, from the label Debian records and its package's version, without
# starting a server. `--version` keeps Bazel's own first words ("bazel 7.7.1"), which scripts
# parse; `version --gnu_format` prints only them, as Bazel does.
command=
for arg in "$@"; do
  case "$arg" in
    --version) command=--version && break ;;
    --*) ;;
    *) command=$arg && break ;;
  esac
done
if [ "$command" = version ] || [ "$command" = --version ]; then
  package=$(awk '/^Package: /{p = ($2 == "bazel-bootstrap")} p && /^Version: /{print $2; exit}' "$root/var/lib/dpkg/status")
  package="Debian's bazel-bootstrap ${package:-(version unknown)}"
  if [ "$command" = --version ]; then
    echo "bazel $label ($package, the offline Bazel of tools/bazel)"
  elif printf '%s\n' "$@" | grep -qx -e --gnu_format -e --gnu_format=true -e --gnu_format=yes -e --gnu_format=1; then
    echo "bazel $label"
  else
    echo "Build label: $label"
    echo "Package: $package"
    echo "Launcher: tools/bazel, the offline Bazel in its own root filesystem"
    echo "Root filesystem: $root"
    echo "Output user root: $output_user_root"
  fi
  exit 0
fi

# The workspace is the nearest directory above $PWD that Bazel would take for one.
workspace=$PWD
while [ "$workspace" != / ]; do
  for marker in MODULE.bazel REPO.bazel WORKSPACE WORKSPACE.bazel; do
    [ -f "$workspace/$marker" ] && break 2
  done
  workspace=$(dirname "$workspace")
done
# Commands outside any workspace (`bazel version`) still need $PWD to exist in the root.
[ "$workspace" != / ] || workspace=$PWD

# The disk cache: .bazelrc names the default one (build --disk_cache=~/.cache/databazel/disk-cache).
# The root sees CACHE_DIR/disk-cache there, so DATABAZEL_CACHE moves it too, while a bazelrc or a
# command line that names another disk cache, or turns it off (--disk_cache=), still decides.
# It is the host's directory, so `du` on the host sees it (with the default DATABAZEL_CACHE, the
# same directory that Bazel from bazelisk uses).
disk_cache="$cache/disk-cache"
disk_cache_path="${HOME:-/root}/.cache/databazel/disk-cache"
mkdir -p "$disk_cache"

IFS=: read -r -a extra <<<"${DATABAZEL_MOUNTS:-}"
mounts=()
for dir in /tmp "$output_user_root" "$repo" "$workspace" "${extra[@]}"; do
  # Never shadow the root filesystem's own system directories with the host's.
  case "$dir" in
    "" | / | /bin* | /boot* | /dev* | /etc* | /lib* | /proc* | /sbin* | /sys* | /usr* | /var*) continue ;;
  esac
  mounts+=("$dir")
done

holder_file="$cache/namespace.pid"
holder_alive() {
  local pid
  pid=$(cat "$holder_file" 2>/dev/null) || return 1
  [ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" = "sleep infinity " ] || return 1
  echo "$pid"
}

# Creates the namespace once, and (re)binds each directory whose mount is missing or stale
# (a directory deleted and made again on the host is a new inode).
prepare_namespace() {
  local pid
  if ! pid=$(holder_alive); then
    setsid unshare --mount --propagation private sleep infinity </dev/null >/dev/null 2>&1 &
    pid=$!
    echo "$pid" >"$holder_file"
    for _ in $(seq 500); do
      [ "$(readlink "/proc/$pid/ns/mnt")" != "$(readlink /proc/self/ns/mnt)" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.01
    done
    if [ "$(readlink "/proc/$pid/ns/mnt" 2>/dev/null)" = "$(readlink /proc/self/ns/mnt)" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "databazel: error: could not create a private mount namespace for the offline Bazel (unshare --mount)." >&2
      echo "  Fix: run as root on Linux, or set DATABAZEL_BAZEL to a Bazel $(cat "$root/usr/share/bazel/build-label.txt" 2>/dev/null) binary." >&2
      exit 1
    fi
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    nsenter --mount="/proc/$pid/ns/mnt" /bin/bash -c '
      root=$1
      mount --rbind /dev "$root/dev"
      mount -t proc proc "$root/proc"
      mount --rbind /sys "$root/sys"
    ' _ "$root"
  fi
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  nsenter --mount="/proc/$pid/ns/mnt" /bin/bash -c '
    root=$1 disk_cache=$2 disk_cache_path=$3
    shift 3
    # bind SOURCE TARGET: TARGET in the root shows the host directory SOURCE.
    bind() {
      [ -d "$1" ] || return 0
      if mountpoint -q "$root$2"; then
        [ "$(stat -c %d:%i "$1")" = "$(stat -c %d:%i "$root$2")" ] && return 0
        umount -l "$root$2"
      fi
      mkdir -p "$root$2"
      mount --rbind "$1" "$root$2"
    }
    for dir in "$@"; do bind "$dir" "$dir"; done
    # Last: /tmp or the workspace may hold the default path, and this mount must win there.
    bind "$disk_cache" "$disk_cache_path"
  ' _ "$root" "$disk_cache" "$disk_cache_path" "${mounts[@]}"
  echo "$pid"
}

pid=$(flock -o "$cache/namespace.lock" bash -c "$(declare -f holder_alive prepare_namespace); $(declare -p cache root holder_file mounts disk_cache disk_cache_path); prepare_namespace")

# shellcheck disable=SC2016 # the inner command expands its own arguments
# What `bazel run` starts runs in the root too, with this environment: DATABAZEL_BAZEL there is
# this same Bazel (server and output root), for programs that call Bazel again (the databazel
# CLI, or tools/bazel, which honours it); `bazel` on the root's PATH would start another server.
exec nsenter --mount="/proc/$pid/ns/mnt" chroot "$root" /usr/bin/env -i \
  HOME="${HOME:-/root}" USER="${USER:-root}" TERM="${TERM:-dumb}" LANG=C.UTF-8 \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  DATABAZEL_BAZEL="$here/in-root.sh" DATABAZEL_OUTPUT_USER_ROOT="$output_user_root" \
  /bin/sh -c 'cd "$0" && out=$1 && shift && exec bazel --output_user_root="$out" "$@"' \
  "$PWD" "$output_user_root" "$@"
