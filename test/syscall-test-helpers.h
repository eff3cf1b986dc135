/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SYSCALL_TEST_HELPERS_H
#define SYSCALL_TEST_HELPERS_H

// Run one system call of a simulated process to completion (Simulator::Run until the
// event queue is empty) and return what its callback reported. For tests only: a real
// scenario chains calls through their callbacks.

#include "ns3/address.h"
#include "ns3/bsd-process.h"
#include "ns3/simulator.h"

#include <cstring>
#include <utility>
#include <vector>

namespace ns3
{
namespace tests
{

/// open(2): {error, fd}
inline std::pair<int, int>
OpenNow(Ptr<BsdProcess> p, const std::string& path, int32_t flags)
{
    std::pair<int, int> r{-100, -100};
    p->Open(path, flags, [&r](int e, int fd) { r = {e, fd}; });
    Simulator::Run();
    return r;
}

/// close(2): error
inline int
CloseNow(Ptr<BsdProcess> p, int fd)
{
    int r = -100;
    p->Close(fd, [&r](int e) { r = e; });
    Simulator::Run();
    return r;
}

/// read(2): {error, data}
inline std::pair<int, std::vector<uint8_t>>
ReadNow(Ptr<BsdProcess> p, int fd, uint32_t n)
{
    std::pair<int, std::vector<uint8_t>> r{-100, {}};
    p->Read(fd, n, [&r](int e, const std::vector<uint8_t>& d) { r = {e, d}; });
    Simulator::Run();
    return r;
}

/// write(2): {error, bytes written}
inline std::pair<int, int64_t>
WriteNow(Ptr<BsdProcess> p, int fd, std::vector<uint8_t> data)
{
    std::pair<int, int64_t> r{-100, -100};
    p->Write(fd, data, [&r](int e, int64_t n) { r = {e, n}; });
    Simulator::Run();
    return r;
}

/// ioctl(2): {error, parameter copied out}
inline std::pair<int, std::vector<uint8_t>>
IoctlNow(Ptr<BsdProcess> p, int fd, uint32_t cmd, std::vector<uint8_t> arg)
{
    std::pair<int, std::vector<uint8_t>> r{-100, {}};
    p->Ioctl(fd, cmd, arg, [&r](int e, const std::vector<uint8_t>& d) { r = {e, d}; });
    Simulator::Run();
    return r;
}

/// socket(2): {error, fd}
inline std::pair<int, int>
SocketNow(Ptr<BsdProcess> p, int32_t domain, int32_t type)
{
    std::pair<int, int> r{-100, -100};
    p->Socket(domain, type, [&r](int e, int fd) { r = {e, fd}; });
    Simulator::Run();
    return r;
}

/// bind(2): error
inline int
BindNow(Ptr<BsdProcess> p, int fd, const Address& address)
{
    int r = -100;
    p->Bind(fd, address, [&r](int e) { r = e; });
    Simulator::Run();
    return r;
}

/// connect(2): error
inline int
ConnectNow(Ptr<BsdProcess> p, int fd, const Address& address)
{
    int r = -100;
    p->Connect(fd, address, [&r](int e) { r = e; });
    Simulator::Run();
    return r;
}

/// sendto(2): {error, bytes sent}
inline std::pair<int, int64_t>
SendToNow(Ptr<BsdProcess> p, int fd, std::vector<uint8_t> data, const Address& to)
{
    std::pair<int, int64_t> r{-100, -100};
    p->SendTo(fd, data, to, [&r](int e, int64_t n) { r = {e, n}; });
    Simulator::Run();
    return r;
}

/// What recvfrom(2) reported.
struct RecvFromResult
{
    int error{-100};           //!< errno
    std::vector<uint8_t> data; //!< the bytes
    Address from;              //!< the sender
};

/// recvfrom(2)
inline RecvFromResult
RecvFromNow(Ptr<BsdProcess> p, int fd, uint32_t n)
{
    RecvFromResult r;
    p->RecvFrom(fd, n, [&r](int e, const std::vector<uint8_t>& d, const Address& a) {
        r.error = e;
        r.data = d;
        r.from = a;
    });
    Simulator::Run();
    return r;
}

/// The 4 bytes of an int parameter, in the simulated (host) byte order.
inline std::vector<uint8_t>
IntBytes(int32_t v)
{
    std::vector<uint8_t> b(4);
    std::memcpy(b.data(), &v, 4);
    return b;
}

/// An int parameter read back from ioctl output.
inline int32_t
BytesInt(const std::vector<uint8_t>& b)
{
    int32_t v = 0;
    if (b.size() >= 4)
    {
        std::memcpy(&v, b.data(), 4);
    }
    return v;
}

} // namespace tests
} // namespace ns3

#endif /* SYSCALL_TEST_HELPERS_H */
