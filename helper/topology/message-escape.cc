/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "message-escape.h"

namespace ns3
{

std::string
EscapeControlBytes(const std::string& text)
{
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (char c : text)
    {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
        {
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
        else
        {
            out += c;
        }
    }
    return out;
}

} // namespace ns3
