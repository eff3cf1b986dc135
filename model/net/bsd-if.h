/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IF_H
#define BSD_IF_H

#include "ns3/bsd-ioctl.h"

#include <cstdint>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Network-interface constants of FreeBSD 2001: interface flags (net/if.h), types
 * (net/if_types.h), address families (sys/socket.h), interface ioctls (sys/sockio.h),
 * the tun driver's flags (net/if_tunvar.h), ioctls and limits (net/if_tun.h).
 */

namespace ns3
{

/// \ingroup tun
/// if_flags bits.
enum BsdIfFlags : uint32_t
{
    BSD_IFF_UP = 0x1,
    BSD_IFF_BROADCAST = 0x2,
    BSD_IFF_DEBUG = 0x4,
    BSD_IFF_LOOPBACK = 0x8,
    BSD_IFF_POINTOPOINT = 0x10,
    BSD_IFF_SMART = 0x20, ///< the interface manages its own routes
    BSD_IFF_RUNNING = 0x40,
    BSD_IFF_NOARP = 0x80,
    BSD_IFF_PROMISC = 0x100,
    BSD_IFF_ALLMULTI = 0x200,
    BSD_IFF_OACTIVE = 0x400,
    BSD_IFF_SIMPLEX = 0x800,
    BSD_IFF_MULTICAST = 0x8000,
    /// Flags SIOCSIFFLAGS cannot change (IFF_CANTCHANGE, FreeBSD 4's net/if.h: "flags set
    /// internally only"; IFF_LOOPBACK is not among them).
    BSD_IFF_CANTCHANGE = BSD_IFF_BROADCAST | BSD_IFF_POINTOPOINT | BSD_IFF_RUNNING |
                         BSD_IFF_OACTIVE | BSD_IFF_SIMPLEX | BSD_IFF_MULTICAST | BSD_IFF_ALLMULTI |
                         BSD_IFF_SMART,
};

/// if_type of a PPP interface, the tun default (IFT_PPP).
constexpr uint8_t BSD_IFT_PPP = 0x17;

/// \ingroup tun
/// Address families of FreeBSD.
enum BsdAddressFamily : uint32_t
{
    BSD_AF_UNSPEC = 0,
    BSD_AF_INET = 2,
    BSD_AF_APPLETALK = 16,
    BSD_AF_IPX = 23,
    BSD_AF_INET6 = 28,
};

constexpr int32_t BSD_IF_MINMTU = 72;    //!< smallest MTU an interface accepts
constexpr int32_t BSD_IF_MAXMTU = 65535; //!< largest
constexpr uint32_t BSD_IFQ_MAXLEN = 50;  //!< ifqmaxlen: default send queue limit

constexpr uint32_t BSD_IFNAMSIZ = 16;        //!< IFNAMSIZ: an interface name, NUL included
constexpr uint32_t BSD_IFREQ_SIZE = 32;      //!< sizeof(struct ifreq)
constexpr uint32_t BSD_IFALIASREQ_SIZE = 64; //!< sizeof(struct ifaliasreq): name, 3 sockaddrs
constexpr uint32_t BSD_IFSTAT_SIZE = 817;    //!< sizeof(struct ifstat): name[16] + ascii[801]

/// \ingroup tun
/// Interface ioctls (sys/sockio.h): issued on a socket, they reach if_ioctl.
enum BsdSockioctl : uint32_t
{
    BSD_SIOCSIFADDR = BsdIow('i', 12, BSD_IFREQ_SIZE),
    BSD_SIOCSIFDSTADDR = BsdIow('i', 14, BSD_IFREQ_SIZE),
    BSD_SIOCSIFFLAGS = BsdIow('i', 16, BSD_IFREQ_SIZE),
    BSD_SIOCGIFFLAGS = BsdIowr('i', 17, BSD_IFREQ_SIZE),
    BSD_SIOCDIFADDR = BsdIow('i', 25, BSD_IFREQ_SIZE),
    BSD_SIOCAIFADDR = BsdIow('i', 26, BSD_IFALIASREQ_SIZE),
    BSD_SIOCGIFADDR = BsdIowr('i', 33, BSD_IFREQ_SIZE),
    BSD_SIOCGIFDSTADDR = BsdIowr('i', 34, BSD_IFREQ_SIZE),
    BSD_SIOCGIFNETMASK = BsdIowr('i', 37, BSD_IFREQ_SIZE),
    BSD_SIOCADDMULTI = BsdIow('i', 49, BSD_IFREQ_SIZE),
    BSD_SIOCDELMULTI = BsdIow('i', 50, BSD_IFREQ_SIZE),
    BSD_SIOCGIFMTU = BsdIowr('i', 51, BSD_IFREQ_SIZE),
    BSD_SIOCSIFMTU = BsdIow('i', 52, BSD_IFREQ_SIZE),
    BSD_SIOCGIFSTATUS = BsdIowr('i', 59, BSD_IFSTAT_SIZE),
};

static_assert(BSD_SIOCSIFADDR == 0x8020690c, "SIOCSIFADDR as in sys/sockio.h");
static_assert(BSD_SIOCGIFFLAGS == 0xc0206911, "SIOCGIFFLAGS as in sys/sockio.h");
static_assert(BSD_SIOCAIFADDR == 0x8040691a, "SIOCAIFADDR as in sys/sockio.h");
static_assert(BSD_SIOCDIFADDR == 0x80206919, "SIOCDIFADDR as in sys/sockio.h");
static_assert(BSD_SIOCGIFMTU == 0xc0206933, "SIOCGIFMTU as in sys/sockio.h");
static_assert(BSD_SIOCGIFADDR == 0xc0206921, "SIOCGIFADDR as in sys/sockio.h");

/// \ingroup tun
/// tun_flags bits (net/if_tunvar.h).
enum TunFlags : uint32_t
{
    TUN_OPEN = 0x0001,
    TUN_INITED = 0x0002,
    TUN_RCOLL = 0x0004,
    TUN_IASET = 0x0008,
    TUN_DSTADDR = 0x0010,
    TUN_LMODE = 0x0020,
    TUN_RWAIT = 0x0040,
    TUN_ASYNC = 0x0080,
    TUN_IFHEAD = 0x0100,
    TUN_READY = TUN_OPEN | TUN_INITED, //!< IASET is not part of it
};

constexpr int32_t TUNMTU = 1500;         //!< default if_mtu
constexpr int32_t TUNMRU = 16384;        //!< longest write, header included (2001)
constexpr uint32_t TUN_CDEV_MAJOR = 52;  //!< CDEV_MAJOR of tun_cdevsw
constexpr uint32_t BSD_TUNINFO_SIZE = 8; //!< sizeof(struct tuninfo)

/// \ingroup tun
/// The tun driver's ioctls (net/if_tun.h).
enum TunIoctl : uint32_t
{
    TUNSDEBUG = BsdIow('t', 90, 4),
    TUNGDEBUG = BsdIor('t', 89, 4),
    TUNSIFINFO = BsdIow('t', 91, BSD_TUNINFO_SIZE),
    TUNGIFINFO = BsdIor('t', 92, BSD_TUNINFO_SIZE),
    TUNSLMODE = BsdIow('t', 93, 4),
    TUNSIFMODE = BsdIow('t', 94, 4),
    TUNSIFPID = BsdIo('t', 95),
    TUNSIFHEAD = BsdIow('t', 96, 4),
    TUNGIFHEAD = BsdIor('t', 97, 4),
};

static_assert(TUNSDEBUG == 0x8004745a, "TUNSDEBUG as in the spec");
static_assert(TUNGDEBUG == 0x40047459, "TUNGDEBUG as in the spec");
static_assert(TUNSIFINFO == 0x8008745b, "TUNSIFINFO as in the spec");
static_assert(TUNGIFINFO == 0x4008745c, "TUNGIFINFO as in the spec");
static_assert(TUNSLMODE == 0x8004745d, "TUNSLMODE as in the spec");
static_assert(TUNSIFMODE == 0x8004745e, "TUNSIFMODE as in the spec");
static_assert(TUNSIFPID == 0x2000745f, "TUNSIFPID as in the spec");
static_assert(TUNSIFHEAD == 0x80047460, "TUNSIFHEAD as in the spec");
static_assert(TUNGIFHEAD == 0x40047461, "TUNGIFHEAD as in the spec");

/**
 * \ingroup tun
 * \brief struct tuninfo: { int baudrate; short mtu; u_char type; u_char dummy; },
 * in the simulated machine's byte order (the host's).
 */
struct TunInfo
{
    int32_t baudrate{0}; //!< if_baudrate
    int16_t mtu{0};      //!< if_mtu, a short: values over 32767 read back negative
    uint8_t type{0};     //!< if_type

    /// \return the 8 bytes of the structure
    std::vector<uint8_t> Serialize() const;
    /// \param data at least 8 bytes \return the structure they hold
    static TunInfo Deserialize(const uint8_t* data);
};

/// \ingroup tun
/// poll(2) event bits (sys/poll.h).
enum BsdPollEvents : int16_t
{
    BSD_POLLIN = 0x0001,
    BSD_POLLPRI = 0x0002,
    BSD_POLLOUT = 0x0004,
    BSD_POLLRDNORM = 0x0040,
    BSD_POLLWRNORM = BSD_POLLOUT,
    BSD_POLLERR = 0x0008,
    BSD_POLLHUP = 0x0010,
    BSD_POLLNVAL = 0x0020,
};

} // namespace ns3

#endif /* BSD_IF_H */
