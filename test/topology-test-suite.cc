/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Topologies: reading DOT and GraphML (good files, and every bad case with its
// message), the networks built from the bundled topologies (node, device and route
// counts), the static routes against Boost's own BFS, traffic descriptions, and a short
// comparison run.

#include "module-dir.h"

#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/tun-module.h"
#include "ns3/tun-topology-module.h"

#include <boost/graph/breadth_first_search.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// \param name a file of examples/topologies \return its path
std::string
Bundled(const std::string& name)
{
    return ModuleDir() + "/examples/topologies/" + name;
}

/// \return true when \p text contains \p part
bool
Has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

const char* const GOOD_GRAPHML = R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind" attr.type="string"><default>p2p</default></key>
  <key id="b" for="edge" attr.name="baud" attr.type="int"/>
  <key id="n" for="node" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="x"><data key="n">left</data></node>
    <node id="y"/>
    <edge source="x" target="y"><data key="k">ppp-tun</data><data key="b">9600</data></edge>
  </graph>
</graphml>)";

/**
 * Good DOT and GraphML: names, kinds and values, defaults for what is left out, DOT's
 * edge defaults, and a warning for an unknown attribute.
 */
class TopologyReadGoodTestCase : public TestCase
{
  public:
    TopologyReadGoodTestCase()
        : TestCase("DOT and GraphML: nodes, link attributes, defaults")
    {
    }

  private:
    void DoRun() override
    {
        TopologyReadResult dot = TunTopologyReader::ParseDot(
            "graph g { edge [delay=\"7ms\"]; a -- b [kind=\"ppp-tun\", baud=57600, error=0.01];"
            " b -- c [rate=\"2.5Mbps\", queue=20, colour=red]; }",
            "g.dot");
        NS_TEST_ASSERT_MSG_EQ(dot.error, "", "reads");
        const TopologyGraph& g = dot.graph;
        NS_TEST_ASSERT_MSG_EQ(boost::num_vertices(g), 3u, "three nodes");
        NS_TEST_ASSERT_MSG_EQ(boost::num_edges(g), 2u, "two links");
        NS_TEST_EXPECT_MSG_EQ(g[0].name, "a", "named by the DOT id");
        auto first = *boost::edges(g).first;
        NS_TEST_EXPECT_MSG_EQ((g[first].kind == LinkKind::PPP_TUN), true, "kind");
        NS_TEST_EXPECT_MSG_EQ(g[first].baud, 57600u, "baud");
        NS_TEST_EXPECT_MSG_EQ(g[first].delayNs, 7000000, "edge [] default");
        NS_TEST_EXPECT_MSG_EQ(g[first].error, 0.01, "error");
        auto second = *std::next(boost::edges(g).first);
        NS_TEST_EXPECT_MSG_EQ((g[second].kind == LinkKind::P2P), true, "default kind");
        NS_TEST_EXPECT_MSG_EQ(g[second].rateBps, 2500000u, "rate");
        NS_TEST_EXPECT_MSG_EQ(g[second].queue, 20u, "queue");
        NS_TEST_EXPECT_MSG_EQ(g[second].baud, 115200u, "default baud");
        // Only one of rate and baud given: the same capacity in every kind (8N1).
        NS_TEST_EXPECT_MSG_EQ(g[first].GetRateBps(), 46080u, "57600 baud carries 46080 bit/s");
        NS_TEST_EXPECT_MSG_EQ(g[first].GetBaud(), 57600u, "as given");
        NS_TEST_EXPECT_MSG_EQ(g[second].GetBaud(), 3125000u, "2.5 Mbit/s needs 3125000 baud");
        NS_TEST_EXPECT_MSG_EQ(g[second].GetRateBps(), 2500000u, "as given");
        for (LinkKind kind : {LinkKind::P2P, LinkKind::PPP_TUN})
        {
            TopologyBuilder builder;
            builder.SetKindOverride(kind);
            NS_TEST_ASSERT_MSG_EQ(builder.Build(g), "", "builds");
            const auto& link = builder.GetLinks().front();
            if (kind == LinkKind::P2P)
            {
                DataRateValue rate;
                link.devices[0]->GetAttribute("DataRate", rate);
                NS_TEST_EXPECT_MSG_EQ(rate.Get().GetBitRate(), 46080u, "p2p at the line's rate");
            }
            else
            {
                UintegerValue baud;
                builder.GetLinks().back().line->GetAttribute("BaudRate", baud);
                NS_TEST_EXPECT_MSG_EQ(baud.Get(), 3125000u, "ppp-tun at the link's rate");
            }
            Simulator::Destroy();
        }
        TopologyReadResult both =
            TunTopologyReader::ParseDot("graph g { a -- b [rate=\"1Mbps\", baud=9600]; a -- c; }",
                                        "both.dot");
        auto both0 = *boost::edges(both.graph).first;
        auto none = *std::next(boost::edges(both.graph).first);
        NS_TEST_EXPECT_MSG_EQ(both.graph[both0].GetRateBps(), 1000000u, "both given: as given");
        NS_TEST_EXPECT_MSG_EQ(both.graph[both0].GetBaud(), 9600u, "both given: as given");
        NS_TEST_EXPECT_MSG_EQ(both.graph[none].GetRateBps(), 10000000u, "neither: the default");
        NS_TEST_EXPECT_MSG_EQ(both.graph[none].GetBaud(), 115200u, "neither: the default");
        NS_TEST_EXPECT_MSG_EQ(dot.warnings.size(), 1u, "one warning");
        NS_TEST_EXPECT_MSG_EQ(Has(dot.warnings.at(0), "ignoring attribute 'colour'"),
                              true,
                              dot.warnings.at(0));

        TopologyReadResult xml = TunTopologyReader::ParseGraphml(GOOD_GRAPHML, "g.graphml");
        NS_TEST_ASSERT_MSG_EQ(xml.error, "", "reads");
        NS_TEST_ASSERT_MSG_EQ(boost::num_vertices(xml.graph), 2u, "two nodes");
        NS_TEST_EXPECT_MSG_EQ(xml.graph[0].name, "left", "named by its name data");
        NS_TEST_EXPECT_MSG_EQ(xml.graph[1].name, "y", "named by its id");
        auto edge = *boost::edges(xml.graph).first;
        NS_TEST_EXPECT_MSG_EQ((xml.graph[edge].kind == LinkKind::PPP_TUN), true, "kind");
        NS_TEST_EXPECT_MSG_EQ(xml.graph[edge].baud, 9600u, "baud");

        TopologyReadResult mesh = TunTopologyReader::Read(Bundled("mesh.graphml"));
        NS_TEST_ASSERT_MSG_EQ(mesh.error, "", "the bundled GraphML reads");
        NS_TEST_EXPECT_MSG_EQ(boost::num_edges(mesh.graph), 6u, "six links");
        NS_TEST_EXPECT_MSG_EQ(FindTopologyNode(mesh.graph, "centre").has_value(), true, "names");
    }
};

/// Each bad input gives an error that names the file and what is wrong.
class TopologyReadBadTestCase : public TestCase
{
  public:
    TopologyReadBadTestCase()
        : TestCase("Bad topologies: each error names the file and the problem")
    {
    }

  private:
    /// \param text DOT \param expected parts of the message
    void ExpectDot(const std::string& text, const std::vector<std::string>& expected)
    {
        TopologyReadResult r = TunTopologyReader::ParseDot(text, "bad.dot");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "fails: " << text);
        NS_TEST_EXPECT_MSG_EQ(boost::num_vertices(r.graph), 0u, "no graph on error");
        for (const std::string& part : expected)
        {
            NS_TEST_EXPECT_MSG_EQ(Has(r.error, part), true, "'" << r.error << "' has " << part);
        }
    }

    /// \param text GraphML \param expected parts of the message
    void ExpectGraphml(const std::string& text, const std::vector<std::string>& expected)
    {
        TopologyReadResult r = TunTopologyReader::ParseGraphml(text, "bad.graphml");
        NS_TEST_EXPECT_MSG_EQ(r.Ok(), false, "fails: " << text);
        for (const std::string& part : expected)
        {
            NS_TEST_EXPECT_MSG_EQ(Has(r.error, part), true, "'" << r.error << "' has " << part);
        }
    }

    void DoRun() override
    {
        TopologyReadResult missing = TunTopologyReader::Read("/nonexistent/none.dot");
        NS_TEST_EXPECT_MSG_EQ(missing.error,
                              "/nonexistent/none.dot: cannot read the file",
                              "unreadable");
        missing = TunTopologyReader::Read("/nonexistent/none.graphml");
        NS_TEST_EXPECT_MSG_EQ(Has(missing.error, "none.graphml: cannot read"), true, "GraphML");

        ExpectDot("graph { a -- ; }", {"bad.dot: DOT syntax error"});
        ExpectDot("graph { a -- b [kind=slip]; }",
                  {"bad.dot: edge a -- b: unknown link kind 'slip'"});
        ExpectDot("graph { a -- b [rate=fast]; }", {"edge a -- b: bad rate 'fast'"});
        ExpectDot("graph { a -- b [rate=\"10Mbit\"]; }", {"unknown unit 'Mbit'"});
        ExpectDot("graph { a -- b [baud=\"-3\"]; }", {"edge a -- b: bad baud '-3'"});
        ExpectDot("graph { a -- b [baud=12.5]; }", {"bad baud '12.5'"});
        ExpectDot("graph { a -- b [delay=\"2 lightyears\"]; }", {"edge a -- b: bad delay"});
        ExpectDot("graph { a -- b [delay=soon]; }", {"bad delay: bad time 'soon'"});
        ExpectDot("graph { a -- b [error=1.5]; }", {"bad error rate '1.5'"});
        ExpectDot("graph { a -- b [queue=0]; }", {"bad queue '0'"});
        ExpectDot("graph { a [name=x]; b [name=x]; a -- b; }",
                  {"bad.dot: duplicate node name 'x' (nodes 'a' and 'b')"});
        ExpectDot("graph { a -- b; b -- b; }", {"bad.dot: edge b -- b: a self-loop"});
        ExpectDot("digraph { a -> b; }", {"bad.dot: a directed graph"});
        ExpectDot("graph { }", {"bad.dot: the graph has no nodes"});

        const std::string head = "<?xml version=\"1.0\"?>\n<graphml>\n"
                                 "<key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
                                 "<graph edgedefault=\"undirected\">\n";
        ExpectGraphml(head + "<node id=\"a\">\n<node id=\"b\"/>\n</graph></graphml>",
                      {"bad.graphml:", "XML syntax error"});
        ExpectGraphml(head + "<node id=\"a\"/><edge source=\"a\" target=\"zz\"/></graph></graphml>",
                      {"bad.graphml: edge a -- zz: no <node id=\"zz\">"});
        ExpectGraphml(head + "<node id=\"a\"/><node id=\"a\"/></graph></graphml>",
                      {"bad.graphml: duplicate node id 'a'"});
        ExpectGraphml(head + "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\">"
                             "<data key=\"k\">slip</data></edge></graph></graphml>",
                      {"bad.graphml: edge a -- b: unknown link kind 'slip'"});
        ExpectGraphml("<?xml version=\"1.0\"?><graphml><graph edgedefault=\"directed\">"
                      "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
                      "</graph></graphml>",
                      {"bad.graphml: a directed edge"});
        ExpectGraphml("<?xml version=\"1.0\"?><other/>", {"no <graphml><graph>"});
    }
};

/// Traffic descriptions: good ones, syntax errors with the line, and checks against a graph.
class TrafficDescriptionTestCase : public TestCase
{
  public:
    TrafficDescriptionTestCase()
        : TestCase("Traffic descriptions: flows, errors with their line, unknown nodes, no path")
    {
    }

  private:
    void DoRun() override
    {
        TrafficReadResult good = TrafficDescription::Parse(
            "# comment\nudp a b rate=1Mbps size=100 start=1s stop=3s\n\ntcp b a bytes=5000; "
            "ping a b interval=250ms\n",
            "t.traffic");
        NS_TEST_ASSERT_MSG_EQ(good.error, "", "reads");
        NS_TEST_ASSERT_MSG_EQ(good.flows.size(), 3u, "three flows");
        NS_TEST_EXPECT_MSG_EQ(good.flows[0].rateBps, 1000000u, "rate");
        NS_TEST_EXPECT_MSG_EQ(good.flows[0].size, 100u, "size");
        NS_TEST_EXPECT_MSG_EQ(good.flows[0].stopNs, 3000000000, "stop");
        NS_TEST_EXPECT_MSG_EQ(good.flows[1].bytes, 5000u, "bytes");
        NS_TEST_EXPECT_MSG_EQ(good.flows[2].intervalNs, 250000000, "interval");
        NS_TEST_EXPECT_MSG_EQ(good.flows[2].Label(), "ping a->b", "label");

        auto error = [](const std::string& text) {
            return TrafficDescription::Parse(text, "t.traffic").error;
        };
        NS_TEST_EXPECT_MSG_EQ(error("udp a b\nsctp a b\n"),
                              "t.traffic:2: unknown flow kind 'sctp' (udp, tcp, ping)",
                              "kind");
        NS_TEST_EXPECT_MSG_EQ(error("udp a"),
                              "t.traffic:1: expected 'udp <from> <to> [key=value...]'",
                              "nodes");
        NS_TEST_EXPECT_MSG_EQ(Has(error("udp a b rate=lots"), "t.traffic:1: bad rate 'lots'"),
                              true,
                              "rate");
        NS_TEST_EXPECT_MSG_EQ(error("tcp a b rate=1Mbps"),
                              "t.traffic:1: unknown option 'rate' for a tcp flow",
                              "option");
        NS_TEST_EXPECT_MSG_EQ(error("udp a b start=5s stop=2s"),
                              "t.traffic:1: stop must come after start",
                              "times");
        NS_TEST_EXPECT_MSG_EQ(error("udp a b; ping a"),
                              "t.traffic:1 (item 2): expected 'ping <from> <to> [key=value...]'",
                              "items");
        NS_TEST_EXPECT_MSG_EQ(error("# nothing\n"), "t.traffic: no flows", "empty");

        // Random traffic: a uniform start, exponential or constant on/off, Poisson.
        TrafficReadResult random = TrafficDescription::Parse(
            "udp a b start=uniform(1s,2500ms) on=exp(1s) off=200ms\nping a b start=3s\n"
            "udp a b poisson=1 size=100",
            "r.traffic");
        NS_TEST_ASSERT_MSG_EQ(random.error, "", "reads");
        NS_TEST_ASSERT_MSG_EQ(random.flows.size(), 3u, "three flows");
        const TrafficFlow& onOff = random.flows[0];
        NS_TEST_EXPECT_MSG_EQ(onOff.RandomStart(), true, "a drawn start");
        NS_TEST_EXPECT_MSG_EQ(onOff.startNs, 1000000000, "from 1 s");
        NS_TEST_EXPECT_MSG_EQ(onOff.startMaxNs, 2500000000, "to 2.5 s");
        NS_TEST_EXPECT_MSG_EQ(onOff.OnOff(), true, "on/off");
        NS_TEST_EXPECT_MSG_EQ(onOff.onNs, 1000000000, "on: mean 1 s");
        NS_TEST_EXPECT_MSG_EQ(onOff.onExponential, true, "exponential on");
        NS_TEST_EXPECT_MSG_EQ(onOff.offNs, 200000000, "off: 200 ms");
        NS_TEST_EXPECT_MSG_EQ(onOff.offExponential, false, "constant off");
        NS_TEST_EXPECT_MSG_EQ(random.flows[1].RandomStart(), false, "a fixed start");
        NS_TEST_EXPECT_MSG_EQ(random.flows[1].startMaxNs, 3000000000, "is its own latest");
        NS_TEST_EXPECT_MSG_EQ(random.flows[2].poisson, true, "poisson");
        NS_TEST_EXPECT_MSG_EQ(random.flows[2].OnOff(), false, "not on/off");
        for (auto [text, message] : {
                 std::make_pair("udp a b start=uniform(2s)",
                                "expected uniform(<earliest>,<latest>), got 'uniform(2s)'"),
                 std::make_pair("udp a b start=uniform(3s,2s)",
                                "'uniform(3s,2s)': the latest must come after the earliest"),
                 std::make_pair("udp a b start=uniform(1s,3s) stop=2s",
                                "stop must come after the latest start"),
                 std::make_pair("udp a b on=1s", "on= and off= go together"),
                 std::make_pair("udp a b on=exp(1s) off=1s poisson=1",
                                "poisson=1 or on=/off=, not both"),
                 std::make_pair("udp a b on=exp(0s) off=1s", "exp(0s): the mean must be more"),
                 std::make_pair("udp a b on=1s off=exp(10us)", "off=exp(10us): a mean under 1ms"),
                 std::make_pair("udp a b on=1s off=1s size=19",
                                "an on/off flow's size is 20 or more"),
                 std::make_pair("udp a b poisson=yes", "bad poisson 'yes'"),
                 std::make_pair("tcp a b on=1s off=1s", "unknown option 'on' for a tcp flow"),
             })
        {
            std::string got = error(std::string("udp a b\n") + text);
            NS_TEST_EXPECT_MSG_EQ(Has(got, std::string("t.traffic:2: ") + message), true, got);
        }

        TopologyReadResult split =
            TunTopologyReader::ParseDot("graph { a -- b; c -- d; }", "s.dot");
        NS_TEST_ASSERT_MSG_EQ(split.error, "", "reads");
        auto check = [&split](const std::string& text) {
            return TrafficDescription::Check(TrafficDescription::Parse(text, "t.traffic").flows,
                                             split.graph,
                                             "s.dot");
        };
        NS_TEST_EXPECT_MSG_EQ(check("udp a b"), "", "a path");
        NS_TEST_EXPECT_MSG_EQ(check("udp a b\nping a zz"),
                              "t.traffic:2: unknown node 'zz' (not in s.dot)",
                              "unknown node");
        NS_TEST_EXPECT_MSG_EQ(check("tcp a d"),
                              "t.traffic:1: no path from a to d in s.dot (the graph is not "
                              "connected)",
                              "not connected");
    }
};

/// Per link kind, the devices a link adds to each end (besides the loopback).
uint32_t
DevicesPerEnd(LinkKind kind)
{
    return kind == LinkKind::UDP_TUN ? 2 : 1; // udp-tun: the underlay and tun
}

/**
 * Every bundled topology builds: a node per vertex, the devices each link kind adds, and
 * (links - degree) static routes per node; the chain's numbers spelt out.
 */
class TopologyShapeTestCase : public TestCase
{
  public:
    TopologyShapeTestCase()
        : TestCase("Bundled topologies: node, device and route counts")
    {
    }

  private:
    void DoRun() override
    {
        for (std::string file : {"chain.dot", "star.dot", "ring.dot", "dialup.dot", "mesh.graphml"})
        {
            TopologyReadResult r = TunTopologyReader::Read(Bundled(file));
            NS_TEST_ASSERT_MSG_EQ(r.error, "", file);
            for (std::optional<LinkKind> kind :
                 {std::optional<LinkKind>(), std::optional<LinkKind>(LinkKind::P2P)})
            {
                TopologyBuilder builder;
                builder.SetKindOverride(kind);
                NS_TEST_ASSERT_MSG_EQ(builder.Build(r.graph), "", file);
                const TopologyGraph& g = r.graph;
                NS_TEST_EXPECT_MSG_EQ(builder.GetNodes().GetN(), boost::num_vertices(g), file);
                NS_TEST_EXPECT_MSG_EQ(builder.GetLinks().size(), boost::num_edges(g), file);
                std::vector<uint32_t> devices(boost::num_vertices(g), 1);
                for (const auto& link : builder.GetLinks())
                {
                    devices[link.ends[0]] += DevicesPerEnd(link.kind);
                    devices[link.ends[1]] += DevicesPerEnd(link.kind);
                }
                for (TopologyVertex v = 0; v < boost::num_vertices(g); ++v)
                {
                    NS_TEST_EXPECT_MSG_EQ(builder.GetNodes().Get(v)->GetNDevices(),
                                          devices[v],
                                          file << " devices of " << g[v].name);
                    NS_TEST_EXPECT_MSG_EQ(builder.GetRouteCount(v),
                                          boost::num_edges(g) - boost::degree(v, g),
                                          file << " routes of " << g[v].name);
                }
                if (file == "chain.dot" && !kind)
                {
                    // a: lo p2p; b: lo p2p tun0; c: lo tun0 (ppp), p2p and tun1 (tunnel);
                    // d: lo p2p tun0.
                    uint32_t expected[] = {2, 3, 4, 3};
                    for (uint32_t v = 0; v < 4; ++v)
                    {
                        NS_TEST_EXPECT_MSG_EQ(builder.GetNodes().Get(v)->GetNDevices(),
                                              expected[v],
                                              "chain devices");
                    }
                    NS_TEST_EXPECT_MSG_EQ(builder.GetRouteCount(0), 2u, "a: the two far links");
                    NS_TEST_EXPECT_MSG_EQ(builder.GetDaemons().GetN(), 4u, "2 UserPpp, 2 tunnel");
                }
                if (file == "dialup.dot" && !kind)
                {
                    NS_TEST_EXPECT_MSG_EQ(builder.GetNode("nas")->GetNDevices(),
                                          1u + 1 + 8,
                                          "the access server: backbone and eight lines");
                }
                Simulator::Destroy();
            }
        }
    }
};

/**
 * The builder's static routes on the ring and the mesh against Boost's own BFS: for each
 * node, every route's gateway is the neighbour that breadth_first_search's predecessor
 * map puts first on the way to the nearer end of the route's link. Routes over ppp-tun
 * links are in the tables once IPCP has opened, so the check runs three seconds in.
 */
class TopologyRoutesTestCase : public TestCase
{
  public:
    TopologyRoutesTestCase()
        : TestCase("Static routes follow Boost BFS predecessors")
    {
    }

  private:
    void DoRun() override
    {
        for (std::string file : {"ring.dot", "mesh.graphml", "dialup.dot"})
        {
            TopologyReadResult r = TunTopologyReader::Read(Bundled(file));
            NS_TEST_ASSERT_MSG_EQ(r.error, "", file);
            const TopologyGraph& g = r.graph;
            TopologyBuilder builder;
            NS_TEST_ASSERT_MSG_EQ(builder.Build(g), "", file);
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            const auto& links = builder.GetLinks();
            std::size_t n = boost::num_vertices(g);
            for (TopologyVertex s = 0; s < n; ++s)
            {
                std::vector<TopologyVertex> pred(n, s);
                std::vector<uint32_t> dist(n, 0);
                boost::breadth_first_search(
                    g,
                    s,
                    boost::visitor(boost::make_bfs_visitor(std::make_pair(
                        boost::record_predecessors(pred.data(), boost::on_tree_edge()),
                        boost::record_distances(dist.data(), boost::on_tree_edge())))));
                Ptr<Ipv4> ipv4 = builder.GetNodes().Get(s)->GetObject<Ipv4>();
                Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
                uint32_t checked = 0;
                for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
                {
                    Ipv4RoutingTableEntry route = routing->GetRoute(i);
                    if (route.GetGateway() == Ipv4Address::GetAny() ||
                        route.GetDestNetworkMask() != Ipv4Mask("255.255.255.252"))
                    {
                        continue; // the links' own routes
                    }
                    const TopologyBuilder::Link* dest = nullptr;
                    for (const auto& link : links)
                    {
                        dest = link.network == route.GetDestNetwork() ? &link : dest;
                    }
                    NS_TEST_ASSERT_MSG_NE(dest, nullptr, "a route to a link");
                    TopologyVertex target =
                        dist[dest->ends[1]] < dist[dest->ends[0]] ? dest->ends[1] : dest->ends[0];
                    TopologyVertex hop = target;
                    while (pred[hop] != s)
                    {
                        hop = pred[hop];
                    }
                    // The gateway is hop's address on a link between s and hop.
                    bool found = false;
                    for (const auto& link : links)
                    {
                        for (int side = 0; side < 2; ++side)
                        {
                            found = found || (link.ends[side] == s && link.ends[1 - side] == hop &&
                                              link.addresses[1 - side] == route.GetGateway());
                        }
                    }
                    NS_TEST_EXPECT_MSG_EQ(
                        found,
                        true,
                        file << ": " << g[s].name << " to " << route.GetDestNetwork() << " via "
                             << route.GetGateway() << ", BFS says via " << g[hop].name);
                    ++checked;
                }
                NS_TEST_EXPECT_MSG_EQ(checked,
                                      boost::num_edges(g) - boost::degree(s, g),
                                      file << ": every far link of " << g[s].name);
            }
            Simulator::Destroy();
        }

        TopologyReadResult ring = TunTopologyReader::Read(Bundled("ring.dot"));
        TopologyBuilder global;
        global.SetRouting(TopologyRouting::GLOBAL);
        std::string error = global.Build(ring.graph);
        NS_TEST_EXPECT_MSG_EQ(Has(error, "global routing cannot see ppp-tun or udp-tun links"),
                              true,
                              error);
        TopologyBuilder native;
        native.SetRouting(TopologyRouting::GLOBAL);
        native.SetKindOverride(LinkKind::P2P);
        NS_TEST_EXPECT_MSG_EQ(native.Build(ring.graph), "", "global routing over p2p");
        Simulator::Destroy();
    }
};

/**
 * A short comparison on the chain: one UDP flow offered above the serial line's rate.
 * The variants are matched in capacity: all-p2p makes the 115200-baud line a link of
 * 92160 bit/s (8N1) and all-ppp-tun makes the 10 Mbit/s link a 12500000-baud line, so
 * both are held below 92160 bit/s, and the links table states each capacity; the tables
 * have a row per variant; daemons make system calls only where there are daemons; the
 * same seed gives the same CSV.
 */
class TopologyComparisonTestCase : public TestCase
{
  public:
    TopologyComparisonTestCase()
        : TestCase("A short comparison: p2p matched to the serial line's rate, both overloaded")
    {
    }

  private:
    void DoRun() override
    {
        TopologyReadResult chain = TunTopologyReader::Read(Bundled("chain.dot"));
        NS_TEST_ASSERT_MSG_EQ(chain.error, "", "reads");
        TrafficReadResult traffic = TrafficDescription::Parse(
            "udp a d rate=200kbps size=500 start=1.5s stop=3s; ping a c start=1.5s stop=3s",
            "--flows");
        NS_TEST_ASSERT_MSG_EQ(traffic.error, "", "flows");
        ComparisonOptions options;
        options.drainNs = 500000000;
        std::vector<VariantResult> results;
        for (auto kind :
             {std::optional<LinkKind>(LinkKind::P2P), std::optional<LinkKind>(LinkKind::PPP_TUN)})
        {
            results.push_back(TopologyComparison::Run(chain.graph, traffic.flows, kind, options));
            NS_TEST_ASSERT_MSG_EQ(results.back().error, "", "runs");
        }
        const FlowResult& p2p = results[0].flows.at(0);
        const FlowResult& ppp = results[1].flows.at(0);
        // Matched capacity: b--c is a 115200-baud line, so the p2p variant makes it a link
        // of 92160 bit/s; 200 kbit/s offered overloads both.
        NS_TEST_EXPECT_MSG_LT(p2p.throughputBps, 92160, "p2p at the line's bit rate");
        NS_TEST_EXPECT_MSG_GT(p2p.throughputBps, 70000, "and filling it");
        NS_TEST_EXPECT_MSG_LT(ppp.throughputBps, 92160, "ppp-tun stays under the line");
        NS_TEST_EXPECT_MSG_GT(ppp.throughputBps, 40000, "but carries something");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ppp.throughputBps,
                                    p2p.throughputBps,
                                    "HDLC framing costs the line at least p2p's header");
        NS_TEST_EXPECT_MSG_GT(p2p.loss, 0.3, "overloaded in both");
        NS_TEST_EXPECT_MSG_EQ(results[0].links.at(1).capacityBps, 92160u, "stated: 92160");
        NS_TEST_EXPECT_MSG_EQ(results[1].links.at(1).baud, 115200u, "stated: the baud");
        NS_TEST_EXPECT_MSG_EQ(results[1].links.at(0).baud, 12500000u, "a--b's 10 Mbit/s");
        NS_TEST_EXPECT_MSG_GT(results[1].flows.at(1).rxPackets, 0u, "ping across PPP");
        NS_TEST_EXPECT_MSG_EQ(results[0].nodes.at(1).syscalls, 0u, "no daemons on p2p");
        NS_TEST_EXPECT_MSG_GT(results[1].nodes.at(1).syscalls, 100u, "ppp(8) works for it");
        NS_TEST_EXPECT_MSG_GT(results[1].links.at(0).frames, 50u, "frames on the line");
        // The daemons' queues: only ppp-tun has them. 1.5 s of 200 kbit/s is 75 datagrams
        // of 500 octets, the line carries about 33 of them in that time: some 40 wait in
        // b's daemon (under its IfQueue of 100, the link's queue), each framed in 528
        // octets or more.
        NS_TEST_EXPECT_MSG_EQ(results[0].links.at(1).hasQueue, false, "no daemon on p2p");
        const LinkResult& line = results[1].links.at(1);
        NS_TEST_EXPECT_MSG_EQ(line.hasQueue, true, "ppp-tun's daemons");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(line.queueMaxFrames, 30u, "the excess waits");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(line.queueMaxFrames, 50u, "no more than the excess");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(line.queueMaxOctets,
                                    (line.queueMaxFrames - 2) * 528,
                                    "of whole datagrams");
        NS_TEST_EXPECT_MSG_GT(line.queueMeanOctets, 0.0, "a mean");
        NS_TEST_EXPECT_MSG_LT(line.queueMeanOctets, double(line.queueMaxOctets), "below max");

        std::ostringstream table;
        TopologyComparison::WriteTable(table, results);
        for (const std::string& row : {std::string("p2p       udp a->d"),
                                       std::string("ppp-tun   udp a->d"),
                                       std::string("ppp-tun   a--b                  ppp-tun")})
        {
            NS_TEST_EXPECT_MSG_EQ(Has(table.str(), row), true, table.str());
        }

        // Determinism: the same run again writes the same CSV.
        std::string path = CreateTempDirFilename("flows.csv");
        std::string dir1 = path.substr(0, path.rfind('/'));
        options.drainNs = 0;
        auto csv = [&](const std::string& dir) {
            std::vector<VariantResult> once = {
                TopologyComparison::Run(chain.graph, traffic.flows, std::nullopt, options)};
            NS_TEST_EXPECT_MSG_EQ(TopologyComparison::WriteCsv(dir, once), "", "writes");
            std::ifstream in(dir + "/flows.csv");
            std::ostringstream text;
            text << in.rdbuf();
            return text.str();
        };
        std::string first = csv(dir1);
        NS_TEST_EXPECT_MSG_EQ(first, csv(dir1), "same seed, same CSV");
        NS_TEST_EXPECT_MSG_EQ(Has(first, "mixed,udp a->d,"), true, first);
    }
};

/**
 * TCP's figures on the chain, all p2p: the sender's smoothed RTT is never below the
 * path's propagation round trip (2 x (2 + 1 + 5) ms), and grows as the 92160 bit/s link
 * queues the window; the congestion window's mean lies between what it started at and
 * its largest. Figures that do not apply are NA in flows.csv, not 0: TCP's packet
 * counts and delays, UDP's srtt and cwnd; the tables show "-".
 */
class TcpFiguresTestCase : public TestCase
{
  public:
    TcpFiguresTestCase()
        : TestCase("TCP flows: srtt and cwnd from the sender's socket; NA where a figure does "
                   "not apply")
    {
    }

  private:
    void DoRun() override
    {
        TopologyReadResult chain = TunTopologyReader::Read(Bundled("chain.dot"));
        NS_TEST_ASSERT_MSG_EQ(chain.error, "", "reads");
        TrafficReadResult traffic = TrafficDescription::Parse(
            "tcp d a start=1s stop=4s; udp a d rate=16kbps size=200 start=1s stop=4s",
            "--flows");
        NS_TEST_ASSERT_MSG_EQ(traffic.error, "", "flows");
        ComparisonOptions options;
        options.drainNs = 500000000;
        std::vector<VariantResult> results = {
            TopologyComparison::Run(chain.graph, traffic.flows, LinkKind::P2P, options)};
        NS_TEST_ASSERT_MSG_EQ(results[0].error, "", "runs");
        const FlowResult& tcp = results[0].flows.at(0);
        const FlowResult& udp = results[0].flows.at(1);
        NS_TEST_ASSERT_MSG_EQ(tcp.hasTcp, true, "the socket reported its RTT");
        NS_TEST_EXPECT_MSG_EQ(tcp.hasDelay, false, "no delay figure for TCP");
        NS_TEST_EXPECT_MSG_EQ(tcp.hasPackets, false, "nor packet counts");
        NS_TEST_EXPECT_MSG_GT(tcp.rttSamples, 10u, "an estimate per ACK or so");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(tcp.srttMinS, 0.016, "never below the propagation RTT");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(tcp.srttMinS, tcp.srttMeanS, "min <= mean");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(tcp.srttMeanS, tcp.srttMaxS, "mean <= max");
        NS_TEST_EXPECT_MSG_GT(tcp.srttMaxS, 2 * tcp.srttMinS, "the bottleneck's queue builds");
        NS_TEST_EXPECT_MSG_GT(tcp.cwndMaxBytes, 5360u, "grew past 10 segments of 536");
        NS_TEST_EXPECT_MSG_GT(tcp.cwndMeanBytes, 0.0, "a mean");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(tcp.cwndMeanBytes, double(tcp.cwndMaxBytes), "<= max");
        NS_TEST_EXPECT_MSG_EQ(udp.hasTcp, false, "no srtt for UDP");
        NS_TEST_EXPECT_MSG_EQ(udp.hasDelay, true, "UDP's delay");

        std::string path = CreateTempDirFilename("flows.csv");
        std::string dir = path.substr(0, path.rfind('/'));
        NS_TEST_ASSERT_MSG_EQ(TopologyComparison::WriteCsv(dir, results), "", "writes");
        std::ifstream in(path);
        std::string header;
        std::string tcpRow;
        std::string udpRow;
        std::getline(in, header);
        std::getline(in, tcpRow);
        std::getline(in, udpRow);
        NS_TEST_EXPECT_MSG_EQ(header,
                              "variant,flow,tx_packets,rx_packets,rx_bytes,throughput_bps,"
                              "mean_delay_s,jitter_s,loss,srtt_mean_s,srtt_min_s,srtt_max_s,"
                              "cwnd_mean_bytes,cwnd_max_bytes",
                              "the columns");
        NS_TEST_EXPECT_MSG_EQ(Has(tcpRow, "p2p,tcp d->a,NA,NA,"), true, tcpRow);
        NS_TEST_EXPECT_MSG_EQ(Has(tcpRow, ",NA,NA,NA,0."), true, "no delay, then srtt: " << tcpRow);
        NS_TEST_EXPECT_MSG_EQ(Has(tcpRow, ",0,"), false, "no zero standing for NA: " << tcpRow);
        NS_TEST_EXPECT_MSG_EQ(udpRow.substr(udpRow.size() - 15),
                              ",NA,NA,NA,NA,NA",
                              "no srtt or cwnd: " << udpRow);
        NS_TEST_EXPECT_MSG_EQ(Has(udpRow, "NA,NA,NA,NA,NA"), true, udpRow);

        std::ostringstream table;
        TopologyComparison::WriteTable(table, results);
        NS_TEST_EXPECT_MSG_EQ(Has(table.str(), "srtt ms"), true, table.str());

        // Over runs (the same run twice, no simulation): the mean of the runs' means, and
        // NA in flows-summary.csv for UDP's srtt and cwnd and TCP's delays.
        std::vector<std::vector<VariantResult>> runs = {results, results};
        std::vector<VariantSummary> summary = TopologyComparison::Summarize(runs);
        NS_TEST_ASSERT_MSG_EQ(summary.at(0).flows.size(), 2u, "two flows");
        const FlowSummary& tcpSummary = summary[0].flows[0];
        NS_TEST_EXPECT_MSG_EQ(tcpSummary.hasTcp, true, "srtt in both runs");
        NS_TEST_EXPECT_MSG_EQ(tcpSummary.srttMeanS.mean, tcp.srttMeanS, "the runs' mean");
        NS_TEST_EXPECT_MSG_EQ(tcpSummary.cwndMeanBytes.mean, tcp.cwndMeanBytes, "and cwnd's");
        NS_TEST_EXPECT_MSG_EQ(summary[0].flows[1].hasTcp, false, "none for UDP");
        NS_TEST_EXPECT_MSG_EQ(TopologyComparison::WriteCsv(dir, runs, 1), "", "writes");
        std::ifstream summaryFile(dir + "/flows-summary.csv");
        std::string line;
        std::getline(summaryFile, header);
        NS_TEST_EXPECT_MSG_EQ(Has(header,
                                  ",srtt_mean_s_mean,srtt_mean_s_sd,srtt_mean_s_ci95,"
                                  "cwnd_mean_bytes_mean,"),
                              true,
                              header);
        std::getline(summaryFile, line);
        NS_TEST_EXPECT_MSG_EQ(Has(line, "p2p,tcp d->a,2,"), true, line);
        NS_TEST_EXPECT_MSG_EQ(Has(line, ",NA,NA,NA,NA,NA,NA,NA,NA,NA,0."), true, line);
        std::getline(summaryFile, line);
        NS_TEST_EXPECT_MSG_EQ(line.substr(line.size() - 18), ",NA,NA,NA,NA,NA,NA", line);
        // A run without an RTT figure (a connection that never opened): no mean of it.
        runs[1][0].flows[0].hasTcp = false;
        NS_TEST_EXPECT_MSG_EQ(TopologyComparison::Summarize(runs)[0].flows[0].hasTcp,
                              false,
                              "not a mean of one run");
    }
};

/**
 * Trace files carry the nodes' names from the graph, where ns-3 puts their ids, made
 * file-safe; node-ids.csv maps the ids (which ascii traces, the system call trace and
 * the logs print) to the names and addresses.
 */
class TraceNamesTestCase : public TestCase
{
  public:
    TraceNamesTestCase()
        : TestCase("Trace files named by node name; node-ids.csv maps ids to names")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(TopologyBuilder::FileSafeName("core-1_b.x"), "core-1_b.x", "kept");
        NS_TEST_EXPECT_MSG_EQ(TopologyBuilder::FileSafeName("../a b/%"),
                              "..%2Fa%20b%2F%25",
                              "no folder, no space, '%' escaped itself");
        NS_TEST_EXPECT_MSG_EQ(TopologyBuilder::FileSafeName(".."), "%2E%2E", "not a folder");
        NS_TEST_EXPECT_MSG_EQ(TopologyBuilder::FileSafeName("\xc3\xbc"), "%C3%BC", "UTF-8 octets");

        TopologyReadResult chain = TunTopologyReader::Read(Bundled("chain.dot"));
        NS_TEST_ASSERT_MSG_EQ(chain.error, "", "reads");
        TrafficReadResult traffic =
            TrafficDescription::Parse("ping a d interval=500ms start=1s stop=2s", "--flows");
        NS_TEST_ASSERT_MSG_EQ(traffic.error, "", "flows");
        std::string path = CreateTempDirFilename("node-ids.csv");
        std::string dir = path.substr(0, path.rfind('/'));
        ComparisonOptions options;
        options.drainNs = 100000000;
        options.pcapPrefix = dir + "/t";
        options.asciiPrefix = dir + "/t";
        std::vector<VariantResult> results = {
            TopologyComparison::Run(chain.graph, traffic.flows, std::nullopt, options)};
        NS_TEST_ASSERT_MSG_EQ(results[0].error, "", "runs");
        // As written: a--b p2p, b--c ppp-tun, c--d udp-tun; each node's devices are
        // numbered from 1 (0 is its loopback), c's in order: b's tun, the underlay to d,
        // d's tun.
        for (const char* name : {"t-mixed-a-1.pcap",
                                 "t-mixed-b-1.pcap",
                                 "t-mixed-tun-b-2.pcap",
                                 "t-mixed-line-b-2.pcap",
                                 "t-mixed-tun-c-1.pcap",
                                 "t-mixed-line-c-1.pcap",
                                 "t-mixed-c-2.pcap",
                                 "t-mixed-tun-c-3.pcap",
                                 "t-mixed-d-1.pcap",
                                 "t-mixed-tun-d-2.pcap",
                                 "t-mixed-a-1.tr",
                                 "t-mixed-line-c-1.tr"})
        {
            NS_TEST_EXPECT_MSG_EQ(std::filesystem::exists(dir + "/" + name), true, name);
        }
        for (const auto& entry : std::filesystem::directory_iterator(dir))
        {
            std::string file = entry.path().filename().string();
            NS_TEST_EXPECT_MSG_EQ(std::regex_search(file, std::regex("-[0-9]+-[0-9]+\\.")),
                                  false,
                                  file << ": a node id where its name should be");
        }
        NS_TEST_ASSERT_MSG_EQ(TopologyComparison::WriteCsv(dir, results), "", "writes");
        std::ifstream in(path);
        std::ostringstream text;
        text << in.rdbuf();
        NS_TEST_EXPECT_MSG_EQ(text.str(),
                              "node_id,node,address\n0,a,10.0.0.1\n1,b,10.0.0.2\n2,c,10.0.0.6\n"
                              "3,d,10.0.0.10\n",
                              "ids, names, the addresses flows are sent to");
        NS_TEST_EXPECT_MSG_EQ(results[0].nodes.at(3).id, 3u, "vertex order");

        // The system calls of one daemon kind: b--c's PPP daemons ("ppp"), not c--d's
        // tunnel daemons ("tunnel"), and both in the unfiltered trace.
        options.pcapPrefix.clear();
        options.asciiPrefix.clear();
        auto calls = [&](const std::string& process) {
            options.syscallPrefix = dir + "/k" + process;
            options.syscallProcess = process;
            TopologyComparison::Run(chain.graph, traffic.flows, std::nullopt, options);
            std::ifstream trace(options.syscallPrefix + "-mixed.txt");
            std::map<std::string, int> names;
            for (std::string line; std::getline(trace, line);)
            {
                std::smatch m;
                names[std::regex_search(line, m, std::regex(" pid [0-9]+ ([a-z]+) ")) ? m[1].str()
                                                                                      : "?"]++;
            }
            return names;
        };
        std::map<std::string, int> everyone = calls("");
        NS_TEST_EXPECT_MSG_GT(everyone["ppp"], 100, "ppp's calls");
        NS_TEST_EXPECT_MSG_GT(everyone["tunnel"], 10, "the tunnel daemons' calls");
        NS_TEST_EXPECT_MSG_EQ(everyone.size(), 2u, "every line with its name");
        std::map<std::string, int> ppp = calls("ppp");
        NS_TEST_EXPECT_MSG_EQ(ppp["ppp"], everyone["ppp"], "all of ppp's calls");
        NS_TEST_EXPECT_MSG_EQ(ppp.size(), 1u, "and only those");
    }
};

/**
 * The statistics of replications against hand-computed values: mean, sample standard
 * deviation, and the 95% half-width t(0.975; n-1) * sd / sqrt(n).
 */
class ConfidenceIntervalTestCase : public TestCase
{
  public:
    ConfidenceIntervalTestCase()
        : TestCase("Replications: mean, standard deviation, Student t 95% confidence interval")
    {
    }

  private:
    void DoRun() override
    {
        // 1..5: mean 3, sd sqrt(10/4) = 1.5811388, half-width 2.776445 * sd / sqrt(5)
        // = 2.776445 * 0.7071068 = 1.9632431.
        Statistic five = TopologyComparison::SummarizeSamples({1, 2, 3, 4, 5});
        NS_TEST_EXPECT_MSG_EQ(five.n, 5u, "five samples");
        NS_TEST_EXPECT_MSG_EQ_TOL(five.mean, 3.0, 1e-12, "mean");
        NS_TEST_EXPECT_MSG_EQ_TOL(five.sd, 1.5811388, 1e-7, "sd, n - 1");
        NS_TEST_EXPECT_MSG_EQ_TOL(five.ci95, 1.9632431, 1e-6, "t(0.975; 4) = 2.776445");
        // 10 and 14: mean 12, sd 2 * sqrt(2), half-width 12.706205 * 2 = 25.41241.
        Statistic two = TopologyComparison::SummarizeSamples({10, 14});
        NS_TEST_EXPECT_MSG_EQ_TOL(two.mean, 12.0, 1e-12, "mean");
        NS_TEST_EXPECT_MSG_EQ_TOL(two.sd, 2.8284271, 1e-7, "sd");
        NS_TEST_EXPECT_MSG_EQ_TOL(two.ci95, 25.41241, 1e-5, "t(0.975; 1) = 12.706205");
        // Equal samples: no spread. One sample: no interval.
        Statistic same = TopologyComparison::SummarizeSamples({0.25, 0.25, 0.25});
        NS_TEST_EXPECT_MSG_EQ(same.sd, 0.0, "equal samples");
        NS_TEST_EXPECT_MSG_EQ(same.ci95, 0.0, "a zero half-width");
        Statistic one = TopologyComparison::SummarizeSamples({7});
        NS_TEST_EXPECT_MSG_EQ_TOL(one.mean, 7.0, 1e-12, "one sample's mean");
        NS_TEST_EXPECT_MSG_EQ(one.ci95, 0.0, "no interval from one sample");
        NS_TEST_EXPECT_MSG_EQ(TopologyComparison::SummarizeSamples({}).n, 0u, "none");
        // The quantiles: the table's ends, and the expansion beyond it against exact
        // values (R's qt(0.975, dof)).
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(1), 12.706205, 1e-6, "1");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(9), 2.262157, 1e-6, "9");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(30), 2.042272, 1e-6, "30");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(31), 2.039513, 1e-6, "31");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(60), 2.000298, 1e-6, "60");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(120), 1.979930, 1e-6, "120");
        NS_TEST_EXPECT_MSG_EQ_TOL(TopologyComparison::StudentT95(1000), 1.962339, 1e-6, "1000");
    }
};

/**
 * Replications on the chain: random traffic gives three different runs, the variants
 * of one run the same draws, and the same seed the same summary; traffic with nothing
 * random gives three equal runs and zero-width intervals.
 */
class ReplicationsTestCase : public TestCase
{
  public:
    ReplicationsTestCase()
        : TestCase("--runs: random traffic differs per run, fixed traffic does not, same seed "
                   "same summary")
    {
    }

  private:
    /// \return the summary CSV of \p runs, written to a temporary folder
    std::string SummaryCsv(const std::vector<std::vector<VariantResult>>& runs)
    {
        std::string path = CreateTempDirFilename("flows-summary.csv");
        std::string dir = path.substr(0, path.rfind('/'));
        NS_TEST_EXPECT_MSG_EQ(TopologyComparison::WriteCsv(dir, runs, 1), "", "writes");
        std::ifstream in(path);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    void DoRun() override
    {
        TopologyReadResult chain = TunTopologyReader::Read(Bundled("chain.dot"));
        NS_TEST_ASSERT_MSG_EQ(chain.error, "", "reads");
        ComparisonOptions options;
        options.drainNs = 500000000;
        options.seed = 7;
        const std::vector<std::optional<LinkKind>> variants = {LinkKind::P2P, std::nullopt};
        auto run = [&](const std::string& text) {
            TrafficReadResult traffic = TrafficDescription::Parse(text, "--flows");
            NS_TEST_EXPECT_MSG_EQ(traffic.error, "", "flows");
            return TopologyComparison::RunReplications(chain.graph,
                                                       traffic.flows,
                                                       variants,
                                                       options,
                                                       3);
        };
        const std::string random =
            "udp a d rate=64kbps size=200 start=uniform(1s,2s) stop=3s on=exp(200ms) "
            "off=exp(200ms); udp d a rate=16kbps size=100 poisson=1 start=1s stop=3s; "
            "ping a c interval=100ms start=uniform(1s,2s) stop=3s";
        auto drawn = run(random);
        NS_TEST_ASSERT_MSG_EQ(drawn.size(), 3u, "three runs");
        for (std::size_t r = 0; r < 3; ++r)
        {
            NS_TEST_ASSERT_MSG_EQ(drawn[r].size(), 2u, "two variants");
            NS_TEST_ASSERT_MSG_EQ(drawn[r][0].error + drawn[r][1].error, "", "ran");
            // Each variant of a run draws the same starts, on/off and Poisson times.
            for (std::size_t f = 0; f < 3; ++f)
            {
                NS_TEST_EXPECT_MSG_EQ(drawn[r][0].flows[f].txPackets,
                                      drawn[r][1].flows[f].txPackets,
                                      "run " << r << " flow " << f << ": the same sends");
            }
        }
        for (std::size_t f = 0; f < 3; ++f)
        {
            std::set<uint64_t> sent;
            for (std::size_t r = 0; r < 3; ++r)
            {
                sent.insert(drawn[r][0].flows[f].txPackets);
            }
            NS_TEST_EXPECT_MSG_GT(sent.size(), 1u, "flow " << f << ": runs draw differently");
        }
        std::vector<VariantSummary> summary = TopologyComparison::Summarize(drawn);
        NS_TEST_ASSERT_MSG_EQ(summary.size(), 2u, "per variant");
        NS_TEST_EXPECT_MSG_GT(summary[0].flows.at(0).throughputBps.ci95, 0.0, "an interval");
        NS_TEST_EXPECT_MSG_EQ(summary[0].flows.at(0).throughputBps.n, 3u, "of three runs");
        // The same seed again: the same summary, to the last digit.
        std::string first = SummaryCsv(drawn);
        NS_TEST_EXPECT_MSG_EQ(first, SummaryCsv(run(random)), "same seed, same summary");
        NS_TEST_EXPECT_MSG_EQ(Has(first, "p2p,udp a->d,3,"), true, first);
        // Another seed: other draws.
        options.seed = 8;
        NS_TEST_EXPECT_MSG_NE(first, SummaryCsv(run(random)), "another seed, other draws");

        // Nothing random: three equal runs, intervals of width 0.
        auto fixed = run("udp a d rate=32kbps size=200 start=1s stop=2s; ping a c "
                         "interval=250ms start=1s stop=2s");
        for (const VariantSummary& v : TopologyComparison::Summarize(fixed))
        {
            NS_TEST_ASSERT_MSG_EQ(v.error, "", "ran");
            for (const FlowSummary& f : v.flows)
            {
                for (const Statistic* s : {&f.throughputBps, &f.meanDelayS, &f.jitterS, &f.loss})
                {
                    NS_TEST_EXPECT_MSG_EQ(s->sd, 0.0, v.variant << " " << f.label << ": no spread");
                    NS_TEST_EXPECT_MSG_EQ(s->ci95, 0.0, v.variant << " " << f.label);
                }
                NS_TEST_EXPECT_MSG_GT(f.throughputBps.mean, 0.0, "carried something");
            }
        }
    }
};

/**
 * Routes over a ppp-tun link follow IPCP, as ppp(8)'s sticky routes do. On the chain, b
 * reaches the c==d link through the serial line to c: that route is not in b's table
 * before IPCP opens, is there while IPCP is open, goes when the carrier is cut, and comes
 * back after renegotiation. A ping from a to d from 0 s on: the first finds no route at b
 * and is lost (ns-3 used to abort there, routing through an interface with no address);
 * the later ones are answered.
 */
class TopologyPppRoutesTestCase : public TestCase
{
  public:
    TopologyPppRoutesTestCase()
        : TestCase("Routes over a ppp-tun link exist while IPCP is open; traffic before is lost")
    {
    }

  private:
    void DoRun() override
    {
        TopologyReadResult chain = TunTopologyReader::Read(Bundled("chain.dot"));
        NS_TEST_ASSERT_MSG_EQ(chain.error, "", "reads");
        TopologyBuilder builder;
        NS_TEST_ASSERT_MSG_EQ(builder.Build(chain.graph), "", "builds");
        const TopologyBuilder::Link& line = builder.GetLinks().at(1); // b ~~ c
        const TopologyBuilder::Link& far = builder.GetLinks().at(2);  // c == d
        NS_TEST_ASSERT_MSG_EQ((line.kind == LinkKind::PPP_TUN), true, "b--c is ppp-tun");
        Ptr<Ipv4StaticRouting> routing =
            Ipv4StaticRoutingHelper().GetStaticRouting(builder.GetNode("b")->GetObject<Ipv4>());
        auto routed = [&] {
            int n = 0;
            for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
            {
                Ipv4RoutingTableEntry r = routing->GetRoute(i);
                n += r.GetDestNetwork() == far.network && r.GetGateway() == line.addresses[1];
            }
            return n;
        };
        NS_TEST_EXPECT_MSG_EQ(line.ppp[0]->GetStickyRoutes().Get().size(),
                              1u,
                              "b's daemon holds the route to c==d");
        std::vector<int> seen;
        for (double t : {0.0, 3.0, 6.5, 14.0})
        {
            Simulator::Schedule(Seconds(t), [&seen, &routed] { seen.push_back(routed()); });
        }
        Simulator::Schedule(Seconds(4), &SerialLine::SetCarrier, line.line, false);
        Simulator::Schedule(Seconds(7), &SerialLine::SetCarrier, line.line, true);
        V4PingHelper ping(far.addresses[1]);
        ping.SetAttribute("Interval", TimeValue(MilliSeconds(500)));
        ApplicationContainer pinger = ping.Install(builder.GetNode("a"));
        std::vector<Time> rtts;
        pinger.Get(0)->TraceConnectWithoutContext("Rtt", Callback<void, Time>([&rtts](Time rtt) {
                                                      rtts.push_back(rtt);
                                                  }));
        pinger.Start(Seconds(0));
        pinger.Stop(Seconds(3));
        Simulator::Stop(Seconds(15));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(seen.size(), 4u, "looked four times");
        NS_TEST_EXPECT_MSG_EQ(seen[0], 0, "no route before IPCP opens");
        NS_TEST_EXPECT_MSG_EQ(seen[1], 1, "one while it is open");
        NS_TEST_EXPECT_MSG_EQ(seen[2], 0, "none while the carrier is gone");
        NS_TEST_EXPECT_MSG_EQ(seen[3], 1, "one again after renegotiation");
        NS_TEST_EXPECT_MSG_GT(rtts.size(), 0u, "pings are answered once IPCP is open");
        NS_TEST_EXPECT_MSG_LT(rtts.size(), 6u, "the one sent at 0 s was lost");
        Simulator::Destroy();
    }
};

/// The suite.
class TopologyTestSuite : public TestSuite
{
  public:
    TopologyTestSuite()
        : TestSuite("topology", UNIT)
    {
        AddTestCase(new TopologyReadGoodTestCase, TestCase::QUICK);
        AddTestCase(new TopologyReadBadTestCase, TestCase::QUICK);
        AddTestCase(new TrafficDescriptionTestCase, TestCase::QUICK);
        AddTestCase(new TopologyShapeTestCase, TestCase::QUICK);
        AddTestCase(new TopologyRoutesTestCase, TestCase::QUICK);
        AddTestCase(new TopologyComparisonTestCase, TestCase::QUICK);
        AddTestCase(new TcpFiguresTestCase, TestCase::QUICK);
        AddTestCase(new TraceNamesTestCase, TestCase::QUICK);
        AddTestCase(new TopologyPppRoutesTestCase, TestCase::QUICK);
        AddTestCase(new ConfidenceIntervalTestCase, TestCase::QUICK);
        AddTestCase(new ReplicationsTestCase, TestCase::QUICK);
    }
};

static TopologyTestSuite g_topologyTestSuite; //!< registers the suite

} // namespace
