#!/usr/bin/env bash
# Starts a local Remote Execution API cluster on loopback ports: PostgreSQL (BuildGrid's
# scheduler state), the BuildGrid server, and N buildbox workers (each with its own buildbox-casd
# as a local cache), then waits until it is healthy.
# Usage: start.sh DIR N_WORKERS STATE_DIR    (DIR: what provision.sh made)
# Run by `cluster.sh start`, which has checked N_WORKERS and that STATE_DIR holds no cluster.
# Writes STATE_DIR/env (sourceable: REMOTE_EXECUTOR, REMOTE_INSTANCE, ports, pids) and logs.
# Every process runs in its own process group, so stop.sh can end it with all its children.
set -euo pipefail

dir=${1:?usage: start.sh DIR N_WORKERS STATE_DIR}
workers=${2:?usage: start.sh DIR N_WORKERS STATE_DIR}
state=${3:?usage: start.sh DIR N_WORKERS STATE_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
venv="$dir/venv" root="$dir/worker-root"

MESSAGE_PREFIX=databazel-remote
# shellcheck source=tools/lib/messages.sh
source "$here/../lib/messages.sh"

[ "$(id -u)" = 0 ] || die "the cluster needs root (workers chroot; PostgreSQL runs as user postgres)." \
  "Fix: run as root."
pgbin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || die "PostgreSQL's server binaries are missing (BuildGrid's scheduler needs them)." \
  "Fix: apt-get install postgresql"
id postgres >/dev/null 2>&1 || die "there is no 'postgres' user to run PostgreSQL as." \
  "Fix: apt-get install postgresql (it creates the user)."
if [ ! -f "$venv/.databazel-provisioned" ] || [ ! -f "$root/.databazel-provisioned" ]; then
  die "$dir is not provisioned." "Fix: run tools/remote/provision.sh $dir"
fi

mkdir -p "$state"
state=$(cd "$state" && pwd)
env_file="$state/env"
# Record each part as soon as it runs, so stop.sh can clean up after a failed start.
record() { echo "$1=$2" >>"$env_file.partial"; }
fail() {
  say "error: $1"
  mv "$env_file.partial" "$env_file" 2>/dev/null || true
  "$here/stop.sh" "$state" >&2 || true
  exit 1
}
: >"$env_file.partial"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL: its files live outside STATE_DIR, which user postgres may not be able to reach.
pg_port=$(free_port)
pg_dir=$(mktemp -d /tmp/databazel-remote-pg.XXXXXX)
chmod 755 "$pg_dir"
chown postgres "$pg_dir"
record PG_DIR "$pg_dir"
record PG_BIN "$pgbin"
record PG_PORT "$pg_port"
as_pg() { runuser -u postgres -- "$@"; }
say "starting PostgreSQL on 127.0.0.1:$pg_port"
as_pg "$pgbin/initdb" -D "$pg_dir/data" -U bgd --auth=trust >"$state/postgres-init.log" 2>&1 ||
  fail "initdb failed (log: $state/postgres-init.log)"
as_pg "$pgbin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null ||
  fail "PostgreSQL did not start (log: $pg_dir/postgres.log)"
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U bgd bgd || fail "createdb failed"
"$venv/bin/bgd" migrate apply "postgresql://bgd@127.0.0.1:$pg_port/bgd" >"$state/migrate.log" 2>&1 ||
  fail "bgd migrate failed (log: $state/migrate.log)"

# BuildGrid: CAS and action cache in memory, the scheduler in PostgreSQL, instance "main".
bgd_port=$(free_port)
sed -e "s/@BGD_PORT@/$bgd_port/" -e "s/@PG_PORT@/$pg_port/" "$here/bgd.yml.in" >"$state/bgd.yml"
say "starting BuildGrid on 127.0.0.1:$bgd_port"
setsid "$venv/bin/bgd" server start "$state/bgd.yml" >"$state/bgd.log" 2>&1 </dev/null &
record BGD_PID $!
record BGD_PORT "$bgd_port"
for _ in $(seq 300); do port_open "$bgd_port" && break; sleep 0.1; done
port_open "$bgd_port" || fail "BuildGrid did not listen on 127.0.0.1:$bgd_port within 30 s (log: $state/bgd.log)"

# Workers: each in a private mount namespace (its own /proc and /dev) chrooted into the sid root,
# with its own buildbox-casd: a local cache in front of BuildGrid's CAS, from which the runner
# stages inputs by hard link instead of downloading them for every action (Node alone is 127 MB).
# copy-or-link: casd would otherwise stage through buildbox-fuse, which hangs in this namespace.
# Names carry the server port, so clusters that share the worker root use separate workspaces.
names=()
for i in $(seq "$workers"); do
  name="w$i-$bgd_port"
  mkdir -p "$root/work/$name"
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  setsid unshare --mount --propagation private sh -c '
    mount -t proc proc "$0/proc" && mount --rbind /dev "$0/dev" || exit 1
    casd_socket="/work/$2/casd.sock"
    BUILDBOX_STAGER=copy-or-link chroot "$0" buildbox-casd --cas-remote="http://127.0.0.1:$1" --cas-instance=main \
      --bind="unix:$casd_socket" --quota-high=4G --log-level=warning "/work/$2/cas" &
    for _ in $(seq 100); do [ -S "$0$casd_socket" ] && break; sleep 0.1; done
    exec chroot "$0" buildbox-worker --bots-remote="http://127.0.0.1:$1" --bots-instance=main \
      --cas-remote="unix:$casd_socket" --cas-instance= \
      --buildbox-run=/usr/bin/buildbox-run-hosttools \
      --platform OSFamily=linux --platform ISA=x86-64 --verbose "$2"
  ' "$root" "$bgd_port" "$name" >"$state/worker-$i.log" 2>&1 </dev/null &
  record "WORKER_${i}_PID" $!
  record "WORKER_${i}_NAME" "$name"
  names+=("$name")
done
record WORKERS "$workers"
record WORKER_ROOT "$root"
say "started workers ${names[*]}; waiting for their bot sessions"
for i in $(seq "$workers"); do
  for _ in $(seq 600); do grep -q "Bot Session created" "$state/worker-$i.log" && break; sleep 0.1; done
  grep -q "Bot Session created" "$state/worker-$i.log" ||
    fail "worker $i did not create a bot session within 60 s (log: $state/worker-$i.log)"
done

record REMOTE_EXECUTOR "grpc://127.0.0.1:$bgd_port"
record REMOTE_INSTANCE main
mv "$env_file.partial" "$env_file"
say "cluster healthy: --remote_executor=grpc://127.0.0.1:$bgd_port --remote_instance_name=main ($workers workers)"
