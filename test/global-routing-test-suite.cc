/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// ns-3's global routing (Ipv4GlobalRoutingHelper) over tun links: the pair helpers join
// the two tun interfaces of a pair with a TunChannel, so GlobalRouter sees a
// point-to-point link where it used to dereference a null channel. A UDP tunnel pair
// (addressed before the run) and a PPP pair (addressed by IPCP, routes recomputed once
// it is open) each carry traffic to a node behind them on routes global routing made.

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

using namespace ns3;

namespace
{

/**
 * a --(tun pair)-- b --(native)-- c. For a tunnel, the underlay goes a - r - b, a hop
 * longer than the tunnel, so the cheapest path from a to c is through the tun pair.
 */
struct Chain
{
    NodeContainer nodes;
    NetDeviceContainer tuns;
    Ipv4Address cAddress;

    Chain()
    {
        nodes.Create(3);
        InternetStackHelper().Install(nodes);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("1ms"));
        NetDeviceContainer bc = p2p.Install(nodes.Get(1), nodes.Get(2));
        cAddress = Ipv4AddressHelper("10.2.2.0", "255.255.255.0").Assign(bc).GetAddress(1);
    }

    /// UDP echo from a to c, \p count packets one a second from \p start; the replies
    /// a received go in \p replies.
    void Echo(Time start, uint32_t count, uint32_t* replies)
    {
        UdpEchoServerHelper server(9);
        server.Install(nodes.Get(2)).Start(Seconds(0));
        UdpEchoClientHelper client(cAddress, 9);
        client.SetAttribute("MaxPackets", UintegerValue(count));
        client.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer apps = client.Install(nodes.Get(0));
        apps.Start(start);
        apps.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([replies](Ptr<const Packet>) { ++*replies; }));
    }

    /// \return a's route to c, as its routing protocol answers it, or null
    Ptr<Ipv4Route> RouteToC() const
    {
        Ipv4Header header;
        header.SetDestination(cAddress);
        Socket::SocketErrno error;
        return nodes.Get(0)->GetObject<Ipv4>()->GetRoutingProtocol()->RouteOutput(nullptr,
                                                                                  header,
                                                                                  nullptr,
                                                                                  error);
    }

    /// \param i 0 (a) or 1 (b) \return packets its tun interface queued for its daemon
    uint64_t TunOut(uint32_t i) const
    {
        return DynamicCast<TunNetDevice>(tuns.Get(i))->GetCounters().opackets;
    }
};

} // namespace

/// A UDP tunnel pair addressed before the run: PopulateRoutingTables, then traffic.
class GlobalRoutingTunnelTestCase : public TestCase
{
  public:
    GlobalRoutingTunnelTestCase()
        : TestCase("tunnel pair: PopulateRoutingTables sees the tun link; a reaches c through "
                   "it")
    {
    }

  private:
    void DoRun() override
    {
        Chain chain;
        // The underlay, a - r - b: the tunnel is the only adjacency between a and b.
        Ptr<Node> r = CreateObject<Node>();
        InternetStackHelper().Install(r);
        PointToPointHelper p2p;
        Ipv4InterfaceContainer ar = Ipv4AddressHelper("10.1.1.0", "255.255.255.0")
                                        .Assign(p2p.Install(chain.nodes.Get(0), r));
        Ipv4InterfaceContainer rb = Ipv4AddressHelper("10.1.2.0", "255.255.255.0")
                                        .Assign(p2p.Install(r, chain.nodes.Get(1)));
        // The tunnel's own datagrams must not take the tunnel: host routes to the far
        // underlay address through r, as a VPN's route to its server. Static routes come
        // before the global ones.
        Ipv4StaticRoutingHelper statics;
        statics.GetStaticRouting(chain.nodes.Get(0)->GetObject<Ipv4>())
            ->AddHostRouteTo(rb.GetAddress(1), ar.GetAddress(1), ar.Get(0).second);
        statics.GetStaticRouting(chain.nodes.Get(1)->GetObject<Ipv4>())
            ->AddHostRouteTo(ar.GetAddress(0), rb.GetAddress(0), rb.Get(1).second);
        TunHelper tun;
        ApplicationContainer pair = tun.InstallTunnelPair(chain.nodes.Get(0),
                                                          ar.GetAddress(0),
                                                          chain.nodes.Get(1),
                                                          rb.GetAddress(1));
        chain.tuns = TunHelper::IfconfigPair(pair, "10.8.0.1", "10.8.0.2");
        NS_TEST_ASSERT_MSG_EQ(chain.tuns.GetN(), 2u, "the pair's two tun interfaces");
        NS_TEST_EXPECT_MSG_EQ(chain.tuns.Get(0)->GetChannel(),
                              chain.tuns.Get(1)->GetChannel(),
                              "one channel");
        NS_TEST_EXPECT_MSG_EQ(chain.tuns.Get(0)->GetChannel()->GetNDevices(), 2u, "two ends");

        Ipv4GlobalRoutingHelper::PopulateRoutingTables();

        // a's route to c goes out its tun interface, through b's tun address.
        Ptr<Ipv4Route> route = chain.RouteToC();
        NS_TEST_ASSERT_MSG_NE(route, nullptr, "a has a route to c");
        NS_TEST_EXPECT_MSG_EQ(route->GetOutputDevice(), chain.tuns.Get(0), "through tun0");
        NS_TEST_EXPECT_MSG_EQ(route->GetGateway(), Ipv4Address("10.8.0.2"), "via b's tun");

        uint32_t replies = 0;
        chain.Echo(Seconds(1), 3, &replies);
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(replies, 3u, "every echo came back");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(chain.TunOut(0), 3u, "requests left a through the tunnel");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(chain.TunOut(1), 3u, "replies left b through the tunnel");
        Simulator::Destroy();
    }
};

/// A PPP pair: interfaces down before IPCP, so PopulateRoutingTables leaves the link out
/// without crashing; RecomputeRoutingTables once IPCP is open, then traffic.
class GlobalRoutingPppTestCase : public TestCase
{
  public:
    GlobalRoutingPppTestCase()
        : TestCase("PPP pair: PopulateRoutingTables before IPCP does not crash; routes "
                   "recomputed once IPCP is open carry a's traffic to c")
    {
    }

  private:
    void DoRun() override
    {
        Chain chain;
        PppTunHelper ppp;
        chain.tuns = ppp.Install(chain.nodes.Get(0), "10.9.0.1", chain.nodes.Get(1), "10.9.0.2");
        Ptr<TunChannel> channel = DynamicCast<TunChannel>(chain.tuns.Get(0)->GetChannel());
        NS_TEST_ASSERT_MSG_NE(channel, nullptr, "a TunChannel");
        NS_TEST_EXPECT_MSG_EQ(channel->GetPeer(DynamicCast<TunNetDevice>(chain.tuns.Get(0))),
                              chain.tuns.Get(1),
                              "b's interface is a's peer");
        NS_TEST_EXPECT_MSG_EQ(channel->GetSerialLine(), ppp.GetLines()[0], "the line under it");

        Ipv4GlobalRoutingHelper::PopulateRoutingTables();

        bool routed = false;
        Simulator::Schedule(Seconds(4), [&] {
            for (uint32_t i = 0; i < 2; ++i)
            {
                Ptr<UserPpp> daemon = DynamicCast<UserPpp>(ppp.GetDaemons().Get(i));
                NS_TEST_ASSERT_MSG_EQ(daemon->GetIpcp()->IsOpened(), true, "IPCP open " << i);
            }
            Ipv4GlobalRoutingHelper::RecomputeRoutingTables();
            Ptr<Ipv4Route> route = chain.RouteToC();
            routed = route && route->GetOutputDevice() == chain.tuns.Get(0) &&
                     route->GetGateway() == Ipv4Address("10.9.0.2");
        });
        uint32_t replies = 0;
        chain.Echo(Seconds(5), 3, &replies);
        Simulator::Stop(Seconds(9));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(routed, true, "a's route to c is the PPP link, via b");
        NS_TEST_EXPECT_MSG_EQ(replies, 3u, "every echo came back");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(chain.TunOut(0), 3u, "requests left a over PPP");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(chain.TunOut(1), 3u, "replies left b over PPP");
        Simulator::Destroy();
    }
};

/// A PPP pair whose line loses its carrier: once IPCP has closed on both ends, a
/// recompute leaves the link out instead of aborting on an interface without an address.
class GlobalRoutingPppDownTestCase : public TestCase
{
  public:
    GlobalRoutingPppDownTestCase()
        : TestCase("PPP pair: after IPCP closes on both ends, RecomputeRoutingTables leaves "
                   "the link out; when it reopens, routes cross it again")
    {
    }

  private:
    void DoRun() override
    {
        Chain chain;
        PppTunHelper ppp;
        chain.tuns = ppp.Install(chain.nodes.Get(0), "10.9.0.1", chain.nodes.Get(1), "10.9.0.2");
        Ptr<SerialLine> line = ppp.GetLines()[0];
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        auto viaPpp = [&chain] {
            Ptr<Ipv4Route> route = chain.RouteToC();
            return route && route->GetOutputDevice() == chain.tuns.Get(0);
        };
        std::vector<bool> seen;
        auto recompute = [&] {
            Ipv4GlobalRoutingHelper::RecomputeRoutingTables();
            seen.push_back(viaPpp());
        };
        Simulator::Schedule(Seconds(4), recompute);                            // open
        Simulator::Schedule(Seconds(5), &SerialLine::SetCarrier, line, false); // cut
        Simulator::Schedule(Seconds(8), recompute);                            // closed
        Simulator::Schedule(Seconds(9), &SerialLine::SetCarrier, line, true);
        Simulator::Schedule(Seconds(14), recompute); // open again
        Simulator::Stop(Seconds(15));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(seen.size(), 3u, "three recomputes");
        NS_TEST_EXPECT_MSG_EQ(seen[0], true, "routed over the open link");
        NS_TEST_EXPECT_MSG_EQ(seen[1], false, "left out while IPCP is closed");
        NS_TEST_EXPECT_MSG_EQ(seen[2], true, "routed over it again once reopened");
        Ptr<Ipv4> ipv4 = chain.nodes.Get(0)->GetObject<Ipv4>();
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNAddresses(ipv4->GetInterfaceForDevice(chain.tuns.Get(0))),
                              1u,
                              "its address back");
        Simulator::Destroy();
    }
};

/// Global routing over tun links.
class GlobalRoutingTestSuite : public TestSuite
{
  public:
    GlobalRoutingTestSuite()
        : TestSuite("tun-global-routing", UNIT)
    {
        AddTestCase(new GlobalRoutingTunnelTestCase, TestCase::QUICK);
        AddTestCase(new GlobalRoutingPppTestCase, TestCase::QUICK);
        AddTestCase(new GlobalRoutingPppDownTestCase, TestCase::QUICK);
    }
};

static GlobalRoutingTestSuite g_globalRoutingTestSuite; //!< the suite's one instance
