/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPPDUMP_TEST_HELPERS_H
#define PPPDUMP_TEST_HELPERS_H

// Read a pppd record file back, for the tests: the reading rules of pppdump(8)
// (pppdump/pppdump.c of the ppp project), with every record's time resolved.

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

/// One record of a pppd record file.
struct PppdumpRecord
{
    uint8_t tag{0};            //!< 1 sent, 2 received, 3 end sent, 4 end received
    uint64_t tenths{0};        //!< absolute time, tenths of a second since 1970
    std::vector<uint8_t> data; //!< the bytes (tags 1 and 2)
};

/// What a record file holds.
struct PppdumpContents
{
    bool ok{false};                     //!< read to the end without a bad tag or a cut
    std::vector<uint32_t> resets;       //!< the time_t of each reset-time record (tag 7)
    std::vector<uint8_t> steps;         //!< the tag of each time step (5 or 6)
    std::vector<PppdumpRecord> records; //!< data and end records, in order
    std::vector<uint8_t> raw;           //!< the whole file
};

/// \param path a record file \return its contents
inline PppdumpContents
ReadPppdump(const std::string& path)
{
    PppdumpContents c;
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        return c;
    }
    c.raw.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::vector<uint8_t>& b = c.raw;
    std::size_t i = 0;
    uint64_t now = 0;
    auto number = [&b, &i](int n, uint64_t& v) {
        if (i + n > b.size())
        {
            return false;
        }
        v = 0;
        for (int k = 0; k < n; ++k)
        {
            v = (v << 8) | b[i++];
        }
        return true;
    };
    while (i < b.size())
    {
        uint8_t tag = b[i++];
        uint64_t v = 0;
        switch (tag)
        {
        case 1:
        case 2: {
            if (!number(2, v) || i + v > b.size())
            {
                return c;
            }
            PppdumpRecord r;
            r.tag = tag;
            r.tenths = now;
            r.data.assign(b.begin() + i, b.begin() + i + v);
            i += v;
            c.records.push_back(r);
            break;
        }
        case 3:
        case 4:
            c.records.push_back(PppdumpRecord{tag, now, {}});
            break;
        case 5:
        case 6:
            if (!number(tag == 5 ? 4 : 1, v))
            {
                return c;
            }
            now += v;
            c.steps.push_back(tag);
            break;
        case 7:
            if (!number(4, v))
            {
                return c;
            }
            now = v * 10; // show_time: the tenths start again at zero
            c.resets.push_back(static_cast<uint32_t>(v));
            break;
        default:
            return c; // pppdump prints "?xx" and goes on; a test wants to know
        }
    }
    c.ok = true;
    return c;
}

} // namespace tests
} // namespace ns3

#endif /* PPPDUMP_TEST_HELPERS_H */
