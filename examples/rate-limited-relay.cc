/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A daemon of your own, written as a coroutine against the module's public API. The
// daemon (rate-limited-relay.h) is a dozen lines that read as its C would:
//
//   auto [tunError, tun] = co_await sys.Open(tunPath, BSD_O_RDWR);
//   auto [cableError, cable] = co_await sys.Open(cablePath, BSD_O_WRONLY);
//   for (;;)
//   {
//       auto [readError, packet] = co_await sys.Read(tun, TUNMRU);
//       ...
//       co_await sys.Write(cable, std::move(packet));
//       co_await sys.Sleep(gap);
//   }
//
//   node 0                                                      node 1
//   UdpClient -> IPv4 -> tun0 => the daemon: one packet    ~~cable~~> TunCableRelay
//   10.0.0.1               (if_snd)    per gap at most                => tun0 -> UdpServer
//
// The flow sends faster than the daemon forwards: the rest waits in tun0's if_snd and
// tunoutput drops what does not fit (50 packets). The program prints what was sent,
// forwarded and dropped, the smallest spacing of arrivals at node 1 (never under the
// gap), and that the daemon's frames were destroyed when its process exited.
//
//   ./rate-limited-relay [--gap=10ms] [--datagrams=500] [--interval=1ms]

#include "rate-limited-relay.h"

#include <algorithm>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    Time gap = MilliSeconds(10);
    uint32_t datagrams = 500;
    Time interval = MilliSeconds(1);
    CommandLine cmd(__FILE__);
    cmd.AddValue("gap", "The daemon's least time between two packets", gap);
    cmd.AddValue("datagrams", "Datagrams the UDP flow sends", datagrams);
    cmd.AddValue("interval", "Time between them", interval);
    cmd.Parse(argc, argv);

    Time exitAt = MilliSeconds(200) + interval * datagrams + Seconds(1);
    RateLimitedLink link(gap, datagrams, interval, exitAt);
    Simulator::Stop(exitAt + Seconds(1));
    Simulator::Run();

    Time spacing = Time::Max();
    for (std::size_t i = 1; i < link.arrivals.size(); ++i)
    {
        spacing = std::min(spacing, link.arrivals[i] - link.arrivals[i - 1]);
    }
    const TunNetDevice::Counters& c = DynamicCast<TunNetDevice>(link.tun0)->GetCounters();
    std::cout << "flow: " << datagrams << " datagrams, one every " << interval.As(Time::MS) << "\n"
              << "daemon (pid " << link.daemon->GetPid() << ", one packet per " << gap.As(Time::MS)
              << " at most): forwarded " << link.count->forwarded << "\n"
              << "node 0 tun0: queued " << c.opackets << ", dropped " << c.snddrops
              << " (if_snd full)\n"
              << "node 1: received " << link.server->GetReceived() << ", smallest spacing "
              << (link.arrivals.size() > 1 ? spacing.As(Time::MS) : Time(0).As(Time::MS)) << "\n"
              << "daemon exited at " << exitAt.As(Time::S) << ": "
              << (link.daemon->IsAlive() ? "still running" : "ended") << ", its frames "
              << (link.count->GetReferenceCount() == 1 ? "destroyed" : "still held") << "\n";
    Simulator::Destroy();
    return 0;
}
