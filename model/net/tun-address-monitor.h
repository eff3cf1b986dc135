/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_ADDRESS_MONITOR_H
#define TUN_ADDRESS_MONITOR_H

#include "ns3/ipv4-routing-protocol.h"

/**
 * \file
 * \ingroup tun
 * Carries IPv4 address assignments on tun interfaces to the driver's SIOCSIFADDR.
 */

namespace ns3
{

class Node;

/**
 * \ingroup tun
 * \brief Makes ns-3's Ipv4::AddAddress on a tun interface do what in_control does on
 * a BSD kernel: call the interface's SIOCSIFADDR, so tuninit marks it up and running.
 *
 * ns-3's IP stack tells its routing protocols, not its devices, when an address is
 * added. This "protocol" sits last in the node's Ipv4ListRouting, never routes, and
 * passes address notifications for TunNetDevice interfaces on to the device.
 */
class TunAddressMonitor : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Add a monitor to the node's Ipv4ListRouting, once.
     * \param node a node with an IPv4 stack
     * \return false when the node's routing is not an Ipv4ListRouting (then only
     *         SIOCAIFADDR through in_control reaches SIOCSIFADDR)
     */
    static bool Install(Ptr<Node> node);

    // Inherited from Ipv4RoutingProtocol
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    Ptr<Ipv4> m_ipv4; //!< the node's IPv4 stack
};

} // namespace ns3

#endif /* TUN_ADDRESS_MONITOR_H */
