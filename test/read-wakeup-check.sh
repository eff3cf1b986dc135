#!/usr/bin/env bash
# SerialLine's ReadWakeup frame changes how often the PPP daemons read, nothing else: on
# every bundled topology, all links ppp-tun, tun-compare's flows (delivery times, delay
# and jitter included) and link counters are the same as with a wakeup per interrupt, and
# every DLT_PPP pcap is byte-identical; the daemons make fewer system calls. One figure
# is the daemons' own and differs: links.csv's last column, queue_mean_octets, counts the
# octets not yet handed to the tty, and a daemon woken per interrupt hands them over
# sooner (the largest queue, in frames and octets, is the same).
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
    for wakeup in interrupt frame; do
        sed 's/,[^,]*$//' "$work/$name-$wakeup/links.csv" >"$work/$name-$wakeup/links-counters.csv"
    done
    for f in flows.csv links-counters.csv $(cd "$work/$name-interrupt" && ls *.pcap); do
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
    echo "$name: flows, link counters and $pcaps pcaps identical; system calls $perInterrupt -> $perFrame"
done
exit $status
