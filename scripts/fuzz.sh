#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60), starting from the repository's projects
# and from what earlier runs found (build-asan/fuzz-corpus/<target>/). Needs the sanitizer build
# (scripts/sanitize.sh). A crash leaves its input in build-asan/fuzz-crashes/ and fails.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      targets: fuzz_load fuzz_run fuzz_import (default: all)
#
# Fuzzing for longer, by hand: scripts/fuzz.sh 3600 fuzz_run
# Reproducing a crash: build-asan/tests/fuzz/fuzz_run build-asan/fuzz-crashes/crash-...
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/sanitizer-env.sh

ASAN_BUILD_DIR="${TUSK_ASAN_BUILD_DIR:-build-asan}"
seconds="${1:-60}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_load fuzz_run fuzz_import)

seeds="$ASAN_BUILD_DIR/tests/fuzz/seeds"
if [[ ! -d "$seeds" ]]; then
    echo "No fuzz build in $ASAN_BUILD_DIR: run scripts/sanitize.sh first." >&2
    exit 1
fi
mkdir -p "$ASAN_BUILD_DIR/fuzz-crashes"
for target in "${targets[@]}"; do
    corpus="$ASAN_BUILD_DIR/fuzz-corpus/$target"
    # fuzz_import reads ast trees (seeds made from the repository's Python), the others projects.
    target_seeds="$seeds"
    dict=tests/fuzz/tusk.dict
    if [[ "$target" == fuzz_import ]]; then
        target_seeds="$ASAN_BUILD_DIR/tests/fuzz/seeds-import"
        dict=tests/fuzz/pyast.dict
    fi
    mkdir -p "$corpus"
    echo "==> fuzzing $target for ${seconds} s"
    log="$ASAN_BUILD_DIR/fuzz-$target.log"
    status=0
    # -rss_limit_mb: a project that builds millions of tasks is a finding only if it crashes.
    "$ASAN_BUILD_DIR/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=65536 -print_final_stats=1 -dict="$dict" \
        -artifact_prefix="$ASAN_BUILD_DIR/fuzz-crashes/" "$corpus" "$target_seeds" >"$log" 2>&1 || status=$?
    if ((status != 0)); then
        tail -n 200 "$log" >&2
        echo "FAIL: $target found a crash; its input is in $ASAN_BUILD_DIR/fuzz-crashes/ (log: $log)" >&2
        exit "$status"
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$log" || tail -n 5 "$log"
done
