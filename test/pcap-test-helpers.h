/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PCAP_TEST_HELPERS_H
#define PCAP_TEST_HELPERS_H

// Read a pcap file the module wrote back with ns-3's own reader, for the tests.

#include "ns3/pcap-file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

/// The records of a pcap file, in order.
struct PcapContents
{
    bool opened{false};                        //!< the file opened and had a valid header
    uint32_t linkType{0};                      //!< its DLT
    std::vector<std::vector<uint8_t>> records; //!< each record's captured bytes
    std::vector<uint64_t> microseconds;        //!< each record's timestamp
};

/// \param path a pcap file \return what it holds
inline PcapContents
ReadPcap(const std::string& path)
{
    PcapContents contents;
    PcapFile pcap;
    pcap.Open(path, std::ios::in);
    if (pcap.Fail())
    {
        return contents;
    }
    contents.opened = true;
    contents.linkType = pcap.GetDataLinkType();
    uint8_t data[65536];
    uint32_t sec;
    uint32_t usec;
    uint32_t incl;
    uint32_t orig;
    uint32_t read;
    while (true)
    {
        pcap.Read(data, sizeof(data), sec, usec, incl, orig, read);
        if (pcap.Eof() || pcap.Fail())
        {
            break;
        }
        contents.records.emplace_back(data, data + read);
        contents.microseconds.push_back(uint64_t(sec) * 1000000 + usec);
    }
    pcap.Close();
    return contents;
}

} // namespace tests
} // namespace ns3

#endif /* PCAP_TEST_HELPERS_H */
