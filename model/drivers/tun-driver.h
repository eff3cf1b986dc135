/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_DRIVER_H
#define TUN_DRIVER_H

#include "ns3/dev-ops.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>

/**
 * \file
 * \ingroup tun
 * The character-device side of tun(4): tun_cdevsw and tun_clone.
 */

namespace ns3
{

class Cdev;
class DeviceSwitch;
class Node;
class TunNetDevice;

/**
 * \ingroup tun
 * \brief The tun driver of one node (seed: FreeBSD if_tun.c, 2001): its cdevsw
 * (tunopen, tunclose, tunread, tunwrite, tunioctl, tunpoll), its clone handler and
 * tuncreate.
 *
 * Install() loads it into a node's kernel, as MOD_LOAD does: the "tun" table is
 * registered at major 52 (not MPSAFE, so every call takes Giant) and a dev_clone
 * handler makes /dev/tunN when a process first looks it up. The first open of a unit
 * creates its TunNetDevice (tuncreate) and attaches it to the node's IP stacks.
 */
class TunDriver : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TunDriver();
    ~TunDriver() override;

    /**
     * Load the driver into \p node (once; later calls return the same driver). Installs
     * the node's DeviceSwitch if needed.
     * \param node the node
     * \return its tun driver
     */
    static Ptr<TunDriver> Install(Ptr<Node> node);

    /**
     * tun_modevent(MOD_UNLOAD): refused, as the seed refuses it ("if_tun module unload -
     * not possible for this module type"); the driver, its units and /dev/tun* stay.
     * \return EINVAL
     */
    int Unload();

    /**
     * make_dev and tuncreate for \p unit, as a first open would: `/dev/tun<unit>` and its
     * interface exist afterwards, closed. Does nothing when the unit exists.
     * \param unit the unit number
     * \return the interface
     */
    Ptr<TunNetDevice> CreateUnit(uint32_t unit);

    /// \param unit a unit \return its interface, or null before tuncreate
    Ptr<TunNetDevice> GetUnit(uint32_t unit) const;

    /// \return the operations table ("tun", major 52)
    Ptr<DevOps> GetOps() const;

    /**
     * Set an attribute of every TunNetDevice made from now on.
     * \param name attribute name \param value its value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /// \return tundebug (debug.if_tun_debug, TUNSDEBUG)
    int32_t GetDebug() const;

    /// unit2minor \param unit a unit \return its minor number
    static int32_t UnitToMinor(uint32_t unit);
    /// minor2unit \param minor a minor number \return its unit
    static uint32_t MinorToUnit(int32_t minor);

    /// Signature of the Create trace.
    typedef void (*CreateTracedCallback)(Ptr<TunNetDevice> device);

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    int Open(DevOpenArgs& ap);   //!< tunopen
    int Close(DevCloseArgs& ap); //!< tunclose
    int Read(DevReadArgs& ap);   //!< tunread
    int Write(DevWriteArgs& ap); //!< tunwrite
    int Ioctl(DevIoctlArgs& ap); //!< tunioctl
    int Poll(DevPollArgs& ap);   //!< tunpoll
    /// tunread's dequeue-or-sleep loop \param ap the read \param tp the interface
    int ReadLoop(DevReadArgs& ap, Ptr<TunNetDevice> tp);
    /// tun_clone \param name looked-up name \param dev result
    void Clone(const std::string& name, Ptr<Cdev>& dev);
    /// tuncreate \param dev the device node \return the new interface
    Ptr<TunNetDevice> TunCreate(Ptr<Cdev> dev);
    /// \param dev a tun device node \return its softc (si_drv1)
    static Ptr<TunNetDevice> Softc(Ptr<Cdev> dev);

    Ptr<Node> m_node;                                //!< the node
    Ptr<DeviceSwitch> m_switch;                      //!< its device switch
    Ptr<DevOps> m_ops;                               //!< tun_cdevsw
    std::map<uint32_t, Ptr<TunNetDevice>> m_units;   //!< interfaces by unit
    ObjectFactory m_deviceFactory;                   //!< makes TunNetDevices
    int32_t m_debug{0};                              //!< tundebug
    TracedCallback<Ptr<TunNetDevice>> m_createTrace; //!< tuncreate
};

} // namespace ns3

#endif /* TUN_DRIVER_H */
