/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-address-monitor.h"

#include "tun-net-device.h"

#include "ns3/ipv4-list-routing.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"

#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunAddressMonitor");

NS_OBJECT_ENSURE_REGISTERED(TunAddressMonitor);

TypeId
TunAddressMonitor::GetTypeId()
{
    static TypeId tid = TypeId("ns3::TunAddressMonitor")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Tun")
                            .AddConstructor<TunAddressMonitor>();
    return tid;
}

bool
TunAddressMonitor::Install(Ptr<Node> node)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    if (!ipv4)
    {
        return false;
    }
    Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(ipv4->GetRoutingProtocol());
    if (!list)
    {
        NS_LOG_WARN("node " << node->GetId() << ": routing is not an Ipv4ListRouting; "
                            << "only SIOCAIFADDR (in_control) reaches SIOCSIFADDR");
        return false;
    }
    for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
    {
        int16_t priority;
        if (DynamicCast<TunAddressMonitor>(list->GetRoutingProtocol(i, priority)))
        {
            return true;
        }
    }
    list->AddRoutingProtocol(CreateObject<TunAddressMonitor>(),
                             std::numeric_limits<int16_t>::min());
    return true;
}

Ptr<Ipv4Route>
TunAddressMonitor::RouteOutput(Ptr<Packet>,
                               const Ipv4Header&,
                               Ptr<NetDevice>,
                               Socket::SocketErrno& e)
{
    e = Socket::ERROR_NOROUTETOHOST;
    return nullptr;
}

bool
TunAddressMonitor::RouteInput(Ptr<const Packet>,
                              const Ipv4Header&,
                              Ptr<const NetDevice>,
                              UnicastForwardCallback,
                              MulticastForwardCallback,
                              LocalDeliverCallback,
                              ErrorCallback)
{
    return false;
}

void
TunAddressMonitor::NotifyInterfaceUp(uint32_t)
{
}

void
TunAddressMonitor::NotifyInterfaceDown(uint32_t)
{
}

void
TunAddressMonitor::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    if (!m_ipv4)
    {
        return;
    }
    if (Ptr<TunNetDevice> tun = DynamicCast<TunNetDevice>(m_ipv4->GetNetDevice(interface)))
    {
        tun->NotifyIpv4AddressAdded(address.GetLocal(), address.GetMask());
    }
}

void
TunAddressMonitor::NotifyRemoveAddress(uint32_t, Ipv4InterfaceAddress)
{
}

void
TunAddressMonitor::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
}

void
TunAddressMonitor::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit) const
{
    *stream->GetStream() << "TunAddressMonitor: no routes\n";
}

void
TunAddressMonitor::DoDispose()
{
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

} // namespace ns3
