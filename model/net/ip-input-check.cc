/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ip-input-check.h"

#include <algorithm>

namespace ns3
{

namespace
{

using Reason = IpInputCheck::Reason;

// Protocol numbers (netinet/in.h), named apart from the host's macros.
constexpr uint8_t PROTO_HOPOPTS = 0;   //!< IPPROTO_HOPOPTS
constexpr uint8_t PROTO_ICMP = 1;      //!< IPPROTO_ICMP
constexpr uint8_t PROTO_TCP = 6;       //!< IPPROTO_TCP
constexpr uint8_t PROTO_UDP = 17;      //!< IPPROTO_UDP
constexpr uint8_t PROTO_ROUTING = 43;  //!< IPPROTO_ROUTING
constexpr uint8_t PROTO_FRAGMENT = 44; //!< IPPROTO_FRAGMENT
constexpr uint8_t PROTO_ICMPV6 = 58;   //!< IPPROTO_ICMPV6
constexpr uint8_t PROTO_DSTOPTS = 60;  //!< IPPROTO_DSTOPTS

constexpr std::size_t IP_HDR_LEN = 20;     //!< sizeof(struct ip)
constexpr std::size_t IP6_HDR_LEN = 40;    //!< sizeof(struct ip6_hdr)
constexpr std::size_t ICMP_MINLEN = 8;     //!< icmp_input's shortest message
constexpr std::size_t ICMP_ADVLENMIN = 36; //!< an ICMP error quoting a bare header
constexpr std::size_t IPV6_MMTU = 1280;    //!< the smallest MTU KAME believes
/// ns-3 keeps IPv6 extension header offsets in a uint8_t (Ipv6L3Protocol::LocalDeliver)
constexpr std::size_t NS3_MAX_EXT_OFFSET = 255;

uint16_t
Get16(const uint8_t* p)
{
    return static_cast<uint16_t>(p[0] << 8 | p[1]);
}

uint32_t
Get32(const uint8_t* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}

/// A short transport header in a first fragment: the rest may follow, but ns-3 would
/// parse the reassembled datagram without asking, so the model cannot let it in.
Reason
Short(bool firstFragment, Reason reason)
{
    return firstFragment ? IpInputCheck::UNSAFE_FOR_NS3 : reason;
}

/// in_cksum over the IPv4 header: the one's complement sum of a right header is 0xffff.
bool
Ipv4HeaderSumOk(const uint8_t* data, std::size_t hlen)
{
    uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < hlen; i += 2)
    {
        sum += Get16(data + i);
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return sum == 0xffff;
}

/// ip_dooptions: every option but EOL and NOP has a length byte, at least 2, that
/// stays inside the header; else a parameter problem and ips_badoptions.
Reason
CheckIpv4Options(const uint8_t* cp, std::size_t cnt)
{
    while (cnt > 0)
    {
        uint8_t opt = cp[0];
        if (opt == 0) // IPOPT_EOL
        {
            break;
        }
        std::size_t optlen = 1; // IPOPT_NOP
        if (opt != 1)
        {
            if (cnt < 2 || cp[1] < 2 || cp[1] > cnt)
            {
                return IpInputCheck::IPS_BADOPTIONS;
            }
            optlen = cp[1];
        }
        cp += optlen;
        cnt -= optlen;
    }
    return IpInputCheck::OK;
}

/// icmp_input: ICMP_MINLEN for all, and for the errors that quote a datagram
/// ICMP_ADVLENMIN, ICMP_ADVLEN (the quoted header's own IHL) and that IHL's minimum.
Reason
CheckIcmp(const uint8_t* t, std::size_t n, bool firstFragment)
{
    if (n < ICMP_MINLEN)
    {
        return Short(firstFragment, IpInputCheck::ICPS_TOOSHORT);
    }
    switch (t[0])
    {
    case 3:  // ICMP_UNREACH
    case 4:  // ICMP_SOURCEQUENCH
    case 11: // ICMP_TIMXCEED
    case 12: // ICMP_PARAMPROB
    {
        if (n < ICMP_ADVLENMIN)
        {
            return Short(firstFragment, IpInputCheck::ICPS_BADLEN);
        }
        std::size_t quoted = (t[8] & 0x0f) * 4;
        if (quoted < IP_HDR_LEN)
        {
            return IpInputCheck::ICPS_BADLEN;
        }
        if (n < ICMP_MINLEN + quoted + 8)
        {
            return Short(firstFragment, IpInputCheck::ICPS_BADLEN);
        }
        return IpInputCheck::OK;
    }
    default:
        return IpInputCheck::OK;
    }
}

/// udp_input (uh_ulen within the datagram, at least a header) or udp6_input (uh_ulen
/// exactly the payload). In a first fragment uh_ulen counts bytes still to come.
Reason
CheckUdp(const uint8_t* t, std::size_t n, bool firstFragment, Reason tooShort, bool exact)
{
    if (n < 8)
    {
        return Short(firstFragment, tooShort);
    }
    if (firstFragment)
    {
        return IpInputCheck::OK;
    }
    std::size_t ulen = Get16(t + 4);
    bool bad = exact ? ulen != n : (ulen > n || ulen < 8);
    return bad ? IpInputCheck::UDPS_BADLEN : IpInputCheck::OK;
}

/// The option lengths ns-3's TcpOption classes accept: TcpOptionMSS aborts the
/// simulator on another length, the others stop parsing and leave the remaining
/// options to be taken as data.
bool
Ns3TcpOptionLengthOk(uint8_t kind, std::size_t optlen)
{
    switch (kind)
    {
    case 2: // TCPOPT_MAXSEG
        return optlen == 4;
    case 3: // TCPOPT_WINDOW
        return optlen == 3;
    case 4: // TCPOPT_SACK_PERMITTED
        return optlen == 2;
    case 5: // TCPOPT_SACK: 8-byte blocks
        return (optlen - 2) % 8 == 0;
    case 8: // TCPOPT_TIMESTAMP
        return optlen == 10;
    default: // TcpOptionUnknown keeps what it is given
        return true;
    }
}

/// tcp_dooptions' walk. Where it would stop at a bad length and take the segment, ns-3
/// reads on past the option: such a segment is the model's to refuse.
Reason
CheckTcpOptions(const uint8_t* cp, std::size_t cnt)
{
    while (cnt > 0)
    {
        uint8_t kind = cp[0];
        if (kind == 0) // TCPOPT_EOL: ns-3 takes the rest as padding
        {
            break;
        }
        std::size_t optlen = 1; // TCPOPT_NOP
        if (kind != 1)
        {
            if (cnt < 2 || cp[1] < 2 || cp[1] > cnt || !Ns3TcpOptionLengthOk(kind, cp[1]))
            {
                return IpInputCheck::UNSAFE_FOR_NS3;
            }
            optlen = cp[1];
        }
        cp += optlen;
        cnt -= optlen;
    }
    return IpInputCheck::OK;
}

/// tcp_input: a whole header, then th_off between the header and the segment's end.
Reason
CheckTcp(const uint8_t* t, std::size_t n, bool firstFragment, Reason tooShort)
{
    if (n < 20)
    {
        return Short(firstFragment, tooShort);
    }
    std::size_t off = (t[12] >> 4) * 4;
    if (off < 20)
    {
        return IpInputCheck::TCPS_RCVBADOFF;
    }
    if (off > n)
    {
        return Short(firstFragment, IpInputCheck::TCPS_RCVBADOFF);
    }
    return CheckTcpOptions(t + 20, off - 20);
}

/// dest6_input's walk over the options of a hop-by-hop or destination header: all but
/// Pad1 need their type and length bytes and must end inside the header. ns-3 steps
/// over router alert and jumbo payload by their fixed sizes, whatever their length says.
Reason
CheckIpv6Options(const uint8_t* opt, std::size_t cnt)
{
    while (cnt > 0)
    {
        std::size_t optlen = 1; // IP6OPT_PAD1
        if (opt[0] != 0)
        {
            if (cnt < 2 || std::size_t(opt[1]) + 2 > cnt)
            {
                return IpInputCheck::IP6S_TOOSMALL;
            }
            optlen = std::size_t(opt[1]) + 2;
            if ((opt[0] == 0x05 && optlen != 4) || (opt[0] == 0xc2 && optlen != 6))
            {
                return IpInputCheck::UNSAFE_FOR_NS3; // IP6OPT_RTALERT, IP6OPT_JUMBO
            }
        }
        opt += optlen;
        cnt -= optlen;
    }
    return IpInputCheck::OK;
}

/// What ns-3's Icmpv6L4Protocol handlers can walk after the fixed part of a neighbour
/// discovery message (nd6_options has already bounded every option). HandleRS, HandleNS
/// and HandleNA read the first option's type even when there is none; HandleNS and
/// HandleRA loop for ever on a second source link-layer (or MTU) option; HandleRA reads
/// prefix and MTU options at their fixed sizes and builds an Ipv6Prefix of any length;
/// HandleRedirection reads a redirected-header option whether or not there is one, and
/// adds a route through the interface that owns the packet's destination.
bool
Ns3NdOk(uint8_t type,
        const uint8_t* opts,
        std::size_t n,
        const uint8_t* ip6,
        const IpInputCheck::Context& context)
{
    static const uint8_t unspecified[16] = {};
    switch (type)
    {
    case 133: // ND_ROUTER_SOLICIT: options are looked at when the source is not ::
        return n > 0 || std::equal(ip6 + 8, ip6 + 24, unspecified);
    case 136: // ND_NEIGHBOR_ADVERT
        return n > 0;
    case 135: // ND_NEIGHBOR_SOLICIT: source link-layer options, then anything
    {
        if (n == 0)
        {
            return false;
        }
        bool seen = false;
        for (std::size_t o = 0; o < n && opts[o] == 1; o += opts[o + 1] * 8)
        {
            if (seen)
            {
                return false;
            }
            seen = true;
        }
        return true;
    }
    case 134: // ND_ROUTER_ADVERT: prefixes, one MTU, one source link-layer address
    {
        bool mtu = false;
        bool lla = false;
        for (std::size_t o = 0; o < n; o += opts[o + 1] * 8)
        {
            if (opts[o] == 3) // ND_OPT_PREFIX_INFORMATION
            {
                if (opts[o + 1] != 4 || opts[o + 2] > 128)
                {
                    return false;
                }
            }
            else if (opts[o] == 5) // ND_OPT_MTU
            {
                if (opts[o + 1] != 1 || mtu)
                {
                    return false;
                }
                mtu = true;
            }
            else if (opts[o] == 1) // ND_OPT_SOURCE_LINKADDR
            {
                if (lla)
                {
                    return false;
                }
                lla = true;
            }
            else
            {
                break; // HandleRA stops at the first other option
            }
        }
        return true;
    }
    case 137: // ND_REDIRECT: a target link-layer option, then the redirected header
    {
        std::size_t o = 0;
        if (n > 0 && opts[0] == 2)
        {
            o = opts[1] * 8;
        }
        if (o >= n)
        {
            return false;
        }
        uint8_t dst[16];
        std::copy(ip6 + 24, ip6 + 40, dst);
        return context.isOurUnicast6 && context.isOurUnicast6(Ipv6Address(dst));
    }
    default:
        return true;
    }
}

/// icmp6_input: a whole ICMPv6 header, the lengths of the messages ns-3 parses, and
/// nd6_options over neighbour discovery options.
Reason
CheckIcmpv6(const uint8_t* t,
            std::size_t n,
            bool firstFragment,
            const uint8_t* ip6,
            const IpInputCheck::Context& context)
{
    if (n < 8)
    {
        return Short(firstFragment, IpInputCheck::IP6S_TOOSHORT);
    }
    uint8_t type = t[0];
    if (type >= 1 && type <= 4) // ICMP6_DST_UNREACH ... ICMP6_PARAM_PROB
    {
        if (n < 8 + IP6_HDR_LEN)
        {
            return Short(firstFragment, IpInputCheck::ICP6S_TOOSHORT); // icmp6_notify_error
        }
        // KAME ignores a packet-too-big under IPV6_MMTU; ns-3 would fragment to it and,
        // under 56 bytes, loop for ever in Ipv6ExtensionFragment::GetFragments.
        if (type == 2 && Get32(t + 4) < IPV6_MMTU)
        {
            return IpInputCheck::UNSAFE_FOR_NS3;
        }
        return IpInputCheck::OK;
    }
    std::size_t fixed;
    switch (type)
    {
    case 133: // ND_ROUTER_SOLICIT
        fixed = 8;
        break;
    case 134: // ND_ROUTER_ADVERT
        fixed = 16;
        break;
    case 135: // ND_NEIGHBOR_SOLICIT
    case 136: // ND_NEIGHBOR_ADVERT
        fixed = 24;
        break;
    case 137: // ND_REDIRECT
        fixed = 40;
        break;
    default:
        return IpInputCheck::OK;
    }
    if (firstFragment)
    {
        return IpInputCheck::UNSAFE_FOR_NS3; // its options are not all here to check
    }
    if (n < fixed)
    {
        return IpInputCheck::ICP6S_BADLEN;
    }
    for (std::size_t o = fixed; o < n;)
    {
        // nd6_option: a length byte inside the message, not zero, not past the end
        if (n - o < 2 || t[o + 1] == 0 || std::size_t(t[o + 1]) * 8 > n - o)
        {
            return IpInputCheck::ICP6S_ND_BADOPT;
        }
        // Icmpv6OptionLinkLayerAddress copies length*8-2 bytes into a 20-byte Address.
        if ((t[o] == 1 || t[o] == 2) && t[o + 1] > 2)
        {
            return IpInputCheck::UNSAFE_FOR_NS3;
        }
        o += std::size_t(t[o + 1]) * 8;
    }
    return Ns3NdOk(type, t + fixed, n - fixed, ip6, context) ? IpInputCheck::OK
                                                             : IpInputCheck::UNSAFE_FOR_NS3;
}

/// The field of \p stats that counts \p reason; unsafeForNs3 for the model's own.
template <typename Stats>
auto&
Field(Stats& stats, IpInputCheck::Reason reason)
{
    switch (reason)
    {
    case IpInputCheck::IPS_TOOSHORT:
        return stats.ipsTooshort;
    case IpInputCheck::IPS_TOOSMALL:
        return stats.ipsToosmall;
    case IpInputCheck::IPS_BADVERS:
        return stats.ipsBadvers;
    case IpInputCheck::IPS_BADHLEN:
        return stats.ipsBadhlen;
    case IpInputCheck::IPS_BADSUM:
        return stats.ipsBadsum;
    case IpInputCheck::IPS_BADLEN:
        return stats.ipsBadlen;
    case IpInputCheck::IPS_BADOPTIONS:
        return stats.ipsBadoptions;
    case IpInputCheck::ICPS_TOOSHORT:
        return stats.icpsTooshort;
    case IpInputCheck::ICPS_BADLEN:
        return stats.icpsBadlen;
    case IpInputCheck::UDPS_HDROPS:
        return stats.udpsHdrops;
    case IpInputCheck::UDPS_BADLEN:
        return stats.udpsBadlen;
    case IpInputCheck::TCPS_RCVSHORT:
        return stats.tcpsRcvshort;
    case IpInputCheck::TCPS_RCVBADOFF:
        return stats.tcpsRcvbadoff;
    case IpInputCheck::IP6S_TOOSHORT:
        return stats.ip6sTooshort;
    case IpInputCheck::IP6S_TOOSMALL:
        return stats.ip6sToosmall;
    case IpInputCheck::IP6S_BADVERS:
        return stats.ip6sBadvers;
    case IpInputCheck::IP6S_BADOPTIONS:
        return stats.ip6sBadoptions;
    case IpInputCheck::ICP6S_TOOSHORT:
        return stats.icp6sTooshort;
    case IpInputCheck::ICP6S_BADLEN:
        return stats.icp6sBadlen;
    case IpInputCheck::ICP6S_ND_BADOPT:
        return stats.icp6sNdBadopt;
    default:
        return stats.unsafeForNs3;
    }
}

} // namespace

IpInputCheck::Reason
IpInputCheck::CheckIpv4(const uint8_t* data, std::size_t length, const Context& context)
{
    // ip_input, in its order.
    if (length < IP_HDR_LEN)
    {
        return IPS_TOOSHORT;
    }
    if ((data[0] >> 4) != 4)
    {
        return IPS_BADVERS;
    }
    std::size_t hlen = (data[0] & 0x0f) * 4;
    if (hlen < IP_HDR_LEN || hlen > length) // the second: m_pullup(m, hlen) fails
    {
        return IPS_BADHLEN;
    }
    if (context.checksums && !Ipv4HeaderSumOk(data, hlen))
    {
        return IPS_BADSUM;
    }
    std::size_t ipLen = Get16(data + 2);
    if (ipLen < hlen)
    {
        return IPS_BADLEN;
    }
    if (length < ipLen)
    {
        return IPS_TOOSHORT; // longer is trimmed, by ip_input and by ns-3 alike
    }
    if (hlen > IP_HDR_LEN)
    {
        Reason options = CheckIpv4Options(data + IP_HDR_LEN, hlen - IP_HDR_LEN);
        if (options != OK)
        {
            return options;
        }
    }
    uint16_t ipOff = Get16(data + 6);
    bool moreFragments = ipOff & 0x2000;           // IP_MF
    std::size_t fragOffset = (ipOff & 0x1fff) * 8; // IP_OFFMASK, in bytes
    std::size_t dataLen = ipLen - hlen;
    // ours: a fragment for reassembly must hold a non-zero multiple of 8 bytes.
    if (moreFragments && (dataLen == 0 || dataLen % 8 != 0) && context.isOurs4 &&
        context.isOurs4(Ipv4Address(Get32(data + 16))))
    {
        return IPS_TOOSMALL;
    }
    if (fragOffset != 0)
    {
        return OK; // no transport header in here
    }
    const uint8_t* t = data + hlen;
    switch (data[9])
    {
    case PROTO_ICMP:
        return CheckIcmp(t, dataLen, moreFragments);
    case PROTO_UDP:
        return CheckUdp(t, dataLen, moreFragments, UDPS_HDROPS, false);
    case PROTO_TCP:
        return CheckTcp(t, dataLen, moreFragments, TCPS_RCVSHORT);
    default:
        return OK;
    }
}

IpInputCheck::Reason
IpInputCheck::CheckIpv6(const uint8_t* data, std::size_t length, const Context& context)
{
    // ip6_input: the header (IP6_EXTHDR_CHECK), the version, the payload length.
    if (length < IP6_HDR_LEN)
    {
        return IP6S_TOOSHORT;
    }
    if ((data[0] >> 4) != 6)
    {
        return IP6S_BADVERS;
    }
    std::size_t plen = Get16(data + 4);
    if (length - IP6_HDR_LEN < plen)
    {
        return IP6S_TOOSHORT;
    }
    // The header chain, each input's IP6_EXTHDR_CHECK first, then its own checks.
    const uint8_t* p = data + IP6_HDR_LEN;
    uint8_t next = data[6];
    std::size_t off = 0;
    bool firstFragment = false;
    for (;;)
    {
        std::size_t left = plen - off;
        switch (next)
        {
        case PROTO_HOPOPTS:
        case PROTO_DSTOPTS:
        case PROTO_ROUTING: {
            std::size_t minimum = next == PROTO_ROUTING ? 4 : 2;
            if (left < minimum || left < (std::size_t(p[off + 1]) + 1) * 8)
            {
                return IP6S_TOOSHORT;
            }
            std::size_t hlen = (std::size_t(p[off + 1]) + 1) * 8;
            if (off + hlen > NS3_MAX_EXT_OFFSET)
            {
                return UNSAFE_FOR_NS3;
            }
            if (next == PROTO_ROUTING)
            {
                uint8_t len = p[off + 1];
                uint8_t type = p[off + 2];
                uint8_t segleft = p[off + 3];
                // route6_input and ip6_rthdr0
                if (segleft != 0 && (type != 0 || len % 2 != 0 || len / 2 < segleft))
                {
                    return IP6S_BADOPTIONS;
                }
                // ns-3 reads a routing header at the payload's start, and steps over an
                // unknown type, or a type 0 of odd length, by a size it does not have.
                if (off != 0 || type != 0 || len % 2 != 0)
                {
                    return UNSAFE_FOR_NS3;
                }
            }
            else
            {
                Reason options = CheckIpv6Options(p + off + 2, hlen - 2);
                if (options != OK)
                {
                    return options;
                }
            }
            next = p[off];
            off += hlen;
            break;
        }
        case PROTO_FRAGMENT: {
            if (left < 8)
            {
                return IP6S_TOOSHORT;
            }
            if (off + 8 > NS3_MAX_EXT_OFFSET)
            {
                return UNSAFE_FOR_NS3;
            }
            uint16_t offlg = Get16(p + off + 2);
            next = p[off];
            off += 8;
            if ((offlg & 0xfff8) != 0)
            {
                return OK; // not the first fragment: no more headers in here
            }
            firstFragment = offlg & 1; // IP6F_MORE_FRAG
            break;
        }
        case PROTO_ICMPV6:
            return CheckIcmpv6(p + off, left, firstFragment, data, context);
        case PROTO_UDP:
            return CheckUdp(p + off, left, firstFragment, IP6S_TOOSHORT, true);
        case PROTO_TCP:
            return CheckTcp(p + off, left, firstFragment, IP6S_TOOSHORT);
        default:
            return OK;
        }
    }
}

std::string
IpInputCheck::ReasonName(Reason reason)
{
    switch (reason)
    {
    case OK:
        return "ok";
    case IPS_TOOSHORT:
        return "ips_tooshort";
    case IPS_TOOSMALL:
        return "ips_toosmall";
    case IPS_BADVERS:
        return "ips_badvers";
    case IPS_BADHLEN:
        return "ips_badhlen";
    case IPS_BADSUM:
        return "ips_badsum";
    case IPS_BADLEN:
        return "ips_badlen";
    case IPS_BADOPTIONS:
        return "ips_badoptions";
    case ICPS_TOOSHORT:
        return "icps_tooshort";
    case ICPS_BADLEN:
        return "icps_badlen";
    case UDPS_HDROPS:
        return "udps_hdrops";
    case UDPS_BADLEN:
        return "udps_badlen";
    case TCPS_RCVSHORT:
        return "tcps_rcvshort";
    case TCPS_RCVBADOFF:
        return "tcps_rcvbadoff";
    case IP6S_TOOSHORT:
        return "ip6s_tooshort";
    case IP6S_TOOSMALL:
        return "ip6s_toosmall";
    case IP6S_BADVERS:
        return "ip6s_badvers";
    case IP6S_BADOPTIONS:
        return "ip6s_badoptions";
    case ICP6S_TOOSHORT:
        return "icp6s_tooshort";
    case ICP6S_BADLEN:
        return "icp6s_badlen";
    case ICP6S_ND_BADOPT:
        return "icp6s_nd_badopt";
    case UNSAFE_FOR_NS3:
        return "unsafe_for_ns3";
    case REASON_COUNT:
        break;
    }
    return "unknown";
}

uint64_t&
IpInputStats::Counter(IpInputCheck::Reason reason)
{
    return Field(*this, reason);
}

uint64_t
IpInputStats::Get(IpInputCheck::Reason reason) const
{
    return Field(*this, reason);
}

uint64_t
IpInputStats::Total() const
{
    uint64_t total = 0;
    for (uint8_t r = IpInputCheck::OK + 1; r < IpInputCheck::REASON_COUNT; ++r)
    {
        total += Get(static_cast<IpInputCheck::Reason>(r));
    }
    return total;
}

} // namespace ns3
