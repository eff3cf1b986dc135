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

/// The suite.
class SyscallTraceTestSuite : public TestSuite
{
  public:
    SyscallTraceTestSuite()
        : TestSuite("syscall-trace", UNIT)
    {
        AddTestCase(new SyscallTraceTestCase, TestCase::QUICK);
    }
};

static SyscallTraceTestSuite g_syscallTraceTestSuite; //!< registers the suite
