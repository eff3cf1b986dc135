/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sigio-owner.h"

#include "bsd-errno.h"
#include "bsd-process.h"
#include "process-table.h"

namespace ns3
{

int
SigioOwner::Set(int32_t pgid, Ptr<ProcessTable> table, Ptr<BsdProcess> caller)
{
    if (pgid == 0)
    {
        Clear();
        return BSD_OK;
    }
    // pfind or pgfind; every member of a process group is in the group's session.
    Ptr<BsdProcess> owner;
    if (pgid > 0)
    {
        owner = table->Find(pgid);
    }
    else if (auto group = table->FindGroup(-pgid); !group.empty())
    {
        owner = group.front();
    }
    if (!owner)
    {
        return BSD_ESRCH;
    }
    if (caller && owner->GetSid() != caller->GetSid())
    {
        return BSD_EPERM; // "Policy - Don't allow a process to FSETOWN a process in
                          // another session" (fsetown)
    }
    m_pgid = pgid;
    m_table = table;
    return BSD_OK;
}

int32_t
SigioOwner::Get() const
{
    if (m_pgid == 0 || !m_table)
    {
        return 0;
    }
    // An exiting process takes its sigio registrations with it.
    bool exists =
        m_pgid > 0 ? m_table->Find(m_pgid) != nullptr : !m_table->FindGroup(-m_pgid).empty();
    return exists ? m_pgid : 0;
}

void
SigioOwner::Clear()
{
    m_pgid = 0;
    m_table = nullptr;
}

void
SigioOwner::Signal(int32_t sig) const
{
    if (m_pgid == 0 || !m_table)
    {
        return;
    }
    if (m_pgid > 0)
    {
        if (Ptr<BsdProcess> p = m_table->Find(m_pgid))
        {
            p->Kill(sig);
        }
        return;
    }
    for (auto& p : m_table->FindGroup(-m_pgid))
    {
        p->Kill(sig);
    }
}

bool
SigioOwner::IsSet() const
{
    return m_pgid != 0;
}

} // namespace ns3
