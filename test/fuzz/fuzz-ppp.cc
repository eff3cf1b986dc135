/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer harness: LCP, IPCP and IPV6CP of one end of a link, wired as the PPP daemon
// wires them (LCP's this-layer-up raises the NCPs, its Protocol-Reject closes them), fed
// a sequence of events taken from the input: packets of any bytes to any of the three,
// our own last Configure-Request returned as Ack, Nak or Reject (so the automata reach
// Opened and leave it), Up/Down/Open/Close, and time passing (restart and echo timers).
// Checked on the way: every packet the protocols send parses, with Length equal to its
// size; options that parse serialise back to the same bytes.

#include "ns3/boolean.h"
#include "ns3/ipcp.h"
#include "ns3/ipv6cp.h"
#include "ns3/lcp.h"
#include "ns3/ppp-packet.h"
#include "ns3/simulator.h"

#include <array>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

using namespace ns3;

namespace
{

/// Stop the run with a message libFuzzer shows as a crash.
void
Fail(const char* what)
{
    __builtin_printf("fuzz-ppp: %s\n", what);
    std::abort();
}

/// Options that parse must serialise back to the bytes they came from.
void
CheckOptions(const std::vector<uint8_t>& data)
{
    std::vector<PppOption> options;
    if (PppParseOptions(data, options) && PppSerializeOptions(options) != data)
    {
        Fail("options do not serialise back to their bytes");
    }
}

/// Bytes of a control packet with \p code, \p id and \p data.
std::vector<uint8_t>
Packet(uint8_t code, uint8_t id, const std::vector<uint8_t>& data)
{
    PppControlPacket p;
    p.code = code;
    p.id = id;
    p.data = data;
    return p.Serialize();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    Ptr<Lcp> lcp = CreateObject<Lcp>();
    Ptr<Ipcp> ipcp = CreateObject<Ipcp>();
    Ptr<Ipv6cp> ipv6cp = CreateObject<Ipv6cp>();
    lcp->AssignStreams(1);
    ipv6cp->AssignStreams(2);
    lcp->SetAttribute("MagicNumber", BooleanValue(in.ConsumeBool()));
    lcp->SetAttribute("Pfc", BooleanValue(in.ConsumeBool()));
    lcp->SetAttribute("Acfc", BooleanValue(in.ConsumeBool()));
    lcp->SetAttribute("EchoPeriod", TimeValue(in.ConsumeBool() ? Seconds(1) : Time(0)));
    if (in.ConsumeBool())
    {
        ipcp->SetAttribute("LocalAddress", Ipv4AddressValue(Ipv4Address("10.0.0.1")));
        ipcp->SetAttribute("PeerAddress", Ipv4AddressValue(Ipv4Address("10.0.0.2")));
    }

    std::array<Ptr<PppControlProtocol>, 3> protocols = {lcp, ipcp, ipv6cp};
    std::array<std::vector<uint8_t>, 3> lastRequest; // our last Configure-Request's bytes
    for (std::size_t i = 0; i < protocols.size(); ++i)
    {
        protocols[i]->SetSend([&lastRequest, i](uint16_t, const std::vector<uint8_t>& info) {
            PppControlPacket p;
            if (!PppControlPacket::Parse(info.data(), info.size(), p) ||
                p.data.size() + 4 != info.size())
            {
                Fail("a protocol sent a packet that does not parse");
            }
            if (p.code == PPP_CONFIGURE_REQUEST)
            {
                CheckOptions(p.data);
                lastRequest[i] = info;
            }
        });
    }
    lcp->SetLayerCallbacks(
        [&] {
            ipcp->Up();
            ipcp->Open();
            ipv6cp->Up();
            ipv6cp->Open();
        },
        [&] {
            ipcp->Down();
            ipv6cp->Down();
        },
        nullptr,
        nullptr);
    lcp->SetProtocolRejectedCallback([&](uint16_t protocol) {
        if (protocol == PPP_PROTO_IPCP || protocol == PPP_PROTO_IP)
        {
            ipcp->GetFsm()->ReceiveCodeReject(true);
        }
        else if (protocol == PPP_PROTO_IPV6CP || protocol == PPP_PROTO_IPV6)
        {
            ipv6cp->GetFsm()->ReceiveCodeReject(true);
        }
    });
    lcp->Up();
    lcp->Open();

    while (in.remaining_bytes() > 0)
    {
        std::size_t which = in.ConsumeIntegralInRange<std::size_t>(0, 2);
        Ptr<PppControlProtocol> cp = protocols[which];
        switch (in.ConsumeIntegralInRange(0, 5))
        {
        case 0: { // any bytes
            std::vector<uint8_t> bytes =
                in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 80));
            cp->Receive(bytes.data(), bytes.size());
            if (bytes.size() > 4)
            {
                CheckOptions(std::vector<uint8_t>(bytes.begin() + 4, bytes.end()));
            }
            break;
        }
        case 1: { // a well-formed packet of any code and options
            uint8_t code = in.ConsumeIntegralInRange<uint8_t>(1, 12);
            uint8_t id = in.ConsumeIntegral<uint8_t>();
            std::vector<uint8_t> body =
                in.ConsumeBytes<uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 40));
            std::vector<uint8_t> bytes = Packet(code, id, body);
            cp->Receive(bytes.data(), bytes.size());
            break;
        }
        case 2: { // our last request answered: Ack, Nak or Reject, maybe with changes
            std::vector<uint8_t> bytes = lastRequest[which];
            if (bytes.size() < 4)
            {
                break;
            }
            bytes[0] = in.ConsumeIntegralInRange<uint8_t>(PPP_CONFIGURE_ACK, PPP_CONFIGURE_REJECT);
            if (in.ConsumeBool() && bytes.size() > 4)
            {
                std::size_t at = in.ConsumeIntegralInRange<std::size_t>(4, bytes.size() - 1);
                bytes[at] = in.ConsumeIntegral<uint8_t>();
            }
            cp->Receive(bytes.data(), bytes.size());
            break;
        }
        case 3: // the lower layer and the administrator
            switch (in.ConsumeIntegralInRange(0, 3))
            {
            case 0:
                cp->Up();
                break;
            case 1:
                cp->Down();
                break;
            case 2:
                cp->Open();
                break;
            default:
                cp->Close();
                break;
            }
            break;
        case 4: { // the peer rejects a protocol
            uint16_t protocol = in.ConsumeBool() ? PPP_PROTO_IPCP : PPP_PROTO_IPV6CP;
            std::vector<uint8_t> body = PppPutU16(protocol);
            std::vector<uint8_t> bytes =
                Packet(PPP_PROTOCOL_REJECT, in.ConsumeIntegral<uint8_t>(), body);
            lcp->Receive(bytes.data(), bytes.size());
            break;
        }
        default: // time passes: restart timers, echo requests
            Simulator::Stop(MilliSeconds(in.ConsumeIntegralInRange(0, 10000)));
            Simulator::Run();
            break;
        }
    }
    for (auto& cp : protocols)
    {
        cp->Dispose();
    }
    Simulator::Destroy();
    return 0;
}
