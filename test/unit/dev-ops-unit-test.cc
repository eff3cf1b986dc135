/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The dev_ops table as a data structure: slot names in the seed's order, compiling,
// and that compiling twice changes nothing.

#include "ns3/bsd-errno.h"
#include "ns3/dev-ops.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(DevOps, SlotNamesInTheSeedsOrder)
{
    const char* expected[] = {"default",
                              "open",
                              "close",
                              "read",
                              "write",
                              "ioctl",
                              "mmap",
                              "mmap_single",
                              "strategy",
                              "dump",
                              "psize",
                              "kqfilter",
                              "clone",
                              "revoke",
                              "poll"};
    ASSERT_EQ(sizeof(expected) / sizeof(expected[0]), DEV_OP_COUNT);
    for (std::size_t i = 0; i < DEV_OP_COUNT; ++i)
    {
        EXPECT_STREQ(DevOpName(static_cast<DevOp>(i)), expected[i]);
    }
}

TEST(DevOps, DefaultTableHasEverySlotButDefault)
{
    const DevOps& d = DefaultDevOps();
    EXPECT_FALSE(d[DevOp::DEFAULT]);
    for (std::size_t i = 1; i < DEV_OP_COUNT; ++i)
    {
        EXPECT_TRUE(d[static_cast<DevOp>(i)]) << DevOpName(static_cast<DevOp>(i));
    }
}

TEST(DevOps, CompileIsIdempotentAndKeepsOwnSlots)
{
    int calls = 0;
    DevOps ops("x");
    ops[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([&](DevWriteArgs&) {
        ++calls;
        return BSD_EROFS;
    });
    CompileDevOps(ops);
    CompileDevOps(ops);
    DevWriteArgs w;
    EXPECT_EQ(ops[DevOp::WRITE](w), BSD_EROFS);
    EXPECT_EQ(calls, 1);
    DevIoctlArgs io;
    EXPECT_EQ(ops[DevOp::IOCTL](io), BSD_ENODEV);
}

TEST(DevOps, ArgumentsKnowTheirSlot)
{
    EXPECT_EQ(DevOpenArgs().desc, DevOp::OPEN);
    EXPECT_EQ(DevMmapSingleArgs().desc, DevOp::MMAP_SINGLE);
    EXPECT_EQ(DevPollArgs().desc, DevOp::POLL);
    DevIoctlArgs io;
    io.cmd = 0x2000745f;
    io.fflag = 3;
    EXPECT_EQ(io.Describe(), "cmd=TUNSIFPID fflag=0x3");
}
