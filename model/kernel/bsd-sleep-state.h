/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_SLEEP_STATE_H
#define BSD_SLEEP_STATE_H

#include "ns3/nstime.h"

#include <cstdint>
#include <functional>
#include <string>

/**
 * \file
 * \ingroup tun
 * A process's sleep state: what tsleep records about it (kern_synch.c).
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A process's sleep state: the per-process part of FreeBSD's kern_synch.c, what
 * tsleep records in struct proc before mi_switch and setrunnable clears: the wait
 * channel (p_wchan), the wait message (p_wmesg), PCATCH (P_SINTR), the timeout (timo,
 * whose callout a serial number makes cancellable across contexts), and, as a sleep
 * here cannot block a thread, what runs when it ends: the driver's continuation (the
 * rest of its operation) and the dispatcher's.
 *
 * A sleep has two steps: Request when the driver's tsleep returns BSD_ESLEEP, Park when
 * the dispatcher switches away; End makes the process runnable again. A value type: the
 * process puts itself on its table's sleep queue and schedules the timeout and the run.
 */
class BsdSleepState
{
  public:
    /**
     * tsleep's bookkeeping, before the switch away.
     * \param chan wait channel \param wmesg what the sleep is for
     * \param catchable PCATCH: a signal interrupts the sleep
     * \param timeout zero for none
     * \param resume the driver's continuation
     */
    void Request(const void* chan,
                 const std::string& wmesg,
                 bool catchable,
                 const Time& timeout,
                 std::function<int(int)>&& resume)
    {
        m_requested = true;
        m_waitChannel = chan;
        m_waitMessage = wmesg;
        m_catchable = catchable;
        m_timeout = timeout;
        m_resume = std::move(resume);
    }

    /**
     * mi_switch: the requested sleep starts.
     * \param onWake the dispatcher's continuation, for End to hand back
     * \return the sleep's serial number, for its timeout to check with IsCurrent
     */
    uint64_t Park(std::function<void(int)>&& onWake)
    {
        m_requested = false;
        m_sleeping = true;
        ++m_serial;
        m_onWake = std::move(onWake);
        return m_serial;
    }

    /**
     * setrunnable: the sleep is over; the process leaves its channel.
     * \return the dispatcher's continuation Park was given
     */
    std::function<void(int)> End()
    {
        m_sleeping = false;
        m_waitChannel = nullptr;
        m_waitMessage.clear();
        std::function<void(int)> onWake = std::move(m_onWake);
        return onWake;
    }

    /// \return the driver's continuation the last Request registered, leaving none
    std::function<int(int)> TakeContinuation()
    {
        return std::move(m_resume);
    }

    /// \return true between Request and Park
    bool IsRequested() const
    {
        return m_requested;
    }

    /// \return true between Park and End
    bool IsSleeping() const
    {
        return m_sleeping;
    }

    /// \return true while parked in a sleep a signal interrupts (PCATCH)
    bool IsInterruptible() const
    {
        return m_sleeping && m_catchable;
    }

    /// \param chan a wait channel \return true while parked on \p chan
    bool IsSleepingOn(const void* chan) const
    {
        return m_sleeping && m_waitChannel == chan;
    }

    /// \param serial a sleep's serial number \return true while that sleep lasts (a
    /// timeout that finds another has gone stale)
    bool IsCurrent(uint64_t serial) const
    {
        return m_sleeping && m_serial == serial;
    }

    /// \return the wait channel (p_wchan), or null
    const void* GetChannel() const
    {
        return m_waitChannel;
    }

    /// \return the wait message (p_wmesg), or ""
    const std::string& GetWaitMessage() const
    {
        return m_waitMessage;
    }

    /// \return the requested sleep's timeout, zero for none
    const Time& GetTimeout() const
    {
        return m_timeout;
    }

    /// Drop both continuations (disposal: they may hold objects).
    void DropContinuations();

  private:
    bool m_requested{false};            //!< Request done, not parked yet
    bool m_sleeping{false};             //!< parked
    const void* m_waitChannel{nullptr}; //!< p_wchan
    std::string m_waitMessage;          //!< p_wmesg
    bool m_catchable{false};            //!< PCATCH
    Time m_timeout;                     //!< timo
    uint64_t m_serial{0};               //!< numbers sleeps, to spot stale timeouts
    std::function<int(int)> m_resume;   //!< the driver's continuation
    std::function<void(int)> m_onWake;  //!< the dispatcher's continuation
};

} // namespace ns3

#endif /* BSD_SLEEP_STATE_H */
