/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_TASK_H
#define BSD_TASK_H

#include "pooled-allocation.h"

#include "ns3/ptr.h"

/**
 * \file
 * \ingroup tun
 * The program of a simulated process, written as a C++ coroutine.
 *
 * Coroutines need compiler support: GCC 12 gives it in C++17 with -fcoroutines, clang in
 * C++20; the ns3-tun target passes the right flag on to whatever links it. Compiled
 * without that support this header declares nothing, so that tun-module.h still
 * compiles; naming BsdTask then fails.
 */

#if defined(__cpp_impl_coroutine)

#include <coroutine>
#include <cstddef>
#include <utility>

namespace ns3
{

class BsdProcess;
class BsdTaskRunner;

/**
 * \ingroup tun
 * \brief The code a simulated process runs, as a coroutine: a function returning BsdTask
 * that waits for its system calls with co_await (see BsdSyscalls).
 *
 * A BsdTask starts suspended. BsdTask::Exec hands it to a process, which owns its
 * frames from then on and runs it at once, up to its first wait. Every wait ends in a
 * later simulator event (a system call's completion, a timer), never inside the call
 * that began it. The process destroys the frames when it exits (Exit, a fatal signal)
 * or is disposed, wherever they are suspended: a daemon's locals are its stack, and
 * exit1 frees the address space.
 *
 * One process runs one task, its one thread: a BSD process of 2001 had a single thread
 * of control (libc_r's threads lived inside it, multiplexed on poll(2)), and
 * BsdProcess makes one system call at a time. A daemon that waits for several things
 * does what the C daemon does, one select or poll over all of them with a timeout; a
 * second concurrent activity is a second process.
 *
 * A BsdTask may co_await another BsdTask: the callee runs at once, on the caller's
 * process, and the caller continues when it returns, as a C function calls another.
 * Frames come from PooledAllocation, so a call per packet costs no malloc.
 */
class BsdTask
{
  public:
    class promise_type;
    /// The coroutine's handle.
    using Handle = std::coroutine_handle<promise_type>;

    /// Takes over \p other's frame. \param other a task not yet started
    BsdTask(BsdTask&& other) noexcept;
    BsdTask(const BsdTask&) = delete;
    BsdTask& operator=(const BsdTask&) = delete;
    BsdTask& operator=(BsdTask&&) = delete;
    /// Destroys the frame if this object still owns it (never started, or a callee).
    ~BsdTask();

    /**
     * exec: \p process runs \p task from now on. The task runs now, inside this call, up
     * to its first co_await; the process owns its frames. Not a system call here (the
     * trace has no record of it). Aborts when the process has exited or already runs a
     * task.
     * \param process an attached process
     * \param task its code
     */
    static void Exec(Ptr<BsdProcess> process, BsdTask task);

    /// \return false: an awaited task always runs
    bool await_ready() const noexcept;
    /**
     * Call this task from \p caller: it runs on the caller's process, then the caller
     * continues.
     * \param caller the awaiting task
     * \return this task's frame, to run next
     */
    Handle await_suspend(Handle caller) noexcept;
    /// The callee has returned.
    void await_resume() const noexcept;

  private:
    /// \param handle the frame, owned from now on
    explicit BsdTask(Handle handle) noexcept;

    Handle m_handle; //!< the frame, until Exec hands it to a process
};

/**
 * \ingroup tun
 * \brief The promise of a BsdTask: where its frame lives, who runs it, whom it returns to.
 */
class BsdTask::promise_type
{
  public:
    /// Resumes the caller, if any, when the task returns.
    struct FinalAwaiter
    {
        /// \return false: always suspend, so the owner destroys the frame
        bool await_ready() const noexcept;
        /// \param done the finished task \return the caller, or nothing to run
        std::coroutine_handle<> await_suspend(Handle done) noexcept;
        /// Never resumed.
        void await_resume() const noexcept;
    };

    /// \return the task owning this frame
    BsdTask get_return_object() noexcept;
    /// \return suspend: a task runs when Exec or its caller starts it
    std::suspend_always initial_suspend() const noexcept;
    /// \return the awaiter that continues the caller
    FinalAwaiter final_suspend() const noexcept;
    /// The task's code has returned.
    void return_void() const noexcept;
    /// An exception escaped the task's code: it goes on to whoever resumed the task.
    void unhandled_exception() const;

    /// \param size the frame's size \return storage for it
    static void* operator new(std::size_t size);
    /// \param frame storage from operator new \param size its size
    static void operator delete(void* frame, std::size_t size);

    /// \return the runner of the process the task runs on (null before it starts)
    BsdTaskRunner* GetRunner() const noexcept;

  private:
    friend class BsdTask;
    friend class BsdTaskRunner;

    BsdTaskRunner* m_runner{nullptr};   //!< set by Exec, or by the caller's co_await
    std::coroutine_handle<> m_caller{}; //!< the task to continue on return, if any
};

/**
 * \ingroup tun
 * \brief What runs a process's BsdTask: owns the frames on the process's behalf and
 * resumes a waiting frame when its wait is over.
 *
 * Made by BsdTask::Exec and owned by the process (BsdProcess::SetImage). When the
 * process lets go (exit, Dispose) the frames are destroyed at once, or, when that
 * happens while the task is running (a task that ends its own process), as soon as it
 * next waits.
 */
class BsdTaskRunner
{
  public:
    BsdTaskRunner(const BsdTaskRunner&) = delete;
    BsdTaskRunner& operator=(const BsdTaskRunner&) = delete;

    /**
     * Run a waiting frame of this task on until it waits again or returns. Aborts when
     * called while the task is running, which is when a completion comes inside the call
     * that began the wait: a wait always ends in a later event.
     * \param frame the frame whose wait is over
     */
    void Resume(std::coroutine_handle<> frame);

    /// \return the process the task runs on
    BsdProcess* GetProcess() const noexcept;

  private:
    friend class BsdTask;
    friend struct BsdTask::promise_type::FinalAwaiter;

    /// \param process the process \param root the task's outermost frame
    BsdTaskRunner(BsdProcess* process, BsdTask::Handle root) noexcept;
    /// Destroys the frames.
    ~BsdTaskRunner();

    /// The process lets go: destroy now, or when the running task next waits.
    void Release();
    /// After a resume that ended the process or returned from the task: destroy what
    /// is to go.
    void Resumed();
    /// Abort: resumed while running.
    [[noreturn]] void ResumedWhileRunning() const;

    BsdProcess* m_process;  //!< the process (it owns this runner)
    BsdTask::Handle m_root; //!< the outermost frame, null once it has returned
    bool m_running{false};  //!< inside Resume
    bool m_released{false}; //!< the process let go while the task was running
    bool m_returned{false}; //!< the outermost frame has returned
};

// Inline: every call and every system call of a task goes through these.

inline BsdTask::BsdTask(Handle handle) noexcept
    : m_handle(handle)
{
}

inline BsdTask::BsdTask(BsdTask&& other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr))
{
}

inline BsdTask::~BsdTask()
{
    if (m_handle)
    {
        m_handle.destroy();
    }
}

inline bool
BsdTask::await_ready() const noexcept
{
    return false;
}

inline BsdTask::Handle
BsdTask::await_suspend(Handle caller) noexcept
{
    promise_type& callee = m_handle.promise();
    callee.m_runner = caller.promise().m_runner;
    callee.m_caller = caller;
    return m_handle; // symmetric transfer: the callee runs in place of the caller
}

inline void
BsdTask::await_resume() const noexcept
{
}

inline BsdTask
BsdTask::promise_type::get_return_object() noexcept
{
    return BsdTask(Handle::from_promise(*this));
}

inline std::suspend_always
BsdTask::promise_type::initial_suspend() const noexcept
{
    return {};
}

inline BsdTask::promise_type::FinalAwaiter
BsdTask::promise_type::final_suspend() const noexcept
{
    return {};
}

inline void
BsdTask::promise_type::return_void() const noexcept
{
}

inline void*
BsdTask::promise_type::operator new(std::size_t size)
{
    return PooledAllocation::operator new(size);
}

inline void
BsdTask::promise_type::operator delete(void* frame, std::size_t size)
{
    PooledAllocation::operator delete(frame, size);
}

inline BsdTaskRunner*
BsdTask::promise_type::GetRunner() const noexcept
{
    return m_runner;
}

inline bool
BsdTask::promise_type::FinalAwaiter::await_ready() const noexcept
{
    return false;
}

inline std::coroutine_handle<>
BsdTask::promise_type::FinalAwaiter::await_suspend(Handle done) noexcept
{
    // A callee continues its caller (whose BsdTask then destroys the callee's frame);
    // the outermost task goes back to its runner.
    promise_type& promise = done.promise();
    if (promise.m_caller)
    {
        return promise.m_caller;
    }
    promise.m_runner->m_returned = true;
    return std::noop_coroutine();
}

inline void
BsdTask::promise_type::FinalAwaiter::await_resume() const noexcept
{
}

inline BsdProcess*
BsdTaskRunner::GetProcess() const noexcept
{
    return m_process;
}

inline void
BsdTaskRunner::Resume(std::coroutine_handle<> frame)
{
    if (m_running)
    {
        ResumedWhileRunning();
    }
    m_running = true;
    frame.resume();
    m_running = false;
    if (m_released || m_returned)
    {
        Resumed(); // may delete this
    }
}

} // namespace ns3

#endif /* __cpp_impl_coroutine */

#endif /* BSD_TASK_H */
