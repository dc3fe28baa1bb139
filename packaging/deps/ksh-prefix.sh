#!/usr/bin/env bash
# KSyntaxHighlighting (Qt 6) dependency: shared constants and helpers.
#
# Executed:  prints the install prefix of the cached static build, to be used
#            as CMAKE_PREFIX_PATH (e.g. cmake -DCMAKE_PREFIX_PATH="$(packaging/deps/ksh-prefix.sh)").
#            Prints nothing when the system provides KF6SyntaxHighlighting.
#            With --cache-prefix: always prints the cache prefix.
# Sourced:   by install-deps.sh and build-ksyntaxhighlighting.sh (defines the
#            variables and functions below, does nothing else).
#
# Keep ANKRA_KSH_VERSION / the checksum in sync with cmake/AnkraSyntaxHighlighting.cmake.

ANKRA_KSH_VERSION=5.116.0
ANKRA_KSH_SHA256=6f8ccacebd0dc9ce050b2b23b715750c97938b3336fbbb80967920cb8c1dfaa7

# ${XDG_CACHE_HOME:-$HOME/.cache}/ankra-support/deps
ankra_deps_cache_dir() {
    printf '%s/ankra-support/deps\n' "${XDG_CACHE_HOME:-$HOME/.cache}"
}

# Install prefix of the cached build, keyed by version and checksum prefix.
ankra_ksh_prefix() {
    printf '%s/ksyntaxhighlighting-%s-%s\n' "$(ankra_deps_cache_dir)" \
        "$ANKRA_KSH_VERSION" "${ANKRA_KSH_SHA256:0:8}"
}

# True when a system-wide KF6SyntaxHighlighting CMake package is installed.
ankra_system_has_kf6_ksh() {
    local d
    for d in /usr/lib/*/cmake/KF6SyntaxHighlighting /usr/lib/cmake/KF6SyntaxHighlighting \
             /usr/local/lib/*/cmake/KF6SyntaxHighlighting /usr/local/lib/cmake/KF6SyntaxHighlighting; do
        [[ -f "$d/KF6SyntaxHighlightingConfig.cmake" ]] && return 0
    done
    return 1
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    if [[ "${1:-}" == "--cache-prefix" ]]; then
        ankra_ksh_prefix
    elif ! ankra_system_has_kf6_ksh; then
        ankra_ksh_prefix
    fi
fi
