/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_TOPOLOGY_READER_H
#define TUN_TOPOLOGY_READER_H

#include "topology-graph.h"

#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Reads a topology from GraphViz DOT or GraphML into a TopologyGraph.
 */

namespace ns3
{

/// \ingroup tun
/// What reading a topology gave: a graph, or an error naming the file and element.
struct TopologyReadResult
{
    TopologyGraph graph;               //!< the topology (empty on error)
    std::string error;                 //!< empty on success
    std::vector<std::string> warnings; //!< ignored attributes and the like

    /// \return true when the file was read without error
    bool Ok() const
    {
        return error.empty();
    }
};

/**
 * \ingroup tun
 * \brief Reads topologies with Boost.Graph's readers (read_graphviz, read_graphml) and
 * checks them, so that a bad file gives a message instead of an abort later.
 *
 * Nodes: the name is the node's `name` attribute when it has one, else its id (the DOT
 * node id, the GraphML `id`). Names must be unique. Node attributes other than `name`
 * are ignored.
 *
 * Links: an undirected edge (DOT `graph { a -- b [kind=ppp-tun, baud=57600] }`, with
 * `edge [...]` defaults as DOT allows; GraphML `<edge>` with `<data>` whose keys have
 * attr.name kind, rate, baud, delay, error, queue). See TopologyLink for the attributes
 * and their defaults. Other edge attributes are ignored with a warning (so a misspelt
 * name does not pass unnoticed). Self-loops are errors; parallel links are allowed.
 *
 * Errors name the file and what is wrong in it: unreadable file, syntax error (DOT:
 * Boost's message; GraphML: the XML line), unknown link kind, bad rate, baud, delay,
 * error or queue value (with the edge, "a -- b"), duplicate node names, self-loops,
 * directed graphs, edges to undeclared GraphML nodes, an empty graph.
 */
class TunTopologyReader
{
  public:
    /// \param path a .dot/.gv or .graphml/.xml file \return the graph or an error
    static TopologyReadResult Read(const std::string& path);
    /// \param path a DOT file \return the graph or an error
    static TopologyReadResult ReadDot(const std::string& path);
    /// \param path a GraphML file \return the graph or an error
    static TopologyReadResult ReadGraphml(const std::string& path);

    /**
     * \param text DOT source
     * \param name what to call it in messages (a file name)
     * \return the graph or an error
     */
    static TopologyReadResult ParseDot(const std::string& text, const std::string& name);
    /**
     * \param text GraphML source
     * \param name what to call it in messages (a file name)
     * \return the graph or an error
     */
    static TopologyReadResult ParseGraphml(const std::string& text, const std::string& name);
};

} // namespace ns3

#endif /* TUN_TOPOLOGY_READER_H */
