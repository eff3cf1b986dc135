/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kernel-cost-model.h"

#include "ns3/log.h"
#include "ns3/nstime.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("KernelCostModel");

NS_OBJECT_ENSURE_REGISTERED(KernelCostModel);

TypeId
KernelCostModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::KernelCostModel")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<KernelCostModel>()
            .AddAttribute("SyscallTime",
                          "Time one system call spends crossing into the kernel and back.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&KernelCostModel::m_syscallTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("CopyTimePerKiB",
                          "Time uiomove takes to copy 1024 bytes between user and kernel "
                          "memory (charged pro rata).",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&KernelCostModel::m_copyTimePerKiB),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("WakeupLatency",
                          "Time between wakeup() and the sleeping process running again.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&KernelCostModel::m_wakeupLatency),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("GiantHoldTime",
                          "Time one non-MPSAFE device operation holds the node's Giant lock.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&KernelCostModel::m_giantHoldTime),
                          MakeTimeChecker(Time(0)));
    return tid;
}

Time
KernelCostModel::GetSyscallTime() const
{
    return m_syscallTime;
}

Time
KernelCostModel::GetCopyTime(uint64_t bytes) const
{
    // Integer arithmetic in the time unit keeps results identical across hosts.
    return TimeStep(m_copyTimePerKiB.GetTimeStep() * static_cast<int64_t>(bytes) / 1024);
}

Time
KernelCostModel::GetWakeupLatency() const
{
    return m_wakeupLatency;
}

Time
KernelCostModel::GetGiantHoldTime() const
{
    return m_giantHoldTime;
}

} // namespace ns3
