/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What the pair helpers give a user: the tun interfaces of a tunnel or relay pair
// (TunHelper::GetDevices), addressed on request (TunHelper::IfconfigPair), and the serial
// line under a PPP pair reached by Config paths, from the channel list and from either
// tun interface.

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

using namespace ns3;

namespace
{

/// Ping \p to from \p from, \p count times a second from \p start; RTTs go in \p rtts.
void
Ping(Ptr<Node> from, Ipv4Address to, Time start, uint32_t count, std::vector<Time>* rtts)
{
    V4PingHelper ping(to);
    ping.SetAttribute("Interval", TimeValue(Seconds(1)));
    ApplicationContainer pinger = ping.Install(from);
    pinger.Get(0)->TraceConnectWithoutContext("Rtt", Callback<void, Time>([rtts](Time rtt) {
                                                  rtts->push_back(rtt);
                                              }));
    pinger.Start(start);
    pinger.Stop(start + Seconds(count - 1) + MilliSeconds(500));
}

} // namespace

/// GetDevices and IfconfigPair on a tunnel pair and on a relay pair, then ping across.
class PairDevicesTestCase : public TestCase
{
  public:
    PairDevicesTestCase()
        : TestCase("GetDevices gives a pair's tun interfaces; IfconfigPair addresses them and "
                   "ping crosses")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        InternetStackHelper().Install(nodes);
        NetDeviceContainer ab = PointToPointHelper().Install(nodes.Get(0), nodes.Get(1));
        Ipv4InterfaceContainer underlay = Ipv4AddressHelper("10.1.1.0", "255.255.255.0").Assign(ab);

        TunHelper tun;
        ApplicationContainer tunnels = tun.InstallTunnelPair(nodes.Get(0),
                                                             underlay.GetAddress(0),
                                                             nodes.Get(1),
                                                             underlay.GetAddress(1),
                                                             14194,
                                                             2);
        ApplicationContainer relays =
            tun.InstallRelayPair(nodes.Get(2), nodes.Get(3), MilliSeconds(5), 1);

        NetDeviceContainer tunnelTuns = TunHelper::GetDevices(tunnels);
        NetDeviceContainer relayTuns = TunHelper::GetDevices(relays);
        NS_TEST_ASSERT_MSG_EQ(tunnelTuns.GetN(), 2u, "two tunnel interfaces");
        NS_TEST_ASSERT_MSG_EQ(relayTuns.GetN(), 2u, "two relay interfaces");
        NS_TEST_EXPECT_MSG_EQ(tunnelTuns.Get(0),
                              Ptr<NetDevice>(nodes.Get(0)->GetObject<TunDriver>()->GetUnit(2)),
                              "a's tun2");
        NS_TEST_EXPECT_MSG_EQ(tunnelTuns.Get(1),
                              Ptr<NetDevice>(nodes.Get(1)->GetObject<TunDriver>()->GetUnit(2)),
                              "b's tun2");
        NS_TEST_EXPECT_MSG_EQ(relayTuns.Get(0),
                              Ptr<NetDevice>(nodes.Get(2)->GetObject<TunDriver>()->GetUnit(1)),
                              "c's tun1");
        NS_TEST_EXPECT_MSG_EQ(relayTuns.Get(1),
                              Ptr<NetDevice>(nodes.Get(3)->GetObject<TunDriver>()->GetUnit(1)),
                              "d's tun1");
        Ptr<TunChannel> channel = DynamicCast<TunChannel>(relayTuns.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_NE(channel, nullptr, "relay pair on a TunChannel");
        NS_TEST_EXPECT_MSG_EQ(channel->GetPeer(DynamicCast<TunNetDevice>(relayTuns.Get(1))),
                              relayTuns.Get(0),
                              "each the other's peer");

        // As OpenVPN does: ifconfig once the daemons have set the interfaces' mode.
        Simulator::Schedule(MilliSeconds(100), [tunnels, relays] {
            TunHelper::IfconfigPair(tunnels, "10.8.0.1", "10.8.0.2");
            TunHelper::IfconfigPair(relays, "10.7.0.1", "10.7.0.2");
        });
        std::vector<Time> tunnelRtts;
        std::vector<Time> relayRtts;
        Ping(nodes.Get(0), "10.8.0.2", Seconds(1), 2, &tunnelRtts);
        Ping(nodes.Get(2), "10.7.0.2", Seconds(1), 2, &relayRtts);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(tunnelRtts.size(), 2u, "ping across the tunnel pair");
        NS_TEST_EXPECT_MSG_EQ(relayRtts.size(), 2u, "ping across the relay pair");
        auto ifaddr = [](Ptr<NetDevice> device) {
            return DynamicCast<TunNetDevice>(device)->GetIfAddrs().at(0);
        };
        NS_TEST_EXPECT_MSG_EQ(ifaddr(tunnelTuns.Get(1)).local, Ipv4Address("10.8.0.2"), "b");
        NS_TEST_EXPECT_MSG_EQ(ifaddr(tunnelTuns.Get(1)).dst, Ipv4Address("10.8.0.1"), "b's peer");
        NS_TEST_EXPECT_MSG_EQ(ifaddr(relayTuns.Get(0)).local, Ipv4Address("10.7.0.1"), "c");
        Simulator::Destroy();
    }
};

/// The serial line under a PPP pair by Config paths: set an attribute, hook a trace.
class SerialLineConfigPathTestCase : public TestCase
{
  public:
    SerialLineConfigPathTestCase()
        : TestCase("Config reaches a PPP pair's SerialLine from the ChannelList and the NodeList")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(2);
        InternetStackHelper().Install(nodes);
        PppTunHelper ppp;
        NetDeviceContainer tuns = ppp.Install(nodes.Get(0), "10.9.0.1", nodes.Get(1), "10.9.0.2");
        Ptr<SerialLine> line = ppp.GetLines().at(0);
        NS_TEST_EXPECT_MSG_EQ(ppp.GetLine(tuns.Get(1)), line, "GetLine");

        std::ostringstream fromNode;
        fromNode << "/NodeList/" << nodes.Get(1)->GetId() << "/DeviceList/"
                 << tuns.Get(1)->GetIfIndex() << "/$ns3::TunNetDevice/Channel/SerialLine";
        NS_TEST_EXPECT_MSG_EQ(Config::LookupMatches(fromNode.str()).GetN(), 1u, fromNode.str());
        Config::Set(fromNode.str() + "/BaudRate", UintegerValue(9600));
        UintegerValue baud;
        line->GetAttribute("BaudRate", baud);
        NS_TEST_EXPECT_MSG_EQ(baud.Get(), 9600u, "set through the tun interface's channel");

        const std::string fromChannels = "/ChannelList/*/$ns3::TunChannel/SerialLine";
        NS_TEST_EXPECT_MSG_EQ(Config::LookupMatches(fromChannels).GetN(), 1u, fromChannels);
        Config::Set(fromChannels + "/Delay", TimeValue(MilliSeconds(3)));
        TimeValue delay;
        line->GetAttribute("Delay", delay);
        NS_TEST_EXPECT_MSG_EQ(delay.Get(), MilliSeconds(3), "set through the channel list");

        uint32_t bytes = 0;
        Config::ConnectWithoutContext(
            fromChannels + "/Tx",
            Callback<void, uint32_t, uint8_t>([&bytes](uint32_t, uint8_t) { ++bytes; }));
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(bytes, 0u, "LCP's bytes on the line, seen through the path");
        Simulator::Destroy();
    }
};

/// The pair helpers' results and paths.
class TunPairHelperTestSuite : public TestSuite
{
  public:
    TunPairHelperTestSuite()
        : TestSuite("tun-pair-helper", UNIT)
    {
        AddTestCase(new PairDevicesTestCase, TestCase::QUICK);
        AddTestCase(new SerialLineConfigPathTestCase, TestCase::QUICK);
    }
};

static TunPairHelperTestSuite g_tunPairHelperTestSuite; //!< the suite's one instance
