/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What the module refuses with a message instead of crashing or running on silently:
// ns-3's global routing over a tun interface whose other end it cannot see, a tun unit
// that another pair's daemon already holds, and a second task for a process that runs
// one. Each case runs in a child process (a gtest death test) against the real ns-3
// stack.

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/tun-module.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

/// Two nodes with the Internet stack and a native link between them (10.1.1.0/24).
struct TwoNodes
{
    NodeContainer nodes;
    Ipv4InterfaceContainer underlay;

    TwoNodes()
    {
        nodes.Create(2);
        InternetStackHelper().Install(nodes);
        NetDeviceContainer devices = PointToPointHelper().Install(nodes);
        underlay = Ipv4AddressHelper("10.1.1.0", "255.255.255.0").Assign(devices);
    }

    ~TwoNodes()
    {
        Simulator::Destroy();
    }
};

} // namespace

TEST(TunAbortDeathTest, GlobalRoutingOverATunOnNoPairNamesNodeAndDevice)
{
    EXPECT_DEATH(
        {
            TwoNodes bench;
            TunHelper tun;
            Ptr<NetDevice> lone = tun.Install(bench.nodes.Get(1), 3).Get(0);
            TunHelper::Ifconfig(lone, "10.8.0.1", "10.8.0.2");
            Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        },
        "tun3 on node [0-9]+ has no known peer");
}

TEST(TunAbortDeathTest, GlobalRoutingOverAHalfAddressedPairNamesBothEnds)
{
    EXPECT_DEATH(
        {
            TwoNodes bench;
            TunHelper tun;
            ApplicationContainer pair = tun.InstallTunnelPair(bench.nodes.Get(0),
                                                              bench.underlay.GetAddress(0),
                                                              bench.nodes.Get(1),
                                                              bench.underlay.GetAddress(1));
            TunHelper::Ifconfig(TunHelper::GetDevices(pair).Get(0), "10.8.0.1", "10.8.0.2");
            Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        },
        "tun0 on node [0-9]+ has no IPv4 address yet while its peer tun0 on node [0-9]+ is up "
        "with 10.8.0.1");
}

TEST(TunAbortDeathTest, TunnelPairOnAUnitPppTookNamesNodeAndUnit)
{
    EXPECT_DEATH(
        {
            TwoNodes bench;
            PppTunHelper ppp;
            ppp.Install(bench.nodes.Get(0), "10.9.0.1", bench.nodes.Get(1), "10.9.0.2");
            TunHelper tun;
            tun.InstallTunnelPair(bench.nodes.Get(0),
                                  bench.underlay.GetAddress(0),
                                  bench.nodes.Get(1),
                                  bench.underlay.GetAddress(1),
                                  14194,
                                  0);
        },
        "tun0 on node [0-9]+ is already one end of a tun pair \\(its peer is tun0 on node "
        "[0-9]+\\): another daemon holds /dev/tun0");
}

TEST(TunAbortDeathTest, RelayPairOnAUnitATunnelTookNamesNodeAndUnit)
{
    EXPECT_DEATH(
        {
            TwoNodes bench;
            NodeContainer third;
            third.Create(1);
            InternetStackHelper().Install(third);
            TunHelper tun;
            tun.InstallTunnelPair(bench.nodes.Get(0),
                                  bench.underlay.GetAddress(0),
                                  bench.nodes.Get(1),
                                  bench.underlay.GetAddress(1),
                                  14194,
                                  2);
            tun.InstallRelayPair(third.Get(0), bench.nodes.Get(1), MilliSeconds(1), 2);
        },
        "tun2 on node [0-9]+ is already one end of a tun pair");
}

namespace
{

/// dev_dstrategy on a device whose table is all defaults, with \p bio as a_bio.
void
StrategyWith(Ptr<Bio> bio)
{
    Ptr<DeviceSwitch> sw = DeviceSwitch::Install(CreateObject<Node>());
    Ptr<Cdev> dev = sw->MakeDev(Create<DevOps>("disk"), 0, 0, 0, 0600, "disk0");
    Ptr<DevStrategyArgs> ap = Create<DevStrategyArgs>();
    ap->dev = dev;
    ap->bio = bio;
    sw->Dstrategy(ap, [](int64_t) {});
    Simulator::Run();
    Simulator::Destroy();
}

} // namespace

// dev_dstrategy's KKASSERTs: a panic in the seed, a message naming the device here.
TEST(TunAbortDeathTest, StrategyWithoutABioNamesTheDevice)
{
    EXPECT_DEATH(StrategyWith(nullptr), "dev_dstrategy on disk0: no bio");
}

TEST(TunAbortDeathTest, StrategyOnADoneBioNamesTheDevice)
{
    Ptr<Bio> done = Create<Bio>();
    done->done = true;
    EXPECT_DEATH(StrategyWith(done), "dev_dstrategy on disk0: bio already done");
}

TEST(TunAbortDeathTest, StrategyOnAFreshBioCompletesIt)
{
    Ptr<Bio> bio = Create<Bio>();
    StrategyWith(bio);
    EXPECT_TRUE(bio->done) << "nostrategy's biodone";
    EXPECT_EQ(bio->flags & Bio::B_ERROR, Bio::B_ERROR);
}

namespace
{

/// A task that opens a device that is not there and returns. \param p its process
/// \return the task
BsdTask
OpenNothing(Ptr<BsdProcess> p)
{
    BsdSyscalls sys(p);
    co_await sys.Open("/dev/nonesuch", BSD_O_RDWR);
}

} // namespace

// One thread of control per process: a second task, waiting or not, is refused.
TEST(TunAbortDeathTest, ASecondTaskOnAProcessIsRefused)
{
    EXPECT_DEATH(
        {
            Ptr<BsdProcess> p = CreateObject<BsdProcess>();
            p->Attach(CreateObject<Node>());
            BsdTask::Exec(p, OpenNothing(p));
            BsdTask::Exec(p, OpenNothing(p));
        },
        "process [0-9]+: runs a program already; a process has one");
}

TEST(TunAbortDeathTest, ATaskForAProcessThatExitedIsRefused)
{
    EXPECT_DEATH(
        {
            Ptr<BsdProcess> p = CreateObject<BsdProcess>();
            p->Attach(CreateObject<Node>());
            p->Exit();
            BsdTask::Exec(p, OpenNothing(p));
        },
        "BsdTask::Exec: the process is not running");
}
