/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Loading a KernelCostModel profile: good files set every attribute; each kind of bad
// file is refused with the file, the line and the problem, and changes nothing.

#include "ns3/kernel-cost-model.h"
#include "ns3/nstime.h"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>

using namespace ns3;

namespace
{

std::string
WriteProfile(const std::string& text)
{
    std::string path = ::testing::TempDir() + "/profile-" +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST(KernelCostProfile, GoodFileSetsEveryAttribute)
{
    std::string path = WriteProfile("# measured somewhere\n"
                                    "SyscallTime 250ns\n"
                                    "\n"
                                    "CopyTimePerKiB 40ns   # memcpy\n"
                                    "WakeupLatency 3us\n"
                                    "GiantHoldTime 0ns\n");
    Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
    std::string error;
    ASSERT_TRUE(cost->LoadProfile(path, &error)) << error;
    EXPECT_EQ(cost->GetSyscallTime(), NanoSeconds(250));
    EXPECT_EQ(cost->GetCopyTime(2048), NanoSeconds(80));
    EXPECT_EQ(cost->GetWakeupLatency(), MicroSeconds(3));
    EXPECT_EQ(cost->GetGiantHoldTime(), Time(0));
}

TEST(KernelCostProfile, BadFilesAreRefusedByLineAndChangeNothing)
{
    struct Case
    {
        const char* text;
        const char* expected;
    };

    const Case cases[] = {
        {"SyscallTime 1us\nSyscalTime 2us\n", ":2: unknown attribute \"SyscalTime\""},
        {"SyscallTime\n", ":1: expected \"SyscallTime <time>\""},
        {"SyscallTime 1us 2us\n", ":1: expected"},
        {"WakeupLatency fast\n", ":1: \"fast\" is not a non-negative time"},
        {"WakeupLatency -5ns\n", ":1: \"-5ns\" is not a non-negative time"},
    };
    for (const Case& c : cases)
    {
        std::string path = WriteProfile(c.text);
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        std::string error;
        EXPECT_FALSE(cost->LoadProfile(path, &error)) << c.text;
        EXPECT_NE(error.find(path + c.expected), std::string::npos) << error;
        EXPECT_EQ(cost->GetSyscallTime(), Time(0)) << "nothing applied: " << c.text;
    }
    Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
    std::string error;
    EXPECT_FALSE(cost->LoadProfile("/nonexistent/profile", &error));
    EXPECT_EQ(error, "/nonexistent/profile: cannot be read");
}
