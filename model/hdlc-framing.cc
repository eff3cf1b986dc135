/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "hdlc-framing.h"

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{

/// The 256-entry table of RFC 1662 C.2, built at start-up from the polynomial.
std::array<uint16_t, 256>
MakeFcs16Table()
{
    std::array<uint16_t, 256> table{};
    for (uint32_t b = 0; b < 256; ++b)
    {
        uint16_t v = b;
        for (int i = 0; i < 8; ++i)
        {
            v = (v & 1) ? (v >> 1) ^ 0x8408 : v >> 1; // x^16 + x^12 + x^5 + 1, reflected
        }
        table[b] = v;
    }
    return table;
}

/// The table of RFC 1662 C.3.
std::array<uint32_t, 256>
MakeFcs32Table()
{
    std::array<uint32_t, 256> table{};
    for (uint32_t b = 0; b < 256; ++b)
    {
        uint32_t v = b;
        for (int i = 0; i < 8; ++i)
        {
            v = (v & 1) ? (v >> 1) ^ 0xedb88320 : v >> 1; // the AUTODIN II polynomial
        }
        table[b] = v;
    }
    return table;
}

const std::array<uint16_t, 256> g_fcs16Table = MakeFcs16Table();
const std::array<uint32_t, 256> g_fcs32Table = MakeFcs32Table();

constexpr uint16_t PPP_LCP = 0xc021;

} // namespace

uint16_t
PppFcs16(uint16_t fcs, const uint8_t* data, std::size_t len)
{
    while (len--)
    {
        fcs = (fcs >> 8) ^ g_fcs16Table[(fcs ^ *data++) & 0xff];
    }
    return fcs;
}

uint32_t
PppFcs32(uint32_t fcs, const uint8_t* data, std::size_t len)
{
    while (len--)
    {
        fcs = (fcs >> 8) ^ g_fcs32Table[(fcs ^ *data++) & 0xff];
    }
    return fcs;
}

void
HdlcEncode(uint16_t protocol,
           const uint8_t* info,
           std::size_t len,
           const HdlcTxOptions& options,
           std::vector<uint8_t>& out)
{
    bool lcp = protocol == PPP_LCP;
    uint32_t accm = lcp ? 0xffffffff : options.accm; // LCP escapes every control octet
    // The escape decision for every octet value, once per frame.
    std::array<bool, 256> escape{};
    for (uint32_t b = 0; b < 0x20; ++b)
    {
        escape[b] = (accm >> b) & 1;
    }
    escape[HDLC_FLAG] = true;
    escape[HDLC_ESCAPE] = true;

    uint8_t header[4];
    std::size_t headerLen = 0;
    if (lcp || !options.acfc)
    {
        header[headerLen++] = HDLC_ALL_STATIONS;
        header[headerLen++] = HDLC_UI;
    }
    if (!lcp && options.pfc && protocol < 0x100 && (protocol & 1))
    {
        header[headerLen++] = static_cast<uint8_t>(protocol);
    }
    else
    {
        header[headerLen++] = static_cast<uint8_t>(protocol >> 8);
        header[headerLen++] = static_cast<uint8_t>(protocol);
    }

    uint8_t trailer[4];
    std::size_t trailerLen;
    if (options.fcs == HdlcFcs::FCS16)
    {
        uint16_t fcs = PppFcs16(PPP_INITFCS16, header, headerLen);
        fcs = ~PppFcs16(fcs, info, len);
        trailer[0] = fcs & 0xff; // least significant octet first
        trailer[1] = fcs >> 8;
        trailerLen = 2;
    }
    else
    {
        uint32_t fcs = PppFcs32(PPP_INITFCS32, header, headerLen);
        fcs = ~PppFcs32(fcs, info, len);
        for (int i = 0; i < 4; ++i)
        {
            trailer[i] = (fcs >> (8 * i)) & 0xff;
        }
        trailerLen = 4;
    }

    // Room for the worst case (every octet escaped), growing geometrically: reserving
    // just enough on every call would copy the whole stream each time a frame is added.
    std::size_t worst = out.size() + 2 * (headerLen + len + trailerLen) + 2;
    if (out.capacity() < worst)
    {
        out.reserve(std::max(worst, 2 * out.capacity()));
    }
    auto put = [&out, &escape](const uint8_t* p, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i)
        {
            if (escape[p[i]])
            {
                out.push_back(HDLC_ESCAPE);
                out.push_back(p[i] ^ HDLC_TRANSPARENCY);
            }
            else
            {
                out.push_back(p[i]);
            }
        }
    };
    out.push_back(HDLC_FLAG);
    put(header, headerLen);
    put(info, len);
    put(trailer, trailerLen);
    out.push_back(HDLC_FLAG);
}

HdlcDeframer::HdlcDeframer(std::size_t maxFrame)
    : m_maxFrame(maxFrame)
{
    // No reserve: the buffer grows to the longest frame the line carries, once, and a
    // 10,000-node network of daemons does not hold 4 KiB each it never uses.
}

void
HdlcDeframer::SetRxAccm(uint32_t accm)
{
    m_rxAccm = accm;
}

void
HdlcDeframer::SetFcs(HdlcFcs fcs)
{
    m_fcs = fcs;
}

const HdlcDeframer::Counters&
HdlcDeframer::GetCounters() const
{
    return m_counters;
}

void
HdlcDeframer::Feed(const uint8_t* data, std::size_t len, const Deliver& deliver)
{
    for (std::size_t i = 0; i < len; ++i)
    {
        uint8_t b = data[i];
        if (b == HDLC_FLAG)
        {
            if (m_escaped)
            {
                ++m_counters.aborts; // 0x7d 0x7e: the frame is abandoned
            }
            else if (m_synced && !m_dropping && !m_frame.empty())
            {
                EndOfFrame(deliver);
            }
            m_synced = true;
            m_escaped = false;
            m_dropping = false;
            m_frame.clear();
            continue;
        }
        if (!m_synced)
        {
            ++m_counters.garbageOctets;
            continue;
        }
        if (b < 0x20 && ((m_rxAccm >> b) & 1))
        {
            continue; // inserted by the line: removed before anything else
        }
        if (m_dropping)
        {
            continue;
        }
        if (b == HDLC_ESCAPE)
        {
            m_escaped = true;
            continue;
        }
        if (m_escaped)
        {
            b ^= HDLC_TRANSPARENCY;
            m_escaped = false;
        }
        if (m_frame.size() >= m_maxFrame)
        {
            ++m_counters.oversize;
            m_dropping = true;
            m_frame.clear();
            continue;
        }
        m_frame.push_back(b);
    }
}

void
HdlcDeframer::EndOfFrame(const Deliver& deliver)
{
    std::size_t fcsLen = m_fcs == HdlcFcs::FCS16 ? 2 : 4;
    if (m_frame.size() < fcsLen + 1)
    {
        ++m_counters.runts;
        return;
    }
    bool good = m_fcs == HdlcFcs::FCS16
                    ? PppFcs16(PPP_INITFCS16, m_frame.data(), m_frame.size()) == PPP_GOODFCS16
                    : PppFcs32(PPP_INITFCS32, m_frame.data(), m_frame.size()) == PPP_GOODFCS32;
    if (!good)
    {
        ++m_counters.badFcs;
        return;
    }
    const uint8_t* p = m_frame.data();
    std::size_t n = m_frame.size() - fcsLen;
    if (n >= 2 && p[0] == HDLC_ALL_STATIONS && p[1] == HDLC_UI)
    {
        p += 2; // Address and Control present
        n -= 2;
    }
    else if (n >= 1 && p[0] == HDLC_ALL_STATIONS)
    {
        ++m_counters.badHeader; // an Address without the UI Control
        return;
    }
    uint16_t protocol;
    if (n >= 1 && (p[0] & 1))
    {
        protocol = p[0]; // compressed: the high octet was zero
        p += 1;
        n -= 1;
    }
    else if (n >= 2 && (p[1] & 1))
    {
        protocol = static_cast<uint16_t>(p[0] << 8 | p[1]);
        p += 2;
        n -= 2;
    }
    else
    {
        ++m_counters.badHeader; // a protocol's last octet is odd, its first even
        return;
    }
    ++m_counters.frames;
    deliver(protocol, p, n);
}

std::string
PppProtocolName(uint16_t protocol)
{
    static const std::map<uint16_t, const char*> names = {
        {0x0021, "IP"},
        {0x002d, "VJC"},
        {0x002f, "VJUC"},
        {0x0057, "IPV6"},
        {0x8021, "IPCP"},
        {0x8057, "IPV6CP"},
        {0x80fd, "CCP"},
        {0xc021, "LCP"},
        {0xc023, "PAP"},
        {0xc223, "CHAP"},
    };
    auto it = names.find(protocol);
    if (it != names.end())
    {
        return it->second;
    }
    std::ostringstream os;
    os << "0x" << std::hex << protocol;
    return os.str();
}

uint64_t
HdlcDeframer::Counters::Dropped() const
{
    return badFcs + runts + oversize + aborts + badHeader;
}

void
HdlcDeframer::Counters::ForEachDropSince(
    const Counters& before,
    const std::function<void(const char*, uint64_t)>& report) const
{
    const std::pair<const char*, uint64_t> grown[] = {
        {"bad-fcs", badFcs - before.badFcs},
        {"runt", runts - before.runts},
        {"oversize", oversize - before.oversize},
        {"abort", aborts - before.aborts},
        {"bad-header", badHeader - before.badHeader},
    };
    for (const auto& [reason, n] : grown)
    {
        if (n > 0)
        {
            report(reason, n);
        }
    }
}

} // namespace ns3
