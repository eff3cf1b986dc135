/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_CABLE_RELAY_H
#define TUN_CABLE_RELAY_H

#include "bsd-process.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

#include <string>

/**
 * \file
 * \ingroup tun
 * A user-level relay between a tun device and a cable device.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A simulated daemon that moves packets between /dev/tunN and /dev/cableN, the
 * way user-level tunnels do: both descriptors non-blocking, a poll loop, one packet per
 * read and one write per packet.
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

    /// Poll both descriptors (the top of the daemon's loop).
    void Loop();
    /// Poll returned: move from tun if it is ready, then from the cable. \param error
    /// \param n \param fds
    void Polled(int error, int n, const std::vector<BsdProcess::PollFd>& fds);
    /// Read one packet from \p from, to be written to the other descriptor.
    /// \param from the descriptor
    void Move(int from);
    /// After tun: move from the cable if the poll found it ready, else loop.
    void AfterTun();
    /// A packet was read from m_from: write it to the other side. \param error \param data
    void Moved(int error, const std::vector<uint8_t>& data);
    /// The packet is written. \param error \param n
    void Written(int error, int64_t n);
    /// Count and trace a failed call. \param call \param error
    void Failed(const std::string& call, int error);

    std::string m_tunPath;     //!< TunDevice attribute
    std::string m_cablePath;   //!< CableDevice attribute
    bool m_ifHead;             //!< IfHead attribute
    uint32_t m_readSize;       //!< ReadSize attribute
    Ptr<BsdProcess> m_process; //!< the daemon
    int m_tunFd{-1};           //!< its tun descriptor
    int m_cableFd{-1};         //!< its cable descriptor
    uint64_t m_tunToCable{0};  //!< packets
    uint64_t m_cableToTun{0};  //!< packets
    uint64_t m_errors{0};      //!< failed calls

    // The loop's state between calls, and its completions, made with the object.
    bool m_cableReady{false};                  //!< the poll found the cable readable
    int m_from{-1};                            //!< the descriptor the packet in hand came from
    BsdProcess::PollCallback m_polled;         //!< -> Polled
    std::vector<BsdProcess::PollFd> m_pollFds; //!< the entries of each poll
    BsdProcess::ReadCallback m_moved;          //!< -> Moved
    BsdProcess::WriteCallback m_written;       //!< -> Written
    TracedCallback<const std::string&, const std::string&> m_errorTrace; //!< Error
};

} // namespace ns3

#endif /* TUN_CABLE_RELAY_H */
