/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Benchmark (not a test): throughput of RFC 1662 framing on this host, in MB/s of PPP
// payload: FCS-16 and FCS-32 over 1 MiB, encoding 1500-octet IP packets (ACCM 0, the
// negotiated case, and 0xffffffff, the LCP default), and decoding the encoded stream.
// Median of several runs.
//
//   hdlc-benchmark [--megabytes=64]

#include "ns3/command-line.h"
#include "ns3/hdlc-framing.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <random>
#include <vector>

using namespace ns3;

namespace
{

/// Median MB/s of \p f, which processes \p bytes bytes per call.
template <class F>
double
MegabytesPerSecond(uint64_t bytes, F f)
{
    std::vector<double> rates;
    for (int run = 0; run < 5; ++run)
    {
        auto start = std::chrono::steady_clock::now();
        f();
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rates.push_back(bytes / s / 1e6);
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t megabytes = 64;
    CommandLine cmd(__FILE__);
    cmd.AddValue("megabytes", "Payload per measured run", megabytes);
    cmd.Parse(argc, argv);

    std::mt19937 rng(1662);
    std::vector<uint8_t> block(1 << 20);
    for (uint8_t& b : block)
    {
        b = static_cast<uint8_t>(rng());
    }
    const uint64_t total = uint64_t(megabytes) << 20;
    volatile uint32_t sink = 0;

    double fcs16 = MegabytesPerSecond(total, [&] {
        uint16_t fcs = PPP_INITFCS16;
        for (uint32_t i = 0; i < megabytes; ++i)
        {
            fcs = PppFcs16(fcs, block.data(), block.size());
        }
        sink = sink + fcs;
    });
    double fcs32 = MegabytesPerSecond(total, [&] {
        uint32_t fcs = PPP_INITFCS32;
        for (uint32_t i = 0; i < megabytes; ++i)
        {
            fcs = PppFcs32(fcs, block.data(), block.size());
        }
        sink = sink + fcs;
    });

    const std::size_t packet = 1500;
    const uint64_t packets = total / packet;
    std::vector<uint8_t> stream;
    auto encodeAll = [&](uint32_t accm) {
        HdlcTxOptions tx{accm, true, true, HdlcFcs::FCS16};
        stream.clear();
        for (uint64_t i = 0; i < packets; ++i)
        {
            std::size_t offset = (i * packet) % (block.size() - packet);
            HdlcEncode(0x0021, block.data() + offset, packet, tx, stream);
        }
    };
    double encode0 = MegabytesPerSecond(packets * packet, [&] { encodeAll(0); });
    double encodeAll1 = MegabytesPerSecond(packets * packet, [&] { encodeAll(0xffffffff); });
    encodeAll(0);
    uint64_t frames = 0;
    double decode = MegabytesPerSecond(packets * packet, [&] {
        HdlcDeframer rx;
        rx.SetRxAccm(0);
        rx.Feed(stream.data(), stream.size(), [&frames](uint16_t, const uint8_t*, std::size_t) {
            ++frames;
        });
    });

    std::cout << std::fixed << std::setprecision(0) << "RFC 1662 framing, MB/s of payload ("
              << megabytes << " MiB per run, median of 5)\n"
              << "  FCS-16                     " << fcs16 << "\n"
              << "  FCS-32                     " << fcs32 << "\n"
              << "  encode 1500 B, ACCM 0      " << encode0 << "\n"
              << "  encode 1500 B, ACCM ~0     " << encodeAll1 << "\n"
              << "  decode 1500 B, ACCM 0      " << decode << "\n"
              << "  (" << frames / 5 << " frames decoded per run)\n";
    return 0;
}
