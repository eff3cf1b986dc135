/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "userland-packet-cache.h"

#include "ns3/simulator.h"

#include <cstring>
#include <deque>
#include <unordered_map>
#include <vector>

namespace ns3
{

namespace
{

/// The remembered packets, by a hash of their bytes, and their order for forgetting.
struct Cache
{
    std::unordered_map<uint64_t, std::deque<Ptr<Packet>>> byHash; //!< FIFO per hash
    std::deque<uint64_t> order;                                   //!< oldest first
    std::size_t size{0};                                          //!< packets held
    bool clearScheduled{false};                                   //!< ScheduleDestroy set
    std::vector<uint8_t> scratch;                                 //!< a packet's bytes
};

Cache&
TheCache()
{
    static Cache cache;
    return cache;
}

void
Clear()
{
    Cache& c = TheCache();
    c.byHash.clear();
    c.order.clear();
    c.size = 0;
    c.clearScheduled = false;
}

/// FNV-1a, 64 bits: cheap, and equal bytes are compared anyway.
uint64_t
BytesHash(const uint8_t* data, std::size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < len; ++i)
    {
        h = (h ^ data[i]) * 0x100000001b3ULL;
    }
    return h;
}

/// \return the packet's bytes, in the cache's scratch buffer
const std::vector<uint8_t>&
BytesOf(Ptr<const Packet> packet)
{
    std::vector<uint8_t>& bytes = TheCache().scratch;
    bytes.resize(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    return bytes;
}

} // namespace

void
UserlandPacketCache::Remember(Ptr<const Packet> packet)
{
    Cache& c = TheCache();
    if (!c.clearScheduled)
    {
        Simulator::ScheduleDestroy(&Clear); // no packet outlives its simulation
        c.clearScheduled = true;
    }
    const std::vector<uint8_t>& bytes = BytesOf(packet);
    uint64_t h = BytesHash(bytes.data(), bytes.size());
    c.byHash[h].push_back(packet->Copy());
    c.order.push_back(h);
    ++c.size;
    // Forget the oldest; an entry already recalled leaves nothing to forget.
    while (c.order.size() > CAPACITY)
    {
        auto it = c.byHash.find(c.order.front());
        c.order.pop_front();
        if (it != c.byHash.end())
        {
            it->second.pop_front();
            --c.size;
            if (it->second.empty())
            {
                c.byHash.erase(it);
            }
        }
    }
}

Ptr<Packet>
UserlandPacketCache::Recall(const uint8_t* data, std::size_t len)
{
    Cache& c = TheCache();
    auto it = c.byHash.find(BytesHash(data, len));
    if (it != c.byHash.end())
    {
        std::deque<Ptr<Packet>>& candidates = it->second;
        for (auto p = candidates.begin(); p != candidates.end(); ++p)
        {
            const std::vector<uint8_t>& bytes = BytesOf(*p);
            if (bytes.size() == len && std::memcmp(bytes.data(), data, len) == 0)
            {
                Ptr<Packet> packet = (*p)->Copy();
                candidates.erase(p);
                --c.size;
                if (candidates.empty())
                {
                    c.byHash.erase(it);
                }
                return packet;
            }
        }
    }
    return Create<Packet>(data, len);
}

std::size_t
UserlandPacketCache::GetSize()
{
    return TheCache().size;
}

} // namespace ns3
