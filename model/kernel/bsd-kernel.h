/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_KERNEL_H
#define BSD_KERNEL_H

#include "giant-lock.h"

#include "ns3/object.h"
#include "ns3/ptr.h"

#include <functional>

/**
 * \file
 * \ingroup tun
 * One simulated BSD kernel per node: the services its layers share.
 */

namespace ns3
{

class BsdProcess;
class KernelCostModel;
class Node;
class ProcessTable;

/**
 * \ingroup tun
 * \brief The kernel of one node: its process table with the sleep queues (kern_proc,
 * kern_synch), the MP lock (Giant), and the cost model that charges system calls.
 *
 * Aggregated to the node by Install(), which every layer that needs it calls: the device
 * switch, processes, sockets, drivers and lines. The layers reach each other's services
 * through it, never through the device switch, which only dispatches. Nothing in it is
 * shared between nodes.
 */
class BsdKernel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BsdKernel();
    ~BsdKernel() override;

    /**
     * Give \p node a kernel, with its process table, if it has none.
     * \param node the node
     * \return the node's kernel
     */
    static Ptr<BsdKernel> Install(Ptr<Node> node);

    /// \return the node (null before aggregation)
    Ptr<Node> GetNode() const;

    /// \return the process table: pids, sleep queues, the Syscall trace
    const Ptr<ProcessTable>& GetProcessTable() const
    {
        return m_processTable;
    }

    /// \return the cost model in force: a KernelCostModel aggregated to the node, or an
    ///         ideal one that charges nothing (asked on every system call)
    const Ptr<KernelCostModel>& GetCostModel() const
    {
        return m_cost ? m_cost : m_idealCost;
    }

    /// \return the MP lock that non-MPSAFE device operations hold
    GiantLock& GetGiantLock()
    {
        return m_giant;
    }

    /**
     * tsleep's switch away: \p process, whose driver call answered ESLEEP, waits off the
     * CPU until a wakeup on its channel, a signal or its timeout.
     * \param process the sleeping process
     * \param onWake what runs when it is woken, with tsleep's return value
     */
    void Sleep(const Ptr<BsdProcess>& process, std::function<void(int)> onWake);

    /// \param process a process woken from tsleep
    /// \return the rest of the driver function that slept, to run with tsleep's value
    std::function<int(int)> TakeSleepContinuation(const Ptr<BsdProcess>& process);

    /// \param process a process, or null \return its pid, or -1 for none
    static int32_t PidOf(const Ptr<BsdProcess>& process);

    /// wakeup(9): every process asleep on \p chan becomes runnable, in sleep order.
    /// \param chan the wait channel
    void Wakeup(const void* chan);

  protected:
    // Inherited from Object
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    Ptr<Node> m_node;                 //!< owning node
    Ptr<ProcessTable> m_processTable; //!< the node's process table
    Ptr<KernelCostModel> m_cost;      //!< the node's cost model, if any
    Ptr<KernelCostModel> m_idealCost; //!< used when the node has none
    GiantLock m_giant;                //!< the MP lock
};

} // namespace ns3

#endif /* BSD_KERNEL_H */
