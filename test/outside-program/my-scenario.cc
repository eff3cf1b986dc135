/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A scenario as a module user writes it against the installed headers: two nodes whose
// tun interfaces are joined by relay daemons over a cable, addressed with TunHelper,
// and three pings across. It prints how many echoes came back and logs through NS_LOG.

#include "ns3/core-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("MyScenario");

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);
    LogComponentEnable("MyScenario", LOG_LEVEL_INFO);

    NodeContainer nodes(2);
    InternetStackHelper().Install(nodes);
    TunHelper tun;
    tun.InstallDriver(nodes);
    ApplicationContainer relays = tun.InstallRelayPair(nodes.Get(0), nodes.Get(1), MilliSeconds(5));
    TunHelper::IfconfigPair(relays, "10.0.0.1", "10.0.0.2");

    uint32_t answered = 0;
    V4PingHelper ping(Ipv4Address("10.0.0.2"));
    ApplicationContainer pinger = ping.Install(nodes.Get(0));
    pinger.Get(0)->TraceConnectWithoutContext("Rtt", Callback<void, Time>([&answered](Time rtt) {
                                                  ++answered;
                                                  NS_LOG_INFO("echo answered in " << rtt);
                                              }));
    pinger.Start(Seconds(1));
    pinger.Stop(Seconds(3.5));
    Simulator::Stop(Seconds(4));
    Simulator::Run();
    Simulator::Destroy();
    std::cout << answered << " of 3 echoes answered" << std::endl;
    return answered == 3 ? 0 : 1;
}
