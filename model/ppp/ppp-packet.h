/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_PACKET_H
#define PPP_PACKET_H

#include <cstddef>
#include <cstdint>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The packet format shared by LCP and the NCPs (RFC 1661 section 5): Code, Identifier,
 * Length, and Type-Length-Value configuration options.
 */

namespace ns3
{

/// \ingroup tun
/// PPP protocol numbers the daemon speaks (RFC 1700, ppp(8)'s proto.h).
enum PppProtocol : uint16_t
{
    PPP_PROTO_IP = 0x0021,     //!< IPv4
    PPP_PROTO_IPV6 = 0x0057,   //!< IPv6
    PPP_PROTO_IPCP = 0x8021,   //!< IP Control Protocol (RFC 1332)
    PPP_PROTO_IPV6CP = 0x8057, //!< IPv6 Control Protocol (RFC 5072)
    PPP_PROTO_LCP = 0xc021,    //!< Link Control Protocol (RFC 1661)
};

/// \ingroup tun
/// Codes of RFC 1661 section 5; 8 to 11 are LCP's own.
enum PppCode : uint8_t
{
    PPP_CONFIGURE_REQUEST = 1,
    PPP_CONFIGURE_ACK = 2,
    PPP_CONFIGURE_NAK = 3,
    PPP_CONFIGURE_REJECT = 4,
    PPP_TERMINATE_REQUEST = 5,
    PPP_TERMINATE_ACK = 6,
    PPP_CODE_REJECT = 7,
    PPP_PROTOCOL_REJECT = 8,
    PPP_ECHO_REQUEST = 9,
    PPP_ECHO_REPLY = 10,
    PPP_DISCARD_REQUEST = 11,
};

/// \ingroup tun
/// One configuration option: Type, then Data (the Length octet is implied).
struct PppOption
{
    uint8_t type{0};           //!< Type
    std::vector<uint8_t> data; //!< Data, without Type and Length

    /// \param other another option \return true when Type and Data are the same
    bool operator==(const PppOption& other) const;
};

/// \ingroup tun
/// \brief A control packet: Code, Identifier and Data; Length is computed.
struct PppControlPacket
{
    uint8_t code{0};           //!< Code
    uint8_t id{0};             //!< Identifier
    std::vector<uint8_t> data; //!< Data (after the four-octet header)

    /**
     * Read a packet. Octets beyond Length are padding and ignored (section 5).
     * \param info the Information field \param len its length
     * \param out the packet
     * \return false when shorter than four octets or than its Length field, or when
     *         Length is under four: the caller discards it silently
     */
    static bool Parse(const uint8_t* info, std::size_t len, PppControlPacket& out);

    /// \return Code, Identifier, Length and Data
    std::vector<uint8_t> Serialize() const;
};

/**
 * \ingroup tun
 * Split Data into options.
 * \param data the Data of a Configure-* packet
 * \param out the options, in order
 * \return false when an option's Length is under two or runs past the end
 */
bool PppParseOptions(const std::vector<uint8_t>& data, std::vector<PppOption>& out);

/**
 * \ingroup tun
 * Join options into the Data of a Configure-* packet.
 * \param options the options, in order
 * \return their Type-Length-Value encoding
 */
std::vector<uint8_t> PppSerializeOptions(const std::vector<PppOption>& options);

/// \ingroup tun
/// Write a 32-bit value. \param value the value \return its four octets, network order
std::vector<uint8_t> PppPutU32(uint32_t value);
/// \ingroup tun
/// Write a 16-bit value. \param value the value \return its two octets, network order
std::vector<uint8_t> PppPutU16(uint16_t value);
/// \ingroup tun
/// Read a 32-bit value. \param p at least four octets \return them, in network order
uint32_t PppGetU32(const uint8_t* p);
/// \ingroup tun
/// Read a 16-bit value. \param p at least two octets \return them, in network order
uint16_t PppGetU16(const uint8_t* p);

} // namespace ns3

#endif /* PPP_PACKET_H */
