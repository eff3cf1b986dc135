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
#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
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
      m_ipv6cp(CreateObject<Ipv6cp>())
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
    BsdTask::Exec(m_process, Run()); // runs up to the first open's wait
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

BsdTask
UserPpp::SetInterfaceUp(BsdSyscalls& sys)
{
    // iface_ChangeFlags: on a PF_INET socket, SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP.
    auto [error, s] = co_await sys.Socket(BSD_AF_INET, BSD_SOCK_DGRAM);
    if (error != BSD_OK)
    {
        Failed("socket", error);
        co_return;
    }
    auto [getError, out] = co_await sys.Ioctl(s, BSD_SIOCGIFFLAGS, BsdIfreq(m_ifName).GetBytes());
    if (getError != BSD_OK)
    {
        Failed("ioctl SIOCGIFFLAGS", getError);
        co_await sys.Close(s);
        co_return;
    }
    BsdIfreq ifr(out);
    ifr.SetFlags(static_cast<int16_t>(ifr.GetFlags() | BSD_IFF_UP));
    auto [setError, none] = co_await sys.Ioctl(s, BSD_SIOCSIFFLAGS, ifr.GetBytes());
    if (setError != BSD_OK)
    {
        Failed("ioctl SIOCSIFFLAGS", setError);
    }
    co_await sys.Close(s);
}

BsdTask
UserPpp::InterfaceIoctl(BsdSyscalls& sys,
                        std::string name,
                        uint32_t cmd,
                        std::vector<uint8_t> arg,
                        int& result)
{
    // iface.c's pattern: a PF_INET datagram socket for one interface ioctl, then close.
    auto [error, s] = co_await sys.Socket(BSD_AF_INET, BSD_SOCK_DGRAM);
    if (error != BSD_OK)
    {
        Failed("socket", error);
        result = error;
        co_return;
    }
    auto [ioctlError, out] = co_await sys.Ioctl(s, cmd, std::move(arg));
    if (ioctlError != BSD_OK)
    {
        Failed("ioctl " + name, ioctlError);
    }
    co_await sys.Close(s);
    result = ioctlError;
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

BsdTask
UserPpp::Run()
{
    BsdSyscalls sys(m_process);

    // bundle_Create: the first /dev/tunN that opens; no such unit ends the search, a
    // busy one moves on.
    for (uint32_t unit = 0;; ++unit)
    {
        std::string path = m_tunPath.empty() ? "/dev/tun" + std::to_string(unit) : m_tunPath;
        auto [error, fd] = co_await sys.Open(path, BSD_O_RDWR);
        if (error == BSD_OK)
        {
            m_tunFd = fd;
            m_tunUnit = unit;
            break;
        }
        if (m_tunPath.empty() && error != BSD_ENOENT && error != BSD_ENXIO &&
            unit + 1 < MAX_TUN_UNITS)
        {
            continue;
        }
        Failed("open " + path, error);
        co_return;
    }
    // bundle_Create names the interface after the device it opened.
    std::string path = m_tunPath.empty() ? "/dev/tun" + std::to_string(m_tunUnit) : m_tunPath;
    m_ifName = path.substr(path.rfind('/') + 1);
    // ppp(8)'s route and IPv6 address calls (a routing socket, in6_control) are not
    // modelled as system calls: they alone reach the interface object.
    m_tun = Ifunit(GetNode(), m_ifName);
    NS_ABORT_MSG_IF(!m_tun, "UserPpp: " << path << " has no interface " << m_ifName);
    // The tun modes; ppp(8) only logs their failures.
    std::vector<uint8_t> mode = BsdIntArgument(BSD_IFF_POINTOPOINT);
    if (auto [error, out] = co_await sys.Ioctl(m_tunFd, TUNSIFMODE, std::move(mode));
        error != BSD_OK)
    {
        Failed("ioctl TUNSIFMODE", error);
    }
    std::vector<uint8_t> zero = BsdIntArgument(0);
    if (auto [error, out] = co_await sys.Ioctl(m_tunFd, TUNSLMODE, std::move(zero));
        error != BSD_OK)
    {
        Failed("ioctl TUNSLMODE", error);
    }
    std::vector<uint8_t> one = BsdIntArgument(1);
    auto [headError, headOut] = co_await sys.Ioctl(m_tunFd, TUNSIFHEAD, std::move(one));
    if (headError != BSD_OK)
    {
        Failed("ioctl TUNSIFHEAD", headError);
    }
    m_header = headError == BSD_OK;
    co_await SetInterfaceUp(sys);

    // The serial port, non-blocking.
    auto [lineError, line] = co_await sys.Open(m_serialPath, BSD_O_RDWR | BSD_O_NONBLOCK);
    if (lineError != BSD_OK)
    {
        Failed("open " + m_serialPath, lineError);
        co_return;
    }
    m_lineFd = line;
    CarrierTimer(); // reads the carrier first, which starts LCP when it is there

    // DoLoop: the pending work, then select over the line and tun; then write the line,
    // read the line, read tun, as the select found them ready.
    std::vector<int> readFds; // select(2) rewrites them with the ready descriptors
    std::vector<int> writeFds;
    const Time inftim(-1);
    for (;;)
    {
        if (!m_running || !m_process->IsAlive())
        {
            co_return;
        }
        if (!m_tasks.empty())
        {
            Task task = std::move(m_tasks.front());
            m_tasks.pop_front();
            co_await task(sys);
            continue;
        }
        // A hung-up line selects ready at once (POLLHUP); it is left out until the
        // carrier timer sees the carrier again, as ppp(8) closes the device on hangup.
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
        auto [selectError, n] = co_await sys.Select(readFds, writeFds, inftim);
        m_selecting = false;
        NS_LOG_LOGIC("select: " << BsdErrnoName(selectError) << " " << readFds.size()
                                << " readable, " << writeFds.size() << " writable");
        if (selectError != BSD_OK)
        {
            if (selectError != BSD_EINTR)
            {
                Failed("select", selectError);
            }
            continue;
        }
        bool lineIn = std::find(readFds.begin(), readFds.end(), m_lineFd) != readFds.end();
        bool tunIn = std::find(readFds.begin(), readFds.end(), m_tunFd) != readFds.end();
        bool lineOut = std::find(writeFds.begin(), writeFds.end(), m_lineFd) != writeFds.end();

        // The line: the waiting frames, head first, until the tty takes no more.
        while (lineOut)
        {
            if (m_headWritten == 0)
            {
                m_headIsControl = !m_controlQueue.empty();
            }
            FrontQueue<Frame>* queue = m_headIsControl ? &m_controlQueue : &m_dataQueue;
            if (queue->empty())
            {
                m_headWritten = 0;
                break;
            }
            const std::vector<uint8_t>& bytes = queue->front().bytes;
            std::vector<uint8_t> rest(bytes.begin() + m_headWritten, bytes.end());
            auto [error, written] = co_await sys.Write(m_lineFd, std::move(rest));
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
                break;
            }
            queue = m_headIsControl ? &m_controlQueue : &m_dataQueue;
            if (queue->empty())
            {
                break; // flushed by a carrier loss while the write ran
            }
            m_counters.lineBytesOut += written;
            m_headWritten += written;
            m_queuedOctets -= written;
            if (m_headWritten < queue->front().bytes.size())
            {
                QueueChanged();
                break; // the tty is full: select for writing again
            }
            ++m_counters.framesSent;
            m_txTrace(PppProtocolName(queue->front().protocol), queue->front().bytes.size());
            queue->pop_front();
            m_headWritten = 0;
            QueueChanged();
            lineOut = !m_controlQueue.empty() || !m_dataQueue.empty();
        }

        if (lineIn)
        {
            auto [error, data] = co_await sys.Read(m_lineFd, LINE_READ_SIZE);
            if (error != BSD_OK)
            {
                if (error != BSD_EWOULDBLOCK)
                {
                    Failed("read " + m_serialPath, error);
                }
            }
            else if (data.empty())
            {
                CarrierIs(false); // end of file: the line hung up
            }
            else
            {
                LineInput(data);
            }
        }

        if (tunIn)
        {
            auto [error, data] = co_await sys.Read(m_tunFd, TUN_READ_SIZE);
            if (error != BSD_OK)
            {
                Failed("read tun", error);
                continue;
            }
            TunInput(data);
        }
    }
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
UserPpp::LineInput(const std::vector<uint8_t>& data)
{
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
        m_tasks.push_back([this, packet = std::move(packet)](BsdSyscalls& sys) mutable {
            return WriteTun(sys, std::move(packet));
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

BsdTask
UserPpp::WriteTun(BsdSyscalls& sys, std::vector<uint8_t> packet)
{
    auto [error, written] = co_await sys.Write(m_tunFd, std::move(packet));
    if (error != BSD_OK)
    {
        Failed("write tun", error); // logged and ignored, as ip_Input does
    }
    else
    {
        ++m_counters.packetsToTun;
    }
}

void
UserPpp::TunInput(const std::vector<uint8_t>& data)
{
    ++m_counters.packetsFromTun;
    uint32_t family = BSD_AF_INET;
    std::size_t skip = 0;
    if (m_header)
    {
        if (data.size() < 4)
        {
            Drop("short tun packet", data.size());
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
}

// --- the carrier and the layers -----------------------------------------------------------

void
UserPpp::CarrierTimer()
{
    m_tasks.push_back([this](BsdSyscalls& sys) { return ReadCarrier(sys); });
    Kick();
    m_carrierTimer = Simulator::Schedule(m_carrierCheck, &UserPpp::CarrierTimer, this);
}

BsdTask
UserPpp::ReadCarrier(BsdSyscalls& sys)
{
    std::vector<uint8_t> none;
    auto [error, out] = co_await sys.Ioctl(m_lineFd, BSD_TIOCMGET, std::move(none));
    if (error != BSD_OK)
    {
        Failed("ioctl TIOCMGET", error);
    }
    else
    {
        CarrierIs(BsdIntResult(out) & BSD_TIOCM_CD);
    }
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
    Defer([this, local, peer, mtu](BsdSyscalls& sys) {
        return AddInterfaceAddress(sys, local, peer, mtu);
    });
}

BsdTask
UserPpp::AddInterfaceAddress(BsdSyscalls& sys, Ipv4Address local, Ipv4Address peer, uint16_t mtu)
{
    // iface_Add: SIOCAIFADDR with the address, the peer as destination, a host mask.
    BsdIfaliasreq ifra;
    ifra.name = m_ifName;
    ifra.addr = BsdSockaddrIn::Of(local);
    ifra.broadaddr = BsdSockaddrIn::Of(peer);
    ifra.mask = BsdSockaddrIn::Of(Ipv4Address(Ipv4Mask::GetOnes().Get()));
    int error = BSD_OK;
    co_await InterfaceIoctl(sys, "SIOCAIFADDR", BSD_SIOCAIFADDR, ifra.GetBytes(), error);
    if (error != BSD_OK)
    {
        co_return;
    }
    m_ifLocal = local;
    m_stickyRoutes.Install(m_tun, peer); // route_Change
    // tun_configure: TUNSIFINFO with the MTU and the line's speed (tcgetattr).
    std::vector<uint8_t> none;
    auto [getError, termios] = co_await sys.Ioctl(m_lineFd, BSD_TIOCGETA, std::move(none));
    TunInfo info;
    info.mtu = static_cast<int16_t>(mtu);
    info.type = BSD_IFT_PPP;
    if (getError == BSD_OK && termios.size() >= BSD_TERMIOS_SIZE)
    {
        std::memcpy(&info.baudrate, termios.data() + BSD_TERMIOS_OSPEED, 4);
    }
    auto [setError, out] = co_await sys.Ioctl(m_tunFd, TUNSIFINFO, info.Serialize());
    if (setError != BSD_OK)
    {
        Failed("ioctl TUNSIFINFO", setError);
    }
}

void
UserPpp::IpcpDown()
{
    Defer([this](BsdSyscalls& sys) { return DeleteInterfaceAddress(sys); });
}

BsdTask
UserPpp::DeleteInterfaceAddress(BsdSyscalls& sys)
{
    m_stickyRoutes.Remove(); // route_Clean, before the address goes
    if (m_ifLocal == Ipv4Address::GetAny())
    {
        co_return;
    }
    // iface_addr_Zap: SIOCDIFADDR with an ifaliasreq (the kernel reads its ifreq).
    BsdIfaliasreq ifra;
    ifra.name = m_ifName;
    ifra.addr = BsdSockaddrIn::Of(m_ifLocal);
    m_ifLocal = Ipv4Address::GetAny();
    int error = BSD_OK;
    co_await InterfaceIoctl(sys, "SIOCDIFADDR", BSD_SIOCDIFADDR, ifra.GetBytes(), error);
}

void
UserPpp::Ipv6cpUp()
{
    Ipv6Address local = m_ipv6cp->GetLocalLinkLocal();
    Defer([this, local](BsdSyscalls&) { return AddLinkLocal(local); });
}

BsdTask
UserPpp::AddLinkLocal(Ipv6Address local)
{
    Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
    int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
    if (i >= 0)
    {
        ipv6->AddAddress(i, Ipv6InterfaceAddress(local, Ipv6Prefix(64)));
        m_ifLocal6 = local;
    }
    co_return;
}

void
UserPpp::Ipv6cpDown()
{
    Defer([this](BsdSyscalls&) { return DeleteLinkLocal(); });
}

BsdTask
UserPpp::DeleteLinkLocal()
{
    Ptr<Ipv6> ipv6 = GetNode()->GetObject<Ipv6>();
    int32_t i = ipv6 ? ipv6->GetInterfaceForDevice(m_tun) : -1;
    if (i >= 0 && m_ifLocal6 != Ipv6Address::GetAny())
    {
        ipv6->RemoveAddress(i, m_ifLocal6);
        m_ifLocal6 = Ipv6Address::GetAny();
    }
    co_return;
}

} // namespace ns3
