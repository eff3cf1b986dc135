/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_IOCTL_NAME_H
#define BSD_IOCTL_NAME_H

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * ioctl commands by name, as kdump(1) prints them.
 */

namespace ns3
{

/**
 * \ingroup tun
 * The name of an ioctl command the module knows (the tun driver's TUN*, the descriptor
 * FIO* and tty TIOC* commands, the interface SIOC* commands), as kdump prints it; any
 * other command as kdump prints an unknown one, in hex.
 * \param cmd the command
 * \return "TUNSIFMODE", or "0x1234abcd" for a command it does not know
 */
std::string BsdIoctlName(uint32_t cmd);

/**
 * \ingroup tun
 * A number as kdump prints flags, events and commands it has no name for: "0x" and
 * lower-case hex digits, no padding. Callers pass the value at its own width (a
 * negative int32_t flag word as uint32_t), as kdump prints the C type.
 * \param value the number
 * \return e.g. "0x4004667f"
 */
std::string KdumpHex(uint64_t value);

} // namespace ns3

#endif /* BSD_IOCTL_NAME_H */
