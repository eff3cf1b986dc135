/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The researcher's daemon of examples/rate-limited-relay.h, as the example runs it:
// its limit holds (arrivals at node 1 never closer than the gap, no more packets than
// the time allows), what it forwards arrives, a faster flow is dropped at tun0's
// if_snd, a gap of zero forwards everything, and its frames are destroyed when its
// process exits.

#include "../examples/rate-limited-relay.h"

#include "ns3/test.h"

using namespace ns3;

namespace
{

/// The limit holds for several gaps; a gap of zero lets the whole flow through.
class RateLimitedRelayTestCase : public TestCase
{
  public:
    RateLimitedRelayTestCase()
        : TestCase("a user's coroutine daemon: the rate limit holds, packets arrive, frames go")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t datagrams = 300;
        const Time interval = MilliSeconds(1);
        const Time exitAt = Seconds(2);
        for (Time gap : {Time(0), MilliSeconds(5), MilliSeconds(10), MilliSeconds(20)})
        {
            RateLimitedLink link(gap, datagrams, interval, exitAt);
            Simulator::Stop(exitAt + Seconds(1));
            Simulator::Run();
            std::string at = "gap " + std::to_string(gap.GetMilliSeconds()) + " ms: ";
            uint64_t forwarded = link.count->forwarded;
            const TunNetDevice::Counters& c = DynamicCast<TunNetDevice>(link.tun0)->GetCounters();

            NS_TEST_ASSERT_MSG_GT(forwarded, 0u, at << "packets went through");
            NS_TEST_EXPECT_MSG_EQ(link.server->GetReceived(), forwarded, at << "all arrived");
            NS_TEST_EXPECT_MSG_EQ(link.arrivals.size(), forwarded, at << "each entered once");
            NS_TEST_EXPECT_MSG_EQ(c.opackets + c.snddrops, datagrams, at << "all sent to tun0");
            if (gap.IsZero())
            {
                NS_TEST_EXPECT_MSG_EQ(forwarded, datagrams, at << "nothing held back");
                NS_TEST_EXPECT_MSG_EQ(c.snddrops, 0u, at << "nothing dropped");
            }
            else
            {
                NS_TEST_EXPECT_MSG_GT(c.snddrops, 0u, at << "the flow is faster than the limit");
                for (std::size_t i = 1; i < link.arrivals.size(); ++i)
                {
                    NS_TEST_EXPECT_MSG_GT_OR_EQ(link.arrivals[i] - link.arrivals[i - 1],
                                                gap,
                                                at << "arrivals " << i - 1 << " and " << i);
                }
                Time span = link.arrivals.back() - link.arrivals.front();
                NS_TEST_EXPECT_MSG_LT_OR_EQ(forwarded,
                                            uint64_t(span.GetInteger() / gap.GetInteger()) + 1,
                                            at << "no more than the span allows");
            }
            NS_TEST_EXPECT_MSG_EQ(link.daemon->IsAlive(), false, at << "the daemon exited");
            NS_TEST_EXPECT_MSG_EQ(link.count->GetReferenceCount(),
                                  1u,
                                  at << "its frame, which held the count, is gone");
            NS_TEST_EXPECT_MSG_LT(link.arrivals.back(), exitAt, at << "nothing after exit");
            Simulator::Destroy();
        }
    }
};

/// The example's daemon, as a suite.
class RateLimitedRelayTestSuite : public TestSuite
{
  public:
    RateLimitedRelayTestSuite()
        : TestSuite("rate-limited-relay", SYSTEM)
    {
        AddTestCase(new RateLimitedRelayTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static RateLimitedRelayTestSuite g_rateLimitedRelayTestSuite;

} // namespace
