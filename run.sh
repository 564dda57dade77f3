#!/usr/bin/env bash
# The run command: installs what is missing, builds, starts the local gateway with demo
# data (kept under your data folder) and opens the portal signed in to it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bash "$root/installer/install-build-deps.sh" run

build=$root/build/run
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKNOTIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2

data=${XDG_DATA_HOME:-$HOME/.local/share}/knotie-gateway/demo
mkdir -p "$data"
log=$data/gateway.log
address=127.0.0.1:8787
if curl -fsS "http://$address/healthz" 2>/dev/null | grep -q '"knotie-gateway"'; then
    echo "A Knotie gateway already runs at http://$address; using it."
    gateway_pid=
else
    # 8787 may be taken by another program: then let the gateway pick a free port.
    if curl -s -o /dev/null "http://$address/" 2>/dev/null; then address=127.0.0.1:0; fi
    "$build/gateway/knotie-gateway" --listen "$address" --data "$data" --demo >"$log.out" 2>"$log" &
    gateway_pid=$!
    trap '[ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null; wait 2>/dev/null' EXIT
    for _ in $(seq 100); do
        grep -q '^listening on ' "$log.out" 2>/dev/null && break
        kill -0 "$gateway_pid" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.1
    done
    url=$(sed -n 's/^listening on //p' "$log.out")
    address=${url#http://}
fi
url=http://$address

cat <<MSG

  Knotie gateway with demo data: $url   (data: $data)
  Demo sign-in:  owner@demo.test / knotie-demo   (also admin@demo.test, member@demo.test)

MSG
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: run this from a desktop session to see the portal." >&2
    exit 2
fi
KNOTIE_PASSWORD=knotie-demo "$build/app/knotie-portal" --gateway "$url" --email owner@demo.test --sign-in
