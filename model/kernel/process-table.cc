/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "process-table.h"

#include "bsd-process.h"
#include "syscall-record.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ProcessTable");

NS_OBJECT_ENSURE_REGISTERED(ProcessTable);

TypeId
ProcessTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::ProcessTable")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<ProcessTable>()
            .AddAttribute("FirstPid",
                          "The first pid handed to a process that does not ask for one.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&ProcessTable::m_firstPid),
                          MakeUintegerChecker<uint32_t>(1, 99999))
            .AddTraceSource("Syscall",
                            "A system call of any process on the node enters (CALL) or "
                            "returns (RET): the node's ktrace.",
                            MakeTraceSourceAccessor(&ProcessTable::m_syscallTrace),
                            "ns3::BsdProcess::SyscallTracedCallback");
    return tid;
}

uint32_t
ProcessTable::Register(Ptr<BsdProcess> process, uint32_t pid)
{
    if (pid != 0)
    {
        NS_ABORT_MSG_IF(m_processes.count(pid),
                        "ProcessTable: pid " << pid << " is already in use on this node");
    }
    else
    {
        if (m_nextPid < m_firstPid)
        {
            m_nextPid = m_firstPid;
        }
        while (m_processes.count(m_nextPid))
        {
            ++m_nextPid;
        }
        pid = m_nextPid++;
    }
    m_processes[pid] = process;
    NS_LOG_DEBUG("pid " << pid << " registered");
    return pid;
}

void
ProcessTable::Unregister(uint32_t pid)
{
    m_processes.erase(pid);
}

Ptr<BsdProcess>
ProcessTable::Find(uint32_t pid) const
{
    auto it = m_processes.find(pid);
    return it == m_processes.end() ? nullptr : it->second;
}

std::vector<Ptr<BsdProcess>>
ProcessTable::FindGroup(uint32_t pgid) const
{
    std::vector<Ptr<BsdProcess>> group;
    for (const auto& [pid, p] : m_processes)
    {
        if (p->GetPgid() == pgid)
        {
            group.push_back(p);
        }
    }
    return group;
}

void
ProcessTable::Wakeup(const void* chan)
{
    if (m_sleepers.empty())
    {
        return;
    }
    // Take the channel's sleepers first, in order: a woken process may sleep on it again.
    std::vector<Ptr<BsdProcess>> woken;
    woken.swap(m_woken); // a Wakeup made meanwhile would find it empty, and still work
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_sleepers.size(); ++i)
    {
        if (m_sleepers[i].chan == chan)
        {
            woken.push_back(m_sleepers[i].process);
        }
        else
        {
            if (kept != i)
            {
                m_sleepers[kept] = m_sleepers[i];
            }
            ++kept;
        }
    }
    m_sleepers.resize(kept);
    for (auto& p : woken)
    {
        p->Wake(0);
    }
    woken.clear();
    if (m_woken.capacity() < woken.capacity())
    {
        m_woken.swap(woken);
    }
}

void
ProcessTable::AddSleeper(const void* chan, Ptr<BsdProcess> process)
{
    m_sleepers.push_back(Sleeper{chan, process});
}

void
ProcessTable::RemoveSleeper(const void* chan, Ptr<BsdProcess> process)
{
    auto asleep = [&](const Sleeper& s) { return s.chan == chan && s.process == process; };
    m_sleepers.erase(std::remove_if(m_sleepers.begin(), m_sleepers.end(), asleep),
                     m_sleepers.end());
}

std::size_t
ProcessTable::GetSleeperCount(const void* chan) const
{
    return std::count_if(m_sleepers.begin(), m_sleepers.end(), [chan](const Sleeper& s) {
        return s.chan == chan;
    });
}

void
ProcessTable::DoDispose()
{
    // The node's kernel goes away with the processes still running on it. Disposing them
    // drops their descriptors, which breaks the cycle a poller recorded in a socket's
    // selinfo makes (process, file, socket, selinfo, process).
    std::map<uint32_t, Ptr<BsdProcess>> processes;
    processes.swap(m_processes);
    for (auto& [pid, process] : processes)
    {
        process->Dispose();
    }
    m_sleepers.clear();
    m_woken.clear();
    Object::DoDispose();
}

void
ProcessTable::NotifySyscall(const SyscallRecord& record)
{
    m_syscallTrace(record);
}

bool
ProcessTable::HasSyscallTracers() const
{
    return !m_syscallTrace.IsEmpty();
}

void
ProcessTable::CountSyscall()
{
    ++m_syscalls;
}

uint64_t
ProcessTable::GetSyscallCount() const
{
    return m_syscalls;
}

} // namespace ns3
