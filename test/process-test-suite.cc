/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the simulated process: the kernel file layer between a process and the
// device switch (vn_open's lookup and access check, falloc, spec_close's last-close
// rule, dofileread/dofilewrite, the ioctl() copyin/copyout and descriptor ioctls),
// tsleep with signals, exit, and the cost model's system call, copy and wakeup times.

#include "syscall-test-helpers.h"
#include "toy-queue-driver.h"

#include "ns3/bsd-ioctl.h"
#include "ns3/core-module.h"
#include "ns3/kernel-cost-model.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// A node with a toy device /dev/toy0 (mode 0600 uucp:dialer) and helpers to run calls.
struct Bench
{
    Ptr<Node> node;
    Ptr<DeviceSwitch> sw;
    Ptr<ToyQueueDriver> driver;
    Ptr<Cdev> dev;

    explicit Bench(uint32_t flags = 0, uint32_t mode = 0600)
    {
        node = CreateObject<Node>();
        sw = DeviceSwitch::Install(node);
        driver = Create<ToyQueueDriver>(sw, "toy", flags);
        dev = sw->MakeDev(driver->ops, 0, BSD_UID_UUCP, BSD_GID_DIALER, mode, "toy0");
    }

    Ptr<BsdProcess> Spawn(uint32_t uid = 0, uint32_t gid = 0)
    {
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->SetAttribute("Uid", UintegerValue(uid));
        p->SetAttribute("Gid", UintegerValue(gid));
        p->Attach(node);
        return p;
    }
};

} // namespace

/// open(2): lookup, access mode, VOP_ACCESS, the driver's answer, descriptor numbering.
class OpenTestCase : public TestCase
{
  public:
    OpenTestCase()
        : TestCase("open: ENOENT, EINVAL, EACCES, driver errors, EMFILE, lowest descriptor")
    {
    }

  private:
    void DoRun() override
    {
        Bench b(0, 0660);
        Ptr<BsdProcess> root = b.Spawn();
        NS_TEST_EXPECT_MSG_EQ(OpenNow(root, "/dev/nosuch", BSD_O_RDWR).first, BSD_ENOENT, "");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(root, "/dev/toy0", BSD_O_ACCMODE).first, BSD_EINVAL, "");
        NS_TEST_EXPECT_MSG_EQ(b.driver->opens, 0, "neither reached the driver");

        Ptr<BsdProcess> user = b.Spawn(1001, 1001);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(user, "/dev/toy0", BSD_O_RDONLY).first,
                              BSD_EACCES,
                              "other bits are 0");
        Ptr<BsdProcess> dialer = b.Spawn(1001, BSD_GID_DIALER);
        auto [e1, fd1] = OpenNow(dialer, "/dev/toy0", BSD_O_RDWR);
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "group rw");
        NS_TEST_EXPECT_MSG_EQ(fd1, 3, "first descriptor is 3");
        Ptr<BsdProcess> uucp = b.Spawn(BSD_UID_UUCP, 1);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(uucp, "/dev/toy0", BSD_O_RDWR).first, BSD_OK, "owner rw");
        NS_TEST_EXPECT_MSG_EQ(b.driver->opens, 2, "two opens reached the driver");
        NS_TEST_EXPECT_MSG_EQ(b.driver->lastOpenFlags, (BSD_FREAD | BSD_FWRITE), "FFLAGS(O_RDWR)");

        b.driver->openError = BSD_EBUSY;
        int opensBefore = b.dev->GetOpenCount();
        int refsBefore = b.dev->GetRefs();
        auto [e2, fd2] = OpenNow(root, "/dev/toy0", BSD_O_RDWR);
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_EBUSY, "driver's error");
        NS_TEST_EXPECT_MSG_EQ(fd2, -1, "no descriptor");
        NS_TEST_EXPECT_MSG_EQ(root->GetDescriptors().empty(), true, "none allocated");
        NS_TEST_EXPECT_MSG_EQ(b.dev->GetOpenCount(), opensBefore, "open count restored");
        NS_TEST_EXPECT_MSG_EQ(b.dev->GetRefs(), refsBefore, "references restored");
        b.driver->openError = BSD_OK;

        Ptr<BsdProcess> small = CreateObject<BsdProcess>();
        small->SetAttribute("MaxFiles", UintegerValue(5));
        small->Attach(b.node);
        NS_TEST_EXPECT_MSG_EQ(OpenNow(small, "/dev/toy0", BSD_O_RDWR).second, 3, "3");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(small, "/dev/toy0", BSD_O_RDWR).second, 4, "4");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(small, "/dev/toy0", BSD_O_RDWR).first, BSD_EMFILE, "full");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(small, "/dev/nosuch", BSD_O_RDWR).first,
                              BSD_EMFILE,
                              "falloc comes before the lookup");
        NS_TEST_EXPECT_MSG_EQ(CloseNow(small, 3), BSD_OK, "close 3");
        NS_TEST_EXPECT_MSG_EQ(OpenNow(small, "/dev/toy0", BSD_O_RDWR).second, 3, "3 reused");
        Simulator::Destroy();
    }
};

/// read/write through descriptors: access modes, EBADF, data, non-blocking.
class ReadWriteTestCase : public TestCase
{
  public:
    ReadWriteTestCase()
        : TestCase("read and write: EBADF by mode, data round trip, IO_NDELAY")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<BsdProcess> p = b.Spawn();
        int wfd = OpenNow(p, "/dev/toy0", BSD_O_WRONLY).second;
        int rfd = OpenNow(p, "/dev/toy0", BSD_O_RDONLY | BSD_O_NONBLOCK).second;
        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, wfd, 10).first, BSD_EBADF, "write-only");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(p, rfd, {1}).first, BSD_EBADF, "read-only");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, 42, 10).first, BSD_EBADF, "no such descriptor");
        NS_TEST_EXPECT_MSG_EQ(b.driver->reads + b.driver->writes, 0, "nothing reached it");

        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, rfd, 10).first, BSD_EWOULDBLOCK, "empty, O_NONBLOCK");
        auto [we, wn] = WriteNow(p, wfd, {9, 8, 7, 6});
        NS_TEST_EXPECT_MSG_EQ(we, BSD_OK, "write");
        NS_TEST_EXPECT_MSG_EQ(wn, 4, "4 bytes");
        auto [re, data] = ReadNow(p, rfd, 10);
        NS_TEST_EXPECT_MSG_EQ(re, BSD_OK, "read");
        std::vector<uint8_t> expected = {9, 8, 7, 6};
        NS_TEST_EXPECT_MSG_EQ((data == expected), true, "same bytes");
        Simulator::Destroy();
    }
};

/// ioctl(2): copyin/copyout, EFAULT, ENOTTY, FIONBIO/FIOASYNC, FIOCLEX.
class IoctlTestCase : public TestCase
{
  public:
    IoctlTestCase()
        : TestCase("ioctl: parameter copies, EFAULT, IOCPARM_MAX, descriptor ioctls")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<BsdProcess> p = b.Spawn();
        int fd = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
        auto [e1, out1] = IoctlNow(p, fd, ToyQueueDriver::ECHO_IOCTL, IntBytes(41));
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "echo");
        NS_TEST_EXPECT_MSG_EQ((out1 == IntBytes(42)), true, "copied in, changed, copied out");

        int before = b.driver->ioctls;
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, ToyQueueDriver::ECHO_IOCTL, {1, 2}).first,
                              BSD_EFAULT,
                              "parameter shorter than IOCPARM_LEN");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, BsdIowr('x', 3, 8000), {}).first,
                              BSD_ENOTTY,
                              "parameter over IOCPARM_MAX");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, BSD_FIOCLEX, {}).first, BSD_OK, "FIOCLEX");
        NS_TEST_EXPECT_MSG_EQ(b.driver->ioctls, before, "none of these reached the driver");

        auto [e2, out2] = IoctlNow(p, fd, ToyQueueDriver::NOP_IOCTL, {});
        NS_TEST_EXPECT_MSG_EQ(e2, BSD_OK, "_IO: no parameter");
        NS_TEST_EXPECT_MSG_EQ(out2.empty(), true, "nothing copied out");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, fd, BsdIo('x', 99), {}).first, BSD_ENOTTY, "driver");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(p, 99, ToyQueueDriver::NOP_IOCTL, {}).first,
                              BSD_EBADF,
                              "bad descriptor");

        // FIONBIO: the descriptor becomes non-blocking, and the driver hears of it.
        auto [e3, out3] = IoctlNow(p, fd, BSD_FIONBIO, IntBytes(1));
        NS_TEST_EXPECT_MSG_EQ(e3, BSD_ENOTTY, "the toy driver refuses FIONBIO...");
        NS_TEST_EXPECT_MSG_EQ((p->GetDescriptorFlags(fd) & BSD_FNONBLOCK),
                              BSD_FNONBLOCK,
                              "...but the descriptor flag is set anyway");
        NS_TEST_EXPECT_MSG_EQ(b.driver->lastIoctlCmd, BSD_FIONBIO, "driver was called");
        NS_TEST_EXPECT_MSG_EQ((b.driver->lastIoctlFflag & BSD_FNONBLOCK),
                              BSD_FNONBLOCK,
                              "with the new flags");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(p, fd, 8).first, BSD_EWOULDBLOCK, "now non-blocking");
        IoctlNow(p, fd, BSD_FIOASYNC, IntBytes(1));
        NS_TEST_EXPECT_MSG_EQ((p->GetDescriptorFlags(fd) & BSD_FASYNC), BSD_FASYNC, "FASYNC");
        IoctlNow(p, fd, BSD_FIONBIO, IntBytes(0));
        NS_TEST_EXPECT_MSG_EQ((p->GetDescriptorFlags(fd) & BSD_FNONBLOCK), 0, "cleared");
        Simulator::Destroy();
    }
};

/// close(2): only the last close reaches d_close unless D_TRACKCLOSE; EBADF.
class CloseTestCase : public TestCase
{
  public:
    CloseTestCase()
        : TestCase("close: last close only, D_TRACKCLOSE, EBADF")
    {
    }

  private:
    void DoRun() override
    {
        for (bool track : {false, true})
        {
            Bench b(track ? uint32_t(D_TRACKCLOSE) : 0u);
            Ptr<BsdProcess> p = b.Spawn();
            Ptr<BsdProcess> q = b.Spawn();
            int fp = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
            int fq = OpenNow(q, "/dev/toy0", BSD_O_RDWR).second;
            NS_TEST_EXPECT_MSG_EQ(b.dev->GetOpenCount(), 2, "two opens");
            NS_TEST_EXPECT_MSG_EQ(b.dev->GetRefs(), 3, "/dev + two files");
            NS_TEST_EXPECT_MSG_EQ(CloseNow(p, fp), BSD_OK, "close");
            NS_TEST_EXPECT_MSG_EQ(b.driver->closes, (track ? 1 : 0), "first close");
            NS_TEST_EXPECT_MSG_EQ(CloseNow(q, fq), BSD_OK, "close");
            NS_TEST_EXPECT_MSG_EQ(b.driver->closes, (track ? 2 : 1), "last close");
            NS_TEST_EXPECT_MSG_EQ(b.dev->GetRefs(), 1, "only /dev's reference left");
            NS_TEST_EXPECT_MSG_EQ(CloseNow(q, fq), BSD_EBADF, "twice");
            Simulator::Destroy();
        }
    }
};

/// Signals interrupt a PCATCH sleep: EINTR, restart with SA_RESTART, ignored signals,
/// the default action ends the process and closes its descriptors.
class SignalTestCase : public TestCase
{
  public:
    SignalTestCase()
        : TestCase("signals: EINTR, SA_RESTART, ignored, fatal; exit closes descriptors")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<BsdProcess> p = b.Spawn();
        Ptr<BsdProcess> w = b.Spawn();
        int fd = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
        int wfd = OpenNow(w, "/dev/toy0", BSD_O_WRONLY).second;
        std::vector<std::pair<int32_t, Time>> handled;
        p->SetSignalHandler(
            BSD_SIGUSR1,
            [&handled](int32_t sig) { handled.emplace_back(sig, Simulator::Now()); },
            false);

        // 1. Caught without SA_RESTART: the read fails with EINTR at the signal's time.
        int err = -100;
        Time at;
        Time t0 = Simulator::Now();
        p->Read(fd, 16, [&](int e, const std::vector<uint8_t>&) {
            err = e;
            at = Simulator::Now();
        });
        Simulator::Schedule(Seconds(1), &BsdProcess::Kill, p, BSD_SIGIO); // default: ignore
        Simulator::Schedule(Seconds(2), &BsdProcess::Kill, p, BSD_SIGUSR1);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(err, BSD_EINTR, "EINTR");
        NS_TEST_EXPECT_MSG_EQ(at - t0, Seconds(2), "SIGIO did not wake it; SIGUSR1 did");
        NS_TEST_ASSERT_MSG_EQ(handled.size(), 1, "handler ran once");
        NS_TEST_EXPECT_MSG_EQ(handled[0].second - t0, Seconds(2), "on the way back");

        // 2. With SA_RESTART the read restarts and completes when data comes.
        p->SetSignalHandler(
            BSD_SIGUSR2,
            [&handled](int32_t sig) { handled.emplace_back(sig, Simulator::Now()); },
            true);
        t0 = Simulator::Now();
        std::vector<uint8_t> got;
        p->Read(fd, 16, [&](int e, const std::vector<uint8_t>& d) {
            err = e;
            got = d;
            at = Simulator::Now();
        });
        Simulator::Schedule(Seconds(1), &BsdProcess::Kill, p, BSD_SIGUSR2);
        Simulator::Schedule(Seconds(3), [&] { w->Write(wfd, {5, 5}, [](int, int64_t) {}); });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(err, BSD_OK, "restarted read succeeds");
        NS_TEST_EXPECT_MSG_EQ(got.size(), 2, "with the data");
        NS_TEST_EXPECT_MSG_EQ(at - t0, Seconds(3), "when the data came");
        NS_TEST_EXPECT_MSG_EQ(handled.size(), 2, "SIGUSR2 handled");

        // 3. An ignored SIGTERM does nothing; a default one ends the process.
        p->IgnoreSignal(BSD_SIGTERM);
        bool called = false;
        p->Read(fd, 16, [&](int, const std::vector<uint8_t>&) { called = true; });
        Simulator::Schedule(Seconds(1), &BsdProcess::Kill, p, BSD_SIGTERM);
        Simulator::Schedule(Seconds(2), [&] { p->DefaultSignal(BSD_SIGTERM); });
        Simulator::Schedule(Seconds(3), &BsdProcess::Kill, p, BSD_SIGTERM);
        int closesBefore = b.driver->closes;
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(called, false, "a killed process's call never returns");
        NS_TEST_EXPECT_MSG_EQ(p->IsAlive(), false, "SIGTERM's default action");
        NS_TEST_EXPECT_MSG_EQ(p->GetDescriptors().empty(), true, "descriptors closed");
        NS_TEST_EXPECT_MSG_EQ(b.dev->GetOpenCount(), 1, "the writer's open remains");
        NS_TEST_EXPECT_MSG_EQ(b.driver->closes, closesBefore, "not the last close");
        NS_TEST_EXPECT_MSG_EQ(b.node->GetObject<ProcessTable>()->Find(p->GetPid()),
                              nullptr,
                              "left the process table");

        Simulator::Destroy();
    }
};

/// tsleep with PCATCH and a signal already pending returns at once, without sleeping.
class PendingSignalTestCase : public TestCase
{
  public:
    PendingSignalTestCase()
        : TestCase("a signal pending when tsleep is called interrupts without sleeping")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("GiantHoldTime", TimeValue(MilliSeconds(1)));
        b.node->AggregateObject(cost);
        Ptr<BsdProcess> p = b.Spawn();
        Ptr<BsdProcess> q = b.Spawn();
        int pfd = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
        int qfd = OpenNow(q, "/dev/toy0", BSD_O_RDWR).second;
        p->SetSignalHandler(
            BSD_SIGUSR1,
            [](int32_t) {},
            false);

        // q's ioctl holds Giant for 1 ms; p's read waits for it, and the signal comes
        // while p waits: when the read finally runs, tsleep finds it pending.
        int err = -100;
        Time at;
        Time t0 = Simulator::Now();
        bool everSlept = false;
        q->Ioctl(qfd, ToyQueueDriver::NOP_IOCTL, {}, [](int, const std::vector<uint8_t>&) {});
        p->Read(pfd, 8, [&](int e, const std::vector<uint8_t>&) {
            err = e;
            at = Simulator::Now();
        });
        Simulator::Schedule(MicroSeconds(500), &BsdProcess::Kill, p, BSD_SIGUSR1);
        for (int us = 0; us < 3000; us += 100)
        {
            Simulator::Schedule(MicroSeconds(us), [&] { everSlept |= p->IsSleeping(); });
        }
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(err, BSD_EINTR, "EINTR");
        NS_TEST_EXPECT_MSG_EQ(everSlept, false, "never slept");
        NS_TEST_EXPECT_MSG_EQ(at - t0, MilliSeconds(2), "after Giant: q's hold, then its own");
        NS_TEST_EXPECT_MSG_EQ(b.driver->reads, 1, "the read ran once");
        Simulator::Destroy();
    }
};

/// dofileread: a read interrupted after it moved bytes succeeds with those bytes.
class PartialReadTestCase : public TestCase
{
  public:
    PartialReadTestCase()
        : TestCase("an interrupted read that moved data returns the data")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
        Ptr<DevOps> ops = Create<DevOps>("trickle");
        uint8_t head[2] = {0xaa, 0xbb};
        int chan = 0;
        (*ops)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NullOpen);
        (*ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NullClose);
        // Moves two bytes, then sleeps for more.
        (*ops)[DevOp::READ] = MakeDevOp<DevReadArgs>([&](DevReadArgs& ap) {
            ap.uio->Move(head, 2);
            return ap.caller->Tsleep(&chan, BSD_PCATCH, "trickle", Time(0), [](int e) {
                return e;
            });
        });
        sw->MakeDev(ops, 0, 0, 0, 0600, "trickle0");
        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->Attach(node);
        p->SetSignalHandler(
            BSD_SIGALRM,
            [](int32_t) {},
            false);
        auto [openError, fd] = OpenNow(p, "/dev/trickle0", BSD_O_RDONLY);
        NS_TEST_ASSERT_MSG_EQ(openError, BSD_OK, "open");
        int err = -100;
        std::vector<uint8_t> got;
        p->Read(fd, 10, [&](int e, const std::vector<uint8_t>& d) {
            err = e;
            got = d;
        });
        Simulator::Schedule(Seconds(1), &BsdProcess::Kill, p, BSD_SIGALRM);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(err, BSD_OK, "EINTR becomes success");
        std::vector<uint8_t> expected = {0xaa, 0xbb};
        NS_TEST_EXPECT_MSG_EQ((got == expected), true, "with the two bytes");
        Simulator::Destroy();
    }
};

/// Exit during a blocking call: the sleep unwinds, descriptors close, no callback.
class ExitWhileSleepingTestCase : public TestCase
{
  public:
    ExitWhileSleepingTestCase()
        : TestCase("exit while asleep in read closes the device and drops the call")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<BsdProcess> p = b.Spawn();
        int fd = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
        bool called = false;
        p->Read(fd, 8, [&](int, const std::vector<uint8_t>&) { called = true; });
        Simulator::Schedule(Seconds(1), &BsdProcess::Exit, p);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(called, false, "no completion");
        NS_TEST_EXPECT_MSG_EQ(p->IsSleeping(), false, "not asleep");
        NS_TEST_EXPECT_MSG_EQ(b.driver->closes, 1, "last close reached the driver");
        NS_TEST_EXPECT_MSG_EQ(b.dev->GetRefs(), 1, "file reference dropped");
        Simulator::Destroy();
    }
};

/// Completions are later events; pids come from the node's table.
class CallbackOrderingTestCase : public TestCase
{
  public:
    CallbackOrderingTestCase()
        : TestCase("completions never run inside the call; pids from FirstPid up")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<BsdProcess> p = b.Spawn();
        Ptr<BsdProcess> q = b.Spawn();
        NS_TEST_EXPECT_MSG_EQ(p->GetPid(), 100u, "first pid");
        NS_TEST_EXPECT_MSG_EQ(q->GetPid(), 101u, "next pid");
        NS_TEST_EXPECT_MSG_EQ(b.node->GetObject<ProcessTable>()->Find(101), q, "pfind");
        bool called = false;
        p->Close(77, [&called](int) { called = true; });
        NS_TEST_EXPECT_MSG_EQ(called, false, "not inside Close()");
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(called, true, "as the next event");
        Simulator::Destroy();
    }
};

/// The cost model: syscall entry/exit, per-byte copies and wakeup latency.
class CostModelTestCase : public TestCase
{
  public:
    CostModelTestCase()
        : TestCase("system call, copy and wakeup costs in simulated time")
    {
    }

  private:
    void DoRun() override
    {
        Bench b;
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("SyscallTime", TimeValue(MicroSeconds(10)));
        cost->SetAttribute("CopyTimePerKiB", TimeValue(MicroSeconds(1)));
        cost->SetAttribute("WakeupLatency", TimeValue(MicroSeconds(7)));
        b.node->AggregateObject(cost);
        Ptr<BsdProcess> p = b.Spawn();
        Ptr<BsdProcess> w = b.Spawn();

        Time t0 = Simulator::Now();
        int fd = OpenNow(p, "/dev/toy0", BSD_O_RDWR).second;
        NS_TEST_EXPECT_MSG_EQ(Simulator::Now() - t0, MicroSeconds(10), "one syscall");
        int wfd = OpenNow(w, "/dev/toy0", BSD_O_WRONLY).second;

        t0 = Simulator::Now();
        WriteNow(w, wfd, std::vector<uint8_t>(2048, 1));
        NS_TEST_EXPECT_MSG_EQ(Simulator::Now() - t0, MicroSeconds(12), "10 us + 2 KiB copied");

        Time readDone;
        t0 = Simulator::Now();
        p->Read(fd, 4096, [&](int, const std::vector<uint8_t>&) {
            p->Read(fd, 4096, [&](int, const std::vector<uint8_t>&) {
                readDone = Simulator::Now();
            });
        });
        Simulator::Schedule(MilliSeconds(1), [&] {
            w->Write(wfd, std::vector<uint8_t>(1024, 2), [](int, int64_t) {});
        });
        Simulator::Run();
        // First read: 10 us + 2 us copy. Second sleeps; the write at 1 ms wakes it; it runs
        // 7 us later and returns after 10 us + 1 us of copying.
        NS_TEST_EXPECT_MSG_EQ(readDone - t0,
                              MilliSeconds(1) + MicroSeconds(7 + 10 + 1),
                              "wakeup latency, syscall and copy");
        Simulator::Destroy();
    }
};

/// The process suite.
class ProcessTestSuite : public TestSuite
{
  public:
    ProcessTestSuite()
        : TestSuite("process", UNIT)
    {
        AddTestCase(new OpenTestCase, TestCase::QUICK);
        AddTestCase(new ReadWriteTestCase, TestCase::QUICK);
        AddTestCase(new IoctlTestCase, TestCase::QUICK);
        AddTestCase(new CloseTestCase, TestCase::QUICK);
        AddTestCase(new SignalTestCase, TestCase::QUICK);
        AddTestCase(new PendingSignalTestCase, TestCase::QUICK);
        AddTestCase(new PartialReadTestCase, TestCase::QUICK);
        AddTestCase(new ExitWhileSleepingTestCase, TestCase::QUICK);
        AddTestCase(new CallbackOrderingTestCase, TestCase::QUICK);
        AddTestCase(new CostModelTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static ProcessTestSuite g_processTestSuite;
