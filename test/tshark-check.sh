#!/usr/bin/env bash
# Validation by a tool no one here wrote: tshark must read every pcap and pppdump file
# the examples wrote (a link without traffic gives an empty but valid file), and decode
# every frame as IPv4, IPv6 or a PPP control protocol, with nothing malformed, and no
# UDP tunnel datagram taken for OpenVPN (its wire format is not OpenVPN's).
# Skipped (exit 77) when tshark is not installed.
set -euo pipefail
dir=${1:?usage: tshark-check.sh <example-output dir>}
if ! command -v tshark >/dev/null; then
    echo "tshark not installed: skipped"
    exit 77
fi
mapfile -t files < <(find "$dir" -name '*.pcap' -o -name '*.pppd' | sort)
if [ ${#files[@]} -eq 0 ]; then
    echo "no trace files in $dir" >&2
    exit 1
fi
status=0
frames=0
for f in "${files[@]}"; do
    if ! tshark -r "$f" >/dev/null 2>&1; then
        echo "tshark cannot read ${f#"$dir"/}" >&2
        status=1
        continue
    fi
    total=$(tshark -r "$f" 2>/dev/null | wc -l)
    malformed=$(tshark -r "$f" -Y "_ws.malformed || _ws.expert.severity >= error" 2>/dev/null | wc -l)
    unknown=$(tshark -r "$f" -Y "!(ip || ipv6 || lcp || ipcp || ipv6cp)" 2>/dev/null | wc -l)
    openvpn=$(tshark -r "$f" -Y "openvpn" 2>/dev/null | wc -l)
    printf '%-60s %5d frames, %d malformed, %d undecoded, %d OpenVPN\n' "${f#"$dir"/}" "$total" \
        "$malformed" "$unknown" "$openvpn"
    frames=$((frames + total))
    if [ "$malformed" -ne 0 ] || [ "$unknown" -ne 0 ] || [ "$openvpn" -ne 0 ]; then
        status=1
    fi
done
if [ "$frames" -eq 0 ]; then
    echo "no frames in any trace" >&2
    status=1
fi
exit $status
