/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The comparison scenario: one topology and one traffic description, run once per
// link-kind variant, side by side.
//
//   p2p      every link a native PointToPoint link
//   ppp-tun  every link a serial line with a user-level PPP daemon and tun at each end
//   udp-tun  every link a UDP tunnel daemon pair over a PointToPoint underlay
//   mixed    every link as the topology file says
//
// It prints per-flow throughput, delay, jitter and loss (UDP, ping), smoothed RTT and
// congestion window (TCP), per-link frames, bytes and
// drops by reason, and per-node system calls of the simulated daemons; writes the same
// as CSV (flows.csv, links.csv, nodes.csv) into --output, with gnuplot data, a script
// and, when gnuplot is installed, PNG plots. Same --seed and --run, same CSV.
// --runs=N repeats every variant N times with RngRun --run, --run + 1, ...: the flows'
// mean and 95% confidence interval (Student t) go to the table, flows-summary.csv and
// the plots' error bars; flows.csv, links.csv and nodes.csv get a run column.
//
//   tun-compare [--topology=examples/topologies/dialup.dot]
//               [--traffic=examples/topologies/dialup.traffic | --flows="udp a d; ping a c"]
//               [--variants=p2p,ppp-tun,mixed] [--output=tun-compare-output]
//               [--routing=static|global|none] [--read-wakeup=interrupt|frame]
//               [--pcap=1] [--ascii=1] [--syscalls=1 [--syscalls-process=ppp|tunnel]]
//               [--seed=1] [--run=1] [--runs=1]
//               [--ranks=N [--nullmsg=1]]   (under mpirun -np N, in a build with MPI)
//
// Without --topology it runs a built-in copy of examples/topologies/chain.dot with its
// traffic, so it runs anywhere (CTest, ./ns3 run tun-compare). Traffic syntax: one flow
// a line (or ';'-separated), "udp|tcp|ping <from> <to> [key=value...]"; see
// TrafficDescription. Bad input prints a message naming the file and exits with 1.

#include "ns3/core-module.h"
#include "ns3/tun-module.h"
#include "ns3/tun-topology-module.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// The built-in topology: examples/topologies/chain.dot.
const char* const BUILTIN_TOPOLOGY = R"(graph chain {
    a -- b [kind=p2p, rate="10Mbps", delay="2ms"];
    b -- c [kind="ppp-tun", baud=115200, delay="1ms"];
    c -- d [kind="udp-tun", rate="2Mbps", delay="5ms", queue=50];
})";

/// The most runs --runs takes: each is a fresh simulation of every variant.
const uint32_t MAX_RUNS = 10000;

/// The built-in traffic: a short version of examples/topologies/chain.traffic.
const char* const BUILTIN_TRAFFIC = "udp a d rate=32kbps size=512 start=2s stop=5s\n"
                                    "tcp d a start=2s stop=5s\n"
                                    "ping a c interval=500ms start=2s stop=5s\n";

/// \return \p path made if missing (one level), false if it cannot be
bool
MakeDirectory(const std::string& path)
{
    struct stat st;
    if (stat(path.c_str(), &st) == 0)
    {
        return S_ISDIR(st.st_mode);
    }
    // Another rank of a partitioned run may make it between the stat and the mkdir.
    return mkdir(path.c_str(), 0755) == 0 ||
           (errno == EEXIST && stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode));
}

/// MPI_Finalize on every way out of main, once MPI is started.
struct MpiStopper
{
    ~MpiStopper()
    {
        TunMpi::Stop();
    }
};

/// \return the path of the first executable file \p name in $PATH's folders, as
/// execvp would find it, or empty: no shell is asked
std::string
FindOnPath(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::istringstream folders(path ? path : "/usr/bin:/bin");
    std::string folder;
    while (std::getline(folders, folder, ':'))
    {
        std::string candidate = (folder.empty() ? "." : folder) + "/" + name;
        struct stat st;
        if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            access(candidate.c_str(), X_OK) == 0)
        {
            return candidate;
        }
    }
    return "";
}

/**
 * Run \p program in the folder \p dir with the arguments \p args, and wait for it. The
 * arguments go to execv as they are: no shell reads them, so a folder name with quotes,
 * semicolons or spaces is only a folder name.
 * \return true when the program ran and exited with status 0
 */
bool
RunInFolder(const std::string& dir,
            const std::string& program,
            const std::vector<std::string>& args)
{
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args)
    {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    std::cout.flush(); // ours before anything gnuplot prints
    std::cerr.flush();
    pid_t pid = fork();
    if (pid < 0)
    {
        return false;
    }
    if (pid == 0)
    {
        // Only async-signal-safe calls between fork and exec.
        if (chdir(dir.c_str()) == 0)
        {
            execv(program.c_str(), argv.data());
        }
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
    {
        if (errno != EINTR)
        {
            return false;
        }
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// A plot's data: a column per variant (and its error bar), a row per flow.
struct PlotData
{
    std::vector<std::string> columns;      //!< the headings after "flow"
    std::vector<std::string> flows;        //!< the rows' labels
    std::vector<std::vector<double>> rows; //!< a value per column, per flow
};

/// Write "<what>.dat" from \p data. \param dir the folder \return its name
std::string
WritePlotData(const std::string& dir, const std::string& what, const PlotData& data)
{
    std::string name = what + ".dat";
    std::ofstream out(dir + "/" + name);
    out << "flow";
    for (const std::string& column : data.columns)
    {
        out << " " << column;
    }
    out << "\n";
    for (std::size_t i = 0; i < data.flows.size(); ++i)
    {
        out << "\"" << data.flows[i] << "\"";
        for (double value : data.rows[i])
        {
            // NaN: the figure does not apply (a TCP flow's delay); gnuplot skips "NA".
            if (std::isnan(value))
            {
                out << " NA";
            }
            else
            {
                out << " " << value;
            }
        }
        out << "\n";
    }
    return name;
}

/**
 * The plot data of one run: a column per variant. \param results the variants
 * \param value what to plot of a flow, NaN where it does not apply \return the data
 * (NaN for a flow a variant lacks)
 */
PlotData
OneRunData(const std::vector<VariantResult>& results, double (*value)(const FlowResult&))
{
    PlotData data;
    for (const VariantResult& r : results)
    {
        data.columns.push_back(r.variant);
    }
    std::size_t flows = results.empty() ? 0 : results.front().flows.size();
    for (std::size_t i = 0; i < flows; ++i)
    {
        data.flows.push_back(results.front().flows[i].label);
        data.rows.emplace_back();
        for (const VariantResult& r : results)
        {
            data.rows.back().push_back(i < r.flows.size() ? value(r.flows[i]) : std::nan(""));
        }
    }
    return data;
}

/**
 * The plot data of several runs: per variant, a column of means and one of 95%
 * confidence half-widths. \param summaries the variants \param statistic which one
 * \param scale the plot's unit \param applies whether a flow has the figure (NaN,
 * written NA, where not) \return the data
 */
PlotData
RunsData(const std::vector<VariantSummary>& summaries,
         const Statistic& (*statistic)(const FlowSummary&),
         double scale,
         bool (*applies)(const FlowSummary&))
{
    PlotData data;
    for (const VariantSummary& v : summaries)
    {
        data.columns.push_back(v.variant);
        data.columns.push_back(v.variant + "_ci95");
    }
    std::size_t flows = summaries.empty() ? 0 : summaries.front().flows.size();
    for (std::size_t i = 0; i < flows; ++i)
    {
        data.flows.push_back(summaries.front().flows[i].label);
        data.rows.emplace_back();
        for (const VariantSummary& v : summaries)
        {
            const Statistic& s = statistic(v.flows[i]);
            bool has = applies(v.flows[i]);
            data.rows.back().push_back(has ? s.mean * scale : std::nan(""));
            data.rows.back().push_back(has ? s.ci95 * scale : std::nan(""));
        }
    }
    return data;
}

/**
 * The gnuplot script and its data; run gnuplot if there is one.
 * \param dir the folder \param runs results[r][v] \param seed the RngSeed
 * \param firstRun the first run's RngRun \return a message
 */
std::string
WritePlots(const std::string& dir,
           const std::vector<std::vector<VariantResult>>& runs,
           uint32_t seed,
           uint64_t firstRun)
{
    std::string throughput;
    std::string delay;
    std::size_t variants = 0;
    std::string titleEnd;
    if (runs.size() == 1)
    {
        std::vector<VariantResult> results = runs.front();
        results.erase(std::remove_if(results.begin(),
                                     results.end(),
                                     [](const VariantResult& r) { return !r.error.empty(); }),
                      results.end());
        variants = results.size();
        titleEnd = " (seed " + std::to_string(seed) + ", RngRun " + std::to_string(firstRun) + ")";
        throughput = WritePlotData(dir, "throughput", OneRunData(results, [](const FlowResult& f) {
                                       return f.throughputBps / 1000;
                                   }));
        delay = WritePlotData(dir, "delay", OneRunData(results, [](const FlowResult& f) {
                                  return f.hasDelay ? f.meanDelayS * 1000 : std::nan("");
                              }));
    }
    else
    {
        std::vector<VariantSummary> summaries = TopologyComparison::Summarize(runs);
        summaries.erase(std::remove_if(summaries.begin(),
                                       summaries.end(),
                                       [](const VariantSummary& v) { return !v.error.empty(); }),
                        summaries.end());
        variants = summaries.size();
        throughput = WritePlotData(
            dir,
            "throughput",
            RunsData(
                summaries,
                [](const FlowSummary& f) -> const Statistic& { return f.throughputBps; },
                1e-3,
                [](const FlowSummary&) { return true; }));
        delay =
            WritePlotData(dir,
                          "delay",
                          RunsData(
                              summaries,
                              [](const FlowSummary& f) -> const Statistic& { return f.meanDelayS; },
                              1e3,
                              [](const FlowSummary& f) { return f.hasDelay; }));
        titleEnd = ", mean and 95% CI of " + std::to_string(runs.size()) + " runs (seed " +
                   std::to_string(seed) + ", RngRun " + std::to_string(firstRun) + "-" +
                   std::to_string(firstRun + runs.size() - 1) + ")";
    }
    std::ofstream script(dir + "/plots.gnuplot");
    script << "# gnuplot plots.gnuplot (in this folder) draws throughput.png and delay.png\n"
              "set terminal pngcairo size 900,500 noenhanced\n"
              "# NA: the figure does not apply (a TCP flow's delay), no bar.\n"
              "set datafile missing 'NA'\n"
              "# Native links carry thousands of times what a serial line does.\n"
              "set logscale y\n"
              "set style data histograms\n"
           << (runs.size() == 1 ? "set style histogram clustered gap 1\n"
                                : "set style histogram errorbars gap 1 lw 1\n")
           << "set style fill solid 0.8 border -1\n"
              "set key outside right top\n"
              "set xtics rotate by -30\n"
              "set grid ytics\n";
    for (auto [data, title, label] :
         {std::make_tuple(throughput, "throughput", "kbit/s"),
          std::make_tuple(delay, "delay", "ms (udp one-way, ping round trip, tcp none)")})
    {
        script << "set output '" << title << ".png'\n"
               << "set title 'Per-flow " << title << " by link variant" << titleEnd << "'\n"
               << "set ylabel '" << label << "'\n";
        if (runs.size() == 1)
        {
            script << "plot for [i=2:" << variants + 1 << "] '" << data
                   << "' using i:xtic(1) title columnheader(i)\n";
        }
        else
        {
            // Per variant a mean and its half-width: yerrorbars from mean - ci to mean + ci.
            script << "plot for [i=0:" << (variants == 0 ? 0 : variants - 1) << "] '" << data
                   << "' using (column(2+2*i)):(column(3+2*i)):xtic(1) "
                      "title columnheader(2+2*i)\n";
        }
    }
    script.close();
    std::string gnuplot = FindOnPath("gnuplot");
    if (gnuplot.empty())
    {
        return "gnuplot not found: wrote " + dir +
               "/plots.gnuplot and its data, no PNG (apt-get install gnuplot-nox)";
    }
    // In the folder, so the script names its files without the folder's name.
    if (!RunInFolder(dir, gnuplot, {"plots.gnuplot"}))
    {
        return "gnuplot failed on " + dir + "/plots.gnuplot";
    }
    return "plots: " + dir + "/throughput.png, " + dir + "/delay.png";
}

/**
 * Read --runs. \param text its value \param runs receives it
 * \return empty, or why it is refused
 */
std::string
ParseRuns(const std::string& text, uint32_t& runs)
{
    bool digits =
        !text.empty() && text.size() <= 9 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits)
    {
        return "--runs=" + text + ": a whole number of runs, 1 to " + std::to_string(MAX_RUNS);
    }
    runs = std::stoul(text);
    if (runs == 0)
    {
        return "--runs=0: give 1 run or more";
    }
    if (runs > MAX_RUNS)
    {
        return "--runs=" + text + ": at most " + std::to_string(MAX_RUNS) +
               " runs (each is a fresh simulation of every variant)";
    }
    return "";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string topologyPath;
    std::string trafficPath;
    std::string flowsText;
    std::string variants = "p2p,ppp-tun,mixed,udp-tun";
    std::string output = "tun-compare-output";
    std::string routing = "static";
    std::string readWakeup = "interrupt";
    bool pcap = false;
    bool ascii = false;
    bool syscalls = false;
    std::string syscallProcess;
    bool plots = true;
    uint32_t seed = 1;
    uint64_t run = 1;
    std::string runsText = "1";
    uint32_t ranks = 1;
    bool nullMessage = false;
    CommandLine cmd(__FILE__);
    // Whole strings through callbacks: CommandLine reads a std::string value up to the
    // first space, and flows and paths have spaces.
    auto whole = [](std::string& target) {
        return Callback<bool, std::string>([&target](std::string value) {
            target = std::move(value);
            return true;
        });
    };
    cmd.AddValue("topology",
                 "Topology file, .dot/.gv or .graphml (default: built-in chain)",
                 whole(topologyPath));
    cmd.AddValue("traffic", "Traffic description file", whole(trafficPath));
    cmd.AddValue("flows", "Traffic on the command line, ';' between flows", whole(flowsText));
    cmd.AddValue("variants", "Comma-separated: p2p, ppp-tun, udp-tun, mixed", variants);
    cmd.AddValue("output", "Folder for the CSV, plot data and trace files", whole(output));
    cmd.AddValue("routing", "static (BFS shortest paths), global (p2p only) or none", routing);
    cmd.AddValue("read-wakeup",
                 "When serial lines wake their PPP daemons: interrupt (every 16550 "
                 "interrupt, as ppp(8)) or frame (once per frame; same results, faster)",
                 readWakeup);
    cmd.AddValue("pcap", "Write pcap traces of every link", pcap);
    cmd.AddValue("ascii", "Write ascii traces of every link", ascii);
    cmd.AddValue("syscalls", "Write every process's system calls (text and CSV)", syscalls);
    cmd.AddValue("syscalls-process",
                 "With --syscalls: only the calls of processes of this name (ppp: the PPP "
                 "daemons, tunnel: the UDP tunnel daemons)",
                 syscallProcess);
    cmd.AddValue("plots", "Write gnuplot data and script, and PNGs if gnuplot is here", plots);
    cmd.AddValue("seed", "RngSeedManager seed", seed);
    cmd.AddValue("run", "RngSeedManager run (of the first run)", run);
    cmd.AddValue("runs",
                 "Runs of every variant, RngRun run, run + 1, ...: the flows' mean and 95% "
                 "confidence interval",
                 whole(runsText));
    cmd.AddValue("ranks",
                 "A partitioned run on ns-3's MPI engine, over this many ranks (start it "
                 "with mpirun -np N; needs a build with MPI: ./build.sh mpi)",
                 ranks);
    cmd.AddValue("nullmsg",
                 "With --ranks: ns-3's null-message synchroniser instead of granted time "
                 "windows",
                 nullMessage);
    cmd.Parse(argc, argv);

    MpiStopper stopper;
    if (ranks == 0)
    {
        std::cerr << "tun-compare: --ranks=0: give 1 rank or more\n";
        return 1;
    }
    if (ranks > 1)
    {
        std::string error = TunMpi::Start(nullMessage, &argc, &argv);
        if (!error.empty())
        {
            std::cerr << "tun-compare: --ranks=" << ranks << ": " << error << "\n";
            return 1;
        }
        if (TunMpi::GetSize() != ranks)
        {
            std::cerr << "tun-compare: --ranks=" << ranks << ", but " << TunMpi::GetSize()
                      << " MPI processes: start it with mpirun -np " << ranks << "\n";
            return 1;
        }
    }
    // Rank 0 writes the global outputs (tables, CSV, plots, progress); every rank writes
    // the trace files of its own nodes.
    const bool first = TunMpi::GetRank() == 0;

    TopologyReadResult topology =
        topologyPath.empty() ? TunTopologyReader::ParseDot(BUILTIN_TOPOLOGY, "built-in chain.dot")
                             : TunTopologyReader::Read(topologyPath);
    for (const std::string& warning : topology.warnings)
    {
        std::cerr << "tun-compare: warning: " << warning << "\n";
    }
    if (!topology.Ok())
    {
        std::cerr << "tun-compare: " << topology.error << "\n";
        return 1;
    }
    TrafficReadResult traffic;
    if (!flowsText.empty())
    {
        traffic = TrafficDescription::Parse(flowsText, "--flows");
    }
    else if (!trafficPath.empty())
    {
        traffic = TrafficDescription::Read(trafficPath);
    }
    else if (topologyPath.empty())
    {
        traffic = TrafficDescription::Parse(BUILTIN_TRAFFIC, "built-in traffic");
    }
    else
    {
        std::cerr << "tun-compare: give --traffic=FILE or --flows=\"...\" for " << topologyPath
                  << "\n";
        return 1;
    }
    if (!traffic.Ok())
    {
        std::cerr << "tun-compare: " << traffic.error << "\n";
        return 1;
    }
    std::string graphName = topologyPath.empty() ? "built-in chain.dot" : topologyPath;
    std::string problem = TrafficDescription::Check(traffic.flows, topology.graph, graphName);
    if (!problem.empty())
    {
        std::cerr << "tun-compare: " << problem << "\n";
        return 1;
    }

    if (seed == 0)
    {
        std::cerr << "tun-compare: --seed=0: ns-3's random number generator takes a seed of 1 "
                     "or more\n";
        return 1;
    }
    uint32_t replications = 1;
    problem = ParseRuns(runsText, replications);
    if (problem.empty() && run > UINT64_MAX - (replications - 1))
    {
        problem = "--run=" + std::to_string(run) + " with --runs=" + runsText +
                  ": the last run's number would be beyond 2^64 - 1";
    }
    if (!problem.empty())
    {
        std::cerr << "tun-compare: " << problem << "\n";
        return 1;
    }
    ComparisonOptions options;
    options.ranks = ranks;
    options.seed = seed;
    options.run = run;
    if (routing == "static")
    {
        options.routing = TopologyRouting::STATIC;
    }
    else if (routing == "global")
    {
        options.routing = TopologyRouting::GLOBAL;
    }
    else if (routing == "none")
    {
        options.routing = TopologyRouting::NONE;
    }
    else
    {
        std::cerr << "tun-compare: --routing: static, global or none, not '" << routing << "'\n";
        return 1;
    }
    if (readWakeup == "frame")
    {
        options.readWakeup = SerialLine::WAKE_PER_FRAME;
    }
    else if (readWakeup != "interrupt")
    {
        std::cerr << "tun-compare: --read-wakeup: interrupt or frame, not '" << readWakeup << "'\n";
        return 1;
    }
    std::vector<std::optional<LinkKind>> kinds;
    std::istringstream names(variants);
    std::string name;
    while (std::getline(names, name, ','))
    {
        std::optional<LinkKind> kind;
        if (!TopologyComparison::ParseVariant(name, kind))
        {
            std::cerr << "tun-compare: unknown variant '" << name
                      << "' (p2p, ppp-tun, udp-tun, mixed)\n";
            return 1;
        }
        kinds.push_back(kind);
    }
    if (!syscallProcess.empty() && !syscalls)
    {
        std::cerr << "tun-compare: --syscalls-process=" << syscallProcess
                  << " chooses whose calls --syscalls=1 writes: give both\n";
        return 1;
    }
    if (ranks > 1 && nullMessage && kinds.size() * replications > 1)
    {
        // ns-3.37's NullMessageSimulatorImpl is a singleton it never resets: a second
        // simulation in the same process aborts in its constructor.
        std::cerr << "tun-compare: --nullmsg: ns-3's null-message simulator runs one "
                     "simulation per process: give one variant (--variants=) and --runs=1\n";
        return 1;
    }
    if (!MakeDirectory(output))
    {
        std::cerr << "tun-compare: cannot make the folder " << output << "\n";
        return 1;
    }
    if (pcap)
    {
        options.pcapPrefix = output + "/tun-compare";
    }
    if (ascii)
    {
        options.asciiPrefix = output + "/tun-compare";
    }
    if (syscalls)
    {
        options.syscallPrefix = output + "/syscalls";
        options.syscallProcess = syscallProcess;
    }
    if (ranks > 1 && first)
    {
        // Where each variant's nodes go, before it runs (TopologyComparison makes the same).
        for (const std::optional<LinkKind>& kind : kinds)
        {
            TopologyPartition p = TopologyPartition::Make(topology.graph, ranks, kind);
            std::cout << "partition " << (kind ? LinkKindName(*kind) : "mixed") << ": ";
            if (!p.error.empty())
            {
                std::cout << p.error << "\n";
                continue;
            }
            std::cout << ranks << " ranks, nodes per rank";
            for (uint32_t r = 0; r < ranks; ++r)
            {
                std::cout << (r ? "/" : " ") << std::count(p.rankOf.begin(), p.rankOf.end(), r);
            }
            std::cout << ", " << p.cutLinks << " links cut";
            if (p.lookaheadNs >= 0)
            {
                std::cout << ", lookahead " << p.lookaheadNs * 1e-6 << " ms";
            }
            std::cout << "\n";
        }
    }
    // Progress on stderr, with the wall clock: the only place it is read.
    auto started = std::chrono::steady_clock::now();
    auto elapsed = [started] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    options.progress = [&elapsed, first](const std::string& message) {
        if (!first)
        {
            return;
        }
        std::cerr << "\r[" << std::fixed << std::setprecision(1) << elapsed() << " s] " << message
                  << "   " << std::flush;
        if (message.find(": 100% (") != std::string::npos)
        {
            std::cerr << "\n"; // a variant's run is done: its line stays
        }
    };

    std::vector<std::vector<VariantResult>> results =
        TopologyComparison::RunReplications(topology.graph,
                                            traffic.flows,
                                            kinds,
                                            options,
                                            replications);
    if (!first)
    {
        // The results are every rank's, gathered: rank 0 reports them.
        bool failed = std::any_of(results.front().begin(),
                                  results.front().end(),
                                  [](const VariantResult& r) { return !r.error.empty(); });
        return failed ? 1 : 0;
    }
    bool failed = false;
    for (const VariantResult& r : results.front())
    {
        // The same in every run: errors come from the topology and the variant.
        if (!r.error.empty())
        {
            std::cerr << "tun-compare: " << r.error << "\n";
            failed = true;
        }
    }
    std::cout << "topology " << graphName << ": " << boost::num_vertices(topology.graph)
              << " nodes, " << boost::num_edges(topology.graph) << " links; "
              << traffic.flows.size() << " flows; seed " << seed << " run " << run;
    if (replications > 1)
    {
        std::cout << " to " << run + replications - 1 << " (" << replications << " runs)";
    }
    std::cout << "\n\n";
    TopologyComparison::WriteSummaryTable(std::cout, results, run);
    std::string error = TopologyComparison::WriteCsv(output, results, run);
    if (!error.empty())
    {
        std::cerr << "tun-compare: " << error << "\n";
        return 1;
    }
    std::cout << "\nresults: " << output << "/flows.csv, links.csv, nodes.csv, node-ids.csv"
              << (replications > 1 ? ", flows-summary.csv" : "") << "\n";
    if (plots)
    {
        std::cout << WritePlots(output, results, seed, run) << "\n";
    }
    if (pcap)
    {
        std::cout << "pcap: " << output
                  << "/tun-compare-<variant>[-tun|-line]-<node name>-<device>.pcap\n";
    }
    if (ascii)
    {
        std::cout << "ascii: " << output
                  << "/tun-compare-<variant>[-tun|-line]-<node name>-<device>.tr (node ids "
                     "in node-ids.csv)\n";
    }
    if (syscalls)
    {
        std::cout << "system calls: " << output << "/syscalls-<variant>.txt, .csv\n";
    }
    return failed ? 1 : 0;
}
