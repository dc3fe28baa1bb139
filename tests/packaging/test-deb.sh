#!/usr/bin/env bash
# Builds the .deb packages with CPack, unpacks them into a temporary root (dpkg -x) and runs
# the installed programs from there; validates the installed desktop file and metainfo.
set -euo pipefail
build_dir=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/ankra-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
shopt -s nullglob
debs=("$work"/out/*.deb)
[[ ${#debs[@]} -eq 2 ]] || { echo "expected 2 packages, got: ${debs[*]}"; exit 1; }

root="$work/root"
for deb in "${debs[@]}"; do
    echo "package $(basename "$deb"): $(dpkg-deb -f "$deb" Package) depends: $(dpkg-deb -f "$deb" Depends)"
    dpkg-deb -f "$deb" Depends | grep -q libqt6core6 || { echo "no Qt dependency in $deb"; exit 1; }
    dpkg -x "$deb" "$root"
done

export QT_QPA_PLATFORM=offscreen
version=$("$root/usr/bin/ankra-support" --version)
echo "$version"
[[ "$version" == *"ankra-support"*"0."* ]] || { echo "unexpected --version: $version"; exit 1; }
"$root/usr/bin/ankra-support-server" --help | grep -q "Usage: ankra-support-server"
"$root/usr/bin/ankra-support-server" --version | grep -q "ankra-support-server 0."
test -f "$root/usr/lib/systemd/user/ankra-support-server.service"
test -f "$root/usr/share/icons/hicolor/scalable/apps/io.ankra.Support.svg"
test -f "$root/usr/share/icons/hicolor/48x48/apps/io.ankra.Support.png"
desktop-file-validate "$root/usr/share/applications/io.ankra.Support.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.ankra.Support.metainfo.xml" >/dev/null
echo "packages install and run"
