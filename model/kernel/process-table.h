/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PROCESS_TABLE_H
#define PROCESS_TABLE_H

#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The processes of one simulated kernel and its sleep queues.
 */

namespace ns3
{

class BsdProcess;

struct SyscallRecord;

/**
 * \ingroup tun
 * \brief Process ids (allproc, pfind) and sleep queues (tsleep/wakeup) of one node.
 *
 * Aggregated to the node next to its DeviceSwitch. A sleeping process waits on a
 * channel, an address the driver chooses (tunread sleeps on its softc); Wakeup() makes
 * every process sleeping on that channel runnable, in the order they went to sleep.
 */
class ProcessTable : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Enter \p process into the table.
     * \param process the process
     * \param pid the pid it asks for, or 0 for the next free one from FirstPid up
     * \return the pid it got; the simulation aborts if a requested pid is taken
     */
    uint32_t Register(Ptr<BsdProcess> process, uint32_t pid);

    /// \param pid the process leaving the table
    void Unregister(uint32_t pid);

    /// A process of the node made a system call, or one returned: count and trace it.
    /// \param record the CALL or RET
    void NotifySyscall(const SyscallRecord& record);
    /// \return whether the node's Syscall trace has listeners
    bool HasSyscallTracers() const;
    /// \return system calls entered by the node's processes, those that exited included
    uint64_t GetSyscallCount() const;
    /// A process entered a system call (counted whether or not anyone traces).
    void CountSyscall();

    /**
     * pfind
     * \param pid a process id
     * \return the process, or null
     */
    Ptr<BsdProcess> Find(uint32_t pid) const;

    /**
     * pgfind, as a list
     * \param pgid a process group id
     * \return the live processes in the group, by pid
     */
    std::vector<Ptr<BsdProcess>> FindGroup(uint32_t pgid) const;

    /**
     * wakeup(chan): make every process sleeping on \p chan runnable.
     * \param chan the wait channel
     */
    void Wakeup(const void* chan);

    /**
     * Queue \p process on \p chan (called when it parks in tsleep).
     * \param chan the wait channel
     * \param process the sleeper
     */
    void AddSleeper(const void* chan, Ptr<BsdProcess> process);

    /**
     * Take \p process off \p chan (it woke by timeout or signal, or exited).
     * \param chan the wait channel
     * \param process the sleeper
     */
    void RemoveSleeper(const void* chan, Ptr<BsdProcess> process);

    /// \param chan a wait channel \return how many processes sleep on it
    std::size_t GetSleeperCount(const void* chan) const;

  protected:
    // Inherited from Object
    void DoDispose() override;

  private:
    uint32_t m_firstPid;                             //!< FirstPid attribute
    uint32_t m_nextPid{0};                           //!< next pid to try
    std::map<uint32_t, Ptr<BsdProcess>> m_processes; //!< allproc, by pid

    /// A process asleep on a wait channel.
    struct Sleeper
    {
        const void* chan;        //!< the channel
        Ptr<BsdProcess> process; //!< the process
    };

    /// Every sleeping process, in the order it went to sleep: the sleep queues of all
    /// channels in one (a node runs a handful of processes, and a map and a list node
    /// per sleep cost more than the scan).
    std::vector<Sleeper> m_sleepers;
    std::vector<Ptr<BsdProcess>> m_woken;                //!< Wakeup's list, kept for its capacity
    uint64_t m_syscalls{0};                              //!< system calls entered on the node
    TracedCallback<const SyscallRecord&> m_syscallTrace; //!< Syscall
};

} // namespace ns3

#endif /* PROCESS_TABLE_H */
