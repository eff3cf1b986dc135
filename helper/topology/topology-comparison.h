/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOPOLOGY_COMPARISON_H
#define TOPOLOGY_COMPARISON_H

#include "topology-builder.h"
#include "topology-graph.h"
#include "traffic-description.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Runs one topology and traffic once per link-kind variant and gathers per-flow,
 * per-link and per-node results.
 */

namespace ns3
{

/// \ingroup tun
/// A flow's outcome in one variant.
struct FlowResult
{
    std::string label;       //!< "udp a->c"
    bool hasPackets{true};   //!< packets are counted (udp, ping; not tcp)
    uint64_t txPackets{0};   //!< sent (udp datagrams, echo requests)
    uint64_t rxPackets{0};   //!< received
    uint64_t rxBytes{0};     //!< application bytes received
    double throughputBps{0}; //!< rxBytes * 8 over the flow's start..stop
    bool hasDelay{false};    //!< delay, jitter and loss are measured (udp, ping)
    double meanDelayS{0};    //!< udp: one-way; ping: round trip
    double jitterS{0};       //!< mean |difference| of successive delays
    double loss{0};          //!< 1 - rx / tx
    /// The sender's TCP socket reported its RTT estimate at least once (tcp only): the
    /// srtt and cwnd figures are measured
    bool hasTcp{false};
    uint64_t rttSamples{0};   //!< updates of the sender's RTT estimate
    double srttMeanS{0};      //!< mean of the estimates (TcpSocketBase's RTT trace)
    double srttMinS{0};       //!< the smallest
    double srttMaxS{0};       //!< the largest
    double cwndMeanBytes{0};  //!< congestion window, time-weighted mean until the stop
    uint32_t cwndMaxBytes{0}; //!< its largest value
};

/// \ingroup tun
/// A link's counters in one variant, both directions together.
struct LinkResult
{
    std::string label;                     //!< "a--b"
    std::string kind;                      //!< as built
    uint64_t frames{0};                    //!< frames put on the wire
    uint64_t bytes{0};                     //!< their bytes
    std::map<std::string, uint64_t> drops; //!< by reason
    uint64_t capacityBps{0};               //!< what it carries: its DataRate, or baud x 8 / 10
    uint64_t baud{0};                      //!< a ppp-tun line's BaudRate, else 0
    /// A daemon queue was watched (ppp-tun: UserPpp's Queue trace at both ends)
    bool hasQueue{false};
    uint32_t queueMaxFrames{0}; //!< the most frames waiting for the line at either end
    uint32_t queueMaxOctets{0}; //!< the most octets waiting at either end
    double queueMeanOctets{0};  //!< time-weighted mean of the octets waiting over the
                                //!< whole run, at the end where it is larger
};

/// \ingroup tun
/// A node's counters in one variant.
struct NodeResult
{
    std::string name;      //!< node name
    uint64_t syscalls{0};  //!< system calls of its simulated processes (daemons)
    uint32_t id{0};        //!< its ns-3 node id (NodeList index, as in /NodeList/N)
    std::string address{}; //!< its address, the one flows to it are sent to
};

/// \ingroup tun
/// One variant's run.
struct VariantResult
{
    std::string variant;           //!< "p2p", "ppp-tun", "udp-tun" or "mixed"
    std::string error;             //!< empty when it ran
    std::vector<FlowResult> flows; //!< in traffic order
    std::vector<LinkResult> links; //!< in edge order
    std::vector<NodeResult> nodes; //!< in vertex order
};

/// \ingroup tun
/// A sample's mean, spread and 95% confidence interval.
struct Statistic
{
    uint32_t n{0};  //!< samples
    double mean{0}; //!< their mean
    double sd{0};   //!< sample standard deviation (n - 1 in the denominator); 0 if n < 2
    double ci95{0}; //!< half-width of the 95% confidence interval of the mean; 0 if n < 2
};

/// \ingroup tun
/// A flow's results over the runs of one variant.
struct FlowSummary
{
    std::string label;       //!< "udp a->c"
    bool hasDelay{false};    //!< delay, jitter and loss are measured (udp, ping)
    Statistic throughputBps; //!< of FlowResult::throughputBps
    Statistic meanDelayS;    //!< of FlowResult::meanDelayS
    Statistic jitterS;       //!< of FlowResult::jitterS
    Statistic loss;          //!< of FlowResult::loss
    bool hasTcp{false};      //!< srtt and cwnd are measured in every run (tcp)
    Statistic srttMeanS;     //!< of FlowResult::srttMeanS
    Statistic cwndMeanBytes; //!< of FlowResult::cwndMeanBytes
};

/// \ingroup tun
/// One variant over every run.
struct VariantSummary
{
    std::string variant;            //!< as in VariantResult
    std::string error;              //!< the first run's error, if any run failed
    std::vector<FlowSummary> flows; //!< in traffic order
};

/// \ingroup tun
/// How to run the variants.
struct ComparisonOptions
{
    uint32_t seed{1};                                 //!< RngSeedManager seed
    uint64_t run{1};                                  //!< RngSeedManager run (the first)
    int64_t drainNs{3000000000};                      //!< run on after the last stop
    TopologyRouting routing{TopologyRouting::STATIC}; //!< routing
    /// when ppp-tun daemons are woken by their lines
    SerialLine::ReadWakeup readWakeup{SerialLine::WAKE_PER_INTERRUPT};
    std::string pcapPrefix;     //!< pcap on every link if set
    std::string asciiPrefix;    //!< ascii traces of every link if set
    std::string syscallPrefix;  //!< system call traces, prefix-variant.txt and .csv, if set
    std::string syscallProcess; //!< only this process name's calls in them, if set
    std::function<void(const std::string&)> progress; //!< progress messages, if set
    /// A partitioned run over this many MPI ranks (TunMpi must be running with as many):
    /// nodes are dealt to ranks by TopologyPartition, each rank simulates its own, and the
    /// results are gathered so that every rank returns the whole, as a sequential run
    /// would. 1: sequential.
    uint32_t ranks{1};
};

/**
 * \ingroup tun
 * \brief The comparison behind examples/tun-compare.cc: each variant is a fresh
 * simulation of the same graph and traffic, with every link's kind overridden (or as
 * written, "mixed"), the same seed and run.
 *
 * Per-flow results come from the applications, so every variant is measured the same
 * way whatever carries it: the UDP client's SeqTsHeader gives one-way delay; V4Ping's
 * Rtt trace gives round trips. (FlowMonitor works over tun too, see
 * UserlandPacketCache, and can be installed beside it.)
 * Throughput is the application bytes received between a flow's start and stop, over
 * that time; delay and loss also count what arrives in the drain time after the last
 * stop. TCP has no delay or loss figure (it retransmits); its sender's socket gives the
 * smoothed RTT (TcpSocketBase's RTT trace: mean, min and max of its updates) and the
 * congestion window (CongestionWindow: time-weighted mean and max up to the stop). A ping reply
 * that arrives after the ping's stop is lost (V4Ping closes its socket), so a long queue shows as
 * ping loss.
 */
class TopologyComparison
{
  public:
    /// The first random-number stream of the traffic: flow i draws its start from
    /// stream TRAFFIC_STREAM_BASE + 4i, its on and off times from + 4i + 1 and + 4i + 2
    /// (OnOffApplication::AssignStreams), its Poisson gaps from + 4i + 3. Fixed numbers,
    /// so every variant of a run sees the same draws, and each run (RngRun) others.
    static constexpr int64_t TRAFFIC_STREAM_BASE = 1000;

    /**
     * Run one variant. Calls Simulator::Destroy at the end.
     * \param graph the topology \param flows the traffic (checked against the graph)
     * \param override the kind of every link, or nothing for the graph's own
     * \param options seed, routing, pcap, progress
     * \return the results, or an error (e.g. global routing over tun links)
     */
    static VariantResult Run(const TopologyGraph& graph,
                             const std::vector<TrafficFlow>& flows,
                             std::optional<LinkKind> override,
                             const ComparisonOptions& options);

    /**
     * Run every variant \p runs times, each run a fresh simulation: run r (0, 1, ...)
     * with RngRun options.run + r, so that runs draw from independent streams. Progress
     * messages (if options.progress is set) name the run and the variant. With more than
     * one run, trace prefixes get "-run<RngRun>", so that runs do not overwrite each
     * other's traces.
     * \param graph the topology \param flows the traffic
     * \param variants the link kind of each variant (nothing: mixed)
     * \param options seed, first run, routing, pcap, progress
     * \param runs how many runs, 1 or more
     * \return results[r][v], run r of variant v
     */
    static std::vector<std::vector<VariantResult>> RunReplications(
        const TopologyGraph& graph,
        const std::vector<TrafficFlow>& flows,
        const std::vector<std::optional<LinkKind>>& variants,
        const ComparisonOptions& options,
        uint32_t runs);

    /**
     * The two-sided 95% quantile of Student's t distribution, t(0.975; dof).
     * \param dof degrees of freedom, 1 or more
     * \return the table value for 1 to 30, the Cornish-Fisher expansion beyond (within
     * 1e-5 of the exact value there), 1.959964 as dof grows without bound
     */
    static double StudentT95(uint32_t dof);

    /// \param samples the values \return their mean, standard deviation and the
    /// half-width t(0.975; n-1) * sd / sqrt(n) of the mean's 95% confidence interval
    static Statistic SummarizeSamples(const std::vector<double>& samples);

    /// \param runs results[r][v] as RunReplications returns them \return per variant
    /// and flow, the statistics over the runs
    static std::vector<VariantSummary> Summarize(
        const std::vector<std::vector<VariantResult>>& runs);

    /// \param name "p2p", "ppp-tun", "udp-tun" or "mixed" \param kind receives the
    /// override (nothing for mixed) \return false for an unknown name
    static bool ParseVariant(const std::string& name, std::optional<LinkKind>& kind);

    /// Print the comparison tables (flows, links, nodes). \param os where to
    /// \param results the variants' results, in the order run
    static void WriteTable(std::ostream& os, const std::vector<VariantResult>& results);

    /**
     * Print the flows' statistics over the runs, then the links and nodes of the first
     * run. \param os where to \param runs results[r][v]
     * \param firstRun the first run's RngRun, for the heading
     */
    static void WriteSummaryTable(std::ostream& os,
                                  const std::vector<std::vector<VariantResult>>& runs,
                                  uint64_t firstRun);

    /**
     * Write flows.csv, links.csv, nodes.csv and node-ids.csv (each node's ns-3 id, name
     * and address, from the first variant that ran: the ids that ns-3's ascii traces
     * (/NodeList/N), the system call traces and the logs print) into \p dir (which
     * must exist).
     * \param dir the folder \param results the variants
     * \return empty, or the file that could not be written
     */
    static std::string WriteCsv(const std::string& dir, const std::vector<VariantResult>& results);

    /**
     * Write the CSV of several runs into \p dir: with one run, what WriteCsv writes;
     * with more, flows.csv, links.csv and nodes.csv with a first column "run" (the
     * RngRun) and a row per run, and flows-summary.csv with each flow's runs, mean,
     * standard deviation and 95% confidence half-width of throughput, delay, jitter,
     * loss, TCP's mean srtt and mean cwnd per variant. A figure that does not apply to a
     * flow (delay of TCP, srtt of UDP) is NA in every file.
     * \param dir the folder \param runs results[r][v] \param firstRun the first RngRun
     * \return empty, or the file that could not be written
     */
    static std::string WriteCsv(const std::string& dir,
                                const std::vector<std::vector<VariantResult>>& runs,
                                uint64_t firstRun);
};

} // namespace ns3

#endif /* TOPOLOGY_COMPARISON_H */
