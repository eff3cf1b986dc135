/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pooled-allocation.h"

#include <array>
#include <new>

namespace ns3
{

namespace
{

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRecycle = false; // ASan must see every free to catch a use after it
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kRecycle = false;
#else
constexpr bool kRecycle = true;
#endif
#else
constexpr bool kRecycle = true;
#endif

constexpr std::size_t kGranule = 16;

/// A free block: its first bytes link it to the next.
struct FreeBlock
{
    FreeBlock* next; //!< the next free block of this size
};

/// The free lists, by size in granules; the simulator runs on one thread.
std::array<FreeBlock*, PooledAllocation::MAX_POOLED / kGranule + 1> g_free{};

std::size_t
ListOf(std::size_t size)
{
    return (size + kGranule - 1) / kGranule;
}

} // namespace

void*
PooledAllocation::operator new(std::size_t size)
{
    if (kRecycle && size <= MAX_POOLED)
    {
        std::size_t list = ListOf(size);
        if (FreeBlock* b = g_free[list])
        {
            g_free[list] = b->next;
            return b;
        }
        return ::operator new(list* kGranule); // the size its list hands out
    }
    return ::operator new(size);
}

void
PooledAllocation::operator delete(void* p, std::size_t size)
{
    if (!p)
    {
        return;
    }
    if (kRecycle && size <= MAX_POOLED)
    {
        auto b = static_cast<FreeBlock*>(p);
        std::size_t list = ListOf(size);
        b->next = g_free[list];
        g_free[list] = b;
        return;
    }
    ::operator delete(p);
}

bool
PooledAllocation::IsRecycling()
{
    return kRecycle;
}

} // namespace ns3
