/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_SYSCALLS_H
#define BSD_SYSCALLS_H

#include "bsd-process.h"
#include "bsd-task.h"

#include "ns3/address.h"
#include "ns3/assert.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A simulated process's system calls as awaitables, for the code of a BsdTask.
 *
 * Like bsd-task.h, this header declares nothing without coroutine support.
 */

#if defined(__cpp_impl_coroutine)

namespace ns3
{

/**
 * \ingroup tun
 * \brief What a system call returns: its BSD errno and its value.
 * \tparam T the value's type
 */
template <typename T>
struct BsdResult
{
    int error{0}; //!< BSD_OK, or the BSD errno of the failure
    T value{};    //!< the call's value (a descriptor, a count, bytes...); empty on error
};

/// \ingroup tun
/// \brief What recvfrom(2) returns.
struct BsdRecvFromResult
{
    int error{0};              //!< BSD_OK, or the BSD errno of the failure
    std::vector<uint8_t> data; //!< the datagram, cut to the buffer's size
    Address from;              //!< its sender
};

/**
 * \ingroup tun
 * \brief The system calls of one process, each to be co_awaited inside a BsdTask, so a
 * daemon reads like its C:
 *
 * \code
 *   BsdSyscalls sys(process);
 *   auto [error, fd] = co_await sys.Open("/dev/tun0", BSD_O_RDWR);
 *   auto [readError, packet] = co_await sys.Read(fd, TUNMRU);
 * \endcode
 *
 * Each call is BsdProcess's: the same checks, errors (BSD errno values, 0 for success),
 * trace records and costs, and its completion arrives as a later event; the task
 * continues from that event, never inside the call that suspended it. The object
 * makes the process's completion callbacks once, on first use, and lives in the task's
 * frame: make it inside the task and pass it by reference to the tasks it calls. GCC
 * 12 refuses a braced list directly inside co_await: name the temporary first.
 */
class BsdSyscalls
{
  public:
    /**
     * \brief The awaitable a system call returns.
     * \tparam Result what co_await gives back
     * \tparam Issue the call, made when the task waits
     */
    template <typename Result, typename Issue>
    class Call;
    class SleepCall;
    class ExitCall;

    /// \param process the process whose calls these are; a BsdTask of it awaits them
    explicit BsdSyscalls(Ptr<BsdProcess> process);
    BsdSyscalls(const BsdSyscalls&) = delete;
    BsdSyscalls& operator=(const BsdSyscalls&) = delete;
    ~BsdSyscalls();

    /// \return the process
    Ptr<BsdProcess> GetProcess() const;

    /**
     * open(2), as BsdProcess::Open.
     * \param path "/dev/<name>" \param flags BSD_O_RDWR... with BSD_O_NONBLOCK...
     * \return co_await gives the error and the descriptor (-1 on error)
     */
    auto Open(std::string path, int32_t flags);

    /**
     * read(2), as BsdProcess::Read.
     * \param fd descriptor \param nbytes the buffer's size
     * \return co_await gives the error and the bytes read
     */
    auto Read(int fd, uint32_t nbytes);

    /**
     * write(2), as BsdProcess::Write.
     * \param fd descriptor \param data the bytes (move them in to spare a copy)
     * \return co_await gives the error and the count written (-1 on error)
     */
    auto Write(int fd, std::vector<uint8_t> data);

    /**
     * ioctl(2), as BsdProcess::Ioctl.
     * \param fd descriptor \param cmd an _IOC command word \param arg its parameter
     * \return co_await gives the error and the parameter copied out (IOC_OUT), or nothing
     */
    auto Ioctl(int fd, uint32_t cmd, std::vector<uint8_t> arg);

    /**
     * close(2), as BsdProcess::Close.
     * \param fd descriptor
     * \return co_await gives the error
     */
    auto Close(int fd);

    /**
     * poll(2), as BsdProcess::Poll: on return each entry of \p fds has its revents, as
     * the kernel fills in the caller's array. \p fds must outlive the wait (a local of
     * the task does).
     * \param fds the entries \param timeout zero polls once, negative waits forever
     * \return co_await gives the error and the number of entries with events (-1 on error)
     */
    auto Poll(std::vector<BsdProcess::PollFd>& fds, const Time& timeout);

    /**
     * select(2), as BsdProcess::Select: on return \p readFds and \p writeFds hold the
     * ready descriptors, as select rewrites the caller's fd_sets. Both must outlive the
     * wait.
     * \param readFds descriptors to read \param writeFds descriptors to write
     * \param timeout as Poll
     * \return co_await gives the error and the number of ready descriptors
     */
    auto Select(std::vector<int>& readFds, std::vector<int>& writeFds, const Time& timeout);

    /**
     * fcntl(2), as BsdProcess::Fcntl.
     * \param fd descriptor \param cmd a BsdProcess::FcntlCommand \param arg its argument
     * \return co_await gives the error and the value (F_GETFL, F_GETFD, F_GETOWN)
     */
    auto Fcntl(int fd, int32_t cmd, int32_t arg);

    /**
     * socket(2), as BsdProcess::Socket.
     * \param domain BSD_AF_INET or BSD_AF_INET6 \param type BSD_SOCK_DGRAM
     * \return co_await gives the error and the descriptor (-1 on error)
     */
    auto Socket(int32_t domain, int32_t type);

    /**
     * bind(2), as BsdProcess::Bind.
     * \param fd a socket \param address the local address
     * \return co_await gives the error
     */
    auto Bind(int fd, Address address);

    /**
     * connect(2), as BsdProcess::Connect.
     * \param fd a socket \param address the peer
     * \return co_await gives the error
     */
    auto Connect(int fd, Address address);

    /**
     * sendto(2), as BsdProcess::SendTo.
     * \param fd a socket \param data the datagram \param to its destination
     * \return co_await gives the error and the bytes sent (-1 on error)
     */
    auto SendTo(int fd, std::vector<uint8_t> data, Address to);

    /**
     * recvfrom(2), as BsdProcess::RecvFrom.
     * \param fd a socket \param nbytes the buffer's size
     * \return co_await gives the error, the datagram and its sender
     */
    auto RecvFrom(int fd, uint32_t nbytes);

    /**
     * Let \p delay of simulated time pass in user mode (a timer, as a daemon's sleep(3)
     * between two calls). Not a system call: no trace record, no cost, and a signal does
     * not cut it short (a handler runs when the signal comes; a fatal one ends the
     * process and its frames). A daemon that must also hear its descriptors waits in
     * Poll or Select with a timeout instead.
     * \param delay how long; zero continues in a later event at the same time
     * \return co_await gives nothing
     */
    SleepCall Sleep(Time delay);

    /**
     * exit(2), as BsdProcess::Exit: the process ends and the task with it; co_await
     * never returns.
     * \return the awaitable
     */
    ExitCall Exit();

  private:
    /// The task \p waiting waits; \p result receives what its call returns.
    /// \param waiting the frame \param result the awaiter's result
    void Suspend(BsdTask::Handle waiting, void* result);
    /// The wait is over: run the task on (the runner aborts if it is running still, that
    /// is if the completion came inside the call that began the wait).
    void Continue();
    /**
     * The awaitable of a call. \tparam Result what co_await gives back
     * \tparam Issue the lambda that makes the call \param issue it \return the awaitable
     */
    template <typename Result, typename Issue>
    Call<Result, Issue> Make(Issue&& issue);
    /// Store \p result in the waiting awaiter and continue. \param result what it gets
    template <typename R>
    void Complete(R&& result);
    /**
     * The completion \p Done as a callback, made once: one std::function between the
     * process and \p Done, where MakeCallback puts two (a completion callback is never
     * compared, so it carries no components).
     * \tparam Done the member it calls \param cb where it is kept \return the callback
     */
    template <auto Done, typename... Args>
    const Callback<void, Args...>& Completion(Callback<void, Args...>& cb);

    /// open, socket, fcntl return. \param error \param value the descriptor or value
    void ValueDone(int error, int value);
    /// read returns: the bytes are taken, not copied (BsdProcess::ReadCallback allows it).
    /// \param error \param bytes the bytes
    void ReadDone(int error, const std::vector<uint8_t>& bytes);
    /// ioctl returns. \param error \param bytes the parameter copied out
    void BytesDone(int error, const std::vector<uint8_t>& bytes);
    /// write, sendto return. \param error \param count the bytes written
    void CountDone(int error, int64_t count);
    /// close, bind, connect return. \param error
    void ErrorDone(int error);
    /// poll returns. \param error \param n entries with events \param fds the entries
    void PollDone(int error, int n, const std::vector<BsdProcess::PollFd>& fds);
    /// select returns. \param error \param readable \param writable the ready sets
    void SelectDone(int error, const std::vector<int>& readable, const std::vector<int>& writable);
    /// recvfrom returns. \param error \param data the datagram \param from the sender
    void RecvFromDone(int error, const std::vector<uint8_t>& data, const Address& from);

    Ptr<BsdProcess> m_process;                           //!< whose calls these are
    BsdTaskRunner* m_runner{nullptr};                    //!< runs the waiting task
    std::coroutine_handle<> m_waiting;                   //!< the frame waiting for a call
    void* m_result{nullptr};                             //!< where its result goes
    std::vector<BsdProcess::PollFd>* m_pollFds{nullptr}; //!< poll's caller's entries
    std::vector<int>* m_readFds{nullptr};                //!< select's caller's read set
    std::vector<int>* m_writeFds{nullptr};               //!< select's caller's write set

    // The completions, made on first use and reused by every later call.
    Callback<void, int, int> m_valueDone;                         //!< -> ValueDone
    BsdProcess::ReadCallback m_readDone;                          //!< -> ReadDone
    Callback<void, int, const std::vector<uint8_t>&> m_bytesDone; //!< -> BytesDone
    Callback<void, int, int64_t> m_countDone;                     //!< -> CountDone
    Callback<void, int> m_errorDone;                              //!< -> ErrorDone
    BsdProcess::PollCallback m_pollDone;                          //!< -> PollDone
    BsdProcess::SelectCallback m_selectDone;                      //!< -> SelectDone
    BsdProcess::RecvFromCallback m_recvFromDone;                  //!< -> RecvFromDone
};

template <typename Result, typename Issue>
class BsdSyscalls::Call
{
  public:
    /// \param sys the calls \param issue makes the call, with the completion to use
    Call(BsdSyscalls* sys, Issue&& issue)
        : m_sys(sys),
          m_issue(std::move(issue))
    {
    }

    /// \return false: a system call always waits for its completion
    bool await_ready() const noexcept
    {
        return false;
    }

    /// \param waiting the task that makes the call
    void await_suspend(BsdTask::Handle waiting)
    {
        m_sys->Suspend(waiting, &m_result);
        m_issue();
    }

    /// \return what the call returned
    Result await_resume()
    {
        return std::move(m_result);
    }

  private:
    BsdSyscalls* m_sys; //!< the calls
    Issue m_issue;      //!< makes the call
    Result m_result{};  //!< what it returns, filled in by its completion
};

/// \brief The awaitable of BsdSyscalls::Sleep: a timer that the frame's end cancels.
class BsdSyscalls::SleepCall
{
  public:
    /// \param sys the calls \param delay how long
    SleepCall(BsdSyscalls* sys, Time delay);
    SleepCall(const SleepCall&) = delete;
    SleepCall& operator=(const SleepCall&) = delete;
    /// Cancels the timer: the process ended while the task slept.
    ~SleepCall();
    /// \return false: even a zero sleep ends in a later event
    bool await_ready() const noexcept;
    /// \param waiting the task that sleeps
    void await_suspend(BsdTask::Handle waiting);
    /// The time has passed.
    void await_resume() const noexcept;

  private:
    BsdSyscalls* m_sys; //!< the calls
    Time m_delay;       //!< how long
    EventId m_timer;    //!< the wake-up
};

/// \brief The awaitable of BsdSyscalls::Exit.
class BsdSyscalls::ExitCall
{
  public:
    /// \param sys the calls
    explicit ExitCall(BsdSyscalls* sys);
    /// \return false
    bool await_ready() const noexcept;
    /// \param waiting the task that exits; its frames go when it has suspended
    void await_suspend(BsdTask::Handle waiting);
    /// Never resumed.
    void await_resume() const noexcept;

  private:
    BsdSyscalls* m_sys; //!< the calls
};

inline void
BsdSyscalls::Suspend(BsdTask::Handle waiting, void* result)
{
    m_runner = waiting.promise().GetRunner();
    NS_ASSERT_MSG(m_runner && m_runner->GetProcess() == PeekPointer(m_process),
                  "BsdSyscalls of pid " << m_process->GetPid()
                                        << " awaited by a task of another process");
    m_waiting = waiting;
    m_result = result;
}

inline void
BsdSyscalls::Continue()
{
    // The runner may destroy the frame that holds this object: nothing after this.
    m_runner->Resume(m_waiting);
}

// The completions of the calls a daemon makes per packet, inline so that each is one
// call from the process.

inline void
BsdSyscalls::ValueDone(int error, int value)
{
    Complete(BsdResult<int>{error, value});
}

inline void
BsdSyscalls::ReadDone(int error, const std::vector<uint8_t>& bytes)
{
    auto result = static_cast<BsdResult<std::vector<uint8_t>>*>(m_result);
    result->error = error;
    // The process drops its vector when this returns (BsdProcess::ReadCallback): taking
    // it spares the daemon a copy of every packet.
    result->value = std::move(const_cast<std::vector<uint8_t>&>(bytes));
    Continue();
}

inline void
BsdSyscalls::CountDone(int error, int64_t count)
{
    Complete(BsdResult<int64_t>{error, count});
}

inline void
BsdSyscalls::ErrorDone(int error)
{
    Complete(int{error});
}

inline void
BsdSyscalls::PollDone(int error, int n, const std::vector<BsdProcess::PollFd>& fds)
{
    for (std::size_t i = 0; i < fds.size(); ++i)
    {
        (*m_pollFds)[i].revents = fds[i].revents; // into the caller's array, as copyout
    }
    Complete(BsdResult<int>{error, n});
}

template <typename Result, typename Issue>
BsdSyscalls::Call<Result, Issue>
BsdSyscalls::Make(Issue&& issue)
{
    return Call<Result, Issue>(this, std::move(issue));
}

template <typename R>
void
BsdSyscalls::Complete(R&& result)
{
    *static_cast<std::decay_t<R>*>(m_result) = std::forward<R>(result);
    Continue();
}

template <auto Done, typename... Args>
const Callback<void, Args...>&
BsdSyscalls::Completion(Callback<void, Args...>& cb)
{
    if (cb.IsNull())
    {
        BsdSyscalls* self = this;
        cb = Callback<void, Args...>(
            Create<CallbackImpl<void, Args...>>([self](Args... args) { (self->*Done)(args...); },
                                                CallbackComponentVector()));
    }
    return cb;
}

inline auto
BsdSyscalls::Open(std::string path, int32_t flags)
{
    return Make<BsdResult<int>>([this, path = std::move(path), flags] {
        m_process->Open(path, flags, Completion<&BsdSyscalls::ValueDone>(m_valueDone));
    });
}

inline auto
BsdSyscalls::Read(int fd, uint32_t nbytes)
{
    return Make<BsdResult<std::vector<uint8_t>>>([this, fd, nbytes] {
        m_process->Read(fd, nbytes, Completion<&BsdSyscalls::ReadDone>(m_readDone));
    });
}

inline auto
BsdSyscalls::Write(int fd, std::vector<uint8_t> data)
{
    return Make<BsdResult<int64_t>>([this, fd, data = std::move(data)]() mutable {
        m_process->Write(fd, std::move(data), Completion<&BsdSyscalls::CountDone>(m_countDone));
    });
}

inline auto
BsdSyscalls::Ioctl(int fd, uint32_t cmd, std::vector<uint8_t> arg)
{
    return Make<BsdResult<std::vector<uint8_t>>>([this, fd, cmd, arg = std::move(arg)]() mutable {
        m_process->Ioctl(fd, cmd, std::move(arg), Completion<&BsdSyscalls::BytesDone>(m_bytesDone));
    });
}

inline auto
BsdSyscalls::Close(int fd)
{
    return Make<int>(
        [this, fd] { m_process->Close(fd, Completion<&BsdSyscalls::ErrorDone>(m_errorDone)); });
}

inline auto
BsdSyscalls::Poll(std::vector<BsdProcess::PollFd>& fds, const Time& timeout)
{
    return Make<BsdResult<int>>([this, &fds, &timeout] {
        m_pollFds = &fds;
        m_process->Poll(fds, timeout, Completion<&BsdSyscalls::PollDone>(m_pollDone));
    });
}

inline auto
BsdSyscalls::Select(std::vector<int>& readFds, std::vector<int>& writeFds, const Time& timeout)
{
    return Make<BsdResult<int>>([this, &readFds, &writeFds, &timeout] {
        m_readFds = &readFds;
        m_writeFds = &writeFds;
        m_process->Select(readFds,
                          writeFds,
                          timeout,
                          Completion<&BsdSyscalls::SelectDone>(m_selectDone));
    });
}

inline auto
BsdSyscalls::Fcntl(int fd, int32_t cmd, int32_t arg)
{
    return Make<BsdResult<int>>([this, fd, cmd, arg] {
        m_process->Fcntl(fd, cmd, arg, Completion<&BsdSyscalls::ValueDone>(m_valueDone));
    });
}

inline auto
BsdSyscalls::Socket(int32_t domain, int32_t type)
{
    return Make<BsdResult<int>>([this, domain, type] {
        m_process->Socket(domain, type, Completion<&BsdSyscalls::ValueDone>(m_valueDone));
    });
}

inline auto
BsdSyscalls::Bind(int fd, Address address)
{
    return Make<int>([this, fd, address] {
        m_process->Bind(fd, address, Completion<&BsdSyscalls::ErrorDone>(m_errorDone));
    });
}

inline auto
BsdSyscalls::Connect(int fd, Address address)
{
    return Make<int>([this, fd, address] {
        m_process->Connect(fd, address, Completion<&BsdSyscalls::ErrorDone>(m_errorDone));
    });
}

inline auto
BsdSyscalls::SendTo(int fd, std::vector<uint8_t> data, Address to)
{
    return Make<BsdResult<int64_t>>([this, fd, data = std::move(data), to]() mutable {
        m_process->SendTo(fd,
                          std::move(data),
                          to,
                          Completion<&BsdSyscalls::CountDone>(m_countDone));
    });
}

inline auto
BsdSyscalls::RecvFrom(int fd, uint32_t nbytes)
{
    return Make<BsdRecvFromResult>([this, fd, nbytes] {
        m_process->RecvFrom(fd, nbytes, Completion<&BsdSyscalls::RecvFromDone>(m_recvFromDone));
    });
}

} // namespace ns3

#endif /* __cpp_impl_coroutine */

#endif /* BSD_SYSCALLS_H */
