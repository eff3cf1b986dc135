/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Conformance of the tun model with its seed, FreeBSD sys/net/if_tun.c r71921 (2001),
// one test case per function of the seed: tunopen, tunclose, tuninit, tunifioctl,
// tunoutput, tunioctl, tunread, tunwrite, tunpoll; then two nodes joined through their
// userlands (IPv4 without IFHEAD, IPv6 with it).

#include "pcap-test-helpers.h"
#include "syscall-test-helpers.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// A node with the Internet stack and the tun driver, and a root process on it.
struct TunBench
{
    Ptr<Node> node;
    Ptr<TunDriver> driver;
    Ptr<BsdProcess> root;

    TunBench()
    {
        node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        TunHelper().InstallDriver(NodeContainer(node));
        driver = node->GetObject<TunDriver>();
        root = Spawn(0, 0);
    }

    Ptr<BsdProcess> Spawn(uint32_t uid, uint32_t gid)
    {
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->SetAttribute("Uid", UintegerValue(uid));
        p->SetAttribute("Gid", UintegerValue(gid));
        p->Attach(node);
        return p;
    }

    /// Open /dev/tun<unit> as root; aborts the test program if that fails.
    int OpenTun(uint32_t unit = 0, int32_t flags = BSD_O_RDWR)
    {
        auto [e, fd] = OpenNow(root, "/dev/tun" + std::to_string(unit), flags);
        NS_ABORT_MSG_IF(e != BSD_OK, "open tun" << unit << ": " << BsdErrnoName(e));
        return fd;
    }
};

/// An IPv4 UDP datagram of \p payload bytes (at least 8): a UDP header, then zeros.
Ptr<Packet>
Ipv4Packet(Ipv4Address src, Ipv4Address dst, uint32_t payload = 56)
{
    Ptr<Packet> p = Create<Packet>(payload - 8);
    UdpHeader udp;
    udp.SetSourcePort(9);
    udp.SetDestinationPort(9);
    p->AddHeader(udp); // uh_ulen: udp_input refuses a datagram whose length is 0
    Ipv4Header h;
    h.SetSource(src);
    h.SetDestination(dst);
    h.SetProtocol(17);
    h.SetTtl(64);
    h.SetPayloadSize(payload);
    p->AddHeader(h);
    return p;
}

/// An IPv6 packet (no next header, \p payload bytes of zeros).
Ptr<Packet>
Ipv6Packet(Ipv6Address src, Ipv6Address dst, uint32_t payload = 40)
{
    Ptr<Packet> p = Create<Packet>(payload);
    Ipv6Header h;
    h.SetSource(src);
    h.SetDestination(dst);
    h.SetNextHeader(59);
    h.SetHopLimit(64);
    h.SetPayloadLength(payload);
    p->AddHeader(h);
    return p;
}

std::vector<uint8_t>
Bytes(Ptr<const Packet> p)
{
    std::vector<uint8_t> b(p->GetSize());
    p->CopyData(b.data(), b.size());
    return b;
}

std::vector<uint8_t>
Concat(std::vector<uint8_t> a, const std::vector<uint8_t>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// The family header TUNSIFHEAD prepends: network byte order.
std::vector<uint8_t>
FamilyHeader(uint32_t af)
{
    return {uint8_t(af >> 24), uint8_t(af >> 16), uint8_t(af >> 8), uint8_t(af)};
}

/// An ifreq with an int in its union (ifr_mtu) or a short (ifr_flags).
std::vector<uint8_t>
Ifreq(int32_t value)
{
    std::vector<uint8_t> ifr(BSD_IFREQ_SIZE, 0);
    std::memcpy(ifr.data() + 16, &value, 4);
    return ifr;
}

} // namespace

/**
 * tunopen: suser() after vn_open's access check, tuncreate on the first open with the
 * seed's defaults, exclusive open (EBUSY), tun_pid.
 */
class TunopenTestCase : public TestCase
{
  public:
    TunopenTestCase()
        : TestCase("tunopen: access, suser, tuncreate defaults, EBUSY, tun_pid")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        Ptr<BsdProcess> user = b.Spawn(1001, 1001);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(user, "/dev/tun0", BSD_O_RDWR).first,
                              BSD_EACCES,
                              "0600 uucp:dialer: vn_open refuses others before tunopen runs");
        Ptr<BsdProcess> uucp = b.Spawn(BSD_UID_UUCP, BSD_GID_DIALER);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(uucp, "/dev/tun0", BSD_O_RDWR).first,
                              BSD_EPERM,
                              "the owner passes vn_open; tunopen's suser() refuses it");
        NS_TEST_EXPECT_MSG_EQ(b.driver->GetUnit(0), nullptr, "no tuncreate without root");
        Ptr<Cdev> dev = b.node->GetObject<DeviceSwitch>()->Lookup("/dev/tun0");
        NS_TEST_ASSERT_MSG_NE(dev, nullptr, "tun_clone made /dev/tun0");
        NS_TEST_EXPECT_MSG_EQ(dev->GetMajor(), 52, "CDEV_MAJOR");
        NS_TEST_EXPECT_MSG_EQ(dev->GetMode(), 0600u, "mode 0600");
        NS_TEST_EXPECT_MSG_EQ(dev->GetUid(), BSD_UID_UUCP, "uucp");
        NS_TEST_EXPECT_MSG_EQ(dev->GetGid(), BSD_GID_DIALER, "dialer");

        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        NS_TEST_ASSERT_MSG_NE(tun, nullptr, "tuncreate on first open");
        NS_TEST_EXPECT_MSG_EQ(tun->GetTunFlags(), (TUN_INITED | TUN_OPEN), "INITED|OPEN");
        NS_TEST_EXPECT_MSG_EQ(tun->GetIfFlags(),
                              (BSD_IFF_POINTOPOINT | BSD_IFF_MULTICAST),
                              "IFF_POINTOPOINT|IFF_MULTICAST, not up");
        NS_TEST_EXPECT_MSG_EQ(tun->GetMtu(), TUNMTU, "TUNMTU");
        NS_TEST_EXPECT_MSG_EQ(tun->GetIfType(), BSD_IFT_PPP, "IFT_PPP");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetMaxSize().GetValue(), 50u, "ifqmaxlen");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), static_cast<int32_t>(b.root->GetPid()), "tun_pid");
        NS_TEST_EXPECT_MSG_EQ(tun->GetIfName(), "tun0", "if_name/if_unit");
        NS_TEST_EXPECT_MSG_EQ(tun->NeedsArp(), false, "no ARP");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(b.node->GetObject<Ipv4>()->GetInterfaceForDevice(tun),
                                    0,
                                    "if_attach: an IPv4 interface");

        Ptr<BsdProcess> other = b.Spawn(0, 0);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(other, "/dev/tun0", BSD_O_RDWR).first, BSD_EBUSY, "");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), static_cast<int32_t>(b.root->GetPid()), "kept");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(other, "/dev/tun07", BSD_O_RDWR).first, BSD_ENOENT, "");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(other, "/dev/tunnel", BSD_O_RDWR).first, BSD_ENOENT, "");

        CloseNow(b.root, fd);
        auto [e2, fd2] = OpenNow(other, "/dev/tun0", BSD_O_RDWR);
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_OK, "open again after close");
        NS_TEST_EXPECT_MSG_EQ(b.driver->GetUnit(0), tun, "the interface persists");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), static_cast<int32_t>(other->GetPid()), "new pid");

        int fd7 = OpenNow(other, "/dev/tun300", BSD_O_RDWR).second;
        NS_TEST_EXPECT_MSG_GT(fd7, 0, "tun300");
        Ptr<Cdev> dev300 = b.node->GetObject<DeviceSwitch>()->Lookup("/dev/tun300");
        NS_TEST_EXPECT_MSG_EQ(dev300->GetMinor(), 0x1002c, "unit2minor(300)");
        NS_TEST_EXPECT_MSG_EQ(b.driver->GetUnit(300)->GetUnit(), 300u, "dev2unit");
        Simulator::Destroy();
    }
};

/**
 * tunclose: OPEN and pid cleared, if_snd drained, if_down, the AF_INET routes deleted
 * (host route with DSTADDR), RUNNING cleared; IASET, DSTADDR and addresses stay; sigio
 * cleared; link-change callbacks.
 */
class TuncloseTestCase : public TestCase
{
  public:
    TuncloseTestCase()
        : TestCase("tunclose: drain, if_down, routes, RUNNING, sigio; flags and addresses kept")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        int linkChanges = 0;
        tun->AddLinkChangeCallback(Callback<void>([&linkChanges] { ++linkChanges; }));
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(b.root->GetPid()));
        std::string ascii = CreateTempDirFilename("tunclose.tr");
        TunHelper().EnableAscii(ascii, tun, true);
        std::vector<std::string> drops;
        tun->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, const std::string&>(
                [&drops](Ptr<const Packet>, const std::string& why) { drops.push_back(why); }));
        for (int i = 0; i < 50; ++i)
        {
            tun->Output(Ipv4Packet("10.0.0.1", "10.0.0.2"), BSD_AF_INET);
        }
        Ptr<Ipv4> ipv4 = b.node->GetObject<Ipv4>();
        int32_t ifIndex = ipv4->GetInterfaceForDevice(tun);
        Ptr<Ipv4StaticRouting> rt =
            Ipv4RoutingHelper::GetRouting<Ipv4StaticRouting>(ipv4->GetRoutingProtocol());
        auto hostRoutes = [&] {
            int n = 0;
            for (uint32_t r = 0; r < rt->GetNRoutes(); ++r)
            {
                Ipv4RoutingTableEntry e = rt->GetRoute(r);
                n += e.GetDest() == Ipv4Address("10.0.0.2") && e.IsHost() &&
                     e.GetInterface() == static_cast<uint32_t>(ifIndex);
            }
            return n;
        };
        NS_TEST_EXPECT_MSG_EQ(hostRoutes(), 1, "in_ifinit's host route to the peer");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetNPackets(), 50u, "if_snd full: IFQ_MAXLEN, 50");
        NS_TEST_EXPECT_MSG_EQ(linkChanges, 1, "tuninit: running");

        NS_TEST_EXPECT_MSG_EQ(CloseNow(b.root, fd), BSD_OK, "close");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_OPEN), 0u, "OPEN cleared");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), 0, "tun_pid cleared");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetNPackets(), 0u, "if_snd drained");
        NS_TEST_EXPECT_MSG_EQ(drops.size(), 50u, "each drained packet is a drop");
        NS_TEST_EXPECT_MSG_EQ((drops.empty() ? "" : drops.front()), "tunclose", "by tunclose");
        std::map<char, int> lines; // ascii: + queued, - read by the process, d dropped
        std::ifstream in(ascii);
        // Each line names the trace it comes from, as ns-3's shared-stream lines do.
        std::ostringstream context;
        context << " /NodeList/" << b.node->GetId() << "/DeviceList/" << tun->GetIfIndex()
                << "/$ns3::TunNetDevice/";
        int withContext = 0;
        for (std::string line; std::getline(in, line);)
        {
            ++lines[line.empty() ? ' ' : line[0]];
            withContext += line.find(context.str()) != std::string::npos;
        }
        NS_TEST_EXPECT_MSG_EQ(withContext, 100, "every line with its context path");
        NS_TEST_EXPECT_MSG_EQ(lines['+'], 50, "fifty queued");
        NS_TEST_EXPECT_MSG_EQ(lines['-'], 0, "none read by a process");
        NS_TEST_EXPECT_MSG_EQ(lines['d'], 50, "fifty dropped at close");
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)), 0u, "down");
        NS_TEST_EXPECT_MSG_EQ(tun->IsLinkUp(), false, "link down");
        NS_TEST_EXPECT_MSG_EQ(linkChanges, 2, "link-change callbacks fired");
        NS_TEST_EXPECT_MSG_EQ(ipv4->IsUp(ifIndex), false, "IPv4 interface down");
        NS_TEST_EXPECT_MSG_EQ(hostRoutes(), 0, "host route deleted");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & (TUN_IASET | TUN_DSTADDR)),
                              (TUN_IASET | TUN_DSTADDR),
                              "IASET and DSTADDR stay");
        int inetAddrs = 0;
        for (const TunNetDevice::IfAddr& ifa : tun->GetIfAddrs())
        {
            inetAddrs += ifa.family == BSD_AF_INET;
        }
        NS_TEST_EXPECT_MSG_EQ(inetAddrs, 1, "the IPv4 address stays attached");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNAddresses(ifIndex), 1u, "in the stack too");
        NS_TEST_EXPECT_MSG_EQ(tun->GetSigio().IsSet(), false, "funsetown");
        NS_TEST_EXPECT_MSG_EQ(tun->Output(Ipv4Packet("10.0.0.1", "10.0.0.2"), BSD_AF_INET),
                              BSD_EHOSTDOWN,
                              "closed: tunoutput refuses");
        NS_TEST_EXPECT_MSG_EQ(b.node->GetObject<DeviceSwitch>()->Lookup("/dev/tun0")->GetRefs(),
                              1,
                              "only /dev's reference left");
        Simulator::Destroy();
    }
};

/**
 * tuninit, reached by SIOCSIFADDR: IFF_UP|IFF_RUNNING, TUN_IASET for a non-zero IPv4
 * address, TUN_DSTADDR for a non-zero destination; by the ifconfig path and by ns-3's
 * own Ipv4::AddAddress.
 */
class TuninitTestCase : public TestCase
{
  public:
    TuninitTestCase()
        : TestCase("tuninit: up and running, IASET, DSTADDR, by ifconfig and by Ipv4 and Ipv6 API")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        Ptr<TunNetDevice> t0 = b.driver->CreateUnit(0);
        Ptr<TunNetDevice> t1 = b.driver->CreateUnit(1);
        NS_TEST_EXPECT_MSG_EQ(t0->GetTunFlags(), TUN_INITED, "closed, INITED");
        TunHelper::Ifconfig(t0, "10.0.0.1", "10.0.0.2");
        NS_TEST_EXPECT_MSG_EQ((t0->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              (BSD_IFF_UP | BSD_IFF_RUNNING),
                              "up and running");
        NS_TEST_EXPECT_MSG_EQ(t0->GetTunFlags(), (TUN_INITED | TUN_IASET | TUN_DSTADDR), "");

        Ptr<Ipv4> ipv4 = b.node->GetObject<Ipv4>();
        int32_t i1 = ipv4->GetInterfaceForDevice(t1);
        ipv4->AddAddress(i1, Ipv4InterfaceAddress("10.1.0.1", "255.255.255.0"));
        NS_TEST_EXPECT_MSG_EQ((t1->GetIfFlags() & BSD_IFF_RUNNING), BSD_IFF_RUNNING, "running");
        NS_TEST_EXPECT_MSG_EQ(t1->GetTunFlags(), (TUN_INITED | TUN_IASET), "no destination");
        NS_TEST_EXPECT_MSG_EQ(ipv4->IsUp(i1), true, "tuninit brought IPv4 up");
        NS_TEST_EXPECT_MSG_EQ(t0->Init(), BSD_OK, "tuninit returns 0");

        // Ipv6::AddAddress reaches SIOCSIFADDR too (in6_ifinit); tuninit sets the IPv4
        // flags only, so the interface comes up and running without IASET.
        Ptr<TunNetDevice> t2 = b.driver->CreateUnit(2);
        Ptr<Ipv6> ipv6 = b.node->GetObject<Ipv6>();
        ipv6->AddAddress(ipv6->GetInterfaceForDevice(t2),
                         Ipv6InterfaceAddress("2001:db8::1", Ipv6Prefix(64)));
        NS_TEST_EXPECT_MSG_EQ((t2->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              (BSD_IFF_UP | BSD_IFF_RUNNING),
                              "up and running by an IPv6 address");
        NS_TEST_EXPECT_MSG_EQ(t2->GetTunFlags(), TUN_INITED, "no IASET, no DSTADDR");
        bool global = false;
        bool linkLocal = false;
        for (const TunNetDevice::IfAddr& ifa : t2->GetIfAddrs())
        {
            global |= ifa.family == BSD_AF_INET6 && ifa.local6 == Ipv6Address("2001:db8::1");
            linkLocal |= ifa.family == BSD_AF_INET6 && ifa.local6.IsLinkLocal();
        }
        NS_TEST_EXPECT_MSG_EQ(global, true, "the address is recorded as AF_INET6");
        NS_TEST_EXPECT_MSG_EQ(linkLocal, true, "and the link-local one the interface got up");
        Simulator::Destroy();
    }
};

/**
 * tun_modevent(MOD_UNLOAD) is refused with EINVAL and the driver stays loaded; tuninit
 * stamps if_lastchange with the time it brought the interface up.
 */
class TunModeventLastchangeTestCase : public TestCase
{
  public:
    TunModeventLastchangeTestCase()
        : TestCase("tun_modevent: MOD_UNLOAD refused; tuninit: if_lastchange")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        NS_TEST_EXPECT_MSG_EQ(b.driver->Unload(), BSD_EINVAL, "not possible for this module");
        int fd = b.OpenTun(0); // the cdevsw and the clone handler are still there
        NS_TEST_EXPECT_MSG_GT(fd, 2, "/dev/tun0 opens after the refused unload");
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        NS_TEST_ASSERT_MSG_NE(tun, nullptr, "tuncreate ran");
        NS_TEST_EXPECT_MSG_EQ(tun->GetLastChange(), Time(0), "never initialised");
        Simulator::Schedule(Seconds(2.5),
                            [tun] { TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2"); });
        Simulator::Schedule(Seconds(4), [tun] {
            // A second address runs tuninit again.
            TunHelper::Ifconfig(tun, "10.0.1.1", "10.0.1.2");
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(tun->GetLastChange(), Seconds(2.5), "stamped by tuninit");
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(tun->GetLastChange(), Seconds(4), "and again by the next");
        Simulator::Destroy();
    }
};

/**
 * A tun interface takes part in IPv6 only once it is given an IPv6 address: on a node with
 * ns-3's IPv6, an open tun interface (no TUNSIFHEAD) with only an IPv4 address sends no
 * IPv6 and so sees no EAFNOSUPPORT from tunoutput over a run. One given an IPv6 address on
 * purpose still has its IPv6 (duplicate address detection, router solicitations) refused
 * by tunoutput, counted as before; so has one with Ipv6AutoLinkLocal, as the interface
 * was before this attribute.
 */
class TunIpv6OnlyWhenAddressedTestCase : public TestCase
{
  public:
    TunIpv6OnlyWhenAddressedTestCase()
        : TestCase("IPv6 on a tun interface only once it has an IPv6 address")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        Ptr<TunNetDevice> tun[3];
        uint32_t refused[3] = {0, 0, 0};
        uint32_t queued6[3] = {0, 0, 0};
        for (uint32_t u = 0; u < 3; ++u)
        {
            b.OpenTun(u);
            tun[u] = b.driver->GetUnit(u);
            uint32_t* count = &refused[u];
            tun[u]->TraceConnectWithoutContext(
                "Drop",
                Callback<void, Ptr<const Packet>, const std::string&>(
                    [count](Ptr<const Packet>, const std::string& why) {
                        *count += why == "EAFNOSUPPORT";
                    }));
            uint32_t* sniffed = &queued6[u];
            tun[u]->TraceConnectWithoutContext(
                "Sniffer",
                Callback<void, Ptr<const Packet>>([sniffed](Ptr<const Packet> p) {
                    uint8_t family = 0;
                    p->CopyData(&family, 1);
                    *sniffed += family == BSD_AF_INET6;
                }));
        }
        tun[2]->SetAttribute("Ipv6AutoLinkLocal", BooleanValue(true));
        // tun0 is brought up by SIOCSIFFLAGS (if_up) before its address, as ppp(8) does.
        std::vector<uint8_t> flags(BSD_IFREQ_SIZE, 0);
        uint16_t up = BSD_IFF_UP;
        std::memcpy(flags.data() + 16, &up, 2);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun[0], BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0),
                              BSD_OK,
                              "SIOCSIFFLAGS");
        NS_TEST_EXPECT_MSG_EQ((tun[0]->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              uint32_t(BSD_IFF_UP),
                              "up; no link-local address, so no tuninit: not running");
        // With Ipv6AutoLinkLocal, if_up runs in6_if_up: the link-local address goes through
        // in6_ifinit's SIOCSIFADDR, and tuninit marks the interface running too.
        Ifioctl(tun[2], BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0);
        NS_TEST_EXPECT_MSG_EQ((tun[2]->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              uint32_t(BSD_IFF_UP | BSD_IFF_RUNNING),
                              "Ipv6AutoLinkLocal: up and running");
        TunHelper::Ifconfig(tun[0], "10.0.0.1", "10.0.0.2");
        TunHelper::Ifconfig(tun[1], "10.0.1.1", "10.0.1.2");
        TunHelper::Ifconfig(tun[2], "10.0.2.1", "10.0.2.2");
        Ptr<Ipv6> ipv6 = b.node->GetObject<Ipv6>();
        ipv6->AddAddress(ipv6->GetInterfaceForDevice(tun[1]),
                         Ipv6InterfaceAddress("2001:db8::1", Ipv6Prefix(64)));
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        int32_t i0 = ipv6->GetInterfaceForDevice(tun[0]);
        NS_TEST_ASSERT_MSG_GT_OR_EQ(i0, 0, "the interface is in the IPv6 stack");
        NS_TEST_EXPECT_MSG_EQ(ipv6->IsUp(i0), false, "but not up for IPv6");
        NS_TEST_EXPECT_MSG_EQ(ipv6->GetNAddresses(i0), 0u, "no link-local address");
        NS_TEST_EXPECT_MSG_EQ(refused[0], 0u, "IPv4 only: no EAFNOSUPPORT");
        NS_TEST_EXPECT_MSG_EQ(queued6[0], 0u, "and no IPv6 reached tunoutput");
        NS_TEST_EXPECT_MSG_EQ(tun[0]->GetCounters().oerrors, 0u, "");
        for (const TunNetDevice::IfAddr& ifa : tun[0]->GetIfAddrs())
        {
            NS_TEST_EXPECT_MSG_EQ(ifa.family, uint32_t(BSD_AF_INET), "IPv4 addresses only");
        }

        int32_t i1 = ipv6->GetInterfaceForDevice(tun[1]);
        NS_TEST_EXPECT_MSG_EQ(ipv6->IsUp(i1), true, "given an IPv6 address: up for IPv6");
        NS_TEST_EXPECT_MSG_GT(refused[1], 0u, "whose output tunoutput refuses, as ever");
        NS_TEST_EXPECT_MSG_EQ(refused[1], queued6[1], "every IPv6 packet");

        NS_TEST_EXPECT_MSG_EQ(ipv6->IsUp(ipv6->GetInterfaceForDevice(tun[2])),
                              true,
                              "Ipv6AutoLinkLocal: up for IPv6 with the interface");
        NS_TEST_EXPECT_MSG_GT(refused[2], 0u, "and its chatter is refused");
        Simulator::Destroy();
    }
};

/**
 * tun_clone leaves a name another handler already answered alone, and answers only
 * "tun<unit>"; tunifioctl's SIOCSIFDSTADDR runs tuninit as SIOCSIFADDR does.
 */
class TunCloneDstaddrTestCase : public TestCase
{
  public:
    TunCloneDstaddrTestCase()
        : TestCase("tun_clone: already made, not a tun name; tunifioctl: SIOCSIFDSTADDR")
    {
    }

  private:
    void DoRun() override
    {
        // A clone handler registered before the driver's answers "tun8" with a device of
        // its own; tun_clone then finds *dev != NODEV and leaves it alone.
        Ptr<Node> node = CreateObject<Node>();
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
        Ptr<DevOps> other = Create<DevOps>("other");
        CompileDevOps(*other);
        DeviceSwitch* raw = PeekPointer(sw); // the switch keeps its handlers: no cycle
        sw->AddCloneHandler([raw, other](const std::string& name, Ptr<Cdev>& dev) {
            if (!dev && name == "tun8")
            {
                dev = raw->MakeDev(other, 8, 0, 0, 0644, "tun8");
            }
        });
        TunHelper().InstallDriver(NodeContainer(node));
        Ptr<Cdev> tun8 = sw->Lookup("/dev/tun8");
        NS_TEST_ASSERT_MSG_NE(tun8, nullptr, "someone made tun8");
        NS_TEST_EXPECT_MSG_EQ(tun8->GetMode(), 0644u, "the first handler's device, not tun's");
        Ptr<Cdev> tun7 = sw->Lookup("/dev/tun7");
        NS_TEST_ASSERT_MSG_NE(tun7, nullptr, "tun_clone makes tun7");
        NS_TEST_EXPECT_MSG_EQ(tun7->GetMode(), 0600u, "tun's own: 0600 uucp:dialer");
        for (const char* name : {"/dev/tunx", "/dev/tun", "/dev/tun1a"})
        {
            NS_TEST_EXPECT_MSG_EQ(sw->Lookup(name), nullptr, "dev_stdclone refuses " << name);
        }

        TunBench b;
        int fd = b.OpenTun(0);
        NS_TEST_EXPECT_MSG_GT(fd, 2, "");
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        std::vector<uint8_t> flags(BSD_IFREQ_SIZE, 0); // ifr_flags 0: down
        Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0);
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & BSD_IFF_UP), 0u, "if_down: not up");
        // The call is made whatever the build: NS_ASSERT's argument vanishes in Release.
        int dstaddrError = -1;
        Simulator::Schedule(Seconds(1), [tun, &dstaddrError] {
            std::vector<uint8_t> ifr(BSD_IFREQ_SIZE, 0);
            tun->SetTunFlags(tun->GetTunFlags() & ~TUN_DSTADDR);
            dstaddrError = tun->Tunifioctl(BSD_SIOCSIFDSTADDR, ifr.data());
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(dstaddrError, BSD_OK, "SIOCSIFDSTADDR");
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              (BSD_IFF_UP | BSD_IFF_RUNNING),
                              "tuninit: up and running again");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_DSTADDR),
                              uint32_t(TUN_DSTADDR),
                              "TUN_DSTADDR from the address's destination");
        NS_TEST_EXPECT_MSG_EQ(tun->GetLastChange(), Seconds(1), "if_lastchange");
        Simulator::Destroy();
    }
};

/**
 * tunifioctl behind the generic ifioctl: SIOCGIFSTATUS, SIOCSIFMTU with the generic
 * range and privilege checks, SIOCADDMULTI/SIOCDELMULTI, SIOCSIFFLAGS (EINVAL from the
 * driver, ignored), anything else EINVAL.
 */
class TunifioctlTestCase : public TestCase
{
  public:
    TunifioctlTestCase()
        : TestCase("tunifioctl: status, MTU, multicast, flags, EINVAL")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        Ptr<TunNetDevice> tun = b.driver->CreateUnit(0);
        std::vector<uint8_t> status(BSD_IFSTAT_SIZE, 0);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCGIFSTATUS, status.data(), 0),
                              BSD_OK,
                              "");
        NS_TEST_EXPECT_MSG_EQ(std::string(reinterpret_cast<char*>(status.data() + 16)),
                              "",
                              "closed: nothing to say");
        b.OpenTun();
        Ifioctl(tun, BSD_AF_INET, BSD_SIOCGIFSTATUS, status.data(), 0);
        NS_TEST_EXPECT_MSG_EQ(std::string(reinterpret_cast<char*>(status.data() + 16)),
                              "\tOpened by PID " + std::to_string(b.root->GetPid()) + "\n",
                              "the owning pid");

        std::vector<uint8_t> ifr = Ifreq(1400);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFMTU, ifr.data(), 1001),
                              BSD_EPERM,
                              "");
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFMTU, ifr.data(), 0), BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(tun->GetMtu(), 1400, "if_mtu");
        ifr = Ifreq(71);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFMTU, ifr.data(), 0),
                              BSD_EINVAL,
                              "< 72");
        ifr = Ifreq(65536);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFMTU, ifr.data(), 0),
                              BSD_EINVAL,
                              "> max");
        NS_TEST_EXPECT_MSG_EQ(tun->GetMtu(), 1400, "unchanged");
        NS_TEST_EXPECT_MSG_EQ(tun->SetMtu(1280), true, "NetDevice::SetMtu takes the same path");
        NS_TEST_EXPECT_MSG_EQ(tun->SetMtu(50), false, "and the same limits");

        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCADDMULTI, ifr.data(), 0),
                              BSD_OK,
                              "");
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCDELMULTI, ifr.data(), 0),
                              BSD_OK,
                              "");

        NS_TEST_EXPECT_MSG_EQ(tun->Tunifioctl(BSD_SIOCSIFFLAGS, ifr.data()),
                              BSD_EINVAL,
                              "tunifioctl has no SIOCSIFFLAGS");
        std::vector<uint8_t> flags(BSD_IFREQ_SIZE, 0);
        uint16_t up = BSD_IFF_UP | BSD_IFF_DEBUG | BSD_IFF_BROADCAST; // BROADCAST can't change
        std::memcpy(flags.data() + 16, &up, 2);
        NS_TEST_EXPECT_MSG_EQ(Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0),
                              BSD_OK,
                              "ifioctl ignores the driver's EINVAL");
        // The interface has no address, IPv6 included: nothing runs tuninit, so it is up
        // but not running (see TunIpv6OnlyWhenAddressedTestCase for Ipv6AutoLinkLocal).
        NS_TEST_EXPECT_MSG_EQ(
            tun->GetIfFlags(),
            (BSD_IFF_UP | BSD_IFF_DEBUG | BSD_IFF_POINTOPOINT | BSD_IFF_MULTICAST),
            "UP and DEBUG set; IFF_CANTCHANGE bits kept; not running");
        // FreeBSD 4's IFF_CANTCHANGE: ALLMULTI and SMART are the kernel's, LOOPBACK is not.
        uint16_t more = up | BSD_IFF_ALLMULTI | BSD_IFF_SMART | BSD_IFF_LOOPBACK;
        std::memcpy(flags.data() + 16, &more, 2);
        Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0);
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & (BSD_IFF_ALLMULTI | BSD_IFF_SMART)),
                              0u,
                              "ALLMULTI and SMART cannot be set");
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & BSD_IFF_LOOPBACK),
                              uint32_t(BSD_IFF_LOOPBACK),
                              "LOOPBACK can");
        uint16_t down = 0;
        std::memcpy(flags.data() + 16, &down, 2);
        Ifioctl(tun, BSD_AF_INET, BSD_SIOCSIFFLAGS, flags.data(), 0);
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & BSD_IFF_UP), 0u, "if_down");
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & BSD_IFF_LOOPBACK), 0u, "and cleared again");

        NS_TEST_EXPECT_MSG_EQ(
            Ifioctl(tun, BSD_AF_INET, BsdIowr('i', 99, BSD_IFREQ_SIZE), ifr.data(), 0),
            BSD_EINVAL,
            "anything else: EINVAL");
        Simulator::Destroy();
    }
};

/**
 * tunoutput: EHOSTDOWN when not ready (and no IFF_UP check), the bpf tap before the
 * family check, LMODE's sockaddr, IFHEAD's family, INET only otherwise, a full if_snd
 * (ENOBUFS, a collision, a queue drop), the counters, the wakeups of tunstart.
 */
class TunoutputTestCase : public TestCase
{
  public:
    TunoutputTestCase()
        : TestCase("tunoutput: every branch, counter and wakeup")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        Ptr<TunNetDevice> tun = b.driver->CreateUnit(0);
        std::vector<std::string> drops;
        tun->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, const std::string&>(
                [&drops](Ptr<const Packet>, const std::string& why) { drops.push_back(why); }));
        std::vector<std::vector<uint8_t>> tapped;
        tun->TraceConnectWithoutContext(
            "Sniffer",
            Callback<void, Ptr<const Packet>>(
                [&tapped](Ptr<const Packet> p) { tapped.push_back(Bytes(p)); }));
        Ptr<Packet> v4 = Ipv4Packet("10.0.0.1", "10.0.0.2");
        Ptr<Packet> v6 = Ipv6Packet("2001:db8::1", "2001:db8::2");

        NS_TEST_EXPECT_MSG_EQ(tun->Output(v4->Copy(), BSD_AF_INET), BSD_EHOSTDOWN, "closed");
        NS_TEST_EXPECT_MSG_EQ(drops.back(), "EHOSTDOWN", "dropped with the reason");
        NS_TEST_EXPECT_MSG_EQ(tapped.size(), 0u, "no tap before the READY check");

        int fd = b.OpenTun(0, BSD_O_RDWR | BSD_O_NONBLOCK);
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & BSD_IFF_UP), 0u, "open but not up...");
        NS_TEST_EXPECT_MSG_EQ(tun->Output(v4->Copy(), BSD_AF_INET), BSD_OK, "...is enough");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().opackets, 1u, "if_opackets");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().obytes, v4->GetSize(), "if_obytes");
        auto [e1, raw] = ReadNow(b.root, fd, 2048);
        NS_TEST_EXPECT_MSG_EQ((raw == Bytes(v4)), true, "plain mode: the bare IPv4 packet");
        NS_TEST_ASSERT_MSG_EQ(tapped.size(), 1u, "tapped");
        NS_TEST_EXPECT_MSG_EQ((tapped[0] == Concat({2, 0, 0, 0}, Bytes(v4))),
                              true,
                              "bpf: AF_INET, 4 bytes host order, then the packet");

        NS_TEST_EXPECT_MSG_EQ(tun->Output(v6->Copy(), BSD_AF_INET6), BSD_EAFNOSUPPORT, "");
        NS_TEST_EXPECT_MSG_EQ(tapped.size(), 2u, "the tap saw it before the refusal");
        NS_TEST_EXPECT_MSG_EQ((tapped[1] == Concat({28, 0, 0, 0}, Bytes(v6))), true, "AF 28");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().opackets, 1u, "not counted");

        // IFHEAD: the family, network order, in front.
        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        tun->Output(v6->Copy(), BSD_AF_INET6);
        auto [e2, head6] = ReadNow(b.root, fd, 2048);
        NS_TEST_EXPECT_MSG_EQ((head6 == Concat(FamilyHeader(28), Bytes(v6))), true, "IFHEAD");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().obytes,
                              v4->GetSize() + 4 + v6->GetSize(),
                              "obytes counts the header");

        // LMODE: the destination sockaddr_in in front.
        IoctlNow(b.root, fd, TUNSLMODE, IntBytes(1));
        tun->Output(v4->Copy(), BSD_AF_INET);
        auto [e3, lmode] = ReadNow(b.root, fd, 2048);
        std::vector<uint8_t> sin = {16, 2, 0, 0, 10, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0};
        NS_TEST_EXPECT_MSG_EQ((lmode == Concat(sin, Bytes(v4))), true, "sockaddr_in, packet");
        NS_TEST_EXPECT_MSG_EQ(tun->Output(v6->Copy(), BSD_AF_INET6), BSD_EAFNOSUPPORT, "v6");

        // A bpf write: AF_UNSPEC, the family in the packet's first int.
        IoctlNow(b.root, fd, TUNSLMODE, IntBytes(0));
        uint8_t af[4] = {2, 0, 0, 0};
        Ptr<Packet> bpf = Create<Packet>(af, 4);
        bpf->AddAtEnd(v4);
        NS_TEST_EXPECT_MSG_EQ(tun->Output(bpf, BSD_AF_UNSPEC), BSD_OK, "AF_UNSPEC");
        NS_TEST_EXPECT_MSG_EQ((ReadNow(b.root, fd, 2048).second == Bytes(v4)), true, "stripped");

        // Full if_snd: ENOBUFS, a collision, a queue drop.
        for (int i = 0; i < 50; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(tun->Output(v4->Copy(), BSD_AF_INET), BSD_OK, "room");
        }
        uint64_t before = tun->GetCounters().opackets;
        NS_TEST_EXPECT_MSG_EQ(tun->Output(v4->Copy(), BSD_AF_INET), BSD_ENOBUFS, "51st");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().collisions, 1u, "if_collisions");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().snddrops, 1u, "ifq_drops");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetTotalDroppedPackets(), 1u, "queue drop");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().opackets, before, "not counted out");
        NS_TEST_EXPECT_MSG_EQ(drops.back(), "ENOBUFS", "reason");
        tun->DrainQueue();

        // Multicast counts in if_omcasts.
        tun->Output(Ipv4Packet("10.0.0.1", "224.0.0.5"), BSD_AF_INET);
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().omcasts, 1u, "if_omcasts");
        Simulator::Destroy();
    }
};

/**
 * tunstart, reached from tunoutput: wakes a reader in RWAIT, sends SIGIO to the owner
 * when ASYNC (and only then), wakes pollers.
 */
class TunstartTestCase : public TestCase
{
  public:
    TunstartTestCase()
        : TestCase("tunstart: RWAIT wakeup, SIGIO when FIOASYNC and an owner, selwakeup")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        int sigio = 0;
        b.root->SetSignalHandler(
            BSD_SIGIO,
            [&sigio](int32_t) { ++sigio; },
            true);
        Ptr<Packet> v4 = Ipv4Packet("10.0.0.1", "10.0.0.2");

        // A blocking read sleeps with RWAIT; tunoutput wakes it.
        std::vector<uint8_t> got;
        Time readAt;
        b.root->Read(fd, 2048, [&](int, const std::vector<uint8_t>& d) {
            got = d;
            readAt = Simulator::Now();
        });
        Simulator::Schedule(Seconds(1), [&] {
            NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT), TUN_RWAIT, "RWAIT set");
            NS_TEST_EXPECT_MSG_EQ(b.root->GetWaitMessage(), "tunread", "wmesg");
            tun->Output(v4->Copy(), BSD_AF_INET);
            NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT), 0u, "tunstart cleared it");
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(got.size(), v4->GetSize(), "woken with the packet");
        NS_TEST_EXPECT_MSG_EQ(readAt, Seconds(1), "at once");
        NS_TEST_EXPECT_MSG_EQ(sigio, 0, "no SIGIO without ASYNC");

        IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(b.root->GetPid()));
        tun->Output(v4->Copy(), BSD_AF_INET);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sigio, 0, "an owner but no ASYNC: still none");
        IoctlNow(b.root, fd, BSD_FIOASYNC, IntBytes(1));
        tun->Output(v4->Copy(), BSD_AF_INET);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sigio, 1, "ASYNC and an owner: SIGIO");
        IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(0));
        tun->Output(v4->Copy(), BSD_AF_INET);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sigio, 1, "owner cleared: none");

        // SIGIO to a process group.
        Ptr<BsdProcess> member = CreateObject<BsdProcess>();
        member->SetAttribute("Pgid", UintegerValue(b.root->GetPid()));
        member->Attach(b.node);
        int memberSigio = 0;
        member->SetSignalHandler(
            BSD_SIGIO,
            [&memberSigio](int32_t) { ++memberSigio; },
            true);
        IoctlNow(b.root, fd, BSD_TIOCSPGRP, IntBytes(b.root->GetPid()));
        tun->Output(v4->Copy(), BSD_AF_INET);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sigio, 2, "the leader");
        NS_TEST_EXPECT_MSG_EQ(memberSigio, 1, "and the member");

        // fsetown: no owner in another session (a daemon after setsid()).
        Ptr<BsdProcess> daemon = CreateObject<BsdProcess>();
        daemon->SetAttribute("Sid", UintegerValue(777));
        daemon->Attach(b.node);
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(daemon->GetPid())).first,
                              BSD_EPERM,
                              "FIOSETOWN to another session");
        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.root, fd, BSD_TIOCSPGRP, IntBytes(daemon->GetPgid())).first,
            BSD_EPERM,
            "TIOCSPGRP to another session's group");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_FIOGETOWN, {}).second),
                              -int32_t(b.root->GetPid()),
                              "the owner unchanged");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(99998)).first,
                              BSD_ESRCH,
                              "no such process: ESRCH first");
        Simulator::Destroy();
    }
};

/**
 * tunioctl: every command of the seed, its effect and its errors; ENOTTY otherwise.
 */
class TunioctlTestCase : public TestCase
{
  public:
    TunioctlTestCase()
        : TestCase("tunioctl: every ioctl, its effect and its errors")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        auto flags = [&] { return tun->GetTunFlags(); };

        auto [g1, info0] = IoctlNow(b.root, fd, TUNGIFINFO, {});
        TunInfo defaults = TunInfo::Deserialize(info0.data());
        NS_TEST_EXPECT_MSG_EQ(g1, BSD_OK, "TUNGIFINFO");
        NS_TEST_EXPECT_MSG_EQ(defaults.mtu, TUNMTU, "mtu");
        NS_TEST_EXPECT_MSG_EQ(defaults.type, BSD_IFT_PPP, "type");
        NS_TEST_EXPECT_MSG_EQ(defaults.baudrate, 0, "baudrate");
        TunInfo set{115200, 1400, 0x06};
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFINFO, set.Serialize()).first, BSD_OK, "");
        TunInfo back = TunInfo::Deserialize(IoctlNow(b.root, fd, TUNGIFINFO, {}).second.data());
        NS_TEST_EXPECT_MSG_EQ(back.mtu, 1400, "mtu set");
        NS_TEST_EXPECT_MSG_EQ(back.type, 0x06, "type set, unchecked");
        NS_TEST_EXPECT_MSG_EQ(back.baudrate, 115200, "baudrate set");
        TunInfo small{9600, 71, BSD_IFT_PPP};
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFINFO, small.Serialize()).first,
                              BSD_EINVAL,
                              "mtu below IF_MINMTU");
        TunInfo wrapped;
        wrapped.mtu = static_cast<int16_t>(40000); // a short: reads back negative
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFINFO, wrapped.Serialize()).first,
                              BSD_EINVAL,
                              "mtu over 32767 is negative");
        NS_TEST_EXPECT_MSG_EQ(tun->GetMtu(), 1400, "unchanged by the refusals");

        IoctlNow(b.root, fd, TUNSDEBUG, IntBytes(3));
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, TUNGDEBUG, {}).second), 3, "debug");
        NS_TEST_EXPECT_MSG_EQ(b.driver->GetDebug(), 3, "tundebug");

        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        NS_TEST_EXPECT_MSG_EQ((flags() & TUN_IFHEAD), TUN_IFHEAD, "IFHEAD");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, TUNGIFHEAD, {}).second), 1, "get");
        IoctlNow(b.root, fd, TUNSLMODE, IntBytes(7));
        NS_TEST_EXPECT_MSG_EQ((flags() & (TUN_LMODE | TUN_IFHEAD)), TUN_LMODE, "LMODE wins");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, TUNGIFHEAD, {}).second), 0, "get");
        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        NS_TEST_EXPECT_MSG_EQ((flags() & (TUN_LMODE | TUN_IFHEAD)), TUN_IFHEAD, "IFHEAD wins");
        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(0));
        IoctlNow(b.root, fd, TUNSLMODE, IntBytes(0));
        NS_TEST_EXPECT_MSG_EQ((flags() & (TUN_LMODE | TUN_IFHEAD)), 0u, "both off");

        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFMODE, IntBytes(BSD_IFF_BROADCAST)).first,
                              BSD_OK,
                              "broadcast");
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & (BSD_IFF_BROADCAST | BSD_IFF_POINTOPOINT)),
                              BSD_IFF_BROADCAST,
                              "BROADCAST set, POINTOPOINT cleared");
        IoctlNow(b.root, fd, TUNSIFMODE, IntBytes(BSD_IFF_POINTOPOINT));
        NS_TEST_EXPECT_MSG_EQ((tun->GetIfFlags() & (BSD_IFF_BROADCAST | BSD_IFF_POINTOPOINT)),
                              BSD_IFF_POINTOPOINT,
                              "and back");
        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.root, fd, TUNSIFMODE, IntBytes(BSD_IFF_POINTOPOINT | BSD_IFF_MULTICAST))
                .first,
            BSD_EINVAL,
            "P2P|MULTICAST: the 2001 driver does not mask MULTICAST (OpenVPN's call fails)");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFMODE, IntBytes(0)).first, BSD_EINVAL, "");
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFMODE, IntBytes(BSD_IFF_BROADCAST)).first,
                              BSD_EBUSY,
                              "refused while up");

        tun->SetPid(999);
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, TUNSIFPID, {}).first, BSD_OK, "TUNSIFPID");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), static_cast<int32_t>(b.root->GetPid()), "caller");

        uint32_t before = flags();
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, BSD_FIONBIO, IntBytes(1)).first, BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(flags(), before, "FIONBIO: no softc change");
        IoctlNow(b.root, fd, BSD_FIONBIO, IntBytes(0));
        IoctlNow(b.root, fd, BSD_FIOASYNC, IntBytes(1));
        NS_TEST_EXPECT_MSG_EQ((flags() & TUN_ASYNC), TUN_ASYNC, "FIOASYNC on");
        IoctlNow(b.root, fd, BSD_FIOASYNC, IntBytes(0));
        NS_TEST_EXPECT_MSG_EQ((flags() & TUN_ASYNC), 0u, "FIOASYNC off");

        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_FIONREAD, {}).second), 0, "empty");
        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        Ptr<Packet> v4 = Ipv4Packet("10.0.0.1", "10.0.0.2");
        tun->Output(v4->Copy(), BSD_AF_INET);
        tun->Output(Ipv4Packet("10.0.0.1", "10.0.0.2", 500), BSD_AF_INET);
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_FIONREAD, {}).second),
                              static_cast<int32_t>(v4->GetSize() + 4),
                              "the head packet, with its header");

        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(4242)).first,
                              BSD_ESRCH,
                              "no such process");
        IoctlNow(b.root, fd, BSD_FIOSETOWN, IntBytes(b.root->GetPid()));
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_FIOGETOWN, {}).second),
                              static_cast<int32_t>(b.root->GetPid()),
                              "FIOGETOWN");
        IoctlNow(b.root, fd, BSD_TIOCSPGRP, IntBytes(b.root->GetPgid()));
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_FIOGETOWN, {}).second),
                              -static_cast<int32_t>(b.root->GetPgid()),
                              "TIOCSPGRP stores minus the group");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(b.root, fd, BSD_TIOCGPGRP, {}).second),
                              static_cast<int32_t>(b.root->GetPgid()),
                              "TIOCGPGRP");

        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.root, fd, BsdIor('t', 93 + 20, 16), {}).first,
                              BSD_ENOTTY,
                              "unknown: ENOTTY");
        Simulator::Destroy();
    }
};

/**
 * tunread: EWOULDBLOCK when non-blocking, a sleep with RWAIT otherwise, EINTR, one
 * packet per read, a short buffer keeps the head and drops the rest.
 */
class TunreadTestCase : public TestCase
{
  public:
    TunreadTestCase()
        : TestCase("tunread: EWOULDBLOCK, sleep, EINTR, one packet, short buffer")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun(0, BSD_O_RDWR | BSD_O_NONBLOCK);
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        NS_TEST_EXPECT_MSG_EQ(ReadNow(b.root, fd, 2048).first, BSD_EWOULDBLOCK, "empty");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT), 0u, "no RWAIT");

        Ptr<Packet> a = Ipv4Packet("10.0.0.1", "10.0.0.2", 100);
        Ptr<Packet> c = Ipv4Packet("10.0.0.1", "10.0.0.3", 10);
        tun->Output(a->Copy(), BSD_AF_INET);
        tun->Output(c->Copy(), BSD_AF_INET);
        auto [e1, first] = ReadNow(b.root, fd, 20);
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "short read succeeds");
        std::vector<uint8_t> whole = Bytes(a);
        std::vector<uint8_t> head(whole.begin(), whole.begin() + 20);
        NS_TEST_EXPECT_MSG_EQ((first == head), true, "the head of the packet");
        auto [e2, second] = ReadNow(b.root, fd, 2048);
        NS_TEST_EXPECT_MSG_EQ((second == Bytes(c)), true, "the rest of the first was dropped");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(b.root, fd, 2048).first, BSD_EWOULDBLOCK, "one per read");

        // Blocking: sleeps, and a signal interrupts it.
        IoctlNow(b.root, fd, BSD_FIONBIO, IntBytes(0));
        b.root->SetSignalHandler(
            BSD_SIGUSR1,
            [](int32_t) {},
            false);
        int err = -100;
        b.root->Read(fd, 2048, [&err](int e, const std::vector<uint8_t>&) { err = e; });
        Simulator::Schedule(Seconds(1), [&] {
            NS_TEST_EXPECT_MSG_EQ(b.root->IsSleeping(), true, "asleep in tunread");
            NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT), TUN_RWAIT, "RWAIT");
            b.root->Kill(BSD_SIGUSR1);
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(err, BSD_EINTR, "EINTR");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT),
                              TUN_RWAIT,
                              "left set, as the seed leaves it");
        Simulator::Destroy();
    }
};

/**
 * read(fd, buf, 0): the generic read path (spec_read) returns 0 before the driver's
 * d_read when nothing is asked for, so tunread never runs: the head packet stays
 * queued, and a blocking read with nothing queued does not sleep.
 */
class TunReadNothingTestCase : public TestCase
{
  public:
    TunReadNothingTestCase()
        : TestCase("read of 0 bytes: spec_read returns 0, tunread does not run")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun(0, BSD_O_RDWR | BSD_O_NONBLOCK);
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        Ptr<Packet> a = Ipv4Packet("10.0.0.1", "10.0.0.2");
        tun->Output(a->Copy(), BSD_AF_INET);
        auto [e1, nothing] = ReadNow(b.root, fd, 0);
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "read of 0 bytes");
        NS_TEST_EXPECT_MSG_EQ(nothing.size(), 0u, "returns 0");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetNPackets(), 1u, "the packet stays queued");
        NS_TEST_EXPECT_MSG_EQ((ReadNow(b.root, fd, 2048).second == Bytes(a)),
                              true,
                              "and the next read has it whole");

        IoctlNow(b.root, fd, BSD_FIONBIO, IntBytes(0)); // blocking, and nothing queued
        auto [e2, none] = ReadNow(b.root, fd, 0);
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_OK, "returns at once, no sleep in tunread");
        NS_TEST_EXPECT_MSG_EQ(none.size(), 0u, "with 0");
        NS_TEST_EXPECT_MSG_EQ(b.root->IsSleeping(), false, "not asleep");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_RWAIT), 0u, "no RWAIT");
        Simulator::Destroy();
    }
};

/**
 * uiomove failing in tunread and tunwrite (a user buffer that faults): tunread has
 * dequeued the packet and frees it, so it is gone, and returns EFAULT; tunwrite counts
 * the failed copy-in in if_ierrors and returns EFAULT. Driven through the device switch
 * with a uio that has no buffer, as a bad pointer would give.
 */
class TunUiomoveFaultTestCase : public TestCase
{
  public:
    TunUiomoveFaultTestCase()
        : TestCase("uiomove faults: tunread frees the packet, tunwrite counts if_ierrors")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        b.OpenTun(0, BSD_O_RDWR | BSD_O_NONBLOCK);
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        Ptr<DeviceSwitch> sw = b.node->GetObject<DeviceSwitch>();
        Ptr<Cdev> dev = sw->Lookup("/dev/tun0");
        tun->Output(Ipv4Packet("10.0.0.1", "10.0.0.2"), BSD_AF_INET);

        Uio badRead(Uio::READ, nullptr, 2048);
        Ptr<DevReadArgs> rd = Create<DevReadArgs>();
        rd->dev = dev;
        rd->caller = b.root;
        rd->uio = &badRead;
        rd->ioflag = BSD_IO_NDELAY;
        int64_t result = 12345;
        sw->Dread(rd, [&result](int64_t r) { result = r; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(result, BSD_EFAULT, "tunread: EFAULT");
        NS_TEST_EXPECT_MSG_EQ(tun->GetQueue()->GetNPackets(), 0u, "the packet was freed");

        Uio badWrite(Uio::WRITE, nullptr, 84);
        Ptr<DevWriteArgs> wr = Create<DevWriteArgs>();
        wr->dev = dev;
        wr->caller = b.root;
        wr->uio = &badWrite;
        result = 12345;
        sw->Dwrite(wr, [&result](int64_t r) { result = r; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(result, BSD_EFAULT, "tunwrite: EFAULT");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().ierrors, 1u, "if_ierrors");
        NS_TEST_EXPECT_MSG_EQ(tun->GetCounters().ipackets, 0u, "nothing went in");
        Simulator::Destroy();
    }
};

/**
 * A reader asleep in tunread, ended by a signal whose default action is to terminate
 * (SIGTERM, and SIGKILL, which cannot be caught): the process exits without returning
 * from read, its descriptors close, and tunclose runs (the device is no longer open).
 */
class TunReaderKilledTestCase : public TestCase
{
  public:
    /// \param sig the signal
    explicit TunReaderKilledTestCase(int32_t sig)
        : TestCase(std::string("a reader asleep in tunread killed by ") +
                   (sig == BSD_SIGKILL ? "SIGKILL" : "SIGTERM") + ": exit, tunclose"),
          m_sig(sig)
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun(0);
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        bool returned = false;
        b.root->Read(fd, 2048, [&returned](int, const std::vector<uint8_t>&) { returned = true; });
        Simulator::Schedule(Seconds(1), [&] {
            NS_TEST_EXPECT_MSG_EQ(b.root->GetWaitMessage(), "tunread", "asleep in tunread");
            b.root->Kill(m_sig);
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(returned, false, "read never returns");
        NS_TEST_EXPECT_MSG_EQ(b.root->IsAlive(), false, "the process is gone");
        NS_TEST_EXPECT_MSG_EQ((tun->GetTunFlags() & TUN_OPEN), 0u, "tunclose ran");
        NS_TEST_EXPECT_MSG_EQ(tun->GetPid(), 0, "tun_pid cleared");
        Simulator::Destroy();
    }

    int32_t m_sig; //!< the signal
};

/**
 * The address family is 32 bits on the wire and 8 in the kernel: tunwrite hands its
 * ntohl'd family to family_enqueue, whose parameter is a sa_family_t, and tunoutput
 * stores a bpf write's first int in dst->sa_family, a u_char. Only the low byte
 * counts: a TUNSIFHEAD header of 00 00 01 02 is AF_INET, as is a first int of 0x102.
 */
class TunFamilyByteTestCase : public TestCase
{
  public:
    TunFamilyByteTestCase()
        : TestCase("tunwrite and tunoutput: the family is cut to 8 bits (sa_family_t)")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun(0, BSD_O_RDWR | BSD_O_NONBLOCK);
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        std::vector<std::vector<uint8_t>> tapped;
        tun->TraceConnectWithoutContext(
            "Sniffer",
            Callback<void, Ptr<const Packet>>(
                [&tapped](Ptr<const Packet> p) { tapped.push_back(Bytes(p)); }));
        int v4Rx = 0;
        b.node->RegisterProtocolHandler(
            Node::ProtocolHandler([&v4Rx](Ptr<NetDevice>,
                                          Ptr<const Packet>,
                                          uint16_t proto,
                                          const Address&,
                                          const Address&,
                                          NetDevice::PacketType) { v4Rx += proto == 0x0800; }),
            0,
            tun);
        auto hostOrder = [](uint32_t af) { return IntBytes(static_cast<int32_t>(af)); };
        // The tap sees the node's own replies too: look for an entry.
        auto wasTapped = [&tapped](const std::vector<uint8_t>& entry) {
            return std::find(tapped.begin(), tapped.end(), entry) != tapped.end();
        };

        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        std::vector<uint8_t> in = Bytes(Ipv4Packet("10.0.0.2", "10.0.0.1"));
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, Concat({0, 0, 1, 2}, in)).first,
                              BSD_OK,
                              "00 00 01 02 reaches family_enqueue as AF_INET");
        NS_TEST_EXPECT_MSG_EQ(v4Rx, 1, "and IPv4 takes it");
        NS_TEST_EXPECT_MSG_EQ(wasTapped(Concat(hostOrder(0x102), in)),
                              true,
                              "bpf saw the family before the cut: 0x102, host order");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, Concat({0x7f, 0, 0, BSD_AF_IPX}, in)).first,
                              BSD_EAFNOSUPPORT,
                              "a low byte of AF_IPX is still refused");

        // A bpf write in plain mode: the first int 0x102 leaves sa_family AF_INET.
        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(0));
        tun->DrainQueue(); // the node's answers to the writes above
        std::vector<uint8_t> out = Bytes(Ipv4Packet("10.0.0.1", "10.0.0.2"));
        Ptr<Packet> bpf = Create<Packet>(hostOrder(0x102).data(), 4);
        bpf->AddAtEnd(Create<Packet>(out.data(), out.size()));
        NS_TEST_EXPECT_MSG_EQ(tun->Output(bpf, BSD_AF_UNSPEC), BSD_OK, "AF_INET, plain mode");
        NS_TEST_EXPECT_MSG_EQ(wasTapped(Concat(hostOrder(BSD_AF_INET), out)),
                              true,
                              "the tap's af is dst->sa_family, cut");
        NS_TEST_EXPECT_MSG_EQ((ReadNow(b.root, fd, 2048).second == out), true, "queued bare");
        Simulator::Destroy();
    }
};

/**
 * tunwrite: 0 bytes, TUNMRU with the header included (EIO), IFHEAD's family, unknown
 * families (EAFNOSUPPORT, yet counted), a header shorter than 4 bytes (ENOBUFS), the
 * counters, the bpf tap, the protocol input queue.
 */
class TunwriteTestCase : public TestCase
{
  public:
    TunwriteTestCase()
        : TestCase("tunwrite: limits, families, counters, tap, input queue")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        Ptr<Ipv6> ipv6 = b.node->GetObject<Ipv6>();
        ipv6->AddAddress(ipv6->GetInterfaceForDevice(tun),
                         Ipv6InterfaceAddress("2001:db8::1", Ipv6Prefix(64)));
        std::vector<std::vector<uint8_t>> tapped;
        tun->TraceConnectWithoutContext(
            "Sniffer",
            Callback<void, Ptr<const Packet>>(
                [&tapped](Ptr<const Packet> p) { tapped.push_back(Bytes(p)); }));
        // Count what the device hands to each protocol, as the node dispatches it.
        int v4Rx = 0;
        int v6Rx = 0;
        b.node->RegisterProtocolHandler(Node::ProtocolHandler([&](Ptr<NetDevice>,
                                                                  Ptr<const Packet>,
                                                                  uint16_t proto,
                                                                  const Address&,
                                                                  const Address&,
                                                                  NetDevice::PacketType) {
                                            v4Rx += proto == 0x0800;
                                            v6Rx += proto == 0x86DD;
                                        }),
                                        0,
                                        tun);
        // The tap sees both directions, the node's own output too: look for an entry.
        auto wasTapped = [&tapped](const std::vector<uint8_t>& entry) {
            return std::find(tapped.begin(), tapped.end(), entry) != tapped.end();
        };
        const TunNetDevice::Counters& c = tun->GetCounters();

        auto [e0, n0] = WriteNow(b.root, fd, {});
        NS_TEST_EXPECT_MSG_EQ(e0, BSD_OK, "zero bytes");
        NS_TEST_EXPECT_MSG_EQ(n0, 0, "nothing written");
        NS_TEST_EXPECT_MSG_EQ(c.ipackets, 0u, "nothing counted");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, std::vector<uint8_t>(TUNMRU + 1)).first,
                              BSD_EIO,
                              "over TUNMRU");

        std::vector<uint8_t> v4 = Bytes(Ipv4Packet("10.0.0.2", "10.0.0.1"));
        auto [e1, n1] = WriteNow(b.root, fd, v4);
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "plain write");
        NS_TEST_EXPECT_MSG_EQ(n1, static_cast<int64_t>(v4.size()), "all of it");
        NS_TEST_EXPECT_MSG_EQ(v4Rx, 1, "reached IPv4");
        NS_TEST_EXPECT_MSG_EQ(c.ipackets, 1u, "if_ipackets");
        NS_TEST_EXPECT_MSG_EQ(c.ibytes, v4.size(), "if_ibytes");
        NS_TEST_EXPECT_MSG_EQ(wasTapped(Concat({2, 0, 0, 0}, v4)), true, "tapped as AF_INET");

        IoctlNow(b.root, fd, TUNSIFHEAD, IntBytes(1));
        std::vector<uint8_t> v6 = Bytes(Ipv6Packet("2001:db8::2", "2001:db8::1"));
        WriteNow(b.root, fd, Concat(FamilyHeader(BSD_AF_INET6), v6));
        NS_TEST_EXPECT_MSG_EQ(v6Rx, 1, "IFHEAD AF_INET6 reached IPv6");
        NS_TEST_EXPECT_MSG_EQ(c.ibytes, v4.size() + v6.size(), "without the header");
        NS_TEST_EXPECT_MSG_EQ(wasTapped(Concat({28, 0, 0, 0}, v6)),
                              true,
                              "bpf sees the family in host order");

        auto [e2, n2] = WriteNow(b.root, fd, Concat(FamilyHeader(BSD_AF_IPX), v4));
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_EAFNOSUPPORT, "no IPX here");
        NS_TEST_EXPECT_MSG_EQ(c.ipackets, 3u, "counted before family_enqueue refused it");
        std::size_t tapsBefore = tapped.size();
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, {0, 0, 2}).first, BSD_ENOBUFS, "no header");
        NS_TEST_EXPECT_MSG_EQ(c.ipackets, 3u, "not counted");
        NS_TEST_EXPECT_MSG_EQ(tapped.size(), tapsBefore, "m_pullup failed before bpf saw it");

        std::vector<uint8_t> big = Bytes(Ipv4Packet("10.0.0.2", "10.0.0.1", TUNMRU - 20 - 4));
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, Concat(FamilyHeader(2), big)).first,
                              BSD_OK,
                              "TUNMRU exactly, header included");
        big.push_back(0);
        NS_TEST_EXPECT_MSG_EQ(WriteNow(b.root, fd, Concat(FamilyHeader(2), big)).first,
                              BSD_EIO,
                              "one more: EIO, the 2001 limit counts the header");

        // The protocol input queue (ipintrq): full at InputQueueLimit.
        tun->SetAttribute("InputQueueLimit", UintegerValue(1));
        Ptr<Packet> p = Create<Packet>(v4.data(), v4.size());
        NS_TEST_EXPECT_MSG_EQ(tun->Input(p->Copy(), BSD_AF_INET), BSD_OK, "queued");
        NS_TEST_EXPECT_MSG_EQ(tun->Input(p->Copy(), BSD_AF_INET), BSD_ENOBUFS, "full");
        NS_TEST_EXPECT_MSG_EQ(c.intrqdrops, 1u, "counted");
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(tun->Input(p->Copy(), BSD_AF_INET), BSD_OK, "drained");
        Simulator::Destroy();
    }
};

/**
 * tunpoll: readable only with a queued packet (else selrecord), always writable; a
 * poll woken by tunoutput; a timed poll; select over tun.
 */
class TunpollTestCase : public TestCase
{
  public:
    TunpollTestCase()
        : TestCase("tunpoll: POLLIN by queue, POLLOUT always, selrecord and selwakeup")
    {
    }

  private:
    void DoRun() override
    {
        TunBench b;
        int fd = b.OpenTun();
        Ptr<TunNetDevice> tun = b.driver->GetUnit(0);
        using PollFd = BsdProcess::PollFd;
        auto pollNow = [&](int16_t events, Time timeout) {
            std::pair<int, std::vector<PollFd>> r{-100, {}};
            b.root->Poll({PollFd{fd, events, 0}},
                         timeout,
                         [&r](int e, int, const std::vector<PollFd>& fds) {
                             r = {e, fds};
                         });
            Simulator::Run();
            return r;
        };
        auto [e1, f1] = pollNow(BSD_POLLIN | BSD_POLLOUT, Time(0));
        NS_TEST_EXPECT_MSG_EQ(f1[0].revents, BSD_POLLOUT, "writable, not readable");
        NS_TEST_EXPECT_MSG_EQ(tun->GetReadSelInfo().GetRecordedCount(), 1u, "selrecord");

        Time t0 = Simulator::Now();
        auto [e2, f2] = pollNow(BSD_POLLIN, MilliSeconds(100));
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_OK, "timeout is not an error");
        NS_TEST_EXPECT_MSG_EQ(f2[0].revents, 0, "nothing");
        NS_TEST_EXPECT_MSG_EQ(Simulator::Now() - t0, MilliSeconds(100), "after the timeout");

        int ready = -1;
        int16_t revents = 0;
        Time at;
        t0 = Simulator::Now();
        b.root->Poll({PollFd{fd, BSD_POLLIN | BSD_POLLRDNORM, 0}},
                     Time(-1),
                     [&](int, int n, const std::vector<PollFd>& fds) {
                         ready = n;
                         revents = fds[0].revents;
                         at = Simulator::Now();
                     });
        Simulator::Schedule(Seconds(2),
                            [&] { tun->Output(Ipv4Packet("10.0.0.1", "10.0.0.2"), BSD_AF_INET); });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(ready, 1, "one descriptor");
        NS_TEST_EXPECT_MSG_EQ(revents, (BSD_POLLIN | BSD_POLLRDNORM), "readable");
        NS_TEST_EXPECT_MSG_EQ(at - t0, Seconds(2), "woken by tunstart's selwakeup");

        std::vector<int> readable;
        b.root->Select(
            {fd},
            {},
            Time(0),
            [&](int, const std::vector<int>& r, const std::vector<int>&) { readable = r; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(readable.size(), 1u, "select sees it too");
        auto [e3, f3] = pollNow(BSD_POLLIN, Time(0));
        NS_TEST_EXPECT_MSG_EQ(f3[0].revents, BSD_POLLIN, "still queued");
        int bad = -100;
        b.root->Select({fd, 99},
                       {},
                       Time(0),
                       [&](int e, const std::vector<int>&, const std::vector<int>&) { bad = e; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(bad, BSD_EBADF, "select on a closed descriptor");
        auto [e4, f4] = [&] {
            std::pair<int, std::vector<PollFd>> r{-100, {}};
            b.root->Poll({PollFd{99, BSD_POLLIN, 0}},
                         Time(0),
                         [&r](int e, int, const std::vector<PollFd>& fds) {
                             r = {e, fds};
                         });
            Simulator::Run();
            return r;
        }();
        NS_TEST_EXPECT_MSG_EQ(f4[0].revents, BSD_POLLNVAL, "poll says POLLNVAL");
        Simulator::Destroy();
    }
};

/**
 * Two nodes joined through their userlands by relay daemons: IPv4 ping without IFHEAD
 * (IPv6 is then refused at tunoutput), UDP over IPv6 with IFHEAD.
 */
class TunRelayTestCase : public TestCase
{
  public:
    TunRelayTestCase()
        : TestCase("two nodes through their userlands: IPv4 plain, IPv6 with IFHEAD")
    {
    }

  private:
    void DoRun() override
    {
        for (bool ifHead : {false, true})
        {
            NodeContainer nodes(2);
            InternetStackHelper internet;
            internet.Install(nodes);
            TunHelper tun;
            ApplicationContainer relays =
                tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), MilliSeconds(3));
            relays.Get(0)->SetAttribute("IfHead", BooleanValue(ifHead));
            relays.Get(1)->SetAttribute("IfHead", BooleanValue(ifHead));
            Ptr<TunNetDevice> t0 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
            Ptr<TunNetDevice> t1 = nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0);
            TunHelper::Ifconfig(t0, "10.0.0.1", "10.0.0.2");
            TunHelper::Ifconfig(t1, "10.0.0.2", "10.0.0.1");
            for (uint32_t i = 0; i < 2; ++i)
            {
                Ptr<Ipv6> ipv6 = nodes.Get(i)->GetObject<Ipv6>();
                Ptr<TunNetDevice> t = i == 0 ? t0 : t1;
                ipv6->AddAddress(
                    ipv6->GetInterfaceForDevice(t),
                    Ipv6InterfaceAddress(i == 0 ? "2001:db8::1" : "2001:db8::2", Ipv6Prefix(64)));
            }

            std::vector<Time> rtts;
            V4PingHelper ping(Ipv4Address("10.0.0.2"));
            ping.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer pinger = ping.Install(nodes.Get(0));
            pinger.Get(0)->TraceConnectWithoutContext(
                "Rtt",
                Callback<void, Time>([&rtts](Time rtt) { rtts.push_back(rtt); }));
            pinger.Start(Seconds(1));
            pinger.Stop(Seconds(3.5));

            UdpEchoServerHelper server(9);
            server.Install(nodes.Get(1)).Start(Seconds(0));
            UdpEchoClientHelper client(Ipv6Address("2001:db8::2"), 9);
            client.SetAttribute("MaxPackets", UintegerValue(2));
            client.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer echo = client.Install(nodes.Get(0));
            echo.Start(Seconds(1.5));
            int v6Replies = 0;
            echo.Get(0)->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>>(
                    [&v6Replies](Ptr<const Packet>) { ++v6Replies; }));
            int v6Refused = 0;
            t0->TraceConnectWithoutContext(
                "Drop",
                Callback<void, Ptr<const Packet>, const std::string&>(
                    [&v6Refused](Ptr<const Packet>, const std::string& why) {
                        v6Refused += why == "EAFNOSUPPORT";
                    }));
            Simulator::Stop(Seconds(5));
            Simulator::Run();

            NS_TEST_ASSERT_MSG_EQ(rtts.size(), 3u, "three echo replies, ifHead=" << ifHead);
            for (Time rtt : rtts)
            {
                NS_TEST_EXPECT_MSG_EQ(rtt, MilliSeconds(6), "two cable crossings, nothing else");
            }
            if (ifHead)
            {
                NS_TEST_EXPECT_MSG_EQ(v6Replies, 2, "IPv6 crosses with IFHEAD");
                NS_TEST_EXPECT_MSG_EQ(v6Refused, 0, "nothing refused");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(v6Replies, 0, "no IPv6 without IFHEAD");
                NS_TEST_EXPECT_MSG_GT(v6Refused, 0, "tunoutput refused it");
            }
            auto relay = DynamicCast<TunCableRelay>(relays.Get(0));
            NS_TEST_EXPECT_MSG_EQ(relay->GetErrors(), 0u, "the relay never failed");
            NS_TEST_EXPECT_MSG_EQ(relay->GetTunToCable(), t0->GetCounters().opackets, "all read");
            Simulator::Destroy();
        }
    }
};

/**
 * bpfattach(ifp, DLT_NULL, sizeof(u_int)): the pcap file TunHelper writes has link type
 * DLT_NULL and every record starts with the packet's family in host order; records of
 * both directions are there.
 */
class TunPcapTestCase : public TestCase
{
  public:
    TunPcapTestCase()
        : TestCase("pcap: DLT_NULL, a 4-byte host-order family on every record")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        TunHelper tun;
        tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), MilliSeconds(1));
        Ptr<TunNetDevice> t0 = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
        TunHelper::Ifconfig(t0, "10.0.0.1", "10.0.0.2");
        TunHelper::Ifconfig(nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0),
                            "10.0.0.2",
                            "10.0.0.1");
        std::string file = (std::filesystem::temp_directory_path() /
                            ("tun-pcap-test-" + std::to_string(getpid()) + ".pcap"))
                               .string();
        tun.EnablePcap(file, t0, false, true);
        V4PingHelper ping(Ipv4Address("10.0.0.2"));
        ApplicationContainer pinger = ping.Install(nodes.Get(0));
        pinger.Start(Seconds(1));
        pinger.Stop(Seconds(2.5));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        t0 = nullptr;         // the last reference to the device and its pcap sink
        Simulator::Destroy(); // so the file is closed here

        PcapContents pcap = ReadPcap(file);
        std::filesystem::remove(file);
        NS_TEST_ASSERT_MSG_EQ(pcap.opened, true, "the file opens");
        NS_TEST_EXPECT_MSG_EQ(pcap.linkType, 0u, "DLT_NULL");
        int v4Requests = 0;
        int v4Replies = 0;
        for (const std::vector<uint8_t>& data : pcap.records)
        {
            uint32_t family;
            std::memcpy(&family, data.data(), 4);
            NS_TEST_EXPECT_MSG_EQ((family == BSD_AF_INET || family == BSD_AF_INET6),
                                  true,
                                  "family " << family << " in host order");
            if (family == BSD_AF_INET && data.size() >= 4 + 20 + 1 && data[4 + 9] == 1)
            {
                v4Requests += data[4 + 20] == 8; // ICMP echo request
                v4Replies += data[4 + 20] == 0;  // echo reply
            }
        }
        NS_TEST_EXPECT_MSG_EQ(v4Requests, 2, "both requests, going out");
        NS_TEST_EXPECT_MSG_EQ(v4Replies, 2, "both replies, coming in");
    }
};

/// The tun conformance suite.
class TunTestSuite : public TestSuite
{
  public:
    TunTestSuite()
        : TestSuite("tun", UNIT)
    {
        AddTestCase(new TunopenTestCase, TestCase::QUICK);
        AddTestCase(new TuncloseTestCase, TestCase::QUICK);
        AddTestCase(new TuninitTestCase, TestCase::QUICK);
        AddTestCase(new TunifioctlTestCase, TestCase::QUICK);
        AddTestCase(new TunUiomoveFaultTestCase, TestCase::QUICK);
        AddTestCase(new TunReaderKilledTestCase(BSD_SIGTERM), TestCase::QUICK);
        AddTestCase(new TunReaderKilledTestCase(BSD_SIGKILL), TestCase::QUICK);
        AddTestCase(new TunoutputTestCase, TestCase::QUICK);
        AddTestCase(new TunstartTestCase, TestCase::QUICK);
        AddTestCase(new TunioctlTestCase, TestCase::QUICK);
        AddTestCase(new TunreadTestCase, TestCase::QUICK);
        AddTestCase(new TunReadNothingTestCase, TestCase::QUICK);
        AddTestCase(new TunwriteTestCase, TestCase::QUICK);
        AddTestCase(new TunFamilyByteTestCase, TestCase::QUICK);
        AddTestCase(new TunpollTestCase, TestCase::QUICK);
        AddTestCase(new TunRelayTestCase, TestCase::QUICK);
        AddTestCase(new TunPcapTestCase, TestCase::QUICK);
        AddTestCase(new TunModeventLastchangeTestCase, TestCase::QUICK);
        AddTestCase(new TunCloneDstaddrTestCase, TestCase::QUICK);
        AddTestCase(new TunIpv6OnlyWhenAddressedTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static TunTestSuite g_tunTestSuite;
