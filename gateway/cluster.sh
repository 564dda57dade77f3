#!/usr/bin/env bash
# Several knotie-gateway instances behind HAProxy on one port, sharing one throwaway
# PostgreSQL 15 database (and Redis 7 for rate limits), all in one folder of its own; the
# portal is pointed at HAProxy. Everything stops (and the folder goes) on Ctrl-C.
#
#   bash gateway/cluster.sh [--instances N] [--port PORT] [--folder DIR] [--keep] [--no-portal]
#                           [--build DIR (default build/run, as run.sh; an existing build is reused as it is)]
#                           [--check (start everything, sign in through HAProxy, check that the session
#                            works on every instance, stop)]
#
# Instance gw1 seeds the demo data (about 30 s on PostgreSQL), then gw2.. start on the same
# database. HAProxy balances round-robin and takes an instance out while its /healthz is not
# 200 (its database unreachable). See docs/operations.md.
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

# Rate limits in Redis once the gateway takes --redis (issue 17 item 3); until then each
# instance counts on its own, and this says so.
redis_args=()
if "$gateway_binary" --help | grep -- '--redis' >/dev/null; then  # not -q: no SIGPIPE under pipefail
    redis_args=(--redis "$redis_url")
    rate_limits="counted in Redis ($redis_url)"
else
    rate_limits="counted by each instance on its own (this gateway has no --redis yet)"
fi

# The gateways: each picks a free port and says it on its first line. gw1 migrates and
# seeds the empty database first; the others then start on it.
servers=
addresses=()
for i in $(seq "$instances"); do
    data=$folder/gw$i
    mkdir -p "$data"
    demo=()
    [ "$i" -eq 1 ] && demo=(--demo)
    "$gateway_binary" --listen 127.0.0.1:0 --data "$data" --database "$database_url" "${redis_args[@]}" \
        --instance "gw$i" "${demo[@]}" >"$data/out.log" 2>"$data/gateway.log" &
    pids+=($!)
    for _ in $(seq 1200); do
        grep -q '^listening on ' "$data/out.log" 2>/dev/null && break
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$data/gateway.log"; exit 1; }
        sleep 0.1
    done
    address=$(sed -n 's|^listening on http://||p' "$data/out.log")
    [ -n "$address" ] || { echo "gw$i did not start" >&2; cat "$data/gateway.log"; exit 1; }
    addresses+=("$address")
    servers+="    server gw$i $address check inter 1s fall 2 rise 1"$'\n'
done

# HAProxy in front: health-checked through /healthz, which answers 503 while an instance's
# database is unreachable (API.md v1.1), so such an instance gets no traffic.
# With no instance healthy, HAProxy answers itself: in the gateway's words (API.md's error body,
# 503 `unavailable` with Retry-After), not an HTML page.
body='{"error":{"code":"unavailable","message":"No gateway can answer just now. Try again in a few seconds.","field":null}}'
printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 2\r\nCache-Control: no-store\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "${#body}" "$body" >"$folder/unavailable.http"
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
    errorfile 503 $folder/unavailable.http

frontend knotie
    bind 127.0.0.1:$port
    default_backend gateways

backend gateways
    # Every instance serves every client: sessions, keys and people are the database's.
    balance roundrobin
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
    # The portal's sign-in through HAProxy, then that session on every instance directly.
    token=$(curl -fsS -H 'Content-Type: application/json' \
        -d '{"email":"owner@demo.test","password":"knotie-demo"}' "$url/v1/sessions" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    [ -n "$token" ] || { echo "sign-in through HAProxy failed" >&2; exit 1; }
    for address in "${addresses[@]}"; do
        curl -fsS -H "Authorization: Bearer $token" "http://$address/v1/keys" >/dev/null
    done
    echo "cluster check passed: signed in through HAProxy $url; the session works on all ${#addresses[@]} gateways"
    exit 0
fi

cat <<MSG

  $instances Knotie gateways (gw1..gw$instances) behind HAProxy: $url   (folder: $folder)
  PostgreSQL 15: $database_url   (shared by every instance)
  Redis 7:       $redis_url   (rate limits $rate_limits)
  Demo sign-in:  owner@demo.test / knotie-demo   (also admin@demo.test, member@demo.test)
  Logs:          $folder/gw*/gateway.log, $folder/haproxy.log, $folder/postgres.log

MSG
if [ "$portal" = yes ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    KNOTIE_PASSWORD=knotie-demo "$build/app/knotie-portal" --gateway "$url" --email owner@demo.test --sign-in
else
    echo "Press Ctrl-C to stop everything."
    wait "${pids[-1]}"
fi
