/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Argument structures recycle their storage: a freed one's block serves the next of its
// size, objects of other sizes do not take it, and a sanitizer build frees for real.

#include "ns3/dev-ops.h"
#include "ns3/pooled-allocation.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(PooledAllocation, AFreedBlockServesTheNextObjectOfItsSize)
{
    if (!PooledAllocation::IsRecycling())
    {
        GTEST_SKIP() << "sanitizer build: every object is freed to malloc";
    }
    auto first = Create<DevPollArgs>();
    const void* block = PeekPointer(first);
    first = nullptr; // the last reference: its block goes onto the list
    auto second = Create<DevPollArgs>();
    EXPECT_EQ(PeekPointer(second), block);
}

TEST(PooledAllocation, ObjectsOfAnotherSizeTakeOtherBlocks)
{
    if (!PooledAllocation::IsRecycling())
    {
        GTEST_SKIP() << "sanitizer build: every object is freed to malloc";
    }
    ASSERT_NE((sizeof(DevIoctlArgs) + 15) / 16, (sizeof(DevGenericArgs) + 15) / 16)
        << "the test needs two argument structures of different sizes";
    auto ioctl = Create<DevIoctlArgs>();
    const void* block = PeekPointer(ioctl);
    ioctl = nullptr;
    auto generic = Create<DevGenericArgs>(DevOp::OPEN);
    EXPECT_NE(PeekPointer(generic), block);
    // The block is still there for the next ioctl.
    auto again = Create<DevIoctlArgs>();
    EXPECT_EQ(PeekPointer(again), block);
}

TEST(PooledAllocation, DerivedObjectsAreDeletedThroughTheirBase)
{
    // The destructor is virtual, so the block goes back with the derived size and is
    // reused for that size; under a sanitizer this is a plain new and delete.
    Ptr<DevGenericArgs> base = Create<DevReadArgs>();
    const void* block = PeekPointer(base);
    base = nullptr;
    auto read = Create<DevReadArgs>();
    if (PooledAllocation::IsRecycling())
    {
        EXPECT_EQ(PeekPointer(read), block);
    }
    EXPECT_EQ(read->desc, DevOp::READ);
}
