/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// FlowMonitor on the module's paths: flows through a PPP-over-tun serial line and through
// a UDP tunnel are classified and counted as on a native link.

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/flow-monitor-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

using namespace ns3;

namespace
{

/// A UDP client on \p from sending \p count 200-octet datagrams to \p to, 100 ms apart.
void
SendUdp(Ptr<Node> from, Ptr<Node> to, Ipv4Address address, uint32_t count)
{
    UdpServerHelper server(4000);
    server.Install(to).Start(Seconds(0));
    UdpClientHelper client(address, 4000);
    client.SetAttribute("MaxPackets", UintegerValue(count));
    client.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
    client.SetAttribute("PacketSize", UintegerValue(200));
    client.Install(from).Start(Seconds(3));
}

/// The flow of \p monitor from \p src to \p dst port \p port, if any.
bool
FindFlow(Ptr<FlowMonitor> monitor,
         Ptr<Ipv4FlowClassifier> classifier,
         Ipv4Address src,
         uint16_t port,
         FlowMonitor::FlowStats& out)
{
    for (const auto& [id, stats] : monitor->GetFlowStats())
    {
        Ipv4FlowClassifier::FiveTuple t = classifier->FindFlow(id);
        if (t.sourceAddress == src && t.destinationPort == port)
        {
            out = stats;
            return true;
        }
    }
    return false;
}

} // namespace

/**
 * 20 datagrams over PPP on a 115200-baud line: one flow, 20 sent, 20 received, none
 * lost, 228 octets each at the IP layer; its mean delay is at least the frame's time on
 * the line (233 octets with PPP framing, 20.2 ms) and less than twice that.
 */
class FlowMonitorPppTestCase : public TestCase
{
  public:
    FlowMonitorPppTestCase()
        : TestCase("FlowMonitor classifies and counts a flow over PPP on tun")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        PppTunHelper ppp;
        ppp.Install(nodes.Get(0), "10.0.0.1", nodes.Get(1), "10.0.0.2");
        SendUdp(nodes.Get(0), nodes.Get(1), "10.0.0.2", 20);
        FlowMonitorHelper flowmon;
        Ptr<FlowMonitor> monitor = flowmon.InstallAll();
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        monitor->CheckForLostPackets();
        auto classifier = DynamicCast<Ipv4FlowClassifier>(flowmon.GetClassifier());
        FlowMonitor::FlowStats f;
        NS_TEST_ASSERT_MSG_EQ(FindFlow(monitor, classifier, "10.0.0.1", 4000, f), true, "flow");
        NS_TEST_EXPECT_MSG_EQ(f.txPackets, 20u, "sent");
        NS_TEST_EXPECT_MSG_EQ(f.rxPackets, 20u, "received");
        NS_TEST_EXPECT_MSG_EQ(f.lostPackets, 0u, "none lost");
        NS_TEST_EXPECT_MSG_EQ(f.txBytes, 20u * 228, "IP octets");
        double line = 233 * 10 / 115200.0;
        double mean = f.delaySum.GetSeconds() / 20;
        NS_TEST_EXPECT_MSG_GT(mean, line, "at least the frame's time on the line");
        NS_TEST_EXPECT_MSG_LT(mean, 2 * line, "and not queued behind anything");
        Simulator::Destroy();
    }
};

/**
 * 20 datagrams through a UDP tunnel: FlowMonitor sees the inner flow (tun addresses) with
 * 20 sent and received, and the outer flow of tunnel datagrams to port 14194 (the default) carrying
 * at least those 20, each 32 octets longer (UDP and IP headers, and the address family).
 */
class FlowMonitorTunnelTestCase : public TestCase
{
  public:
    FlowMonitorTunnelTestCase()
        : TestCase("FlowMonitor sees a tunnel's inner and outer flows")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        PointToPointHelper p2p;
        NetDeviceContainer link = p2p.Install(nodes);
        Ipv4AddressHelper addresses("10.9.9.0", "255.255.255.252");
        Ipv4InterfaceContainer under = addresses.Assign(link);
        TunHelper tun;
        tun.InstallTunnelPair(nodes.Get(0), under.GetAddress(0), nodes.Get(1), under.GetAddress(1));
        Ptr<TunNetDevice> t0 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
        Ptr<TunNetDevice> t1 = nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0);
        Simulator::Schedule(MilliSeconds(100), [t0, t1] {
            TunHelper::Ifconfig(t0, "10.8.0.1", "10.8.0.2");
            TunHelper::Ifconfig(t1, "10.8.0.2", "10.8.0.1");
        });
        SendUdp(nodes.Get(0), nodes.Get(1), "10.8.0.2", 20);
        FlowMonitorHelper flowmon;
        Ptr<FlowMonitor> monitor = flowmon.InstallAll();
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        monitor->CheckForLostPackets();
        auto classifier = DynamicCast<Ipv4FlowClassifier>(flowmon.GetClassifier());
        FlowMonitor::FlowStats inner;
        FlowMonitor::FlowStats outer;
        NS_TEST_ASSERT_MSG_EQ(FindFlow(monitor, classifier, "10.8.0.1", 4000, inner),
                              true,
                              "inner flow");
        NS_TEST_ASSERT_MSG_EQ(FindFlow(monitor, classifier, "10.9.9.1", 14194, outer),
                              true,
                              "outer flow");
        NS_TEST_EXPECT_MSG_EQ(inner.txPackets, 20u, "inner sent");
        NS_TEST_EXPECT_MSG_EQ(inner.rxPackets, 20u, "inner received");
        NS_TEST_EXPECT_MSG_EQ(inner.lostPackets, 0u, "none lost");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(outer.rxPackets, 20u, "outer carries the inner");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(outer.txBytes, inner.txBytes + 20u * 32, "32 more octets");
        Simulator::Destroy();
    }
};

/// The suite.
class FlowMonitorTestSuite : public TestSuite
{
  public:
    FlowMonitorTestSuite()
        : TestSuite("tun-flow-monitor", UNIT)
    {
        AddTestCase(new FlowMonitorPppTestCase, TestCase::QUICK);
        AddTestCase(new FlowMonitorTunnelTestCase, TestCase::QUICK);
    }
};

static FlowMonitorTestSuite g_flowMonitorTestSuite; //!< registers the suite
