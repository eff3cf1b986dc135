#!/usr/bin/env bash
# SerialLine's ReadWakeup frame changes how often the PPP daemons read, nothing else: on
# every bundled topology, all links ppp-tun, tun-compare's flows (delivery times, delay
# and jitter included) and link counters are the same as with a wakeup per interrupt, and
# every DLT_PPP pcap is byte-identical; the daemons make fewer system calls.
# Each run is its own process, as ns-3's automatic random streams are numbered per process.
#   read-wakeup-check.sh <tun-compare> <topologies folder>
set -euo pipefail
program=$(realpath "${1:?usage: read-wakeup-check.sh <tun-compare> <topologies folder>}")
topologies=$(realpath "${2:?usage: read-wakeup-check.sh <tun-compare> <topologies folder>}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for topology in "$topologies"/*.dot "$topologies"/*.graphml; do
    name=$(basename "${topology%.*}")
    for wakeup in interrupt frame; do
        out="$work/$name-$wakeup"
        mkdir -p "$out"
        "$program" --topology="$topology" --traffic="$topologies/$name.traffic" \
            --variants=ppp-tun --pcap=1 --plots=0 --read-wakeup="$wakeup" \
            --output="$out" >/dev/null
    done
    pcaps=0
    for f in flows.csv links.csv $(cd "$work/$name-interrupt" && ls *.pcap); do
        case $f in *.pcap) pcaps=$((pcaps + 1)) ;; esac
        if ! cmp -s "$work/$name-interrupt/$f" "$work/$name-frame/$f"; then
            echo "$name: $f differs between ReadWakeup interrupt and frame" >&2
            status=1
        fi
    done
    calls() { awk -F, 'NR > 1 { n += $3 } END { print n + 0 }' "$1/nodes.csv"; }
    perInterrupt=$(calls "$work/$name-interrupt")
    perFrame=$(calls "$work/$name-frame")
    if [ "$pcaps" -eq 0 ] || [ "$perFrame" -ge "$perInterrupt" ]; then
        echo "$name: $pcaps pcaps, $perInterrupt system calls per interrupt, $perFrame per frame" >&2
        status=1
    fi
    echo "$name: flows, links and $pcaps pcaps identical; system calls $perInterrupt -> $perFrame"
done
exit $status
