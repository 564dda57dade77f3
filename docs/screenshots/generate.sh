#!/usr/bin/env bash
# Regenerates the screenshots in this folder from a fresh demo gateway, so they always
# show the current build. Usage: docs/screenshots/generate.sh [BUILD_DIR]
set -euo pipefail
# The widget tests that draw the dialogs use the Secret Service, as under test.sh.
if [[ -z "${KNOTIE_KEYRING_READY:-}" ]]; then
    keyring_home=$(mktemp -d)
    exec env KNOTIE_KEYRING_READY=1 XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c \
        'printf knotie | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec bash "$0" "$@"' \
        "$0" "$@"
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/dev}
out=$root/docs/screenshots
data=$(mktemp -d)
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$data/config
"$build/gateway/knotie-gateway" --listen 127.0.0.1:0 --data "$data" --demo >"$data/out" 2>"$data/err" &
gateway=$!
trap 'kill $gateway 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$data/out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$data/out")

shot() { # shot NAME EMAIL PAGE [LANGUAGE]
    KNOTIE_PASSWORD=knotie-demo "$build/app/knotie-portal" --gateway "$url" --email "$2" --sign-in --page "$3" \
        --language "${4:-en}" --screenshot "$out/$1.png"
}
shot main-window-owner owner@demo.test api-keys
shot main-window-member member@demo.test overview
shot main-window-owner-de owner@demo.test overview de
shot api-reference owner@demo.test api-reference
shot api-reference-de admin@demo.test api-reference de
shot overview-owner owner@demo.test overview
shot overview-member member@demo.test overview
shot customers-owner owner@demo.test customers
shot customers-member member@demo.test customers
shot analytics-owner owner@demo.test analytics
shot analytics-member member@demo.test analytics
shot analytics-owner-de owner@demo.test analytics de
shot api-keys-owner-de owner@demo.test api-keys de
shot team-page-owner owner@demo.test team

# Dialogs and states (empty, 10,000 keys, offline), rendered by their widget tests.
for test in tst_createkeydialog tst_secretrevealdialog tst_apireference tst_apikeyspage tst_apikeyspage_actions \
    tst_apikeyspage_table tst_teampage tst_analyticspage; do
    KNOTIE_SCREENSHOT_DIR=$out "$build/tests/portal/$test" >/dev/null ||
        { echo "$test failed: run it alone to see why" >&2; exit 1; }
done
# The secret dialog when the keychain cannot be reached.
KNOTIE_SCREENSHOT_DIR=$out KNOTIE_TEST_KEYCHAIN=unreachable DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
    "$build/tests/portal/tst_secretrevealdialog" close_whenTheKeychainFails_staysOpenSaysWhyAndKeepsTheSecret >/dev/null
