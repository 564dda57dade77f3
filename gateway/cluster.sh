#!/usr/bin/env bash
# Several knotie-gateway instances behind HAProxy on one port, with a throwaway
# PostgreSQL 15 and Redis 7 beside them, all in one folder of its own; the portal is
# pointed at HAProxy. Everything stops (and the folder goes) on Ctrl-C.
#
#   bash gateway/cluster.sh [--instances N] [--port PORT] [--folder DIR] [--keep] [--no-portal]
#                           [--build DIR (default build/run, as run.sh; an existing build is reused as it is)]
#                           [--check (start everything, check every instance and HAProxy answer, stop)]
#
# TODAY (before issue 17's storage seam): each instance still keeps its own SQLite file in
# its own --data folder, and PostgreSQL and Redis are started but not yet used by the
# gateway. So HAProxy sends each client to one instance (`balance source`): a session or
# key made on one instance is unknown to the others. See docs/operations.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

instances=3
port=8790
folder=
keep=no
portal=yes
check=no
build=$root/build/run
while [ $# -gt 0 ]; do
    case $1 in
        --instances) instances=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --folder) folder=$2; shift 2 ;;
        --keep) keep=yes; shift ;;
        --no-portal) portal=no; shift ;;
        --check) check=yes; portal=no; shift ;;
        --build) build=$(cd "$2" && pwd); shift 2 ;;
        -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

bash "$root/installer/install-build-deps.sh" cluster
[ -f "$build/CMakeCache.txt" ] ||
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKNOTIE_BUILD_TESTS=OFF >/dev/null
targets=(knotie-gateway)
[ "$portal" = yes ] && targets+=(knotie-portal)
cmake --build "$build" -j2 --target "${targets[@]}"
gateway_binary=$build/gateway/knotie-gateway

[ -n "$folder" ] || folder=$(mktemp -d /tmp/knotie-cluster.XXXXXX)
mkdir -p "$folder"
folder=$(cd "$folder" && pwd)
pg_bin=/usr/lib/postgresql/15/bin
pids=()

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local candidate
    for _ in $(seq 50); do
        candidate=$((20000 + RANDOM % 20000))
        listening "$candidate" || { echo "$candidate"; return; }
    done
    echo "no free port found" >&2
    return 1
}
# initdb and postgres refuse root: as root they run as the postgres system user.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then (cd "$folder" && runuser -u postgres -- "$@"); else "$@"; fi
}

stop_all() {
    set +e
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    [ -f "$folder/postgres/PG_VERSION" ] && as_postgres "$pg_bin/pg_ctl" stop -D "$folder/postgres" -m fast -w >/dev/null
    [ "$keep" = yes ] || rm -rf "$folder"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

listening "$port" && { echo "port $port is taken: choose another with --port" >&2; exit 1; }

# PostgreSQL 15: a cluster of its own in $folder/postgres, socket in $folder, loopback only.
pg_port=$(free_port)
[ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
as_postgres "$pg_bin/initdb" -D "$folder/postgres" -U knotie -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync --no-instructions >"$folder/initdb.log"
cat >>"$folder/postgres/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$folder'
CONF
as_postgres "$pg_bin/pg_ctl" start -D "$folder/postgres" -l "$folder/postgres.log" -w >/dev/null
as_postgres "$pg_bin/createdb" -h "$folder" -p "$pg_port" -U knotie knotie
database_url=postgresql://knotie@127.0.0.1:$pg_port/knotie

# Redis 7: nothing saved to disk; rate limits are worth nothing after a restart.
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$folder" \
    --logfile "$folder/redis.log" --daemonize no &
pids+=($!)
redis_url=redis://127.0.0.1:$redis_port

# The gateways: each picks a free port and says it on its first line.
servers=
addresses=()
for i in $(seq "$instances"); do
    data=$folder/gateway-$i
    mkdir -p "$data"
    # TODO(issue 17): add `--database "$database_url" --redis "$redis_url" --instance gateway-$i` once the
    # gateway accepts them; then every instance shares one database and HAProxy may balance round-robin.
    "$gateway_binary" --listen 127.0.0.1:0 --data "$data" --demo >"$data/out.log" 2>"$data/gateway.log" &
    pids+=($!)
    for _ in $(seq 100); do
        grep -q '^listening on ' "$data/out.log" 2>/dev/null && break
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$data/gateway.log"; exit 1; }
        sleep 0.1
    done
    address=$(sed -n 's|^listening on http://||p' "$data/out.log")
    [ -n "$address" ] || { echo "gateway-$i did not start" >&2; cat "$data/gateway.log"; exit 1; }
    addresses+=("$address")
    servers+="    server gateway-$i $address check inter 1s fall 2 rise 1"$'\n'
done

# HAProxy in front: health-checked through /healthz, which answers 503 while an instance's
# database is unreachable (API.md v1.1), so such an instance gets no traffic.
cat >"$folder/haproxy.cfg" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 75s
    # Change waits (GET /v1/keys?wait=60) hold an answer up to 60 s.
    timeout server 75s
    option redispatch
    retries 2

frontend knotie
    bind 127.0.0.1:$port
    default_backend gateways

backend gateways
    # TODO(issue 17): roundrobin once the instances share one database (see docs/operations.md).
    balance source
    option httpchk GET /healthz
    http-check expect status 200
$servers
CFG
haproxy -c -q -f "$folder/haproxy.cfg"
haproxy -db -f "$folder/haproxy.cfg" >"$folder/haproxy.log" 2>&1 &
pids+=($!)
url=http://127.0.0.1:$port
for _ in $(seq 100); do
    curl -fsS "$url/healthz" 2>/dev/null | grep -q '"knotie-gateway"' && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$folder/haproxy.log"; exit 1; }
    sleep 0.1
done
curl -fsS "$url/healthz" >/dev/null
if [ "$check" = yes ]; then
    for address in "${addresses[@]}"; do curl -fsS "http://$address/healthz" >/dev/null; done
    as_postgres "$pg_bin/psql" -h "$folder" -p "$pg_port" -U knotie -d knotie -Atc 'SELECT 1' >/dev/null
    [ "$(redis-cli -p "$redis_port" PING)" = PONG ]
    echo "cluster check passed: HAProxy $url, ${#addresses[@]} gateways, PostgreSQL, Redis"
    exit 0
fi

cat <<MSG

  $instances Knotie gateways behind HAProxy: $url   (folder: $folder)
  PostgreSQL 15: $database_url   (not used by the gateway yet: issue 17)
  Redis 7:       $redis_url   (not used by the gateway yet: issue 17)
  Demo sign-in:  owner@demo.test / knotie-demo
  Today each instance has its own SQLite data; HAProxy keeps each client on one of them.

MSG
if [ "$portal" = yes ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    KNOTIE_PASSWORD=knotie-demo "$build/app/knotie-portal" --gateway "$url" --email owner@demo.test --sign-in
else
    echo "Press Ctrl-C to stop everything."
    wait "${pids[-1]}"
fi
