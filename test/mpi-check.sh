#!/usr/bin/env bash
# Partitioned runs (issue 15): tun-compare sequential against mpirun -np 2 and -np 4,
# with both of ns-3's synchronisers (granted time windows, null messages), on every
# bundled topology and a generated one of a few hundred nodes. Every file a run writes
# (flows.csv, links.csv, nodes.csv, every per-node pcap and ascii trace) must be
# byte-identical to the sequential run's. Then the refusals: a zero-delay link whose
# ends a file pins to different ranks, and --ranks without as many MPI processes.
#
#   mpi-check.sh <tun-compare program, or the folder holding ns-3's ns3.*-tun-compare-*>
#                <work folder>
# Environment: TUN_MPI_RANKS (default "2 4"), TUN_MPI_GENERATED_NODES (default 300).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
program=${1:?usage: mpi-check.sh <tun-compare> <work folder>}
work=${2:?usage: mpi-check.sh <tun-compare> <work folder>}
if [[ -d $program ]]; then
    program=$(find "$program" -maxdepth 1 -name 'ns3*-tun-compare-*' -type f -perm -u+x | head -1)
fi
[[ -x $program ]] || { echo "mpi-check: no tun-compare program" >&2; exit 1; }
program=$(realpath "$program")
rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
ranks_list=${TUN_MPI_RANKS:-2 4}
# Root in a container: mpirun refuses root and more ranks than cores without these.
mpirun=(mpirun --allow-run-as-root --oversubscribe)

# A generated topology: a random tree plus cross links, every kind, delays 1 to 5 ms.
generated_nodes=${TUN_MPI_GENERATED_NODES:-300}
python3 - "$generated_nodes" "$work/generated.dot" "$work/generated.traffic" <<'PY'
import random, sys
n, dot, traffic = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(15)
edges = set()
for i in range(1, n):
    edges.add((rng.randrange(max(0, i - 8), i), i))
while len(edges) < n - 1 + n // 5:
    a, b = sorted(rng.sample(range(n), 2))
    edges.add((a, b))
with open(dot, "w") as f:
    f.write("graph generated {\n")
    for a, b in sorted(edges):
        kind = rng.choices(["p2p", "udp-tun", "ppp-tun"], [5, 3, 2])[0]
        f.write(f'  n{a} -- n{b} [kind="{kind}", rate="2Mbps", delay="{rng.randint(1, 5)}ms"];\n')
    f.write("}\n")
with open(traffic, "w") as f:
    for i in range(12):
        a, b = rng.sample(range(n), 2)
        kind = ["udp", "ping", "tcp"][i % 3]
        extra = " rate=16kbps size=256" if kind == "udp" else ""
        f.write(f"{kind} n{a} n{b}{extra} start=2s stop=3s\n")
PY

# name, topology, traffic, variants
cases=()
for t in chain ring star dialup; do
    cases+=("$t|$module/examples/topologies/$t.dot|$module/examples/topologies/$t.traffic|p2p,udp-tun,mixed,ppp-tun")
done
cases+=("mesh|$module/examples/topologies/mesh.graphml|$module/examples/topologies/mesh.traffic|p2p,udp-tun,mixed,ppp-tun")
cases+=("generated|$work/generated.dot|$work/generated.traffic|p2p,mixed")

# An ascii trace without ns-3's decoding of the packets: each line's event and time.
# A packet that crossed ranks inside a tunnel is written to the far tun interface as a
# packet made of the datagram's bytes: ns-3's printing metadata of the original (and its
# tags) stay with UserlandPacketCache in the sender's process, so ns-3 prints
# "Payload (size=N)" where a sequential run names the headers. Accepted only when the
# device's pcap, written beside it, is byte-identical: same packets, bytes and times.
undecoded() {
    cut -d' ' -f1,2 "$1"
}

failures=0
compared=0
decoded_total=0

# compare <sequential folder> <partitioned folder> <its variants> <note>: the partitioned
# run wrote exactly the files the sequential one wrote for those variants, each the same
# (the CSV: the rows of those variants).
compare() {
    local seq=$1 out=$2 only=$3 note=$4
    local expected=() v f same=0 decoded=0 differ=()
    IFS=',' read -r -a vs <<<"$only"
    for v in "${vs[@]}"; do
        while read -r f; do expected+=("$f"); done < <(cd "$seq" && find . -type f -name "tun-compare-$v-*" | sort)
    done
    mapfile -t expected < <(printf '%s\n' "${expected[@]}" ./flows.csv ./links.csv ./nodes.csv | sort -u)
    if [[ $(printf '%s\n' "${expected[@]}") != $(cd "$out" && find . -type f | sort) ]]; then
        echo "FAIL $out: not the files the sequential run wrote for $only"
        failures=$((failures + 1))
        return
    fi
    for f in "${expected[@]}"; do
        if [[ $f == *.csv ]]; then
            local pattern
            pattern="^($(sed 's/,/|/g' <<<"$only")),"
            if cmp -s <(head -1 "$seq/$f"; grep -E "$pattern" "$seq/$f") "$out/$f"; then
                same=$((same + 1))
            else
                differ+=("$f")
            fi
        elif cmp -s "$seq/$f" "$out/$f"; then
            same=$((same + 1))
        elif [[ $f == *.tr ]] && cmp -s "$seq/${f%.tr}.pcap" "$out/${f%.tr}.pcap" &&
            cmp -s <(undecoded "$seq/$f") <(undecoded "$out/$f"); then
            decoded=$((decoded + 1))
        else
            differ+=("$f")
        fi
    done
    compared=$((compared + same))
    decoded_total=$((decoded_total + decoded))
    if ((${#differ[@]})); then
        echo "FAIL $(basename "$out"): differs from the sequential run: ${differ[*]:0:10}"
        failures=$((failures + 1))
    else
        echo "  $(basename "$out"): $same files identical, $decoded ascii traces identical" \
            "but for ns-3's packet decoding (their pcaps identical); $note"
    fi
}
for case in "${cases[@]}"; do
    IFS='|' read -r name topology traffic variants <<<"$case"
    args=(--topology="$topology" --traffic="$traffic" --plots=0 --pcap=1 --ascii=1)
    start=$SECONDS
    (cd "$work" && "$program" "${args[@]}" --variants="$variants" --output="$name-seq" \
        >"$name-seq.out" 2>&1) || {
        echo "FAIL $name: the sequential run failed"; cat "$work/$name-seq.out"; failures=$((failures + 1)); continue; }
    echo "$name: sequential in $((SECONDS - start)) s, $(find "$work/$name-seq" -type f | wc -l) files"
    for np in $ranks_list; do
        # Granted time windows: every variant in one process. Null messages: ns-3.37's
        # null-message simulator runs one simulation per process, so one run per variant.
        runs=("gtw||$variants")
        IFS=',' read -r -a each <<<"$variants"
        for v in "${each[@]}"; do
            runs+=("nullmsg-$v|--nullmsg=1|$v")
        done
        for r in "${runs[@]}"; do
            IFS='|' read -r sync flag only <<<"$r"
            out=$name-np$np-$sync
            start=$SECONDS
            if ! (cd "$work" && "${mpirun[@]}" -np "$np" "$program" "${args[@]}" \
                --variants="$only" --ranks="$np" $flag --output="$out" >"$out.out" 2>&1); then
                echo "FAIL $out: the run failed"
                tail -20 "$work/$out.out"
                failures=$((failures + 1))
                continue
            fi
            seconds=$((SECONDS - start))
            # Something must cross ranks, or the comparison proves nothing.
            cut=$(grep -o 'partition [a-z0-9-]*: .*links cut' "$work/$out.out" | tr '\n' ';' || true)
            if [[ $only == *p2p* && $cut != *"p2p: "* ]] ||
                grep -q 'partition p2p: .* 0 links cut' "$work/$out.out"; then
                echo "FAIL $out: no link cut in the p2p variant ($cut)"
                failures=$((failures + 1))
            fi
            # One variant alone is compared with that variant run alone: a process's
            # later simulations draw later automatic random streams (ns-3's stream
            # counter is never reset), so the same variant differs as a third run.
            reference=$work/$name-seq
            if [[ $only != "$variants" ]]; then
                reference=$work/$name-seq-$only
                [[ -d $reference ]] || (cd "$work" && "$program" "${args[@]}" --variants="$only" \
                    --output="$name-seq-$only" >"$name-seq-$only.out" 2>&1) || {
                    echo "FAIL $name: the sequential run of $only failed"
                    failures=$((failures + 1))
                    continue
                }
            fi
            compare "$reference" "$work/$out" "$only" "$seconds s; $cut"
        done
    done
done

# Refusals. A zero-delay link whose ends the file pins to different ranks: named.
cat >"$work/zero-delay.dot" <<'DOT'
graph g { x [rank=0]; y [rank=1]; z; x -- y [delay="0ms"]; y -- z; }
DOT
if (cd "$work" && "${mpirun[@]}" -np 2 "$program" --topology=zero-delay.dot \
    --flows="ping x z start=1s stop=2s" --variants=p2p --plots=0 --ranks=2 \
    --output=zero-delay >zero-delay.out 2>&1); then
    echo "FAIL zero-delay: a zero-delay link across ranks was accepted"
    failures=$((failures + 1))
elif ! grep -q "edge x -- y: a zero-delay link cannot cross ranks" "$work/zero-delay.out"; then
    echo "FAIL zero-delay: no message naming the edge:"; cat "$work/zero-delay.out"
    failures=$((failures + 1))
else
    echo "zero-delay link across pinned ranks: refused, naming x -- y"
fi
# --ranks=2 in one process.
if (cd "$work" && "$program" --ranks=2 --plots=0 --output=one >one.out 2>&1); then
    echo "FAIL: --ranks=2 ran in one MPI process"
    failures=$((failures + 1))
elif ! grep -q "start it with mpirun -np 2" "$work/one.out"; then
    echo "FAIL: --ranks=2 in one process, no message:"; cat "$work/one.out"
    failures=$((failures + 1))
else
    echo "--ranks=2 in one process: refused with a message"
fi

echo "mpi-check: $compared files identical to the sequential runs; $decoded_total ascii" \
    "traces identical but for ns-3's packet decoding; $failures failures"
((failures == 0))
