/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IOCTL_ARGUMENT_H
#define BSD_IOCTL_ARGUMENT_H

#include "ns3/bsd-if.h"
#include "ns3/ipv4-address.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * Typed ioctl parameters: the structures a process hands to ioctl(2) and the kernel reads
 * back, laid out byte for byte as on FreeBSD 4 for i386, so that neither side packs bytes
 * by hand.
 */

namespace ns3
{

/// \param value an int parameter (FIONBIO, TUNSIFMODE, TUNSIFHEAD ...)
/// \return its bytes, in the simulated machine's (the host's) byte order
std::vector<uint8_t> BsdIntArgument(int32_t value);

/// \param out what an _IOR int ioctl copied out \return the int, or 0 when it is shorter
int32_t BsdIntResult(const std::vector<uint8_t>& out);

/**
 * \ingroup tun
 * struct sockaddr_in (netinet/in.h): sin_len, sin_family, the port and the address in
 * network order, then eight zero bytes.
 */
struct BsdSockaddrIn
{
    static constexpr uint32_t SIZE = 16; //!< sizeof(struct sockaddr_in)

    uint8_t len{0};                          //!< sin_len: 0 in an unused slot of a request
    uint8_t family{0};                       //!< sin_family
    uint16_t port{0};                        //!< sin_port, in host order here
    Ipv4Address addr{Ipv4Address::GetAny()}; //!< sin_addr

    /// \param addr an address \return it as a filled-in AF_INET sockaddr (sin_len 16)
    static BsdSockaddrIn Of(Ipv4Address addr);
    /// \param from SIZE bytes \return the sockaddr they hold
    static BsdSockaddrIn Read(const uint8_t* from);
    /// \param to SIZE bytes to write
    void Write(uint8_t* to) const;
    /// \return whether it names an IPv4 address (sin_family AF_INET)
    bool IsInet() const;
};

/**
 * \ingroup tun
 * struct ifreq (net/if.h): the interface name, then a 16-byte union of which each
 * command uses one member (ifr_addr, ifr_dstaddr, ifr_flags, ifr_mtu ...).
 */
class BsdIfreq
{
  public:
    /// \param name the interface's name, e.g. "tun0" (cut to IFNAMSIZ - 1)
    explicit BsdIfreq(const std::string& name);
    /// \param data BSD_IFREQ_SIZE bytes: the kernel's copy of the parameter, or what an
    ///        ioctl copied out
    explicit BsdIfreq(const uint8_t* data);
    /// \param out what an ioctl copied out (zero-filled to BSD_IFREQ_SIZE when shorter)
    explicit BsdIfreq(const std::vector<uint8_t>& out);

    std::string GetName() const;            //!< \return ifr_name, up to its NUL
    int16_t GetFlags() const;               //!< \return ifr_flags (a short)
    void SetFlags(int16_t flags);           //!< \param flags new ifr_flags
    int32_t GetMtu() const;                 //!< \return ifr_mtu
    void SetMtu(int32_t mtu);               //!< \param mtu new ifr_mtu
    BsdSockaddrIn GetAddr() const;          //!< \return ifr_addr (also ifr_dstaddr)
    void SetAddr(const BsdSockaddrIn& sin); //!< \param sin new ifr_addr (or ifr_dstaddr)

    /// \return the BSD_IFREQ_SIZE bytes, as ioctl's parameter
    std::vector<uint8_t> GetBytes() const;
    /// \param data BSD_IFREQ_SIZE bytes of the kernel's buffer to write back (copyout)
    void CopyTo(uint8_t* data) const;

  private:
    std::array<uint8_t, BSD_IFREQ_SIZE> m_bytes{}; //!< the structure
};

/**
 * \ingroup tun
 * struct ifaliasreq (net/if.h), the parameter of SIOCAIFADDR (and, cut to an ifreq by the
 * command's size, of SIOCDIFADDR as ppp(8) issues it): the name, the address, the
 * broadcast or (point to point) destination address, and the mask.
 */
struct BsdIfaliasreq
{
    std::string name;        //!< ifra_name
    BsdSockaddrIn addr;      //!< ifra_addr
    BsdSockaddrIn broadaddr; //!< ifra_broadaddr, the destination on point to point
    BsdSockaddrIn mask;      //!< ifra_mask (sin_len 0: none given)

    /// \return the BSD_IFALIASREQ_SIZE bytes, as ioctl's parameter
    std::vector<uint8_t> GetBytes() const;
    /// \param data BSD_IFALIASREQ_SIZE bytes \return the request they hold
    static BsdIfaliasreq Read(const uint8_t* data);
};

} // namespace ns3

#endif /* BSD_IOCTL_ARGUMENT_H */
