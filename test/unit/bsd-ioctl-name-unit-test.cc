/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// ioctl commands by name, as the syscall and device-switch traces print them.

#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl-name.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/bsd-tty.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(BsdIoctlName, TunCommandsByName)
{
    EXPECT_EQ(BsdIoctlName(TUNSIFMODE), "TUNSIFMODE");
    EXPECT_EQ(BsdIoctlName(TUNSIFHEAD), "TUNSIFHEAD");
    EXPECT_EQ(BsdIoctlName(TUNSIFINFO), "TUNSIFINFO");
    EXPECT_EQ(BsdIoctlName(TUNSIFPID), "TUNSIFPID");
    EXPECT_EQ(BsdIoctlName(0x8004745e), "TUNSIFMODE"); // the spec's number
}

TEST(BsdIoctlName, DescriptorTtyAndInterfaceCommandsByName)
{
    EXPECT_EQ(BsdIoctlName(BSD_FIONBIO), "FIONBIO");
    EXPECT_EQ(BsdIoctlName(0x4004667f), "FIONREAD");
    EXPECT_EQ(BsdIoctlName(BSD_FIOASYNC), "FIOASYNC");
    EXPECT_EQ(BsdIoctlName(BSD_TIOCMGET), "TIOCMGET");
    EXPECT_EQ(BsdIoctlName(BSD_TIOCGETA), "TIOCGETA");
    EXPECT_EQ(BsdIoctlName(BSD_SIOCSIFADDR), "SIOCSIFADDR");
    EXPECT_EQ(BsdIoctlName(0x8040691a), "SIOCAIFADDR");
    EXPECT_EQ(BsdIoctlName(0x80206919), "SIOCDIFADDR");
}

TEST(BsdIoctlName, UnknownCommandInHex)
{
    EXPECT_EQ(BsdIoctlName(0x12345678), "0x12345678");
    EXPECT_EQ(BsdIoctlName(0), "0x0");
}
