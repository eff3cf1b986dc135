/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef RATE_LIMITED_RELAY_H
#define RATE_LIMITED_RELAY_H

// A researcher's own daemon, written against the module's public API only: a relay that
// moves packets from a tun device to a cable no faster than one per `gap`, as a shaper
// in userland would. What the stack sends faster waits in the tun's queue (if_snd), and
// tunoutput drops what no longer fits. Then the scenario it runs in: two nodes whose
// tun0 interfaces are joined by a cable, this daemon on node 0, the module's own
// TunCableRelay on node 1, and a UDP flow from node 0 to node 1 faster than the limit.
// Used by examples/rate-limited-relay.cc, and by test/rate-limited-relay-test-suite.cc,
// which checks that the limit holds.

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <string>
#include <vector>

namespace ns3
{

/// What the daemon did, for whoever started it.
struct RelayCount : public SimpleRefCount<RelayCount>
{
    uint64_t forwarded{0}; //!< packets written to the cable
};

/**
 * The daemon: read a packet from \p tunPath, write it to \p cablePath, sleep \p gap.
 * \param process the process it runs in \param tunPath e.g. "/dev/tun0"
 * \param cablePath e.g. "/dev/cable0" \param gap the least time between two packets
 * \param count what it did
 * \return the task, for BsdTask::Exec
 */
inline BsdTask
RateLimitedRelay(Ptr<BsdProcess> process,
                 std::string tunPath,
                 std::string cablePath,
                 Time gap,
                 Ptr<RelayCount> count)
{
    BsdSyscalls sys(process);
    auto [tunError, tun] = co_await sys.Open(tunPath, BSD_O_RDWR);
    auto [cableError, cable] = co_await sys.Open(cablePath, BSD_O_WRONLY);
    if (tunError != BSD_OK || cableError != BSD_OK)
    {
        co_await sys.Exit();
    }
    for (;;)
    {
        auto [readError, packet] = co_await sys.Read(tun, TUNMRU); // sleeps for a packet
        if (readError != BSD_OK)
        {
            continue;
        }
        auto [writeError, written] = co_await sys.Write(cable, std::move(packet));
        count->forwarded += writeError == BSD_OK;
        co_await sys.Sleep(gap); // the next one no sooner than gap from now
    }
}

/// The scenario: node 0 (10.0.0.1) -> the daemon -> cable -> TunCableRelay -> node 1.
struct RateLimitedLink
{
    NodeContainer nodes{2};                       //!< node 0 runs the daemon
    Ptr<BsdProcess> daemon;                       //!< its process
    Ptr<RelayCount> count = Create<RelayCount>(); //!< what it did
    Ptr<UdpServer> server;                        //!< node 1's receiver
    Ptr<NetDevice> tun0;                          //!< node 0's tun0
    std::vector<Time> arrivals;                   //!< when packets entered node 1's stack

    /**
     * Build it; Simulator::Run runs it.
     * \param gap the daemon's limit \param datagrams how many the flow sends
     * \param interval between them \param exitAt when the daemon exits
     */
    RateLimitedLink(Time gap, uint32_t datagrams, Time interval, Time exitAt)
    {
        InternetStackHelper().Install(nodes);
        TunHelper tun;
        tun0 = tun.Install(nodes.Get(0)).Get(0);
        Ptr<NetDevice> tun1 = tun.Install(nodes.Get(1)).Get(0);
        TunHelper::Ifconfig(tun0, "10.0.0.1", "10.0.0.2");
        TunHelper::Ifconfig(tun1, "10.0.0.2", "10.0.0.1");
        CableDriver::Connect(nodes.Get(0), 0, nodes.Get(1), 0, MilliSeconds(1));

        Ptr<TunCableRelay> relay = CreateObject<TunCableRelay>(); // node 1: no TUNSIFHEAD,
        relay->SetAttribute("IfHead", BooleanValue(false));       // as the daemon sends
        nodes.Get(1)->AddApplication(relay);
        tun1->TraceConnectWithoutContext(
            "MacRx",
            Callback<void, Ptr<const Packet>>(
                [this](Ptr<const Packet>) { arrivals.push_back(Simulator::Now()); }));

        daemon = CreateObject<BsdProcess>();
        daemon->Attach(nodes.Get(0));
        Simulator::ScheduleWithContext(0, MilliSeconds(100), [this, gap] {
            BsdTask::Exec(daemon, RateLimitedRelay(daemon, "/dev/tun0", "/dev/cable0", gap, count));
        });
        Simulator::Schedule(exitAt, &BsdProcess::Exit, daemon);

        UdpServerHelper serverHelper(9);
        ApplicationContainer servers = serverHelper.Install(nodes.Get(1));
        server = DynamicCast<UdpServer>(servers.Get(0));
        UdpClientHelper client(Ipv4Address("10.0.0.2"), 9);
        client.SetAttribute("MaxPackets", UintegerValue(datagrams));
        client.SetAttribute("Interval", TimeValue(interval));
        client.SetAttribute("PacketSize", UintegerValue(200));
        client.Install(nodes.Get(0)).Start(MilliSeconds(200));
    }
};

} // namespace ns3

#endif /* RATE_LIMITED_RELAY_H */
