#!/usr/bin/env bash
# Run the libFuzzer harnesses built in a TUN_FUZZ build tree.
#
#   test/fuzz/run.sh BUILD_DIR --seconds N   each harness for N seconds (./build.sh fuzz)
#   test/fuzz/run.sh BUILD_DIR --runs N      each for N executions after its corpus (CI;
#                                            fuzz-tunwrite, 20 times slower, N/20)
#
# FUZZ_JOBS=2 runs two harnesses at a time (default 1); FUZZERS="fuzz-hdlc fuzz-ppp"
# picks some. Each harness starts from its checked-in seeds (test/fuzz/corpus/NAME, plus
# the bundled topologies for the file readers) and from what earlier runs found
# (BUILD_DIR/fuzz-corpus/NAME, written there, never into the source tree). A finding is
# written to BUILD_DIR/fuzz-artifacts/ and fails the run. The last lines say, per
# harness, how many inputs it executed and in how long.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR --seconds N | --runs N}
build=$(cd "$build" && pwd)
case "${2:-}" in
--seconds) seconds=${3:?seconds} ;;
--runs) runs=${3:?runs} ;;
*)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
fuzzers=${FUZZERS:-fuzz-hdlc fuzz-ppp fuzz-dot fuzz-graphml fuzz-traffic fuzz-tunwrite}
jobs=${FUZZ_JOBS:-1}

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$root/test/lsan.supp:print_suppressions=0"
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-logs"

# run_one NAME: the harness, its logs in BUILD_DIR/fuzz-logs/NAME.log
run_one() {
    local name=$1
    local corpus=("$build/fuzz-corpus/$name" "$here/corpus/$name")
    case $name in
    fuzz-dot | fuzz-graphml | fuzz-traffic) corpus+=("$root/examples/topologies") ;;
    esac
    mkdir -p "$build/fuzz-corpus/$name"
    local limit
    if [ -n "${seconds:-}" ]; then
        limit=-max_total_time=$seconds
    elif [ "$name" = fuzz-tunwrite ]; then
        # Each input builds a node with ns-3's Internet stack: some 20 times slower.
        limit=-runs=$(((runs + 19) / 20))
    else
        limit=-runs=$runs
    fi
    local start=$SECONDS status=0
    "$build/$name" "$limit" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" \
        "${corpus[@]}" >"$build/fuzz-logs/$name.log" 2>&1 || status=$?
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-logs/$name.log" | tail -1)
    if [ "$status" -eq 0 ]; then
        echo "$name: ${runs:-?} executions in $((SECONDS - start)) s, no finding"
    else
        echo "$name: FAILED (exit $status) after ${runs:-?} executions in $((SECONDS - start)) s"
        grep -E 'ERROR|SUMMARY|fuzz[-:]|Test unit written|msg=|assert|NS_' \
            "$build/fuzz-logs/$name.log" | head -20
        echo "   (whole log: $build/fuzz-logs/$name.log)"
    fi
    return "$status"
}

failed=0
pids=()
for name in $fuzzers; do
    if [ ! -x "$build/$name" ]; then
        echo "run.sh: $build/$name is not built (cmake -DTUN_FUZZ=ON, target fuzzers)" >&2
        exit 2
    fi
    run_one "$name" &
    pids+=($!)
    if [ "${#pids[@]}" -ge "$jobs" ]; then
        wait "${pids[0]}" || failed=$((failed + 1))
        pids=("${pids[@]:1}")
    fi
done
for pid in "${pids[@]}"; do
    wait "$pid" || failed=$((failed + 1))
done
total=$(echo $fuzzers | wc -w)
echo "fuzz: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
