/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer harness: the HDLC deframer (RFC 1662) on any byte stream, fed in pieces of
// any size, with any receive ACCM, FCS size and frame limit. Beyond "no crash", it checks
// what the deframer promises: every frame it delivers fits the limit, the counters add
// up, and a delivered packet framed again by HdlcEncode with the same options comes back
// unchanged from a second deframer.

#include "ns3/hdlc-framing.h"

#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <vector>

using namespace ns3;

namespace
{

/// One packet a deframer delivered.
struct Delivered
{
    uint16_t protocol;         //!< the Protocol field
    std::vector<uint8_t> info; //!< the Information field
};

/// Stop the run with a message libFuzzer shows as a crash.
void
Fail(const char* what)
{
    __builtin_printf("fuzz-hdlc: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const uint32_t accm = in.ConsumeBool() ? 0 : in.ConsumeIntegral<uint32_t>();
    const HdlcFcs fcs = in.ConsumeBool() ? HdlcFcs::FCS32 : HdlcFcs::FCS16;
    const std::size_t maxFrame = in.ConsumeIntegralInRange<std::size_t>(0, 5000);

    HdlcDeframer deframer(maxFrame);
    deframer.SetRxAccm(accm);
    deframer.SetFcs(fcs);
    std::vector<Delivered> packets;
    auto keep = [&packets, maxFrame](uint16_t protocol, const uint8_t* info, std::size_t len) {
        // Protocol (1-2 octets) and FCS (2 or 4) came off the frame as well.
        if (len + 3 > maxFrame)
        {
            Fail("a frame longer than the limit was delivered");
        }
        packets.push_back({protocol, std::vector<uint8_t>(info, info + len)});
    };
    while (in.remaining_bytes() > 0)
    {
        std::size_t piece = in.ConsumeIntegralInRange<std::size_t>(0, 300);
        std::vector<uint8_t> bytes = in.ConsumeBytes<uint8_t>(piece);
        deframer.Feed(bytes.data(), bytes.size(), keep);
    }
    const HdlcDeframer::Counters& counters = deframer.GetCounters();
    if (counters.frames != packets.size())
    {
        Fail("frames counter differs from the packets delivered");
    }

    // Each delivered packet, framed again with the same ACCM and FCS, decodes to itself.
    HdlcTxOptions tx;
    tx.accm = accm;
    tx.fcs = fcs;
    HdlcDeframer again(maxFrame + 8);
    again.SetRxAccm(accm);
    again.SetFcs(fcs);
    for (const Delivered& p : packets)
    {
        std::vector<uint8_t> frame;
        HdlcEncode(p.protocol, p.info.data(), p.info.size(), tx, frame);
        std::vector<Delivered> back;
        again.Feed(frame.data(),
                   frame.size(),
                   [&back](uint16_t protocol, const uint8_t* info, std::size_t len) {
                       back.push_back({protocol, std::vector<uint8_t>(info, info + len)});
                   });
        if (back.size() != 1 || back[0].protocol != p.protocol || back[0].info != p.info)
        {
            Fail("a delivered packet does not survive HdlcEncode and a second deframer");
        }
    }
    (void)PppProtocolName(packets.empty() ? 0 : packets.back().protocol);
    return 0;
}
