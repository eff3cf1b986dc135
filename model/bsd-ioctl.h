/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IOCTL_H
#define BSD_IOCTL_H

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * ioctl command encoding (sys/ioccom.h) and the generic descriptor ioctls (sys/filio.h,
 * sys/ttycom.h), with FreeBSD's values.
 */

namespace ns3
{

constexpr uint32_t BSD_IOCPARM_MASK = 0x1fff;                //!< parameter length mask
constexpr uint32_t BSD_IOCPARM_MAX = 4096;                   //!< longest parameter (PAGE_SIZE)
constexpr uint32_t BSD_IOC_VOID = 0x20000000;                //!< no parameters
constexpr uint32_t BSD_IOC_OUT = 0x40000000;                 //!< copy the parameter out
constexpr uint32_t BSD_IOC_IN = 0x80000000;                  //!< copy the parameter in
constexpr uint32_t BSD_IOC_INOUT = BSD_IOC_IN | BSD_IOC_OUT; //!< both

/// \return the parameter length encoded in \p cmd (IOCPARM_LEN)
constexpr uint32_t
BsdIocparmLen(uint32_t cmd)
{
    return (cmd >> 16) & BSD_IOCPARM_MASK;
}

/// _IOC(inout, group, num, len)
constexpr uint32_t
BsdIoc(uint32_t inout, char group, uint32_t num, uint32_t len)
{
    return inout | ((len & BSD_IOCPARM_MASK) << 16) | (static_cast<uint32_t>(group) << 8) | num;
}

/// _IO(group, num)
constexpr uint32_t
BsdIo(char group, uint32_t num)
{
    return BsdIoc(BSD_IOC_VOID, group, num, 0);
}

/// _IOR(group, num, len)
constexpr uint32_t
BsdIor(char group, uint32_t num, uint32_t len)
{
    return BsdIoc(BSD_IOC_OUT, group, num, len);
}

/// _IOW(group, num, len)
constexpr uint32_t
BsdIow(char group, uint32_t num, uint32_t len)
{
    return BsdIoc(BSD_IOC_IN, group, num, len);
}

/// _IOWR(group, num, len)
constexpr uint32_t
BsdIowr(char group, uint32_t num, uint32_t len)
{
    return BsdIoc(BSD_IOC_INOUT, group, num, len);
}

constexpr uint32_t BSD_FIOCLEX = BsdIo('f', 1);         //!< set close-on-exec
constexpr uint32_t BSD_FIONCLEX = BsdIo('f', 2);        //!< clear close-on-exec
constexpr uint32_t BSD_FIONREAD = BsdIor('f', 127, 4);  //!< bytes ready to read
constexpr uint32_t BSD_FIONBIO = BsdIow('f', 126, 4);   //!< non-blocking I/O
constexpr uint32_t BSD_FIOASYNC = BsdIow('f', 125, 4);  //!< signal-driven I/O
constexpr uint32_t BSD_FIOSETOWN = BsdIow('f', 124, 4); //!< set SIGIO owner
constexpr uint32_t BSD_FIOGETOWN = BsdIor('f', 123, 4); //!< get SIGIO owner
constexpr uint32_t BSD_TIOCSPGRP = BsdIow('t', 118, 4); //!< set process group
constexpr uint32_t BSD_TIOCGPGRP = BsdIor('t', 119, 4); //!< get process group

static_assert(BSD_FIONREAD == 0x4004667f, "FIONREAD as in sys/filio.h");
static_assert(BSD_FIONBIO == 0x8004667e, "FIONBIO as in sys/filio.h");
static_assert(BSD_TIOCSPGRP == 0x80047476, "TIOCSPGRP as in sys/ttycom.h");

} // namespace ns3

#endif /* BSD_IOCTL_H */
