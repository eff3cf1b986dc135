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
