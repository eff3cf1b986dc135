/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-tun-helper.h"

#include "tun-helper.h"

#include "ns3/abort.h"
#include "ns3/device-switch.h"
#include "ns3/serial-line.h"
#include "ns3/string.h"
#include "ns3/trace-helper.h"
#include "ns3/tun-driver.h"
#include "ns3/tun-net-device.h"
#include "ns3/user-ppp.h"

namespace ns3
{

namespace
{

/// \return the lowest N with no /dev/cuaaN on \p node
uint32_t
FreeSerialPort(Ptr<Node> node)
{
    Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
    uint32_t port = 0;
    while (sw->Lookup("/dev/cuaa" + std::to_string(port)))
    {
        ++port;
    }
    return port;
}

/// \return the lowest N with no tunN interface on \p node
uint32_t
FreeTunUnit(Ptr<Node> node)
{
    Ptr<TunDriver> driver = node->GetObject<TunDriver>();
    uint32_t unit = 0;
    while (driver && driver->GetUnit(unit))
    {
        ++unit;
    }
    return unit;
}

} // namespace

PppTunHelper::PppTunHelper()
{
    m_lineFactory.SetTypeId("ns3::SerialLine");
    m_pppFactory.SetTypeId("ns3::UserPpp");
}

void
PppTunHelper::SetLineAttribute(const std::string& name, const AttributeValue& value)
{
    m_lineFactory.Set(name, value);
}

void
PppTunHelper::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppFactory.Set(name, value);
}

void
PppTunHelper::SetLcpAttribute(const std::string& name, const AttributeValue& value)
{
    // Checked now, so a bad name or value fails here rather than at Install.
    CreateObject<Lcp>()->SetAttribute(name, value);
    m_lcpAttributes.emplace_back(name, value.Copy());
}

void
PppTunHelper::SetNegotiated(bool negotiated)
{
    m_negotiated = negotiated;
}

NetDeviceContainer
PppTunHelper::Install(Ptr<Node> a, Ipv4Address aAddress, Ptr<Node> b, Ipv4Address bAddress)
{
    NS_ABORT_MSG_IF(a == b, "PppTunHelper: a line needs two different nodes");
    NS_ABORT_MSG_IF(aAddress == bAddress,
                    "PppTunHelper: both ends would have address " << aAddress);
    Ptr<SerialLine> line = m_lineFactory.Create<SerialLine>();
    uint32_t portA = FreeSerialPort(a);
    uint32_t portB = FreeSerialPort(b);
    line->Connect(a, portA, b, portB);
    m_lines.push_back(line);

    NetDeviceContainer devices;
    TunHelper tun;
    Ptr<Node> nodes[2] = {a, b};
    uint32_t ports[2] = {portA, portB};
    Ipv4Address addresses[2] = {aAddress, bAddress};
    for (int i = 0; i < 2; ++i)
    {
        uint32_t unit = FreeTunUnit(nodes[i]);
        devices.Add(tun.Install(nodes[i], unit));
        Ptr<UserPpp> ppp = m_pppFactory.Create<UserPpp>();
        ppp->SetAttribute("TunDevice", StringValue("/dev/tun" + std::to_string(unit)));
        ppp->SetAttribute("SerialDevice", StringValue("/dev/cuaa" + std::to_string(ports[i])));
        for (const auto& [name, value] : m_lcpAttributes)
        {
            ppp->GetLcp()->SetAttribute(name, *value);
        }
        bool asks = !(m_negotiated && i == 0);
        ppp->GetIpcp()->SetAttribute("LocalAddress",
                                     Ipv4AddressValue(asks ? addresses[i] : Ipv4Address::GetAny()));
        ppp->GetIpcp()->SetAttribute("PeerAddress", Ipv4AddressValue(addresses[1 - i]));
        nodes[i]->AddApplication(ppp);
        m_daemons.Add(ppp);
    }
    return devices;
}

const std::vector<Ptr<SerialLine>>&
PppTunHelper::GetLines() const
{
    return m_lines;
}

ApplicationContainer
PppTunHelper::GetDaemons() const
{
    return m_daemons;
}

std::string
PppTunHelper::LineFileName(const std::string& prefix, std::size_t n) const
{
    Ptr<Node> a = m_daemons.Get(2 * n)->GetNode();
    Ptr<Node> b = m_daemons.Get(2 * n + 1)->GetNode();
    return prefix + "-" + std::to_string(n) + "-" + std::to_string(a->GetId()) + "-" +
           std::to_string(b->GetId());
}

void
PppTunHelper::EnablePcapAll(const std::string& prefix) const
{
    for (std::size_t n = 0; n < m_lines.size(); ++n)
    {
        m_lines[n]->EnablePcap(LineFileName(prefix, n) + ".pcap");
    }
}

void
PppTunHelper::EnableAsciiAll(const std::string& prefix) const
{
    AsciiTraceHelper ascii;
    for (std::size_t n = 0; n < m_lines.size(); ++n)
    {
        m_lines[n]->EnableAscii(ascii.CreateFileStream(LineFileName(prefix, n) + ".tr"));
    }
}

} // namespace ns3
