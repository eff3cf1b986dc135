/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the coroutine layer of simulated processes (bsd-task.h, bsd-syscalls.h): a
// wait ends in a later event, never inside the call that began it; system calls give
// back BsdProcess's BSD errno values; poll and select fill the caller's arrays; a task
// calls another as a function; Sleep lasts what it says; and a process that ends (Exit,
// a fatal signal, exit from inside the task, Dispose) destroys the frames it holds,
// wherever they wait.

#include "toy-queue-driver.h"

#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// A node whose switch has /dev/toy0, and a process on it.
struct ToyNode
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ToyQueueDriver> toy;
    Ptr<BsdProcess> process = CreateObject<BsdProcess>();

    ToyNode()
    {
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
        toy = Create<ToyQueueDriver>(sw, "toy", 0);
        sw->MakeDev(toy->ops, 0, 0, 0, 0600, "toy0");
        process->Attach(node);
    }
};

/// Counts the live locals of tasks: what a destroyed frame leaves behind is none.
struct FrameProbe
{
    static int s_alive; //!< probes in frames not yet destroyed

    FrameProbe()
    {
        ++s_alive;
    }

    ~FrameProbe()
    {
        --s_alive;
    }
};

int FrameProbe::s_alive = 0;

/// What the ordering task saw.
struct Ordering
{
    bool execReturned{false};     //!< set by the test right after Exec
    bool resumedAfterExec{false}; //!< the open's completion found execReturned set
    uint64_t eventAtExec{0};      //!< Simulator::GetEventCount() right after Exec
    uint64_t eventAtOpen{0};      //!< the same when the open's co_await returned
    uint64_t eventAtSleep{0};     //!< the same when a zero Sleep returned
    Time sleptFrom;               //!< before a 7 ms Sleep
    Time sleptTo;                 //!< after it
    int fd{-1};                   //!< the open's descriptor
};

BsdTask
OrderingTask(Ptr<BsdProcess> p, Ordering* seen)
{
    BsdSyscalls sys(p);
    auto [error, fd] = co_await sys.Open("/dev/toy0", BSD_O_RDWR);
    seen->resumedAfterExec = seen->execReturned;
    seen->eventAtOpen = Simulator::GetEventCount();
    seen->fd = error == BSD_OK ? fd : -1;
    co_await sys.Sleep(Time(0));
    seen->eventAtSleep = Simulator::GetEventCount();
    seen->sleptFrom = Simulator::Now();
    co_await sys.Sleep(MilliSeconds(7));
    seen->sleptTo = Simulator::Now();
}

/// A wait ends in a later event: the task runs up to its first co_await inside Exec,
/// and continues only when the simulator runs the call's completion.
class TaskOrderingTestCase : public TestCase
{
  public:
    TaskOrderingTestCase()
        : TestCase("a system call's completion resumes the task in a later event")
    {
    }

  private:
    void DoRun() override
    {
        ToyNode bench;
        Ordering seen;
        BsdTask::Exec(bench.process, OrderingTask(bench.process, &seen));
        seen.execReturned = true;
        seen.eventAtExec = Simulator::GetEventCount();
        NS_TEST_EXPECT_MSG_EQ(bench.toy->opens, 1, "the open was issued inside Exec");
        NS_TEST_EXPECT_MSG_EQ(seen.fd, -1, "but has not returned yet");
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(seen.resumedAfterExec, true, "resumed after Exec returned");
        NS_TEST_EXPECT_MSG_GT(seen.eventAtOpen, seen.eventAtExec, "from an event of its own");
        NS_TEST_EXPECT_MSG_EQ(seen.fd, 3, "the first descriptor");
        NS_TEST_EXPECT_MSG_GT(seen.eventAtSleep, seen.eventAtOpen, "a zero sleep is an event");
        NS_TEST_EXPECT_MSG_EQ(seen.sleptTo - seen.sleptFrom, MilliSeconds(7), "7 ms, exactly");
        Simulator::Destroy();
    }
};

/// What each call of the errors task returned: the errno, then the value.
using Returns = std::vector<std::pair<int, int64_t>>;

BsdTask
ErrorsTask(Ptr<BsdProcess> p, Returns* got, std::vector<uint8_t>* echoed)
{
    BsdSyscalls sys(p);
    auto [noEntry, noFd] = co_await sys.Open("/dev/nonesuch", BSD_O_RDWR);
    got->emplace_back(noEntry, noFd);
    auto [error, fd] = co_await sys.Open("/dev/toy0", BSD_O_RDWR | BSD_O_NONBLOCK);
    got->emplace_back(error, fd);
    auto [empty, nothing] = co_await sys.Read(fd, 100);
    got->emplace_back(empty, nothing.size());
    auto [badRead, none] = co_await sys.Read(42, 100);
    got->emplace_back(badRead, none.size());
    std::vector<uint8_t> word(4, 0);
    auto [notTty, unused] = co_await sys.Ioctl(fd, ToyQueueDriver::NOP_IOCTL + 1, word);
    got->emplace_back(notTty, unused.size());
    word[0] = 41;
    auto [echoError, echo] = co_await sys.Ioctl(fd, ToyQueueDriver::ECHO_IOCTL, word);
    got->emplace_back(echoError, echo.size());
    *echoed = echo;
    int badClose = co_await sys.Close(42);
    got->emplace_back(badClose, 0);
    auto [getError, flags] = co_await sys.Fcntl(fd, BsdProcess::F_GETFL, 0);
    got->emplace_back(getError, flags & BSD_O_NONBLOCK);
    std::vector<uint8_t> packet{1, 2, 3};
    auto [writeError, written] = co_await sys.Write(fd, packet);
    got->emplace_back(writeError, written);
    auto [readError, read] = co_await sys.Read(fd, 100);
    got->emplace_back(readError, read == packet ? 3 : -3);
    got->emplace_back(co_await sys.Close(fd), 0);
}

/// System calls give back BsdProcess's results: BSD errno values (EWOULDBLOCK is 35),
/// descriptors, counts and bytes.
class TaskErrorsTestCase : public TestCase
{
  public:
    TaskErrorsTestCase()
        : TestCase("system calls return BSD errno values and their results through co_await")
    {
    }

  private:
    void DoRun() override
    {
        ToyNode bench;
        Returns got;
        std::vector<uint8_t> echoed;
        BsdTask::Exec(bench.process, ErrorsTask(bench.process, &got, &echoed));
        Simulator::Run();
        Returns expected{
            {2, -1},             // open: ENOENT
            {0, 3},              // open: the first descriptor
            {35, 0},             // read, non-blocking, nothing queued: EWOULDBLOCK
            {9, 0},              // read of a descriptor not open: EBADF
            {25, 0},             // an ioctl the driver does not know: ENOTTY
            {0, 4},              // the echo ioctl copies its int out
            {9, 0},              // close of a descriptor not open: EBADF
            {0, BSD_O_NONBLOCK}, // fcntl F_GETFL
            {0, 3},              // write: three bytes
            {0, 3},              // read: the same three
            {0, 0},              // close
        };
        NS_TEST_ASSERT_MSG_EQ(got.size(), expected.size(), "every call returned");
        for (std::size_t i = 0; i < got.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(got[i].first, expected[i].first, "errno of call " << i);
            NS_TEST_EXPECT_MSG_EQ(got[i].second, expected[i].second, "value of call " << i);
        }
        NS_TEST_EXPECT_MSG_EQ((echoed.size() == 4 && echoed[0] == 42), true, "41 + 1");
        Simulator::Destroy();
    }
};

/// What the arrays task saw.
struct Arrays
{
    BsdResult<int> polled;               //!< poll's return
    std::vector<BsdProcess::PollFd> fds; //!< its entries afterwards
    BsdResult<int> selected;             //!< select's return
    std::vector<int> readable;           //!< select's read set afterwards
    std::vector<int> writable;           //!< select's write set afterwards
    std::vector<int> calls;              //!< the order in which caller and callee ran
    int fromCallee{0};                   //!< what the callee read
};

BsdTask
Callee(BsdSyscalls& sys, int fd, Arrays* seen)
{
    seen->calls.push_back(2);
    auto [error, data] = co_await sys.Read(fd, 10);
    seen->fromCallee = error == BSD_OK ? int(data.size()) : -error;
    seen->calls.push_back(3);
}

BsdTask
ArraysTask(Ptr<BsdProcess> p, Arrays* seen)
{
    BsdSyscalls sys(p);
    auto [error, fd] = co_await sys.Open("/dev/toy0", BSD_O_RDWR);
    // A device without d_poll is always ready (seltrue); descriptor 40 is not open.
    seen->fds.resize(2);
    seen->fds[0] = {fd, BSD_POLLIN, 0};
    seen->fds[1] = {40, BSD_POLLIN, 0};
    seen->polled = co_await sys.Poll(seen->fds, Time(0));
    seen->readable = {fd};
    seen->writable = {fd};
    seen->selected = co_await sys.Select(seen->readable, seen->writable, Time(0));
    std::vector<uint8_t> packet(5, 0xaa);
    co_await sys.Write(fd, packet);
    seen->calls.push_back(1);
    co_await Callee(sys, fd, seen);
    seen->calls.push_back(4);
}

/// poll(2) fills the caller's array and select(2) rewrites its sets, as in C; a task
/// co_awaiting another runs it to its end, waits included, before going on.
class TaskArraysTestCase : public TestCase
{
  public:
    TaskArraysTestCase()
        : TestCase("poll and select fill the caller's arrays; a task calls another")
    {
    }

  private:
    void DoRun() override
    {
        ToyNode bench;
        Arrays seen;
        BsdTask::Exec(bench.process, ArraysTask(bench.process, &seen));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(seen.polled.error, BSD_OK, "poll");
        NS_TEST_EXPECT_MSG_EQ(seen.polled.value, 2, "both entries have events");
        NS_TEST_EXPECT_MSG_EQ(seen.fds[0].revents, BSD_POLLIN, "the device: readable");
        NS_TEST_EXPECT_MSG_EQ(seen.fds[1].revents, BSD_POLLNVAL, "descriptor 40: POLLNVAL");
        NS_TEST_EXPECT_MSG_EQ(seen.selected.error, BSD_OK, "select");
        NS_TEST_EXPECT_MSG_EQ(seen.selected.value, 2, "ready for both");
        NS_TEST_EXPECT_MSG_EQ(seen.readable.size(), 1u, "the read set");
        NS_TEST_EXPECT_MSG_EQ(seen.writable.size(), 1u, "the write set");
        NS_TEST_EXPECT_MSG_EQ(seen.fromCallee, 5, "the callee read the packet");
        NS_TEST_EXPECT_MSG_EQ((seen.calls == std::vector<int>{1, 2, 3, 4}),
                              true,
                              "caller, callee, callee after its wait, caller");
        Simulator::Destroy();
    }
};

/// How a blocked task's process ends.
enum class Ending
{
    EXIT,     //!< BsdProcess::Exit from outside, while the task waits in read
    SIGNAL,   //!< SIGTERM, default action, while it waits in read
    SLEEPING, //!< Exit while the task sleeps (its timer must never fire)
    DISPOSE,  //!< Simulator::Destroy disposes the node's processes
};

/// Where a blocked task got to.
struct Blocked
{
    bool continued{false}; //!< code after the wait ran
};

BsdTask
Nested(BsdSyscalls& sys, int fd, bool sleep, Blocked* seen)
{
    FrameProbe probe;
    if (sleep)
    {
        co_await sys.Sleep(Seconds(5));
    }
    else
    {
        co_await sys.Read(fd, 10); // blocking, nothing queued: sleeps in toyread
    }
    seen->continued = true;
}

BsdTask
BlockedTask(Ptr<BsdProcess> p, bool sleep, Blocked* seen)
{
    FrameProbe probe;
    BsdSyscalls sys(p);
    auto [error, fd] = co_await sys.Open("/dev/toy0", BSD_O_RDWR);
    co_await Nested(sys, fd, sleep, seen);
    seen->continued = true;
}

BsdTask
SelfExitTask(Ptr<BsdProcess> p, Blocked* seen)
{
    FrameProbe probe;
    BsdSyscalls sys(p);
    co_await sys.Open("/dev/toy0", BSD_O_RDWR);
    co_await sys.Exit();
    seen->continued = true;
}

BsdTask
ReturningTask(Ptr<BsdProcess> p)
{
    FrameProbe probe;
    BsdSyscalls sys(p);
    co_await sys.Open("/dev/toy0", BSD_O_RDWR);
}

/// exit1 frees the address space: a process that ends destroys its task's frames,
/// callee's and caller's, wherever they wait, and the task never continues.
class TaskExitTestCase : public TestCase
{
  public:
    TaskExitTestCase()
        : TestCase("a process that ends destroys its suspended frames")
    {
    }

  private:
    void Check(Ending ending)
    {
        std::string name = ending == Ending::EXIT       ? "exit"
                           : ending == Ending::SIGNAL   ? "SIGTERM"
                           : ending == Ending::SLEEPING ? "exit while sleeping"
                                                        : "dispose";
        ToyNode bench;
        Blocked seen;
        BsdTask::Exec(bench.process, BlockedTask(bench.process, ending == Ending::SLEEPING, &seen));
        NS_TEST_EXPECT_MSG_EQ(FrameProbe::s_alive, 1, name << ": the caller's frame waits");
        Ptr<BsdProcess> p = bench.process;
        if (ending == Ending::SIGNAL)
        {
            Simulator::Schedule(Seconds(1), &BsdProcess::Kill, p, BSD_SIGTERM);
        }
        else if (ending != Ending::DISPOSE)
        {
            Simulator::Schedule(Seconds(1), &BsdProcess::Exit, p);
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        if (ending == Ending::DISPOSE)
        {
            NS_TEST_EXPECT_MSG_EQ(FrameProbe::s_alive, 2, name << ": both frames wait");
            bench.process = nullptr;
            p = nullptr;
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(p->IsAlive(), false, name << ": the process ended");
            NS_TEST_EXPECT_MSG_EQ(bench.toy->closes, 1, name << ": its descriptor closed");
        }
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(FrameProbe::s_alive, 0, name << ": no frame left");
        NS_TEST_EXPECT_MSG_EQ(seen.continued, false, name << ": the task never continued");
    }

    void DoRun() override
    {
        for (Ending ending : {Ending::EXIT, Ending::SIGNAL, Ending::SLEEPING, Ending::DISPOSE})
        {
            Check(ending);
        }

        // exit(2) from inside the task: the frame goes once it has suspended.
        {
            ToyNode bench;
            Blocked seen;
            BsdTask::Exec(bench.process, SelfExitTask(bench.process, &seen));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(bench.process->IsAlive(), false, "the task exited");
            NS_TEST_EXPECT_MSG_EQ(bench.toy->closes, 1, "closing its descriptor");
            NS_TEST_EXPECT_MSG_EQ(FrameProbe::s_alive, 0, "its frame is gone");
            NS_TEST_EXPECT_MSG_EQ(seen.continued, false, "exit did not return");
            Simulator::Destroy();
        }

        // A task that returns frees its frame; the process stays, descriptors and all,
        // until its owner ends it.
        {
            ToyNode bench;
            BsdTask::Exec(bench.process, ReturningTask(bench.process));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(FrameProbe::s_alive, 0, "the returned task's frame is gone");
            NS_TEST_EXPECT_MSG_EQ(bench.process->IsAlive(), true, "its process lives on");
            NS_TEST_EXPECT_MSG_EQ(bench.process->GetDescriptors().size(), 1u, "descriptor open");
            Simulator::Destroy();
        }
    }
};

/// The coroutine layer's suite.
class BsdTaskTestSuite : public TestSuite
{
  public:
    BsdTaskTestSuite()
        : TestSuite("bsd-task", UNIT)
    {
        AddTestCase(new TaskOrderingTestCase, TestCase::QUICK);
        AddTestCase(new TaskErrorsTestCase, TestCase::QUICK);
        AddTestCase(new TaskArraysTestCase, TestCase::QUICK);
        AddTestCase(new TaskExitTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static BsdTaskTestSuite g_bsdTaskTestSuite;

} // namespace
