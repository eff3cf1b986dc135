/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_NET_DEVICE_H
#define TUN_NET_DEVICE_H

#include "bsd-if.h"
#include "ip-input-check.h"

#include "ns3/data-rate.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv6-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/queue.h"
#include "ns3/sel-info.h"
#include "ns3/sigio-owner.h"
#include "ns3/traced-callback.h"

#include <map>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The kernel side of a tun interface: the seed's ifnet and softc.
 */

namespace ns3
{

class Node;
class Packet;
class ProcessTable;
class TunChannel;

/**
 * \ingroup tun
 * \brief A tun interface (seed: FreeBSD if_tun.c, 2001): an ns3::NetDevice whose other
 * end is the character device /dev/tunN that a simulated process reads and writes.
 *
 * It holds the driver's softc (struct tun_softc: tun_flags, tun_pid, tun_sigio,
 * tun_rsel) and its ifnet (if_flags, if_mtu, if_type, if_baudrate, the if_snd queue and
 * the interface counters). The IP stack sends through Send(), which is tunoutput; the
 * TunDriver's tunwrite hands written packets to Input(), which is family_enqueue.
 * Interface ioctls reach it from a socket through Ifioctl() (bsd-ifioctl.h), the generic
 * layer, and in_control, which end in the driver's Tunifioctl().
 *
 * Made by TunDriver (tuncreate), never directly.
 */
class TunNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TunNetDevice();
    ~TunNetDevice() override;

    /// The interface counters of struct ifnet.
    struct Counters
    {
        uint64_t ipackets{0};   //!< if_ipackets: packets written by the process
        uint64_t ierrors{0};    //!< if_ierrors: failed writes (uiomove)
        uint64_t opackets{0};   //!< if_opackets: packets queued for the process
        uint64_t oerrors{0};    //!< if_oerrors
        uint64_t collisions{0}; //!< if_collisions: tunoutput found if_snd full
        uint64_t ibytes{0};     //!< if_ibytes: bytes written, without the AF header
        uint64_t obytes{0};     //!< if_obytes: bytes queued, with any prepended header
        uint64_t iqdrops{0};    //!< if_iqdrops
        uint64_t omcasts{0};    //!< if_omcasts: multicast packets queued
        uint64_t snddrops{0};   //!< if_snd.ifq_drops
        uint64_t intrqdrops{0}; //!< drops at the protocol input queue (ipintrq full)
    };

    /// One interface address (struct ifaddr): an address and, point to point, the peer.
    struct IfAddr
    {
        uint32_t family{BSD_AF_INET}; //!< ifa_addr->sa_family
        Ipv4Address local;            //!< the address, AF_INET
        Ipv4Address dst;              //!< ifa_dstaddr, AF_INET (0.0.0.0: none)
        Ipv4Mask mask;                //!< netmask
        Ipv6Address local6;           //!< the address, AF_INET6
    };

    // --- identity and softc --------------------------------------------------------

    /// \param unit the unit number (if_unit) \param node the node it is attached to
    void Setup(uint32_t unit, Ptr<Node> node);
    uint32_t GetUnit() const;      //!< \return if_unit
    std::string GetIfName() const; //!< \return "tun<unit>"
    uint32_t GetTunFlags() const;  //!< \return tun_flags
    /// \return if_lastchange: when tuninit last brought the interface up (simulated
    /// time, where the seed reads the clock with getmicrotime); zero before the first
    Time GetLastChange() const;
    void SetTunFlags(uint32_t flags); //!< \param flags new tun_flags
    uint32_t GetIfFlags() const;      //!< \return if_flags
    void SetIfFlags(uint32_t flags);  //!< \param flags new if_flags, as ifioctl sets them
    /// TUNSIFMODE's effect \param mode BSD_IFF_POINTOPOINT or BSD_IFF_BROADCAST
    void SetIfMode(uint32_t mode);
    int32_t GetPid() const;                        //!< \return tun_pid
    void SetPid(int32_t pid);                      //!< \param pid new tun_pid
    uint8_t GetIfType() const;                     //!< \return if_type
    void SetIfType(uint8_t type);                  //!< \param type new if_type
    uint64_t GetBaudrate() const;                  //!< \return if_baudrate
    void SetBaudrate(uint64_t baud);               //!< \param baud new if_baudrate
    SigioOwner& GetSigio();                        //!< \return tun_sigio
    SelInfo& GetReadSelInfo();                     //!< \return tun_rsel
    const Counters& GetCounters() const;           //!< \return the interface counters
    const IpInputStats& GetIpInputStats() const;   //!< \return packets ip_input refused
    Counters& GetCountersForDriver();              //!< \return the counters, for the cdev side
    const std::vector<IfAddr>& GetIfAddrs() const; //!< \return if_addrhead

    /// \return the pair's channel (TunChannel::Join), or null when on no pair
    Ptr<TunChannel> GetTunChannel() const;
    /// \param channel the channel TunChannel::Join puts the interface on
    void SetTunChannel(Ptr<TunChannel> channel);

    // --- if_snd ----------------------------------------------------------------------

    Ptr<Queue<Packet>> GetQueue() const; //!< \return if_snd
    Ptr<Packet> Dequeue();               //!< IF_DEQUEUE \return the head, or null
    uint32_t GetHeadLength() const;      //!< \return the head packet's length, or 0
    /// IF_DRAIN at tunclose: every queued packet is dropped (MacTxDrop, and Drop with the
    /// reason "tunclose")
    void DrainQueue();
    /// \return whether DrainQueue is emptying the queue (its Dequeue trace is not a read)
    bool IsDraining() const;

    // --- ifnet entry points -----------------------------------------------------------

    /**
     * tunoutput: queue a packet from the stack for the process.
     * \param packet the packet, starting with its IP header
     * \param family BSD_AF_INET, BSD_AF_INET6, or BSD_AF_UNSPEC for a bpf write (the
     *        family is then the packet's first int, in host order, cut to the 8 bits
     *        of sa_family)
     * \return 0, EHOSTDOWN (not open), EAFNOSUPPORT (not IPv4 and no IFHEAD) or
     *         ENOBUFS (if_snd full)
     */
    int Output(Ptr<Packet> packet, uint32_t family);

    /**
     * family_enqueue: hand a packet written by the process to the protocol.
     * \param packet the packet, starting with its IP header
     * \param family its address family, a sa_family_t (8 bits) as family_enqueue's
     * \return 0, EAFNOSUPPORT (neither IPv4 nor IPv6) or ENOBUFS (input queue full)
     */
    int Input(Ptr<Packet> packet, uint8_t family);

    /**
     * tunifioctl, the interface's if_ioctl: what the generic ifioctl and in_control
     * (bsd-ifioctl.h, bsd-in-control.h) hand to the driver.
     * \param cmd SIOC* command
     * \param data the ifreq or ifstat
     * \return 0, or EINVAL for anything but the commands the seed handles
     */
    int Tunifioctl(uint32_t cmd, uint8_t* data);

    /// tuninit: IFF_UP|IFF_RUNNING, TUN_IASET and TUN_DSTADDR from the addresses
    /// \return 0
    int Init();

    /// tunstart: wake a reader in RWAIT, SIGIO when ASYNC, wake pollers
    void Start();

    /// \param ifa an address in_control attaches (in_ifinit's TAILQ_INSERT on if_addrhead)
    void AddIfAddr(const IfAddr& ifa);
    /**
     * The address leaves if_addrhead (SIOCDIFADDR's TAILQ_REMOVE).
     * \param local the IPv4 address \param gone receives what it was
     * \return false when the interface does not have it
     */
    bool RemoveIfAddr(Ipv4Address local, IfAddr& gone);
    /// SIOCSIFDSTADDR's ia_dstaddr \param local the address \param dst its new destination
    void SetIfAddrDestination(Ipv4Address local, Ipv4Address dst);

    /**
     * Called by the node's address monitor when the IPv4 stack got an address by any
     * other path (Ipv4::AddAddress): records it and runs SIOCSIFADDR.
     * \param local the address \param mask its mask
     */
    void NotifyIpv4AddressAdded(Ipv4Address local, Ipv4Mask mask);

    /**
     * Called when the interface's Ipv6Interface got an address (Ipv6::AddAddress, or the
     * link-local address of SetUp): records it and runs SIOCSIFADDR, as in6_ifinit does. tuninit
     * marks the interface up and running; the 2001 driver sets TUN_IASET and TUN_DSTADDR for IPv4
     * addresses only. \param address the address
     */
    void NotifyIpv6AddressAdded(Ipv6Address address);

    /// if_down: clear IFF_UP and take the IP interfaces down
    void IfDown();
    /// if_up: set IFF_UP and bring the IP interfaces up (in6_if_up included)
    void IfUp();

    /// The tunclose part on the ifnet: delete the AF_INET routes, clear IFF_RUNNING.
    void DeleteRoutesAndStop();

    /// Wire the interface into the node's IPv4 and IPv6 stacks, if present (if_attach).
    void AttachToIp();

    /**
     * The bpf tap (bpf_mtap with DLT_NULL): fires the Sniffer trace with the packet
     * behind a four-byte address family in host order.
     * \param packet the packet \param family its family
     */
    void Tap(Ptr<const Packet> packet, uint32_t family);

    /// The Drop trace's signature: the packet and the reason, a BSD errno name.
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, const std::string& reason);

    // Inherited from NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsPointToPoint() const override;
    bool IsBridge() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// Deliver one queued input packet to the stack (the netisr).
    void DeliverInput(Ptr<Packet> packet, uint16_t protocol, uint32_t family);
    /// ip_input or ip6_input's checks. \param packet the packet \param family its family
    /// \return OK, or why the protocol refuses it
    IpInputCheck::Reason CheckInput(Ptr<const Packet> packet, uint32_t family);
    /// Fire the drop traces. \param packet the packet \param reason a BSD error
    void Dropped(Ptr<const Packet> packet, int reason);
    /// Set or clear IFF_RUNNING, firing the link-change callbacks on a change.
    void SetRunning(bool running);
    /// Bring the node's IP interfaces for this device up or down.
    void SetIpUp(bool up);

    Ptr<Node> m_node;                           //!< the node
    mutable Ptr<TunChannel> m_channel;          //!< the pair's, or one of its own once asked
    Ptr<ProcessTable> m_processTable;           //!< the node\'s sleep queues
    uint32_t m_ifIndex{0};                      //!< ns-3 interface index
    uint32_t m_unit{0};                         //!< if_unit
    Mac48Address m_address;                     //!< a link address for ns-3 (tun has none)
    bool m_draining{false};                     //!< DrainQueue runs
    Time m_lastChange;                          //!< if_lastchange
    uint32_t m_tunFlags{0};                     //!< tun_flags
    uint32_t m_ifFlags{0};                      //!< if_flags
    int32_t m_pid{0};                           //!< tun_pid
    uint16_t m_mtu{TUNMTU};                     //!< if_mtu
    uint8_t m_ifType{BSD_IFT_PPP};              //!< if_type
    uint64_t m_baudrate{0};                     //!< if_baudrate
    uint32_t m_intrqMaxLen;                     //!< protocol input queue limit
    std::map<uint32_t, uint32_t> m_intrqLength; //!< packets waiting per family
    Ptr<Queue<Packet>> m_queue;                 //!< if_snd
    SigioOwner m_sigio;                         //!< tun_sigio
    SelInfo m_rsel;                             //!< tun_rsel
    Counters m_counters;                        //!< ifnet counters
    IpInputStats m_ipInputStats;                //!< what ip_input and ip6_input refused
    std::vector<uint8_t> m_inputBytes;          //!< the bytes CheckInput reads
    std::vector<IfAddr> m_ifAddrs;              //!< if_addrhead
    NetDevice::ReceiveCallback m_rxCallback;    //!< to the stack
    NetDevice::PromiscReceiveCallback m_promiscRxCallback;             //!< to packet sockets
    TracedCallback<> m_linkChangeCallbacks;                            //!< link up/down
    TracedCallback<Ptr<const Packet>> m_macTxTrace;                    //!< queued for the process
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace;                //!< dropped by tunoutput
    TracedCallback<Ptr<const Packet>> m_macRxTrace;                    //!< written by the process
    TracedCallback<Ptr<const Packet>> m_macRxDropTrace;                //!< dropped on input
    TracedCallback<Ptr<const Packet>, const std::string&> m_dropTrace; //!< with reason
    TracedCallback<Ptr<const Packet>> m_snifferTrace;                  //!< bpf, DLT_NULL framing
};

} // namespace ns3

#endif /* TUN_NET_DEVICE_H */
