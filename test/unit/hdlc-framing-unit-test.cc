/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// RFC 1662 framing: the FCS check values and residues, transparency under every ACCM,
// the LCP exceptions, address/control and protocol compression, and a deframer that
// survives garbage, truncation, bad FCS, runts, oversize frames and aborts.

#include "ns3/hdlc-framing.h"

#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <string>

using namespace ns3;

namespace
{

struct Packet
{
    uint16_t protocol;
    std::vector<uint8_t> info;

    bool operator==(const Packet& o) const
    {
        return protocol == o.protocol && info == o.info;
    }
};

std::vector<Packet>
Decode(HdlcDeframer& d, const std::vector<uint8_t>& stream)
{
    std::vector<Packet> packets;
    d.Feed(stream.data(),
           stream.size(),
           [&packets](uint16_t proto, const uint8_t* p, std::size_t n) {
               packets.push_back({proto, std::vector<uint8_t>(p, p + n)});
           });
    return packets;
}

std::vector<uint8_t>
Frame(uint16_t protocol, const std::vector<uint8_t>& info, HdlcTxOptions options = {})
{
    std::vector<uint8_t> out;
    HdlcEncode(protocol, info.data(), info.size(), options, out);
    return out;
}

std::vector<uint8_t>
AllOctets()
{
    std::vector<uint8_t> v(256);
    for (int i = 0; i < 256; ++i)
    {
        v[i] = static_cast<uint8_t>(i);
    }
    return v;
}

} // namespace

TEST(HdlcFcs, CheckValuesOfTheStandardCrcs)
{
    const char* check = "123456789";
    auto p = reinterpret_cast<const uint8_t*>(check);
    // FCS-16 is CRC-16/X-25 and FCS-32 is CRC-32: their published check values.
    EXPECT_EQ(static_cast<uint16_t>(~PppFcs16(PPP_INITFCS16, p, 9)), 0x906e);
    EXPECT_EQ(~PppFcs32(PPP_INITFCS32, p, 9), 0xcbf43926u);
}

TEST(HdlcFcs, GoodFramesLeaveTheResidue)
{
    std::vector<uint8_t> frame = {0xff, 0x03, 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04};
    uint16_t fcs = ~PppFcs16(PPP_INITFCS16, frame.data(), frame.size());
    frame.push_back(fcs & 0xff); // low octet first
    frame.push_back(fcs >> 8);
    EXPECT_EQ(PppFcs16(PPP_INITFCS16, frame.data(), frame.size()), PPP_GOODFCS16);
    frame[3] ^= 0x10;
    EXPECT_NE(PppFcs16(PPP_INITFCS16, frame.data(), frame.size()), PPP_GOODFCS16);

    std::vector<uint8_t> f32 = {0xff, 0x03, 0x00, 0x21, 0x45};
    uint32_t fcs32 = ~PppFcs32(PPP_INITFCS32, f32.data(), f32.size());
    for (int i = 0; i < 4; ++i)
    {
        f32.push_back((fcs32 >> (8 * i)) & 0xff);
    }
    EXPECT_EQ(PppFcs32(PPP_INITFCS32, f32.data(), f32.size()), PPP_GOODFCS32);
}

TEST(HdlcFraming, EveryOctetRoundTripsUnderEveryAccmAndFcs)
{
    std::vector<uint8_t> all = AllOctets();
    for (uint32_t accm : {0u, 0xffffffffu, 0x000a0000u})
    {
        for (HdlcFcs fcs : {HdlcFcs::FCS16, HdlcFcs::FCS32})
        {
            for (bool compress : {false, true})
            {
                HdlcTxOptions tx{accm, compress, compress, fcs};
                std::vector<uint8_t> stream = Frame(0x0021, all, tx);
                HdlcDeframer rx;
                rx.SetRxAccm(accm);
                rx.SetFcs(fcs);
                std::vector<Packet> got = Decode(rx, stream);
                ASSERT_EQ(got.size(), 1u) << "accm " << accm;
                EXPECT_EQ(got[0], (Packet{0x0021, all}));
                // Inside the frame: no flag, and no control octet the ACCM flags.
                for (std::size_t i = 1; i + 1 < stream.size(); ++i)
                {
                    EXPECT_NE(stream[i], HDLC_FLAG);
                    if (stream[i] < 0x20)
                    {
                        EXPECT_FALSE((accm >> stream[i]) & 1) << int(stream[i]);
                    }
                }
            }
        }
    }
}

TEST(HdlcFraming, HeaderCompressionAndTheLcpExceptions)
{
    HdlcTxOptions compressed{0, true, true, HdlcFcs::FCS16};
    std::vector<uint8_t> ip = Frame(0x0021, {0x45}, compressed);
    EXPECT_EQ(ip[1], 0x21) << "ACFC and PFC: the frame starts with the 1-octet protocol";
    std::vector<uint8_t> ipcp = Frame(0x8021, {0x01}, compressed);
    EXPECT_EQ(ipcp[1], 0x80) << "0x8021 cannot be compressed";
    EXPECT_EQ(ipcp[2], 0x21);
    std::vector<uint8_t> lcp = Frame(0xc021, {0x01, 0x02, 0x00}, compressed);
    EXPECT_EQ(lcp[1], 0xff) << "LCP keeps Address and Control";
    EXPECT_EQ(lcp[2], HDLC_ESCAPE) << "and escapes 0x03 whatever the ACCM";
    EXPECT_EQ(lcp[3], 0x23);
    std::vector<uint8_t> full =
        Frame(0x0021, {0x11}, HdlcTxOptions{0, false, false, HdlcFcs::FCS16});
    EXPECT_EQ(std::vector<uint8_t>(full.begin(), full.begin() + 6),
              (std::vector<uint8_t>{HDLC_FLAG, 0xff, 0x03, 0x00, 0x21, 0x11}))
        << "ACCM 0: control octets (0x03, 0x11) pass unescaped outside LCP";
}

TEST(HdlcDeframer, SurvivesGarbageTruncationBadFcsRuntsOversizeAndAborts)
{
    std::vector<uint8_t> good = Frame(0x0021, {1, 2, 3, 4, 5});
    std::vector<uint8_t> stream = {0x41, 0x42, 0x43}; // noise before any flag
    // Cut after flag, ff, 7d 23, 7d 20, 21: four octets survive, with no valid FCS.
    std::vector<uint8_t> truncated(good.begin(), good.begin() + 7);
    stream.insert(stream.end(), truncated.begin(), truncated.end()); // cut short, no end flag
    stream.insert(stream.end(), good.begin(), good.end());           // its flag ends it
    std::vector<uint8_t> corrupt = good;
    corrupt[4] ^= 0x01;
    stream.insert(stream.end(), corrupt.begin(), corrupt.end());
    stream.insert(stream.end(), {HDLC_FLAG, 0x21, 0x00, HDLC_FLAG}); // two octets: a runt
    stream.insert(stream.end(), {HDLC_FLAG, 0xff, 0x03, 0x00, HDLC_ESCAPE, HDLC_FLAG}); // abort
    stream.push_back(HDLC_FLAG);
    stream.insert(stream.end(), 100, 0x55); // oversize for a 64-octet limit
    stream.insert(stream.end(), good.begin(), good.end());
    stream.insert(stream.end(), {HDLC_FLAG, HDLC_FLAG, HDLC_FLAG}); // empty frames: ignored

    HdlcDeframer rx(64);
    std::vector<Packet> got = Decode(rx, stream);
    const HdlcDeframer::Counters& c = rx.GetCounters();
    EXPECT_EQ(got.size(), 2u) << "both good frames decode";
    for (const Packet& p : got)
    {
        EXPECT_EQ(p, (Packet{0x0021, {1, 2, 3, 4, 5}}));
    }
    EXPECT_EQ(c.garbageOctets, 3u);
    EXPECT_EQ(c.badFcs, 2u) << "the truncated frame and the corrupted one";
    EXPECT_EQ(c.runts, 1u);
    EXPECT_EQ(c.aborts, 1u);
    EXPECT_EQ(c.oversize, 1u);
    EXPECT_EQ(c.frames, 2u);
}

TEST(HdlcDeframer, DropsSinceAreReportedByReason)
{
    std::vector<uint8_t> good = Frame(0x0021, {1, 2, 3, 4, 5});
    HdlcDeframer rx(64);
    Decode(rx, good);
    HdlcDeframer::Counters before = rx.GetCounters();
    std::vector<uint8_t> corrupt = good;
    corrupt[4] ^= 0x01;
    std::vector<uint8_t> stream = corrupt;
    stream.insert(stream.end(), corrupt.begin(), corrupt.end());
    stream.insert(stream.end(), {HDLC_FLAG, 0x21, 0x00, HDLC_FLAG}); // a runt
    stream.insert(stream.end(), good.begin(), good.end());
    Decode(rx, stream);
    std::vector<std::pair<std::string, uint64_t>> reported;
    rx.GetCounters().ForEachDropSince(before, [&reported](const char* reason, uint64_t n) {
        reported.emplace_back(reason, n);
    });
    std::vector<std::pair<std::string, uint64_t>> expected = {{"bad-fcs", 2}, {"runt", 1}};
    EXPECT_EQ(reported, expected) << "only what grew, in a fixed order";
    EXPECT_EQ(rx.GetCounters().Dropped(), 3u);
}

TEST(HdlcDeframer, BadHeadersAreCountedNotDelivered)
{
    // A good FCS over a malformed header: Address without Control, an even protocol.
    for (std::vector<uint8_t> body : {std::vector<uint8_t>{0xff, 0x05, 0x00, 0x21},
                                      std::vector<uint8_t>{0xff, 0x03, 0x00, 0x20, 0x01}})
    {
        uint16_t fcs = ~PppFcs16(PPP_INITFCS16, body.data(), body.size());
        body.push_back(fcs & 0xff);
        body.push_back(fcs >> 8);
        std::vector<uint8_t> stream = {HDLC_FLAG};
        stream.insert(stream.end(), body.begin(), body.end());
        stream.push_back(HDLC_FLAG);
        HdlcDeframer rx;
        rx.SetRxAccm(0);
        EXPECT_TRUE(Decode(rx, stream).empty());
        EXPECT_EQ(rx.GetCounters().badHeader, 1u);
    }
}

TEST(HdlcDeframer, RemovesControlOctetsTheAccmFlags)
{
    std::vector<uint8_t> frame =
        Frame(0x0021, {9, 9}, HdlcTxOptions{0xffffffff, false, false, HdlcFcs::FCS16});
    frame.insert(frame.begin() + 3, 0x11); // XON inserted by a modem
    HdlcDeframer flagged;
    EXPECT_EQ(Decode(flagged, frame).size(), 1u) << "0x11 flagged: removed";
    HdlcDeframer unflagged;
    unflagged.SetRxAccm(0);
    EXPECT_EQ(Decode(unflagged, frame).size(), 0u) << "not flagged: kept, and the FCS fails";
    EXPECT_EQ(unflagged.GetCounters().badFcs, 1u);
}

TEST(HdlcDeframer, AnySplitOfTheStreamGivesTheSameFrames)
{
    std::vector<uint8_t> stream;
    for (int i = 0; i < 5; ++i)
    {
        std::vector<uint8_t> f = Frame(0x0057, std::vector<uint8_t>(40 + i, 0x7e));
        stream.insert(stream.end(), f.begin(), f.end());
    }
    for (std::size_t cut = 0; cut <= stream.size(); ++cut)
    {
        HdlcDeframer rx;
        std::vector<Packet> got;
        auto deliver = [&got](uint16_t proto, const uint8_t* p, std::size_t n) {
            got.push_back({proto, std::vector<uint8_t>(p, p + n)});
        };
        rx.Feed(stream.data(), cut, deliver);
        rx.Feed(stream.data() + cut, stream.size() - cut, deliver);
        ASSERT_EQ(got.size(), 5u) << "cut at " << cut;
        EXPECT_EQ(got[4].info.size(), 44u);
    }
}

TEST(HdlcDeframer, RandomNoiseNeverHidesTheNextGoodFrame)
{
    std::mt19937 rng(1662);
    std::vector<uint8_t> good = Frame(0x0021, {0xde, 0xad, 0xbe, 0xef});
    for (int trial = 0; trial < 500; ++trial)
    {
        std::vector<uint8_t> stream(rng() % 300);
        for (uint8_t& b : stream)
        {
            b = static_cast<uint8_t>(rng());
        }
        stream.insert(stream.end(), good.begin(), good.end());
        HdlcDeframer rx(128);
        std::vector<Packet> got = Decode(rx, stream);
        ASSERT_FALSE(got.empty()) << "trial " << trial;
        EXPECT_EQ(got.back(), (Packet{0x0021, {0xde, 0xad, 0xbe, 0xef}})) << "trial " << trial;
    }
}

TEST(PppProtocol, Names)
{
    EXPECT_EQ(PppProtocolName(0xc021), "LCP");
    EXPECT_EQ(PppProtocolName(0x8021), "IPCP");
    EXPECT_EQ(PppProtocolName(0x0021), "IP");
    EXPECT_EQ(PppProtocolName(0x1234), "0x1234");
}
