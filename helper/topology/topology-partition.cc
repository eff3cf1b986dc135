/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "topology-partition.h"

#include <deque>
#include <numeric>

namespace ns3
{

namespace
{

/// \param parent union-find forest \param v a vertex \return its group's root
std::size_t
Find(std::vector<std::size_t>& parent, std::size_t v)
{
    while (parent[v] != v)
    {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

} // namespace

std::string
TopologyPartition::WhyUncuttable(LinkKind kind, int64_t delayNs)
{
    if (delayNs <= 0)
    {
        return "a zero-delay link cannot cross ranks (its delay is the lookahead the ranks "
               "synchronise on)";
    }
    if (kind == LinkKind::PPP_TUN)
    {
        return "a ppp-tun link cannot cross ranks yet (a SerialLine has no remote form)";
    }
    return "";
}

TopologyPartition
TopologyPartition::Make(const TopologyGraph& graph,
                        uint32_t ranks,
                        std::optional<LinkKind> override)
{
    TopologyPartition result;
    result.ranks = ranks;
    const std::size_t n = boost::num_vertices(graph);
    result.rankOf.assign(n, 0);
    if (ranks == 0)
    {
        result.error = "0 ranks: give 1 or more";
        return result;
    }
    for (std::size_t v = 0; v < n; ++v)
    {
        if (graph[v].rank && *graph[v].rank >= ranks)
        {
            result.error = "node '" + graph[v].name + "' has rank " +
                           std::to_string(*graph[v].rank) + ", but the run has " +
                           std::to_string(ranks) + " rank" + (ranks == 1 ? "" : "s");
            return result;
        }
    }

    // Groups: the nodes joined by links that cannot be cut.
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (auto [it, end] = boost::edges(graph); it != end; ++it)
    {
        const TopologyLink& link = graph[*it];
        if (!WhyUncuttable(override.value_or(link.kind), link.delayNs).empty())
        {
            parent[Find(parent, boost::source(*it, graph))] =
                Find(parent, boost::target(*it, graph));
        }
    }
    std::vector<std::size_t> groupSize(n, 0);
    std::vector<std::optional<uint32_t>> groupRank(n);
    for (std::size_t v = 0; v < n; ++v)
    {
        std::size_t g = Find(parent, v);
        ++groupSize[g];
        if (graph[v].rank && !groupRank[g])
        {
            groupRank[g] = graph[v].rank;
        }
    }

    // Pinned groups first, then the others in breadth-first order of their first node.
    std::vector<std::size_t> load(ranks, 0);
    for (std::size_t g = 0; g < n; ++g)
    {
        if (groupRank[g])
        {
            load[*groupRank[g]] += groupSize[g];
        }
    }
    const std::size_t target = (n + ranks - 1) / ranks;
    std::vector<bool> seen(n, false);
    std::vector<bool> placed(n, false);
    uint32_t current = 0;
    for (std::size_t root = 0; root < n; ++root)
    {
        if (seen[root])
        {
            continue;
        }
        std::deque<std::size_t> queue{root};
        seen[root] = true;
        while (!queue.empty())
        {
            std::size_t v = queue.front();
            queue.pop_front();
            std::size_t g = Find(parent, v);
            if (!groupRank[g] && !placed[g])
            {
                while (current + 1 < ranks && load[current] >= target)
                {
                    ++current;
                }
                groupRank[g] = current;
                load[current] += groupSize[g];
            }
            placed[g] = true;
            for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it)
            {
                std::size_t w = boost::target(*it, graph);
                if (!seen[w])
                {
                    seen[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    for (std::size_t v = 0; v < n; ++v)
    {
        result.rankOf[v] = graph[v].rank ? *graph[v].rank : *groupRank[Find(parent, v)];
    }

    for (auto [it, end] = boost::edges(graph); it != end; ++it)
    {
        auto a = boost::source(*it, graph);
        auto b = boost::target(*it, graph);
        if (result.rankOf[a] == result.rankOf[b])
        {
            continue;
        }
        const TopologyLink& link = graph[*it];
        std::string why = WhyUncuttable(override.value_or(link.kind), link.delayNs);
        if (!why.empty())
        {
            result.error = "edge " + graph[a].name + " -- " + graph[b].name + ": " + why +
                           ", but '" + graph[a].name + "' is on rank " +
                           std::to_string(result.rankOf[a]) + " and '" + graph[b].name +
                           "' on rank " + std::to_string(result.rankOf[b]) +
                           " (their rank attributes)";
            return result;
        }
        ++result.cutLinks;
        if (result.lookaheadNs < 0 || link.delayNs < result.lookaheadNs)
        {
            result.lookaheadNs = link.delayNs;
        }
    }
    return result;
}

} // namespace ns3
