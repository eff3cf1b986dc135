/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_INTERFACE_H
#define PPP_INTERFACE_H

#include "ns3/bsd-if.h"
#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/ppp-packet.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * UserPpp's interface layer: the tun device and its interface, as ppp(8)'s tun.c and
 * iface.c.
 */

namespace ns3
{

class BsdSyscalls;
class BsdTask;
class Node;
class StickyRoutes;
class TunNetDevice;

/**
 * \ingroup tun
 * \brief The interface side of UserPpp: /dev/tunN and its interface, as ppp(8)'s
 * bundle_Create (bundle.c, the tun part), tun.c (tun_configure) and iface.c (iface_Add,
 * iface_addr_Zap, iface_ChangeFlags).
 *
 * UserPpp owns one and calls its coroutines on the daemon's calls (BsdSyscalls): they
 * are callees of the daemon's task, as the C functions are of ppp(8)'s. Failures are
 * reported through the callback UserPpp gives (ppp(8) logs them, and goes on).
 */
class PppInterface
{
  public:
    /// Reports a failed call: its name (e.g. "ioctl TUNSIFMODE") and errno.
    using FailedCallback = Callback<void, const std::string&, int>;

    /// Units bundle_Create tries.
    static constexpr uint32_t MAX_UNITS = 256;

    /// \param failed where failed calls are reported
    void SetFailedCallback(FailedCallback failed);

    /**
     * bundle_Create's tun part: open \p path, or the first /dev/tunN that opens when it
     * is empty (ENOENT or ENXIO on a unit ends the search, any other error tries the
     * next); then TUNSIFMODE (IFF_POINTOPOINT), TUNSLMODE(0), TUNSIFHEAD(1) and
     * iface_ChangeFlags(IFF_UP).
     * \param sys the daemon's calls \param node the daemon's node, for the interface
     * \param path the device, "" for the first free unit \param opened set when the
     * device opened \return the task
     */
    BsdTask Open(BsdSyscalls& sys, Ptr<Node> node, std::string path, bool& opened);

    /**
     * iface_Add: SIOCAIFADDR with \p local, \p peer as destination and a host mask.
     * \param sys the daemon's calls \param local the address \param peer the peer's
     * \param result set to the ioctl's errno \return the task
     */
    BsdTask AddAddress(BsdSyscalls& sys, Ipv4Address local, Ipv4Address peer, int& result);
    /**
     * iface_addr_Zap: SIOCDIFADDR of the address AddAddress set, if any.
     * \param sys the daemon's calls \return the task
     */
    BsdTask DeleteAddress(BsdSyscalls& sys);
    /// \return whether AddAddress set an address not yet deleted
    bool HasAddress() const;
    /**
     * tun_configure: TUNSIFINFO with the MTU and the line's speed.
     * \param sys the daemon's calls \param mtu the MTU \param baudrate the line's speed
     * \return the task
     */
    BsdTask Configure(BsdSyscalls& sys, uint16_t mtu, int32_t baudrate);
    /**
     * ip_Input's write of one packet to tun (logged and ignored when it fails).
     * \param sys the daemon's calls \param packet the packet, behind its family with
     * TUNSIFHEAD \param written incremented when the write succeeded \return the task
     */
    BsdTask Write(BsdSyscalls& sys, std::vector<uint8_t> packet, uint64_t& written);

    /// IPV6CP's link-local address on the interface. \param node the daemon's \param local it
    void AddLinkLocal(Ptr<Node> node, Ipv6Address local);
    /// The link-local address goes. \param node the daemon's
    void DeleteLinkLocal(Ptr<Node> node);

    /// \return /dev/tunN's descriptor (-1: none)
    int GetFd() const
    {
        return m_fd;
    }

    /// \return whether TUNSIFHEAD succeeded
    bool HasHeader() const
    {
        return m_header;
    }

    const std::string& GetName() const;  //!< \return the interface's name, e.g. "tun0"
    Ptr<TunNetDevice> GetDevice() const; //!< \return the interface (null until opened)
    void Dispose();                      //!< Drops the interface.

    /// \param unit a unit \return its device, "/dev/tun<unit>"
    static std::string UnitPath(uint32_t unit);
    /// bundle_Create names the interface after the device. \param path a device \return
    /// the name, its last path component
    static std::string NameOf(const std::string& path);

    /**
     * Split a packet read from tun (bundle_DescriptorRead): with TUNSIFHEAD, its 4-octet
     * address family in network order comes first; without, it is IPv4.
     * \param data the packet \param size its octets \param header whether TUNSIFHEAD is on
     * \param family set to the address family \param skip set to the octets before the
     * IP header \return false when the packet is too short for its header
     */
    static bool SplitHeader(const uint8_t* data,
                            std::size_t size,
                            bool header,
                            uint32_t& family,
                            std::size_t& skip)
    {
        family = BSD_AF_INET;
        skip = 0;
        if (!header)
        {
            return true;
        }
        if (size < 4)
        {
            return false;
        }
        family = PppGetU32(data);
        skip = 4;
        return true;
    }

  private:
    /// iface_ChangeFlags(IFF_UP): SIOCGIFFLAGS, SIOCSIFFLAGS on a socket. \param sys
    /// \return the task
    BsdTask SetUp(BsdSyscalls& sys);
    /**
     * One interface ioctl as iface.c issues it: a PF_INET socket, the ioctl, close.
     * \param sys the daemon's calls \param name the command's name, for the report
     * \param cmd the command \param arg its parameter \param result set to the ioctl's
     * errno (the socket's, if that failed) \return the task
     */
    BsdTask Ioctl(BsdSyscalls& sys,
                  std::string name,
                  uint32_t cmd,
                  std::vector<uint8_t> arg,
                  int& result);
    /// \param name a call \param error its errno
    void Failed(const std::string& name, int error) const;

    FailedCallback m_failed; //!< reports failures
    int m_fd{-1};            //!< /dev/tunN
    bool m_header{false};    //!< TUNSIFHEAD succeeded
    std::string m_name;      //!< the interface's name, e.g. "tun0"
    Ptr<TunNetDevice> m_tun; //!< the interface, for the routes and IPv6 only
    Ipv4Address m_local;     //!< the IPv4 address we configured
    Ipv6Address m_local6;    //!< the IPv6 address we configured
};

} // namespace ns3

#endif /* PPP_INTERFACE_H */
