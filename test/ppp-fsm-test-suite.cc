/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The RFC 1661 automaton, through behaviour: two automata joined by a wire with a
// delay reach Opened; an unanswered negotiation gives up after Max-Configure requests
// and restart times; a Close terminates both ends; Max-Terminate; Down and Up; Naks;
// the restart option; events the table says cannot happen.

#include "ns3/core-module.h"
#include "ns3/tun-module.h"

using namespace ns3;

namespace
{

/// One end of the wire: an automaton and what it was asked to do.
struct End
{
    Ptr<PppFsm> fsm = CreateObject<PppFsm>();
    int tlu{0};
    int tld{0};
    int tls{0};
    int tlf{0};
    int scr{0};
    int str{0};
    int sca{0};
    int scn{0};
    int sta{0};
    bool deaf{false}; //!< drops everything that reaches it
    int nakBudget{0}; //!< Configure-Requests it naks before accepting
    std::vector<Time> scrTimes;
    Time tlfTime;
};

/// Join two ends with a one-way delay.
void
Wire(End& a, End& b, Time delay)
{
    for (auto [self, peer] : {std::pair<End*, End*>{&a, &b}, std::pair<End*, End*>{&b, &a}})
    {
        auto deliver = [peer, delay](std::function<void(End&)> f) {
            Simulator::Schedule(delay, [peer, f] {
                if (!peer->deaf)
                {
                    f(*peer);
                }
            });
        };
        PppFsm::Actions actions;
        actions.thisLayerUp = [self] { ++self->tlu; };
        actions.thisLayerDown = [self] { ++self->tld; };
        actions.thisLayerStarted = [self] { ++self->tls; };
        actions.thisLayerFinished = [self] {
            ++self->tlf;
            self->tlfTime = Simulator::Now();
        };
        actions.sendConfigureRequest = [self, deliver] {
            ++self->scr;
            self->scrTimes.push_back(Simulator::Now());
            deliver([](End& p) {
                bool ok = p.nakBudget == 0;
                if (!ok)
                {
                    --p.nakBudget;
                }
                p.fsm->ReceiveConfigureRequest(ok);
            });
        };
        actions.sendConfigureAck = [self, deliver] {
            ++self->sca;
            deliver([](End& p) { p.fsm->ReceiveConfigureAck(); });
        };
        actions.sendConfigureNak = [self, deliver] {
            ++self->scn;
            deliver([](End& p) { p.fsm->ReceiveConfigureNak(); });
        };
        actions.sendTerminateRequest = [self, deliver] {
            ++self->str;
            deliver([](End& p) { p.fsm->ReceiveTerminateRequest(); });
        };
        actions.sendTerminateAck = [self, deliver] {
            ++self->sta;
            deliver([](End& p) { p.fsm->ReceiveTerminateAck(); });
        };
        self->fsm->Setup(self == &a ? "LCP-a" : "LCP-b", actions);
    }
}

} // namespace

/// Both ends Up and Open: Req-Sent, then Ack-Sent or Ack-Rcvd, then Opened.
class FsmOpenTestCase : public TestCase
{
  public:
    FsmOpenTestCase()
        : TestCase("two automata negotiate to Opened")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        Wire(a, b, MilliSeconds(10));
        std::vector<std::string> path;
        a.fsm->TraceConnectWithoutContext(
            "StateChange",
            Callback<void,
                     const std::string&,
                     const std::string&,
                     const std::string&,
                     const std::string&>(
                [&path](const std::string&,
                        const std::string&,
                        const std::string& to,
                        const std::string& ev) { path.push_back(ev + ">" + to); }));
        for (End* e : {&a, &b})
        {
            e->fsm->Up();
            e->fsm->Open();
        }
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::OPENED, "a opened");
        NS_TEST_EXPECT_MSG_EQ(b.fsm->GetState(), PppFsm::OPENED, "b opened");
        NS_TEST_EXPECT_MSG_EQ(a.tlu, 1, "this-layer-up once");
        NS_TEST_EXPECT_MSG_EQ(a.scr, 1, "one request each way");
        NS_TEST_EXPECT_MSG_EQ(a.sca, 1, "one ack each way");
        std::vector<std::string> expected = {"Up>Closed",
                                             "Open>Req-Sent",
                                             "RCR+>Ack-Sent",
                                             "RCA>Opened"};
        NS_TEST_EXPECT_MSG_EQ((path == expected), true, "a's path through the table");
        Simulator::Destroy();
    }
};

/// Nobody answers: Max-Configure (10) requests, one per restart time (3 s), then TO-:
/// this-layer-finished and Stopped, 30 s after the Open.
class FsmMaxConfigureTestCase : public TestCase
{
  public:
    FsmMaxConfigureTestCase()
        : TestCase("unanswered: Max-Configure requests, then TO- to Stopped")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        b.deaf = true;
        Wire(a, b, MilliSeconds(10));
        a.fsm->Up();
        a.fsm->Open();
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.scr, 10, "Max-Configure requests");
        NS_TEST_ASSERT_MSG_EQ(a.scrTimes.size(), 10u, "timed");
        NS_TEST_EXPECT_MSG_EQ(a.scrTimes[9], Seconds(27), "one per restart time");
        NS_TEST_EXPECT_MSG_EQ(a.tlf, 1, "this-layer-finished");
        NS_TEST_EXPECT_MSG_EQ(a.tlfTime, Seconds(30), "after the tenth restart time");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::STOPPED, "Stopped (tlf/3)");
        Simulator::Destroy();
    }
};

/// Close from Opened: Terminate-Request, the peer acks and goes Stopping, then Stopped
/// one restart time later; the closer goes Closed on the ack.
class FsmCloseTestCase : public TestCase
{
  public:
    FsmCloseTestCase()
        : TestCase("Close: Terminate exchange, Closed and Stopped")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        Wire(a, b, MilliSeconds(10));
        for (End* e : {&a, &b})
        {
            e->fsm->Up();
            e->fsm->Open();
        }
        Simulator::Schedule(Seconds(1), &PppFsm::Close, a.fsm);
        Time bStopping;
        Simulator::Schedule(Seconds(1) + MilliSeconds(15), [&] {
            NS_TEST_EXPECT_MSG_EQ(b.fsm->GetState(), PppFsm::STOPPING, "tld,zrc,sta/5");
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.str, 1, "one Terminate-Request");
        NS_TEST_EXPECT_MSG_EQ(a.tld, 1, "a: this-layer-down");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::CLOSED, "a: RTA, tlf/2");
        NS_TEST_EXPECT_MSG_EQ(b.sta, 1, "b acked");
        NS_TEST_EXPECT_MSG_EQ(b.tld, 1, "b: this-layer-down");
        NS_TEST_EXPECT_MSG_EQ(b.fsm->GetState(), PppFsm::STOPPED, "b: TO- after zrc, tlf/3");
        NS_TEST_EXPECT_MSG_EQ(b.tlfTime,
                              Seconds(1) + MilliSeconds(10) + Seconds(3),
                              "one restart time");
        Simulator::Destroy();
    }
};

/// Close with nobody answering: Max-Terminate (2) requests, then Closed.
class FsmMaxTerminateTestCase : public TestCase
{
  public:
    FsmMaxTerminateTestCase()
        : TestCase("unanswered Close: Max-Terminate requests, then Closed")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        Wire(a, b, MilliSeconds(10));
        for (End* e : {&a, &b})
        {
            e->fsm->Up();
            e->fsm->Open();
        }
        Simulator::Schedule(Seconds(1), [&] {
            b.deaf = true;
            a.fsm->Close();
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.str, 2, "Max-Terminate requests");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::CLOSED, "TO-: tlf/2");
        NS_TEST_EXPECT_MSG_EQ(a.tlfTime, Seconds(7), "two restart times after the Close");
        Simulator::Destroy();
    }
};

/// Down in Opened: this-layer-down, Starting; Up again: a new negotiation. Naks: each
/// one is answered with a new request until the peer accepts.
class FsmDownUpAndNakTestCase : public TestCase
{
  public:
    FsmDownUpAndNakTestCase()
        : TestCase("Down and Up; Configure-Naks until accepted")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        b.nakBudget = 3;
        Wire(a, b, MilliSeconds(10));
        for (End* e : {&a, &b})
        {
            e->fsm->Up();
            e->fsm->Open();
        }
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(b.scn, 3, "b naked three requests");
        NS_TEST_EXPECT_MSG_EQ(a.scr, 4, "a asked four times");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::OPENED, "and got there");
        NS_TEST_EXPECT_MSG_EQ(b.fsm->GetState(), PppFsm::OPENED, "both");

        a.fsm->Down();
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::STARTING, "tld/1");
        NS_TEST_EXPECT_MSG_EQ(a.tld, 1, "this-layer-down");
        a.fsm->Up();
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::REQ_SENT, "irc,scr/6");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetRestartCounter(), 9u, "Max-Configure less one sent");
        Simulator::Destroy();
    }
};

/// The restart option and events that cannot happen.
class FsmOptionsTestCase : public TestCase
{
  public:
    FsmOptionsTestCase()
        : TestCase("restart option on Open; impossible events are ignored")
    {
    }

  private:
    void DoRun() override
    {
        End a;
        End b;
        Wire(a, b, MilliSeconds(10));
        a.fsm->ReceiveConfigureAck(); // RCA in Initial: "-"
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::INITIAL, "ignored");
        for (End* e : {&a, &b})
        {
            e->fsm->Up();
            e->fsm->Open();
        }
        Simulator::Run();
        a.fsm->Open(); // 9r without the option: nothing
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::OPENED, "stays Opened");
        a.fsm->SetAttribute("RestartOnOpen", BooleanValue(true));
        a.fsm->Open(); // 9r with it: Down, Up
        NS_TEST_EXPECT_MSG_EQ(a.tld, 1, "tld of the Down");
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::REQ_SENT, "renegotiating");
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a.fsm->GetState(), PppFsm::OPENED, "open again");
        NS_TEST_EXPECT_MSG_EQ(PppFsm::StateName(PppFsm::ACK_RCVD), "Ack-Rcvd", "names");
        NS_TEST_EXPECT_MSG_EQ(PppFsm::EventName(PppFsm::RXJ_MINUS), "RXJ-", "names");
        Simulator::Destroy();
    }
};

/// The automaton suite.
class PppFsmTestSuite : public TestSuite
{
  public:
    PppFsmTestSuite()
        : TestSuite("ppp-fsm", UNIT)
    {
        AddTestCase(new FsmOpenTestCase, TestCase::QUICK);
        AddTestCase(new FsmMaxConfigureTestCase, TestCase::QUICK);
        AddTestCase(new FsmCloseTestCase, TestCase::QUICK);
        AddTestCase(new FsmMaxTerminateTestCase, TestCase::QUICK);
        AddTestCase(new FsmDownUpAndNakTestCase, TestCase::QUICK);
        AddTestCase(new FsmOptionsTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static PppFsmTestSuite g_pppFsmTestSuite;
