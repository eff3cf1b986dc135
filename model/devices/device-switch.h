/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DEVICE_SWITCH_H
#define DEVICE_SWITCH_H

#include "cdev.h"
#include "dev-ops.h"

#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The device-switch layer of one simulated kernel (seed: DragonFly kern_device.c).
 */

namespace ns3
{

class Node;
class BsdKernel;

/**
 * \ingroup tun
 * \brief One record of the dispatch trace: an operation that went through dev_d*().
 */
struct DevDispatchRecord
{
    Time start;               //!< when the call entered the switch
    Time end;                 //!< when it returned (later if it waited for Giant or slept)
    uint32_t nodeId{0};       //!< the node whose kernel ran it
    int32_t pid{-1};          //!< the calling process, -1 for a kernel-internal call
    std::string device;       //!< the device's name, e.g. "tun0"
    DevOp op{DevOp::DEFAULT}; //!< the operation
    std::string args;         //!< its arguments as they were at the call
    int64_t result{0};        //!< what the dev_d*() function returned
    bool resultIsErrno{true}; //!< result is an error value (else a size, page or event mask)

    /// \return one line: "+1.5s node 0 pid 100 tun0 read(resid=2048 ioflag=0x10) = EWOULDBLOCK"
    std::string ToString() const;
};

/**
 * \ingroup tun
 * \brief The character-device switch of one node: device nodes, operations tables,
 * major numbers, and the dev_d*() dispatch functions.
 *
 * One DeviceSwitch is aggregated to each Node that has simulated devices
 * (DeviceSwitch::Install). It models the seed's layer:
 * - dispatch: Dopen(), Dread(), ... call the device's table as dev_dopen() etc. do,
 *   keep si_lastread/si_lastwrite, count MPSAFE and MP-locked reads, writes and
 *   strategies under the seed's sysctl names, and serialise non-MPSAFE operations on
 *   the node's Giant lock, held for the cost model's GiantHoldTime;
 * - tables: CompileDevOps() defaults, Intercept()/Restore(), Operate()/OperateOps();
 * - names: MakeDev(), DestroyDev(), RemoveAll(), RemoveMinor(), Lookup() with
 *   clone handlers, and major numbers kept ordered (the seed's red-black tree).
 *
 * Every dispatch completes through a callback in simulated time. The callback may run
 * before the dispatch function returns (free lock, zero cost, no sleep) or later.
 */
class DeviceSwitch : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    DeviceSwitch();
    ~DeviceSwitch() override;

    /**
     * Give \p node a device switch (and a kernel) if it has none.
     * \param node the node
     * \return the node's device switch
     */
    static Ptr<DeviceSwitch> Install(Ptr<Node> node);

    /// \return the node this switch belongs to (null before aggregation)
    Ptr<Node> GetNode() const;

    /// Completion of a dispatch: the dev_d*() function's return value.
    using DoneCallback = std::function<void(int64_t)>;

    // --- dispatch (dev_d*) -------------------------------------------------------

    /// dev_dopen \param ap arguments (dev, caller set) \param done completion
    void Dopen(Ptr<DevOpenArgs> ap, DoneCallback done);
    /// dev_dclose \param ap arguments \param done completion
    void Dclose(Ptr<DevCloseArgs> ap, DoneCallback done);
    /// dev_dread: on success sets si_lastread \param ap arguments \param done completion
    void Dread(Ptr<DevReadArgs> ap, DoneCallback done);
    /// dev_dwrite: sets si_lastwrite first \param ap arguments \param done completion
    void Dwrite(Ptr<DevWriteArgs> ap, DoneCallback done);
    /// dev_dioctl \param ap arguments \param done completion
    void Dioctl(Ptr<DevIoctlArgs> ap, DoneCallback done);
    /// dev_dmmap: a_result, or -1 on error \param ap arguments \param done completion
    void Dmmap(Ptr<DevMmapArgs> ap, DoneCallback done);
    /// dev_dmmap_single \param ap arguments \param done completion
    void DmmapSingle(Ptr<DevMmapSingleArgs> ap, DoneCallback done);
    /// dev_dclone \param ap arguments \param done completion
    void Dclone(Ptr<DevCloneArgs> ap, DoneCallback done);
    /// dev_drevoke \param ap arguments \param done completion
    void Drevoke(Ptr<DevRevokeArgs> ap, DoneCallback done);
    /// dev_dstrategy: returns 0; the bio completes on its own \param ap arguments
    /// \param done completion
    void Dstrategy(Ptr<DevStrategyArgs> ap, DoneCallback done);
    /// dev_ddump \param ap arguments \param done completion
    void Ddump(Ptr<DevDumpArgs> ap, DoneCallback done);
    /// dev_dpsize: a_result, or -1 on error \param ap arguments \param done completion
    void Dpsize(Ptr<DevPsizeArgs> ap, DoneCallback done);
    /// dev_dkqfilter: a_result (preset 0), or ENODEV on error \param ap arguments
    /// \param done completion
    void Dkqfilter(Ptr<DevKqfilterArgs> ap, DoneCallback done);
    /// dev_dpoll: revents, or seltrue(events) on error \param ap arguments
    /// \param done completion
    void Dpoll(Ptr<DevPollArgs> ap, DoneCallback done);

    /**
     * dev_doperate: forward \p ap through the table of ap->dev.
     * \param ap arguments whose desc names the slot
     * \param done completion with the slot's return value
     */
    void Operate(Ptr<DevGenericArgs> ap, DoneCallback done);

    /**
     * dev_doperate_ops: issue \p ap through a foreign table, leaving the device's own
     * table in place (the console-intercept path). MPSAFE-ness comes from \p ops.
     * \param ops the table to call
     * \param ap arguments
     * \param done completion
     */
    void OperateOps(Ptr<DevOps> ops, Ptr<DevGenericArgs> ap, DoneCallback done);

    // --- tables ------------------------------------------------------------------

    /**
     * dev_ops_intercept: compile \p iops, give it the old table's maj, data and flags,
     * install it on \p dev and set SI_INTERCEPTED.
     * \param dev the device
     * \param iops the intercepting table
     * \return the old table, to hand back to Restore()
     */
    Ptr<DevOps> Intercept(Ptr<Cdev> dev, Ptr<DevOps> iops);

    /**
     * dev_ops_restore: reinstall \p oops, clear SI_INTERCEPTED, and clear the
     * intercepting table's maj, data and flags.
     * \param dev the device
     * \param oops the table Intercept() returned
     */
    void Restore(Ptr<Cdev> dev, Ptr<DevOps> oops);

    /**
     * dev_ops_add: compile \p ops and register it under its major (a dynamic one from
     * 256 up when head.maj is negative) for the minors where (minor & mask) == match.
     * An exact mask/match already held by another table is usurped, with a warning.
     * \param ops the table
     * \param mask minor mask
     * \param match minor match
     * \return 0
     */
    int AddOps(Ptr<DevOps> ops, uint32_t mask, uint32_t match);

    /**
     * dev_ops_remove: destroy the table's devices in the mask/match range and drop the
     * registration; a major with no table left leaves the tree. Removing twice, or a
     * table whose major was usurped, only warns.
     * \param ops the table
     * \param mask minor mask
     * \param match minor match
     * \return 0
     */
    int RemoveOps(Ptr<DevOps> ops, uint32_t mask, uint32_t match);

    /// \return the registered major numbers, ascending (an in-order walk of the tree)
    std::vector<int32_t> GetMajors() const;

    /**
     * \param major a major number
     * \return the tables registered under it, newest first (the link list); empty if none
     */
    std::vector<Ptr<DevOps>> GetOpsForMajor(int32_t major) const;

    // --- device nodes --------------------------------------------------------------

    /**
     * make_dev: make /dev/\p name served by \p ops (compiled here).
     * \param ops the table
     * \param minor the minor number
     * \param uid owner
     * \param gid group
     * \param perms permission bits
     * \param name the node's name, e.g. "tun0"
     * \param error if not null, receives 0 or BSD_EEXIST (the name is taken; nothing
     *        changes) or BSD_EINVAL (empty name)
     * \return the device, or null on error
     */
    Ptr<Cdev> MakeDev(Ptr<DevOps> ops,
                      int32_t minor,
                      uint32_t uid,
                      uint32_t gid,
                      uint32_t perms,
                      const std::string& name,
                      int* error = nullptr);

    /**
     * destroy_dev: remove the node from /dev and point it at the dead table, so every
     * later operation on a descriptor still open on it fails as the no*() defaults do.
     * \param dev the device
     * \return 0, or BSD_ENOENT if it was already destroyed
     */
    int DestroyDev(Ptr<Cdev> dev);

    /**
     * dev_ops_remove_all: destroy every device served by \p ops.
     * \param ops the table
     * \return 0
     */
    int RemoveAll(Ptr<DevOps> ops);

    /**
     * dev_ops_remove_minor: destroy the devices served by \p ops with minor \p minor.
     * \param ops the table
     * \param minor the minor number
     * \return 0
     */
    int RemoveMinor(Ptr<DevOps> ops, int32_t minor);

    /**
     * A dev_clone event handler (FreeBSD's EVENTHANDLER dev_clone, as tun_clone):
     * given a name that does not exist, it may make the device and set \p dev.
     */
    using CloneHandler = std::function<void(const std::string& name, Ptr<Cdev>& dev)>;

    /**
     * Register a clone handler; handlers run in registration order.
     * \param handler the handler
     */
    void AddCloneHandler(CloneHandler handler);

    /**
     * dev_stdclone: does \p name read "<stem><unit>"? Units are decimal, without
     * leading zeros, at most 0xffffff.
     * \param name the name looked up
     * \param stem the driver's base name
     * \param unit receives the unit number
     * \return 0 no match, 1 exact match, 2 match followed by more characters
     */
    static int StdClone(const std::string& name, const std::string& stem, int32_t* unit);

    /**
     * Find a device node by path, as devfs lookup does: "/dev/<name>". A name that does
     * not exist is offered to the clone handlers, which may make it.
     * \param path the path
     * \return the device, or null (ENOENT)
     */
    Ptr<Cdev> Lookup(const std::string& path);

    /// \return the names of the nodes under /dev, sorted
    std::vector<std::string> ListDevices() const;

    // --- accounting --------------------------------------------------------------

    /**
     * Read one of the seed's counters by its sysctl name.
     * \param name "kern.mpsafe_writes", "kern.mplock_writes", "kern.mpsafe_reads",
     *        "kern.mplock_reads", "kern.mpsafe_strategies" or "kern.mplock_strategies"
     * \param value receives the value
     * \return 0, or BSD_ENOENT for another name
     */
    int Sysctl(const std::string& name, uint64_t* value) const;

    /// Trace signature: one record per completed dispatch.
    typedef void (*DispatchTracedCallback)(const DevDispatchRecord& record);

  protected:
    // Inherited from Object
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /// One operation in flight through the switch.
    struct Request;

    /// Registration of a table for a minor range (struct dev_ops_link).
    struct OpsLink
    {
        uint32_t mask;   //!< minor mask
        uint32_t match;  //!< minor match
        Ptr<DevOps> ops; //!< the table
    };

    /**
     * Maps a slot's error to what the dev_d*() function returns (a plain function, so a
     * dispatch carries no closure).
     * \param ap the arguments, after the slot ran
     * \param error the slot's error
     * \param asked the events a poll asked for (unused by the others)
     * \return the dev_d*() value
     */
    using ResultMap = int64_t (*)(const DevGenericArgs& ap, int error, int32_t asked);

    /**
     * One dev_d*(): note the call for the trace, run it, map the slot's return value to
     * what the dev_d*() function returns, trace and complete. Everything the call needs
     * until it completes lives in one Request.
     * \param ops the table to call
     * \param ap arguments
     * \param mplockCounter counter bumped when the call takes Giant (may be null)
     * \param mpsafeCounter counter bumped when it does not (may be null)
     * \param result maps the slot's error to the dev_d*() value; null keeps the error
     * \param isErrno whether that value is an error (for the trace)
     * \param done completion
     * \param asked the events a poll asks for, handed to \p result
     */
    void Dispatch(Ptr<DevOps> ops,
                  Ptr<DevGenericArgs> ap,
                  uint64_t* mplockCounter,
                  uint64_t* mpsafeCounter,
                  ResultMap result,
                  bool isErrno,
                  DoneCallback done,
                  int32_t asked = 0);
    /**
     * Destroy the devices served by \p ops that \p which selects.
     * \param ops the table \param which the selection, by device
     */
    void DestroyMatching(Ptr<DevOps> ops, const std::function<bool(const Cdev&)>& which);
    /// \return the event context of the node: events the switch schedules run in it
    uint32_t Context() const;
    /// Run the slot function of \p req for the first time (lock held if needed).
    void Run(Ptr<Request> req);
    /**
     * Count the call and run its slot function (the lock held if needed).
     * \param ops the table \param ap the arguments
     * \param counter the kern.mp* counter to bump, or nullptr
     * \return the slot's error
     */
    int CallSlot(const DevOps& ops, DevGenericArgs& ap, uint64_t* counter);
    /// Continue a request whose process was woken from tsleep with \p sleepError.
    void Resume(Ptr<Request> req, int sleepError);
    /// Handle the slot function's (or its continuation's) return value.
    void AfterRun(Ptr<Request> req, int error);
    /// \return the arguments as the trace prints them, or "" when no one listens
    std::string DescribeIfTraced(const DevGenericArgs& ap) const;
    /// Map the slot's \p error to the dev_d*() value, emit the trace record, complete.
    void Finish(Ptr<Request> req, int error);
    /**
     * What Finish does, from the pieces of a call.
     * \param ap the arguments, after the slot ran \param start when the call began
     * \param args the arguments as traced \param result the error's map
     * \param isErrno whether the value is an errno \param asked a poll's events
     * \param done the caller's completion \param error the slot's error
     */
    void Complete(const DevGenericArgs& ap,
                  Time start,
                  const std::string& args,
                  ResultMap result,
                  bool isErrno,
                  int32_t asked,
                  DoneCallback done,
                  int error);

    Ptr<Node> m_node;                                         //!< owning node
    Ptr<BsdKernel> m_kernel;                                  //!< the node's kernel
    Ptr<DevOps> m_deadOps;                                    //!< dead_dev_ops, compiled
    std::map<std::string, Ptr<Cdev>> m_devices;               //!< /dev by name
    std::map<int32_t, std::vector<OpsLink>> m_majors;         //!< major -> links, ordered
    int32_t m_nextMajor{256};                                 //!< next dynamic major
    std::vector<CloneHandler> m_cloneHandlers;                //!< dev_clone handlers
    uint64_t m_mpsafeWrites{0};                               //!< kern.mpsafe_writes
    uint64_t m_mplockWrites{0};                               //!< kern.mplock_writes
    uint64_t m_mpsafeReads{0};                                //!< kern.mpsafe_reads
    uint64_t m_mplockReads{0};                                //!< kern.mplock_reads
    uint64_t m_mpsafeStrategies{0};                           //!< kern.mpsafe_strategies
    uint64_t m_mplockStrategies{0};                           //!< kern.mplock_strategies
    TracedCallback<const DevDispatchRecord&> m_dispatchTrace; //!< "Dispatch"
};

} // namespace ns3

#endif /* DEVICE_SWITCH_H */
