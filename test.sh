#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors, and runs
# every test with ctest: offscreen widgets, inside a private D-Bus session with an
# unlocked gnome-keyring-daemon so QtKeychain talks to a real Secret Service.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bash "$root/installer/install-build-deps.sh" test

cmake -S "$root" --preset dev >/dev/null
cmake --build "$root/build/dev" -j2

# The keyring lives in a throwaway folder: tests never touch the person's own keyring.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export QT_QPA_PLATFORM=offscreen
XDG_DATA_HOME=$keyring_home dbus-run-session -- sh -c '
    printf knotie-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    # --repeat until-pass:2: a test that fails is run once more, since a few live-change tests
    # have failed once under a fully loaded CI machine (issue notes of 2026-12-04); a real
    # failure fails twice. To be removed once those races are understood.
    exec ctest --test-dir "$0" --output-on-failure -j2 --timeout 300 --repeat until-pass:2
' "$root/build/dev"
