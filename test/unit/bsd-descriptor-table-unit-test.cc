/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The descriptor table (struct filedesc): fdalloc hands out the lowest free descriptor
// from 3 up, below the limit; a closed descriptor is the next one handed out.

#include "ns3/bsd-descriptor-table.h"
#include "ns3/cdev.h"
#include "ns3/socket-file.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

namespace
{

/// Open a file on the lowest free descriptor, as falloc then finstall. \return it
int
OpenOne(BsdDescriptorTable& table, uint32_t limit = 64)
{
    int fd = table.LowestFree(limit);
    if (fd >= 0)
    {
        table.Install(fd, Create<BsdDescriptorTable::File>());
    }
    return fd;
}

} // namespace

TEST(BsdDescriptorTable, DescriptorsAreHandedOutFromThreeUp)
{
    BsdDescriptorTable table;
    EXPECT_EQ(table.GetCount(), 0u);
    EXPECT_EQ(OpenOne(table), 3);
    EXPECT_EQ(OpenOne(table), 4);
    EXPECT_EQ(OpenOne(table), 5);
    EXPECT_EQ(table.GetDescriptors(), (std::vector<int>{3, 4, 5}));
}

TEST(BsdDescriptorTable, LowestFreeDoesNotReserve)
{
    BsdDescriptorTable table;
    EXPECT_EQ(table.LowestFree(64), 3);
    EXPECT_EQ(table.LowestFree(64), 3);
    EXPECT_EQ(table.GetCount(), 0u);
}

TEST(BsdDescriptorTable, AClosedDescriptorIsTheNextHandedOut)
{
    BsdDescriptorTable table;
    for (int i = 0; i < 4; ++i)
    {
        OpenOne(table); // 3, 4, 5, 6
    }
    ASSERT_TRUE(table.Remove(5));
    ASSERT_TRUE(table.Remove(4));
    EXPECT_EQ(OpenOne(table), 4); // the lowest, not the last closed
    EXPECT_EQ(OpenOne(table), 5);
    EXPECT_EQ(OpenOne(table), 7);
}

TEST(BsdDescriptorTable, RemoveGivesBackTheFileAndFreesTheSlot)
{
    BsdDescriptorTable table;
    Ptr<BsdDescriptorTable::File> file = Create<BsdDescriptorTable::File>();
    file->flags = 3;
    table.Install(3, file);
    EXPECT_EQ(table.Get(3), file);
    EXPECT_EQ(table.Remove(3), file);
    EXPECT_FALSE(table.Get(3));
    EXPECT_FALSE(table.Remove(3)); // not open: EBADF for the caller
}

TEST(BsdDescriptorTable, NothingIsOpenBelowThreeOrUnknown)
{
    BsdDescriptorTable table;
    OpenOne(table);
    EXPECT_FALSE(table.Get(0));
    EXPECT_FALSE(table.Get(2));
    EXPECT_FALSE(table.Get(-1));
    EXPECT_FALSE(table.Get(4));
    EXPECT_TRUE(table.Get(3));
}

TEST(BsdDescriptorTable, TheLimitIsExclusive)
{
    BsdDescriptorTable table;
    EXPECT_EQ(OpenOne(table, 5), 3);
    EXPECT_EQ(OpenOne(table, 5), 4);
    EXPECT_EQ(OpenOne(table, 5), -1); // EMFILE: descriptors are below RLIMIT_NOFILE
    table.Remove(3);
    EXPECT_EQ(OpenOne(table, 5), 3);
    EXPECT_EQ(table.LowestFree(4), -1);
}

TEST(BsdDescriptorTable, TakeAllEmptiesTheTableLowestFirst)
{
    BsdDescriptorTable table;
    for (int i = 0; i < 3; ++i)
    {
        OpenOne(table);
    }
    table.Remove(4);
    BsdDescriptorTable::Slots slots = table.TakeAll();
    std::vector<int> fds;
    for (const auto& [fd, file] : slots)
    {
        fds.push_back(fd);
        EXPECT_TRUE(file);
    }
    EXPECT_EQ(fds, (std::vector<int>{3, 5}));
    EXPECT_EQ(table.GetCount(), 0u);
    EXPECT_EQ(OpenOne(table), 3);
}
