/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef USERLAND_PACKET_CACHE_H
#define USERLAND_PACKET_CACHE_H

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>

/**
 * \file
 * \ingroup tun
 * Lets ns-3's packet tags follow a packet's bytes through a simulated userland.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Remembers the packets tun interfaces hand to processes, so that a packet
 * written back to a tun interface, anywhere, with exactly the same bytes gets the
 * original's tags.
 *
 * A process moves bytes, and a serial line moves octets one at a time: ns-3's tags
 * (FlowMonitor's flow and packet ids, for one) cannot cross. They are simulator
 * metadata, not part of what is modelled, so the tun interface keeps a copy of each
 * IP packet it queues for a process (tunoutput), and tunwrite, given the same bytes,
 * injects a copy of that packet instead of a new one. Bytes never differ, so nothing
 * the model does changes; only tags survive. The oldest of Capacity packets are
 * forgotten (a packet dropped on the way is never asked for), and the cache is emptied
 * when the simulation is destroyed.
 */
class UserlandPacketCache
{
  public:
    /// Packets remembered at most.
    static constexpr std::size_t CAPACITY = 4096;

    /// \param packet an IP packet (no tun header) leaving the kernel for a process
    static void Remember(Ptr<const Packet> packet);

    /**
     * \param data the bytes a process wrote (no tun header) \param len their number
     * \return a copy of a remembered packet with these bytes, tags included, or a new
     *         packet made of them
     */
    static Ptr<Packet> Recall(const uint8_t* data, std::size_t len);

    /// \return packets remembered now (for tests)
    static std::size_t GetSize();
};

} // namespace ns3

#endif /* USERLAND_PACKET_CACHE_H */
