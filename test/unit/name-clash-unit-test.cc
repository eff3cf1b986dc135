/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The module's headers live beside ns-3's in one ns3/ directory: none of its file,
// guard or class names may be one of ns-3's. topology-read, whose TopologyReader
// once shared a file name, guard and class with ours, is compiled in with it here, beside
// both of the module's headers.

#include "ns3/topology-read-module.h"
#include "ns3/tun-module.h"
#include "ns3/tun-topology-module.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(NameClash, NsThreeTopologyReadAndTunReadersLiveSideBySide)
{
    // ns-3's reader: its helper makes an Orbis reader for a file name.
    TopologyReaderHelper helper;
    helper.SetFileName("/nonexistent/orbis.txt");
    helper.SetFileType("Orbis");
    Ptr<TopologyReader> theirs = helper.GetTopologyReader();
    ASSERT_TRUE(theirs);
    EXPECT_EQ(theirs->GetFileName(), "/nonexistent/orbis.txt");

    // Ours reads DOT.
    TopologyReadResult ours = TunTopologyReader::ParseDot("graph { a -- b; }", "clash.dot");
    ASSERT_TRUE(ours.Ok()) << ours.error;
    EXPECT_EQ(boost::num_vertices(ours.graph), 2u);
}
