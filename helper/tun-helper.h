/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_HELPER_H
#define TUN_HELPER_H

#include "ns3/address.h"
#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/trace-helper.h"

#include <string>

/**
 * \file
 * \ingroup tun
 * Installs tun(4) on nodes, configures its interfaces and traces them.
 */

namespace ns3
{

class TunNetDevice;

/**
 * \ingroup tun
 * \brief Gives nodes the tun driver, makes tun interfaces, assigns their addresses as
 * ifconfig does, joins two nodes with cable relays, and writes pcap (DLT_NULL, as
 * bpfattach declares it) and ascii traces.
 *
 * Install the Internet stack on the nodes first: a tun interface joins the node's IPv4
 * and IPv6 stacks when it is created.
 */
class TunHelper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
{
  public:
    TunHelper();

    /**
     * Set an attribute of the TunNetDevices the driver will make (e.g. "Mtu", "TxQueue").
     * \param name attribute name \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Load the tun driver into each node: /dev/tunN appears when a process opens it.
     * \param nodes the nodes
     */
    void InstallDriver(NodeContainer nodes) const;

    /**
     * Load the driver and make tun<unit> on each node now, as its first open would
     * (tuncreate), so it can be configured before the simulation starts.
     * \param nodes the nodes \param unit the unit number
     * \return the interfaces, one per node
     */
    NetDeviceContainer Install(NodeContainer nodes, uint32_t unit = 0) const;

    /**
     * As Install(NodeContainer, uint32_t), for one node.
     * \param node the node \param unit the unit number
     * \return the interface
     */
    NetDeviceContainer Install(Ptr<Node> node, uint32_t unit = 0) const;

    /**
     * ifconfig tunN local peer netmask mask: SIOCAIFADDR as root, through the same
     * ifioctl and in_control a process's socket ioctl reaches. The address and its peer
     * join the interface and the node's IPv4 stack, a host route leads to the peer, and
     * SIOCSIFADDR runs tuninit (up and running). For configuration before the simulation
     * starts; a daemon that configures its own interface issues the ioctl on a socket, as
     * UserPpp does, and its syscall trace shows it. Aborts with a message naming the
     * error: ENXIO when the node has no IPv4 stack, EDESTADDRREQ for a point-to-point
     * interface without a peer.
     * \param device a tun interface
     * \param local the address
     * \param peer the other end (0.0.0.0 for none)
     * \param mask the netmask
     */
    static void Ifconfig(Ptr<NetDevice> device,
                         Ipv4Address local,
                         Ipv4Address peer,
                         Ipv4Mask mask = Ipv4Mask::GetOnes());

    /**
     * Join two nodes' `tun<unit>` interfaces through their userlands: a cable between
     * `/dev/cable<unit>` on each, and a TunCableRelay daemon on each node. Makes the tun
     * interfaces if needed.
     * \param a one node \param b the other
     * \param delay the cable's one-way delay
     * \param unit the tun and cable unit on both nodes
     * \return the two relays, a's first (GetDevices gives their tun interfaces)
     *
     * The two interfaces are joined with a TunChannel, so ns-3's global routing sees the
     * link. Aborts, naming the node and the unit, when either interface is already one
     * end of another pair (a unit PppTunHelper or an earlier pair took).
     */
    ApplicationContainer InstallRelayPair(Ptr<Node> a,
                                          Ptr<Node> b,
                                          Time delay,
                                          uint32_t unit = 0) const;

    /**
     * Join two nodes' tun<unit> interfaces with a UDP tunnel: a TunTunnel daemon on
     * each, sending to the other's underlay address. Makes the tun interfaces now, so
     * Ifconfig can address them before the daemons start.
     * \param a one node \param aUnderlay its address the tunnel's datagrams go to
     * \param b the other \param bUnderlay its address (same family as \p aUnderlay)
     * \param port the UDP port of both ends (TunTunnel::DEFAULT_PORT, 14194: not OpenVPN's
     *        1194, which Wireshark decodes as OpenVPN)
     * \param unit the tun unit on both nodes
     * \return the two daemons, a's first (GetDevices gives their tun interfaces,
     *         IfconfigPair addresses them)
     *
     * The two interfaces are joined with a TunChannel, so ns-3's global routing sees the
     * link once both ends have an address. Aborts, naming the node and the unit, when
     * either interface is already one end of another pair (a unit PppTunHelper or an
     * earlier pair took).
     */
    ApplicationContainer InstallTunnelPair(Ptr<Node> a,
                                           const Address& aUnderlay,
                                           Ptr<Node> b,
                                           const Address& bUnderlay,
                                           uint16_t port = 14194,
                                           uint32_t unit = 0) const;

    /**
     * The tun interfaces the daemons of a pair use, in the daemons' order.
     * \param pair what InstallTunnelPair or InstallRelayPair returned (or any
     *        applications with a "TunDevice" attribute naming /dev/tunN)
     * \return the interfaces, a's first
     */
    static NetDeviceContainer GetDevices(const ApplicationContainer& pair);

    /**
     * Ifconfig both ends of a pair point to point: \p a on a's interface with \p b as
     * its peer, and the reverse on b's. Called before the simulation starts, the
     * interfaces are up when the daemons start, so their TUNSIFMODE gets EBUSY (logged by
     * the daemon) and the mode stays point to point, which is what they ask for; call it
     * from a scheduled event after the daemons start to follow OpenVPN's order instead.
     * \param pair what InstallTunnelPair or InstallRelayPair returned
     * \param a the address of a's end \param b the address of b's end
     * \param mask the netmask
     * \return the interfaces, a's first
     */
    static NetDeviceContainer IfconfigPair(const ApplicationContainer& pair,
                                           Ipv4Address a,
                                           Ipv4Address b,
                                           Ipv4Mask mask = Ipv4Mask::GetOnes());

  private:
    /**
     * Make (if needed) tun<unit> on \p a and \p b and join them with a TunChannel,
     * refusing a unit that is already one end of a pair.
     * \param a one node \param b the other \param unit the unit on both
     * \return the two interfaces, a's first
     */
    NetDeviceContainer JoinPair(Ptr<Node> a, Ptr<Node> b, uint32_t unit) const;

    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;
    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;

    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_deviceAttributes; //!< to apply
};

} // namespace ns3

#endif /* TUN_HELPER_H */
