#!/bin/sh
# tun-compare with an --output that would run a command if it reached a shell: the
# plots must be drawn in the folder of that name, and no file PWNED may appear.
# Usage: shell-injection-check.sh <tun-compare>
set -u
compare=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
out="x';touch PWNED;'"
"$compare" --variants=p2p "--output=$out" >log 2>&1
rc=$?
cat log
found=$(find "$work" -name PWNED)
if [ -n "$found" ]; then
    echo "FAIL: the output folder's name ran as a command: $found"
    exit 1
fi
if [ $rc -ne 0 ]; then
    echo "FAIL: tun-compare exited with $rc"
    exit 1
fi
if command -v gnuplot >/dev/null 2>&1 && [ ! -s "$out/throughput.png" ]; then
    echo "FAIL: gnuplot is installed but drew no $out/throughput.png"
    exit 1
fi
echo "no PWNED; plots in the folder named $out"
