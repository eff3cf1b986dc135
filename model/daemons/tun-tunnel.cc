/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-tunnel.h"

#include "ns3/boolean.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-if.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/log.h"
#include "ns3/socket-file.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
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

/// IP protocol number of TCP.
constexpr uint8_t IPPROTO_TCP_NUMBER = 6;
/// The TCP header without options, and its SYN flag.
constexpr uint32_t TCP_HEADER = 20;
constexpr uint8_t TCP_SYN = 0x02;
/// TCP option kinds (RFC 9293): end of list, no-operation, maximum segment size.
constexpr uint8_t TCPOPT_EOL = 0;
constexpr uint8_t TCPOPT_NOP = 1;
constexpr uint8_t TCPOPT_MAXSEG = 2;

/// The MssOutcome names of the MssFix trace and GetMssFixes.
const char*
MssOutcomeName(TunTunnel::MssOutcome outcome)
{
    switch (outcome)
    {
    case TunTunnel::MSS_NOT_SYN:
        return "not syn";
    case TunTunnel::MSS_NO_OPTION:
        return "no option";
    case TunTunnel::MSS_SMALL:
        return "small";
    case TunTunnel::MSS_CLAMPED:
        return "clamped";
    case TunTunnel::MSS_MALFORMED:
        return "malformed";
    }
    return "?";
}

uint16_t
Get16(const std::vector<uint8_t>& b, std::size_t at)
{
    return uint16_t((b[at] << 8) | b[at + 1]);
}

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
            .AddAttribute("MssFix",
                          "0: off. Else the largest datagram (family word and IP packet) a "
                          "full TCP segment should make, as OpenVPN's --mssfix: the MSS "
                          "option of TCP SYNs crossing either way is lowered to this less "
                          "4, the IP header (20; IPv6 40) and 20.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TunTunnel::m_mssFix),
                          MakeUintegerChecker<uint32_t>(0, 65535))
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
            .AddTraceSource("MssFix",
                            "MssFix looked at a TCP SYN, or at a malformed TCP packet: "
                            "\"clamped\", \"small\", \"no option\" or \"malformed\", the "
                            "MSS found and the MSS kept.",
                            MakeTraceSourceAccessor(&TunTunnel::m_mssFixTrace),
                            "ns3::TunTunnel::MssFixTracedCallback")
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
      m_mssFix(0),
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

uint64_t
TunTunnel::GetMssFixes(const std::string& outcome) const
{
    auto it = m_mss.find(outcome);
    return it == m_mss.end() ? 0 : it->second;
}

uint16_t
TunTunnel::MssFor(uint32_t mssFix, bool v6)
{
    uint32_t overhead = 4 + (v6 ? 40 : 20) + TCP_HEADER;
    return mssFix > overhead ? uint16_t(std::min<uint32_t>(mssFix - overhead, 65535)) : 1;
}

TunTunnel::MssOutcome
TunTunnel::ClampMss(std::vector<uint8_t>& d, uint32_t mssFix, uint16_t& before, uint16_t& after)
{
    before = after = 0;
    if (d.size() < 4)
    {
        return MSS_NOT_SYN; // PeerRead drops it
    }
    uint32_t family =
        (uint32_t(d[0]) << 24) | (uint32_t(d[1]) << 16) | (uint32_t(d[2]) << 8) | d[3];
    std::size_t tcp = 0; // where the TCP header begins
    std::size_t end = 0; // where the IP packet ends
    if (family == BSD_AF_INET)
    {
        if (d.size() < 4 + 20 || (d[4] >> 4) != 4)
        {
            return d.size() >= 4 + 10 && d[4 + 9] == IPPROTO_TCP_NUMBER ? MSS_MALFORMED
                                                                        : MSS_NOT_SYN;
        }
        if (d[4 + 9] != IPPROTO_TCP_NUMBER || (Get16(d, 4 + 6) & 0x1fff) != 0)
        {
            return MSS_NOT_SYN; // not TCP, or a fragment without the TCP header
        }
        std::size_t hlen = (d[4] & 0x0f) * 4u;
        std::size_t total = Get16(d, 4 + 2);
        if (hlen < 20 || total < hlen || 4 + total > d.size())
        {
            return MSS_MALFORMED;
        }
        tcp = 4 + hlen;
        end = 4 + total;
    }
    else if (family == BSD_AF_INET6)
    {
        if (d.size() < 4 + 40 || (d[4] >> 4) != 6)
        {
            return d.size() >= 4 + 7 && d[4 + 6] == IPPROTO_TCP_NUMBER ? MSS_MALFORMED
                                                                       : MSS_NOT_SYN;
        }
        if (d[4 + 6] != IPPROTO_TCP_NUMBER)
        {
            return MSS_NOT_SYN; // not TCP, or behind extension headers (mss.c skips those)
        }
        std::size_t payload = Get16(d, 4 + 4);
        if (4 + 40 + payload > d.size())
        {
            return MSS_MALFORMED;
        }
        tcp = 4 + 40;
        end = 4 + 40 + payload;
    }
    else
    {
        return MSS_NOT_SYN;
    }
    if (end - tcp < TCP_HEADER)
    {
        return MSS_MALFORMED;
    }
    std::size_t doff = (d[tcp + 12] >> 4) * 4u;
    if (doff < TCP_HEADER || doff > end - tcp)
    {
        return MSS_MALFORMED;
    }
    if (!(d[tcp + 13] & TCP_SYN))
    {
        return MSS_NOT_SYN;
    }
    uint16_t limit = MssFor(mssFix, family == BSD_AF_INET6);
    // The options, kind by kind; a length that runs past the header is malformed.
    for (std::size_t o = tcp + TCP_HEADER; o < tcp + doff;)
    {
        uint8_t kind = d[o];
        if (kind == TCPOPT_EOL)
        {
            break;
        }
        if (kind == TCPOPT_NOP)
        {
            ++o;
            continue;
        }
        if (o + 1 >= tcp + doff || d[o + 1] < 2 || o + d[o + 1] > tcp + doff)
        {
            return MSS_MALFORMED;
        }
        if (kind == TCPOPT_MAXSEG)
        {
            if (d[o + 1] != 4)
            {
                return MSS_MALFORMED;
            }
            before = after = Get16(d, o + 2);
            if (before <= limit)
            {
                return MSS_SMALL;
            }
            after = limit;
            d[o + 2] = after >> 8;
            d[o + 3] = after & 0xff;
            // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), in ones' complement. The checksum
            // sums 16-bit words from the TCP header's start; a field at an odd offset
            // straddles two words and adds in byte-swapped.
            bool odd = (o + 2 - tcp) % 2 != 0;
            auto word = [odd](uint16_t v) { return odd ? uint16_t((v << 8) | (v >> 8)) : v; };
            uint32_t sum = uint16_t(~Get16(d, tcp + 16)) + uint16_t(~word(before)) + word(after);
            sum = (sum & 0xffff) + (sum >> 16);
            sum = (sum & 0xffff) + (sum >> 16);
            uint16_t check = ~uint16_t(sum);
            d[tcp + 16] = check >> 8;
            d[tcp + 17] = check & 0xff;
            return MSS_CLAMPED;
        }
        o += d[o + 1];
    }
    return MSS_NO_OPTION;
}

void
TunTunnel::FixMss(std::vector<uint8_t>& datagram)
{
    uint16_t before = 0;
    uint16_t after = 0;
    MssOutcome outcome = ClampMss(datagram, m_mssFix, before, after);
    if (outcome == MSS_NOT_SYN)
    {
        return;
    }
    const char* name = MssOutcomeName(outcome);
    ++m_mss[name];
    NS_LOG_INFO("tunnel pid " << m_process->GetPid() << ": mssfix " << name << " " << before
                              << " -> " << after);
    m_mssFixTrace(name, before, after);
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
    if (m_mssFix != 0)
    {
        FixMss(m_packet);
    }
    m_process->SendTo(m_sockFd, m_packet, PeerSocketAddress(), m_peerSent);
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
    if (m_mssFix != 0)
    {
        FixMss(m_packet);
    }
    m_process->Write(m_tunFd, m_packet, m_tunWritten);
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
