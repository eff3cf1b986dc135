/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "socket-file.h"

#include "bsd-if.h"
#include "bsd-ifioctl.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-fcntl.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-process.h"
#include "ns3/bsd-signal.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/process-table.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SocketFile");

NS_OBJECT_ENSURE_REGISTERED(SocketFile);

namespace
{

/// sa_len of the sender's address, which sbappendaddr charges to sb_cc.
uint32_t
SockaddrLength(const Address& address)
{
    return Inet6SocketAddress::IsMatchingType(address) ? 28 : 16; // sockaddr_in6, sockaddr_in
}

/// Whether \p a and \p b name the same address and port (the pcb's foreign pair).
bool
SamePeer(const Address& a, const Address& b)
{
    if (InetSocketAddress::IsMatchingType(a) && InetSocketAddress::IsMatchingType(b))
    {
        InetSocketAddress x = InetSocketAddress::ConvertFrom(a);
        InetSocketAddress y = InetSocketAddress::ConvertFrom(b);
        return x.GetIpv4() == y.GetIpv4() && x.GetPort() == y.GetPort();
    }
    if (Inet6SocketAddress::IsMatchingType(a) && Inet6SocketAddress::IsMatchingType(b))
    {
        Inet6SocketAddress x = Inet6SocketAddress::ConvertFrom(a);
        Inet6SocketAddress y = Inet6SocketAddress::ConvertFrom(b);
        return x.GetIpv6() == y.GetIpv6() && x.GetPort() == y.GetPort();
    }
    return false;
}

} // namespace

TypeId
SocketFile::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SocketFile")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<SocketFile>()
            .AddAttribute("RecvSpace",
                          "so_rcv.sb_hiwat: bytes (each datagram's data plus its sender's "
                          "sockaddr) the receive buffer holds. FreeBSD 4's "
                          "net.inet.udp.recvspace, 40 * (1024 + sizeof(struct sockaddr_in6)) "
                          "in a kernel with INET6 (udp_usrreq.c).",
                          UintegerValue(42080),
                          MakeUintegerAccessor(&SocketFile::m_recvSpace),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SendSpace",
                          "so_snd.sb_hiwat: the longest datagram sosend accepts (EMSGSIZE "
                          "above). FreeBSD 4's net.inet.udp.maxdgram, 9216 (udp_usrreq.c).",
                          UintegerValue(9216),
                          MakeUintegerAccessor(&SocketFile::m_sendSpace),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SocreateErrors",
                          "Which socreate() answers an unsupported socket(): FreeBSD 4's "
                          "(EPROTONOSUPPORT for all) or later FreeBSD's (EAFNOSUPPORT for "
                          "an unknown domain, EPROTOTYPE for an unknown type).",
                          EnumValue(SocketFile::FREEBSD_2001),
                          MakeEnumAccessor(&SocketFile::m_variant),
                          MakeEnumChecker(SocketFile::FREEBSD_2001,
                                          "FreeBSD2001",
                                          SocketFile::FREEBSD_LATER,
                                          "FreeBSDLater"))
            .AddTraceSource("Drop",
                            "A datagram did not fit in so_rcv and was dropped (udps_fullsock).",
                            MakeTraceSourceAccessor(&SocketFile::m_dropTrace),
                            "ns3::SocketFile::DropTracedCallback");
    return tid;
}

SocketFile::SocketFile()
    : m_recvSpace(42080),
      m_sendSpace(9216),
      m_variant(FREEBSD_2001)
{
}

SocketFile::~SocketFile()
{
    Detach();
}

void
SocketFile::DoDispose()
{
    Detach();
    m_socket = nullptr;
    m_table = nullptr;
    m_rcv.clear();
    m_rsel.Clear();
    Object::DoDispose();
}

void
SocketFile::Detach()
{
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

int
SocketFile::ErrnoFromNs3(Socket::SocketErrno error)
{
    switch (error)
    {
    case Socket::ERROR_NOTERROR:
        return BSD_OK;
    case Socket::ERROR_ISCONN:
        return BSD_EISCONN;
    case Socket::ERROR_NOTCONN:
        return BSD_ENOTCONN;
    case Socket::ERROR_MSGSIZE:
        return BSD_EMSGSIZE;
    case Socket::ERROR_AGAIN:
        return BSD_EWOULDBLOCK;
    case Socket::ERROR_SHUTDOWN:
        return BSD_EPIPE;
    case Socket::ERROR_OPNOTSUPP:
        return BSD_EOPNOTSUPP;
    case Socket::ERROR_AFNOSUPPORT:
        return BSD_EAFNOSUPPORT;
    case Socket::ERROR_INVAL:
        return BSD_EINVAL;
    case Socket::ERROR_BADF:
        return BSD_EBADF;
    case Socket::ERROR_NOROUTETOHOST:
        return BSD_EHOSTUNREACH; // ip_output without a route
    case Socket::ERROR_NODEV:
        return BSD_ENXIO;
    case Socket::ERROR_ADDRNOTAVAIL:
        return BSD_EADDRNOTAVAIL;
    case Socket::ERROR_ADDRINUSE:
        return BSD_EADDRINUSE;
    default:
        return BSD_EIO;
    }
}

int
SocketFile::Create(Ptr<Node> node, int32_t domain, int32_t type)
{
    NS_ABORT_MSG_IF(m_socket, "SocketFile::Create: already created");
    bool knownDomain = domain == BSD_AF_INET || domain == BSD_AF_INET6;
    // The domains' protosw tables have SOCK_STREAM, SOCK_DGRAM and SOCK_RAW; only the
    // UDP entry is modelled, the others answer as if pru_attach were missing.
    bool knownType = type == BSD_SOCK_STREAM || type == BSD_SOCK_DGRAM || type == BSD_SOCK_RAW;
    if (!knownDomain || type != BSD_SOCK_DGRAM)
    {
        if (m_variant == FREEBSD_LATER && !knownDomain)
        {
            return BSD_EAFNOSUPPORT; // pffinddomain() failed
        }
        if (m_variant == FREEBSD_LATER && !knownType)
        {
            return BSD_EPROTOTYPE; // protocol 0 and no entry of that type
        }
        return BSD_EPROTONOSUPPORT;
    }
    bool hasStack = domain == BSD_AF_INET ? node->GetObject<Ipv4>() != nullptr
                                          : node->GetObject<Ipv6>() != nullptr;
    if (!hasStack)
    {
        return BSD_EPROTONOSUPPORT; // no such domain in this kernel
    }
    m_domain = domain;
    m_table = BsdKernel::Install(node)->GetProcessTable();
    m_socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
    m_socket->SetRecvCallback(MakeCallback(&SocketFile::DataArrived, this));
    return BSD_OK;
}

bool
SocketFile::FamilyMatches(const Address& address) const
{
    return m_domain == BSD_AF_INET ? InetSocketAddress::IsMatchingType(address)
                                   : Inet6SocketAddress::IsMatchingType(address);
}

int
SocketFile::Bind(const Address& address)
{
    if (!FamilyMatches(address))
    {
        return BSD_EAFNOSUPPORT;
    }
    if (m_bound)
    {
        return BSD_EINVAL; // in_pcbbind: inp_lport is set
    }
    Ptr<Node> node = m_socket->GetNode();
    // in_pcbbind: a specific address must be one of the node's (ifa_ifwithaddr).
    if (m_domain == BSD_AF_INET)
    {
        Ipv4Address a = InetSocketAddress::ConvertFrom(address).GetIpv4();
        if (!a.IsAny() && node->GetObject<Ipv4>()->GetInterfaceForAddress(a) < 0)
        {
            return BSD_EADDRNOTAVAIL;
        }
    }
    else
    {
        Ipv6Address a = Inet6SocketAddress::ConvertFrom(address).GetIpv6();
        if (!a.IsAny() && node->GetObject<Ipv6>()->GetInterfaceForAddress(a) < 0)
        {
            return BSD_EADDRNOTAVAIL;
        }
    }
    if (m_socket->Bind(address) < 0)
    {
        return ErrnoFromNs3(m_socket->GetErrno());
    }
    m_bound = true;
    return BSD_OK;
}

int
SocketFile::Connect(const Address& address)
{
    if (!FamilyMatches(address))
    {
        return BSD_EAFNOSUPPORT;
    }
    uint16_t port = m_domain == BSD_AF_INET ? InetSocketAddress::ConvertFrom(address).GetPort()
                                            : Inet6SocketAddress::ConvertFrom(address).GetPort();
    if (port == 0)
    {
        return BSD_EADDRNOTAVAIL; // in_pcbconnect
    }
    if (!m_bound)
    {
        // in_pcbconnect binds an unbound socket to an ephemeral port, so replies reach it.
        int r = m_domain == BSD_AF_INET ? m_socket->Bind() : m_socket->Bind6();
        if (r < 0)
        {
            return ErrnoFromNs3(m_socket->GetErrno());
        }
        m_bound = true;
    }
    if (m_socket->Connect(address) < 0)
    {
        return ErrnoFromNs3(m_socket->GetErrno());
    }
    m_connected = true;
    m_peer = address;
    return BSD_OK;
}

int
SocketFile::Send(const uint8_t* data, std::size_t size, const Address* to)
{
    // sosend's checks, in its order.
    if (!m_connected && !to)
    {
        return BSD_EDESTADDRREQ;
    }
    if (size > m_sendSpace)
    {
        return BSD_EMSGSIZE; // atomic && resid > so_snd.sb_hiwat
    }
    if (to && !FamilyMatches(*to))
    {
        return BSD_EAFNOSUPPORT;
    }
    if (to && m_connected)
    {
        return BSD_EISCONN; // udp_output: an address on a connected socket
    }
    Ptr<Packet> p = size > 0 ? ns3::Create<Packet>(data, size) : ns3::Create<Packet>();
    int r = to ? m_socket->SendTo(p, 0, *to) : m_socket->Send(p);
    if (r < 0)
    {
        return ErrnoFromNs3(m_socket->GetErrno());
    }
    m_bound = true; // udp_output binds an unbound socket
    return BSD_OK;
}

int
SocketFile::Receive(Ptr<BsdProcess> caller, RecvRequest* req)
{
    if (m_rcv.empty())
    {
        if (m_nbio)
        {
            return BSD_EWOULDBLOCK;
        }
        // sbwait: tsleep(&sb->sb_cc, PSOCK | PCATCH, "sbwait", sb_timeo)
        return caller->Tsleep(&m_rcvCc,
                              BSD_PSOCK | BSD_PCATCH,
                              "sbwait",
                              Time(0),
                              [this, caller, req](int error) {
                                  return error != BSD_OK ? error : Receive(caller, req);
                              });
    }
    Datagram d = m_rcv.front();
    m_rcv.pop_front();
    m_rcvCc -= d.charge;
    // A PR_ATOMIC protocol hands over one record; what does not fit is dropped with it.
    uint32_t n = std::min(req->resid, d.packet->GetSize());
    req->data.resize(n);
    if (n > 0)
    {
        d.packet->CopyData(req->data.data(), n);
    }
    req->from = d.from;
    req->truncated = n < d.packet->GetSize();
    return BSD_OK;
}

int32_t
SocketFile::Poll(Ptr<BsdProcess> caller, int32_t events)
{
    int32_t revents = 0;
    // soreadable: sb_cc >= sb_lowat (1); a queued datagram counts its address at least.
    if ((events & (BSD_POLLIN | BSD_POLLRDNORM)) && m_rcvCc > 0)
    {
        revents |= events & (BSD_POLLIN | BSD_POLLRDNORM);
    }
    // sowriteable: a UDP send buffer never fills.
    revents |= events & (BSD_POLLOUT | BSD_POLLWRNORM);
    if (revents == 0 && (events & (BSD_POLLIN | BSD_POLLRDNORM | BSD_POLLPRI)))
    {
        m_rsel.Record(caller); // selrecord(p, &so->so_rcv.sb_sel)
    }
    return revents;
}

int
SocketFile::Ioctl(Ptr<BsdProcess> caller, uint32_t cmd, uint8_t* data)
{
    int32_t value;
    std::memcpy(&value, data, 4);
    switch (cmd)
    {
    case BSD_FIONBIO:
        m_nbio = value != 0;
        return BSD_OK;
    case BSD_FIOASYNC:
        m_async = value != 0; // also sets SB_ASYNC on both buffers
        return BSD_OK;
    case BSD_FIONREAD:
        value = static_cast<int32_t>(m_rcvCc); // sb_cc: the sender's sockaddr included
        std::memcpy(data, &value, 4);
        return BSD_OK;
    case BSD_FIOSETOWN:
        return m_sigio.Set(value, m_table, caller);
    case BSD_FIOGETOWN:
        value = m_sigio.Get();
        std::memcpy(data, &value, 4);
        return BSD_OK;
    case BSD_TIOCSPGRP:
        return m_sigio.Set(-value, m_table, caller);
    case BSD_TIOCGPGRP:
        value = -m_sigio.Get();
        std::memcpy(data, &value, 4);
        return BSD_OK;
    default:
        break;
    }
    // Interface ioctls: "a socket's unnecessary", but it is how they are reached.
    if (BsdIocgroup(cmd) == 'i' && m_socket)
    {
        uint32_t uid = caller ? caller->GetCred().uid : 0;
        return Ifioctl(m_socket->GetNode(), m_domain, cmd, data, uid);
    }
    NS_LOG_LOGIC("pid " << (caller ? caller->GetPid() : 0) << ": socket ioctl " << std::hex << cmd
                        << " not handled");
    return BSD_EOPNOTSUPP; // pru_control: in_control without an interface
}

void
SocketFile::Close()
{
    if (!m_socket)
    {
        return;
    }
    Detach();
    m_socket->Close();
    m_rcv.clear();
    m_rcvCc = 0;
    m_sigio.Clear();
    m_rsel.Wakeup();
}

void
SocketFile::DataArrived(Ptr<Socket> socket)
{
    bool appended = false;
    Address from;
    while (Ptr<Packet> p = socket->RecvFrom(from))
    {
        if (m_connected && !SamePeer(from, m_peer))
        {
            continue; // in_pcblookup_hash would not have matched this pcb
        }
        // sbappendaddr: the sockaddr and the data must fit in sbspace(), else udp_input
        // counts udps_fullsock and frees the datagram.
        uint32_t charge = SockaddrLength(from) + p->GetSize();
        if (charge > m_recvSpace - m_rcvCc)
        {
            ++m_drops;
            NS_LOG_LOGIC("so_rcv full (" << m_rcvCc << " of " << m_recvSpace << "): dropping "
                                         << p->GetSize() << " bytes");
            m_dropTrace(p, from);
            continue;
        }
        m_rcv.push_back(Datagram{p, from, charge});
        m_rcvCc += charge;
        appended = true;
    }
    if (appended)
    {
        Sorwakeup();
    }
}

void
SocketFile::Sorwakeup()
{
    m_rsel.Wakeup();           // selwakeup(&sb->sb_sel)
    m_table->Wakeup(&m_rcvCc); // SB_WAIT: wakeup(&sb->sb_cc)
    if (m_async && m_sigio.IsSet())
    {
        m_sigio.Signal(BSD_SIGIO); // pgsigio(so->so_sigio, SIGIO, 0)
    }
}

int32_t
SocketFile::GetDomain() const
{
    return m_domain;
}

bool
SocketFile::IsNonBlocking() const
{
    return m_nbio;
}

bool
SocketFile::IsConnected() const
{
    return m_connected;
}

Address
SocketFile::GetPeer() const
{
    return m_peer;
}

Address
SocketFile::GetLocal() const
{
    Address a;
    if (m_socket)
    {
        m_socket->GetSockName(a);
    }
    return a;
}

uint32_t
SocketFile::GetQueuedBytes() const
{
    return m_rcvCc;
}

std::size_t
SocketFile::GetQueuedDatagrams() const
{
    return m_rcv.size();
}

uint64_t
SocketFile::GetReceiveDrops() const
{
    return m_drops;
}

Ptr<Socket>
SocketFile::GetSocket() const
{
    return m_socket;
}

std::size_t
SocketFile::GetRecordedPollers() const
{
    return m_rsel.GetRecordedCount();
}

} // namespace ns3
