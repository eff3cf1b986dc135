/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Two nodes, each with /dev/tun0, joined through their userlands.
//
//   node 0                                            node 1
//   ping --> IPv4 --> tun0 ==> relay daemon ~~cable~~> relay daemon ==> tun0 --> IPv4
//            10.0.0.1        (read /dev/tun0,          (read /dev/cable0,     10.0.0.2
//                             write /dev/cable0)        write /dev/tun0)
//
// Every packet leaves the kernel through tunoutput, is read by a simulated daemon,
// crosses the cable, and is written back into the other kernel with tunwrite: the
// relay pattern of user-level tunnels. The daemons set TUNSIFHEAD, so each packet
// carries its 4-byte address family.
//
// Outputs: tun-relay-ping-<node>-<device>.pcap (DLT_NULL, readable by tcpdump and
// Wireshark) and, with --ascii, tun-relay-ping.tr.
//
//   ./tun-relay-ping [--count=5] [--cableDelay=5ms] [--syscallTime=0ns] [--ascii=1]
//                    [--costProfile=host-costs.profile]   (from tools/measure-host-costs)

#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    uint32_t count = 5;
    Time cableDelay = MilliSeconds(5);
    Time syscallTime = Time(0);
    bool ascii = false;
    std::string prefix = "tun-relay-ping";
    std::string costProfile;
    CommandLine cmd(__FILE__);
    cmd.AddValue("count", "Echo requests to send", count);
    cmd.AddValue("cableDelay", "One-way delay of the cable between the daemons", cableDelay);
    cmd.AddValue("syscallTime", "KernelCostModel SyscallTime on both nodes", syscallTime);
    cmd.AddValue("ascii", "Also write an ascii trace", ascii);
    cmd.AddValue("prefix", "Prefix of the output files", prefix);
    cmd.AddValue("costProfile", "A KernelCostModel profile for both nodes", costProfile);
    cmd.Parse(argc, argv);

    NodeContainer nodes(2);
    InternetStackHelper internet;
    internet.Install(nodes);
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("SyscallTime", TimeValue(syscallTime));
        std::string error;
        if (!costProfile.empty() && !cost->LoadProfile(costProfile, &error))
        {
            std::cerr << "tun-relay-ping: " << error << std::endl;
            return 1;
        }
        (*it)->AggregateObject(cost);
    }

    TunHelper tun;
    ApplicationContainer relays = tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), cableDelay);
    relays.Start(Seconds(0.5));
    Ptr<NetDevice> tun0 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
    Ptr<NetDevice> tun1 = nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0);
    TunHelper::Ifconfig(tun0, "10.0.0.1", "10.0.0.2");
    TunHelper::Ifconfig(tun1, "10.0.0.2", "10.0.0.1");
    tun.EnablePcapAll(prefix);
    if (ascii)
    {
        AsciiTraceHelper files;
        tun.EnableAsciiAll(files.CreateFileStream(prefix + ".tr"));
    }

    V4PingHelper ping(Ipv4Address("10.0.0.2"));
    ping.SetAttribute("Interval", TimeValue(Seconds(1)));
    ping.SetAttribute("Verbose", BooleanValue(true));
    ApplicationContainer pinger = ping.Install(nodes.Get(0));
    pinger.Start(Seconds(1));
    pinger.Stop(Seconds(1) + Seconds(count) - MilliSeconds(1));
    relays.Stop(Seconds(count + 2));

    Simulator::Stop(Seconds(count + 3));
    Simulator::Run();

    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<TunCableRelay> relay = DynamicCast<TunCableRelay>(relays.Get(i));
        Ptr<TunNetDevice> dev = nodes.Get(i)->GetObject<TunDriver>()->GetUnit(0);
        const TunNetDevice::Counters& c = dev->GetCounters();
        std::cout << "node " << i << " tun0: opackets " << c.opackets << " obytes " << c.obytes
                  << " ipackets " << c.ipackets << " ibytes " << c.ibytes << " collisions "
                  << c.collisions << "; relay pid " << relay->GetProcess()->GetPid() << " moved "
                  << relay->GetTunToCable() << " out, " << relay->GetCableToTun() << " in, "
                  << relay->GetErrors() << " errors" << std::endl;
    }
    std::cout << "pcap: " << prefix << "-0-1.pcap, " << prefix << "-1-1.pcap (DLT_NULL)"
              << std::endl;
    Simulator::Destroy();
    return 0;
}
