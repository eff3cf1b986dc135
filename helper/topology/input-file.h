/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_INPUT_FILE_H
#define TUN_INPUT_FILE_H

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * Reading a file a researcher names (a topology, a traffic description): whole, but never
 * more than a limit, and with a message that says what the path is when it is no file.
 */

namespace ns3
{

/// \ingroup tun
/// The most bytes an input file may hold: 64 MiB, far beyond any topology or traffic
/// description, and far below what would exhaust memory (`--topology=/dev/zero`).
constexpr uint64_t TUN_INPUT_FILE_LIMIT = uint64_t{64} << 20;

/**
 * \ingroup tun
 * Read a whole input file.
 * \param path the file
 * \param text receives its bytes (emptied on error)
 * \param limit the most bytes accepted
 * \return empty on success, else a message that starts with the path (control bytes in it
 *         escaped): "cannot read the file", "a directory, not a file", or "larger than
 *         64 MiB" (a stream such as /dev/zero is refused once it has given that much)
 */
std::string ReadInputFile(const std::string& path,
                          std::string& text,
                          uint64_t limit = TUN_INPUT_FILE_LIMIT);

} // namespace ns3

#endif /* TUN_INPUT_FILE_H */
