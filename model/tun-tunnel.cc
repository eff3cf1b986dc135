/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-tunnel.h"

#include "bsd-errno.h"
#include "bsd-if.h"
#include "socket-file.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cstring>
#include <memory>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunTunnel");

NS_OBJECT_ENSURE_REGISTERED(TunTunnel);

namespace
{

/// OpenVPN's dynamic tun names: /dev/tun0 to /dev/tun255.
constexpr uint32_t AUTO_UNITS = 256;

/// The 4 bytes of an int ioctl parameter.
std::vector<uint8_t>
IntArg(int32_t v)
{
    std::vector<uint8_t> b(4);
    std::memcpy(b.data(), &v, 4);
    return b;
}

} // namespace

TypeId
TunTunnel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TunTunnel")
            .SetParent<Application>()
            .SetGroupName("Tun")
            .AddConstructor<TunTunnel>()
            .AddAttribute("TunDevice",
                          "The tun device to open, or \"auto\" for the first of /dev/tun0 "
                          "to /dev/tun255 that opens.",
                          StringValue("/dev/tun0"),
                          MakeStringAccessor(&TunTunnel::m_tunDevice),
                          MakeStringChecker())
            .AddAttribute("PeerAddress",
                          "The other end's underlay address (Ipv4Address or Ipv6Address); "
                          "its family is the socket's.",
                          AddressValue(),
                          MakeAddressAccessor(&TunTunnel::m_peerAddress),
                          MakeAddressChecker())
            .AddAttribute("ProcessName",
                          "The daemon's process name in system call traces (p_comm).",
                          StringValue("tunnel"),
                          MakeStringAccessor(&TunTunnel::m_processName),
                          MakeStringChecker())
            .AddAttribute(
                "PeerPort",
                "The other end's UDP port (not OpenVPN's 1194, which Wireshark decodes as "
                "OpenVPN).",
                UintegerValue(DEFAULT_PORT),
                MakeUintegerAccessor(&TunTunnel::m_peerPort),
                MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("LocalPort",
                          "The UDP port the socket is bound to.",
                          UintegerValue(DEFAULT_PORT),
                          MakeUintegerAccessor(&TunTunnel::m_localPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("ReadSize",
                          "The read buffer for both descriptors: a longer packet or "
                          "datagram is cut (tunread, soreceive).",
                          UintegerValue(TUNMRU),
                          MakeUintegerAccessor(&TunTunnel::m_readSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Multicast",
                          "Ask TUNSIFMODE for IFF_POINTOPOINT|IFF_MULTICAST, as OpenVPN "
                          "does; the 2001 driver answers EINVAL, which is only logged.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TunTunnel::m_multicast),
                          MakeBooleanChecker())
            .AddTraceSource("TunToPeer",
                            "A packet read from tun was sent to the peer.",
                            MakeTraceSourceAccessor(&TunTunnel::m_tunToPeerTrace),
                            "ns3::TunTunnel::PacketTracedCallback")
            .AddTraceSource("PeerToTun",
                            "A datagram from the peer was written to tun.",
                            MakeTraceSourceAccessor(&TunTunnel::m_peerToTunTrace),
                            "ns3::TunTunnel::PacketTracedCallback")
            .AddTraceSource("Drop",
                            "A packet was dropped: \"short datagram\", \"unknown family\", "
                            "\"tun write <errno>\" or \"socket send <errno>\".",
                            MakeTraceSourceAccessor(&TunTunnel::m_dropTrace),
                            "ns3::TunTunnel::DropTracedCallback")
            .AddTraceSource("Error",
                            "A system call of the daemon failed.",
                            MakeTraceSourceAccessor(&TunTunnel::m_errorTrace),
                            "ns3::TunTunnel::ErrorTracedCallback");
    return tid;
}

TunTunnel::TunTunnel()
    : m_peerPort(DEFAULT_PORT),
      m_localPort(DEFAULT_PORT),
      m_readSize(TUNMRU),
      m_multicast(true),
      m_polled(MakeCallback(&TunTunnel::Polled, this)),
      m_tunRead(MakeCallback(&TunTunnel::TunRead, this)),
      m_peerSent(MakeCallback(&TunTunnel::PeerSent, this)),
      m_peerRead(MakeCallback(&TunTunnel::PeerRead, this)),
      m_tunWritten(MakeCallback(&TunTunnel::TunWritten, this))
{
}

TunTunnel::~TunTunnel() = default;

void
TunTunnel::DoDispose()
{
    m_process = nullptr;
    Application::DoDispose();
}

Ptr<BsdProcess>
TunTunnel::GetProcess() const
{
    return m_process;
}

std::string
TunTunnel::GetTunPath() const
{
    return m_tunPath;
}

uint64_t
TunTunnel::GetTunToPeerPackets() const
{
    return m_tunToPeerPackets;
}

uint64_t
TunTunnel::GetTunToPeerBytes() const
{
    return m_tunToPeerBytes;
}

uint64_t
TunTunnel::GetPeerToTunPackets() const
{
    return m_peerToTunPackets;
}

uint64_t
TunTunnel::GetPeerToTunBytes() const
{
    return m_peerToTunBytes;
}

uint64_t
TunTunnel::GetDrops() const
{
    uint64_t n = 0;
    for (const auto& [reason, count] : m_drops)
    {
        n += count;
    }
    return n;
}

uint64_t
TunTunnel::GetDrops(const std::string& reason) const
{
    auto it = m_drops.find(reason);
    return it == m_drops.end() ? 0 : it->second;
}

uint64_t
TunTunnel::GetErrors() const
{
    return m_errors;
}

void
TunTunnel::Dropped(const std::string& reason, uint32_t bytes)
{
    ++m_drops[reason];
    NS_LOG_INFO("tunnel pid " << m_process->GetPid() << ": drop " << bytes << " bytes: " << reason);
    m_dropTrace(reason, bytes);
}

void
TunTunnel::Failed(const std::string& call, int error)
{
    ++m_errors;
    NS_LOG_WARN("tunnel pid " << m_process->GetPid() << ": " << call << ": "
                              << BsdErrnoName(error));
    m_errorTrace(call, BsdErrnoName(error));
}

Address
TunTunnel::PeerSocketAddress() const
{
    if (Ipv6Address::IsMatchingType(m_peerAddress))
    {
        return Inet6SocketAddress(Ipv6Address::ConvertFrom(m_peerAddress), m_peerPort);
    }
    return InetSocketAddress(Ipv4Address::ConvertFrom(m_peerAddress), m_peerPort);
}

void
TunTunnel::StartApplication()
{
    NS_ABORT_MSG_IF(!Ipv4Address::IsMatchingType(m_peerAddress) &&
                        !Ipv6Address::IsMatchingType(m_peerAddress),
                    "TunTunnel: PeerAddress must be an Ipv4Address or an Ipv6Address");
    m_process = CreateObject<BsdProcess>();
    m_process->SetName(m_processName);
    m_process->Attach(GetNode());
    OpenTun(0);
}

void
TunTunnel::StopApplication()
{
    if (m_process)
    {
        m_process->Exit();
    }
}

void
TunTunnel::OpenTun(uint32_t unit)
{
    bool automatic = m_tunDevice == "auto";
    std::string path = automatic ? "/dev/tun" + std::to_string(unit) : m_tunDevice;
    m_process->Open(path, BSD_O_RDWR, [this, automatic, unit, path](int error, int fd) {
        if (error != BSD_OK)
        {
            // open_tun_generic: any failure moves on to the next dynamic name.
            if (automatic && unit + 1 < AUTO_UNITS)
            {
                OpenTun(unit + 1);
                return;
            }
            Failed("open " + (automatic ? std::string("/dev/tun*") : path), error);
            return;
        }
        m_tunFd = fd;
        m_tunPath = path;
        ConfigureTun();
    });
}

void
TunTunnel::ConfigureTun()
{
    Ptr<BsdProcess> p = m_process;
    // set_nonblock, set_cloexec
    p->Fcntl(m_tunFd, BsdProcess::F_SETFL, BSD_O_NONBLOCK, [this, p](int error, int32_t) {
        if (error != BSD_OK)
        {
            Failed("fcntl F_SETFL", error);
        }
        p->Fcntl(m_tunFd, BsdProcess::F_SETFD, 1, [this, p](int error, int32_t) {
            if (error != BSD_OK)
            {
                Failed("fcntl F_SETFD", error);
            }
            int32_t mode = BSD_IFF_POINTOPOINT | (m_multicast ? int32_t(BSD_IFF_MULTICAST) : 0);
            p->Ioctl(m_tunFd,
                     TUNSIFMODE,
                     IntArg(mode),
                     [this, p](int error, const std::vector<uint8_t>&) {
                         if (error != BSD_OK)
                         {
                             Failed("ioctl TUNSIFMODE", error); // logged, not fatal
                         }
                         p->Ioctl(m_tunFd,
                                  TUNSIFHEAD,
                                  IntArg(1),
                                  [this](int error, const std::vector<uint8_t>&) {
                                      if (error != BSD_OK)
                                      {
                                          Failed("ioctl TUNSIFHEAD", error);
                                      }
                                      OpenSocket();
                                  });
                     });
        });
    });
}

void
TunTunnel::OpenSocket()
{
    Ptr<BsdProcess> p = m_process;
    bool v6 = Ipv6Address::IsMatchingType(m_peerAddress);
    p->Socket(v6 ? BSD_AF_INET6 : BSD_AF_INET, BSD_SOCK_DGRAM, [this, p, v6](int error, int fd) {
        if (error != BSD_OK)
        {
            Failed("socket", error);
            return;
        }
        m_sockFd = fd;
        Address local = v6 ? Address(Inet6SocketAddress(Ipv6Address::GetAny(), m_localPort))
                           : Address(InetSocketAddress(Ipv4Address::GetAny(), m_localPort));
        p->Bind(m_sockFd, local, [this, p](int error) {
            if (error != BSD_OK)
            {
                Failed("bind", error);
                return;
            }
            p->Fcntl(m_sockFd, BsdProcess::F_SETFL, BSD_O_NONBLOCK, [this](int error, int32_t) {
                if (error != BSD_OK)
                {
                    Failed("fcntl F_SETFL", error);
                }
                Loop();
            });
        });
    });
}

void
TunTunnel::Loop()
{
    if (!m_process->IsAlive())
    {
        return;
    }
    m_pollFds.assign(
        {{m_tunFd, BSD_POLLIN, 0}, {m_sockFd, BSD_POLLIN, 0}}); // no allocation after the first
    m_process->Poll(m_pollFds, Time(-1), m_polled);
}

void
TunTunnel::Polled(int error, int, const std::vector<BsdProcess::PollFd>& fds)
{
    if (error != BSD_OK)
    {
        Failed("poll", error);
        Loop();
        return;
    }
    m_peerReady = fds[1].revents & BSD_POLLIN;
    if (fds[0].revents & BSD_POLLIN)
    {
        m_process->Read(m_tunFd, m_readSize, m_tunRead);
        return;
    }
    AfterTun();
}

void
TunTunnel::AfterTun()
{
    if (m_peerReady)
    {
        m_process->RecvFrom(m_sockFd, m_readSize, m_peerRead);
        return;
    }
    Loop();
}

void
TunTunnel::TunRead(int error, const std::vector<uint8_t>& data)
{
    if (error != BSD_OK)
    {
        if (error != BSD_EWOULDBLOCK)
        {
            Failed("read tun", error);
        }
        AfterTun();
        return;
    }
    m_packet.assign(data.begin(), data.end());
    m_process->SendTo(m_sockFd, data, PeerSocketAddress(), m_peerSent);
}

void
TunTunnel::PeerSent(int error, int64_t)
{
    Count(error, "sendto", "socket send ", m_tunToPeerPackets, m_tunToPeerBytes, m_tunToPeerTrace);
    AfterTun();
}

void
TunTunnel::PeerRead(int error, const std::vector<uint8_t>& data, const Address&)
{
    if (error != BSD_OK)
    {
        if (error != BSD_EWOULDBLOCK)
        {
            Failed("recvfrom", error);
        }
        Loop();
        return;
    }
    if (data.size() < 4)
    {
        Dropped("short datagram", data.size());
        Loop();
        return;
    }
    uint32_t family =
        (uint32_t(data[0]) << 24) | (uint32_t(data[1]) << 16) | (uint32_t(data[2]) << 8) | data[3];
    if (family != BSD_AF_INET && family != BSD_AF_INET6)
    {
        Dropped("unknown family", data.size());
        Loop();
        return;
    }
    m_packet.assign(data.begin(), data.end());
    m_process->Write(m_tunFd, data, m_tunWritten);
}

void
TunTunnel::TunWritten(int error, int64_t)
{
    Count(error, "write tun", "tun write ", m_peerToTunPackets, m_peerToTunBytes, m_peerToTunTrace);
    Loop();
}

void
TunTunnel::Count(int error,
                 const char* call,
                 const char* dropped,
                 uint64_t& packets,
                 uint64_t& bytes,
                 TracedCallback<const std::vector<uint8_t>&>& trace)
{
    if (error != BSD_OK)
    {
        Failed(call, error);
        Dropped(std::string(dropped) + BsdErrnoName(error), m_packet.size());
        return;
    }
    ++packets;
    bytes += m_packet.size();
    trace(m_packet);
}

} // namespace ns3
