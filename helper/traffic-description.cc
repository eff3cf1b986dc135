/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "traffic-description.h"

#include <boost/graph/connected_components.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ns3
{

namespace
{

/// \param text a whole number \param value receives it \return false if it is not one
bool
ParseCount(const std::string& text, uint64_t& value)
{
    if (text.empty() || text.size() > 15)
    {
        return false;
    }
    for (char c : text)
    {
        if (!std::isdigit(static_cast<unsigned char>(c)))
        {
            return false;
        }
    }
    value = std::strtoull(text.c_str(), nullptr, 10);
    return true;
}

/**
 * Parse one flow.
 * \param item the text \param where its place, for messages \param flow receives it
 * \return empty, or what is wrong
 */
std::string
ParseFlow(const std::string& item, const std::string& where, TrafficFlow& flow)
{
    std::istringstream words(item);
    std::string kind;
    words >> kind >> flow.from >> flow.to;
    flow.where = where;
    if (kind == "udp")
    {
        flow.kind = TrafficFlow::UDP;
    }
    else if (kind == "tcp")
    {
        flow.kind = TrafficFlow::TCP;
    }
    else if (kind == "ping")
    {
        flow.kind = TrafficFlow::PING;
        flow.size = 56;
    }
    else
    {
        return where + ": unknown flow kind '" + kind + "' (udp, tcp, ping)";
    }
    if (flow.to.empty())
    {
        return where + ": expected '" + kind + " <from> <to> [key=value...]'";
    }
    std::string option;
    while (words >> option)
    {
        std::size_t eq = option.find('=');
        if (eq == std::string::npos)
        {
            return where + ": expected key=value, got '" + option + "'";
        }
        std::string key = option.substr(0, eq);
        std::string value = option.substr(eq + 1);
        std::string error;
        uint64_t count = 0;
        if (key == "start" || key == "stop" || (key == "interval" && flow.kind == flow.PING))
        {
            int64_t& target = key == "start"  ? flow.startNs
                              : key == "stop" ? flow.stopNs
                                              : flow.intervalNs;
            error = ParseTimeNs(value, target);
        }
        else if (key == "rate" && flow.kind == flow.UDP)
        {
            error = ParseRateBps(value, flow.rateBps);
        }
        else if (key == "size" && flow.kind != flow.TCP)
        {
            if (!ParseCount(value, count) || count < 12 || count > 65000)
            {
                error = "bad size '" + value + "': 12 to 65000 bytes";
            }
            flow.size = static_cast<uint32_t>(count);
        }
        else if (key == "bytes" && flow.kind == flow.TCP)
        {
            if (!ParseCount(value, count))
            {
                error = "bad bytes '" + value + "': a whole number";
            }
            flow.bytes = count;
        }
        else
        {
            error = "unknown option '" + key + "' for a " + kind + " flow";
        }
        if (!error.empty())
        {
            return where + ": " + error;
        }
    }
    if (flow.stopNs <= flow.startNs)
    {
        return where + ": stop must come after start";
    }
    if (flow.kind == flow.PING && flow.intervalNs <= 0)
    {
        return where + ": the interval must be positive";
    }
    if (flow.from == flow.to)
    {
        return where + ": a flow from " + flow.from + " to itself";
    }
    return "";
}

} // namespace

std::string
TrafficFlow::KindName(Kind kind)
{
    switch (kind)
    {
    case UDP:
        return "udp";
    case TCP:
        return "tcp";
    case PING:
        return "ping";
    }
    return "?";
}

std::string
TrafficFlow::Label() const
{
    return KindName(kind) + " " + from + "->" + to;
}

TrafficReadResult
TrafficDescription::Read(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        TrafficReadResult result;
        result.error = path + ": cannot read the file";
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return Parse(text.str(), path);
}

TrafficReadResult
TrafficDescription::Parse(const std::string& text, const std::string& name)
{
    TrafficReadResult result;
    // Lines, and ';'-separated items within a line (a description on a command line).
    std::istringstream lines(text);
    std::string line;
    uint32_t number = 0;
    while (std::getline(lines, line))
    {
        ++number;
        line = line.substr(0, line.find('#'));
        std::istringstream items(line);
        std::string item;
        uint32_t itemNumber = 0;
        bool several = line.find(';') != std::string::npos;
        while (std::getline(items, item, ';'))
        {
            ++itemNumber;
            if (item.find_first_not_of(" \t\r") == std::string::npos)
            {
                continue;
            }
            std::string where = name + ":" + std::to_string(number);
            if (several)
            {
                where += " (item " + std::to_string(itemNumber) + ")";
            }
            TrafficFlow flow;
            result.error = ParseFlow(item, where, flow);
            if (!result.Ok())
            {
                result.flows.clear();
                return result;
            }
            result.flows.push_back(flow);
        }
    }
    if (result.flows.empty())
    {
        result.error = name + ": no flows";
    }
    return result;
}

std::string
TrafficDescription::Check(const std::vector<TrafficFlow>& flows,
                          const TopologyGraph& graph,
                          const std::string& graphName)
{
    std::vector<int> component(boost::num_vertices(graph));
    boost::connected_components(graph, component.data());
    for (const TrafficFlow& flow : flows)
    {
        std::optional<TopologyVertex> ends[2] = {FindTopologyNode(graph, flow.from),
                                                 FindTopologyNode(graph, flow.to)};
        for (int i = 0; i < 2; ++i)
        {
            if (!ends[i])
            {
                return flow.where + ": unknown node '" + (i == 0 ? flow.from : flow.to) +
                       "' (not in " + graphName + ")";
            }
        }
        if (component[*ends[0]] != component[*ends[1]])
        {
            return flow.where + ": no path from " + flow.from + " to " + flow.to + " in " +
                   graphName + " (the graph is not connected)";
        }
    }
    return "";
}

} // namespace ns3
