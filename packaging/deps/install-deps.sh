#!/usr/bin/env bash
# Install everything Ankra Support needs to build and test on Debian 12 /
# Ubuntu 24.04 (apt), then KSyntaxHighlighting for Qt 6 (system KF6 package
# when the distribution has one, else a cached static build).
# Idempotent: when everything is present it only runs dpkg-query and exits.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=ksh-prefix.sh
source "$here/ksh-prefix.sh"

# "a|b" = the first of a, b that the distribution has (b when a was dropped).
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libgl-dev libfontconfig-dev qtkeychain-qt6-dev
    gnome-keyring libsecret-1-0 dbus dbus-x11
    libcpp-httplib-dev extra-cmake-modules
    xvfb xauth imagemagick curl xz-utils clang-format sqlite3 fonts-dejavu-core
    wrk "nginx-light|nginx" perl util-linux
    dpkg-dev desktop-file-utils appstream librsvg2-bin
    clang "libclang-rt-dev|libclang-rt-14-dev" qt6-image-formats-plugins ccache xdotool qt6-translations-l10n
)

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "[deps] ERROR: not root and sudo is not installed" >&2; exit 1; }
    SUDO=(sudo)
fi

# Names of the installed packages among "$@".
installed_among() {
    dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null |
        awk '$NF == "installed" { print $1 }' || true
}

# 0 when apt knows an installable version of $1.
has_candidate() {
    local c
    c="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2; exit }')"
    [[ -n "$c" && "$c" != "(none)" ]]
}

all_names=()
for p in "${packages[@]}"; do IFS='|' read -r -a alts <<<"$p"; all_names+=("${alts[@]}"); done
declare -A have=()
while read -r name; do [[ -n "$name" ]] && have["$name"]=1; done < <(installed_among "${all_names[@]}")

missing=()   # entries (possibly "a|b") with nothing installed
for p in "${packages[@]}"; do
    IFS='|' read -r -a alts <<<"$p"
    ok=""
    for a in "${alts[@]}"; do [[ -n "${have[$a]:-}" ]] && ok=1; done
    [[ -z "$ok" ]] && missing+=("$p")
done

want_kf6=""
if ! ankra_system_has_kf6_ksh && has_candidate libkf6syntaxhighlighting-dev; then
    want_kf6=1
fi

apt_updated=""
apt_update() {
    [[ -n "$apt_updated" ]] && return 0
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
}

if ((${#missing[@]})) || [[ -n "$want_kf6" ]]; then
    echo "[deps] apt: installing missing packages: ${missing[*]}${want_kf6:+ libkf6syntaxhighlighting-dev}"
    apt_update
    to_install=()
    for p in "${missing[@]}"; do
        IFS='|' read -r -a alts <<<"$p"
        pick=""
        for a in "${alts[@]}"; do
            if has_candidate "$a"; then pick="$a"; break; fi
        done
        if [[ -n "$pick" ]]; then to_install+=("$pick"); else echo "[deps] warning: no apt package for '$p', skipped" >&2; fi
    done
    # Debian 13+ ships KF6SyntaxHighlighting: use it instead of building.
    if ! ankra_system_has_kf6_ksh && has_candidate libkf6syntaxhighlighting-dev; then
        to_install+=(libkf6syntaxhighlighting-dev)
    fi
    if ((${#to_install[@]})); then
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${to_install[@]}"
    fi
else
    echo "[deps] apt: all ${#packages[@]} required packages already installed"
fi

if ankra_system_has_kf6_ksh; then
    echo "[deps] KSyntaxHighlighting: using the system KF6SyntaxHighlighting"
else
    "$here/build-ksyntaxhighlighting.sh"
    echo "[deps] KSyntaxHighlighting (Qt 6, static): $(ankra_ksh_prefix)"
    echo "[deps] use: cmake -DCMAKE_PREFIX_PATH=\"\$(packaging/deps/ksh-prefix.sh)\" ..."
fi
