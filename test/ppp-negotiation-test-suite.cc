/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LCP, IPCP and IPV6CP option negotiation between two protocol instances joined by a
// wire with a delay, and against packets written by hand: Nak convergence, Reject of
// unknown options, Max-Failure, Max-Configure, the Magic-Number loop check, Code-Reject
// and Protocol-Reject, and the echo keepalive.

#include "ns3/core-module.h"
#include "ns3/tun-module.h"

using namespace ns3;

namespace
{

/// One end of a wire: a protocol and what it sent.
struct End
{
    Ptr<PppControlProtocol> cp;
    std::vector<PppControlPacket> sent;
    int ups{0};
    int finishes{0};
};

/**
 * Two protocol instances (or one, looped back) joined by a wire of \p delay. A packet
 * is delivered unless the sender's end is muted.
 */
struct Wire
{
    End ends[2];
    bool mute[2]{false, false};
    bool looped{false};
    Time delay{MilliSeconds(5)};

    Wire(Ptr<PppControlProtocol> a, Ptr<PppControlProtocol> b)
    {
        ends[0].cp = a;
        ends[1].cp = b;
        looped = !b;
        for (int i = 0; i < (looped ? 1 : 2); ++i)
        {
            Ptr<PppControlProtocol> cp = ends[i].cp;
            cp->SetSend([this, i](uint16_t, const std::vector<uint8_t>& info) {
                PppControlPacket p;
                PppControlPacket::Parse(info.data(), info.size(), p);
                ends[i].sent.push_back(p);
                if (mute[i])
                {
                    return;
                }
                Ptr<PppControlProtocol> to = looped ? ends[0].cp : ends[1 - i].cp;
                Simulator::Schedule(delay, [to, info] { to->Receive(info.data(), info.size()); });
            });
            cp->SetLayerCallbacks([this, i] { ++ends[i].ups; },
                                  nullptr,
                                  nullptr,
                                  [this, i] { ++ends[i].finishes; });
        }
    }

    /// Open and raise both ends (a first).
    void Start()
    {
        for (int i = 0; i < (looped ? 1 : 2); ++i)
        {
            ends[i].cp->Open();
            ends[i].cp->Up();
        }
    }

    /// \return the packets \p i sent with \p code
    std::vector<PppControlPacket> Sent(int i, uint8_t code) const
    {
        std::vector<PppControlPacket> out;
        for (const PppControlPacket& p : ends[i].sent)
        {
            if (p.code == code)
            {
                out.push_back(p);
            }
        }
        return out;
    }
};

/// \return the options of \p p
std::vector<PppOption>
OptionsOf(const PppControlPacket& p)
{
    std::vector<PppOption> options;
    PppParseOptions(p.data, options);
    return options;
}

/// \return a packet's bytes
std::vector<uint8_t>
Bytes(uint8_t code, uint8_t id, const std::vector<PppOption>& options)
{
    PppControlPacket p;
    p.code = code;
    p.id = id;
    p.data = PppSerializeOptions(options);
    return p.Serialize();
}

/// Hand \p bytes to \p cp as if they arrived.
void
Inject(Ptr<PppControlProtocol> cp, const std::vector<uint8_t>& bytes)
{
    cp->Receive(bytes.data(), bytes.size());
}

Ptr<Lcp>
MakeLcp(int64_t stream)
{
    Ptr<Lcp> lcp = CreateObject<Lcp>();
    lcp->AssignStreams(stream);
    return lcp;
}

} // namespace

/**
 * Both ends default: each sends MRU 1500, ACCM 0, a Magic-Number, PFC and ACFC; both
 * reach Opened with one Configure-Request each, and each frames for the other with ACCM
 * 0, PFC and ACFC.
 */
class LcpDefaultsTestCase : public TestCase
{
  public:
    LcpDefaultsTestCase()
        : TestCase("LCP, both ends default: one request each, all options acked")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(a, b);
        wire.Start();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a->IsOpened(), true, "a opened");
        NS_TEST_EXPECT_MSG_EQ(b->IsOpened(), true, "b opened");
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(0, PPP_CONFIGURE_REQUEST).size(), 1, "one request");
        std::vector<PppOption> req = OptionsOf(wire.Sent(0, PPP_CONFIGURE_REQUEST)[0]);
        NS_TEST_ASSERT_MSG_EQ(req.size(), 5, "MRU, ACCM, magic, PFC, ACFC");
        NS_TEST_EXPECT_MSG_EQ(unsigned(req[0].type), 1u, "MRU first");
        NS_TEST_EXPECT_MSG_EQ(PppGetU16(req[0].data.data()), 1500, "MRU 1500");
        NS_TEST_EXPECT_MSG_EQ(PppGetU32(req[1].data.data()), 0u, "ACCM 0");
        NS_TEST_EXPECT_MSG_EQ(PppGetU32(req[2].data.data()), a->GetMagic(), "magic");
        NS_TEST_EXPECT_MSG_NE(a->GetMagic(), b->GetMagic(), "different magic numbers");
        for (Ptr<Lcp> l : {a, b})
        {
            NS_TEST_EXPECT_MSG_EQ(l->GetTxOptions().accm, 0u, "ACCM 0");
            NS_TEST_EXPECT_MSG_EQ(l->GetTxOptions().pfc, true, "PFC");
            NS_TEST_EXPECT_MSG_EQ(l->GetTxOptions().acfc, true, "ACFC");
            NS_TEST_EXPECT_MSG_EQ(l->GetRxAccm(), 0u, "rx ACCM");
            NS_TEST_EXPECT_MSG_EQ(l->GetPeerMru(), 1500, "peer MRU");
        }
        Simulator::Destroy();
    }
};

/**
 * a asks for an MRU of 100; b naks it with MIN_MRU (296); a asks again with 296 and b
 * acks: both open, and b sends a at most 296 octets.
 */
class LcpMruNakTestCase : public TestCase
{
  public:
    LcpMruNakTestCase()
        : TestCase("LCP MRU: a too-small MRU is naked to 296 and the link converges")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        a->SetAttribute("Mru", UintegerValue(100));
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(a, b);
        wire.Start();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        std::vector<PppControlPacket> naks = wire.Sent(1, PPP_CONFIGURE_NAK);
        NS_TEST_ASSERT_MSG_EQ(naks.size(), 1, "b naked once");
        std::vector<PppOption> nak = OptionsOf(naks[0]);
        NS_TEST_ASSERT_MSG_EQ(nak.size(), 1, "only the MRU");
        NS_TEST_EXPECT_MSG_EQ(PppGetU16(nak[0].data.data()), Lcp::MIN_MRU, "suggests 296");
        std::vector<PppControlPacket> reqs = wire.Sent(0, PPP_CONFIGURE_REQUEST);
        NS_TEST_ASSERT_MSG_EQ(reqs.size(), 2, "a asked twice");
        NS_TEST_EXPECT_MSG_EQ(PppGetU16(OptionsOf(reqs[1])[0].data.data()), 296, "then 296");
        NS_TEST_EXPECT_MSG_NE(unsigned(reqs[0].id), unsigned(reqs[1].id), "new identifier");
        NS_TEST_EXPECT_MSG_EQ(a->IsOpened() && b->IsOpened(), true, "converged");
        NS_TEST_EXPECT_MSG_EQ(a->GetMru(), 296, "a's MRU");
        NS_TEST_EXPECT_MSG_EQ(b->GetPeerMru(), 296, "b's limit towards a");
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().naksSent, 1u, "counted");
        Simulator::Destroy();
    }
};

/**
 * A Configure-Request with an Authentication-Protocol option and an unknown option 99
 * is answered with a Configure-Reject carrying exactly those two, with the request's
 * Identifier; acceptable options are not in it.
 */
class LcpRejectUnknownTestCase : public TestCase
{
  public:
    LcpRejectUnknownTestCase()
        : TestCase("LCP Configure-Reject names exactly the unknown and unwanted options")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(MakeLcp(1), b); // a is never started: b's answers are inspected
        b->Open();
        b->Up();
        PppOption mru{Lcp::OPT_MRU, PppPutU16(1500)};
        PppOption pap{Lcp::OPT_AUTH, PppPutU16(0xc023)};
        PppOption unknown{99, {1, 2}};
        Inject(b, Bytes(PPP_CONFIGURE_REQUEST, 77, {mru, pap, unknown}));
        std::vector<PppControlPacket> rejects = wire.Sent(1, PPP_CONFIGURE_REJECT);
        NS_TEST_ASSERT_MSG_EQ(rejects.size(), 1, "one reject");
        NS_TEST_EXPECT_MSG_EQ(unsigned(rejects[0].id), 77u, "the request's identifier");
        std::vector<PppOption> rejected = OptionsOf(rejects[0]);
        NS_TEST_ASSERT_MSG_EQ(rejected.size(), 2, "two options");
        NS_TEST_EXPECT_MSG_EQ((rejected[0] == pap), true, "authentication");
        NS_TEST_EXPECT_MSG_EQ((rejected[1] == unknown), true, "option 99");
        NS_TEST_EXPECT_MSG_EQ(b->GetFsm()->GetState(), PppFsm::REQ_SENT, "RCR-: scn/6");
        // A malformed option list is discarded, counted, and changes nothing.
        std::vector<uint8_t> bad = Bytes(PPP_CONFIGURE_REQUEST, 78, {});
        bad.insert(bad.end(), {1, 9, 0});
        bad[3] = static_cast<uint8_t>(bad.size());
        Inject(b, bad);
        NS_TEST_EXPECT_MSG_EQ(b->GetCounters().malformed, 1u, "malformed counted");
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(1, PPP_CONFIGURE_REJECT).size(), 1, "no answer");
        Simulator::Destroy();
    }
};

/**
 * Max-Failure: a peer that keeps asking for an MRU of 100 whatever it is told gets five
 * Configure-Naks (MaxFailure), then Configure-Rejects.
 */
class LcpMaxFailureTestCase : public TestCase
{
  public:
    LcpMaxFailureTestCase()
        : TestCase("LCP Max-Failure: after five naks the option is rejected")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(MakeLcp(1), b);
        b->Open();
        b->Up();
        for (uint8_t id = 1; id <= 7; ++id)
        {
            Inject(b, Bytes(PPP_CONFIGURE_REQUEST, id, {{Lcp::OPT_MRU, PppPutU16(100)}}));
        }
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(1, PPP_CONFIGURE_NAK).size(), 5, "five naks");
        std::vector<PppControlPacket> rejects = wire.Sent(1, PPP_CONFIGURE_REJECT);
        NS_TEST_ASSERT_MSG_EQ(rejects.size(), 2, "then rejects");
        NS_TEST_EXPECT_MSG_EQ(unsigned(rejects[0].id), 6u, "from the sixth request");
        NS_TEST_EXPECT_MSG_EQ(unsigned(OptionsOf(rejects[0])[0].type), 1u, "of the MRU");
        Simulator::Destroy();
    }
};

/**
 * A looped-back line: LCP hears its own Configure-Requests. Each carries its own
 * Magic-Number, so it naks them, takes the nak it hears as its own and picks a new
 * number; after LoopbackLimit requests in a row the LoopbackDetected trace fires and LCP
 * closes.
 */
class LcpLoopbackTestCase : public TestCase
{
  public:
    LcpLoopbackTestCase()
        : TestCase("LCP magic number: a looped-back line is detected and closed")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        a->SetAttribute("LoopbackLimit", UintegerValue(3));
        Wire wire(a, nullptr);
        uint32_t detected = 0;
        a->TraceConnectWithoutContext(
            "LoopbackDetected",
            Callback<void, uint32_t>([&detected](uint32_t n) { detected = n; }));
        std::vector<uint32_t> magics;
        wire.Start();
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(detected, 3u, "detected on the third request");
        for (const PppControlPacket& p : wire.Sent(0, PPP_CONFIGURE_REQUEST))
        {
            magics.push_back(PppGetU32(OptionsOf(p)[2].data.data()));
        }
        NS_TEST_ASSERT_MSG_GT(magics.size(), 2, "several requests");
        NS_TEST_EXPECT_MSG_NE(magics[0], magics[1], "a new magic after each nak");
        NS_TEST_EXPECT_MSG_NE(magics[1], magics[2], "a new magic after each nak");
        NS_TEST_EXPECT_MSG_EQ(a->IsOpened(), false, "never opened");
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(0, PPP_TERMINATE_REQUEST).empty(), false, "closed");
        NS_TEST_EXPECT_MSG_EQ(a->GetFsm()->GetState(), PppFsm::CLOSED, "ends Closed");
        Simulator::Destroy();
    }
};

/**
 * A silent peer: MaxConfigure (10) Configure-Requests, one per restart period (3 s),
 * then TO- takes LCP to Stopped with this-layer-finished, 30 s after the first.
 */
class LcpMaxConfigureTestCase : public TestCase
{
  public:
    LcpMaxConfigureTestCase()
        : TestCase("LCP Max-Configure: ten requests three seconds apart, then Stopped")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        Wire wire(a, MakeLcp(2));
        wire.mute[0] = true;
        Time finished;
        a->SetLayerCallbacks(nullptr, nullptr, nullptr, [&finished] {
            finished = Simulator::Now();
        });
        a->Open();
        a->Up();
        Simulator::Stop(Seconds(100));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(0, PPP_CONFIGURE_REQUEST).size(), 10, "MaxConfigure");
        NS_TEST_EXPECT_MSG_EQ(a->GetFsm()->GetState(), PppFsm::STOPPED, "TO-: tlf/3");
        NS_TEST_EXPECT_MSG_EQ(finished, Seconds(30), "ten restart periods");
        Simulator::Destroy();
    }
};

/**
 * LCP's own codes once opened: an Echo-Request is answered with our Magic-Number and
 * the request's data; a Discard-Request is counted only; an unknown code is returned in
 * a Code-Reject; a Protocol-Reject for IPCP reaches the NCP callback and leaves LCP
 * opened (RXJ+), one for LCP itself is catastrophic (RXJ-).
 */
class LcpCodesTestCase : public TestCase
{
  public:
    LcpCodesTestCase()
        : TestCase("LCP codes: echo, discard, code-reject and protocol-reject")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(a, b);
        std::vector<uint16_t> rejected;
        b->SetProtocolRejectedCallback([&rejected](uint16_t p) { rejected.push_back(p); });
        wire.Start();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(b->IsOpened(), true, "opened");
        wire.ends[1].sent.clear();

        PppControlPacket echo;
        echo.code = PPP_ECHO_REQUEST;
        echo.id = 9;
        echo.data = PppPutU32(a->GetMagic());
        echo.data.insert(echo.data.end(), {0xde, 0xad});
        Inject(b, echo.Serialize());
        std::vector<PppControlPacket> replies = wire.Sent(1, PPP_ECHO_REPLY);
        NS_TEST_ASSERT_MSG_EQ(replies.size(), 1, "answered");
        NS_TEST_EXPECT_MSG_EQ(unsigned(replies[0].id), 9u, "same identifier");
        NS_TEST_EXPECT_MSG_EQ(PppGetU32(replies[0].data.data()), b->GetMagic(), "b's magic");
        NS_TEST_EXPECT_MSG_EQ(unsigned(replies[0].data[4]), 0xdeu, "data echoed");

        PppControlPacket discard = echo;
        discard.code = PPP_DISCARD_REQUEST;
        Inject(b, discard.Serialize());
        NS_TEST_EXPECT_MSG_EQ(b->GetEchoCounters().discardsReceived, 1u, "discard counted");
        NS_TEST_EXPECT_MSG_EQ(wire.ends[1].sent.size(), 1u, "and not answered");

        std::vector<uint8_t> odd = Bytes(42, 5, {});
        odd.push_back(0x55);
        odd[3] = static_cast<uint8_t>(odd.size());
        Inject(b, odd);
        std::vector<PppControlPacket> cj = wire.Sent(1, PPP_CODE_REJECT);
        NS_TEST_ASSERT_MSG_EQ(cj.size(), 1, "code-reject");
        NS_TEST_EXPECT_MSG_EQ((cj[0].data == odd), true, "carries the rejected packet");
        NS_TEST_EXPECT_MSG_EQ(b->IsOpened(), true, "scj/9");

        PppControlPacket pr;
        pr.code = PPP_PROTOCOL_REJECT;
        pr.id = 6;
        pr.data = PppPutU16(PPP_PROTO_IPCP);
        Inject(b, pr.Serialize());
        NS_TEST_ASSERT_MSG_EQ(rejected.size(), 1, "NCP told");
        NS_TEST_EXPECT_MSG_EQ(rejected[0], PPP_PROTO_IPCP, "IPCP");
        NS_TEST_EXPECT_MSG_EQ(b->IsOpened(), true, "RXJ+ keeps LCP opened");
        pr.data = PppPutU16(PPP_PROTO_LCP);
        Inject(b, pr.Serialize());
        NS_TEST_EXPECT_MSG_EQ(b->GetFsm()->GetState(), PppFsm::STOPPING, "RXJ-: tld,irc,str/5");
        Simulator::Destroy();
    }
};

/**
 * The echo keepalive: with EchoPeriod 1 s and EchoFailure 3, a peer that stops
 * answering is taken for dead at the fourth tick (three Echo-Requests outstanding): the
 * EchoFailure trace fires and LCP closes.
 */
class LcpEchoFailureTestCase : public TestCase
{
  public:
    LcpEchoFailureTestCase()
        : TestCase("LCP echo keepalive: answered while the peer lives, closes when it dies")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Lcp> a = MakeLcp(1);
        a->SetAttribute("EchoPeriod", TimeValue(Seconds(1)));
        a->SetAttribute("EchoFailure", UintegerValue(3));
        Ptr<Lcp> b = MakeLcp(2);
        Wire wire(a, b);
        Time dead;
        a->TraceConnectWithoutContext("EchoFailure", Callback<void, uint32_t>([&dead](uint32_t) {
                                          dead = Simulator::Now();
                                      }));
        wire.Start();
        Simulator::Schedule(Seconds(5.5), [&wire] { wire.mute[1] = true; });
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a->GetEchoCounters().echoRepliesReceived, 5u, "5 answered");
        NS_TEST_EXPECT_MSG_EQ(b->GetEchoCounters().echoRequestsAnswered, 8u, "8 answered");
        NS_TEST_EXPECT_MSG_EQ(a->GetEchoCounters().echoRequestsSent, 8u, "5 + 3 unanswered");
        // Opened at 10 ms; ticks every second; ticks 6, 7 and 8 go unanswered.
        NS_TEST_EXPECT_MSG_EQ(dead, Seconds(9) + MilliSeconds(10), "dead at the ninth tick");
        NS_TEST_EXPECT_MSG_EQ(a->IsOpened(), false, "closed");
        Simulator::Destroy();
    }
};

/**
 * IPCP: a asks for 0.0.0.0 and b, with PeerAddress 10.1.1.7, naks it with that address;
 * a claims it in its next request. A peer claiming an address other than a configured
 * PeerAddress is naked too; IP-Compression-Protocol is rejected.
 */
class IpcpAssignTestCase : public TestCase
{
  public:
    IpcpAssignTestCase()
        : TestCase("IPCP: an address assigned by the peer; a wrong claim is naked")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipcp> a = CreateObject<Ipcp>();
        Ptr<Ipcp> b = CreateObject<Ipcp>();
        b->SetAttribute("LocalAddress", Ipv4AddressValue("10.1.1.1"));
        b->SetAttribute("PeerAddress", Ipv4AddressValue("10.1.1.7"));
        Wire wire(a, b);
        wire.Start();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a->IsOpened() && b->IsOpened(), true, "opened");
        NS_TEST_EXPECT_MSG_EQ(a->GetLocalAddress(), Ipv4Address("10.1.1.7"), "assigned");
        NS_TEST_EXPECT_MSG_EQ(a->GetPeerAddress(), Ipv4Address("10.1.1.1"), "peer");
        NS_TEST_EXPECT_MSG_EQ(b->GetPeerAddress(), Ipv4Address("10.1.1.7"), "b agrees");
        NS_TEST_EXPECT_MSG_EQ(wire.Sent(1, PPP_CONFIGURE_NAK).size(), 1, "one nak");

        Ptr<Ipcp> c = CreateObject<Ipcp>();
        c->SetAttribute("PeerAddress", Ipv4AddressValue("10.1.1.7"));
        Wire w2(CreateObject<Ipcp>(), c);
        c->Open();
        c->Up();
        Inject(c, Bytes(PPP_CONFIGURE_REQUEST, 3, {{Ipcp::OPT_IP_ADDRESS, PppPutU32(0x0a010109)}}));
        std::vector<PppControlPacket> naks = w2.Sent(1, PPP_CONFIGURE_NAK);
        NS_TEST_ASSERT_MSG_EQ(naks.size(), 1, "wrong claim naked");
        NS_TEST_EXPECT_MSG_EQ(PppGetU32(OptionsOf(naks[0])[0].data.data()),
                              0x0a010107u,
                              "with ours");
        Inject(c, Bytes(PPP_CONFIGURE_REQUEST, 4, {{2, PppPutU16(0x002d)}}));
        NS_TEST_EXPECT_MSG_EQ(w2.Sent(1, PPP_CONFIGURE_REJECT).size(), 1, "VJ rejected");
        Simulator::Destroy();
    }
};

/**
 * IPV6CP: two random interface identifiers are acked; an identifier equal to ours is
 * naked with another one; each end then has fe80::<its identifier>.
 */
class Ipv6cpTestCase : public TestCase
{
  public:
    Ipv6cpTestCase()
        : TestCase("IPV6CP: interface identifiers, and a clash naked")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipv6cp> a = CreateObject<Ipv6cp>();
        a->AssignStreams(1);
        Ptr<Ipv6cp> b = CreateObject<Ipv6cp>();
        b->AssignStreams(2);
        Wire wire(a, b);
        wire.Start();
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(a->IsOpened() && b->IsOpened(), true, "opened");
        NS_TEST_EXPECT_MSG_EQ(a->GetLocalLinkLocal(), b->GetPeerLinkLocal(), "agree");
        NS_TEST_EXPECT_MSG_EQ(a->GetLocalLinkLocal().IsLinkLocal(), true, "fe80::/64");
        NS_TEST_EXPECT_MSG_NE(a->GetLocalLinkLocal(), b->GetLocalLinkLocal(), "distinct");
        uint8_t mine[16];
        b->GetLocalLinkLocal().GetBytes(mine);
        std::vector<uint8_t> id(mine + 8, mine + 16);
        Inject(b, Bytes(PPP_CONFIGURE_REQUEST, 40, {{Ipv6cp::OPT_INTERFACE_ID, id}}));
        std::vector<PppControlPacket> naks = wire.Sent(1, PPP_CONFIGURE_NAK);
        NS_TEST_ASSERT_MSG_EQ(naks.size(), 1, "clash naked");
        NS_TEST_EXPECT_MSG_EQ((OptionsOf(naks[0])[0].data != id), true, "with another id");
        Simulator::Destroy();
    }
};

/// The suite.
class PppNegotiationTestSuite : public TestSuite
{
  public:
    PppNegotiationTestSuite()
        : TestSuite("ppp-negotiation", UNIT)
    {
        AddTestCase(new LcpDefaultsTestCase, TestCase::QUICK);
        AddTestCase(new LcpMruNakTestCase, TestCase::QUICK);
        AddTestCase(new LcpRejectUnknownTestCase, TestCase::QUICK);
        AddTestCase(new LcpMaxFailureTestCase, TestCase::QUICK);
        AddTestCase(new LcpLoopbackTestCase, TestCase::QUICK);
        AddTestCase(new LcpMaxConfigureTestCase, TestCase::QUICK);
        AddTestCase(new LcpCodesTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoFailureTestCase, TestCase::QUICK);
        AddTestCase(new IpcpAssignTestCase, TestCase::QUICK);
        AddTestCase(new Ipv6cpTestCase, TestCase::QUICK);
    }
};

static PppNegotiationTestSuite g_pppNegotiationTestSuite; //!< registers the suite
