/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef IP_INPUT_CHECK_H
#define IP_INPUT_CHECK_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

/**
 * \file
 * \ingroup tun
 * The header checks of ip_input and ip6_input, and of the transport inputs behind them,
 * for packets a process writes to tun: what ns-3's stack is never handed.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief The checks FreeBSD's protocol inputs make on a packet before they trust its
 * headers, for the packets tunwrite hands to family_enqueue.
 *
 * ns-3's stack only ever receives packets it built itself and deserialises headers
 * without looking at the bytes present: a 20-byte IPv4 write with IHL 1 overflows a
 * heap buffer, an ICMP echo two bytes long allocates 4 GiB. A kernel checks first,
 * counts what fails in a statistics counter named for the reason, and drops it. Each
 * check here is one of those, named by its counter: ip_input (ipstat), ip_dooptions,
 * icmp_input (icmpstat), udp_input and udp6_input (udpstat), tcp_input (tcpstat),
 * ip6_input, dest6_input, ip6_process_hopopts and ip6_rthdr0 (ip6stat), icmp6_input and
 * nd6_options (icmp6stat), as in FreeBSD 4 with KAME, the stack of the seed's time.
 *
 * Some well-formed packets ns-3 still cannot take: options its parsers abort on or
 * loop over, extension headers past the 8-bit offsets it keeps, a first fragment too
 * short to show its transport header. Those count as UNSAFE_FOR_NS3, a reason of the
 * model's own; doc/tun.rst lists them.
 *
 * Pure functions of the bytes: no ns-3 objects, so a check reads no simulator state.
 */
class IpInputCheck
{
  public:
    /// Why a packet is refused: the BSD statistics counter it counts in.
    enum Reason : uint8_t
    {
        OK = 0,          //!< passed every check
        IPS_TOOSHORT,    //!< ip_input: fewer bytes than a header, or than ip_len
        IPS_TOOSMALL,    //!< ip_input: a fragment for us, MF set, data not 8n bytes
        IPS_BADVERS,     //!< ip_input: version is not 4
        IPS_BADHLEN,     //!< ip_input: IHL under 5 words, or past the bytes present
        IPS_BADSUM,      //!< ip_input: header checksum (only when ns-3 computes them)
        IPS_BADLEN,      //!< ip_input: ip_len shorter than the header
        IPS_BADOPTIONS,  //!< ip_dooptions: an option running past the header
        ICPS_TOOSHORT,   //!< icmp_input: fewer than ICMP_MINLEN (8) bytes
        ICPS_BADLEN,     //!< icmp_input: an error shorter than the header it quotes
        UDPS_HDROPS,     //!< udp_input: fewer than 8 bytes
        UDPS_BADLEN,     //!< udp_input, udp6_input: uh_ulen against the bytes present
        TCPS_RCVSHORT,   //!< tcp_input: fewer than 20 bytes
        TCPS_RCVBADOFF,  //!< tcp_input: th_off under 5 words, or past the segment
        IP6S_TOOSHORT,   //!< ip6_input, IP6_EXTHDR_CHECK: a header past the payload
        IP6S_TOOSMALL,   //!< dest6_input, ip6_process_hopopts: an option too short
        IP6S_BADVERS,    //!< ip6_input: version is not 6
        IP6S_BADOPTIONS, //!< route6_input, ip6_rthdr0: a routing header's length or segleft
        ICP6S_TOOSHORT,  //!< icmp6_notify_error: an error shorter than the header it quotes
        ICP6S_BADLEN,    //!< icmp6_input: a neighbour discovery message too short
        ICP6S_ND_BADOPT, //!< nd6_options: an option of length 0 or past the message
        UNSAFE_FOR_NS3,  //!< well-formed, but ns-3's parsers cannot take it (the model's)
        REASON_COUNT     //!< the number of reasons, OK included
    };

    /// What the checks need to know about the receiving node.
    struct Context
    {
        /// Node::ChecksumEnabled: ns-3 writes IPv4 header checksums only then.
        bool checksums{false};
        /// Is this IPv4 destination ours (ip_input's "ours": reassembly happens here)?
        std::function<bool(Ipv4Address)> isOurs4;
        /// Is this a unicast IPv6 address of the node (ns-3 routes a redirect by it)?
        std::function<bool(Ipv6Address)> isOurUnicast6;
    };

    /**
     * ip_input on a packet without link header.
     * \param data the packet \param length its bytes \param context the node
     * \return OK, or the reason
     */
    static Reason CheckIpv4(const uint8_t* data, std::size_t length, const Context& context);

    /**
     * ip6_input on a packet without link header.
     * \param data the packet \param length its bytes \param context the node
     * \return OK, or the reason
     */
    static Reason CheckIpv6(const uint8_t* data, std::size_t length, const Context& context);

    /// \param reason a reason \return its counter's BSD name ("ips_badhlen"...)
    static std::string ReasonName(Reason reason);
};

/**
 * \ingroup tun
 * \brief The counters of IpInputCheck's reasons, one per BSD statistics counter, as
 * netstat -s shows them; unsafeForNs3 is the model's own.
 */
struct IpInputStats
{
    uint64_t ipsTooshort{0};    //!< ipstat.ips_tooshort
    uint64_t ipsToosmall{0};    //!< ipstat.ips_toosmall
    uint64_t ipsBadvers{0};     //!< ipstat.ips_badvers
    uint64_t ipsBadhlen{0};     //!< ipstat.ips_badhlen
    uint64_t ipsBadsum{0};      //!< ipstat.ips_badsum
    uint64_t ipsBadlen{0};      //!< ipstat.ips_badlen
    uint64_t ipsBadoptions{0};  //!< ipstat.ips_badoptions
    uint64_t icpsTooshort{0};   //!< icmpstat.icps_tooshort
    uint64_t icpsBadlen{0};     //!< icmpstat.icps_badlen
    uint64_t udpsHdrops{0};     //!< udpstat.udps_hdrops
    uint64_t udpsBadlen{0};     //!< udpstat.udps_badlen
    uint64_t tcpsRcvshort{0};   //!< tcpstat.tcps_rcvshort
    uint64_t tcpsRcvbadoff{0};  //!< tcpstat.tcps_rcvbadoff
    uint64_t ip6sTooshort{0};   //!< ip6stat.ip6s_tooshort
    uint64_t ip6sToosmall{0};   //!< ip6stat.ip6s_toosmall
    uint64_t ip6sBadvers{0};    //!< ip6stat.ip6s_badvers
    uint64_t ip6sBadoptions{0}; //!< ip6stat.ip6s_badoptions
    uint64_t icp6sTooshort{0};  //!< icmp6stat.icp6s_tooshort
    uint64_t icp6sBadlen{0};    //!< icmp6stat.icp6s_badlen
    uint64_t icp6sNdBadopt{0};  //!< icmp6stat.icp6s_nd_badopt
    uint64_t unsafeForNs3{0};   //!< well-formed packets ns-3 cannot take (no BSD counter)

    /// \param reason a reason other than OK \return its counter
    uint64_t& Counter(IpInputCheck::Reason reason);
    /// \param reason a reason other than OK \return its counter's value
    uint64_t Get(IpInputCheck::Reason reason) const;
    /// \return packets refused, every reason together
    uint64_t Total() const;
};

} // namespace ns3

#endif /* IP_INPUT_CHECK_H */
