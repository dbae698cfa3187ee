#!/usr/bin/env bash
# Provisions the local remote-execution cluster's parts, once, under DIR:
#   DIR/venv         BuildGrid 0.4.4 (the server) from PyPI, with its PostgreSQL driver;
#   DIR/worker-root  a Debian sid root with Debian's buildbox-worker and buildbox-run-hosttools.
# Usage: provision.sh DIR
# Idempotent: each finished part carries a stamp and is left alone; a half-made one is rebuilt.
# Why a sid root: Debian packages buildbox only in sid, whose libc is newer than the host's.
set -euo pipefail

dir=${1:?usage: provision.sh DIR}
buildgrid_version=0.4.4

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MESSAGE_PREFIX=databazel-remote
# shellcheck source=tools/lib/messages.sh
source "$here/../lib/messages.sh"

root="$dir/worker-root"
# Checked first, so a user without root learns it before waiting for pip.
if [ ! -f "$root/.databazel-provisioned" ] && [ "$(id -u)" != 0 ]; then
  die "provisioning the workers needs root (debootstrap, chroot)." \
    "Fix: run tools/remote/cluster.sh once as root."
fi
mkdir -p "$dir"

# The host packages the cluster runs on: PostgreSQL (BuildGrid's database, started by start.sh),
# python3-venv (BuildGrid's virtual environment) and debootstrap (the worker root).
# shellcheck source=tools/lib/apt-install.sh
source "$here/../lib/apt-install.sh"
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -f "$dir/venv/.databazel-provisioned" ] || python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
[ -f "$root/.databazel-provisioned" ] || command -v debootstrap >/dev/null || missing+=(debootstrap)
[ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"

venv="$dir/venv"
if [ ! -f "$venv/.databazel-provisioned" ]; then
  command -v python3 >/dev/null || die "python3 is missing (BuildGrid is a Python server)." \
    "Fix: apt-get install python3 python3-venv"
  python3 -c 'import venv, ensurepip' 2>/dev/null || die "python3 cannot make virtual environments." \
    "Fix: apt-get install python3-venv"
  say "installing BuildGrid $buildgrid_version from PyPI into $venv (once; about a minute)"
  rm -rf "$venv"
  python3 -m venv "$venv"
  if ! "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "buildgrid[database]==$buildgrid_version" psycopg2-binary >"$dir/venv.log" 2>&1; then
    tail -n 20 "$dir/venv.log" >&2
    rm -rf "$venv"
    die "pip could not install BuildGrid (full log: $dir/venv.log)." \
      "Fix: make sure PyPI (or your pip index) is reachable, then run again."
  fi
  rm -f "$dir/venv.log"
  date -u +%FT%TZ >"$venv/.databazel-provisioned"
fi

# BuildGrid 0.4.4 reads the scheduler's max-job-attempts from its configuration but never hands
# it to the scheduler, which then always reassigns a lost job up to 5 times. The test cluster
# sets 1, so that a job whose worker died ends ABORTED and Bazel itself executes the action
# again, as against Buildbarn or a hosted service. Forward the setting (once; idempotent).
parser=$(echo "$venv"/lib/python3*/site-packages/buildgrid/server/app/settings/parser.py)
if ! grep -q 'max_job_attempts=max_job_attempts,' "$parser"; then
  grep -q '^            eviction_cooldown_seconds=eviction_cooldown_seconds,$' "$parser" ||
    die "BuildGrid's $parser is not the one this fix was written for (BuildGrid $buildgrid_version)." \
      "Fix: delete $venv and run again, so that BuildGrid $buildgrid_version is reinstalled."
  sed -i 's/^            eviction_cooldown_seconds=eviction_cooldown_seconds,$/&\n            max_job_attempts=max_job_attempts,/' "$parser"
  say "forwarded BuildGrid's max-job-attempts setting to its scheduler"
fi

if [ ! -f "$root/.databazel-provisioned" ]; then
  command -v debootstrap >/dev/null || die "debootstrap is missing." \
    "Fix: apt-get install debootstrap"
  # shellcheck source=tools/lib/debian-mirror.sh
  source "$here/../lib/debian-mirror.sh"
  partial="$root.partial"
  rm -rf "$partial"
  trap 'rm -rf "$partial"' EXIT
  say "provisioning the worker root (Debian sid + buildbox) into $root (once; a few minutes)"
  say "step 1/2: debootstrap sid from $mirror"
  if ! unshare --mount --propagation private debootstrap --variant=minbase sid "$partial" "$mirror" >"$dir/worker-root.log" 2>&1; then
    tail -n 20 "$dir/worker-root.log" >&2
    die "debootstrap failed (full log: $dir/worker-root.log)." \
      "Fix: check that the mirror above serves 'sid', or set DATABAZEL_DEBIAN_MIRROR."
  fi
  # sid's Release file is often past its Valid-Until date on mirrors and snapshots.
  printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' >"$partial/etc/apt/apt.conf.d/99databazel"
  cp /etc/resolv.conf "$partial/etc/resolv.conf" 2>/dev/null || true
  say "step 2/2: apt-get install buildbox"
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  if ! unshare --mount --propagation private sh -c '
      mount -t proc proc "$0/proc" &&
      chroot "$0" sh -c "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends buildbox"
    ' "$partial" >>"$dir/worker-root.log" 2>&1; then
    tail -n 20 "$dir/worker-root.log" >&2
    die "apt-get install buildbox in the sid root failed (full log: $dir/worker-root.log)." \
      "Fix: make sure Debian's package mirror is reachable, then run again."
  fi
  rm -rf "$root"
  mv "$partial" "$root"
  trap - EXIT
  rm -f "$dir/worker-root.log"
  date -u +%FT%TZ >"$root/.databazel-provisioned"
fi
say "provisioned: $dir"
