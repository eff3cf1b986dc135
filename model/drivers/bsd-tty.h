/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_TTY_H
#define BSD_TTY_H

#include "ns3/bsd-ioctl.h"

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * The tty ioctls and modem bits a serial port answers (sys/ttycom.h, sys/termios.h), for
 * the drivers that answer them and the processes that ask.
 */

namespace ns3
{

/// sizeof(struct termios) on i386: four tcflag_t, cc_t c_cc[20], two speed_t.
constexpr uint32_t BSD_TERMIOS_SIZE = 44;
/// Offset of c_ospeed in struct termios.
constexpr uint32_t BSD_TERMIOS_OSPEED = 40;

constexpr uint32_t BSD_TIOCGETA = BsdIor('t', 19, BSD_TERMIOS_SIZE); //!< get termios
constexpr uint32_t BSD_TIOCSETA = BsdIow('t', 20, BSD_TERMIOS_SIZE); //!< set termios
constexpr uint32_t BSD_TIOCMGET = BsdIor('t', 106, 4);               //!< get modem bits
constexpr uint32_t BSD_TIOCOUTQ = BsdIor('t', 115, 4);               //!< output queue size

static_assert(BSD_TIOCGETA == 0x402c7413, "TIOCGETA as in sys/ttycom.h");
static_assert(BSD_TIOCSETA == 0x802c7414, "TIOCSETA as in sys/ttycom.h");
static_assert(BSD_TIOCMGET == 0x4004746a, "TIOCMGET as in sys/ttycom.h");
static_assert(BSD_TIOCOUTQ == 0x40047473, "TIOCOUTQ as in sys/ttycom.h");

/// TIOCMGET's modem bits (sys/ttycom.h).
enum BsdModemBits : int32_t
{
    BSD_TIOCM_DTR = 0x0002, ///< data terminal ready
    BSD_TIOCM_CTS = 0x0020, ///< clear to send
    BSD_TIOCM_CD = 0x0040,  ///< carrier detect
    BSD_TIOCM_DSR = 0x0100, ///< data set ready
};

/// c_cflag bits of struct termios (sys/termios.h); the character size is bits 8-9.
enum BsdTermiosCflag : int32_t
{
    BSD_CSTOPB = 0x0400, ///< two stop bits
    BSD_CREAD = 0x0800,  ///< receiver on
    BSD_PARENB = 0x1000, ///< parity
};

} // namespace ns3

#endif /* BSD_TTY_H */
