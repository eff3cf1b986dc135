/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Interface configuration from userland: a process opens a PF_INET socket and issues the
// interface ioctls on it, as ifconfig(8), ppp(8) and OpenVPN do. soo_ioctl hands group
// 'i' to ifioctl (net/if.c), which finds the interface by name (ifunit), answers the
// generic commands, and passes the address commands to in_control (netinet/in.c), which
// ends in the driver's tunifioctl. One test case per layer, each errno its branch gives.

#include "syscall-test-helpers.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// A node with the Internet stack, the tun driver and tun0, a root and a user process
/// each holding a PF_INET datagram socket.
struct IfBench
{
    Ptr<Node> node;
    Ptr<TunNetDevice> tun;
    Ptr<BsdProcess> root;
    Ptr<BsdProcess> user;
    int rootSocket{-1};
    int userSocket{-1};

    IfBench()
    {
        node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        TunHelper().InstallDriver(NodeContainer(node));
        tun = node->GetObject<TunDriver>()->CreateUnit(0);
        root = Spawn(0);
        user = Spawn(1001);
        rootSocket = SocketNow(root, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        userSocket = SocketNow(user, BSD_AF_INET, BSD_SOCK_DGRAM).second;
    }

    Ptr<BsdProcess> Spawn(uint32_t uid)
    {
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->SetAttribute("Uid", UintegerValue(uid));
        p->Attach(node);
        return p;
    }

    /// ioctl on the root's socket \return {errno, what it copied out}
    std::pair<int, std::vector<uint8_t>> Root(uint32_t cmd, const std::vector<uint8_t>& arg)
    {
        return IoctlNow(root, rootSocket, cmd, arg);
    }

    /// SIOCAIFADDR as root \return its errno
    int Add(Ipv4Address addr, Ipv4Address dst, Ipv4Mask mask = Ipv4Mask::GetOnes())
    {
        BsdIfaliasreq ifra;
        ifra.name = "tun0";
        ifra.addr = BsdSockaddrIn::Of(addr);
        if (dst != Ipv4Address::GetAny())
        {
            ifra.broadaddr = BsdSockaddrIn::Of(dst);
        }
        ifra.mask = BsdSockaddrIn::Of(Ipv4Address(mask.Get()));
        return Root(BSD_SIOCAIFADDR, ifra.GetBytes()).first;
    }

    /// An ifreq for tun0 naming \p addr in ifr_addr
    static std::vector<uint8_t> NamingAddr(Ipv4Address addr)
    {
        BsdIfreq ifr("tun0");
        ifr.SetAddr(BsdSockaddrIn::Of(addr));
        return ifr.GetBytes();
    }

    /// \return how many IPv4 addresses tun0's if_addrhead holds
    std::size_t Inet() const
    {
        std::size_t n = 0;
        for (const TunNetDevice::IfAddr& ifa : tun->GetIfAddrs())
        {
            n += ifa.family == BSD_AF_INET;
        }
        return n;
    }

    /// \return the IPv4 interface index of tun0
    int32_t IpIf() const
    {
        return node->GetObject<Ipv4>()->GetInterfaceForDevice(tun);
    }

    /// \return whether the static routing has a route to \p dest / \p mask through tun0
    bool HasRoute(Ipv4Address dest, Ipv4Mask mask) const
    {
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<Ipv4StaticRouting> rt =
            Ipv4RoutingHelper::GetRouting<Ipv4StaticRouting>(ipv4->GetRoutingProtocol());
        for (uint32_t r = 0; r < rt->GetNRoutes(); ++r)
        {
            Ipv4RoutingTableEntry e = rt->GetRoute(r);
            if (e.GetDest() == dest && e.GetDestNetworkMask() == mask &&
                e.GetInterface() == static_cast<uint32_t>(IpIf()))
            {
                return true;
            }
        }
        return false;
    }
};

} // namespace

/**
 * ifioctl: ifunit's ENXIO; SIOCGIFFLAGS and SIOCGIFMTU for anyone; SIOCSIFFLAGS and
 * SIOCSIFMTU for root only (EPERM), the MTU within 72..65535 (EINVAL); IFF_UP through
 * SIOCSIFFLAGS brings the interface up (if_up); a command outside group 'i' that the
 * socket does not know is EOPNOTSUPP.
 */
class IfioctlTestCase : public TestCase
{
  public:
    IfioctlTestCase()
        : TestCase("ifioctl: ENXIO, SIOCGIFFLAGS, SIOCSIFFLAGS, SIOCGIFMTU, SIOCSIFMTU, EPERM")
    {
    }

  private:
    void DoRun() override
    {
        IfBench b;
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCGIFFLAGS, BsdIfreq("tun7").GetBytes()).first,
                              BSD_ENXIO,
                              "ifunit: no tun7");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCGIFFLAGS, BsdIfreq("eth0").GetBytes()).first,
                              BSD_ENXIO,
                              "ns-3's own devices have no BSD name");

        auto [e, out] =
            IoctlNow(b.user, b.userSocket, BSD_SIOCGIFFLAGS, BsdIfreq("tun0").GetBytes());
        NS_TEST_EXPECT_MSG_EQ(e, BSD_OK, "anyone may read the flags");
        NS_TEST_EXPECT_MSG_EQ(BsdIfreq(out).GetName(), "tun0", "the name comes back");
        NS_TEST_EXPECT_MSG_EQ(static_cast<uint16_t>(BsdIfreq(out).GetFlags()),
                              b.tun->GetIfFlags(),
                              "ifr_flags = if_flags");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetIfFlags() & BSD_IFF_UP), 0u, "down before");

        BsdIfreq up("tun0");
        up.SetFlags(static_cast<int16_t>(b.tun->GetIfFlags() | BSD_IFF_UP));
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.user, b.userSocket, BSD_SIOCSIFFLAGS, up.GetBytes()).first,
                              BSD_EPERM,
                              "SIOCSIFFLAGS needs root");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetIfFlags() & BSD_IFF_UP), 0u, "and changed nothing");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFFLAGS, up.GetBytes()).first, BSD_OK, "root may");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetIfFlags() & BSD_IFF_UP), uint32_t(BSD_IFF_UP), "if_up");
        NS_TEST_EXPECT_MSG_EQ(b.node->GetObject<Ipv4>()->IsUp(b.IpIf()), true, "IPv4 up too");

        out = b.Root(BSD_SIOCGIFMTU, BsdIfreq("tun0").GetBytes()).second;
        NS_TEST_EXPECT_MSG_EQ(BsdIfreq(out).GetMtu(), TUNMTU, "ifr_mtu = if_mtu");
        BsdIfreq mtu("tun0");
        mtu.SetMtu(1280);
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(b.user, b.userSocket, BSD_SIOCSIFMTU, mtu.GetBytes()).first,
                              BSD_EPERM,
                              "SIOCSIFMTU needs root");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFMTU, mtu.GetBytes()).first, BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(b.tun->GetMtu(), 1280, "tunifioctl set if_mtu");
        mtu.SetMtu(BSD_IF_MINMTU - 1);
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFMTU, mtu.GetBytes()).first, BSD_EINVAL, "< 72");
        mtu.SetMtu(BSD_IF_MAXMTU + 1);
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFMTU, mtu.GetBytes()).first, BSD_EINVAL, "> max");
        NS_TEST_EXPECT_MSG_EQ(b.tun->GetMtu(), 1280, "unchanged");

        NS_TEST_EXPECT_MSG_EQ(b.Root(BsdIowr('s', 99, 4), BsdIntArgument(0)).first,
                              BSD_EOPNOTSUPP,
                              "not group 'i': pru_control without an interface");
        Simulator::Destroy();
    }
};

/**
 * in_control's SIOCAIFADDR and the reads: EDESTADDRREQ on a point-to-point interface
 * without a destination, EPERM for a user, EADDRNOTAVAIL from the reads before any
 * address; then the address, its peer and mask read back, the node's IPv4 stack has the
 * address, a host route leads to the peer, and tuninit ran (IFF_UP|IFF_RUNNING,
 * TUN_IASET|TUN_DSTADDR).
 */
class InControlAddTestCase : public TestCase
{
  public:
    InControlAddTestCase()
        : TestCase("in_control: SIOCAIFADDR, SIOCGIFADDR, SIOCGIFDSTADDR, SIOCGIFNETMASK")
    {
    }

  private:
    void DoRun() override
    {
        IfBench b;
        Ipv4Address local("10.1.0.1");
        Ipv4Address peer("10.1.0.2");
        for (uint32_t cmd : {BSD_SIOCGIFADDR, BSD_SIOCGIFDSTADDR, BSD_SIOCGIFNETMASK})
        {
            NS_TEST_EXPECT_MSG_EQ(b.Root(cmd, BsdIfreq("tun0").GetBytes()).first,
                                  BSD_EADDRNOTAVAIL,
                                  BsdIoctlName(cmd) << " before any address");
        }
        NS_TEST_EXPECT_MSG_EQ(b.Add(local, Ipv4Address::GetAny()),
                              BSD_EDESTADDRREQ,
                              "point to point needs a destination");
        BsdIfaliasreq ifra;
        ifra.name = "tun0";
        ifra.addr = BsdSockaddrIn::Of(local);
        ifra.broadaddr = BsdSockaddrIn::Of(peer);
        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.user, b.userSocket, BSD_SIOCAIFADDR, ifra.GetBytes()).first,
            BSD_EPERM,
            "SIOCAIFADDR needs root");
        NS_TEST_EXPECT_MSG_EQ(b.Inet(), 0u, "nothing added");

        NS_TEST_EXPECT_MSG_EQ(b.Add(local, peer), BSD_OK, "");
        Ptr<Ipv4> ipv4 = b.node->GetObject<Ipv4>();
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNAddresses(b.IpIf()), 1u, "one address in ns-3");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetAddress(b.IpIf(), 0).GetLocal(), local, "");
        NS_TEST_EXPECT_MSG_EQ(b.HasRoute(peer, Ipv4Mask::GetOnes()), true, "host route to peer");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetIfFlags() & (BSD_IFF_UP | BSD_IFF_RUNNING)),
                              uint32_t(BSD_IFF_UP | BSD_IFF_RUNNING),
                              "tuninit: up and running");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetTunFlags() & (TUN_IASET | TUN_DSTADDR)),
                              uint32_t(TUN_IASET | TUN_DSTADDR),
                              "tuninit: IASET and DSTADDR");

        auto [e, out] =
            IoctlNow(b.user, b.userSocket, BSD_SIOCGIFADDR, BsdIfreq("tun0").GetBytes());
        NS_TEST_EXPECT_MSG_EQ(e, BSD_OK, "anyone may read the address");
        BsdSockaddrIn sin = BsdIfreq(out).GetAddr();
        NS_TEST_EXPECT_MSG_EQ(sin.addr, local, "ifr_addr");
        NS_TEST_EXPECT_MSG_EQ(unsigned(sin.len), BsdSockaddrIn::SIZE, "sin_len");
        NS_TEST_EXPECT_MSG_EQ(unsigned(sin.family), unsigned(BSD_AF_INET), "sin_family");
        out = b.Root(BSD_SIOCGIFDSTADDR, BsdIfreq("tun0").GetBytes()).second;
        NS_TEST_EXPECT_MSG_EQ(BsdIfreq(out).GetAddr().addr, peer, "ifr_dstaddr");
        out = b.Root(BSD_SIOCGIFNETMASK, BsdIfreq("tun0").GetBytes()).second;
        NS_TEST_EXPECT_MSG_EQ(BsdIfreq(out).GetAddr().addr,
                              Ipv4Address("255.255.255.255"),
                              "the mask given");

        NS_TEST_EXPECT_MSG_EQ(b.Add(local, peer), BSD_OK, "the same again: nothing new");
        NS_TEST_EXPECT_MSG_EQ(b.Inet(), 1u, "still one address");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNAddresses(b.IpIf()), 1u, "still one in ns-3");
        Simulator::Destroy();
    }
};

/**
 * in_control's SIOCDIFADDR, SIOCSIFDSTADDR and SIOCSIFADDR: deleting an address the
 * interface lacks is EADDRNOTAVAIL; deleting one removes its host route and takes ns-3's
 * interface down with its last address; a new destination moves the host route; a
 * destination on a broadcast interface is EINVAL; SIOCSIFADDR without an address gives
 * the class's mask (in_ifinit).
 */
class InControlChangeTestCase : public TestCase
{
  public:
    InControlChangeTestCase()
        : TestCase("in_control: SIOCDIFADDR, SIOCSIFDSTADDR, SIOCSIFADDR")
    {
    }

  private:
    void DoRun() override
    {
        IfBench b;
        Ipv4Address local("10.1.0.1");
        Ipv4Address peer("10.1.0.2");
        Ipv4Address other("10.1.0.3");
        NS_TEST_EXPECT_MSG_EQ(b.Add(local, peer), BSD_OK, "");

        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFDSTADDR, IfBench::NamingAddr(other)).first,
                              BSD_OK,
                              "a new destination");
        NS_TEST_EXPECT_MSG_EQ(b.HasRoute(other, Ipv4Mask::GetOnes()), true, "route moved");
        NS_TEST_EXPECT_MSG_EQ(b.HasRoute(peer, Ipv4Mask::GetOnes()), false, "old route gone");

        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCDIFADDR, IfBench::NamingAddr(peer)).first,
                              BSD_EADDRNOTAVAIL,
                              "not an address of the interface");
        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.user, b.userSocket, BSD_SIOCDIFADDR, IfBench::NamingAddr(local)).first,
            BSD_EPERM,
            "SIOCDIFADDR needs root");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCDIFADDR, IfBench::NamingAddr(local)).first,
                              BSD_OK,
                              "");
        Ptr<Ipv4> ipv4 = b.node->GetObject<Ipv4>();
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetNAddresses(b.IpIf()), 0u, "gone from ns-3");
        NS_TEST_EXPECT_MSG_EQ(b.HasRoute(other, Ipv4Mask::GetOnes()), false, "in_ifscrub");
        NS_TEST_EXPECT_MSG_EQ(ipv4->IsUp(b.IpIf()), false, "ns-3's interface down");
        NS_TEST_EXPECT_MSG_EQ((b.tun->GetIfFlags() & BSD_IFF_UP),
                              uint32_t(BSD_IFF_UP),
                              "IFF_UP stays");

        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFADDR, IfBench::NamingAddr(local)).first,
                              BSD_OK,
                              "SIOCSIFADDR without an address");
        NS_TEST_EXPECT_MSG_EQ(ipv4->GetAddress(b.IpIf(), 0).GetMask(),
                              Ipv4Mask("255.0.0.0"),
                              "class A's mask");
        NS_TEST_EXPECT_MSG_EQ(ipv4->IsUp(b.IpIf()), true, "tuninit brought it up");

        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.root, b.rootSocket, TUNSIFMODE, BsdIntArgument(BSD_IFF_BROADCAST)).first,
            BSD_EOPNOTSUPP,
            "TUNSIFMODE is the device's, not the socket's");
        int fd = OpenNow(b.root, "/dev/tun0", BSD_O_RDWR).second;
        b.Root(BSD_SIOCSIFFLAGS, BsdIfreq("tun0").GetBytes()); // down, for TUNSIFMODE
        NS_TEST_EXPECT_MSG_EQ(
            IoctlNow(b.root, fd, TUNSIFMODE, BsdIntArgument(BSD_IFF_BROADCAST)).first,
            BSD_OK,
            "broadcast mode");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCSIFDSTADDR, IfBench::NamingAddr(peer)).first,
                              BSD_EINVAL,
                              "no destination on a broadcast interface");
        NS_TEST_EXPECT_MSG_EQ(b.Root(BSD_SIOCGIFDSTADDR, BsdIfreq("tun0").GetBytes()).first,
                              BSD_EINVAL,
                              "nor reading one");
        Simulator::Destroy();
    }
};

/// The interface-ioctl suite.
class InterfaceIoctlTestSuite : public TestSuite
{
  public:
    InterfaceIoctlTestSuite()
        : TestSuite("tun-interface-ioctl", UNIT)
    {
        AddTestCase(new IfioctlTestCase, TestCase::QUICK);
        AddTestCase(new InControlAddTestCase, TestCase::QUICK);
        AddTestCase(new InControlChangeTestCase, TestCase::QUICK);
    }
};

/// Registers the suite.
static InterfaceIoctlTestSuite g_interfaceIoctlTestSuite;
