/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-kernel.h"

#include "bsd-process.h"
#include "kernel-cost-model.h"
#include "process-table.h"

#include "ns3/abort.h"
#include "ns3/node.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(BsdKernel);

TypeId
BsdKernel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::BsdKernel")
                            .SetParent<Object>()
                            .SetGroupName("Tun")
                            .AddConstructor<BsdKernel>();
    return tid;
}

BsdKernel::BsdKernel()
    : m_idealCost(CreateObject<KernelCostModel>())
{
}

BsdKernel::~BsdKernel() = default;

Ptr<BsdKernel>
BsdKernel::Install(Ptr<Node> node)
{
    NS_ABORT_MSG_IF(!node, "BsdKernel::Install: null node");
    Ptr<BsdKernel> kernel = node->GetObject<BsdKernel>();
    if (!kernel)
    {
        kernel = CreateObject<BsdKernel>();
        node->AggregateObject(kernel);
    }
    if (!kernel->m_processTable)
    {
        // Aggregated too, so that Config paths and GetObject<ProcessTable> find it.
        node->AggregateObject(CreateObject<ProcessTable>());
    }
    return kernel;
}

void
BsdKernel::NotifyNewAggregate()
{
    // Called for every object joining the node's aggregate: a cost model aggregated
    // later is found here, not looked up per system call.
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    m_cost = GetObject<KernelCostModel>();
    m_processTable = GetObject<ProcessTable>();
    Object::NotifyNewAggregate();
}

void
BsdKernel::DoDispose()
{
    m_node = nullptr;
    m_processTable = nullptr;
    m_cost = nullptr;
    Object::DoDispose();
}

Ptr<Node>
BsdKernel::GetNode() const
{
    return m_node;
}

void
BsdKernel::Sleep(const Ptr<BsdProcess>& process, std::function<void(int)> onWake)
{
    process->Park(std::move(onWake));
}

std::function<int(int)>
BsdKernel::TakeSleepContinuation(const Ptr<BsdProcess>& process)
{
    return process->TakeSleepContinuation();
}

int32_t
BsdKernel::PidOf(const Ptr<BsdProcess>& process)
{
    return process ? static_cast<int32_t>(process->GetPid()) : -1;
}

void
BsdKernel::Wakeup(const void* chan)
{
    m_processTable->Wakeup(chan);
}

} // namespace ns3
