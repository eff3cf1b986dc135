/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LCP_H
#define LCP_H

#include "hdlc-framing.h"
#include "ppp-control-protocol.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"

/**
 * \file
 * \ingroup tun
 * The Link Control Protocol (RFC 1661): MRU, ACCM, Magic-Number, PFC and ACFC, and the
 * LCP-only codes.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief LCP as ppp(8) negotiates it (usr.sbin/ppp/lcp.c, LcpDecodeConfig).
 *
 * Our Configure-Request carries MRU, ACCM, Magic-Number, and PFC and ACFC when enabled.
 * A peer's MRU under 296 or over 2048 is naked to the nearest bound (MIN_MRU, MAX_MRU);
 * its ACCM is always taken; a zero Magic-Number is naked; a Magic-Number equal to ours
 * means the line may be looped back: it is naked with a fresh number, and after
 * LoopbackLimit such requests in a row the LoopbackDetected trace fires and LCP closes.
 * PFC and ACFC are taken when enabled here, rejected otherwise; any other option
 * (authentication, quality protocol...) is rejected.
 *
 * Protocol-Reject, Echo-Request/-Reply and Discard-Request are LCP's own codes. When
 * EchoPeriod is set, an opened LCP sends an Echo-Request every period; when EchoFailure
 * of them are outstanding at the next tick, the peer is taken for dead: the EchoFailure
 * trace fires and LCP closes.
 */
class Lcp : public PppControlProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Lcp();
    ~Lcp() override;

    uint16_t GetProtocol() const override;
    std::string GetName() const override;

    static constexpr uint16_t MIN_MRU = 296;  //!< ppp(8) defs.h
    static constexpr uint16_t MAX_MRU = 2048; //!< ppp(8) defs.h
    static constexpr uint16_t DEF_MRU = 1500; //!< RFC 1661 default

    /// LCP option types (RFC 1661 section 6).
    enum OptionType : uint8_t
    {
        OPT_MRU = 1,
        OPT_ACCM = 2,
        OPT_AUTH = 3,
        OPT_QUALITY = 4,
        OPT_MAGIC = 5,
        OPT_PFC = 7,
        OPT_ACFC = 8,
    };

    /// \return how to frame for the peer: its ACCM, PFC and ACFC once opened, else defaults
    HdlcTxOptions GetTxOptions() const;
    /// \return the ACCM the peer honours for us (0xffffffff until opened)
    uint32_t GetRxAccm() const;
    /// \return the largest packet the peer takes (its MRU, 1500 unless it said otherwise)
    uint16_t GetPeerMru() const;
    /// \return our MRU as acked
    uint16_t GetMru() const;
    /// \return our Magic-Number (0 when none)
    uint32_t GetMagic() const;

    /**
     * Send a Protocol-Reject for a packet of a protocol we do not run.
     * The rejected Information is cut to fit the peer's MRU. Only an opened LCP sends it.
     * \param protocol its protocol \param info its Information field \param len its length
     */
    void SendProtocolReject(uint16_t protocol, const uint8_t* info, std::size_t len);

    /// Called when the peer rejects one of our network protocols.
    using ProtocolRejectedCallback = std::function<void(uint16_t protocol)>;
    /// \param cb called with the rejected protocol
    void SetProtocolRejectedCallback(ProtocolRejectedCallback cb);

    /**
     * \param stream first stream index \return streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /// What LCP's own codes did.
    struct EchoCounters
    {
        uint64_t echoRequestsSent{0};     //!< keepalive probes
        uint64_t echoRepliesReceived{0};  //!< answers
        uint64_t echoRequestsAnswered{0}; //!< the peer's probes we answered
        uint64_t discardsReceived{0};     //!< Discard-Requests
        uint64_t protocolRejectsSent{0};  //!< for unknown protocols
        uint64_t protocolRejectsRcvd{0};  //!< for ours
    };

    /// \return the counters of echo, discard and protocol-reject
    const EchoCounters& GetEchoCounters() const;

  protected:
    // Inherited from Object
    void DoDispose() override;

    // Inherited from PppControlProtocol
    std::vector<PppOption> MakeRequest() override;
    Verdict CheckOption(const PppOption& option, PppOption& nak) override;
    void RequestAcked(const std::vector<PppOption>& options) override;
    void OptionNaked(const PppOption& option) override;
    void OptionRejected(const PppOption& option) override;
    void PeerRequestAcked(const std::vector<PppOption>& options) override;
    void ResetOptions() override;
    bool ReceiveExtraCode(const PppControlPacket& packet) override;
    void LayerUp() override;
    void LayerDown() override;
    void SendEchoReply(const PppControlPacket& request) override;

  private:
    /// \return a fresh non-zero Magic-Number
    uint32_t NewMagic();
    /// The keepalive timer.
    void EchoTick();

    // configuration (attributes)
    uint16_t m_wantMru;   //!< Mru
    uint32_t m_wantAccm;  //!< Accm
    bool m_enablePfc;     //!< Pfc
    bool m_enableAcfc;    //!< Acfc
    bool m_enableMagic;   //!< MagicNumber
    uint32_t m_loopLimit; //!< LoopbackLimit
    Time m_echoPeriod;    //!< EchoPeriod
    uint32_t m_echoFail;  //!< EchoFailure

    // our side of the negotiation, as it stands
    uint16_t m_mru{DEF_MRU};
    bool m_askMru{true};
    uint32_t m_accm{0};
    bool m_askAccm{true};
    uint32_t m_magic{0};
    bool m_askPfc{true};
    bool m_askAcfc{true};

    // what was acked in each direction
    uint32_t m_rxAccm{0xffffffff}; //!< ours, acked
    uint16_t m_ackedMru{DEF_MRU};  //!< ours, acked
    uint16_t m_peerMru{DEF_MRU};   //!< the peer's
    HdlcTxOptions m_peerTx;        //!< the peer's ACCM, PFC, ACFC
    bool m_opened{false};          //!< the negotiated values apply

    uint32_t m_sameMagic{0};                     //!< requests in a row carrying our Magic-Number
    uint32_t m_echoOutstanding{0};               //!< Echo-Requests without a reply
    EventId m_echoTimer;                         //!< the keepalive
    EchoCounters m_echoCounters;                 //!< statistics
    ProtocolRejectedCallback m_protocolRejected; //!< to close the NCP
    Ptr<UniformRandomVariable> m_random;         //!< magic numbers
    TracedCallback<uint32_t> m_loopTrace;        //!< LoopbackDetected
    TracedCallback<uint32_t> m_echoFailTrace;    //!< EchoFailure
};

} // namespace ns3

#endif /* LCP_H */
