/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef USER_PPP_H
#define USER_PPP_H

#include "ns3/application.h"
#include "ns3/bsd-process.h"
#include "ns3/front-queue.h"
#include "ns3/hdlc-framing.h"
#include "ns3/ipcp.h"
#include "ns3/ipv6cp.h"
#include "ns3/lcp.h"
#include "ns3/ppp-interface.h"
#include "ns3/ppp-physical.h"
#include "ns3/sticky-routes.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <string>

/**
 * \file
 * \ingroup tun
 * A user-level PPP daemon on a tun device and a serial line, as FreeBSD's ppp(8).
 */

namespace ns3
{

class BsdSyscalls;
class BsdTask;
class TunNetDevice;

/**
 * \ingroup tun
 * \brief FreeBSD's user-level PPP (ppp(8)) as a simulated process: PPP in HDLC-like
 * framing on /dev/cuaaN, IP through /dev/tunN.
 *
 * The start-up follows bundle_Create: open the first /dev/tunN that opens (ENOENT or
 * ENXIO on a unit ends the search, any other error tries the next), TUNSIFMODE
 * (IFF_POINTOPOINT), TUNSLMODE(0), TUNSIFHEAD(1), the interface up; then the serial
 * port, non-blocking. The main loop is a select() over the serial port (read; write
 * while frames wait) and the tun device, which is read only in the network phase and
 * while fewer than IfQueue packets wait for the line (ppp(8)'s DEF_IFQUEUE choke).
 *
 * The daemon is split as ppp(8) is: this class is the loop (main.c's DoLoop) and the
 * wiring of the layers (bundle.c), PppPhysical the serial port (physical.c), PppInterface
 * the tun device and its interface (tun.c, iface.c); HDLC and the control protocols are
 * model/ppp/.
 *
 * LCP, IPCP and, with Ipv6 set, IPV6CP run the RFC 1661 automaton. Their timers fire as
 * ppp(8)'s SIGALRM-driven timers do: the expiry queues its packet and a SIGALRM breaks
 * the select. When IPCP opens, the interface gets the negotiated address with the peer
 * as destination and a host route (SIOCAIFADDR), then TUNSIFINFO with the MTU and the
 * line's speed (tun_configure); when IPCP closes, the address goes (SIOCDIFADDR).
 * IPV6CP adds and removes the `fe80::<interface identifier>` address likewise.
 *
 * The carrier is read with TIOCMGET every CarrierCheck, as ppp(8)'s physical timer does:
 * losing it is LCP's Down (the link and the interface addresses go), getting it back is
 * Up and Open (renegotiation). When LCP finishes (closed, or given up) with the carrier
 * present, the daemon restarts it after ReopenDelay, as ppp(8) in -ddial mode redials.
 */
class UserPpp : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    UserPpp();
    ~UserPpp() override;

    /// ppp(8)'s bundle phases (bundle.h).
    enum Phase
    {
        PHASE_DEAD,
        PHASE_ESTABLISH,
        PHASE_NETWORK,
        PHASE_TERMINATE,
    };

    /// \param phase a phase \return its name as ppp(8) logs it ("Network")
    static std::string PhaseName(Phase phase);

    Ptr<BsdProcess> GetProcess() const; //!< \return the daemon (null before start)
    Ptr<Lcp> GetLcp() const;            //!< \return LCP
    Ptr<Ipcp> GetIpcp() const;          //!< \return IPCP
    Ptr<Ipv6cp> GetIpv6cp() const;      //!< \return IPV6CP
    Phase GetPhase() const;             //!< \return the bundle phase
    /// \return the tun interface in use (null until opened)
    Ptr<TunNetDevice> GetTunDevice() const;

    /// What crossed the daemon.
    struct Counters
    {
        uint64_t framesSent{0};                //!< PPP frames written to the line
        uint64_t framesReceived{0};            //!< good PPP frames from the line
        uint64_t lineBytesOut{0};              //!< octets written to the line
        uint64_t lineBytesIn{0};               //!< octets read from the line
        uint64_t packetsFromTun{0};            //!< packets read from tun
        uint64_t packetsToTun{0};              //!< packets written to tun
        std::map<std::string, uint64_t> drops; //!< by reason
    };

    /// \return the counters
    const Counters& GetCounters() const;

    /**
     * ppp(8)'s "add! <network> HISADDR": a route to \p network through the peer, which
     * the daemon puts in the node's static routing when IPCP configures the interface and
     * takes out when IPCP clears it (StickyRoutes). \param network a network \param mask
     * its mask
     */
    void AddStickyRoute(Ipv4Address network, Ipv4Mask mask);
    /// \return the sticky routes
    const StickyRoutes& GetStickyRoutes() const;

    /// \param stream first stream index \return streams used (2: LCP's and IPV6CP's)
    int64_t AssignStreams(int64_t stream);

    /// Signature of the FrameTx and FrameRx traces: PPP protocol name, octets on the line.
    typedef void (*FrameTracedCallback)(const std::string& protocol, uint32_t octets);
    /// Signature of the FrameDrop trace: why, and the frame's size.
    typedef void (*FrameDropTracedCallback)(const std::string& reason, uint32_t octets);
    /// Signature of the Phase trace.
    typedef void (*PhaseTracedCallback)(const std::string& from, const std::string& to);
    /// Signature of the Queue trace: frames waiting for the line (LCP/NCP and IP), and
    /// their octets not yet written to the tty (framed and escaped).
    typedef void (*QueueTracedCallback)(uint32_t frames, uint32_t octets);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /// One step of user-mode work, run by the main loop: it makes the step's task (a
    /// callee of the loop, on the daemon's calls).
    using Task = std::function<BsdTask(BsdSyscalls&)>;

    /// The daemon's program: bundle_Create (tun, its modes, the interface up), the
    /// serial port, then ppp(8)'s main loop. \return the task, for the process to run
    BsdTask Run();
    /**
     * IPCP is up (ipcp_InterfaceUp): SIOCAIFADDR, then the sticky routes and
     * tun_configure's TUNSIFINFO with the line's speed.
     * \param sys the daemon's calls \param local the address \param peer the peer's
     * \param mtu the interface MTU \return the task
     */
    BsdTask AddInterfaceAddress(BsdSyscalls& sys,
                                Ipv4Address local,
                                Ipv4Address peer,
                                uint16_t mtu);
    /// IPCP is down: the sticky routes, then SIOCDIFADDR. \param sys \return the task
    BsdTask DeleteInterfaceAddress(BsdSyscalls& sys);
    /// IPV6CP is up: the link-local address. \param local it \return the task
    BsdTask AddLinkLocal(Ipv6Address local);
    /// IPV6CP is down: the link-local address goes. \return the task
    BsdTask DeleteLinkLocal();
    /// The carrier timer's TIOCMGET. \param sys the daemon's calls \return the task
    BsdTask ReadCarrier(BsdSyscalls& sys);
    /// Octets read from the line: deframe and dispatch them. \param data the octets
    void LineInput(const std::vector<uint8_t>& data);
    /// A packet read from tun: frame it for the line, or drop it. \param data the packet
    void TunInput(const std::vector<uint8_t>& data);
    /// Queue a task and break the select. \param task the work
    void Defer(Task task);
    /// Break the select with SIGALRM if the daemon sleeps in it.
    void Kick();
    /// Frame one packet for the line. \param protocol \param info \param control LCP/NCP
    void SendFrame(uint16_t protocol, const std::vector<uint8_t>& info, bool control);
    /// A good frame arrived. \param protocol \param info \param len
    void Dispatch(uint16_t protocol, const uint8_t* info, std::size_t len);
    /// Count and trace a dropped frame. \param reason \param octets
    void Drop(const std::string& reason, uint32_t octets);
    /// \param phase the new bundle phase
    void SetPhase(Phase phase);
    /// The carrier timer (ppp(8)'s physical_Timeout). Queues a TIOCMGET.
    void CarrierTimer();
    /// \param up the carrier as TIOCMGET reported it
    void CarrierIs(bool up);
    /// LCP's layer events.
    void LcpUp();
    void LcpDown();     //!< tld
    void LcpFinished(); //!< tlf
    void IpcpUp();      //!< tlu: configure the interface
    void IpcpDown();    //!< tld: clear it
    void Ipv6cpUp();    //!< tlu: the link-local address
    void Ipv6cpDown();  //!< tld
    /// Restart LCP after it finished (redial).
    void Reopen();
    /// Flush the frames waiting for the line.
    void FlushOutput();
    /// Fire the Queue trace with the frames and octets waiting now.
    void QueueChanged();
    /// \param name a call \param error its errno: logged and counted as a drop
    void Failed(const std::string& name, int error);

    // attributes
    std::string m_tunPath;    //!< TunDevice: "" for the first free unit
    std::string m_serialPath; //!< SerialDevice
    uint32_t m_ifQueue;       //!< IfQueue
    uint16_t m_mtu;           //!< Mtu: 0 for the peer's MRU
    bool m_ipv6;              //!< Ipv6
    Time m_carrierCheck;      //!< CarrierCheck
    Time m_reopenDelay;       //!< ReopenDelay (zero: never)
    Ptr<Lcp> m_lcp;           //!< Lcp
    Ptr<Ipcp> m_ipcp;         //!< Ipcp
    Ptr<Ipv6cp> m_ipv6cp;     //!< Ipv6cp

    /// ProcessName: the daemon's p_comm
    std::string m_processName;

    Ptr<BsdProcess> m_process; //!< the daemon
    PppPhysical m_physical;    //!< the serial port (physical.c)
    PppInterface m_interface;  //!< the tun device and its interface (tun.c, iface.c)
    Phase m_phase{PHASE_DEAD}; //!< bundle phase
    bool m_running{false};     //!< between start and stop
    bool m_selecting{false};   //!< a select is in progress
    HdlcDeframer m_deframer;   //!< the line's input

    /// A frame waiting for the line.
    struct Frame
    {
        uint16_t protocol{0};       //!< for the FrameTx trace
        std::vector<uint8_t> bytes; //!< framed and escaped
    };

    FrontQueue<Frame> m_controlQueue; //!< LCP and NCP frames, first out
    FrontQueue<Frame> m_dataQueue;    //!< IP frames
    std::size_t m_headWritten{0};     //!< octets of the head frame already written
    uint64_t m_queuedOctets{0};       //!< of the queued frames, less m_headWritten
    bool m_headIsControl{false};      //!< which queue the head frame is from
    FrontQueue<Task> m_tasks;         //!< user-mode work for the loop
    StickyRoutes m_stickyRoutes;      //!< "add!" routes, in the table while IPCP is up
    EventId m_carrierTimer;           //!< physical timer
    EventId m_reopenTimer;            //!< redial timer
    Counters m_counters;              //!< statistics

    TracedCallback<const std::string&, const std::string&, const std::string&, const std::string&>
        m_stateTrace;                                         //!< StateChange, from every protocol
    TracedCallback<const std::string&, uint32_t> m_txTrace;   //!< FrameTx
    TracedCallback<const std::string&, uint32_t> m_rxTrace;   //!< FrameRx
    TracedCallback<const std::string&, uint32_t> m_dropTrace; //!< FrameDrop
    TracedCallback<const std::string&, const std::string&> m_phaseTrace; //!< Phase
    TracedCallback<uint32_t, uint32_t> m_queueTrace;                     //!< Queue
};

} // namespace ns3

#endif /* USER_PPP_H */
