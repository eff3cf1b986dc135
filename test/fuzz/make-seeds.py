#!/usr/bin/env python3
# Writes the binary seed inputs of test/fuzz/corpus/ (HDLC frames, PPP event lists,
# tun records); the text seeds there are written by hand. Run from anywhere:
#   python3 test/fuzz/make-seeds.py
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def fcs16(data):
    fcs = 0xFFFF
    for b in data:
        fcs ^= b
        for _ in range(8):
            fcs = (fcs >> 1) ^ 0x8408 if fcs & 1 else fcs >> 1
    return fcs


def hdlc(protocol, info, accm=0xFFFFFFFF):
    body = bytes([0xFF, 0x03]) + struct.pack(">H", protocol) + info
    body += struct.pack("<H", fcs16(body) ^ 0xFFFF)
    out = bytearray([0x7E])
    for b in body:
        if b in (0x7E, 0x7D) or (b < 0x20 and accm >> b & 1):
            out += bytes([0x7D, b ^ 0x20])
        else:
            out.append(b)
    return bytes(out + b"\x7e")


def control(code, ident, data):
    return bytes([code, ident]) + struct.pack(">H", len(data) + 4) + data


LCP_REQ = control(1, 1, bytes.fromhex("010405dc" "020600000000" "050612345678" "0702" "0802"))
IPCP_REQ = control(1, 1, bytes.fromhex("03060a000002"))
IPV6CP_REQ = control(1, 1, bytes.fromhex("010a0011223344556677"))


def ipv4(proto, payload, dst=(10, 0, 0, 1)):
    h = bytearray(struct.pack(">BBHHHBBH4B4B", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                              10, 0, 0, 2, *dst))
    s = sum(struct.unpack(">10H", h))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    h[10:12] = struct.pack(">H", ~s & 0xFFFF)
    return bytes(h) + payload


def record(what, param):
    return bytes([what, len(param)]) + param


def write(name, data):
    path = os.path.join(here, "corpus", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


write("fuzz-hdlc/lcp-request", hdlc(0xC021, LCP_REQ))
write("fuzz-hdlc/two-frames", hdlc(0x8021, IPCP_REQ, 0) + hdlc(0x0021, ipv4(17, bytes(12)), 0))
write("fuzz-hdlc/abort-and-runt", b"\x7e\xff\x7d\x7e\x7e\x01\x7e" + hdlc(0x8057, IPV6CP_REQ))
write("fuzz-ppp/requests", bytes([0, 0, len(LCP_REQ)]) + LCP_REQ + bytes([1, 0, 1, 9, 0, 4]) * 3)
write("fuzz-ppp/raw", LCP_REQ + IPCP_REQ + IPV6CP_REQ + bytes(range(32)))
echo = bytes([8, 0, 0, 0, 0, 1, 0, 1]) + bytes(8)
write("fuzz-tunwrite/ping-and-read",
      record(0, ipv4(1, echo)) + record(2, b"\xff\x07") + record(4, b"\x05"))
write("fuzz-tunwrite/ioctls",
      record(1, b"\x07" + struct.pack("<i", 1)) + record(1, b"\x08") + record(1, b"\x0a\0\0\0\0") +
      record(3, b"\x05\x00" + b"\0" * 14) + record(0, bytes(4) + ipv4(17, bytes(8))) +
      record(5, b"") + record(0, ipv4(6, bytes(20))))
write("fuzz-tunwrite/checksums",
      record(6, b"\x01") + record(0, ipv4(1, echo)) + record(0, ipv4(17, bytes(8), (10, 0, 0, 9))) +
      record(2, b"\xff\x07"))
