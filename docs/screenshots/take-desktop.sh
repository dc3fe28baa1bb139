#!/usr/bin/env bash
# Takes docs/screenshots/main-window-{light,dark,de}.png: the real app under Xvfb against the
# local server with the demo data (as `make run` does), one ticket open, then a screenshot of
# the whole screen with ImageMagick's `import`.
#
#   docs/screenshots/take-desktop.sh [build-dir]     (needs xvfb, imagemagick, xdotool)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
out="$root/docs/screenshots"
work=$(mktemp -d "${TMPDIR:-/tmp}/ankra-shots.XXXXXX")
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$build/server/ankra-support-server" serve --listen 127.0.0.1:0 --data-dir "$work/server" --demo \
    >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [[ -s "$work/server.out" ]] && break; sleep 0.1; done
url=$(head -1 "$work/server.out"); url=${url#listening on }
token=$("$build/server/ankra-support-server" token create --data-dir "$work/server" --org "Demo Org" --user "Demo Customer")

shot() { # name, then extra app arguments
    local name=$1; shift
    local home="$work/home-$name"
    mkdir -p "$home"
    HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    ANKRA_API_TOKEN="$token" ANKRA_SINGLE_INSTANCE=0 \
    xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
        "$0" --server "$1" "${@:3}" &
        app=$!
        sleep 6
        # Open the first ticket: focus the list (it is the second Tab stop) and press Enter.
        xdotool search --sync --onlyvisible --class ankra-support windowactivate --sync 2>/dev/null || true
        xdotool key ctrl+f Tab Tab Down Up Return 2>/dev/null || true
        sleep 4
        # The main window itself (Xvfb has no window manager, so no frame to include).
        wid=$(xdotool search --onlyvisible --name "Ankra Support" 2>/dev/null | head -1)
        import -window "${wid:-root}" "$2"
        kill $app' "$build/ui/ankra-support" "$url" "$out/$name.png" "$@"
    echo "wrote $out/$name.png"
}

shot main-window-light --palette light --lang en
shot main-window-dark --palette dark --lang en
shot main-window-de --palette light --lang de
