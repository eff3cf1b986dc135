/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-task.h"

#include "bsd-process.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <memory>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdTask");

// --- BsdTask -----------------------------------------------------------------------------

void
BsdTask::Exec(Ptr<BsdProcess> process, BsdTask task)
{
    NS_ABORT_MSG_IF(!process || !process->IsAlive(), "BsdTask::Exec: the process is not running");
    NS_ABORT_MSG_IF(!task.m_handle, "BsdTask::Exec: the task was handed over already");
    Handle root = std::exchange(task.m_handle, nullptr);
    auto runner = new BsdTaskRunner(PeekPointer(process), root);
    root.promise().m_runner = runner;
    // The process owns the runner, and through it the frames (SetImage aborts if it
    // runs a task already, before the runner is anybody's).
    process->SetImage(
        std::shared_ptr<void>(runner, [](void* r) { static_cast<BsdTaskRunner*>(r)->Release(); }));
    NS_LOG_LOGIC("pid " << process->GetPid() << " runs a task");
    runner->Resume(root);
}

// --- promise -----------------------------------------------------------------------------

void
BsdTask::promise_type::unhandled_exception() const
{
    throw; // to the event that resumed the task: the simulation stops there
}

// --- runner ------------------------------------------------------------------------------

BsdTaskRunner::BsdTaskRunner(BsdProcess* process, BsdTask::Handle root) noexcept
    : m_process(process),
      m_root(root)
{
}

BsdTaskRunner::~BsdTaskRunner()
{
    if (m_root)
    {
        m_root.destroy(); // and with it every callee it is waiting in
    }
}

void
BsdTaskRunner::Resumed()
{
    if (m_released)
    {
        delete this; // the task ended its own process: its frames go now that it waits
        return;
    }
    if (m_root)
    {
        NS_LOG_LOGIC("pid " << m_process->GetPid() << ": the task returned");
        m_root.destroy();
        m_root = nullptr;
    }
}

void
BsdTaskRunner::ResumedWhileRunning() const
{
    NS_FATAL_ERROR("pid " << m_process->GetPid()
                          << ": a task was resumed while running; a wait must end in a "
                             "later event, never inside the call that began it");
}

void
BsdTaskRunner::Release()
{
    if (m_running)
    {
        m_released = true;
        return;
    }
    delete this;
}

} // namespace ns3
