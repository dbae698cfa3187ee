# shellcheck shell=bash
# Sourced by the provisioning scripts: `say` for progress, `die` for a failure with its fix.
# Set MESSAGE_PREFIX (e.g. "databazel") before sourcing.
say() { echo "${MESSAGE_PREFIX:-databazel}: $*" >&2; }
die() {
  say "error: $1"
  shift
  for line in "$@"; do echo "  $line" >&2; done
  exit 1
}
