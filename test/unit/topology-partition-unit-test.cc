/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// TopologyPartition (issue 15): which rank simulates each node of a partitioned run.
// Balanced, connected regions; links that cannot cross ranks (zero delay, ppp-tun) never
// cut; a file's rank attribute obeyed, and refused by name when it would cut one of them.

#include "ns3/topology-partition.h"
#include "ns3/tun-mpi.h"
#include "ns3/tun-topology-reader.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

using namespace ns3;

namespace
{

/// \return the graph \p dot describes (the test fails if it cannot be read)
TopologyGraph
Dot(const std::string& dot)
{
    TopologyReadResult read = TunTopologyReader::ParseDot(dot, "test.dot");
    EXPECT_TRUE(read.Ok()) << read.error;
    return read.graph;
}

/// \return a chain of \p n nodes, n0 -- n1 -- ..., every link \p attrs
std::string
Chain(int n, const std::string& attrs = "")
{
    std::string dot = "graph g {\n";
    for (int i = 0; i + 1 < n; ++i)
    {
        dot += "n" + std::to_string(i) + " -- n" + std::to_string(i + 1) + " [" + attrs + "];\n";
    }
    return dot + "}\n";
}

/// \return how many nodes \p p puts on \p rank
std::size_t
Count(const TopologyPartition& p, uint32_t rank)
{
    return std::count(p.rankOf.begin(), p.rankOf.end(), rank);
}

} // namespace

TEST(TopologyPartition, OneRankCutsNothing)
{
    TopologyPartition p = TopologyPartition::Make(Dot(Chain(5)), 1);
    EXPECT_EQ(p.error, "");
    EXPECT_EQ(p.cutLinks, 0u);
    EXPECT_EQ(p.lookaheadNs, -1);
    EXPECT_EQ(Count(p, 0), 5u);
}

TEST(TopologyPartition, ChainInContiguousHalvesAndQuarters)
{
    TopologyPartition two = TopologyPartition::Make(Dot(Chain(8, "delay=\"3ms\"")), 2);
    ASSERT_EQ(two.error, "");
    EXPECT_EQ(Count(two, 0), 4u);
    EXPECT_EQ(Count(two, 1), 4u);
    EXPECT_EQ(two.cutLinks, 1u);
    EXPECT_EQ(two.lookaheadNs, 3000000);
    TopologyPartition four = TopologyPartition::Make(Dot(Chain(8)), 4);
    ASSERT_EQ(four.error, "");
    for (uint32_t r = 0; r < 4; ++r)
    {
        EXPECT_EQ(Count(four, r), 2u) << "rank " << r;
    }
    EXPECT_EQ(four.cutLinks, 3u);
    EXPECT_EQ(four.lookaheadNs, 2000000); // the default delay
}

TEST(TopologyPartition, ZeroDelayAndPppTunLinksStayOnOneRank)
{
    // n1 -- n2 has no delay, n2 -- n3 is ppp-tun: n1, n2, n3 move together.
    TopologyGraph graph = Dot("graph g { n0 -- n1; n1 -- n2 [delay=\"0s\"]; "
                              "n2 -- n3 [kind=\"ppp-tun\"]; n3 -- n4; n4 -- n5; }");
    TopologyPartition p = TopologyPartition::Make(graph, 2);
    ASSERT_EQ(p.error, "");
    EXPECT_EQ(p.rankOf[1], p.rankOf[2]);
    EXPECT_EQ(p.rankOf[2], p.rankOf[3]);
    EXPECT_GE(p.cutLinks, 1u);
    EXPECT_GT(p.lookaheadNs, 0);
    // Every link built as ppp-tun: none can be cut, all on rank 0.
    TopologyPartition ppp = TopologyPartition::Make(graph, 2, LinkKind::PPP_TUN);
    ASSERT_EQ(ppp.error, "");
    EXPECT_EQ(Count(ppp, 0), 6u);
    EXPECT_EQ(ppp.cutLinks, 0u);
    // As udp-tun, the zero-delay link still cannot be cut, the others can.
    TopologyPartition udp = TopologyPartition::Make(graph, 2, LinkKind::UDP_TUN);
    ASSERT_EQ(udp.error, "");
    EXPECT_EQ(udp.rankOf[1], udp.rankOf[2]);
    EXPECT_EQ(udp.cutLinks, 1u);
}

TEST(TopologyPartition, RankAttributesPinNodes)
{
    TopologyGraph graph = Dot("graph g { a [rank=1]; b; c; d [rank=0]; a -- b; b -- c; c -- d; }");
    ASSERT_TRUE(graph[0].rank.has_value());
    EXPECT_EQ(*graph[0].rank, 1u);
    TopologyPartition p = TopologyPartition::Make(graph, 2);
    ASSERT_EQ(p.error, "");
    EXPECT_EQ(p.rankOf[0], 1u);
    EXPECT_EQ(p.rankOf[3], 0u);
    // A rank the run does not have.
    TopologyPartition three = TopologyPartition::Make(Dot("graph g { a [rank=3]; a -- b; }"), 2);
    EXPECT_EQ(three.error, "node 'a' has rank 3, but the run has 2 ranks");
}

TEST(TopologyPartition, ZeroDelayLinkAcrossPinnedRanksIsRefusedByName)
{
    TopologyPartition p =
        TopologyPartition::Make(Dot("graph g { x [rank=0]; y [rank=1]; x -- y [delay=\"0ms\"]; }"),
                                2);
    EXPECT_NE(p.error.find("edge x -- y: a zero-delay link cannot cross ranks"), std::string::npos)
        << p.error;
    TopologyPartition ppp = TopologyPartition::Make(
        Dot("graph g { x [rank=0]; y [rank=1]; x -- y [kind=\"ppp-tun\"]; }"),
        2);
    EXPECT_NE(ppp.error.find("edge x -- y: a ppp-tun link cannot cross ranks"), std::string::npos)
        << ppp.error;
}

TEST(TopologyPartition, BadRankAttributeIsAReadError)
{
    TopologyReadResult read =
        TunTopologyReader::ParseDot("graph g { a [rank=-1]; a -- b; }", "t.dot");
    EXPECT_EQ(read.error, "t.dot: node 'a': bad rank '-1': a whole number, 0 to 99999");
}

TEST(TunMpi, WithoutMpiStartRefusesWithAMessage)
{
    if (TunMpi::IsAvailable())
    {
        GTEST_SKIP() << "built with MPI";
    }
    EXPECT_NE(TunMpi::Start(false, nullptr, nullptr).find("this build has no MPI"),
              std::string::npos);
    EXPECT_FALSE(TunMpi::IsRunning());
    EXPECT_EQ(TunMpi::GetSize(), 1u);
    EXPECT_EQ(TunMpi::AllGather("x"), std::vector<std::string>{"x"});
}
