/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppInterface's pure parts: bundle_Create's device and interface names, and the family
// header of a packet read from tun.

#include "ns3/bsd-if.h"
#include "ns3/ppp-interface.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

TEST(PppInterface, UnitPathAndInterfaceName)
{
    EXPECT_EQ(PppInterface::UnitPath(0), "/dev/tun0");
    EXPECT_EQ(PppInterface::UnitPath(255), "/dev/tun255");
    EXPECT_EQ(PppInterface::NameOf("/dev/tun3"), "tun3");
    EXPECT_EQ(PppInterface::NameOf("tun7"), "tun7"); // no directory: the whole of it
}

TEST(PppInterface, WithoutHeaderEveryPacketIsIpv4)
{
    uint32_t family = 0;
    std::size_t skip = 99;
    std::vector<uint8_t> packet = {0x45, 0, 0};
    EXPECT_TRUE(PppInterface::SplitHeader(packet.data(), packet.size(), false, family, skip));
    EXPECT_EQ(family, uint32_t(BSD_AF_INET));
    EXPECT_EQ(skip, 0u);
    EXPECT_TRUE(PppInterface::SplitHeader(nullptr, 0, false, family, skip)); // even empty
}

TEST(PppInterface, HeaderGivesTheFamilyInNetworkOrder)
{
    uint32_t family = 0;
    std::size_t skip = 0;
    std::vector<uint8_t> packet = {0, 0, 0, 28, 0x60, 0, 0, 0};
    EXPECT_TRUE(PppInterface::SplitHeader(packet.data(), packet.size(), true, family, skip));
    EXPECT_EQ(family, uint32_t(BSD_AF_INET6));
    EXPECT_EQ(skip, 4u);
    std::vector<uint8_t> bare = {0, 0, 0, 2};
    EXPECT_TRUE(PppInterface::SplitHeader(bare.data(), bare.size(), true, family, skip));
    EXPECT_EQ(family, uint32_t(BSD_AF_INET));
}

TEST(PppInterface, ShortHeaderIsRefused)
{
    uint32_t family = 0;
    std::size_t skip = 0;
    std::vector<uint8_t> packet = {0, 0, 2};
    EXPECT_FALSE(PppInterface::SplitHeader(packet.data(), packet.size(), true, family, skip));
}
