/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-control-protocol.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppControlProtocol");

NS_OBJECT_ENSURE_REGISTERED(PppControlProtocol);

TypeId
PppControlProtocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PppControlProtocol")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddAttribute("MaxFailure",
                          "Configure-Naks sent without a Configure-Ack before further naks "
                          "become rejects (RFC 1661 section 4.6).",
                          UintegerValue(5),
                          MakeUintegerAccessor(&PppControlProtocol::m_maxFailure),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Packet",
                            "A packet of the protocol sent or received: protocol, tx or rx, "
                            "code, identifier.",
                            MakeTraceSourceAccessor(&PppControlProtocol::m_packetTrace),
                            "ns3::PppControlProtocol::PacketTracedCallback");
    return tid;
}

PppControlProtocol::PppControlProtocol()
    : m_fsm(CreateObject<PppFsm>()),
      m_maxFailure(5)
{
}

PppControlProtocol::~PppControlProtocol() = default;

void
PppControlProtocol::DoDispose()
{
    if (m_fsm)
    {
        m_fsm->Dispose();
        m_fsm = nullptr;
    }
    m_send = nullptr;
    m_up = m_down = m_started = m_finished = nullptr;
    Object::DoDispose();
}

void
PppControlProtocol::SetSend(SendCallback send)
{
    m_send = std::move(send);
    PppFsm::Actions a;
    a.thisLayerUp = [this] {
        LayerUp();
        if (m_up)
        {
            m_up();
        }
    };
    a.thisLayerDown = [this] {
        LayerDown();
        if (m_down)
        {
            m_down();
        }
    };
    a.thisLayerStarted = [this] {
        m_failures = 0;
        ResetOptions();
        if (m_started)
        {
            m_started();
        }
    };
    a.thisLayerFinished = [this] {
        ResetOptions();
        if (m_finished)
        {
            m_finished();
        }
    };
    a.sendConfigureRequest = [this] { SendConfigureRequest(); };
    a.sendConfigureAck = [this] {
        m_failures = 0;
        PeerRequestAcked(m_peerRequest);
        SendPacket(m_reply.code, m_reply.id, m_reply.data);
    };
    a.sendConfigureNak = [this] {
        if (m_reply.code == PPP_CONFIGURE_NAK)
        {
            ++m_failures;
            ++m_counters.naksSent;
        }
        else
        {
            ++m_counters.rejectsSent;
        }
        SendPacket(m_reply.code, m_reply.id, m_reply.data);
    };
    a.sendTerminateRequest = [this] { SendPacket(PPP_TERMINATE_REQUEST, NextId(), {}); };
    a.sendTerminateAck = [this] { SendPacket(PPP_TERMINATE_ACK, m_terminateId, {}); };
    a.sendCodeReject = [this] { SendCodeReject(); };
    a.sendEchoReply = [this] { SendEchoReply(m_currentPacket); };
    m_fsm->Setup(GetName(), std::move(a));
    ResetOptions(); // the first negotiation may start with Up and Open, without a tls
}

void
PppControlProtocol::SetLayerCallbacks(LayerCallback up,
                                      LayerCallback down,
                                      LayerCallback started,
                                      LayerCallback finished)
{
    m_up = std::move(up);
    m_down = std::move(down);
    m_started = std::move(started);
    m_finished = std::move(finished);
}

Ptr<PppFsm>
PppControlProtocol::GetFsm() const
{
    return m_fsm;
}

void
PppControlProtocol::Up()
{
    m_fsm->Up();
}

void
PppControlProtocol::Down()
{
    m_fsm->Down();
}

void
PppControlProtocol::Open()
{
    m_fsm->Open();
}

void
PppControlProtocol::Close()
{
    m_fsm->Close();
}

bool
PppControlProtocol::IsOpened() const
{
    return m_fsm->GetState() == PppFsm::OPENED;
}

const PppControlProtocol::Counters&
PppControlProtocol::GetCounters() const
{
    return m_counters;
}

uint8_t
PppControlProtocol::NextId()
{
    return m_nextId++;
}

void
PppControlProtocol::SendPacket(uint8_t code, uint8_t id, const std::vector<uint8_t>& data)
{
    PppControlPacket p;
    p.code = code;
    p.id = id;
    p.data = data;
    ++m_counters.sent;
    m_packetTrace(GetName(), "tx", code, id);
    NS_LOG_LOGIC(GetName() << " tx code " << unsigned(code) << " id " << unsigned(id));
    m_send(GetProtocol(), p.Serialize());
}

void
PppControlProtocol::SendConfigureRequest()
{
    m_request = MakeRequest();
    m_requestId = NextId();
    SendPacket(PPP_CONFIGURE_REQUEST, m_requestId, PppSerializeOptions(m_request));
}

void
PppControlProtocol::SendCodeReject()
{
    // The rejected packet, whole: it is never longer than what the peer just sent us.
    SendPacket(PPP_CODE_REJECT, NextId(), m_rejectedPacket);
}

void
PppControlProtocol::Receive(const uint8_t* info, std::size_t len)
{
    ++m_counters.received;
    PppControlPacket packet;
    if (!PppControlPacket::Parse(info, len, packet))
    {
        ++m_counters.malformed;
        return;
    }
    m_packetTrace(GetName(), "rx", packet.code, packet.id);
    switch (packet.code)
    {
    case PPP_CONFIGURE_REQUEST:
        ReceiveConfigureRequest(packet);
        return;
    case PPP_CONFIGURE_ACK:
    case PPP_CONFIGURE_NAK:
    case PPP_CONFIGURE_REJECT:
        ReceiveConfigureReply(packet);
        return;
    case PPP_TERMINATE_REQUEST:
        m_terminateId = packet.id;
        m_fsm->ReceiveTerminateRequest();
        return;
    case PPP_TERMINATE_ACK:
        m_fsm->ReceiveTerminateAck();
        return;
    case PPP_CODE_REJECT:
        if (packet.data.empty())
        {
            ++m_counters.malformed;
            return;
        }
        // Rejecting one of the codes the automaton needs (1 to 7) is catastrophic.
        m_fsm->ReceiveCodeReject(packet.data[0] >= PPP_CONFIGURE_REQUEST &&
                                 packet.data[0] <= PPP_CODE_REJECT);
        return;
    default:
        m_currentPacket = packet;
        if (!ReceiveExtraCode(packet))
        {
            std::size_t length = std::min<std::size_t>(len, PppGetU16(info + 2));
            m_rejectedPacket.assign(info, info + length);
            m_fsm->ReceiveUnknownCode();
        }
        return;
    }
}

void
PppControlProtocol::ReceiveConfigureRequest(const PppControlPacket& packet)
{
    std::vector<PppOption> options;
    if (!PppParseOptions(packet.data, options))
    {
        ++m_counters.malformed;
        return;
    }
    std::vector<PppOption> naks;
    std::vector<PppOption> rejects;
    for (const PppOption& option : options)
    {
        PppOption nak;
        switch (CheckOption(option, nak))
        {
        case ACK:
            break;
        case NAK:
            if (m_failures >= m_maxFailure)
            {
                rejects.push_back(option); // not converging: Max-Failure
            }
            else
            {
                naks.push_back(nak);
            }
            break;
        case REJECT:
            rejects.push_back(option);
            break;
        }
    }
    m_reply = PppControlPacket();
    m_reply.id = packet.id;
    m_peerRequest = options;
    if (!rejects.empty())
    {
        m_reply.code = PPP_CONFIGURE_REJECT;
        m_reply.data = PppSerializeOptions(rejects);
    }
    else if (!naks.empty())
    {
        m_reply.code = PPP_CONFIGURE_NAK;
        m_reply.data = PppSerializeOptions(naks);
    }
    else
    {
        m_reply.code = PPP_CONFIGURE_ACK;
        m_reply.data = packet.data;
    }
    m_fsm->ReceiveConfigureRequest(m_reply.code == PPP_CONFIGURE_ACK);
}

void
PppControlProtocol::ReceiveConfigureReply(const PppControlPacket& packet)
{
    std::vector<PppOption> options;
    if (!PppParseOptions(packet.data, options))
    {
        ++m_counters.malformed;
        return;
    }
    if (packet.id != m_requestId)
    {
        ++m_counters.unexpected; // an answer to an older request
        return;
    }
    switch (packet.code)
    {
    case PPP_CONFIGURE_ACK:
        if (options != m_request)
        {
            ++m_counters.unexpected;
            return;
        }
        RequestAcked(options);
        m_fsm->ReceiveConfigureAck();
        return;
    case PPP_CONFIGURE_NAK:
        for (const PppOption& o : options)
        {
            OptionNaked(o);
        }
        m_fsm->ReceiveConfigureNak();
        return;
    default: // Configure-Reject: only options we asked for, unchanged
        for (const PppOption& o : options)
        {
            if (std::find(m_request.begin(), m_request.end(), o) == m_request.end())
            {
                ++m_counters.unexpected;
                return;
            }
        }
        for (const PppOption& o : options)
        {
            OptionRejected(o);
        }
        m_fsm->ReceiveConfigureNak();
        return;
    }
}

void
PppControlProtocol::RequestAcked(const std::vector<PppOption>&)
{
}

void
PppControlProtocol::OptionNaked(const PppOption&)
{
}

void
PppControlProtocol::OptionRejected(const PppOption&)
{
}

void
PppControlProtocol::PeerRequestAcked(const std::vector<PppOption>&)
{
}

void
PppControlProtocol::ResetOptions()
{
}

bool
PppControlProtocol::ReceiveExtraCode(const PppControlPacket&)
{
    return false;
}

void
PppControlProtocol::LayerUp()
{
}

void
PppControlProtocol::LayerDown()
{
}

void
PppControlProtocol::SendEchoReply(const PppControlPacket&)
{
}

} // namespace ns3
