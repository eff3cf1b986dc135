/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The UDP tunnel daemon (TunTunnel) in FreeBSD's tun test topology: two nodes joined by
// a native PointToPoint link that carries the tunnel's datagrams, tun0 on each, a
// daemon on each; ping and IPv6 across the tun addresses, malformed datagrams dropped
// and counted, OpenVPN's start-up sequence against the 2001 driver.

#include "syscall-test-helpers.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

const DataRate LINK_RATE("8Mbps");
const Time LINK_DELAY = MilliSeconds(2);

/// Two nodes, a PointToPoint underlay, tun0 on each joined by a pair of TunTunnels.
struct TunnelBench
{
    NodeContainer nodes;
    Ipv4InterfaceContainer v4;
    Ipv6InterfaceContainer v6;
    ApplicationContainer tunnels;
    Ptr<TunNetDevice> t0;
    Ptr<TunNetDevice> t1;

    /// \param v6Underlay carry the datagrams over IPv6 instead of IPv4
    explicit TunnelBench(bool v6Underlay)
    {
        Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
        nodes.Create(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(LINK_RATE));
        p2p.SetChannelAttribute("Delay", TimeValue(LINK_DELAY));
        NetDeviceContainer devices = p2p.Install(nodes);
        v4 = Ipv4AddressHelper("10.1.1.0", "255.255.255.0").Assign(devices);
        v6 = Ipv6AddressHelper(Ipv6Address("2001:db8:1::"), Ipv6Prefix(64)).Assign(devices);

        TunHelper tun;
        tunnels = v6Underlay ? tun.InstallTunnelPair(nodes.Get(0),
                                                     v6.GetAddress(0, 1),
                                                     nodes.Get(1),
                                                     v6.GetAddress(1, 1))
                             : tun.InstallTunnelPair(nodes.Get(0),
                                                     v4.GetAddress(0),
                                                     nodes.Get(1),
                                                     v4.GetAddress(1));
        t0 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
        t1 = nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0);
        // As OpenVPN does: ifconfig once the daemon has set the mode. Earlier, the
        // interface would be up and TUNSIFMODE would fail with EBUSY.
        Simulator::Schedule(MilliSeconds(100), [this] {
            TunHelper::Ifconfig(t0, "10.0.0.1", "10.0.0.2");
            TunHelper::Ifconfig(t1, "10.0.0.2", "10.0.0.1");
            for (uint32_t i = 0; i < 2; ++i)
            {
                Ptr<Ipv6> ipv6 = nodes.Get(i)->GetObject<Ipv6>();
                ipv6->AddAddress(ipv6->GetInterfaceForDevice(i == 0 ? t0 : t1),
                                 Ipv6InterfaceAddress(i == 0 ? "2001:db8:2::1" : "2001:db8:2::2",
                                                      Ipv6Prefix(64)));
            }
        });
    }

    Ptr<TunTunnel> Tunnel(uint32_t i) const
    {
        return DynamicCast<TunTunnel>(tunnels.Get(i));
    }

    /// Ping 10.0.0.2 from node 0 once a second from \p start, \p count times.
    ApplicationContainer Ping(Time start, uint32_t count, std::vector<Time>* rtts) const
    {
        V4PingHelper ping(Ipv4Address("10.0.0.2"));
        ping.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer pinger = ping.Install(nodes.Get(0));
        pinger.Get(0)->TraceConnectWithoutContext("Rtt", Callback<void, Time>([rtts](Time rtt) {
                                                      rtts->push_back(rtt);
                                                  }));
        pinger.Start(start);
        pinger.Stop(start + Seconds(count - 1) + MilliSeconds(500));
        return pinger;
    }
};

/// One crossing of the underlay by a tunnelled packet of \p inner bytes (IP packet).
Time
Crossing(uint32_t inner, bool v6Underlay)
{
    uint32_t onWire = 4 + inner + 8 + (v6Underlay ? 40 : 20) + 2; // AF, UDP, IP, PPP
    return LINK_RATE.CalculateBytesTxTime(onWire) + LINK_DELAY;
}

} // namespace

/// Ping and IPv6 UDP across the tun addresses, over either underlay family.
class TunTunnelPingTestCase : public TestCase
{
  public:
    TunTunnelPingTestCase()
        : TestCase("ping and IPv6 across the tunnel, IPv4 and IPv6 underlay; counters match")
    {
    }

  private:
    void DoRun() override
    {
        for (bool v6Underlay : {false, true})
        {
            TunnelBench bench(v6Underlay);
            std::vector<std::pair<std::string, std::string>> errors;
            bench.Tunnel(0)->TraceConnectWithoutContext(
                "Error",
                Callback<void, const std::string&, const std::string&>(
                    [&errors](const std::string& call, const std::string& e) {
                        errors.emplace_back(call, e);
                    }));
            std::vector<Time> rtts;
            bench.Ping(Seconds(1), 3, &rtts);

            UdpEchoServerHelper server(9);
            server.Install(bench.nodes.Get(1)).Start(Seconds(0));
            UdpEchoClientHelper client(Ipv6Address("2001:db8:2::2"), 9);
            client.SetAttribute("MaxPackets", UintegerValue(2));
            client.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer echo = client.Install(bench.nodes.Get(0));
            echo.Start(Seconds(1.5));
            int v6Replies = 0;
            echo.Get(0)->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>>(
                    [&v6Replies](Ptr<const Packet>) { ++v6Replies; }));
            Simulator::Stop(Seconds(5));
            Simulator::Run();

            NS_TEST_ASSERT_MSG_EQ(rtts.size(), 3u, "three echo replies, v6Underlay=" << v6Underlay);
            for (Time rtt : rtts)
            {
                NS_TEST_EXPECT_MSG_EQ(rtt,
                                      2 * Crossing(84, v6Underlay),
                                      "two underlay crossings, nothing else");
            }
            NS_TEST_EXPECT_MSG_EQ(v6Replies, 2, "IPv6 crosses: IFHEAD carries the family");

            // OpenVPN's TUNSIFMODE(P2P|MULTICAST) fails on the 2001 driver and is only logged.
            NS_TEST_ASSERT_MSG_EQ(errors.size(), 1u, "one failed call");
            NS_TEST_EXPECT_MSG_EQ(errors[0].first, "ioctl TUNSIFMODE", "");
            NS_TEST_EXPECT_MSG_EQ(errors[0].second, "EINVAL", "");
            NS_TEST_EXPECT_MSG_EQ((bench.t0->GetTunFlags() & TUN_IFHEAD),
                                  uint32_t(TUN_IFHEAD),
                                  "IFHEAD on");

            for (uint32_t i = 0; i < 2; ++i)
            {
                Ptr<TunTunnel> tunnel = bench.Tunnel(i);
                TunNetDevice::Counters c = (i == 0 ? bench.t0 : bench.t1)->GetCounters();
                NS_TEST_EXPECT_MSG_GT_OR_EQ(tunnel->GetTunToPeerPackets(),
                                            5u,
                                            "3 pings + 2 echoes, and IPv6's own packets");
                NS_TEST_EXPECT_MSG_EQ(tunnel->GetTunToPeerPackets(), c.opackets, "all read");
                NS_TEST_EXPECT_MSG_EQ(tunnel->GetTunToPeerBytes(), c.obytes, "header included");
                NS_TEST_EXPECT_MSG_EQ(tunnel->GetPeerToTunPackets(), c.ipackets, "all written");
                NS_TEST_EXPECT_MSG_EQ(tunnel->GetPeerToTunBytes(),
                                      c.ibytes + 4 * c.ipackets,
                                      "if_ibytes leaves the family out");
                NS_TEST_EXPECT_MSG_EQ(tunnel->GetDrops(), 0u, "nothing dropped");
            }
            NS_TEST_EXPECT_MSG_EQ(bench.Tunnel(0)->GetTunToPeerBytes(),
                                  bench.Tunnel(1)->GetPeerToTunBytes(),
                                  "what a sent, b wrote");
            Simulator::Destroy();
        }
    }
};

/// Datagrams the daemon refuses are counted by reason; the tunnel goes on.
class TunTunnelMalformedTestCase : public TestCase
{
  public:
    TunTunnelMalformedTestCase()
        : TestCase("short, unknown-family and unwritable datagrams are dropped and counted")
    {
    }

  private:
    void DoRun() override
    {
        TunnelBench bench(false);
        bench.Tunnel(0)->SetAttribute("ReadSize", UintegerValue(20000));
        std::map<std::string, uint32_t> traced;
        bench.Tunnel(0)->TraceConnectWithoutContext(
            "Drop",
            Callback<void, const std::string&, uint32_t>(
                [&traced](const std::string& why, uint32_t bytes) { traced[why] = bytes; }));
        std::vector<Time> rtts;
        bench.Ping(Seconds(1), 4, &rtts);

        // A stranger on node 1 sends junk to node 0's tunnel port between the pings.
        Ptr<BsdProcess> stranger = CreateObject<BsdProcess>();
        stranger->Attach(bench.nodes.Get(1));
        int fd = -1;
        stranger->Socket(BSD_AF_INET, BSD_SOCK_DGRAM, [&fd](int, int s) { fd = s; });
        Address to = InetSocketAddress(bench.v4.GetAddress(0), TunTunnel::DEFAULT_PORT);
        std::vector<uint8_t> tooLong(4 + TUNMRU - 3, 0); // over TUNMRU: tunwrite's EIO
        tooLong[3] = BSD_AF_INET;
        std::vector<std::vector<uint8_t>> junk = {{1, 2, 3}, {0, 0, 0, 99, 0x45, 0}, tooLong};
        for (std::size_t i = 0; i < junk.size(); ++i)
        {
            Simulator::Schedule(Seconds(1.5) + MilliSeconds(100 * i), [&, i] {
                stranger->GetDescriptorSocket(fd)->SetAttribute("SendSpace", UintegerValue(20000));
                stranger->SendTo(fd, junk[i], to, [](int, int64_t) {});
            });
        }
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        Ptr<TunTunnel> t = bench.Tunnel(0);
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops("short datagram"), 1u, "");
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops("unknown family"), 1u, "");
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops("tun write EIO"), 1u, "tunwrite: resid > TUNMRU");
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops(), 3u, "nothing else");
        NS_TEST_EXPECT_MSG_EQ(traced["short datagram"], 3u, "the trace has the size");
        NS_TEST_EXPECT_MSG_EQ(traced["unknown family"], 6u, "");
        NS_TEST_EXPECT_MSG_EQ(traced["tun write EIO"], tooLong.size(), "");
        NS_TEST_EXPECT_MSG_EQ(rtts.size(), 4u, "every ping, before and after the junk");
        NS_TEST_EXPECT_MSG_EQ(t->GetPeerToTunPackets(),
                              bench.Tunnel(1)->GetTunToPeerPackets(),
                              "everything the peer sent reached tun; the junk did not");
        NS_TEST_EXPECT_MSG_EQ(t->GetPeerToTunPackets(), bench.t0->GetCounters().ipackets, "");
        Simulator::Destroy();
    }
};

/// "auto" takes the first tun that opens; without IFF_MULTICAST nothing fails.
class TunTunnelAutoUnitTestCase : public TestCase
{
  public:
    TunTunnelAutoUnitTestCase()
        : TestCase("TunDevice auto: tun0 busy, so tun1; Multicast off: TUNSIFMODE succeeds")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes(2);
        InternetStackHelper().Install(nodes);
        TunHelper().InstallDriver(nodes);
        Ptr<BsdProcess> squatter = CreateObject<BsdProcess>();
        squatter->Attach(nodes.Get(0));
        NS_TEST_ASSERT_MSG_EQ(OpenNow(squatter, "/dev/tun0", BSD_O_RDWR).first, BSD_OK, "");

        Ptr<TunTunnel> tunnel = CreateObject<TunTunnel>();
        tunnel->SetAttribute("TunDevice", StringValue("auto"));
        tunnel->SetAttribute("Multicast", BooleanValue(false));
        tunnel->SetAttribute("PeerAddress", AddressValue(Ipv4Address("10.1.1.2")));
        nodes.Get(0)->AddApplication(tunnel);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(tunnel->GetTunPath(), "/dev/tun1", "tun0 was busy (EBUSY)");
        NS_TEST_EXPECT_MSG_EQ(tunnel->GetErrors(), 0u, "TUNSIFMODE(IFF_POINTOPOINT) is fine");
        Ptr<TunNetDevice> tun1 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(1);
        NS_TEST_ASSERT_MSG_NE(tun1, nullptr, "cloned");
        NS_TEST_EXPECT_MSG_EQ((tun1->GetTunFlags() & TUN_IFHEAD), uint32_t(TUN_IFHEAD), "");
        NS_TEST_EXPECT_MSG_EQ(tunnel->GetProcess()->IsSleeping(), true, "waiting in poll");
        NS_TEST_EXPECT_MSG_EQ(tunnel->GetProcess()->GetWaitMessage(), "poll", "");
        Simulator::Destroy();
    }
};

/// The tunnel daemon suite.
class TunTunnelTestSuite : public TestSuite
{
  public:
    TunTunnelTestSuite()
        : TestSuite("tun-tunnel", SYSTEM)
    {
        AddTestCase(new TunTunnelPingTestCase, TestCase::QUICK);
        AddTestCase(new TunTunnelMalformedTestCase, TestCase::QUICK);
        AddTestCase(new TunTunnelAutoUnitTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static TunTunnelTestSuite g_tunTunnelTestSuite;
