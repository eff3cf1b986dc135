/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// uiomove: direction, residual count, short moves, and a missing buffer.

#include "ns3/bsd-errno.h"
#include "ns3/uio.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;

TEST(Uio, ReadMovesKernelBytesOutAndCounts)
{
    std::vector<uint8_t> user(4, 0);
    Uio uio(Uio::READ, user.data(), user.size());
    uint8_t kernel[] = {1, 2, 3, 4, 5, 6};
    EXPECT_EQ(uio.Move(kernel, 3), BSD_OK);
    EXPECT_EQ(uio.GetResid(), 1);
    EXPECT_EQ(uio.Move(kernel + 3, 3), BSD_OK); // only one byte fits
    EXPECT_EQ(uio.GetResid(), 0);
    EXPECT_EQ(uio.GetMoved(), 4);
    EXPECT_EQ(user, (std::vector<uint8_t>{1, 2, 3, 4}));
}

TEST(Uio, WriteMovesUserBytesIn)
{
    std::vector<uint8_t> user = {9, 8, 7};
    Uio uio(Uio::WRITE, user.data(), user.size());
    uint8_t kernel[3] = {};
    EXPECT_EQ(uio.Move(kernel, 10), BSD_OK);
    EXPECT_EQ(kernel[0], 9);
    EXPECT_EQ(kernel[2], 7);
    EXPECT_EQ(uio.GetDirection(), Uio::WRITE);
}

TEST(Uio, MissingBufferIsEfault)
{
    Uio uio(Uio::READ, nullptr, 8);
    uint8_t kernel[8] = {};
    EXPECT_EQ(uio.Move(kernel, 8), BSD_EFAULT);
    EXPECT_EQ(uio.GetMoved(), 0);
    Uio empty(Uio::READ, nullptr, 0);
    EXPECT_EQ(empty.Move(kernel, 8), BSD_OK); // nothing to move
}
