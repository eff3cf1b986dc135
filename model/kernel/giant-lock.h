/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef GIANT_LOCK_H
#define GIANT_LOCK_H

#include "front-queue.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <functional>
#include <utility>

/**
 * \file
 * \ingroup tun
 * The per-node MP lock ("Giant") that serialises non-MPSAFE device operations.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A FIFO mutual-exclusion lock in simulated time (get_mplock / rel_mplock).
 *
 * Acquire() runs the continuation at once when the lock is free; otherwise it waits,
 * in arrival order, until Release() hands the lock over. The time a waiter spends in
 * the queue is the contention the cost model makes visible.
 */
class GiantLock
{
  public:
    /**
     * Take the lock, then run \p granted (get_mplock). A free lock runs it at once,
     * with no std::function made: the common case, on every dispatch through Giant.
     * \tparam Granted a callable with no arguments
     * \param granted what to do while holding the lock; it must lead to Release()
     */
    template <typename Granted>
    void Acquire(Granted&& granted)
    {
        if (m_held)
        {
            Wait(std::function<void()>(std::forward<Granted>(granted)));
            return;
        }
        m_held = true;
        ++m_acquisitions;
        granted();
    }

    /// Drop the lock (rel_mplock); the longest waiter, if any, gets it now.
    void Release();

    /// \return true while some operation holds the lock
    bool IsHeld() const;

    /// \return how many times the lock was taken
    uint64_t GetAcquisitions() const;

    /// \return how many of those had to wait for another holder
    uint64_t GetContentions() const;

    /// \return the simulated time spent waiting, summed over all waiters
    Time GetTotalWait() const;

  private:
    /// \param granted queue it until the lock is handed over
    void Wait(std::function<void()> granted);

    /// A queued Acquire().
    struct Waiter
    {
        Time since;                    //!< when it started waiting
        std::function<void()> granted; //!< its continuation
    };

    bool m_held{false};           //!< lock state
    FrontQueue<Waiter> m_waiters; //!< FIFO of waiting continuations
    uint64_t m_acquisitions{0};   //!< lock grants
    uint64_t m_contentions{0};    //!< grants that waited
    Time m_totalWait;             //!< summed waiting time
};

} // namespace ns3

#endif /* GIANT_LOCK_H */
