/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_TUN_HELPER_H
#define PPP_TUN_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"

#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Joins two nodes with a serial line and a user-level PPP daemon at each end.
 */

namespace ns3
{

class SerialLine;
class UserPpp;

/**
 * \ingroup tun
 * \brief What a PointToPointHelper user expects, for PPP over tun: Install(a, b) joins
 * two nodes with a SerialLine between a free /dev/cuaaN on each and a UserPpp on each
 * end, on a tun interface made now, and returns the two tun interfaces.
 *
 * The interfaces have no address until IPCP opens in the simulation. Addresses are
 * static (each end asks for its own, the default) or, with SetNegotiated(true),
 * assigned by b: a asks for 0.0.0.0 and b gives it its address. Either way the helper
 * knows them in advance (GetAddresses), so static routes can be installed before the
 * run. Install the Internet stack on the nodes first.
 */
class PppTunHelper
{
  public:
    PppTunHelper();

    /// \param name a SerialLine attribute ("BaudRate", "Delay"...) \param value its value
    void SetLineAttribute(const std::string& name, const AttributeValue& value);
    /// \param name a UserPpp attribute ("IfQueue"...) \param value its value
    void SetPppAttribute(const std::string& name, const AttributeValue& value);
    /// \param name an Lcp attribute ("Mru", "EchoPeriod"...) \param value its value
    void SetLcpAttribute(const std::string& name, const AttributeValue& value);
    /// \param negotiated b assigns a's address through IPCP, instead of a asking for it
    void SetNegotiated(bool negotiated);

    /**
     * Join \p a and \p b: a line, a tun interface and a daemon on each.
     * \param a one node \param aAddress its address on the link
     * \param b the other \param bAddress its address
     * \return the tun interfaces, a's first
     */
    NetDeviceContainer Install(Ptr<Node> a,
                               Ipv4Address aAddress,
                               Ptr<Node> b,
                               Ipv4Address bAddress);

    /// \return the lines made so far, in order
    const std::vector<Ptr<SerialLine>>& GetLines() const;
    /// \return the daemons made so far, two per line (a's, b's)
    ApplicationContainer GetDaemons() const;

    /**
     * Write every line made so far as pcap (DLT_PPP), "<prefix>-<n>-<a>-<b>.pcap" with n
     * the line's index and a, b the node ids.
     * \param prefix file name prefix
     */
    void EnablePcapAll(const std::string& prefix) const;

    /**
     * Write every line made so far as an ascii trace (SerialLine::EnableAscii), one file
     * per line named as EnablePcapAll names them, with ".tr".
     * \param prefix file name prefix
     */
    void EnableAsciiAll(const std::string& prefix) const;

  private:
    /// \param prefix file name prefix \param n a line's index \return its file name stem
    std::string LineFileName(const std::string& prefix, std::size_t n) const;

    ObjectFactory m_lineFactory;                                              //!< SerialLine
    ObjectFactory m_pppFactory;                                               //!< UserPpp
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_lcpAttributes; //!< to set
    bool m_negotiated{false};                                                 //!< SetNegotiated
    std::vector<Ptr<SerialLine>> m_lines;                                     //!< made
    ApplicationContainer m_daemons;                                           //!< made
};

} // namespace ns3

#endif /* PPP_TUN_HELPER_H */
