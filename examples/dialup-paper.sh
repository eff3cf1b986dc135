#!/usr/bin/env bash
# The worked example of doc/tun.rst ("A worked example: ten runs of the dial-up
# network"): the dial-up access network with random traffic, every variant ten times
# (seed 1, RngRun 1 to 10), then a check that the flows' means and 95% confidence
# intervals are the ones the documentation shows (doc/dialup-10-runs-summary.csv).
# ./build.sh paper runs it; CTest runs it too, so the documented figures stay true.
#   dialup-paper.sh <tun-compare> <output folder> [more tun-compare arguments...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
program=${1:?usage: dialup-paper.sh <tun-compare> <output folder> [arguments...]}
out=${2:?usage: dialup-paper.sh <tun-compare> <output folder> [arguments...]}
shift 2
"$program" --topology="$here/examples/topologies/dialup.dot" \
    --traffic="$here/examples/topologies/dialup-random.traffic" \
    --runs=10 --seed=1 --run=1 --read-wakeup=frame --output="$out" "$@"
documented="$here/doc/dialup-10-runs-summary.csv"
if cmp -s "$out/flows-summary.csv" "$documented"; then
    echo "dialup-paper: $out/flows-summary.csv is the documented $documented, byte for byte"
else
    echo "dialup-paper: $out/flows-summary.csv differs from $documented:" >&2
    diff "$documented" "$out/flows-summary.csv" >&2 || true
    echo "dialup-paper: if the change is meant, the documentation must follow it: copy" \
        "flows-summary.csv to $documented and delay.png to doc/dialup-10-runs-delay.png," \
        "and update the table and the reading in doc/tun.rst" >&2
    exit 1
fi
