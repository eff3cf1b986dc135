/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Two ways of carrying IP through a userland, side by side, with their traces.
//
//   PPP over tun:   A ==serial 115200 8N1== B     ppp(8)-like UserPpp on each end
//                   10.0.0.1           10.0.0.2   addresses negotiated by IPCP
//
//   UDP tunnel:     C ---p2p 10 Mbps, 5 ms--- D   TunTunnel on each end
//                   tun0 10.8.0.1     tun0 10.8.0.2 over 10.9.9.0/30
//
// A pings B, C pings D. Output (prefix set with --prefix), named as ns-3 names traces,
// <node>-<device> being a tun interface:
//   <prefix>-ppp-<node>-<dev>.pcap  the serial port under A's and B's tun0 (DLT_PPP)
//   <prefix>-ppp-<node>-<dev>.tr    the same frames as ascii traces
//   <prefix>-ppp-0-1.pppd           A's port's raw bytes in pppd's record format
//                                   (pppdump, or tshark -r)
//   <prefix>-tun-<node>-<dev>.pcap  every tun interface as DLT_NULL, and .tr as ascii
//   <prefix>-ppp-events.txt       LCP/IPCP transitions, phases and drops of both daemons
//   <prefix>-syscalls.txt, .csv   every system call of every daemon (ktrace/kdump style)
//
// The program exits 1 if a ping goes unanswered.

#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

#include <fstream>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    uint32_t count = 3;
    uint64_t baud = 115200;
    std::string prefix = "ppp-and-tunnel";
    CommandLine cmd(__FILE__);
    cmd.AddValue("count", "Echo requests on each path", count);
    cmd.AddValue("baud", "Speed of the serial line", baud);
    cmd.AddValue("prefix", "Prefix of the output files", prefix);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(4); // A, B, C, D
    InternetStackHelper internet;
    internet.Install(nodes);

    // PPP over tun on a serial line.
    PppTunHelper ppp;
    ppp.SetLineAttribute("BaudRate", UintegerValue(baud));
    NetDeviceContainer pppTuns = ppp.Install(nodes.Get(0), "10.0.0.1", nodes.Get(1), "10.0.0.2");
    ppp.EnablePcap(prefix + "-ppp", pppTuns);
    ppp.EnableAscii(prefix + "-ppp", pppTuns);
    ppp.EnablePppdump(prefix + "-ppp", pppTuns.Get(0));
    std::ofstream events(prefix + "-ppp-events.txt");
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<Application> daemon = ppp.GetDaemons().Get(i);
        std::string who = i == 0 ? "A" : "B";
        daemon->TraceConnectWithoutContext(
            "StateChange",
            Callback<void,
                     const std::string&,
                     const std::string&,
                     const std::string&,
                     const std::string&>([&events, who](const std::string& protocol,
                                                        const std::string& from,
                                                        const std::string& to,
                                                        const std::string& event) {
                events << Simulator::Now().As(Time::S) << " " << who << " " << protocol << " "
                       << from << " -> " << to << " (" << event << ")\n";
            }));
        daemon->TraceConnectWithoutContext(
            "Phase",
            Callback<void, const std::string&, const std::string&>(
                [&events, who](const std::string& from, const std::string& to) {
                    events << Simulator::Now().As(Time::S) << " " << who << " phase " << from
                           << " -> " << to << "\n";
                }));
        daemon->TraceConnectWithoutContext(
            "FrameDrop",
            Callback<void, const std::string&, uint32_t>(
                [&events, who](const std::string& reason, uint32_t octets) {
                    events << Simulator::Now().As(Time::S) << " " << who << " drop " << reason
                           << " (" << octets << " octets)\n";
                }));
    }

    // A UDP tunnel over a native link.
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer underlay = p2p.Install(nodes.Get(2), nodes.Get(3));
    Ipv4AddressHelper addresses("10.9.9.0", "255.255.255.252");
    Ipv4InterfaceContainer under = addresses.Assign(underlay);
    TunHelper tun;
    ApplicationContainer tunnels =
        tun.InstallTunnelPair(nodes.Get(2), under.GetAddress(0), nodes.Get(3), under.GetAddress(1));
    Ptr<TunNetDevice> tunC = nodes.Get(2)->GetObject<TunDriver>()->GetUnit(0);
    Ptr<TunNetDevice> tunD = nodes.Get(3)->GetObject<TunDriver>()->GetUnit(0);
    // As OpenVPN runs ifconfig: once the daemon has set the interface's mode.
    Simulator::Schedule(MilliSeconds(100), [tunC, tunD] {
        TunHelper::Ifconfig(tunC, "10.8.0.1", "10.8.0.2");
        TunHelper::Ifconfig(tunD, "10.8.0.2", "10.8.0.1");
    });
    NetDeviceContainer tuns = pppTuns;
    tuns.Add(tunC);
    tuns.Add(tunD);
    tun.EnablePcap(prefix + "-tun", tuns);
    tun.EnableAscii(prefix + "-tun", tuns);

    SyscallTraceHelper ktrace;
    ktrace.EnableText(prefix + "-syscalls.txt", nodes);
    ktrace.EnableCsv(prefix + "-syscalls.csv", nodes);

    uint32_t replies[2] = {0, 0};
    Ipv4Address targets[2] = {"10.0.0.2", "10.8.0.2"};
    for (uint32_t k = 0; k < 2; ++k)
    {
        V4PingHelper ping(targets[k]);
        ApplicationContainer pinger = ping.Install(nodes.Get(2 * k));
        pinger.Get(0)->TraceConnectWithoutContext(
            "Rtt",
            Callback<void, Time>([&replies, k](Time rtt) {
                ++replies[k];
                std::cout << (k == 0 ? "PPP over tun" : "UDP tunnel  ") << " rtt "
                          << rtt.As(Time::MS) << "\n";
            }));
        pinger.Start(Seconds(2));
        pinger.Stop(Seconds(2 + count) - MilliSeconds(500));
    }
    Simulator::Stop(Seconds(3 + count));
    Simulator::Run();

    Ptr<UserPpp> a = DynamicCast<UserPpp>(ppp.GetDaemons().Get(0));
    Ptr<TunTunnel> c = DynamicCast<TunTunnel>(tunnels.Get(0));
    std::cout << "PPP over tun: " << replies[0] << "/" << count << " replies; A sent "
              << a->GetCounters().framesSent << " frames (" << a->GetCounters().lineBytesOut
              << " octets on the line)\n"
              << "UDP tunnel:   " << replies[1] << "/" << count << " replies; C sent "
              << c->GetTunToPeerPackets() << " datagrams\n"
              << "traces: " << prefix << "-ppp-{0,1}-1.{pcap,tr}, " << prefix << "-ppp-0-1.pppd, "
              << prefix << "-tun-*.{pcap,tr}, " << prefix << "-ppp-events.txt, " << prefix
              << "-syscalls.{txt,csv}\n";
    Simulator::Destroy();
    return replies[0] == count && replies[1] == count ? 0 : 1;
}
