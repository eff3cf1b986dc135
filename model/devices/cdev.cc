/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cdev.h"

#include "ns3/assert.h"

namespace ns3
{

Cdev::Cdev(std::string name, int32_t major, int32_t minor, Ptr<DevOps> ops)
    : m_name(std::move(name)),
      m_major(major),
      m_minor(minor),
      m_ops(ops)
{
}

const std::string&
Cdev::GetName() const
{
    return m_name;
}

int32_t
Cdev::GetMajor() const
{
    return m_major;
}

int32_t
Cdev::GetMinor() const
{
    return m_minor;
}

Ptr<DevOps>
Cdev::GetOps() const
{
    return m_ops;
}

void
Cdev::SetOps(Ptr<DevOps> ops)
{
    m_ops = ops;
}

Ptr<Object>
Cdev::GetDriverData() const
{
    return m_drv1;
}

void
Cdev::SetDriverData(Ptr<Object> softc)
{
    m_drv1 = softc;
}

uint32_t
Cdev::GetFlags() const
{
    return m_flags;
}

void
Cdev::SetFlags(uint32_t flags)
{
    m_flags = flags;
}

uint32_t
Cdev::GetUid() const
{
    return m_uid;
}

uint32_t
Cdev::GetGid() const
{
    return m_gid;
}

uint32_t
Cdev::GetMode() const
{
    return m_mode;
}

void
Cdev::SetOwnership(uint32_t uid, uint32_t gid, uint32_t mode)
{
    m_uid = uid;
    m_gid = gid;
    m_mode = mode;
}

Time
Cdev::GetLastRead() const
{
    return m_lastRead;
}

void
Cdev::SetLastRead(Time t)
{
    m_lastRead = t;
}

Time
Cdev::GetLastWrite() const
{
    return m_lastWrite;
}

void
Cdev::SetLastWrite(Time t)
{
    m_lastWrite = t;
}

int32_t
Cdev::GetRefs() const
{
    return m_refs;
}

void
Cdev::Reference()
{
    ++m_refs;
}

void
Cdev::Release()
{
    NS_ASSERT_MSG(m_refs > 0, "cdev " << m_name << ": reference count underflow");
    --m_refs;
}

int32_t
Cdev::GetOpenCount() const
{
    return m_opens;
}

void
Cdev::AddOpen()
{
    ++m_opens;
}

void
Cdev::RemoveOpen()
{
    NS_ASSERT_MSG(m_opens > 0, "cdev " << m_name << ": open count underflow");
    --m_opens;
}

bool
Cdev::IsDestroyed() const
{
    return m_destroyed;
}

void
Cdev::MarkDestroyed()
{
    m_destroyed = true;
}

} // namespace ns3
