/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The ktrace of simulated processes: a CALL and a RET per system call, with the
// arguments, the value or the errno by name, as text and as CSV; the per-node count.

#include "syscall-test-helpers.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <fstream>
#include <sstream>

using namespace ns3;
using namespace ns3::tests;

namespace
{

std::vector<std::string>
Lines(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
    {
        out.push_back(line);
    }
    return out;
}

} // namespace

/**
 * A process opens /dev/tun0, reads it non-blocking (EWOULDBLOCK), sets TUNSIFHEAD,
 * reads a bad descriptor (EBADF) and closes: the text trace has those calls in order,
 * each CALL with its arguments and each RET with its value or errno name, stamped with
 * the simulated time (a RET one SyscallTime after its CALL); the CSV has the same rows;
 * the node counts five calls.
 */
class SyscallTraceTestCase : public TestCase
{
  public:
    SyscallTraceTestCase()
        : TestCase("ktrace: CALL and RET lines, text and CSV, errno names")
    {
    }

  private:
    void DoRun() override
    {
        Config::SetDefault("ns3::KernelCostModel::SyscallTime", TimeValue(MicroSeconds(2)));
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        TunHelper tun;
        tun.InstallDriver(NodeContainer(node));
        std::string text = CreateTempDirFilename("ktrace.txt");
        std::string csv = CreateTempDirFilename("ktrace.csv");
        SyscallTraceHelper ktrace;
        ktrace.EnableText(text, NodeContainer(node));
        ktrace.EnableCsv(csv, NodeContainer(node));
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->Attach(node);
        int fd = OpenNow(p, "/dev/tun0", BSD_O_RDWR | BSD_O_NONBLOCK).second;
        auto [readError, data] = ReadNow(p, fd, 100);
        IoctlNow(p, fd, TUNSIFHEAD, IntBytes(1));
        ReadNow(p, 42, 10);
        CloseNow(p, fd);
        NS_TEST_EXPECT_MSG_EQ(readError, BSD_EWOULDBLOCK, "nothing to read");
        NS_TEST_EXPECT_MSG_EQ(p->GetSyscallCount(), 5u, "five calls");
        NS_TEST_EXPECT_MSG_EQ(node->GetObject<ProcessTable>()->GetSyscallCount(),
                              5u,
                              "counted on the node");
        Simulator::Destroy();
        Config::Reset();

        std::vector<std::string> lines = Lines(text);
        NS_TEST_ASSERT_MSG_EQ(lines.size(), 10u, "a CALL and a RET per call");
        if (lines.size() != 10)
        {
            return;
        }
        auto has = [&](std::size_t i, const std::string& part) {
            return lines[i].find(part) != std::string::npos;
        };
        NS_TEST_EXPECT_MSG_EQ(has(0, " node 0 pid 100 CALL open(\"/dev/tun0\", flags=0x6)"),
                              true,
                              lines[0]);
        // Each RET follows its CALL by the cost model's syscall time.
        NS_TEST_EXPECT_MSG_EQ(has(1, "0.000002000 node 0 pid 100 RET  open 3"), true, lines[1]);
        NS_TEST_EXPECT_MSG_EQ(has(2, "0.000002000 node 0 pid 100 CALL read"), true, lines[2]);
        NS_TEST_EXPECT_MSG_EQ(has(2, "CALL read(fd=3, nbytes=100)"), true, lines[2]);
        NS_TEST_EXPECT_MSG_EQ(has(3, "RET  read -1 errno 35 EWOULDBLOCK"), true, lines[3]);
        NS_TEST_EXPECT_MSG_EQ(has(4, "CALL ioctl(fd=3, cmd=TUNSIFHEAD, len=4)"), true, lines[4]);
        NS_TEST_EXPECT_MSG_EQ(has(5, "RET  ioctl 0"), true, lines[5]);
        NS_TEST_EXPECT_MSG_EQ(has(7, "RET  read -1 errno 9 EBADF"), true, lines[7]);
        NS_TEST_EXPECT_MSG_EQ(has(9, "RET  close 0"), true, lines[9]);

        std::vector<std::string> rows = Lines(csv);
        NS_TEST_ASSERT_MSG_EQ(rows.size(), 11u, "header and ten rows");
        if (rows.size() != 11)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(rows[0], SyscallRecord::CsvHeader(), "header");
        NS_TEST_EXPECT_MSG_EQ(
            (rows[4].find(",0,100,RET,read,3,\"\",-1,35,EWOULDBLOCK") != std::string::npos),
            true,
            rows[4]);
        NS_TEST_EXPECT_MSG_EQ(
            (rows[1].find(",CALL,open,-1,\"\"\"/dev/tun0\"\", flags=0x6\",") != std::string::npos),
            true,
            rows[1]);
    }
};

/**
 * A named process's records carry its name, after the pid in text and as the last CSV
 * column; SetProcessName keeps one name's calls and no other's; names are cut to
 * MAXCOMLEN (16).
 */
class SyscallProcessNameTestCase : public TestCase
{
  public:
    SyscallProcessNameTestCase()
        : TestCase("ktrace: process names in the lines, and a trace of one name's calls")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper internet;
        internet.Install(node);
        TunHelper tun;
        tun.InstallDriver(NodeContainer(node));
        std::string all = CreateTempDirFilename("all.txt");
        std::string csv = CreateTempDirFilename("all.csv");
        std::string ppp = CreateTempDirFilename("ppp.txt");
        SyscallTraceHelper ktrace;
        ktrace.EnableText(all, NodeContainer(node));
        ktrace.EnableCsv(csv, NodeContainer(node));
        ktrace.SetProcessName("ppp");
        ktrace.EnableText(ppp, NodeContainer(node));
        Ptr<BsdProcess> named = CreateObject<BsdProcess>();
        named->SetName("ppp");
        named->Attach(node);
        Ptr<BsdProcess> other = CreateObject<BsdProcess>();
        other->Attach(node);
        OpenNow(named, "/dev/tun0", BSD_O_RDWR);
        OpenNow(other, "/dev/tun1", BSD_O_RDWR);
        Ptr<BsdProcess> longName = CreateObject<BsdProcess>();
        longName->SetName("a-very-long-daemon-name");
        NS_TEST_EXPECT_MSG_EQ(longName->GetName(), "a-very-long-daem", "MAXCOMLEN");
        Simulator::Destroy();

        std::vector<std::string> lines = Lines(all);
        NS_TEST_ASSERT_MSG_EQ(lines.size(), 4u, "two calls of two processes");
        std::string pid = std::to_string(named->GetPid());
        NS_TEST_EXPECT_MSG_NE(lines[0].find(" pid " + pid + " ppp CALL open"),
                              std::string::npos,
                              lines[0]);
        NS_TEST_EXPECT_MSG_NE(
            lines[2].find(" pid " + std::to_string(other->GetPid()) + " CALL open"),
            std::string::npos,
            "no name, as before: " << lines[2]);
        std::vector<std::string> rows = Lines(csv);
        NS_TEST_ASSERT_MSG_EQ(rows.size(), 5u, "header and four rows");
        NS_TEST_EXPECT_MSG_EQ(rows[1].substr(rows[1].size() - 4), ",ppp", rows[1]);
        NS_TEST_EXPECT_MSG_EQ(rows[3].back(), ',', "an empty name: " << rows[3]);
        std::vector<std::string> only = Lines(ppp);
        NS_TEST_ASSERT_MSG_EQ(only.size(), 2u, "the named process's CALL and RET only");
        for (const std::string& line : only)
        {
            NS_TEST_EXPECT_MSG_NE(line.find(" ppp "), std::string::npos, line);
        }
    }
};

/// The suite.
class SyscallTraceTestSuite : public TestSuite
{
  public:
    SyscallTraceTestSuite()
        : TestSuite("syscall-trace", UNIT)
    {
        AddTestCase(new SyscallTraceTestCase, TestCase::QUICK);
        AddTestCase(new SyscallProcessNameTestCase, TestCase::QUICK);
    }
};

static SyscallTraceTestSuite g_syscallTraceTestSuite; //!< registers the suite
