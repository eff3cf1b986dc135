#!/bin/sh
# Values that used to abort or hang tun-compare: each must now be refused at once, with
# exit status 1 and a message naming the value (issue 13). A run that takes more than
# 30 s counts as a hang.
# Usage: tun-compare-refusals-check.sh <tun-compare>
set -u
compare=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
mkdir a-folder
failed=0

# refused "<expected message>" <tun-compare arguments...>
refused() {
    expected=$1
    shift
    timeout 30 "$compare" --output=out --plots=0 "$@" >log 2>&1
    rc=$?
    if [ $rc -ne 1 ] || ! grep -qF -- "$expected" log; then
        echo "FAIL (exit $rc): $*"
        echo "  expected: $expected"
        sed 's/^/  got: /' log | head -5
        failed=1
    else
        echo "refused: $*"
    fi
}

refused "--seed=0: ns-3's random number generator takes a seed of 1 or more" --seed=0
refused "a-folder: a directory, not a file" --topology=a-folder "--flows=udp a b"
refused "a-folder: a directory, not a file" --traffic=a-folder
refused "/dev/zero: larger than 64 MiB; not read" --topology=/dev/zero "--flows=udp a b"
refused "bad size '12': 16 to 65000 bytes" "--flows=ping a c size=12"
refused "an interval of 1ns is under 1ms" "--flows=ping a c interval=1ns"
refused "a datagram interval (size*8/rate) of 0ns is under 1us" \
    "--flows=udp a c rate=1000Gbps size=12"
refused "stop=1000000000s is beyond 24h" "--flows=udp a c stop=1000000000s"
refused "--runs=0: give 1 run or more" --runs=0
refused "--runs=ten: a whole number of runs, 1 to 10000" --runs=ten
refused "--syscalls-process=ppp chooses whose calls --syscalls=1 writes: give both" \
    --syscalls-process=ppp
refused "--runs=-3: a whole number of runs, 1 to 10000" --runs=-3
refused "--runs=10001: at most 10000 runs" --runs=10001
refused "the last run's number would be beyond 2^64 - 1" --run=18446744073709551615 --runs=2
refused "--flows:1: 'uniform(3s,2s)': the latest must come after the earliest" \
    "--flows=udp a c start=uniform(3s,2s)"
refused "--flows:1: on=exp(1ns): a mean under 1ms" "--flows=udp a c on=exp(1ns) off=1s"
refused "--flows:1 (item 2): on= and off= go together" "--flows=ping a c; udp a c off=1s"
# Partitioned runs (issue 15): this standalone build has no MPI (Debian's ns-3 has no mpi
# module; TunMpi is compiled without it), so asking for ranks is a message, not a crash.
refused "--ranks=2: this build has no MPI" --ranks=2
refused "--ranks=0: give 1 rank or more" --ranks=0
exit $failed
