/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-ifioctl.h"

#include "bsd-if.h"
#include "bsd-in-control.h"
#include "tun-net-device.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/node.h"

namespace ns3
{

Ptr<TunNetDevice>
Ifunit(Ptr<Node> node, const std::string& name)
{
    for (uint32_t i = 0; i < node->GetNDevices(); ++i)
    {
        Ptr<TunNetDevice> ifp = DynamicCast<TunNetDevice>(node->GetDevice(i));
        if (ifp && ifp->GetIfName() == name)
        {
            return ifp;
        }
    }
    return nullptr;
}

int
Ifioctl(Ptr<Node> node, int32_t domain, uint32_t cmd, uint8_t* data, uint32_t uid)
{
    Ptr<TunNetDevice> ifp = Ifunit(node, BsdIfreq(data).GetName());
    if (!ifp)
    {
        return BSD_ENXIO;
    }
    return Ifioctl(ifp, domain, cmd, data, uid);
}

int
Ifioctl(Ptr<TunNetDevice> ifp, int32_t domain, uint32_t cmd, uint8_t* data, uint32_t uid)
{
    switch (cmd)
    {
    case BSD_SIOCGIFFLAGS: {
        BsdIfreq ifr(data);
        ifr.SetFlags(static_cast<int16_t>(ifp->GetIfFlags()));
        ifr.CopyTo(data);
        return BSD_OK;
    }
    case BSD_SIOCGIFMTU: {
        BsdIfreq ifr(data);
        ifr.SetMtu(ifp->GetMtu());
        ifr.CopyTo(data);
        return BSD_OK;
    }
    case BSD_SIOCSIFFLAGS: {
        if (uid != 0)
        {
            return BSD_EPERM; // suser
        }
        // ifr_flags is a short: the bits above 15 cannot be asked for.
        uint32_t requested = static_cast<uint16_t>(BsdIfreq(data).GetFlags());
        uint32_t flags = ifp->GetIfFlags();
        if ((flags & BSD_IFF_UP) && !(requested & BSD_IFF_UP))
        {
            ifp->IfDown();
        }
        else if ((requested & BSD_IFF_UP) && !(flags & BSD_IFF_UP))
        {
            ifp->IfUp();
        }
        ifp->SetIfFlags((ifp->GetIfFlags() & BSD_IFF_CANTCHANGE) |
                        (requested & ~BSD_IFF_CANTCHANGE));
        ifp->Tunifioctl(cmd, data); // tunifioctl says EINVAL; ifioctl ignores it
        return BSD_OK;
    }
    case BSD_SIOCSIFMTU: {
        if (uid != 0)
        {
            return BSD_EPERM;
        }
        int32_t mtu = BsdIfreq(data).GetMtu();
        if (mtu < BSD_IF_MINMTU || mtu > BSD_IF_MAXMTU)
        {
            return BSD_EINVAL;
        }
        return ifp->Tunifioctl(cmd, data);
    }
    case BSD_SIOCADDMULTI:
    case BSD_SIOCDELMULTI:
        if (uid != 0)
        {
            return BSD_EPERM;
        }
        return ifp->Tunifioctl(cmd, data);
    case BSD_SIOCGIFSTATUS:
        data[BSD_IFNAMSIZ] = '\0'; // ifs->ascii[0]
        return ifp->Tunifioctl(cmd, data);
    default:
        if (domain == BSD_AF_INET)
        {
            return InControl(ifp, cmd, data, uid); // udp_usrreqs' pru_control
        }
        return ifp->Tunifioctl(cmd, data);
    }
}

} // namespace ns3
