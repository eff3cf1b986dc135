/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef READ_BUFFER_POOL_H
#define READ_BUFFER_POOL_H

#include <cstdint>
#include <memory>

namespace ns3
{

/**
 * \ingroup tun
 * The user buffers of read(2) calls in progress, recycled between calls.
 *
 * A read's copy-out target is as large as the caller asks (a tun daemon asks TUNMRU,
 * 16 KiB), and lives only while the call does: allocating it per call took glibc's
 * large-chunk path and a consolidation of its fast bins on every read. A process takes
 * one when its read enters the kernel and gives it back when the call returns, so the
 * buffers in the pool are as many as the reads that were ever in progress at one time,
 * at most MAX_KEPT. A daemon asleep in select holds none. Nothing observable depends on
 * which buffer a read gets: the bytes it returns are those the driver moved. A sanitizer
 * build keeps none (PooledAllocation::IsRecycling).
 */
class ReadBufferPool
{
  public:
    /// Most buffers kept between calls; more are freed when given back.
    static constexpr std::size_t MAX_KEPT = 32;

    /// A buffer and its size.
    struct Buffer
    {
        std::unique_ptr<uint8_t[]> bytes; //!< uninitialised, like a user's buffer
        uint32_t size{0};                 //!< bytes usable
    };

    /**
     * \param size bytes needed (at least 1 is given)
     * \return a buffer of at least \p size bytes, uninitialised
     */
    static Buffer Take(uint32_t size);

    /// \param buffer one from Take, kept for a later read unless the pool is full
    static void Give(Buffer buffer);

    /// \return how many buffers are kept now
    static std::size_t Kept();
};

} // namespace ns3

#endif /* READ_BUFFER_POOL_H */
