#!/usr/bin/env bash
# Stops what start.sh started for STATE_DIR: workers first (so they do not retry a dead
# server), then BuildGrid, then PostgreSQL. Checks with ps that nothing is left running.
# Usage: stop.sh STATE_DIR   (also cleans up after a start that failed half-way)
set -uo pipefail

state=${1:?usage: stop.sh STATE_DIR}
say() { echo "databazel-remote: $*" >&2; }
env_file="$state/env"
[ -f "$env_file" ] || env_file="$state/env.partial"
[ -f "$env_file" ] || { say "no cluster recorded in $state; nothing to stop"; exit 0; }
# shellcheck disable=SC1090
. "$env_file"

# Each part runs in a session of its own (setsid); its id is the recorded pid.
session_alive() { [ -n "$(ps -o pid= -s "$1" 2>/dev/null)" ]; }
any_alive() {
  local sid
  for sid in "$@"; do session_alive "$sid" && return 0; done
  return 1
}
# TERM the sessions together, then KILL what is left after 10 s.
stop_sessions() {
  local what=$1 sid
  shift
  any_alive "$@" || return 0
  say "stopping $what"
  for sid in "$@"; do pkill -TERM -s "$sid" 2>/dev/null; done
  for _ in $(seq 100); do any_alive "$@" || return 0; sleep 0.1; done
  for sid in "$@"; do pkill -KILL -s "$sid" 2>/dev/null; done
  for _ in $(seq 50); do any_alive "$@" || return 0; sleep 0.1; done
}

workers=()
for var in $(compgen -v WORKER_ | grep '_PID$'); do workers+=("${!var}"); done
stop_sessions "${#workers[@]} workers" "${workers[@]}"
sessions=("${workers[@]}")
if [ -n "${BGD_PID:-}" ]; then
  stop_sessions BuildGrid "$BGD_PID"
  sessions+=("$BGD_PID")
fi
if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
  say "stopping PostgreSQL"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
fi

# Verify with ps: no process of any recorded session, none using the PostgreSQL directory.
left=""
for sid in "${sessions[@]}"; do left+=$(ps -o pid=,args= -s "$sid" 2>/dev/null); done
# shellcheck disable=SC2009 # a fixed-string match on the path; pgrep would take it as a regex
[ -z "${PG_DIR:-}" ] || left+=$(ps -eo pid=,args= | grep -F -- "$PG_DIR" | grep -v grep)
if [ -n "$left" ]; then
  say "error: processes still running:"
  echo "$left" >&2
  exit 1
fi

[ -z "${PG_DIR:-}" ] || rm -rf "$PG_DIR"
for var in $(compgen -v WORKER_ | grep '_NAME$'); do
  [ -n "${WORKER_ROOT:-}" ] && rm -rf "${WORKER_ROOT:?}/work/${!var}"
done
mv "$env_file" "$state/env.stopped"
say "cluster in $state stopped; nothing left running"
