/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sel-info.h"

#include "bsd-process.h"

#include <algorithm>

namespace ns3
{

void
SelInfo::Record(Ptr<BsdProcess> process)
{
    if (process && std::find(m_processes.begin(), m_processes.end(), process) == m_processes.end())
    {
        m_processes.push_back(process);
    }
}

void
SelInfo::Wakeup()
{
    std::vector<Ptr<BsdProcess>> recorded;
    recorded.swap(m_processes);
    for (auto& p : recorded)
    {
        p->Selwakeup();
    }
    KeepCapacity(recorded);
}

void
SelInfo::WakeupSleepers()
{
    std::vector<Ptr<BsdProcess>> recorded;
    recorded.swap(m_processes);
    for (auto& p : recorded)
    {
        if (p->IsSleeping())
        {
            p->Selwakeup();
        }
    }
    KeepCapacity(recorded);
}

void
SelInfo::KeepCapacity(std::vector<Ptr<BsdProcess>>& emptied)
{
    // The next selrecord would allocate again: a poller records itself on every scan.
    emptied.clear();
    if (m_processes.empty())
    {
        m_processes.swap(emptied);
    }
}

std::size_t
SelInfo::GetRecordedCount() const
{
    return m_processes.size();
}

void
SelInfo::Clear()
{
    m_processes.clear();
}

} // namespace ns3
