#!/usr/bin/env bash
# Build KSyntaxHighlighting 5.116.0 for Qt 6 as a static library into a
# per-user cache prefix (see ksh-prefix.sh). A second run is a no-op.
#
# Environment:
#   ANKRA_KSH_TARBALL      local path of ksyntax-highlighting_5.116.0.orig.tar.xz
#   ANKRA_KSH_TARBALL_URL  URL to download it from (tried before the apt mirrors)
#   XDG_CACHE_HOME         cache root (default: ~/.cache)
#
# The installed CMake package keeps its KF5 name: find_package(KF5SyntaxHighlighting)
# gives KF5::SyntaxHighlighting, built against Qt 6 (use cmake/AnkraSyntaxHighlighting.cmake).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=ksh-prefix.sh
source "$here/ksh-prefix.sh"

prefix="$(ankra_ksh_prefix)"
[[ -f "$prefix/.complete" ]] && exit 0

log() { printf '[deps] %s\n' "$*" >&2; }
die() { printf '[deps] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in cmake ninja curl tar xz sha256sum flock perl; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing. Run: packaging/deps/install-deps.sh"
done

cache="$(ankra_deps_cache_dir)"
mkdir -p "$cache/src"

# One build at a time; whoever waited re-checks the marker.
exec 9>"$cache/.ksyntaxhighlighting.lock"
if ! flock -n 9; then
    log "another KSyntaxHighlighting build is running, waiting for it..."
    flock 9
fi
[[ -f "$prefix/.complete" ]] && exit 0

tarball_name="ksyntax-highlighting_${ANKRA_KSH_VERSION}.orig.tar.xz"
tarball="$cache/src/$tarball_name"
pool_path="pool/main/k/ksyntax-highlighting/$tarball_name"

workdir=""
cleanup() { [[ -n "$workdir" ]] && rm -rf "$workdir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
workdir="$(mktemp -d "$cache/ksh-build.XXXXXX")"

sha_ok() { [[ "$(sha256sum "$1" | cut -d' ' -f1)" == "$ANKRA_KSH_SHA256" ]]; }

# Base URIs of the machine's apt sources (Types: deb), one per line:
# Debian-looking (/debian) first, other non-security next, security suites last.
apt_mirrors() {
    local files=() f
    [[ -f /etc/apt/sources.list ]] && files+=(/etc/apt/sources.list)
    for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] && files+=("$f")
    done
    ((${#files[@]})) || return 0
    awk '
        function emit(uri, suites,   sec) {
            sub(/\/+$/, "", uri)
            if (uri !~ /^(https?|ftp|file):/) return
            if (uri ~ /\/debian-security$/) return
            sec = (suites ~ /-security/) ? 1 : 0
            rank = sec ? 3 : (uri ~ /\/debian$/ ? 1 : 2)
            print rank " " uri
        }
        function flush(   n, i, u) {
            if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled !~ /^(no|false)$/) {
                n = split(uris, u, /[ \t]+/)
                for (i = 1; i <= n; i++) if (u[i] != "") emit(u[i], suites)
            }
            types = uris = suites = enabled = ""
        }
        FNR == 1 { if (deb822) flush(); deb822 = (FILENAME ~ /\.sources$/) }
        deb822 {
            if ($0 ~ /^[ \t]*$/) { flush(); next }
            if ($0 ~ /^#/) next
            line = $0
            if (match(line, /^[A-Za-z-]+:/)) {
                key = tolower(substr(line, 1, RLENGTH - 1)); val = substr(line, RLENGTH + 1)
                gsub(/^[ \t]+|[ \t]+$/, "", val)
                if (key == "types") types = val
                else if (key == "uris") uris = val
                else if (key == "suites") suites = val
                else if (key == "enabled") enabled = tolower(val)
            }
            next
        }
        {
            line = $0; sub(/#.*/, "", line)
            if (line !~ /^[ \t]*deb[ \t]/) next
            sub(/^[ \t]*deb[ \t]+/, "", line)
            if (line ~ /^\[/) { sub(/^\[[^]]*\][ \t]*/, "", line) }
            split(line, w, /[ \t]+/)
            emit(w[1], w[2])
        }
        END { if (deb822) flush() }
    ' "${files[@]}" | sort -s -n -k1,1 | awk '!seen[$2]++ { print $2 }'
}

# Use the apt proxy for curl too, unless the environment already sets one.
if [[ -z "${http_proxy:-}${https_proxy:-}" ]] && command -v apt-config >/dev/null 2>&1; then
    APT_HTTP_PROXY="" APT_HTTPS_PROXY=""
    eval "$(apt-config shell APT_HTTP_PROXY Acquire::http::Proxy APT_HTTPS_PROXY Acquire::https::Proxy 2>/dev/null)" || true
    [[ -n "$APT_HTTP_PROXY" && "$APT_HTTP_PROXY" != DIRECT ]] && export http_proxy="$APT_HTTP_PROXY"
    [[ -n "$APT_HTTPS_PROXY" && "$APT_HTTPS_PROXY" != DIRECT ]] && export https_proxy="$APT_HTTPS_PROXY"
fi

fetch_tarball() {
    local tmp="$workdir/$tarball_name.part" url
    if [[ -n "${ANKRA_KSH_TARBALL:-}" ]]; then
        [[ -f "$ANKRA_KSH_TARBALL" ]] || die "ANKRA_KSH_TARBALL=$ANKRA_KSH_TARBALL does not exist"
        sha_ok "$ANKRA_KSH_TARBALL" || die "checksum mismatch for $ANKRA_KSH_TARBALL (expected sha256 $ANKRA_KSH_SHA256)"
        cp "$ANKRA_KSH_TARBALL" "$tmp" && mv "$tmp" "$tarball"
        return 0
    fi
    local urls=()
    [[ -n "${ANKRA_KSH_TARBALL_URL:-}" ]] && urls+=("$ANKRA_KSH_TARBALL_URL")
    while IFS= read -r url; do urls+=("$url/$pool_path"); done < <(apt_mirrors)
    ((${#urls[@]})) || die "no download source: no 'deb' URIs in the apt sources; set ANKRA_KSH_TARBALL or ANKRA_KSH_TARBALL_URL"
    local mismatch=""
    for url in "${urls[@]}"; do
        log "downloading $url"
        rm -f "$tmp"
        if curl --fail --location --retry 3 --connect-timeout 20 --silent --show-error -o "$tmp" "$url"; then
            if sha_ok "$tmp"; then
                mv "$tmp" "$tarball"
                return 0
            fi
            mismatch="$url"
            log "checksum MISMATCH for $url (expected sha256 $ANKRA_KSH_SHA256, got $(sha256sum "$tmp" | cut -d' ' -f1))"
        fi
    done
    rm -f "$tmp"
    [[ -n "$mismatch" ]] && die "downloaded $tarball_name but its sha256 does not match $ANKRA_KSH_SHA256 (last: $mismatch)"
    die "could not download $tarball_name from: ${urls[*]}
        (on Ubuntu the archive has no Debian pool: set ANKRA_KSH_TARBALL_URL to a Debian mirror's
        .../debian/$pool_path, or ANKRA_KSH_TARBALL to a local copy)"
}

if [[ -f "$tarball" ]] && sha_ok "$tarball"; then
    log "using cached $tarball"
else
    rm -f "$tarball"
    fetch_tarball
fi

log "building KSyntaxHighlighting $ANKRA_KSH_VERSION (Qt 6, static) into $prefix"
src="$workdir/src"
mkdir -p "$src"
tar -xJf "$tarball" -C "$src" --strip-components=1

# Debian 12 ships ECM 5.103; the modules used are all present there.
sed -i 's/^find_package(ECM 5\.116\.0/find_package(ECM 5.103.0/' "$src/CMakeLists.txt"
grep -q '^find_package(ECM 5\.103\.0' "$src/CMakeLists.txt" || die "could not patch the ECM version in CMakeLists.txt"
# Static library: its private Qt6::Network dependency must be found by consumers too.
sed -i 's/^find_dependency(Qt@QT_MAJOR_VERSION@Gui @REQUIRED_QT_VERSION@)$/&\nfind_dependency(Qt@QT_MAJOR_VERSION@Network @REQUIRED_QT_VERSION@)/' \
    "$src/KF5SyntaxHighlightingConfig.cmake.in"
grep -q 'Network' "$src/KF5SyntaxHighlightingConfig.cmake.in" || die "could not patch KF5SyntaxHighlightingConfig.cmake.in"

build="$workdir/build"
cmake_log="$workdir/cmake.log"
run_logged() {
    if ! "$@" >>"$cmake_log" 2>&1; then
        tail -n 60 "$cmake_log" >&2
        die "failed: $*"
    fi
}

log "configuring"
run_logged cmake -S "$src" -B "$build" -G Ninja \
    -DQT_MAJOR_VERSION=6 \
    -DBUILD_SHARED_LIBS=OFF \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DBUILD_TESTING=OFF \
    -DBUILD_QCH=OFF \
    -DKSYNTAXHIGHLIGHTING_USE_GUI=ON \
    -DQRC_SYNTAX=ON \
    -DBUILD_codeeditor=OFF -DBUILD_codepdfprinter=OFF -DBUILD_minimaltest=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Quick=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6PrintSupport=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt5=ON \
    -DKDE_SKIP_TEST_SETTINGS=ON

log "compiling (about a minute)"
run_logged cmake --build "$build"

# Install into a staging tree (absolute paths stay those of $prefix), then move
# the finished prefix in place in one rename.
stage="${prefix}.tmp"
rm -rf "$stage"
log "installing"
DESTDIR="$stage" run_logged cmake --install "$build"
staged_prefix="$stage$prefix"
[[ -d "$staged_prefix" ]] || die "install produced no $staged_prefix"

targets=$(find "$staged_prefix" -name 'KF5SyntaxHighlightingTargets*.cmake')
[[ -n "$targets" ]] || die "no KF5SyntaxHighlightingTargets*.cmake installed"
# shellcheck disable=SC2086
if grep -q 'Qt5::' $targets; then die "the build linked Qt 5 (Qt5:: in $targets)"; fi
# shellcheck disable=SC2086
grep -q 'Qt6::Gui' $targets || die "Qt6::Gui not in $targets"

touch "$staged_prefix/.complete"
rm -rf "$prefix"
mv "$staged_prefix" "$prefix"
rm -rf "$stage"
log "KSyntaxHighlighting $ANKRA_KSH_VERSION ready in $prefix"
