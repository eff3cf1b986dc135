/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A process's sleep state (kern_synch.c's tsleep): requested, then parked on a channel,
// then runnable again; each sleep has its own serial, so a stale timeout is told apart.

#include "ns3/bsd-sleep-state.h"

#include <gtest/gtest.h>

using namespace ns3;

TEST(BsdSleepState, ASleepIsRequestedThenParkedThenEnded)
{
    BsdSleepState sleep;
    int channel = 0;
    EXPECT_FALSE(sleep.IsRequested());
    EXPECT_FALSE(sleep.IsSleeping());
    EXPECT_EQ(sleep.GetWaitMessage(), "");

    sleep.Request(&channel, "tunread", true, Seconds(2), [](int e) { return e + 1; });
    EXPECT_TRUE(sleep.IsRequested());
    EXPECT_FALSE(sleep.IsSleeping());
    EXPECT_EQ(sleep.GetChannel(), &channel);
    EXPECT_EQ(sleep.GetTimeout(), Seconds(2));

    int woke = -1;
    sleep.Park([&woke](int e) { woke = e; });
    EXPECT_FALSE(sleep.IsRequested());
    EXPECT_TRUE(sleep.IsSleeping());
    EXPECT_TRUE(sleep.IsSleepingOn(&channel));
    EXPECT_EQ(sleep.GetWaitMessage(), "tunread");

    std::function<void(int)> onWake = sleep.End();
    EXPECT_FALSE(sleep.IsSleeping());
    EXPECT_FALSE(sleep.IsSleepingOn(&channel));
    EXPECT_EQ(sleep.GetChannel(), nullptr);
    EXPECT_EQ(sleep.GetWaitMessage(), "");
    ASSERT_TRUE(onWake);
    onWake(7);
    EXPECT_EQ(woke, 7);

    std::function<int(int)> rest = sleep.TakeContinuation();
    ASSERT_TRUE(rest);
    EXPECT_EQ(rest(1), 2);
    EXPECT_FALSE(sleep.TakeContinuation());
}

TEST(BsdSleepState, OnlyACatchableSleepIsInterruptible)
{
    BsdSleepState sleep;
    int channel = 0;
    sleep.Request(&channel, "ttyin", false, Time(0), [](int e) { return e; });
    EXPECT_FALSE(sleep.IsInterruptible()); // requested, not parked
    sleep.Park([](int) {});
    EXPECT_FALSE(sleep.IsInterruptible());
    sleep.End();
    sleep.Request(&channel, "tunread", true, Time(0), [](int e) { return e; });
    sleep.Park([](int) {});
    EXPECT_TRUE(sleep.IsInterruptible());
    sleep.End();
    EXPECT_FALSE(sleep.IsInterruptible());
}

TEST(BsdSleepState, EachSleepHasItsOwnSerial)
{
    BsdSleepState sleep;
    int channel = 0;
    sleep.Request(&channel, "poll", true, Seconds(1), [](int e) { return e; });
    uint64_t first = sleep.Park([](int) {});
    EXPECT_TRUE(sleep.IsCurrent(first));
    sleep.End();
    EXPECT_FALSE(sleep.IsCurrent(first)); // its timeout, come late, finds it over
    sleep.Request(&channel, "poll", true, Seconds(1), [](int e) { return e; });
    uint64_t second = sleep.Park([](int) {});
    EXPECT_NE(first, second);
    EXPECT_FALSE(sleep.IsCurrent(first));
    EXPECT_TRUE(sleep.IsCurrent(second));
}

TEST(BsdSleepState, DisposalDropsBothContinuations)
{
    BsdSleepState sleep;
    int channel = 0;
    sleep.Request(&channel, "tunread", true, Time(0), [](int e) { return e; });
    sleep.Park([](int) {});
    sleep.DropContinuations();
    EXPECT_FALSE(sleep.TakeContinuation());
    EXPECT_FALSE(sleep.End());
}
