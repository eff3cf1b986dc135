/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// read(2)'s copy-out buffers are recycled: a buffer given back serves the next read that
// fits in it, a larger read gets a larger buffer, and the pool keeps at most MAX_KEPT.

#include "ns3/pooled-allocation.h"
#include "ns3/read-buffer-pool.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

/// Empties the pool, so each test starts from nothing kept.
void
Drain()
{
    while (ReadBufferPool::Kept() > 0)
    {
        ReadBufferPool::Take(1); // freed as it goes out of scope
    }
}

} // namespace

TEST(ReadBufferPool, AGivenBackBufferServesTheNextReadThatFits)
{
    if (!PooledAllocation::IsRecycling())
    {
        GTEST_SKIP() << "sanitizer build: every buffer is freed";
    }
    Drain();
    ReadBufferPool::Buffer first = ReadBufferPool::Take(16384);
    ASSERT_GE(first.size, 16384u);
    const uint8_t* bytes = first.bytes.get();
    ReadBufferPool::Give(std::move(first));
    EXPECT_EQ(ReadBufferPool::Kept(), 1u);
    ReadBufferPool::Buffer second = ReadBufferPool::Take(1500);
    EXPECT_EQ(second.bytes.get(), bytes);
    EXPECT_EQ(ReadBufferPool::Kept(), 0u);
}

TEST(ReadBufferPool, ALargerReadGetsALargerBuffer)
{
    Drain();
    ReadBufferPool::Give(ReadBufferPool::Take(100));
    ReadBufferPool::Buffer big = ReadBufferPool::Take(16384);
    EXPECT_GE(big.size, 16384u);
    EXPECT_EQ(ReadBufferPool::Kept(), PooledAllocation::IsRecycling() ? 1u : 0u);
    big.bytes[16383] = 0x7e; // all of it is usable
    ReadBufferPool::Buffer none = ReadBufferPool::Take(0);
    EXPECT_GE(none.size, 1u);
}

TEST(ReadBufferPool, KeepsAtMostMaxKept)
{
    Drain();
    std::vector<ReadBufferPool::Buffer> taken;
    for (std::size_t i = 0; i < ReadBufferPool::MAX_KEPT + 5; ++i)
    {
        taken.push_back(ReadBufferPool::Take(64));
    }
    for (auto& buffer : taken)
    {
        ReadBufferPool::Give(std::move(buffer));
    }
    EXPECT_EQ(ReadBufferPool::Kept(),
              PooledAllocation::IsRecycling() ? ReadBufferPool::MAX_KEPT : 0u);
    Drain();
}
