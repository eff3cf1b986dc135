/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_FUZZ_MESSAGES_H
#define TUN_FUZZ_MESSAGES_H

// What the file-reader harnesses check of every message a reader returns: it names the
// input, and carries no control byte (a message goes to a terminal, and a file's bytes
// in it are escaped).

#include <cstdio>
#include <cstdlib>
#include <string>

namespace ns3
{
namespace fuzz
{

/**
 * Abort, as libFuzzer reports a crash, when \p message is wrong.
 * \param message an error or warning
 * \param name the input's name, which every message starts with
 */
inline void
CheckMessage(const std::string& message, const std::string& name)
{
    if (message.compare(0, name.size(), name) != 0)
    {
        std::fprintf(stderr, "fuzz: message does not name the input: %s\n", message.c_str());
        std::abort();
    }
    for (unsigned char c : message)
    {
        if (c < 0x20 || c == 0x7f)
        {
            std::fprintf(stderr, "fuzz: control byte 0x%02x in message\n", c);
            std::abort();
        }
    }
}

} // namespace fuzz
} // namespace ns3

#endif /* TUN_FUZZ_MESSAGES_H */
