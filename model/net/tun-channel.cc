/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-channel.h"

#include "tun-net-device.h"

#include "ns3/abort.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/pointer.h"
#include "ns3/serial-line.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunChannel");

NS_OBJECT_ENSURE_REGISTERED(TunChannel);

TypeId
TunChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TunChannel")
            .SetParent<Channel>()
            .SetGroupName("Tun")
            .AddConstructor<TunChannel>()
            .AddAttribute("SerialLine",
                          "The serial line under a PPP pair (PppTunHelper); none for a UDP "
                          "tunnel or a cable relay pair.",
                          PointerValue(),
                          MakePointerAccessor(&TunChannel::m_line),
                          MakePointerChecker<SerialLine>())
            // ns-3's distributed simulators (src/mpi) read every point-to-point channel's
            // "Delay" as its lookahead when its ends are on different ranks.
            .AddAttribute("Delay",
                          "The least time a packet takes from one interface of the pair to "
                          "the other: the propagation delay of what carries it. ns-3's "
                          "distributed simulators read it as the lookahead of a pair whose "
                          "ends are on different ranks.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&TunChannel::m_delay),
                          MakeTimeChecker());
    return tid;
}

TunChannel::TunChannel()
{
    NS_LOG_FUNCTION(this);
}

TunChannel::~TunChannel() = default;

std::string
TunChannel::Describe(Ptr<const TunNetDevice> device)
{
    std::ostringstream out;
    out << device->GetIfName() << " on node "
        << (device->GetNode() ? std::to_string(device->GetNode()->GetId()) : "?");
    return out.str();
}

Ptr<TunChannel>
TunChannel::Join(Ptr<TunNetDevice> a, Ptr<TunNetDevice> b)
{
    NS_ABORT_MSG_IF(!a || !b, "TunChannel::Join: two tun interfaces are needed");
    NS_ABORT_MSG_IF(a == b, "TunChannel::Join: " << Describe(a) << " cannot be its own peer");
    for (Ptr<TunNetDevice> device : {a, b})
    {
        Ptr<TunChannel> old = device->GetTunChannel();
        NS_ABORT_MSG_IF(old && old->IsPair(),
                        Describe(device)
                            << " is already one end of a tun pair (its peer is "
                            << Describe(old->GetPeer(device)) << "): another daemon holds /dev/"
                            << device->GetIfName() << ". Give this pair another unit.");
    }
    Ptr<TunChannel> channel = CreateObject<TunChannel>();
    for (Ptr<TunNetDevice> device : {a, b})
    {
        if (Ptr<TunChannel> old = device->GetTunChannel())
        {
            old->Remove(device);
        }
        channel->m_devices.push_back(device);
        device->SetTunChannel(channel);
    }
    NS_LOG_INFO("joined " << Describe(a) << " and " << Describe(b));
    return channel;
}

Ptr<TunChannel>
TunChannel::Alone(Ptr<TunNetDevice> device)
{
    Ptr<TunChannel> channel = CreateObject<TunChannel>();
    channel->m_devices.push_back(device);
    return channel;
}

bool
TunChannel::IsPair() const
{
    return m_devices.size() == 2;
}

Ptr<TunNetDevice>
TunChannel::GetPeer(Ptr<const TunNetDevice> device) const
{
    if (!IsPair())
    {
        return nullptr;
    }
    if (m_devices[0] == device)
    {
        return m_devices[1];
    }
    return m_devices[1] == device ? m_devices[0] : nullptr;
}

void
TunChannel::SetSerialLine(Ptr<SerialLine> line)
{
    m_line = line;
}

Ptr<SerialLine>
TunChannel::GetSerialLine() const
{
    return m_line;
}

void
TunChannel::Remove(Ptr<TunNetDevice> device)
{
    m_devices.erase(std::remove(m_devices.begin(), m_devices.end(), device), m_devices.end());
}

std::size_t
TunChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
TunChannel::GetDevice(std::size_t i) const
{
    if (i < m_devices.size())
    {
        CheckAddressed(m_devices[i]);
        return m_devices[i];
    }
    NS_ABORT_MSG_IF(m_devices.empty(), "TunChannel::GetDevice: the channel is empty");
    NS_FATAL_ERROR(Describe(m_devices[0])
                   << " has no known peer, so ns-3 cannot see the other end of this "
                      "point-to-point link (asked for device "
                   << i << " of " << m_devices.size()
                   << "; Ipv4GlobalRoutingHelper's GlobalRouter asks this of every "
                      "point-to-point interface that is up). Make the pair with "
                      "TunHelper::InstallTunnelPair, TunHelper::InstallRelayPair or "
                      "PppTunHelper, join a pair of your own with TunChannel::Join, or route "
                      "this interface with static routes.");
}

void
TunChannel::CheckAddressed(Ptr<TunNetDevice> device) const
{
    Ptr<TunNetDevice> peer = GetPeer(device);
    Ptr<Node> node = device->GetNode();
    Ptr<Node> peerNode = peer ? peer->GetNode() : nullptr;
    Ptr<Ipv4> ipv4 = node ? node->GetObject<Ipv4>() : nullptr;
    Ptr<Ipv4> peerIpv4 = peerNode ? peerNode->GetObject<Ipv4>() : nullptr;
    if (!ipv4 || !peerIpv4)
    {
        return;
    }
    int32_t i = ipv4->GetInterfaceForDevice(device);
    int32_t j = peerIpv4->GetInterfaceForDevice(peer);
    if (i < 0 || j < 0 || ipv4->GetNAddresses(i) > 0 || !peerIpv4->IsUp(j) ||
        peerIpv4->GetNAddresses(j) == 0)
    {
        return;
    }
    NS_FATAL_ERROR(Describe(device)
                   << " has no IPv4 address yet while its peer " << Describe(peer) << " is up with "
                   << peerIpv4->GetAddress(j, 0).GetLocal()
                   << ": ns-3's global routing cannot describe this link until both ends "
                      "are addressed (PPP: IPCP has opened on one end only; a tunnel: "
                      "TunHelper::Ifconfig was given one end). Compute the routes once both "
                      "ends have their address (Ipv4GlobalRoutingHelper::"
                      "RecomputeRoutingTables), and leave Ipv4GlobalRouting's "
                      "RespondToInterfaceEvents off for PPP links.");
}

void
TunChannel::DoDispose()
{
    m_devices.clear();
    m_line = nullptr;
    Channel::DoDispose();
}

} // namespace ns3
