#!/usr/bin/env bash
# Installs the Debian 12 packages the portal needs, and only those missing, so that a
# second run costs nothing. Usage: install-build-deps.sh run|test|bench|cluster|fuzz
set -euo pipefail
purpose=${1:-test}

build=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libqt6sql6-sqlite libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev
    libboost1.81-dev libssl-dev libsecret-1-0 qt6-translations-l10n libqt6svg6 curl libhiredis-dev libpq-dev lld libfontconfig-dev)
run=(gnome-keyring dbus-x11)
# The engines the `engines` tests start themselves: PostgreSQL 15 (with Qt's driver for it) and Redis 7.
engines=(postgresql redis-server libqt6sql6-psql)
test=(xvfb xauth gnome-keyring dbus-x11 desktop-file-utils appstream dpkg-dev file python3 libyaml-dev clang-format
    "${engines[@]}")
bench=(wrk nginx-light hyperfine libxcb1-dev) # libxcb1-dev: bench_coldstart watches the X server for the first map
cluster=("${engines[@]}" haproxy) # gateway/cluster.sh
# libFuzzer comes with clang (tests/fuzz/README.md); CI only replays the corpus with g++.
fuzz=(clang-14 libclang-rt-14-dev)

case $purpose in
    run) wanted=("${build[@]}" "${run[@]}") ;;
    test) wanted=("${build[@]}" "${test[@]}") ;;
    bench) wanted=("${build[@]}" "${test[@]}" "${bench[@]}") ;;
    cluster) wanted=("${build[@]}" "${cluster[@]}") ;;
    fuzz) wanted=("${build[@]}" "${fuzz[@]}") ;;
    *) echo "usage: $0 run|test|bench|cluster|fuzz" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${#missing[@]} Debian packages: ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
