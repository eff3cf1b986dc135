/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "input-file.h"

#include "message-escape.h"

#include <fstream>
#include <sys/stat.h>

namespace ns3
{

namespace
{

/// \param bytes a size \return it in the unit it reads best in ("64 MiB", "300 bytes")
std::string
SizeText(uint64_t bytes)
{
    if (bytes >= (uint64_t{1} << 20) && bytes % (uint64_t{1} << 20) == 0)
    {
        return std::to_string(bytes >> 20) + " MiB";
    }
    return std::to_string(bytes) + " bytes";
}

} // namespace

std::string
ReadInputFile(const std::string& path, std::string& text, uint64_t limit)
{
    text.clear();
    const std::string name = EscapeControlBytes(path);
    const std::string tooLarge = name + ": larger than " + SizeText(limit) + "; not read";
    struct stat info;
    if (::stat(path.c_str(), &info) == 0)
    {
        if (S_ISDIR(info.st_mode))
        {
            return name + ": a directory, not a file";
        }
        if (S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > limit)
        {
            return tooLarge;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return name + ": cannot read the file";
    }
    // In pieces, counting: a device or a pipe has no size to ask for in advance.
    char piece[65536];
    while (in)
    {
        in.read(piece, sizeof(piece));
        std::streamsize got = in.gcount();
        if (text.size() + static_cast<uint64_t>(got) > limit)
        {
            text.clear();
            return tooLarge;
        }
        text.append(piece, static_cast<std::size_t>(got));
    }
    if (in.bad())
    {
        text.clear();
        return name + ": cannot read the file";
    }
    return "";
}

} // namespace ns3
