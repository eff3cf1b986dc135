/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-helper.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-ifioctl.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/cable-driver.h"
#include "ns3/config.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/string.h"
#include "ns3/tun-cable-relay.h"
#include "ns3/tun-channel.h"
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
    // ifconfig's SIOCAIFADDR, into the same ifioctl a socket's ioctl reaches, as root.
    BsdIfaliasreq ifra;
    ifra.name = tun->GetIfName();
    ifra.addr = BsdSockaddrIn::Of(local);
    ifra.mask = BsdSockaddrIn::Of(Ipv4Address(mask.Get()));
    if (peer != Ipv4Address::GetAny())
    {
        ifra.broadaddr = BsdSockaddrIn::Of(peer);
    }
    std::vector<uint8_t> data = ifra.GetBytes();
    int error = Ifioctl(tun, BSD_AF_INET, BSD_SIOCAIFADDR, data.data(), 0);
    NS_ABORT_MSG_IF(error != BSD_OK,
                    "TunHelper::Ifconfig "
                        << tun->GetIfName() << " on node " << tun->GetNode()->GetId()
                        << ": SIOCAIFADDR " << BsdErrnoName(error)
                        << (error == BSD_ENXIO ? " (install the Internet stack first)" : ""));
}

NetDeviceContainer
TunHelper::JoinPair(Ptr<Node> a, Ptr<Node> b, uint32_t unit) const
{
    NS_ABORT_MSG_IF(a == b, "TunHelper: a tun pair needs two different nodes");
    NetDeviceContainer devices;
    devices.Add(Install(a, unit));
    devices.Add(Install(b, unit));
    // Refuses, naming node and unit, a unit another pair's daemon already holds.
    TunChannel::Join(DynamicCast<TunNetDevice>(devices.Get(0)),
                     DynamicCast<TunNetDevice>(devices.Get(1)));
    return devices;
}

ApplicationContainer
TunHelper::InstallRelayPair(Ptr<Node> a, Ptr<Node> b, Time delay, uint32_t unit) const
{
    JoinPair(a, b, unit);
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
    JoinPair(a, b, unit);
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

NetDeviceContainer
TunHelper::GetDevices(const ApplicationContainer& pair)
{
    NetDeviceContainer devices;
    for (auto it = pair.Begin(); it != pair.End(); ++it)
    {
        Ptr<Application> daemon = *it;
        StringValue path;
        TypeId::AttributeInformation info;
        NS_ABORT_MSG_UNLESS(daemon->GetInstanceTypeId().LookupAttributeByName("TunDevice", &info),
                            "TunHelper::GetDevices: application "
                                << daemon->GetInstanceTypeId().GetName() << " on node "
                                << daemon->GetNode()->GetId() << " has no tun device");
        daemon->GetAttribute("TunDevice", path);
        const std::string prefix = "/dev/tun";
        const std::string name = path.Get();
        NS_ABORT_MSG_UNLESS(name.compare(0, prefix.size(), prefix) == 0 &&
                                name.size() > prefix.size(),
                            "TunHelper::GetDevices: " << name << " is not a tun device");
        uint32_t unit = std::stoul(name.substr(prefix.size()));
        Ptr<TunDriver> driver = daemon->GetNode()->GetObject<TunDriver>();
        Ptr<TunNetDevice> device = driver ? driver->GetUnit(unit) : nullptr;
        NS_ABORT_MSG_UNLESS(device,
                            "TunHelper::GetDevices: node " << daemon->GetNode()->GetId()
                                                           << " has no " << name);
        devices.Add(device);
    }
    return devices;
}

NetDeviceContainer
TunHelper::IfconfigPair(const ApplicationContainer& pair,
                        Ipv4Address a,
                        Ipv4Address b,
                        Ipv4Mask mask)
{
    NetDeviceContainer devices = GetDevices(pair);
    NS_ABORT_MSG_UNLESS(devices.GetN() == 2,
                        "TunHelper::IfconfigPair: " << devices.GetN()
                                                    << " daemons given, a pair has two");
    Ifconfig(devices.Get(0), a, b, mask);
    Ifconfig(devices.Get(1), b, a, mask);
    return devices;
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

namespace
{

/**
 * The ascii "-" line: a packet the process read. A packet tunclose drains is dequeued
 * too, but it is a drop (its "d" line comes from MacTxDrop). The device is a raw
 * pointer: the queue belongs to the device, and a Ptr would keep both alive.
 * \param stream the ascii file \param device the tun \param context the Config path
 * \param packet the packet
 */
void
AsciiReadByProcessWithContext(Ptr<OutputStreamWrapper> stream,
                              const TunNetDevice* device,
                              std::string context,
                              Ptr<const Packet> packet)
{
    if (!device->IsDraining())
    {
        AsciiTraceHelper::DefaultDequeueSinkWithContext(stream, context, packet);
    }
}

} // namespace

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
        // A file of its own; its lines carry the context path all the same, as the serial
        // ports' do, so that lines of several files grepped or merged say whose they are.
        AsciiTraceHelper ascii;
        stream = ascii.CreateFileStream(
            explicitFilename ? prefix : ascii.GetFilenameFromDevice(prefix, device));
    }
    // + queued for the process, - read by it, d dropped, r written by it.
    std::ostringstream path;
    path << "/NodeList/" << nd->GetNode()->GetId() << "/DeviceList/" << nd->GetIfIndex()
         << "/$ns3::TunNetDevice/";
    Config::Connect(path.str() + "TxQueue/Enqueue",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultEnqueueSinkWithContext, stream));
    Config::Connect(path.str() + "TxQueue/Dequeue",
                    MakeBoundCallback(&AsciiReadByProcessWithContext,
                                      stream,
                                      static_cast<const TunNetDevice*>(PeekPointer(device))));
    Config::Connect(path.str() + "MacTxDrop",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream));
    Config::Connect(path.str() + "MacRxDrop",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultDropSinkWithContext, stream));
    Config::Connect(path.str() + "MacRx",
                    MakeBoundCallback(&AsciiTraceHelper::DefaultReceiveSinkWithContext, stream));
}

} // namespace ns3
