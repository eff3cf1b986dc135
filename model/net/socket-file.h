/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SOCKET_FILE_H
#define SOCKET_FILE_H

#include "ns3/address.h"
#include "ns3/front-queue.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/sel-info.h"
#include "ns3/sigio-owner.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <memory>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The file operations of a UDP socket descriptor (FreeBSD 4's socketops: soo_read,
 * soo_write, soo_ioctl, soo_poll, soo_close), backed by an ns-3 UdpSocket.
 */

namespace ns3
{

class Node;
class BsdProcess;
class ProcessTable;

/// \ingroup tun
/// Socket types (sys/socket.h).
enum BsdSocketType : int32_t
{
    BSD_SOCK_STREAM = 1,
    BSD_SOCK_DGRAM = 2,
    BSD_SOCK_RAW = 3,
};

/// Sleep priority of socket buffer waits (PSOCK, sys/param.h).
constexpr int32_t BSD_PSOCK = 24;

/**
 * \ingroup tun
 * \brief A UDP socket as a simulated process holds it: the socket layer between the
 * descriptor and an ns-3 UdpSocket on the process's node.
 *
 * The ns-3 socket carries the datagrams; this layer keeps what the BSD socket layer
 * adds on top: the receive buffer so_rcv with its high-water mark (udp_input drops a
 * datagram that does not fit, counted as udps_fullsock), one datagram per read with
 * the excess of a long one discarded (soreceive on a PR_ATOMIC protocol, MSG_TRUNC),
 * blocking reads that sleep on the buffer (sbwait) unless SS_NBIO is set, poll
 * (sopoll) and SIGIO (FIOASYNC with an owner, sowakeup).
 *
 * Every call returns a BsdErrno; Receive may return BSD_ESLEEP after the caller's
 * Tsleep, as a driver's read does, and the process's dispatcher parks it.
 *
 * Simplifications: so_rcv counts bytes (sb_cc: the sockaddr and the data of each
 * datagram) but not mbufs (sb_mbcnt against sb_mbmax), so a flood of tiny datagrams
 * is held back only by sb_hiwat. The send buffer of a UDP socket never holds data
 * (udp_output goes straight to ip_output), so a socket is always writable; only the
 * size limit of sosend (so_snd.sb_hiwat, EMSGSIZE) is modelled.
 */
class SocketFile : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SocketFile();
    ~SocketFile() override;

    /// Which kernel's socreate() decides the errors of an unsupported socket().
    enum SocreateErrors
    {
        /// FreeBSD 4 (2001): whatever pffindtype() does not find is EPROTONOSUPPORT.
        FREEBSD_2001,
        /// Later FreeBSD: an unknown domain is EAFNOSUPPORT, a known domain without
        /// the type EPROTOTYPE, otherwise EPROTONOSUPPORT.
        FREEBSD_LATER,
    };

    /// A datagram read (soreceive): filled in, possibly after a sleep.
    struct RecvRequest
    {
        uint32_t resid{0};         //!< the read buffer's size
        std::vector<uint8_t> data; //!< what was read: at most resid bytes
        Address from;              //!< the sender (InetSocketAddress, Inet6SocketAddress)
        bool truncated{false};     //!< MSG_TRUNC: the rest of the datagram was discarded
    };

    /**
     * socreate: make a socket of \p domain and \p type on \p node. Only UDP is there:
     * AF_INET or AF_INET6 with SOCK_DGRAM; other types of those domains (TCP, raw IP)
     * are not modelled and give EPROTONOSUPPORT.
     * \param node the node whose stack carries the datagrams (needs the Internet stack)
     * \param domain BSD_AF_INET or BSD_AF_INET6
     * \param type BSD_SOCK_DGRAM
     * \return 0, EPROTONOSUPPORT, or with FREEBSD_LATER EAFNOSUPPORT or EPROTOTYPE
     */
    int Create(Ptr<Node> node, int32_t domain, int32_t type);

    /**
     * sobind (in_pcbbind): give the socket its local address and port (0: any).
     * \param address InetSocketAddress or Inet6SocketAddress, as the domain
     * \return 0, EAFNOSUPPORT (other family), EINVAL (already bound), EADDRNOTAVAIL (not
     *         an address of the node), EADDRINUSE
     */
    int Bind(const Address& address);

    /**
     * soconnect (udp_connect): fix the peer; binds an unbound socket first, as
     * in_pcbconnect does. A connected socket may connect again elsewhere.
     * \param address the peer
     * \return 0, EAFNOSUPPORT, EADDRNOTAVAIL (port 0)
     */
    int Connect(const Address& address);

    /**
     * sosend (udp_output): one datagram.
     * \param data the bytes \param size their count
     * \param to the destination, or null for the connected peer
     * \return 0, EDESTADDRREQ (no destination), EMSGSIZE (over SendSpace), EISCONN
     *         (a destination on a connected socket), EAFNOSUPPORT, EHOSTUNREACH...
     */
    int Send(const uint8_t* data, std::size_t size, const Address* to);

    /**
     * soreceive: take the first datagram, or sleep for one (sbwait) unless the socket
     * is non-blocking (EWOULDBLOCK).
     * \param caller the reading process (its Tsleep is used)
     * \param req the request, kept alive by the caller until the read completes
     * \return 0, EWOULDBLOCK, BSD_ESLEEP, or the sleep's EINTR/ERESTART
     */
    int Receive(Ptr<BsdProcess> caller, RecvRequest* req);

    /**
     * sopoll: POLLIN/POLLRDNORM while a datagram is queued, POLLOUT/POLLWRNORM always;
     * when nothing asked for is ready the caller is recorded for selwakeup.
     * \param caller the polling process \param events what it asks for
     * \return the events ready
     */
    int32_t Poll(Ptr<BsdProcess> caller, int32_t events);

    /**
     * soo_ioctl: FIONBIO (SS_NBIO), FIOASYNC (SS_ASYNC), FIONREAD (so_rcv.sb_cc, which
     * counts the sender's address too), FIOSETOWN/FIOGETOWN, TIOCSPGRP/TIOCGPGRP; the
     * interface commands (group 'i') go to ifioctl (bsd-ifioctl.h).
     * \param caller the calling process (for its table, FIOSETOWN, and its uid)
     * \param cmd the command \param data the parameter, IOCPARM_LEN(cmd) bytes
     * \return 0, ESRCH (no such owner), ifioctl's answer, or EOPNOTSUPP for anything else
     *         (in_control without an interface)
     */
    int Ioctl(Ptr<BsdProcess> caller, uint32_t cmd, uint8_t* data);

    /// soclose: the ns-3 socket is closed and queued datagrams are freed.
    void Close();

    int32_t GetDomain() const;              //!< \return BSD_AF_INET or BSD_AF_INET6
    bool IsNonBlocking() const;             //!< \return SS_NBIO
    bool IsConnected() const;               //!< \return SS_ISCONNECTED
    Address GetPeer() const;                //!< \return the connected peer (getpeername)
    Address GetLocal() const;               //!< \return the local address (getsockname)
    uint32_t GetQueuedBytes() const;        //!< \return so_rcv.sb_cc
    std::size_t GetQueuedDatagrams() const; //!< \return datagrams in so_rcv
    uint64_t GetReceiveDrops() const;       //!< \return datagrams dropped on a full so_rcv
    Ptr<Socket> GetSocket() const;          //!< \return the ns-3 socket
    std::size_t GetRecordedPollers() const; //!< \return processes waiting in poll

    /**
     * \param error an ns-3 Socket::SocketErrno \return the BSD errno a BSD kernel gives
     */
    static int ErrnoFromNs3(Socket::SocketErrno error);

    /// Signature of the Drop trace: the datagram and its sender.
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, const Address& from);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// One datagram of so_rcv: its sender (the MT_SONAME mbuf) and its data.
    struct Datagram
    {
        Ptr<Packet> packet; //!< the data
        Address from;       //!< the sender
        uint32_t charge;    //!< what it counts in sb_cc
    };

    /// The ns-3 socket has data: udp_input's sbappendaddr for each datagram.
    void DataArrived(Ptr<Socket> socket);
    /// sorwakeup: pollers, sleepers and the SIGIO owner.
    void Sorwakeup();
    /// \param address an address \return whether its family is the socket's
    bool FamilyMatches(const Address& address) const;
    /// Drop the ns-3 socket's callback to this object.
    void Detach();

    uint32_t m_recvSpace;       //!< RecvSpace attribute: so_rcv.sb_hiwat
    uint32_t m_sendSpace;       //!< SendSpace attribute: so_snd.sb_hiwat
    SocreateErrors m_variant;   //!< SocreateErrors attribute
    int32_t m_domain{0};        //!< AF_INET or AF_INET6
    Ptr<Socket> m_socket;       //!< the ns-3 UDP socket
    Ptr<ProcessTable> m_table;  //!< the node's processes: wakeup() and SIGIO
    bool m_nbio{false};         //!< SS_NBIO
    bool m_async{false};        //!< SS_ASYNC
    bool m_bound{false};        //!< inp_lport != 0
    bool m_connected{false};    //!< SS_ISCONNECTED
    Address m_peer;             //!< the connected peer
    FrontQueue<Datagram> m_rcv; //!< so_rcv: one record per datagram
    uint32_t m_rcvCc{0};        //!< so_rcv.sb_cc; its address is the sleep channel
    uint64_t m_drops{0};        //!< udps_fullsock for this socket
    SelInfo m_rsel;             //!< so_rcv.sb_sel
    SigioOwner m_sigio;         //!< so_sigio
    TracedCallback<Ptr<const Packet>, const Address&> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif /* SOCKET_FILE_H */
