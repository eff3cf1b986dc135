/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// UserlandPacketCache: tags follow bytes through a process, and nothing else changes.

#include "ns3/flow-id-tag.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/userland-packet-cache.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

/// A packet of \p bytes carrying FlowIdTag \p id.
Ptr<Packet>
Tagged(const std::vector<uint8_t>& bytes, uint32_t id)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
    p->AddPacketTag(FlowIdTag(id));
    return p;
}

/// \return the packet's FlowIdTag, or 0 without one
uint32_t
TagOf(Ptr<Packet> p)
{
    FlowIdTag tag;
    return p->PeekPacketTag(tag) ? tag.GetFlowId() : 0;
}

/// \return the packet's bytes
std::vector<uint8_t>
BytesOf(Ptr<Packet> p)
{
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    return bytes;
}

/// Each test starts and ends with an empty cache.
class UserlandPacketCacheTest : public ::testing::Test
{
  protected:
    void TearDown() override
    {
        Simulator::Destroy(); // empties the cache
    }
};

} // namespace

TEST_F(UserlandPacketCacheTest, SameBytesGetTheTagsBack)
{
    std::vector<uint8_t> a = {0x45, 0, 0, 20, 1, 2, 3};
    UserlandPacketCache::Remember(Tagged(a, 7));
    EXPECT_EQ(UserlandPacketCache::GetSize(), 1u);
    Ptr<Packet> back = UserlandPacketCache::Recall(a.data(), a.size());
    EXPECT_EQ(TagOf(back), 7u);
    EXPECT_EQ(BytesOf(back), a);
    EXPECT_EQ(UserlandPacketCache::GetSize(), 0u);
    // Recalled once: the same bytes again make a new, untagged packet.
    Ptr<Packet> again = UserlandPacketCache::Recall(a.data(), a.size());
    EXPECT_EQ(TagOf(again), 0u);
    EXPECT_EQ(BytesOf(again), a);
}

TEST_F(UserlandPacketCacheTest, OtherBytesMakeAFreshPacket)
{
    std::vector<uint8_t> a = {1, 2, 3, 4};
    std::vector<uint8_t> changed = {1, 2, 3, 5};
    std::vector<uint8_t> longer = {1, 2, 3, 4, 0};
    UserlandPacketCache::Remember(Tagged(a, 9));
    EXPECT_EQ(TagOf(UserlandPacketCache::Recall(changed.data(), changed.size())), 0u);
    EXPECT_EQ(TagOf(UserlandPacketCache::Recall(longer.data(), longer.size())), 0u);
    EXPECT_EQ(BytesOf(UserlandPacketCache::Recall(longer.data(), longer.size())), longer);
    EXPECT_EQ(UserlandPacketCache::GetSize(), 1u) << "the original is still there";
}

TEST_F(UserlandPacketCacheTest, IdenticalPacketsLeaveInTheOrderTheyCame)
{
    std::vector<uint8_t> a = {9, 9, 9};
    for (uint32_t id = 1; id <= 3; ++id)
    {
        UserlandPacketCache::Remember(Tagged(a, id));
    }
    for (uint32_t id = 1; id <= 3; ++id)
    {
        EXPECT_EQ(TagOf(UserlandPacketCache::Recall(a.data(), a.size())), id);
    }
}

TEST_F(UserlandPacketCacheTest, TheOldestAreForgottenBeyondCapacity)
{
    const uint32_t capacity = UserlandPacketCache::CAPACITY;
    auto other = [](uint32_t i) {
        return std::vector<uint8_t>{uint8_t(i), uint8_t(i >> 8), uint8_t(i >> 16), 0x55};
    };
    auto recall = [](const std::vector<uint8_t>& b) {
        return TagOf(UserlandPacketCache::Recall(b.data(), b.size()));
    };
    std::vector<uint8_t> a = {0xaa, 0xaa};
    UserlandPacketCache::Remember(Tagged(a, 1));
    EXPECT_EQ(recall(a), 1u);
    UserlandPacketCache::Remember(Tagged(a, 2)); // the same bytes again, still waiting
    for (uint32_t i = 0; i < capacity - 1; ++i)
    {
        UserlandPacketCache::Remember(Tagged(other(i), 100 + i));
    }
    // The first a has aged out; that must not take the second with it.
    EXPECT_EQ(recall(a), 2u);
    EXPECT_EQ(UserlandPacketCache::GetSize(), capacity - 1);
    UserlandPacketCache::Remember(Tagged(other(capacity - 1), 100 + capacity - 1));
    UserlandPacketCache::Remember(Tagged(other(capacity), 100 + capacity));
    EXPECT_EQ(UserlandPacketCache::GetSize(), capacity);
    EXPECT_EQ(recall(other(0)), 0u) << "the oldest is forgotten";
    EXPECT_EQ(recall(other(1)), 101u);
    EXPECT_EQ(recall(other(capacity)), 100 + capacity);
}

TEST_F(UserlandPacketCacheTest, DestroyingTheSimulationEmptiesIt)
{
    std::vector<uint8_t> a = {4, 3, 2, 1};
    UserlandPacketCache::Remember(Tagged(a, 3));
    Simulator::Destroy();
    EXPECT_EQ(UserlandPacketCache::GetSize(), 0u);
    EXPECT_EQ(TagOf(UserlandPacketCache::Recall(a.data(), a.size())), 0u);
}
