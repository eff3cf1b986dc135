/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sticky-routes.h"

#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("StickyRoutes");

namespace
{

/// \param device a device \param interface receives its IPv4 interface
/// \return the static routing of its node, or null without IPv4 or static routing
Ptr<Ipv4StaticRouting>
StaticRoutingOf(Ptr<NetDevice> device, int32_t& interface)
{
    Ptr<Ipv4> ipv4 = device->GetNode() ? device->GetNode()->GetObject<Ipv4>() : nullptr;
    interface = ipv4 ? ipv4->GetInterfaceForDevice(device) : -1;
    if (interface < 0)
    {
        return nullptr;
    }
    return Ipv4RoutingHelper::GetRouting<Ipv4StaticRouting>(ipv4->GetRoutingProtocol());
}

} // namespace

void
StickyRoutes::Add(Ipv4Address network, Ipv4Mask mask)
{
    m_destinations.emplace_back(network, mask);
}

const std::vector<StickyRoutes::Destination>&
StickyRoutes::Get() const
{
    return m_destinations;
}

void
StickyRoutes::Install(Ptr<NetDevice> device, Ipv4Address peer)
{
    if (m_device)
    {
        return;
    }
    int32_t interface;
    Ptr<Ipv4StaticRouting> routing = StaticRoutingOf(device, interface);
    if (!routing)
    {
        return;
    }
    for (const Destination& d : m_destinations)
    {
        NS_LOG_LOGIC("add " << d.first << "/" << d.second.GetPrefixLength() << " via " << peer);
        routing->AddNetworkRouteTo(d.first, d.second, peer, interface);
    }
    m_device = device;
    m_peer = peer;
}

void
StickyRoutes::Remove()
{
    if (!m_device)
    {
        return;
    }
    int32_t interface;
    Ptr<Ipv4StaticRouting> routing = StaticRoutingOf(m_device, interface);
    m_device = nullptr;
    if (!routing)
    {
        return;
    }
    for (const Destination& d : m_destinations)
    {
        for (uint32_t r = routing->GetNRoutes(); r-- > 0;)
        {
            Ipv4RoutingTableEntry e = routing->GetRoute(r);
            if (e.GetDestNetwork() == d.first && e.GetDestNetworkMask() == d.second &&
                e.GetGateway() == m_peer && e.GetInterface() == static_cast<uint32_t>(interface))
            {
                NS_LOG_LOGIC("delete " << d.first << "/" << d.second.GetPrefixLength());
                routing->RemoveRoute(r);
                break;
            }
        }
    }
}

} // namespace ns3
