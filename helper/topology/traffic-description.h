/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TRAFFIC_DESCRIPTION_H
#define TRAFFIC_DESCRIPTION_H

#include "topology-graph.h"

#include <cstdint>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The traffic of a topology run: UDP constant-bit-rate flows, TCP bulk transfers and
 * pings between named nodes, read from a small text format.
 */

namespace ns3
{

/// \ingroup tun
/// One flow of a traffic description.
struct TrafficFlow
{
    /// What the flow is.
    enum Kind
    {
        UDP,  //!< "udp": UdpClient to UdpServer, constant bit rate
        TCP,  //!< "tcp": BulkSend to PacketSink
        PING, //!< "ping": ICMP echo (V4Ping)
    };

    Kind kind{UDP};                 //!< kind
    std::string from;               //!< source node name
    std::string to;                 //!< destination node name
    uint64_t rateBps{64000};        //!< udp: offered load, bits per second
    uint32_t size{512};             //!< udp: datagram payload; ping: echo payload
    uint64_t bytes{0};              //!< tcp: bytes to send (0: as many as fit)
    int64_t startNs{2000000000};    //!< start time (random: the earliest)
    int64_t startMaxNs{2000000000}; //!< random start: the latest; else startNs
    int64_t stopNs{12000000000};    //!< stop time
    int64_t intervalNs{1000000000}; //!< ping: between echo requests
    int64_t onNs{0};                //!< udp on/off: the (mean) on time; 0: not on/off
    bool onExponential{false};      //!< udp on/off: on times exponential with mean onNs
    int64_t offNs{0};               //!< udp on/off: the (mean) off time
    bool offExponential{false};     //!< udp on/off: off times exponential with mean offNs
    bool poisson{false};            //!< udp: exponential gaps (mean size * 8 / rate)
    std::string where;              //!< "file:line", for messages

    /// \return true when the start is drawn, uniform over [startNs, startMaxNs]
    bool RandomStart() const
    {
        return startMaxNs > startNs;
    }

    /// \return true for a udp flow sent by an OnOffApplication
    bool OnOff() const
    {
        return onNs > 0;
    }

    /// The latest stop: one day of simulated time.
    static constexpr int64_t MAX_TIME_NS = int64_t{86400} * 1000000000;
    /// The shortest ping interval (ping(8) floods no faster without -f).
    static constexpr int64_t MIN_PING_INTERVAL_NS = 1000000;
    /// The shortest time between a UDP flow's datagrams, size * 8 / rate.
    static constexpr int64_t MIN_UDP_INTERVAL_NS = 1000;
    /// The shortest (mean) on or off time of an on/off flow.
    static constexpr int64_t MIN_ON_OFF_NS = 1000000;
    /// The most packets a UDP or ping flow may send, (stop - start) / interval.
    static constexpr int64_t MAX_PACKETS = 100000000;

    /// \return "udp a->c" and the like
    std::string Label() const;
    /// \param kind a kind \return "udp", "tcp" or "ping"
    static std::string KindName(Kind kind);
};

/// \ingroup tun
/// What reading a traffic description gave.
struct TrafficReadResult
{
    std::vector<TrafficFlow> flows; //!< the flows, in order
    std::string error;              //!< empty on success

    /// \return true without error
    bool Ok() const
    {
        return error.empty();
    }
};

/**
 * \ingroup tun
 * \brief Reads and checks traffic descriptions.
 *
 * One flow per line (or per ';'-separated item, for a command line); '#' starts a
 * comment:
 * \verbatim
   udp  <from> <to> [rate=64kbps] [size=512] [start=2s] [stop=12s]
                    [on=T off=T | poisson=0|1]
   tcp  <from> <to> [bytes=0] [start=2s] [stop=12s]
   ping <from> <to> [interval=1s] [size=56] [start=2s] [stop=12s]
   \endverbatim
 * Defaults as shown (start at 2 s leaves time for PPP to negotiate). Randomness:
 * start=uniform(1s,3s) draws each flow's start uniformly between the two times (any
 * flow); on=T off=T makes a UDP flow an OnOffApplication sending at rate while on, each
 * T a time (constant) or exp(mean) (exponential), the two given together, size 20 or
 * more (its SeqTsSizeHeader); poisson=1 sends a UDP flow's datagrams with exponential
 * gaps of mean size * 8 / rate. TopologyComparison gives every random variable a
 * stream of its own (TopologyComparison::TRAFFIC_STREAM_BASE). Values are checked
 * here, so that none can abort or hang a run: a ping's size is 16 or more (its timestamp
 * and sequence number), a UDP datagram's 12 or more; stop is at most a day; a ping's
 * interval is at least 1 ms, a UDP flow's datagrams at least 1 us apart at its rate; a
 * flow sends at most 10^8 packets. Check() then checks the nodes against a topology.
 * Messages name the input and line, with control bytes escaped.
 */
class TrafficDescription
{
  public:
    /// \param path a file \return the flows, or an error naming the file and line
    static TrafficReadResult Read(const std::string& path);

    /**
     * \param text the description \param name what to call it in messages
     * \return the flows, or an error naming \p name and the line (or item)
     */
    static TrafficReadResult Parse(const std::string& text, const std::string& name);

    /**
     * Check the flows against a topology: both nodes exist, and a path joins them.
     * \param flows the flows \param graph the topology \param graphName for messages
     * \return empty, or the first problem
     */
    static std::string Check(const std::vector<TrafficFlow>& flows,
                             const TopologyGraph& graph,
                             const std::string& graphName);
};

} // namespace ns3

#endif /* TRAFFIC_DESCRIPTION_H */
