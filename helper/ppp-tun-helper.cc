/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-tun-helper.h"

#include "tun-helper.h"

#include "ns3/abort.h"
#include "ns3/device-switch.h"
#include "ns3/log.h"
#include "ns3/serial-line.h"
#include "ns3/string.h"
#include "ns3/trace-helper.h"
#include "ns3/tun-channel.h"
#include "ns3/tun-driver.h"
#include "ns3/tun-net-device.h"
#include "ns3/user-ppp.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppTunHelper");

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
        Ptr<NetDevice> device = tun.Install(nodes[i], unit).Get(0);
        devices.Add(device);
        m_devices.Add(device);
        m_ports[PeekPointer(device)] = Port{line, static_cast<uint32_t>(i)};
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
    Ptr<TunChannel> channel = TunChannel::Join(DynamicCast<TunNetDevice>(devices.Get(0)),
                                               DynamicCast<TunNetDevice>(devices.Get(1)));
    channel->SetSerialLine(line);
    return devices;
}

const std::vector<Ptr<SerialLine>>&
PppTunHelper::GetLines() const
{
    return m_lines;
}

Ptr<SerialLine>
PppTunHelper::GetLine(Ptr<NetDevice> device) const
{
    const Port* port = PortOf(device);
    return port ? port->line : nullptr;
}

ApplicationContainer
PppTunHelper::GetDaemons() const
{
    return m_daemons;
}

const PppTunHelper::Port*
PppTunHelper::PortOf(Ptr<NetDevice> device) const
{
    auto it = m_ports.find(PeekPointer(device));
    return it == m_ports.end() ? nullptr : &it->second;
}

void
PppTunHelper::EnablePcapInternal(std::string prefix,
                                 Ptr<NetDevice> nd,
                                 bool /* promiscuous */,
                                 bool explicitFilename)
{
    const Port* port = PortOf(nd);
    if (!port)
    {
        NS_LOG_INFO("PppTunHelper::EnablePcapInternal: " << nd << " is not one of its interfaces");
        return;
    }
    PcapHelper pcapHelper;
    port->line->EnablePcap(explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, nd),
                           port->port);
}

void
PppTunHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                                  std::string prefix,
                                  Ptr<NetDevice> nd,
                                  bool explicitFilename)
{
    const Port* port = PortOf(nd);
    if (!port)
    {
        NS_LOG_INFO("PppTunHelper::EnableAsciiInternal: " << nd << " is not one of its interfaces");
        return;
    }
    if (!stream)
    {
        AsciiTraceHelper ascii;
        stream = ascii.CreateFileStream(explicitFilename ? prefix
                                                         : ascii.GetFilenameFromDevice(prefix, nd));
    }
    port->line->EnableAscii(stream, port->port);
}

void
PppTunHelper::EnablePppdump(const std::string& prefix, Ptr<NetDevice> device)
{
    const Port* port = PortOf(device);
    NS_ABORT_MSG_IF(!port,
                    "PppTunHelper::EnablePppdump: device " << device->GetIfIndex() << " of node "
                                                           << device->GetNode()->GetId()
                                                           << " was not made by this helper");
    std::string pcapName = PcapHelper().GetFilenameFromDevice(prefix, device);
    std::string stem = pcapName.substr(0, pcapName.size() - std::string(".pcap").size());
    port->line->EnablePppdump(stem + ".pppd", port->port);
}

void
PppTunHelper::EnablePppdump(const std::string& prefix, NetDeviceContainer devices)
{
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        EnablePppdump(prefix, *it);
    }
}

void
PppTunHelper::EnablePppdumpAll(const std::string& prefix)
{
    EnablePppdump(prefix, m_devices);
}

} // namespace ns3
