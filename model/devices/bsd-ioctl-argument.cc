/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-ioctl-argument.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

namespace
{

/// Offset of the union in struct ifreq and of ifra_addr in struct ifaliasreq.
constexpr uint32_t IFR_UNION = BSD_IFNAMSIZ;

/// \param to BSD_IFNAMSIZ bytes \param name the name to copy, NUL-terminated and cut
void
WriteName(uint8_t* to, const std::string& name)
{
    std::size_t n = std::min<std::size_t>(name.size(), BSD_IFNAMSIZ - 1);
    std::memcpy(to, name.data(), n);
    std::memset(to + n, 0, BSD_IFNAMSIZ - n);
}

/// \param from BSD_IFNAMSIZ bytes \return the name, up to its NUL (or all 16 bytes)
std::string
ReadName(const uint8_t* from)
{
    const char* s = reinterpret_cast<const char*>(from);
    return std::string(s, strnlen(s, BSD_IFNAMSIZ));
}

/// \param ifr an ifreq's bytes \return the union member of type T, in host order
template <typename T>
T
ReadUnion(const uint8_t* ifr)
{
    T value;
    std::memcpy(&value, ifr + IFR_UNION, sizeof value);
    return value;
}

/// \param ifr an ifreq's bytes \param value the union member to store, in host order
template <typename T>
void
WriteUnion(uint8_t* ifr, T value)
{
    std::memcpy(ifr + IFR_UNION, &value, sizeof value);
}

} // namespace

std::vector<uint8_t>
BsdIntArgument(int32_t value)
{
    std::vector<uint8_t> bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

int32_t
BsdIntResult(const std::vector<uint8_t>& out)
{
    int32_t value = 0;
    if (out.size() >= sizeof value)
    {
        std::memcpy(&value, out.data(), sizeof value);
    }
    return value;
}

// --- struct sockaddr_in -------------------------------------------------------------------

BsdSockaddrIn
BsdSockaddrIn::Of(Ipv4Address addr)
{
    BsdSockaddrIn sin;
    sin.len = SIZE;
    sin.family = BSD_AF_INET;
    sin.addr = addr;
    return sin;
}

BsdSockaddrIn
BsdSockaddrIn::Read(const uint8_t* from)
{
    BsdSockaddrIn sin;
    sin.len = from[0];
    sin.family = from[1];
    sin.port = static_cast<uint16_t>((from[2] << 8) | from[3]);
    sin.addr = Ipv4Address::Deserialize(from + 4);
    return sin;
}

void
BsdSockaddrIn::Write(uint8_t* to) const
{
    std::memset(to, 0, SIZE);
    to[0] = len;
    to[1] = family;
    to[2] = static_cast<uint8_t>(port >> 8);
    to[3] = static_cast<uint8_t>(port);
    addr.Serialize(to + 4);
}

bool
BsdSockaddrIn::IsInet() const
{
    return family == BSD_AF_INET;
}

// --- struct ifreq ---------------------------------------------------------------------------

BsdIfreq::BsdIfreq(const std::string& name)
{
    WriteName(m_bytes.data(), name);
}

BsdIfreq::BsdIfreq(const uint8_t* data)
{
    std::memcpy(m_bytes.data(), data, m_bytes.size());
}

BsdIfreq::BsdIfreq(const std::vector<uint8_t>& out)
{
    std::copy_n(out.begin(), std::min(out.size(), m_bytes.size()), m_bytes.begin());
}

std::string
BsdIfreq::GetName() const
{
    return ReadName(m_bytes.data());
}

int16_t
BsdIfreq::GetFlags() const
{
    return ReadUnion<int16_t>(m_bytes.data());
}

void
BsdIfreq::SetFlags(int16_t flags)
{
    WriteUnion(m_bytes.data(), flags);
}

int32_t
BsdIfreq::GetMtu() const
{
    return ReadUnion<int32_t>(m_bytes.data());
}

void
BsdIfreq::SetMtu(int32_t mtu)
{
    WriteUnion(m_bytes.data(), mtu);
}

BsdSockaddrIn
BsdIfreq::GetAddr() const
{
    return BsdSockaddrIn::Read(m_bytes.data() + IFR_UNION);
}

void
BsdIfreq::SetAddr(const BsdSockaddrIn& sin)
{
    sin.Write(m_bytes.data() + IFR_UNION);
}

std::vector<uint8_t>
BsdIfreq::GetBytes() const
{
    return std::vector<uint8_t>(m_bytes.begin(), m_bytes.end());
}

void
BsdIfreq::CopyTo(uint8_t* data) const
{
    std::memcpy(data, m_bytes.data(), m_bytes.size());
}

// --- struct ifaliasreq ----------------------------------------------------------------------

std::vector<uint8_t>
BsdIfaliasreq::GetBytes() const
{
    std::vector<uint8_t> bytes(BSD_IFALIASREQ_SIZE, 0);
    WriteName(bytes.data(), name);
    addr.Write(bytes.data() + IFR_UNION);
    broadaddr.Write(bytes.data() + IFR_UNION + BsdSockaddrIn::SIZE);
    mask.Write(bytes.data() + IFR_UNION + 2 * BsdSockaddrIn::SIZE);
    return bytes;
}

BsdIfaliasreq
BsdIfaliasreq::Read(const uint8_t* data)
{
    BsdIfaliasreq ifra;
    ifra.name = ReadName(data);
    ifra.addr = BsdSockaddrIn::Read(data + IFR_UNION);
    ifra.broadaddr = BsdSockaddrIn::Read(data + IFR_UNION + BsdSockaddrIn::SIZE);
    ifra.mask = BsdSockaddrIn::Read(data + IFR_UNION + 2 * BsdSockaddrIn::SIZE);
    return ifra;
}

} // namespace ns3
