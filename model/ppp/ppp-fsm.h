/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_FSM_H
#define PPP_FSM_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <string>

/**
 * \file
 * \ingroup tun
 * The option negotiation automaton of RFC 1661 section 4, shared by LCP and the NCPs.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief The PPP option negotiation automaton (RFC 1661 section 4): ten states, the
 * events of section 4.1's transition table, its actions, the restart timer and the
 * Max-Configure and Max-Terminate counters, in simulated time.
 *
 * The automaton decides; a protocol (LCP, IPCP) acts. Every action of the table calls
 * the protocol's Actions: this-layer-up/down/started/finished and the packets to send.
 * The protocol classifies what it receives and calls the matching event: a Configure-
 * Request it accepts is ReceiveConfigureRequest(true) (RCR+), one it naks or rejects
 * ReceiveConfigureRequest(false) (RCR-), and so on.
 *
 * Options of the table: Open in Stopped, Stopping or Opened follows the restart option
 * (3r, 5r, 9r) when RestartOnOpen is set; otherwise the state stays. A Configure-Ack
 * received in Ack-Rcvd, or a Configure-Ack or -Nak in Opened, is a crossed connection
 * (x): a new Configure-Request is sent. The passive option (p) is not modelled: an
 * exhausted Configure counter always ends in Stopped.
 */
class PppFsm : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// RFC 1661 section 4.2.
    enum State
    {
        INITIAL = 0,
        STARTING,
        CLOSED,
        STOPPED,
        CLOSING,
        STOPPING,
        REQ_SENT,
        ACK_RCVD,
        ACK_SENT,
        OPENED,
    };

    /// RFC 1661 section 4.3.
    enum Event
    {
        UP = 0,
        DOWN,
        OPEN,
        CLOSE,
        TO_PLUS,
        TO_MINUS,
        RCR_PLUS,
        RCR_MINUS,
        RCA,
        RCN,
        RTR,
        RTA,
        RUC,
        RXJ_PLUS,
        RXJ_MINUS,
        RXR,
        EVENT_COUNT, //!< not an event
    };

    /// What the protocol does for the automaton (section 4.4).
    struct Actions
    {
        std::function<void()> thisLayerUp;          //!< tlu
        std::function<void()> thisLayerDown;        //!< tld
        std::function<void()> thisLayerStarted;     //!< tls
        std::function<void()> thisLayerFinished;    //!< tlf
        std::function<void()> sendConfigureRequest; //!< scr
        std::function<void()> sendConfigureAck;     //!< sca: ack the request just received
        std::function<void()> sendConfigureNak;     //!< scn: nak or reject it
        std::function<void()> sendTerminateRequest; //!< str
        std::function<void()> sendTerminateAck;     //!< sta
        std::function<void()> sendCodeReject;       //!< scj
        std::function<void()> sendEchoReply;        //!< ser
    };

    PppFsm();
    ~PppFsm() override;

    /// \param name the protocol, for traces and logs ("LCP") \param actions its actions
    void Setup(const std::string& name, Actions actions);

    void Up();    //!< the lower layer is up
    void Down();  //!< the lower layer is down
    void Open();  //!< administrative Open
    void Close(); //!< administrative Close

    /// \param acceptable RCR+ when the request is acceptable, RCR- otherwise
    void ReceiveConfigureRequest(bool acceptable);
    void ReceiveConfigureAck();     //!< RCA
    void ReceiveConfigureNak();     //!< RCN (Configure-Nak or -Reject)
    void ReceiveTerminateRequest(); //!< RTR
    void ReceiveTerminateAck();     //!< RTA
    void ReceiveUnknownCode();      //!< RUC
    /// \param catastrophic RXJ- when the rejected code or protocol is needed, else RXJ+
    void ReceiveCodeReject(bool catastrophic);
    void ReceiveEchoOrDiscard(); //!< RXR: Echo-Request, Echo-Reply or Discard-Request

    State GetState() const;             //!< \return the state
    uint32_t GetRestartCounter() const; //!< \return the restart counter

    /// \param s a state \return its RFC name ("Req-Sent")
    static std::string StateName(State s);
    /// \param e an event \return its RFC name ("RCR+")
    static std::string EventName(Event e);

    /// Signature of the StateChange trace: protocol, old state, new state, event.
    typedef void (*StateChangeTracedCallback)(const std::string& protocol,
                                              const std::string& from,
                                              const std::string& to,
                                              const std::string& event);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// Apply \p e: run its actions in the table's order, then take the new state.
    void Handle(Event e);
    /// The restart timer expired: TO+ or TO-.
    void Timeout();
    void InitializeRestartCount(bool terminate); //!< irc
    void ZeroRestartCount();                     //!< zrc
    /// Restart the restart timer.
    void RestartTimer();
    /// scr or str: spend one restart count, restart the timer, send. \param send the action
    void SendCounted(const std::function<void()>& send);

    std::string m_name;           //!< protocol
    Actions m_actions;            //!< its actions
    State m_state{INITIAL};       //!< current state
    uint32_t m_restartCounter{0}; //!< the restart counter
    bool m_terminating{false};    //!< the counter counts Terminate-Requests
    EventId m_timer;              //!< the restart timer
    Time m_restartTime;           //!< Restart attribute
    uint32_t m_maxConfigure;      //!< MaxConfigure attribute
    uint32_t m_maxTerminate;      //!< MaxTerminate attribute
    bool m_restartOnOpen;         //!< RestartOnOpen attribute (the r option)
    TracedCallback<const std::string&, const std::string&, const std::string&, const std::string&>
        m_stateTrace; //!< StateChange
};

} // namespace ns3

#endif /* PPP_FSM_H */
