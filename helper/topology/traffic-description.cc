/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "traffic-description.h"

#include "input-file.h"
#include "message-escape.h"

#include <boost/graph/connected_components.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ns3
{

namespace
{

/// \param ns a time \return it in the largest unit that keeps it whole ("1ns", "2ms")
std::string
NsText(int64_t ns)
{
    static const std::pair<int64_t, const char*> units[] = {
        {3600000000000, "h"},
        {60000000000, "min"},
        {1000000000, "s"},
        {1000000, "ms"},
        {1000, "us"},
    };
    for (const auto& [size, unit] : units)
    {
        if (ns != 0 && ns % size == 0)
        {
            return std::to_string(ns / size) + unit;
        }
    }
    return std::to_string(ns) + "ns";
}

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
 * Parse a time that may be random: "2s", "uniform(1s,3s)" or "exp(1s)".
 * \param value the text \param random "uniform" or "exp": the one form allowed besides
 * a plain time \param ns receives the time (uniform: the lower end, exp: the mean)
 * \param upperNs receives uniform's upper end, else \p ns \param drawn receives
 * whether the value is random
 * \return empty, or what is wrong
 */
std::string
ParseRandomTime(const std::string& value,
                const std::string& random,
                int64_t& ns,
                int64_t& upperNs,
                bool& drawn)
{
    drawn = false;
    std::string head = random + "(";
    if (value.compare(0, head.size(), head) != 0)
    {
        std::string error = ParseTimeNs(value, ns);
        upperNs = ns;
        return error;
    }
    if (value.back() != ')')
    {
        return "expected " + random + "(...) with a closing parenthesis, got '" + value + "'";
    }
    std::string inside = value.substr(head.size(), value.size() - head.size() - 1);
    drawn = true;
    if (random == "exp")
    {
        std::string error = ParseTimeNs(inside, ns);
        upperNs = ns;
        if (error.empty() && ns <= 0)
        {
            error = "exp(" + inside + "): the mean must be more than 0";
        }
        return error;
    }
    std::size_t comma = inside.find(',');
    if (comma == std::string::npos)
    {
        return "expected uniform(<earliest>,<latest>), got '" + value + "'";
    }
    std::string error = ParseTimeNs(inside.substr(0, comma), ns);
    if (error.empty())
    {
        error = ParseTimeNs(inside.substr(comma + 1), upperNs);
    }
    if (error.empty() && upperNs <= ns)
    {
        error = "'" + value + "': the latest must come after the earliest";
    }
    return error;
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
        bool drawn = false;
        if (key == "start")
        {
            error = ParseRandomTime(value, "uniform", flow.startNs, flow.startMaxNs, drawn);
        }
        else if (key == "stop" || (key == "interval" && flow.kind == flow.PING))
        {
            error = ParseTimeNs(value, key == "stop" ? flow.stopNs : flow.intervalNs);
        }
        else if ((key == "on" || key == "off") && flow.kind == flow.UDP)
        {
            int64_t& target = key == "on" ? flow.onNs : flow.offNs;
            int64_t unused = 0;
            error = ParseRandomTime(value, "exp", target, unused, drawn);
            (key == "on" ? flow.onExponential : flow.offExponential) = drawn;
            if (error.empty() && target < TrafficFlow::MIN_ON_OFF_NS)
            {
                error = key + "=" + value + ": " + (drawn ? "a mean " : "") + "under " +
                        NsText(TrafficFlow::MIN_ON_OFF_NS) + "; the run would never end";
            }
        }
        else if (key == "poisson" && flow.kind == flow.UDP)
        {
            if (value != "0" && value != "1")
            {
                error = "bad poisson '" + value + "': 1 (exponential gaps) or 0";
            }
            flow.poisson = value == "1";
        }
        else if (key == "rate" && flow.kind == flow.UDP)
        {
            error = ParseRateBps(value, flow.rateBps);
        }
        else if (key == "size" && flow.kind != flow.TCP)
        {
            // UdpClient's SeqTsHeader needs 12 bytes, V4Ping's timestamp and sequence 16.
            uint64_t least = flow.kind == flow.PING ? 16 : 12;
            if (!ParseCount(value, count) || count < least || count > 65000)
            {
                error = "bad size '" + value + "': " + std::to_string(least) + " to 65000 bytes";
                if (flow.kind == flow.PING && count >= 12 && count < 16)
                {
                    error += " (a ping carries a 16-byte timestamp and sequence number)";
                }
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
    if (flow.stopNs <= flow.startMaxNs)
    {
        return where + (flow.RandomStart() ? ": stop must come after the latest start"
                                           : ": stop must come after start");
    }
    if ((flow.onNs > 0) != (flow.offNs > 0))
    {
        return where + ": on= and off= go together (on=exp(1s) off=exp(2s), or constant times)";
    }
    if (flow.OnOff() && flow.poisson)
    {
        return where + ": poisson=1 or on=/off=, not both";
    }
    if (flow.OnOff() && flow.size < 20)
    {
        return where + ": an on/off flow's size is 20 or more (its SeqTsSizeHeader), not " +
               std::to_string(flow.size);
    }
    if (flow.stopNs > TrafficFlow::MAX_TIME_NS)
    {
        return where + ": stop=" + NsText(flow.stopNs) + " is beyond " +
               NsText(TrafficFlow::MAX_TIME_NS) + ", the longest run simulated";
    }
    // A sender's period: a ping's interval, a datagram's time on the wire at the rate.
    int64_t periodNs = flow.intervalNs;
    const char* period = "an interval";
    int64_t leastNs = TrafficFlow::MIN_PING_INTERVAL_NS;
    if (flow.kind == flow.UDP)
    {
        periodNs = std::llround(flow.size * 8e9 / flow.rateBps);
        period = "a datagram interval (size*8/rate)";
        leastNs = TrafficFlow::MIN_UDP_INTERVAL_NS;
    }
    if (flow.kind != flow.TCP)
    {
        if (periodNs < leastNs)
        {
            return where + ": " + period + " of " + NsText(periodNs) + " is under " +
                   NsText(leastNs) + "; the run would never end";
        }
        int64_t packets = (flow.stopNs - flow.startNs) / periodNs;
        if (packets > TrafficFlow::MAX_PACKETS)
        {
            return where + ": " + std::to_string(packets) +
                   " packets from start to stop; at most " +
                   std::to_string(TrafficFlow::MAX_PACKETS) + " are simulated per flow";
        }
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
    std::string text;
    std::string error = ReadInputFile(path, text);
    if (!error.empty())
    {
        TrafficReadResult result;
        result.error = error;
        return result;
    }
    return Parse(text, path);
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
            result.error = EscapeControlBytes(ParseFlow(item, where, flow));
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
        result.error = EscapeControlBytes(name) + ": no flows";
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
    const TopologyNodeIndex index = IndexTopologyNodes(graph);
    for (const TrafficFlow& flow : flows)
    {
        std::optional<TopologyVertex> ends[2];
        for (int i = 0; i < 2; ++i)
        {
            auto it = index.find(i == 0 ? flow.from : flow.to);
            if (it != index.end())
            {
                ends[i] = it->second;
            }
        }
        for (int i = 0; i < 2; ++i)
        {
            if (!ends[i])
            {
                return EscapeControlBytes(flow.where + ": unknown node '" +
                                          (i == 0 ? flow.from : flow.to) + "' (not in " +
                                          graphName + ")");
            }
        }
        if (component[*ends[0]] != component[*ends[1]])
        {
            return EscapeControlBytes(flow.where + ": no path from " + flow.from + " to " +
                                      flow.to + " in " + graphName +
                                      " (the graph is not connected)");
        }
    }
    return "";
}

} // namespace ns3
