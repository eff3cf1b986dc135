/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "user-ppp.h"

#include "ns3/boolean.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-signal.h"
#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tun-net-device.h"
#include "ns3/uinteger.h"

#include <algorithm>

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
    m_interface.Dispose();
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
    return m_interface.GetDevice();
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
    m_physical.SetFailedCallback(MakeCallback(&UserPpp::Failed, this));
    m_interface.SetFailedCallback(MakeCallback(&UserPpp::Failed, this));
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

    // bundle_Create: the tun device, its modes, the interface up (tun.c, iface.c).
    bool tunOpened = false;
    co_await m_interface.Open(sys, GetNode(), m_tunPath, tunOpened);
    if (!tunOpened)
    {
        co_return;
    }
    // The serial port (physical.c).
    bool lineOpened = false;
    co_await m_physical.Open(sys, m_serialPath, lineOpened);
    if (!lineOpened)
    {
        co_return;
    }
    CarrierTimer(); // reads the carrier first, which starts LCP when it is there

    // DoLoop: the pending work, then select over the line and tun; then write the line,
    // read the line, read tun, as the select found them ready.
    std::vector<int> readFds; // select(2) rewrites them with the ready descriptors
    std::vector<int> writeFds;
    const Time inftim(-1);
    const int lineFd = m_physical.GetFd();
    const int tunFd = m_interface.GetFd();
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
        if (m_physical.HasCarrier())
        {
            readFds.push_back(lineFd);
            if (!m_controlQueue.empty() || !m_dataQueue.empty())
            {
                writeFds.push_back(lineFd);
            }
        }
        if (m_phase == PHASE_NETWORK && m_dataQueue.size() < m_ifQueue)
        {
            readFds.push_back(tunFd); // not while choked (bundle_FillQueues)
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
        bool lineIn = std::find(readFds.begin(), readFds.end(), lineFd) != readFds.end();
        bool tunIn = std::find(readFds.begin(), readFds.end(), tunFd) != readFds.end();
        bool lineOut = std::find(writeFds.begin(), writeFds.end(), lineFd) != writeFds.end();

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
            auto [error, written] = co_await sys.Write(lineFd, std::move(rest));
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
            auto [error, data] = co_await sys.Read(lineFd, LINE_READ_SIZE);
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
            auto [error, data] = co_await sys.Read(tunFd, TUN_READ_SIZE);
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
    bool header = m_interface.HasHeader();
    bool ipv6 = m_ipv6 && header;
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
        if (header)
        {
            packet = PppPutU32(v4 ? BSD_AF_INET : BSD_AF_INET6);
        }
        packet.insert(packet.end(), info, info + len);
        m_tasks.push_back([this, packet = std::move(packet)](BsdSyscalls& sys) mutable {
            return m_interface.Write(sys, std::move(packet), m_counters.packetsToTun);
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
UserPpp::TunInput(const std::vector<uint8_t>& data)
{
    ++m_counters.packetsFromTun;
    uint32_t family;
    std::size_t skip;
    if (!PppInterface::SplitHeader(data.data(), data.size(), m_interface.HasHeader(), family, skip))
    {
        Drop("short tun packet", data.size());
        return;
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
    bool read = false;
    bool carrier = false;
    co_await m_physical.ReadCarrier(sys, read, carrier);
    if (read)
    {
        CarrierIs(carrier);
    }
}

void
UserPpp::CarrierIs(bool up)
{
    if (!m_physical.SetCarrier(up))
    {
        return;
    }
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
    if (m_ipv6 && m_interface.HasHeader())
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
    if (m_running && m_physical.HasCarrier() && m_reopenDelay.IsStrictlyPositive())
    {
        m_reopenTimer = Simulator::Schedule(m_reopenDelay, &UserPpp::Reopen, this);
    }
}

void
UserPpp::Reopen()
{
    if (!m_physical.HasCarrier())
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
    // ipcp_InterfaceUp (ipcp.c): the address (iface_Add), the routes (route_Change),
    // then tun_configure with the line's speed (physical_GetSpeed).
    int error = BSD_OK;
    co_await m_interface.AddAddress(sys, local, peer, error);
    if (error != BSD_OK)
    {
        co_return;
    }
    m_stickyRoutes.Install(m_interface.GetDevice(), peer);
    int32_t baudrate = 0;
    co_await m_physical.GetSpeed(sys, baudrate);
    co_await m_interface.Configure(sys, mtu, baudrate);
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
    co_await m_interface.DeleteAddress(sys);
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
    m_interface.AddLinkLocal(GetNode(), local);
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
    m_interface.DeleteLinkLocal(GetNode());
    co_return;
}

} // namespace ns3
