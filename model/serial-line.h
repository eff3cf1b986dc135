/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SERIAL_LINE_H
#define SERIAL_LINE_H

#include "dev-ops.h"
#include "sel-info.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <deque>
#include <vector>

/**
 * \file
 * \ingroup tun
 * An asynchronous serial line between two nodes, seen by each as a tty, /dev/cuaaN.
 */

namespace ns3
{

class Cdev;
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

    /// \param up carrier present (DCD) at both ends
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

    /// Signature of the Tx/Rx traces: direction, and the byte.
    typedef void (*ByteTracedCallback)(uint32_t direction, uint8_t byte);
    /// Signature of the Carrier trace.
    typedef void (*CarrierTracedCallback)(bool up);

    /// ioctl numbers the tty answers (sys/ttycom.h, sys/filio.h).
    static constexpr uint32_t TIOCMGET = 0x4004746a;  //!< _IOR('t', 106, int)
    static constexpr uint32_t TIOCOUTQ = 0x40047473;  //!< _IOR('t', 115, int)
    static constexpr uint32_t TIOCGETA = 0x402c7413;  //!< _IOR('t', 19, struct termios)
    static constexpr int32_t TERMIOS_CSTOPB = 0x0400; //!< c_cflag: two stop bits
    static constexpr int32_t TERMIOS_CREAD = 0x0800;  //!< c_cflag: receiver on
    static constexpr int32_t TERMIOS_PARENB = 0x1000; //!< c_cflag: parity
    static constexpr int32_t TIOCM_DTR = 0x0002;      //!< data terminal ready
    static constexpr int32_t TIOCM_CTS = 0x0020;      //!< clear to send
    static constexpr int32_t TIOCM_CD = 0x0040;       //!< carrier detect
    static constexpr int32_t TIOCM_DSR = 0x0100;      //!< data set ready

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// One end: the port as the node's kernel sees it.
    struct Port
    {
        Ptr<Node> node;               //!< the node
        Ptr<DeviceSwitch> sw;         //!< its device switch
        Cdev* dev{nullptr};           //!< /dev/cuaaN; its ops table owns the line, so no Ptr back
        std::deque<uint8_t> txQueue;  //!< bytes written, not yet on the wire
        std::deque<uint8_t> rxBuffer; //!< bytes received, not yet read
        std::vector<uint8_t> fifo;    //!< the UART's receive FIFO
        uint64_t fifoSerial{0};       //!< numbers FIFO timeouts
        bool transmitting{false};     //!< a burst is on the wire
        Time burstStart;              //!< when the burst's first bit left
        uint64_t burstBytes{0};       //!< bytes of the burst already sent
        SelInfo rsel;                 //!< readers polling
        SelInfo wsel;                 //!< writers polling
    };

    Port& PortOf(const DevGenericArgs& ap);
    int Open(DevOpenArgs& ap);
    int Read(DevReadArgs& ap);
    int Write(DevWriteArgs& ap);
    int Ioctl(DevIoctlArgs& ap);
    int Poll(DevPollArgs& ap);
    /// Put the next byte of \p side's queue on the wire.
    void SendNext(uint32_t side);
    /// A byte finished arriving at the UART of \p side. \param side \param byte
    void ArriveAtUart(uint32_t side, uint8_t byte);
    /**
     * The traces of \p port, made on first use.
     * \param port 0 or 1 \param caller the Enable method, for the error message
     * \return the port's tap
     */
    SerialPortTap& TapOf(uint32_t port, const char* caller);
    /// The UART of \p side interrupts: its FIFO goes to the receive buffer.
    void Interrupt(uint32_t side);
    /// \return the time of one character
    Time CharacterTime() const;

    uint64_t m_baudRate;                         //!< BaudRate
    uint32_t m_dataBits;                         //!< DataBits
    bool m_parity;                               //!< Parity: one parity bit
    uint32_t m_stopBits;                         //!< StopBits
    Time m_delay;                                //!< Delay (propagation)
    double m_byteErrorRate;                      //!< ByteErrorRate
    double m_byteLossRate;                       //!< ByteLossRate
    uint32_t m_rxFifoTrigger;                    //!< RxFifoTrigger
    uint32_t m_rxBufferSize;                     //!< RxBufferSize (TTYHOG)
    uint32_t m_txBufferSize;                     //!< TxBufferSize (output high water)
    bool m_carrier{true};                        //!< DCD
    uint64_t m_carrierEpoch{0};                  //!< bytes sent before a cut are lost
    std::array<Port, 2> m_ports;                 //!< a's and b's ends
    std::array<Stats, 2> m_stats;                //!< by direction
    Ptr<UniformRandomVariable> m_lossRandom;     //!< loss draws
    Ptr<UniformRandomVariable> m_corruptRandom;  //!< corruption draws
    TracedCallback<uint32_t, uint8_t> m_txTrace; //!< Tx
    TracedCallback<uint32_t, uint8_t> m_rxTrace; //!< Rx
    TracedCallback<bool> m_carrierTrace;         //!< Carrier
    uint32_t m_pppdumpEpoch{0};                  //!< PppdumpEpoch attribute
    std::array<Ptr<SerialPortTap>, 2> m_taps;    //!< each port's traces, if enabled
};

} // namespace ns3

#endif /* SERIAL_LINE_H */
