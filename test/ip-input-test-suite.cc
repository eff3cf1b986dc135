/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What a process can write to /dev/tun0 that ns-3's stack must never see: one test case
// per statistics counter of IpInputCheck (ip_input, ip6_input and the transport inputs),
// each writing the bad bytes through a real process on a node with the Internet stack and
// checking the counter, the Drop trace's reason and that nothing reached IP. Then the
// packets ns-3 itself builds, which must all pass.

#include "syscall-test-helpers.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <array>

using namespace ns3;
using namespace ns3::tests;

namespace
{

using Bytes = std::vector<uint8_t>;

/// The TUNSIFHEAD family header of AF_INET6, network order.
const Bytes INET6_HEADER = {0, 0, 0, BSD_AF_INET6};

/// Big-endian 16 bits at \p at.
void
Put16(Bytes& b, std::size_t at, uint16_t v)
{
    b[at] = v >> 8;
    b[at + 1] = v & 0xff;
}

/// Recompute the IPv4 header checksum of \p p (in_cksum over the IHL's bytes).
void
FixIpv4Sum(Bytes& p)
{
    std::size_t hlen = (p[0] & 0x0f) * 4;
    Put16(p, 10, 0);
    uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < hlen && i + 1 < p.size(); i += 2)
    {
        sum += (p[i] << 8) | p[i + 1];
    }
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    Put16(p, 10, static_cast<uint16_t>(~sum));
}

/// An IPv4 datagram from 10.0.0.2 to \p dst: IHL and total length right for \p options
/// and \p payload, TTL 64, checksum right.
Bytes
Ip4(uint8_t proto,
    const Bytes& payload,
    const Bytes& options = {},
    std::array<uint8_t, 4> dst = {10, 0, 0, 1})
{
    std::size_t hlen = 20 + options.size();
    Bytes p = {uint8_t(0x40 | hlen / 4), 0, 0, 0, 0, 1, 0, 0, 64, proto, 0, 0, 10, 0, 0, 2};
    p.insert(p.end(), dst.begin(), dst.end());
    p.insert(p.end(), options.begin(), options.end());
    p.insert(p.end(), payload.begin(), payload.end());
    Put16(p, 2, static_cast<uint16_t>(p.size()));
    FixIpv4Sum(p);
    return p;
}

/// A UDP header from port 9 to port 7, uh_ulen \p ulen, then \p data zeros.
Bytes
Udp(uint16_t ulen, std::size_t data)
{
    Bytes u = {0, 9, 0, 7, uint8_t(ulen >> 8), uint8_t(ulen), 0, 0};
    u.resize(8 + data, 0);
    return u;
}

/// A 16-byte IPv6 address: fe80::2 or 2001:db8::<last>.
std::array<uint8_t, 16>
Addr6(bool linkLocal, uint8_t last)
{
    std::array<uint8_t, 16> a{};
    if (linkLocal)
    {
        a[0] = 0xfe;
        a[1] = 0x80;
    }
    else
    {
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = 0xb8;
    }
    a[15] = last;
    return a;
}

/// An IPv6 packet behind the IFHEAD family: from \p src to 2001:db8::1, hop limit 255,
/// payload length right.
Bytes
Ip6(uint8_t next, const Bytes& payload, std::array<uint8_t, 16> src = Addr6(false, 2))
{
    Bytes p = INET6_HEADER;
    Bytes h = {0x60, 0, 0, 0, 0, 0, next, 255};
    Put16(h, 4, static_cast<uint16_t>(payload.size()));
    p.insert(p.end(), h.begin(), h.end());
    p.insert(p.end(), src.begin(), src.end());
    std::array<uint8_t, 16> dst = Addr6(false, 1);
    p.insert(p.end(), dst.begin(), dst.end());
    p.insert(p.end(), payload.begin(), payload.end());
    return p;
}

/// \p p without its IFHEAD family: an IPv6 header to quote.
Bytes
Bare(const Bytes& p)
{
    return Bytes(p.begin() + 4, p.end());
}

/// \p a followed by \p b.
Bytes
Cat(Bytes a, const Bytes& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// Keeps ns-3's ChecksumEnabled set while alive, so a failing test cannot leave it set.
struct ChecksumsOn
{
    ChecksumsOn()
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }

    ~ChecksumsOn()
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
    }
};

/**
 * A node with the Internet stack and tun0 up as 10.0.0.1 -> 10.0.0.2 and 2001:db8::1,
 * held open by a root process. Counts what the device hands to the node's protocols
 * (reaching IP) and what it drops.
 */
struct InputBench
{
    Ptr<Node> node;
    Ptr<TunNetDevice> tun;
    Ptr<BsdProcess> root;
    int fd{-1};
    int reachedIp{0};
    int rxDrops{0};
    std::vector<std::string> reasons;

    InputBench()
    {
        node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        TunHelper().InstallDriver(NodeContainer(node));
        root = CreateObject<BsdProcess>();
        root->Attach(node);
        auto [e, f] = OpenNow(root, "/dev/tun0", BSD_O_RDWR | BSD_O_NONBLOCK);
        NS_ABORT_MSG_IF(e != BSD_OK, "open tun0: " << BsdErrnoName(e));
        fd = f;
        tun = node->GetObject<TunDriver>()->GetUnit(0);
        TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
        Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
        ipv6->AddAddress(ipv6->GetInterfaceForDevice(tun),
                         Ipv6InterfaceAddress("2001:db8::1", Ipv6Prefix(64)));
        node->RegisterProtocolHandler(
            Node::ProtocolHandler([this](Ptr<NetDevice>,
                                         Ptr<const Packet>,
                                         uint16_t,
                                         const Address&,
                                         const Address&,
                                         NetDevice::PacketType) { ++reachedIp; }),
            0,
            tun);
        tun->TraceConnectWithoutContext(
            "MacRxDrop",
            Callback<void, Ptr<const Packet>>([this](Ptr<const Packet>) { ++rxDrops; }));
        tun->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, const std::string&>(
                [this](Ptr<const Packet>, const std::string& why) { reasons.push_back(why); }));
    }

    ~InputBench()
    {
        Simulator::Destroy();
    }

    /// write(2) the bytes and let the protocol's software interrupt run.
    /// \return write's error
    int Write(const Bytes& bytes)
    {
        auto [e, n] = WriteNow(root, fd, bytes);
        NS_ABORT_MSG_IF(e == BSD_OK && n != static_cast<int64_t>(bytes.size()), "short write");
        return e;
    }

    /// \param name a reason's name, or empty for any \return the Drop traces with that
    /// reason, among those that name a protocol input's counter (the node's own output
    /// meets tunoutput's errors too)
    std::size_t InputDrops(const std::string& name = "") const
    {
        std::size_t n = 0;
        for (const std::string& why : reasons)
        {
            bool input = false;
            for (int r = IpInputCheck::OK + 1; r < IpInputCheck::REASON_COUNT; ++r)
            {
                input |= why == IpInputCheck::ReasonName(static_cast<IpInputCheck::Reason>(r));
            }
            n += input && (name.empty() || why == name);
        }
        return n;
    }

    /// TUNSIFHEAD(1), for IPv6 writes.
    void IfHead()
    {
        IoctlNow(root, fd, TUNSIFHEAD, IntBytes(1));
    }
};

/**
 * The checks shared by every case: tunwrite took the packet (0, if_ipackets), then the
 * protocol refused it: \p expected packets counted under \p reason and nowhere else, the
 * Drop trace named it, MacRxDrop fired, nothing reached IP, if_ierrors untouched.
 */
#define EXPECT_REFUSED(b, reason, expected)                                                        \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_EXPECT_MSG_EQ((b).tun->GetIpInputStats().Get(reason),                              \
                              uint64_t(expected),                                                  \
                              IpInputCheck::ReasonName(reason));                                   \
        NS_TEST_EXPECT_MSG_EQ((b).tun->GetIpInputStats().Total(),                                  \
                              uint64_t(expected),                                                  \
                              "counted under no other reason");                                    \
        NS_TEST_EXPECT_MSG_EQ((b).InputDrops(), std::size_t(expected), "one input Drop each");     \
        NS_TEST_EXPECT_MSG_EQ((b).InputDrops(IpInputCheck::ReasonName(reason)),                    \
                              std::size_t(expected),                                               \
                              "the Drop reason");                                                  \
        NS_TEST_EXPECT_MSG_EQ((b).rxDrops, int(expected), "MacRxDrop");                            \
        NS_TEST_EXPECT_MSG_EQ((b).reachedIp, 0, "nothing reached IP");                             \
        NS_TEST_EXPECT_MSG_EQ((b).tun->GetCounters().ipackets,                                     \
                              uint64_t(expected),                                                  \
                              "tunwrite counted each in if_ipackets");                             \
        NS_TEST_EXPECT_MSG_EQ((b).tun->GetCounters().ierrors, 0u, "not an if_ierrors");            \
    } while (false)

/// A test case writing the packets \p packets (IPv6 ones with TUNSIFHEAD) and expecting
/// each refused for \p reason.
class RefusedTestCase : public TestCase
{
  public:
    /**
     * \param name what is written \param reason the counter \param packets the writes
     * \param checksums with ns-3's ChecksumEnabled set
     */
    RefusedTestCase(std::string name,
                    IpInputCheck::Reason reason,
                    std::vector<Bytes> packets,
                    bool checksums = false)
        : TestCase(IpInputCheck::ReasonName(reason) + ": " + name),
          m_reason(reason),
          m_packets(std::move(packets)),
          m_checksums(checksums)
    {
    }

  private:
    void DoRun() override
    {
        std::unique_ptr<ChecksumsOn> sums;
        if (m_checksums)
        {
            sums = std::make_unique<ChecksumsOn>();
        }
        InputBench b;
        for (const Bytes& p : m_packets)
        {
            if (p.size() >= 4 && Bytes(p.begin(), p.begin() + 4) == INET6_HEADER)
            {
                b.IfHead();
            }
            NS_TEST_EXPECT_MSG_EQ(b.Write(p), BSD_OK, "tunwrite succeeds: ip_input runs later");
            IoctlNow(b.root, b.fd, TUNSIFHEAD, IntBytes(0));
        }
        EXPECT_REFUSED(b, m_reason, m_packets.size());
    }

    IpInputCheck::Reason m_reason; //!< the counter
    std::vector<Bytes> m_packets;  //!< the writes
    bool m_checksums;              //!< ChecksumEnabled
};

/// The packets of the issue: IHL 1 (a heap overflow in Icmpv4L4Protocol::SendDestUnreach)
/// and an ICMP echo of total length 26 (a 4 GiB allocation in Icmpv4Echo::Deserialize).
class IssueBytesTestCase : public TestCase
{
  public:
    IssueBytesTestCase()
        : TestCase("the issue's bytes: IHL 1 and an ICMP echo of total length 26")
    {
    }

  private:
    void DoRun() override
    {
        {
            InputBench b;
            b.Write({0x41, 0x00, 0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11,
                     0x00, 0x00, 0x0a, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x01});
            EXPECT_REFUSED(b, IpInputCheck::IPS_BADHLEN, 1);
        }
        {
            InputBench b;
            Bytes echo = Ip4(1, {8, 0, 0xf7, 0xfe, 0, 1});
            NS_TEST_ASSERT_MSG_EQ(echo.size(), 26u, "total length 26");
            b.Write(echo);
            EXPECT_REFUSED(b, IpInputCheck::ICPS_TOOSHORT, 1);
        }
    }
};

/// ips_toosmall is counted only for a fragment ip_input reassembles: one addressed to a
/// node further on is forwarded as it is.
class ToosmallTestCase : public TestCase
{
  public:
    ToosmallTestCase()
        : TestCase("ips_toosmall: a fragment for us with MF and 12 bytes; not one to forward")
    {
    }

  private:
    void DoRun() override
    {
        Bytes forUs = Ip4(17, Udp(100, 4));
        Put16(forUs, 6, 0x2000); // IP_MF
        FixIpv4Sum(forUs);
        Bytes onward = Ip4(17, Udp(100, 4), {}, {10, 9, 9, 9});
        Put16(onward, 6, 0x2000);
        FixIpv4Sum(onward);
        InputBench b;
        b.Write(forUs);
        NS_TEST_EXPECT_MSG_EQ(b.tun->GetIpInputStats().ipsToosmall, 1u, "for us: refused");
        NS_TEST_EXPECT_MSG_EQ(b.reachedIp, 0, "nothing reached IP");
        b.Write(onward);
        NS_TEST_EXPECT_MSG_EQ(b.tun->GetIpInputStats().Total(), 1u, "onward: not checked");
        NS_TEST_EXPECT_MSG_EQ(b.reachedIp, 1, "and handed to IP to forward");
    }
};

/// ips_badsum only where ns-3 writes checksums (ChecksumEnabled): the same header with
/// the right sum passes.
class BadsumTestCase : public TestCase
{
  public:
    BadsumTestCase()
        : TestCase("ips_badsum: only with ChecksumEnabled, and the right sum passes")
    {
    }

  private:
    void DoRun() override
    {
        Bytes bad = Ip4(17, Udp(16, 8));
        bad[10] ^= 0xff;
        {
            InputBench b;
            b.Write(bad);
            NS_TEST_EXPECT_MSG_EQ(b.reachedIp, 1, "no checksums in ns-3: not checked");
        }
        ChecksumsOn sums;
        InputBench b;
        b.Write(bad);
        EXPECT_REFUSED(b, IpInputCheck::IPS_BADSUM, 1);
        b.Write(Ip4(17, Udp(16, 8)));
        NS_TEST_EXPECT_MSG_EQ(b.reachedIp, 1, "the right sum passes");
    }
};

/// What ns-3's own stack writes must pass untouched: UDP, ICMP echo, a TCP SYN with the
/// options ns-3 sends, IPv4 fragments, UDP and ICMPv6 echo over IPv6, a router
/// solicitation with its link-layer option, IPv6 fragments.
class ValidPassesTestCase : public TestCase
{
  public:
    ValidPassesTestCase()
        : TestCase("valid packets, as ns-3 builds them, all reach IP")
    {
    }

  private:
    void DoRun() override
    {
        InputBench b;
        std::vector<Bytes> v4 = {
            Ip4(17, Udp(20, 12)),
            Ip4(1, {8, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g'}),
            // SYN with MSS, NOP NOP TS, NOP WS, SACK_PERMITTED, EOL: th_off 11
            Ip4(6,
                {0, 9,    0, 7, 0, 0,  0, 1, 0, 0, 0, 0, 0xb0, 0x02, 0xff, 0xff, 0, 0, 0, 0, 2, 4,
                 5, 0xb4, 1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0,    0,    1,    3,    3, 7, 4, 2, 0, 0}),
            // an ICMP port unreachable quoting a UDP header
            Ip4(1, Cat({3, 3, 0, 0, 0, 0, 0, 0}, Ip4(17, Udp(8, 0)))),
        };
        Bytes first = Ip4(17, Udp(1008, 8)); // the first 16 bytes of a 1008-byte datagram
        Put16(first, 6, 0x2000);
        FixIpv4Sum(first);
        Bytes last = Ip4(17, Bytes(992, 0));
        Put16(last, 6, 2); // offset 16 bytes, no MF
        FixIpv4Sum(last);
        v4.push_back(first);
        v4.push_back(last);
        for (const Bytes& p : v4)
        {
            b.Write(p);
        }
        b.IfHead();
        std::array<uint8_t, 16> ll = Addr6(true, 2);
        std::vector<Bytes> v6 = {
            Ip6(17, Udp(12, 4)),
            Ip6(58, {128, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g'}),
            // router solicitation with a source link-layer address (6 bytes, length 1)
            Ip6(58, {133, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1}, ll),
            // first fragment of a UDP datagram: fragment header, offset 0, M
            Ip6(44, Cat({17, 0, 0, 1, 0, 0, 0, 7}, Udp(24, 8))),
            Ip6(44, Bytes{17, 0, 0, 16, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0}),
            // destination options with PadN, then no next header
            Ip6(60, {59, 0, 1, 4, 0, 0, 0, 0}),
        };
        for (const Bytes& p : v6)
        {
            b.Write(p);
        }
        NS_TEST_EXPECT_MSG_EQ(b.tun->GetIpInputStats().Total(), 0u, "nothing refused");
        NS_TEST_EXPECT_MSG_EQ(b.InputDrops(), 0u, "no input drop");
        NS_TEST_EXPECT_MSG_EQ(b.reachedIp, int(v4.size() + v6.size()), "all reached IP");
    }
};

/// The IPv4 cases, one per counter.
std::vector<TestCase*>
Ipv4Cases()
{
    using R = IpInputCheck;
    Bytes header = Ip4(17, {});
    Bytes longer = Ip4(17, Udp(8, 0));
    Put16(longer, 2, 40); // ip_len 40, 28 bytes present
    FixIpv4Sum(longer);
    Bytes version5 = Ip4(17, Udp(8, 0));
    version5[0] = 0x55;
    Bytes lenUnderHeader = Ip4(17, Udp(8, 0));
    Put16(lenUnderHeader, 2, 16);
    FixIpv4Sum(lenUnderHeader);
    Bytes innerIhl4 = Ip4(1, Cat({3, 3, 0, 0, 0, 0, 0, 0}, Ip4(17, Udp(8, 0))));
    innerIhl4[28] = 0x44;
    Bytes unreach30 = Ip4(1, Cat({3, 3, 0, 0, 0, 0, 0, 0}, Bytes(22, 0)));
    Bytes tcpShort = Ip4(6, Bytes(12, 0));
    Bytes tcpOff4 =
        Ip4(6, {0, 9, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0x40, 0x02, 0xff, 0xff, 0, 0, 0, 0});
    Bytes tcpOff15 = tcpOff4;
    tcpOff15[32] = 0xf0;
    Bytes mss3 =
        Ip4(6, {0,    9,    0,    7,    0, 0, 0, 1, 0, 0, 0, 0,
                0x60, 0x02, 0xff, 0xff, 0, 0, 0, 0, 2, 3, 5, 0}); // TcpOptionMSS aborts on length 3
    Bytes tcpFirstFragment = Ip4(6, Bytes(8, 0));
    Put16(tcpFirstFragment, 6, 0x2000);
    FixIpv4Sum(tcpFirstFragment);
    return {
        new RefusedTestCase("19 bytes; ip_len past the bytes written",
                            R::IPS_TOOSHORT,
                            {Bytes(header.begin(), header.end() - 1), longer}),
        new RefusedTestCase("version 5", R::IPS_BADVERS, {version5}),
        new RefusedTestCase("IHL 4; IHL 15 in 28 bytes",
                            R::IPS_BADHLEN,
                            {[] {
                                 Bytes p = Ip4(17, Udp(8, 0));
                                 p[0] = 0x44;
                                 return p;
                             }(),
                             [] {
                                 Bytes p = Ip4(17, Udp(8, 0));
                                 p[0] = 0x4f;
                                 return p;
                             }()}),
        new RefusedTestCase("ip_len 16, under the header", R::IPS_BADLEN, {lenUnderHeader}),
        new RefusedTestCase("a timestamp option of length 8 in 4 bytes of options",
                            R::IPS_BADOPTIONS,
                            {Ip4(17, Udp(8, 0), {0x44, 8, 5, 0})}),
        new RefusedTestCase("an unreachable of 30 bytes; one quoting IHL 4",
                            R::ICPS_BADLEN,
                            {unreach30, innerIhl4}),
        new RefusedTestCase("4 bytes of UDP", R::UDPS_HDROPS, {Ip4(17, {0, 9, 0, 7})}),
        new RefusedTestCase("uh_ulen 100 in 12 bytes; uh_ulen 4",
                            R::UDPS_BADLEN,
                            {Ip4(17, Udp(100, 4)), Ip4(17, Udp(4, 4))}),
        new RefusedTestCase("12 bytes of TCP", R::TCPS_RCVSHORT, {tcpShort}),
        new RefusedTestCase("th_off 4; th_off 15 in 20 bytes",
                            R::TCPS_RCVBADOFF,
                            {tcpOff4, tcpOff15}),
        new RefusedTestCase("a TCP MSS option of length 3; a first fragment of 8 TCP bytes",
                            R::UNSAFE_FOR_NS3,
                            {mss3, tcpFirstFragment}),
    };
}

/// The IPv6 cases, one per counter.
std::vector<TestCase*>
Ipv6Cases()
{
    using R = IpInputCheck;
    Bytes short6 = Cat(INET6_HEADER, Bytes(30, 0));
    short6[4] = 0x60;
    Bytes plen100 = Ip6(59, Bytes(10, 0));
    Put16(plen100, 4 + 4, 100);
    Bytes version4 = Ip6(59, {});
    version4[4] = 0x40;
    std::array<uint8_t, 16> ll = Addr6(true, 2);
    // neighbour solicitation for 2001:db8::1
    Bytes ns = {135, 0, 0, 0, 0, 0, 0, 0};
    std::array<uint8_t, 16> target = Addr6(false, 1);
    ns.insert(ns.end(), target.begin(), target.end());
    Bytes sllao = {1, 1, 0, 0, 0, 0, 0, 2};
    return {
        new RefusedTestCase("30 bytes; plen 100 with 10 present; 4 bytes of UDP",
                            R::IP6S_TOOSHORT,
                            {short6, plen100, Ip6(17, {0, 9, 0, 7})}),
        new RefusedTestCase("version 4 in an AF_INET6 write", R::IP6S_BADVERS, {version4}),
        new RefusedTestCase("a destination option running past its header",
                            R::IP6S_TOOSMALL,
                            {Ip6(60, {59, 0, 1, 9, 0, 0, 0, 0})}),
        new RefusedTestCase("a type 0 routing header, 1 address, 3 segments left",
                            R::IP6S_BADOPTIONS,
                            {Ip6(43, Cat({59, 2, 0, 3, 0, 0, 0, 0}, Bytes(16, 0)))}),
        new RefusedTestCase("a destination unreachable of 20 bytes",
                            R::ICP6S_TOOSHORT,
                            {Ip6(58, Cat({1, 0, 0, 0, 0, 0, 0, 0}, Bytes(12, 0)))}),
        new RefusedTestCase("a neighbour solicitation of 16 bytes",
                            R::ICP6S_BADLEN,
                            {Ip6(58, Bytes(ns.begin(), ns.begin() + 16), ll)}),
        new RefusedTestCase("a neighbour solicitation with an option of length 0",
                            R::ICP6S_ND_BADOPT,
                            {Ip6(58, Cat(ns, {1, 0, 0, 0, 0, 0, 0, 0}), ll)}),
        new RefusedTestCase("UDP over IPv6, uh_ulen 12 in 16 bytes",
                            R::UDPS_BADLEN,
                            {Ip6(17, Udp(12, 8))}),
        new RefusedTestCase(
            "two source link-layer options (HandleNS loops), a prefix of length 200, "
            "a packet too big of MTU 50",
            R::UNSAFE_FOR_NS3,
            {Ip6(58, Cat(Cat(ns, sllao), sllao), ll),
             Ip6(58,
                 Cat({134, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4, 200, 0xc0},
                     Bytes(28, 0)),
                 ll),
             Ip6(58, Cat({2, 0, 0, 0, 0, 0, 0, 50}, Bare(Ip6(59, {}))))}),
    };
}

} // namespace

/// What ip_input, ip6_input and the transport inputs refuse before ns-3 sees it.
class IpInputTestSuite : public TestSuite
{
  public:
    IpInputTestSuite()
        : TestSuite("tun-ip-input", UNIT)
    {
        AddTestCase(new IssueBytesTestCase, TestCase::QUICK);
        for (TestCase* c : Ipv4Cases())
        {
            AddTestCase(c, TestCase::QUICK);
        }
        AddTestCase(new ToosmallTestCase, TestCase::QUICK);
        AddTestCase(new BadsumTestCase, TestCase::QUICK);
        for (TestCase* c : Ipv6Cases())
        {
            AddTestCase(c, TestCase::QUICK);
        }
        AddTestCase(new ValidPassesTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static IpInputTestSuite g_ipInputTestSuite;
