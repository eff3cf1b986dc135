/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-builder.h"

#include "topology-partition.h"

#include "ns3/channel.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/serial-line.h"
#include "ns3/string.h"
#include "ns3/tun-driver.h"
#include "ns3/tun-helper.h"
#include "ns3/tun-net-device.h"
#include "ns3/tun-tunnel.h"
#include "ns3/uinteger.h"
#include "ns3/user-ppp.h"

#include <boost/graph/breadth_first_search.hpp>
#include <cctype>
#include <limits>
#include <map>

namespace ns3
{

namespace
{

const Ipv4Mask LINK_MASK("255.255.255.252"); //!< one /30 per link
/// TunTunnel's default, 14194; link i uses 14194 + i (the first 3026 links stay clear of
/// every port Wireshark dissects).
const uint16_t FIRST_TUNNEL_PORT = TunTunnel::DEFAULT_PORT;
/// When the daemons of another rank's nodes start: past any run (about 31 years).
const Time NEVER = Seconds(1e9);

/// \param node a node \param device a device on it \param address \param mask
void
Assign(Ptr<Node> node, Ptr<NetDevice> device, Ipv4Address address, Ipv4Mask mask)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    if (interface < 0)
    {
        interface = ipv4->AddInterface(device);
    }
    ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, mask));
    ipv4->SetMetric(interface, 1);
    ipv4->SetUp(interface);
}

/// \return a PointToPointHelper for \p spec's rate, delay and queue
PointToPointHelper
P2pFor(const TopologyLink& spec)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(spec.GetRateBps())));
    p2p.SetChannelAttribute("Delay", TimeValue(NanoSeconds(spec.delayNs)));
    p2p.SetQueue("ns3::DropTailQueue<Packet>",
                 "MaxSize",
                 QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, spec.queue)));
    return p2p;
}

/// A packet error model on each receiving device, when \p spec has an error rate.
void
SetErrors(const NetDeviceContainer& devices, const TopologyLink& spec)
{
    if (spec.error <= 0)
    {
        return;
    }
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<RateErrorModel> model = CreateObject<RateErrorModel>();
        model->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        model->SetRate(spec.error);
        devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(model));
    }
}

/// \return the lowest unit with no tun interface on both \p a and \p b
uint32_t
CommonFreeTunUnit(Ptr<Node> a, Ptr<Node> b)
{
    uint32_t unit = 0;
    for (;;)
    {
        bool taken = false;
        for (Ptr<Node> node : {a, b})
        {
            Ptr<TunDriver> driver = node->GetObject<TunDriver>();
            taken = taken || (driver && driver->GetUnit(unit));
        }
        if (!taken)
        {
            return unit;
        }
        ++unit;
    }
}

} // namespace

TopologyBuilder::TopologyBuilder() = default;

void
TopologyBuilder::SetKindOverride(std::optional<LinkKind> kind)
{
    m_override = kind;
}

void
TopologyBuilder::SetReadWakeup(SerialLine::ReadWakeup wakeup)
{
    m_ppp.SetLineAttribute("ReadWakeup", EnumValue(wakeup));
}

void
TopologyBuilder::SetRouting(TopologyRouting routing)
{
    m_routing = routing;
}

void
TopologyBuilder::SetPartition(const std::vector<uint32_t>& rankOf, uint32_t rank)
{
    m_rankOf = rankOf;
    m_rank = rank;
}

void
TopologyBuilder::Park(Ptr<Application> app)
{
    app->SetStartTime(NEVER);
    app->SetStopTime(NEVER + Seconds(1));
}

bool
TopologyBuilder::IsLocal(TopologyVertex v) const
{
    return m_rankOf.empty() || m_rankOf.at(v) == m_rank;
}

void
TopologyBuilder::SetBaseAddresses(Ipv4Address base, Ipv4Address underlay)
{
    m_base = base;
    m_underlayBase = underlay;
}

std::string
TopologyBuilder::Check(const TopologyGraph& graph) const
{
    uint64_t links = boost::num_edges(graph);
    uint64_t space = (uint64_t(1) << 32) - m_base.Get();
    if (links * 4 > space)
    {
        return "too many links (" + std::to_string(links) + ") for the addresses from " +
               std::to_string(m_base.Get());
    }
    bool anyTunnel = false;
    bool anyTun = false;
    for (auto [it, end] = boost::edges(graph); it != end; ++it)
    {
        LinkKind kind = m_override.value_or(graph[*it].kind);
        anyTunnel = anyTunnel || kind == LinkKind::UDP_TUN;
        anyTun = anyTun || kind != LinkKind::P2P;
    }
    if (anyTunnel && links > 65535u - FIRST_TUNNEL_PORT)
    {
        return "too many links for one UDP port per udp-tun link";
    }
    // Static routes are a breadth-first search from every node and a route per node and
    // far link: quadratic. Past this, a build takes minutes and gigabytes (a 100,000-node
    // chain: 10^10 routes); refuse at once instead.
    uint64_t nodes = boost::num_vertices(graph);
    if (m_routing == TopologyRouting::STATIC && nodes * links > MAX_STATIC_ROUTES)
    {
        return "static routing for " + std::to_string(nodes) + " nodes and " +
               std::to_string(links) + " links needs up to " + std::to_string(nodes * links) +
               " routes, more than " + std::to_string(MAX_STATIC_ROUTES) +
               ": use a smaller topology, global routing (p2p links only), or none and "
               "routes of your own";
    }
    if (m_routing == TopologyRouting::GLOBAL && anyTun)
    {
        return "global routing cannot see ppp-tun or udp-tun links here (ppp-tun addresses "
               "only appear when IPCP opens, after routes are populated; udp-tun would need "
               "host routes to keep its datagrams off the tunnel); use static routing";
    }

    if (!m_rankOf.empty())
    {
        if (m_rankOf.size() != nodes)
        {
            return "the partition has " + std::to_string(m_rankOf.size()) + " nodes, the graph " +
                   std::to_string(nodes);
        }
        for (auto [it, end] = boost::edges(graph); it != end; ++it)
        {
            auto a = boost::source(*it, graph);
            auto b = boost::target(*it, graph);
            std::string why = TopologyPartition::WhyUncuttable(m_override.value_or(graph[*it].kind),
                                                               graph[*it].delayNs);
            if (m_rankOf[a] != m_rankOf[b] && !why.empty())
            {
                return "edge " + graph[a].name + " -- " + graph[b].name + ": " + why +
                       ", but the partition puts '" + graph[a].name + "' on rank " +
                       std::to_string(m_rankOf[a]) + " and '" + graph[b].name + "' on rank " +
                       std::to_string(m_rankOf[b]);
            }
        }
    }
    return "";
}

std::string
TopologyBuilder::Build(const TopologyGraph& graph)
{
    std::string error = Check(graph);
    if (!error.empty())
    {
        return error;
    }
    const std::size_t nodes = boost::num_vertices(graph);
    m_graph = graph;
    for (TopologyVertex v = 0; v < nodes; ++v)
    {
        // The system id tells PointToPointHelper (and ns-3's distributed simulator) which
        // rank a node is on: a p2p link between ranks becomes a PointToPointRemoteChannel.
        m_nodes.Create(1, m_rankOf.empty() ? 0 : m_rankOf[v]);
    }
    InternetStackHelper internet;
    // IPv4 only: IPv6's router and neighbour solicitations would cross every link (and
    // ppp(8) drops them without IPV6CP), noise in a comparison of IPv4 traffic.
    internet.SetIpv6StackInstall(false);
    internet.Install(m_nodes);
    m_routeCount.assign(boost::num_vertices(graph), 0);

    uint32_t index = 0;
    for (auto [it, end] = boost::edges(graph); it != end; ++it, ++index)
    {
        const TopologyLink& spec = graph[*it];
        Link link;
        link.edge = *it;
        link.kind = m_override.value_or(spec.kind);
        link.ends = {boost::source(*it, graph), boost::target(*it, graph)};
        link.network = Ipv4Address(m_base.Get() + 4 * index);
        link.addresses = {Ipv4Address(link.network.Get() + 1), Ipv4Address(link.network.Get() + 2)};
        switch (link.kind)
        {
        case LinkKind::P2P:
            BuildP2p(link, spec);
            break;
        case LinkKind::PPP_TUN:
            BuildPppTun(link, spec);
            break;
        case LinkKind::UDP_TUN:
            BuildUdpTun(link, spec, FIRST_TUNNEL_PORT + index);
            break;
        }
        m_links.push_back(link);
    }

    // A node another rank owns: its daemons are built (so that pids, descriptors and
    // units are what they are everywhere) but never start.
    for (uint32_t i = 0; i < m_daemons.GetN(); ++i)
    {
        Ptr<Application> daemon = m_daemons.Get(i);
        if (!m_rankOf.empty() && daemon->GetNode()->GetSystemId() != m_rank)
        {
            Park(daemon);
        }
    }

    if (m_routing == TopologyRouting::STATIC)
    {
        InstallStaticRoutes();
    }
    else if (m_routing == TopologyRouting::GLOBAL)
    {
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    }
    return "";
}

void
TopologyBuilder::BuildP2p(Link& link, const TopologyLink& spec)
{
    Ptr<Node> a = m_nodes.Get(link.ends[0]);
    Ptr<Node> b = m_nodes.Get(link.ends[1]);
    NetDeviceContainer devices = P2pFor(spec).Install(a, b);
    SetErrors(devices, spec);
    for (int i = 0; i < 2; ++i)
    {
        link.devices[i] = devices.Get(i);
        Assign(m_nodes.Get(link.ends[i]), devices.Get(i), link.addresses[i], LINK_MASK);
    }
}

void
TopologyBuilder::BuildPppTun(Link& link, const TopologyLink& spec)
{
    m_ppp.SetLineAttribute("BaudRate", UintegerValue(spec.GetBaud()));
    m_ppp.SetLineAttribute("Delay", TimeValue(NanoSeconds(spec.delayNs)));
    m_ppp.SetLineAttribute("ByteErrorRate", DoubleValue(spec.error));
    m_ppp.SetPppAttribute("IfQueue", UintegerValue(spec.queue));
    NetDeviceContainer devices = m_ppp.Install(m_nodes.Get(link.ends[0]),
                                               link.addresses[0],
                                               m_nodes.Get(link.ends[1]),
                                               link.addresses[1]);
    link.line = m_ppp.GetLines().back();
    ApplicationContainer daemons = m_ppp.GetDaemons();
    for (int i = 0; i < 2; ++i)
    {
        link.devices[i] = devices.Get(i);
        Ptr<Application> daemon = daemons.Get(daemons.GetN() - 2 + i);
        link.ppp[i] = DynamicCast<UserPpp>(daemon);
        m_daemons.Add(daemon);
    }
    link.devices[0]->GetChannel()->SetAttribute("Delay", TimeValue(NanoSeconds(spec.delayNs)));
}

void
TopologyBuilder::BuildUdpTun(Link& link, const TopologyLink& spec, uint16_t port)
{
    Ptr<Node> a = m_nodes.Get(link.ends[0]);
    Ptr<Node> b = m_nodes.Get(link.ends[1]);
    NetDeviceContainer underlay = P2pFor(spec).Install(a, b);
    SetErrors(underlay, spec);
    Ipv4Address network(m_underlayBase.Get() + 4 * m_underlayCount++);
    for (int i = 0; i < 2; ++i)
    {
        link.underlay[i] = underlay.Get(i);
        link.underlayAddress[i] = Ipv4Address(network.Get() + 1 + i);
        Assign(m_nodes.Get(link.ends[i]), underlay.Get(i), link.underlayAddress[i], LINK_MASK);
    }
    uint32_t unit = CommonFreeTunUnit(a, b);
    TunHelper tun;
    ApplicationContainer daemons =
        tun.InstallTunnelPair(a, link.underlayAddress[0], b, link.underlayAddress[1], port, unit);
    for (int i = 0; i < 2; ++i)
    {
        Ptr<Node> node = m_nodes.Get(link.ends[i]);
        link.devices[i] = node->GetObject<TunDriver>()->GetUnit(unit);
        TunHelper::Ifconfig(link.devices[i], link.addresses[i], link.addresses[1 - i]);
        link.tunnel[i] = DynamicCast<TunTunnel>(daemons.Get(i));
        m_daemons.Add(daemons.Get(i));
    }
    // Nothing crosses from one tun interface to the other faster than the underlay.
    link.devices[0]->GetChannel()->SetAttribute("Delay", TimeValue(NanoSeconds(spec.delayNs)));
}

void
TopologyBuilder::InstallStaticRoutes()
{
    const std::size_t n = boost::num_vertices(m_graph);
    const std::size_t unreached = std::numeric_limits<std::size_t>::max();
    // (s, neighbour) -> the first link between them, and which end s is.
    std::map<std::pair<TopologyVertex, TopologyVertex>, std::pair<std::size_t, int>> firstLink;
    for (std::size_t i = 0; i < m_links.size(); ++i)
    {
        for (int side = 0; side < 2; ++side)
        {
            firstLink.emplace(std::make_pair(m_links[i].ends[side], m_links[i].ends[1 - side]),
                              std::make_pair(i, side));
        }
    }
    Ipv4StaticRoutingHelper helper;
    std::vector<TopologyVertex> pred(n);
    std::vector<std::size_t> dist(n);
    std::vector<TopologyVertex> firstHop(n);
    std::vector<TopologyVertex> order;
    for (TopologyVertex s = 0; s < n; ++s)
    {
        if (!IsLocal(s))
        {
            continue; // nothing is forwarded on another rank's node here
        }
        std::fill(dist.begin(), dist.end(), unreached);
        dist[s] = 0;
        pred[s] = s;
        order.clear();
        boost::breadth_first_search(
            m_graph,
            s,
            boost::visitor(boost::make_bfs_visitor(
                std::make_pair(boost::record_predecessors(pred.data(), boost::on_tree_edge()),
                               boost::record_distances(dist.data(), boost::on_tree_edge())))));
        // BFS discovers vertices in distance order, so a parent's first hop is known
        // before its children's.
        for (TopologyVertex v = 0; v < n; ++v)
        {
            if (dist[v] != unreached && v != s)
            {
                order.push_back(v);
            }
        }
        std::stable_sort(order.begin(), order.end(), [&dist](TopologyVertex x, TopologyVertex y) {
            return dist[x] < dist[y];
        });
        for (TopologyVertex v : order)
        {
            firstHop[v] = pred[v] == s ? v : firstHop[pred[v]];
        }
        Ptr<Ipv4> ipv4 = m_nodes.Get(s)->GetObject<Ipv4>();
        Ptr<Ipv4StaticRouting> routing = helper.GetStaticRouting(ipv4);
        for (const Link& link : m_links)
        {
            if (link.ends[0] == s || link.ends[1] == s)
            {
                continue;
            }
            TopologyVertex target =
                dist[link.ends[1]] < dist[link.ends[0]] ? link.ends[1] : link.ends[0];
            if (dist[target] == unreached)
            {
                continue;
            }
            TopologyVertex hop = firstHop[target];
            auto [index, side] = firstLink.at({s, hop});
            const Link& out = m_links[index];
            if (out.kind == LinkKind::PPP_TUN)
            {
                // No route can go through an interface without an address (ns-3 aborts
                // on the first lookup): the daemon installs it once IPCP has configured
                // the interface, and removes it when IPCP clears it, as ppp(8) does with
                // "add! <network> HISADDR".
                out.ppp[side]->AddStickyRoute(link.network, LINK_MASK);
            }
            else
            {
                routing->AddNetworkRouteTo(link.network,
                                           LINK_MASK,
                                           out.addresses[1 - side],
                                           ipv4->GetInterfaceForDevice(out.devices[side]));
            }
            ++m_routeCount[s];
        }
    }
}

const TopologyGraph&
TopologyBuilder::GetGraph() const
{
    return m_graph;
}

const NodeContainer&
TopologyBuilder::GetNodes() const
{
    return m_nodes;
}

Ptr<Node>
TopologyBuilder::GetNode(const std::string& name) const
{
    std::optional<TopologyVertex> v = FindTopologyNode(m_graph, name);
    return v ? m_nodes.Get(*v) : nullptr;
}

const std::vector<TopologyBuilder::Link>&
TopologyBuilder::GetLinks() const
{
    return m_links;
}

Ipv4Address
TopologyBuilder::GetNodeAddress(TopologyVertex v) const
{
    for (const Link& link : m_links)
    {
        for (int side = 0; side < 2; ++side)
        {
            if (link.ends[side] == v)
            {
                return link.addresses[side];
            }
        }
    }
    return Ipv4Address::GetAny();
}

uint32_t
TopologyBuilder::GetRouteCount(TopologyVertex v) const
{
    return v < m_routeCount.size() ? m_routeCount[v] : 0;
}

ApplicationContainer
TopologyBuilder::GetDaemons() const
{
    return m_daemons;
}

template <typename Enable>
void
TopologyBuilder::ForEachTracedDevice(const std::string& prefix, Enable enable)
{
    PointToPointHelper p2p;
    TunHelper tun;
    for (const Link& link : m_links)
    {
        for (int i = 0; i < 2; ++i)
        {
            if (!IsLocal(link.ends[i]))
            {
                continue; // the owning rank writes its files
            }
            // ns-3's "<prefix>-<node id>-<device index>", with the node's name.
            const std::string node = "-" + FileSafeName(m_graph[link.ends[i]].name) + "-";
            auto stem = [&node](const std::string& p, Ptr<NetDevice> device) {
                return p + node + std::to_string(device->GetIfIndex());
            };
            switch (link.kind)
            {
            case LinkKind::P2P:
                enable(p2p, stem(prefix, link.devices[i]), link.devices[i]);
                break;
            case LinkKind::PPP_TUN:
                enable(tun, stem(prefix + "-tun", link.devices[i]), link.devices[i]);
                enable(m_ppp, stem(prefix + "-line", link.devices[i]), link.devices[i]);
                break;
            case LinkKind::UDP_TUN:
                enable(tun, stem(prefix + "-tun", link.devices[i]), link.devices[i]);
                enable(p2p, stem(prefix, link.underlay[i]), link.underlay[i]);
                break;
            }
        }
    }
}

std::string
TopologyBuilder::FileSafeName(const std::string& name)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string safe;
    for (unsigned char c : name)
    {
        if (std::isalnum(c) || c == '.' || c == '_' || c == '-')
        {
            safe += char(c);
        }
        else
        {
            safe += '%';
            safe += hex[c >> 4];
            safe += hex[c & 15];
        }
    }
    // "." and ".." name folders, not files.
    if (safe == "." || safe == "..")
    {
        safe = std::string(safe.size() == 1 ? "%2E" : "%2E%2E");
    }
    return safe;
}

void
TopologyBuilder::EnablePcap(const std::string& prefix)
{
    ForEachTracedDevice(prefix,
                        [](PcapHelperForDevice& helper, const std::string& stem, Ptr<NetDevice> d) {
                            helper.EnablePcap(stem + ".pcap", d, false, true);
                        });
}

void
TopologyBuilder::EnableAscii(const std::string& prefix)
{
    ForEachTracedDevice(prefix,
                        [](AsciiTraceHelperForDevice& helper,
                           const std::string& stem,
                           Ptr<NetDevice> d) { helper.EnableAscii(stem + ".tr", d, true); });
}

} // namespace ns3
