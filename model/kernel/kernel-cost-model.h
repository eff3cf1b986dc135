/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef KERNEL_COST_MODEL_H
#define KERNEL_COST_MODEL_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * What crossing into a simulated kernel costs in simulated time.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Per-node costs of system calls, copies, wakeups and the Giant lock.
 *
 * Every cost defaults to zero: the "ideal" profile, where the kernel is infinitely
 * fast and only the network takes time. A measured profile (attributes set from a
 * host measurement) makes user-level daemons pay what they pay on a real machine.
 * The DeviceSwitch of a node uses the model aggregated to the node, or an ideal one.
 */
class KernelCostModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \return the time one system call spends entering and leaving the kernel
    Time GetSyscallTime() const;

    /**
     * \param bytes bytes moved between user and kernel memory (uiomove)
     * \return the time the copy takes
     */
    Time GetCopyTime(uint64_t bytes) const;

    /// \return the delay between wakeup() and the sleeper running again
    Time GetWakeupLatency() const;

    /// \return how long one non-MPSAFE device operation holds the Giant lock
    Time GetGiantHoldTime() const;

    /**
     * Set the attributes from a profile: one "<Attribute> <time>" per line ("SyscallTime
     * 250ns"), '#' comments and blank lines ignored. tools/measure-host-costs writes one.
     * Nothing is changed unless the whole file is good.
     * \param path the profile
     * \param error receives "<path>:<line>: <what is wrong>" on failure
     * \return true on success
     */
    bool LoadProfile(const std::string& path, std::string* error);

  private:
    Time m_syscallTime;    //!< entry + exit of one system call
    Time m_copyTimePerKiB; //!< uiomove cost per 1024 bytes
    Time m_wakeupLatency;  //!< wakeup to running
    Time m_giantHoldTime;  //!< Giant hold per non-MPSAFE operation
};

} // namespace ns3

#endif /* KERNEL_COST_MODEL_H */
