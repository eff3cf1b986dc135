/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// BSD error values: FreeBSD's numbers, printed by BSD name, never the host's.

#include "ns3/bsd-errno.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/bsd-signal.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(BsdErrno, NumbersAreFreeBsds)
{
    EXPECT_EQ(BSD_EWOULDBLOCK, 35); // Linux says 11
    EXPECT_EQ(BSD_EPERM, 1);
    EXPECT_EQ(BSD_ENXIO, 6);
    EXPECT_EQ(BSD_EBUSY, 16);
    EXPECT_EQ(BSD_ENODEV, 19);
    EXPECT_EQ(BSD_EINVAL, 22);
    EXPECT_EQ(BSD_ENOTTY, 25);
    EXPECT_EQ(BSD_EOPNOTSUPP, 45);
    EXPECT_EQ(BSD_EAFNOSUPPORT, 47);
    EXPECT_EQ(BSD_ENOBUFS, 55);
    EXPECT_EQ(BSD_EHOSTDOWN, 64);
    EXPECT_EQ(BSD_ERESTART, -1);
    EXPECT_EQ(BSD_EJUSTRETURN, -2);
}

TEST(BsdErrno, NamesByValue)
{
    EXPECT_EQ(BsdErrnoName(0), "0");
    EXPECT_EQ(BsdErrnoName(35), "EWOULDBLOCK");
    EXPECT_EQ(BsdErrnoName(BSD_EHOSTDOWN), "EHOSTDOWN");
    EXPECT_EQ(BsdErrnoName(BSD_ENOTTY), "ENOTTY");
    EXPECT_EQ(BsdErrnoName(BSD_ERESTART), "ERESTART");
    EXPECT_EQ(BsdErrnoName(BSD_ESLEEP), "ESLEEP");
    EXPECT_EQ(BsdErrnoName(999), "E#999");
}

TEST(BsdErrno, EveryNumberFromOneToSixtySixHasAName)
{
    for (int e = 1; e <= 66; ++e)
    {
        EXPECT_NE(BsdErrnoName(e).substr(0, 2), "E#") << e;
    }
}

TEST(BsdIoctl, EncodingsMatchFreeBsdHeaders)
{
    EXPECT_EQ(BSD_FIONREAD, 0x4004667fu);
    EXPECT_EQ(BSD_FIONBIO, 0x8004667eu);
    EXPECT_EQ(BSD_FIOASYNC, 0x8004667du);
    EXPECT_EQ(BSD_FIOSETOWN, 0x8004667cu);
    EXPECT_EQ(BSD_FIOGETOWN, 0x4004667bu);
    EXPECT_EQ(BSD_TIOCGPGRP, 0x40047477u);
    EXPECT_EQ(BsdIo('t', 95), 0x2000745fu);     // TUNSIFPID
    EXPECT_EQ(BsdIow('t', 91, 8), 0x8008745bu); // TUNSIFINFO
    EXPECT_EQ(BsdIocparmLen(0x8008745b), 8u);
}

TEST(BsdSignal, NamesAndDefaults)
{
    EXPECT_EQ(BSD_SIGIO, 23);
    EXPECT_EQ(BsdSignalName(BSD_SIGIO), "SIGIO");
    EXPECT_EQ(BsdSignalName(12), "SIG#12");
    EXPECT_TRUE(BsdSignalDefaultIgnored(BSD_SIGIO));
    EXPECT_TRUE(BsdSignalDefaultIgnored(BSD_SIGCHLD));
    EXPECT_FALSE(BsdSignalDefaultIgnored(BSD_SIGTERM));
    EXPECT_FALSE(BsdSignalDefaultIgnored(BSD_SIGUSR1));
}
