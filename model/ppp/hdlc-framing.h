/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef HDLC_FRAMING_H
#define HDLC_FRAMING_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * PPP in HDLC-like framing on an asynchronous line (RFC 1662): frame check sequences,
 * the encoder and a deframer that survives any byte stream.
 */

namespace ns3
{

/// \ingroup tun
/// Octets and constants of RFC 1662 section 4.
enum HdlcOctet : uint8_t
{
    HDLC_FLAG = 0x7e,         //!< Flag Sequence
    HDLC_ESCAPE = 0x7d,       //!< Control Escape
    HDLC_TRANSPARENCY = 0x20, //!< XORed into an escaped octet
    HDLC_ALL_STATIONS = 0xff, //!< Address field
    HDLC_UI = 0x03,           //!< Control field: Unnumbered Information
};

constexpr uint16_t PPP_INITFCS16 = 0xffff;     //!< initial FCS-16 value
constexpr uint16_t PPP_GOODFCS16 = 0xf0b8;     //!< FCS-16 residue of a good frame
constexpr uint32_t PPP_INITFCS32 = 0xffffffff; //!< initial FCS-32 value
constexpr uint32_t PPP_GOODFCS32 = 0xdebb20e3; //!< FCS-32 residue of a good frame

/**
 * \ingroup tun
 * Update an FCS-16 over \p len octets (RFC 1662 appendix C.2, table driven).
 * \param fcs the running value (start with PPP_INITFCS16)
 * \param data octets \param len their number
 * \return the new running value
 */
uint16_t PppFcs16(uint16_t fcs, const uint8_t* data, std::size_t len);

/**
 * \ingroup tun
 * Update an FCS-32 over \p len octets (RFC 1662 appendix C.3, table driven).
 * \param fcs the running value (start with PPP_INITFCS32)
 * \param data octets \param len their number
 * \return the new running value
 */
uint32_t PppFcs32(uint32_t fcs, const uint8_t* data, std::size_t len);

/// \ingroup tun
/// Which frame check sequence a link uses.
enum class HdlcFcs
{
    FCS16, //!< 16 bits, the default
    FCS32, //!< 32 bits, negotiated with the FCS-Alternatives option
};

/**
 * \ingroup tun
 * \brief The sending side's options: what LCP negotiated for the peer's direction.
 */
struct HdlcTxOptions
{
    uint32_t accm{0xffffffff};   //!< control octets (0x00-0x1f) to escape; all until LCP opens
    bool acfc{false};            //!< omit Address and Control (never for LCP)
    bool pfc{false};             //!< one-octet protocol when it fits (never for LCP)
    HdlcFcs fcs{HdlcFcs::FCS16}; //!< FCS size
};

/**
 * \ingroup tun
 * Frame one PPP packet for an asynchronous line: flag, escaped Address/Control,
 * Protocol, Information and FCS (low octet first), closing flag. LCP packets (protocol
 * 0xc021) always carry Address/Control and a two-octet protocol, and escape every
 * control octet, as RFC 1661 and 1662 require.
 * \param protocol the PPP protocol number
 * \param info the Information field
 * \param len its length
 * \param options what the peer accepts
 * \param out the frame is appended here
 */
void HdlcEncode(uint16_t protocol,
                const uint8_t* info,
                std::size_t len,
                const HdlcTxOptions& options,
                std::vector<uint8_t>& out);

/**
 * \ingroup tun
 * \brief Turns an asynchronous byte stream back into PPP packets.
 *
 * Feed() takes bytes in any pieces. Every frame between two flags is either delivered
 * (good FCS, a valid protocol field) or counted by the reason it was dropped; the next
 * good frame always decodes. Octets flagged in the receive ACCM are discarded as RFC
 * 1662 section 7.1 says (a modem may insert them).
 */
class HdlcDeframer
{
  public:
    /// Why frames were dropped, and how many were delivered.
    struct Counters
    {
        uint64_t frames{0};        //!< delivered
        uint64_t badFcs{0};        //!< FCS residue wrong
        uint64_t runts{0};         //!< too short to hold a protocol and an FCS
        uint64_t oversize{0};      //!< longer than the maximum; dropped to the next flag
        uint64_t aborts{0};        //!< Control Escape followed by Flag (abort sequence)
        uint64_t badHeader{0};     //!< Address/Control or Protocol field malformed
        uint64_t garbageOctets{0}; //!< octets before the first flag

        /// \return frames dropped, for every reason
        uint64_t Dropped() const;

        /**
         * Report the frames dropped since \p before, by reason: "bad-fcs", "runt",
         * "oversize", "abort", "bad-header".
         * \param before the counters earlier \param report called with each reason
         *        whose count grew, and by how much
         */
        void ForEachDropSince(const Counters& before,
                              const std::function<void(const char*, uint64_t)>& report) const;
    };

    /// A delivered packet: its protocol and Information field.
    using Deliver = std::function<void(uint16_t protocol, const uint8_t* info, std::size_t len)>;

    /**
     * \param maxFrame the longest frame accepted, escapes removed, FCS included
     *        (HDLCSIZE in ppp(8) terms; 2 * MAX_MRU + 6 there)
     */
    explicit HdlcDeframer(std::size_t maxFrame = 4102);

    /// \param accm control octets the receiver discards (0 after LCP negotiates it)
    void SetRxAccm(uint32_t accm);
    /// \param fcs the FCS the peer appends
    void SetFcs(HdlcFcs fcs);

    /**
     * Take octets from the line.
     * \param data octets \param len their number
     * \param deliver called for each good packet, in order
     */
    void Feed(const uint8_t* data, std::size_t len, const Deliver& deliver);

    /// \return the counters
    const Counters& GetCounters() const;

  private:
    /// The frame between two flags is complete. \param deliver as Feed
    void EndOfFrame(const Deliver& deliver);

    std::size_t m_maxFrame;        //!< longest frame
    uint32_t m_rxAccm{0xffffffff}; //!< discarded control octets
    HdlcFcs m_fcs{HdlcFcs::FCS16}; //!< FCS in use
    bool m_synced{false};          //!< a flag has been seen
    bool m_escaped{false};         //!< the last octet was Control Escape
    bool m_dropping{false};        //!< oversize: skip to the next flag
    std::vector<uint8_t> m_frame;  //!< octets of the current frame, unescaped
    Counters m_counters;           //!< statistics
};

/**
 * \ingroup tun
 * Name a PPP protocol number.
 * \param protocol the Protocol field
 * \return its name ("LCP", "IPCP", "IP"...) or its hex value
 */
std::string PppProtocolName(uint16_t protocol);

} // namespace ns3

#endif /* HDLC_FRAMING_H */
