/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// UDP socket descriptors of simulated processes (SocketFile): socreate's errors, the
// descriptor and sosend checks, datagrams between two nodes over a real PointToPoint
// link in both families, poll/select woken by an arrival, one datagram per read with
// the excess discarded, so_rcv's high-water mark, signals during sbwait, and the cost
// model's charges.

#include "syscall-test-helpers.h"

#include "ns3/bsd-ioctl.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/kernel-cost-model.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

const DataRate LINK_RATE("8Mbps");
const Time LINK_DELAY = MilliSeconds(2);

/// Two nodes joined by a PointToPoint link (10.1.1.0/24, 2001:db8:1::/64), a process on
/// each.
struct Link
{
    NodeContainer nodes;
    Ipv4InterfaceContainer v4;
    Ipv6InterfaceContainer v6;
    Ptr<BsdProcess> a;
    Ptr<BsdProcess> b;

    Link()
    {
        Config::SetDefault("ns3::Icmpv6L4Protocol::DAD", BooleanValue(false));
        nodes.Create(2);
        InternetStackHelper internet;
        internet.Install(nodes);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(LINK_RATE));
        p2p.SetChannelAttribute("Delay", TimeValue(LINK_DELAY));
        NetDeviceContainer devices = p2p.Install(nodes);
        Ipv4AddressHelper ipv4("10.1.1.0", "255.255.255.0");
        v4 = ipv4.Assign(devices);
        Ipv6AddressHelper ipv6(Ipv6Address("2001:db8:1::"), Ipv6Prefix(64));
        v6 = ipv6.Assign(devices);
        a = Spawn(0);
        b = Spawn(1);
    }

    Ptr<BsdProcess> Spawn(uint32_t i)
    {
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->Attach(nodes.Get(i));
        return p;
    }

    /// \return node i's address on the link, with \p port, in \p family
    Address At(uint32_t i, uint16_t port, int32_t family = BSD_AF_INET) const
    {
        if (family == BSD_AF_INET)
        {
            return InetSocketAddress(v4.GetAddress(i), port);
        }
        return Inet6SocketAddress(v6.GetAddress(i, 1), port);
    }

    /// A socket of \p family on \p p bound to \p port; aborts on failure.
    static int BoundSocket(Ptr<BsdProcess> p, uint16_t port, int32_t family = BSD_AF_INET)
    {
        auto [e, fd] = SocketNow(p, family, BSD_SOCK_DGRAM);
        NS_ABORT_MSG_IF(e != BSD_OK, "socket: " << BsdErrnoName(e));
        Address any = family == BSD_AF_INET
                          ? Address(InetSocketAddress(Ipv4Address::GetAny(), port))
                          : Address(Inet6SocketAddress(Ipv6Address::GetAny(), port));
        e = BindNow(p, fd, any);
        NS_ABORT_MSG_IF(e != BSD_OK, "bind: " << BsdErrnoName(e));
        return fd;
    }
};

/// One byte per position: 0, 1, 2...
std::vector<uint8_t>
Counting(std::size_t n)
{
    std::vector<uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        v[i] = static_cast<uint8_t>(i);
    }
    return v;
}

/// When a datagram with \p payload bytes sent at \p sent reaches the other node.
Time
ArrivalOf(Time sent, uint32_t payload, bool v6 = false)
{
    uint32_t onWire = payload + 8 + (v6 ? 40 : 20) + 2; // UDP, IP, PPP header
    return sent + LINK_RATE.CalculateBytesTxTime(onWire) + LINK_DELAY;
}

} // namespace

/// socreate: what exists, what the FreeBSD 4 and later variants answer for the rest.
class SocketCreateTestCase : public TestCase
{
  public:
    SocketCreateTestCase()
        : TestCase("socket: UDP only; EPROTONOSUPPORT, or EAFNOSUPPORT and EPROTOTYPE later")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        auto [e4, fd4] = SocketNow(l.a, BSD_AF_INET, BSD_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(e4, BSD_OK, "AF_INET SOCK_DGRAM");
        NS_TEST_EXPECT_MSG_EQ(fd4, 3, "the lowest free descriptor");
        auto [e6, fd6] = SocketNow(l.a, BSD_AF_INET6, BSD_SOCK_DGRAM);
        NS_TEST_EXPECT_MSG_EQ(e6, BSD_OK, "AF_INET6 SOCK_DGRAM");
        NS_TEST_EXPECT_MSG_EQ(fd6, 4, "the next one");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorFlags(fd4),
                              (BSD_FREAD | BSD_FWRITE),
                              "falloc: read and write, blocking");
        NS_TEST_EXPECT_MSG_NE(l.a->GetDescriptorSocket(fd4), nullptr, "a socket");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorDevice(fd4), nullptr, "not a device");

        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, BSD_AF_INET, BSD_SOCK_STREAM).first,
                              BSD_EPROTONOSUPPORT,
                              "no TCP in the model");
        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, 99, BSD_SOCK_DGRAM).first,
                              BSD_EPROTONOSUPPORT,
                              "FreeBSD 4: pffindtype finds no domain");
        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, BSD_AF_INET, 99).first,
                              BSD_EPROTONOSUPPORT,
                              "FreeBSD 4: nor the type");

        Config::SetDefault("ns3::SocketFile::SocreateErrors", StringValue("FreeBSDLater"));
        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, 99, BSD_SOCK_DGRAM).first,
                              BSD_EAFNOSUPPORT,
                              "later: pffinddomain fails");
        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, BSD_AF_INET, 99).first,
                              BSD_EPROTOTYPE,
                              "later: a known domain without the type");
        NS_TEST_EXPECT_MSG_EQ(SocketNow(l.a, BSD_AF_INET6, BSD_SOCK_RAW).first,
                              BSD_EPROTONOSUPPORT,
                              "later: a known type the model lacks");
        Config::SetDefault("ns3::SocketFile::SocreateErrors", StringValue("FreeBSD2001"));

        Ptr<Node> bare = CreateObject<Node>();
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->Attach(bare);
        NS_TEST_EXPECT_MSG_EQ(SocketNow(p, BSD_AF_INET, BSD_SOCK_DGRAM).first,
                              BSD_EPROTONOSUPPORT,
                              "a node without the Internet stack has no inet domain");
        Simulator::Destroy();
    }
};

/// The descriptor layer's and sosend's errors, bind and connect rules.
class SocketErrorsTestCase : public TestCase
{
  public:
    SocketErrorsTestCase()
        : TestCase("socket errors: EBADF, ENOTSOCK, EDESTADDRREQ, EWOULDBLOCK, bind, sosend")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        Ptr<BsdProcess> p = l.a;
        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, 42, 10).first, BSD_EBADF, "read: no such descriptor");
        NS_TEST_EXPECT_MSG_EQ(RecvFromNow(p, 42, 10).error, BSD_EBADF, "recvfrom too");
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, 42, InetSocketAddress(Ipv4Address::GetAny(), 1)),
                              BSD_EBADF,
                              "bind too");

        TunHelper().InstallDriver(NodeContainer(l.nodes.Get(0)));
        auto [et, tunFd] = OpenNow(p, "/dev/tun0", BSD_O_RDWR);
        NS_TEST_ASSERT_MSG_EQ(et, BSD_OK, "open tun0");
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, tunFd, InetSocketAddress(Ipv4Address::GetAny(), 1)),
                              BSD_ENOTSOCK,
                              "getsock: a device is not a socket");
        NS_TEST_EXPECT_MSG_EQ(RecvFromNow(p, tunFd, 10).error, BSD_ENOTSOCK, "recvfrom");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, tunFd, {1}, l.At(1, 9)).first, BSD_ENOTSOCK, "sendto");

        int fd = SocketNow(p, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        NS_TEST_EXPECT_MSG_EQ(WriteNow(p, fd, {1, 2, 3}).first,
                              BSD_EDESTADDRREQ,
                              "write on an unconnected socket");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, fd, std::vector<uint8_t>(9217), l.At(1, 9)).first,
                              BSD_EMSGSIZE,
                              "over net.inet.udp.maxdgram");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, fd, std::vector<uint8_t>(9216), l.At(1, 9)).first,
                              BSD_OK,
                              "exactly maxdgram");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, fd, {1}, l.At(1, 9, BSD_AF_INET6)).first,
                              BSD_EAFNOSUPPORT,
                              "an IPv6 destination for an AF_INET socket");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, fd, {1}, InetSocketAddress("10.9.9.9", 9)).first,
                              BSD_EHOSTUNREACH,
                              "no route");

        // Non-blocking: FIONBIO, or F_SETFL O_NONBLOCK, which reaches the socket as FIONBIO.
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, BSD_FIONBIO, IntBytes(1)).first, BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, fd, 10).first, BSD_EWOULDBLOCK, "nothing queued");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, BSD_FIONBIO, IntBytes(0)).first, BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(fd)->IsNonBlocking(), false, "SS_NBIO off");
        int r = -100;
        p->Fcntl(fd, BsdProcess::F_SETFL, BSD_O_NONBLOCK, [&r](int e, int32_t) { r = e; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(r, BSD_OK, "F_SETFL");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(fd)->IsNonBlocking(), true, "SS_NBIO on");
        NS_TEST_EXPECT_MSG_EQ(RecvFromNow(p, fd, 10).error, BSD_EWOULDBLOCK, "recvfrom too");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, 0x20006699, {}).first,
                              BSD_EOPNOTSUPP,
                              "an unknown ioctl reaches in_control");

        // bind: in_pcbbind's rules. The socket above is bound already (udp_output).
        int s1 = SocketNow(p, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, s1, Inet6SocketAddress(Ipv6Address::GetAny(), 7000)),
                              BSD_EAFNOSUPPORT,
                              "family");
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, s1, InetSocketAddress("10.9.9.9", 7000)),
                              BSD_EADDRNOTAVAIL,
                              "not an address of the node");
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, s1, InetSocketAddress(Ipv4Address::GetAny(), 7000)),
                              BSD_OK,
                              "");
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, s1, InetSocketAddress(Ipv4Address::GetAny(), 7001)),
                              BSD_EINVAL,
                              "bound already");
        int s2 = SocketNow(p, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        NS_TEST_EXPECT_MSG_EQ(BindNow(p, s2, InetSocketAddress(Ipv4Address::GetAny(), 7000)),
                              BSD_EADDRINUSE,
                              "the port is taken");

        // connect: port 0, then a connected socket refuses an explicit destination.
        NS_TEST_EXPECT_MSG_EQ(ConnectNow(p, s2, l.At(1, 0)), BSD_EADDRNOTAVAIL, "port 0");
        NS_TEST_EXPECT_MSG_EQ(ConnectNow(p, s2, l.At(1, 9)), BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(s2)->IsConnected(), true, "");
        NS_TEST_EXPECT_MSG_EQ(SendToNow(p, s2, {1}, l.At(1, 9)).first,
                              BSD_EISCONN,
                              "udp_output: an address on a connected socket");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(p, s2, {1, 2, 3}).second, 3, "write to the peer");

        NS_TEST_EXPECT_MSG_EQ(CloseNow(p, s2), BSD_OK, "close");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(p, s2, {1}).first, BSD_EBADF, "closed");
        NS_TEST_EXPECT_MSG_EQ(CloseNow(p, s2), BSD_EBADF, "closed twice");
        Simulator::Destroy();
    }
};

/// Datagrams between two nodes over a real link, both families, connected and not.
class SocketRoundTripTestCase : public TestCase
{
  public:
    SocketRoundTripTestCase()
        : TestCase("round trip over PointToPoint: IPv4 and IPv6, blocking read, sender address")
    {
    }

  private:
    void DoRun() override
    {
        for (int32_t family : {BSD_AF_INET, BSD_AF_INET6})
        {
            bool v6 = family == BSD_AF_INET6;
            Link l;
            int fa = Link::BoundSocket(l.a, 5000, family);
            int fb = Link::BoundSocket(l.b, 6000, family);
            NS_TEST_ASSERT_MSG_EQ(ConnectNow(l.b, fb, l.At(0, 5000, family)), BSD_OK, "connect");

            // a blocks in recvfrom first; b's write wakes it on arrival.
            RecvFromResult got;
            Time woke;
            l.a->RecvFrom(fa, 1500, [&](int e, const std::vector<uint8_t>& d, const Address& a) {
                got = {e, d, a};
                woke = Simulator::Now();
            });
            Time sent = Simulator::Now() + MilliSeconds(10);
            Simulator::Schedule(MilliSeconds(10), [&] {
                NS_TEST_EXPECT_MSG_EQ(l.a->GetWaitMessage(), "sbwait", "a sleeps in sbwait");
                l.b->Write(fb, Counting(5), [](int, int64_t) {});
            });
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(got.error, BSD_OK, "family " << family);
            NS_TEST_EXPECT_MSG_EQ((got.data == Counting(5)), true, "the bytes");
            NS_TEST_EXPECT_MSG_EQ(got.from, l.At(1, 6000, family), "from b's port 6000");
            NS_TEST_EXPECT_MSG_EQ(woke, ArrivalOf(sent, 5, v6), "woken by the arrival");

            // And back, to the address recvfrom reported.
            NS_TEST_EXPECT_MSG_EQ(SendToNow(l.a, fa, Counting(300), got.from).second, 300, "");
            auto back = ReadNow(l.b, fb, 1500);
            NS_TEST_EXPECT_MSG_EQ(back.first, BSD_OK, "");
            NS_TEST_EXPECT_MSG_EQ((back.second == Counting(300)), true, "the reply");

            // A connected socket hears only its peer (in_pcblookup_hash).
            int fc = Link::BoundSocket(l.a, 5001, family);
            NS_TEST_EXPECT_MSG_EQ(SendToNow(l.a, fc, {9}, l.At(1, 6000, family)).first, BSD_OK, "");
            NS_TEST_EXPECT_MSG_EQ(l.b->GetDescriptorSocket(fb)->GetQueuedDatagrams(),
                                  0u,
                                  "not from the connected peer: not queued");
            Simulator::Destroy();
        }
    }
};

/// poll and select sleep until a datagram arrives; POLLOUT is always there.
class SocketPollTestCase : public TestCase
{
  public:
    SocketPollTestCase()
        : TestCase("poll and select: POLLOUT at once, POLLIN woken by an arrival")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        int fa = Link::BoundSocket(l.a, 5000);
        int fb = SocketNow(l.b, BSD_AF_INET, BSD_SOCK_DGRAM).second;

        int n = -1;
        std::vector<BsdProcess::PollFd> fds;
        l.a->Poll({{fa, BSD_POLLOUT, 0}},
                  Time(-1),
                  [&](int, int nready, const std::vector<BsdProcess::PollFd>& r) {
                      n = nready;
                      fds = r;
                  });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(n, 1, "writable at once");
        NS_TEST_EXPECT_MSG_EQ(fds[0].revents, BSD_POLLOUT, "");

        Time woke;
        Time sent = Simulator::Now() + Seconds(1);
        l.a->Poll({{fa, BSD_POLLIN | BSD_POLLRDNORM, 0}},
                  Time(-1),
                  [&](int, int nready, const std::vector<BsdProcess::PollFd>& r) {
                      n = nready;
                      fds = r;
                      woke = Simulator::Now();
                  });
        Simulator::Schedule(Seconds(1), [&] {
            NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(fa)->GetRecordedPollers(),
                                  1u,
                                  "selrecord on so_rcv");
            l.b->SendTo(fb, Counting(20), l.At(0, 5000), [](int, int64_t) {});
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(n, 1, "");
        NS_TEST_EXPECT_MSG_EQ(fds[0].revents, (BSD_POLLIN | BSD_POLLRDNORM), "readable");
        NS_TEST_EXPECT_MSG_EQ(woke, ArrivalOf(sent, 20), "selwakeup on arrival");

        // select: the datagram is still queued, so the read set reports it at once.
        std::vector<int> readable;
        l.a->Select({fa},
                    {},
                    Seconds(5),
                    [&](int, const std::vector<int>& r, const std::vector<int>&) { readable = r; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(readable.size(), 1u, "select sees it");
        ReadNow(l.a, fa, 100);
        Time start = Simulator::Now();
        l.a->Select({fa},
                    {},
                    Seconds(5),
                    [&](int, const std::vector<int>& r, const std::vector<int>&) {
                        readable = r;
                        woke = Simulator::Now();
                    });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(readable.size(), 0u, "nothing: the timeout");
        NS_TEST_EXPECT_MSG_EQ(woke, start + Seconds(5), "");
        Simulator::Destroy();
    }
};

/// soreceive on a PR_ATOMIC protocol: one datagram per read, the excess discarded.
class SocketTruncationTestCase : public TestCase
{
  public:
    SocketTruncationTestCase()
        : TestCase("a datagram longer than the read is cut and its rest discarded (MSG_TRUNC)")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        int fa = Link::BoundSocket(l.a, 5000);
        int fb = SocketNow(l.b, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        SendToNow(l.b, fb, Counting(100), l.At(0, 5000));
        SendToNow(l.b, fb, Counting(7), l.At(0, 5000));
        auto fionread = IoctlNow(l.a, fa, BSD_FIONREAD, {});
        NS_TEST_EXPECT_MSG_EQ(BytesInt(fionread.second),
                              (16 + 100) + (16 + 7),
                              "FIONREAD is sb_cc: sockaddr_in and data of each datagram");
        auto first = ReadNow(l.a, fa, 10);
        NS_TEST_EXPECT_MSG_EQ(first.first, BSD_OK, "");
        NS_TEST_EXPECT_MSG_EQ((first.second == Counting(10)), true, "the first 10 bytes");
        auto second = ReadNow(l.a, fa, 10);
        NS_TEST_EXPECT_MSG_EQ((second.second == Counting(7)), true, "the next datagram, whole");
        NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(fa)->GetQueuedBytes(), 0u, "all gone");
        SendToNow(l.b, fb, {}, l.At(0, 5000));
        auto empty = RecvFromNow(l.a, fa, 10);
        NS_TEST_EXPECT_MSG_EQ(empty.error, BSD_OK, "a zero-length datagram is a datagram");
        NS_TEST_EXPECT_MSG_EQ(empty.data.size(), 0u, "");
        Simulator::Destroy();
    }
};

/// so_rcv.sb_hiwat: udp_recvspace with the sockaddr charged, drops counted and traced.
class SocketReceiveBufferTestCase : public TestCase
{
  public:
    SocketReceiveBufferTestCase()
        : TestCase("so_rcv: 42080 bytes hold 40 datagrams of 1024; the 41st is dropped")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        int fa = Link::BoundSocket(l.a, 5000);
        int fb = SocketNow(l.b, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        Ptr<SocketFile> so = l.a->GetDescriptorSocket(fa);
        int traced = 0;
        so->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, const Address&>(
                [&traced](Ptr<const Packet>, const Address&) { ++traced; }));
        for (int i = 0; i < 41; ++i)
        {
            SendToNow(l.b, fb, Counting(1024), l.At(0, 5000));
        }
        NS_TEST_EXPECT_MSG_EQ(so->GetQueuedDatagrams(), 40u, "40 * (1024 + 16) = 41600 fit");
        NS_TEST_EXPECT_MSG_EQ(so->GetQueuedBytes(), 41600u, "sb_cc");
        NS_TEST_EXPECT_MSG_EQ(so->GetReceiveDrops(), 1u, "41600 + 1040 > 42080");
        NS_TEST_EXPECT_MSG_EQ(traced, 1, "traced");
        ReadNow(l.a, fa, 2000);
        SendToNow(l.b, fb, Counting(1024), l.At(0, 5000));
        NS_TEST_EXPECT_MSG_EQ(so->GetQueuedDatagrams(), 40u, "room again after a read");
        NS_TEST_EXPECT_MSG_EQ(so->GetReceiveDrops(), 1u, "");

        int fc = Link::BoundSocket(l.a, 5001);
        Ptr<SocketFile> small = l.a->GetDescriptorSocket(fc);
        small->SetAttribute("RecvSpace", UintegerValue(200));
        for (int i = 0; i < 3; ++i)
        {
            SendToNow(l.b, fb, Counting(84), l.At(0, 5001));
        }
        NS_TEST_EXPECT_MSG_EQ(small->GetQueuedBytes(), 200u, "two of 100 fill 200 exactly");
        NS_TEST_EXPECT_MSG_EQ(small->GetReceiveDrops(), 1u, "");
        Simulator::Destroy();
    }
};

/// A blocking recvfrom sleeps interruptibly, as a device read does.
class SocketSignalTestCase : public TestCase
{
  public:
    SocketSignalTestCase()
        : TestCase("a signal interrupts a blocking recvfrom: EINTR, or a restart with SA_RESTART")
    {
    }

  private:
    void DoRun() override
    {
        for (bool restart : {false, true})
        {
            Link l;
            int fa = Link::BoundSocket(l.a, 5000);
            int fb = SocketNow(l.b, BSD_AF_INET, BSD_SOCK_DGRAM).second;
            int handled = 0;
            l.a->SetSignalHandler(BSD_SIGUSR1,
                                  Callback<void, int32_t>([&handled](int32_t) { ++handled; }),
                                  restart);
            RecvFromResult got;
            Time done;
            Time t0 = Simulator::Now();
            l.a->RecvFrom(fa, 100, [&](int e, const std::vector<uint8_t>& d, const Address& a) {
                got = {e, d, a};
                done = Simulator::Now();
            });
            Simulator::Schedule(Seconds(1), [&] {
                NS_TEST_EXPECT_MSG_EQ(l.a->IsSleeping(), true, "asleep in sbwait");
                l.a->Kill(BSD_SIGUSR1);
            });
            Simulator::Schedule(Seconds(2), [&] {
                l.b->SendTo(fb, Counting(3), l.At(0, 5000), [](int, int64_t) {});
            });
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(handled, 1, "the handler ran");
            if (restart)
            {
                NS_TEST_EXPECT_MSG_EQ(got.error, BSD_OK, "restarted, then the datagram");
                NS_TEST_EXPECT_MSG_EQ((got.data == Counting(3)), true, "");
                NS_TEST_EXPECT_MSG_EQ(done, ArrivalOf(t0 + Seconds(2), 3), "");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(got.error, BSD_EINTR, "interrupted");
                NS_TEST_EXPECT_MSG_EQ(done, t0 + Seconds(1), "at the signal");
                NS_TEST_EXPECT_MSG_EQ(l.a->GetDescriptorSocket(fa)->GetQueuedDatagrams(),
                                      1u,
                                      "the datagram waits for the next read");
            }
            Simulator::Destroy();
        }
    }
};

/// The cost model charges socket calls as it charges device calls.
class SocketCostTestCase : public TestCase
{
  public:
    SocketCostTestCase()
        : TestCase("socket calls pay the cost model's system call and copy times")
    {
    }

  private:
    void DoRun() override
    {
        Link l;
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("SyscallTime", TimeValue(MicroSeconds(5)));
        cost->SetAttribute("CopyTimePerKiB", TimeValue(MicroSeconds(1)));
        l.nodes.Get(0)->AggregateObject(cost);
        int fa = Link::BoundSocket(l.a, 5000);
        int fb = SocketNow(l.b, BSD_AF_INET, BSD_SOCK_DGRAM).second;
        SendToNow(l.b, fb, Counting(1024), l.At(0, 5000));
        Time start = Simulator::Now();
        Time done;
        l.a->Read(fa, 4096, [&done](int, const std::vector<uint8_t>&) { done = Simulator::Now(); });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(done - start, MicroSeconds(6), "a syscall and 1 KiB copied out");
        Simulator::Destroy();
    }
};

/// The socket suite.
class SocketTestSuite : public TestSuite
{
  public:
    SocketTestSuite()
        : TestSuite("socket", UNIT)
    {
        AddTestCase(new SocketCreateTestCase, TestCase::QUICK);
        AddTestCase(new SocketErrorsTestCase, TestCase::QUICK);
        AddTestCase(new SocketRoundTripTestCase, TestCase::QUICK);
        AddTestCase(new SocketPollTestCase, TestCase::QUICK);
        AddTestCase(new SocketTruncationTestCase, TestCase::QUICK);
        AddTestCase(new SocketReceiveBufferTestCase, TestCase::QUICK);
        AddTestCase(new SocketSignalTestCase, TestCase::QUICK);
        AddTestCase(new SocketCostTestCase, TestCase::QUICK);
    }
};

static SocketTestSuite g_socketTestSuite; //!< registers the suite
