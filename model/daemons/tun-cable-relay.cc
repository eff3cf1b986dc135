/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-cable-relay.h"

#include "ns3/boolean.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunCableRelay");

NS_OBJECT_ENSURE_REGISTERED(TunCableRelay);

TypeId
TunCableRelay::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TunCableRelay")
            .SetParent<Application>()
            .SetGroupName("Tun")
            .AddConstructor<TunCableRelay>()
            .AddAttribute("TunDevice",
                          "The tun device to open.",
                          StringValue("/dev/tun0"),
                          MakeStringAccessor(&TunCableRelay::m_tunPath),
                          MakeStringChecker())
            .AddAttribute("CableDevice",
                          "The cable device to open.",
                          StringValue("/dev/cable0"),
                          MakeStringAccessor(&TunCableRelay::m_cablePath),
                          MakeStringChecker())
            .AddAttribute("IfHead",
                          "Set TUNSIFHEAD: packets carry a 4-byte address family, so IPv6 "
                          "works too. Without it only IPv4 crosses.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&TunCableRelay::m_ifHead),
                          MakeBooleanChecker())
            .AddAttribute("ReadSize",
                          "The read buffer; a longer packet is cut, as tunread does.",
                          UintegerValue(TUNMRU),
                          MakeUintegerAccessor(&TunCableRelay::m_readSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Error",
                            "A system call of the relay failed.",
                            MakeTraceSourceAccessor(&TunCableRelay::m_errorTrace),
                            "ns3::TunCableRelay::ErrorTracedCallback");
    return tid;
}

TunCableRelay::TunCableRelay()
    : m_ifHead(true),
      m_readSize(TUNMRU)
{
}

TunCableRelay::~TunCableRelay() = default;

void
TunCableRelay::DoDispose()
{
    m_process = nullptr;
    Application::DoDispose();
}

Ptr<BsdProcess>
TunCableRelay::GetProcess() const
{
    return m_process;
}

uint64_t
TunCableRelay::GetTunToCable() const
{
    return m_tunToCable;
}

uint64_t
TunCableRelay::GetCableToTun() const
{
    return m_cableToTun;
}

uint64_t
TunCableRelay::GetErrors() const
{
    return m_errors;
}

void
TunCableRelay::Failed(const std::string& call, int error)
{
    ++m_errors;
    NS_LOG_WARN("relay pid " << m_process->GetPid() << ": " << call << ": " << BsdErrnoName(error));
    m_errorTrace(call, BsdErrnoName(error));
}

void
TunCableRelay::StartApplication()
{
    m_process = CreateObject<BsdProcess>();
    m_process->Attach(GetNode());
    BsdTask::Exec(m_process, Run()); // runs up to the first open's wait
}

void
TunCableRelay::StopApplication()
{
    if (m_process)
    {
        m_process->Exit();
    }
}

BsdTask
TunCableRelay::Run()
{
    BsdSyscalls sys(m_process);
    auto [tunError, tun] = co_await sys.Open(m_tunPath, BSD_O_RDWR | BSD_O_NONBLOCK);
    if (tunError != BSD_OK)
    {
        Failed("open " + m_tunPath, tunError);
        co_return;
    }
    auto [cableError, cable] = co_await sys.Open(m_cablePath, BSD_O_RDWR | BSD_O_NONBLOCK);
    if (cableError != BSD_OK)
    {
        Failed("open " + m_cablePath, cableError);
        co_return;
    }
    if (m_ifHead)
    {
        std::vector<uint8_t> one = BsdIntArgument(1);
        auto [error, out] = co_await sys.Ioctl(tun, TUNSIFHEAD, std::move(one));
        if (error != BSD_OK)
        {
            Failed("ioctl TUNSIFHEAD", error);
        }
    }
    // Entry 0 is tun, entry 1 the cable; what one gives is written to the other.
    std::vector<BsdProcess::PollFd> fds(2);
    fds[0] = {tun, BSD_POLLIN, 0};
    fds[1] = {cable, BSD_POLLIN, 0};
    uint64_t* moved[2] = {&m_tunToCable, &m_cableToTun};
    const Time inftim(-1); // poll(2)'s INFTIM: until a descriptor is ready
    for (;;)
    {
        auto [error, n] = co_await sys.Poll(fds, inftim);
        if (error != BSD_OK)
        {
            Failed("poll", error);
            continue;
        }
        for (int from = 0; from < 2; ++from) // tun first, then the cable
        {
            if (!(fds[from].revents & BSD_POLLIN))
            {
                continue;
            }
            auto [readError, packet] = co_await sys.Read(fds[from].fd, m_readSize);
            if (readError != BSD_OK)
            {
                if (readError != BSD_EWOULDBLOCK) // non-blocking: nothing there is no failure
                {
                    Failed("read", readError);
                }
                continue;
            }
            auto [writeError, written] = co_await sys.Write(fds[1 - from].fd, std::move(packet));
            if (writeError != BSD_OK)
            {
                Failed("write", writeError);
                continue;
            }
            ++*moved[from];
        }
    }
}

} // namespace ns3
