/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-comparison.h"

#include "topology-partition.h"
#include "tun-mpi.h"

#include "ns3/abort.h"
#include "ns3/application.h"
#include "ns3/boolean.h"
#include "ns3/bulk-send-application.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/on-off-helper.h"
#include "ns3/onoff-application.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/seq-ts-header.h"
#include "ns3/seq-ts-size-header.h"
#include "ns3/serial-line.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/syscall-trace-helper.h"
#include "ns3/tun-net-device.h"
#include "ns3/tun-tunnel.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-client.h"
#include "ns3/udp-server.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/user-ppp.h"
#include "ns3/v4ping-helper.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

namespace ns3
{

namespace
{

const uint16_t FIRST_FLOW_PORT = 9000; //!< flow i listens on 9000 + i
/// The most flows, each with a port of its own below 65536.
const std::size_t MAX_FLOWS = 65536 - FIRST_FLOW_PORT;

/// Delay samples of one flow, as they arrive.
struct DelayStats
{
    uint64_t samples{0};     //!< delays seen
    double sum{0};           //!< of delays, seconds
    double jitterSum{0};     //!< of |successive differences|
    double last{0};          //!< the previous delay
    uint64_t rxBytes{0};     //!< bytes received (udp)
    uint64_t txPackets{0};   //!< datagrams sent (udp on/off and Poisson)
    uint64_t bytesAtStop{0}; //!< bytes received when the flow stopped

    /// \param delay one more sample, seconds
    void Add(double delay)
    {
        if (samples > 0)
        {
            jitterSum += std::fabs(delay - last);
        }
        last = delay;
        sum += delay;
        ++samples;
    }
};

/// The time-weighted mean and the largest of a value that changes now and then.
struct TimeAverage
{
    bool started{false}; //!< a value was set
    int64_t startNs{0};  //!< when the first was
    int64_t lastNs{0};   //!< when the latest was
    double last{0};      //!< the latest
    double integral{0};  //!< of the value over time, from startNs to lastNs, value x ns
    double max{0};       //!< the largest

    /// \param value the new value \param nowNs from when it holds
    void Set(double value, int64_t nowNs)
    {
        if (started)
        {
            integral += last * double(nowNs - lastNs);
        }
        else
        {
            started = true;
            startNs = nowNs;
            max = value;
        }
        last = value;
        lastNs = nowNs;
        max = std::max(max, value);
    }

    /// \param endNs the end of the span, not before the latest value
    /// \return the mean from the first value to \p endNs, weighted by how long each held
    /// (the value itself if the span is empty; 0 if none was set)
    double Mean(int64_t endNs) const
    {
        if (!started)
        {
            return 0;
        }
        if (endNs <= startNs)
        {
            return last;
        }
        return (integral + last * double(endNs - lastNs)) / double(endNs - startNs);
    }
};

/// What a TCP flow's sender socket reported up to the flow's stop.
struct TcpStats
{
    int64_t stopNs{0};      //!< the flow's stop: later reports are not counted
    uint64_t rttSamples{0}; //!< RTT trace updates
    double rttSum{0};       //!< of their values, seconds
    double rttMin{0};       //!< the smallest
    double rttMax{0};       //!< the largest
    TimeAverage cwnd;       //!< CongestionWindow, bytes

    /// \param rtt the RTT trace's new value
    void AddRtt(Time rtt)
    {
        if (Simulator::Now().GetNanoSeconds() > stopNs)
        {
            return;
        }
        double s = rtt.GetSeconds();
        rttMin = rttSamples == 0 ? s : std::min(rttMin, s);
        rttMax = rttSamples == 0 ? s : std::max(rttMax, s);
        rttSum += s;
        ++rttSamples;
    }

    /// \param bytes the CongestionWindow trace's new value
    void SetCwnd(uint32_t bytes)
    {
        int64_t now = Simulator::Now().GetNanoSeconds();
        if (now <= stopNs)
        {
            cwnd.Set(bytes, now);
        }
    }
};

/**
 * A UDP sender whose datagrams are a Poisson process: exponential gaps of a given mean
 * from the start, each datagram a SeqTsHeader padded to its size, as UdpClient sends
 * them (so that UdpServer and the delay measurement read them alike).
 */
class PoissonSender : public Application
{
  public:
    /**
     * \param peer where to send \param size each datagram's payload, 12 or more
     * \param meanGapNs the mean gap between datagrams
     */
    PoissonSender(Address peer, uint32_t size, double meanGapNs)
        : m_peer(peer),
          m_size(size),
          m_gap(CreateObject<ExponentialRandomVariable>())
    {
        m_gap->SetAttribute("Mean", DoubleValue(meanGapNs));
    }

    /// \param stream the gaps' stream \return streams used: 1
    int64_t AssignStreams(int64_t stream)
    {
        m_gap->SetStream(stream);
        return 1;
    }

    /// \param sent counts each datagram sent
    void SetSentCounter(uint64_t* sent)
    {
        m_sent = sent;
    }

  private:
    void StartApplication() override
    {
        m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
        m_socket->Bind();
        m_socket->Connect(m_peer);
        ScheduleNext();
    }

    void StopApplication() override
    {
        m_next.Cancel();
        if (m_socket)
        {
            m_socket->Close();
        }
    }

    void DoDispose() override
    {
        m_socket = nullptr;
        m_gap = nullptr;
        Application::DoDispose();
    }

    /// Schedule the next datagram an exponential gap from now.
    void ScheduleNext()
    {
        m_next = Simulator::Schedule(NanoSeconds(std::llround(m_gap->GetValue())),
                                     &PoissonSender::Send,
                                     this);
    }

    /// Send a datagram and schedule the next.
    void Send()
    {
        SeqTsHeader header;
        header.SetSeq(m_seq++);
        Ptr<Packet> packet = Create<Packet>(m_size - header.GetSerializedSize());
        packet->AddHeader(header);
        if (m_socket->Send(packet) >= 0 && m_sent)
        {
            ++*m_sent;
        }
        ScheduleNext();
    }

    Address m_peer;                       //!< the receiver
    uint32_t m_size;                      //!< datagram payload
    Ptr<ExponentialRandomVariable> m_gap; //!< gaps, ns
    Ptr<Socket> m_socket;                 //!< the UDP socket
    EventId m_next;                       //!< the next datagram
    uint32_t m_seq{0};                    //!< the next sequence number
    uint64_t* m_sent{nullptr};            //!< datagrams sent, if set
};

/// What the p2p devices of one link saw.
struct WireStats
{
    uint64_t frames{0};   //!< PhyTxEnd
    uint64_t bytes{0};    //!< their bytes
    uint64_t rxErrors{0}; //!< PhyRxDrop (the error model)
};

/// Count \p device's frames into \p stats.
void
Watch(Ptr<NetDevice> device, WireStats* stats)
{
    device->TraceConnectWithoutContext(
        "PhyTxEnd",
        Callback<void, Ptr<const Packet>>([stats](Ptr<const Packet> p) {
            ++stats->frames;
            stats->bytes += p->GetSize();
        }));
    device->TraceConnectWithoutContext(
        "PhyRxDrop",
        Callback<void, Ptr<const Packet>>([stats](Ptr<const Packet>) { ++stats->rxErrors; }));
}

/// \return packets \p device's queue dropped (a p2p device), else 0
uint64_t
QueueDrops(Ptr<NetDevice> device)
{
    Ptr<PointToPointNetDevice> p2p = DynamicCast<PointToPointNetDevice>(device);
    return p2p ? p2p->GetQueue()->GetTotalDroppedPackets() : 0;
}

/// Add \p count to \p drops[reason] when it is not zero.
void
AddDrop(std::map<std::string, uint64_t>& drops, const std::string& reason, uint64_t count)
{
    if (count > 0)
    {
        drops[reason] += count;
    }
}

/// \return "reason=count;..." of \p drops
std::string
DropDetail(const std::map<std::string, uint64_t>& drops)
{
    std::string text;
    for (const auto& [reason, count] : drops)
    {
        text += (text.empty() ? "" : ";") + reason + "=" + std::to_string(count);
    }
    return text;
}

/// \return the sum of \p drops
uint64_t
DropTotal(const std::map<std::string, uint64_t>& drops)
{
    uint64_t total = 0;
    for (const auto& entry : drops)
    {
        total += entry.second;
    }
    return total;
}

/// \param field a CSV field \return it as RFC 4180 writes it: in double quotes, its own
/// quotes doubled, when it holds a comma, a quote or a line break; else as it is
std::string
Csv(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
    {
        return field;
    }
    std::string quoted = "\"";
    for (char c : field)
    {
        quoted += c == '"' ? "\"\"" : std::string(1, c);
    }
    return quoted + "\"";
}

/// \return \p value with \p digits decimals
std::string
Fixed(double value, int digits)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(digits) << value;
    return os.str();
}

/// \return \p value if the figure applies (\p has), else "NA", as CSV readers (R,
/// pandas) take a missing value
std::string
NaUnless(bool has, const std::string& value)
{
    return has ? value : "NA";
}

/// \return the system calls of the daemons on \p node
uint64_t
NodeSyscalls(Ptr<Node> node)
{
    uint64_t total = 0;
    for (uint32_t i = 0; i < node->GetNApplications(); ++i)
    {
        Ptr<Application> app = node->GetApplication(i);
        Ptr<BsdProcess> process;
        if (Ptr<UserPpp> ppp = DynamicCast<UserPpp>(app))
        {
            process = ppp->GetProcess();
        }
        else if (Ptr<TunTunnel> tunnel = DynamicCast<TunTunnel>(app))
        {
            process = tunnel->GetProcess();
        }
        total += process ? process->GetSyscallCount() : 0;
    }
    return total;
}

/**
 * What one rank measured of a variant: the parts of each result its own nodes see. Every
 * quantity is measured on exactly one rank (a sender's count where the sender is, a
 * receiver's where the receiver is, each end of a link where that end is), zero on the
 * others, so the whole is the sum of the parts, exactly (x + 0 is x, in doubles too).
 */
struct Partial
{
    /// One flow's raw counts.
    struct Flow
    {
        uint64_t tx{0};          //!< packets sent (udp)
        uint64_t samples{0};     //!< delay samples
        uint64_t rxBytes{0};     //!< bytes received (udp, tcp)
        uint64_t bytesAtStop{0}; //!< by the flow's stop
        double sum{0};           //!< of delays
        double jitterSum{0};     //!< of |successive differences|
    };

    /// One link's counters.
    struct Link
    {
        uint64_t frames{0};                    //!< frames sent
        uint64_t bytes{0};                     //!< their bytes
        std::map<std::string, uint64_t> drops; //!< by reason
    };

    std::vector<Flow> flows;        //!< in traffic order
    std::vector<Link> links;        //!< in edge order
    std::vector<uint64_t> syscalls; //!< per node

    /// \return the parts as text, doubles exactly (hexadecimal)
    std::string Encode() const
    {
        std::ostringstream os;
        os << std::hexfloat;
        for (const Flow& f : flows)
        {
            os << "f " << f.tx << ' ' << f.samples << ' ' << f.rxBytes << ' ' << f.bytesAtStop
               << ' ' << f.sum << ' ' << f.jitterSum << '\n';
        }
        for (const Link& l : links)
        {
            os << "l " << l.frames << ' ' << l.bytes << ' ' << l.drops.size() << '\n';
            for (const auto& [reason, count] : l.drops)
            {
                // A reason is a phrase of the module's own ("if_snd full"): no line breaks.
                os << count << ' ' << reason << '\n';
            }
        }
        for (uint64_t calls : syscalls)
        {
            os << "n " << calls << '\n';
        }
        return os.str();
    }

    /// Add the parts \p text (Encode()) holds; the same numbers of flows, links, nodes.
    /// \param text another rank's parts
    void Add(const std::string& text)
    {
        std::istringstream is(text);
        std::string tag;
        std::string number;
        auto real = [&is, &number]() {
            is >> number;
            return std::strtod(number.c_str(), nullptr);
        };
        for (Flow& f : flows)
        {
            uint64_t tx;
            uint64_t samples;
            uint64_t rxBytes;
            uint64_t atStop;
            is >> tag >> tx >> samples >> rxBytes >> atStop;
            NS_ABORT_MSG_UNLESS(tag == "f", "TopologyComparison: bad partial results");
            f.tx += tx;
            f.samples += samples;
            f.rxBytes += rxBytes;
            f.bytesAtStop += atStop;
            f.sum += real();
            f.jitterSum += real();
        }
        for (Link& l : links)
        {
            uint64_t frames;
            uint64_t bytes;
            std::size_t reasons;
            is >> tag >> frames >> bytes >> reasons;
            NS_ABORT_MSG_UNLESS(tag == "l", "TopologyComparison: bad partial results");
            l.frames += frames;
            l.bytes += bytes;
            for (std::size_t r = 0; r < reasons; ++r)
            {
                uint64_t count;
                std::string reason;
                is >> count;
                is.get();
                std::getline(is, reason);
                l.drops[reason] += count;
            }
        }
        for (uint64_t& calls : syscalls)
        {
            uint64_t n;
            is >> tag >> n;
            NS_ABORT_MSG_UNLESS(tag == "n", "TopologyComparison: bad partial results");
            calls += n;
        }
    }
};

} // namespace

bool
TopologyComparison::ParseVariant(const std::string& name, std::optional<LinkKind>& kind)
{
    if (name == "mixed")
    {
        kind = std::nullopt;
        return true;
    }
    kind = ParseLinkKind(name);
    return kind.has_value();
}

VariantResult
TopologyComparison::Run(const TopologyGraph& graph,
                        const std::vector<TrafficFlow>& flows,
                        std::optional<LinkKind> override,
                        const ComparisonOptions& options)
{
    VariantResult result;
    result.variant = override ? LinkKindName(*override) : "mixed";
    if (flows.size() > MAX_FLOWS)
    {
        result.error = std::to_string(flows.size()) + " flows: flow i listens on port " +
                       std::to_string(FIRST_FLOW_PORT) + " + i, so at most " +
                       std::to_string(MAX_FLOWS) + " fit";
        return result;
    }
    if (options.seed == 0)
    {
        result.error = "seed 0: ns-3's generator takes a seed of 1 or more";
        return result;
    }
    result.error = TrafficDescription::Check(flows, graph, "the topology");
    if (!result.error.empty())
    {
        return result;
    }
    TopologyPartition partition;
    if (options.ranks > 1)
    {
        if (TunMpi::GetSize() != options.ranks)
        {
            result.error = std::to_string(options.ranks) + " ranks asked for, " +
                           std::to_string(TunMpi::GetSize()) +
                           " running (start it under mpirun -np " + std::to_string(options.ranks) +
                           ")";
            return result;
        }
        if (!options.syscallPrefix.empty())
        {
            result.error = "system call traces are one file for every node: not in a "
                           "partitioned run yet";
            return result;
        }
        partition = TopologyPartition::Make(graph, options.ranks, override);
        if (!partition.error.empty())
        {
            result.error = result.variant + ": " + partition.error;
            return result;
        }
    }
    RngSeedManager::SetSeed(options.seed);
    RngSeedManager::SetRun(options.run);

    TopologyBuilder builder;
    builder.SetKindOverride(override);
    builder.SetRouting(options.routing);
    builder.SetReadWakeup(options.readWakeup);
    if (options.ranks > 1)
    {
        builder.SetPartition(partition.rankOf, TunMpi::GetRank());
    }
    // Refused before any simulation object exists: a partitioned run's MPI interface is
    // prepared only for a simulation that runs (TunMpi::Prepare).
    result.error = builder.Check(graph);
    if (!result.error.empty())
    {
        result.error = result.variant + ": " + result.error;
        return result;
    }
    TunMpi::Prepare();
    result.error = builder.Build(graph);
    if (!result.error.empty())
    {
        result.error = result.variant + ": " + result.error;
        Simulator::Destroy();
        TunMpi::Finished();
        return result;
    }
    if (!options.pcapPrefix.empty())
    {
        builder.EnablePcap(options.pcapPrefix + "-" + result.variant);
    }
    if (!options.asciiPrefix.empty())
    {
        builder.EnableAscii(options.asciiPrefix + "-" + result.variant);
    }
    if (!options.syscallPrefix.empty())
    {
        SyscallTraceHelper ktrace;
        ktrace.SetProcessName(options.syscallProcess);
        std::string name = options.syscallPrefix + "-" + result.variant;
        ktrace.EnableText(name + ".txt", builder.GetNodes());
        ktrace.EnableCsv(name + ".csv", builder.GetNodes());
    }
    const auto& links = builder.GetLinks();
    std::vector<WireStats> wires(links.size());
    // The daemons' queues of frames for the line, from the start: [link][side], frames
    // and octets.
    std::vector<std::array<TimeAverage, 2>> queueFrames(links.size());
    std::vector<std::array<TimeAverage, 2>> queueOctets(links.size());
    for (std::size_t i = 0; i < links.size(); ++i)
    {
        for (int side = 0; side < 2; ++side)
        {
            if (!builder.IsLocal(links[i].ends[side]))
            {
                continue; // counted by the rank that owns it
            }
            if (links[i].kind == LinkKind::P2P)
            {
                Watch(links[i].devices[side], &wires[i]);
            }
            else if (links[i].kind == LinkKind::PPP_TUN)
            {
                TimeAverage* frames = &queueFrames[i][side];
                TimeAverage* octets = &queueOctets[i][side];
                frames->Set(0, 0);
                octets->Set(0, 0);
                links[i].ppp[side]->TraceConnectWithoutContext(
                    "Queue",
                    Callback<void, uint32_t, uint32_t>([frames, octets](uint32_t n, uint32_t b) {
                        int64_t now = Simulator::Now().GetNanoSeconds();
                        frames->Set(n, now);
                        octets->Set(b, now);
                    }));
            }
            else if (links[i].kind == LinkKind::UDP_TUN)
            {
                Watch(links[i].underlay[side], &wires[i]);
            }
        }
    }

    // The traffic, measured at the applications.
    std::vector<DelayStats> stats(flows.size());
    std::vector<TcpStats> tcpStats(flows.size());
    std::vector<Ptr<Application>> senders(flows.size());
    std::vector<Ptr<Application>> receivers(flows.size());
    std::vector<int64_t> starts(flows.size());
    int64_t endNs = 0;
    // Checked above: every flow's nodes are in the graph.
    const TopologyNodeIndex index = IndexTopologyNodes(graph);
    for (std::size_t i = 0; i < flows.size(); ++i)
    {
        const TrafficFlow& flow = flows[i];
        endNs = std::max(endNs, flow.stopNs);
        const int64_t stream = TRAFFIC_STREAM_BASE + 4 * int64_t(i);
        starts[i] = flow.startNs;
        if (flow.RandomStart())
        {
            Ptr<UniformRandomVariable> start = CreateObject<UniformRandomVariable>();
            start->SetStream(stream);
            starts[i] += std::llround(start->GetValue(0, double(flow.startMaxNs - flow.startNs)));
        }
        Ptr<Node> from = builder.GetNodes().Get(index.at(flow.from));
        Ptr<Node> to = builder.GetNodes().Get(index.at(flow.to));
        Ipv4Address address = builder.GetNodeAddress(index.at(flow.to));
        uint16_t port = FIRST_FLOW_PORT + i;
        ApplicationContainer sender;
        DelayStats* flowStats = &stats[i];
        if (flow.kind == TrafficFlow::UDP && flow.OnOff())
        {
            // OnOffApplication's SeqTsSizeHeader, which PacketSink reads.
            PacketSinkHelper sink("ns3::UdpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), port));
            sink.SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
            receivers[i] = sink.Install(to).Get(0);
            receivers[i]->TraceConnectWithoutContext(
                "RxWithSeqTsSize",
                Callback<void,
                         Ptr<const Packet>,
                         const Address&,
                         const Address&,
                         const SeqTsSizeHeader&>([flowStats](Ptr<const Packet>,
                                                             const Address&,
                                                             const Address&,
                                                             const SeqTsSizeHeader& header) {
                    flowStats->Add((Simulator::Now() - header.GetTs()).GetSeconds());
                    flowStats->rxBytes += header.GetSize();
                }));
            auto time = [](int64_t ns, bool exponential) -> Ptr<RandomVariableStream> {
                if (exponential)
                {
                    Ptr<ExponentialRandomVariable> v = CreateObject<ExponentialRandomVariable>();
                    v->SetAttribute("Mean", DoubleValue(ns * 1e-9));
                    return v;
                }
                Ptr<ConstantRandomVariable> v = CreateObject<ConstantRandomVariable>();
                v->SetAttribute("Constant", DoubleValue(ns * 1e-9));
                return v;
            };
            OnOffHelper onOff("ns3::UdpSocketFactory", InetSocketAddress(address, port));
            onOff.SetAttribute("DataRate", DataRateValue(DataRate(flow.rateBps)));
            onOff.SetAttribute("PacketSize", UintegerValue(flow.size));
            onOff.SetAttribute("EnableSeqTsSizeHeader", BooleanValue(true));
            onOff.SetAttribute("OnTime", PointerValue(time(flow.onNs, flow.onExponential)));
            onOff.SetAttribute("OffTime", PointerValue(time(flow.offNs, flow.offExponential)));
            sender = onOff.Install(from);
            Ptr<OnOffApplication> app = DynamicCast<OnOffApplication>(sender.Get(0));
            app->AssignStreams(stream + 1);
            app->TraceConnectWithoutContext(
                "Tx",
                Callback<void, Ptr<const Packet>>(
                    [flowStats](Ptr<const Packet>) { ++flowStats->txPackets; }));
        }
        else if (flow.kind == TrafficFlow::UDP)
        {
            UdpServerHelper server(port);
            receivers[i] = server.Install(to).Get(0);
            receivers[i]->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>>([flowStats](Ptr<const Packet> packet) {
                    SeqTsHeader header;
                    packet->PeekHeader(header);
                    flowStats->Add((Simulator::Now() - header.GetTs()).GetSeconds());
                    flowStats->rxBytes += packet->GetSize();
                }));
            if (flow.poisson)
            {
                Ptr<PoissonSender> poisson =
                    CreateObject<PoissonSender>(InetSocketAddress(address, port),
                                                flow.size,
                                                flow.size * 8e9 / flow.rateBps);
                poisson->AssignStreams(stream + 3);
                poisson->SetSentCounter(&flowStats->txPackets);
                from->AddApplication(poisson);
                sender.Add(poisson);
            }
            else
            {
                UdpClientHelper client(address, port);
                client.SetAttribute("MaxPackets", UintegerValue(UINT32_MAX));
                client.SetAttribute("PacketSize", UintegerValue(flow.size));
                client.SetAttribute(
                    "Interval",
                    TimeValue(NanoSeconds(std::llround(flow.size * 8e9 / flow.rateBps))));
                sender = client.Install(from);
            }
        }
        else if (flow.kind == TrafficFlow::TCP)
        {
            PacketSinkHelper sink("ns3::TcpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), port));
            receivers[i] = sink.Install(to).Get(0);
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(address, port));
            bulk.SetAttribute("MaxBytes", UintegerValue(flow.bytes));
            sender = bulk.Install(from);
            // BulkSend makes its socket when it starts: its traces a nanosecond later,
            // before the SYN's answer can change them.
            Ptr<BulkSendApplication> app = DynamicCast<BulkSendApplication>(sender.Get(0));
            TcpStats* tcp = &tcpStats[i];
            tcp->stopNs = flow.stopNs;
            Simulator::Schedule(NanoSeconds(starts[i] + 1), [app, tcp] {
                Ptr<Socket> socket = app->GetSocket();
                if (!socket)
                {
                    return;
                }
                socket->TraceConnectWithoutContext(
                    "RTT",
                    Callback<void, Time, Time>([tcp](Time, Time rtt) { tcp->AddRtt(rtt); }));
                socket->TraceConnectWithoutContext(
                    "CongestionWindow",
                    Callback<void, uint32_t, uint32_t>(
                        [tcp](uint32_t, uint32_t bytes) { tcp->SetCwnd(bytes); }));
            });
        }
        else
        {
            V4PingHelper ping(address);
            ping.SetAttribute("Interval", TimeValue(NanoSeconds(flow.intervalNs)));
            ping.SetAttribute("Size", UintegerValue(flow.size));
            sender = ping.Install(from);
            sender.Get(0)->TraceConnectWithoutContext(
                "Rtt",
                Callback<void, Time>([flowStats](Time rtt) { flowStats->Add(rtt.GetSeconds()); }));
        }
        sender.Start(NanoSeconds(starts[i]));
        sender.Stop(NanoSeconds(flow.stopNs));
        // Another rank's end: made all the same (every rank then draws the same random
        // streams in the same order), but it never runs here.
        if (!builder.IsLocal(index.at(flow.from)))
        {
            TopologyBuilder::Park(sender.Get(0));
        }
        if (receivers[i] && !builder.IsLocal(index.at(flow.to)))
        {
            TopologyBuilder::Park(receivers[i]);
        }
        senders[i] = sender.Get(0);
        // Throughput counts what arrived by the stop: bytes still queued then (a slow
        // line's backlog) would otherwise raise it above what the path carries.
        Ptr<Application> receiver = receivers[i];
        uint32_t size = flow.size;
        Simulator::Schedule(NanoSeconds(flow.stopNs), [flowStats, receiver, size] {
            Ptr<PacketSink> sink = DynamicCast<PacketSink>(receiver);
            flowStats->bytesAtStop =
                sink ? sink->GetTotalRx()
                     : (receiver ? flowStats->rxBytes : flowStats->samples * size);
        });
    }

    Time end = NanoSeconds(endNs + options.drainNs);
    if (options.progress)
    {
        // Ten reports in simulated time; the events change nothing in the model.
        for (int tenth = 1; tenth <= 10; ++tenth)
        {
            Time at = end * tenth / 10;
            std::string message = "variant " + result.variant + ": " + std::to_string(tenth * 10) +
                                  "% (" + Fixed(at.GetSeconds(), 1) + " s of " +
                                  Fixed(end.GetSeconds(), 1) + " s simulated)";
            Simulator::Schedule(at - NanoSeconds(1),
                                [options, message] { options.progress(message); });
        }
    }
    Simulator::Stop(end);
    Simulator::Run();

    // This rank's parts of the results; gathered from every rank below.
    const TopologyGraph& built = builder.GetGraph();
    const NodeContainer& nodes = builder.GetNodes();
    Partial mine;
    for (std::size_t i = 0; i < flows.size(); ++i)
    {
        const TrafficFlow& flow = flows[i];
        Partial::Flow part;
        part.samples = stats[i].samples;
        part.sum = stats[i].sum;
        part.jitterSum = stats[i].jitterSum;
        part.bytesAtStop = stats[i].bytesAtStop;
        if (flow.kind == TrafficFlow::UDP)
        {
            Ptr<UdpClient> client = DynamicCast<UdpClient>(senders[i]);
            part.tx = client ? client->GetTotalTx() / flow.size : stats[i].txPackets;
            part.rxBytes = stats[i].rxBytes;
        }
        else if (flow.kind == TrafficFlow::TCP)
        {
            part.rxBytes = DynamicCast<PacketSink>(receivers[i])->GetTotalRx();
        }
        mine.flows.push_back(part);
    }
    for (std::size_t i = 0; i < links.size(); ++i)
    {
        const TopologyBuilder::Link& link = links[i];
        Partial::Link part;
        if (link.kind == LinkKind::PPP_TUN)
        {
            for (int side = 0; side < 2; ++side)
            {
                if (!builder.IsLocal(link.ends[side]))
                {
                    continue;
                }
                const UserPpp::Counters& counters = link.ppp[side]->GetCounters();
                part.frames += counters.framesSent;
                part.bytes += counters.lineBytesOut;
                for (const auto& [reason, count] : counters.drops)
                {
                    AddDrop(part.drops, reason, count);
                }
                Ptr<TunNetDevice> tun = DynamicCast<TunNetDevice>(link.devices[side]);
                AddDrop(part.drops, "if_snd full", tun->GetCounters().snddrops);
                AddDrop(part.drops, "tty overrun", link.line->GetStats(side).overruns);
            }
        }
        else
        {
            part.frames = wires[i].frames;
            part.bytes = wires[i].bytes;
            AddDrop(part.drops, "rx error", wires[i].rxErrors);
            for (int side = 0; side < 2; ++side)
            {
                if (!builder.IsLocal(link.ends[side]))
                {
                    continue;
                }
                bool tunnel = link.kind == LinkKind::UDP_TUN;
                AddDrop(part.drops,
                        "queue full",
                        QueueDrops(tunnel ? link.underlay[side] : link.devices[side]));
                if (tunnel)
                {
                    Ptr<TunNetDevice> tun = DynamicCast<TunNetDevice>(link.devices[side]);
                    AddDrop(part.drops, "if_snd full", tun->GetCounters().snddrops);
                    AddDrop(part.drops, "tunnel", link.tunnel[side]->GetDrops());
                }
            }
        }
        mine.links.push_back(part);
    }
    for (TopologyVertex v = 0; v < boost::num_vertices(built); ++v)
    {
        mine.syscalls.push_back(builder.IsLocal(v) ? NodeSyscalls(nodes.Get(v)) : 0);
    }
    // The whole: every rank's parts added, in rank order (one rank: its own).
    Partial all = mine;
    for (auto& part : all.flows)
    {
        part = Partial::Flow();
    }
    for (auto& part : all.links)
    {
        part = Partial::Link();
    }
    std::fill(all.syscalls.begin(), all.syscalls.end(), 0);
    for (const std::string& text : TunMpi::AllGather(mine.Encode()))
    {
        all.Add(text);
    }

    for (std::size_t i = 0; i < flows.size(); ++i)
    {
        const TrafficFlow& flow = flows[i];
        const Partial::Flow& part = all.flows[i];
        FlowResult out;
        out.label = flow.Label();
        double seconds = (flow.stopNs - starts[i]) * 1e-9;
        if (flow.kind == TrafficFlow::UDP)
        {
            out.txPackets = part.tx;
            out.rxPackets = part.samples;
            out.rxBytes = part.rxBytes;
        }
        else if (flow.kind == TrafficFlow::TCP)
        {
            out.hasPackets = false; // segments are not the application's packets
            out.rxBytes = part.rxBytes;
        }
        else
        {
            // V4Ping sends at start and every interval until stop.
            out.txPackets = (flow.stopNs - starts[i] + flow.intervalNs - 1) / flow.intervalNs;
            out.rxPackets = part.samples;
            out.rxBytes = part.samples * flow.size;
        }
        out.throughputBps = part.bytesAtStop * 8.0 / seconds;
        out.hasDelay = flow.kind != TrafficFlow::TCP;
        if (out.hasDelay)
        {
            out.meanDelayS = part.samples ? part.sum / part.samples : 0;
            out.jitterS = part.samples > 1 ? part.jitterSum / (part.samples - 1) : 0;
            out.loss = out.txPackets ? 1.0 - double(out.rxPackets) / out.txPackets : 0;
            out.loss = std::max(0.0, out.loss);
        }
        const TcpStats& tcp = tcpStats[i];
        out.hasTcp = flow.kind == TrafficFlow::TCP && tcp.rttSamples > 0;
        if (out.hasTcp)
        {
            out.rttSamples = tcp.rttSamples;
            out.srttMeanS = tcp.rttSum / tcp.rttSamples;
            out.srttMinS = tcp.rttMin;
            out.srttMaxS = tcp.rttMax;
            out.cwndMeanBytes = tcp.cwnd.Mean(flow.stopNs);
            out.cwndMaxBytes = uint32_t(tcp.cwnd.max);
        }
        result.flows.push_back(out);
    }

    for (std::size_t i = 0; i < links.size(); ++i)
    {
        const TopologyBuilder::Link& link = links[i];
        LinkResult out;
        out.label = built[link.ends[0]].name + "--" + built[link.ends[1]].name;
        out.kind = LinkKindName(link.kind);
        const TopologyLink& spec = built[link.edge];
        out.baud = link.kind == LinkKind::PPP_TUN ? spec.GetBaud() : 0;
        out.capacityBps = out.baud != 0 ? out.baud * 8 / 10 : spec.GetRateBps();
        out.frames = all.links[i].frames;
        out.bytes = all.links[i].bytes;
        out.drops = all.links[i].drops;
        if (link.kind == LinkKind::PPP_TUN)
        {
            // The daemons' queues are traced where they run: with ranks, on the rank that
            // owns the link (ppp-tun links are never cut); see doc/tun.rst.
            for (int side = 0; side < 2; ++side)
            {
                out.queueMaxFrames =
                    std::max(out.queueMaxFrames, uint32_t(queueFrames[i][side].max));
                out.queueMaxOctets =
                    std::max(out.queueMaxOctets, uint32_t(queueOctets[i][side].max));
                out.queueMeanOctets =
                    std::max(out.queueMeanOctets, queueOctets[i][side].Mean(end.GetNanoSeconds()));
            }
            out.hasQueue = true;
        }
        result.links.push_back(out);
    }
    for (TopologyVertex v = 0; v < boost::num_vertices(built); ++v)
    {
        std::ostringstream address;
        address << builder.GetNodeAddress(v);
        result.nodes.push_back(
            {built[v].name, all.syscalls[v], nodes.Get(v)->GetId(), address.str()});
    }
    Simulator::Destroy();
    TunMpi::Finished();
    return result;
}

namespace
{

/// Print the flows of \p results, one row each. \param os where to
void
WriteFlowTable(std::ostream& os, const std::vector<VariantResult>& results)
{
    os << "Flows (throughput: application bytes over start..stop; delay: udp one-way, ping "
          "round trip; srtt, cwnd: tcp sender's mean)\n";
    os << std::left << std::setw(10) << "variant" << std::setw(22) << "flow" << std::right
       << std::setw(14) << "kbit/s" << std::setw(12) << "delay ms" << std::setw(12) << "jitter ms"
       << std::setw(9) << "loss %" << std::setw(12) << "srtt ms" << std::setw(12) << "cwnd B"
       << "\n";
    for (const VariantResult& r : results)
    {
        if (!r.error.empty())
        {
            os << std::left << std::setw(10) << r.variant << "error: " << r.error << "\n";
            continue;
        }
        for (const FlowResult& f : r.flows)
        {
            os << std::left << std::setw(10) << r.variant << std::setw(22) << f.label << std::right
               << std::setw(14) << Fixed(f.throughputBps / 1000, 2) << std::setw(12)
               << (f.hasDelay ? Fixed(f.meanDelayS * 1000, 2) : "-") << std::setw(12)
               << (f.hasDelay ? Fixed(f.jitterS * 1000, 2) : "-") << std::setw(9)
               << (f.hasDelay ? Fixed(f.loss * 100, 1) : "-") << std::setw(12)
               << (f.hasTcp ? Fixed(f.srttMeanS * 1000, 2) : "-") << std::setw(12)
               << (f.hasTcp ? Fixed(f.cwndMeanBytes, 0) : "-") << "\n";
        }
    }
}

/// Print the links and the nodes of \p results. \param os where to
/// \param heading what follows "Links" and "Nodes" in the headings
void
WriteLinkAndNodeTables(std::ostream& os,
                       const std::vector<VariantResult>& results,
                       const std::string& heading)
{
    os << "\nLinks (both directions; queue: octets waiting in a PPP daemon for the line, "
          "the fuller end"
       << heading << ")\n";
    os << std::left << std::setw(10) << "variant" << std::setw(22) << "link" << std::setw(9)
       << "kind" << std::right << std::setw(12) << "kbit/s" << std::setw(10) << "frames"
       << std::setw(12) << "bytes" << std::setw(8) << "drops" << std::setw(12) << "queue max"
       << std::setw(12) << "queue mean"
       << "  drops by reason\n";
    for (const VariantResult& r : results)
    {
        for (const LinkResult& l : r.links)
        {
            os << std::left << std::setw(10) << r.variant << std::setw(22) << l.label
               << std::setw(9) << l.kind << std::right << std::setw(12)
               << Fixed(l.capacityBps / 1000.0, 2) << std::setw(10) << l.frames << std::setw(12)
               << l.bytes << std::setw(8) << DropTotal(l.drops) << std::setw(12)
               << (l.hasQueue ? std::to_string(l.queueMaxOctets) : "-") << std::setw(12)
               << (l.hasQueue ? Fixed(l.queueMeanOctets, 1) : "-") << "  " << DropDetail(l.drops)
               << "\n";
        }
    }
    os << "\nNodes (system calls of the simulated daemons" << heading << ")\n";
    os << std::left << std::setw(10) << "variant" << std::setw(22) << "node" << std::right
       << std::setw(12) << "syscalls"
       << "\n";
    for (const VariantResult& r : results)
    {
        for (const NodeResult& n : r.nodes)
        {
            os << std::left << std::setw(10) << r.variant << std::setw(22) << n.name << std::right
               << std::setw(12) << n.syscalls << "\n";
        }
    }
}

/// \param s a statistic \param scale its unit \param digits decimals
/// \return "mean ± ci95" in that unit
std::string
MeanAndInterval(const Statistic& s, double scale, int digits)
{
    return Fixed(s.mean * scale, digits) + " +- " + Fixed(s.ci95 * scale, digits);
}

} // namespace

void
TopologyComparison::WriteTable(std::ostream& os, const std::vector<VariantResult>& results)
{
    WriteFlowTable(os, results);
    WriteLinkAndNodeTables(os, results, "");
}

void
TopologyComparison::WriteSummaryTable(std::ostream& os,
                                      const std::vector<std::vector<VariantResult>>& runs,
                                      uint64_t firstRun)
{
    if (runs.size() == 1)
    {
        WriteTable(os, runs.front());
        return;
    }
    os << "Flows over " << runs.size() << " runs (RngRun " << firstRun << " to "
       << firstRun + runs.size() - 1 << "): mean +- 95% confidence half-width (Student t, "
       << runs.size() - 1 << " degrees of freedom); sd in flows-summary.csv\n";
    os << std::left << std::setw(10) << "variant" << std::setw(22) << "flow" << std::right
       << std::setw(22) << "kbit/s" << std::setw(20) << "delay ms" << std::setw(20) << "jitter ms"
       << std::setw(16) << "loss %" << std::setw(20) << "srtt ms" << std::setw(20) << "cwnd B"
       << "\n";
    for (const VariantSummary& v : Summarize(runs))
    {
        if (!v.error.empty())
        {
            os << std::left << std::setw(10) << v.variant << "error: " << v.error << "\n";
            continue;
        }
        for (const FlowSummary& f : v.flows)
        {
            os << std::left << std::setw(10) << v.variant << std::setw(22) << f.label << std::right
               << std::setw(22) << MeanAndInterval(f.throughputBps, 1e-3, 2) << std::setw(20)
               << (f.hasDelay ? MeanAndInterval(f.meanDelayS, 1e3, 2) : "-") << std::setw(20)
               << (f.hasDelay ? MeanAndInterval(f.jitterS, 1e3, 2) : "-") << std::setw(16)
               << (f.hasDelay ? MeanAndInterval(f.loss, 100, 1) : "-") << std::setw(20)
               << (f.hasTcp ? MeanAndInterval(f.srttMeanS, 1e3, 2) : "-") << std::setw(20)
               << (f.hasTcp ? MeanAndInterval(f.cwndMeanBytes, 1, 0) : "-") << "\n";
        }
    }
    WriteLinkAndNodeTables(os,
                           runs.front(),
                           "; run " + std::to_string(firstRun) +
                               ", the first: every run in links.csv and nodes.csv");
}

namespace
{

/// The CSV files of a comparison, open for writing.
struct CsvFiles
{
    std::ofstream flows; //!< flows.csv
    std::ofstream links; //!< links.csv
    std::ofstream nodes; //!< nodes.csv

    /**
     * Open the three files in \p dir and write their headings.
     * \param dir the folder \param runColumn the first heading ("run,"), or empty
     * \return empty, or the file that could not be written
     */
    std::string Open(const std::string& dir, const std::string& runColumn)
    {
        flows.open(dir + "/flows.csv");
        links.open(dir + "/links.csv");
        nodes.open(dir + "/nodes.csv");
        for (auto [file, name] : {std::make_pair(&flows, "flows.csv"),
                                  std::make_pair(&links, "links.csv"),
                                  std::make_pair(&nodes, "nodes.csv")})
        {
            if (!*file)
            {
                return dir + "/" + name + ": cannot write";
            }
        }
        flows << runColumn
              << "variant,flow,tx_packets,rx_packets,rx_bytes,throughput_bps,mean_delay_s,"
                 "jitter_s,loss,srtt_mean_s,srtt_min_s,srtt_max_s,cwnd_mean_bytes,"
                 "cwnd_max_bytes\n";
        links << runColumn
              << "variant,link,kind,frames,bytes,drops,drops_by_reason,capacity_bps,baud,"
                 "queue_max_frames,queue_max_octets,queue_mean_octets\n";
        nodes << runColumn << "variant,node,syscalls\n";
        return "";
    }

    /// Write one run's rows. \param results the variants \param run each row's first
    /// field ("3,"), or empty
    void Write(const std::vector<VariantResult>& results, const std::string& run)
    {
        for (const VariantResult& r : results)
        {
            for (const FlowResult& f : r.flows)
            {
                flows << run << Csv(r.variant) << "," << Csv(f.label) << ","
                      << NaUnless(f.hasPackets, std::to_string(f.txPackets)) << ","
                      << NaUnless(f.hasPackets, std::to_string(f.rxPackets)) << "," << f.rxBytes
                      << "," << Fixed(f.throughputBps, 1) << ","
                      << NaUnless(f.hasDelay, Fixed(f.meanDelayS, 9)) << ","
                      << NaUnless(f.hasDelay, Fixed(f.jitterS, 9)) << ","
                      << NaUnless(f.hasDelay, Fixed(f.loss, 6)) << ","
                      << NaUnless(f.hasTcp, Fixed(f.srttMeanS, 9)) << ","
                      << NaUnless(f.hasTcp, Fixed(f.srttMinS, 9)) << ","
                      << NaUnless(f.hasTcp, Fixed(f.srttMaxS, 9)) << ","
                      << NaUnless(f.hasTcp, Fixed(f.cwndMeanBytes, 1)) << ","
                      << NaUnless(f.hasTcp, std::to_string(f.cwndMaxBytes)) << "\n";
            }
            for (const LinkResult& l : r.links)
            {
                links << run << Csv(r.variant) << "," << Csv(l.label) << "," << Csv(l.kind) << ","
                      << l.frames << "," << l.bytes << "," << DropTotal(l.drops) << ","
                      << Csv(DropDetail(l.drops)) << "," << l.capacityBps << "," << l.baud << ","
                      << NaUnless(l.hasQueue, std::to_string(l.queueMaxFrames)) << ","
                      << NaUnless(l.hasQueue, std::to_string(l.queueMaxOctets)) << ","
                      << NaUnless(l.hasQueue, Fixed(l.queueMeanOctets, 3)) << "\n";
            }
            for (const NodeResult& n : r.nodes)
            {
                nodes << run << Csv(r.variant) << "," << Csv(n.name) << "," << n.syscalls << "\n";
            }
        }
    }
};

/**
 * Write node-ids.csv: each node's ns-3 id, name and address, as the first variant that
 * ran built them (every variant builds the nodes in the same order).
 * \param dir the folder \param results the variants \return empty, or the file that
 * could not be written
 */
std::string
WriteNodeIds(const std::string& dir, const std::vector<VariantResult>& results)
{
    std::ofstream ids(dir + "/node-ids.csv");
    if (!ids)
    {
        return dir + "/node-ids.csv: cannot write";
    }
    ids << "node_id,node,address\n";
    for (const VariantResult& r : results)
    {
        if (r.error.empty())
        {
            for (const NodeResult& n : r.nodes)
            {
                ids << n.id << "," << Csv(n.name) << "," << Csv(n.address) << "\n";
            }
            break;
        }
    }
    return "";
}

/// \param s a statistic \param digits decimals \return "mean,sd,ci95"
std::string
StatisticCsv(const Statistic& s, int digits)
{
    return Fixed(s.mean, digits) + "," + Fixed(s.sd, digits) + "," + Fixed(s.ci95, digits);
}

} // namespace

std::string
TopologyComparison::WriteCsv(const std::string& dir, const std::vector<VariantResult>& results)
{
    CsvFiles files;
    std::string error = files.Open(dir, "");
    if (error.empty())
    {
        files.Write(results, "");
        error = WriteNodeIds(dir, results);
    }
    return error;
}

std::string
TopologyComparison::WriteCsv(const std::string& dir,
                             const std::vector<std::vector<VariantResult>>& runs,
                             uint64_t firstRun)
{
    if (runs.size() == 1)
    {
        return WriteCsv(dir, runs.front());
    }
    CsvFiles files;
    std::string error = files.Open(dir, "run,");
    if (!error.empty())
    {
        return error;
    }
    for (std::size_t r = 0; r < runs.size(); ++r)
    {
        files.Write(runs[r], std::to_string(firstRun + r) + ",");
    }
    error = WriteNodeIds(dir, runs.front());
    if (!error.empty())
    {
        return error;
    }
    std::ofstream summary(dir + "/flows-summary.csv");
    if (!summary)
    {
        return dir + "/flows-summary.csv: cannot write";
    }
    summary << "variant,flow,runs,throughput_bps_mean,throughput_bps_sd,throughput_bps_ci95,"
               "mean_delay_s_mean,mean_delay_s_sd,mean_delay_s_ci95,jitter_s_mean,jitter_s_sd,"
               "jitter_s_ci95,loss_mean,loss_sd,loss_ci95,srtt_mean_s_mean,srtt_mean_s_sd,"
               "srtt_mean_s_ci95,cwnd_mean_bytes_mean,cwnd_mean_bytes_sd,cwnd_mean_bytes_ci95\n";
    const std::string NA3 = "NA,NA,NA"; // mean, sd, ci95 of a figure that does not apply
    for (const VariantSummary& v : Summarize(runs))
    {
        for (const FlowSummary& f : v.flows)
        {
            summary << Csv(v.variant) << "," << Csv(f.label) << "," << f.throughputBps.n << ","
                    << StatisticCsv(f.throughputBps, 1) << ","
                    << (f.hasDelay ? StatisticCsv(f.meanDelayS, 9) : NA3) << ","
                    << (f.hasDelay ? StatisticCsv(f.jitterS, 9) : NA3) << ","
                    << (f.hasDelay ? StatisticCsv(f.loss, 6) : NA3) << ","
                    << (f.hasTcp ? StatisticCsv(f.srttMeanS, 9) : NA3) << ","
                    << (f.hasTcp ? StatisticCsv(f.cwndMeanBytes, 1) : NA3) << "\n";
        }
    }
    return "";
}

double
TopologyComparison::StudentT95(uint32_t dof)
{
    // t(0.975; dof) for dof 1 to 30, to six decimals (any statistics table).
    static const double table[] = {
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
        2.262157,  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
        2.109816,  2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
        2.059539,  2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    };
    NS_ASSERT_MSG(dof >= 1, "Student t needs one degree of freedom or more");
    if (dof <= 30)
    {
        return table[dof - 1];
    }
    // Beyond the table, the Cornish-Fisher expansion of t about the normal quantile z
    // (Abramowitz and Stegun 26.7.5), in powers of 1/dof.
    const double z = 1.959963985;
    const double z3 = z * z * z;
    const double z5 = z3 * z * z;
    const double z7 = z5 * z * z;
    const double z9 = z7 * z * z;
    const double v = dof;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
           (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v) +
           (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
}

Statistic
TopologyComparison::SummarizeSamples(const std::vector<double>& samples)
{
    Statistic s;
    s.n = samples.size();
    if (s.n == 0)
    {
        return s;
    }
    double sum = 0;
    for (double x : samples)
    {
        sum += x;
    }
    s.mean = sum / s.n;
    if (std::all_of(samples.begin(), samples.end(), [&samples](double x) {
            return x == samples.front();
        }))
    {
        // Equal samples (nothing random): exactly that value, no spread, where sum / n
        // would leave a rounding error of 1e-17 or so.
        s.mean = samples.front();
        return s;
    }
    double squares = 0;
    for (double x : samples)
    {
        squares += (x - s.mean) * (x - s.mean);
    }
    s.sd = std::sqrt(squares / (s.n - 1));
    s.ci95 = StudentT95(s.n - 1) * s.sd / std::sqrt(double(s.n));
    return s;
}

std::vector<VariantSummary>
TopologyComparison::Summarize(const std::vector<std::vector<VariantResult>>& runs)
{
    std::vector<VariantSummary> summaries;
    for (std::size_t v = 0; !runs.empty() && v < runs.front().size(); ++v)
    {
        VariantSummary summary;
        summary.variant = runs.front()[v].variant;
        for (const std::vector<VariantResult>& run : runs)
        {
            if (summary.error.empty() && !run.at(v).error.empty())
            {
                summary.error = run[v].error;
            }
        }
        for (std::size_t f = 0; summary.error.empty() && f < runs.front()[v].flows.size(); ++f)
        {
            FlowSummary flow;
            flow.label = runs.front()[v].flows[f].label;
            flow.hasDelay = runs.front()[v].flows[f].hasDelay;
            flow.hasTcp = true;
            std::vector<double> samples[6];
            for (const std::vector<VariantResult>& run : runs)
            {
                const FlowResult& result = run[v].flows.at(f);
                samples[0].push_back(result.throughputBps);
                samples[1].push_back(result.meanDelayS);
                samples[2].push_back(result.jitterS);
                samples[3].push_back(result.loss);
                samples[4].push_back(result.srttMeanS);
                samples[5].push_back(result.cwndMeanBytes);
                // A run whose connection never measured an RTT has no figure to average.
                flow.hasTcp = flow.hasTcp && result.hasTcp;
            }
            flow.throughputBps = SummarizeSamples(samples[0]);
            flow.meanDelayS = SummarizeSamples(samples[1]);
            flow.jitterS = SummarizeSamples(samples[2]);
            flow.loss = SummarizeSamples(samples[3]);
            flow.srttMeanS = SummarizeSamples(samples[4]);
            flow.cwndMeanBytes = SummarizeSamples(samples[5]);
            summary.flows.push_back(flow);
        }
        summaries.push_back(summary);
    }
    return summaries;
}

std::vector<std::vector<VariantResult>>
TopologyComparison::RunReplications(const TopologyGraph& graph,
                                    const std::vector<TrafficFlow>& flows,
                                    const std::vector<std::optional<LinkKind>>& variants,
                                    const ComparisonOptions& options,
                                    uint32_t runs)
{
    std::vector<std::vector<VariantResult>> results(runs);
    for (uint32_t r = 0; r < runs; ++r)
    {
        ComparisonOptions once = options;
        once.run = options.run + r;
        if (runs > 1)
        {
            // Traces of each run apart: prefix-run<RngRun>-variant...
            for (std::string* prefix : {&once.pcapPrefix, &once.asciiPrefix, &once.syscallPrefix})
            {
                if (!prefix->empty())
                {
                    *prefix += "-run" + std::to_string(once.run);
                }
            }
        }
        for (const std::optional<LinkKind>& kind : variants)
        {
            if (options.progress)
            {
                std::string run = "run " + std::to_string(r + 1) + "/" + std::to_string(runs) +
                                  " (RngRun " + std::to_string(once.run) + "), ";
                once.progress = [&options, run](const std::string& message) {
                    options.progress(run + message);
                };
            }
            results[r].push_back(Run(graph, flows, kind, once));
        }
    }
    return results;
}

} // namespace ns3
