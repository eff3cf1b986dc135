/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_TUNNEL_H
#define TUN_TUNNEL_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/bsd-process.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A UDP tunnel daemon over tun(4), as vtun or OpenVPN run on BSD.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A simulated tunnel daemon: /dev/tunN on one side, a UDP socket to the peer on
 * the other, a poll loop between them; every packet crosses the userland.
 *
 * Start-up follows OpenVPN's open_tun on FreeBSD (spec section 3): open /dev/tunN
 * O_RDWR (the first free of 0..255 when TunDevice is "auto"), F_SETFL O_NONBLOCK and
 * F_SETFD FD_CLOEXEC, TUNSIFMODE(IFF_POINTOPOINT, with IFF_MULTICAST when Multicast is
 * set: the 2001 driver refuses that with EINVAL, which the daemon only logs, as
 * OpenVPN does), TUNSIFHEAD(1). Then socket(2) in the family of PeerAddress, bind(2)
 * to LocalPort, and the loop: poll both descriptors; a readable tun gives one packet
 * per read, sent as one datagram to PeerAddress:PeerPort; a readable socket gives one
 * datagram, written to tun in one write.
 *
 * Wire format: the datagram is exactly what the tun read returned, the 4-byte address
 * family (network order) that TUNSIFHEAD prepends followed by the IP packet, so IPv4
 * and IPv6 cross the same tunnel. OpenVPN carries its own header in the same place;
 * keeping the family avoids looking into the packet and makes the peer's write a
 * straight copy. A datagram under 4 bytes ("short datagram") or with a family other
 * than AF_INET or AF_INET6 ("unknown family") is dropped before the write. Datagrams
 * are taken from any sender (OpenVPN's --float, without its authentication).
 *
 * The interface's addresses are not the daemon's business here: configure them with
 * TunHelper::Ifconfig, as OpenVPN runs ifconfig(8).
 *
 * MssFix, as OpenVPN's --mssfix N: when not 0, the MSS option of every TCP SYN (SYN-ACK
 * included) crossing the tunnel, either way, is lowered so that a full segment makes a
 * datagram of at most MssFix bytes (see ClampMss). The TCP checksum is adjusted
 * incrementally (RFC 1624).
 */
class TunTunnel : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * The default UDP port of both ends: 14194, not OpenVPN's 1194. The datagrams are
     * not OpenVPN's wire format, and Wireshark decodes UDP port 1194 as OpenVPN (as
     * unknown or malformed messages); no dissector claims 14194 (Wireshark 4.0's
     * udp.port table leaves 13911 to 17219 free), so the underlay shows plain UDP.
     */
    static constexpr uint16_t DEFAULT_PORT = 14194;

    /// What ClampMss did with a datagram.
    enum MssOutcome
    {
        MSS_NOT_SYN,   //!< not a TCP SYN (or a later IPv4 fragment): not looked at further
        MSS_NO_OPTION, //!< a SYN without an MSS option: left alone
        MSS_SMALL,     //!< a SYN whose MSS is already within the limit: left alone
        MSS_CLAMPED,   //!< a SYN whose MSS was lowered, its checksum adjusted
        MSS_MALFORMED, //!< an IP packet or TCP header too short or inconsistent: left alone
    };

    /**
     * The MSS that keeps a full segment's datagram within \p mssFix bytes: \p mssFix
     * less the family word (4), the IP header (20, or 40 for IPv6) and the TCP header
     * without options (20), as OpenVPN reckons. The sender counts its options in the
     * MSS (RFC 879), so its IP packets stay within \p mssFix - 4 bytes.
     * \param mssFix the MssFix attribute \param v6 the packet is IPv6
     * \return the MSS, at least 1
     */
    static uint16_t MssFor(uint32_t mssFix, bool v6);

    /**
     * Lower the MSS option of a TCP SYN in a tunnel datagram (family word, then the IP
     * packet) to MssFor(mssFix), adjusting the TCP checksum incrementally (RFC 1624).
     * Only IPv4 without fragment offset and IPv6 whose next header is TCP are looked at,
     * as OpenVPN's mss.c does; nothing is read past the datagram or the IP length.
     * \param datagram the datagram, changed in place only when MSS_CLAMPED
     * \param mssFix the largest datagram a full segment should make
     * \param before set to the MSS found (0 when none) \param after set to the MSS
     *        written (or kept)
     * \return what was done
     */
    static MssOutcome ClampMss(std::vector<uint8_t>& datagram,
                               uint32_t mssFix,
                               uint16_t& before,
                               uint16_t& after);

    TunTunnel();
    ~TunTunnel() override;

    /// \return the daemon's process (null before the application starts)
    Ptr<BsdProcess> GetProcess() const;
    /// \return the tun device it opened ("" until then)
    std::string GetTunPath() const;

    uint64_t GetTunToPeerPackets() const; //!< \return datagrams sent to the peer
    uint64_t GetTunToPeerBytes() const;   //!< \return their bytes, family header included
    uint64_t GetPeerToTunPackets() const; //!< \return packets written to tun
    uint64_t GetPeerToTunBytes() const;   //!< \return their bytes, family header included
    uint64_t GetDrops() const;            //!< \return packets dropped, for every reason
    /// \param reason a reason as the Drop trace gives it \return packets dropped for it
    uint64_t GetDrops(const std::string& reason) const;
    /// \return system calls that failed (their errno is in the Error trace)
    uint64_t GetErrors() const;
    /// \param outcome an outcome as the MssFix trace gives it ("clamped", "small", "no
    /// option", "malformed") \return TCP SYNs (or malformed TCP packets) seen with it
    uint64_t GetMssFixes(const std::string& outcome) const;

    /// Signature of the MssFix trace: the outcome, the MSS found and the MSS kept.
    typedef void (*MssFixTracedCallback)(const std::string& outcome,
                                         uint16_t before,
                                         uint16_t after);

    /// Signature of the Drop trace: why, and the bytes of the dropped packet.
    typedef void (*DropTracedCallback)(const std::string& reason, uint32_t bytes);
    /// Signature of the TunToPeer and PeerToTun traces: the bytes moved.
    typedef void (*PacketTracedCallback)(const std::vector<uint8_t>& bytes);
    /// Signature of the Error trace: the call and its BSD errno name.
    typedef void (*ErrorTracedCallback)(const std::string& call, const std::string& error);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// Open /dev/tun<unit>, or the next unit when TunDevice is "auto". \param unit
    void OpenTun(uint32_t unit);
    /// The tun is open: the mode ioctls, then the socket.
    void ConfigureTun();
    /// Make and bind the socket, then loop.
    void OpenSocket();
    /// Poll both descriptors (the top of the daemon's loop).
    void Loop();
    /// Poll returned: read tun if it is ready, then the socket. \param error \param n
    /// \param fds
    void Polled(int error, int n, const std::vector<BsdProcess::PollFd>& fds);
    /// After tun: read the socket if the poll found it ready, else loop.
    void AfterTun();
    /// A packet came from tun: send it to the peer. \param error \param data
    void TunRead(int error, const std::vector<uint8_t>& data);
    /// The datagram to the peer is sent. \param error \param n
    void PeerSent(int error, int64_t n);
    /// A datagram came from the peer: write it to tun. \param error \param data
    /// \param from the sender
    void PeerRead(int error, const std::vector<uint8_t>& data, const Address& from);
    /// The packet from the peer is written to tun. \param error \param n
    void TunWritten(int error, int64_t n);
    /**
     * Count the packet in hand as moved, or its call as failed and the packet as dropped.
     * \param error the call's outcome \param call its name \param dropped the drop
     * reason's prefix \param packets \param bytes the direction's counters \param trace
     * the direction's trace
     */
    void Count(int error,
               const char* call,
               const char* dropped,
               uint64_t& packets,
               uint64_t& bytes,
               TracedCallback<const std::vector<uint8_t>&>& trace);
    /// Apply MssFix to a datagram before it is sent or written. \param datagram
    void FixMss(std::vector<uint8_t>& datagram);
    /// Count and trace a drop. \param reason \param bytes
    void Dropped(const std::string& reason, uint32_t bytes);
    /// Count and trace a failed call. \param call \param error
    void Failed(const std::string& call, int error);
    /// \return the peer as a socket address
    Address PeerSocketAddress() const;

    std::string m_tunDevice; //!< TunDevice attribute
    Address m_peerAddress;   //!< PeerAddress attribute (Ipv4Address or Ipv6Address)
    uint16_t m_peerPort;     //!< PeerPort attribute
    uint16_t m_localPort;    //!< LocalPort attribute
    uint32_t m_readSize;     //!< ReadSize attribute
    bool m_multicast;        //!< Multicast attribute
    uint32_t m_mssFix;       //!< MssFix attribute (0: off)

    /// ProcessName attribute: the daemon's p_comm
    std::string m_processName;

    Ptr<BsdProcess> m_process;               //!< the daemon
    std::string m_tunPath;                   //!< the tun it opened
    int m_tunFd{-1};                         //!< its tun descriptor
    int m_sockFd{-1};                        //!< its socket
    uint64_t m_tunToPeerPackets{0};          //!< counters
    uint64_t m_tunToPeerBytes{0};            //!< counters
    uint64_t m_peerToTunPackets{0};          //!< counters
    uint64_t m_peerToTunBytes{0};            //!< counters
    uint64_t m_errors{0};                    //!< failed calls
    std::map<std::string, uint64_t> m_drops; //!< by reason
    std::map<std::string, uint64_t> m_mss;   //!< MssFix outcomes

    // The loop's state between calls, and its completions, made with the object.
    bool m_peerReady{false};                   //!< the poll found a datagram queued
    std::vector<uint8_t> m_packet;             //!< the packet being moved, for the traces
    BsdProcess::PollCallback m_polled;         //!< -> Polled
    std::vector<BsdProcess::PollFd> m_pollFds; //!< the entries of each poll
    BsdProcess::ReadCallback m_tunRead;        //!< -> TunRead
    BsdProcess::WriteCallback m_peerSent;      //!< -> PeerSent
    BsdProcess::RecvFromCallback m_peerRead;   //!< -> PeerRead
    BsdProcess::WriteCallback m_tunWritten;    //!< -> TunWritten

    TracedCallback<const std::vector<uint8_t>&> m_tunToPeerTrace;         //!< TunToPeer
    TracedCallback<const std::vector<uint8_t>&> m_peerToTunTrace;         //!< PeerToTun
    TracedCallback<const std::string&, uint32_t> m_dropTrace;             //!< Drop
    TracedCallback<const std::string&, const std::string&> m_errorTrace;  //!< Error
    TracedCallback<const std::string&, uint16_t, uint16_t> m_mssFixTrace; //!< MssFix
};

} // namespace ns3

#endif /* TUN_TUNNEL_H */
