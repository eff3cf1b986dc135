/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SERIAL_PORT_TAP_H
#define SERIAL_PORT_TAP_H

#include "ns3/hdlc-framing.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * What a capture on one end of a serial line records: pcap, ascii and pppdump.
 */

namespace ns3
{

class OutputStreamWrapper;
class PcapFileWrapper;
class PppdumpWriter;

/**
 * \ingroup tun
 * \brief The traces of one serial port, as a capture on that port would see the line:
 * the bytes its UART sends and the bytes that reach it.
 *
 * Each direction is decoded into PPP frames (RFC 1662, receive ACCM 0: the sender
 * escaped what needed escaping and the line inserts nothing), and each frame is written
 * when its closing flag has left (sent) or arrived (received):
 *
 * - pcap: DLT_PPP records (Address, Control, Protocol, Information);
 * - ascii, in ns-3's style: "- <seconds> <port> <protocol> <octets>" for a frame sent,
 *   "r ..." for one received, "d <seconds> <port> <reason>" for one the decoder rejects
 *   (a reason of HdlcDeframer::Counters::ForEachDropSince);
 * - pppdump: the raw bytes, sent and received, in pppd's record format (PppdumpWriter).
 *
 * A line's bit errors show in what is received, not in what is sent.
 */
class SerialPortTap : public SimpleRefCount<SerialPortTap>
{
  public:
    /// \param port the port as ascii lines name it, "/NodeList/<node>/dev/cuaa<unit>"
    explicit SerialPortTap(std::string port);
    ~SerialPortTap();

    /// \param filename a DLT_PPP pcap file to write (truncated)
    void EnablePcap(const std::string& filename);
    /// \param stream where the ascii lines go (it may be shared with other ports)
    void EnableAscii(Ptr<OutputStreamWrapper> stream);
    /**
     * \param filename a pppd record file to write (truncated)
     * \param epoch the time_t that simulated time 0 stands for
     */
    void EnablePppdump(const std::string& filename, uint32_t epoch);

    /**
     * The line catches up on its bytes in time order, so it says when each one happened.
     * \param byte a byte that finished leaving the port's UART \param at when it did
     */
    void Sent(uint8_t byte, Time at);
    /**
     * \param byte a byte that reached the port's UART (after the line's errors)
     * \param at when it did
     */
    void Received(uint8_t byte, Time at);

    /// \return whether ascii lines are written (they name no time of their own)
    bool HasAscii() const;

    /// Write what the pppdump file is gathering, and flush every file.
    void Flush();

    /// \return frames the decoders rejected (bad FCS, runts...), both directions
    uint64_t GetDropped() const;

  private:
    /**
     * Feed \p byte to \p decoder and write what it completes.
     * \param decoder the direction's decoder \param event 's' sent or 'r' received
     * \param byte the byte \param at when it passed the port
     */
    void Decode(HdlcDeframer& decoder, char event, uint8_t byte, Time at);

    std::string m_port;               //!< the port's name in ascii lines
    Ptr<PcapFileWrapper> m_pcap;      //!< DLT_PPP output, if enabled
    Ptr<OutputStreamWrapper> m_ascii; //!< ascii output, if enabled
    Ptr<PppdumpWriter> m_pppdump;     //!< pppd record output, if enabled
    HdlcDeframer m_sentDecoder;       //!< frames the port sends
    HdlcDeframer m_receivedDecoder;   //!< frames that reach it
};

} // namespace ns3

#endif /* SERIAL_PORT_TAP_H */
