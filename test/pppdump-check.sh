#!/usr/bin/env bash
# Validation by pppd's own reader: pppdump(8) (Debian package ppp) must decode every
# pppd record file the examples wrote into PPP frames, with no bad FCS, aborted, short
# or oversize frame. Where the same port was also captured as pcap (<stem>.pcap beside
# <stem>.pppd) and tshark is installed, both readers must count the same frames: two
# tools no one here wrote, reading two formats the module writes from one byte stream.
# Skipped (exit 77) when pppdump is not installed.
set -euo pipefail
dir=${1:?usage: pppdump-check.sh <example-output dir>}
pppdump=$(command -v pppdump || true)
[ -n "$pppdump" ] || pppdump=/usr/sbin/pppdump
if [ ! -x "$pppdump" ]; then
    echo "pppdump not installed: skipped"
    exit 77
fi
mapfile -t files < <(find "$dir" -name '*.pppd' | sort)
if [ ${#files[@]} -eq 0 ]; then
    echo "no pppd record files in $dir" >&2
    exit 1
fi
status=0
for f in "${files[@]}"; do
    name=${f#"$dir"/}
    if ! out=$("$pppdump" -p "$f" 2>&1); then
        echo "pppdump cannot read $name" >&2
        status=1
        continue
    fi
    frames=$(grep -c -E '^(sent|rcvd) ' <<<"$out" || true)
    bad=$(grep -c -E 'aborted packet|short packet|BAD FCS|ERROR' <<<"$out" || true)
    line=$(printf '%-50s %5d frames, %d bad' "$name" "$frames" "$bad")
    if [ "$frames" -eq 0 ] || [ "$bad" -ne 0 ]; then
        status=1
    fi
    pcap=${f%.pppd}.pcap
    if [ -f "$pcap" ] && command -v tshark >/dev/null; then
        captured=$(tshark -r "$pcap" 2>/dev/null | wc -l)
        line+=", $captured in ${pcap#"$dir"/}"
        if [ "$captured" -ne "$frames" ]; then
            status=1
        fi
    fi
    echo "$line"
done
exit $status
