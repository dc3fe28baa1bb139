#!/usr/bin/env bash
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring, its own HOME and
# XDG_RUNTIME_DIR, so keychain tests use a real Secret Service and never touch the user's.
set -euo pipefail
test_binary=$1
shift

for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "run-with-keyring: $tool is missing. Run: packaging/deps/install-deps.sh" >&2
        exit 1
    fi
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/ankra-keyring.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export XDG_DATA_HOME="$sandbox/home/.local/share"
export XDG_CONFIG_HOME="$sandbox/home/.config"
export XDG_CACHE_HOME="$sandbox/home/.cache"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

exec dbus-run-session -- bash -c '
    set -euo pipefail
    # A non-empty password creates and unlocks the login keyring.
    eval "$(printf "ankra-test-password" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    exec "$@"
' keyring-session "$test_binary" "$@"
