/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-if.h"

#include <cstring>

namespace ns3
{

std::vector<uint8_t>
TunInfo::Serialize() const
{
    std::vector<uint8_t> data(BSD_TUNINFO_SIZE, 0);
    std::memcpy(data.data(), &baudrate, 4);
    std::memcpy(data.data() + 4, &mtu, 2);
    data[6] = type;
    return data;
}

TunInfo
TunInfo::Deserialize(const uint8_t* data)
{
    TunInfo info;
    std::memcpy(&info.baudrate, data, 4);
    std::memcpy(&info.mtu, data + 4, 2);
    info.type = data[6];
    return info;
}

} // namespace ns3
