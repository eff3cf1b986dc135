/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-helper.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/cable-driver.h"
#include "ns3/config.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/string.h"
#include "ns3/tun-cable-relay.h"
#include "ns3/tun-driver.h"
#include "ns3/tun-net-device.h"
#include "ns3/tun-tunnel.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunHelper");

TunHelper::TunHelper() = default;

void
TunHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceAttributes.emplace_back(name, value.Copy());
}

void
TunHelper::InstallDriver(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<TunDriver> driver = TunDriver::Install(*it);
        for (const auto& [name, value] : m_deviceAttributes)
        {
            driver->SetDeviceAttribute(name, *value);
        }
    }
}

NetDeviceContainer
TunHelper::Install(NodeContainer nodes, uint32_t unit) const
{
    InstallDriver(nodes);
    NetDeviceContainer devices;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        devices.Add((*it)->GetObject<TunDriver>()->CreateUnit(unit));
    }
    return devices;
}

NetDeviceContainer
TunHelper::Install(Ptr<Node> node, uint32_t unit) const
{
    return Install(NodeContainer(node), unit);
}

void
TunHelper::Ifconfig(Ptr<NetDevice> device, Ipv4Address local, Ipv4Address peer, Ipv4Mask mask)
{
    Ptr<TunNetDevice> tun = DynamicCast<TunNetDevice>(device);
    NS_ABORT_MSG_IF(!tun, "TunHelper::Ifconfig: device " << device << " is not a TunNetDevice");
    int error = tun->AddIpv4Address(local, mask, peer);
    NS_ABORT_MSG_IF(error != BSD_OK,
                    "TunHelper::Ifconfig " << tun->GetIfName() << " on node "
                                           << tun->GetNode()->GetId() << ": " << BsdErrnoName(error)
                                           << " (install the Internet stack first)");
}

ApplicationContainer
TunHelper::InstallRelayPair(Ptr<Node> a, Ptr<Node> b, Time delay, uint32_t unit) const
{
    Install(a, unit);
    Install(b, unit);
    CableDriver::Connect(a, unit, b, unit, delay);
    ApplicationContainer apps;
    for (Ptr<Node> node : {a, b})
    {
        Ptr<TunCableRelay> relay = CreateObject<TunCableRelay>();
        relay->SetAttribute("TunDevice", StringValue("/dev/tun" + std::to_string(unit)));
        relay->SetAttribute("CableDevice", StringValue("/dev/cable" + std::to_string(unit)));
        node->AddApplication(relay);
        apps.Add(relay);
    }
    return apps;
}

ApplicationContainer
TunHelper::InstallTunnelPair(Ptr<Node> a,
                             const Address& aUnderlay,
                             Ptr<Node> b,
                             const Address& bUnderlay,
                             uint16_t port,
                             uint32_t unit) const
{
    Install(a, unit);
    Install(b, unit);
    ApplicationContainer apps;
    for (auto [node, peer] : {std::make_pair(a, bUnderlay), std::make_pair(b, aUnderlay)})
    {
        Ptr<TunTunnel> tunnel = CreateObject<TunTunnel>();
        tunnel->SetAttribute("TunDevice", StringValue("/dev/tun" + std::to_string(unit)));
        tunnel->SetAttribute("PeerAddress", AddressValue(peer));
        tunnel->SetAttribute("PeerPort", UintegerValue(port));
        tunnel->SetAttribute("LocalPort", UintegerValue(port));
        node->AddApplication(tunnel);
        apps.Add(tunnel);
    }
    return apps;
}

void
TunHelper::EnablePcapInternal(std::string prefix,
                              Ptr<NetDevice> nd,
                              bool /* promiscuous: a tun interface only sees its own */,
                              bool explicitFilename)
{
    Ptr<TunNetDevice> device = nd->GetObject<TunNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("TunHelper::EnablePcapInternal: " << nd << " is not a TunNetDevice");
        return;
    }
    PcapHelper pcapHelper;
    std::string filename =
        explicitFilename ? prefix : pcapHelper.GetFilenameFromDevice(prefix, device);
    // bpfattach(ifp, DLT_NULL, sizeof(u_int)): a 4-byte host-order family per packet.
    Ptr<PcapFileWrapper> file =
        pcapHelper.CreateFile(filename, std::ios::out, PcapHelper::DLT_NULL);
    pcapHelper.HookDefaultSink<TunNetDevice>(device, "Sniffer", file);
}

void
TunHelper::EnableAsciiInternal(Ptr<OutputStreamWrapper> stream,
                               std::string prefix,
                               Ptr<NetDevice> nd,
                               bool explicitFilename)
{
    Ptr<TunNetDevice> device = nd->GetObject<TunNetDevice>();
    if (!device)
    {
        NS_LOG_INFO("TunHelper::EnableAsciiInternal: " << nd << " is not a TunNetDevice");
        return;
    }
    Packet::EnablePrinting();
    if (!stream)
    {
        AsciiTraceHelper ascii;
        std::string filename =
            explicitFilename ? prefix : ascii.GetFilenameFromDevice(prefix, device);
        Ptr<OutputStreamWrapper> file = ascii.CreateFileStream(filename);
        // + queued for the process, - read by it, d dropped, r written by it.
        ascii.HookDefaultEnqueueSinkWithoutContext<Queue<Packet>>(device->GetQueue(),
                                                                  "Enqueue",
                                                                  file);
        ascii.HookDefaultDequeueSinkWithoutContext<Queue<Packet>>(device->GetQueue(),
                                                                  "Dequeue",
                                                                  file);
        ascii.HookDefaultDropSinkWithoutContext<TunNetDevice>(device, "MacTxDrop", file);
        ascii.HookDefaultDropSinkWithoutContext<TunNetDevice>(device, "MacRxDrop", file);
        ascii.HookDefaultReceiveSinkWithoutContext<TunNetDevice>(device, "MacRx", file);
        return;
    }
    std::ostringstream path;
    path << "/NodeList/" << nd->GetNode()->GetId() << "/DeviceList/" << nd->GetIfIndex()
         << "/$ns3::TunNetDevice/";
    Config::Connect(path.str() + "TxQueue/Enqueue",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithContext, stream));
    Config::Connect(path.str() + "TxQueue/Dequeue",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDequeueSinkWithContext, stream));
    Config::Connect(path.str() + "MacTxDrop",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream));
    Config::Connect(path.str() + "MacRxDrop",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream));
    Config::Connect(path.str() + "MacRx",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithContext, stream));
}

} // namespace ns3
