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

/// Ones' complement sum of \p n bytes from \p b, as 16-bit big-endian words.
uint32_t
Sum16(const uint8_t* b, std::size_t n, uint32_t sum = 0)
{
    for (std::size_t i = 0; i < n; i += 2)
    {
        sum += (uint32_t(b[i]) << 8) | (i + 1 < n ? b[i + 1] : 0);
    }
    return sum;
}

/// Fold a sum and complement it: the Internet checksum.
uint16_t
Fold(uint32_t sum)
{
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return uint16_t(~sum);
}

/**
 * A tunnel datagram carrying a TCP segment: the family word, an IPv4 header (10.0.0.2 to
 * 10.0.0.1) or an IPv6 one (2001:db8:2::2 to 2001:db8:2::1), a TCP header of \p flags
 * with \p options (padded to 4 bytes with EOL), its checksum computed over the
 * pseudo-header, as a host would send it.
 */
std::vector<uint8_t>
TcpDatagram(bool v6, uint8_t flags, const std::vector<uint8_t>& options)
{
    std::vector<uint8_t> tcp(20, 0);
    tcp.insert(tcp.end(), options.begin(), options.end());
    tcp.resize((tcp.size() + 3) / 4 * 4, 0);
    tcp[0] = 0x9c; // source port 40000
    tcp[1] = 0x40;
    tcp[3] = 9; // discard
    tcp[7] = 1; // sequence 1
    tcp[12] = uint8_t((tcp.size() / 4) << 4);
    tcp[13] = flags;
    tcp[14] = 0xff; // window
    tcp[15] = 0xff;
    std::vector<uint8_t> d = {0, 0, 0, uint8_t(v6 ? BSD_AF_INET6 : BSD_AF_INET)};
    uint32_t pseudo = 6 + tcp.size();
    if (v6)
    {
        std::vector<uint8_t> ip(40, 0);
        ip[0] = 0x60;
        ip[4] = uint8_t(tcp.size() >> 8);
        ip[5] = uint8_t(tcp.size());
        ip[6] = 6;
        ip[7] = 64;
        Ipv6Address("2001:db8:2::2").Serialize(&ip[8]);
        Ipv6Address("2001:db8:2::1").Serialize(&ip[24]);
        pseudo = Sum16(&ip[8], 32, pseudo);
        d.insert(d.end(), ip.begin(), ip.end());
    }
    else
    {
        std::vector<uint8_t> ip(20, 0);
        ip[0] = 0x45;
        ip[2] = uint8_t((20 + tcp.size()) >> 8);
        ip[3] = uint8_t(20 + tcp.size());
        ip[8] = 64;
        ip[9] = 6;
        Ipv4Address("10.0.0.2").Serialize(&ip[12]);
        Ipv4Address("10.0.0.1").Serialize(&ip[16]);
        uint16_t ipsum = Fold(Sum16(ip.data(), 20));
        ip[10] = uint8_t(ipsum >> 8);
        ip[11] = uint8_t(ipsum);
        pseudo = Sum16(&ip[12], 8, pseudo);
        d.insert(d.end(), ip.begin(), ip.end());
    }
    uint16_t check = Fold(Sum16(tcp.data(), tcp.size(), pseudo));
    tcp[16] = uint8_t(check >> 8);
    tcp[17] = uint8_t(check);
    d.insert(d.end(), tcp.begin(), tcp.end());
    return d;
}

/// Whether the TCP checksum of a datagram TcpDatagram made verifies.
bool
TcpChecksumOk(const std::vector<uint8_t>& d)
{
    bool v6 = d[3] == BSD_AF_INET6;
    std::size_t tcp = v6 ? 44 : 24;
    std::size_t len = d.size() - tcp;
    uint32_t sum = v6 ? Sum16(&d[12], 32, 6 + len) : Sum16(&d[16], 8, 6 + len);
    return Fold(Sum16(&d[tcp], len, sum)) == 0;
}

/// The MSS option's value in a datagram TcpDatagram made, the option \p at bytes into
/// the TCP options.
uint16_t
MssAt(const std::vector<uint8_t>& d, std::size_t at)
{
    std::size_t tcp = d[3] == BSD_AF_INET6 ? 44 : 24;
    return uint16_t((d[tcp + 20 + at + 2] << 8) | d[tcp + 20 + at + 3]);
}

const uint8_t SYN = 0x02;
const uint8_t ACK = 0x10;

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

/// ClampMss on its own: what it rewrites, what it leaves, and never a read past the end.
class TunTunnelClampMssTestCase : public TestCase
{
  public:
    TunTunnelClampMssTestCase()
        : TestCase("MssFix: ClampMss lowers a SYN's MSS, checksum still right; leaves the rest")
    {
    }

  private:
    void DoRun() override
    {
        uint16_t before = 0;
        uint16_t after = 0;
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::MssFor(1472, false), 1428u, "1472 - 4 - 20 - 20");
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::MssFor(1452, true), 1388u, "1452 - 4 - 40 - 20");
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::MssFor(10, false), 1u, "never 0");

        // MSS 1460 at an even offset (the option first), and at an odd one (after a NOP):
        // the incremental checksum must be right either way, as a full recomputation.
        const std::vector<std::vector<uint8_t>> shapes = {
            {2, 4, 0x05, 0xb4, 1, 3, 3, 7},
            {1, 2, 4, 0x05, 0xb4, 1, 1, 1},
            {1, 1, 4, 2, 2, 4, 0x05, 0xb4}, // SACK-permitted first: MSS at 24 + 4
        };
        const std::vector<std::size_t> at = {0, 1, 4};
        for (bool v6 : {false, true})
        {
            for (std::size_t i = 0; i < shapes.size(); ++i)
            {
                for (uint8_t flags : {SYN, uint8_t(SYN | ACK)})
                {
                    std::vector<uint8_t> d = TcpDatagram(v6, flags, shapes[i]);
                    NS_TEST_ASSERT_MSG_EQ(TcpChecksumOk(d), true, "the test's own checksum");
                    NS_TEST_EXPECT_MSG_EQ(TunTunnel::ClampMss(d, 1472, before, after),
                                          TunTunnel::MSS_CLAMPED,
                                          "shape " << i << " v6 " << v6);
                    NS_TEST_EXPECT_MSG_EQ(before, 1460u, "");
                    NS_TEST_EXPECT_MSG_EQ(after, (v6 ? 1408u : 1428u), "MSS as clamped");
                    NS_TEST_EXPECT_MSG_EQ(MssAt(d, at[i]), after, "written");
                    NS_TEST_EXPECT_MSG_EQ(TcpChecksumOk(d), true, "shape " << i << " v6 " << v6);
                }
            }
        }

        // Already small enough; no MSS option; not a SYN: not changed.
        std::vector<uint8_t> small = TcpDatagram(false, SYN, {2, 4, 0x05, 0x00});
        std::vector<uint8_t> copy = small;
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::ClampMss(small, 1472, before, after),
                              TunTunnel::MSS_SMALL,
                              "");
        NS_TEST_EXPECT_MSG_EQ((small == copy), true, "left alone");
        std::vector<uint8_t> none = TcpDatagram(false, SYN, {1, 1, 4, 2});
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::ClampMss(none, 1472, before, after),
                              TunTunnel::MSS_NO_OPTION,
                              "");
        std::vector<uint8_t> data = TcpDatagram(false, ACK, {2, 4, 0x05, 0xb4});
        copy = data;
        NS_TEST_EXPECT_MSG_EQ(TunTunnel::ClampMss(data, 1472, before, after),
                              TunTunnel::MSS_NOT_SYN,
                              "an MSS option outside a SYN is not MssFix's business");
        NS_TEST_EXPECT_MSG_EQ((data == copy), true, "");

        // Malformed: left alone, and never read past the end (ASan would see it).
        std::vector<std::vector<uint8_t>> bad;
        std::vector<uint8_t> syn = TcpDatagram(false, SYN, {2, 4, 0x05, 0xb4});
        for (std::size_t n = 14; n < syn.size(); ++n) // cut inside IP or TCP
        {
            bad.emplace_back(syn.begin(), syn.begin() + n);
        }
        std::vector<uint8_t> overrun = TcpDatagram(false, SYN, {1, 1, 1, 2, 9, 0x05, 0xb4, 0});
        bad.push_back(overrun); // the MSS option's length runs past the header
        std::vector<uint8_t> zero = TcpDatagram(false, SYN, {3, 0, 0, 0});
        bad.push_back(zero); // an option of length 0
        std::vector<uint8_t> doff = syn;
        doff[24 + 12] = 0xf0; // a data offset of 60 bytes in a 24-byte header
        bad.push_back(doff);
        std::vector<uint8_t> v6cut = TcpDatagram(true, SYN, {2, 4, 0x05, 0xb4});
        v6cut.resize(4 + 40 + 12);
        bad.push_back(v6cut); // payload length says 24, 12 are there
        for (std::size_t i = 0; i < bad.size(); ++i)
        {
            std::vector<uint8_t> d = bad[i];
            NS_TEST_EXPECT_MSG_EQ(TunTunnel::ClampMss(d, 1472, before, after),
                                  TunTunnel::MSS_MALFORMED,
                                  "malformed " << i << " (" << d.size() << " bytes)");
            NS_TEST_EXPECT_MSG_EQ((d == bad[i]), true, "left alone");
        }
    }
};

/// MssFix in the daemon: SYNs from the peer are clamped before the tun write, a short
/// TCP header is written as it came and counted.
class TunTunnelMssFixTestCase : public TestCase
{
  public:
    TunTunnelMssFixTestCase()
        : TestCase("MssFix 1472: SYNs from the peer clamped on the way to tun; a short TCP "
                   "header counted and left alone")
    {
    }

  private:
    void DoRun() override
    {
        TunnelBench bench(false);
        Ptr<TunTunnel> t = bench.Tunnel(0);
        t->SetAttribute("MssFix", UintegerValue(1472));
        std::vector<std::vector<uint8_t>> written;
        t->TraceConnectWithoutContext(
            "PeerToTun",
            Callback<void, const std::vector<uint8_t>&>([&written](const std::vector<uint8_t>& b) {
                // Only this test's segments (from port 40000), not the stacks' own
                // traffic (IPv6 neighbour discovery, TCP's resets).
                std::size_t tcp = b[3] == BSD_AF_INET6 ? 44 : 24;
                uint8_t proto = b[3] == BSD_AF_INET6 ? b[4 + 6] : b[4 + 9];
                if (proto == 6 && b.size() >= tcp + 2 && b[tcp] == 0x9c && b[tcp + 1] == 0x40)
                {
                    written.push_back(b);
                }
            }));
        std::vector<std::string> traced;
        t->TraceConnectWithoutContext(
            "MssFix",
            Callback<void, const std::string&, uint16_t, uint16_t>(
                [&traced](const std::string& what, uint16_t from, uint16_t to) {
                    traced.push_back(what + " " + std::to_string(from) + " " + std::to_string(to));
                }));

        std::vector<uint8_t> shortTcp = TcpDatagram(false, SYN, {2, 4, 0x05, 0xb4});
        shortTcp.resize(4 + 20 + 12);
        shortTcp[4 + 3] = 20 + 12; // IP length consistent: the TCP header is what is short
        // Not to node 0's address, and TTL 1: its IP stack drops it without handing the
        // stub to ns-3's TCP.
        shortTcp[4 + 8] = 1;
        shortTcp[4 + 19] = 99;
        std::vector<std::vector<uint8_t>> sent = {
            TcpDatagram(false, SYN, {1, 2, 4, 0x05, 0xb4, 1, 1, 1}),
            TcpDatagram(true, SYN | ACK, {2, 4, 0x05, 0xb4}),
            TcpDatagram(false, SYN, {2, 4, 0x04, 0x00}),
            shortTcp,
        };
        Ptr<BsdProcess> peer = CreateObject<BsdProcess>();
        peer->Attach(bench.nodes.Get(1));
        int fd = -1;
        peer->Socket(BSD_AF_INET, BSD_SOCK_DGRAM, [&fd](int, int s) { fd = s; });
        Address to = InetSocketAddress(bench.v4.GetAddress(0), TunTunnel::DEFAULT_PORT);
        for (std::size_t i = 0; i < sent.size(); ++i)
        {
            Simulator::Schedule(Seconds(1) + MilliSeconds(100 * i),
                                [&, i] { peer->SendTo(fd, sent[i], to, [](int, int64_t) {}); });
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(written.size(), 4u, "every datagram written to tun");
        NS_TEST_EXPECT_MSG_EQ(MssAt(written[0], 1), 1428u, "IPv4: 1472 - 44");
        NS_TEST_EXPECT_MSG_EQ(TcpChecksumOk(written[0]), true, "");
        NS_TEST_EXPECT_MSG_EQ(MssAt(written[1], 0), 1408u, "IPv6: 1472 - 64");
        NS_TEST_EXPECT_MSG_EQ(TcpChecksumOk(written[1]), true, "");
        NS_TEST_EXPECT_MSG_EQ((written[2] == sent[2]), true, "1024 is small enough");
        NS_TEST_EXPECT_MSG_EQ((written[3] == sent[3]), true, "the short header as it came");
        NS_TEST_EXPECT_MSG_EQ(t->GetMssFixes("clamped"), 2u, "");
        NS_TEST_EXPECT_MSG_EQ(t->GetMssFixes("small"), 1u, "");
        NS_TEST_EXPECT_MSG_EQ(t->GetMssFixes("malformed"), 1u, "");
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops(), 0u, "MssFix drops nothing");
        NS_TEST_ASSERT_MSG_EQ(traced.size(), 4u, "");
        NS_TEST_EXPECT_MSG_EQ(traced[0], "clamped 1460 1428", "");
        NS_TEST_EXPECT_MSG_EQ(traced[3], "malformed 0 0", "");
        NS_TEST_EXPECT_MSG_EQ(bench.Tunnel(1)->GetMssFixes("clamped"), 0u, "off by default");
        Simulator::Destroy();
    }
};

/// A bulk TCP transfer over the tunnel with 1448-byte segments: the underlay (MTU 1500)
/// fragments every full segment's datagram. ns-3's own TCP sends no MSS option, so
/// MssFix finds none to lower: it counts the SYN and SYN-ACK as "no option" and the
/// transfer is unchanged.
class TunTunnelBulkFragmentsTestCase : public TestCase
{
  public:
    explicit TunTunnelBulkFragmentsTestCase(uint32_t mssFix)
        : TestCase("BulkSend over the tunnel, 1448-byte segments, MssFix " +
                   std::to_string(mssFix) + ": underlay fragments counted"),
          m_mssFix(mssFix)
    {
    }

  private:
    void DoRun() override
    {
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
        TunnelBench bench(false);
        for (uint32_t i = 0; i < 2; ++i)
        {
            bench.Tunnel(i)->SetAttribute("MssFix", UintegerValue(m_mssFix));
        }
        uint32_t fragments = 0;
        uint32_t frames = 0;
        Ptr<NetDevice> under = bench.nodes.Get(0)->GetDevice(1);
        NS_TEST_ASSERT_MSG_EQ(under->GetMtu(), 1500u, "the underlay's MTU");
        Ptr<Ipv4L3Protocol> ipv4 = bench.nodes.Get(0)->GetObject<Ipv4L3Protocol>();
        uint32_t underIf = ipv4->GetInterfaceForDevice(under);
        // Ipv4L3Protocol's Tx fires once a fragment, IP header on, as each leaves.
        ipv4->TraceConnectWithoutContext("Tx",
                                         Callback<void, Ptr<const Packet>, Ptr<Ipv4>, uint32_t>(
                                             [&](Ptr<const Packet> p, Ptr<Ipv4>, uint32_t ifIndex) {
                                                 if (ifIndex != underIf)
                                                 {
                                                     return;
                                                 }
                                                 Ipv4Header ip;
                                                 p->PeekHeader(ip);
                                                 ++frames;
                                                 if (!ip.IsLastFragment() ||
                                                     ip.GetFragmentOffset() != 0)
                                                 {
                                                     ++fragments;
                                                 }
                                             }));
        const uint32_t bytes = 200000;
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress("10.0.0.2", 9));
        bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
        ApplicationContainer sender = bulk.Install(bench.nodes.Get(0));
        sender.Start(Seconds(1));
        PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), 9));
        ApplicationContainer sink = sinkHelper.Install(bench.nodes.Get(1));
        sink.Start(Seconds(0.5));
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(sink.Get(0))->GetTotalRx(),
                              bytes,
                              "the transfer completes");
        NS_TEST_EXPECT_MSG_GT(fragments, 2 * (bytes / 1448) - 10, "two fragments a segment");
        NS_TEST_EXPECT_MSG_LT(fragments, frames, "the handshake's segments are whole");
        uint64_t noOption = m_mssFix ? 1 : 0;
        NS_TEST_EXPECT_MSG_EQ(bench.Tunnel(0)->GetMssFixes("no option"),
                              2 * noOption,
                              "the SYN out, the SYN-ACK in");
        NS_TEST_EXPECT_MSG_EQ(bench.Tunnel(1)->GetMssFixes("no option"), 2 * noOption, "");
        NS_TEST_EXPECT_MSG_EQ(bench.Tunnel(0)->GetMssFixes("clamped"), 0u, "");
        Simulator::Destroy();
        Config::Reset();
    }

    uint32_t m_mssFix; //!< the MssFix of both daemons
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
        AddTestCase(new TunTunnelClampMssTestCase, TestCase::QUICK);
        AddTestCase(new TunTunnelMssFixTestCase, TestCase::QUICK);
        AddTestCase(new TunTunnelBulkFragmentsTestCase(0), TestCase::QUICK);
        AddTestCase(new TunTunnelBulkFragmentsTestCase(1472), TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static TunTunnelTestSuite g_tunTunnelTestSuite;
