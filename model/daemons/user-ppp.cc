/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "user-ppp.h"

#include "ns3/boolean.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-ifioctl.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-signal.h"
#include "ns3/bsd-tty.h"
#include "ns3/cdev.h"
#include "ns3/ipv6-interface-address.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/serial-line.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tun-net-device.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("UserPpp");

NS_OBJECT_ENSURE_REGISTERED(UserPpp);

namespace
{

/// ppp(8)'s MAX_MRU, and struct tun_data's room for it behind the family.
constexpr uint32_t TUN_READ_SIZE = 4 + Lcp::MAX_MRU;
/// What ppp(8) reads from the line at once (physical_Read into a buffer of MAX_MRU).
constexpr uint32_t LINE_READ_SIZE = Lcp::MAX_MRU;
/// Units bundle_Create tries.
constexpr uint32_t MAX_TUN_UNITS = 256;

} // namespace

TypeId
UserPpp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::UserPpp")
            .SetParent<Application>()
            .SetGroupName("Tun")
            .AddConstructor<UserPpp>()
            .AddAttribute("TunDevice",
                          "The tun device; empty takes the first unit that opens, as "
                          "bundle_Create does.",
                          StringValue(""),
                          MakeStringAccessor(&UserPpp::m_tunPath),
                          MakeStringChecker())
            .AddAttribute("SerialDevice",
                          "The serial port the peer is on.",
                          StringValue("/dev/cuaa0"),
                          MakeStringAccessor(&UserPpp::m_serialPath),
                          MakeStringChecker())
            .AddAttribute("ProcessName",
                          "The daemon's process name in system call traces (p_comm).",
                          StringValue("ppp"),
                          MakeStringAccessor(&UserPpp::m_processName),
                          MakeStringChecker())
            .AddAttribute("IfQueue",
                          "Stop reading tun while this many packets wait for the line "
                          "(ppp(8)'s DEF_IFQUEUE).",
                          UintegerValue(30),
                          MakeUintegerAccessor(&UserPpp::m_ifQueue),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Mtu",
                          "The interface MTU set with TUNSIFINFO; 0 uses the peer's MRU, "
                          "a larger value is cut to it.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&UserPpp::m_mtu),
                          MakeUintegerChecker<uint16_t>(0, Lcp::MAX_MRU))
            .AddAttribute("Ipv6",
                          "Run IPV6CP and carry IPv6 (needs TUNSIFHEAD).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&UserPpp::m_ipv6),
                          MakeBooleanChecker())
            .AddAttribute("CarrierCheck",
                          "How often the carrier is read with TIOCMGET (ppp(8): each second).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&UserPpp::m_carrierCheck),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ReopenDelay",
                          "After LCP finishes with the carrier present, start it again this "
                          "much later (-ddial); zero never does.",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&UserPpp::m_reopenDelay),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("Lcp",
                          "The Link Control Protocol, for its attributes (Mru, Accm...).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&UserPpp::m_lcp),
                          MakePointerChecker<Lcp>())
            .AddAttribute("Ipcp",
                          "The IP Control Protocol, for its attributes (LocalAddress...).",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&UserPpp::m_ipcp),
                          MakePointerChecker<Ipcp>())
            .AddAttribute("Ipv6cp",
                          "The IPv6 Control Protocol.",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&UserPpp::m_ipv6cp),
                          MakePointerChecker<Ipv6cp>())
            .AddTraceSource("StateChange",
                            "An LCP, IPCP or IPV6CP transition: protocol, old state, new "
                            "state, event.",
                            MakeTraceSourceAccessor(&UserPpp::m_stateTrace),
                            "ns3::PppFsm::StateChangeTracedCallback")
            .AddTraceSource("Phase",
                            "The bundle phase changed: old, new.",
                            MakeTraceSourceAccessor(&UserPpp::m_phaseTrace),
                            "ns3::UserPpp::PhaseTracedCallback")
            .AddTraceSource("FrameTx",
                            "A frame was written to the line whole: protocol, octets.",
                            MakeTraceSourceAccessor(&UserPpp::m_txTrace),
                            "ns3::UserPpp::FrameTracedCallback")
            .AddTraceSource("FrameRx",
                            "A good frame came from the line: protocol, octets of "
                            "Information.",
                            MakeTraceSourceAccessor(&UserPpp::m_rxTrace),
                            "ns3::UserPpp::FrameTracedCallback")
            .AddTraceSource("FrameDrop",
                            "A frame or packet was dropped: reason, octets.",
                            MakeTraceSourceAccessor(&UserPpp::m_dropTrace),
                            "ns3::UserPpp::FrameDropTracedCallback")
            .AddTraceSource("Queue",
                            "The frames waiting for the line changed: frames, and their "
                            "octets not yet written to the tty.",
                            MakeTraceSourceAccessor(&UserPpp::m_queueTrace),
                            "ns3::UserPpp::QueueTracedCallback");
    return tid;
}

UserPpp::UserPpp()
    : m_ifQueue(30),
      m_mtu(0),
      m_ipv6(false),
      m_carrierCheck(Seconds(1)),
      m_reopenDelay(Seconds(3)),
      m_lcp(CreateObject<Lcp>()),
      m_ipcp(CreateObject<Ipcp>()),
      m_ipv6cp(CreateObject<Ipv6cp>()),
      m_selected(MakeCallback(&UserPpp::Selected, this)),
      m_lineWritten(MakeCallback(&UserPpp::LineWritten, this)),
      m_lineRead(MakeCallback(&UserPpp::LineRead, this)),
      m_tunRead(MakeCallback(&UserPpp::TunRead, this))
{
}

UserPpp::~UserPpp() = default;

void
UserPpp::DoDispose()
{
    m_carrierTimer.Cancel();
    m_reopenTimer.Cancel();
    m_tasks.clear();
    for (Ptr<PppControlProtocol> cp : {Ptr<PppControlProtocol>(m_lcp),
                                       Ptr<PppControlProtocol>(m_ipcp),
                                       Ptr<PppControlProtocol>(m_ipv6cp)})
    {
        cp->Dispose();
    }
    m_lcp = nullptr;
    m_ipcp = nullptr;
    m_ipv6cp = nullptr;
    m_process = nullptr;
    m_tun = nullptr;
    m_stickyRoutes = StickyRoutes(); // drops its device, leaves the routing alone
    Application::DoDispose();
}

std::string
UserPpp::PhaseName(Phase phase)
{
    static const char* names[] = {"Dead", "Establish", "Network", "Terminate"};
    return names[phase];
}

Ptr<BsdProcess>
UserPpp::GetProcess() const
{
    return m_process;
}

Ptr<Lcp>
UserPpp::GetLcp() const
{
    return m_lcp;
}

Ptr<Ipcp>
UserPpp::GetIpcp() const
{
    return m_ipcp;
}

Ptr<Ipv6cp>
UserPpp::GetIpv6cp() const
{
    return m_ipv6cp;
}

UserPpp::Phase
UserPpp::GetPhase() const
{
    return m_phase;
}

Ptr<TunNetDevice>
UserPpp::GetTunDevice() const
{
    return m_tun;
}

const UserPpp::Counters&
UserPpp::GetCounters() const
{
    return m_counters;
}

void
UserPpp::AddStickyRoute(Ipv4Address network, Ipv4Mask mask)
{
    m_stickyRoutes.Add(network, mask);
}

const StickyRoutes&
UserPpp::GetStickyRoutes() const
{
    return m_stickyRoutes;
}

int64_t
UserPpp::AssignStreams(int64_t stream)
{
    m_lcp->AssignStreams(stream);
    m_ipv6cp->AssignStreams(stream + 1);
    return 2;
}

void
UserPpp::SetPhase(Phase phase)
{
    if (phase != m_phase)
    {
        NS_LOG_INFO("ppp pid " << (m_process ? m_process->GetPid() : 0) << ": phase "
                               << PhaseName(m_phase) << " -> " << PhaseName(phase));
        m_phaseTrace(PhaseName(m_phase), PhaseName(phase));
        m_phase = phase;
    }
}

void
UserPpp::Drop(const std::string& reason, uint32_t octets)
{
    ++m_counters.drops[reason];
    m_dropTrace(reason, octets);
}

void
UserPpp::Failed(const std::string& name, int error)
{
    NS_LOG_WARN("ppp: " << name << ": " << BsdErrnoName(error));
    Drop(name + ": " + BsdErrnoName(error), 0);
}

// --- start-up (bundle_Create) ----------------------------------------------------------

void
UserPpp::StartApplication()
{
    m_running = true;
    m_process = CreateObject<BsdProcess>();
    m_process->SetName(m_processName);
    m_process->Attach(GetNode());
    // ppp(8)'s timers run off SIGALRM; here it only has to break the select.
    m_process->SetSignalHandler(BSD_SIGALRM, Callback<void, int32_t>([](int32_t) {}), false);

    for (Ptr<PppControlProtocol> cp : {Ptr<PppControlProtocol>(m_lcp),
                                       Ptr<PppControlProtocol>(m_ipcp),
                                       Ptr<PppControlProtocol>(m_ipv6cp)})
    {
        cp->SetSend([this](uint16_t protocol, const std::vector<uint8_t>& info) {
            SendFrame(protocol, info, true);
        });
        cp->GetFsm()->TraceConnectWithoutContext(
            "StateChange",
            MakeCallback(&TracedCallback<const std::string&,
                                         const std::string&,
                                         const std::string&,
                                         const std::string&>::operator(),
                         &m_stateTrace));
    }
    m_lcp->SetLayerCallbacks([this] { LcpUp(); },
                             [this] { LcpDown(); },
                             nullptr,
                             [this] { LcpFinished(); });
    m_lcp->SetProtocolRejectedCallback([this](uint16_t protocol) {
        // The peer does not run this NCP: it stops, as after a catastrophic Code-Reject.
        if (protocol == PPP_PROTO_IPCP || protocol == PPP_PROTO_IP)
        {
            m_ipcp->GetFsm()->ReceiveCodeReject(true);
        }
        else if (protocol == PPP_PROTO_IPV6CP || protocol == PPP_PROTO_IPV6)
        {
            m_ipv6cp->GetFsm()->ReceiveCodeReject(true);
        }
    });
    m_ipcp->SetLayerCallbacks([this] { IpcpUp(); }, [this] { IpcpDown(); }, nullptr, nullptr);
    m_ipv6cp->SetLayerCallbacks([this] { Ipv6cpUp(); }, [this] { Ipv6cpDown(); }, nullptr, nullptr);
    OpenTun(0);
}

void
UserPpp::StopApplication()
{
    m_running = false;
    m_carrierTimer.Cancel();
    m_reopenTimer.Cancel();
    m_tasks.clear();
    if (m_process)
    {
        m_process->Exit(); // tunclose deletes the routes and stops the interface
    }
}

void
UserPpp::OpenTun(uint32_t unit)
{
    std::string path = m_tunPath.empty() ? "/dev/tun" + std::to_string(unit) : m_tunPath;
    m_process->Open(path, BSD_O_RDWR, [this, unit, path](int error, int fd) {
        if (error == BSD_OK)
        {
            m_tunFd = fd;
            m_tunUnit = unit;
            ConfigureTun();
            return;
        }
        // bundle_Create: no such unit ends the search; a busy one moves on.
        if (m_tunPath.empty() && error != BSD_ENOENT && error != BSD_ENXIO &&
            unit + 1 < MAX_TUN_UNITS)
        {
            OpenTun(unit + 1);
            return;
        }
        Failed("open " + path, error);
    });
}

void
UserPpp::ConfigureTun()
{
    // bundle_Create names the interface after the device it opened.
    std::string path = m_tunPath.empty() ? "/dev/tun" + std::to_string(m_tunUnit) : m_tunPath;
    m_ifName = path.substr(path.rfind('/') + 1);
    // ppp(8)'s route and IPv6 address calls (a routing socket, in6_control) are not
    // modelled as system calls: they alone reach the interface object.
    m_tun = Ifunit(GetNode(), m_ifName);
    NS_ABORT_MSG_IF(!m_tun, "UserPpp: " << path << " has no interface " << m_ifName);
    Ptr<BsdProcess> p = m_process;
    auto logged = [this](const std::string& name) {
        return [this, name](int error) {
            if (error != BSD_OK)
            {
                Failed("ioctl " + name, error); // ppp(8) only logs these
            }
        };
    };
    p->Ioctl(m_tunFd,
             TUNSIFMODE,
             BsdIntArgument(BSD_IFF_POINTOPOINT),
             [this, p, logged](int error, const std::vector<uint8_t>&) {
                 logged("TUNSIFMODE")(error);
                 p->Ioctl(m_tunFd,
                          TUNSLMODE,
                          BsdIntArgument(0),
                          [this, p, logged](int error, const std::vector<uint8_t>&) {
                              logged("TUNSLMODE")(error);
                              p->Ioctl(m_tunFd,
                                       TUNSIFHEAD,
                                       BsdIntArgument(1),
                                       [this, logged](int error, const std::vector<uint8_t>&) {
                                           logged("TUNSIFHEAD")(error);
                                           m_header = error == BSD_OK;
                                           SetInterfaceUp([this] { OpenSerial(); });
                                       });
                          });
             });
}

void
UserPpp::SetInterfaceUp(std::function<void()> next)
{
    // iface_ChangeFlags: on a PF_INET socket, SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP.
    m_process->Socket(BSD_AF_INET, BSD_SOCK_DGRAM, [this, next](int error, int s) {
        if (error != BSD_OK)
        {
            Failed("socket", error);
            next();
            return;
        }
        m_process->Ioctl(s,
                         BSD_SIOCGIFFLAGS,
                         BsdIfreq(m_ifName).GetBytes(),
                         [this, s, next](int error, const std::vector<uint8_t>& out) {
                             if (error != BSD_OK)
                             {
                                 Failed("ioctl SIOCGIFFLAGS", error);
                                 m_process->Close(s, [next](int) { next(); });
                                 return;
                             }
                             BsdIfreq ifr(out);
                             ifr.SetFlags(static_cast<int16_t>(ifr.GetFlags() | BSD_IFF_UP));
                             m_process->Ioctl(
                                 s,
                                 BSD_SIOCSIFFLAGS,
                                 ifr.GetBytes(),
                                 [this, s, next](int error, const std::vector<uint8_t>&) {
                                     if (error != BSD_OK)
                                     {
                                         Failed("ioctl SIOCSIFFLAGS", error);
                                     }
                                     m_process->Close(s, [next](int) { next(); });
                                 });
                         });
    });
}

void
UserPpp::InterfaceIoctl(const std::string& name,
                        uint32_t cmd,
                        std::vector<uint8_t> arg,
                        std::function<void(int)> done)
{
    // iface.c's pattern: a PF_INET datagram socket for one interface ioctl, then close.
    m_process->Socket(BSD_AF_INET,
                      BSD_SOCK_DGRAM,
                      [this, name, cmd, arg = std::move(arg), done](int error, int s) {
                          if (error != BSD_OK)
                          {
                              Failed("socket", error);
                              done(error);
                              return;
                          }
                          m_process->Ioctl(
                              s,
                              cmd,
                              arg,
                              [this, name, s, done](int error, const std::vector<uint8_t>&) {
                                  if (error != BSD_OK)
                                  {
                                      Failed("ioctl " + name, error);
                                  }
                                  m_process->Close(s, [done, error](int) { done(error); });
                              });
                      });
}

void
UserPpp::OpenSerial()
{
    m_process->Open(m_serialPath, BSD_O_RDWR | BSD_O_NONBLOCK, [this](int error, int fd) {
        if (error != BSD_OK)
        {
            Failed("open " + m_serialPath, error);
            return;
        }
        m_lineFd = fd;
        CarrierTimer(); // reads the carrier first, which starts LCP when it is there
        Loop();
    });
}

// --- the main loop -----------------------------------------------------------------------

void
UserPpp::Defer(Task task)
{
    m_tasks.push_back(std::move(task));
    Kick();
}

void
UserPpp::Kick()
{
    // A select still scanning sees the pending signal when it goes to sleep (tsleep
    // with PCATCH returns EINTR at once); one asleep is woken with EINTR.
    if (m_running && m_process && m_process->IsAlive() && m_selecting)
    {
        m_process->Kill(BSD_SIGALRM);
    }
}

void
UserPpp::Loop()
{
    if (!m_running || !m_process->IsAlive())
    {
        return;
    }
    if (!m_tasks.empty())
    {
        Task task = std::move(m_tasks.front());
        m_tasks.pop_front();
        task([this] { Loop(); });
        return;
    }
    // A hung-up line selects ready at once (POLLHUP); it is left out until the carrier
    // timer sees the carrier again, as ppp(8) closes the device on hangup.
    std::vector<int>& readFds = m_readFds; // members: no allocation after the first
    std::vector<int>& writeFds = m_writeFds;
    readFds.clear();
    writeFds.clear();
    if (m_carrier)
    {
        readFds.push_back(m_lineFd);
        if (!m_controlQueue.empty() || !m_dataQueue.empty())
        {
            writeFds.push_back(m_lineFd);
        }
    }
    if (m_phase == PHASE_NETWORK && m_dataQueue.size() < m_ifQueue)
    {
        readFds.push_back(m_tunFd); // not while choked (bundle_FillQueues)
    }
    m_selecting = true;
    m_process->Select(readFds, writeFds, Time(-1), m_selected);
}

void
UserPpp::Selected(int error, const std::vector<int>& readable, const std::vector<int>& writable)
{
    m_selecting = false;
    NS_LOG_LOGIC("select: " << BsdErrnoName(error) << " " << readable.size() << " readable, "
                            << writable.size() << " writable");
    if (error != BSD_OK)
    {
        if (error != BSD_EINTR)
        {
            Failed("select", error);
        }
        Loop();
        return;
    }
    m_lineIn = std::find(readable.begin(), readable.end(), m_lineFd) != readable.end();
    m_tunIn = std::find(readable.begin(), readable.end(), m_tunFd) != readable.end();
    bool lineOut = std::find(writable.begin(), writable.end(), m_lineFd) != writable.end();
    if (lineOut)
    {
        WriteLine();
        return;
    }
    AfterWrite();
}

void
UserPpp::AfterWrite()
{
    if (m_lineIn)
    {
        ReadLine();
        return;
    }
    AfterReadLine();
}

void
UserPpp::AfterReadLine()
{
    if (m_tunIn)
    {
        ReadTun();
        return;
    }
    Loop();
}

// --- the line ----------------------------------------------------------------------------

void
UserPpp::SendFrame(uint16_t protocol, const std::vector<uint8_t>& info, bool control)
{
    if (!m_running)
    {
        return;
    }
    Frame frame;
    frame.protocol = protocol;
    HdlcEncode(protocol, info.data(), info.size(), m_lcp->GetTxOptions(), frame.bytes);
    m_queuedOctets += frame.bytes.size();
    (control ? m_controlQueue : m_dataQueue).push_back(std::move(frame));
    QueueChanged();
    Kick();
}

void
UserPpp::FlushOutput()
{
    for (const Frame& f : m_dataQueue)
    {
        Drop("flushed", f.bytes.size());
    }
    for (const Frame& f : m_controlQueue)
    {
        Drop("flushed", f.bytes.size());
    }
    m_dataQueue.clear();
    m_controlQueue.clear();
    m_headWritten = 0;
    m_queuedOctets = 0;
    QueueChanged();
}

void
UserPpp::QueueChanged()
{
    m_queueTrace(m_controlQueue.size() + m_dataQueue.size(), m_queuedOctets);
}

void
UserPpp::WriteLine()
{
    if (m_headWritten == 0)
    {
        m_headIsControl = !m_controlQueue.empty();
    }
    FrontQueue<Frame>& queue = m_headIsControl ? m_controlQueue : m_dataQueue;
    if (queue.empty())
    {
        m_headWritten = 0;
        AfterWrite();
        return;
    }
    const std::vector<uint8_t>& bytes = queue.front().bytes;
    std::vector<uint8_t> rest(bytes.begin() + m_headWritten, bytes.end());
    m_process->Write(m_lineFd, std::move(rest), m_lineWritten);
}

void
UserPpp::LineWritten(int error, int64_t written)
{
    if (error != BSD_OK)
    {
        if (error == BSD_EIO)
        {
            CarrierIs(false); // ttwrite: the line hung up
        }
        else if (error != BSD_EWOULDBLOCK)
        {
            Failed("write " + m_serialPath, error);
        }
        AfterWrite();
        return;
    }
    FrontQueue<Frame>& queue = m_headIsControl ? m_controlQueue : m_dataQueue;
    if (queue.empty())
    {
        AfterWrite(); // flushed by a carrier loss while the write ran
        return;
    }
    m_counters.lineBytesOut += written;
    m_headWritten += written;
    m_queuedOctets -= written;
    if (m_headWritten < queue.front().bytes.size())
    {
        QueueChanged();
        AfterWrite(); // the tty is full: select for writing again
        return;
    }
    ++m_counters.framesSent;
    m_txTrace(PppProtocolName(queue.front().protocol), queue.front().bytes.size());
    queue.pop_front();
    m_headWritten = 0;
    QueueChanged();
    if (!m_controlQueue.empty() || !m_dataQueue.empty())
    {
        WriteLine();
        return;
    }
    AfterWrite();
}

void
UserPpp::ReadLine()
{
    m_process->Read(m_lineFd, LINE_READ_SIZE, m_lineRead);
}

void
UserPpp::LineRead(int error, const std::vector<uint8_t>& data)
{
    if (error != BSD_OK)
    {
        if (error != BSD_EWOULDBLOCK)
        {
            Failed("read " + m_serialPath, error);
        }
        AfterReadLine();
        return;
    }
    if (data.empty())
    {
        CarrierIs(false); // end of file: the line hung up
        AfterReadLine();
        return;
    }
    m_counters.lineBytesIn += data.size();
    HdlcDeframer::Counters before = m_deframer.GetCounters();
    m_deframer.Feed(data.data(),
                    data.size(),
                    [this](uint16_t protocol, const uint8_t* info, size_t len) {
                        Dispatch(protocol, info, len);
                    });
    m_deframer.GetCounters().ForEachDropSince(before, [this](const char* reason, uint64_t n) {
        for (uint64_t k = 0; k < n; ++k)
        {
            Drop(reason, 0);
        }
    });
    AfterReadLine();
}

void
UserPpp::Dispatch(uint16_t protocol, const uint8_t* info, std::size_t len)
{
    ++m_counters.framesReceived;
    m_rxTrace(PppProtocolName(protocol), len);
    if (protocol == PPP_PROTO_LCP)
    {
        m_lcp->Receive(info, len);
        return;
    }
    if (!m_lcp->IsOpened())
    {
        Drop("LCP not opened", len); // RFC 1661 section 3.4: silently discarded
        return;
    }
    bool ipv6 = m_ipv6 && m_header;
    switch (protocol)
    {
    case PPP_PROTO_IPCP:
        m_ipcp->Receive(info, len);
        return;
    case PPP_PROTO_IPV6CP:
        if (ipv6)
        {
            m_ipv6cp->Receive(info, len);
            return;
        }
        break;
    case PPP_PROTO_IP:
    case PPP_PROTO_IPV6: {
        bool v4 = protocol == PPP_PROTO_IP;
        if (!v4 && !ipv6)
        {
            break;
        }
        if (!(v4 ? m_ipcp->IsOpened() : m_ipv6cp->IsOpened()))
        {
            Drop(v4 ? "IPCP not opened" : "IPV6CP not opened", len);
            return;
        }
        // ip_Input: one write per packet, behind the family when TUNSIFHEAD took.
        std::vector<uint8_t> packet;
        if (m_header)
        {
            packet = PppPutU32(v4 ? BSD_AF_INET : BSD_AF_INET6);
        }
        packet.insert(packet.end(), info, info + len);
        m_tasks.push_back([this, packet](std::function<void()> done) {
            m_process->Write(m_tunFd, packet, [this, done](int error, int64_t) {
                if (error != BSD_OK)
                {
                    Failed("write tun", error); // logged and ignored, as ip_Input does
                }
                else
                {
                    ++m_counters.packetsToTun;
                }
                done();
            });
        });
        return;
    }
    default:
        break;
    }
    m_lcp->SendProtocolReject(protocol, info, len);
    Drop("unknown protocol " + PppProtocolName(protocol), len);
}

// --- tun ---------------------------------------------------------------------------------

void
UserPpp::ReadTun()
{
    m_process->Read(m_tunFd, TUN_READ_SIZE, m_tunRead);
}

void
UserPpp::TunRead(int error, const std::vector<uint8_t>& data)
{
    if (error != BSD_OK)
    {
        Failed("read tun", error);
        Loop();
        return;
    }
    ++m_counters.packetsFromTun;
    uint32_t family = BSD_AF_INET;
    std::size_t skip = 0;
    if (m_header)
    {
        if (data.size() < 4)
        {
            Drop("short tun packet", data.size());
            Loop();
            return;
        }
        family = PppGetU32(data.data());
        skip = 4;
    }
    std::vector<uint8_t> info(data.begin() + skip, data.end());
    bool v4 = family == BSD_AF_INET;
    bool v6 = family == BSD_AF_INET6 && m_ipv6;
    if (!v4 && !v6)
    {
        Drop("address family", info.size());
    }
    else if (!(v4 ? m_ipcp->IsOpened() : m_ipv6cp->IsOpened()))
    {
        Drop(v4 ? "IPCP not opened" : "IPV6CP not opened", info.size());
    }
    else if (info.size() > m_lcp->GetPeerMru())
    {
        Drop("over the peer's MRU", info.size());
    }
    else
    {
        SendFrame(v4 ? PPP_PROTO_IP : PPP_PROTO_IPV6, info, false);
    }
    Loop();
}

// --- the carrier and the layers -----------------------------------------------------------

void
UserPpp::CarrierTimer()
{
    m_tasks.push_back([this](std::function<void()> done) {
        m_process->Ioctl(m_lineFd,
                         BSD_TIOCMGET,
                         {},
                         [this, done](int error, const std::vector<uint8_t>& out) {
                             if (error != BSD_OK)
                             {
                                 Failed("ioctl TIOCMGET", error);
                             }
                             else
                             {
                                 CarrierIs(BsdIntResult(out) & BSD_TIOCM_CD);
                             }
                             done();
                         });
    });
    Kick();
    m_carrierTimer = Simulator::Schedule(m_carrierCheck, &UserPpp::CarrierTimer, this);
}

void
UserPpp::CarrierIs(bool up)
{
    if (up == m_carrier)
    {
        return;
    }
    m_carrier = up;
    if (up)
    {
        NS_LOG_INFO("ppp: carrier up on " << m_serialPath);
        SetPhase(PHASE_ESTABLISH);
        m_lcp->Up();
        m_lcp->Open();
        return;
    }
    NS_LOG_INFO("ppp: carrier lost on " << m_serialPath);
    m_reopenTimer.Cancel();
    FlushOutput();
    m_lcp->Down();
    SetPhase(PHASE_DEAD);
}

void
UserPpp::LcpUp()
{
    SetPhase(PHASE_NETWORK);
    m_deframer.SetRxAccm(m_lcp->GetRxAccm());
    m_ipcp->Up();
    m_ipcp->Open();
    if (m_ipv6 && m_header)
    {
        m_ipv6cp->Up();
        m_ipv6cp->Open();
    }
}

void
UserPpp::LcpDown()
{
    SetPhase(PHASE_TERMINATE);
    m_deframer.SetRxAccm(0xffffffff);
    m_ipcp->Down();
    m_ipv6cp->Down();
}

void
UserPpp::LcpFinished()
{
    SetPhase(PHASE_DEAD);
    if (m_running && m_carrier && m_reopenDelay.IsStrictlyPositive())
    {
        m_reopenTimer = Simulator::Schedule(m_reopenDelay, &UserPpp::Reopen, this);
    }
}

void
UserPpp::Reopen()
{
    if (!m_carrier)
    {
        return; // the carrier's return restarts LCP
    }
    SetPhase(PHASE_ESTABLISH);
    m_lcp->Down();
    m_lcp->Up();
    m_lcp->Open();
}

void
UserPpp::IpcpUp()
{
    Ipv4Address local = m_ipcp->GetLocalAddress();
    Ipv4Address peer = m_ipcp->GetPeerAddress();
    uint16_t mtu = m_mtu != 0 ? std::min(m_mtu, m_lcp->GetPeerMru()) : m_lcp->GetPeerMru();
    Defer([this, local, peer, mtu](std::function<void()> done) {
        // iface_Add: SIOCAIFADDR with the address, the peer as destination, a host mask.
        BsdIfaliasreq ifra;
        ifra.name = m_ifName;
        ifra.addr = BsdSockaddrIn::Of(local);
        ifra.broadaddr = BsdSockaddrIn::Of(peer);
        ifra.mask = BsdSockaddrIn::Of(Ipv4Address(Ipv4Mask::GetOnes().Get()));
        InterfaceIoctl("SIOCAIFADDR", BSD_SIOCAIFADDR, ifra.GetBytes(), [=](int error) {
            if (error != BSD_OK)
            {
                done();
                return;
            }
            InterfaceAddressed(local, peer, mtu, done);
        });
    });
}

void
UserPpp::InterfaceAddressed(Ipv4Address local,
                            Ipv4Address peer,
                            uint16_t mtu,
                            std::function<void()> done)
{
    m_ifLocal = local;
    m_stickyRoutes.Install(m_tun, peer); // route_Change
    // tun_configure: TUNSIFINFO with the MTU and the line's speed (tcgetattr).
    m_process->Ioctl(m_lineFd,
                     BSD_TIOCGETA,
                     {},
                     [this, mtu, done](int error, const std::vector<uint8_t>& termios) {
                         TunInfo info;
                         info.mtu = static_cast<int16_t>(mtu);
                         info.type = BSD_IFT_PPP;
                         if (error == BSD_OK && termios.size() >= BSD_TERMIOS_SIZE)
                         {
                             std::memcpy(&info.baudrate, termios.data() + BSD_TERMIOS_OSPEED, 4);
                         }
                         m_process->Ioctl(m_tunFd,
                                          TUNSIFINFO,
                                          info.Serialize(),
                                          [this, done](int error, const std::vector<uint8_t>&) {
                                              if (error != BSD_OK)
                                              {
                                                  Failed("ioctl TUNSIFINFO", error);
                                              }
                                              done();
                                          });
                     });
}

void
UserPpp::IpcpDown()
{
    Defer([this](std::function<void()> done) {
        m_stickyRoutes.Remove(); // route_Clean, before the address goes
        if (m_ifLocal == Ipv4Address::GetAny())
        {
            done();
            return;
        }
        // iface_addr_Zap: SIOCDIFADDR with an ifaliasreq (the kernel reads its ifreq).
        BsdIfaliasreq ifra;
        ifra.name = m_ifName;
        ifra.addr = BsdSockaddrIn::Of(m_ifLocal);
        m_ifLocal = Ipv4Address::GetAny();
        InterfaceIoctl("SIOCDIFADDR", BSD_SIOCDIFADDR, ifra.GetBytes(), [done](int) { done(); });
    });
}

void
UserPpp::Ipv6cpUp()
{
    Ipv6Address local = m_ipv6cp->GetLocalLinkLocal();
    Defer([this, local](std::function<void()> done) {
        Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
        int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
        if (i >= 0)
        {
            ipv6->AddAddress(i, Ipv6InterfaceAddress(local, Ipv6Prefix(64)));
            m_ifLocal6 = local;
        }
        done();
    });
}

void
UserPpp::Ipv6cpDown()
{
    Defer([this](std::function<void()> done) {
        Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
        int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
        if (i >= 0 && m_ifLocal6 != Ipv6Address::GetAny())
        {
            ipv6->RemoveAddress(i, m_ifLocal6);
            m_ifLocal6 = Ipv6Address::GetAny();
        }
        done();
    });
}

} // namespace ns3
