/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_ERRNO_H
#define BSD_ERRNO_H

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * BSD error numbers, with the numbers and names of FreeBSD's sys/errno.h.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief The error values every simulated kernel call returns.
 *
 * The host's `<cerrno>` is Linux's, where EWOULDBLOCK is 11; a BSD kernel returns 35.
 * The module never uses the host's values: every driver, dispatch function and
 * process call speaks this enum, and traces print it by name (BsdErrnoName).
 * The enumerators carry a BSD_ prefix because the bare names are macros of `<cerrno>`.
 */
enum BsdErrno : int32_t
{
    BSD_OK = 0,
    BSD_EPERM = 1,
    BSD_ENOENT = 2,
    BSD_ESRCH = 3,
    BSD_EINTR = 4,
    BSD_EIO = 5,
    BSD_ENXIO = 6,
    BSD_E2BIG = 7,
    BSD_ENOEXEC = 8,
    BSD_EBADF = 9,
    BSD_ECHILD = 10,
    BSD_EDEADLK = 11,
    BSD_ENOMEM = 12,
    BSD_EACCES = 13,
    BSD_EFAULT = 14,
    BSD_ENOTBLK = 15,
    BSD_EBUSY = 16,
    BSD_EEXIST = 17,
    BSD_EXDEV = 18,
    BSD_ENODEV = 19,
    BSD_ENOTDIR = 20,
    BSD_EISDIR = 21,
    BSD_EINVAL = 22,
    BSD_ENFILE = 23,
    BSD_EMFILE = 24,
    BSD_ENOTTY = 25,
    BSD_ETXTBSY = 26,
    BSD_EFBIG = 27,
    BSD_ENOSPC = 28,
    BSD_ESPIPE = 29,
    BSD_EROFS = 30,
    BSD_EMLINK = 31,
    BSD_EPIPE = 32,
    BSD_EDOM = 33,
    BSD_ERANGE = 34,
    BSD_EWOULDBLOCK = 35, //!< also EAGAIN
    BSD_EINPROGRESS = 36,
    BSD_EALREADY = 37,
    BSD_ENOTSOCK = 38,
    BSD_EDESTADDRREQ = 39,
    BSD_EMSGSIZE = 40,
    BSD_EPROTOTYPE = 41,
    BSD_ENOPROTOOPT = 42,
    BSD_EPROTONOSUPPORT = 43,
    BSD_ESOCKTNOSUPPORT = 44,
    BSD_EOPNOTSUPP = 45,
    BSD_EPFNOSUPPORT = 46,
    BSD_EAFNOSUPPORT = 47,
    BSD_EADDRINUSE = 48,
    BSD_EADDRNOTAVAIL = 49,
    BSD_ENETDOWN = 50,
    BSD_ENETUNREACH = 51,
    BSD_ENETRESET = 52,
    BSD_ECONNABORTED = 53,
    BSD_ECONNRESET = 54,
    BSD_ENOBUFS = 55,
    BSD_EISCONN = 56,
    BSD_ENOTCONN = 57,
    BSD_ESHUTDOWN = 58,
    BSD_ETOOMANYREFS = 59,
    BSD_ETIMEDOUT = 60,
    BSD_ECONNREFUSED = 61,
    BSD_ELOOP = 62,
    BSD_ENAMETOOLONG = 63,
    BSD_EHOSTDOWN = 64,
    BSD_EHOSTUNREACH = 65,
    BSD_ENOTEMPTY = 66,
    BSD_ENOSYS = 78,
    BSD_ERESTART = -1,    //!< kernel only: restart the system call
    BSD_EJUSTRETURN = -2, //!< kernel only: return with the registers untouched
    BSD_ENOIOCTL = -3,    //!< kernel only: ioctl not handled by this layer
    BSD_ESLEEP = -100,    //!< module only: the operation parked in tsleep (see BsdProcess::Tsleep)
};

/**
 * \ingroup tun
 * \param error an error value
 * \return its BSD name ("EWOULDBLOCK", "0" for success), or "E#<n>" for a number
 *         the table does not know
 */
std::string BsdErrnoName(int32_t error);

} // namespace ns3

#endif /* BSD_ERRNO_H */
