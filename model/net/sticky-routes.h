/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef STICKY_ROUTES_H
#define STICKY_ROUTES_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/ptr.h"

#include <utility>
#include <vector>

/**
 * \file
 * \ingroup tun
 * ppp(8)'s sticky routes: routes through the peer that exist while the link has its
 * addresses.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief The routes ppp(8) keeps for "add! <dest> HISADDR" (usr.sbin/ppp/route.c): a
 * list of destinations reached through the peer, put in the routing table when IPCP
 * configures the interface (ipcp_InterfaceUp calls route_Change) and taken out when it
 * clears it (ipcp_CleanInterface calls route_Clean).
 *
 * A kernel cannot route through an interface that has no address (route add fails
 * with ENETUNREACH; ns-3's static routing aborts on the first lookup), so routes over a
 * PPP link live exactly as long as IPCP's addresses. The routes go in the node's
 * Ipv4StaticRouting, through the tun interface, as network routes with the peer as
 * gateway.
 */
class StickyRoutes
{
  public:
    /// One destination: a network and its mask.
    using Destination = std::pair<Ipv4Address, Ipv4Mask>;

    /// route_Add: remember a destination. \param network the network \param mask its mask
    void Add(Ipv4Address network, Ipv4Mask mask);

    /// \return the destinations, in the order added
    const std::vector<Destination>& Get() const;

    /**
     * route_Change: put every route in the routing table of \p device's node, through
     * \p peer on \p device's IPv4 interface. A second call without Remove does nothing.
     * \param device the tun interface, with its address \param peer HISADDR
     */
    void Install(Ptr<NetDevice> device, Ipv4Address peer);

    /// route_Clean: take out the routes Install put in, if any.
    void Remove();

  private:
    std::vector<Destination> m_destinations; //!< the "add!" lines
    Ptr<NetDevice> m_device;                 //!< where they are installed, or null
    Ipv4Address m_peer;                      //!< the gateway they were installed with
};

} // namespace ns3

#endif /* STICKY_ROUTES_H */
