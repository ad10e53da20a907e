#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for a given time.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     SECONDS per target (default 600); every target when none is named
#   JOBS=2 Fuzz/run.sh 600                run two targets at a time
#
# New inputs go to .build-fuzz/corpus/TARGET (the seeds in Fuzz/Corpus/TARGET stay as they are), a crash or leak
# to .build-fuzz/findings/TARGET/, a log per target to .build-fuzz/logs/TARGET.log. Prints one line per target:
# its executions, time, executions per second and findings. Exits 1 when a target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(csv number period cbs-csv tidy odata-v4 odata-v3 mapping design survey definitions query pages)
fi
KRAPTE_FUZZ=1 swift build -c debug --product krapte-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address >&2
binary=".build-fuzz/debug/krapte-fuzz"

run_one() {
    local target="$1" seconds="$2" binary="$3"
    mkdir -p ".build-fuzz/corpus/$target" ".build-fuzz/findings/$target" .build-fuzz/logs
    local log=".build-fuzz/logs/$target.log"
    SWIFT_BACKTRACE=enable=no KRAPTE_FUZZ_TARGET="$target" "$binary" ".build-fuzz/corpus/$target" "Fuzz/Corpus/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=16384 -print_final_stats=1 \
        -artifact_prefix=".build-fuzz/findings/$target/" >"$log" 2>&1 || true
    local runs found
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found=$(find ".build-fuzz/findings/$target" -type f | wc -l)
    printf '%-12s %12s executions in %5s s  %8s/s  findings: %s\n' "$target" "${runs:-0}" "$seconds" \
        "$(( ${runs:-0} / (seconds > 0 ? seconds : 1) ))" "$found"
}
export -f run_one
printf '%s\n' "${targets[@]}" | xargs -P "${JOBS:-1}" -I{} bash -c 'run_one "$@"' _ {} "$seconds" "$binary" | tee .build-fuzz/summary.txt
rm -rf /dev/shm/krapte-fuzz-* 2>/dev/null || true
! grep -q 'findings: [1-9]' .build-fuzz/summary.txt
