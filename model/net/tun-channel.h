/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_CHANNEL_H
#define TUN_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * What ns-3 sees between the two tun interfaces of a pair.
 */

namespace ns3
{

class SerialLine;
class TunNetDevice;

/**
 * \ingroup tun
 * \brief The point-to-point view of a tun pair: the two tun interfaces whose daemons
 * carry each other's packets (a UDP tunnel, a cable relay, or PPP over a serial line).
 *
 * tun(4) has no channel: what joins two interfaces is a pair of user processes. ns-3's
 * code that walks links, Ipv4GlobalRoutingHelper's GlobalRouter first of all, asks a
 * point-to-point device for its channel and for the device at the other end. The pair
 * helpers (TunHelper::InstallTunnelPair, TunHelper::InstallRelayPair, PppTunHelper)
 * join the two interfaces they make with Join(); a pair made by hand can be joined the
 * same way. The channel carries no packet: the daemons do.
 *
 * A tun interface that is on no pair reports a channel of its own with one device. Asked
 * for a second device (as GlobalRouter does for a point-to-point interface that is up),
 * it aborts with a message naming the node and the interface instead of handing back
 * nothing. It aborts the same way when asked for an interface that has no IPv4 address
 * while the other end is up with one (PPP whose IPCP has opened on one end only): ns-3's
 * global routing cannot describe that link yet.
 *
 * Config paths: /ChannelList/N/$ns3::TunChannel, and from either interface
 * /NodeList/N/DeviceList/I/$ns3::TunNetDevice/Channel; the serial line under a PPP pair is
 * the channel's SerialLine attribute.
 */
class TunChannel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TunChannel();
    ~TunChannel() override;

    /**
     * Put \p a and \p b on one channel, taking each off the channel of its own it may
     * have. Aborts, naming the node and the unit, when either is already on a pair: its
     * unit is taken by another daemon.
     * \param a one interface \param b the other (on another node)
     * \return the channel
     */
    static Ptr<TunChannel> Join(Ptr<TunNetDevice> a, Ptr<TunNetDevice> b);

    /**
     * The channel of an interface on no pair: \p device alone.
     * \param device the interface
     * \return the channel
     */
    static Ptr<TunChannel> Alone(Ptr<TunNetDevice> device);

    /// \return whether the channel holds two interfaces
    bool IsPair() const;

    /// \param device one end \return the other end, or null when there is none
    Ptr<TunNetDevice> GetPeer(Ptr<const TunNetDevice> device) const;

    /// \param line the serial line under the pair (PPP), for the SerialLine attribute
    void SetSerialLine(Ptr<SerialLine> line);
    /// \return the serial line under the pair, or null for a tunnel or a relay pair
    Ptr<SerialLine> GetSerialLine() const;

    /// Take \p device off this channel. \param device an interface on it
    void Remove(Ptr<TunNetDevice> device);

    // Inherited from Channel
    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// \param device an interface \return "tun0 on node 3"
    static std::string Describe(Ptr<const TunNetDevice> device);
    /// Abort when \p device has an IPv4 interface without an address while the other end
    /// is up with one. \param device the interface asked for
    void CheckAddressed(Ptr<TunNetDevice> device) const;

    std::vector<Ptr<TunNetDevice>> m_devices; //!< one or two interfaces
    Ptr<SerialLine> m_line;                   //!< under a PPP pair, else null
    Time m_delay;                             //!< the Delay attribute
};

} // namespace ns3

#endif /* TUN_CHANNEL_H */
