/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPPDUMP_WRITER_H
#define PPPDUMP_WRITER_H

#include "ns3/nstime.h"
#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * pppd's record file (the "record" option), which pppdump(8) and Wireshark read.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Writes the raw bytes of a serial line in pppd's record format.
 *
 * The format, from pppd's tty.c (charshunt, record_write) and pppdump/pppdump.c of the
 * ppp project: a stream of tagged records, every number big-endian.
 *
 * | tag | then | meaning |
 * |---|---|---|
 * | 1 | 2-byte length, the bytes | data sent (pppd to the line) |
 * | 2 | 2-byte length, the bytes | data received (line to pppd) |
 * | 3 | nothing | end of sent data (the pty closed) |
 * | 4 | nothing | end of received data (end of file on the line) |
 * | 5 | 4-byte count | time step, in tenths of a second |
 * | 6 | 1-byte count | short time step, in tenths of a second |
 * | 7 | 4-byte time_t | reset time: the absolute second the steps count from |
 *
 * pppd writes tag 7 once when recording starts, with the tenths taken as zero, and
 * before each data record a step (6 when it fits in a byte, else 5) for the tenths
 * passed since the last step, if any. Here the clock is simulated time plus a fixed
 * epoch, so the same run writes the same file.
 *
 * pppd writes one record per read(); this writer joins the bytes of one direction
 * that fall in the same tenth of a second into one record (up to 65535 bytes), which
 * the format cannot tell apart, and starts a new one when the direction or the tenth
 * changes, so the order of the two directions is kept.
 */
class PppdumpWriter : public SimpleRefCount<PppdumpWriter>
{
  public:
    /// Record tags (pppd tty.c).
    enum Tag : uint8_t
    {
        SENT = 1,       //!< data sent
        RECEIVED = 2,   //!< data received
        END_SENT = 3,   //!< end of sent data
        END_RECV = 4,   //!< end of received data
        STEP_LONG = 5,  //!< time step, 4 bytes of tenths
        STEP_SHORT = 6, //!< time step, 1 byte of tenths
        RESET_TIME = 7, //!< absolute time, 4 bytes of seconds
    };

    /**
     * Open \p filename (truncating it) and write the reset-time record for \p now.
     * \param filename the file
     * \param epoch the time_t that simulated time 0 stands for
     * \param now the simulated time recording starts
     */
    PppdumpWriter(const std::string& filename, uint32_t epoch, Time now);
    ~PppdumpWriter();

    /// \return whether the file opened
    bool IsOpen() const;

    /**
     * Record \p byte, sent (SENT) or received (RECEIVED) at \p now.
     * \param tag SENT or RECEIVED \param byte the byte \param now its time
     */
    void Add(Tag tag, uint8_t byte, Time now);

    /// Write what is pending and flush the file.
    void Flush();

  private:
    /// \param now simulated time \return tenths of a second since the epoch's 0
    uint64_t Tenths(Time now) const;
    /// Write the pending record, if any.
    void WritePending();

    std::ofstream m_file;           //!< the record file
    uint32_t m_epoch;               //!< time_t of simulated time 0
    uint64_t m_lastTenths;          //!< pppd's lasttime, in tenths
    Tag m_pendingTag{SENT};         //!< direction of the pending bytes
    uint64_t m_pendingTenths{0};    //!< their tenth
    std::vector<uint8_t> m_pending; //!< bytes not yet written
};

} // namespace ns3

#endif /* PPPDUMP_WRITER_H */
