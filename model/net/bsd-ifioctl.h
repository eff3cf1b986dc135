/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IFIOCTL_H
#define BSD_IFIOCTL_H

#include "ns3/ptr.h"

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * The generic interface ioctl layer (net/if.c): what a socket's ioctl(2) reaches for the
 * commands of group 'i', before the driver's if_ioctl.
 */

namespace ns3
{

class Node;
class TunNetDevice;

/**
 * ifunit: the node's interface of that name. The tun interfaces are the node's BSD
 * ifnets; ns-3's own devices have no BSD name.
 * \param node the node
 * \param name an interface name, e.g. "tun0"
 * \return the interface, or null
 */
Ptr<TunNetDevice> Ifunit(Ptr<Node> node, const std::string& name);

/**
 * ifioctl as soo_ioctl calls it for a command of group 'i': the interface the ifreq
 * names, then the generic commands, then the socket's protocol (pru_control).
 * \param node the socket's node
 * \param domain the socket's domain: BSD_AF_INET reaches in_control; any other has no
 *        address ioctls here and goes straight to the driver
 * \param cmd the command
 * \param data the kernel's copy of the parameter, an ifreq or larger
 * \param uid the caller's uid (the setting commands need root: suser)
 * \return 0 or a BSD error: ENXIO when no interface has the name
 */
int Ifioctl(Ptr<Node> node, int32_t domain, uint32_t cmd, uint8_t* data, uint32_t uid);

/**
 * ifioctl's commands once ifunit found the interface: SIOCGIFFLAGS, SIOCSIFFLAGS,
 * SIOCGIFMTU, SIOCSIFMTU (72..65535), SIOCADDMULTI, SIOCDELMULTI, SIOCGIFSTATUS; any
 * other goes to in_control (an AF_INET socket), which hands what it does not know to
 * the driver's tunifioctl.
 * \param ifp the interface
 * \param domain the socket's domain
 * \param cmd the command
 * \param data the kernel's copy of the parameter
 * \param uid the caller's uid
 * \return 0 or a BSD error
 */
int Ifioctl(Ptr<TunNetDevice> ifp, int32_t domain, uint32_t cmd, uint8_t* data, uint32_t uid);

} // namespace ns3

#endif /* BSD_IFIOCTL_H */
