#!/usr/bin/env bash
# Reports whether each part of the cluster in STATE_DIR runs; exits 0 only if all do.
# Usage: status.sh STATE_DIR
set -uo pipefail
state=${1:?usage: status.sh STATE_DIR}
[ -f "$state/env" ] || { echo "no cluster running in $state"; exit 1; }
# shellcheck source=/dev/null # start.sh writes it
. "$state/env"
ok=0
# shellcheck disable=SC2317 # alive and port_open run through report's "${@:2}"
alive() { [ -n "$(ps -o pid= -s "$1" 2>/dev/null)" ]; }
# shellcheck disable=SC2317 # as alive
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
report() { if "${@:2}"; then echo "$1: up"; else echo "$1: DOWN"; ok=1; fi; }
report "postgres 127.0.0.1:$PG_PORT" port_open "$PG_PORT"
report "buildgrid $REMOTE_EXECUTOR (pid $BGD_PID)" alive "$BGD_PID"
for i in $(seq "$WORKERS"); do
  pid_var="WORKER_${i}_PID" name_var="WORKER_${i}_NAME"
  report "worker ${!name_var} (pid ${!pid_var})" alive "${!pid_var}"
done
exit $ok
