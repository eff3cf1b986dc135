/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "hdlc-framing.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{

/// Octets the fast paths read at once.
constexpr std::size_t WORD = 8;
/// Octets folded in per step of the table-driven FCS loops (two words).
constexpr std::size_t SLICES = 16;

/// A word with every octet set to \p b. \param b the octet \return the word
constexpr uint64_t
Broadcast(uint8_t b)
{
    return 0x0101010101010101ULL * b;
}

/**
 * Read eight octets as a little-endian word, whatever the host: the first octet is the
 * least significant, so the scans below find the first match with a count of trailing
 * zero bits.
 * \param p the octets (any alignment) \return the word
 */
inline uint64_t
LoadLe64(const uint8_t* p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    std::memcpy(&w, p, sizeof(w));
    return w;
#else
    uint64_t w = 0;
    for (std::size_t i = 0; i < WORD; ++i)
    {
        w |= uint64_t(p[i]) << (8 * i);
    }
    return w;
#endif
}

/// \param m a non-zero word \return the index of its first octet with the high bit set
inline std::size_t
FirstMarkedOctet(uint64_t m)
{
#if defined(__GNUC__)
    return static_cast<std::size_t>(__builtin_ctzll(m)) / 8;
#else
    std::size_t i = 0;
    while (!(m & 0x80))
    {
        m >>= 8;
        ++i;
    }
    return i;
#endif
}

/**
 * Mark the octets of \p w that are zero: the high bit of each one is set. An octet above
 * a zero one may be marked falsely (the borrow runs upwards), never one below, so the
 * first marked octet is always a true zero.
 * \param w the word \return the marks
 */
constexpr uint64_t
ZeroOctets(uint64_t w)
{
    return (w - Broadcast(0x01)) & ~w & Broadcast(0x80);
}

/**
 * Mark the octets of \p w that may need attention: Flag Sequence and Control Escape, and
 * with \p controls also every control octet (below 0x20), whose fate the ACCM decides.
 * The first marked octet is exact (see ZeroOctets); the ones after it are hints.
 * \param w the word \param controls whether control octets count
 * \return the marks, zero if every octet is plain data
 */
constexpr uint64_t
SpecialOctets(uint64_t w, bool controls)
{
    uint64_t m = ZeroOctets(w ^ Broadcast(HDLC_FLAG)) | ZeroOctets(w ^ Broadcast(HDLC_ESCAPE));
    if (controls)
    {
        m |= (w - Broadcast(0x20)) & ~w & Broadcast(0x80); // octets below 0x20
    }
    return m;
}

/// Tables for an FCS computed SLICES octets at a time.
template <class T>
using FcsTables = std::array<std::array<T, 256>, SLICES>;

/**
 * Build the tables of a reflected CRC. Table 0 is the 256-entry table of RFC 1662
 * appendix C.1; table k gives the effect of an octet followed by k more octets, so that
 * a run of SLICES octets folds into the FCS with independent lookups ("slicing").
 * \param poly the polynomial, reflected \return the tables
 */
template <class T>
constexpr FcsTables<T>
MakeFcsTables(T poly)
{
    FcsTables<T> t{};
    for (uint32_t b = 0; b < 256; ++b)
    {
        T v = static_cast<T>(b);
        for (int i = 0; i < 8; ++i)
        {
            v = (v & 1) ? static_cast<T>((v >> 1) ^ poly) : static_cast<T>(v >> 1);
        }
        t[0][b] = v;
    }
    for (std::size_t k = 1; k < SLICES; ++k)
    {
        for (uint32_t b = 0; b < 256; ++b)
        {
            T prev = t[k - 1][b];
            t[k][b] = static_cast<T>((prev >> 8) ^ t[0][prev & 0xff]);
        }
    }
    return t;
}

/// x^16 + x^12 + x^5 + 1, reflected (RFC 1662 appendix C.2).
alignas(64) constexpr FcsTables<uint16_t> g_fcs16Tables = MakeFcsTables<uint16_t>(0x8408);
/// The AUTODIN II polynomial, reflected (RFC 1662 appendix C.3).
alignas(64) constexpr FcsTables<uint32_t> g_fcs32Tables = MakeFcsTables<uint32_t>(0xedb88320);

/**
 * Update a reflected CRC of 16 or 32 bits: SLICES octets per step while they last, then
 * one at a time as in RFC 1662 appendix C.
 * \param t the tables \param fcs the running value \param data octets \param len their
 * number \return the new running value
 */
template <class T>
inline T
UpdateFcs(const FcsTables<T>& t, T fcs, const uint8_t* data, std::size_t len)
{
    static_assert(SLICES == 2 * WORD, "two words per step");
    while (len >= SLICES)
    {
        // The running value is a function of the octets not yet folded in, so it is XORed
        // into the first ones; each octet then looks up its own table by its distance from
        // the end of the step. Only the first sizeof(T) lookups wait for the previous
        // step: the others are summed apart, so the loop does not run one XOR at a time.
        uint64_t raw = LoadLe64(data);
        uint64_t b = LoadLe64(data + WORD);
        uint32_t late = t[7][b & 0xff] ^ t[6][(b >> 8) & 0xff] ^ t[5][(b >> 16) & 0xff] ^
                        t[4][(b >> 24) & 0xff];
        late ^= t[3][(b >> 32) & 0xff] ^ t[2][(b >> 40) & 0xff] ^ t[1][(b >> 48) & 0xff] ^
                t[0][b >> 56];
        uint32_t mid = t[11][(raw >> 32) & 0xff] ^ t[10][(raw >> 40) & 0xff] ^
                       t[9][(raw >> 48) & 0xff] ^ t[8][raw >> 56];
        uint32_t a = static_cast<uint32_t>(raw) ^ fcs; // the running value is 32 bits at most
        uint32_t early = t[15][a & 0xff] ^ t[14][(a >> 8) & 0xff];
        early ^= t[13][(a >> 16) & 0xff] ^ t[12][a >> 24];
        fcs = static_cast<T>(early ^ (mid ^ late));
        data += SLICES;
        len -= SLICES;
    }
    while (len--)
    {
        fcs = static_cast<T>((fcs >> 8) ^ t[0][(fcs ^ *data++) & 0xff]);
    }
    return fcs;
}

constexpr uint16_t PPP_LCP = 0xc021;

/**
 * How each octet value goes on the line under one ACCM: the one or two octets to send
 * (the first in the low byte) and, from bit 16, how many.
 */
using EscapeTable = std::array<uint32_t, 256>;

/**
 * Build the table of RFC 1662 section 4.2 transparency: Flag Sequence, Control Escape
 * and the control octets \p accm flags become Control Escape and the octet XOR 0x20.
 * \param accm the control octets (0x00-0x1f) to escape \return the table
 */
constexpr EscapeTable
MakeEscapeTable(uint32_t accm)
{
    EscapeTable t{};
    for (uint32_t b = 0; b < 256; ++b)
    {
        bool escape = b == HDLC_FLAG || b == HDLC_ESCAPE || (b < 0x20 && ((accm >> b) & 1));
        t[b] = escape ? (2u << 16 | (b ^ HDLC_TRANSPARENCY) << 8 | HDLC_ESCAPE) : (1u << 16 | b);
    }
    return t;
}

/// The negotiated case: only Flag and Control Escape are escaped.
constexpr EscapeTable g_escapeNone = MakeEscapeTable(0);
/// The default ACCM, and always LCP's: every control octet is escaped too.
constexpr EscapeTable g_escapeAll = MakeEscapeTable(0xffffffff);

/**
 * Store two octets, \p v's low one first.
 * \param o where \param v the octets
 */
inline void
StoreLe16(uint8_t* o, uint16_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(o, &v, sizeof(v));
#else
    o[0] = static_cast<uint8_t>(v);
    o[1] = static_cast<uint8_t>(v >> 8);
#endif
}

/**
 * Append one octet as \p table says, without a branch: two octets are always written, at
 * once, and the second is kept only when the octet was escaped.
 * \param o where to write; room for two octets is needed
 * \param b the octet \param table as EscapeTable
 * \return the end of what was kept
 */
inline uint8_t*
PutOctet(uint8_t* o, uint8_t b, const EscapeTable& table)
{
    uint32_t x = table[b];
    StoreLe16(o, static_cast<uint16_t>(x));
    return o + (x >> 16);
}

/**
 * Append \p n octets with transparency. Blocks of two words with nothing to escape, the
 * common case, are copied whole; any other block goes an octet at a time through the
 * table, without a branch per octet. Under the default ACCM an eighth of random octets
 * are escaped, most blocks take the table and the choice stays predictable; a branch per
 * escaped octet would be mispredicted at every one.
 * \param o where to write; room for twice \p n octets is needed
 * \param p the octets \param n their number
 * \param table as EscapeTable
 * \param controls whether any control octet is escaped
 * \return the end of what was written
 */
uint8_t*
PutEscaped(uint8_t* o, const uint8_t* p, std::size_t n, const EscapeTable& table, bool controls)
{
    constexpr std::size_t BLOCK = 2 * WORD;
    for (; n >= BLOCK; n -= BLOCK, p += BLOCK)
    {
        if (!(SpecialOctets(LoadLe64(p), controls) | SpecialOctets(LoadLe64(p + WORD), controls)))
        {
            std::memcpy(o, p, BLOCK);
            o += BLOCK;
            continue;
        }
        for (std::size_t i = 0; i < BLOCK; ++i)
        {
            o = PutOctet(o, p[i], table);
        }
    }
    for (; n > 0; --n)
    {
        o = PutOctet(o, *p++, table);
    }
    return o;
}

/**
 * \param b an octet \param accm the receive ACCM
 * \return whether \p b is a control octet the ACCM flags, which RFC 1662 section 4.2 has
 *         the receiver remove (equipment on the line may have inserted it)
 */
constexpr bool
IsDiscarded(uint8_t b, uint32_t accm)
{
    return b < 0x20 && ((accm >> b) & 1);
}

/// Where Unescape() stopped.
struct Unescaped
{
    const uint8_t* next; //!< the first octet not consumed
    std::size_t len;     //!< octets written
};

/**
 * Undo transparency inside a frame (RFC 1662 section 4.2): copy data, remove the control
 * octets \p accm flags, and turn each Control Escape and the octet after it into that
 * octet XOR 0x20. Runs of plain data are found a word at a time and copied whole.
 *
 * Stops, having consumed nothing of it, at what needs the deframer's state: a flag, a
 * Control Escape that is the last octet or is followed by a flag (an abort), another
 * Control Escape or a removed control octet, and a data octet for which there is no room.
 * \param p the octets \param end their end
 * \param out where to write \param limit its room
 * \param accm the receive ACCM
 * \return where it stopped and how much it wrote
 */
Unescaped
Unescape(const uint8_t* p, const uint8_t* end, uint8_t* out, std::size_t limit, uint32_t accm)
{
    bool controls = accm != 0;
    uint8_t* o = out;
    uint8_t* oEnd = out + limit;
    for (;;)
    {
        while (end - p >= static_cast<std::ptrdiff_t>(WORD) &&
               oEnd - o >= static_cast<std::ptrdiff_t>(WORD))
        {
            uint64_t m = SpecialOctets(LoadLe64(p), controls);
            // The whole word even if only part of it is plain: the rest is overwritten or
            // is past what is returned.
            std::memcpy(o, p, WORD);
            if (m)
            {
                std::size_t k = FirstMarkedOctet(m);
                p += k;
                o += k;
                break;
            }
            p += WORD;
            o += WORD;
        }
        if (p == end)
        {
            break;
        }
        uint8_t b = *p;
        std::size_t consumed = 1;
        if (b == HDLC_FLAG)
        {
            break;
        }
        if (b == HDLC_ESCAPE)
        {
            if (end - p < 2)
            {
                break;
            }
            b = p[1];
            if (b == HDLC_FLAG || b == HDLC_ESCAPE || IsDiscarded(b, accm))
            {
                break;
            }
            b ^= HDLC_TRANSPARENCY;
            consumed = 2;
        }
        else if (IsDiscarded(b, accm))
        {
            ++p;
            continue;
        }
        if (o == oEnd)
        {
            break;
        }
        *o++ = b;
        p += consumed;
    }
    return {p, static_cast<std::size_t>(o - out)};
}

} // namespace

uint16_t
PppFcs16(uint16_t fcs, const uint8_t* data, std::size_t len)
{
    return UpdateFcs(g_fcs16Tables, fcs, data, len);
}

uint32_t
PppFcs32(uint32_t fcs, const uint8_t* data, std::size_t len)
{
    return UpdateFcs(g_fcs32Tables, fcs, data, len);
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
    // How every octet value is sent: the two common maps are built at compile time, any
    // other one here, once per frame.
    EscapeTable custom;
    const EscapeTable* table = &g_escapeAll;
    if (accm == 0)
    {
        table = &g_escapeNone;
    }
    else if (accm != 0xffffffff)
    {
        custom = g_escapeNone;
        for (uint32_t b = 0; b < 0x20; ++b)
        {
            if ((accm >> b) & 1)
            {
                custom[b] = g_escapeAll[b];
            }
        }
        table = &custom;
    }

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
    // The frame is escaped into a buffer on the stack and appended a piece at a time:
    // writing into the vector itself would mean first growing it to the worst case, and
    // zero-filling twice the frame costs more than copying it once.
    constexpr std::size_t PIECE = 512;    // octets escaped per piece, at most
    constexpr std::size_t MIN_PIECE = 16; // below this, flush first
    uint8_t buffer[2 * PIECE];
    uint8_t* o = buffer;
    *o++ = HDLC_FLAG;
    bool controls = accm != 0;
    auto put = [&](const uint8_t* p, std::size_t n) {
        while (n > 0)
        {
            std::size_t room = (buffer + sizeof(buffer) - o) / 2; // each octet may double
            if (room < MIN_PIECE)
            {
                out.insert(out.end(), buffer, o);
                o = buffer;
                room = PIECE;
            }
            std::size_t k = std::min(n, room);
            o = PutEscaped(o, p, k, *table, controls);
            p += k;
            n -= k;
        }
    };
    put(header, headerLen);
    put(info, len);
    put(trailer, trailerLen);
    out.insert(out.end(), buffer, o);
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
    // Outside a frame and while dropping only a flag matters; inside one, data and whole
    // escape pairs are undone in bulk (RFC 1662 section 4.2). Everything else (flags,
    // aborts, an escape split between calls, the octet that overflows a frame) goes
    // through the state machine below, one octet at a time.
    uint8_t unescaped[2048];
    const uint8_t* p = data;
    const uint8_t* end = data + len;
    while (p < end)
    {
        if (!m_synced || m_dropping)
        {
            auto flag = static_cast<const uint8_t*>(std::memchr(p, HDLC_FLAG, end - p));
            const uint8_t* next = flag ? flag : end;
            if (!m_synced)
            {
                m_counters.garbageOctets += next - p;
            }
            p = next; // dropping: nothing before the flag matters
            if (p == end)
            {
                break;
            }
        }
        else if (!m_escaped)
        {
            // Within a frame: data and complete escapes in bulk, never past the longest
            // frame; whatever stopped it goes through the state machine below.
            std::size_t limit = std::min(sizeof(unescaped), m_maxFrame - m_frame.size());
            Unescaped run = Unescape(p, end, unescaped, limit, m_rxAccm);
            m_frame.insert(m_frame.end(), unescaped, unescaped + run.len);
            p = run.next;
            if (p == end)
            {
                break;
            }
        }
        uint8_t b = *p++;
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
        if (IsDiscarded(b, m_rxAccm))
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
