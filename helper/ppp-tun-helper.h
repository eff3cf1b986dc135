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
#include "ns3/trace-helper.h"

#include <map>
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
 * assigned by b: a asks for 0.0.0.0 and b gives it its address. Either way they are
 * known in advance (they are the addresses given to Install), so routes can be planned
 * before the run. Give a route through the link to the daemon
 * (UserPpp::AddStickyRoute), which installs it while IPCP is open: a static route
 * through the interface installed before the run makes ns-3 abort
 * (Ipv4L3Protocol::SourceAddressSelection, "index 0 out of bounds") if a packet takes it
 * before IPCP opens. Install the Internet stack on the nodes first.
 *
 * The two interfaces are joined with a TunChannel whose SerialLine attribute is the
 * line, so ns-3's global routing sees the link, and Config reaches the line by
 * /ChannelList/N/$ns3::TunChannel/SerialLine/... or, from either interface,
 * /NodeList/N/DeviceList/I/$ns3::TunNetDevice/Channel/SerialLine/... The interfaces
 * have their addresses only while IPCP is open: Ipv4GlobalRoutingHelper's
 * PopulateRoutingTables before the run leaves the link out (its interfaces are down);
 * call Ipv4GlobalRoutingHelper::RecomputeRoutingTables once IPCP is open on both ends.
 *
 * Traces, with ns-3's helper API and file names: EnablePcap* and EnableAscii* on the
 * returned interfaces capture the serial port under each (SerialLine::EnablePcap,
 * DLT_PPP, and SerialLine::EnableAscii), "<prefix>-<node>-<device>.pcap" and ".tr";
 * EnablePppdump* records it in pppd's format. TunHelper's traces of the same interfaces
 * show the IP packets above the daemon (DLT_NULL); give the two helpers different
 * prefixes.
 */
class PppTunHelper : public PcapHelperForDevice, public AsciiTraceHelperForDevice
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
    /// \param device one of the tun interfaces Install returned \return its line
    Ptr<SerialLine> GetLine(Ptr<NetDevice> device) const;
    /// \return the daemons made so far, two per line (a's, b's)
    ApplicationContainer GetDaemons() const;

    /**
     * Record, in pppd's record format (SerialLine::EnablePppdump), the serial port under
     * \p device, one of the tun interfaces Install returned, as
     * "<prefix>-<node>-<device>.pppd" (named as the pcap files are).
     * \param prefix file name prefix \param device the interface
     */
    void EnablePppdump(const std::string& prefix, Ptr<NetDevice> device);
    /// \param prefix file name prefix \param devices interfaces Install returned
    void EnablePppdump(const std::string& prefix, NetDeviceContainer devices);
    /// \param prefix file name prefix: every interface this helper made
    void EnablePppdumpAll(const std::string& prefix);

  private:
    /// One end of a line: its tun interface's serial port.
    struct Port
    {
        Ptr<SerialLine> line; //!< the line
        uint32_t port;        //!< 0 (a) or 1 (b), as SerialLine numbers them
    };

    /// \param device an interface \return its port, or nullptr if this helper did not make it
    const Port* PortOf(Ptr<NetDevice> device) const;

    /**
     * Capture the serial port under \p nd (DLT_PPP), if this helper made \p nd.
     * \param prefix file name prefix, or the name with \p explicitFilename
     * \param nd a device \param promiscuous ignored: a port sees only its own line
     * \param explicitFilename whether \p prefix is the whole name
     */
    void EnablePcapInternal(std::string prefix,
                            Ptr<NetDevice> nd,
                            bool promiscuous,
                            bool explicitFilename) override;

    /**
     * Write the ascii trace of the serial port under \p nd, if this helper made \p nd.
     * \param stream a shared stream, or nullptr for a file of its own
     * \param prefix file name prefix, or the name with \p explicitFilename
     * \param nd a device \param explicitFilename whether \p prefix is the whole name
     */
    void EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                             std::string prefix,
                             Ptr<NetDevice> nd,
                             bool explicitFilename) override;

    ObjectFactory m_lineFactory;                                              //!< SerialLine
    ObjectFactory m_pppFactory;                                               //!< UserPpp
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_lcpAttributes; //!< to set
    bool m_negotiated{false};                                                 //!< SetNegotiated
    std::vector<Ptr<SerialLine>> m_lines;                                     //!< made
    ApplicationContainer m_daemons;                                           //!< made
    NetDeviceContainer m_devices;                                             //!< made
    std::map<const NetDevice*, Port> m_ports; //!< each interface's port (lookup only)
};

} // namespace ns3

#endif /* PPP_TUN_HELPER_H */
