/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "userland-packet-cache.h"

#include "ns3/simulator.h"

#include <deque>
#include <string>
#include <unordered_map>

namespace ns3
{

namespace
{

/// The remembered packets, by content, and their order for forgetting.
struct Cache
{
    std::unordered_map<std::string, std::deque<Ptr<Packet>>> byBytes; //!< same bytes, FIFO
    std::deque<std::string> order;                                    //!< oldest first
    bool clearScheduled{false}; //!< a ScheduleDestroy empties it
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
    c.byBytes.clear();
    c.order.clear();
    c.clearScheduled = false;
}

std::string
Key(Ptr<const Packet> packet)
{
    std::string key(packet->GetSize(), '\0');
    packet->CopyData(reinterpret_cast<uint8_t*>(key.data()), key.size());
    return key;
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
    std::string key = Key(packet);
    c.byBytes[key].push_back(packet->Copy());
    c.order.push_back(std::move(key));
    if (c.order.size() > CAPACITY)
    {
        auto it = c.byBytes.find(c.order.front());
        if (it != c.byBytes.end())
        {
            it->second.pop_front();
            if (it->second.empty())
            {
                c.byBytes.erase(it);
            }
        }
        c.order.pop_front();
    }
}

Ptr<Packet>
UserlandPacketCache::Recall(const uint8_t* data, std::size_t len)
{
    Cache& c = TheCache();
    auto it = c.byBytes.find(std::string(reinterpret_cast<const char*>(data), len));
    if (it == c.byBytes.end())
    {
        return Create<Packet>(data, len);
    }
    Ptr<Packet> packet = it->second.front()->Copy();
    it->second.pop_front();
    if (it->second.empty())
    {
        c.byBytes.erase(it); // its entry in the order list is skipped when reached
    }
    return packet;
}

std::size_t
UserlandPacketCache::GetSize()
{
    std::size_t n = 0;
    for (const auto& [key, packets] : TheCache().byBytes)
    {
        n += packets.size();
    }
    return n;
}

} // namespace ns3
