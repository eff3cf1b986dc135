/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What a researcher's files and options cannot do to tun-compare (issue 13): a file too
// large or no file at all, DOT or GraphML nested deeper than the parsers recurse, a
// GraphML key without a name, control bytes in messages, traffic values that abort ns-3
// or never end, more flows than ports, seed 0, CSV fields with commas and quotes, and
// results collected without copying every node per vertex.

#include "ns3/input-file.h"
#include "ns3/message-escape.h"
#include "ns3/nesting-depth.h"
#include "ns3/topology-builder.h"
#include "ns3/topology-comparison.h"
#include "ns3/traffic-description.h"
#include "ns3/tun-module.h"
#include "ns3/tun-topology-reader.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>

using namespace ns3;

namespace
{

/// A fresh folder under /tmp, removed with its files at the end of a test.
struct TempDir
{
    std::string path;

    TempDir()
    {
        char name[] = "/tmp/tun-input-limits-XXXXXX";
        path = ::mkdtemp(name);
    }

    ~TempDir()
    {
        std::string command = "rm -rf '" + path + "'";
        EXPECT_EQ(std::system(command.c_str()), 0);
    }
};

/// \return \p text read from \p path
std::string
Contents(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// \return true when \p text has a byte under 0x20 or 0x7f
bool
HasControlByte(const std::string& text)
{
    for (unsigned char c : text)
    {
        if (c < 0x20 || c == 0x7f)
        {
            return true;
        }
    }
    return false;
}

/// \return the error of parsing one flow, \p line
std::string
FlowError(const std::string& line)
{
    return TrafficDescription::Parse(line, "t").error;
}

/// \return a -- b
TopologyGraph
TwoNodes()
{
    TopologyGraph graph;
    boost::add_vertex(TopologyNode{"a"}, graph);
    boost::add_vertex(TopologyNode{"b"}, graph);
    boost::add_edge(0, 1, TopologyLink(), graph);
    return graph;
}

/// \return a default flow from a to b
TrafficFlow
FlowAToB()
{
    TrafficFlow flow;
    flow.from = "a";
    flow.to = "b";
    return flow;
}

} // namespace

TEST(InputLimits, ControlBytesAreEscaped)
{
    EXPECT_EQ(EscapeControlBytes(std::string("a\tb\x1b[2J\x7f\r\n\0z", 12)),
              "a\\x09b\\x1b[2J\\x7f\\x0d\\x0a\\x00z");
    EXPECT_EQ(EscapeControlBytes("plain, \"quoted\" é"), "plain, \"quoted\" é");
}

TEST(InputLimits, DirectoryIsReportedAsSuch)
{
    TempDir dir;
    for (const TopologyReadResult& r :
         {TunTopologyReader::Read(dir.path), TunTopologyReader::ReadGraphml(dir.path)})
    {
        EXPECT_EQ(r.error, dir.path + ": a directory, not a file");
    }
    EXPECT_EQ(TrafficDescription::Read(dir.path).error, dir.path + ": a directory, not a file");
}

TEST(InputLimits, FileLargerThanTheLimitIsRefused)
{
    TempDir dir;
    // Sparse: 64 MiB and one byte, refused from its size without reading it.
    std::string big = dir.path + "/big.dot";
    std::ofstream(big).close();
    ASSERT_EQ(::truncate(big.c_str(), TUN_INPUT_FILE_LIMIT + 1), 0);
    EXPECT_EQ(TunTopologyReader::Read(big).error, big + ": larger than 64 MiB; not read");
    EXPECT_EQ(TrafficDescription::Read(big).error, big + ": larger than 64 MiB; not read");
    // A stream without end is refused once it has given the limit.
    std::string text = "x";
    EXPECT_EQ(ReadInputFile("/dev/zero", text, 1 << 20), "/dev/zero: larger than 1 MiB; not read");
    EXPECT_TRUE(text.empty());
    EXPECT_EQ(TunTopologyReader::Read("/dev/zero").error,
              "/dev/zero: larger than 64 MiB; not read");
    // At the limit, read.
    std::string small = dir.path + "/small.traffic";
    std::ofstream(small) << "udp a b\n";
    EXPECT_EQ(ReadInputFile(small, text, 8), "");
    EXPECT_EQ(text, "udp a b\n");
    EXPECT_EQ(ReadInputFile(small, text, 7), small + ": larger than 7 bytes; not read");
}

TEST(InputLimits, UnreadableFileNamedWithItsControlBytesEscaped)
{
    EXPECT_EQ(TunTopologyReader::Read("no\x1b[such].dot").error,
              "no\\x1b[such].dot: cannot read the file");
}

TEST(InputLimits, DotNestingIsMeasuredOutsideStringsAndComments)
{
    EXPECT_EQ(DotNestingDepth("graph { a; subgraph { b; { c } } }"), 3u);
    EXPECT_EQ(DotNestingDepth("graph { \"{{{\\\"{\" -- <x{<b>{</b>> /* {{ */ // {{\n}"), 1u);
    EXPECT_EQ(DotNestingDepth("# {{{\ngraph { a }"), 1u);
    EXPECT_EQ(DotNestingDepth("}}} graph {"), 1u);
}

TEST(InputLimits, XmlNestingIsMeasuredOverElementsOnly)
{
    EXPECT_EQ(XmlNestingDepth("<?xml version=\"1.0\"?><a><b x='>'/><!-- <c><c> --><b>"
                              "<![CDATA[<d><d>]]></b></a>"),
              2u);
    EXPECT_EQ(XmlNestingDepth("<a><b><c></c></b><b/></a>"), 3u);
}

TEST(InputLimits, DeeplyNestedDotIsRefusedBeforeBoostRecurses)
{
    std::string deep = "graph { a -- b ";
    for (int i = 0; i < 10000; ++i)
    {
        deep += "subgraph { ";
    }
    deep += std::string(10000, '}') + "}";
    TopologyReadResult r = TunTopologyReader::ParseDot(deep, "deep.dot");
    EXPECT_EQ(r.error, "deep.dot: braces (subgraphs) nested 10001 deep; at most 64 are read");

    // As deep as allowed: read.
    std::string fits = "graph { a -- b ";
    for (int i = 0; i < 63; ++i)
    {
        fits += "subgraph { ";
    }
    fits += "c " + std::string(63, '}') + "}";
    TopologyReadResult read = TunTopologyReader::ParseDot(fits, "fits.dot");
    EXPECT_TRUE(read.Ok()) << read.error;
    EXPECT_EQ(boost::num_vertices(read.graph), 3u);
}

TEST(InputLimits, DeeplyNestedGraphmlIsRefusedBeforeRapidxmlRecurses)
{
    std::string deep = "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/>";
    for (int i = 0; i < 40000; ++i)
    {
        deep += "<x>";
    }
    for (int i = 0; i < 40000; ++i)
    {
        deep += "</x>";
    }
    deep += "</graph></graphml>";
    TopologyReadResult r = TunTopologyReader::ParseGraphml(deep, "deep.graphml");
    EXPECT_EQ(r.error, "deep.graphml: XML elements nested 40002 deep; at most 64 are read");
}

TEST(InputLimits, GraphmlKeyWithoutAttrNameIsRefused)
{
    const std::string graphml =
        "<graphml><key id=\"d0\" for=\"edge\"/>"
        "<graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
        "<edge source=\"a\" target=\"b\"><data key=\"d0\">ppp-tun</data></edge>"
        "</graph></graphml>";
    TopologyReadResult r = TunTopologyReader::ParseGraphml(graphml, "k.graphml");
    EXPECT_EQ(r.error,
              "k.graphml: <key id=\"d0\"> has no attr.name, so its <data> would name no "
              "attribute");
}

TEST(InputLimits, ReaderMessagesCarryNoControlBytes)
{
    TopologyReadResult dot =
        TunTopologyReader::ParseDot("graph { \"a\x1b[31m\" -- b [kind=\"x\ry\"] }", "f.dot");
    ASSERT_FALSE(dot.Ok());
    EXPECT_FALSE(HasControlByte(dot.error)) << dot.error;
    EXPECT_NE(dot.error.find("a\\x1b[31m -- b"), std::string::npos) << dot.error;
    EXPECT_NE(dot.error.find("x\\x0dy"), std::string::npos) << dot.error;

    TopologyReadResult warned =
        TunTopologyReader::ParseDot("graph { a -- b [\"co\x07lor\"=red] }", "f.dot");
    ASSERT_TRUE(warned.Ok());
    ASSERT_EQ(warned.warnings.size(), 1u);
    EXPECT_EQ(warned.warnings[0], "f.dot: edge a -- b: ignoring attribute 'co\\x07lor'");

    EXPECT_EQ(FlowError("udp a b size=1\x1b"), "t:1: bad size '1\\x1b': 12 to 65000 bytes");
}

TEST(InputLimits, PingSizeUnderSixteenIsRefused)
{
    for (int size = 12; size < 16; ++size)
    {
        EXPECT_EQ(FlowError("ping a b size=" + std::to_string(size)),
                  "t:1: bad size '" + std::to_string(size) +
                      "': 16 to 65000 bytes (a ping carries a 16-byte timestamp and sequence "
                      "number)");
    }
    EXPECT_EQ(FlowError("ping a b size=16"), "");
    EXPECT_EQ(FlowError("udp a b size=12"), "");
    EXPECT_EQ(FlowError("udp a b size=11"), "t:1: bad size '11': 12 to 65000 bytes");
}

TEST(InputLimits, SendersThatWouldNeverEndAreRefused)
{
    // 1000 Gbps: a datagram of 100 bytes every 0.8 ns, rounded to 1 ns; 12 bytes: 0 ns.
    EXPECT_EQ(FlowError("udp a b rate=1000Gbps size=100"),
              "t:1: a datagram interval (size*8/rate) of 1ns is under 1us; the run would never "
              "end");
    EXPECT_EQ(FlowError("udp a b rate=1000Gbps size=12"),
              "t:1: a datagram interval (size*8/rate) of 0ns is under 1us; the run would never "
              "end");
    EXPECT_EQ(FlowError("udp a b rate=10Gbps size=1250"), "");
    EXPECT_EQ(FlowError("ping a b interval=1ns"),
              "t:1: an interval of 1ns is under 1ms; the run would never end");
    EXPECT_EQ(FlowError("ping a b interval=1ms"), "");
    EXPECT_EQ(FlowError("ping a b stop=1000000000s"),
              "t:1: stop=1000000000s is beyond 24h, the longest run simulated");
    EXPECT_EQ(FlowError("tcp a b start=86399s stop=86400s"), "");
    EXPECT_EQ(FlowError("udp a b rate=9.6Mbps size=12 start=0s stop=2000s"),
              "t:1: 200000000 packets from start to stop; at most 100000000 are simulated per "
              "flow");
}

TEST(InputLimits, MoreFlowsThanPortsAreRefused)
{
    std::vector<TrafficFlow> flows(56537, FlowAToB());
    VariantResult r = TopologyComparison::Run(TwoNodes(), flows, std::nullopt, ComparisonOptions());
    EXPECT_EQ(r.error, "56537 flows: flow i listens on port 9000 + i, so at most 56536 fit");
}

TEST(InputLimits, SeedZeroIsRefused)
{
    ComparisonOptions options;
    options.seed = 0;
    VariantResult r = TopologyComparison::Run(TwoNodes(), {FlowAToB()}, std::nullopt, options);
    EXPECT_EQ(r.error, "seed 0: ns-3's generator takes a seed of 1 or more");
}

TEST(InputLimits, CsvFieldsWithCommasAndQuotesAreQuoted)
{
    TempDir dir;
    VariantResult r;
    r.variant = "mixed";
    r.nodes.push_back({"a,\"b\"", 7});
    r.nodes.push_back({"plain", 1});
    FlowResult f;
    f.label = "udp x,y->z";
    r.flows.push_back(f);
    LinkResult l;
    l.label = "a,\"b\"--plain";
    l.kind = "p2p";
    r.links.push_back(l);
    ASSERT_EQ(TopologyComparison::WriteCsv(dir.path, {r}), "");
    EXPECT_EQ(Contents(dir.path + "/nodes.csv"),
              "variant,node,syscalls\nmixed,\"a,\"\"b\"\"\",7\nmixed,plain,1\n");
    EXPECT_EQ(Contents(dir.path + "/links.csv"),
              "variant,link,kind,frames,bytes,drops,drops_by_reason,capacity_bps,baud,"
              "queue_max_frames,queue_max_octets,queue_mean_octets\n"
              "mixed,\"a,\"\"b\"\"--plain\",p2p,0,0,0,,0,0,NA,NA,NA\n");
    std::string flows = Contents(dir.path + "/flows.csv");
    EXPECT_NE(flows.find("\nmixed,\"udp x,y->z\",0,"), std::string::npos) << flows;
}

TEST(InputLimits, BuilderHandsOutItsNodesWithoutCopying)
{
    // Collecting results per vertex called GetNodes() each time: a copy of every node per
    // vertex, quadratic in the size of the topology.
    static_assert(std::is_same_v<decltype(std::declval<const TopologyBuilder&>().GetNodes()),
                                 const NodeContainer&>,
                  "GetNodes() returns a reference");
    TopologyBuilder builder;
    EXPECT_EQ(&builder.GetNodes(), &builder.GetNodes());
}

TEST(InputLimits, StaticRoutingBeyondItsLimitIsRefusedBeforeBuilding)
{
    // A 100,000-node chain spent minutes and gigabytes in static routes; past the limit
    // the builder says so at once and makes no node.
    TopologyGraph chain;
    const std::size_t n = 8000;
    for (std::size_t i = 0; i < n; ++i)
    {
        boost::add_vertex(TopologyNode{"n" + std::to_string(i)}, chain);
    }
    for (std::size_t i = 0; i + 1 < n; ++i)
    {
        boost::add_edge(i, i + 1, TopologyLink{}, chain);
    }
    TopologyBuilder builder;
    std::string error = builder.Build(chain);
    EXPECT_NE(error.find("static routing for 8000 nodes and 7999 links"), std::string::npos)
        << error;
    EXPECT_NE(error.find("global routing"), std::string::npos) << error;
    EXPECT_EQ(builder.GetNodes().GetN(), 0u) << "nothing built";
    builder.SetRouting(TopologyRouting::NONE);
    EXPECT_EQ(builder.Build(chain), "") << "without static routes it builds";
    EXPECT_EQ(builder.GetNodes().GetN(), n);
    Simulator::Destroy();
}
