/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_PROCESS_H
#define BSD_PROCESS_H

#include "bsd-descriptor-table.h"
#include "bsd-fcntl.h"
#include "bsd-signal-state.h"
#include "bsd-signal.h"
#include "bsd-sleep-state.h"
#include "read-buffer-pool.h"
#include "syscall-record.h"
#include "uio.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/dev-ops.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/socket-file.h"
#include "ns3/traced-callback.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A simulated user process: credentials, descriptors, signals, and system calls that
 * complete in simulated time.
 */

namespace ns3
{

class Node;
class Cdev;
class BsdKernel;
class DeviceSwitch;
class ProcessTable;

/**
 * \ingroup tun
 * \brief A user process of a simulated BSD kernel.
 *
 * A process has a pid (from its node's ProcessTable), credentials, a descriptor table
 * and signal dispositions. Its system calls (Open, Read, Write, Ioctl, Close) go
 * through the node's DeviceSwitch as the kernel's file layer does (vn_open, spec_open,
 * dofileread, ioctl, closef) and complete through a callback, always as a later
 * simulated event, never inside the call. A process runs one system call at a time,
 * like a single-threaded BSD process; issuing another before the callback aborts.
 *
 * A blocking call that finds nothing to do parks in Tsleep() until a driver's wakeup,
 * a signal (EINTR, or a restart when the handler asked for SA_RESTART) or a timeout.
 *
 * Descriptors are numbered from 3 up: 0 to 2 stand for the standard streams a
 * daemon inherits and are never handed out. A descriptor refers to a device (Open) or
 * to a UDP socket (Socket); Read, Write, Ioctl, Poll, Select, Fcntl and Close work on
 * both, through the device's dev_ops or the socket's file operations (SocketFile).
 *
 * The process's state is three value types besides the call in progress: its
 * descriptor table (BsdDescriptorTable, struct filedesc), its signal state
 * (BsdSignalState, kern_sig.c's pending set and sigacts) and its sleep state
 * (BsdSleepState, what tsleep records). The process holds them and does what they
 * cannot: the file operations, the simulator's events, the sleep queues.
 */
class BsdProcess : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdProcess();
    ~BsdProcess() override;

    /**
     * Start the process on \p node: give it a pid and a place in the node's table.
     * Installs a DeviceSwitch on the node if it has none.
     * \param node the node whose kernel runs the process
     */
    void Attach(Ptr<Node> node);

    uint32_t GetPid() const;   //!< \return the pid (0 before Attach)
    uint32_t GetPgid() const;  //!< \return the process group (its own pid unless set)
    uint32_t GetSid() const;   //!< \return the session
    Ucred GetCred() const;     //!< \return the credentials
    Ptr<Node> GetNode() const; //!< \return the node
    bool IsAlive() const;      //!< \return true from Attach until exit

    /**
     * Name the process, as exec names p_comm: its system call records carry the name,
     * and SyscallTraceHelper can keep one name's calls. \param name the name, cut to
     * MAXCOMLEN (16) characters
     */
    void SetName(const std::string& name);
    /// \return the name (empty unless named)
    const std::string& GetName() const;

    /// \return the system calls the process has entered (a restarted call counts once)
    uint64_t GetSyscallCount() const;

    /// Signature of the Syscall trace: one CALL or RET record (ktrace).
    typedef void (*SyscallTracedCallback)(const SyscallRecord& record);

    /// open(2) completion: error, then the descriptor (-1 on error).
    using OpenCallback = Callback<void, int, int>;
    /// read(2) completion: error, then the bytes read. The vector is the completion's:
    /// the process drops it when the completion returns, so it may move the bytes out.
    using ReadCallback = Callback<void, int, const std::vector<uint8_t>&>;
    /// write(2) completion: error, then the byte count written.
    using WriteCallback = Callback<void, int, int64_t>;
    /// ioctl(2) completion: error, then the parameter copied out (IOC_OUT), else empty.
    using IoctlCallback = Callback<void, int, const std::vector<uint8_t>&>;
    /// close(2) completion: error.
    using CloseCallback = Callback<void, int>;

    /// One entry of poll(2)'s array (struct pollfd).
    struct PollFd
    {
        int fd{-1};         //!< descriptor; negative entries are skipped
        int16_t events{0};  //!< BSD_POLLIN...
        int16_t revents{0}; //!< filled in
    };

    /// poll(2) completion: error, number of entries with events, the entries.
    using PollCallback = Callback<void, int, int, const std::vector<PollFd>&>;
    /// select(2) completion: error, then the ready read and write descriptors.
    using SelectCallback = Callback<void, int, const std::vector<int>&, const std::vector<int>&>;
    /// fcntl(2) completion: error, then the value (F_GETFL, F_GETFD, F_GETOWN).
    using FcntlCallback = Callback<void, int, int32_t>;
    /// socket(2) completion: error, then the descriptor (-1 on error).
    using SocketCallback = Callback<void, int, int>;
    /// bind(2), connect(2) completion: error.
    using SockaddrCallback = Callback<void, int>;
    /// recvfrom(2) completion: error, the bytes read (the completion's, as for read), the
    /// sender.
    using RecvFromCallback = Callback<void, int, const std::vector<uint8_t>&, const Address&>;

    /// fcntl commands (sys/fcntl.h).
    enum FcntlCommand : int32_t
    {
        F_GETFD = 1, //!< close-on-exec flag
        F_SETFD = 2,
        F_GETFL = 3, //!< open flags (O_NONBLOCK, O_ASYNC...)
        F_SETFL = 4,
        F_GETOWN = 5, //!< SIGIO owner
        F_SETOWN = 6,
    };

    /**
     * open(2) a device node.
     * \param path "/dev/<name>"
     * \param flags BSD_O_RDONLY, BSD_O_WRONLY or BSD_O_RDWR, with BSD_O_NONBLOCK...
     * \param cb completion: EINVAL (bad access mode), EMFILE, ENOENT, EACCES, or what
     *        the driver's open returned
     */
    void Open(const std::string& path, int32_t flags, OpenCallback cb);

    /**
     * read(2)
     * \param fd descriptor
     * \param nbytes buffer size
     * \param cb completion: EBADF, EINVAL, or the driver's result; a read interrupted
     *        after moving bytes succeeds with those bytes, as dofileread does
     */
    void Read(int fd, uint32_t nbytes, ReadCallback cb);

    /**
     * write(2)
     * \param fd descriptor
     * \param data bytes to write
     * \param cb completion, as Read
     */
    void Write(int fd, std::vector<uint8_t> data, WriteCallback cb);

    /**
     * ioctl(2): copies the parameter in (IOC_IN) and out (IOC_OUT) as the kernel does;
     * FIONBIO and FIOASYNC also set the descriptor's flags; FIOCLEX and FIONCLEX stay in
     * the descriptor layer.
     * \param fd descriptor
     * \param cmd an _IOC command word
     * \param arg the parameter: at least IOCPARM_LEN(cmd) bytes when IOC_IN
     * \param cb completion: EBADF, ENOTTY (parameter over IOCPARM_MAX), EFAULT (short
     *        parameter), or the driver's result
     */
    void Ioctl(int fd, uint32_t cmd, std::vector<uint8_t> arg, IoctlCallback cb);

    /**
     * close(2): the device's close runs on the last close only, unless its table has
     * D_TRACKCLOSE (spec_close).
     * \param fd descriptor
     * \param cb completion: EBADF, or the driver's result
     */
    void Close(int fd, CloseCallback cb);

    /**
     * poll(2): ask each descriptor's driver (d_poll), and when none is ready sleep until
     * a driver's selwakeup, the timeout or a signal. A descriptor that is not open
     * reports POLLNVAL. An interrupted poll fails with EINTR and is never restarted.
     * \param fds the entries
     * \param timeout how long to wait; zero polls once, negative waits forever (INFTIM)
     * \param cb completion
     */
    void Poll(const std::vector<PollFd>& fds, Time timeout, PollCallback cb);

    /**
     * select(2) over read and write sets, by the same scan as Poll; a descriptor that is
     * not open fails the call with EBADF.
     * \param readFds descriptors to watch for reading
     * \param writeFds descriptors to watch for writing
     * \param timeout as Poll
     * \param cb completion
     */
    void Select(const std::vector<int>& readFds,
                const std::vector<int>& writeFds,
                Time timeout,
                SelectCallback cb);

    /**
     * fcntl(2): F_GETFL/F_SETFL (O_NONBLOCK, O_ASYNC, O_APPEND; the driver hears FIONBIO
     * and FIOASYNC), F_GETOWN/F_SETOWN (FIOGETOWN/FIOSETOWN), F_GETFD/F_SETFD.
     * \param fd descriptor
     * \param cmd a FcntlCommand
     * \param arg its argument
     * \param cb completion: EBADF, EINVAL (unknown command), or the driver's answer
     */
    void Fcntl(int fd, int32_t cmd, int32_t arg, FcntlCallback cb);

    /**
     * socket(2) (socreate, then falloc): a UDP socket on the process's node, backed by
     * an ns-3 UdpSocket. The descriptor is open for reading and writing and blocking
     * until FIONBIO or F_SETFL O_NONBLOCK.
     * \param domain BSD_AF_INET or BSD_AF_INET6
     * \param type BSD_SOCK_DGRAM
     * \param cb completion: EMFILE, EPROTONOSUPPORT (see SocketFile::Create for the
     *        variants that answer EAFNOSUPPORT or EPROTOTYPE)
     */
    void Socket(int32_t domain, int32_t type, SocketCallback cb);

    /**
     * bind(2)
     * \param fd a socket
     * \param address InetSocketAddress or Inet6SocketAddress, as the socket's domain
     * \param cb completion: EBADF, ENOTSOCK, or SocketFile::Bind's result
     */
    void Bind(int fd, const Address& address, SockaddrCallback cb);

    /**
     * connect(2)
     * \param fd a socket \param address the peer
     * \param cb completion: EBADF, ENOTSOCK, or SocketFile::Connect's result
     */
    void Connect(int fd, const Address& address, SockaddrCallback cb);

    /**
     * sendto(2): one datagram. Write() on a connected socket does the same without an
     * address.
     * \param fd a socket \param data the datagram \param to its destination
     * \param cb completion: EBADF, ENOTSOCK, or SocketFile::Send's result (EISCONN,
     *        EMSGSIZE, EHOSTUNREACH...), then the bytes sent
     */
    void SendTo(int fd, std::vector<uint8_t> data, const Address& to, WriteCallback cb);

    /**
     * recvfrom(2): one datagram, cut to \p nbytes (the rest is discarded, MSG_TRUNC).
     * Sleeps for one unless the socket is non-blocking (EWOULDBLOCK); a signal
     * interrupts the sleep as it does a device read. Read() does the same without the
     * sender.
     * \param fd a socket \param nbytes the buffer size
     * \param cb completion: EBADF, ENOTSOCK, EWOULDBLOCK, EINTR; the bytes; the sender
     */
    void RecvFrom(int fd, uint32_t nbytes, RecvFromCallback cb);

    /// selwakeup for this process: rescan a poll in progress (kernel side)
    void Selwakeup();

    /**
     * Post a signal (psignal). Ignored signals are discarded; others interrupt an
     * interruptible sleep and are delivered on the way back to user mode: a handler is
     * called, the default action ends the process.
     * \param sig signal number
     */
    void Kill(int32_t sig);

    /**
     * sigaction: catch \p sig with \p handler.
     * \param sig signal number (not SIGKILL)
     * \param handler called with the signal number
     * \param restart SA_RESTART: an interrupted sleep restarts the system call
     */
    void SetSignalHandler(int32_t sig, Callback<void, int32_t> handler, bool restart);

    /// \param sig signal number to ignore (SIG_IGN)
    void IgnoreSignal(int32_t sig);

    /// \param sig signal number to give back its default action (SIG_DFL)
    void DefaultSignal(int32_t sig);

    /**
     * exit(2): close every descriptor and leave the process table. A system call in
     * progress is interrupted first and its completion is never delivered.
     */
    void Exit();

    /**
     * exec: \p image is the program the process runs from now on (BsdTask::Exec makes
     * it). The process owns it: exit and Dispose release it, as exit1 frees the address
     * space. Aborts after exit, or when the process has an image already.
     * \param image the program, released through its deleter
     */
    void SetImage(std::shared_ptr<void> image);

    /// \return the descriptors in use, ascending
    std::vector<int> GetDescriptors() const;

    /// \param fd a descriptor \return the device it is open on, or null
    Ptr<Cdev> GetDescriptorDevice(int fd) const;

    /// \param fd a descriptor \return the socket it refers to, or null
    Ptr<SocketFile> GetDescriptorSocket(int fd) const;

    /// \param fd a descriptor \return its file flags (BSD_FREAD...), or -1
    int32_t GetDescriptorFlags(int fd) const;

    // --- kernel side ----------------------------------------------------------------

    /**
     * tsleep, for drivers: sleep on \p chan until wakeup(chan).
     *
     * The driver returns what this returns. When it is BSD_ESLEEP the process parks,
     * and when it wakes the dispatcher calls \p resume with tsleep's result (0 after a
     * wakeup, EWOULDBLOCK after the timeout, EINTR or ERESTART after a signal when
     * \p priority has PCATCH); resume returns the operation's result, and may sleep
     * again. With PCATCH and a signal already pending it returns EINTR or ERESTART at
     * once, as tsleep does, without sleeping.
     * \param chan wait channel
     * \param priority sleep priority, optionally with BSD_PCATCH
     * \param wmesg what the sleep is for ("tunread")
     * \param timeout zero for none
     * \param resume the rest of the operation
     * \return BSD_ESLEEP, EINTR or ERESTART
     */
    int Tsleep(const void* chan,
               int32_t priority,
               const std::string& wmesg,
               Time timeout,
               std::function<int(int)> resume);

    /**
     * Park after a driver's Tsleep returned BSD_ESLEEP (the dispatcher's side).
     * \param onWake called, after the cost model's wakeup latency, with tsleep's result
     */
    void Park(std::function<void(int)> onWake);

    /// \return the continuation the last Tsleep registered (the dispatcher's side)
    std::function<int(int)> TakeSleepContinuation();

    /**
     * Make a sleeping process runnable (setrunnable).
     * \param error tsleep's result: 0 (wakeup), EWOULDBLOCK, EINTR or ERESTART
     */
    void Wake(int error);

    bool IsSleeping() const;                   //!< \return true while parked in tsleep
    const std::string& GetWaitMessage() const; //!< \return the wmesg of the sleep, or ""

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// An open file (struct file): on a device vnode (DTYPE_VNODE) or a socket.
    using File = BsdDescriptorTable::File;

    /// A poll or select in progress.
    struct PollScan
    {
        std::vector<PollFd> fds; //!< the entries
        std::size_t next{0};     //!< next entry to ask
        int nready{0};           //!< entries with events
        bool forever{false};     //!< INFTIM
        Time deadline;           //!< when the timeout expires
        bool selectMode{false};  //!< select: a closed descriptor is EBADF, sets come back
    };

    /**
     * The system call in progress, and everything it needs until it returns: its
     * arguments, its buffers and the caller's completion. A process makes one call at a
     * time, so one frame is reused by every call and the hot calls (read, write, sendto,
     * recvfrom, poll, select) allocate nothing of their own.
     */
    struct Syscall
    {
        std::string name;            //!< for messages
        int fd{-1};                  //!< the descriptor it names, for the trace
        std::function<void()> issue; //!< enters the kernel (again, on restart)

        uint32_t nbytes{0};                //!< read, recvfrom: the buffer's size
        std::vector<uint8_t> data;         //!< write, sendto: the bytes; read, recvfrom: result
        ReadBufferPool::Buffer readBuffer; //!< read: the copy-out target, for this call
        Uio uio{Uio::READ, nullptr, 0};    //!< the transfer of a device read or write
        Address address;                   //!< sendto's destination
        SocketFile::RecvRequest recv;      //!< a socket read, filled in by soreceive
        int64_t result{0};                 //!< the value the call returns on success
        PollScan scan;                     //!< poll, select
        std::vector<PollFd> polled;        //!< poll: the entries handed to the completion
        std::vector<int> readable;         //!< select: the read set handed to the completion
        std::vector<int> writable;         //!< select: the write set handed to the completion
        Time timeout;                      //!< poll, select
        uint64_t copied{0};                //!< poll, select: bytes copied in and out
        std::function<void(int)> finish;   //!< runs the completion when back in user mode

        ReadCallback readDone;         //!< read
        WriteCallback writeDone;       //!< write, sendto
        RecvFromCallback recvFromDone; //!< recvfrom
        PollCallback pollDone;         //!< poll
        SelectCallback selectDone;     //!< select
    };

    /// Enter the kernel for \p name; \p issue runs now and again on restart.
    void Begin(const std::string& name,
               int fd,
               const std::function<std::string()>& args,
               std::function<void()> issue);
    /**
     * bind(2) and connect(2): one sockaddr in, the socket's \p op on it.
     * \param name the call \param fd the socket \param address the sockaddr
     * \param op SocketFile::Bind or SocketFile::Connect \param cb completion
     */
    void SockaddrCall(const std::string& name,
                      int fd,
                      const Address& address,
                      int (SocketFile::*op)(const Address&),
                      SockaddrCallback cb);
    /// \return whether anyone listens to the system call trace
    bool Tracing() const;
    /// Fire the Syscall traces (own and node's). \param record time, node, pid filled in
    void Record(SyscallRecord record);
    /// The call in progress returns to user mode. \param error \param result its value
    void Returned(int error, int64_t result);
    /// The kernel part finished with \p error after copying \p copied bytes.
    void Return(int error, uint64_t copied, std::function<void(int)> finish);
    /// Back in user mode: post signals, restart or complete.
    void ReturnToUser(int error, const std::function<void(int)>& finish);
    /// Deliver pending signals (postsig); may end the process.
    void PostSignals();
    /**
     * Enter the kernel for the poll or select whose entries are in the frame's scan.
     * \param name "poll" or "select" \param timeout negative for INFTIM
     * \param copied bytes copied in and out (struct pollfd array, fd_sets)
     */
    void BeginScan(const std::string& name, Time timeout, uint64_t copied);
    /// Start the scan of the frame's poll or select (again).
    void PollStart();
    /// Scan the descriptors, one d_poll at a time, from scan.next.
    void PollNext();
    /// A d_poll answered \p revents for the entry at scan.next.
    void PollAnswered(int64_t revents);
    /// All scanned: return, or sleep until selwakeup, timeout or signal.
    void PollScanned();
    /// The scan ends with \p error: leave the scan and return to user mode.
    void ScanFinished(int error);
    /**
     * fo_ioctl: the socket's soo_ioctl or the device's d_ioctl through the switch.
     * \param file the file \param cmd the command \param data the kernel's parameter
     * buffer \param done completion with the error
     */
    void FoIoctl(Ptr<File> file, uint32_t cmd, uint8_t* data, std::function<void(int64_t)> done);
    /**
     * fo_ioctl with an int parameter, for the descriptor layer's own use (fcntl).
     * \param file the file \param cmd the command \param value in: the parameter
     * \param done completion with the error and the parameter as the driver left it
     */
    void FileIoctl(Ptr<File> file,
                   uint32_t cmd,
                   int32_t value,
                   std::function<void(int, int32_t)> done);
    /// Close every descriptor and leave the table.
    void DoExit();
    /// closef: drop \p file, running the device close on the last close.
    void CloseFile(Ptr<File> file, std::function<void(int)> done);
    /// \return the switch of the node
    Ptr<DeviceSwitch> GetSwitch() const;
    /**
     * getsock: the socket behind \p fd, or the error a socket call gives for it.
     * \param fd descriptor \param error receives EBADF or ENOTSOCK \return the socket
     */
    Ptr<SocketFile> GetSocketFile(int fd, int& error) const;
    /**
     * Finish a file operation that may have slept (BSD_ESLEEP): park, resume with the
     * sleeper's continuation, and call \p done with the final result.
     * \param result what the operation returned \param done completion
     */
    void Sleepable(int result, std::function<void(int)> done);
    /// soreceive for Read and RecvFrom, into the frame's RecvRequest. \param socket the
    /// socket \param nbytes the buffer \param done completion when back in user mode
    void SocketReceive(Ptr<SocketFile> socket, uint32_t nbytes, std::function<void(int)> done);
    /// read(2) and recvfrom(2) return. \param error the outcome
    void ReadReturned(int error);
    /// recvfrom(2) returns. \param error the outcome
    void RecvFromReturned(int error);
    /// Take the frame's bytes out of it. \param error the call's outcome \return the
    /// bytes a successful read returns, else none
    std::vector<uint8_t> TakeData(int error);
    /// write(2) and sendto(2) return. \param error the outcome
    void WriteReturned(int error);
    /// A device read or write finished with \p result. \param isRead which
    void TransferDone(int64_t result, bool isRead);
    /// poll(2) or select(2) return. \param error the outcome of the scan
    void ScanReturned(int error);
    /// \return the descriptor's file, or null
    Ptr<File> GetFile(int fd) const;

    uint32_t m_pid{0};                                   //!< Pid attribute, then the pid in force
    std::string m_name;                                  //!< SetName (p_comm)
    uint32_t m_sid{1};                                   //!< Sid attribute
    uint32_t m_uid{0};                                   //!< Uid attribute
    uint32_t m_gid{0};                                   //!< Gid attribute
    uint32_t m_pgid{0};                                  //!< Pgid attribute; 0 means the pid
    uint32_t m_maxFiles{64};                             //!< MaxFiles attribute (RLIMIT_NOFILE)
    Ptr<Node> m_node;                                    //!< the node
    Ptr<DeviceSwitch> m_switch;                          //!< the node\'s device switch
    Ptr<BsdKernel> m_kernel;                             //!< the node's kernel
    Ptr<ProcessTable> m_table;                           //!< the node's table
    bool m_alive{false};                                 //!< between Attach and exit
    bool m_exiting{false};                               //!< exit requested during a system call
    bool m_inSyscall{false};                             //!< a system call is in progress
    BsdDescriptorTable m_descriptors;                    //!< descriptor table (filedesc)
    BsdSignalState m_signals;                            //!< pending set and dispositions
    Syscall m_syscall;                                   //!< the one in progress
    uint64_t m_syscallCount{0};                          //!< system calls entered
    TracedCallback<const SyscallRecord&> m_syscallTrace; //!< Syscall

    std::shared_ptr<void> m_image; //!< the program (SetImage), released at exit

    bool m_selecting{false}; //!< P_SELECT: a scan is in progress
    int m_selectChannel{0};  //!< where poll sleeps (&selwait)
    BsdSleepState m_sleep;   //!< tsleep's record of the sleep
};

} // namespace ns3

#endif /* BSD_PROCESS_H */
