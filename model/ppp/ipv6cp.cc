/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv6cp.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv6cp");

NS_OBJECT_ENSURE_REGISTERED(Ipv6cp);

namespace
{

std::vector<uint8_t>
PutU64(uint64_t v)
{
    std::vector<uint8_t> out = PppPutU32(static_cast<uint32_t>(v >> 32));
    std::vector<uint8_t> low = PppPutU32(static_cast<uint32_t>(v));
    out.insert(out.end(), low.begin(), low.end());
    return out;
}

uint64_t
GetU64(const uint8_t* p)
{
    return (uint64_t(PppGetU32(p)) << 32) | PppGetU32(p + 4);
}

Ipv6Address
LinkLocal(uint64_t id)
{
    uint8_t bytes[16] = {0xfe, 0x80};
    std::vector<uint8_t> low = PutU64(id);
    std::copy(low.begin(), low.end(), bytes + 8);
    return Ipv6Address(bytes);
}

} // namespace

TypeId
Ipv6cp::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv6cp")
                            .SetParent<PppControlProtocol>()
                            .SetGroupName("Tun")
                            .AddConstructor<Ipv6cp>();
    return tid;
}

Ipv6cp::Ipv6cp()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

Ipv6cp::~Ipv6cp() = default;

void
Ipv6cp::DoDispose()
{
    m_random = nullptr;
    PppControlProtocol::DoDispose();
}

uint16_t
Ipv6cp::GetProtocol() const
{
    return PPP_PROTO_IPV6CP;
}

std::string
Ipv6cp::GetName() const
{
    return "IPV6CP";
}

int64_t
Ipv6cp::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

uint64_t
Ipv6cp::NewIdentifier()
{
    uint64_t id = 0;
    while (id == 0 || id == m_local)
    {
        id = (uint64_t(m_random->GetInteger(0, 0xffffffff)) << 32) |
             m_random->GetInteger(0, 0xffffffff);
    }
    return id;
}

Ipv6Address
Ipv6cp::GetLocalLinkLocal() const
{
    return IsOpened() ? LinkLocal(m_local) : Ipv6Address::GetAny();
}

Ipv6Address
Ipv6cp::GetPeerLinkLocal() const
{
    return IsOpened() ? LinkLocal(m_peer) : Ipv6Address::GetAny();
}

void
Ipv6cp::ResetOptions()
{
    m_local = NewIdentifier();
    m_ask = true;
    m_peer = 0;
}

std::vector<PppOption>
Ipv6cp::MakeRequest()
{
    if (!m_ask)
    {
        return {};
    }
    return {PppOption{OPT_INTERFACE_ID, PutU64(m_local)}};
}

PppControlProtocol::Verdict
Ipv6cp::CheckOption(const PppOption& option, PppOption& nak)
{
    if (option.type != OPT_INTERFACE_ID || option.data.size() != 8)
    {
        return REJECT; // IPv6-Compression-Protocol and the rest
    }
    uint64_t id = GetU64(option.data.data());
    if (id == 0 || id == m_local)
    {
        nak = PppOption{OPT_INTERFACE_ID, PutU64(NewIdentifier())};
        return NAK;
    }
    return ACK;
}

void
Ipv6cp::OptionNaked(const PppOption& option)
{
    if (option.type == OPT_INTERFACE_ID && option.data.size() == 8)
    {
        uint64_t id = GetU64(option.data.data());
        m_local = id != 0 ? id : NewIdentifier();
    }
}

void
Ipv6cp::OptionRejected(const PppOption& option)
{
    if (option.type == OPT_INTERFACE_ID)
    {
        m_ask = false;
    }
}

void
Ipv6cp::PeerRequestAcked(const std::vector<PppOption>& options)
{
    for (const PppOption& o : options)
    {
        if (o.type == OPT_INTERFACE_ID)
        {
            m_peer = GetU64(o.data.data());
        }
    }
}

} // namespace ns3
