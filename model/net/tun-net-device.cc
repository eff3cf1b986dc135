/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-net-device.h"

#include "bsd-in-control.h"
#include "tun-address-monitor.h"
#include "tun-channel.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-process.h"
#include "ns3/bsd-signal.h"
#include "ns3/channel.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-header.h"
#include "ns3/ipv6-interface.h"
#include "ns3/ipv6-l3-protocol.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/process-table.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "ns3/userland-packet-cache.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunNetDevice");

NS_OBJECT_ENSURE_REGISTERED(TunNetDevice);

namespace
{

constexpr uint16_t ETHERTYPE_IPV4 = 0x0800; //!< ns-3's protocol number for IPv4
constexpr uint16_t ETHERTYPE_IPV6 = 0x86DD; //!< and for IPv6

/// The packet's bytes behind \p header.
Ptr<Packet>
Prepend(const uint8_t* header, uint32_t length, Ptr<const Packet> packet)
{
    Ptr<Packet> out = Create<Packet>(header, length);
    out->AddAtEnd(packet);
    return out;
}

/// struct sockaddr_in or sockaddr_in6 for the packet's destination (LMODE).
std::vector<uint8_t>
DestinationSockaddr(Ptr<const Packet> packet, uint32_t family)
{
    if (family == BSD_AF_INET6)
    {
        std::vector<uint8_t> sa(28, 0); // sin6_len, sin6_family, port, flowinfo, addr, scope
        sa[0] = 28;
        sa[1] = BSD_AF_INET6;
        Ipv6Header ip;
        if (packet->PeekHeader(ip))
        {
            ip.GetDestination().GetBytes(sa.data() + 8);
        }
        return sa;
    }
    std::vector<uint8_t> sa(16, 0); // sin_len, sin_family, sin_port, sin_addr, sin_zero
    sa[0] = 16;
    sa[1] = static_cast<uint8_t>(family);
    Ipv4Header ip;
    if (family == BSD_AF_INET && packet->PeekHeader(ip))
    {
        ip.GetDestination().Serialize(sa.data() + 4);
    }
    return sa;
}

/// Is the packet's IP destination a multicast group (M_MCAST)?
bool
IsMulticastPacket(Ptr<const Packet> packet, uint32_t family)
{
    if (family == BSD_AF_INET)
    {
        Ipv4Header ip;
        return packet->PeekHeader(ip) && ip.GetDestination().IsMulticast();
    }
    if (family == BSD_AF_INET6)
    {
        Ipv6Header ip;
        return packet->PeekHeader(ip) && ip.GetDestination().IsMulticast();
    }
    return false;
}

} // namespace

TypeId
TunNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TunNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Tun")
            .AddConstructor<TunNetDevice>()
            .AddAttribute("Mtu",
                          "if_mtu, from 72 to 65535; TUNMTU (1500) as tuncreate sets it.",
                          UintegerValue(TUNMTU),
                          MakeUintegerAccessor(&TunNetDevice::SetMtu, &TunNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(BSD_IF_MINMTU, BSD_IF_MAXMTU))
            .AddAttribute("TxQueue",
                          "if_snd: packets tunoutput queued for the process. tuncreate sets "
                          "its limit to ifqmaxlen, 50 packets.",
                          PointerValue(),
                          MakePointerAccessor(&TunNetDevice::m_queue),
                          MakePointerChecker<Queue<Packet>>())
            .AddAttribute("InputQueueLimit",
                          "Packets a protocol input queue (ipintrq, ip6intrq) holds before "
                          "tunwrite's family_enqueue fails with ENOBUFS (IFQ_MAXLEN).",
                          UintegerValue(BSD_IFQ_MAXLEN),
                          MakeUintegerAccessor(&TunNetDevice::m_intrqMaxLen),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Channel",
                          "The TunChannel that shows ns-3 the pair this interface is one end "
                          "of (TunChannel::Join); an interface on no pair has one of its own.",
                          TypeId::ATTR_GET,
                          PointerValue(),
                          MakePointerAccessor(&TunNetDevice::GetChannel),
                          MakePointerChecker<Channel>())
            .AddTraceSource("MacTx",
                            "A packet tunoutput queued for the process (with any header).",
                            MakeTraceSourceAccessor(&TunNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A packet tunoutput dropped.",
                            MakeTraceSourceAccessor(&TunNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A packet the process wrote, on its way to the stack.",
                            MakeTraceSourceAccessor(&TunNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRxDrop",
                            "A packet the process wrote that the stack did not take.",
                            MakeTraceSourceAccessor(&TunNetDevice::m_macRxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Drop",
                            "Any dropped packet, with the reason: a BSD errno name, or for a "
                            "packet ip_input or ip6_input refused the statistics counter "
                            "it counts in (ips_badhlen, icps_tooshort, unsafe_for_ns3...).",
                            MakeTraceSourceAccessor(&TunNetDevice::m_dropTrace),
                            "ns3::TunNetDevice::DropTracedCallback")
            .AddTraceSource("Sniffer",
                            "The bpf tap, both directions: the packet behind a 4-byte "
                            "address family in host order (DLT_NULL).",
                            MakeTraceSourceAccessor(&TunNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PromiscSniffer",
                            "The same as Sniffer: a tun interface sees only its own traffic.",
                            MakeTraceSourceAccessor(&TunNetDevice::m_snifferTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

TunNetDevice::TunNetDevice()
    : m_intrqMaxLen(BSD_IFQ_MAXLEN)
{
    NS_LOG_FUNCTION(this);
}

TunNetDevice::~TunNetDevice() = default;

void
TunNetDevice::Setup(uint32_t unit, Ptr<Node> node)
{
    // tuncreate: the softc starts INITED; the ifnet point to point and multicast.
    m_unit = unit;
    m_node = node;
    m_tunFlags = TUN_INITED;
    m_ifFlags = BSD_IFF_POINTOPOINT | BSD_IFF_MULTICAST;
    m_ifType = BSD_IFT_PPP;
    m_address = Mac48Address::Allocate();
    m_processTable = BsdKernel::Install(node)->GetProcessTable();
    NS_ABORT_MSG_IF(!m_processTable,
                    "TunNetDevice: node " << node->GetId() << " has no ProcessTable");
    if (!m_queue)
    {
        Ptr<DropTailQueue<Packet>> q = CreateObject<DropTailQueue<Packet>>();
        q->SetMaxSize(QueueSize(QueueSizeUnit::PACKETS, BSD_IFQ_MAXLEN));
        m_queue = q;
    }
}

void
TunNetDevice::DoDispose()
{
    m_node = nullptr;
    m_processTable = nullptr;
    m_queue = nullptr;
    m_channel = nullptr;
    m_rsel.Clear();
    m_sigio.Clear();
    m_rxCallback = NetDevice::ReceiveCallback();
    m_promiscRxCallback = NetDevice::PromiscReceiveCallback();
    NetDevice::DoDispose();
}

uint32_t
TunNetDevice::GetUnit() const
{
    return m_unit;
}

std::string
TunNetDevice::GetIfName() const
{
    return "tun" + std::to_string(m_unit);
}

Time
TunNetDevice::GetLastChange() const
{
    return m_lastChange;
}

uint32_t
TunNetDevice::GetTunFlags() const
{
    return m_tunFlags;
}

void
TunNetDevice::SetTunFlags(uint32_t flags)
{
    m_tunFlags = flags;
}

uint32_t
TunNetDevice::GetIfFlags() const
{
    return m_ifFlags;
}

void
TunNetDevice::SetIfFlags(uint32_t flags)
{
    m_ifFlags = flags;
}

void
TunNetDevice::SetIfMode(uint32_t mode)
{
    uint32_t other = mode == BSD_IFF_POINTOPOINT ? BSD_IFF_BROADCAST : BSD_IFF_POINTOPOINT;
    m_ifFlags = (m_ifFlags | mode) & ~other;
}

int32_t
TunNetDevice::GetPid() const
{
    return m_pid;
}

void
TunNetDevice::SetPid(int32_t pid)
{
    m_pid = pid;
}

uint8_t
TunNetDevice::GetIfType() const
{
    return m_ifType;
}

void
TunNetDevice::SetIfType(uint8_t type)
{
    m_ifType = type;
}

uint64_t
TunNetDevice::GetBaudrate() const
{
    return m_baudrate;
}

void
TunNetDevice::SetBaudrate(uint64_t baud)
{
    m_baudrate = baud;
}

SigioOwner&
TunNetDevice::GetSigio()
{
    return m_sigio;
}

SelInfo&
TunNetDevice::GetReadSelInfo()
{
    return m_rsel;
}

const TunNetDevice::Counters&
TunNetDevice::GetCounters() const
{
    return m_counters;
}

const IpInputStats&
TunNetDevice::GetIpInputStats() const
{
    return m_ipInputStats;
}

TunNetDevice::Counters&
TunNetDevice::GetCountersForDriver()
{
    return m_counters;
}

const std::vector<TunNetDevice::IfAddr>&
TunNetDevice::GetIfAddrs() const
{
    return m_ifAddrs;
}

// --- if_snd ---------------------------------------------------------------------------------

Ptr<Queue<Packet>>
TunNetDevice::GetQueue() const
{
    return m_queue;
}

Ptr<Packet>
TunNetDevice::Dequeue()
{
    return m_queue->Dequeue();
}

uint32_t
TunNetDevice::GetHeadLength() const
{
    Ptr<const Packet> head = m_queue->Peek();
    return head ? head->GetSize() : 0;
}

void
TunNetDevice::DrainQueue()
{
    // tunclose's IF_DRAIN frees what waited for the process: drops, not reads. ns-3 takes
    // a packet out of a queue only by dequeueing it, so the queue's Dequeue trace fires
    // too; IsDraining() tells a reader of that trace (TunHelper's ascii) to skip it.
    m_draining = true;
    while (Ptr<Packet> packet = m_queue->Dequeue())
    {
        m_macTxDropTrace(packet);
        m_dropTrace(packet, "tunclose");
    }
    m_draining = false;
}

bool
TunNetDevice::IsDraining() const
{
    return m_draining;
}

// --- tunoutput --------------------------------------------------------------------------

void
TunNetDevice::Dropped(Ptr<const Packet> packet, int reason)
{
    m_macTxDropTrace(packet);
    m_dropTrace(packet, BsdErrnoName(reason));
}

void
TunNetDevice::Tap(Ptr<const Packet> packet, uint32_t family)
{
    if (m_snifferTrace.IsEmpty())
    {
        return; // no bpf listener: ifp->if_bpf is NULL
    }
    uint8_t af[4];
    std::memcpy(af, &family, 4); // host order, as bpfattach(DLT_NULL, sizeof(u_int))
    m_snifferTrace(Prepend(af, 4, packet));
}

int
TunNetDevice::Output(Ptr<Packet> packet, uint32_t family)
{
    NS_LOG_FUNCTION(this << packet << family);
    if ((m_tunFlags & TUN_READY) != TUN_READY)
    {
        NS_LOG_LOGIC(GetIfName() << ": not ready 0" << std::oct << m_tunFlags << std::dec);
        Dropped(packet, BSD_EHOSTDOWN);
        return BSD_EHOSTDOWN;
    }
    if (family == BSD_AF_UNSPEC)
    {
        // A bpf write: the family is the packet's first int, stored into sa_family, a
        // u_char: only its low byte counts, for the tap and the checks that follow.
        uint8_t head[4] = {0, 0, 0, 0};
        packet->CopyData(head, 4);
        uint32_t first;
        std::memcpy(&first, head, 4);
        family = static_cast<uint8_t>(first);
        packet->RemoveAtStart(4);
    }
    Tap(packet, family);
    uint32_t queuedFamily = family;
    Ptr<Packet> queued = packet;
    if (m_tunFlags & TUN_LMODE)
    {
        std::vector<uint8_t> sa = DestinationSockaddr(packet, family);
        queued = Prepend(sa.data(), sa.size(), queued);
    }
    if (m_tunFlags & TUN_IFHEAD)
    {
        uint8_t af[4] = {static_cast<uint8_t>(family >> 24),
                         static_cast<uint8_t>(family >> 16),
                         static_cast<uint8_t>(family >> 8),
                         static_cast<uint8_t>(family)}; // htonl
        queued = Prepend(af, 4, queued);
    }
    else if (family != BSD_AF_INET)
    {
        Dropped(packet, BSD_EAFNOSUPPORT);
        return BSD_EAFNOSUPPORT;
    }
    // IF_HANDOFF: a full queue drops (ifq_drops) and tunoutput counts a collision.
    if (!m_queue->Enqueue(queued))
    {
        ++m_counters.snddrops;
        ++m_counters.collisions;
        Dropped(packet, BSD_ENOBUFS);
        return BSD_ENOBUFS;
    }
    m_counters.obytes += queued->GetSize();
    UserlandPacketCache::Remember(packet); // so its tags can follow its bytes
    if (IsMulticastPacket(packet, queuedFamily))
    {
        ++m_counters.omcasts;
    }
    m_macTxTrace(queued);
    Start(); // if_handoff starts the interface
    ++m_counters.opackets;
    return BSD_OK;
}

void
TunNetDevice::Start()
{
    // tunstart
    if (m_tunFlags & TUN_RWAIT)
    {
        m_tunFlags &= ~TUN_RWAIT;
        m_processTable->Wakeup(this);
    }
    if ((m_tunFlags & TUN_ASYNC) && m_sigio.IsSet())
    {
        m_sigio.Signal(BSD_SIGIO);
    }
    m_rsel.Wakeup();
}

bool
TunNetDevice::Send(Ptr<Packet> packet, const Address&, uint16_t protocolNumber)
{
    uint32_t family;
    switch (protocolNumber)
    {
    case ETHERTYPE_IPV4:
        family = BSD_AF_INET;
        break;
    case ETHERTYPE_IPV6:
        family = BSD_AF_INET6;
        break;
    default:
        // No BSD family for this ns-3 protocol: the kernel could not have routed it here.
        Dropped(packet, BSD_EAFNOSUPPORT);
        return false;
    }
    return Output(packet, family) == BSD_OK;
}

bool
TunNetDevice::SendFrom(Ptr<Packet> packet, const Address&, const Address&, uint16_t)
{
    Dropped(packet, BSD_EOPNOTSUPP);
    return false;
}

// --- input (tunwrite's family_enqueue) ---------------------------------------------------

int
TunNetDevice::Input(Ptr<Packet> packet, uint8_t family)
{
    uint16_t protocol;
    switch (family)
    {
    case BSD_AF_INET:
        protocol = ETHERTYPE_IPV4;
        break;
    case BSD_AF_INET6:
        protocol = ETHERTYPE_IPV6;
        break;
    default:
        m_macRxDropTrace(packet);
        m_dropTrace(packet, BsdErrnoName(BSD_EAFNOSUPPORT));
        return BSD_EAFNOSUPPORT;
    }
    uint32_t& waiting = m_intrqLength[family];
    if (waiting >= m_intrqMaxLen)
    {
        ++m_counters.intrqdrops;
        m_macRxDropTrace(packet);
        m_dropTrace(packet, BsdErrnoName(BSD_ENOBUFS));
        return BSD_ENOBUFS;
    }
    ++waiting;
    m_macRxTrace(packet);
    // The protocol runs from its software interrupt, after tunwrite has returned.
    Simulator::ScheduleWithContext(m_node->GetId(),
                                   Time(0),
                                   &TunNetDevice::DeliverInput,
                                   this,
                                   packet,
                                   protocol,
                                   family);
    return BSD_OK;
}

void
TunNetDevice::DeliverInput(Ptr<Packet> packet, uint16_t protocol, uint32_t family)
{
    --m_intrqLength[family];
    // ipintr and ip6intr: ip_input and ip6_input check the headers before any use of them.
    IpInputCheck::Reason reason = CheckInput(packet, family);
    if (reason != IpInputCheck::OK)
    {
        NS_LOG_LOGIC(GetIfName() << ": input refused, " << IpInputCheck::ReasonName(reason));
        ++m_ipInputStats.Counter(reason);
        m_macRxDropTrace(packet);
        m_dropTrace(packet, IpInputCheck::ReasonName(reason));
        return;
    }
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, m_address, m_address, PACKET_HOST);
    }
    if (!m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, m_address);
    }
}

IpInputCheck::Reason
TunNetDevice::CheckInput(Ptr<const Packet> packet, uint32_t family)
{
    m_inputBytes.resize(packet->GetSize());
    packet->CopyData(m_inputBytes.data(), m_inputBytes.size());
    IpInputCheck::Context context;
    context.checksums = Node::ChecksumEnabled();
    if (family == BSD_AF_INET)
    {
        Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
        int32_t iif = ipv4 ? ipv4->GetInterfaceForDevice(this) : -1;
        context.isOurs4 = [ipv4, iif](Ipv4Address dst) {
            return iif >= 0 && ipv4->IsDestinationAddress(dst, iif);
        };
        return IpInputCheck::CheckIpv4(m_inputBytes.data(), m_inputBytes.size(), context);
    }
    Ptr<Ipv6> ipv6 = m_node->GetObject<Ipv6>();
    context.isOurUnicast6 = [ipv6](Ipv6Address dst) {
        return ipv6 && !dst.IsMulticast() && ipv6->GetInterfaceForAddress(dst) >= 0;
    };
    return IpInputCheck::CheckIpv6(m_inputBytes.data(), m_inputBytes.size(), context);
}

// --- interface ioctls -----------------------------------------------------------------

int
TunNetDevice::Tunifioctl(uint32_t cmd, uint8_t* data)
{
    // tunifioctl
    switch (cmd)
    {
    case BSD_SIOCGIFSTATUS:
        if (m_pid)
        {
            char* ascii = reinterpret_cast<char*>(data + BSD_IFNAMSIZ);
            std::size_t used = strnlen(ascii, BSD_IFSTAT_SIZE - BSD_IFNAMSIZ);
            std::snprintf(ascii + used,
                          BSD_IFSTAT_SIZE - BSD_IFNAMSIZ - used,
                          "\tOpened by PID %d\n",
                          static_cast<int>(m_pid));
        }
        return BSD_OK;
    case BSD_SIOCSIFADDR:
    case BSD_SIOCSIFDSTADDR:
        return Init();
    case BSD_SIOCSIFMTU:
        m_mtu = static_cast<uint16_t>(BsdIfreq(data).GetMtu());
        return BSD_OK;
    case BSD_SIOCADDMULTI:
    case BSD_SIOCDELMULTI:
        return BSD_OK;
    default:
        return BSD_EINVAL;
    }
}

int
TunNetDevice::Init()
{
    // tuninit
    m_ifFlags |= BSD_IFF_UP;
    SetRunning(true);
    m_lastChange = Simulator::Now(); // getmicrotime(&ifp->if_lastchange)
    SetIpUp(true);
    for (const IfAddr& ifa : m_ifAddrs)
    {
        if (ifa.family != BSD_AF_INET)
        {
            continue;
        }
        if (ifa.local != Ipv4Address::GetAny())
        {
            m_tunFlags |= TUN_IASET;
        }
        if (ifa.dst != Ipv4Address::GetAny())
        {
            m_tunFlags |= TUN_DSTADDR;
        }
    }
    return BSD_OK;
}

// --- addresses, up and down ---------------------------------------------------------------

void
TunNetDevice::AttachToIp()
{
    if (Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>())
    {
        if (ipv4->GetInterfaceForDevice(this) < 0)
        {
            ipv4->AddInterface(this);
        }
        TunAddressMonitor::Install(m_node);
    }
    if (Ptr<Ipv6L3Protocol> ipv6 = m_node->GetObject<Ipv6L3Protocol>())
    {
        if (ipv6->GetInterfaceForDevice(this) < 0)
        {
            int32_t i = ipv6->AddInterface(this);
            // ns-3 tells no one when an IPv6 interface gets an address except through
            // this callback: every address, the link-local one of SetUp included, then
            // reaches SIOCSIFADDR as in6_ifinit's call does on BSD.
            Ptr<TunNetDevice> self = this;
            ipv6->GetInterface(i)->AddAddressCallback(
                Callback<void, Ptr<Ipv6Interface>, Ipv6InterfaceAddress>(
                    [self](Ptr<Ipv6Interface>, Ipv6InterfaceAddress address) {
                        self->NotifyIpv6AddressAdded(address.GetAddress());
                    }));
        }
    }
}

void
TunNetDevice::AddIfAddr(const IfAddr& ifa)
{
    m_ifAddrs.push_back(ifa);
}

bool
TunNetDevice::RemoveIfAddr(Ipv4Address local, IfAddr& gone)
{
    auto it = std::find_if(m_ifAddrs.begin(), m_ifAddrs.end(), [local](const IfAddr& ifa) {
        return ifa.family == BSD_AF_INET && ifa.local == local;
    });
    if (it == m_ifAddrs.end())
    {
        return false;
    }
    gone = *it;
    m_ifAddrs.erase(it);
    return true;
}

void
TunNetDevice::SetIfAddrDestination(Ipv4Address local, Ipv4Address dst)
{
    for (IfAddr& ifa : m_ifAddrs)
    {
        if (ifa.family == BSD_AF_INET && ifa.local == local)
        {
            ifa.dst = dst;
        }
    }
}

void
TunNetDevice::NotifyIpv4AddressAdded(Ipv4Address local, Ipv4Mask mask)
{
    for (const IfAddr& ifa : m_ifAddrs)
    {
        if (ifa.family == BSD_AF_INET && ifa.local == local)
        {
            return; // in_control made it and runs SIOCSIFADDR itself
        }
    }
    m_ifAddrs.push_back(IfAddr{BSD_AF_INET, local, Ipv4Address::GetAny(), mask, Ipv6Address()});
    Tunifioctl(BSD_SIOCSIFADDR, nullptr);
}

void
TunNetDevice::NotifyIpv6AddressAdded(Ipv6Address address)
{
    for (const IfAddr& ifa : m_ifAddrs)
    {
        if (ifa.family == BSD_AF_INET6 && ifa.local6 == address)
        {
            return;
        }
    }
    IfAddr ifa;
    ifa.family = BSD_AF_INET6;
    ifa.local6 = address;
    m_ifAddrs.push_back(ifa);
    Tunifioctl(BSD_SIOCSIFADDR, nullptr);
}

void
TunNetDevice::SetIpUp(bool up)
{
    if (Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr)
    {
        int32_t i = ipv4->GetInterfaceForDevice(this);
        if (i >= 0 && ipv4->IsUp(i) != up)
        {
            up ? ipv4->SetUp(i) : ipv4->SetDown(i);
        }
    }
    // IPv6 is brought up but never taken down: ns-3.37 keeps retransmitting Router
    // Solicitations from an address Ipv6Interface::SetDown has removed, and its next one
    // dereferences interface -1. Nothing is lost: tunoutput drops a packet for a closed
    // tun with EHOSTDOWN whatever IFF_UP says, as the 2001 driver does.
    if (Ptr<Ipv6> ipv6 = m_node ? m_node->GetObject<Ipv6>() : nullptr)
    {
        int32_t i = ipv6->GetInterfaceForDevice(this);
        if (up && i >= 0 && !ipv6->IsUp(i))
        {
            ipv6->SetUp(i);
        }
    }
}

void
TunNetDevice::IfDown()
{
    m_ifFlags &= ~BSD_IFF_UP;
    SetIpUp(false);
}

void
TunNetDevice::IfUp()
{
    m_ifFlags |= BSD_IFF_UP;
    SetIpUp(true);
}

void
TunNetDevice::DeleteRoutesAndStop()
{
    for (const IfAddr& ifa : m_ifAddrs)
    {
        if (ifa.family != BSD_AF_INET)
        {
            continue;
        }
        // rtinit(RTM_DELETE): the host route to the peer, or the network route.
        bool host = m_tunFlags & TUN_DSTADDR;
        InDeleteRoute(this,
                      host ? ifa.dst : ifa.local.CombineMask(ifa.mask),
                      host ? Ipv4Mask::GetOnes() : ifa.mask);
    }
    SetRunning(false);
}

void
TunNetDevice::SetRunning(bool running)
{
    bool was = m_ifFlags & BSD_IFF_RUNNING;
    m_ifFlags = running ? (m_ifFlags | BSD_IFF_RUNNING) : (m_ifFlags & ~BSD_IFF_RUNNING);
    if (was != running)
    {
        m_linkChangeCallbacks();
    }
}

// --- NetDevice ------------------------------------------------------------------------------

void
TunNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
TunNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
TunNetDevice::GetChannel() const
{
    if (!m_channel)
    {
        // On no pair: a channel of its own, made when first asked for, so that code
        // walking links (GlobalRouter) gets a message rather than a null pointer.
        m_channel = TunChannel::Alone(const_cast<TunNetDevice*>(this));
    }
    return m_channel;
}

Ptr<TunChannel>
TunNetDevice::GetTunChannel() const
{
    return m_channel;
}

void
TunNetDevice::SetTunChannel(Ptr<TunChannel> channel)
{
    m_channel = channel;
}

void
TunNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
TunNetDevice::GetAddress() const
{
    return m_address;
}

bool
TunNetDevice::SetMtu(const uint16_t mtu)
{
    if (mtu < BSD_IF_MINMTU)
    {
        return false;
    }
    uint8_t ifr[BSD_IFREQ_SIZE];
    BsdIfreq request(GetIfName());
    request.SetMtu(mtu);
    request.CopyTo(ifr);
    return Tunifioctl(BSD_SIOCSIFMTU, ifr) == BSD_OK;
}

uint16_t
TunNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
TunNetDevice::IsLinkUp() const
{
    return m_ifFlags & BSD_IFF_RUNNING;
}

void
TunNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_linkChangeCallbacks.ConnectWithoutContext(callback);
}

bool
TunNetDevice::IsBroadcast() const
{
    return m_ifFlags & BSD_IFF_BROADCAST;
}

Address
TunNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
TunNetDevice::IsMulticast() const
{
    return m_ifFlags & BSD_IFF_MULTICAST;
}

Address
TunNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
TunNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
TunNetDevice::IsPointToPoint() const
{
    return m_ifFlags & BSD_IFF_POINTOPOINT;
}

bool
TunNetDevice::IsBridge() const
{
    return false;
}

Ptr<Node>
TunNetDevice::GetNode() const
{
    return m_node;
}

void
TunNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
TunNetDevice::NeedsArp() const
{
    return false;
}

void
TunNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
TunNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
TunNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
