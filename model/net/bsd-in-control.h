/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IN_CONTROL_H
#define BSD_IN_CONTROL_H

#include "ns3/ipv4-address.h"
#include "ns3/ptr.h"

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * The IPv4 address glue of an interface (netinet/in.c): in_control's address ioctls,
 * in_ifinit and in_ifscrub, over ns-3's Ipv4 and its static routing.
 */

namespace ns3
{

class TunNetDevice;

/**
 * in_control for an interface: SIOCAIFADDR, SIOCDIFADDR, SIOCSIFADDR, SIOCSIFDSTADDR,
 * SIOCGIFADDR, SIOCGIFDSTADDR, SIOCGIFNETMASK; anything else goes to the driver's
 * tunifioctl (EINVAL for what it does not know).
 *
 * The address the request names is the one it acts on; without one (a family other than
 * AF_INET) it is the interface's first IPv4 address, as in_control's search finds it.
 * \param ifp the interface ifioctl found
 * \param cmd the command
 * \param data the kernel's copy of the parameter: an ifreq, or an ifaliasreq for
 *        SIOCAIFADDR
 * \param uid the caller's uid (setting needs root)
 * \return 0, or EDESTADDRREQ (SIOCAIFADDR on a point-to-point interface without a
 *         destination), EADDRNOTAVAIL (no such address), EPERM, EINVAL (a destination on
 *         an interface that is not point to point), ENXIO (the node has no IPv4 stack)
 */
int InControl(Ptr<TunNetDevice> ifp, uint32_t cmd, uint8_t* data, uint32_t uid);

/**
 * SIOCAIFADDR's work for a new address (in_ifinit): the address joins the interface and
 * the node's IPv4 stack, the driver hears SIOCSIFADDR (tuninit), and a point-to-point
 * destination gets its host route.
 * \param ifp the interface
 * \param local the address
 * \param mask its mask
 * \param peer the destination, or 0.0.0.0
 * \return 0, or ENXIO when the node has no IPv4 stack
 */
int InAddAddress(Ptr<TunNetDevice> ifp, Ipv4Address local, Ipv4Mask mask, Ipv4Address peer);

/**
 * SIOCDIFADDR's work: in_ifscrub, then the address leaves the interface and the node's
 * IPv4 stack. With its last IPv4 address gone, the node's IPv4 interface is set down
 * (IFF_UP stays): ns-3 cannot route through an interface without an address.
 * \param ifp the interface
 * \param local the address
 * \return 0, or EADDRNOTAVAIL when the interface does not have it
 */
int InDeleteAddress(Ptr<TunNetDevice> ifp, Ipv4Address local);

/**
 * rtinit(RTM_DELETE) for an interface address, as in_ifscrub and tunclose issue it: the
 * static routes to exactly that destination and mask through the interface go.
 * \param ifp the interface
 * \param dest the host (the peer) or the network
 * \param mask all ones for a host route, else the network's mask
 */
void InDeleteRoute(Ptr<TunNetDevice> ifp, Ipv4Address dest, Ipv4Mask mask);

} // namespace ns3

#endif /* BSD_IN_CONTROL_H */
