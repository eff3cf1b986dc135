/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "userland-packet-cache.h"

#include "ns3/simulator.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ns3
{

namespace
{

/// A remembered packet; null once recalled.
struct Entry
{
    uint64_t hash;      //!< of its bytes
    Ptr<Packet> packet; //!< the copy, tags included
};

/// The remembered packets in the order they came, numbered, and an index by hash.
struct Cache
{
    std::deque<Entry> fifo;                             //!< oldest first
    uint64_t firstSerial{0};                            //!< serial of fifo.front()
    std::unordered_multimap<uint64_t, uint64_t> byHash; //!< hash -> serial, if not recalled
    bool clearScheduled{false};                         //!< ScheduleDestroy set
    std::vector<uint8_t> scratch;                       //!< a packet's bytes
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
    c.fifo.clear();
    c.byHash.clear();
    c.firstSerial = 0;
    c.clearScheduled = false;
}

/// Octets hashed: the IP header and what follows it (addresses, ids, ports, checksums)
/// tell packets apart well enough; hashing the whole payload cost more than the rest
/// of the lookup.
constexpr std::size_t HASHED_PREFIX = 64;

/// libstdc++'s byte hash of the first HASHED_PREFIX octets, and the length; equal bytes
/// are compared in full anyway, so the hash decides only how fast a packet is found,
/// never which one.
/// \param data at least min(len, HASHED_PREFIX) octets \param len the packet's length
uint64_t
BytesHash(const uint8_t* data, std::size_t len)
{
    std::size_t n = std::min(len, HASHED_PREFIX);
    uint64_t h =
        std::hash<std::string_view>()(std::string_view(reinterpret_cast<const char*>(data), n));
    return h ^ (len * 0x9e3779b97f4a7c15ULL);
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

/// \return the hash of the packet's bytes, reading only the octets it needs
uint64_t
PacketHash(Ptr<const Packet> packet)
{
    uint8_t prefix[HASHED_PREFIX];
    std::size_t len = packet->GetSize();
    packet->CopyData(prefix, std::min(len, HASHED_PREFIX));
    return BytesHash(prefix, len);
}

/// Drop \p serial from the index under \p hash.
void
Unindex(Cache& c, uint64_t hash, uint64_t serial)
{
    auto [first, last] = c.byHash.equal_range(hash);
    for (auto it = first; it != last; ++it)
    {
        if (it->second == serial)
        {
            c.byHash.erase(it);
            return;
        }
    }
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
    uint64_t h = PacketHash(packet);
    c.byHash.emplace(h, c.firstSerial + c.fifo.size());
    c.fifo.push_back(Entry{h, packet->Copy()});
    // Forget the oldest, recalled or not.
    while (c.fifo.size() > CAPACITY)
    {
        Entry& oldest = c.fifo.front();
        if (oldest.packet)
        {
            Unindex(c, oldest.hash, c.firstSerial);
        }
        c.fifo.pop_front();
        ++c.firstSerial;
    }
}

Ptr<Packet>
UserlandPacketCache::Recall(const uint8_t* data, std::size_t len)
{
    Cache& c = TheCache();
    uint64_t h = BytesHash(data, len);
    // Of the packets with these bytes, the oldest: identical packets leave in order.
    auto [first, last] = c.byHash.equal_range(h);
    auto found = last;
    for (auto it = first; it != last; ++it)
    {
        if (found != last && found->second < it->second)
        {
            continue;
        }
        const std::vector<uint8_t>& bytes = BytesOf(c.fifo[it->second - c.firstSerial].packet);
        if (bytes.size() == len && std::memcmp(bytes.data(), data, len) == 0)
        {
            found = it;
        }
    }
    if (found == last)
    {
        return Create<Packet>(data, len);
    }
    // The cache's copy is handed over: nothing else holds it.
    Entry& entry = c.fifo[found->second - c.firstSerial];
    Ptr<Packet> packet = std::move(entry.packet);
    entry.packet = nullptr;
    c.byHash.erase(found);
    return packet;
}

std::size_t
UserlandPacketCache::GetSize()
{
    return TheCache().byHash.size(); // one index entry per packet not yet recalled
}

} // namespace ns3
