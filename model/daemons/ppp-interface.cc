/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-interface.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-ifioctl.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
#include "ns3/cdev.h"
#include "ns3/ipv6-interface-address.h"
#include "ns3/ipv6.h"
#include "ns3/node.h"
#include "ns3/sticky-routes.h"
#include "ns3/tun-net-device.h"

namespace ns3
{

void
PppInterface::SetFailedCallback(FailedCallback failed)
{
    m_failed = failed;
}

void
PppInterface::Failed(const std::string& name, int error) const
{
    m_failed(name, error);
}

const std::string&
PppInterface::GetName() const
{
    return m_name;
}

Ptr<TunNetDevice>
PppInterface::GetDevice() const
{
    return m_tun;
}

void
PppInterface::Dispose()
{
    m_tun = nullptr;
}

std::string
PppInterface::UnitPath(uint32_t unit)
{
    return "/dev/tun" + std::to_string(unit);
}

std::string
PppInterface::NameOf(const std::string& path)
{
    return path.substr(path.rfind('/') + 1);
}

BsdTask
PppInterface::Open(BsdSyscalls& sys, Ptr<Node> node, std::string tunPath, bool& opened)
{
    // bundle_Create (bundle.c): the first /dev/tunN that opens; no such unit ends the
    // search, a busy one moves on.
    std::string path;
    for (uint32_t unit = 0;; ++unit)
    {
        path = tunPath.empty() ? UnitPath(unit) : tunPath;
        auto [error, fd] = co_await sys.Open(path, BSD_O_RDWR);
        if (error == BSD_OK)
        {
            m_fd = fd;
            break;
        }
        if (tunPath.empty() && error != BSD_ENOENT && error != BSD_ENXIO && unit + 1 < MAX_UNITS)
        {
            continue;
        }
        Failed("open " + path, error);
        co_return;
    }
    opened = true;
    // bundle_Create names the interface after the device it opened.
    m_name = NameOf(path);
    // ppp(8)'s route and IPv6 address calls (a routing socket, in6_control) are not
    // modelled as system calls: they alone reach the interface object.
    m_tun = Ifunit(node, m_name);
    NS_ABORT_MSG_IF(!m_tun, "UserPpp: " << path << " has no interface " << m_name);
    // The tun modes; ppp(8) only logs their failures.
    std::vector<uint8_t> mode = BsdIntArgument(BSD_IFF_POINTOPOINT);
    if (auto [error, out] = co_await sys.Ioctl(m_fd, TUNSIFMODE, std::move(mode)); error != BSD_OK)
    {
        Failed("ioctl TUNSIFMODE", error);
    }
    std::vector<uint8_t> zero = BsdIntArgument(0);
    if (auto [error, out] = co_await sys.Ioctl(m_fd, TUNSLMODE, std::move(zero)); error != BSD_OK)
    {
        Failed("ioctl TUNSLMODE", error);
    }
    std::vector<uint8_t> one = BsdIntArgument(1);
    auto [headError, headOut] = co_await sys.Ioctl(m_fd, TUNSIFHEAD, std::move(one));
    if (headError != BSD_OK)
    {
        Failed("ioctl TUNSIFHEAD", headError);
    }
    m_header = headError == BSD_OK;
    co_await SetUp(sys);
}

BsdTask
PppInterface::SetUp(BsdSyscalls& sys)
{
    // iface_ChangeFlags (iface.c): on a PF_INET socket, SIOCGIFFLAGS, then SIOCSIFFLAGS
    // with IFF_UP.
    auto [error, s] = co_await sys.Socket(BSD_AF_INET, BSD_SOCK_DGRAM);
    if (error != BSD_OK)
    {
        Failed("socket", error);
        co_return;
    }
    auto [getError, out] = co_await sys.Ioctl(s, BSD_SIOCGIFFLAGS, BsdIfreq(m_name).GetBytes());
    if (getError != BSD_OK)
    {
        Failed("ioctl SIOCGIFFLAGS", getError);
        co_await sys.Close(s);
        co_return;
    }
    BsdIfreq ifr(out);
    ifr.SetFlags(static_cast<int16_t>(ifr.GetFlags() | BSD_IFF_UP));
    auto [setError, none] = co_await sys.Ioctl(s, BSD_SIOCSIFFLAGS, ifr.GetBytes());
    if (setError != BSD_OK)
    {
        Failed("ioctl SIOCSIFFLAGS", setError);
    }
    co_await sys.Close(s);
}

BsdTask
PppInterface::Ioctl(BsdSyscalls& sys,
                    std::string name,
                    uint32_t cmd,
                    std::vector<uint8_t> arg,
                    int& result)
{
    // iface.c's pattern: a PF_INET datagram socket for one interface ioctl, then close.
    auto [error, s] = co_await sys.Socket(BSD_AF_INET, BSD_SOCK_DGRAM);
    if (error != BSD_OK)
    {
        Failed("socket", error);
        result = error;
        co_return;
    }
    auto [ioctlError, out] = co_await sys.Ioctl(s, cmd, std::move(arg));
    if (ioctlError != BSD_OK)
    {
        Failed("ioctl " + name, ioctlError);
    }
    co_await sys.Close(s);
    result = ioctlError;
}

BsdTask
PppInterface::AddAddress(BsdSyscalls& sys, Ipv4Address local, Ipv4Address peer, int& result)
{
    // iface_Add (iface.c): SIOCAIFADDR with the address, the peer as destination, a host
    // mask.
    BsdIfaliasreq ifra;
    ifra.name = m_name;
    ifra.addr = BsdSockaddrIn::Of(local);
    ifra.broadaddr = BsdSockaddrIn::Of(peer);
    ifra.mask = BsdSockaddrIn::Of(Ipv4Address(Ipv4Mask::GetOnes().Get()));
    co_await Ioctl(sys, "SIOCAIFADDR", BSD_SIOCAIFADDR, ifra.GetBytes(), result);
    if (result == BSD_OK)
    {
        m_local = local;
    }
}

bool
PppInterface::HasAddress() const
{
    return m_local != Ipv4Address::GetAny();
}

BsdTask
PppInterface::DeleteAddress(BsdSyscalls& sys)
{
    if (!HasAddress())
    {
        co_return;
    }
    // iface_addr_Zap (iface.c): SIOCDIFADDR with an ifaliasreq (the kernel reads its
    // ifreq).
    BsdIfaliasreq ifra;
    ifra.name = m_name;
    ifra.addr = BsdSockaddrIn::Of(m_local);
    m_local = Ipv4Address::GetAny();
    int error = BSD_OK;
    co_await Ioctl(sys, "SIOCDIFADDR", BSD_SIOCDIFADDR, ifra.GetBytes(), error);
}

BsdTask
PppInterface::Configure(BsdSyscalls& sys, uint16_t mtu, int32_t baudrate)
{
    // tun_configure (tun.c): TUNSIFINFO with the MTU and the line's speed.
    TunInfo info;
    info.mtu = static_cast<int16_t>(mtu);
    info.type = BSD_IFT_PPP;
    info.baudrate = baudrate;
    auto [error, out] = co_await sys.Ioctl(m_fd, TUNSIFINFO, info.Serialize());
    if (error != BSD_OK)
    {
        Failed("ioctl TUNSIFINFO", error);
    }
}

BsdTask
PppInterface::Write(BsdSyscalls& sys, std::vector<uint8_t> packet, uint64_t& written)
{
    // ip_Input (ip.c) writes each packet to the tun descriptor.
    auto [error, n] = co_await sys.Write(m_fd, std::move(packet));
    if (error != BSD_OK)
    {
        Failed("write tun", error); // logged and ignored, as ip_Input does
    }
    else
    {
        ++written;
    }
}

void
PppInterface::AddLinkLocal(Ptr<Node> node, Ipv6Address local)
{
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
    if (i >= 0)
    {
        ipv6->AddAddress(i, Ipv6InterfaceAddress(local, Ipv6Prefix(64)));
        m_local6 = local;
    }
}

void
PppInterface::DeleteLinkLocal(Ptr<Node> node)
{
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
    if (i >= 0 && m_local6 != Ipv6Address::GetAny())
    {
        ipv6->RemoveAddress(i, m_local6);
        m_local6 = Ipv6Address::GetAny();
    }
}

} // namespace ns3
