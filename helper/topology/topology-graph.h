/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOPOLOGY_GRAPH_H
#define TOPOLOGY_GRAPH_H

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

/**
 * \file
 * \ingroup tun
 * A topology as a Boost graph: named nodes, links with a kind and link parameters.
 */

namespace ns3
{

/// \ingroup tun
/// How a topology link is built.
enum class LinkKind
{
    P2P,     //!< "p2p": ns-3's native PointToPoint link
    PPP_TUN, //!< "ppp-tun": a serial line with a UserPpp daemon and tun at each end
    UDP_TUN, //!< "udp-tun": a PointToPoint underlay and a TunTunnel pair across it
};

/// \param kind a link kind \return its name in topology files ("ppp-tun")
std::string LinkKindName(LinkKind kind);

/// \param name "p2p", "ppp-tun" or "udp-tun" \return the kind, or nothing
std::optional<LinkKind> ParseLinkKind(const std::string& name);

/// \ingroup tun
/// A topology node.
struct TopologyNode
{
    std::string name;               //!< unique in the graph
    std::optional<uint32_t> rank{}; //!< the MPI rank the file puts it on, if any
};

/**
 * \ingroup tun
 * \brief A topology link and its parameters, validated.
 *
 * Attribute defaults (when a file leaves one out): kind p2p, rate 10Mbps, baud 115200,
 * delay 2ms, error 0, queue 100 packets. What each means per kind:
 *  - rate: the PointToPoint DataRate (p2p; udp-tun's underlay).
 *  - baud: the SerialLine BaudRate (ppp-tun).
 *  A link that gives only one of rate and baud has the same capacity in every kind:
 *  GetRateBps() and GetBaud() derive the other (8N1: ten bits on the line per octet).
 *  - delay: the channel's or the line's one-way propagation delay.
 *  - error: p2p and udp-tun: a RateErrorModel packet error rate at each receiving
 *    device; ppp-tun: the line's ByteErrorRate.
 *  - queue: p2p and udp-tun: the devices' DropTail queue (packets); ppp-tun: the
 *    daemon's IfQueue (packets waiting for the line).
 */
struct TopologyLink
{
    LinkKind kind{LinkKind::P2P}; //!< kind
    uint64_t rateBps{10000000};   //!< rate, bits per second
    uint64_t baud{115200};        //!< baud
    int64_t delayNs{2000000};     //!< delay, nanoseconds
    double error{0};              //!< error rate, 0 to 1
    uint32_t queue{100};          //!< queue size, packets
    std::string where;            //!< the file and element it came from, for messages
    bool rateGiven{false};        //!< the file set rate
    bool baudGiven{false};        //!< the file set baud

    /// \return the rate a p2p link or udp-tun underlay gets: rate if given, else the
    ///         octets per second of the baud given (baud x 8 / 10), else the default
    uint64_t GetRateBps() const;
    /// \return the baud a ppp-tun line gets: baud if given, else the rate given carried
    ///         as 8N1 (rate x 10 / 8, rounded up), else the default
    uint64_t GetBaud() const;

    /**
     * Set one attribute from its text, validating it first (ns-3's own parsers abort on
     * bad strings).
     * \param name "kind", "rate", "baud", "delay", "error" or "queue"
     * \param value its text
     * \return an empty string, or what is wrong ("bad delay '2 lightyears': ...")
     */
    std::string Set(const std::string& name, const std::string& value);

    /// \param name an attribute name \return true when Set knows it
    static bool IsAttribute(const std::string& name);
};

/// \ingroup tun
/// The topology graph: undirected, parallel links allowed, vertices numbered from 0.
using TopologyGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, TopologyNode, TopologyLink>;

/// A vertex of a TopologyGraph.
using TopologyVertex = boost::graph_traits<TopologyGraph>::vertex_descriptor;
/// A link of a TopologyGraph.
using TopologyEdge = boost::graph_traits<TopologyGraph>::edge_descriptor;

/**
 * \ingroup tun
 * Parse a data rate: a number, optionally with a decimal part, and a unit among bps,
 * kbps, Mbps, Gbps (SI: k = 1000), or b/s, kb/s... A bare number is bits per second.
 * \param text the value \param bps receives the rate
 * \return an empty string, or what is wrong
 */
std::string ParseRateBps(const std::string& text, uint64_t& bps);

/**
 * \ingroup tun
 * Parse a time: a number with a unit among s, ms, us, ns, min (a bare number is seconds).
 * \param text the value \param ns receives nanoseconds
 * \return an empty string, or what is wrong
 */
std::string ParseTimeNs(const std::string& text, int64_t& ns);

/// \param graph a graph \param name a node name \return its vertex, or nothing
std::optional<TopologyVertex> FindTopologyNode(const TopologyGraph& graph, const std::string& name);

/// \ingroup tun
/// Every node of a graph by name, to look many up in constant time each.
using TopologyNodeIndex = std::unordered_map<std::string, TopologyVertex>;

/// \param graph a graph \return its nodes by name
TopologyNodeIndex IndexTopologyNodes(const TopologyGraph& graph);

} // namespace ns3

#endif /* TOPOLOGY_GRAPH_H */
