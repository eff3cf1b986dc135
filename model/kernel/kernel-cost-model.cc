/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "kernel-cost-model.h"

#include "ns3/log.h"
#include "ns3/nstime.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

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

bool
KernelCostModel::LoadProfile(const std::string& path, std::string* error)
{
    std::ifstream in(path);
    if (!in)
    {
        *error = path + ": cannot be read";
        return false;
    }
    std::vector<std::pair<std::string, Time>> settings;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
    {
        std::string where = path + ":" + std::to_string(number) + ": ";
        std::istringstream words(line.substr(0, line.find('#')));
        std::string name;
        std::string value;
        std::string extra;
        if (!(words >> name))
        {
            continue; // blank or comment
        }
        TypeId::AttributeInformation info;
        if (name == "Time" || !GetTypeId().LookupAttributeByName(name, &info))
        {
            *error = where + "unknown attribute \"" + name + "\"";
            return false;
        }
        if (!(words >> value) || (words >> extra))
        {
            *error = where + "expected \"" + name + " <time>\", e.g. \"" + name + " 250ns\"";
            return false;
        }
        // ns-3 aborts on a time it cannot parse, so the form is checked here first.
        static const std::regex timeForm("[0-9]+(\\.[0-9]+)?(y|d|h|min|s|ms|us|ns|ps|fs)");
        if (!std::regex_match(value, timeForm))
        {
            *error = where + "\"" + value + "\" is not a non-negative time with a unit";
            return false;
        }
        settings.emplace_back(name, Time(value));
    }
    for (const auto& [name, value] : settings)
    {
        SetAttribute(name, TimeValue(value));
    }
    return true;
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
