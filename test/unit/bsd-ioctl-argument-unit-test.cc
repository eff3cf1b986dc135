/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The ioctl parameter structures byte for byte as FreeBSD 4 on i386 lays them out
// (net/if.h, netinet/in.h), so a request built here is the request a BSD kernel reads.

#include "ns3/bsd-ioctl-argument.h"

#include <cstring>
#include <gtest/gtest.h>

using namespace ns3;

TEST(BsdIoctlArgument, IntIsFourBytesInHostOrder)
{
    std::vector<uint8_t> bytes = BsdIntArgument(0x01020304);
    ASSERT_EQ(bytes.size(), 4u);
    EXPECT_EQ(BsdIntResult(bytes), 0x01020304);
    EXPECT_EQ(BsdIntResult({1, 2}), 0) << "too short: nothing copied out";
}

TEST(BsdIoctlArgument, SockaddrInIsLenFamilyPortAddressInNetworkOrder)
{
    uint8_t raw[BsdSockaddrIn::SIZE];
    BsdSockaddrIn sin = BsdSockaddrIn::Of(Ipv4Address("10.0.0.1"));
    sin.port = 1194;
    sin.Write(raw);
    const uint8_t want[BsdSockaddrIn::SIZE] = {16, 2, 0x04, 0xaa, 10, 0, 0, 1};
    EXPECT_EQ(std::vector<uint8_t>(raw, raw + 16), std::vector<uint8_t>(want, want + 16));
    BsdSockaddrIn back = BsdSockaddrIn::Read(raw);
    EXPECT_EQ(back.addr, Ipv4Address("10.0.0.1"));
    EXPECT_EQ(back.port, 1194);
    EXPECT_TRUE(back.IsInet());
}

TEST(BsdIoctlArgument, IfreqNameThenUnionAtSixteen)
{
    BsdIfreq ifr("tun0");
    ifr.SetFlags(0x8051);
    std::vector<uint8_t> bytes = ifr.GetBytes();
    ASSERT_EQ(bytes.size(), 32u);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(bytes.data())), "tun0");
    int16_t flags;
    std::memcpy(&flags, bytes.data() + 16, 2);
    EXPECT_EQ(static_cast<uint16_t>(flags), 0x8051) << "ifr_flags, a short at 16";
    ifr.SetMtu(1280);
    EXPECT_EQ(BsdIfreq(ifr.GetBytes()).GetMtu(), 1280) << "ifr_mtu shares the union";
    EXPECT_EQ(BsdIfreq("averyverylongname0").GetName(), "averyverylongna")
        << "cut to IFNAMSIZ - 1 and NUL-terminated";
}

TEST(BsdIoctlArgument, IfaliasreqIsNameAddrBroadaddrMask)
{
    BsdIfaliasreq ifra;
    ifra.name = "tun3";
    ifra.addr = BsdSockaddrIn::Of(Ipv4Address("10.0.0.1"));
    ifra.broadaddr = BsdSockaddrIn::Of(Ipv4Address("10.0.0.2"));
    ifra.mask = BsdSockaddrIn::Of(Ipv4Address("255.255.255.255"));
    std::vector<uint8_t> bytes = ifra.GetBytes();
    ASSERT_EQ(bytes.size(), 64u);
    EXPECT_EQ(bytes[16], 16);
    EXPECT_EQ(bytes[17], 2);
    EXPECT_EQ(bytes[20], 10);
    EXPECT_EQ(bytes[36], 10);
    EXPECT_EQ(bytes[39], 2) << "ifra_broadaddr at 32";
    EXPECT_EQ(bytes[52], 255) << "ifra_mask at 48";
    BsdIfaliasreq back = BsdIfaliasreq::Read(bytes.data());
    EXPECT_EQ(back.name, "tun3");
    EXPECT_EQ(back.broadaddr.addr, Ipv4Address("10.0.0.2"));
    EXPECT_EQ(BsdIfreq(bytes.data()).GetAddr().addr, Ipv4Address("10.0.0.1"))
        << "its first 32 bytes are the ifreq SIOCDIFADDR reads";
}
