/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-in-control.h"

#include "bsd-if.h"
#include "tun-net-device.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"

#include <algorithm>

namespace ns3
{

namespace
{

using IfAddr = TunNetDevice::IfAddr;

/// \return the node's static routing, or null
Ptr<Ipv4StaticRouting>
StaticRouting(Ptr<Ipv4> ipv4)
{
    return Ipv4RoutingHelper::GetRouting<Ipv4StaticRouting>(ipv4->GetRoutingProtocol());
}

/**
 * in_control's search of the interface's addresses: the one the request names, else the
 * first; a request that names no AF_INET address gets the first at once.
 * \param ifp the interface \param sin the request's ifr_addr \return the address, or null
 */
const IfAddr*
FindIa(Ptr<TunNetDevice> ifp, const BsdSockaddrIn& sin)
{
    const IfAddr* first = nullptr;
    for (const IfAddr& ifa : ifp->GetIfAddrs())
    {
        if (ifa.family != BSD_AF_INET)
        {
            continue;
        }
        if (ifa.local == sin.addr)
        {
            return &ifa;
        }
        if (!first)
        {
            first = &ifa;
            if (!sin.IsInet())
            {
                break;
            }
        }
    }
    return first;
}

/// \param sin the request's address \return the interface's address it names exactly
const IfAddr*
FindExact(Ptr<TunNetDevice> ifp, const BsdSockaddrIn& sin)
{
    for (const IfAddr& ifa : ifp->GetIfAddrs())
    {
        if (ifa.family == BSD_AF_INET && ifa.local == sin.addr)
        {
            return &ifa;
        }
    }
    return nullptr;
}

/// in_ifinit's mask for an address given without one: its class's (IN_CLASSA ...)
Ipv4Mask
ClassMask(Ipv4Address addr)
{
    uint32_t i = addr.Get();
    if ((i & 0x80000000) == 0)
    {
        return Ipv4Mask(0xff000000);
    }
    if ((i & 0xc0000000) == 0x80000000)
    {
        return Ipv4Mask(0xffff0000);
    }
    return Ipv4Mask(0xffffff00);
}

/// in_ifinit with scrub, for an address that changes: the old one and its route go, the
/// new one comes with the mask and destination given.
int
Reinit(Ptr<TunNetDevice> ifp, IfAddr old, Ipv4Address local, Ipv4Mask mask, Ipv4Address dst)
{
    InDeleteAddress(ifp, old.local);
    return InAddAddress(ifp, local, mask, dst);
}

/// \param data the kernel's ifreq \param sin the address to copy out in ifr_addr
int
CopyOutAddr(uint8_t* data, const BsdSockaddrIn& sin)
{
    BsdIfreq ifr(data);
    ifr.SetAddr(sin);
    ifr.CopyTo(data);
    return BSD_OK;
}

} // namespace

int
InControl(Ptr<TunNetDevice> ifp, uint32_t cmd, uint8_t* data, uint32_t uid)
{
    BsdSockaddrIn sin = BsdIfreq(data).GetAddr(); // ifr_addr, and ifra_addr
    const IfAddr* ia = FindIa(ifp, sin);
    bool p2p = ifp->GetIfFlags() & BSD_IFF_POINTOPOINT;
    switch (cmd)
    {
    case BSD_SIOCAIFADDR:
    case BSD_SIOCDIFADDR:
        if (sin.IsInet())
        {
            ia = FindExact(ifp, sin);
            if (p2p && cmd == BSD_SIOCAIFADDR &&
                BsdIfaliasreq::Read(data).broadaddr.addr == Ipv4Address::GetAny())
            {
                return BSD_EDESTADDRREQ;
            }
        }
        if (cmd == BSD_SIOCDIFADDR && !ia)
        {
            return BSD_EADDRNOTAVAIL;
        }
        [[fallthrough]];
    case BSD_SIOCSIFADDR:
    case BSD_SIOCSIFDSTADDR:
        if (uid != 0)
        {
            return BSD_EPERM; // suser
        }
        break;
    case BSD_SIOCGIFADDR:
    case BSD_SIOCGIFNETMASK:
    case BSD_SIOCGIFDSTADDR:
        if (!ia)
        {
            return BSD_EADDRNOTAVAIL;
        }
        break;
    default:
        return ifp->Tunifioctl(cmd, data); // the driver's if_ioctl
    }

    switch (cmd)
    {
    case BSD_SIOCGIFADDR:
        return CopyOutAddr(data, BsdSockaddrIn::Of(ia->local));
    case BSD_SIOCGIFNETMASK:
        return CopyOutAddr(data, BsdSockaddrIn::Of(Ipv4Address(ia->mask.Get())));
    case BSD_SIOCGIFDSTADDR:
        if (!p2p)
        {
            return BSD_EINVAL;
        }
        return CopyOutAddr(data, BsdSockaddrIn::Of(ia->dst));
    case BSD_SIOCSIFDSTADDR: {
        if (!p2p)
        {
            return BSD_EINVAL;
        }
        if (!ia)
        {
            return BSD_EADDRNOTAVAIL; // an ns-3 interface cannot hold a 0.0.0.0 address
        }
        Ipv4Address old = ia->dst;
        Ipv4Address local = ia->local;
        ifp->SetIfAddrDestination(local, sin.addr);
        int error = ifp->Tunifioctl(cmd, data);
        if (error != BSD_OK)
        {
            ifp->SetIfAddrDestination(local, old);
            return error;
        }
        if (old != Ipv4Address::GetAny()) // IFA_ROUTE: the host route moves to the new peer
        {
            InDeleteRoute(ifp, old, Ipv4Mask::GetOnes());
            Ptr<Ipv4> ipv4 = ifp->GetNode()->GetObject<Ipv4>();
            if (Ptr<Ipv4StaticRouting> rt = StaticRouting(ipv4))
            {
                rt->AddHostRouteTo(sin.addr, ipv4->GetInterfaceForDevice(ifp));
            }
        }
        return BSD_OK;
    }
    case BSD_SIOCSIFADDR:
        if (!sin.IsInet())
        {
            return BSD_EINVAL;
        }
        if (!ia)
        {
            return InAddAddress(ifp, sin.addr, ClassMask(sin.addr), Ipv4Address::GetAny());
        }
        if (ia->local == sin.addr)
        {
            return ifp->Tunifioctl(cmd, data);
        }
        return Reinit(ifp, *ia, sin.addr, ia->mask, ia->dst);
    case BSD_SIOCAIFADDR: {
        BsdIfaliasreq ifra = BsdIfaliasreq::Read(data);
        bool hostIsNew = true;
        bool maskIsNew = false;
        Ipv4Mask mask = ia ? ia->mask : ClassMask(ifra.addr.addr);
        Ipv4Address dst = ia ? ia->dst : Ipv4Address::GetAny();
        if (ia)
        {
            if (ifra.addr.len == 0)
            {
                ifra.addr = BsdSockaddrIn::Of(ia->local);
                hostIsNew = false;
            }
            else if (ifra.addr.addr == ia->local)
            {
                hostIsNew = false;
            }
        }
        if (ifra.mask.len != 0)
        {
            mask = Ipv4Mask(ifra.mask.addr.Get());
            maskIsNew = true;
        }
        if (p2p && ifra.broadaddr.IsInet())
        {
            dst = ifra.broadaddr.addr;
            maskIsNew = true; // in_control: "we lie; but the effect's the same"
        }
        if (!ifra.addr.IsInet() || !(hostIsNew || maskIsNew))
        {
            return BSD_OK;
        }
        if (!ia)
        {
            return InAddAddress(ifp, ifra.addr.addr, mask, dst);
        }
        return Reinit(ifp, *ia, ifra.addr.addr, mask, dst);
    }
    case BSD_SIOCDIFADDR:
        return InDeleteAddress(ifp, ia->local);
    }
    return BSD_OK;
}

int
InAddAddress(Ptr<TunNetDevice> ifp, Ipv4Address local, Ipv4Mask mask, Ipv4Address peer)
{
    Ptr<Ipv4> ipv4 = ifp->GetNode()->GetObject<Ipv4>();
    if (!ipv4)
    {
        return BSD_ENXIO;
    }
    ifp->AttachToIp();
    int32_t i = ipv4->GetInterfaceForDevice(ifp);
    // The ifaddr first, so SIOCSIFADDR's tuninit sees its destination.
    ifp->AddIfAddr(IfAddr{BSD_AF_INET, local, peer, mask, Ipv6Address()});
    ipv4->AddAddress(i, Ipv4InterfaceAddress(local, mask));
    int error = ifp->Tunifioctl(BSD_SIOCSIFADDR, nullptr);
    if (error == BSD_OK && peer != Ipv4Address::GetAny())
    {
        // in_ifinit: a host route to the other end of a point-to-point link.
        if (Ptr<Ipv4StaticRouting> rt = StaticRouting(ipv4))
        {
            rt->AddHostRouteTo(peer, i);
        }
    }
    return error;
}

int
InDeleteAddress(Ptr<TunNetDevice> ifp, Ipv4Address local)
{
    IfAddr gone;
    if (!ifp->RemoveIfAddr(local, gone))
    {
        return BSD_EADDRNOTAVAIL;
    }
    Ptr<Ipv4> ipv4 = ifp->GetNode()->GetObject<Ipv4>();
    int32_t i = ipv4 ? ipv4->GetInterfaceForDevice(ifp) : -1;
    if (i < 0)
    {
        return BSD_OK;
    }
    // in_ifscrub: rtinit(RTM_DELETE) of the host route, or of the network route.
    bool host = gone.dst != Ipv4Address::GetAny();
    InDeleteRoute(ifp,
                  host ? gone.dst : gone.local.CombineMask(gone.mask),
                  host ? Ipv4Mask::GetOnes() : gone.mask);
    ipv4->RemoveAddress(i, local);
    if (ipv4->GetNAddresses(i) == 0 && ipv4->IsUp(i))
    {
        // IFF_UP stays, as on BSD; ns-3's IPv4 interface goes down with its last address,
        // as it was before the first: an ns-3 interface that is up without an address
        // aborts whatever routes through it (SourceAddressSelection, GlobalRouter).
        // SIOCSIFADDR's tuninit brings it up with the next address.
        ipv4->SetDown(i);
    }
    return BSD_OK;
}

void
InDeleteRoute(Ptr<TunNetDevice> ifp, Ipv4Address dest, Ipv4Mask mask)
{
    Ptr<Ipv4> ipv4 = ifp->GetNode()->GetObject<Ipv4>();
    int32_t i = ipv4 ? ipv4->GetInterfaceForDevice(ifp) : -1;
    Ptr<Ipv4StaticRouting> rt = ipv4 ? StaticRouting(ipv4) : nullptr;
    if (i < 0 || !rt)
    {
        return;
    }
    for (uint32_t r = rt->GetNRoutes(); r-- > 0;)
    {
        Ipv4RoutingTableEntry e = rt->GetRoute(r);
        if (e.GetDest() == dest && e.GetDestNetworkMask() == mask &&
            e.GetInterface() == static_cast<uint32_t>(i))
        {
            rt->RemoveRoute(r);
        }
    }
}

} // namespace ns3
