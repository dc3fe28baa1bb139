#!/usr/bin/env bash
# `make bench`: runs every benchmark (executables build/tests/bench/bench_* and scripts
# tests/bench/bench_*.sh). Each prints one line per figure with its in-run reference.
set -uo pipefail
build_dir=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
status=0
shopt -s nullglob
for bench in "$build_dir"/tests/bench/bench_*; do
    [[ -x "$bench" && -f "$bench" ]] || continue
    echo "== $(basename "$bench")"
    "$bench" || status=1
done
for script in "$here"/bench_*.sh; do
    echo "== $(basename "$script")"
    bash "$script" "$build_dir" || status=1
done
exit $status
