/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOPOLOGY_BUILDER_H
#define TOPOLOGY_BUILDER_H

#include "topology-graph.h"

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/ppp-tun-helper.h"
#include "ns3/serial-line.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Builds an ns-3 network from a TopologyGraph: nodes, links of each kind, addresses and
 * shortest-path routes.
 */

namespace ns3
{

class SerialLine;
class TunTunnel;
class UserPpp;

/// \ingroup tun
/// How the builder fills the routing tables.
enum class TopologyRouting
{
    STATIC, //!< Ipv4StaticRouting network routes along BFS shortest paths (hop count)
    GLOBAL, //!< ns-3's global routing (native p2p links only)
    NONE,   //!< none: only the links' own routes
};

/**
 * \ingroup tun
 * \brief Makes one ns-3 node per graph vertex (with the Internet stack) and one link per
 * edge, as its kind says: PointToPointHelper (p2p), PppTunHelper (ppp-tun), or a
 * PointToPoint underlay with TunHelper::InstallTunnelPair across it (udp-tun).
 *
 * Addresses: link i takes the /30 at base + 4i (default base 10.0.0.0): its a end
 * (the edge's source in the file) .1, its b end .2, on the link's IP interfaces (the p2p
 * devices, or the tun interfaces). A udp-tun link's underlay takes its own /30 from
 * the underlay base (default 172.16.0.0); those are not routed beyond the link.
 * ppp-tun addresses appear when IPCP opens, a second or so into the run at 115200 baud.
 *
 * Routes (STATIC): for every node s and every link subnet not on s, a network route
 * (Ipv4StaticRouting::AddNetworkRouteTo) via the first hop of a shortest path, in hops,
 * from s to the nearer end of the link. Paths come from boost::breadth_first_search
 * from s; among equal paths, BFS's order decides (the graph's adjacency order, i.e. the
 * order of the file). The first link to that neighbour is the one used. A node gets
 * (links - its degree) routes, so a 10,000-link graph gives 10^8 routes: use NONE there.
 * A route whose first hop is a ppp-tun link goes to that end's UserPpp instead
 * (UserPpp::AddStickyRoute): the daemon installs it when IPCP opens and removes it when
 * IPCP closes, since a route cannot use an interface without an address. Until then,
 * traffic for it has no route, and is dropped as a kernel drops it: a local sender's
 * send fails (EHOSTUNREACH), a forwarding node drops it (no route).
 * GLOBAL is refused when any link is ppp-tun or udp-tun: ns-3's global routing reads
 * addresses once, at population time, and ppp-tun has none before IPCP opens; a udp-tun
 * link (a TunChannel pair, addressed at once) would also need host routes keeping its
 * own datagrams off the tunnel, which this builder does not make.
 */
class TopologyBuilder
{
  public:
    /// Static routing is refused above this many node x link pairs (its worst case in
    /// routes): 50 million, about a 7,000-node chain.
    static constexpr uint64_t MAX_STATIC_ROUTES = 50000000;

    /// One built link.
    struct Link
    {
        TopologyEdge edge;                          //!< the graph edge
        LinkKind kind{LinkKind::P2P};               //!< as built (after any override)
        std::array<TopologyVertex, 2> ends;         //!< a, b
        std::array<Ptr<NetDevice>, 2> devices;      //!< IP-level devices (p2p or tun)
        std::array<Ipv4Address, 2> addresses;       //!< their addresses
        Ipv4Address network;                        //!< the /30
        Ptr<SerialLine> line;                       //!< ppp-tun: the line
        std::array<Ptr<UserPpp>, 2> ppp;            //!< ppp-tun: the daemons
        std::array<Ptr<TunTunnel>, 2> tunnel;       //!< udp-tun: the daemons
        std::array<Ptr<NetDevice>, 2> underlay;     //!< udp-tun: the p2p devices below
        std::array<Ipv4Address, 2> underlayAddress; //!< udp-tun: their addresses
    };

    TopologyBuilder();

    /// \param kind build every link as this kind, whatever the graph says; nothing: as is
    void SetKindOverride(std::optional<LinkKind> kind);
    /// \param routing how to fill the routing tables (default STATIC)
    void SetRouting(TopologyRouting routing);
    /**
     * \param wakeup when the daemons of ppp-tun links are woken by their lines
     *        (SerialLine's ReadWakeup; default WAKE_PER_INTERRUPT)
     */
    void SetReadWakeup(SerialLine::ReadWakeup wakeup);
    /// \param base first /30 of the links \param underlay first /30 of udp-tun underlays
    void SetBaseAddresses(Ipv4Address base, Ipv4Address underlay);
    /**
     * A partitioned run (ns-3's distributed simulator): every rank builds the whole
     * network, with each node's system id its rank, so that node ids, device indices,
     * tun units and addresses are the same on every rank and as in a sequential run. On
     * a node another rank owns, the daemons are built but never start, and no routes
     * are installed: nothing runs there. Traces are enabled on local devices only.
     * Links between ranks must be cuttable (TopologyPartition::WhyUncuttable): Build
     * refuses one that is not, naming it.
     * \param rankOf each vertex's rank (TopologyPartition::rankOf) \param rank this one's
     */
    void SetPartition(const std::vector<uint32_t>& rankOf, uint32_t rank);
    /// \param v a vertex \return true when this rank simulates it (always, unpartitioned)
    bool IsLocal(TopologyVertex v) const;
    /**
     * Make \p app never start nor stop (both past any run): an application of a node
     * another rank owns, made only so that every rank creates the same objects in the
     * same order (and so draws the same random streams).
     * \param app the application
     */
    static void Park(Ptr<Application> app);

    /**
     * What Build would refuse, without building anything (no simulation object is made).
     * \param graph the topology
     * \return empty, or why it cannot be built
     */
    std::string Check(const TopologyGraph& graph) const;

    /**
     * Build the network. Call once, on a fresh simulation. Refuses what Check refuses,
     * before making anything.
     * \param graph the topology
     * \return empty, or why it cannot be built (global routing over tun links, too many
     *         links for the address space or the tunnel ports)
     */
    std::string Build(const TopologyGraph& graph);

    const TopologyGraph& GetGraph() const; //!< \return the graph built
    const NodeContainer& GetNodes() const; //!< \return the nodes, in vertex order
    /// \param name a node name \return its node, or null
    Ptr<Node> GetNode(const std::string& name) const;
    const std::vector<Link>& GetLinks() const; //!< \return the links, in edge order
    /// \param v a vertex \return its address on its first link (any if it has none)
    Ipv4Address GetNodeAddress(TopologyVertex v) const;
    /// \param v a vertex \return the static routes the builder installed on it, or gave
    /// to a ppp-tun link's daemon to install
    uint32_t GetRouteCount(TopologyVertex v) const;
    /// \return every daemon made (UserPpp and TunTunnel)
    ApplicationContainer GetDaemons() const;

    /**
     * pcap on every link, named "<prefix>-<node>-<device>.pcap" as ns-3 names them but
     * with the node's name from the graph (FileSafeName) where ns-3 puts its id, and
     * the device's index on its node: p2p devices (DLT_PPP, as ns-3 writes them, the
     * udp-tun underlays too), and under "<prefix>-tun-..." the tun interfaces (DLT_NULL)
     * and under "<prefix>-line-..." the serial ports below the ppp-tun interfaces
     * (DLT_PPP).
     * \param prefix file name prefix (may include a directory)
     */
    void EnablePcap(const std::string& prefix);

    /**
     * Ascii traces of every link, named as EnablePcap names them, with ".tr".
     * \param prefix file name prefix (may include a directory)
     */
    void EnableAscii(const std::string& prefix);

    /**
     * A node name as it goes into a file name: letters, digits, '.', '_' and '-' as
     * they are, any other octet as '%' and two hex digits ("%2F" for '/'), so that no
     * name leaves the folder or hides another and distinct names stay distinct.
     * \param name a node name \return the file-safe form
     */
    static std::string FileSafeName(const std::string& name);

  private:
    /// \param link fill in a p2p link \param spec its parameters
    void BuildP2p(Link& link, const TopologyLink& spec);
    /// \param link fill in a ppp-tun link \param spec its parameters
    void BuildPppTun(Link& link, const TopologyLink& spec);
    /// \param link fill in a udp-tun link \param spec its parameters \param port its UDP port
    void BuildUdpTun(Link& link, const TopologyLink& spec, uint16_t port);
    /// Fill the routing tables with BFS shortest paths.
    void InstallStaticRoutes();
    /**
     * Call \p enable(helper, stem, device) for every traced device of every link, with
     * the helper that made it and its file's name without the extension,
     * "<prefix>[-tun|-line]-<node name>-<device index>".
     * \param prefix the files' prefix \param enable what to enable
     */
    template <typename Enable>
    void ForEachTracedDevice(const std::string& prefix, Enable enable);

    std::optional<LinkKind> m_override;                 //!< SetKindOverride
    TopologyRouting m_routing{TopologyRouting::STATIC}; //!< SetRouting
    Ipv4Address m_base{"10.0.0.0"};                     //!< overlay /30s
    Ipv4Address m_underlayBase{"172.16.0.0"};           //!< underlay /30s
    uint32_t m_underlayCount{0};                        //!< underlay /30s used
    TopologyGraph m_graph;                              //!< as given
    NodeContainer m_nodes;                              //!< one per vertex
    std::vector<Link> m_links;                          //!< one per edge
    std::vector<uint32_t> m_routeCount;                 //!< per vertex
    PppTunHelper m_ppp;                                 //!< makes the ppp-tun links
    std::vector<uint32_t> m_rankOf;                     //!< SetPartition; empty: all local
    uint32_t m_rank{0};                                 //!< this process's rank
    ApplicationContainer m_daemons;                     //!< UserPpp and TunTunnel
};

} // namespace ns3

#endif /* TOPOLOGY_BUILDER_H */
