/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipcp.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipcp");

NS_OBJECT_ENSURE_REGISTERED(Ipcp);

namespace
{

PppOption
AddressOption(Ipv4Address a)
{
    return {Ipcp::OPT_IP_ADDRESS, PppPutU32(a.Get())};
}

} // namespace

TypeId
Ipcp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::Ipcp")
            .SetParent<PppControlProtocol>()
            .SetGroupName("Tun")
            .AddConstructor<Ipcp>()
            .AddAttribute("LocalAddress",
                          "The address we ask for; 0.0.0.0 asks the peer to assign one.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&Ipcp::m_wantLocal),
                          MakeIpv4AddressChecker())
            .AddAttribute("PeerAddress",
                          "The address the peer must use, given to it when it asks; "
                          "0.0.0.0 takes whatever it claims.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&Ipcp::m_wantPeer),
                          MakeIpv4AddressChecker());
    return tid;
}

Ipcp::Ipcp() = default;

Ipcp::~Ipcp() = default;

uint16_t
Ipcp::GetProtocol() const
{
    return PPP_PROTO_IPCP;
}

std::string
Ipcp::GetName() const
{
    return "IPCP";
}

Ipv4Address
Ipcp::GetLocalAddress() const
{
    return IsOpened() ? m_local : Ipv4Address::GetAny();
}

Ipv4Address
Ipcp::GetPeerAddress() const
{
    return IsOpened() ? m_peer : Ipv4Address::GetAny();
}

void
Ipcp::ResetOptions()
{
    m_local = m_wantLocal;
    m_askAddress = true;
    m_peer = m_wantPeer;
}

std::vector<PppOption>
Ipcp::MakeRequest()
{
    if (!m_askAddress)
    {
        return {};
    }
    return {AddressOption(m_local)};
}

PppControlProtocol::Verdict
Ipcp::CheckOption(const PppOption& option, PppOption& nak)
{
    if (option.type != OPT_IP_ADDRESS || option.data.size() != 4)
    {
        return REJECT;
    }
    Ipv4Address claimed(PppGetU32(option.data.data()));
    if (m_wantPeer == Ipv4Address::GetAny())
    {
        return claimed == Ipv4Address::GetAny() ? REJECT : ACK; // nothing to assign
    }
    if (claimed != m_wantPeer)
    {
        nak = AddressOption(m_wantPeer);
        return NAK;
    }
    return ACK;
}

void
Ipcp::OptionNaked(const PppOption& option)
{
    if (option.type == OPT_IP_ADDRESS && option.data.size() == 4)
    {
        m_local = Ipv4Address(PppGetU32(option.data.data()));
    }
}

void
Ipcp::OptionRejected(const PppOption& option)
{
    if (option.type == OPT_IP_ADDRESS)
    {
        m_askAddress = false;
    }
}

void
Ipcp::PeerRequestAcked(const std::vector<PppOption>& options)
{
    m_peer = m_wantPeer;
    for (const PppOption& o : options)
    {
        if (o.type == OPT_IP_ADDRESS)
        {
            m_peer = Ipv4Address(PppGetU32(o.data.data()));
        }
    }
}

} // namespace ns3
