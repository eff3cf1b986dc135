/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Benchmark (not a test): wall-clock cost per packet of the tun path
//   tunoutput -> daemon read -> cable -> daemon write -> tunwrite -> IP input
// against ns-3's own PointToPoint link and a VirtualNetDevice pair, measured in the
// same run on the same traffic: UDP datagrams from node 0 to node 1 over one link.
//
// Each variant runs in its own child process, so its peak memory (ru_maxrss) is its
// own; each is repeated and the median is reported, with ratios to PointToPoint and
// to VirtualNetDevice. Build with ./build.sh bench (Release).
//
//   tun-path-benchmark [--packets=20000] [--size=512] [--repeat=3]

#include "run-in-child.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"
#include "ns3/virtual-net-device-module.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/// The link under test between node 0 (10.1.0.1) and node 1 (10.1.0.2).
enum class Variant
{
    P2P,
    VIRTUAL,
    TUN,
};

const char*
Name(Variant v)
{
    switch (v)
    {
    case Variant::P2P:
        return "PointToPoint";
    case Variant::VIRTUAL:
        return "VirtualNetDevice";
    case Variant::TUN:
        return "tun+daemons";
    }
    return "?";
}

/// VirtualNetDevice pair: each send is handed to the other device's Receive.
bool
VirtualSend(Ptr<VirtualNetDevice> peer,
            Ptr<Packet> packet,
            const Address& src,
            const Address& dst,
            uint16_t protocol)
{
    peer->Receive(packet, protocol, dst, src, NetDevice::PACKET_HOST);
    return true;
}

struct Result
{
    double nsPerPacket{0};
    uint64_t received{0};
};

/// Build the scenario, send \p packets datagrams, return wall time per received packet.
Result
RunOnce(Variant variant, uint32_t packets, uint32_t size)
{
    NodeContainer nodes(2);
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false); // the same IPv4-only stack for every variant
    internet.Install(nodes);
    Ipv4Address dst("10.1.0.2");
    if (variant == Variant::P2P)
    {
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Gbps"));
        p2p.SetChannelAttribute("Delay", StringValue("0ms"));
        NetDeviceContainer devs = p2p.Install(nodes);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.0");
        addresses.Assign(devs);
    }
    else if (variant == Variant::VIRTUAL)
    {
        Ptr<VirtualNetDevice> a = CreateObject<VirtualNetDevice>();
        Ptr<VirtualNetDevice> b = CreateObject<VirtualNetDevice>();
        a->SetAddress(Mac48Address::Allocate());
        b->SetAddress(Mac48Address::Allocate());
        a->SetSendCallback(MakeBoundCallback(&VirtualSend, b));
        b->SetSendCallback(MakeBoundCallback(&VirtualSend, a));
        nodes.Get(0)->AddDevice(a);
        nodes.Get(1)->AddDevice(b);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.0");
        NetDeviceContainer devs(a);
        devs.Add(b);
        addresses.Assign(devs);
    }
    else
    {
        TunHelper tun;
        ApplicationContainer relays = tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), Time(0));
        relays.Start(Seconds(0));
        TunHelper::Ifconfig(nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0), "10.1.0.1", dst);
        TunHelper::Ifconfig(nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0), dst, "10.1.0.1");
    }
    UdpServerHelper server(9);
    ApplicationContainer sink = server.Install(nodes.Get(1));
    UdpClientHelper client(dst, 9);
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(MicroSeconds(10)));
    client.SetAttribute("PacketSize", UintegerValue(size));
    ApplicationContainer source = client.Install(nodes.Get(0));
    source.Start(Seconds(0.1));
    Simulator::Stop(Seconds(0.2) + MicroSeconds(10) * packets);

    auto start = std::chrono::steady_clock::now();
    Simulator::Run();
    auto wall = std::chrono::steady_clock::now() - start;
    Result r;
    r.received = DynamicCast<UdpServer>(sink.Get(0))->GetReceived();
    r.nsPerPacket =
        std::chrono::duration<double, std::nano>(wall).count() / std::max<uint64_t>(r.received, 1);
    Simulator::Destroy();
    return r;
}

/// Run one variant in a child; return its median and the child's peak RSS.
bool
Measure(Variant v, uint32_t packets, uint32_t size, uint32_t repeat, Result* r, long* maxRssKiB)
{
    return tunbench::RunInChild<Result>(
        [&] {
            std::vector<Result> runs;
            for (uint32_t i = 0; i < repeat; ++i)
            {
                runs.push_back(RunOnce(v, packets, size));
            }
            std::sort(runs.begin(), runs.end(), [](const Result& a, const Result& b) {
                return a.nsPerPacket < b.nsPerPacket;
            });
            return runs[runs.size() / 2];
        },
        r,
        maxRssKiB);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t packets = 20000;
    uint32_t size = 512;
    uint32_t repeat = 3;
    CommandLine cmd(__FILE__);
    cmd.AddValue("packets", "UDP datagrams per run", packets);
    cmd.AddValue("size", "UDP payload bytes", size);
    cmd.AddValue("repeat", "Runs per variant; the median is reported", repeat);
    cmd.Parse(argc, argv);

    std::map<Variant, Result> results;
    std::map<Variant, long> rss;
    for (Variant v : {Variant::P2P, Variant::VIRTUAL, Variant::TUN})
    {
        if (!Measure(v, packets, size, std::max<uint32_t>(repeat, 1), &results[v], &rss[v]))
        {
            std::cerr << "benchmark: " << Name(v) << " failed" << std::endl;
            return 1;
        }
    }
    std::cout << "UDP " << size << "-byte datagrams, " << packets << " per run, median of "
              << repeat << " runs\n";
    std::cout << std::left << std::setw(18) << "link" << std::right << std::setw(10) << "received"
              << std::setw(12) << "ns/packet" << std::setw(12) << "x P2P" << std::setw(12)
              << "x Virtual" << std::setw(14) << "peak RSS MiB"
              << "\n";
    for (Variant v : {Variant::P2P, Variant::VIRTUAL, Variant::TUN})
    {
        const Result& r = results[v];
        std::cout << std::left << std::setw(18) << Name(v) << std::right << std::setw(10)
                  << r.received << std::setw(12) << std::fixed << std::setprecision(0)
                  << r.nsPerPacket << std::setw(12) << std::setprecision(2)
                  << r.nsPerPacket / results[Variant::P2P].nsPerPacket << std::setw(12)
                  << r.nsPerPacket / results[Variant::VIRTUAL].nsPerPacket << std::setw(14)
                  << std::setprecision(1) << rss[v] / 1024.0 << "\n";
    }
    return 0;
}
