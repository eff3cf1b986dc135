/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-syscalls.h"

#include "bsd-errno.h"

#include "ns3/abort.h"
#include "ns3/assert.h"
#include "ns3/simulator.h"

#include <type_traits>

namespace ns3
{

static_assert(std::is_same_v<BsdProcess::FcntlCallback, Callback<void, int, int>>,
              "fcntl returns through the same completion as open and socket");

BsdSyscalls::BsdSyscalls(Ptr<BsdProcess> process)
    : m_process(process)
{
    NS_ABORT_MSG_IF(!process, "BsdSyscalls: no process");
}

BsdSyscalls::~BsdSyscalls() = default;

Ptr<BsdProcess>
BsdSyscalls::GetProcess() const
{
    return m_process;
}

void
BsdSyscalls::BytesDone(int error, const std::vector<uint8_t>& bytes)
{
    Complete(BsdResult<std::vector<uint8_t>>{error, bytes});
}

void
BsdSyscalls::SelectDone(int error,
                        const std::vector<int>& readable,
                        const std::vector<int>& writable)
{
    *m_readFds = readable;
    *m_writeFds = writable;
    Complete(BsdResult<int>{error, error == BSD_OK ? int(readable.size() + writable.size()) : -1});
}

void
BsdSyscalls::RecvFromDone(int error, const std::vector<uint8_t>& data, const Address& from)
{
    // Taken, as in ReadDone (BsdProcess::RecvFromCallback allows it).
    Complete(BsdRecvFromResult{error, std::move(const_cast<std::vector<uint8_t>&>(data)), from});
}

// --- Sleep --------------------------------------------------------------------------------

BsdSyscalls::SleepCall
BsdSyscalls::Sleep(Time delay)
{
    return SleepCall(this, delay);
}

BsdSyscalls::SleepCall::SleepCall(BsdSyscalls* sys, Time delay)
    : m_sys(sys),
      m_delay(delay)
{
}

BsdSyscalls::SleepCall::~SleepCall()
{
    m_timer.Cancel(); // a no-op once it has fired
}

bool
BsdSyscalls::SleepCall::await_ready() const noexcept
{
    return false;
}

void
BsdSyscalls::SleepCall::await_suspend(BsdTask::Handle waiting)
{
    m_sys->Suspend(waiting, nullptr);
    m_timer = Simulator::Schedule(m_delay, &BsdSyscalls::Continue, m_sys);
}

void
BsdSyscalls::SleepCall::await_resume() const noexcept
{
}

// --- Exit ---------------------------------------------------------------------------------

BsdSyscalls::ExitCall
BsdSyscalls::Exit()
{
    return ExitCall(this);
}

BsdSyscalls::ExitCall::ExitCall(BsdSyscalls* sys)
    : m_sys(sys)
{
}

bool
BsdSyscalls::ExitCall::await_ready() const noexcept
{
    return false;
}

void
BsdSyscalls::ExitCall::await_suspend(BsdTask::Handle waiting)
{
    m_sys->Suspend(waiting, nullptr);
    // The process lets go of the task's frames; they go once this suspension is over.
    m_sys->m_process->Exit();
}

void
BsdSyscalls::ExitCall::await_resume() const noexcept
{
}

} // namespace ns3
