/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_MESSAGE_ESCAPE_H
#define TUN_MESSAGE_ESCAPE_H

#include <string>

/**
 * \file
 * \ingroup tun
 * Messages quote what a file or an option said; its control bytes must not reach the
 * terminal as they are (a carriage return rewrites the line, an escape sequence the
 * screen).
 */

namespace ns3
{

/**
 * \ingroup tun
 * Escape the control bytes of a text for a message.
 * \param text any bytes
 * \return \p text with each byte under 0x20, and 0x7f, written as \\xNN (two lower-case
 *         hex digits); every other byte, UTF-8 included, as it is
 */
std::string EscapeControlBytes(const std::string& text);

} // namespace ns3

#endif /* TUN_MESSAGE_ESCAPE_H */
