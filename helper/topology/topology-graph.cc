/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-graph.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace ns3
{

namespace
{

/**
 * Split "12.5Mbps" into 12.5 and "Mbps".
 * \param text the value \param number receives the number \param unit receives the rest
 * \return false when there is no number, or it is negative or not finite
 */
bool
SplitNumber(const std::string& text, double& number, std::string& unit)
{
    if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.'))
    {
        return false;
    }
    const char* begin = text.c_str();
    char* end = nullptr;
    errno = 0;
    number = std::strtod(begin, &end);
    if (end == begin || errno != 0 || !std::isfinite(number) || number < 0)
    {
        return false;
    }
    unit = std::string(end);
    return true;
}

} // namespace

std::string
LinkKindName(LinkKind kind)
{
    switch (kind)
    {
    case LinkKind::P2P:
        return "p2p";
    case LinkKind::PPP_TUN:
        return "ppp-tun";
    case LinkKind::UDP_TUN:
        return "udp-tun";
    }
    return "?";
}

std::optional<LinkKind>
ParseLinkKind(const std::string& name)
{
    for (LinkKind kind : {LinkKind::P2P, LinkKind::PPP_TUN, LinkKind::UDP_TUN})
    {
        if (LinkKindName(kind) == name)
        {
            return kind;
        }
    }
    return std::nullopt;
}

std::string
ParseRateBps(const std::string& text, uint64_t& bps)
{
    static const std::map<std::string, double> units = {
        {"", 1},
        {"bps", 1},
        {"b/s", 1},
        {"kbps", 1e3},
        {"Kbps", 1e3},
        {"kb/s", 1e3},
        {"Mbps", 1e6},
        {"Mb/s", 1e6},
        {"Gbps", 1e9},
        {"Gb/s", 1e9},
    };
    double number = 0;
    std::string unit;
    if (!SplitNumber(text, number, unit))
    {
        return "bad rate '" + text + "': expected a number and a unit, e.g. 10Mbps";
    }
    auto it = units.find(unit);
    if (it == units.end())
    {
        return "bad rate '" + text + "': unknown unit '" + unit + "' (bps, kbps, Mbps, Gbps)";
    }
    double value = std::round(number * it->second);
    if (value < 1 || value > 1e15)
    {
        return "bad rate '" + text + "': out of range (1bps to 1000Tbps)";
    }
    bps = static_cast<uint64_t>(value);
    return "";
}

std::string
ParseTimeNs(const std::string& text, int64_t& ns)
{
    static const std::map<std::string, double> units = {
        {"", 1e9},
        {"s", 1e9},
        {"ms", 1e6},
        {"us", 1e3},
        {"ns", 1},
        {"min", 60e9},
    };
    double number = 0;
    std::string unit;
    if (!SplitNumber(text, number, unit))
    {
        return "bad time '" + text + "': expected a number and a unit, e.g. 2ms";
    }
    auto it = units.find(unit);
    if (it == units.end())
    {
        return "bad time '" + text + "': unknown unit '" + unit + "' (s, ms, us, ns, min)";
    }
    double value = std::round(number * it->second);
    if (value > 1e18)
    {
        return "bad time '" + text + "': too large";
    }
    ns = static_cast<int64_t>(value);
    return "";
}

uint64_t
TopologyLink::GetRateBps() const
{
    return !rateGiven && baudGiven ? baud * 8 / 10 : rateBps;
}

uint64_t
TopologyLink::GetBaud() const
{
    return !baudGiven && rateGiven ? (rateBps * 10 + 7) / 8 : baud;
}

bool
TopologyLink::IsAttribute(const std::string& name)
{
    return name == "kind" || name == "rate" || name == "baud" || name == "delay" ||
           name == "error" || name == "queue";
}

std::string
TopologyLink::Set(const std::string& name, const std::string& value)
{
    if (name == "kind")
    {
        std::optional<LinkKind> parsed = ParseLinkKind(value);
        if (!parsed)
        {
            return "unknown link kind '" + value + "' (p2p, ppp-tun, udp-tun)";
        }
        kind = *parsed;
        return "";
    }
    if (name == "rate")
    {
        rateGiven = true;
        return ParseRateBps(value, rateBps);
    }
    if (name == "delay")
    {
        std::string error = ParseTimeNs(value, delayNs);
        return error.empty() ? "" : "bad delay: " + error;
    }
    double number = 0;
    std::string unit;
    bool numeric = SplitNumber(value, number, unit) && unit.empty();
    if (name == "baud")
    {
        if (!numeric || number < 1 || number > 1e10 || number != std::floor(number))
        {
            return "bad baud '" + value + "': expected a whole number of bits per second";
        }
        baud = static_cast<uint64_t>(number);
        baudGiven = true;
        return "";
    }
    if (name == "error")
    {
        if (!numeric || number > 1)
        {
            return "bad error rate '" + value + "': expected a number from 0 to 1";
        }
        error = number;
        return "";
    }
    if (name == "queue")
    {
        if (!numeric || number < 1 || number > 1e7 || number != std::floor(number))
        {
            return "bad queue '" + value + "': expected a whole number of packets";
        }
        queue = static_cast<uint32_t>(number);
        return "";
    }
    return "unknown link attribute '" + name + "'";
}

std::optional<TopologyVertex>
FindTopologyNode(const TopologyGraph& graph, const std::string& name)
{
    for (TopologyVertex v = 0; v < boost::num_vertices(graph); ++v)
    {
        if (graph[v].name == name)
        {
            return v;
        }
    }
    return std::nullopt;
}

TopologyNodeIndex
IndexTopologyNodes(const TopologyGraph& graph)
{
    TopologyNodeIndex index;
    index.reserve(boost::num_vertices(graph));
    for (TopologyVertex v = 0; v < boost::num_vertices(graph); ++v)
    {
        index.emplace(graph[v].name, v);
    }
    return index;
}

} // namespace ns3
