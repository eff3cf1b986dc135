/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-descriptor-table.h"

#include "ns3/cdev.h"
#include "ns3/socket-file.h"

namespace ns3
{

BsdDescriptorTable::File::File() = default;

BsdDescriptorTable::File::~File() = default;

int
BsdDescriptorTable::LowestFree(uint32_t limit) const
{
    int fd = FIRST_FD;
    while (m_slots.count(fd))
    {
        ++fd;
    }
    return fd < static_cast<int>(limit) ? fd : -1;
}

void
BsdDescriptorTable::Install(int fd, Ptr<File> file)
{
    m_slots[fd] = std::move(file);
}

Ptr<BsdDescriptorTable::File>
BsdDescriptorTable::Remove(int fd)
{
    auto it = m_slots.find(fd);
    if (it == m_slots.end())
    {
        return nullptr;
    }
    Ptr<File> file = std::move(it->second);
    m_slots.erase(it);
    return file;
}

std::vector<int>
BsdDescriptorTable::GetDescriptors() const
{
    std::vector<int> fds;
    for (const auto& [fd, file] : m_slots)
    {
        fds.push_back(fd);
    }
    return fds;
}

std::size_t
BsdDescriptorTable::GetCount() const
{
    return m_slots.size();
}

BsdDescriptorTable::Slots
BsdDescriptorTable::TakeAll()
{
    Slots slots;
    slots.swap(m_slots);
    return slots;
}

void
BsdDescriptorTable::Clear()
{
    m_slots.clear();
}

} // namespace ns3
