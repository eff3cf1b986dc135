/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Benchmark (not a test): the cost per delivered packet of carrying IP through a
// simulated userland, against ns-3's own links, in one run on the same traffic: UDP
// datagrams from node 0 to node 1 over one link, in five ways:
//
//   PointToPoint         ns-3's link, native
//   VND tunnel           VirtualNetDevice + UDP sockets over PointToPoint, as ns-3's
//                        virtual-net-device example tunnels (the fair ns-3 rival of a
//                        tunnel daemon: it too crosses UDP and IP twice)
//   TunTunnel            tun(4) + a UDP tunnel daemon on each node, over PointToPoint
//   TunCableRelay        tun(4) + a relay daemon on each node, joined by a cable
//   UserPpp              tun(4) + ppp(8) on each node over an 8N1 serial line
//
// Every PointToPoint runs at the serial line's data rate (baud * 8/10), and the
// datagrams are spaced so that no link saturates: the links only change the timing,
// never what is delivered. Traffic starts once PPP has negotiated.
//
// Wall clock: each variant runs in its own child process, so its peak memory
// (ru_maxrss) is its own; the median of --repeat runs is reported. Instructions: with
// valgrind on PATH, the program runs itself under callgrind with N datagrams and with
// 1, the same scenario otherwise, and reports the difference per extra delivered
// datagram, so set-up and negotiation cancel out. Build with ./build.sh bench.
//
//   tun-path-benchmark [--packets=20000] [--repeat=3] [--callgrind=1]
//                      [--callgrind-packets=2000] [--baud=100000000] [--interval=100us]

#include "run-in-child.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"
#include "ns3/virtual-net-device-module.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// The link under test between node 0 (10.1.0.1) and node 1 (10.1.0.2).
enum class Variant
{
    P2P,
    VND_TUNNEL,
    TUN_TUNNEL,
    TUN_RELAY,
    USER_PPP,
    USER_PPP_FRAME,
};

/// A variant's name on the command line (--variant) and in the table.
struct VariantName
{
    Variant variant;   //!< the variant
    const char* key;   //!< --variant=<key>
    const char* label; //!< row of the table
};

const VariantName kVariants[] = {
    {Variant::P2P, "p2p", "PointToPoint"},
    {Variant::VND_TUNNEL, "vnd-tunnel", "VND tunnel/p2p"},
    {Variant::TUN_TUNNEL, "tun-tunnel", "TunTunnel/p2p"},
    {Variant::TUN_RELAY, "tun-relay", "TunCableRelay"},
    {Variant::USER_PPP, "user-ppp", "UserPpp/serial"},
    {Variant::USER_PPP_FRAME, "user-ppp-frame", "UserPpp/frame"},
};

/// What every variant shares.
struct Scenario
{
    uint32_t size{512};               //!< UDP payload octets
    uint64_t baud{100000000};         //!< serial line speed; PointToPoint gets 8/10 of it
    Time interval{MicroSeconds(100)}; //!< between datagrams
    Time start{MilliSeconds(100)};    //!< first datagram; PPP must be open by then
    Time drain{MilliSeconds(10)};     //!< after the last one, for it to arrive
    uint16_t tunnelPort{7000};        //!< UDP port of both tunnels' ends
    uint16_t serverPort{9};           //!< the UdpServer's
};

/// What one timed run measured.
struct Result
{
    double nsPerPacket{0}; //!< wall clock per delivered datagram
    uint64_t sent{0};      //!< datagrams the client sent
    uint64_t received{0};  //!< datagrams the server received
    double pppOpenAt{-1};  //!< simulated seconds when IPCP was open at both ends
    double pppOctets{0};   //!< octets node 0's daemon wrote to the line per datagram sent
};

/**
 * One end of the VND tunnel, as ns-3's virtual-net-device example builds it: what the
 * device sends goes into a UDP socket bound on the underlay, to the peer's underlay
 * address; what the socket receives is handed to the device.
 */
void
InstallVndEnd(Ptr<Node> node,
              Ipv4Address underlay,
              Ipv4Address peerUnderlay,
              uint16_t port,
              Ipv4Address overlay)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    socket->Bind(InetSocketAddress(underlay, port));
    Ptr<VirtualNetDevice> vnd = CreateObject<VirtualNetDevice>();
    vnd->SetAddress(Mac48Address::Allocate());
    InetSocketAddress peer(peerUnderlay, port);
    vnd->SetSendCallback(VirtualNetDevice::SendCallback(
        [socket, peer](Ptr<Packet> packet, const Address&, const Address&, uint16_t) {
            return socket->SendTo(packet, 0, peer) >= 0;
        }));
    // A raw pointer: the device holds the socket, which must not hold the device back.
    VirtualNetDevice* device = PeekPointer(vnd);
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>([device](Ptr<Socket> s) {
        while (Ptr<Packet> packet = s->Recv())
        {
            // The outer socket's tags are not part of the inner packet.
            packet->RemoveAllPacketTags();
            device->Receive(packet,
                            Ipv4L3Protocol::PROT_NUMBER,
                            device->GetAddress(),
                            device->GetAddress(),
                            NetDevice::PACKET_HOST);
        }
    }));
    node->AddDevice(vnd);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    uint32_t i = ipv4->AddInterface(vnd);
    ipv4->AddAddress(i, Ipv4InterfaceAddress(overlay, Ipv4Mask("255.255.255.0")));
    ipv4->SetUp(i);
}

/**
 * Build the scenario, send \p packets datagrams, time Simulator::Run.
 * \param span the run lasts as long as \p span datagrams take (>= \p packets), so that
 * runs with different \p packets differ in nothing else
 */
Result
RunOnce(Variant variant, const Scenario& s, uint32_t packets, uint32_t span)
{
    NodeContainer nodes(2);
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false); // the same IPv4-only stack for every variant
    internet.Install(nodes);
    // The datagrams travel between these; a tunnel's underlay is 10.2.0.0/24.
    Ipv4Address local("10.1.0.1");
    Ipv4Address dst("10.1.0.2");
    // 8N1: ten bit times on the wire per eight data bits.
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(s.baud * 8 / 10)));
    p2p.SetChannelAttribute("Delay", TimeValue(Time(0)));
    Ipv4AddressHelper underlay("10.2.0.0", "255.255.255.0");
    std::vector<Ptr<UserPpp>> daemons;

    switch (variant)
    {
    case Variant::P2P:
        Ipv4AddressHelper("10.1.0.0", "255.255.255.0").Assign(p2p.Install(nodes));
        break;
    case Variant::VND_TUNNEL: {
        Ipv4InterfaceContainer under = underlay.Assign(p2p.Install(nodes));
        InstallVndEnd(nodes.Get(0), under.GetAddress(0), under.GetAddress(1), s.tunnelPort, local);
        InstallVndEnd(nodes.Get(1), under.GetAddress(1), under.GetAddress(0), s.tunnelPort, dst);
        break;
    }
    case Variant::TUN_TUNNEL:
    case Variant::TUN_RELAY: {
        TunHelper tun;
        ApplicationContainer apps;
        if (variant == Variant::TUN_TUNNEL)
        {
            Ipv4InterfaceContainer under = underlay.Assign(p2p.Install(nodes));
            apps = tun.InstallTunnelPair(nodes.Get(0),
                                         under.GetAddress(0),
                                         nodes.Get(1),
                                         under.GetAddress(1),
                                         s.tunnelPort);
        }
        else
        {
            apps = tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), Time(0));
        }
        apps.Start(Seconds(0));
        Ptr<TunNetDevice> a = nodes.Get(0)->GetObject<TunDriver>()->GetUnit(0);
        Ptr<TunNetDevice> b = nodes.Get(1)->GetObject<TunDriver>()->GetUnit(0);
        // As a daemon's ifconfig: once it has opened and set up its interface.
        Simulator::Schedule(s.start / 2, [a, b, local, dst] {
            TunHelper::Ifconfig(a, local, dst);
            TunHelper::Ifconfig(b, dst, local);
        });
        break;
    }
    case Variant::USER_PPP:
    case Variant::USER_PPP_FRAME: {
        PppTunHelper ppp;
        ppp.SetLineAttribute("BaudRate", UintegerValue(s.baud));
        // The same line, its daemon woken once per frame instead of per 16550 interrupt.
        ppp.SetLineAttribute("ReadWakeup",
                             StringValue(variant == Variant::USER_PPP ? "interrupt" : "frame"));
        ppp.Install(nodes.Get(0), local, nodes.Get(1), dst);
        ApplicationContainer apps = ppp.GetDaemons();
        apps.Start(Seconds(0));
        for (uint32_t i = 0; i < apps.GetN(); ++i)
        {
            daemons.push_back(DynamicCast<UserPpp>(apps.Get(i)));
        }
        break;
    }
    }

    Result r;
    uint64_t pppOctetsBefore = 0; // negotiation's, left out of the octets per datagram
    // Traffic must not start on a link that is still negotiating: PPP would drop it.
    if (!daemons.empty())
    {
        // Raw pointers: a daemon holding its own Ptr in its trace would never be freed.
        UserPpp* a = PeekPointer(daemons[0]);
        UserPpp* b = PeekPointer(daemons[1]);
        for (Ptr<UserPpp> d : daemons)
        {
            d->TraceConnectWithoutContext(
                "StateChange",
                Callback<void,
                         const std::string&,
                         const std::string&,
                         const std::string&,
                         const std::string&>([&r, a, b](const std::string& protocol,
                                                        const std::string&,
                                                        const std::string& to,
                                                        const std::string&) {
                    if (protocol == "IPCP" && to == "Opened" && a->GetIpcp()->IsOpened() &&
                        b->GetIpcp()->IsOpened())
                    {
                        r.pppOpenAt = Simulator::Now().GetSeconds();
                    }
                }));
        }
        Simulator::Schedule(s.start, [daemons, &pppOctetsBefore] {
            NS_ABORT_MSG_UNLESS(daemons[0]->GetIpcp()->IsOpened() &&
                                    daemons[1]->GetIpcp()->IsOpened(),
                                "benchmark: PPP not open when traffic starts; raise --start");
            pppOctetsBefore = daemons[0]->GetCounters().lineBytesOut;
        });
    }

    UdpServerHelper server(s.serverPort);
    ApplicationContainer sink = server.Install(nodes.Get(1));
    UdpClientHelper client(dst, s.serverPort);
    client.SetAttribute("MaxPackets", UintegerValue(packets));
    client.SetAttribute("Interval", TimeValue(s.interval));
    client.SetAttribute("PacketSize", UintegerValue(s.size));
    ApplicationContainer source = client.Install(nodes.Get(0));
    source.Start(s.start);
    Simulator::Stop(s.start + s.interval * std::max(span, packets) + s.drain);

    auto begin = std::chrono::steady_clock::now();
    Simulator::Run();
    auto wall = std::chrono::steady_clock::now() - begin;
    r.sent = DynamicCast<UdpClient>(source.Get(0))->GetTotalTx() / s.size;
    r.received = DynamicCast<UdpServer>(sink.Get(0))->GetReceived();
    if (!daemons.empty())
    {
        // Framing and escaping: what sets the datagram's time on the line.
        r.pppOctets = double(daemons[0]->GetCounters().lineBytesOut - pppOctetsBefore) /
                      std::max<uint64_t>(r.sent, 1);
    }
    r.nsPerPacket =
        std::chrono::duration<double, std::nano>(wall).count() / std::max<uint64_t>(r.received, 1);
    Simulator::Destroy();
    return r;
}

/// Run one variant \p repeat times in a child; return its median and the child's peak RSS.
bool
Measure(Variant v, const Scenario& s, uint32_t packets, uint32_t repeat, Result* r, long* maxRssKiB)
{
    return tunbench::RunInChild<Result>(
        [&] {
            std::vector<Result> runs;
            for (uint32_t i = 0; i < repeat; ++i)
            {
                runs.push_back(RunOnce(v, s, packets, packets));
            }
            std::sort(runs.begin(), runs.end(), [](const Result& a, const Result& b) {
                return a.nsPerPacket < b.nsPerPacket;
            });
            return runs[runs.size() / 2];
        },
        r,
        maxRssKiB);
}

/// \return whether an executable \p name is in a directory of $PATH
bool
OnPath(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':'))
    {
        if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0)
        {
            return true;
        }
    }
    return false;
}

/// \return \p word quoted for /bin/sh
std::string
Quote(const std::string& word)
{
    std::string q = "'";
    for (char c : word)
    {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

/// \return \p t as the command line takes it back, exactly, in the largest unit that can
std::string
TimeArg(Time t)
{
    int64_t ns = t.GetNanoSeconds();
    for (auto [scale, unit] : {std::make_pair(1000000000, "s"),
                               std::make_pair(1000000, "ms"),
                               std::make_pair(1000, "us")})
    {
        if (ns % scale == 0)
        {
            return std::to_string(ns / scale) + unit;
        }
    }
    return std::to_string(ns) + "ns";
}

/// \return the options that give \p s, for a child or for the reader
std::string
ScenarioArgs(const Scenario& s)
{
    return " --size=" + std::to_string(s.size) + " --baud=" + std::to_string(s.baud) +
           " --interval=" + TimeArg(s.interval) + " --start=" + TimeArg(s.start);
}

/// Callgrind's count for one run of this program in child mode.
struct Count
{
    uint64_t instructions{0}; //!< valgrind's "Collected"
    uint64_t delivered{0};    //!< the child's "delivered"
};

/**
 * Run \p command (this program in child mode) under callgrind and read its count and
 * what it delivered from the combined output.
 * \return false if either is missing or the run failed
 */
bool
Callgrind(const std::string& command, Count* count)
{
    std::string line =
        "valgrind --tool=callgrind --callgrind-out-file=/dev/null " + command + " 2>&1";
    FILE* out = popen(line.c_str(), "r");
    if (!out)
    {
        return false;
    }
    bool haveInstructions = false;
    bool haveDelivered = false;
    char buffer[1024];
    while (std::fgets(buffer, sizeof(buffer), out))
    {
        // valgrind's summary: "==pid== Collected : 123456"
        if (const char* c = std::strstr(buffer, "Collected :"))
        {
            count->instructions = std::strtoull(c + std::strlen("Collected :"), nullptr, 10);
            haveInstructions = true;
        }
        else if (std::strncmp(buffer, "delivered ", 10) == 0)
        {
            count->delivered = std::strtoull(buffer + 10, nullptr, 10);
            haveDelivered = true;
        }
    }
    int status = pclose(out);
    return haveInstructions && haveDelivered && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// \return this program's path, for running it again
std::string
SelfPath(const char* argv0)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    return n > 0 ? std::string(path, n) : std::string(argv0);
}

} // namespace

int
main(int argc, char* argv[])
{
    Scenario s;
    uint32_t packets = 20000;
    uint32_t repeat = 3;
    bool haveValgrind = OnPath("valgrind");
    bool callgrind = haveValgrind;
    uint32_t callgrindPackets = 2000;
    bool child = false;
    std::string variantKey;
    uint32_t span = 0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("packets", "UDP datagrams per timed run", packets);
    cmd.AddValue("repeat", "Timed runs per variant; the median is reported", repeat);
    cmd.AddValue("size", "UDP payload bytes", s.size);
    cmd.AddValue("baud", "Serial line speed; every PointToPoint runs at baud*8/10 bit/s", s.baud);
    cmd.AddValue("interval", "Time between datagrams (keep it above their frame time)", s.interval);
    cmd.AddValue("start", "When the first datagram is sent (PPP must be open)", s.start);
    cmd.AddValue("callgrind", "Count instructions under valgrind (default: if on PATH)", callgrind);
    cmd.AddValue("callgrind-packets",
                 "Datagrams of the counted run (the other sends 1)",
                 callgrindPackets);
    cmd.AddValue("child", "(internal) run --variant once and print what it delivered", child);
    cmd.AddValue("variant",
                 "(internal) p2p, vnd-tunnel, tun-tunnel, tun-relay, user-ppp",
                 variantKey);
    cmd.AddValue("span", "(internal) make the run last as long as this many datagrams", span);
    cmd.Parse(argc, argv);

    if (child)
    {
        for (const VariantName& n : kVariants)
        {
            if (variantKey == n.key)
            {
                Result r = RunOnce(n.variant, s, packets, std::max(span, packets));
                std::cout << "delivered " << r.received << std::endl;
                return 0;
            }
        }
        std::cerr << "benchmark: unknown --variant=" << variantKey << std::endl;
        return 2;
    }
    if (callgrind && !haveValgrind)
    {
        std::cerr << "benchmark: --callgrind=1 but valgrind is not on PATH" << std::endl;
        return 1;
    }
    repeat = std::max<uint32_t>(repeat, 1);
    callgrindPackets = std::max<uint32_t>(callgrindPackets, 2);

    std::map<Variant, Result> results;
    std::map<Variant, long> rss;
    std::map<Variant, double> instructions; // per delivered datagram; absent: not counted
    std::vector<std::string> notes;
    const std::string self = SelfPath(argv[0]);
    for (const VariantName& n : kVariants)
    {
        std::cerr << "benchmark: " << n.label << ": timing" << std::endl;
        if (!Measure(n.variant, s, packets, repeat, &results[n.variant], &rss[n.variant]))
        {
            std::cerr << "benchmark: " << n.label << " failed" << std::endl;
            return 1;
        }
        if (!callgrind)
        {
            continue;
        }
        std::cerr << "benchmark: " << n.label << ": callgrind" << std::endl;
        std::string command = Quote(self) + " --child=1 --variant=" + n.key + ScenarioArgs(s) +
                              " --span=" + std::to_string(callgrindPackets) + " --packets=";
        Count many;
        Count one;
        if (!Callgrind(command + std::to_string(callgrindPackets), &many) ||
            !Callgrind(command + "1", &one) || many.delivered <= one.delivered)
        {
            notes.push_back(std::string(n.label) + ": callgrind run failed or delivered nothing");
            continue;
        }
        if (many.delivered != callgrindPackets)
        {
            notes.push_back(std::string(n.label) + ": callgrind run delivered " +
                            std::to_string(many.delivered) + " of " +
                            std::to_string(callgrindPackets));
        }
        instructions[n.variant] =
            double(many.instructions - one.instructions) / double(many.delivered - one.delivered);
    }

    auto ratio = [](double x, double base) {
        std::ostringstream o;
        o << std::fixed << std::setprecision(2) << x / base;
        return o.str();
    };
    const Result& p2p = results[Variant::P2P];
    const Result& vnd = results[Variant::VND_TUNNEL];
    std::cout << "UDP " << s.size << "-byte datagrams, node 0 -> node 1, " << packets
              << " per timed run, one every " << TimeArg(s.interval) << " from " << TimeArg(s.start)
              << "; median of " << repeat << " runs\n"
              << "serial line " << s.baud << " baud 8N1; every PointToPoint "
              << DataRate(s.baud * 8 / 10) << ", delay 0\n";
    std::cout << std::left << std::setw(16) << "link" << std::right << std::setw(7) << "sent"
              << std::setw(10) << "delivered" << std::setw(11) << "ns/packet" << std::setw(7)
              << "x P2P" << std::setw(7) << "x VND" << std::setw(9) << "RSS MiB" << std::setw(14)
              << "instr/packet" << std::setw(7) << "x P2P" << std::setw(7) << "x VND"
              << "\n";
    for (const VariantName& n : kVariants)
    {
        const Result& r = results[n.variant];
        std::cout << std::left << std::setw(16) << n.label << std::right << std::setw(7) << r.sent
                  << std::setw(10) << r.received << std::setw(11) << std::fixed
                  << std::setprecision(0) << r.nsPerPacket << std::setw(7)
                  << ratio(r.nsPerPacket, p2p.nsPerPacket) << std::setw(7)
                  << ratio(r.nsPerPacket, vnd.nsPerPacket) << std::setw(9) << std::setprecision(1)
                  << rss[n.variant] / 1024.0;
        auto i = instructions.find(n.variant);
        if (i != instructions.end() && instructions.count(Variant::P2P) &&
            instructions.count(Variant::VND_TUNNEL))
        {
            std::cout << std::setw(14) << std::setprecision(0) << i->second << std::setw(7)
                      << ratio(i->second, instructions[Variant::P2P]) << std::setw(7)
                      << ratio(i->second, instructions[Variant::VND_TUNNEL]);
        }
        else
        {
            std::cout << std::setw(14) << "-" << std::setw(7) << "-" << std::setw(7) << "-";
        }
        std::cout << "\n";
        if (r.received != r.sent)
        {
            notes.push_back(std::string(n.label) + ": " + std::to_string(r.sent - r.received) +
                            " datagrams not delivered");
        }
    }
    const Result& ppp = results[Variant::USER_PPP];
    // The links' busy time per datagram, against the interval: neither may saturate.
    DataRate rate(s.baud * 8 / 10);
    uint32_t p2pOctets = s.size + 8 + 20 + 2; // UDP, IP, PPP header
    Time p2pBusy = rate.CalculateBytesTxTime(p2pOctets);
    Time tunnelBusy = rate.CalculateBytesTxTime(p2pOctets + 28); // outer IP and UDP
    Time serialBusy = NanoSeconds(int64_t(ppp.pppOctets * 10 * 1e9 / s.baud));
    std::cout << "busy time per datagram: PointToPoint " << std::setprecision(1)
              << p2pBusy.GetNanoSeconds() / 1000.0 << " us (" << p2pOctets << " octets), tunnelled "
              << tunnelBusy.GetNanoSeconds() / 1000.0 << " us, serial line "
              << serialBusy.GetNanoSeconds() / 1000.0 << " us (" << ppp.pppOctets
              << " octets, 8N1); interval " << TimeArg(s.interval) << "\n"
              << "UserPpp: LCP and IPCP open at both ends " << ppp.pppOpenAt * 1e6
              << " us into the run (simulated), traffic from " << TimeArg(s.start) << "\n";
    if (std::max(tunnelBusy, serialBusy) >= s.interval)
    {
        notes.push_back("a link is busier than the interval: queues grow, timing not matched");
    }
    if (callgrind)
    {
        std::cout << "instr/packet: callgrind instructions, (run of " << callgrindPackets
                  << " datagrams - run of 1) / extra delivered, same simulated duration\n";
    }
    else
    {
        std::cout << "instr/packet: not counted ("
                  << (haveValgrind ? "--callgrind=0" : "no valgrind") << ")\n";
    }
    for (const std::string& note : notes)
    {
        std::cout << "note: " << note << "\n";
    }
    std::cout << "reproduce: " << argv[0] << " --packets=" << packets << " --repeat=" << repeat
              << ScenarioArgs(s) << " --callgrind=" << callgrind
              << " --callgrind-packets=" << callgrindPackets << "\n";
    return 0;
}
