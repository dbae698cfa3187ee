# shellcheck shell=bash
# Sourced by the provisioning scripts (after messages.sh): apt_install PACKAGE... installs Debian
# packages on the host, refreshing the package lists first when they are missing or stale (a
# fresh machine or container has none). Waits for another apt or dpkg to finish instead of
# failing on its lock. Dies with the fix when apt cannot install them.
apt_install() {
  command -v apt-get >/dev/null || die "$* missing, and there is no apt-get to install them." \
    "Fix: install $* with this system's package manager."
  [ "$(id -u)" = 0 ] || die "$* missing, and installing them with apt-get needs root." \
    "Fix: run 'apt-get install $*' as root."
  # One apt-get at a time (tests/harness/install.ts takes the same lock): `apt-get update` does
  # not wait for the package lists' lock as install waits for dpkg's.
  local apt=(flock /tmp/databazel-apt.lock apt-get -o DPkg::Lock::Timeout=600 -y --no-install-recommends)
  say "installing $* with apt-get (once)"
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "$@" >/dev/null 2>&1 ||
    { "${apt[@]}" update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "$@" >/dev/null; } ||
    die "apt-get could not install $*." "Fix: run 'apt-get update && apt-get install $*' as root, and check that Debian's mirror is reachable."
}
