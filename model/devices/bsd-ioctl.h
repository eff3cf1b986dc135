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

/// IOCPARM_LEN \param cmd an ioctl command \return the parameter length it encodes
constexpr uint32_t
BsdIocparmLen(uint32_t cmd)
{
    return (cmd >> 16) & BSD_IOCPARM_MASK;
}

/**
 * _IOC: an ioctl command number.
 * \param inout BSD_IOC_VOID, BSD_IOC_OUT, BSD_IOC_IN or BSD_IOC_INOUT
 * \param group the command group, a letter ('t' for tun)
 * \param num the number within the group
 * \param len the parameter's length
 * \return the command
 */
constexpr uint32_t
BsdIoc(uint32_t inout, char group, uint32_t num, uint32_t len)
{
    return inout | ((len & BSD_IOCPARM_MASK) << 16) | (static_cast<uint32_t>(group) << 8) | num;
}

/// IOCGROUP \param cmd an ioctl command \return the group letter it encodes
constexpr char
BsdIocgroup(uint32_t cmd)
{
    return static_cast<char>((cmd >> 8) & 0xff);
}

/// _IO: a command without parameter \param group its group \param num its number
/// \return the command
constexpr uint32_t
BsdIo(char group, uint32_t num)
{
    return BsdIoc(BSD_IOC_VOID, group, num, 0);
}

/// _IOR: a command whose parameter is copied out \param group its group \param num its
/// number \param len the parameter's length \return the command
constexpr uint32_t
BsdIor(char group, uint32_t num, uint32_t len)
{
    return BsdIoc(BSD_IOC_OUT, group, num, len);
}

/// _IOW: a command whose parameter is copied in \param group its group \param num its
/// number \param len the parameter's length \return the command
constexpr uint32_t
BsdIow(char group, uint32_t num, uint32_t len)
{
    return BsdIoc(BSD_IOC_IN, group, num, len);
}

/// _IOWR: a command whose parameter is copied in and out \param group its group
/// \param num its number \param len the parameter's length \return the command
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
