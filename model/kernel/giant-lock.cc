/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "giant-lock.h"

#include "ns3/assert.h"
#include "ns3/simulator.h"

namespace ns3
{

void
GiantLock::Wait(std::function<void()> granted)
{
    m_waiters.push_back({Simulator::Now(), std::move(granted)});
}

void
GiantLock::Release()
{
    NS_ASSERT_MSG(m_held, "GiantLock released while not held");
    if (m_waiters.empty())
    {
        m_held = false;
        return;
    }
    // Hand the lock straight to the longest waiter: it never becomes free in between.
    Waiter next = std::move(m_waiters.front());
    m_waiters.pop_front();
    ++m_acquisitions;
    ++m_contentions;
    m_totalWait += Simulator::Now() - next.since;
    next.granted();
}

bool
GiantLock::IsHeld() const
{
    return m_held;
}

uint64_t
GiantLock::GetAcquisitions() const
{
    return m_acquisitions;
}

uint64_t
GiantLock::GetContentions() const
{
    return m_contentions;
}

Time
GiantLock::GetTotalWait() const
{
    return m_totalWait;
}

} // namespace ns3
