/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer harness: TrafficDescription::Parse on any text, then, when it parses, Check
// against a small topology. Every message names the input and carries no control byte.

#include "fuzz-messages.h"

#include "ns3/traffic-description.h"

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    const std::string name = "fuzz.traffic";
    TrafficReadResult result =
        TrafficDescription::Parse(std::string(reinterpret_cast<const char*>(data), size), name);
    if (!result.Ok())
    {
        fuzz::CheckMessage(result.error, name);
        return 0;
    }
    // a -- b -- c, and d alone.
    TopologyGraph graph;
    for (const char* node : {"a", "b", "c", "d"})
    {
        boost::add_vertex(TopologyNode{node}, graph);
    }
    boost::add_edge(0, 1, TopologyLink(), graph);
    boost::add_edge(1, 2, TopologyLink(), graph);
    std::string problem = TrafficDescription::Check(result.flows, graph, "graph.dot");
    if (!problem.empty())
    {
        fuzz::CheckMessage(problem, name);
    }
    return 0;
}
