/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// RFC 1662 framing: the FCS check values and residues, transparency under every ACCM,
// the LCP exceptions, address/control and protocol compression, and a deframer that
// survives garbage, truncation, bad FCS, runts, oversize frames and aborts.

#include "ns3/hdlc-framing.h"

#include <algorithm>
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

// --- The fast paths against a plain octet-at-a-time model -----------------------------
//
// PppFcs16/32, HdlcEncode and HdlcDeframer work a word at a time and copy runs in bulk;
// these tests hold them to the obvious code, written here from RFC 1662 alone, on random
// inputs rich in the octets that matter (Flag, Control Escape, control octets).

namespace
{

/// FCS-16 a bit at a time (RFC 1662 appendix C.2's polynomial, no table).
uint16_t
RefFcs16(uint16_t fcs, const uint8_t* p, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
    {
        fcs ^= p[i];
        for (int k = 0; k < 8; ++k)
        {
            fcs = (fcs & 1) ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
        }
    }
    return fcs;
}

/// FCS-32 a bit at a time (RFC 1662 appendix C.3).
uint32_t
RefFcs32(uint32_t fcs, const uint8_t* p, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
    {
        fcs ^= p[i];
        for (int k = 0; k < 8; ++k)
        {
            fcs = (fcs & 1) ? (fcs >> 1) ^ 0xedb88320 : fcs >> 1;
        }
    }
    return fcs;
}

/// HdlcEncode an octet at a time.
void
RefEncode(uint16_t protocol,
          const uint8_t* info,
          std::size_t len,
          const HdlcTxOptions& options,
          std::vector<uint8_t>& out)
{
    bool lcp = protocol == 0xc021;
    uint32_t accm = lcp ? 0xffffffff : options.accm;
    std::vector<uint8_t> frame;
    if (lcp || !options.acfc)
    {
        frame = {0xff, 0x03};
    }
    if (!lcp && options.pfc && protocol < 0x100 && (protocol & 1))
    {
        frame.push_back(protocol);
    }
    else
    {
        frame.push_back(protocol >> 8);
        frame.push_back(protocol & 0xff);
    }
    frame.insert(frame.end(), info, info + len);
    if (options.fcs == HdlcFcs::FCS16)
    {
        uint16_t fcs = ~RefFcs16(0xffff, frame.data(), frame.size());
        frame.push_back(fcs & 0xff);
        frame.push_back(fcs >> 8);
    }
    else
    {
        uint32_t fcs = ~RefFcs32(0xffffffff, frame.data(), frame.size());
        for (int i = 0; i < 4; ++i)
        {
            frame.push_back((fcs >> (8 * i)) & 0xff);
        }
    }
    out.push_back(0x7e);
    for (uint8_t b : frame)
    {
        if (b == 0x7e || b == 0x7d || (b < 0x20 && ((accm >> b) & 1)))
        {
            out.push_back(0x7d);
            out.push_back(b ^ 0x20);
        }
        else
        {
            out.push_back(b);
        }
    }
    out.push_back(0x7e);
}

/// HdlcDeframer an octet at a time.
class RefDeframer
{
  public:
    RefDeframer(std::size_t maxFrame, uint32_t accm, HdlcFcs fcs)
        : m_maxFrame(maxFrame),
          m_accm(accm),
          m_fcs(fcs)
    {
    }

    void Feed(const std::vector<uint8_t>& stream)
    {
        for (uint8_t b : stream)
        {
            if (b == 0x7e)
            {
                if (m_escaped)
                {
                    ++counters.aborts;
                }
                else if (m_synced && !m_dropping && !m_frame.empty())
                {
                    EndOfFrame();
                }
                m_synced = true;
                m_escaped = false;
                m_dropping = false;
                m_frame.clear();
            }
            else if (!m_synced)
            {
                ++counters.garbageOctets;
            }
            else if ((b < 0x20 && ((m_accm >> b) & 1)) || m_dropping)
            {
                // removed by the receiver, or skipped to the next flag
            }
            else if (b == 0x7d)
            {
                m_escaped = true;
            }
            else if (m_frame.size() >= m_maxFrame)
            {
                ++counters.oversize;
                m_dropping = true;
                m_escaped = false;
                m_frame.clear();
            }
            else
            {
                m_frame.push_back(m_escaped ? b ^ 0x20 : b);
                m_escaped = false;
            }
        }
    }

    HdlcDeframer::Counters counters;
    std::vector<Packet> packets;

  private:
    void EndOfFrame()
    {
        const std::vector<uint8_t>& f = m_frame;
        std::size_t fcsLen = m_fcs == HdlcFcs::FCS16 ? 2 : 4;
        if (f.size() < fcsLen + 1)
        {
            ++counters.runts;
            return;
        }
        bool good = m_fcs == HdlcFcs::FCS16
                        ? RefFcs16(0xffff, f.data(), f.size()) == PPP_GOODFCS16
                        : RefFcs32(0xffffffff, f.data(), f.size()) == PPP_GOODFCS32;
        if (!good)
        {
            ++counters.badFcs;
            return;
        }
        std::size_t i = 0;
        std::size_t n = f.size() - fcsLen;
        if (n >= 2 && f[0] == 0xff && f[1] == 0x03)
        {
            i = 2;
        }
        else if (n >= 1 && f[0] == 0xff)
        {
            ++counters.badHeader;
            return;
        }
        uint16_t protocol;
        if (n > i && (f[i] & 1))
        {
            protocol = f[i];
            i += 1;
        }
        else if (n > i + 1 && (f[i + 1] & 1))
        {
            protocol = f[i] << 8 | f[i + 1];
            i += 2;
        }
        else
        {
            ++counters.badHeader;
            return;
        }
        ++counters.frames;
        packets.push_back({protocol, std::vector<uint8_t>(f.begin() + i, f.begin() + n)});
    }

    std::size_t m_maxFrame;
    uint32_t m_accm;
    HdlcFcs m_fcs;
    bool m_synced{false};
    bool m_escaped{false};
    bool m_dropping{false};
    std::vector<uint8_t> m_frame;
};

/// Random octets, often the ones framing treats specially.
class OctetSource
{
  public:
    explicit OctetSource(uint32_t seed)
        : m_rng(seed)
    {
    }

    uint32_t Next()
    {
        return m_rng();
    }

    /// \return a number in [0, n)
    uint32_t Below(uint32_t n)
    {
        return m_rng() % n;
    }

    /// \param density how often, in 16ths, an octet is special (0: uniform) \return one
    uint8_t Octet(uint32_t density)
    {
        if (Below(16) >= density)
        {
            return static_cast<uint8_t>(m_rng());
        }
        switch (Below(4))
        {
        case 0:
            return HDLC_FLAG;
        case 1:
            return HDLC_ESCAPE;
        default:
            return static_cast<uint8_t>(Below(0x20));
        }
    }

    std::vector<uint8_t> Octets(std::size_t n, uint32_t density)
    {
        std::vector<uint8_t> v(n);
        for (uint8_t& b : v)
        {
            b = Octet(density);
        }
        return v;
    }

    /// \return an ACCM as links use them: none, all, XON/XOFF, or anything
    uint32_t Accm()
    {
        switch (Below(5))
        {
        case 0:
            return 0;
        case 1:
            return 0xffffffff;
        case 2:
            return 0x000a0000;
        case 3:
            return 1u << Below(32);
        default:
            return m_rng();
        }
    }

    /// \return a length in [0, 3000], short ones more often
    std::size_t Length()
    {
        return Below(4) == 0 ? Below(40) : Below(3001);
    }

  private:
    std::mt19937 m_rng;
};

void
ExpectSameCounters(const HdlcDeframer::Counters& got, const HdlcDeframer::Counters& want, int trial)
{
    EXPECT_EQ(got.frames, want.frames) << "trial " << trial;
    EXPECT_EQ(got.badFcs, want.badFcs) << "trial " << trial;
    EXPECT_EQ(got.runts, want.runts) << "trial " << trial;
    EXPECT_EQ(got.oversize, want.oversize) << "trial " << trial;
    EXPECT_EQ(got.aborts, want.aborts) << "trial " << trial;
    EXPECT_EQ(got.badHeader, want.badHeader) << "trial " << trial;
    EXPECT_EQ(got.garbageOctets, want.garbageOctets) << "trial " << trial;
}

} // namespace

TEST(HdlcFastPaths, FcsMatchesTheBitwiseDefinitionAtAnyAlignment)
{
    OctetSource src(16621);
    std::vector<uint8_t> buffer = src.Octets(3000 + 16, 4);
    for (int trial = 0; trial < 400; ++trial)
    {
        std::size_t offset = src.Below(16);
        std::size_t len = src.Length();
        const uint8_t* p = buffer.data() + offset;
        uint16_t init16 = trial % 2 ? PPP_INITFCS16 : static_cast<uint16_t>(src.Next());
        uint32_t init32 = trial % 2 ? PPP_INITFCS32 : src.Next();
        ASSERT_EQ(PppFcs16(init16, p, len), RefFcs16(init16, p, len))
            << "offset " << offset << " length " << len;
        ASSERT_EQ(PppFcs32(init32, p, len), RefFcs32(init32, p, len))
            << "offset " << offset << " length " << len;
        // In two pieces, cut anywhere: the running value carries over.
        std::size_t cut = src.Below(len + 1);
        EXPECT_EQ(PppFcs16(PppFcs16(init16, p, cut), p + cut, len - cut), RefFcs16(init16, p, len));
        EXPECT_EQ(PppFcs32(PppFcs32(init32, p, cut), p + cut, len - cut), RefFcs32(init32, p, len));
    }
}

TEST(HdlcFastPaths, EncodeMatchesTheOctetAtATimeModel)
{
    OctetSource src(16622);
    const uint16_t protocols[] = {0x0021, 0x0057, 0x002d, 0x8021, 0xc021, 0xc023, 0x00ff};
    for (int trial = 0; trial < 600; ++trial)
    {
        std::vector<uint8_t> buffer = src.Octets(src.Length() + 8, src.Below(17));
        std::size_t offset = src.Below(8); // the payload need not be aligned
        const uint8_t* info = buffer.data() + offset;
        std::size_t len = buffer.size() - 8;
        HdlcTxOptions tx{src.Accm(),
                         src.Below(2) == 1,
                         src.Below(2) == 1,
                         src.Below(2) ? HdlcFcs::FCS16 : HdlcFcs::FCS32};
        uint16_t protocol = protocols[src.Below(7)];
        // Appended after whatever the vector holds, as a queue of frames would be.
        std::vector<uint8_t> got = src.Octets(src.Below(20), 8);
        std::vector<uint8_t> want = got;
        HdlcEncode(protocol, info, len, tx, got);
        RefEncode(protocol, info, len, tx, want);
        ASSERT_EQ(got, want) << "trial " << trial << " accm " << std::hex << tx.accm << " length "
                             << std::dec << len;
    }
}

TEST(HdlcFastPaths, DeframerMatchesTheOctetAtATimeModelOnDamagedStreams)
{
    OctetSource src(16623);
    const std::size_t maxFrames[] = {0, 1, 5, 40, 1502, 2048, 2049, 4102};
    for (int trial = 0; trial < 400; ++trial)
    {
        HdlcFcs fcs = src.Below(2) ? HdlcFcs::FCS16 : HdlcFcs::FCS32;
        uint32_t rxAccm = src.Accm();
        std::size_t maxFrame = src.Below(3) ? maxFrames[src.Below(8)] : src.Below(3100);
        uint32_t density = src.Below(17);

        // Garbage, then frames the peer sends (under an ACCM that may not match ours),
        // with noise between some of them.
        std::vector<uint8_t> stream = src.Octets(src.Below(30), density);
        int frames = 1 + src.Below(6);
        for (int f = 0; f < frames; ++f)
        {
            std::vector<uint8_t> info = src.Octets(src.Length(), density);
            HdlcTxOptions tx{src.Below(3) ? rxAccm : src.Accm(),
                             src.Below(2) == 1,
                             src.Below(2) == 1,
                             src.Below(8) ? fcs : HdlcFcs::FCS32};
            uint16_t protocol = src.Below(8) ? 0x0021 : static_cast<uint16_t>(src.Next());
            HdlcEncode(protocol, info.data(), info.size(), tx, stream);
            if (src.Below(4) == 0)
            {
                std::vector<uint8_t> noise = src.Octets(src.Below(50), density);
                stream.insert(stream.end(), noise.begin(), noise.end());
            }
        }
        // Damage: octets overwritten, inserted (aborts, control octets) and lost.
        int damage = src.Below(3) ? 0 : 1 + src.Below(8);
        for (int d = 0; d < damage && !stream.empty(); ++d)
        {
            std::size_t at = src.Below(stream.size());
            switch (src.Below(4))
            {
            case 0:
                stream[at] = src.Octet(8);
                break;
            case 1:
                stream.insert(stream.begin() + at, {HDLC_ESCAPE, HDLC_FLAG});
                break;
            case 2:
                stream.insert(stream.begin() + at, static_cast<uint8_t>(src.Below(0x20)));
                break;
            default:
                stream.erase(stream.begin() + at);
                break;
            }
        }

        RefDeframer want(maxFrame, rxAccm, fcs);
        want.Feed(stream);

        HdlcDeframer rx(maxFrame);
        rx.SetRxAccm(rxAccm);
        rx.SetFcs(fcs);
        std::vector<Packet> got;
        auto deliver = [&got](uint16_t proto, const uint8_t* p, std::size_t n) {
            got.push_back({proto, std::vector<uint8_t>(p, p + n)});
        };
        // In random pieces: single octets, short ones, or the rest at once.
        std::size_t fed = 0;
        while (fed < stream.size())
        {
            std::size_t piece;
            switch (src.Below(3))
            {
            case 0:
                piece = 1;
                break;
            case 1:
                piece = 1 + src.Below(20);
                break;
            default:
                piece = src.Below(stream.size() - fed + 1);
                break;
            }
            piece = std::min(piece, stream.size() - fed);
            rx.Feed(stream.data() + fed, piece, deliver);
            fed += piece;
        }

        ASSERT_EQ(got.size(), want.packets.size()) << "trial " << trial;
        for (std::size_t i = 0; i < got.size(); ++i)
        {
            ASSERT_EQ(got[i], want.packets[i]) << "trial " << trial << " packet " << i;
        }
        ExpectSameCounters(rx.GetCounters(), want.counters, trial);
    }
}

TEST(PppProtocol, Names)
{
    EXPECT_EQ(PppProtocolName(0xc021), "LCP");
    EXPECT_EQ(PppProtocolName(0x8021), "IPCP");
    EXPECT_EQ(PppProtocolName(0x0021), "IP");
    EXPECT_EQ(PppProtocolName(0x1234), "0x1234");
}
