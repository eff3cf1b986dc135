/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "uio.h"

#include "bsd-errno.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

Uio::Uio(Direction direction, uint8_t* base, int64_t length)
    : m_direction(direction),
      m_base(base),
      m_length(length),
      m_moved(0)
{
}

Uio::Direction
Uio::GetDirection() const
{
    return m_direction;
}

int64_t
Uio::GetResid() const
{
    return m_length - m_moved;
}

int64_t
Uio::GetMoved() const
{
    return m_moved;
}

int
Uio::Move(uint8_t* kernel, int64_t n)
{
    n = std::min(n, GetResid());
    if (n <= 0)
    {
        return BSD_OK;
    }
    if (m_base == nullptr || kernel == nullptr)
    {
        return BSD_EFAULT;
    }
    if (m_direction == READ)
    {
        std::memcpy(m_base + m_moved, kernel, n);
    }
    else
    {
        std::memcpy(kernel, m_base + m_moved, n);
    }
    m_moved += n;
    return BSD_OK;
}

} // namespace ns3
