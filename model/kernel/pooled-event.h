/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef POOLED_EVENT_H
#define POOLED_EVENT_H

#include "pooled-allocation.h"

#include "ns3/event-impl.h"

#include <utility>

namespace ns3
{

/**
 * \ingroup tun
 * A simulator event that runs a callable, in storage from PooledAllocation.
 *
 * What ns-3's MakeEvent makes for a lambda, less its two allocations (the event and the
 * std::function holding the lambda): the kernel schedules several per packet, one per
 * return to user mode and one per wakeup. It is scheduled by the same Simulator call, so
 * it takes its place among same-time events exactly as a MakeEvent event would, and the
 * simulator owns and frees it the same way.
 *
 * \tparam F a callable taking no argument
 */
template <typename F>
class PooledEvent : public EventImpl, public PooledAllocation
{
  public:
    /// \param function what the event runs
    explicit PooledEvent(F function)
        : m_function(std::move(function))
    {
    }

    using PooledAllocation::operator new;
    using PooledAllocation::operator delete;

  private:
    void Notify() override
    {
        m_function();
    }

    F m_function; //!< what the event runs
};

/**
 * \param function a callable taking no argument
 * \return an event for Simulator::Schedule / ScheduleWithContext, which take it over
 */
template <typename F>
EventImpl*
MakePooledEvent(F function)
{
    return new PooledEvent<F>(std::move(function));
}

} // namespace ns3

#endif /* POOLED_EVENT_H */
