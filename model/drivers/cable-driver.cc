/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "cable-driver.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-fcntl.h"
#include "ns3/bsd-if.h"
#include "ns3/bsd-kernel.h"
#include "ns3/bsd-process.h"
#include "ns3/cdev.h"
#include "ns3/device-switch.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/process-table.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("CableDriver");

NS_OBJECT_ENSURE_REGISTERED(CableDriver);

TypeId
CableDriver::GetTypeId()
{
    static TypeId tid = TypeId("ns3::CableDriver")
                            .SetParent<Object>()
                            .SetGroupName("Tun")
                            .AddConstructor<CableDriver>()
                            .AddAttribute("QueueLimit",
                                          "Packets one end holds for reading before it drops.",
                                          UintegerValue(1000),
                                          MakeUintegerAccessor(&CableDriver::m_queueLimit),
                                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

CableDriver::CableDriver()
    : m_queueLimit(1000)
{
}

CableDriver::~CableDriver() = default;

Ptr<CableDriver>
CableDriver::Install(Ptr<Node> node)
{
    if (Ptr<CableDriver> existing = node->GetObject<CableDriver>())
    {
        return existing;
    }
    Ptr<CableDriver> driver = CreateObject<CableDriver>();
    driver->m_node = node;
    driver->m_switch = DeviceSwitch::Install(node);
    driver->m_kernel = BsdKernel::Install(node);
    Ptr<DevOps> ops = Create<DevOps>("cable");
    ops->head.flags = D_MPSAFE;
    CableDriver* d = PeekPointer(driver);
    (*ops)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NullOpen);
    (*ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NullClose);
    (*ops)[DevOp::READ] = MakeDevOp<DevReadArgs>([d](DevReadArgs& ap) { return d->Read(ap); });
    (*ops)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([d](DevWriteArgs& ap) { return d->Write(ap); });
    (*ops)[DevOp::POLL] = MakeDevOp<DevPollArgs>([d](DevPollArgs& ap) { return d->Poll(ap); });
    driver->m_ops = ops;
    driver->m_switch->AddOps(ops, 0, 0); // a dynamic major
    node->AggregateObject(driver);
    return driver;
}

void
CableDriver::Connect(Ptr<Node> a, uint32_t unitA, Ptr<Node> b, uint32_t unitB, Time delay)
{
    Ptr<CableDriver> da = Install(a);
    Ptr<CableDriver> db = Install(b);
    auto makeEnd =
        [delay](Ptr<CableDriver> d, uint32_t unit, Ptr<CableDriver> peer, uint32_t peerUnit) {
            NS_ABORT_MSG_IF(d->m_ends.count(unit),
                            "CableDriver: node " << d->m_node->GetId() << " already has /dev/cable"
                                                 << unit);
            End& end = d->m_ends[unit];
            end.dev =
                d->m_switch->MakeDev(d->m_ops, unit, 0, 0, 0600, "cable" + std::to_string(unit));
            NS_ABORT_MSG_IF(!end.dev, "CableDriver: /dev/cable" << unit << " exists");
            end.peerDriver = peer;
            end.peerUnit = peerUnit;
            end.delay = delay;
        };
    makeEnd(da, unitA, db, unitB);
    makeEnd(db, unitB, da, unitA);
}

CableDriver::Stats
CableDriver::GetStats(uint32_t unit) const
{
    auto it = m_ends.find(unit);
    return it == m_ends.end() ? Stats() : it->second.stats;
}

void
CableDriver::DoDispose()
{
    for (auto& [unit, end] : m_ends)
    {
        end.peerDriver = nullptr;
        end.rsel.Clear();
    }
    m_ends.clear();
    m_node = nullptr;
    m_switch = nullptr;
    m_kernel = nullptr;
    m_ops = nullptr;
    Object::DoDispose();
}

CableDriver::End&
CableDriver::EndOf(const DevGenericArgs& ap)
{
    return m_ends.at(static_cast<uint32_t>(ap.dev->GetMinor()));
}

int
CableDriver::Read(DevReadArgs& ap)
{
    End& end = EndOf(ap);
    if (end.queue.empty())
    {
        if (ap.ioflag & BSD_IO_NDELAY)
        {
            return BSD_EWOULDBLOCK;
        }
        DevReadArgs* args = &ap;
        return ap.caller->Tsleep(&end,
                                 BSD_PCATCH | BSD_PZERO,
                                 "cablerd",
                                 Time(0),
                                 [this, args](int e) { return e != BSD_OK ? e : Read(*args); });
    }
    std::vector<uint8_t> packet = std::move(end.queue.front());
    end.queue.pop_front();
    return ap.uio->Move(packet.data(), packet.size()); // a short read drops the rest
}

int
CableDriver::Write(DevWriteArgs& ap)
{
    End& end = EndOf(ap);
    std::vector<uint8_t> packet(ap.uio->GetResid());
    int error = ap.uio->Move(packet.data(), packet.size());
    if (error != BSD_OK)
    {
        return error;
    }
    ++end.stats.sent;
    Ptr<CableDriver> peer = end.peerDriver;
    uint32_t unit = end.peerUnit;
    Simulator::ScheduleWithContext(peer->m_node->GetId(),
                                   end.delay,
                                   &CableDriver::Deliver,
                                   peer,
                                   unit,
                                   std::move(packet));
    return BSD_OK;
}

void
CableDriver::Deliver(uint32_t unit, std::vector<uint8_t> packet)
{
    auto it = m_ends.find(unit);
    if (it == m_ends.end())
    {
        return;
    }
    End& end = it->second;
    if (end.queue.size() >= m_queueLimit)
    {
        ++end.stats.dropped;
        return;
    }
    end.queue.push_back(std::move(packet));
    ++end.stats.received;
    m_kernel->Wakeup(&end);
    end.rsel.Wakeup();
}

int
CableDriver::Poll(DevPollArgs& ap)
{
    End& end = EndOf(ap);
    int32_t revents = ap.events & (BSD_POLLOUT | BSD_POLLWRNORM);
    if (ap.events & (BSD_POLLIN | BSD_POLLRDNORM))
    {
        if (!end.queue.empty())
        {
            revents |= ap.events & (BSD_POLLIN | BSD_POLLRDNORM);
        }
        else
        {
            end.rsel.Record(ap.caller);
        }
    }
    ap.events = revents;
    return BSD_OK;
}

} // namespace ns3
