/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-cable-relay.h"

#include "bsd-errno.h"
#include "bsd-if.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cstring>

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
      m_readSize(TUNMRU),
      m_polled(MakeCallback(&TunCableRelay::Polled, this)),
      m_moved(MakeCallback(&TunCableRelay::Moved, this)),
      m_written(MakeCallback(&TunCableRelay::Written, this))
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
    Ptr<BsdProcess> p = m_process;
    p->Open(m_tunPath, BSD_O_RDWR | BSD_O_NONBLOCK, [this, p](int error, int tunFd) {
        if (error != BSD_OK)
        {
            Failed("open " + m_tunPath, error);
            return;
        }
        m_tunFd = tunFd;
        p->Open(m_cablePath, BSD_O_RDWR | BSD_O_NONBLOCK, [this, p](int error, int cableFd) {
            if (error != BSD_OK)
            {
                Failed("open " + m_cablePath, error);
                return;
            }
            m_cableFd = cableFd;
            if (!m_ifHead)
            {
                Loop();
                return;
            }
            std::vector<uint8_t> one(4, 0);
            one[0] = 1;
            p->Ioctl(m_tunFd, TUNSIFHEAD, one, [this](int error, const std::vector<uint8_t>&) {
                if (error != BSD_OK)
                {
                    Failed("ioctl TUNSIFHEAD", error);
                }
                Loop();
            });
        });
    });
}

void
TunCableRelay::StopApplication()
{
    if (m_process)
    {
        m_process->Exit();
    }
}

void
TunCableRelay::Loop()
{
    if (!m_process->IsAlive())
    {
        return;
    }
    m_pollFds.assign(
        {{m_tunFd, BSD_POLLIN, 0}, {m_cableFd, BSD_POLLIN, 0}}); // no allocation after the first
    m_process->Poll(m_pollFds, Time(-1), m_polled);
}

void
TunCableRelay::Polled(int error, int, const std::vector<BsdProcess::PollFd>& fds)
{
    if (error != BSD_OK)
    {
        Failed("poll", error);
        Loop();
        return;
    }
    m_cableReady = fds[1].revents & BSD_POLLIN;
    if (fds[0].revents & BSD_POLLIN)
    {
        Move(m_tunFd);
        return;
    }
    AfterTun();
}

void
TunCableRelay::AfterTun()
{
    if (m_cableReady)
    {
        Move(m_cableFd);
        return;
    }
    Loop();
}

void
TunCableRelay::Move(int from)
{
    m_from = from;
    m_process->Read(from, m_readSize, m_moved);
}

void
TunCableRelay::Moved(int error, const std::vector<uint8_t>& data)
{
    if (error != BSD_OK)
    {
        if (error != BSD_EWOULDBLOCK)
        {
            Failed("read", error);
        }
        m_from == m_tunFd ? AfterTun() : Loop();
        return;
    }
    m_process->Write(m_from == m_tunFd ? m_cableFd : m_tunFd, data, m_written);
}

void
TunCableRelay::Written(int error, int64_t)
{
    if (error != BSD_OK)
    {
        Failed("write", error);
    }
    else if (m_from == m_tunFd)
    {
        ++m_tunToCable;
    }
    else
    {
        ++m_cableToTun;
    }
    m_from == m_tunFd ? AfterTun() : Loop();
}

} // namespace ns3
