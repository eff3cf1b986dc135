/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_FCNTL_H
#define BSD_FCNTL_H

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * Open flags, file flags and I/O flags with FreeBSD's values (sys/fcntl.h,
 * sys/vnode.h, sys/stat.h, sys/param.h).
 */

namespace ns3
{

/// \ingroup tun
/// open(2) flags and the kernel's file flags they become (FFLAGS adds one).
enum BsdOpenFlags : int32_t
{
    BSD_O_RDONLY = 0x0000,
    BSD_O_WRONLY = 0x0001,
    BSD_O_RDWR = 0x0002,
    BSD_O_ACCMODE = 0x0003,
    BSD_O_NONBLOCK = 0x0004,
    BSD_O_APPEND = 0x0008,
    BSD_O_ASYNC = 0x0040,
    BSD_FREAD = 0x0001,             //!< descriptor open for reading
    BSD_FWRITE = 0x0002,            //!< descriptor open for writing
    BSD_FNONBLOCK = BSD_O_NONBLOCK, //!< non-blocking I/O
    BSD_FASYNC = BSD_O_ASYNC,       //!< signal-driven I/O
};

/// \ingroup tun
/// ioflag bits passed to d_read/d_write (sys/vnode.h).
enum BsdIoFlags : int32_t
{
    BSD_IO_NDELAY = 0x10, //!< the descriptor is non-blocking
};

/// Device type passed to d_open/d_close for character devices (S_IFCHR).
constexpr int32_t BSD_S_IFCHR = 0020000;

/// tsleep priority flag: a signal may interrupt the sleep.
constexpr int32_t BSD_PCATCH = 0x100;

/// Base sleep priority of kernel sleeps (PZERO).
constexpr int32_t BSD_PZERO = 22;

/// Owner and group of FreeBSD's dial-out devices (uucp:dialer, /etc/passwd, /etc/group).
constexpr uint32_t BSD_UID_UUCP = 66;
constexpr uint32_t BSD_GID_DIALER = 68; //!< group "dialer"

} // namespace ns3

#endif /* BSD_FCNTL_H */
