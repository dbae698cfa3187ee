#!/usr/bin/env bash
# A local Remote Execution API cluster for tests: BuildGrid (PyPI) + Debian's buildbox workers.
#
#   cluster.sh provision                   install BuildGrid and the workers' root (once)
#   cluster.sh start N_WORKERS STATE_DIR   provision once, start, wait until healthy
#   cluster.sh stop STATE_DIR              stop everything, check nothing is left running
#   cluster.sh status STATE_DIR            say what runs
#
# After start, STATE_DIR/env holds REMOTE_EXECUTOR (grpc://127.0.0.1:PORT) and
# REMOTE_INSTANCE (main), for `bazel build --config=remote --remote_executor=... `.
# The server and the worker root are cached in ${DATABAZEL_CACHE:-~/.cache/databazel}/remote.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MESSAGE_PREFIX=databazel-remote
# shellcheck source=tools/lib/messages.sh
source "$here/../lib/messages.sh"
cache=${DATABAZEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/databazel}/remote
usage() {
  echo "usage: cluster.sh provision | start N_WORKERS STATE_DIR | stop STATE_DIR | status STATE_DIR" >&2
  exit 2
}
# Two clusters starting at once provision only once.
provision() { mkdir -p "$cache" && flock "$cache/provision.lock" "$here/provision.sh" "$cache"; }

case "${1:-}" in
  provision) [ $# = 1 ] || usage; provision ;;
  start)
    [ $# = 3 ] || usage
    # Checked before provisioning, which can take minutes the first time.
    [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "N_WORKERS must be a whole number of at least 1, not '$2'." \
      "Fix: tools/remote/cluster.sh start 2 $3"
    [ ! -f "$3/env" ] || die "$3 already holds a cluster." "Fix: tools/remote/cluster.sh stop $3"
    provision
    exec "$here/start.sh" "$cache" "$2" "$3"
    ;;
  stop) [ $# = 2 ] || usage; exec "$here/stop.sh" "$2" ;;
  status) [ $# = 2 ] || usage; exec "$here/status.sh" "$2" ;;
  *) usage ;;
esac
