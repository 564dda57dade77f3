#!/usr/bin/env bash
# Builds the .deb and .tar.gz with CPack and checks what they install.
set -euo pipefail
build_dir=$1
cd "$build_dir"
rm -rf packages
cpack -G "DEB;TGZ" >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls packages/*.deb); tgz=$(ls packages/*.tar.gz)
# The portal's two stages (app/stages.h), where the launcher and the first stage look for them.
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' CMakeCache.txt)
expected=(
    usr/bin/knotie-portal
    "usr/${libdir}/knotie-portal/knotie-portal-first.so"
    "usr/${libdir}/knotie-portal/knotie-portal-main.so"
    usr/bin/knotie-gateway
    usr/share/applications/ai.knotie.PartnerPortal.desktop
    usr/share/metainfo/ai.knotie.PartnerPortal.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/ai.knotie.PartnerPortal.svg
    usr/share/icons/hicolor/16x16/apps/ai.knotie.PartnerPortal.png
    usr/share/icons/hicolor/48x48/apps/ai.knotie.PartnerPortal.png
    usr/share/icons/hicolor/256x256/apps/ai.knotie.PartnerPortal.png
    usr/share/knotie-portal/translations/knotie_de.qm
)
deb_files=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||')
tgz_files=$(tar -tzf "$tgz" | sed 's|^[^/]*/||')
failed=0; checked=0
for f in "${expected[@]}"; do
    checked=$((checked + 1))
    grep -qx "$f" <<<"$deb_files" || { echo "FAIL: $f missing from $(basename "$deb")"; failed=$((failed + 1)); }
    grep -qx "${f#usr/}" <<<"$tgz_files" || { echo "FAIL: ${f#usr/} missing from $(basename "$tgz")"; failed=$((failed + 1)); }
done
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libsecret-1-0 libqt6sql6-sqlite libqt6widgets6; do
    checked=$((checked + 1))
    grep -q "$dep" <<<"$depends" || { echo "FAIL: Depends lacks $dep: $depends"; failed=$((failed + 1)); }
done
extract=$(mktemp -d); trap 'rm -rf "$extract"' EXIT
dpkg-deb -x "$deb" "$extract"
checked=$((checked + 2))
desktop-file-validate "$extract/usr/share/applications/ai.knotie.PartnerPortal.desktop" || failed=$((failed + 1))
appstreamcli validate --no-net --pedantic "$extract/usr/share/metainfo/ai.knotie.PartnerPortal.metainfo.xml" >/dev/null \
    || { appstreamcli validate --no-net "$extract/usr/share/metainfo/ai.knotie.PartnerPortal.metainfo.xml"; failed=$((failed + 1)); }
echo "$((checked * 1 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
