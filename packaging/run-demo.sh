#!/usr/bin/env bash
# `make run`: starts ankra-support-server on 127.0.0.1 (a free port) with the demo data
# directory (created and seeded on first use), then ankra-support signed in to it with a
# session-only token. Closing the app stops the server.
set -euo pipefail
build_dir=${1:-build}
server="$build_dir/server/ankra-support-server"
app="$build_dir/ui/ankra-support"
data_dir=${ANKRA_DEMO_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/ankra-support/demo-server}

for f in "$server" "$app"; do
    [[ -x "$f" ]] || { echo "run-demo: $f is missing; run make run (it builds first)" >&2; exit 1; }
done
mkdir -p "$data_dir"

log_dir=$(mktemp -d "${TMPDIR:-/tmp}/ankra-demo.XXXXXX")
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$log_dir"
}
trap cleanup EXIT INT TERM

mkfifo "$log_dir/out"
# --simulate-team: a simulated support team answers new tickets, so statuses change live.
"$server" serve --listen 127.0.0.1:0 --data-dir "$data_dir" --demo --simulate-team \
    >"$log_dir/out" 2>"$log_dir/server.log" &
server_pid=$!
exec 3<"$log_dir/out"
url=""
if ! read -r -t 20 first <&3; then
    echo "run-demo: the server did not start:" >&2
    cat "$log_dir/server.log" >&2
    exit 1
fi
url=${first#listening on }
# Keep draining the server's stdout so it never blocks on a full pipe.
cat <&3 >/dev/null &

# A fresh session-only token for this run: the server keeps only its hash, the app keeps it in
# memory only (it never reaches settings or the keychain).
token=$("$server" token create --data-dir "$data_dir" --org "Demo Org" --user "Demo Customer")
echo "Ankra Support demo: server $url (data in $data_dir, log $log_dir/server.log)"
echo "Staff mode: the demo team token is in $data_dir/demo-team-token" \
     "(e.g. ANKRA_API_TOKEN=\"\$(cat $data_dir/demo-team-token)\" $app --server $url)"
ANKRA_API_TOKEN="$token" "$app" --server "$url"
