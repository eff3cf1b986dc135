/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_PHYSICAL_H
#define PPP_PHYSICAL_H

#include "ns3/callback.h"

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * UserPpp's physical layer: the serial port, as ppp(8)'s physical.c.
 */

namespace ns3
{

class BsdSyscalls;
class BsdTask;

/**
 * \ingroup tun
 * \brief The physical side of UserPpp: the tty device the peer is on, as ppp(8)'s
 * physical.c (physical_Open, the modem lines physical_Timeout reads, physical_GetSpeed)
 * and the carrier as last read.
 *
 * UserPpp owns one and calls its coroutines on the daemon's calls (BsdSyscalls). Its main
 * loop reads and writes the line's descriptor itself (GetFd), one system call per
 * descriptor as DoLoop's physical_DescriptorRead and physical_DescriptorWrite make,
 * and decides what a carrier change does to the link (SetCarrier).
 */
class PppPhysical
{
  public:
    /// Reports a failed call: its name (e.g. "ioctl TIOCMGET") and errno.
    using FailedCallback = Callback<void, const std::string&, int>;

    /// \param failed where failed calls are reported
    void SetFailedCallback(FailedCallback failed);

    /**
     * physical_Open: the serial port, read-write and non-blocking.
     * \param sys the daemon's calls \param path the device \param opened set when it
     * opened \return the task
     */
    BsdTask Open(BsdSyscalls& sys, std::string path, bool& opened);
    /**
     * physical_Timeout's modem-line read: TIOCMGET.
     * \param sys the daemon's calls \param read set when the ioctl succeeded \param
     * carrier set to whether TIOCM_CD is on \return the task
     */
    BsdTask ReadCarrier(BsdSyscalls& sys, bool& read, bool& carrier);
    /**
     * physical_GetSpeed: the line's output speed from tcgetattr (TIOCGETA); left as is
     * when that fails. \param sys the daemon's calls \param baudrate set to it \return
     * the task
     */
    BsdTask GetSpeed(BsdSyscalls& sys, int32_t& baudrate);

    /// \return the serial port's descriptor (-1: not open)
    int GetFd() const
    {
        return m_fd;
    }

    /// \return the serial port's path
    const std::string& GetPath() const
    {
        return m_path;
    }

    /// \return the carrier as last set
    bool HasCarrier() const
    {
        return m_carrier;
    }

    /// \param up the carrier now \return whether that changed it
    bool SetCarrier(bool up)
    {
        bool changed = up != m_carrier;
        m_carrier = up;
        return changed;
    }

  private:
    FailedCallback m_failed; //!< reports failures
    std::string m_path;      //!< the serial port
    int m_fd{-1};            //!< /dev/cuaaN
    bool m_carrier{false};   //!< as last read
};

} // namespace ns3

#endif /* PPP_PHYSICAL_H */
