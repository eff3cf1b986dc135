/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef IPV6CP_H
#define IPV6CP_H

#include "ppp-control-protocol.h"

#include "ns3/ipv6-address.h"
#include "ns3/random-variable-stream.h"

/**
 * \file
 * \ingroup tun
 * The IPv6 Control Protocol (RFC 5072): the Interface-Identifier option.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief IPV6CP with the Interface-Identifier option (RFC 5072 section 4.1).
 *
 * We ask for a random non-zero identifier. A peer's zero identifier, or one equal to
 * ours, is naked with a fresh one; a Configure-Nak gives us the identifier to use. When
 * opened, each end has the link-local address `fe80::<identifier>`.
 */
class Ipv6cp : public PppControlProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv6cp();
    ~Ipv6cp() override;

    uint16_t GetProtocol() const override;
    std::string GetName() const override;

    static constexpr uint8_t OPT_INTERFACE_ID = 1; //!< RFC 5072 section 4.1

    /// \return `fe80::<our identifier>` once opened, else `::`
    Ipv6Address GetLocalLinkLocal() const;
    /// \return `fe80::<the peer's identifier>` once opened, else `::`
    Ipv6Address GetPeerLinkLocal() const;

    /// \param stream first stream index \return streams used (1)
    int64_t AssignStreams(int64_t stream);

  protected:
    // Inherited from Object
    void DoDispose() override;

    // Inherited from PppControlProtocol
    std::vector<PppOption> MakeRequest() override;
    Verdict CheckOption(const PppOption& option, PppOption& nak) override;
    void OptionNaked(const PppOption& option) override;
    void OptionRejected(const PppOption& option) override;
    void PeerRequestAcked(const std::vector<PppOption>& options) override;
    void ResetOptions() override;

  private:
    /// \return a random identifier, non-zero and not ours
    uint64_t NewIdentifier();

    uint64_t m_local{0};                 //!< our identifier
    bool m_ask{true};                    //!< the peer has not rejected the option
    uint64_t m_peer{0};                  //!< the peer's identifier
    Ptr<UniformRandomVariable> m_random; //!< identifiers
};

} // namespace ns3

#endif /* IPV6CP_H */
