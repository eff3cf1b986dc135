/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-packet.h"

namespace ns3
{

bool
PppOption::operator==(const PppOption& other) const
{
    return type == other.type && data == other.data;
}

bool
PppControlPacket::Parse(const uint8_t* info, std::size_t len, PppControlPacket& out)
{
    if (len < 4)
    {
        return false;
    }
    std::size_t length = PppGetU16(info + 2);
    if (length < 4 || length > len)
    {
        return false;
    }
    out.code = info[0];
    out.id = info[1];
    out.data.assign(info + 4, info + length);
    return true;
}

std::vector<uint8_t>
PppControlPacket::Serialize() const
{
    std::vector<uint8_t> out{code, id};
    std::vector<uint8_t> length = PppPutU16(static_cast<uint16_t>(data.size() + 4));
    out.insert(out.end(), length.begin(), length.end());
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

bool
PppParseOptions(const std::vector<uint8_t>& data, std::vector<PppOption>& out)
{
    out.clear();
    std::size_t i = 0;
    while (i < data.size())
    {
        if (data.size() - i < 2 || data[i + 1] < 2 || data[i + 1] > data.size() - i)
        {
            return false;
        }
        out.push_back(PppOption{data[i], {data.begin() + i + 2, data.begin() + i + data[i + 1]}});
        i += data[i + 1];
    }
    return true;
}

std::vector<uint8_t>
PppSerializeOptions(const std::vector<PppOption>& options)
{
    std::vector<uint8_t> out;
    for (const PppOption& o : options)
    {
        out.push_back(o.type);
        out.push_back(static_cast<uint8_t>(o.data.size() + 2));
        out.insert(out.end(), o.data.begin(), o.data.end());
    }
    return out;
}

std::vector<uint8_t>
PppPutU32(uint32_t value)
{
    return {static_cast<uint8_t>(value >> 24),
            static_cast<uint8_t>(value >> 16),
            static_cast<uint8_t>(value >> 8),
            static_cast<uint8_t>(value)};
}

std::vector<uint8_t>
PppPutU16(uint16_t value)
{
    return {static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value)};
}

uint32_t
PppGetU32(const uint8_t* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

uint16_t
PppGetU16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

} // namespace ns3
