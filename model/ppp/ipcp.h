/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef IPCP_H
#define IPCP_H

#include "ppp-control-protocol.h"

#include "ns3/ipv4-address.h"

/**
 * \file
 * \ingroup tun
 * The IP Control Protocol (RFC 1332): the IP-Address option.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief IPCP with the IP-Address option, static or assigned by the peer.
 *
 * We ask for LocalAddress; 0.0.0.0 asks the peer to assign one, and its Configure-Nak
 * gives it. A peer asking for 0.0.0.0 is naked with PeerAddress, or rejected when we have
 * none to give; a peer claiming an address other than a configured PeerAddress is naked
 * with it (ppp(8)'s ipcp.c does so when the address is outside "set ifaddr"'s range).
 * Other options (IP-Compression-Protocol, IP-Addresses, DNS) are rejected.
 */
class Ipcp : public PppControlProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipcp();
    ~Ipcp() override;

    uint16_t GetProtocol() const override;
    std::string GetName() const override;

    static constexpr uint8_t OPT_IP_ADDRESS = 3; //!< RFC 1332 section 3.3

    /// \return our address as negotiated (0.0.0.0 before)
    Ipv4Address GetLocalAddress() const;
    /// \return the peer's address as negotiated (0.0.0.0 before)
    Ipv4Address GetPeerAddress() const;

  protected:
    // Inherited from PppControlProtocol
    std::vector<PppOption> MakeRequest() override;
    Verdict CheckOption(const PppOption& option, PppOption& nak) override;
    void OptionNaked(const PppOption& option) override;
    void OptionRejected(const PppOption& option) override;
    void PeerRequestAcked(const std::vector<PppOption>& options) override;
    void ResetOptions() override;

  private:
    Ipv4Address m_wantLocal; //!< LocalAddress attribute
    Ipv4Address m_wantPeer;  //!< PeerAddress attribute
    Ipv4Address m_local;     //!< what we ask for now
    bool m_askAddress{true}; //!< the peer has not rejected IP-Address
    Ipv4Address m_peer;      //!< what we acked for the peer
};

} // namespace ns3

#endif /* IPCP_H */
