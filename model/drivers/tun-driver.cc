/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-driver.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-fcntl.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-process.h"
#include "ns3/cdev.h"
#include "ns3/device-switch.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/process-table.h"
#include "ns3/tun-net-device.h"
#include "ns3/userland-packet-cache.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("TunDriver");

NS_OBJECT_ENSURE_REGISTERED(TunDriver);

namespace
{

int32_t
ReadInt(const uint8_t* data)
{
    int32_t v;
    std::memcpy(&v, data, 4);
    return v;
}

void
WriteInt(uint8_t* data, int32_t v)
{
    std::memcpy(data, &v, 4);
}

} // namespace

/// TUNDEBUG: the driver's printf when tundebug is set, as a log line here.
#define TUNDEBUG(msg)                                                                              \
    do                                                                                             \
    {                                                                                              \
        if (m_debug)                                                                               \
        {                                                                                          \
            NS_LOG_INFO(msg);                                                                      \
        }                                                                                          \
    } while (false)

TypeId
TunDriver::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::TunDriver")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<TunDriver>()
            .AddAttribute("Debug",
                          "tundebug (sysctl debug.if_tun_debug, TUNSDEBUG): when non-zero "
                          "the driver logs its steps at NS_LOG level INFO.",
                          IntegerValue(0),
                          MakeIntegerAccessor(&TunDriver::m_debug),
                          MakeIntegerChecker<int32_t>())
            .AddTraceSource("Create",
                            "tuncreate made an interface.",
                            MakeTraceSourceAccessor(&TunDriver::m_createTrace),
                            "ns3::TunDriver::CreateTracedCallback");
    return tid;
}

TunDriver::TunDriver()
{
    m_deviceFactory.SetTypeId(TunNetDevice::GetTypeId());
}

TunDriver::~TunDriver() = default;

Ptr<TunDriver>
TunDriver::Install(Ptr<Node> node)
{
    if (Ptr<TunDriver> existing = node->GetObject<TunDriver>())
    {
        return existing;
    }
    Ptr<TunDriver> driver = CreateObject<TunDriver>();
    driver->m_node = node;
    driver->m_switch = DeviceSwitch::Install(node);

    // tun_modevent(MOD_LOAD): cdevsw_add(&tun_cdevsw) and the dev_clone handler.
    Ptr<DevOps> ops = Create<DevOps>("tun");
    ops->head.maj = TUN_CDEV_MAJOR;
    ops->head.flags = 0; // not MPSAFE
    TunDriver* d = PeekPointer(driver);
    (*ops)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>([d](DevOpenArgs& ap) { return d->Open(ap); });
    (*ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>([d](DevCloseArgs& ap) { return d->Close(ap); });
    (*ops)[DevOp::READ] = MakeDevOp<DevReadArgs>([d](DevReadArgs& ap) { return d->Read(ap); });
    (*ops)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([d](DevWriteArgs& ap) { return d->Write(ap); });
    (*ops)[DevOp::IOCTL] = MakeDevOp<DevIoctlArgs>([d](DevIoctlArgs& ap) { return d->Ioctl(ap); });
    (*ops)[DevOp::POLL] = MakeDevOp<DevPollArgs>([d](DevPollArgs& ap) { return d->Poll(ap); });
    // mmap, strategy, dump, psize: nommap, nostrategy, nodump, nopsize, by compiling.
    driver->m_ops = ops;
    driver->m_switch->AddOps(ops, 0, 0);
    driver->m_switch->AddCloneHandler(
        [d](const std::string& name, Ptr<Cdev>& dev) { d->Clone(name, dev); });
    node->AggregateObject(driver);
    return driver;
}

int
TunDriver::Unload()
{
    NS_LOG_WARN("if_tun module unload - not possible for this module type");
    return BSD_EINVAL;
}

void
TunDriver::DoDispose()
{
    m_units.clear();
    m_node = nullptr;
    m_switch = nullptr;
    m_ops = nullptr;
    Object::DoDispose();
}

Ptr<DevOps>
TunDriver::GetOps() const
{
    return m_ops;
}

void
TunDriver::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

int32_t
TunDriver::GetDebug() const
{
    return m_debug;
}

int32_t
TunDriver::UnitToMinor(uint32_t unit)
{
    return static_cast<int32_t>((unit & 0xff) | ((unit & ~0xffu) << 8));
}

uint32_t
TunDriver::MinorToUnit(int32_t minor)
{
    auto m = static_cast<uint32_t>(minor);
    return (m & 0xff) | ((m >> 8) & ~0xffu);
}

Ptr<TunNetDevice>
TunDriver::Softc(Ptr<Cdev> dev)
{
    return DynamicCast<TunNetDevice>(dev->GetDriverData());
}

Ptr<TunNetDevice>
TunDriver::GetUnit(uint32_t unit) const
{
    auto it = m_units.find(unit);
    return it == m_units.end() ? nullptr : it->second;
}

void
TunDriver::Clone(const std::string& name, Ptr<Cdev>& dev)
{
    // tun_clone: only an exact "tun<unit>" that nobody else has claimed.
    int32_t unit;
    if (dev || DeviceSwitch::StdClone(name, "tun", &unit) != 1)
    {
        return;
    }
    dev = m_switch->MakeDev(m_ops,
                            UnitToMinor(unit),
                            BSD_UID_UUCP,
                            BSD_GID_DIALER,
                            0600,
                            "tun" + std::to_string(unit));
}

Ptr<TunNetDevice>
TunDriver::CreateUnit(uint32_t unit)
{
    Ptr<Cdev> dev = m_switch->Lookup("/dev/tun" + std::to_string(unit));
    NS_ABORT_MSG_IF(!dev, "TunDriver: /dev/tun" << unit << " cannot be made");
    Ptr<TunNetDevice> tp = Softc(dev);
    return tp ? tp : TunCreate(dev);
}

Ptr<TunNetDevice>
TunDriver::TunCreate(Ptr<Cdev> dev)
{
    // tuncreate: the softc and its ifnet; if_attach puts it on the node and its stacks.
    uint32_t unit = MinorToUnit(dev->GetMinor());
    Ptr<TunNetDevice> tp = m_deviceFactory.Create<TunNetDevice>();
    tp->Setup(unit, m_node);
    m_node->AddDevice(tp);
    tp->AttachToIp();
    dev->SetDriverData(tp);
    m_units[unit] = tp;
    TUNDEBUG(tp->GetIfName() << ": created");
    m_createTrace(tp);
    return tp;
}

int
TunDriver::Open(DevOpenArgs& ap)
{
    if (ap.cred.uid != 0)
    {
        return BSD_EPERM; // suser()
    }
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    if (!tp)
    {
        tp = TunCreate(ap.dev);
    }
    uint32_t flags = tp->GetTunFlags();
    if (flags & TUN_OPEN)
    {
        return BSD_EBUSY;
    }
    tp->SetPid(ap.caller ? static_cast<int32_t>(ap.caller->GetPid()) : 0);
    tp->SetTunFlags(flags | TUN_OPEN);
    TUNDEBUG(tp->GetIfName() << ": open");
    return BSD_OK;
}

int
TunDriver::Close(DevCloseArgs& ap)
{
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    tp->SetTunFlags(tp->GetTunFlags() & ~TUN_OPEN);
    tp->SetPid(0);
    tp->DrainQueue(); // junk all pending output
    if (tp->GetIfFlags() & BSD_IFF_UP)
    {
        tp->IfDown();
    }
    if (tp->GetIfFlags() & BSD_IFF_RUNNING)
    {
        tp->DeleteRoutesAndStop();
    }
    tp->GetSigio().Clear(); // funsetown
    tp->GetReadSelInfo().Wakeup();
    TUNDEBUG(tp->GetIfName() << ": closed");
    return BSD_OK;
}

int
TunDriver::Ioctl(DevIoctlArgs& ap)
{
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    uint32_t flags = tp->GetTunFlags();
    switch (ap.cmd)
    {
    case TUNSIFINFO: {
        TunInfo info = TunInfo::Deserialize(ap.data);
        if (info.mtu < BSD_IF_MINMTU)
        {
            return BSD_EINVAL;
        }
        uint8_t ifr[BSD_IFREQ_SIZE];
        BsdIfreq request(tp->GetIfName());
        request.SetMtu(info.mtu);
        request.CopyTo(ifr);
        tp->Tunifioctl(BSD_SIOCSIFMTU, ifr);
        tp->SetIfType(info.type);
        tp->SetBaudrate(static_cast<uint32_t>(info.baudrate));
        break;
    }
    case TUNGIFINFO: {
        TunInfo info;
        info.mtu = static_cast<int16_t>(tp->GetMtu());
        info.type = tp->GetIfType();
        info.baudrate = static_cast<int32_t>(tp->GetBaudrate());
        std::vector<uint8_t> bytes = info.Serialize();
        std::copy(bytes.begin(), bytes.end(), ap.data);
        break;
    }
    case TUNSDEBUG:
        m_debug = ReadInt(ap.data);
        break;
    case TUNGDEBUG:
        WriteInt(ap.data, m_debug);
        break;
    case TUNSLMODE:
        tp->SetTunFlags(ReadInt(ap.data) ? (flags | TUN_LMODE) & ~TUN_IFHEAD : flags & ~TUN_LMODE);
        break;
    case TUNSIFHEAD:
        tp->SetTunFlags(ReadInt(ap.data) ? (flags | TUN_IFHEAD) & ~TUN_LMODE : flags & ~TUN_IFHEAD);
        break;
    case TUNGIFHEAD:
        WriteInt(ap.data, (flags & TUN_IFHEAD) ? 1 : 0);
        break;
    case TUNSIFMODE:
        // Refused while up; exactly one of the two modes, nothing else (not even with
        // IFF_MULTICAST, which later versions mask off).
        if (tp->GetIfFlags() & BSD_IFF_UP)
        {
            return BSD_EBUSY;
        }
        switch (ReadInt(ap.data))
        {
        case BSD_IFF_POINTOPOINT:
        case BSD_IFF_BROADCAST:
            tp->SetIfMode(static_cast<uint32_t>(ReadInt(ap.data)));
            break;
        default:
            return BSD_EINVAL;
        }
        break;
    case TUNSIFPID:
        tp->SetPid(ap.caller ? static_cast<int32_t>(ap.caller->GetPid()) : 0);
        break;
    case BSD_FIONBIO:
        break; // the descriptor layer keeps FNONBLOCK; tunread sees IO_NDELAY
    case BSD_FIOASYNC:
        tp->SetTunFlags(ReadInt(ap.data) ? flags | TUN_ASYNC : flags & ~TUN_ASYNC);
        break;
    case BSD_FIONREAD:
        WriteInt(ap.data, static_cast<int32_t>(tp->GetHeadLength()));
        break;
    case BSD_FIOSETOWN:
        return tp->GetSigio().Set(ReadInt(ap.data), m_node->GetObject<ProcessTable>(), ap.caller);
    case BSD_FIOGETOWN:
        WriteInt(ap.data, tp->GetSigio().Get());
        return BSD_OK;
    case BSD_TIOCSPGRP: // deprecated spelling of FIOSETOWN, with a process group
        return tp->GetSigio().Set(-ReadInt(ap.data), m_node->GetObject<ProcessTable>(), ap.caller);
    case BSD_TIOCGPGRP:
        WriteInt(ap.data, -tp->GetSigio().Get());
        return BSD_OK;
    default:
        return BSD_ENOTTY;
    }
    return BSD_OK;
}

int
TunDriver::Read(DevReadArgs& ap)
{
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    TUNDEBUG(tp->GetIfName() << ": read");
    if ((tp->GetTunFlags() & TUN_READY) != TUN_READY)
    {
        return BSD_EHOSTDOWN;
    }
    tp->SetTunFlags(tp->GetTunFlags() & ~TUN_RWAIT);
    return ReadLoop(ap, tp);
}

int
TunDriver::ReadLoop(DevReadArgs& ap, Ptr<TunNetDevice> tp)
{
    Ptr<Packet> m0 = tp->Dequeue();
    if (!m0)
    {
        if (ap.ioflag & BSD_IO_NDELAY)
        {
            return BSD_EWOULDBLOCK;
        }
        tp->SetTunFlags(tp->GetTunFlags() | TUN_RWAIT);
        DevReadArgs* args = &ap;
        return ap.caller->Tsleep(
            PeekPointer(tp),
            BSD_PCATCH | (BSD_PZERO + 1),
            "tunread",
            Time(0),
            [this, args, tp](int error) { return error != BSD_OK ? error : ReadLoop(*args, tp); });
    }
    // One packet per read: as much as fits; the rest of the packet is dropped.
    uint32_t size = m0->GetSize();
    int64_t len = std::min<int64_t>(ap.uio->GetResid(), size);
    if (len < size)
    {
        TUNDEBUG("Dropping mbuf");
    }
    if (len <= 0)
    {
        return BSD_OK;
    }
    std::vector<uint8_t> bytes(len);
    m0->CopyData(bytes.data(), len);
    return ap.uio->Move(bytes.data(), len);
}

int
TunDriver::Write(DevWriteArgs& ap)
{
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    TUNDEBUG(tp->GetIfName() << ": tunwrite");
    int64_t resid = ap.uio->GetResid();
    if (resid == 0)
    {
        return BSD_OK;
    }
    if (resid < 0 || resid > TUNMRU)
    {
        TUNDEBUG(tp->GetIfName() << ": len=" << resid << "!");
        return BSD_EIO; // the limit includes an IFHEAD header
    }
    std::vector<uint8_t> bytes(resid);
    int error = ap.uio->Move(bytes.data(), resid);
    TunNetDevice::Counters& counters = tp->GetCountersForDriver();
    if (error != BSD_OK)
    {
        ++counters.ierrors;
        return error;
    }
    uint32_t flags = tp->GetTunFlags();
    uint32_t family = BSD_AF_INET;
    const uint8_t* start = bytes.data();
    std::size_t length = bytes.size();
    if (flags & TUN_IFHEAD)
    {
        if (length < 4)
        {
            return BSD_ENOBUFS; // m_pullup of the family fails
        }
        family = (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) |
                 (uint32_t(bytes[2]) << 8) | bytes[3]; // ntohl
        start += 4;
        length -= 4;
    }
    // The bytes as an mbuf chain would hold them; the packet tunoutput handed out, if
    // these are its bytes, so ns-3's tags (FlowMonitor's) cross the userland too.
    Ptr<Packet> packet = UserlandPacketCache::Recall(start, length);
    tp->Tap(packet, family); // bpf sees the family in host order either way
    counters.ibytes += length;
    ++counters.ipackets;
    // family_enqueue takes a sa_family_t, 8 bits: the 32-bit family is cut to its low
    // byte, so 0x00000102 is AF_INET (the tap above saw all 32 bits).
    return tp->Input(packet, static_cast<uint8_t>(family));
}

int
TunDriver::Poll(DevPollArgs& ap)
{
    Ptr<TunNetDevice> tp = Softc(ap.dev);
    int32_t revents = 0;
    if (ap.events & (BSD_POLLIN | BSD_POLLRDNORM))
    {
        if (tp->GetQueue()->GetNPackets() > 0)
        {
            revents |= ap.events & (BSD_POLLIN | BSD_POLLRDNORM);
        }
        else
        {
            tp->GetReadSelInfo().Record(ap.caller); // selrecord
        }
    }
    if (ap.events & (BSD_POLLOUT | BSD_POLLWRNORM))
    {
        revents |= ap.events & (BSD_POLLOUT | BSD_POLLWRNORM); // writes never block
    }
    ap.events = revents;
    return BSD_OK;
}

#undef TUNDEBUG

} // namespace ns3
