/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "serial-line.h"

#include "bsd-tty.h"
#include "serial-port-tap.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-fcntl.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-process.h"
#include "ns3/cdev.h"
#include "ns3/device-switch.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/hdlc-framing.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/process-table.h"
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

/**
 * Follow the receiver's view of PPP framing (RFC 1662) one octet at a time.
 * \param inFrame whether octets other than flags came since the last flag; updated
 * \param octet the next octet
 * \return whether it is a flag that closes a frame
 */
bool
ClosesFrame(bool& inFrame, uint8_t octet)
{
    bool closes = octet == HDLC_FLAG && inFrame;
    inFrame = octet != HDLC_FLAG;
    return closes;
}

/**
 * ClosesFrame over a run of octets, a flag at a time, up to the first that closes a frame.
 * \param inFrame as for ClosesFrame; updated to its value after that octet (false), or
 *        after the run if none closes
 * \param data the octets \param n how many
 * \return the index of the first octet that closes a frame, or \p n
 */
std::size_t
FirstClose(bool& inFrame, const uint8_t* data, std::size_t n)
{
    if (n == 0)
    {
        return 0;
    }
    const uint8_t* end = data + n;
    for (const uint8_t* at = data; at < end; ++at)
    {
        at = static_cast<const uint8_t*>(std::memchr(at, HDLC_FLAG, end - at));
        if (!at)
        {
            break;
        }
        if (at == data ? inFrame : at[-1] != HDLC_FLAG)
        {
            inFrame = false;
            return static_cast<std::size_t>(at - data);
        }
    }
    inFrame = end[-1] != HDLC_FLAG;
    return n;
}

/**
 * ClosesFrame over a whole run of octets.
 * \param inFrame as for ClosesFrame; updated to its value after the run
 * \param data the octets \param n how many
 * \return whether some octet of the run closes a frame
 */
bool
ClosesAFrame(bool& inFrame, const uint8_t* data, std::size_t n)
{
    if (FirstClose(inFrame, data, n) == n)
    {
        return false;
    }
    inFrame = data[n - 1] != HDLC_FLAG; // FirstClose stopped at the first close
    return true;
}

/**
 * Whether two successive octets of a run are \p gap or more apart. Answered from the
 * run's span when it can be: if one step were \p gap or more and every other at least
 * \p least, the span would be at least gap + (n - 2) * least.
 * \param times the octets' times, ascending \param n how many
 * \param gap a step in time steps
 * \param least a bound from below on every step (a character's time, rounded down)
 * \return whether some step is \p gap or more
 */
bool
HasGap(const int64_t* times, std::size_t n, int64_t gap, int64_t least)
{
    if (n < 2)
    {
        return false;
    }
    int64_t span = times[n - 1] - times[0];
    if (span < gap + static_cast<int64_t>(n - 2) * least)
    {
        return false;
    }
    for (std::size_t i = 1; i < n; ++i)
    {
        if (times[i] - times[i - 1] >= gap)
        {
            return true;
        }
    }
    return false;
}

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
            .AddAttribute("ReadWakeup",
                          "When a process reading the line is woken: at every interrupt of "
                          "its UART (interrupt, as ppp(8) on a 16550A) or only at the "
                          "interrupt that hands over a PPP frame's closing flag (frame): "
                          "the same bytes at the same times, fewer reads.",
                          EnumValue(SerialLine::WAKE_PER_INTERRUPT),
                          MakeEnumAccessor(&SerialLine::m_readWakeup),
                          MakeEnumChecker(SerialLine::WAKE_PER_INTERRUPT,
                                          "interrupt",
                                          SerialLine::WAKE_PER_FRAME,
                                          "frame"))
            .AddAttribute("HangupOnClose",
                          "Model the two ends' DTR, as modems (or a null-modem cable) see it: "
                          "a port raises DTR when its device is opened and drops it on the "
                          "last close (HUPCL, on by default in FreeBSD), and the carrier is "
                          "present only while both ports have DTR up. So a daemon that dies "
                          "hangs up the line and its peer sees the carrier go. Off: the "
                          "carrier is the line's alone (DCD strapped on).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&SerialLine::m_hangupOnClose),
                          MakeBooleanChecker())
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
      m_readWakeup(WAKE_PER_INTERRUPT),
      m_lossRandom(CreateObject<UniformRandomVariable>()),
      m_corruptRandom(CreateObject<UniformRandomVariable>())
{
}

SerialLine::~SerialLine() = default;

void
SerialLine::DoDispose()
{
    // What happened on the wire before the end is in the traces and counters.
    m_disposing = true;
    Advance();
    for (EventId& timer : m_timers)
    {
        timer.Cancel();
    }
    m_timerAt = {Time::Max(), Time::Max()};
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
    Advance();
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
    const_cast<SerialLine*>(this)->Advance();
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

const Time&
SerialLine::FourCharacters() const
{
    // Asked for at every byte: recomputed only when the line's speed or framing changed.
    uint32_t bits = GetBitsPerByte();
    if (m_timingBaud != m_baudRate || m_timingBits != bits)
    {
        m_timingBaud = m_baudRate;
        m_timingBits = bits;
        m_fourCharacters = 4 * GetTransmissionTime(1);
        m_leastStep = static_cast<int64_t>(static_cast<uint64_t>(bits) * 1000000000u / m_baudRate) *
                      NanoSeconds(1).GetTimeStep();
    }
    return m_fourCharacters;
}

int64_t
SerialLine::LeastStep() const
{
    FourCharacters(); // brings the cache up to date
    return m_leastStep;
}

SerialLine::Stats
SerialLine::GetStats(uint32_t direction) const
{
    const_cast<SerialLine*>(this)->Advance(); // the counters as of now
    return m_stats.at(direction);
}

void
SerialLine::Connect(Ptr<Node> a, uint32_t unitA, Ptr<Node> b, uint32_t unitB)
{
    NS_ABORT_MSG_IF(m_ports[0].node, "SerialLine: already connected");
    // With HangupOnClose, no port is open yet: no DTR, no carrier.
    m_carrier = m_carrierWanted && !m_hangupOnClose;
    std::array<std::pair<Ptr<Node>, uint32_t>, 2> ends = {{{a, unitA}, {b, unitB}}};
    for (uint32_t side = 0; side < 2; ++side)
    {
        Port& p = m_ports[side];
        p.node = ends[side].first;
        Ptr<DeviceSwitch> sw = DeviceSwitch::Install(p.node);
        p.kernel = BsdKernel::Install(p.node);
        Ptr<DevOps> ops = Create<DevOps>("cuaa");
        ops->head.maj = SIO_CDEV_MAJOR;
        ops->head.data = this; // the table keeps the line alive as long as its devices
        SerialLine* line = this;
        (*ops)[DevOp::OPEN] =
            MakeDevOp<DevOpenArgs>([line](DevOpenArgs& ap) { return line->Open(ap); });
        (*ops)[DevOp::CLOSE] =
            MakeDevOp<DevCloseArgs>([line](DevCloseArgs& ap) { return line->Close(ap); });
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
        Ptr<Cdev> dev = sw->MakeDev(ops,
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
        sw->AddOps(ops, 0xffffffff, unit);
    }
}

uint32_t
SerialLine::SideOf(const DevGenericArgs& ap) const
{
    return PeekPointer(ap.dev) == m_ports[0].dev ? 0 : 1;
}

SerialLine::Port&
SerialLine::PortOf(const DevGenericArgs& ap)
{
    return m_ports[SideOf(ap)];
}

int
SerialLine::Open(DevOpenArgs& ap)
{
    // sioopen raises DTR (and RTS); a dial-out device opens whatever the carrier (CLOCAL).
    m_dtr[SideOf(ap)] = true;
    UpdateCarrier();
    return BSD_OK;
}

int
SerialLine::Close(DevCloseArgs& ap)
{
    // sioclose on the last close: with HUPCL, DTR drops and the modem hangs up.
    m_dtr[SideOf(ap)] = false;
    UpdateCarrier();
    return BSD_OK;
}

void
SerialLine::SetCarrier(bool up)
{
    m_carrierWanted = up;
    UpdateCarrier();
}

void
SerialLine::UpdateCarrier()
{
    bool up = m_carrierWanted && (!m_hangupOnClose || (m_dtr[0] && m_dtr[1]));
    if (up == m_carrier)
    {
        return;
    }
    Advance();
    m_carrier = up;
    if (!up)
    {
        for (uint32_t side = 0; side < 2; ++side)
        {
            Port& p = m_ports[side];
            // The queue is lost; the byte leaving and those on the wire are lost too, as
            // they finish leaving or arrive.
            std::size_t waiting = TxQueueLength(side);
            m_stats[side].lost += waiting;
            p.wire.Truncate(p.wire.size() - waiting);
            SetBurstLength(p, p.burstBytes - waiting);
            for (std::size_t i = 0; i < p.wire.size(); ++i)
            {
                p.wire.Set(i, SerialWire::CUT);
            }
            p.fifo.clear();
            p.timeoutArmed = false;
            p.inFrame = false;
        }
    }
    NS_LOG_INFO("carrier " << (up ? "up" : "down"));
    m_carrierTrace(up);
    // Readers see end of file, writers EIO, pollers POLLHUP: wake them all.
    for (Port& p : m_ports)
    {
        if (p.node)
        {
            p.kernel->Wakeup(&p.rxChannel);
            p.kernel->Wakeup(&p.txChannel);
            p.rsel.Wakeup();
            p.wsel.Wakeup();
        }
    }
    Rearm(0);
    Rearm(1);
}

bool
SerialLine::GetCarrier() const
{
    return m_carrier;
}

int
SerialLine::Read(DevReadArgs& ap)
{
    Advance();
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
        int error =
            ap.caller->Tsleep(&p.rxChannel,
                              BSD_PCATCH | (BSD_PZERO + 1),
                              "ttyin",
                              Time(0),
                              [this, args](int e) { return e != BSD_OK ? e : Read(*args); });
        return error; // the other port's timer runs while bytes come: see Rearm
    }
    std::size_t n = std::min<std::size_t>(ap.uio->GetResid(), p.rxBuffer.size());
    int error = ap.uio->Move(p.rxBuffer.begin(), n);
    p.rxBuffer.drop_front(n);
    return error;
}

int
SerialLine::Write(DevWriteArgs& ap)
{
    Advance();
    uint32_t side = SideOf(ap);
    int error = WriteSome(side, ap);
    Rearm(side); // whatever was queued, even if the call then sleeps or fails
    return error;
}

int
SerialLine::WriteSome(uint32_t side, DevWriteArgs& ap)
{
    Port& p = m_ports[side];
    uint8_t chunk[512];
    while (ap.uio->GetResid() > 0)
    {
        if (!m_carrier)
        {
            return BSD_EIO;
        }
        std::size_t queued = TxQueueLength(side);
        std::size_t space = m_txBufferSize - std::min<std::size_t>(m_txBufferSize, queued);
        if (space == 0)
        {
            if (ap.ioflag & BSD_IO_NDELAY)
            {
                return BSD_EWOULDBLOCK; // a partial write reports its count
            }
            DevWriteArgs* args = &ap;
            int error =
                ap.caller->Tsleep(&p.txChannel,
                                  BSD_PCATCH | (BSD_PZERO + 1),
                                  "ttyout",
                                  Time(0),
                                  [this, args](int e) { return e != BSD_OK ? e : Write(*args); });
            ArmTimer(side, NextWriterWakeup(side));
            return error;
        }
        std::size_t n = std::min<std::size_t>(
            {space, static_cast<std::size_t>(ap.uio->GetResid()), sizeof(chunk)});
        ap.uio->Move(chunk, n);
        Transmit(side, chunk, n);
    }
    return BSD_OK;
}

void
SerialLine::Transmit(uint32_t side, const uint8_t* data, std::size_t n)
{
    Port& p = m_ports[side];
    if (p.completed == p.wire.size())
    {
        // An idle transmitter: a new burst starts now.
        p.burstStart = Simulator::Now();
        SetBurstLength(p, 0);
    }
    // Byte k of a burst ends at start + ceil(k * bits * 1e9 / baud) ns: no accumulated
    // rounding. The product grows by a constant step, so keep it as quotient and rest.
    uint64_t step = static_cast<uint64_t>(GetBitsPerByte()) * 1000000000u;
    uint64_t stepQuotient = step / m_baudRate;
    uint64_t stepRemainder = step % m_baudRate;
    // Time steps per nanosecond (1 unless the simulator's resolution is finer), so that
    // each byte's time is an integer sum, not a unit conversion.
    int64_t stepsPerNs = NanoSeconds(1).GetTimeStep();
    int64_t start = p.burstStart.GetTimeStep();
    uint64_t baud = m_baudRate;
    uint64_t quotient = p.burstQuotient;
    uint64_t remainder = p.burstRemainder;
    std::size_t first = p.wire.size();
    int64_t* out = p.wire.Append(n, data);
    if (stepRemainder == 0)
    {
        // A character is a whole number of nanoseconds (10 bits at 1, 10 or 100 Mbaud):
        // the rest never changes, and the times are an arithmetic progression.
        int64_t base = start + static_cast<int64_t>(quotient + (remainder ? 1 : 0)) * stepsPerNs;
        int64_t stride = static_cast<int64_t>(stepQuotient) * stepsPerNs;
        for (std::size_t i = 0; i < n; ++i)
        {
            out[i] = base + static_cast<int64_t>(i + 1) * stride;
        }
        quotient += n * stepQuotient;
    }
    else
    {
        for (std::size_t i = 0; i < n; ++i)
        {
            quotient += stepQuotient;
            remainder += stepRemainder;
            if (remainder >= baud)
            {
                remainder -= baud;
                ++quotient;
            }
            out[i] = start + static_cast<int64_t>(quotient + (remainder ? 1 : 0)) * stepsPerNs;
        }
    }
    p.burstBytes += n;
    p.burstQuotient = quotient;
    p.burstRemainder = remainder;
    // Each byte's fate is drawn as it is written, in byte order (doc/tun.rst, "Serial
    // lines").
    if (m_byteLossRate > 0 || m_byteErrorRate > 0)
    {
        for (std::size_t i = first; i < first + n; ++i)
        {
            if (m_byteLossRate > 0 && m_lossRandom->GetValue() < m_byteLossRate)
            {
                p.wire.Set(i, SerialWire::LOST);
            }
            else if (m_byteErrorRate > 0 && m_corruptRandom->GetValue() < m_byteErrorRate)
            {
                p.wire.SetCorruption(i,
                                     static_cast<uint8_t>(1u << m_corruptRandom->GetInteger(0, 7)));
            }
        }
    }
}

void
SerialLine::SetBurstLength(Port& p, uint64_t bytes) const
{
    unsigned __int128 bits = static_cast<unsigned __int128>(bytes) * GetBitsPerByte();
    unsigned __int128 product = bits * 1000000000u;
    p.burstBytes = bytes;
    p.burstQuotient = static_cast<uint64_t>(product / m_baudRate);
    p.burstRemainder = static_cast<uint64_t>(product % m_baudRate);
}

std::size_t
SerialLine::TxQueueLength(uint32_t side) const
{
    // Of the bytes not yet sent, the first is leaving (the tty took it off its queue).
    std::size_t unsent = m_ports[side].wire.size() - m_ports[side].completed;
    return unsent > 0 ? unsent - 1 : 0;
}

SerialLine::Step
SerialLine::NextStep(const std::array<Time, 2>& horizon, Time* at, uint32_t* direction) const
{
    // At one instant: completions, then arrivals (scheduled by completions, and after
    // them when the delay is 0); a FIFO timeout comes before an arrival it ties with
    // when it was armed first, which is when the delay is under four characters.
    Step step = Step::NONE;
    *at = Time::Max();
    auto consider = [&](Step kind, Time t, uint32_t d) {
        if (t <= horizon[d] && t < *at)
        {
            *at = t;
            step = kind;
            *direction = d;
        }
    };
    bool timeoutFirst = m_delay < FourCharacters();
    for (uint32_t d = 0; d < 2; ++d)
    {
        const Port& p = m_ports[d];
        if (p.completed < p.wire.size())
        {
            consider(Step::COMPLETE, TimeStep(p.wire.Done(p.completed)), d);
        }
    }
    for (uint32_t d = 0; d < 2; ++d)
    {
        if (timeoutFirst && m_ports[1 - d].timeoutArmed)
        {
            consider(Step::TIMEOUT, m_ports[1 - d].timeout, d);
        }
    }
    for (uint32_t d = 0; d < 2; ++d)
    {
        const Port& p = m_ports[d];
        if (p.completed > 0)
        {
            consider(Step::ARRIVE, TimeStep(p.wire.Done(0)) + m_delay, d);
        }
    }
    for (uint32_t d = 0; d < 2; ++d)
    {
        if (!timeoutFirst && m_ports[1 - d].timeoutArmed)
        {
            consider(Step::TIMEOUT, m_ports[1 - d].timeout, d);
        }
    }
    return step;
}

inline bool
SerialLine::TimeoutFirst(Time timeout, Time arrival) const
{
    // At one instant the timeout comes first when it was armed first, which is when the
    // delay is under four characters (it was armed by the previous arrival, the arrival
    // scheduled by its completion, one delay earlier).
    return timeout < arrival || (timeout == arrival && m_delay < FourCharacters());
}

bool
SerialLine::IncludeNow() const
{
    // Asked on every look at the line: the cheaper question first.
    return !Simulator::IsFinished() || !(m_timers[0].IsRunning() || m_timers[1].IsRunning());
}

void
SerialLine::Advance(int direction)
{
    // Everything due before now, in time order; at now itself, only \p direction's
    // steps (or both), so that two directions due at one instant act in their timers'
    // order, as their bytes' events would.
    Time now = Simulator::Now();
    Time before = now - TimeStep(1);
    std::array<Time, 2> horizon = {now, now};
    if (!IncludeNow())
    {
        horizon = {before, before};
    }
    else if (direction >= 0)
    {
        horizon[1 - direction] = before;
    }
    if (!m_taps[0] && !m_taps[1])
    {
        // Nothing orders one direction's bytes against the other's: a port's capture
        // would, so with taps the steps interleave by time below.
        CatchUp(0, horizon[0]);
        CatchUp(1, horizon[1]);
        return;
    }
    for (;;)
    {
        Time at;
        uint32_t d = 0;
        switch (NextStep(horizon, &at, &d))
        {
        case Step::COMPLETE:
            Complete(d, at);
            break;
        case Step::ARRIVE:
            Arrive(d, at);
            break;
        case Step::TIMEOUT:
            Interrupt(1 - d, at);
            break;
        case Step::NONE:
            return;
        }
    }
}

void
SerialLine::CatchUp(uint32_t direction, Time horizon)
{
    Port& p = m_ports[direction];
    Port& receiver = m_ports[1 - direction];
    int64_t until = horizon.GetTimeStep();
    int64_t delay = m_delay.GetTimeStep();
    // Most looks at the line find one direction with nothing due: leave at once.
    bool completes = p.completed < p.wire.size() && p.wire.Done(p.completed) <= until;
    bool arrives = p.completed > 0 && p.wire.Done(0) + delay <= until;
    if (!completes && !arrives && !(receiver.timeoutArmed && receiver.timeout <= horizon))
    {
        return;
    }
    // The bytes that have finished leaving: they only count, and make room.
    std::size_t first = p.completed;
    if (m_txTrace.IsEmpty())
    {
        Stats& stats = m_stats[direction];
        const int64_t* times = p.wire.Times();
        std::size_t k = first;
        if (!p.wire.Fated())
        {
            // Times only grow: the bytes that have left end where the first later one is.
            k = std::upper_bound(times + first, times + p.wire.size(), until) - times;
        }
        for (; k < p.wire.size() && times[k] <= until; ++k)
        {
            if (p.wire.Lost(k))
            {
                ++stats.lost;
                p.wire.Set(k, SerialWire::GONE);
            }
            else if (p.wire.Corruption(k))
            {
                ++stats.corrupted;
            }
        }
        stats.sent += k - first;
        p.completed = k;
    }
    else
    {
        while (p.completed < p.wire.size() && p.wire.Done(p.completed) <= until)
        {
            LeaveTransmitter(direction);
        }
    }
    bool completed = p.completed != first;
    DropGone(p);
    // Past the instant at which the queue fell to a quarter nobody waits for room (the
    // timer would have fired), so one wakeup at the end is the same as one per byte.
    if (completed)
    {
        WakeWritersIfRoom(p);
    }
    // Arrivals and FIFO timeouts at the other end, in time order.
    bool byteTrace = !m_rxTrace.IsEmpty();
    for (;;)
    {
        bool arrives = p.completed > 0 && p.wire.Done(0) + delay <= until;
        Time arrival = arrives ? TimeStep(p.wire.Done(0) + delay) : Time::Max();
        if (receiver.timeoutArmed && receiver.timeout <= horizon &&
            TimeoutFirst(receiver.timeout, arrival))
        {
            Interrupt(1 - direction, receiver.timeout);
            continue;
        }
        if (!arrives)
        {
            return;
        }
        if (byteTrace || p.wire.Has(0, SerialWire::CUT))
        {
            Arrive(direction, arrival);
            continue;
        }
        ArriveRun(direction, until);
    }
}

void
SerialLine::ArriveRun(uint32_t direction, int64_t until)
{
    // Bytes of one burst arrive a character apart, less than the FIFO's four-character
    // timeout: until a gap, a cut byte or the horizon, the FIFO only fills, and
    // interrupts fall every RxFifoTrigger bytes.
    Port& p = m_ports[direction];
    Port& receiver = m_ports[1 - direction];
    int64_t fourCharacters = FourCharacters().GetTimeStep();
    int64_t delay = m_delay.GetTimeStep();
    const SerialWire& wire = p.wire;
    const int64_t* times = wire.Times();
    bool fated = wire.Fated();
    // The bytes due by the horizon (times only grow), then the run among them.
    std::size_t due =
        fated ? p.completed : std::upper_bound(times, times + p.completed, until - delay) - times;
    std::size_t n = 1;
    if (!fated && due > 1 && !HasGap(times, due, fourCharacters, LeastStep()))
    {
        n = due;
    }
    while (n < due && times[n] - times[n - 1] < fourCharacters &&
           (!fated || (!wire.Has(n, SerialWire::CUT) && !wire.Has(n, SerialWire::GONE) &&
                       times[n] + delay <= until)))
    {
        ++n;
    }
    int64_t last = times[n - 1];
    // The FIFO interrupts whenever it reaches its trigger level. Its interrupts within
    // the run come one after the other with nothing in between, so one Interrupt at the
    // last of them hands over the same bytes, with the same overruns and wakeups.
    std::vector<uint8_t>& fifo = receiver.fifo;
    std::size_t handedOver = (fifo.size() + n) / m_rxFifoTrigger * m_rxFifoTrigger;
    std::size_t old = fifo.size();
    fifo.resize(old + n);
    if (!fated)
    {
        std::memcpy(fifo.data() + old, wire.Values(), n);
    }
    else
    {
        for (std::size_t i = 0; i < n; ++i)
        {
            fifo[old + i] = wire.Arriving(i);
        }
    }
    if (handedOver > 0)
    {
        std::size_t lastOfRun = handedOver - old - 1;
        std::size_t rest = fifo.size() - handedOver;
        // Interrupt takes the whole FIFO: keep the bytes after the last interrupt aside.
        uint8_t tail[256];
        std::copy(fifo.end() - static_cast<std::ptrdiff_t>(rest), fifo.end(), tail);
        fifo.resize(handedOver);
        Interrupt(1 - direction, TimeStep(times[lastOfRun] + delay));
        fifo.assign(tail, tail + rest);
    }
    m_stats[direction].delivered += n;
    p.wire.DropFront(n);
    p.completed -= n;
    DropGone(p);
    if (!receiver.fifo.empty())
    {
        receiver.timeoutArmed = true;
        receiver.timeout = TimeStep(last + delay + fourCharacters);
    }
}

void
SerialLine::Complete(uint32_t side, Time at)
{
    Port& p = m_ports[side];
    uint8_t value = LeaveTransmitter(side);
    if (m_taps[side])
    {
        m_taps[side]->Sent(value, at);
    }
    DropGone(p);
    WakeWritersIfRoom(p);
}

// inline: per byte, and a shared library's own functions are otherwise called through
// the PLT and not inlined.
inline uint8_t
SerialLine::LeaveTransmitter(uint32_t side)
{
    Port& p = m_ports[side];
    std::size_t i = p.completed++;
    uint8_t value = p.wire.Value(i);
    Stats& stats = m_stats[side];
    ++stats.sent;
    m_txTrace(side, value);
    if (p.wire.Lost(i))
    {
        ++stats.lost;
        p.wire.Set(i, SerialWire::GONE);
    }
    else if (p.wire.Corruption(i))
    {
        ++stats.corrupted;
    }
    return value;
}

inline void
SerialLine::DropGone(Port& p)
{
    while (p.completed > 0 && p.wire.Has(0, SerialWire::GONE))
    {
        p.wire.DropFront(1);
        --p.completed;
    }
}

inline void
SerialLine::WakeWritersIfRoom(Port& p)
{
    // Room in the output queue again: wake writers once it falls to a quarter.
    if (!m_disposing && p.wire.size() - p.completed <= m_txBufferSize / 4)
    {
        p.kernel->Wakeup(&p.txChannel);
        p.wsel.WakeupSleepers();
    }
}

void
SerialLine::Arrive(uint32_t side, Time at)
{
    Port& p = m_ports[side];
    bool cut = p.wire.Has(0, SerialWire::CUT);
    uint8_t byte = p.wire.Arriving(0);
    p.wire.DropFront(1);
    --p.completed;
    DropGone(p);
    if (cut)
    {
        ++m_stats[side].lost;
        return;
    }
    ArriveAtUart(1 - side, byte, at);
}

void
SerialLine::ArriveAtUart(uint32_t side, uint8_t byte, Time at)
{
    Port& p = m_ports[side];
    ++m_stats[1 - side].delivered;
    m_rxTrace(1 - side, byte);
    p.fifo.push_back(byte);
    if (m_taps[side])
    {
        m_taps[side]->Received(byte, at);
    }
    if (p.fifo.size() >= m_rxFifoTrigger)
    {
        Interrupt(side, at);
        return;
    }
    // The 16550's character timeout: four character times without a new byte.
    p.timeoutArmed = true;
    p.timeout = at + FourCharacters();
}

void
SerialLine::Interrupt(uint32_t side, Time)
{
    Port& p = m_ports[side];
    p.timeoutArmed = false;
    bool frameEnds = ClosesAFrame(p.inFrame, p.fifo.data(), p.fifo.size());
    // What the buffer has no room for is overrun, the oldest kept.
    std::size_t room = m_rxBufferSize - std::min<std::size_t>(m_rxBufferSize, p.rxBuffer.size());
    std::size_t kept = std::min(room, p.fifo.size());
    p.rxBuffer.append(p.fifo.data(), kept);
    m_stats[1 - side].overruns += p.fifo.size() - kept;
    p.fifo.clear();
    if (m_readWakeup == WAKE_PER_FRAME && !frameEnds)
    {
        return;
    }
    if (m_disposing)
    {
        return;
    }
    p.kernel->Wakeup(&p.rxChannel);
    p.rsel.WakeupSleepers();
}

Time
SerialLine::NextReaderWakeup(uint32_t side) const
{
    // Run the receiver forward over the bytes already on their way, without changing it.
    // In time steps: in frame mode this goes over a frame's bytes.
    const Port& p = m_ports[side];
    const SerialWire& wire = m_ports[1 - side].wire;
    bool frameMode = m_readWakeup == WAKE_PER_FRAME;
    bool inFrame = p.inFrame;
    bool frameEnds = ClosesAFrame(inFrame, p.fifo.data(), p.fifo.size());
    std::size_t count = p.fifo.size();
    bool armed = p.timeoutArmed;
    int64_t timeout = p.timeout.GetTimeStep();
    int64_t fourCharacters = FourCharacters().GetTimeStep();
    int64_t delay = m_delay.GetTimeStep();
    bool timeoutWinsTie = delay < fourCharacters; // TimeoutFirst
    const int64_t* times = wire.Times();
    std::size_t i = 0;
    std::size_t n = wire.size();
    if (frameMode && !frameEnds && !wire.Fated())
    {
        // Before the frame's closing flag no interrupt wakes anybody: the FIFO only
        // counts, and every interrupt and timeout empties it.
        std::size_t close = FirstClose(inFrame, wire.Values(), n);
        for (; i < close; ++i)
        {
            if (i == 1 && !HasGap(times, close, fourCharacters, LeastStep()))
            {
                // Back to back up to the flag: no timeout, an interrupt every trigger.
                count = (count + close - 1) % m_rxFifoTrigger;
                armed = count != 0;
                timeout = times[close - 1] + delay + fourCharacters;
                i = close;
                break;
            }
            int64_t arrival = times[i] + delay;
            if (armed && (timeout < arrival || (timeout == arrival && timeoutWinsTie)))
            {
                count = 0;
            }
            if (++count >= m_rxFifoTrigger)
            {
                armed = false;
                count = 0;
                continue;
            }
            armed = true;
            timeout = arrival + fourCharacters;
        }
        if (close == n)
        {
            return Time::Max();
        }
        inFrame = true; // the byte at close closes the frame
    }
    for (; i < n; ++i)
    {
        if (wire.Lost(i))
        {
            continue; // it never reaches the FIFO
        }
        int64_t arrival = times[i] + delay;
        if (armed && (timeout < arrival || (timeout == arrival && timeoutWinsTie)))
        {
            if (!frameMode || frameEnds)
            {
                return TimeStep(timeout);
            }
            armed = false;
            count = 0;
        }
        frameEnds |= ClosesFrame(inFrame, wire.Arriving(i));
        if (++count >= m_rxFifoTrigger)
        {
            if (!frameMode || frameEnds)
            {
                return TimeStep(arrival);
            }
            armed = false;
            count = 0;
            continue;
        }
        armed = true;
        timeout = arrival + fourCharacters;
    }
    if (armed && (!frameMode || frameEnds))
    {
        return TimeStep(timeout);
    }
    return Time::Max();
}

Time
SerialLine::NextWriterWakeup(uint32_t side) const
{
    // Writers wake at the first completion that leaves a quarter of the buffer or less.
    const Port& p = m_ports[side];
    std::size_t unsent = p.wire.size() - p.completed;
    if (unsent == 0)
    {
        return Time::Max();
    }
    std::size_t quarter = m_txBufferSize / 4;
    std::size_t k = unsent > quarter ? unsent - quarter : 1;
    return TimeStep(p.wire.Done(p.completed + k - 1));
}

Time
SerialLine::IdleDeadline(uint32_t direction) const
{
    const Port& p = m_ports[direction];
    if (p.wire.empty())
    {
        const Port& receiver = m_ports[1 - direction];
        return receiver.timeoutArmed ? receiver.timeout : Time::Max();
    }
    // A byte lost as it leaves has no arrival: its last moment is leaving.
    std::size_t n = p.wire.size();
    Time last = TimeStep(p.wire.Done(n - 1));
    for (std::size_t i = n; i-- > 0;)
    {
        if (!p.wire.Has(i, SerialWire::LOST) && !p.wire.Has(i, SerialWire::GONE))
        {
            return std::max(last, TimeStep(p.wire.Done(i)) + m_delay);
        }
    }
    return last;
}

bool
SerialLine::WatchesEveryByte() const
{
    bool ascii = (m_taps[0] && m_taps[0]->HasAscii()) || (m_taps[1] && m_taps[1]->HasAscii());
    return ascii || !m_txTrace.IsEmpty() || !m_rxTrace.IsEmpty();
}

void
SerialLine::ArmTimer(uint32_t direction, Time at)
{
    // m_timerAt is Time::Max() exactly when no timer is pending (OnTimer resets it): cheaper
    // to ask than the simulator, and asked several times per look at the line.
    EventId& timer = m_timers[direction];
    if (at == Time::Max() || m_timerAt[direction] <= at)
    {
        return;
    }
    if (m_timerAt[direction] != Time::Max())
    {
        timer.Cancel();
    }
    at = std::max(at, Simulator::Now());
    m_timerAt[direction] = at;
    // No Ptr in the event: a line whose nodes are gone is freed, and DoDispose cancels.
    timer = Simulator::Schedule(at - Simulator::Now(), &SerialLine::OnTimer, this, direction);
}

void
SerialLine::Rearm(uint32_t direction)
{
    if (!m_ports[0].node)
    {
        return;
    }
    if (WatchesEveryByte())
    {
        std::array<Time, 2> horizon = {Time::Max(), Time::Max()};
        horizon[1 - direction] = Time::Min();
        Time at;
        uint32_t d;
        if (NextStep(horizon, &at, &d) != Step::NONE)
        {
            ArmTimer(direction, at);
        }
        return;
    }
    // While bytes travel, the timer steps from one reader wakeup to the next whether or
    // not anybody reads yet: started by the write that started the burst, it keeps the
    // order that per-byte events would give two lines, or two directions, due together.
    ArmTimer(direction, NextReaderWakeup(1 - direction));
    const Port& p = m_ports[direction];
    if (p.wsel.GetRecordedCount() > 0 ||
        p.kernel->GetProcessTable()->GetSleeperCount(&p.txChannel) > 0)
    {
        ArmTimer(direction, NextWriterWakeup(direction));
    }
    // Keep the simulation going while the line works, as its bytes' events would.
    ArmTimer(direction, IdleDeadline(direction));
}

void
SerialLine::OnTimer(uint32_t direction)
{
    m_timerAt[direction] = Time::Max();
    // Stepping byte by byte, the line catches up whole, in the per-byte events' order.
    Advance(WatchesEveryByte() ? -1 : static_cast<int>(direction));
    Rearm(direction);
}

int
SerialLine::Ioctl(DevIoctlArgs& ap)
{
    Advance();
    Port& p = PortOf(ap);
    switch (ap.cmd)
    {
    case BSD_FIONREAD:
        WriteInt(ap.data, static_cast<int32_t>(p.rxBuffer.size()));
        return BSD_OK;
    case BSD_TIOCOUTQ:
        WriteInt(ap.data, static_cast<int32_t>(TxQueueLength(SideOf(ap))));
        return BSD_OK;
    case BSD_TIOCMGET:
        WriteInt(ap.data,
                 BSD_TIOCM_DTR | BSD_TIOCM_DSR | BSD_TIOCM_CTS | (m_carrier ? BSD_TIOCM_CD : 0));
        return BSD_OK;
    case BSD_TIOCGETA: {
        // struct termios of FreeBSD 4: four flag words, c_cc[20], c_ispeed, c_ospeed.
        // Only the character size, parity, stop bits and speeds mean anything here.
        std::fill(ap.data, ap.data + 44, 0);
        int32_t cflag =
            static_cast<int32_t>(((m_dataBits - 5) << 8) | BSD_CREAD | (m_parity ? BSD_PARENB : 0) |
                                 (m_stopBits == 2 ? BSD_CSTOPB : 0));
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
    Advance();
    uint32_t side = SideOf(ap);
    Port& p = m_ports[side];
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
        if (m_carrier && TxQueueLength(side) < m_txBufferSize)
        {
            revents |= ap.events & (BSD_POLLOUT | BSD_POLLWRNORM);
        }
        else
        {
            p.wsel.Record(ap.caller);
            ArmTimer(side, NextWriterWakeup(side));
        }
    }
    ap.events = revents;
    return BSD_OK;
}

} // namespace ns3
