/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef POOLED_ALLOCATION_H
#define POOLED_ALLOCATION_H

#include <cstddef>

/**
 * \file
 * \ingroup tun
 * Recycled storage for the objects every system call makes and drops.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Class-specific operator new and delete that recycle blocks by size.
 *
 * Every dispatch through the device switch makes an argument object and a request and
 * frees them when the call completes: several per system call, and a simulated daemon
 * makes hundreds of thousands of calls. A freed block goes onto a list for its size
 * (multiples of 16 bytes, up to MAX_POOLED) and the next object of that size takes it,
 * so the hot path makes no trip through malloc. The lists only grow to the most objects
 * alive at once; larger objects, and every object in a sanitizer build (whose checks
 * need real frees), use the global operators.
 *
 * A class derives from it, and its derived classes share it; the size a delete receives
 * is the dynamic type's when the destructor is virtual.
 */
class PooledAllocation
{
  public:
    /// Largest object recycled, in bytes.
    static constexpr std::size_t MAX_POOLED = 512;

    /// \param size bytes \return storage for one object
    static void* operator new(std::size_t size);
    /// \param p storage from operator new \param size the object's size
    static void operator delete(void* p, std::size_t size);

    /// \return whether freed blocks are recycled (not in a sanitizer build)
    static bool IsRecycling();
};

} // namespace ns3

#endif /* POOLED_ALLOCATION_H */
