/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-process.h"

#include "bsd-errno.h"
#include "bsd-kernel.h"
#include "kernel-cost-model.h"
#include "pooled-event.h"
#include "process-table.h"

#include "ns3/abort.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl-name.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/cdev.h"
#include "ns3/device-switch.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/socket-file.h"
#include "ns3/uinteger.h"

#include <climits>
#include <cstring>
#include <memory>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("BsdProcess");

NS_OBJECT_ENSURE_REGISTERED(BsdProcess);

namespace
{

/// \return a socket address as text ("10.0.0.1:1194")
std::string
AddressText(const Address& a)
{
    std::ostringstream out;
    if (InetSocketAddress::IsMatchingType(a))
    {
        InetSocketAddress in = InetSocketAddress::ConvertFrom(a);
        out << in.GetIpv4() << ":" << in.GetPort();
    }
    else if (Inet6SocketAddress::IsMatchingType(a))
    {
        Inet6SocketAddress in = Inet6SocketAddress::ConvertFrom(a);
        out << "[" << in.GetIpv6() << "]:" << in.GetPort();
    }
    else
    {
        out << a;
    }
    return out.str();
}

/// \return poll's or select's arguments: each descriptor with its events, the timeout
template <class Entries>
std::string
PollArgs(const Entries& fds, Time timeout)
{
    std::ostringstream out;
    out << "nfds=" << fds.size() << " [";
    for (std::size_t i = 0; i < fds.size(); ++i)
    {
        out << (i ? " " : "") << fds[i].fd << ":" << KdumpHex(static_cast<uint16_t>(fds[i].events));
    }
    out << "], timeout=";
    if (timeout.IsStrictlyNegative())
    {
        out << "INFTIM";
    }
    else
    {
        out << timeout.GetMilliSeconds() << "ms";
    }
    return out.str();
}

/// The file flags a descriptor keeps from open(2) (FMASK, reduced).
constexpr int32_t FILE_FLAG_MASK =
    BSD_FREAD | BSD_FWRITE | BSD_FNONBLOCK | BSD_FASYNC | BSD_O_APPEND;

/// dofileread/dofilewrite: a call interrupted after it moved bytes succeeds with them.
int
ProgressWins(int error, int64_t moved)
{
    bool interrupted = error == BSD_ERESTART || error == BSD_EINTR || error == BSD_EWOULDBLOCK;
    return moved != 0 && interrupted ? BSD_OK : error;
}

/// Read an int parameter from ioctl data, as *(int *)data.
int32_t
IoctlInt(const uint8_t* data)
{
    int32_t v;
    std::memcpy(&v, data, sizeof(v));
    return v;
}

} // namespace

TypeId
BsdProcess::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::BsdProcess")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<BsdProcess>()
            .AddAttribute("Pid",
                          "Process id to ask for; 0 takes the next free one of the node.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdProcess::m_pid),
                          MakeUintegerChecker<uint32_t>(0, 99999))
            .AddAttribute("Uid",
                          "Effective user id (0 is root).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdProcess::m_uid),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Gid",
                          "Effective group id.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdProcess::m_gid),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Pgid",
                          "Process group, for SIGIO to a group (FIOSETOWN with a negative "
                          "id, TIOCSPGRP); 0 means the process's own pid.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BsdProcess::m_pgid),
                          MakeUintegerChecker<uint32_t>(0, 99999))
            .AddAttribute("Sid",
                          "Session id, for fsetown's rule that a SIGIO owner (FIOSETOWN, "
                          "TIOCSPGRP) be in the caller's session; every process is in "
                          "session 1, the login session, unless told otherwise (a daemon "
                          "after setsid() is in its own: give it its pid).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&BsdProcess::m_sid),
                          MakeUintegerChecker<uint32_t>(1, 99999))
            .AddAttribute("MaxFiles",
                          "Descriptor limit (RLIMIT_NOFILE): descriptors are below it.",
                          UintegerValue(64),
                          MakeUintegerAccessor(&BsdProcess::m_maxFiles),
                          MakeUintegerChecker<uint32_t>(BsdDescriptorTable::FIRST_FD + 1, 65536))
            .AddTraceSource("Syscall",
                            "A system call enters (CALL) or returns to user mode (RET), as "
                            "ktrace records them.",
                            MakeTraceSourceAccessor(&BsdProcess::m_syscallTrace),
                            "ns3::BsdProcess::SyscallTracedCallback");
    return tid;
}

BsdProcess::BsdProcess() = default;

BsdProcess::~BsdProcess() = default;

void
BsdProcess::Attach(Ptr<Node> node)
{
    NS_ABORT_MSG_IF(m_alive, "Process " << m_pid << " is already attached");
    NS_ABORT_MSG_IF(!node, "BsdProcess::Attach: null node");
    m_node = node;
    m_switch = DeviceSwitch::Install(node);
    m_kernel = BsdKernel::Install(node);
    m_table = m_kernel->GetProcessTable();
    m_pid = m_table->Register(this, m_pid);
    m_alive = true;
}

uint32_t
BsdProcess::GetPid() const
{
    return m_pid;
}

uint32_t
BsdProcess::GetSid() const
{
    return m_sid;
}

uint32_t
BsdProcess::GetPgid() const
{
    return m_pgid != 0 ? m_pgid : m_pid;
}

Ucred
BsdProcess::GetCred() const
{
    return Ucred{m_uid, m_gid};
}

Ptr<Node>
BsdProcess::GetNode() const
{
    return m_node;
}

bool
BsdProcess::IsAlive() const
{
    return m_alive;
}

Ptr<DeviceSwitch>
BsdProcess::GetSwitch() const
{
    return m_switch;
}

Ptr<BsdProcess::File>
BsdProcess::GetFile(int fd) const
{
    return m_descriptors.Get(fd);
}

std::vector<int>
BsdProcess::GetDescriptors() const
{
    return m_descriptors.GetDescriptors();
}

Ptr<Cdev>
BsdProcess::GetDescriptorDevice(int fd) const
{
    Ptr<File> file = GetFile(fd);
    return file ? file->dev : nullptr;
}

Ptr<SocketFile>
BsdProcess::GetDescriptorSocket(int fd) const
{
    Ptr<File> file = GetFile(fd);
    return file ? file->socket : nullptr;
}

Ptr<SocketFile>
BsdProcess::GetSocketFile(int fd, int& error) const
{
    Ptr<File> file = GetFile(fd);
    error = !file ? BSD_EBADF : !file->socket ? BSD_ENOTSOCK : BSD_OK;
    return file ? file->socket : nullptr;
}

void
BsdProcess::Sleepable(int result, std::function<void(int)> done)
{
    if (result != BSD_ESLEEP)
    {
        done(result);
        return;
    }
    // As the device switch does for a driver that slept: park, then run the rest.
    Park([this, done](int error) {
        std::function<int(int)> rest = TakeSleepContinuation();
        NS_ABORT_MSG_IF(!rest, "process " << m_pid << ": a sleep woke without a continuation");
        Sleepable(rest(error), done);
    });
}

int32_t
BsdProcess::GetDescriptorFlags(int fd) const
{
    Ptr<File> file = GetFile(fd);
    return file ? file->flags : -1;
}

// --- system call frame ---------------------------------------------------------------------

void
BsdProcess::Begin(const std::string& name,
                  int fd,
                  const std::function<std::string()>& args,
                  std::function<void()> issue)
{
    NS_ABORT_MSG_IF(!m_alive, "process " << m_pid << ": " << name << "() after exit");
    NS_ABORT_MSG_IF(m_inSyscall,
                    "process " << m_pid << ": " << name << "() issued while " << m_syscall.name
                               << "() is in progress; a simulated process makes one system "
                                  "call at a time (wait for its callback)");
    m_inSyscall = true;
    m_syscall.name = name;
    m_syscall.fd = fd;
    m_syscall.issue = std::move(issue);
    ++m_syscallCount;
    m_table->CountSyscall();
    if (Tracing())
    {
        SyscallRecord call;
        call.call = name;
        call.fd = fd;
        call.args = args();
        Record(call); // ktrsyscall
    }
    m_syscall.issue();
}

void
BsdProcess::Record(SyscallRecord record)
{
    record.time = Simulator::Now();
    record.node = m_node->GetId();
    record.pid = m_pid;
    record.comm = m_name;
    m_syscallTrace(record);
    m_table->NotifySyscall(record);
}

void
BsdProcess::SetName(const std::string& name)
{
    m_name = name.substr(0, 16); // MAXCOMLEN
}

const std::string&
BsdProcess::GetName() const
{
    return m_name;
}

bool
BsdProcess::Tracing() const
{
    return !m_syscallTrace.IsEmpty() || (m_table && m_table->HasSyscallTracers());
}

void
BsdProcess::Returned(int error, int64_t result)
{
    if (!Tracing())
    {
        return;
    }
    SyscallRecord ret;
    ret.isReturn = true;
    ret.call = m_syscall.name;
    ret.fd = m_syscall.fd;
    ret.result = error != BSD_OK ? -1 : result;
    ret.error = error;
    Record(ret); // ktrsysret
}

uint64_t
BsdProcess::GetSyscallCount() const
{
    return m_syscallCount;
}

void
BsdProcess::Return(int error, uint64_t copied, std::function<void(int)> finish)
{
    Ptr<KernelCostModel> cost = m_kernel->GetCostModel();
    Time delay = cost->GetSyscallTime() + cost->GetCopyTime(copied);
    Ptr<BsdProcess> self = this;
    // Always a later event, never inside the call, and in the node's context.
    Simulator::ScheduleWithContext(m_node->GetId(),
                                   delay,
                                   MakePooledEvent([self, error, finish = std::move(finish)] {
                                       self->ReturnToUser(error, finish);
                                   }));
}

void
BsdProcess::ReturnToUser(int error, const std::function<void(int)>& finish)
{
    if (m_exiting)
    {
        m_inSyscall = false;
        DoExit();
        return;
    }
    PostSignals();
    if (!m_alive)
    {
        m_inSyscall = false;
        return; // a signal ended the process; the call never returns
    }
    if (error == BSD_ERESTART)
    {
        NS_LOG_LOGIC("pid " << m_pid << ": restarting " << m_syscall.name << "()");
        m_syscall.issue();
        return;
    }
    m_inSyscall = false;
    finish(error);
}

// --- system calls ----------------------------------------------------------------------------

void
BsdProcess::Open(const std::string& path, int32_t flags, OpenCallback cb)
{
    cb = OpenCallback([this, cb](int e, int fd) {
        Returned(e, fd);
        cb(e, fd);
    });
    Begin(
        "open",
        -1,
        [&] { return "\"" + path + "\", flags=" + KdumpHex(static_cast<uint32_t>(flags)); },
        [this, path, flags, cb] {
            auto fail = [cb](int e) { cb(e, -1); };
            if ((flags & BSD_O_ACCMODE) == BSD_O_ACCMODE)
            {
                Return(BSD_EINVAL, 0, fail);
                return;
            }
            int32_t fflags = (flags + 1) & FILE_FLAG_MASK; // FFLAGS()
            // falloc: the lowest free descriptor, checked before the name is looked up.
            int fd = m_descriptors.LowestFree(m_maxFiles);
            if (fd < 0)
            {
                Return(BSD_EMFILE, 0, fail);
                return;
            }
            Ptr<Cdev> dev = GetSwitch()->Lookup(path);
            if (!dev)
            {
                Return(BSD_ENOENT, 0, fail);
                return;
            }
            // vn_open's VOP_ACCESS: owner, then group, then other bits; root passes.
            if (m_uid != 0)
            {
                uint32_t mode = dev->GetMode();
                uint32_t bits = m_uid == dev->GetUid()   ? (mode >> 6)
                                : m_gid == dev->GetGid() ? (mode >> 3)
                                                         : mode;
                bool ok = (!(fflags & BSD_FREAD) || (bits & 04)) &&
                          (!(fflags & BSD_FWRITE) || (bits & 02));
                if (!ok)
                {
                    Return(BSD_EACCES, 0, fail);
                    return;
                }
            }
            dev->Reference();
            dev->AddOpen();
            auto ap = Create<DevOpenArgs>();
            ap->dev = dev;
            ap->caller = this;
            ap->oflags = fflags;
            ap->devtype = BSD_S_IFCHR;
            ap->cred = GetCred();
            GetSwitch()->Dopen(ap, [this, dev, fflags, fd, cb, fail](int64_t error) {
                if (error != BSD_OK)
                {
                    dev->RemoveOpen();
                    dev->Release();
                    Return(static_cast<int>(error), 0, fail);
                    return;
                }
                auto file = Create<File>();
                file->dev = dev;
                file->flags = fflags;
                m_descriptors.Install(fd, file);
                Return(BSD_OK, 0, [cb, fd](int e) { cb(e, fd); });
            });
        });
}

void
BsdProcess::Read(int fd, uint32_t nbytes, ReadCallback cb)
{
    m_syscall.nbytes = nbytes;
    m_syscall.readDone = cb;
    Begin(
        "read",
        fd,
        [&] { return "fd=" + std::to_string(fd) + ", nbytes=" + std::to_string(nbytes); },
        [this] {
            auto fail = [this](int e) { ReadReturned(e); };
            uint32_t nbytes = m_syscall.nbytes;
            Ptr<File> file = GetFile(m_syscall.fd);
            if (!file || !(file->flags & BSD_FREAD))
            {
                Return(BSD_EBADF, 0, fail);
                return;
            }
            if (nbytes > static_cast<uint32_t>(INT_MAX))
            {
                Return(BSD_EINVAL, 0, fail);
                return;
            }
            if (file->socket)
            {
                SocketReceive(file->socket, nbytes, fail);
                return;
            }
            if (nbytes == 0)
            {
                // spec_read: nothing asked for, 0 returned before d_read, so a driver
                // whose read consumes (tunread dequeues a packet) loses nothing.
                Return(BSD_OK, 0, fail);
                return;
            }
            // Uninitialised like a user's buffer: zeroing 16 KiB per read cost more than
            // the rest of the tun path together. A restarted read keeps its buffer.
            ReadBufferPool::Buffer& buffer = m_syscall.readBuffer;
            if (!buffer.bytes || buffer.size < nbytes)
            {
                ReadBufferPool::Give(std::move(buffer));
                buffer = ReadBufferPool::Take(nbytes);
            }
            m_syscall.uio = Uio(Uio::READ, buffer.bytes.get(), nbytes);
            auto ap = Create<DevReadArgs>();
            ap->dev = file->dev;
            ap->caller = this;
            ap->uio = &m_syscall.uio;
            ap->ioflag = (file->flags & BSD_FNONBLOCK) ? BSD_IO_NDELAY : 0;
            GetSwitch()->Dread(ap, [this](int64_t result) { TransferDone(result, true); });
        });
}

void
BsdProcess::Write(int fd, std::vector<uint8_t> data, WriteCallback cb)
{
    m_syscall.data = std::move(data);
    m_syscall.writeDone = cb;
    Begin(
        "write",
        fd,
        [&] {
            return "fd=" + std::to_string(fd) + ", nbytes=" + std::to_string(m_syscall.data.size());
        },
        [this] {
            auto done = [this](int e) { WriteReturned(e); };
            std::vector<uint8_t>& data = m_syscall.data;
            Ptr<File> file = GetFile(m_syscall.fd);
            if (!file || !(file->flags & BSD_FWRITE))
            {
                Return(BSD_EBADF, 0, done);
                return;
            }
            if (file->socket)
            {
                // soo_write: sosend without an address, for a connected socket.
                int error = file->socket->Send(data.data(), data.size(), nullptr);
                m_syscall.result = error == BSD_OK ? data.size() : 0;
                Return(error, m_syscall.result, done);
                return;
            }
            m_syscall.uio = Uio(Uio::WRITE, data.data(), data.size());
            auto ap = Create<DevWriteArgs>();
            ap->dev = file->dev;
            ap->caller = this;
            ap->uio = &m_syscall.uio;
            ap->ioflag = (file->flags & BSD_FNONBLOCK) ? BSD_IO_NDELAY : 0;
            GetSwitch()->Dwrite(ap, [this](int64_t result) { TransferDone(result, false); });
        });
}

void
BsdProcess::TransferDone(int64_t result, bool isRead)
{
    int64_t moved = m_syscall.uio.GetMoved();
    int error = ProgressWins(static_cast<int>(result), moved);
    if (!isRead && error == BSD_EPIPE)
    {
        Kill(BSD_SIGPIPE); // dofilewrite
    }
    if (error == BSD_OK)
    {
        if (isRead)
        {
            const uint8_t* bytes = m_syscall.readBuffer.bytes.get();
            m_syscall.data.assign(bytes, bytes + moved);
        }
        m_syscall.result = moved;
    }
    if (isRead)
    {
        Return(error, moved, [this](int e) { ReadReturned(e); });
    }
    else
    {
        Return(error, moved, [this](int e) { WriteReturned(e); });
    }
}

void
BsdProcess::ReadReturned(int error)
{
    // Taken out of the frame first: the completion may well make the next call.
    ReadCallback done = m_syscall.readDone;
    m_syscall.readDone = ReadCallback();
    std::vector<uint8_t> data = TakeData(error);
    // Not kept by the process: thousands of daemons sleeping in select would each hold
    // one (a tenth more peak memory at 10,000 PPP links). The pool keeps a few for the
    // next reads of any process.
    ReadBufferPool::Give(std::move(m_syscall.readBuffer));
    m_syscall.readBuffer = ReadBufferPool::Buffer();
    Returned(error, data.size());
    done(error, data); // which may take the bytes: data is not used again
}

std::vector<uint8_t>
BsdProcess::TakeData(int error)
{
    // Moved out, so the frame holds no payload while the daemon sleeps.
    std::vector<uint8_t> data = std::move(m_syscall.data);
    m_syscall.data = std::vector<uint8_t>();
    if (error != BSD_OK)
    {
        data.clear();
    }
    return data;
}

void
BsdProcess::WriteReturned(int error)
{
    WriteCallback done = m_syscall.writeDone;
    m_syscall.writeDone = WriteCallback();
    TakeData(error); // the payload is not kept
    int64_t n = error == BSD_OK ? m_syscall.result : -1;
    Returned(error, n);
    done(error, n);
}

void
BsdProcess::Ioctl(int fd, uint32_t cmd, std::vector<uint8_t> arg, IoctlCallback cb)
{
    cb = IoctlCallback([this, cb](int e, const std::vector<uint8_t>& out) {
        Returned(e, 0);
        cb(e, out);
    });
    Begin(
        "ioctl",
        fd,
        [&] {
            return "fd=" + std::to_string(fd) + ", cmd=" + BsdIoctlName(cmd) +
                   ", len=" + std::to_string(arg.size());
        },
        [this, fd, cmd, arg, cb] {
            auto fail = [cb](int e) { cb(e, std::vector<uint8_t>()); };
            Ptr<File> file = GetFile(fd);
            if (!file || !(file->flags & (BSD_FREAD | BSD_FWRITE)))
            {
                Return(BSD_EBADF, 0, fail);
                return;
            }
            if (cmd == BSD_FIOCLEX || cmd == BSD_FIONCLEX)
            {
                file->closeOnExec =
                    cmd == BSD_FIOCLEX; // a descriptor flag; the driver never sees it
                Return(BSD_OK, 0, fail);
                return;
            }
            uint32_t size = BsdIocparmLen(cmd);
            if (size > BSD_IOCPARM_MAX)
            {
                Return(BSD_ENOTTY, 0, fail);
                return;
            }
            // The kernel's parameter buffer: at least a pointer wide, zeroed.
            auto data = std::make_shared<std::vector<uint8_t>>(std::max<uint32_t>(size, 8), 0);
            uint64_t copied = 0;
            if ((cmd & BSD_IOC_IN) && size > 0)
            {
                if (arg.size() < size)
                {
                    Return(BSD_EFAULT, 0, fail); // copyin past the user's buffer
                    return;
                }
                std::memcpy(data->data(), arg.data(), size);
                copied += size;
            }
            if (cmd == BSD_FIONBIO || cmd == BSD_FIOASYNC)
            {
                // The descriptor layer keeps these flags; the driver is told as well.
                int32_t bit = cmd == BSD_FIONBIO ? BSD_FNONBLOCK : BSD_FASYNC;
                file->flags = IoctlInt(data->data()) ? (file->flags | bit) : (file->flags & ~bit);
            }
            auto complete = [this, cmd, size, data, copied, cb, fail](int64_t result) {
                int error = static_cast<int>(result);
                if (error != BSD_OK)
                {
                    Return(error, copied, fail);
                    return;
                }
                std::vector<uint8_t> out;
                if ((cmd & BSD_IOC_OUT) && size > 0)
                {
                    out.assign(data->begin(), data->begin() + size);
                }
                uint64_t outCopied = copied + out.size(); // before out moves into the lambda
                Return(error, outCopied, [cb, out = std::move(out)](int e) { cb(e, out); });
            };
            FoIoctl(file, cmd, data->data(), complete);
        });
}

// --- sockets --------------------------------------------------------------------------------

void
BsdProcess::Socket(int32_t domain, int32_t type, SocketCallback cb)
{
    cb = SocketCallback([this, cb](int e, int fd) {
        Returned(e, fd);
        cb(e, fd);
    });
    Begin(
        "socket",
        -1,
        [&] { return "domain=" + std::to_string(domain) + ", type=" + std::to_string(type); },
        [this, domain, type, cb] {
            auto fail = [cb](int e) { cb(e, -1); };
            auto so = CreateObject<SocketFile>();
            int error = so->Create(m_node, domain, type);
            if (error != BSD_OK)
            {
                Return(error, 0, fail);
                return;
            }
            int fd =
                m_descriptors.LowestFree(m_maxFiles); // falloc, after socreate as socket() does
            if (fd < 0)
            {
                so->Close();
                Return(BSD_EMFILE, 0, fail);
                return;
            }
            auto file = Create<File>();
            file->socket = so;
            file->flags = BSD_FREAD | BSD_FWRITE;
            m_descriptors.Install(fd, file);
            Return(BSD_OK, 0, [cb, fd](int e) { cb(e, fd); });
        });
}

void
BsdProcess::Bind(int fd, const Address& address, SockaddrCallback cb)
{
    SockaddrCall("bind", fd, address, &SocketFile::Bind, cb);
}

void
BsdProcess::Connect(int fd, const Address& address, SockaddrCallback cb)
{
    SockaddrCall("connect", fd, address, &SocketFile::Connect, cb);
}

void
BsdProcess::SockaddrCall(const std::string& name,
                         int fd,
                         const Address& address,
                         int (SocketFile::*op)(const Address&),
                         SockaddrCallback cb)
{
    cb = SockaddrCallback([this, cb](int e) {
        Returned(e, 0);
        cb(e);
    });
    Begin(
        name,
        fd,
        [&] { return "fd=" + std::to_string(fd) + ", addr=" + AddressText(address); },
        [this, fd, address, op, cb] {
            int error;
            Ptr<SocketFile> so = GetSocketFile(fd, error);
            if (so)
            {
                error = (PeekPointer(so)->*op)(address);
            }
            Return(error, 28, [cb](int e) { cb(e); }); // getsockaddr copies the sockaddr in
        });
}

void
BsdProcess::SendTo(int fd, std::vector<uint8_t> data, const Address& to, WriteCallback cb)
{
    m_syscall.data = std::move(data);
    m_syscall.address = to;
    m_syscall.writeDone = cb;
    Begin(
        "sendto",
        fd,
        [&] {
            return "fd=" + std::to_string(fd) +
                   ", nbytes=" + std::to_string(m_syscall.data.size()) + ", to=" + AddressText(to);
        },
        [this] {
            const std::vector<uint8_t>& data = m_syscall.data;
            int error;
            Ptr<SocketFile> so = GetSocketFile(m_syscall.fd, error);
            if (so)
            {
                error = so->Send(data.data(), data.size(), &m_syscall.address);
            }
            int64_t moved = error == BSD_OK ? data.size() : 0;
            if (error == BSD_EPIPE)
            {
                Kill(BSD_SIGPIPE); // sendit
            }
            m_syscall.result = moved;
            Return(error, moved + 28, [this](int e) { WriteReturned(e); });
        });
}

void
BsdProcess::RecvFrom(int fd, uint32_t nbytes, RecvFromCallback cb)
{
    m_syscall.nbytes = nbytes;
    m_syscall.recvFromDone = cb;
    Begin(
        "recvfrom",
        fd,
        [&] { return "fd=" + std::to_string(fd) + ", nbytes=" + std::to_string(nbytes); },
        [this] {
            auto done = [this](int e) { RecvFromReturned(e); };
            int error;
            Ptr<SocketFile> so = GetSocketFile(m_syscall.fd, error);
            if (!so)
            {
                Return(error, 0, done);
                return;
            }
            SocketReceive(so, m_syscall.nbytes, done);
        });
}

void
BsdProcess::RecvFromReturned(int error)
{
    RecvFromCallback done = m_syscall.recvFromDone;
    m_syscall.recvFromDone = RecvFromCallback();
    std::vector<uint8_t> data = TakeData(error);
    Address from = error == BSD_OK ? m_syscall.recv.from : Address();
    Returned(error, data.size());
    done(error, data, from); // which may take the bytes, as for read
}

void
BsdProcess::SocketReceive(Ptr<SocketFile> socket, uint32_t nbytes, std::function<void(int)> done)
{
    SocketFile::RecvRequest& req = m_syscall.recv;
    req.resid = nbytes;
    req.data.clear();
    req.from = Address();
    req.truncated = false;
    m_syscall.finish = std::move(done);
    Sleepable(socket->Receive(this, &req), [this](int error) {
        // A datagram read moves all or nothing, so an interrupted one has no progress.
        uint64_t copied = 0;
        if (error == BSD_OK)
        {
            m_syscall.data.swap(m_syscall.recv.data);
            copied = m_syscall.data.size();
        }
        Return(error, copied, std::move(m_syscall.finish));
    });
}

// --- poll, select, fcntl --------------------------------------------------------------------

void
BsdProcess::Poll(const std::vector<PollFd>& fds, Time timeout, PollCallback cb)
{
    PollScan& scan = m_syscall.scan;
    scan.fds.assign(fds.begin(), fds.end());
    scan.selectMode = false;
    m_syscall.pollDone = cb;
    BeginScan("poll", timeout, scan.fds.size() * 8); // struct pollfd in and out
}

void
BsdProcess::Select(const std::vector<int>& readFds,
                   const std::vector<int>& writeFds,
                   Time timeout,
                   SelectCallback cb)
{
    PollScan& scan = m_syscall.scan;
    scan.fds.clear();
    scan.selectMode = true;
    for (int fd : readFds)
    {
        scan.fds.push_back(PollFd{fd, BSD_POLLRDNORM, 0}); // selscan's read flag
    }
    for (int fd : writeFds)
    {
        scan.fds.push_back(PollFd{fd, BSD_POLLWRNORM, 0});
    }
    m_syscall.selectDone = cb;
    BeginScan("select", timeout, 24);
}

void
BsdProcess::BeginScan(const std::string& name, Time timeout, uint64_t copied)
{
    PollScan& scan = m_syscall.scan;
    scan.forever = timeout.IsStrictlyNegative();
    m_syscall.timeout = timeout;
    m_syscall.copied = copied;
    Begin(
        name,
        -1,
        [&] { return PollArgs(scan.fds, timeout); },
        [this] {
            PollScan& scan = m_syscall.scan;
            scan.deadline = Simulator::Now() + (scan.forever ? Time(0) : m_syscall.timeout);
            PollStart();
        });
}

void
BsdProcess::ScanFinished(int error)
{
    m_selecting = false;
    Return(error, m_syscall.copied, [this](int e) { ScanReturned(e); });
}

void
BsdProcess::ScanReturned(int error)
{
    const PollScan& scan = m_syscall.scan;
    if (!scan.selectMode)
    {
        PollCallback done = m_syscall.pollDone;
        m_syscall.pollDone = PollCallback();
        // Swapped out: the completion may start the next poll, which fills the scan anew.
        std::vector<PollFd>& fds = m_syscall.polled;
        fds.swap(m_syscall.scan.fds);
        int n = error == BSD_OK ? scan.nready : -1;
        Returned(error, n);
        done(error, n, fds);
        return;
    }
    SelectCallback done = m_syscall.selectDone;
    m_syscall.selectDone = SelectCallback();
    // Kept in the frame, capacity and all: the next select fills them anew.
    std::vector<int>& readable = m_syscall.readable;
    std::vector<int>& writable = m_syscall.writable;
    readable.clear();
    writable.clear();
    // selscan: whatever fo_poll reports (POLLHUP of a hung-up line too) sets the
    // descriptor's bit in the set it was scanned for.
    for (const PollFd& e : scan.fds)
    {
        if (error != BSD_OK || e.revents == 0)
        {
            continue;
        }
        (e.events == BSD_POLLRDNORM ? readable : writable).push_back(e.fd);
    }
    Returned(error, readable.size() + writable.size());
    done(error, readable, writable);
}

void
BsdProcess::PollStart()
{
    PollScan& scan = m_syscall.scan;
    m_selecting = true; // P_SELECT: a selwakeup during the scan clears it
    scan.next = 0;
    scan.nready = 0;
    for (PollFd& e : scan.fds)
    {
        e.revents = 0;
    }
    PollNext();
}

void
BsdProcess::PollNext()
{
    PollScan& scan = m_syscall.scan;
    while (scan.next < scan.fds.size())
    {
        PollFd& e = scan.fds[scan.next];
        if (e.fd < 0)
        {
            ++scan.next;
            continue;
        }
        Ptr<File> file = GetFile(e.fd);
        if (!file)
        {
            if (scan.selectMode)
            {
                ScanFinished(BSD_EBADF);
                return;
            }
            e.revents = BSD_POLLNVAL;
            ++scan.nready;
            ++scan.next;
            continue;
        }
        if (file->socket)
        {
            e.revents = static_cast<int16_t>(file->socket->Poll(this, e.events)); // soo_poll
            scan.nready += e.revents != 0;
            ++scan.next;
            continue;
        }
        auto ap = Create<DevPollArgs>();
        ap->dev = file->dev;
        ap->caller = this;
        ap->events = e.events;
        GetSwitch()->Dpoll(ap, [this](int64_t revents) { PollAnswered(revents); });
        return;
    }
    PollScanned();
}

void
BsdProcess::PollAnswered(int64_t revents)
{
    PollScan& scan = m_syscall.scan;
    scan.fds[scan.next].revents = static_cast<int16_t>(revents);
    if (revents != 0)
    {
        ++scan.nready;
    }
    ++scan.next;
    PollNext();
}

void
BsdProcess::PollScanned()
{
    PollScan& scan = m_syscall.scan;
    Time now = Simulator::Now();
    if (scan.nready > 0 || (!scan.forever && now >= scan.deadline))
    {
        ScanFinished(BSD_OK);
        return;
    }
    if (!m_selecting)
    {
        PollStart(); // a selwakeup came during the scan: look again
        return;
    }
    m_selecting = false;
    Time timeout = scan.forever ? Time(0) : scan.deadline - now;
    int r =
        Tsleep(&m_selectChannel, BSD_PCATCH | BSD_PZERO, "poll", timeout, [](int e) { return e; });
    if (r != BSD_ESLEEP)
    {
        ScanFinished(BSD_EINTR); // poll and select are not restarted after a signal
        return;
    }
    Park([this](int error) {
        TakeSleepContinuation();
        if (error == BSD_OK)
        {
            PollStart();
        }
        else
        {
            ScanFinished(error == BSD_EWOULDBLOCK ? BSD_OK : BSD_EINTR);
        }
    });
}

void
BsdProcess::Selwakeup()
{
    if (m_sleep.IsSleepingOn(&m_selectChannel))
    {
        Wake(BSD_OK);
    }
    else
    {
        m_selecting = false;
    }
}

void
BsdProcess::FileIoctl(Ptr<File> file,
                      uint32_t cmd,
                      int32_t value,
                      std::function<void(int, int32_t)> done)
{
    auto data = std::make_shared<std::array<uint8_t, 8>>();
    data->fill(0);
    std::memcpy(data->data(), &value, 4);
    FoIoctl(file, cmd, data->data(), [data, done](int64_t error) {
        done(static_cast<int>(error), IoctlInt(data->data()));
    });
}

void
BsdProcess::FoIoctl(Ptr<File> file, uint32_t cmd, uint8_t* data, std::function<void(int64_t)> done)
{
    if (file->socket)
    {
        done(file->socket->Ioctl(this, cmd, data)); // soo_ioctl
        return;
    }
    auto ap = Create<DevIoctlArgs>(); // vn_ioctl, spec_ioctl
    ap->dev = file->dev;
    ap->caller = this;
    ap->cmd = cmd;
    ap->data = data;
    ap->fflag = file->flags;
    ap->cred = GetCred();
    GetSwitch()->Dioctl(ap, std::move(done));
}

void
BsdProcess::Fcntl(int fd, int32_t cmd, int32_t arg, FcntlCallback cb)
{
    cb = FcntlCallback([this, cb](int e, int32_t v) {
        Returned(e, v);
        cb(e, v);
    });
    Begin(
        "fcntl",
        fd,
        [&] {
            return "fd=" + std::to_string(fd) + ", cmd=" + std::to_string(cmd) +
                   ", arg=" + std::to_string(arg);
        },
        [this, fd, cmd, arg, cb] {
            auto done = [this, cb](int error, int32_t value) {
                Return(error, 0, [cb, error, value](int e) {
                    cb(e, error == BSD_OK ? value : -1);
                });
            };
            Ptr<File> file = GetFile(fd);
            if (!file)
            {
                done(BSD_EBADF, -1);
                return;
            }
            // The flags F_SETFL may change (FCNTLFLAGS).
            constexpr int32_t settable = BSD_O_APPEND | BSD_FASYNC | BSD_FNONBLOCK;
            switch (cmd)
            {
            case F_GETFD:
                done(BSD_OK, file->closeOnExec ? 1 : 0);
                return;
            case F_SETFD:
                file->closeOnExec = arg & 1;
                done(BSD_OK, 0);
                return;
            case F_GETFL:
                done(BSD_OK, file->flags - 1); // OFLAGS
                return;
            case F_SETFL:
                file->flags &= ~settable;
                file->flags |= ((arg & ~BSD_O_ACCMODE) + 1) & settable; // FFLAGS
                // Tell the driver, as fcntl does; if FIOASYNC fails, undo FNONBLOCK.
                FileIoctl(file, BSD_FIONBIO, file->flags & BSD_FNONBLOCK, [=](int e1, int32_t) {
                    if (e1 != BSD_OK)
                    {
                        done(e1, -1);
                        return;
                    }
                    FileIoctl(file, BSD_FIOASYNC, file->flags & BSD_FASYNC, [=](int e2, int32_t) {
                        if (e2 == BSD_OK)
                        {
                            done(BSD_OK, 0);
                            return;
                        }
                        file->flags &= ~BSD_FNONBLOCK;
                        FileIoctl(file, BSD_FIONBIO, 0, [=](int, int32_t) { done(e2, -1); });
                    });
                });
                return;
            case F_GETOWN:
                FileIoctl(file, BSD_FIOGETOWN, 0, done);
                return;
            case F_SETOWN:
                FileIoctl(file, BSD_FIOSETOWN, arg, [done](int e, int32_t) { done(e, 0); });
                return;
            default:
                done(BSD_EINVAL, -1);
            }
        });
}

void
BsdProcess::Close(int fd, CloseCallback cb)
{
    cb = CloseCallback([this, cb](int e) {
        Returned(e, 0);
        cb(e);
    });
    Begin(
        "close",
        fd,
        [&] { return "fd=" + std::to_string(fd); },
        [this, fd, cb] {
            auto finish = [cb](int e) { cb(e); };
            Ptr<File> file = m_descriptors.Remove(fd); // fdclose
            if (!file)
            {
                Return(BSD_EBADF, 0, finish);
                return;
            }
            CloseFile(file, [this, finish](int error) { Return(error, 0, finish); });
        });
}

void
BsdProcess::CloseFile(Ptr<File> file, std::function<void(int)> done)
{
    if (file->socket)
    {
        file->socket->Close(); // soo_close: soclose
        done(BSD_OK);
        return;
    }
    Ptr<Cdev> dev = file->dev;
    dev->RemoveOpen();
    // spec_close: only the last close reaches the driver, unless it tracks every close.
    if (dev->GetOpenCount() > 0 && !(dev->GetOps()->head.flags & D_TRACKCLOSE))
    {
        dev->Release();
        done(BSD_OK);
        return;
    }
    auto ap = Create<DevCloseArgs>();
    ap->dev = dev;
    ap->caller = this;
    ap->fflag = file->flags;
    ap->devtype = BSD_S_IFCHR;
    GetSwitch()->Dclose(ap, [dev, done](int64_t error) {
        dev->Release();
        done(static_cast<int>(error));
    });
}

// --- signals ----------------------------------------------------------------------------------

void
BsdProcess::Kill(int32_t sig)
{
    NS_ABORT_MSG_IF(sig <= 0 || sig >= BSD_NSIG, "BsdProcess::Kill: no signal " << sig);
    if (!m_alive)
    {
        return;
    }
    NS_LOG_DEBUG("pid " << m_pid << " gets " << BsdSignalName(sig));
    if (sig == BSD_SIGKILL)
    {
        Exit();
        return;
    }
    if (!m_signals.Post(sig))
    {
        return; // psignal discards a signal the process ignores
    }
    if (m_sleep.IsInterruptible())
    {
        Wake(m_signals.SleepInterruptError(sig));
    }
    if (!m_inSyscall)
    {
        Ptr<BsdProcess> self = this;
        Simulator::ScheduleWithContext(m_node->GetId(), Time(0), [self] {
            if (!self->m_inSyscall)
            {
                self->PostSignals();
            }
        });
    }
}

void
BsdProcess::SetSignalHandler(int32_t sig, Callback<void, int32_t> handler, bool restart)
{
    NS_ABORT_MSG_IF(sig <= 0 || sig >= BSD_NSIG || sig == BSD_SIGKILL,
                    "BsdProcess::SetSignalHandler: signal " << sig << " cannot be caught");
    m_signals.Catch(sig, handler, restart);
}

void
BsdProcess::IgnoreSignal(int32_t sig)
{
    NS_ABORT_MSG_IF(sig <= 0 || sig >= BSD_NSIG || sig == BSD_SIGKILL,
                    "BsdProcess::IgnoreSignal: signal " << sig << " cannot be ignored");
    m_signals.Ignore(sig);
}

void
BsdProcess::DefaultSignal(int32_t sig)
{
    NS_ABORT_MSG_IF(sig <= 0 || sig >= BSD_NSIG, "BsdProcess::DefaultSignal: no signal " << sig);
    m_signals.Default(sig);
}

void
BsdProcess::PostSignals()
{
    int32_t sig;
    while (m_alive && (sig = m_signals.Pending()) != 0)
    {
        const BsdSignalState::Action& action = m_signals.Take(sig);
        if (action.kind == BsdSignalState::Action::CATCH)
        {
            action.handler(sig);
        }
        else if (action.kind == BsdSignalState::Action::DEFAULT)
        {
            NS_LOG_DEBUG("pid " << m_pid << " ends on " << BsdSignalName(sig));
            DoExit();
        }
    }
}

void
BsdProcess::Exit()
{
    if (!m_alive)
    {
        return;
    }
    if (m_inSyscall)
    {
        // The call in progress unwinds first (an interrupted sleep returns EINTR);
        // the process ends on its way back to user mode.
        m_exiting = true;
        if (m_sleep.IsSleeping())
        {
            Wake(BSD_EINTR);
        }
        return;
    }
    DoExit();
}

void
BsdProcess::DoExit()
{
    if (!m_alive)
    {
        return;
    }
    m_alive = false;
    m_exiting = false;
    m_signals.ClearPending();
    // fdfree: close every descriptor, lowest first.
    BsdDescriptorTable::Slots files = m_descriptors.TakeAll();
    for (auto& [fd, file] : files)
    {
        CloseFile(file, [](int) {});
    }
    m_table->Unregister(m_pid);
    m_image.reset(); // the program's frames, wherever they wait
}

void
BsdProcess::SetImage(std::shared_ptr<void> image)
{
    NS_ABORT_MSG_IF(!m_alive, "process " << m_pid << ": exec after exit");
    NS_ABORT_MSG_IF(m_image, "process " << m_pid << ": runs a program already; a process has one");
    m_image = std::move(image);
}

// --- tsleep --------------------------------------------------------------------------------

int
BsdProcess::Tsleep(const void* chan,
                   int32_t priority,
                   const std::string& wmesg,
                   Time timeout,
                   std::function<int(int)> resume)
{
    bool catchable = (priority & BSD_PCATCH) != 0;
    if (catchable)
    {
        if (m_exiting)
        {
            return BSD_EINTR;
        }
        if (int32_t sig = m_signals.Pending())
        {
            // a signal is already there: do not sleep
            return m_signals.SleepInterruptError(sig);
        }
    }
    NS_ABORT_MSG_IF(m_sleep.IsRequested() || m_sleep.IsSleeping(),
                    "process " << m_pid << ": tsleep while already asleep");
    m_sleep.Request(chan, wmesg, catchable, timeout, std::move(resume));
    return BSD_ESLEEP;
}

void
BsdProcess::Park(std::function<void(int)> onWake)
{
    NS_ABORT_MSG_IF(!m_sleep.IsRequested(), "process " << m_pid << ": parked without tsleep");
    uint64_t serial = m_sleep.Park(std::move(onWake));
    m_table->AddSleeper(m_sleep.GetChannel(), this);
    const Time& timeout = m_sleep.GetTimeout();
    if (timeout.IsStrictlyPositive())
    {
        // Events in another node's context cannot be cancelled: a stale timeout sees
        // that its sleep is over by the serial number.
        Ptr<BsdProcess> self = this;
        Simulator::ScheduleWithContext(m_node->GetId(), timeout, [self, serial] {
            if (self->m_sleep.IsCurrent(serial))
            {
                self->Wake(BSD_EWOULDBLOCK);
            }
        });
    }
    NS_LOG_LOGIC("pid " << m_pid << " sleeps on " << m_sleep.GetWaitMessage());
}

std::function<int(int)>
BsdProcess::TakeSleepContinuation()
{
    return m_sleep.TakeContinuation();
}

void
BsdProcess::Wake(int error)
{
    if (!m_sleep.IsSleeping())
    {
        return;
    }
    m_table->RemoveSleeper(m_sleep.GetChannel(), this);
    std::function<void(int)> onWake = m_sleep.End(); // setrunnable
    Time latency = m_kernel->GetCostModel()->GetWakeupLatency();
    NS_LOG_LOGIC("pid " << m_pid << " wakes: " << BsdErrnoName(error));
    // Runnable now, running later: never inside the wakeup() that woke it.
    Simulator::ScheduleWithContext(
        m_node->GetId(),
        latency,
        MakePooledEvent([onWake = std::move(onWake), error] { onWake(error); }));
}

bool
BsdProcess::IsSleeping() const
{
    return m_sleep.IsSleeping();
}

const std::string&
BsdProcess::GetWaitMessage() const
{
    return m_sleep.GetWaitMessage();
}

void
BsdProcess::DoDispose()
{
    m_image.reset(); // first: the program's frames may still use the process
    m_descriptors.Clear();
    m_sleep.DropContinuations();
    m_syscall = Syscall();
    m_signals.ReleaseHandlers();
    m_node = nullptr;
    m_switch = nullptr;
    m_kernel = nullptr;
    m_table = nullptr;
    Object::DoDispose();
}

} // namespace ns3
