/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "serial-line.h"

#include "bsd-errno.h"
#include "bsd-fcntl.h"
#include "bsd-if.h"
#include "bsd-ioctl.h"
#include "cdev.h"
#include "device-switch.h"
#include "process-table.h"
#include "process.h"
#include "serial-port-tap.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("SerialLine");

NS_OBJECT_ENSURE_REGISTERED(SerialLine);

namespace
{

constexpr int32_t SIO_CDEV_MAJOR = 28; //!< FreeBSD 4's sio

void
WriteInt(uint8_t* data, int32_t v)
{
    std::memcpy(data, &v, 4);
}

} // namespace

TypeId
SerialLine::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::SerialLine")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<SerialLine>()
            .AddAttribute("BaudRate",
                          "Bits per second on the wire.",
                          UintegerValue(115200),
                          MakeUintegerAccessor(&SerialLine::m_baudRate),
                          MakeUintegerChecker<uint64_t>(1))
            .AddAttribute("DataBits",
                          "Data bits per character (5 to 8).",
                          UintegerValue(8),
                          MakeUintegerAccessor(&SerialLine::m_dataBits),
                          MakeUintegerChecker<uint32_t>(5, 8))
            .AddAttribute("Parity",
                          "A parity bit per character (even or odd take the same time).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&SerialLine::m_parity),
                          MakeBooleanChecker())
            .AddAttribute("StopBits",
                          "Stop bits per character (1 or 2).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&SerialLine::m_stopBits),
                          MakeUintegerChecker<uint32_t>(1, 2))
            .AddAttribute("Delay",
                          "Propagation delay of the cable.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&SerialLine::m_delay),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ByteErrorRate",
                          "Probability that a byte arrives with one bit flipped.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&SerialLine::m_byteErrorRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("ByteLossRate",
                          "Probability that a byte never arrives.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&SerialLine::m_byteLossRate),
                          MakeDoubleChecker<double>(0, 1))
            .AddAttribute("RxFifoTrigger",
                          "Bytes in the receiving UART's FIFO that raise an interrupt "
                          "(14 on a 16550A; 1 for a UART without FIFO). Fewer are handed "
                          "over four character times after the last one arrived.",
                          UintegerValue(14),
                          MakeUintegerAccessor(&SerialLine::m_rxFifoTrigger),
                          MakeUintegerChecker<uint32_t>(1, 256))
            .AddAttribute("RxBufferSize",
                          "Bytes the tty holds for reading (TTYHOG); more are overruns.",
                          UintegerValue(8192),
                          MakeUintegerAccessor(&SerialLine::m_rxBufferSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("TxBufferSize",
                          "Bytes the tty holds for sending; a write beyond them waits.",
                          UintegerValue(4096),
                          MakeUintegerAccessor(&SerialLine::m_txBufferSize),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("PppdumpEpoch",
                          "The time_t (seconds since 1970) that simulated time 0 stands for "
                          "in pppdump files, so that a run's file is the same every time.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&SerialLine::m_pppdumpEpoch),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A byte finished leaving a port (direction, byte).",
                            MakeTraceSourceAccessor(&SerialLine::m_txTrace),
                            "ns3::SerialLine::ByteTracedCallback")
            .AddTraceSource("Rx",
                            "A byte reached the other port's UART (direction, byte).",
                            MakeTraceSourceAccessor(&SerialLine::m_rxTrace),
                            "ns3::SerialLine::ByteTracedCallback")
            .AddTraceSource("Carrier",
                            "The carrier went up or down.",
                            MakeTraceSourceAccessor(&SerialLine::m_carrierTrace),
                            "ns3::SerialLine::CarrierTracedCallback");
    return tid;
}

SerialLine::SerialLine()
    : m_baudRate(115200),
      m_dataBits(8),
      m_parity(false),
      m_stopBits(1),
      m_byteErrorRate(0),
      m_byteLossRate(0),
      m_rxFifoTrigger(14),
      m_rxBufferSize(8192),
      m_txBufferSize(4096),
      m_lossRandom(CreateObject<UniformRandomVariable>()),
      m_corruptRandom(CreateObject<UniformRandomVariable>())
{
}

SerialLine::~SerialLine() = default;

void
SerialLine::DoDispose()
{
    m_taps = {}; // the last references: pending pppdump records are written
    for (Port& p : m_ports)
    {
        p = Port();
    }
    Object::DoDispose();
}

SerialPortTap&
SerialLine::TapOf(uint32_t port, const char* caller)
{
    NS_ABORT_MSG_IF(port > 1, "SerialLine::" << caller << ": port " << port << " is not 0 or 1");
    NS_ABORT_MSG_IF(!m_ports[port].dev,
                    "SerialLine::" << caller << ": Connect the line before tracing its ports");
    if (!m_taps[port])
    {
        std::ostringstream name;
        name << "/NodeList/" << m_ports[port].node->GetId() << "/dev/"
             << m_ports[port].dev->GetName();
        m_taps[port] = Create<SerialPortTap>(name.str());
    }
    return *m_taps[port];
}

void
SerialLine::EnablePcap(const std::string& filename, uint32_t port)
{
    TapOf(port, "EnablePcap").EnablePcap(filename);
}

void
SerialLine::EnableAscii(Ptr<OutputStreamWrapper> stream, uint32_t port)
{
    TapOf(port, "EnableAscii").EnableAscii(stream);
}

void
SerialLine::EnablePppdump(const std::string& filename, uint32_t port)
{
    TapOf(port, "EnablePppdump").EnablePppdump(filename, m_pppdumpEpoch);
}

void
SerialLine::FlushTraces()
{
    for (const Ptr<SerialPortTap>& tap : m_taps)
    {
        if (tap)
        {
            tap->Flush();
        }
    }
}

uint64_t
SerialLine::GetTraceDropped() const
{
    uint64_t dropped = 0;
    for (const Ptr<SerialPortTap>& tap : m_taps)
    {
        dropped += tap ? tap->GetDropped() : 0;
    }
    return dropped;
}

int64_t
SerialLine::AssignStreams(int64_t stream)
{
    m_lossRandom->SetStream(stream);
    m_corruptRandom->SetStream(stream + 1);
    return 2;
}

uint32_t
SerialLine::GetBitsPerByte() const
{
    return 1 + m_dataBits + (m_parity ? 1 : 0) + m_stopBits;
}

Time
SerialLine::GetTransmissionTime(uint64_t bytes) const
{
    // Exact integer arithmetic: ceil(bytes * bits * 1e9 / baud) nanoseconds.
    unsigned __int128 bits = static_cast<unsigned __int128>(bytes) * GetBitsPerByte();
    unsigned __int128 ns = (bits * 1000000000u + m_baudRate - 1) / m_baudRate;
    return NanoSeconds(static_cast<int64_t>(ns));
}

Time
SerialLine::CharacterTime() const
{
    return GetTransmissionTime(1);
}

SerialLine::Stats
SerialLine::GetStats(uint32_t direction) const
{
    return m_stats.at(direction);
}

void
SerialLine::Connect(Ptr<Node> a, uint32_t unitA, Ptr<Node> b, uint32_t unitB)
{
    NS_ABORT_MSG_IF(m_ports[0].node, "SerialLine: already connected");
    std::array<std::pair<Ptr<Node>, uint32_t>, 2> ends = {{{a, unitA}, {b, unitB}}};
    for (uint32_t side = 0; side < 2; ++side)
    {
        Port& p = m_ports[side];
        p.node = ends[side].first;
        p.sw = DeviceSwitch::Install(p.node);
        Ptr<DevOps> ops = Create<DevOps>("cuaa");
        ops->head.maj = SIO_CDEV_MAJOR;
        ops->head.data = this; // the table keeps the line alive as long as its devices
        SerialLine* line = this;
        (*ops)[DevOp::OPEN] =
            MakeDevOp<DevOpenArgs>([line](DevOpenArgs& ap) { return line->Open(ap); });
        (*ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NullClose);
        (*ops)[DevOp::READ] =
            MakeDevOp<DevReadArgs>([line](DevReadArgs& ap) { return line->Read(ap); });
        (*ops)[DevOp::WRITE] =
            MakeDevOp<DevWriteArgs>([line](DevWriteArgs& ap) { return line->Write(ap); });
        (*ops)[DevOp::IOCTL] =
            MakeDevOp<DevIoctlArgs>([line](DevIoctlArgs& ap) { return line->Ioctl(ap); });
        (*ops)[DevOp::POLL] =
            MakeDevOp<DevPollArgs>([line](DevPollArgs& ap) { return line->Poll(ap); });
        uint32_t unit = ends[side].second;
        int error = 0;
        Ptr<Cdev> dev = p.sw->MakeDev(ops,
                                      static_cast<int32_t>(unit),
                                      BSD_UID_UUCP,
                                      BSD_GID_DIALER,
                                      0660,
                                      "cuaa" + std::to_string(unit),
                                      &error);
        NS_ABORT_MSG_IF(!dev,
                        "SerialLine: node " << p.node->GetId() << " cannot make /dev/cuaa" << unit
                                            << ": " << BsdErrnoName(error));
        p.dev = PeekPointer(dev);
        p.sw->AddOps(ops, 0xffffffff, unit);
    }
}

SerialLine::Port&
SerialLine::PortOf(const DevGenericArgs& ap)
{
    return PeekPointer(ap.dev) == m_ports[0].dev ? m_ports[0] : m_ports[1];
}

int
SerialLine::Open(DevOpenArgs&)
{
    return BSD_OK; // a dial-out device opens whatever the carrier (CLOCAL)
}

void
SerialLine::SetCarrier(bool up)
{
    if (up == m_carrier)
    {
        return;
    }
    m_carrier = up;
    if (!up)
    {
        ++m_carrierEpoch; // whatever is on the wire now is lost
        for (uint32_t side = 0; side < 2; ++side)
        {
            Port& p = m_ports[side];
            m_stats[side].lost += p.txQueue.size();
            p.txQueue.clear();
            p.fifo.clear();
            ++p.fifoSerial;
        }
    }
    NS_LOG_INFO("carrier " << (up ? "up" : "down"));
    m_carrierTrace(up);
    // Readers see end of file, writers EIO, pollers POLLHUP: wake them all.
    for (Port& p : m_ports)
    {
        if (p.node)
        {
            p.sw->GetProcessTable()->Wakeup(&p.rxBuffer);
            p.sw->GetProcessTable()->Wakeup(&p.txQueue);
            p.rsel.Wakeup();
            p.wsel.Wakeup();
        }
    }
}

bool
SerialLine::GetCarrier() const
{
    return m_carrier;
}

int
SerialLine::Read(DevReadArgs& ap)
{
    Port& p = PortOf(ap);
    if (p.rxBuffer.empty())
    {
        if (!m_carrier)
        {
            return BSD_OK; // end of file: the line hung up
        }
        if (ap.ioflag & BSD_IO_NDELAY)
        {
            return BSD_EWOULDBLOCK;
        }
        DevReadArgs* args = &ap;
        return ap.caller->Tsleep(&p.rxBuffer,
                                 BSD_PCATCH | (BSD_PZERO + 1),
                                 "ttyin",
                                 Time(0),
                                 [this, args](int e) { return e != BSD_OK ? e : Read(*args); });
    }
    std::size_t n = std::min<std::size_t>(ap.uio->GetResid(), p.rxBuffer.size());
    std::vector<uint8_t> bytes(p.rxBuffer.begin(), p.rxBuffer.begin() + n);
    p.rxBuffer.erase(p.rxBuffer.begin(), p.rxBuffer.begin() + n);
    return ap.uio->Move(bytes.data(), n);
}

int
SerialLine::Write(DevWriteArgs& ap)
{
    Port& p = PortOf(ap);
    uint32_t side = &p == &m_ports[0] ? 0 : 1;
    while (ap.uio->GetResid() > 0)
    {
        if (!m_carrier)
        {
            return BSD_EIO;
        }
        std::size_t space =
            m_txBufferSize - std::min<std::size_t>(m_txBufferSize, p.txQueue.size());
        if (space == 0)
        {
            if (ap.ioflag & BSD_IO_NDELAY)
            {
                return BSD_EWOULDBLOCK; // a partial write reports its count
            }
            DevWriteArgs* args = &ap;
            return ap.caller->Tsleep(
                &p.txQueue,
                BSD_PCATCH | (BSD_PZERO + 1),
                "ttyout",
                Time(0),
                [this, args](int e) { return e != BSD_OK ? e : Write(*args); });
        }
        std::size_t n = std::min<std::size_t>(space, ap.uio->GetResid());
        std::vector<uint8_t> bytes(n);
        ap.uio->Move(bytes.data(), n);
        p.txQueue.insert(p.txQueue.end(), bytes.begin(), bytes.end());
        if (!p.transmitting)
        {
            p.transmitting = true;
            p.burstStart = Simulator::Now();
            p.burstBytes = 0;
            SendNext(side);
        }
    }
    return BSD_OK;
}

void
SerialLine::SendNext(uint32_t side)
{
    Port& p = m_ports[side];
    if (p.txQueue.empty())
    {
        p.transmitting = false;
        return;
    }
    uint8_t byte = p.txQueue.front();
    p.txQueue.pop_front();
    ++p.burstBytes;
    // Byte k of a burst ends at start + ceil(k * bits / baud): no accumulated rounding.
    Time done = p.burstStart + GetTransmissionTime(p.burstBytes);
    Ptr<SerialLine> self = this;
    uint64_t epoch = m_carrierEpoch;
    Simulator::ScheduleWithContext(
        p.node->GetId(),
        done - Simulator::Now(),
        [self, side, byte, epoch] {
            Port& port = self->m_ports[side];
            Stats& stats = self->m_stats[side];
            ++stats.sent;
            self->m_txTrace(side, byte);
            if (self->m_taps[side])
            {
                self->m_taps[side]->Sent(byte);
            }
            uint8_t wire = byte;
            bool lost = epoch != self->m_carrierEpoch;
            if (!lost && self->m_byteLossRate > 0 &&
                self->m_lossRandom->GetValue() < self->m_byteLossRate)
            {
                lost = true;
            }
            if (lost)
            {
                ++stats.lost;
            }
            else
            {
                if (self->m_byteErrorRate > 0 &&
                    self->m_corruptRandom->GetValue() < self->m_byteErrorRate)
                {
                    wire ^= static_cast<uint8_t>(1u << self->m_corruptRandom->GetInteger(0, 7));
                    ++stats.corrupted;
                }
                uint32_t other = 1 - side;
                Simulator::ScheduleWithContext(self->m_ports[other].node->GetId(),
                                               self->m_delay,
                                               [self, other, wire, epoch] {
                                                   if (epoch != self->m_carrierEpoch)
                                                   {
                                                       ++self->m_stats[1 - other].lost;
                                                       return;
                                                   }
                                                   self->ArriveAtUart(other, wire);
                                               });
            }
            // Room in the output queue again: wake writers once it falls to a quarter.
            if (port.txQueue.size() <= self->m_txBufferSize / 4)
            {
                port.sw->GetProcessTable()->Wakeup(&port.txQueue);
                port.wsel.Wakeup();
            }
            self->SendNext(side);
        });
}

void
SerialLine::ArriveAtUart(uint32_t side, uint8_t byte)
{
    Port& p = m_ports[side];
    ++m_stats[1 - side].delivered;
    m_rxTrace(1 - side, byte);
    p.fifo.push_back(byte);
    if (m_taps[side])
    {
        m_taps[side]->Received(byte);
    }
    if (p.fifo.size() >= m_rxFifoTrigger)
    {
        Interrupt(side);
        return;
    }
    // The 16550's character timeout: four character times without a new byte.
    uint64_t serial = ++p.fifoSerial;
    Ptr<SerialLine> self = this;
    Simulator::ScheduleWithContext(p.node->GetId(), 4 * CharacterTime(), [self, side, serial] {
        if (self->m_ports[side].fifoSerial == serial)
        {
            self->Interrupt(side);
        }
    });
}

void
SerialLine::Interrupt(uint32_t side)
{
    Port& p = m_ports[side];
    ++p.fifoSerial; // a pending timeout is now stale
    for (uint8_t b : p.fifo)
    {
        if (p.rxBuffer.size() >= m_rxBufferSize)
        {
            ++m_stats[1 - side].overruns;
            continue;
        }
        p.rxBuffer.push_back(b);
    }
    p.fifo.clear();
    p.sw->GetProcessTable()->Wakeup(&p.rxBuffer);
    p.rsel.Wakeup();
}

int
SerialLine::Ioctl(DevIoctlArgs& ap)
{
    Port& p = PortOf(ap);
    switch (ap.cmd)
    {
    case BSD_FIONREAD:
        WriteInt(ap.data, static_cast<int32_t>(p.rxBuffer.size()));
        return BSD_OK;
    case TIOCOUTQ:
        WriteInt(ap.data, static_cast<int32_t>(p.txQueue.size()));
        return BSD_OK;
    case TIOCMGET:
        WriteInt(ap.data, TIOCM_DTR | TIOCM_DSR | TIOCM_CTS | (m_carrier ? TIOCM_CD : 0));
        return BSD_OK;
    case TIOCGETA: {
        // struct termios of FreeBSD 4: four flag words, c_cc[20], c_ispeed, c_ospeed.
        // Only the character size, parity, stop bits and speeds mean anything here.
        std::fill(ap.data, ap.data + 44, 0);
        int32_t cflag = static_cast<int32_t>(((m_dataBits - 5) << 8) | TERMIOS_CREAD |
                                             (m_parity ? TERMIOS_PARENB : 0) |
                                             (m_stopBits == 2 ? TERMIOS_CSTOPB : 0));
        WriteInt(ap.data + 8, cflag);
        WriteInt(ap.data + 36, static_cast<int32_t>(m_baudRate));
        WriteInt(ap.data + 40, static_cast<int32_t>(m_baudRate));
        return BSD_OK;
    }
    case BSD_FIONBIO:
    case BSD_FIOASYNC:
        return BSD_OK;
    default:
        return BSD_ENOTTY;
    }
}

int
SerialLine::Poll(DevPollArgs& ap)
{
    Port& p = PortOf(ap);
    int32_t revents = 0;
    if (!m_carrier)
    {
        revents |= BSD_POLLHUP;
    }
    if (ap.events & (BSD_POLLIN | BSD_POLLRDNORM))
    {
        if (!p.rxBuffer.empty())
        {
            revents |= ap.events & (BSD_POLLIN | BSD_POLLRDNORM);
        }
        else
        {
            p.rsel.Record(ap.caller);
        }
    }
    if (ap.events & (BSD_POLLOUT | BSD_POLLWRNORM))
    {
        if (m_carrier && p.txQueue.size() < m_txBufferSize)
        {
            revents |= ap.events & (BSD_POLLOUT | BSD_POLLWRNORM);
        }
        else
        {
            p.wsel.Record(ap.caller);
        }
    }
    ap.events = revents;
    return BSD_OK;
}

} // namespace ns3
