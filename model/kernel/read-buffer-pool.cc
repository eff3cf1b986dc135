/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "read-buffer-pool.h"

#include "pooled-allocation.h"

#include <algorithm>
#include <array>

namespace ns3
{

namespace
{

/// The buffers kept between calls, in the order they were given back.
struct KeptBuffers
{
    std::array<ReadBufferPool::Buffer, ReadBufferPool::MAX_KEPT> buffers; //!< [0, count)
    std::size_t count{0};                                                 //!< in use
};

KeptBuffers&
Pool()
{
    static KeptBuffers pool;
    return pool;
}

} // namespace

ReadBufferPool::Buffer
ReadBufferPool::Take(uint32_t size)
{
    size = std::max<uint32_t>(size, 1);
    KeptBuffers& pool = Pool();
    // The most recently given back first: it is the likeliest to be in the cache.
    for (std::size_t i = pool.count; i-- > 0;)
    {
        if (pool.buffers[i].size >= size)
        {
            Buffer found = std::move(pool.buffers[i]);
            if (i != --pool.count)
            {
                pool.buffers[i] = std::move(pool.buffers[pool.count]);
            }
            return found;
        }
    }
    Buffer fresh;
    fresh.bytes.reset(new uint8_t[size]);
    fresh.size = size;
    return fresh;
}

void
ReadBufferPool::Give(Buffer buffer)
{
    KeptBuffers& pool = Pool();
    // Under ASan every buffer is freed, so that a read through a stale pointer is caught.
    if (!buffer.bytes || pool.count == MAX_KEPT || !PooledAllocation::IsRecycling())
    {
        return; // freed here
    }
    pool.buffers[pool.count++] = std::move(buffer);
}

std::size_t
ReadBufferPool::Kept()
{
    return Pool().count;
}

} // namespace ns3
