/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CABLE_DRIVER_H
#define CABLE_DRIVER_H

#include "ns3/dev-ops.h"
#include "ns3/front-queue.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/sel-info.h"

#include <map>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A packet cable between two nodes' user processes: /dev/cableN.
 */

namespace ns3
{

class BsdKernel;
class Cdev;
class DeviceSwitch;
class Node;

/**
 * \ingroup tun
 * \brief The "cable" driver: /dev/cableN on one node is joined to /dev/cableM on
 * another; each write on one end becomes one read on the other after a delay.
 *
 * It stands for whatever carries a user-level daemon's packets between two machines
 * (a socket, a pipe, a crossover cable) when that carrier is not the subject of the
 * study. Reads block (or return EWOULDBLOCK), poll reports POLLIN when a packet waits,
 * writes never block; a full receive queue drops the packet and counts it. MPSAFE.
 */
class CableDriver : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    CableDriver();
    ~CableDriver() override;

    /**
     * Load the driver into \p node (once).
     * \param node the node
     * \return its cable driver
     */
    static Ptr<CableDriver> Install(Ptr<Node> node);

    /**
     * Join `/dev/cable<unitA>` on \p a to `/dev/cable<unitB>` on \p b.
     * \param a one node \param unitA its unit
     * \param b the other node \param unitB its unit
     * \param delay one-way delay
     */
    static void Connect(Ptr<Node> a, uint32_t unitA, Ptr<Node> b, uint32_t unitB, Time delay);

    /// Counters of one end.
    struct Stats
    {
        uint64_t sent{0};     //!< packets written
        uint64_t received{0}; //!< packets queued for reading
        uint64_t dropped{0};  //!< packets lost to a full receive queue
    };

    /// \param unit a unit \return its counters
    Stats GetStats(uint32_t unit) const;

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    /// One end of a cable.
    struct End
    {
        Ptr<Cdev> dev;                          //!< its /dev node
        FrontQueue<std::vector<uint8_t>> queue; //!< packets to read
        SelInfo rsel;                           //!< pollers
        Ptr<CableDriver> peerDriver;            //!< the other end's driver
        uint32_t peerUnit{0};                   //!< the other end's unit
        Time delay;                             //!< one-way delay
        Stats stats;                            //!< counters
    };

    /// \param ap arguments \return the end the device is
    End& EndOf(const DevGenericArgs& ap);
    int Read(DevReadArgs& ap);   //!< d_read
    int Write(DevWriteArgs& ap); //!< d_write
    int Poll(DevPollArgs& ap);   //!< d_poll
    /// A packet arrives at \p unit from the other end. \param unit \param packet
    void Deliver(uint32_t unit, std::vector<uint8_t> packet);

    Ptr<Node> m_node;               //!< the node
    Ptr<DeviceSwitch> m_switch;     //!< its switch
    Ptr<BsdKernel> m_kernel;        //!< its node's kernel
    Ptr<DevOps> m_ops;              //!< the "cable" table
    std::map<uint32_t, End> m_ends; //!< ends by unit
    uint32_t m_queueLimit;          //!< QueueLimit attribute
};

} // namespace ns3

#endif /* CABLE_DRIVER_H */
