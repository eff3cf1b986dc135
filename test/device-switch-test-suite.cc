/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Tests of the device-switch layer against the seed, DragonFly kern_device.c:
// compile_dev_ops and the no*() defaults, every dev_d*() dispatch path and its return
// value, si_lastread/si_lastwrite, the MPSAFE/MP-lock counters, Giant contention in
// simulated time, dev_ops_intercept/restore, dev_doperate(_ops), majors, make_dev and
// destroy, clone-on-lookup, and the dispatch trace.

#include "toy-queue-driver.h"

#include "ns3/bsd-errno.h"
#include "ns3/core-module.h"
#include "ns3/kernel-cost-model.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// Runs one dispatch on \p sw and returns the value its completion reported.
template <class Args>
int64_t
DispatchNow(Ptr<DeviceSwitch> sw,
            void (DeviceSwitch::*dispatch)(Ptr<Args>, DeviceSwitch::DoneCallback),
            Ptr<Args> ap)
{
    int64_t result = 12345;
    bool done = false;
    ((*sw).*dispatch)(ap, [&](int64_t v) {
        result = v;
        done = true;
    });
    Simulator::Run();
    NS_ABORT_MSG_IF(!done, "dispatch did not complete");
    return result;
}

/// A node with a device switch.
Ptr<DeviceSwitch>
NewSwitch()
{
    Ptr<Node> node = CreateObject<Node>();
    return DeviceSwitch::Install(node);
}

template <class Args>
Ptr<Args>
ArgsFor(Ptr<Cdev> dev)
{
    Ptr<Args> ap = Create<Args>();
    ap->dev = dev;
    return ap;
}

} // namespace

/**
 * compile_dev_ops: empty slots come from d_default when it is set, else from the
 * default table; d_default itself is left alone; filled slots stay.
 */
class CompileDevOpsTestCase : public TestCase
{
  public:
    CompileDevOpsTestCase()
        : TestCase("compile_dev_ops fills empty slots from d_default or the defaults")
    {
    }

  private:
    void DoRun() override
    {
        int defaultCalls = 0;
        DevOps withDefault("withdefault");
        withDefault[DevOp::DEFAULT] = [&](DevGenericArgs&) {
            ++defaultCalls;
            return BSD_EIO;
        };
        withDefault[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NullOpen);
        CompileDevOps(withDefault);
        for (std::size_t i = 0; i < DEV_OP_COUNT; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(bool(withDefault[static_cast<DevOp>(i)]),
                                  true,
                                  "slot " << i << " left empty");
        }
        DevOpenArgs open;
        NS_TEST_EXPECT_MSG_EQ(withDefault[DevOp::OPEN](open), BSD_OK, "own d_open kept");
        DevReadArgs read;
        NS_TEST_EXPECT_MSG_EQ(withDefault[DevOp::READ](read), BSD_EIO, "d_read from d_default");
        DevPsizeArgs psize;
        NS_TEST_EXPECT_MSG_EQ(withDefault[DevOp::PSIZE](psize), BSD_EIO, "d_psize from d_default");
        NS_TEST_EXPECT_MSG_EQ(defaultCalls, 2, "d_default called for both");

        DevOps plain("plain");
        CompileDevOps(plain);
        NS_TEST_EXPECT_MSG_EQ(bool(plain[DevOp::DEFAULT]), false, "d_default stays NULL");
        NS_TEST_EXPECT_MSG_EQ(plain[DevOp::READ](read), BSD_ENODEV, "noread");
        NS_TEST_EXPECT_MSG_EQ(DefaultDevOps().head.name, "null", "default_dev_ops is \"null\"");
    }
};

/**
 * Every dev_d*() path through a table with no slots of its own: what each no*()
 * default returns and how the dispatch function maps it.
 */
class DefaultDispatchTestCase : public TestCase
{
  public:
    DefaultDispatchTestCase()
        : TestCase("dispatch through the no*() defaults returns what the seed returns")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        Ptr<Cdev> dev = sw->MakeDev(Create<DevOps>("empty"), 0, 0, 0, 0600, "empty0");
        NS_TEST_ASSERT_MSG_NE(dev, nullptr, "make_dev");

        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dopen, ArgsFor<DevOpenArgs>(dev)),
                              BSD_ENODEV,
                              "noopen");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dclose, ArgsFor<DevCloseArgs>(dev)),
                              BSD_ENODEV,
                              "noclose");
        uint8_t buf[4] = {};
        Uio uio(Uio::READ, buf, sizeof(buf));
        auto rd = ArgsFor<DevReadArgs>(dev);
        rd->uio = &uio;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dread, rd), BSD_ENODEV, "noread");
        auto wr = ArgsFor<DevWriteArgs>(dev);
        wr->uio = &uio;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dwrite, wr), BSD_ENODEV, "nowrite");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dioctl, ArgsFor<DevIoctlArgs>(dev)),
                              BSD_ENODEV,
                              "noioctl");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dmmap, ArgsFor<DevMmapArgs>(dev)),
                              -1,
                              "nommap: dev_dmmap returns -1");
        NS_TEST_EXPECT_MSG_EQ(
            DispatchNow(sw, &DeviceSwitch::DmmapSingle, ArgsFor<DevMmapSingleArgs>(dev)),
            BSD_ENODEV,
            "nommap_single");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Ddump, ArgsFor<DevDumpArgs>(dev)),
                              BSD_ENODEV,
                              "nodump");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpsize, ArgsFor<DevPsizeArgs>(dev)),
                              0,
                              "nopsize: size 0");
        NS_TEST_EXPECT_MSG_EQ(
            DispatchNow(sw, &DeviceSwitch::Dkqfilter, ArgsFor<DevKqfilterArgs>(dev)),
            BSD_ENODEV,
            "nokqfilter: dev_dkqfilter returns ENODEV");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dclone, ArgsFor<DevCloneArgs>(dev)),
                              BSD_OK,
                              "noclone allows the clone");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Drevoke, ArgsFor<DevRevokeArgs>(dev)),
                              BSD_OK,
                              "norevoke takes no action");

        auto poll = ArgsFor<DevPollArgs>(dev);
        poll->events = 0x0001 | 0x0004 | 0x0002; // POLLIN|POLLOUT|POLLPRI
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpoll, poll),
                              (0x0001 | 0x0004),
                              "no poll routine: seltrue reports readable and writable only");

        auto strategy = ArgsFor<DevStrategyArgs>(dev);
        strategy->bio = Create<Bio>();
        int biodoneCalls = 0;
        strategy->bio->onDone = Callback<void, Ptr<Bio>>([&](Ptr<Bio>) { ++biodoneCalls; });
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dstrategy, strategy), 0, "void");
        NS_TEST_EXPECT_MSG_EQ(strategy->bio->done, true, "nostrategy completes the bio");
        NS_TEST_EXPECT_MSG_EQ(biodoneCalls, 1, "biodone called once");
        NS_TEST_EXPECT_MSG_EQ((strategy->bio->flags & Bio::B_ERROR), Bio::B_ERROR, "B_ERROR");
        NS_TEST_EXPECT_MSG_EQ(strategy->bio->error, BSD_EOPNOTSUPP, "EOPNOTSUPP");

        Ptr<DevOps> nulls = Create<DevOps>("nulls");
        (*nulls)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NullOpen);
        (*nulls)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NullClose);
        Ptr<Cdev> nulldev = sw->MakeDev(nulls, 0, 0, 0, 0600, "nulls0");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dopen, ArgsFor<DevOpenArgs>(nulldev)),
                              BSD_OK,
                              "nullopen");
        NS_TEST_EXPECT_MSG_EQ(
            DispatchNow(sw, &DeviceSwitch::Dclose, ArgsFor<DevCloseArgs>(nulldev)),
            BSD_OK,
            "nullclose");
        Simulator::Destroy();
    }
};

/**
 * The value-returning dispatch functions: a_result on success, the seed's error value
 * otherwise (-1 for mmap and psize, ENODEV for kqfilter, seltrue for poll).
 */
class DispatchResultTestCase : public TestCase
{
  public:
    DispatchResultTestCase()
        : TestCase("dev_dmmap, psize, kqfilter and poll map results and errors as the seed")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        bool fail = false;
        Ptr<DevOps> ops = Create<DevOps>("results");
        (*ops)[DevOp::MMAP] = MakeDevOp<DevMmapArgs>([&](DevMmapArgs& ap) {
            ap.result = static_cast<int32_t>(ap.offset / 4096);
            return fail ? BSD_EINVAL : BSD_OK;
        });
        (*ops)[DevOp::PSIZE] = MakeDevOp<DevPsizeArgs>([&](DevPsizeArgs& ap) {
            ap.result = 2048;
            return fail ? BSD_ENXIO : BSD_OK;
        });
        int32_t presetSeen = -1;
        (*ops)[DevOp::KQFILTER] = MakeDevOp<DevKqfilterArgs>([&](DevKqfilterArgs& ap) {
            presetSeen = ap.result;
            if (ap.filter == -1)
            {
                return BSD_OK; // leaves a_result alone
            }
            ap.result = BSD_EOPNOTSUPP;
            return fail ? BSD_EINVAL : BSD_OK;
        });
        (*ops)[DevOp::POLL] = MakeDevOp<DevPollArgs>([&](DevPollArgs& ap) {
            ap.events &= 0x0004; // only writable
            return fail ? BSD_EIO : BSD_OK;
        });
        Ptr<Cdev> dev = sw->MakeDev(ops, 3, 0, 0, 0600, "res3");

        auto mmap = ArgsFor<DevMmapArgs>(dev);
        mmap->offset = 3 * 4096;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dmmap, mmap), 3, "a_result");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpsize, ArgsFor<DevPsizeArgs>(dev)),
                              2048,
                              "a_result");
        auto kq = ArgsFor<DevKqfilterArgs>(dev);
        kq->filter = -1;
        kq->result = 99;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dkqfilter, kq), 0, "preset 0");
        NS_TEST_EXPECT_MSG_EQ(presetSeen, 0, "dev_dkqfilter presets a_result to 0");
        auto kq2 = ArgsFor<DevKqfilterArgs>(dev);
        kq2->filter = -2;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dkqfilter, kq2),
                              BSD_EOPNOTSUPP,
                              "a_result from the driver");
        auto poll = ArgsFor<DevPollArgs>(dev);
        poll->events = 0x0001 | 0x0004;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpoll, poll), 0x0004, "revents");

        fail = true;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dmmap, mmap), -1, "error -> -1");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpsize, ArgsFor<DevPsizeArgs>(dev)),
                              -1,
                              "error -> -1");
        auto kq3 = ArgsFor<DevKqfilterArgs>(dev);
        kq3->filter = -2;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dkqfilter, kq3),
                              BSD_ENODEV,
                              "error -> ENODEV");
        auto poll2 = ArgsFor<DevPollArgs>(dev);
        poll2->events = 0x0001 | 0x0004;
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dpoll, poll2),
                              (0x0001 | 0x0004),
                              "error -> seltrue");

        auto dump = ArgsFor<DevDumpArgs>(dev);
        dump->count = 7;
        dump->blkno = 8;
        dump->secsize = 512;
        DispatchNow(sw, &DeviceSwitch::Ddump, dump);
        NS_TEST_EXPECT_MSG_EQ(dump->count + dump->blkno + dump->secsize,
                              0,
                              "dev_ddump zeroes count, blkno and secsize");
        Simulator::Destroy();
    }
};

/**
 * si_lastwrite is set before every write; si_lastread only after a successful read.
 * The MPSAFE/MP-lock counters count reads, writes and strategies by the table's
 * D_MPSAFE flag, and nothing else.
 */
class TimesAndCountersTestCase : public TestCase
{
  public:
    TimesAndCountersTestCase()
        : TestCase("si_lastread, si_lastwrite and the six MPSAFE and MP-lock counters")
    {
    }

  private:
    uint64_t Count(Ptr<DeviceSwitch> sw, const std::string& name)
    {
        uint64_t v = 0;
        NS_ABORT_IF(sw->Sysctl(name, &v) != BSD_OK);
        return v;
    }

    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        int readError = BSD_OK;
        Ptr<DevOps> locked = Create<DevOps>("locked");
        (*locked)[DevOp::READ] = MakeDevOp<DevReadArgs>([&](DevReadArgs&) { return readError; });
        (*locked)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([](DevWriteArgs&) { return BSD_EIO; });
        Ptr<DevOps> safe = Create<DevOps>("safe");
        safe->head.flags = D_MPSAFE;
        Ptr<Cdev> ldev = sw->MakeDev(locked, 0, 0, 0, 0600, "locked0");
        Ptr<Cdev> sdev = sw->MakeDev(safe, 0, 0, 0, 0600, "safe0");

        Simulator::Schedule(Seconds(1), [&] {
            auto rd = ArgsFor<DevReadArgs>(ldev);
            sw->Dread(rd, nullptr); // success
        });
        Simulator::Schedule(Seconds(2), [&] {
            readError = BSD_EIO;
            sw->Dread(ArgsFor<DevReadArgs>(ldev), nullptr);   // failure
            sw->Dwrite(ArgsFor<DevWriteArgs>(ldev), nullptr); // fails, still stamps
        });
        Simulator::Schedule(Seconds(3), [&] {
            sw->Dread(ArgsFor<DevReadArgs>(sdev), nullptr);
            sw->Dwrite(ArgsFor<DevWriteArgs>(sdev), nullptr);
            sw->Dwrite(ArgsFor<DevWriteArgs>(sdev), nullptr);
            auto st = ArgsFor<DevStrategyArgs>(sdev);
            st->bio = Create<Bio>();
            sw->Dstrategy(st, nullptr);
            auto lst = ArgsFor<DevStrategyArgs>(ldev);
            lst->bio = Create<Bio>();
            sw->Dstrategy(lst, nullptr);
            sw->Dioctl(ArgsFor<DevIoctlArgs>(ldev), nullptr);
            auto generic = Create<DevReadArgs>();
            generic->dev = ldev;
            sw->Operate(generic, nullptr); // dev_doperate counts nothing
        });
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(ldev->GetLastRead(), Seconds(1), "failed read leaves si_lastread");
        NS_TEST_EXPECT_MSG_EQ(ldev->GetLastWrite(), Seconds(2), "failed write still stamps");
        NS_TEST_EXPECT_MSG_EQ(sdev->GetLastWrite(), Seconds(3), "si_lastwrite");
        NS_TEST_EXPECT_MSG_EQ(sdev->GetLastRead(), Time(0), "noread failed: no stamp");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mplock_reads"), 2, "two locked reads");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mpsafe_reads"), 1, "one safe read");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mplock_writes"), 1, "one locked write");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mpsafe_writes"), 2, "two safe writes");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mpsafe_strategies"), 1, "one safe strategy");
        NS_TEST_EXPECT_MSG_EQ(Count(sw, "kern.mplock_strategies"), 1, "one locked strategy");
        uint64_t v = 0;
        NS_TEST_EXPECT_MSG_EQ(sw->Sysctl("kern.no_such_counter", &v), BSD_ENOENT, "unknown");
        Simulator::Destroy();
    }
};

/**
 * Non-MPSAFE operations serialise on the node's Giant lock, held for GiantHoldTime
 * each; MPSAFE ones do not wait. With a 1 ms hold, three locked calls issued together
 * return at 1, 2 and 3 ms, in issue order, and an MPSAFE call returns at once.
 */
class GiantContentionTestCase : public TestCase
{
  public:
    GiantContentionTestCase()
        : TestCase("Giant lock contention shows up as simulated delay")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("GiantHoldTime", TimeValue(MilliSeconds(1)));
        node->AggregateObject(cost);
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);

        std::vector<Time> ranAt;
        Ptr<DevOps> locked = Create<DevOps>("locked");
        (*locked)[DevOp::IOCTL] = MakeDevOp<DevIoctlArgs>([&](DevIoctlArgs&) {
            ranAt.push_back(Simulator::Now());
            return BSD_OK;
        });
        Ptr<DevOps> safe = Create<DevOps>("safe");
        safe->head.flags = D_MPSAFE;
        (*safe)[DevOp::IOCTL] = (*locked)[DevOp::IOCTL];
        Ptr<Cdev> ldev = sw->MakeDev(locked, 0, 0, 0, 0600, "locked0");
        Ptr<Cdev> sdev = sw->MakeDev(safe, 0, 0, 0, 0600, "safe0");

        std::vector<std::pair<std::string, Time>> returns;
        Simulator::Schedule(Seconds(1), [&] {
            for (std::string who : {"a", "b", "c"})
            {
                sw->Dioctl(ArgsFor<DevIoctlArgs>(ldev), [&returns, who](int64_t) {
                    returns.emplace_back(who, Simulator::Now());
                });
            }
            sw->Dioctl(ArgsFor<DevIoctlArgs>(sdev),
                       [&returns](int64_t) { returns.emplace_back("safe", Simulator::Now()); });
        });
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(returns.size(), 4, "all four returned");
        NS_TEST_EXPECT_MSG_EQ(returns[0].first, "safe", "MPSAFE call does not wait");
        NS_TEST_EXPECT_MSG_EQ(returns[0].second, Seconds(1), "at once");
        NS_TEST_EXPECT_MSG_EQ(returns[1].first, "a", "FIFO");
        NS_TEST_EXPECT_MSG_EQ(returns[1].second, Seconds(1) + MilliSeconds(1), "after one hold");
        NS_TEST_EXPECT_MSG_EQ(returns[2].first, "b", "FIFO");
        NS_TEST_EXPECT_MSG_EQ(returns[2].second, Seconds(1) + MilliSeconds(2), "two holds");
        NS_TEST_EXPECT_MSG_EQ(returns[3].first, "c", "FIFO");
        NS_TEST_EXPECT_MSG_EQ(returns[3].second, Seconds(1) + MilliSeconds(3), "three holds");
        NS_TEST_ASSERT_MSG_EQ(ranAt.size(), 4, "each driver call ran once");
        NS_TEST_EXPECT_MSG_EQ(ranAt[1], Seconds(1), "first locked call runs at once");
        NS_TEST_EXPECT_MSG_EQ(ranAt[3], Seconds(1) + MilliSeconds(2), "third waits two holds");
        const GiantLock& giant = node->GetObject<BsdKernel>()->GetGiantLock();
        NS_TEST_EXPECT_MSG_EQ(giant.GetAcquisitions(), 3, "three grants");
        NS_TEST_EXPECT_MSG_EQ(giant.GetContentions(), 2, "two waited");
        NS_TEST_EXPECT_MSG_EQ(giant.GetTotalWait(), MilliSeconds(3), "1 ms + 2 ms of waiting");
        NS_TEST_EXPECT_MSG_EQ(giant.IsHeld(), false, "released at the end");
        Simulator::Destroy();
    }
};

/**
 * dev_ops_intercept installs a foreign table with the old head's maj, data and flags
 * and sets SI_INTERCEPTED; dev_doperate_ops still reaches the original table;
 * dev_ops_restore puts it back, clears the flag and the intercepting head.
 */
class InterceptRestoreTestCase : public TestCase
{
  public:
    InterceptRestoreTestCase()
        : TestCase("dev_ops_intercept and dev_ops_restore round trip")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        std::vector<std::string> calls;
        Ptr<DevOps> original = Create<DevOps>("cons");
        original->head.maj = 0;
        original->head.flags = D_MPSAFE | D_TRACKCLOSE;
        original->head.data = CreateObject<Object>();
        (*original)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([&](DevWriteArgs&) {
            calls.push_back("original");
            return BSD_OK;
        });
        sw->AddOps(original, 0xffffffff, 0);
        Ptr<Cdev> dev = sw->MakeDev(original, 0, 0, 0, 0600, "console");

        Ptr<DevOps> intercept = Create<DevOps>("intercept");
        intercept->head.maj = 77;
        (*intercept)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([&](DevWriteArgs&) {
            calls.push_back("intercept");
            return BSD_OK;
        });

        Ptr<DevOps> old = sw->Intercept(dev, intercept);
        NS_TEST_EXPECT_MSG_EQ(old, original, "intercept returns the old table");
        NS_TEST_EXPECT_MSG_EQ(dev->GetOps(), intercept, "device now uses the foreign table");
        NS_TEST_EXPECT_MSG_EQ((dev->GetFlags() & Cdev::SI_INTERCEPTED),
                              Cdev::SI_INTERCEPTED,
                              "SI_INTERCEPTED set");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.maj, 0, "maj copied");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.flags, (D_MPSAFE | D_TRACKCLOSE), "flags copied");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.data, original->head.data, "data copied");
        NS_TEST_EXPECT_MSG_EQ(bool((*intercept)[DevOp::READ]), true, "compiled");

        DispatchNow(sw, &DeviceSwitch::Dwrite, ArgsFor<DevWriteArgs>(dev));
        int64_t viaOps = -1;
        sw->OperateOps(old, ArgsFor<DevWriteArgs>(dev), [&](int64_t v) { viaOps = v; });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(viaOps, BSD_OK, "dev_doperate_ops result");

        sw->Restore(dev, old);
        NS_TEST_EXPECT_MSG_EQ(dev->GetOps(), original, "restored");
        NS_TEST_EXPECT_MSG_EQ((dev->GetFlags() & Cdev::SI_INTERCEPTED), 0u, "flag cleared");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.maj, 0, "intercept maj cleared");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.flags, 0u, "intercept flags cleared");
        NS_TEST_EXPECT_MSG_EQ(intercept->head.data, nullptr, "intercept data cleared");
        NS_TEST_EXPECT_MSG_EQ(original->head.flags, (D_MPSAFE | D_TRACKCLOSE), "original intact");
        DispatchNow(sw, &DeviceSwitch::Dwrite, ArgsFor<DevWriteArgs>(dev));

        NS_TEST_ASSERT_MSG_EQ(calls.size(), 3, "three writes reached a driver");
        NS_TEST_EXPECT_MSG_EQ(calls[0], "intercept", "while intercepted");
        NS_TEST_EXPECT_MSG_EQ(calls[1], "original", "dev_doperate_ops bypasses the intercept");
        NS_TEST_EXPECT_MSG_EQ(calls[2], "original", "after restore");
        Simulator::Destroy();
    }
};

/**
 * dev_doperate picks the slot from the arguments' descriptor; dev_doperate_ops takes its
 * MPSAFE-ness from the table it is given, not the device's.
 */
class OperateTestCase : public TestCase
{
  public:
    OperateTestCase()
        : TestCase("dev_doperate dispatches by descriptor; dev_doperate_ops by foreign table")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
        cost->SetAttribute("GiantHoldTime", TimeValue(MilliSeconds(5)));
        node->AggregateObject(cost);
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);

        std::string called;
        Ptr<DevOps> ops = Create<DevOps>("gen");
        (*ops)[DevOp::IOCTL] = MakeDevOp<DevIoctlArgs>([&](DevIoctlArgs&) {
            called = "ioctl";
            return BSD_ENOTTY;
        });
        (*ops)[DevOp::REVOKE] = MakeDevOp<DevRevokeArgs>([&](DevRevokeArgs&) {
            called = "revoke";
            return BSD_OK;
        });
        Ptr<Cdev> dev = sw->MakeDev(ops, 1, 0, 0, 0600, "gen1");
        Ptr<DevGenericArgs> ap = ArgsFor<DevIoctlArgs>(dev);
        Time returned;
        int64_t result = 0;
        sw->Operate(ap, [&](int64_t v) {
            result = v;
            returned = Simulator::Now();
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(called, "ioctl", "slot by a_desc");
        NS_TEST_EXPECT_MSG_EQ(result, BSD_ENOTTY, "its result");
        NS_TEST_EXPECT_MSG_EQ(returned, MilliSeconds(5), "not MPSAFE: Giant held 5 ms");

        Ptr<DevOps> foreign = Create<DevOps>("foreign");
        foreign->head.flags = D_MPSAFE;
        (*foreign)[DevOp::REVOKE] = (*ops)[DevOp::REVOKE];
        CompileDevOps(*foreign);
        Time start = Simulator::Now();
        sw->OperateOps(foreign, ArgsFor<DevRevokeArgs>(dev), [&](int64_t v) {
            result = v;
            returned = Simulator::Now();
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(called, "revoke", "foreign table's slot");
        NS_TEST_EXPECT_MSG_EQ(returned, start, "MPSAFE by the foreign table: no Giant");
        Simulator::Destroy();
    }
};

/**
 * Majors: registered tables are kept ordered by major (an in-order walk of the seed's
 * red-black tree); dynamic majors start at 256 and skip taken ones; an exact mask/match
 * is usurped; removal drops empty majors; a second removal only warns.
 */
class MajorsTestCase : public TestCase
{
  public:
    MajorsTestCase()
        : TestCase("major numbers: ordered, dynamic from 256, usurp, remove")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        auto make = [](const std::string& name, int32_t maj) {
            Ptr<DevOps> ops = Create<DevOps>(name);
            ops->head.maj = maj;
            return ops;
        };
        Ptr<DevOps> tun = make("tun", 52);
        Ptr<DevOps> mem = make("mem", 2);
        Ptr<DevOps> fixed = make("fixed", 257);
        Ptr<DevOps> dyn1 = make("dyn1", -1);
        Ptr<DevOps> dyn2 = make("dyn2", -1);
        NS_TEST_EXPECT_MSG_EQ(sw->AddOps(tun, 0, 0), 0, "add");
        NS_TEST_EXPECT_MSG_EQ(sw->AddOps(fixed, 0, 0), 0, "add");
        NS_TEST_EXPECT_MSG_EQ(sw->AddOps(mem, 0, 0), 0, "add");
        NS_TEST_EXPECT_MSG_EQ(sw->AddOps(dyn1, 0, 0), 0, "add");
        NS_TEST_EXPECT_MSG_EQ(sw->AddOps(dyn2, 0, 0), 0, "add");
        NS_TEST_EXPECT_MSG_EQ(dyn1->head.maj, 256, "first dynamic major");
        NS_TEST_EXPECT_MSG_EQ(dyn2->head.maj, 258, "257 is taken");
        std::vector<int32_t> expected = {2, 52, 256, 257, 258};
        NS_TEST_EXPECT_MSG_EQ((sw->GetMajors() == expected), true, "in-order walk");
        NS_TEST_EXPECT_MSG_EQ(bool((*tun)[DevOp::POLL]), true, "dev_ops_add compiles");

        // Same table again: no change. Another table, same mask/match: usurps.
        sw->AddOps(tun, 0, 0);
        NS_TEST_EXPECT_MSG_EQ(tun->head.refs, 1, "re-adding the same table changes nothing");
        Ptr<DevOps> thief = make("thief", 52);
        sw->AddOps(thief, 0, 0);
        NS_TEST_ASSERT_MSG_EQ(sw->GetOpsForMajor(52).size(), 1, "usurped, not added");
        NS_TEST_EXPECT_MSG_EQ(sw->GetOpsForMajor(52)[0], thief, "the thief holds 52");
        Ptr<DevOps> other = make("other", 52);
        sw->AddOps(other, 0xff, 1);
        NS_TEST_ASSERT_MSG_EQ(sw->GetOpsForMajor(52).size(), 2, "another minor range links");
        NS_TEST_EXPECT_MSG_EQ(sw->GetOpsForMajor(52)[0], other, "newest first");

        // tun cannot remove the registration it lost; the thief can.
        sw->RemoveOps(tun, 0, 0);
        NS_TEST_EXPECT_MSG_EQ(sw->GetOpsForMajor(52).size(), 2, "stolen major untouched");
        sw->RemoveOps(thief, 0, 0);
        sw->RemoveOps(other, 0xff, 1);
        expected = {2, 256, 257, 258};
        NS_TEST_EXPECT_MSG_EQ((sw->GetMajors() == expected), true, "major 52 left the tree");
        NS_TEST_EXPECT_MSG_EQ(sw->RemoveOps(other, 0xff, 1), 0, "double remove only warns");
        NS_TEST_EXPECT_MSG_EQ((sw->GetMajors() == expected), true, "and changes nothing");

        // Removing a table destroys its devices in the minor range.
        Ptr<Cdev> d0 = sw->MakeDev(mem, 0, 0, 0, 0600, "mem0");
        Ptr<Cdev> d1 = sw->MakeDev(mem, 1, 0, 0, 0600, "mem1");
        sw->RemoveOps(mem, 0xffffffff, 1);
        NS_TEST_EXPECT_MSG_EQ(d1->IsDestroyed(), true, "minor 1 destroyed");
        NS_TEST_EXPECT_MSG_EQ(d0->IsDestroyed(), false, "minor 0 kept");
        Simulator::Destroy();
    }
};

/**
 * make_dev, destroy_dev, dev_ops_remove_minor/all, and bad input: a taken name leaves
 * the first device untouched; a destroyed device answers through the dead table; a
 * second destroy reports ENOENT.
 */
class DeviceNodesTestCase : public TestCase
{
  public:
    DeviceNodesTestCase()
        : TestCase("make_dev, destroy_dev, remove by ops and by minor, bad input")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<DeviceSwitch> sw = NewSwitch();
        Ptr<DevOps> ops = Create<DevOps>("toy");
        ops->head.maj = 200;
        (*ops)[DevOp::READ] = MakeDevOp<DevReadArgs>([](DevReadArgs&) { return BSD_OK; });
        int error = -1;
        Ptr<Cdev> a = sw->MakeDev(ops, 0, 66, 68, 0640, "toy0", &error);
        NS_TEST_ASSERT_MSG_NE(a, nullptr, "made");
        NS_TEST_EXPECT_MSG_EQ(error, BSD_OK, "no error");
        NS_TEST_EXPECT_MSG_EQ(a->GetMajor(), 200, "major from the table");
        NS_TEST_EXPECT_MSG_EQ(a->GetMinor(), 0, "minor");
        NS_TEST_EXPECT_MSG_EQ(a->GetUid(), 66u, "uid");
        NS_TEST_EXPECT_MSG_EQ(a->GetGid(), 68u, "gid");
        NS_TEST_EXPECT_MSG_EQ(a->GetMode(), 0640u, "mode");
        NS_TEST_EXPECT_MSG_EQ(a->GetRefs(), 1, "the /dev reference");

        Ptr<DevOps> other = Create<DevOps>("other");
        Ptr<Cdev> dup = sw->MakeDev(other, 9, 0, 0, 0600, "toy0", &error);
        NS_TEST_EXPECT_MSG_EQ(dup, nullptr, "name taken");
        NS_TEST_EXPECT_MSG_EQ(error, BSD_EEXIST, "EEXIST");
        NS_TEST_EXPECT_MSG_EQ(sw->Lookup("/dev/toy0"), a, "first device untouched");
        NS_TEST_EXPECT_MSG_EQ(a->GetOps(), ops, "its table untouched");
        NS_TEST_EXPECT_MSG_EQ(sw->MakeDev(ops, 1, 0, 0, 0600, "", &error), nullptr, "no name");
        NS_TEST_EXPECT_MSG_EQ(error, BSD_EINVAL, "EINVAL");
        NS_TEST_EXPECT_MSG_EQ(sw->MakeDev(ops, 1, 0, 0, 0600, "a/b", &error), nullptr, "slash");
        NS_TEST_EXPECT_MSG_EQ(error, BSD_EINVAL, "EINVAL");

        Ptr<Cdev> b = sw->MakeDev(ops, 1, 0, 0, 0600, "toy1");
        Ptr<Cdev> c = sw->MakeDev(ops, 2, 0, 0, 0600, "toy2");
        Ptr<Cdev> o = sw->MakeDev(other, 1, 0, 0, 0600, "other1");
        NS_TEST_EXPECT_MSG_EQ(sw->RemoveMinor(ops, 1), 0, "remove minor 1");
        NS_TEST_EXPECT_MSG_EQ(b->IsDestroyed(), true, "toy1 gone");
        NS_TEST_EXPECT_MSG_EQ(o->IsDestroyed(), false, "another table's minor 1 stays");
        NS_TEST_EXPECT_MSG_EQ(sw->Lookup("/dev/toy1"), nullptr, "no longer in /dev");
        NS_TEST_EXPECT_MSG_EQ(b->GetRefs(), 0, "/dev reference dropped");

        // The dead table answers every operation as the defaults do.
        auto rd = ArgsFor<DevReadArgs>(b);
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dread, rd),
                              BSD_ENODEV,
                              "read on a destroyed device");
        NS_TEST_EXPECT_MSG_EQ(DispatchNow(sw, &DeviceSwitch::Dclose, ArgsFor<DevCloseArgs>(b)),
                              BSD_ENODEV,
                              "close on a destroyed device");
        NS_TEST_EXPECT_MSG_EQ(sw->DestroyDev(b), BSD_ENOENT, "destroy twice");

        NS_TEST_EXPECT_MSG_EQ(sw->RemoveAll(ops), 0, "remove all");
        NS_TEST_EXPECT_MSG_EQ(a->IsDestroyed() && c->IsDestroyed(), true, "all of ops' devices");
        std::vector<std::string> left = {"other1"};
        NS_TEST_EXPECT_MSG_EQ((sw->ListDevices() == left), true, "only other1 left");
        Simulator::Destroy();
    }
};

/**
 * Lookup: only "/dev/<name>"; a missing name goes to the clone handlers, which may make
 * it (tun_clone with dev_stdclone); dev_stdclone's parsing rules.
 */
class CloneTestCase : public TestCase
{
  public:
    CloneTestCase()
        : TestCase("clone on lookup and dev_stdclone")
    {
    }

  private:
    void DoRun() override
    {
        int32_t unit = -1;
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun7", "tun", &unit), 1, "exact");
        NS_TEST_EXPECT_MSG_EQ(unit, 7, "unit");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun0", "tun", &unit), 1, "unit 0");
        NS_TEST_EXPECT_MSG_EQ(unit, 0, "unit");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun12a", "tun", &unit), 2, "suffix");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun07", "tun", &unit), 0, "leading zero");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun", "tun", &unit), 0, "no unit");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tap1", "tun", &unit), 0, "other stem");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun16777215", "tun", &unit), 1, "max");
        NS_TEST_EXPECT_MSG_EQ(DeviceSwitch::StdClone("tun16777216", "tun", &unit), 0, "> max");

        Ptr<DeviceSwitch> sw = NewSwitch();
        Ptr<DevOps> ops = Create<DevOps>("tun");
        ops->head.maj = 52;
        int handlerCalls = 0;
        sw->AddCloneHandler([&](const std::string& name, Ptr<Cdev>& dev) {
            ++handlerCalls;
            int32_t u;
            if (dev || DeviceSwitch::StdClone(name, "tun", &u) != 1)
            {
                return;
            }
            dev = sw->MakeDev(ops, u, 66, 68, 0600, "tun" + std::to_string(u));
        });
        // A second handler sees the device the first one made, and leaves it.
        sw->AddCloneHandler([&](const std::string&, Ptr<Cdev>& dev) {
            NS_TEST_EXPECT_MSG_NE(dev, nullptr, "handlers share the result");
        });

        NS_TEST_EXPECT_MSG_EQ(sw->ListDevices().empty(), true, "no devices yet");
        Ptr<Cdev> tun7 = sw->Lookup("/dev/tun7");
        NS_TEST_ASSERT_MSG_NE(tun7, nullptr, "cloned on lookup");
        NS_TEST_EXPECT_MSG_EQ(tun7->GetName(), "tun7", "name");
        NS_TEST_EXPECT_MSG_EQ(tun7->GetMinor(), 7, "minor = unit");
        NS_TEST_EXPECT_MSG_EQ(sw->Lookup("/dev/tun7"), tun7, "found the second time");
        NS_TEST_EXPECT_MSG_EQ(handlerCalls, 1, "no clone for an existing name");

        Ptr<DeviceSwitch> sw2 = NewSwitch();
        sw2->AddCloneHandler([&](const std::string& name, Ptr<Cdev>& dev) {
            int32_t u;
            if (!dev && DeviceSwitch::StdClone(name, "tun", &u) == 1)
            {
                dev = sw2->MakeDev(ops, u, 66, 68, 0600, name);
            }
        });
        NS_TEST_EXPECT_MSG_EQ(sw2->Lookup("/dev/tun07"), nullptr, "leading zero: ENOENT");
        NS_TEST_EXPECT_MSG_EQ(sw2->Lookup("/dev/tunx"), nullptr, "not a unit: ENOENT");
        NS_TEST_EXPECT_MSG_EQ(sw2->Lookup("tun3"), nullptr, "not under /dev");
        NS_TEST_EXPECT_MSG_EQ(sw2->Lookup("/dev/"), nullptr, "empty name");
        NS_TEST_EXPECT_MSG_EQ(sw2->Lookup("/dev/a/tun3"), nullptr, "no subdirectories");
        NS_TEST_EXPECT_MSG_EQ(sw2->ListDevices().empty(), true, "bad lookups create nothing");
        Simulator::Destroy();
    }
};

/**
 * The dispatch trace: one record per completed dispatch with node, pid, device,
 * operation, arguments and the result by BSD name.
 */
class DispatchTraceTestCase : public TestCase
{
  public:
    DispatchTraceTestCase()
        : TestCase("the Dispatch trace source reports every operation")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> unused = CreateObject<Node>(); // so the traced node is not node 0
        Ptr<Node> node = CreateObject<Node>();
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
        std::vector<DevDispatchRecord> records;
        sw->TraceConnectWithoutContext(
            "Dispatch",
            Callback<void, const DevDispatchRecord&>(
                [&records](const DevDispatchRecord& r) { records.push_back(r); }));
        auto driver = Create<ToyQueueDriver>(sw, "toy", 0);
        sw->MakeDev(driver->ops, 0, 0, 0, 0666, "toy0");

        Ptr<BsdProcess> p = CreateObject<BsdProcess>();
        p->SetAttribute("Pid", UintegerValue(321));
        p->Attach(node);
        Simulator::Schedule(Seconds(2), [&] {
            p->Open("/dev/toy0", BSD_O_RDWR | BSD_O_NONBLOCK, [&](int, int fd) {
                p->Read(fd, 100, [&, fd](int, const std::vector<uint8_t>&) {
                    p->Close(fd, [](int) {});
                });
            });
        });
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(records.size(), 3, "open, read, close");
        NS_TEST_EXPECT_MSG_EQ(records[0].op, DevOp::OPEN, "open first");
        NS_TEST_EXPECT_MSG_EQ(records[0].nodeId, node->GetId(), "node id");
        NS_TEST_EXPECT_MSG_EQ(records[0].pid, 321, "pid");
        NS_TEST_EXPECT_MSG_EQ(records[0].device, "toy0", "device");
        NS_TEST_EXPECT_MSG_EQ(records[0].args, "oflags=0x7 devtype=0x2000 uid=0", "FFLAGS");
        NS_TEST_EXPECT_MSG_EQ(records[1].op, DevOp::READ, "then read");
        NS_TEST_EXPECT_MSG_EQ(records[1].result, BSD_EWOULDBLOCK, "empty, non-blocking");
        NS_TEST_EXPECT_MSG_EQ(records[1].ToString(),
                              "+2s node 1 pid 321 toy0 read(resid=100 ioflag=0x10) = EWOULDBLOCK",
                              "one readable line, errno by name");
        NS_TEST_EXPECT_MSG_EQ(records[2].op, DevOp::CLOSE, "then close");
        Simulator::Destroy();
    }
};

/**
 * tsleep/wakeup through the switch: a blocking read parks until a write wakes it;
 * Giant is not held while asleep; a timeout returns EWOULDBLOCK.
 */
class SleepWakeupTestCase : public TestCase
{
  public:
    SleepWakeupTestCase()
        : TestCase("a blocking read sleeps in simulated time until wakeup or timeout")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
        auto driver = Create<ToyQueueDriver>(sw, "toy", 0);
        sw->MakeDev(driver->ops, 0, 0, 0, 0666, "toy0");
        Ptr<BsdProcess> reader = CreateObject<BsdProcess>();
        reader->Attach(node);
        Ptr<BsdProcess> writer = CreateObject<BsdProcess>();
        writer->Attach(node);

        Time readDone;
        std::vector<uint8_t> got;
        int readErr = -1;
        int rfd = -1;
        bool sleptWithoutGiant = false;
        reader->Open("/dev/toy0", BSD_O_RDWR, [&](int, int fd) {
            rfd = fd;
            reader->Read(fd, 64, [&](int e, const std::vector<uint8_t>& d) {
                readErr = e;
                got = d;
                readDone = Simulator::Now();
            });
        });
        Simulator::Schedule(Seconds(1), [&] {
            NS_TEST_EXPECT_MSG_EQ(reader->IsSleeping(), true, "reader asleep");
            NS_TEST_EXPECT_MSG_EQ(reader->GetWaitMessage(), "toyread", "wmesg");
            sleptWithoutGiant = !node->GetObject<BsdKernel>()->GetGiantLock().IsHeld();
            writer->Open("/dev/toy0", BSD_O_WRONLY, [&](int, int fd) {
                writer->Write(fd, {1, 2, 3}, [](int, int64_t) {});
            });
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(sleptWithoutGiant, true, "tsleep gave Giant up");
        NS_TEST_EXPECT_MSG_EQ(readErr, BSD_OK, "read completes");
        NS_TEST_EXPECT_MSG_EQ(got.size(), 3, "with the packet");
        NS_TEST_EXPECT_MSG_EQ(readDone, Seconds(1), "when the write woke it");
        NS_TEST_EXPECT_MSG_EQ(driver->reads, 2, "the read loop ran twice");

        // A timed sleep ends in EWOULDBLOCK.
        driver->readTimeout = MilliSeconds(250);
        Time start = Simulator::Now();
        reader->Read(rfd, 64, [&](int e, const std::vector<uint8_t>&) {
            readErr = e;
            readDone = Simulator::Now();
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(readErr, BSD_EWOULDBLOCK, "timed out");
        NS_TEST_EXPECT_MSG_EQ(readDone - start, MilliSeconds(250), "after the timeout");
        NS_TEST_EXPECT_MSG_EQ(node->GetObject<ProcessTable>()->GetSleeperCount(PeekPointer(driver)),
                              0,
                              "off the sleep queue");
        Simulator::Destroy();
    }
};

/// The device-switch suite.
class DeviceSwitchTestSuite : public TestSuite
{
  public:
    DeviceSwitchTestSuite()
        : TestSuite("device-switch", UNIT)
    {
        AddTestCase(new CompileDevOpsTestCase, TestCase::QUICK);
        AddTestCase(new DefaultDispatchTestCase, TestCase::QUICK);
        AddTestCase(new DispatchResultTestCase, TestCase::QUICK);
        AddTestCase(new TimesAndCountersTestCase, TestCase::QUICK);
        AddTestCase(new GiantContentionTestCase, TestCase::QUICK);
        AddTestCase(new InterceptRestoreTestCase, TestCase::QUICK);
        AddTestCase(new OperateTestCase, TestCase::QUICK);
        AddTestCase(new MajorsTestCase, TestCase::QUICK);
        AddTestCase(new DeviceNodesTestCase, TestCase::QUICK);
        AddTestCase(new CloneTestCase, TestCase::QUICK);
        AddTestCase(new DispatchTraceTestCase, TestCase::QUICK);
        AddTestCase(new SleepWakeupTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static DeviceSwitchTestSuite g_deviceSwitchTestSuite;
