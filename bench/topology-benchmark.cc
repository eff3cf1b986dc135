/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Benchmark (not a test): the cost of a large topology. A generated 4-ary tree (or a
// ring) of --nodes nodes is written as DOT, read back with TunTopologyReader, and built with
// TopologyBuilder once per link kind: every link native PointToPoint, every link
// user-PPP over tun on a serial line, every link a UDP tunnel over PointToPoint. Each
// kind then runs --simTime of simulated time with no traffic, long enough for every
// PPP link to negotiate LCP and IPCP.
//
// Each kind runs in its own child process, so its peak memory (ru_maxrss) is its own.
// Reported: read, build and run wall time, peak RSS, simulator events, and for ppp-tun
// how many links reached IPCP Opened. Routing is off by default: static routes on every
// node to every link are (links - degree) per node, 10^8 at 10,000 nodes; --routing=static
// measures them on smaller graphs. Build with ./build.sh bench (Release).
//
//   topology-benchmark [--nodes=10000] [--shape=tree|ring] [--simTime=3s]
//                      [--kinds=p2p,ppp-tun,ppp-tun-frame,udp-tun] [--routing=none|static]

#include "run-in-child.h"

#include "ns3/core-module.h"
#include "ns3/tun-module.h"
#include "ns3/tun-topology-module.h"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

namespace
{

/// What one kind measured (written through a pipe by the child).
struct Result
{
    double readS{0};        //!< parse the DOT text
    double buildS{0};       //!< TopologyBuilder::Build
    double runS{0};         //!< Simulator::Run
    uint64_t events{0};     //!< events executed
    uint64_t ipcpOpened{0}; //!< ppp-tun links with IPCP open at both ends
    uint64_t routes{0};     //!< static routes installed
};

/// \return a DOT graph: a 4-ary tree or a ring of \p nodes nodes
std::string
Generate(uint32_t nodes, const std::string& shape)
{
    std::ostringstream dot;
    dot << "graph generated {\n";
    for (uint32_t i = 1; i < nodes; ++i)
    {
        dot << "  n" << (shape == "ring" ? i - 1 : (i - 1) / 4) << " -- n" << i << ";\n";
    }
    if (shape == "ring" && nodes > 2)
    {
        dot << "  n" << nodes - 1 << " -- n0;\n";
    }
    dot << "}\n";
    return dot.str();
}

/// \return seconds since \p t0
double
Since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Read, build and run one kind. \return what it measured
Result
RunOnce(const std::string& dot,
        LinkKind kind,
        SerialLine::ReadWakeup wakeup,
        Time simTime,
        TopologyRouting routing)
{
    Result r;
    auto t0 = std::chrono::steady_clock::now();
    TopologyReadResult read = TunTopologyReader::ParseDot(dot, "generated.dot");
    r.readS = Since(t0);
    if (!read.Ok())
    {
        std::cerr << read.error << std::endl;
        _exit(1);
    }
    t0 = std::chrono::steady_clock::now();
    TopologyBuilder builder;
    builder.SetKindOverride(kind);
    builder.SetRouting(routing);
    builder.SetReadWakeup(wakeup);
    std::string error = builder.Build(read.graph);
    r.buildS = Since(t0);
    if (!error.empty())
    {
        std::cerr << error << std::endl;
        _exit(1);
    }
    for (TopologyVertex v = 0; v < boost::num_vertices(read.graph); ++v)
    {
        r.routes += builder.GetRouteCount(v);
    }
    Simulator::Stop(simTime);
    t0 = std::chrono::steady_clock::now();
    Simulator::Run();
    r.runS = Since(t0);
    r.events = Simulator::GetEventCount();
    for (const auto& link : builder.GetLinks())
    {
        bool open = link.kind == LinkKind::PPP_TUN;
        for (int side = 0; open && side < 2; ++side)
        {
            open = link.ppp[side]->GetIpcp()->GetFsm()->GetState() == PppFsm::OPENED;
        }
        r.ipcpOpened += open;
    }
    Simulator::Destroy();
    return r;
}

/// Run one kind in a child. \return false if it failed
bool
Measure(const std::string& dot,
        LinkKind kind,
        SerialLine::ReadWakeup wakeup,
        Time simTime,
        TopologyRouting routing,
        Result* r,
        long* maxRssKiB)
{
    return tunbench::RunInChild<Result>(
        [&] { return RunOnce(dot, kind, wakeup, simTime, routing); },
        r,
        maxRssKiB);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t nodes = 10000;
    std::string shape = "tree";
    Time simTime = Seconds(3);
    std::string kinds = "p2p,ppp-tun,ppp-tun-frame,udp-tun";
    std::string routing = "none";
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "Nodes in the generated topology", nodes);
    cmd.AddValue("shape", "tree (4-ary) or ring", shape);
    cmd.AddValue("simTime", "Simulated time to run after building", simTime);
    cmd.AddValue("kinds",
                 "Link kinds to build, comma-separated (ppp-tun-frame: ppp-tun with the "
                 "lines' ReadWakeup frame)",
                 kinds);
    cmd.AddValue("routing", "none or static", routing);
    cmd.Parse(argc, argv);
    if ((shape != "tree" && shape != "ring") || (routing != "none" && routing != "static") ||
        nodes < 2)
    {
        std::cerr << "topology-benchmark: --shape=tree|ring, --routing=none|static, --nodes>=2\n";
        return 1;
    }
    std::string dot = Generate(nodes, shape);
    TopologyRouting mode = routing == "static" ? TopologyRouting::STATIC : TopologyRouting::NONE;

    std::cout << shape << " of " << nodes << " nodes, " << nodes - (shape == "tree" ? 1 : 0)
              << " links, routing " << routing << ", " << simTime.GetSeconds()
              << " s simulated, no traffic\n";
    std::cout << std::left << std::setw(14) << "kind" << std::right << std::setw(9) << "read s"
              << std::setw(10) << "build s" << std::setw(9) << "run s" << std::setw(12) << "events"
              << std::setw(11) << "routes" << std::setw(12) << "IPCP open" << std::setw(14)
              << "peak RSS MiB"
              << "\n";
    std::istringstream names(kinds);
    std::string name;
    while (std::getline(names, name, ','))
    {
        bool perFrame = name == "ppp-tun-frame";
        std::optional<LinkKind> kind = ParseLinkKind(perFrame ? "ppp-tun" : name);
        if (!kind)
        {
            std::cerr << "topology-benchmark: unknown kind " << name << "\n";
            return 1;
        }
        Result r;
        long rss = 0;
        SerialLine::ReadWakeup wakeup =
            perFrame ? SerialLine::WAKE_PER_FRAME : SerialLine::WAKE_PER_INTERRUPT;
        if (!Measure(dot, *kind, wakeup, simTime, mode, &r, &rss))
        {
            std::cerr << "topology-benchmark: " << name << " failed" << std::endl;
            return 1;
        }
        std::cout << std::left << std::setw(14) << name << std::right << std::fixed
                  << std::setprecision(2) << std::setw(9) << r.readS << std::setw(10) << r.buildS
                  << std::setw(9) << r.runS << std::setw(12) << r.events << std::setw(11)
                  << r.routes << std::setw(12) << r.ipcpOpened << std::setw(14)
                  << std::setprecision(1) << rss / 1024.0 << std::endl;
    }
    return 0;
}
