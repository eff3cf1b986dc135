/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef CDEV_H
#define CDEV_H

#include "dev-ops.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <string>

/**
 * \file
 * \ingroup tun
 * A character device (DragonFly struct cdev, FreeBSD dev_t).
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A character device node: a name under /dev, a major/minor pair, the operations
 * table that serves it and the driver's private data.
 *
 * Made by DeviceSwitch::MakeDev (make_dev) and looked up by name; a process reaches a
 * driver only through one of these.
 */
class Cdev : public SimpleRefCount<Cdev>
{
  public:
    /// si_flags bits (DragonFly sys/conf.h).
    enum Flags : uint32_t
    {
        SI_INTERCEPTED = 0x0008, //!< the device's ops were intercepted
    };

    /**
     * \param name the node's name under /dev, e.g. "tun7"
     * \param major the major number (si_umajor)
     * \param minor the minor number (si_uminor)
     * \param ops the operations table, already compiled
     */
    Cdev(std::string name, int32_t major, int32_t minor, Ptr<DevOps> ops);

    const std::string& GetName() const; //!< \return si_name
    int32_t GetMajor() const;           //!< \return si_umajor
    int32_t GetMinor() const;           //!< \return si_uminor

    Ptr<DevOps> GetOps() const;   //!< \return si_ops
    void SetOps(Ptr<DevOps> ops); //!< \param ops the new si_ops

    Ptr<Object> GetDriverData() const;     //!< \return si_drv1
    void SetDriverData(Ptr<Object> softc); //!< \param softc the new si_drv1

    uint32_t GetFlags() const;     //!< \return si_flags
    void SetFlags(uint32_t flags); //!< \param flags the new si_flags

    uint32_t GetUid() const;  //!< \return the owner (si_uid)
    uint32_t GetGid() const;  //!< \return the group (si_gid)
    uint32_t GetMode() const; //!< \return the permission bits (si_perms)

    /**
     * \param uid owner
     * \param gid group
     * \param mode permission bits, e.g. 0600
     */
    void SetOwnership(uint32_t uid, uint32_t gid, uint32_t mode);

    Time GetLastRead() const;  //!< \return si_lastread, in simulated time
    void SetLastRead(Time t);  //!< \param t the new si_lastread
    Time GetLastWrite() const; //!< \return si_lastwrite, in simulated time
    void SetLastWrite(Time t); //!< \param t the new si_lastwrite

    /// \return the reference count (dev_drefs): one for /dev, one per open file
    int32_t GetRefs() const;
    void Reference(); //!< take a reference (reference_dev)
    void Release();   //!< drop a reference (release_dev)

    /// \return how many open files refer to the device (its vnode's use count)
    int32_t GetOpenCount() const;
    void AddOpen();    //!< a file was opened on the device
    void RemoveOpen(); //!< a file on the device was closed

    /// \return true once the device was destroyed (it then dispatches to dead ops)
    bool IsDestroyed() const;
    /// Mark the device destroyed (destroy_dev).
    void MarkDestroyed();

  private:
    std::string m_name;      //!< si_name
    int32_t m_major;         //!< si_umajor
    int32_t m_minor;         //!< si_uminor
    Ptr<DevOps> m_ops;       //!< si_ops
    Ptr<Object> m_drv1;      //!< si_drv1
    uint32_t m_flags{0};     //!< si_flags
    uint32_t m_uid{0};       //!< si_uid
    uint32_t m_gid{0};       //!< si_gid
    uint32_t m_mode{0600};   //!< si_perms
    Time m_lastRead;         //!< si_lastread
    Time m_lastWrite;        //!< si_lastwrite
    int32_t m_refs{0};       //!< si_sysref.refcnt
    int32_t m_opens{0};      //!< open files
    bool m_destroyed{false}; //!< destroy_dev() was called
};

} // namespace ns3

#endif /* CDEV_H */
