/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// User-level PPP over tun on a serial line: the ppp(8) start-up, LCP and IPCP
// negotiation between two daemons, the interface they configure, carrier loss and
// return, and traffic across.

#include "pcap-test-helpers.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <map>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// Two nodes, a serial line between their /dev/cuaa0, the tun driver and a UserPpp on
/// each. a asks for 10.0.0.1, b for 10.0.0.2, unless configured otherwise.
struct PppBench
{
    NodeContainer nodes;
    Ptr<SerialLine> line;
    Ptr<UserPpp> ppp[2];
    std::vector<std::string> states[2]; //!< "LCP Req-Sent>Ack-Rcvd"...
    std::vector<std::string> phases[2];

    explicit PppBench(uint64_t baud = 115200, bool ipv6 = false)
    {
        nodes.Create(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        TunHelper tun;
        tun.InstallDriver(nodes);
        line = CreateObject<SerialLine>();
        line->SetAttribute("BaudRate", UintegerValue(baud));
        line->Connect(nodes.Get(0), 0, nodes.Get(1), 0);
        for (int i = 0; i < 2; ++i)
        {
            ppp[i] = CreateObject<UserPpp>();
            ppp[i]->SetAttribute("Ipv6", BooleanValue(ipv6));
            ppp[i]->GetIpcp()->SetAttribute("LocalAddress",
                                            Ipv4AddressValue(i == 0 ? "10.0.0.1" : "10.0.0.2"));
            ppp[i]->AssignStreams(10 + 2 * i);
            nodes.Get(i)->AddApplication(ppp[i]);
            ppp[i]->SetStartTime(Seconds(0.1 * i));
            ppp[i]->TraceConnectWithoutContext(
                "StateChange",
                Callback<void,
                         const std::string&,
                         const std::string&,
                         const std::string&,
                         const std::string&>([this, i](const std::string& proto,
                                                       const std::string& from,
                                                       const std::string& to,
                                                       const std::string&) {
                    states[i].push_back(proto + " " + from + ">" + to);
                }));
            ppp[i]->TraceConnectWithoutContext(
                "Phase",
                Callback<void, const std::string&, const std::string&>(
                    [this, i](const std::string&, const std::string& to) {
                        phases[i].push_back(to);
                    }));
        }
    }

    /// \return whether \p i went through the transition
    bool Saw(int i, const std::string& transition) const
    {
        return std::find(states[i].begin(), states[i].end(), transition) != states[i].end();
    }
};

/// \return the IPv4 addresses of \p dev's interface
std::vector<Ipv4Address>
AddressesOf(Ptr<TunNetDevice> dev)
{
    std::vector<Ipv4Address> out;
    Ptr<Ipv4> ipv4 = dev->GetNode()->GetObject<Ipv4>();
    int32_t i = ipv4->GetInterfaceForDevice(dev);
    for (uint32_t k = 0; i >= 0 && k < ipv4->GetNAddresses(i); ++k)
    {
        out.push_back(ipv4->GetAddress(i, k).GetLocal());
    }
    return out;
}

} // namespace

/**
 * Both ends with default options: LCP then IPCP reach Opened on both, the bundle goes
 * Establish, Network; each interface gets its address with a host route to the peer and
 * TUNSIFINFO's MTU (the peer's MRU, 1500) and speed (the line's 115200); ping crosses.
 */
class PppDefaultsTestCase : public TestCase
{
  public:
    PppDefaultsTestCase()
        : TestCase("both ends default: LCP and IPCP open, interface configured, ping crosses")
    {
    }

  private:
    void DoRun() override
    {
        PppBench bench;
        std::vector<Time> rtts;
        V4PingHelper ping(Ipv4Address("10.0.0.2"));
        ping.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer pinger = ping.Install(bench.nodes.Get(0));
        pinger.Get(0)->TraceConnectWithoutContext("Rtt", Callback<void, Time>([&rtts](Time rtt) {
                                                      rtts.push_back(rtt);
                                                  }));
        pinger.Start(Seconds(3));
        pinger.Stop(Seconds(5.5));
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        for (int i = 0; i < 2; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(bench.ppp[i]->GetLcp()->IsOpened(), true, "LCP opened " << i);
            NS_TEST_EXPECT_MSG_EQ(bench.ppp[i]->GetIpcp()->IsOpened(), true, "IPCP opened " << i);
            NS_TEST_EXPECT_MSG_EQ(bench.Saw(i, "LCP Ack-Rcvd>Opened") ||
                                      bench.Saw(i, "LCP Ack-Sent>Opened"),
                                  true,
                                  "LCP reached Opened " << i);
            NS_TEST_ASSERT_MSG_GT(bench.phases[i].size(), 1, "phases " << i);
            NS_TEST_EXPECT_MSG_EQ(bench.phases[i][0], "Establish", "first phase");
            NS_TEST_EXPECT_MSG_EQ(bench.phases[i][1], "Network", "then network");
            Ptr<TunNetDevice> tun = bench.ppp[i]->GetTunDevice();
            NS_TEST_ASSERT_MSG_NE(tun, nullptr, "tun opened");
            NS_TEST_EXPECT_MSG_EQ(tun->GetIfName(), "tun0", "the first free unit");
            NS_TEST_EXPECT_MSG_EQ(tun->GetMtu(), 1500, "TUNSIFINFO mtu = peer MRU");
            NS_TEST_EXPECT_MSG_EQ(tun->GetBaudrate(), 115200, "TUNSIFINFO baud = line speed");
            NS_TEST_EXPECT_MSG_EQ(unsigned(tun->GetIfType()), unsigned(BSD_IFT_PPP), "IFT_PPP");
            NS_TEST_EXPECT_MSG_EQ(((tun->GetTunFlags() & TUN_IFHEAD) != 0), true, "TUNSIFHEAD");
            std::vector<Ipv4Address> addrs = AddressesOf(tun);
            NS_TEST_EXPECT_MSG_EQ(addrs.size(), 1, "one address");
            if (!addrs.empty())
            {
                NS_TEST_EXPECT_MSG_EQ(addrs[0],
                                      Ipv4Address(i == 0 ? "10.0.0.1" : "10.0.0.2"),
                                      "negotiated address");
            }
            // LCP negotiated PFC and ACFC both ways, and ACCM 0.
            HdlcTxOptions tx = bench.ppp[i]->GetLcp()->GetTxOptions();
            NS_TEST_EXPECT_MSG_EQ(tx.pfc, true, "PFC");
            NS_TEST_EXPECT_MSG_EQ(tx.acfc, true, "ACFC");
            NS_TEST_EXPECT_MSG_EQ(tx.accm, 0, "ACCM");
        }
        NS_TEST_EXPECT_MSG_EQ(bench.ppp[0]->GetIpcp()->GetPeerAddress(),
                              Ipv4Address("10.0.0.2"),
                              "peer address");
        NS_TEST_EXPECT_MSG_EQ(rtts.size(), 3, "three pings answered");
        Simulator::Destroy();
    }
};

/// The suite.
class UserPppTestSuite : public TestSuite
{
  public:
    UserPppTestSuite()
        : TestSuite("user-ppp", UNIT)
    {
        AddTestCase(new PppDefaultsTestCase, TestCase::QUICK);
    }
};

static UserPppTestSuite g_userPppTestSuite; //!< registers the suite
