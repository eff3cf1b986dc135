/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOPOLOGY_PARTITION_H
#define TOPOLOGY_PARTITION_H

#include "topology-graph.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Which MPI rank simulates each node of a topology.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Assigns the nodes of a TopologyGraph to MPI ranks, for ns-3's distributed
 * simulator.
 *
 * A link may cross ranks when its kind can carry packets between ranks and its delay, the
 * lookahead the ranks synchronise on, is above zero: p2p (ns-3's
 * PointToPointRemoteChannel) and udp-tun (its PointToPoint underlay crosses; the daemons
 * and tun interfaces stay with their nodes). A zero-delay link cannot be cut, and nor,
 * for now, can a ppp-tun link (a SerialLine has no remote form yet): both ends go to one
 * rank.
 *
 * The nodes joined by such links form groups that move together. A node's `rank`
 * attribute in the file pins it (and its group). The other groups are dealt out in
 * breadth-first order from the first node, filling rank 0 up to n / ranks nodes, then
 * rank 1, and so on, so that each rank holds a connected region: balanced in nodes, and
 * few cut links on chains, rings, trees and meshes alike. This is a greedy heuristic,
 * not a minimum cut.
 */
struct TopologyPartition
{
    std::vector<uint32_t> rankOf; //!< per vertex
    uint32_t ranks{1};            //!< how many
    uint32_t cutLinks{0};         //!< links whose ends are on different ranks
    int64_t lookaheadNs{-1};      //!< the least delay of a cut link; -1 when none is cut
    std::string error;            //!< empty, or why the graph cannot be partitioned so

    /**
     * \param graph the topology
     * \param ranks how many ranks (1 or more)
     * \param override every link built as this kind, if set (as TopologyBuilder does)
     * \return the partition; its error names the link that cannot be cut or the node
     *         whose rank is out of range
     */
    static TopologyPartition Make(const TopologyGraph& graph,
                                  uint32_t ranks,
                                  std::optional<LinkKind> override = std::nullopt);

    /// \param kind a link's kind \param delayNs its delay \return why it cannot cross
    /// ranks, or empty
    static std::string WhyUncuttable(LinkKind kind, int64_t delayNs);
};

} // namespace ns3

#endif /* TOPOLOGY_PARTITION_H */
