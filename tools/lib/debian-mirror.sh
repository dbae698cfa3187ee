# shellcheck shell=bash
# Sourced by the provisioning scripts (after messages.sh): sets `mirror` to the Debian mirror
# the host's apt already uses, so no host name is kept in this repository.
# DATABAZEL_DEBIAN_MIRROR overrides it.
mirror_from_apt() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      /^[[:space:]]*deb[[:space:]]/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }
      /^URIs:/ { print $2 }
    ' "$f"
  done | grep -E '/debian/?$' | head -n 1
}
mirror=${DATABAZEL_DEBIAN_MIRROR:-$(mirror_from_apt)}
[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list*." \
  "Fix: set DATABAZEL_DEBIAN_MIRROR to a Debian mirror URI that serves the 'sid' suite."
