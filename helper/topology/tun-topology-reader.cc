/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-topology-reader.h"

#include "input-file.h"
#include "message-escape.h"
#include "nesting-depth.h"

#include <algorithm>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <set>
#include <sstream>

namespace ns3
{

namespace
{

/// A node as read, before checking: its id and every attribute as text.
struct RawVertex
{
    std::string id;                           //!< DOT node id, GraphML id
    std::map<std::string, std::string> attrs; //!< attributes
};

/// An edge as read.
struct RawEdge
{
    std::map<std::string, std::string> attrs; //!< attributes
};

/// What the Boost readers fill in.
using RawGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, RawVertex, RawEdge>;
using RawV = boost::graph_traits<RawGraph>::vertex_descriptor; //!< a raw vertex
using RawE = boost::graph_traits<RawGraph>::edge_descriptor;   //!< a raw edge

/**
 * A dynamic property map that keeps any node or edge attribute read_graphviz meets as
 * text, so every attribute reaches the checks (dynamic_properties alone would need each
 * name declared up front, and fail on the others).
 */
class AttributeMap : public boost::dynamic_property_map
{
  public:
    /// \param graph the graph \param name the attribute \param edge edges, not nodes
    AttributeMap(RawGraph& graph, std::string name, bool edge)
        : m_graph(graph),
          m_name(std::move(name)),
          m_edge(edge)
    {
    }

    boost::any get(const boost::any& key) override
    {
        return get_string(key);
    }

    std::string get_string(const boost::any& key) override
    {
        const auto& attrs = Attrs(key);
        auto it = attrs.find(m_name);
        return it == attrs.end() ? "" : it->second;
    }

    void put(const boost::any& key, const boost::any& value) override
    {
        Attrs(key)[m_name] = boost::any_cast<std::string>(value);
    }

    const std::type_info& key() const override
    {
        return m_edge ? typeid(RawE) : typeid(RawV);
    }

    const std::type_info& value() const override
    {
        return typeid(std::string);
    }

  private:
    /// \param key a vertex or edge descriptor \return its attributes
    std::map<std::string, std::string>& Attrs(const boost::any& key)
    {
        if (m_edge)
        {
            return m_graph[boost::any_cast<RawE>(key)].attrs;
        }
        return m_graph[boost::any_cast<RawV>(key)].attrs;
    }

    RawGraph& m_graph;  //!< the graph
    std::string m_name; //!< the attribute
    bool m_edge;        //!< edge attribute
};

/// read_graphml's view of a RawGraph: every <data> is kept as text.
class GraphmlSink : public boost::mutate_graph
{
  public:
    /// \param graph the graph to fill
    explicit GraphmlSink(RawGraph& graph)
        : m_graph(graph)
    {
    }

    bool is_directed() const override
    {
        return false;
    }

    boost::any do_add_vertex() override
    {
        return boost::any(boost::add_vertex(m_graph));
    }

    std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override
    {
        auto [edge, added] =
            boost::add_edge(boost::any_cast<RawV>(source), boost::any_cast<RawV>(target), m_graph);
        return {boost::any(edge), added};
    }

    void set_graph_property(const std::string&, const std::string&, const std::string&) override
    {
    }

    void set_vertex_property(const std::string& name,
                             boost::any vertex,
                             const std::string& value,
                             const std::string&) override
    {
        m_graph[boost::any_cast<RawV>(vertex)].attrs[name] = value;
    }

    void set_edge_property(const std::string& name,
                           boost::any edge,
                           const std::string& value,
                           const std::string&) override
    {
        m_graph[boost::any_cast<RawE>(edge)].attrs[name] = value;
    }

  private:
    RawGraph& m_graph; //!< the graph
};

/// Escape the control bytes of every message in \p result. \param result a result
/// \return it, escaped
TopologyReadResult
Escaped(TopologyReadResult result)
{
    result.error = EscapeControlBytes(result.error);
    for (std::string& warning : result.warnings)
    {
        warning = EscapeControlBytes(warning);
    }
    return result;
}

/**
 * Refuse a text nested deeper than the readers can recurse.
 * \param depth its nesting depth \param what what nests ("braces")
 * \param name the file, for messages \param result receives the error
 * \return false when too deep
 */
bool
DepthFits(std::size_t depth,
          const std::string& what,
          const std::string& name,
          TopologyReadResult& result)
{
    if (depth <= TUN_MAX_NESTING)
    {
        return true;
    }
    result.error = name + ": " + what + " nested " + std::to_string(depth) + " deep; at most " +
                   std::to_string(TUN_MAX_NESTING) + " are read";
    return false;
}

/**
 * Check a raw graph and turn it into a TopologyGraph.
 * \param raw what the reader gave, ids filled in
 * \param name the file, for messages
 * \param result receives the graph, or the error, and warnings
 */
void
Convert(const RawGraph& raw, const std::string& name, TopologyReadResult& result)
{
    if (boost::num_vertices(raw) == 0)
    {
        result.error = name + ": the graph has no nodes";
        return;
    }
    TopologyGraph& graph = result.graph;
    std::map<std::string, std::string> seen; // name -> id
    for (RawV v = 0; v < boost::num_vertices(raw); ++v)
    {
        const RawVertex& node = raw[v];
        auto named = node.attrs.find("name");
        std::string nodeName = named != node.attrs.end() ? named->second : node.id;
        if (nodeName.empty())
        {
            result.error = name + ": node '" + node.id + "' has an empty name";
            break;
        }
        auto [it, fresh] = seen.emplace(nodeName, node.id);
        if (!fresh)
        {
            result.error = name + ": duplicate node name '" + nodeName + "' (nodes '" + it->second +
                           "' and '" + node.id + "')";
            break;
        }
        TopologyNode vertex{nodeName};
        auto rank = node.attrs.find("rank");
        if (rank != node.attrs.end())
        {
            // A partitioned run's rank for this node (TopologyPartition); a whole number.
            const std::string& text = rank->second;
            bool digits =
                !text.empty() && text.size() <= 5 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits)
            {
                result.error = name + ": node '" + nodeName + "': bad rank '" + text +
                               "': a whole number, 0 to 99999";
                break;
            }
            vertex.rank = static_cast<uint32_t>(std::stoul(text));
        }
        boost::add_vertex(vertex, graph);
    }
    for (auto [it, end] = boost::edges(raw); result.Ok() && it != end; ++it)
    {
        RawV a = boost::source(*it, raw);
        RawV b = boost::target(*it, raw);
        std::string what = "edge " + graph[a].name + " -- " + graph[b].name;
        if (a == b)
        {
            result.error = name + ": " + what + ": a self-loop (a link needs two nodes)";
            break;
        }
        TopologyLink link;
        link.where = name + ": " + what;
        for (const auto& [key, value] : raw[*it].attrs)
        {
            if (!TopologyLink::IsAttribute(key))
            {
                result.warnings.push_back(link.where + ": ignoring attribute '" + key + "'");
                continue;
            }
            std::string error = link.Set(key, value);
            if (!error.empty())
            {
                result.error = link.where + ": " + error;
                break;
            }
        }
        boost::add_edge(a, b, link, graph);
    }
    if (!result.Ok())
    {
        result.graph = TopologyGraph();
    }
}

} // namespace

TopologyReadResult
TunTopologyReader::Read(const std::string& path)
{
    auto endsWith = [&path](const std::string& suffix) {
        return path.size() >= suffix.size() &&
               path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith(".graphml") || endsWith(".xml"))
    {
        return ReadGraphml(path);
    }
    return ReadDot(path);
}

TopologyReadResult
TunTopologyReader::ReadDot(const std::string& path)
{
    std::string text;
    std::string error = ReadInputFile(path, text);
    if (!error.empty())
    {
        TopologyReadResult result;
        result.error = error;
        return result;
    }
    return ParseDot(text, path);
}

TopologyReadResult
TunTopologyReader::ReadGraphml(const std::string& path)
{
    std::string text;
    std::string error = ReadInputFile(path, text);
    if (!error.empty())
    {
        TopologyReadResult result;
        result.error = error;
        return result;
    }
    return ParseGraphml(text, path);
}

namespace
{

/**
 * Read DOT source.
 * \param text the source \param name the file, for messages
 * \param result receives the graph, or the error, and warnings
 */
void
ParseDotInto(const std::string& text, const std::string& name, TopologyReadResult& result)
{
    if (!DepthFits(DotNestingDepth(text), "braces (subgraphs)", name, result))
    {
        return;
    }
    RawGraph raw;
    boost::dynamic_properties dp(
        [&raw](const std::string& attr,
               const boost::any& key,
               const boost::any&) -> boost::shared_ptr<boost::dynamic_property_map> {
            if (key.type() == typeid(RawV))
            {
                return boost::make_shared<AttributeMap>(raw, attr, false);
            }
            if (key.type() == typeid(RawE))
            {
                return boost::make_shared<AttributeMap>(raw, attr, true);
            }
            return nullptr; // graph attributes: not ours
        });
    dp.property("node_id", boost::get(&RawVertex::id, raw));
    try
    {
        boost::read_graphviz(text, raw, dp, "node_id");
    }
    catch (const boost::directed_graph_error&)
    {
        result.error = name + ": a directed graph; write 'graph { a -- b }', links go both ways";
        return;
    }
    catch (const boost::bad_graphviz_syntax& e)
    {
        result.error = name + ": DOT syntax error: " + e.what();
        return;
    }
    catch (const std::exception& e)
    {
        result.error = name + ": " + e.what();
        return;
    }
    Convert(raw, name, result);
}

/**
 * Read GraphML source.
 * \param text the source \param name the file, for messages
 * \param result receives the graph, or the error, and warnings
 */
void
ParseGraphmlInto(const std::string& text, const std::string& name, TopologyReadResult& result)
{
    namespace pt = boost::property_tree;
    if (!DepthFits(XmlNestingDepth(text), "XML elements", name, result))
    {
        return;
    }
    // A first pass with the XML parser Boost's read_graphml uses: it has line numbers for
    // syntax errors, and the node ids, which read_graphml does not hand on.
    pt::ptree tree;
    try
    {
        std::istringstream in(text);
        pt::read_xml(in, tree, pt::xml_parser::no_comments);
    }
    catch (const pt::xml_parser_error& e)
    {
        result.error = name + ":" + std::to_string(e.line()) + ": XML syntax error: " + e.message();
        return;
    }
    auto root = tree.get_child_optional("graphml");
    auto top = root ? root->get_child_optional("graph") : boost::none;
    if (!top)
    {
        result.error = name + ": no <graphml><graph> element";
        return;
    }
    // read_graphml names each <data> after its key's attr.name; without one, a link's kind
    // or rate would be read as an attribute named "" and ignored.
    for (const auto& [tag, child] : *root)
    {
        // '/' separates the path: the attribute's own name holds a '.'.
        if (tag == "key" && child.get(pt::ptree::path_type("<xmlattr>/attr.name", '/'), "").empty())
        {
            result.error = name + ": <key id=\"" + child.get("<xmlattr>.id", "") +
                           "\"> has no attr.name, so its <data> would name no attribute";
            return;
        }
    }
    std::vector<std::string> ids;
    std::set<std::string> known;
    for (const auto& [tag, child] : *top)
    {
        if (tag == "graph" || child.get_child_optional("graph"))
        {
            result.error = name + ": nested graphs are not supported";
            return;
        }
        if (tag == "node")
        {
            std::string id = child.get("<xmlattr>.id", "");
            if (id.empty())
            {
                result.error = name + ": a <node> without an id";
                return;
            }
            if (!known.insert(id).second)
            {
                result.error = name + ": duplicate node id '" + id + "'";
                return;
            }
            ids.push_back(id);
        }
    }
    for (const auto& [tag, child] : *top)
    {
        if (tag != "edge")
        {
            continue;
        }
        std::string source = child.get("<xmlattr>.source", "");
        std::string target = child.get("<xmlattr>.target", "");
        for (const std::string& end : {source, target})
        {
            if (!known.count(end))
            {
                result.error =
                    name + ": edge " + source + " -- " + target + ": no <node id=\"" + end + "\">";
                return;
            }
        }
    }

    RawGraph raw;
    GraphmlSink sink(raw);
    try
    {
        std::istringstream in(text);
        boost::read_graphml(in, sink, 0);
    }
    catch (const boost::directed_graph_error&)
    {
        result.error = name + ": a directed edge; use edgedefault=\"undirected\"";
        return;
    }
    catch (const std::exception& e)
    {
        result.error = name + ": " + e.what();
        return;
    }
    for (RawV v = 0; v < boost::num_vertices(raw) && v < ids.size(); ++v)
    {
        raw[v].id = ids[v];
    }
    Convert(raw, name, result);
}

} // namespace

TopologyReadResult
TunTopologyReader::ParseDot(const std::string& text, const std::string& name)
{
    TopologyReadResult result;
    ParseDotInto(text, name, result);
    return Escaped(result);
}

TopologyReadResult
TunTopologyReader::ParseGraphml(const std::string& text, const std::string& name)
{
    TopologyReadResult result;
    ParseGraphmlInto(text, name, result);
    return Escaped(result);
}

} // namespace ns3
