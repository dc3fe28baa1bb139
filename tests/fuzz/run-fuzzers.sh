#!/usr/bin/env bash
# Runs every fuzz_* target in BUILD_DIR/tests/fuzz for SECONDS each on a copy of its seed
# corpus; fails on any crash, leak or sanitizer report. Prints execs and coverage per target.
set -euo pipefail
build_dir=$1
seconds=${2:-60}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Qt's offscreen platform (fuzz_markdown) leaks inside fontconfig/glib: third-party only.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../support/lsan-thirdparty.supp}
export QT_QPA_PLATFORM=offscreen
status=0
for fuzzer in "$build_dir"/tests/fuzz/fuzz_*; do
    [[ -x "$fuzzer" && -f "$fuzzer" ]] || continue
    name=$(basename "$fuzzer")
    corpus_name=${name#fuzz_}
    work=$(mktemp -d "${TMPDIR:-/tmp}/ankra-$name.XXXXXX")
    cp -r "$here/corpus/$corpus_name/." "$work/" 2>/dev/null || true
    log="$work.log"
    if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -max_len=16384 -artifact_prefix="$work/" "$work" >"$log" 2>&1; then
        execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
        cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo '?')
        echo "$name: ok, $execs execs in ${seconds}s, coverage $cov edges"
        rm -rf "$work" "$log"
    else
        echo "$name: FAILED (artifacts in $work, log $log)"
        tail -40 "$log"
        status=1
    fi
done
exit $status
