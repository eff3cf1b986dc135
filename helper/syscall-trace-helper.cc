/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "syscall-trace-helper.h"

#include "ns3/bsd-kernel.h"
#include "ns3/process-table.h"
#include "ns3/simulator.h"
#include "ns3/syscall-record.h"

namespace ns3
{

void
SyscallTraceHelper::SetProcessName(const std::string& name)
{
    m_processName = name;
}

void
SyscallTraceHelper::EnableText(const std::string& filename, NodeContainer nodes)
{
    Enable(Create<OutputStreamWrapper>(filename, std::ios::out), nodes, false);
}

void
SyscallTraceHelper::EnableCsv(const std::string& filename, NodeContainer nodes)
{
    Ptr<OutputStreamWrapper> stream = Create<OutputStreamWrapper>(filename, std::ios::out);
    *stream->GetStream() << SyscallRecord::CsvHeader() << "\n";
    Enable(stream, nodes, true);
}

void
SyscallTraceHelper::Enable(Ptr<OutputStreamWrapper> stream, NodeContainer nodes, bool csv)
{
    // Complete on disk when the simulation is destroyed, whoever still holds the nodes.
    Simulator::ScheduleDestroy([stream] { stream->GetStream()->flush(); });
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        // The table exists from the switch's installation on; processes come and go.
        Ptr<ProcessTable> table = BsdKernel::Install(*it)->GetProcessTable();
        table->TraceConnectWithoutContext(
            "Syscall",
            Callback<void, const SyscallRecord&>(
                [stream, csv, name = m_processName](const SyscallRecord& r) {
                    if (name.empty() || r.comm == name)
                    {
                        *stream->GetStream() << (csv ? r.ToCsv() : r.ToText()) << "\n";
                    }
                }));
    }
}

} // namespace ns3
