/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lcp.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Lcp");

NS_OBJECT_ENSURE_REGISTERED(Lcp);

TypeId
Lcp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Lcp")
            .SetParent<PppControlProtocol>()
            .SetGroupName("Tun")
            .AddConstructor<Lcp>()
            .AddAttribute("Mru",
                          "The MRU we ask for. A ppp(8) peer naks values under 296.",
                          UintegerValue(DEF_MRU),
                          MakeUintegerAccessor(&Lcp::m_wantMru),
                          MakeUintegerChecker<uint16_t>(64, MAX_MRU))
            .AddAttribute("Accm",
                          "The Async-Control-Character-Map we ask for: control octets the "
                          "peer must escape towards us.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&Lcp::m_wantAccm),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("Pfc",
                          "Ask for and accept Protocol-Field-Compression.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Lcp::m_enablePfc),
                          MakeBooleanChecker())
            .AddAttribute("Acfc",
                          "Ask for and accept Address-and-Control-Field-Compression.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Lcp::m_enableAcfc),
                          MakeBooleanChecker())
            .AddAttribute("MagicNumber",
                          "Use a Magic-Number, and so detect looped-back lines.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&Lcp::m_enableMagic),
                          MakeBooleanChecker())
            .AddAttribute("LoopbackLimit",
                          "Configure-Requests in a row carrying our own Magic-Number before "
                          "the line is declared looped back and LCP closes.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Lcp::m_loopLimit),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("EchoPeriod",
                          "Send an Echo-Request this often while opened; zero disables the "
                          "keepalive.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&Lcp::m_echoPeriod),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("EchoFailure",
                          "Unanswered Echo-Requests after which the peer is taken for dead.",
                          UintegerValue(5),
                          MakeUintegerAccessor(&Lcp::m_echoFail),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("LoopbackDetected",
                            "The line is looped back: our Magic-Number came back too often.",
                            MakeTraceSourceAccessor(&Lcp::m_loopTrace),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("EchoFailure",
                            "The peer left EchoFailure Echo-Requests unanswered.",
                            MakeTraceSourceAccessor(&Lcp::m_echoFailTrace),
                            "ns3::TracedValueCallback::Uint32");
    return tid;
}

Lcp::Lcp()
    : m_wantMru(DEF_MRU),
      m_wantAccm(0),
      m_enablePfc(true),
      m_enableAcfc(true),
      m_enableMagic(true),
      m_loopLimit(5),
      m_echoPeriod(Seconds(0)),
      m_echoFail(5),
      m_random(CreateObject<UniformRandomVariable>())
{
}

Lcp::~Lcp() = default;

void
Lcp::DoDispose()
{
    m_echoTimer.Cancel();
    m_protocolRejected = nullptr;
    m_random = nullptr;
    PppControlProtocol::DoDispose();
}

uint16_t
Lcp::GetProtocol() const
{
    return PPP_PROTO_LCP;
}

std::string
Lcp::GetName() const
{
    return "LCP";
}

int64_t
Lcp::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

uint32_t
Lcp::NewMagic()
{
    uint32_t magic = 0;
    while (magic == 0 || magic == m_magic)
    {
        magic = m_random->GetInteger(1, 0xffffffff);
    }
    return magic;
}

void
Lcp::SetProtocolRejectedCallback(ProtocolRejectedCallback cb)
{
    m_protocolRejected = std::move(cb);
}

HdlcTxOptions
Lcp::GetTxOptions() const
{
    return m_opened ? m_peerTx : HdlcTxOptions();
}

uint32_t
Lcp::GetRxAccm() const
{
    return m_opened ? m_rxAccm : 0xffffffff;
}

uint16_t
Lcp::GetPeerMru() const
{
    return m_peerMru;
}

uint16_t
Lcp::GetMru() const
{
    return m_ackedMru;
}

uint32_t
Lcp::GetMagic() const
{
    return m_magic;
}

const Lcp::EchoCounters&
Lcp::GetEchoCounters() const
{
    return m_echoCounters;
}

void
Lcp::ResetOptions()
{
    m_mru = m_wantMru;
    m_askMru = true;
    m_accm = m_wantAccm;
    m_askAccm = true;
    m_magic = m_enableMagic ? NewMagic() : 0;
    m_askPfc = m_enablePfc;
    m_askAcfc = m_enableAcfc;
    m_sameMagic = 0;
}

std::vector<PppOption>
Lcp::MakeRequest()
{
    std::vector<PppOption> options;
    if (m_askMru)
    {
        options.push_back({OPT_MRU, PppPutU16(m_mru)});
    }
    if (m_askAccm)
    {
        options.push_back({OPT_ACCM, PppPutU32(m_accm)});
    }
    if (m_magic != 0)
    {
        options.push_back({OPT_MAGIC, PppPutU32(m_magic)});
    }
    if (m_askPfc)
    {
        options.push_back({OPT_PFC, {}});
    }
    if (m_askAcfc)
    {
        options.push_back({OPT_ACFC, {}});
    }
    return options;
}

PppControlProtocol::Verdict
Lcp::CheckOption(const PppOption& option, PppOption& nak)
{
    nak.type = option.type;
    switch (option.type)
    {
    case OPT_MRU: {
        if (option.data.size() != 2)
        {
            return REJECT;
        }
        uint16_t mru = PppGetU16(option.data.data());
        if (mru < MIN_MRU || mru > MAX_MRU)
        {
            nak.data = PppPutU16(mru < MIN_MRU ? MIN_MRU : MAX_MRU);
            return NAK;
        }
        return ACK;
    }
    case OPT_ACCM:
        return option.data.size() == 4 ? ACK : REJECT;
    case OPT_MAGIC: {
        if (option.data.size() != 4)
        {
            return REJECT;
        }
        uint32_t magic = PppGetU32(option.data.data());
        if (magic != 0 && magic != m_magic)
        {
            m_sameMagic = 0;
            return ACK;
        }
        if (magic != 0 && ++m_sameMagic >= m_loopLimit)
        {
            NS_LOG_WARN("LCP: magic " << magic << " came back " << m_sameMagic
                                      << " times: the line is looped back");
            m_loopTrace(m_sameMagic);
            // After the answer to this request has gone: the automaton is mid-event.
            Simulator::ScheduleNow(&Lcp::Close, Ptr<Lcp>(this));
        }
        nak.data = PppPutU32(NewMagic());
        return NAK;
    }
    case OPT_PFC:
        return option.data.empty() && m_enablePfc ? ACK : REJECT;
    case OPT_ACFC:
        return option.data.empty() && m_enableAcfc ? ACK : REJECT;
    default:
        return REJECT; // authentication, quality protocol, anything we do not run
    }
}

void
Lcp::RequestAcked(const std::vector<PppOption>&)
{
    m_ackedMru = m_askMru ? m_mru : DEF_MRU;
    m_rxAccm = m_askAccm ? m_accm : 0xffffffff;
}

void
Lcp::PeerRequestAcked(const std::vector<PppOption>& options)
{
    m_peerMru = DEF_MRU;
    m_peerTx = HdlcTxOptions();
    for (const PppOption& o : options)
    {
        switch (o.type)
        {
        case OPT_MRU:
            m_peerMru = PppGetU16(o.data.data());
            break;
        case OPT_ACCM:
            m_peerTx.accm = PppGetU32(o.data.data());
            break;
        case OPT_PFC:
            m_peerTx.pfc = true;
            break;
        case OPT_ACFC:
            m_peerTx.acfc = true;
            break;
        default:
            break;
        }
    }
}

void
Lcp::OptionNaked(const PppOption& option)
{
    switch (option.type)
    {
    case OPT_MRU:
        if (option.data.size() == 2)
        {
            m_mru = std::clamp<uint16_t>(PppGetU16(option.data.data()), MIN_MRU, MAX_MRU);
            m_askMru = true;
        }
        break;
    case OPT_ACCM:
        if (option.data.size() == 4)
        {
            m_accm = PppGetU32(option.data.data());
            m_askAccm = true;
        }
        break;
    case OPT_MAGIC:
        if (m_magic != 0)
        {
            m_magic = NewMagic(); // section 6.4: a different number next time
        }
        break;
    default:
        break; // a hint for an option we did not ask for: we need none of them
    }
}

void
Lcp::OptionRejected(const PppOption& option)
{
    switch (option.type)
    {
    case OPT_MRU:
        m_askMru = false;
        break;
    case OPT_ACCM:
        m_askAccm = false;
        break;
    case OPT_MAGIC:
        m_magic = 0;
        break;
    case OPT_PFC:
        m_askPfc = false;
        break;
    case OPT_ACFC:
        m_askAcfc = false;
        break;
    default:
        break;
    }
}

void
Lcp::LayerUp()
{
    m_opened = true;
    m_sameMagic = 0;
    m_echoOutstanding = 0;
    if (m_echoPeriod.IsStrictlyPositive())
    {
        m_echoTimer = Simulator::Schedule(m_echoPeriod, &Lcp::EchoTick, this);
    }
}

void
Lcp::LayerDown()
{
    m_opened = false;
    m_echoTimer.Cancel();
}

void
Lcp::EchoTick()
{
    if (m_echoOutstanding >= m_echoFail)
    {
        NS_LOG_WARN("LCP: " << m_echoOutstanding << " Echo-Requests unanswered: peer dead");
        m_echoFailTrace(m_echoOutstanding);
        Close();
        return;
    }
    ++m_echoOutstanding;
    ++m_echoCounters.echoRequestsSent;
    SendPacket(PPP_ECHO_REQUEST, NextId(), PppPutU32(m_magic));
    m_echoTimer = Simulator::Schedule(m_echoPeriod, &Lcp::EchoTick, this);
}

bool
Lcp::ReceiveExtraCode(const PppControlPacket& packet)
{
    switch (packet.code)
    {
    case PPP_PROTOCOL_REJECT: {
        if (!IsOpened() || packet.data.size() < 2)
        {
            return true; // section 5.7: only meaningful while opened
        }
        ++m_echoCounters.protocolRejectsRcvd;
        uint16_t protocol = PppGetU16(packet.data.data());
        if (protocol != PPP_PROTO_LCP && m_protocolRejected)
        {
            m_protocolRejected(protocol);
        }
        GetFsm()->ReceiveCodeReject(protocol == PPP_PROTO_LCP);
        return true;
    }
    case PPP_ECHO_REQUEST:
    case PPP_ECHO_REPLY:
    case PPP_DISCARD_REQUEST:
        if (packet.data.size() < 4)
        {
            return true; // no room for a Magic-Number: discarded
        }
        if (packet.code == PPP_ECHO_REPLY && IsOpened())
        {
            m_echoOutstanding = 0;
            ++m_echoCounters.echoRepliesReceived;
        }
        if (packet.code == PPP_DISCARD_REQUEST)
        {
            ++m_echoCounters.discardsReceived;
        }
        GetFsm()->ReceiveEchoOrDiscard(); // ser, in Opened only
        return true;
    default:
        return false;
    }
}

void
Lcp::SendEchoReply(const PppControlPacket& request)
{
    if (request.code != PPP_ECHO_REQUEST)
    {
        return; // RXR from an Echo-Reply or a Discard-Request: nothing to answer
    }
    std::vector<uint8_t> data = PppPutU32(m_magic);
    data.insert(data.end(), request.data.begin() + 4, request.data.end());
    ++m_echoCounters.echoRequestsAnswered;
    SendPacket(PPP_ECHO_REPLY, request.id, data);
}

void
Lcp::SendProtocolReject(uint16_t protocol, const uint8_t* info, std::size_t len)
{
    if (!IsOpened())
    {
        return;
    }
    std::vector<uint8_t> data = PppPutU16(protocol);
    std::size_t room = m_peerMru > 6 ? m_peerMru - 6 : 0; // header and protocol
    data.insert(data.end(), info, info + std::min(len, room));
    ++m_echoCounters.protocolRejectsSent;
    SendPacket(PPP_PROTOCOL_REJECT, NextId(), data);
}

} // namespace ns3
