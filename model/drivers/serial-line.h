/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SERIAL_LINE_H
#define SERIAL_LINE_H

#include "serial-wire.h"

#include "ns3/dev-ops.h"
#include "ns3/event-id.h"
#include "ns3/front-queue.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/sel-info.h"
#include "ns3/traced-callback.h"

#include <array>
#include <vector>

/**
 * \file
 * \ingroup tun
 * An asynchronous serial line between two nodes, seen by each as a tty, /dev/cuaaN.
 */

namespace ns3
{

class Cdev;
class BsdKernel;
class DeviceSwitch;
class Node;
class OutputStreamWrapper;
class SerialPortTap;

/**
 * \ingroup tun
 * \brief A serial cable with a UART at each end: a byte stream with exact asynchronous
 * timing, an optional byte error model and a carrier that can be cut and restored.
 *
 * Each byte takes DataBits + parity + StopBits + 1 (start) bit times on the wire; byte k
 * of a continuous burst finishes at start + ceil(k * bits / baud) in integer
 * nanoseconds, so long transfers accumulate no rounding. The receiving UART raises an
 * interrupt when its FIFO holds RxFifoTrigger bytes, or four character times after the
 * last byte (a 16550A; a trigger of 1 is a UART without FIFO). The ends are character
 * devices `/dev/cuaa<unit>` on their nodes (major 28, as FreeBSD 4's sio dial-out
 * devices): read, write, poll and ioctl (FIONREAD, TIOCOUTQ, TIOCMGET, TIOCGETA) through the
 * simulated file API, with reads that block in simulated time.
 *
 * The line schedules no event per byte. Every byte's wire times follow from its burst's
 * start, so the line keeps the bytes with their times and catches up (Advance) whenever
 * it is looked at; one timer per direction fires only where something can be seen: an interrupt
 * that wakes a reader, room that wakes a writer, the end of the line's activity, and,
 * while a byte trace or an ascii trace listens, every byte. What it hands to processes
 * and traces, and when, is what a byte-by-byte simulation gives.
 */
class SerialLine : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SerialLine();
    ~SerialLine() override;

    /**
     * Plug the line into `/dev/cuaa<unitA>` on \p a and `/dev/cuaa<unitB>` on \p b.
     * \param a one node \param unitA its port \param b the other \param unitB its port
     */
    void Connect(Ptr<Node> a, uint32_t unitA, Ptr<Node> b, uint32_t unitB);

    /// \param up carrier present (DCD) at both ends; with HangupOnClose, only while both
    ///        ports also have DTR up
    void SetCarrier(bool up);
    /// \return whether the carrier is up
    bool GetCarrier() const;

    /// \return bits on the wire per byte: start + data + parity + stop
    uint32_t GetBitsPerByte() const;

    /**
     * \param bytes a byte count
     * \return how long that many back-to-back bytes occupy the line, rounded up to the ns
     */
    Time GetTransmissionTime(uint64_t bytes) const;

    /// Counters of one direction (0: from a's port, 1: from b's).
    struct Stats
    {
        uint64_t sent{0};      //!< bytes that left the transmitter
        uint64_t delivered{0}; //!< bytes that reached the other UART
        uint64_t lost{0};      //!< bytes the error model or a carrier cut lost
        uint64_t corrupted{0}; //!< bytes the error model changed
        uint64_t overruns{0};  //!< bytes dropped because the receive buffer was full
    };

    /// \param direction 0 or 1 \return its counters
    Stats GetStats(uint32_t direction) const;

    /**
     * Capture what \p port sends and receives as a pcap file, DLT_PPP (link type 9): one
     * record per PPP frame (Address, Control, Protocol, Information), decoded from the
     * HDLC byte stream of each direction and stamped when its closing flag has left the
     * port (sent) or reached it (received). Frames the decoder rejects are not written
     * (see GetTraceDropped). A SerialPortTap does the work.
     * \param filename the file (truncated)
     * \param port 0 for the end at Connect's \p a, 1 for the end at \p b
     */
    void EnablePcap(const std::string& filename, uint32_t port);

    /**
     * Write an ascii trace of what \p port sends and receives, decoded as for pcap, one
     * line per frame in ns-3's ascii style: "- <seconds> /NodeList/<node>/dev/cuaa<unit>
     * <protocol> <octets>" for a frame the port sent, "r ..." for one it received,
     * "d <seconds> <port> <reason>" for one the decoder rejected (a reason of
     * HdlcDeframer::Counters::ForEachDropSince: bad-fcs, runt, oversize, abort,
     * bad-header).
     * \param stream where the lines go (several ports may share one)
     * \param port 0 or 1, as for EnablePcap
     */
    void EnableAscii(Ptr<OutputStreamWrapper> stream, uint32_t port);

    /**
     * Record the raw byte stream of both directions in pppd's record file format
     * (pppd's "record" option; pppdump(8) and Wireshark read it), as seen from \p port:
     * the bytes that port's transmitter sends are "sent" (tag 1), stamped when each has
     * left the UART; the bytes arriving at its UART are "received" (tag 2), stamped
     * on arrival, after the error model (a lost byte is not there). Timestamps are
     * simulated time plus the PppdumpEpoch attribute, in pppd's tenths of a second.
     * The file is complete once FlushTraces() is called or the line is disposed.
     * \param filename the file (truncated)
     * \param port 0 or 1, as for EnablePcap
     */
    void EnablePppdump(const std::string& filename, uint32_t port);

    /// Write the pppdump records being gathered and flush the ascii streams.
    void FlushTraces();

    /// \return frames the trace decoders rejected (bad FCS, runts...), both ports
    uint64_t GetTraceDropped() const;

    /**
     * Use fixed random streams for the error model (ns-3's AssignStreams convention).
     * \param stream first stream index \return streams used (2)
     */
    int64_t AssignStreams(int64_t stream);

    /// When a process reading the line is woken.
    enum ReadWakeup
    {
        /// At every interrupt of the receiving UART, as a 16550A and ppp(8) do (default).
        WAKE_PER_INTERRUPT,
        /// Only at the interrupt that hands over a PPP frame's closing flag: the same
        /// bytes at the same times, fewer reads of the tty.
        WAKE_PER_FRAME,
    };

    /// Signature of the Tx/Rx traces: direction, and the byte.
    typedef void (*ByteTracedCallback)(uint32_t direction, uint8_t byte);
    /// Signature of the Carrier trace.
    typedef void (*CarrierTracedCallback)(bool up);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// One end: the port as the node's kernel sees it, its transmitter and its receiver.
    struct Port
    {
        Ptr<Node> node;        //!< the node
        Ptr<BsdKernel> kernel; //!< its kernel (sleep and wakeup)
        Cdev* dev{nullptr};    //!< /dev/cuaaN; its ops table owns the line, so no Ptr back
        /// Bytes this port has written that have not reached the other end, oldest first:
        /// the first \c completed have left the transmitter, the rest wait or are leaving.
        SerialWire wire;
        std::size_t completed{0};     //!< of wire, those that have left the transmitter
        Time burstStart;              //!< when the current burst's first bit left
        uint64_t burstBytes{0};       //!< bytes in the burst, the waiting ones included
        uint64_t burstQuotient{0};    //!< burstBytes * bits * 1e9 / baud
        uint64_t burstRemainder{0};   //!< ... and its remainder
        std::vector<uint8_t> fifo;    //!< the UART's receive FIFO
        bool timeoutArmed{false};     //!< the FIFO's character timeout runs
        Time timeout;                 //!< when it expires
        bool inFrame{false};          //!< ReadWakeup frame: octets since the last flag
        FrontQueue<uint8_t> rxBuffer; //!< bytes received, not yet read (the tty's clist)
        char rxChannel{0};            //!< readers sleep here
        char txChannel{0};            //!< writers sleep here
        SelInfo rsel;                 //!< readers polling
        SelInfo wsel;                 //!< writers polling
    };

    /// Kinds of moment at which the line's state changes by itself.
    enum class Step
    {
        NONE,     //!< nothing pending
        COMPLETE, //!< a byte finishes leaving a transmitter
        ARRIVE,   //!< a byte finishes arriving at the other UART
        TIMEOUT,  //!< a receive FIFO's character timeout expires
    };

    /// \param ap a call's arguments \return the port it is for, 0 or 1
    uint32_t SideOf(const DevGenericArgs& ap) const;
    /// \param ap a call's arguments \return the port it is for
    Port& PortOf(const DevGenericArgs& ap);
    int Open(DevOpenArgs& ap);
    int Close(DevCloseArgs& ap);
    /// The carrier follows SetCarrier and, with HangupOnClose, both ports' DTR: apply
    /// a change (a cut loses what is queued and on the wire; everyone waiting wakes).
    void UpdateCarrier();
    int Read(DevReadArgs& ap);
    int Write(DevWriteArgs& ap);
    int Ioctl(DevIoctlArgs& ap);
    int Poll(DevPollArgs& ap);
    /**
     * ttwrite: queue what fits, then sleep for room or fail.
     * \param side the writing port \param ap the write's arguments \return an errno
     */
    int WriteSome(uint32_t side, DevWriteArgs& ap);
    /**
     * Put bytes on \p side's transmitter, each with its wire time and its fate.
     * \param side the port \param data the bytes \param n how many
     */
    void Transmit(uint32_t side, const uint8_t* data, std::size_t n);
    /**
     * Set a burst's length in bytes, and the product of it and the character's bits in
     * nanoseconds divided by the baud rate, from which each byte's time is counted on.
     * \param p the transmitting port \param bytes the length
     */
    void SetBurstLength(Port& p, uint64_t bytes) const;
    /// \param side a port \return bytes written to it that have not started to leave
    std::size_t TxQueueLength(uint32_t side) const;
    /**
     * The next moment at which the line changes by itself.
     * \param horizon per direction, the latest moment to consider
     * \param[out] at when \param[out] direction whose bytes (the transmitting port)
     * \return its kind
     */
    Step NextStep(const std::array<Time, 2>& horizon, Time* at, uint32_t* direction) const;
    /**
     * Catch up: apply every byte completion, arrival and FIFO timeout due by now, in
     * time order, as the per-byte events of a naive model would have at their times.
     * \param direction -1 for both; else the other direction's steps due at this very
     *        instant wait for its own timer
     */
    void Advance(int direction = -1);
    /**
     * Catch one direction up to \p horizon on its own (no tap needs it interleaved with
     * the other): completions, then arrivals and timeouts in time order.
     * \param direction the transmitting port \param horizon the latest moment to apply
     */
    void CatchUp(uint32_t direction, Time horizon);
    /// \return whether Advance applies what is due at this very instant: yes, except
    /// once a run has stopped with the timer pending (events at the stop time never ran)
    bool IncludeNow() const;
    /**
     * The oldest bytes on a direction's wire arrive, as many as arrive back to back
     * by \p until: the FIFO fills and interrupts in bulk.
     * \param direction the transmitting port \param until the latest arrival to apply, in
     *        time steps
     */
    void ArriveRun(uint32_t direction, int64_t until);
    /// The byte at the head of \p side's transmitter finished leaving. \param side \param at
    void Complete(uint32_t side, Time at);
    /**
     * Count the byte at the head of \p side's transmitter out: sent, and lost or corrupted
     * as its fate says. \param side the transmitting port \return the byte as written
     */
    uint8_t LeaveTransmitter(uint32_t side);
    /// Drop the oldest bytes that left the transmitter lost. \param p a transmitting port
    void DropGone(Port& p);
    /// Wake \p p's writers if its queue is down to a quarter. \param p a transmitting port
    void WakeWritersIfRoom(Port& p);
    /**
     * \param timeout a FIFO timeout \param arrival an arrival at the same FIFO
     * \return whether the timeout comes first, as the per-byte events ordered them
     */
    bool TimeoutFirst(Time timeout, Time arrival) const;
    /// The oldest byte on \p side's wire reached the other UART. \param side \param at
    void Arrive(uint32_t side, Time at);
    /// A byte finished arriving at the UART of \p side. \param side \param byte \param at
    void ArriveAtUart(uint32_t side, uint8_t byte, Time at);
    /// The UART of \p side interrupts: its FIFO goes to the receive buffer. \param side
    /// \param at when
    void Interrupt(uint32_t side, Time at);
    /**
     * \param side a port \return when its UART next raises an interrupt that wakes its
     * readers (Time::Max() if none is in sight): every interrupt, or with ReadWakeup
     * frame, the first that hands over a frame's closing flag
     */
    Time NextReaderWakeup(uint32_t side) const;
    /// \param side a port \return when its writers are next woken (room in the queue)
    Time NextWriterWakeup(uint32_t side) const;
    /// \param direction a transmitting port \return when that direction's last pending
    /// change is due, or Time::Max()
    Time IdleDeadline(uint32_t direction) const;
    /// \return whether something watches every byte as it happens (byte traces, ascii)
    bool WatchesEveryByte() const;
    /**
     * Make a direction's timer fire no later than \p at.
     * \param direction the transmitting port \param at a time, or Time::Max()
     */
    void ArmTimer(uint32_t direction, Time at);
    /// Arm a direction's timer for its next moment that somebody can see. \param direction
    void Rearm(uint32_t direction);
    /// A direction's timer fired: catch up, wake whom its interrupts wake, arm again.
    /// \param direction the transmitting port
    void OnTimer(uint32_t direction);
    /**
     * The traces of \p port, made on first use.
     * \param port 0 or 1 \param caller the Enable method, for the error message
     * \return the port's tap
     */
    SerialPortTap& TapOf(uint32_t port, const char* caller);
    /// \return four characters' time, the 16550's receive timeout (cached)
    const Time& FourCharacters() const;
    /// \return the least time between two octets' ends on the wire, in time steps: a
    /// character's time rounded down to the nanosecond (cached with FourCharacters)
    int64_t LeastStep() const;

    uint64_t m_baudRate;                                     //!< BaudRate
    uint32_t m_dataBits;                                     //!< DataBits
    bool m_parity;                                           //!< Parity: one parity bit
    uint32_t m_stopBits;                                     //!< StopBits
    Time m_delay;                                            //!< Delay (propagation)
    double m_byteErrorRate;                                  //!< ByteErrorRate
    double m_byteLossRate;                                   //!< ByteLossRate
    uint32_t m_rxFifoTrigger;                                //!< RxFifoTrigger
    uint32_t m_rxBufferSize;                                 //!< RxBufferSize (TTYHOG)
    uint32_t m_txBufferSize;                                 //!< TxBufferSize (output high water)
    ReadWakeup m_readWakeup;                                 //!< ReadWakeup
    bool m_carrier{true};                                    //!< DCD, as both ends see it
    bool m_carrierWanted{true};                              //!< SetCarrier's
    bool m_hangupOnClose{false};                             //!< HangupOnClose
    std::array<bool, 2> m_dtr{};                             //!< each port's DTR
    std::array<Port, 2> m_ports;                             //!< a's and b's ends
    std::array<Stats, 2> m_stats;                            //!< by direction
    Ptr<UniformRandomVariable> m_lossRandom;                 //!< loss draws
    Ptr<UniformRandomVariable> m_corruptRandom;              //!< corruption draws
    TracedCallback<uint32_t, uint8_t> m_txTrace;             //!< Tx
    TracedCallback<uint32_t, uint8_t> m_rxTrace;             //!< Rx
    TracedCallback<bool> m_carrierTrace;                     //!< Carrier
    uint32_t m_pppdumpEpoch{0};                              //!< PppdumpEpoch attribute
    std::array<Ptr<SerialPortTap>, 2> m_taps;                //!< each port's traces, if enabled
    std::array<EventId, 2> m_timers;                         //!< each direction's one pending event
    std::array<Time, 2> m_timerAt{Time::Max(), Time::Max()}; //!< when they fire
    bool m_disposing{false};                                 //!< catching up for the last time
    mutable uint64_t m_timingBaud{0}; //!< m_fourCharacters is for this baud rate
    mutable uint32_t m_timingBits{0}; //!< ... and this many bits per character
    mutable Time m_fourCharacters;    //!< FourCharacters, cached
    mutable int64_t m_leastStep{0};   //!< LeastStep, cached
};

} // namespace ns3

#endif /* SERIAL_LINE_H */
