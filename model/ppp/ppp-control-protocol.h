/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CONTROL_PROTOCOL_H
#define PPP_CONTROL_PROTOCOL_H

#include "ppp-fsm.h"
#include "ppp-packet.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * What LCP, IPCP and IPV6CP share: the packets of RFC 1661 section 5 driving the
 * automaton, and option negotiation with the Max-Failure rule.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A PPP control protocol: it turns received packets into automaton events and the
 * automaton's actions into packets, and leaves the options to a subclass.
 *
 * A received Configure-Request is judged option by option (CheckOption): any option to
 * reject makes a Configure-Reject of all of them; otherwise any option to nak makes a
 * Configure-Nak; otherwise a Configure-Ack. After MaxFailure Configure-Naks without a
 * Configure-Ack in between, what would be naked is rejected instead (RFC 1661 section
 * 4.6). Configure-Ack, -Nak and -Reject are taken only when their Identifier matches the
 * last Configure-Request and, for an Ack or a Reject, when their options are those it
 * carried (section 5.2 to 5.4); anything else is discarded and counted.
 */
class PppControlProtocol : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PppControlProtocol();
    ~PppControlProtocol() override;

    /// Sends one packet of the protocol: the Information field of a PPP frame.
    using SendCallback = std::function<void(uint16_t protocol, const std::vector<uint8_t>& info)>;
    /// Wire the protocol up; call before anything else. \param send where its packets go
    void SetSend(SendCallback send);

    /// Called on this-layer-up, -down, -started, -finished.
    using LayerCallback = std::function<void()>;
    /// \param up tlu \param down tld \param started tls \param finished tlf
    void SetLayerCallbacks(LayerCallback up,
                           LayerCallback down,
                           LayerCallback started,
                           LayerCallback finished);

    /// \return the automaton (its attributes: Restart, MaxConfigure...)
    Ptr<PppFsm> GetFsm() const;

    void Up();    //!< the lower layer is up
    void Down();  //!< the lower layer is down
    void Open();  //!< administrative Open
    void Close(); //!< administrative Close

    /// \return whether the automaton is in Opened
    bool IsOpened() const;

    /**
     * A packet of this protocol arrived.
     * \param info the Information field \param len its length
     */
    void Receive(const uint8_t* info, std::size_t len);

    /// \return the PPP protocol number
    virtual uint16_t GetProtocol() const = 0;
    /// \return the name ("LCP")
    virtual std::string GetName() const = 0;

    /// What happened to received packets.
    struct Counters
    {
        uint64_t received{0};    //!< packets of the protocol received
        uint64_t sent{0};        //!< packets sent
        uint64_t malformed{0};   //!< too short, or options that do not parse
        uint64_t unexpected{0};  //!< replies whose Identifier or options do not match
        uint64_t naksSent{0};    //!< Configure-Naks sent
        uint64_t rejectsSent{0}; //!< Configure-Rejects sent
    };

    /// \return the counters
    const Counters& GetCounters() const;

    /// Signature of the Packet trace: protocol name, "tx" or "rx", code, identifier.
    typedef void (*PacketTracedCallback)(const std::string& protocol,
                                         const std::string& direction,
                                         uint8_t code,
                                         uint8_t id);

  protected:
    // Inherited from Object
    void DoDispose() override;

    /// How a peer's option is answered.
    enum Verdict
    {
        ACK,
        NAK,
        REJECT,
    };

    /// \return the options of the next Configure-Request
    virtual std::vector<PppOption> MakeRequest() = 0;
    /**
     * Judge one option of the peer's Configure-Request.
     * \param option the option \param nak the value to suggest, when NAK
     * \return the verdict
     */
    virtual Verdict CheckOption(const PppOption& option, PppOption& nak) = 0;
    /// The peer acked our request. \param options what it carried
    virtual void RequestAcked(const std::vector<PppOption>& options);
    /// The peer suggests a value (a Configure-Nak). \param option the option it suggests
    virtual void OptionNaked(const PppOption& option);
    /// The peer refuses an option (a Configure-Reject). \param option the option refused
    virtual void OptionRejected(const PppOption& option);
    /// We acked the peer's request. \param options what it carried
    virtual void PeerRequestAcked(const std::vector<PppOption>& options);
    /// A new negotiation starts (this-layer-started): back to the configured wishes.
    virtual void ResetOptions();
    /**
     * A code that is not one of 1 to 7. \param packet the packet
     * \return false when the protocol does not know the code (RUC)
     */
    virtual bool ReceiveExtraCode(const PppControlPacket& packet);
    /// This-layer-up, before the callback. This-layer-down, likewise.
    virtual void LayerUp();
    virtual void LayerDown(); //!< this-layer-down, before the callback
    /// The automaton's ser action. \param request the Echo-Request being answered
    virtual void SendEchoReply(const PppControlPacket& request);

    /// Send a packet of the protocol. \param code its Code \param id its Identifier
    /// \param data what follows the header
    void SendPacket(uint8_t code, uint8_t id, const std::vector<uint8_t>& data);
    /// \return a new Identifier
    uint8_t NextId();
    /// The echo or discard packet being handled, for SendEchoReply.
    PppControlPacket m_currentPacket;

  private:
    void ReceiveConfigureRequest(const PppControlPacket& packet);
    void ReceiveConfigureReply(const PppControlPacket& packet);
    void SendConfigureRequest(); //!< scr
    void SendCodeReject();       //!< scj

    Ptr<PppFsm> m_fsm;                     //!< the automaton
    SendCallback m_send;                   //!< packet output
    LayerCallback m_up;                    //!< tlu
    LayerCallback m_down;                  //!< tld
    LayerCallback m_started;               //!< tls
    LayerCallback m_finished;              //!< tlf
    uint32_t m_maxFailure;                 //!< MaxFailure attribute
    uint32_t m_failures{0};                //!< Configure-Naks sent since the last Ack
    uint8_t m_nextId{1};                   //!< Identifier counter
    uint8_t m_requestId{0};                //!< Identifier of the last Configure-Request
    std::vector<PppOption> m_request;      //!< options of the last Configure-Request
    PppControlPacket m_reply;              //!< our answer to the Configure-Request at hand
    std::vector<PppOption> m_peerRequest;  //!< the options of that request
    uint8_t m_terminateId{0};              //!< Identifier of the Terminate-Request at hand
    std::vector<uint8_t> m_rejectedPacket; //!< the packet scj returns
    Counters m_counters;                   //!< statistics
    TracedCallback<const std::string&, const std::string&, uint8_t, uint8_t> m_packetTrace;
};

} // namespace ns3

#endif /* PPP_CONTROL_PROTOCOL_H */
