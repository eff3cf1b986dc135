/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_CABLE_RELAY_H
#define TUN_CABLE_RELAY_H

#include "ns3/application.h"
#include "ns3/bsd-process.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * A user-level relay between a tun device and a cable device.
 */

namespace ns3
{

class BsdTask;

/**
 * \ingroup tun
 * \brief A simulated daemon that moves packets between /dev/tunN and /dev/cableN, the
 * way user-level tunnels do: both descriptors non-blocking, a poll loop, one packet per
 * read and one write per packet.
 *
 * The daemon is a coroutine (BsdTask) that reads as the C loop does: poll both
 * descriptors, then relay one packet from tun if it is readable, and one from the cable
 * if it is.
 *
 * Two relays on two nodes, joined by a cable, make the two nodes' tun interfaces a
 * point-to-point link whose every packet crosses both userlands. With IfHead (the
 * default) the relay sets TUNSIFHEAD, so IPv6 passes as well as IPv4.
 */
class TunCableRelay : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TunCableRelay();
    ~TunCableRelay() override;

    /// \return the relay's process (null before the application starts)
    Ptr<BsdProcess> GetProcess() const;

    /// \return packets moved from tun to the cable
    uint64_t GetTunToCable() const;
    /// \return packets moved from the cable to tun
    uint64_t GetCableToTun() const;
    /// \return system calls that failed (their errno is in the Error trace)
    uint64_t GetErrors() const;

    /// Signature of the Error trace: the call and its BSD errno name.
    typedef void (*ErrorTracedCallback)(const std::string& call, const std::string& error);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// The daemon's program: open both devices, TUNSIFHEAD, then the poll loop.
    /// \return the task, for the relay's process to run
    BsdTask Run();
    /// Count and trace a failed call. \param call \param error
    void Failed(const std::string& call, int error);

    std::string m_tunPath;     //!< TunDevice attribute
    std::string m_cablePath;   //!< CableDevice attribute
    bool m_ifHead;             //!< IfHead attribute
    uint32_t m_readSize;       //!< ReadSize attribute
    Ptr<BsdProcess> m_process; //!< the daemon
    uint64_t m_tunToCable{0};  //!< packets
    uint64_t m_cableToTun{0};  //!< packets
    uint64_t m_errors{0};      //!< failed calls

    TracedCallback<const std::string&, const std::string&> m_errorTrace; //!< Error
};

} // namespace ns3

#endif /* TUN_CABLE_RELAY_H */
