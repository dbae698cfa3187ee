#!/usr/bin/env bash
# Makes the offline Bazel's root trust the host's extra CA certificates, as the host does.
#
# Usage: trust-host-cas.sh ROOT DIGEST
# Where a proxy re-signs TLS (as on build farms), Bazel's downloader (Java) fails with "PKIX path
# building failed" unless the root trusts the same extra CAs as the host, in
# /usr/local/share/ca-certificates. update-ca-certificates rewrites the Java keystore too. The
# DIGEST goes into a startup option of the root's bazelrc, so a running Bazel server restarts
# and reads the new keystore when the certificates change.
set -euo pipefail
root=${1:?usage: trust-host-cas.sh ROOT DIGEST}
digest=${2:?usage: trust-host-cas.sh ROOT DIGEST}
dest="$root/usr/local/share/ca-certificates/host"

rm -rf "$dest"
mkdir -p "$dest"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$dest/"
fi
# shellcheck disable=SC2016 # the inner script expands its own arguments
unshare --mount --propagation private sh -c '
  mount -t proc proc "$0/proc" && chroot "$0" update-ca-certificates --fresh
' "$root" >/dev/null 2>&1 || {
  echo "databazel: warning: could not update the offline Bazel's CA certificates; downloads through a TLS proxy may fail (PKIX)." >&2
}

rc="$root/etc/bazel.bazelrc"
begin="# BEGIN databazel host CAs"
end="# END databazel host CAs"
touch "$rc"
sed -i "/^$begin\$/,/^$end\$/d" "$rc"
printf '%s\nstartup --host_jvm_args=-Ddatabazel.host_cas=%s\n%s\n' "$begin" "$digest" "$end" >>"$rc"
