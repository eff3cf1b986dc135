/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "device-switch.h"

#include "ns3/abort.h"
#include "ns3/bsd-errno.h"
#include "ns3/bsd-kernel.h"
#include "ns3/kernel-cost-model.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("DeviceSwitch");

NS_OBJECT_ENSURE_REGISTERED(DeviceSwitch);

namespace
{

/// poll(2) event bits (sys/poll.h) that seltrue() reports.
constexpr int32_t POLLIN = 0x0001;
constexpr int32_t POLLOUT = 0x0004;
constexpr int32_t POLLRDNORM = 0x0040;
constexpr int32_t POLLWRNORM = POLLOUT;

/// seltrue: a device without a poll routine is always readable and writable.
int32_t
Seltrue(int32_t events)
{
    return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

} // namespace

std::string
DevDispatchRecord::ToString() const
{
    std::ostringstream os;
    os << start.As(Time::S) << " node " << nodeId << " pid " << pid << " " << device << " "
       << DevOpName(op) << "(" << args << ") = "
       << (resultIsErrno ? BsdErrnoName(static_cast<int32_t>(result)) : std::to_string(result));
    if (end != start)
    {
        os << " [returned " << end.As(Time::S) << "]";
    }
    return os.str();
}

/// One operation in flight through the switch: everything dev_d*() needs until it completes.
struct DeviceSwitch::Request : public SimpleRefCount<DeviceSwitch::Request>, public PooledAllocation
{
    Ptr<DevOps> ops;                  //!< the table called
    Ptr<DevGenericArgs> ap;           //!< the arguments
    bool needMplock{true};            //!< dev_needmplock() at the call
    uint64_t* mplockCounter{nullptr}; //!< bumped when Giant is taken
    uint64_t* mpsafeCounter{nullptr}; //!< bumped when it is not
    Time start;                       //!< when the call entered the switch (for the trace)
    std::string args;                 //!< the arguments as traced ("" when no one listens)
    ResultMap result{nullptr};        //!< slot error -> dev_d*() value; null keeps the error
    int32_t asked{0};                 //!< the events a poll asked for
    bool isErrno{true};               //!< whether the value is an errno (for the trace)
    DoneCallback done;                //!< the caller's completion
};

TypeId
DeviceSwitch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::DeviceSwitch")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<DeviceSwitch>()
            .AddTraceSource("Dispatch",
                            "Every operation dispatched through the switch, when it returns.",
                            MakeTraceSourceAccessor(&DeviceSwitch::m_dispatchTrace),
                            "ns3::DeviceSwitch::DispatchTracedCallback");
    return tid;
}

DeviceSwitch::DeviceSwitch()
    : m_deadOps(Create<DevOps>("dead"))
{
    // dead_dev_ops: an empty table, compiled to the defaults.
    CompileDevOps(*m_deadOps);
}

DeviceSwitch::~DeviceSwitch() = default;

Ptr<DeviceSwitch>
DeviceSwitch::Install(Ptr<Node> node)
{
    NS_ABORT_MSG_IF(!node, "DeviceSwitch::Install: null node");
    Ptr<DeviceSwitch> sw = node->GetObject<DeviceSwitch>();
    if (!sw)
    {
        sw = CreateObject<DeviceSwitch>();
        node->AggregateObject(sw);
    }
    BsdKernel::Install(node);
    return sw;
}

void
DeviceSwitch::NotifyNewAggregate()
{
    // Called for every object joining the node's aggregate: look the neighbours up now,
    // not on every dispatch (GetObject walks the whole aggregate).
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    m_kernel = GetObject<BsdKernel>();
    Object::NotifyNewAggregate();
}

void
DeviceSwitch::DoDispose()
{
    m_devices.clear();
    m_majors.clear();
    m_cloneHandlers.clear();
    m_node = nullptr;
    m_kernel = nullptr;
    Object::DoDispose();
}

uint32_t
DeviceSwitch::Context() const
{
    return m_node ? m_node->GetId() : Simulator::GetContext();
}

Ptr<Node>
DeviceSwitch::GetNode() const
{
    return m_node;
}

// --- dispatch core ---------------------------------------------------------------------

void
DeviceSwitch::Run(Ptr<Request> req)
{
    AfterRun(
        req,
        CallSlot(*req->ops, *req->ap, req->needMplock ? req->mplockCounter : req->mpsafeCounter));
}

int
DeviceSwitch::CallSlot(const DevOps& ops, DevGenericArgs& ap, uint64_t* counter)
{
    if (counter)
    {
        ++*counter;
    }
    const DevOpFunction& func = ops[ap.desc];
    NS_ABORT_MSG_IF(!func,
                    "DeviceSwitch: table \"" << ops.head.name << "\" has no " << DevOpName(ap.desc)
                                             << " operation; was it compiled?");
    return func(ap);
}

void
DeviceSwitch::Resume(Ptr<Request> req, int sleepError)
{
    auto proceed = [this, req, sleepError] {
        std::function<int(int)> rest = m_kernel->TakeSleepContinuation(req->ap->caller);
        NS_ABORT_MSG_IF(!rest, "DeviceSwitch: a sleep woke without a continuation");
        AfterRun(req, rest(sleepError));
    };
    if (req->needMplock)
    {
        m_kernel->GetGiantLock().Acquire(proceed); // tsleep takes the MP lock back before returning
    }
    else
    {
        proceed();
    }
}

void
DeviceSwitch::AfterRun(Ptr<Request> req, int error)
{
    Time hold = req->needMplock ? m_kernel->GetCostModel()->GetGiantHoldTime() : Time(0);
    if (error == BSD_ESLEEP)
    {
        const Ptr<BsdProcess>& caller = req->ap->caller;
        NS_ABORT_MSG_IF(!caller,
                        "DeviceSwitch: " << req->ap->dev->GetName() << " "
                                         << DevOpName(req->ap->desc)
                                         << " slept, but no process made the call");
        m_kernel->Sleep(caller, [this, req](int e) { Resume(req, e); });
        if (req->needMplock)
        {
            // tsleep gives up the MP lock while asleep.
            if (hold.IsZero())
            {
                m_kernel->GetGiantLock().Release();
            }
            else
            {
                Simulator::ScheduleWithContext(Context(), hold, [this] {
                    m_kernel->GetGiantLock().Release();
                });
            }
        }
        return;
    }
    if (req->needMplock && !hold.IsZero())
    {
        Simulator::ScheduleWithContext(Context(), hold, [this, req, error] {
            m_kernel->GetGiantLock().Release();
            Finish(req, error);
        });
        return;
    }
    if (req->needMplock)
    {
        m_kernel->GetGiantLock().Release();
    }
    Finish(req, error);
}

void
DeviceSwitch::Finish(Ptr<Request> req, int error)
{
    Complete(*req->ap,
             req->start,
             req->args,
             req->result,
             req->isErrno,
             req->asked,
             std::move(req->done),
             error);
}

void
DeviceSwitch::Complete(const DevGenericArgs& ap,
                       Time start,
                       const std::string& args,
                       ResultMap result,
                       bool isErrno,
                       int32_t asked,
                       DoneCallback done,
                       int error)
{
    int64_t value = result ? result(ap, error, asked) : error;
    if (!m_dispatchTrace.IsEmpty())
    {
        DevDispatchRecord r;
        r.start = start;
        r.end = Simulator::Now();
        r.nodeId = m_node ? m_node->GetId() : 0;
        r.pid = BsdKernel::PidOf(ap.caller);
        r.device = ap.dev->GetName();
        r.op = ap.desc;
        r.args = args;
        r.result = value;
        r.resultIsErrno = isErrno;
        m_dispatchTrace(r);
    }
    NS_LOG_LOGIC(ap.dev->GetName() << " " << DevOpName(ap.desc) << " = " << value);
    if (done)
    {
        done(value);
    }
}

// --- dev_d* ------------------------------------------------------------------------------

std::string
DeviceSwitch::DescribeIfTraced(const DevGenericArgs& ap) const
{
    return m_dispatchTrace.IsEmpty() ? std::string() : ap.Describe();
}

void
DeviceSwitch::Dispatch(Ptr<DevOps> ops,
                       Ptr<DevGenericArgs> ap,
                       uint64_t* mplockCounter,
                       uint64_t* mpsafeCounter,
                       ResultMap result,
                       bool isErrno,
                       DoneCallback done,
                       int32_t asked)
{
    NS_ABORT_MSG_IF(!ap || !ap->dev, "DeviceSwitch: dispatch without a device");
    NS_ABORT_MSG_IF(!ops, "DeviceSwitch: device " << ap->dev->GetName() << " has no operations");
    bool needMplock = (ops->head.flags & D_MPSAFE) == 0; // dev_needmplock
    GiantLock& giant = m_kernel->GetGiantLock();
    // Everything the call needs until it completes, for a call that cannot finish at once.
    auto makeRequest = [&](Time start, std::string args) {
        auto req = Create<Request>();
        req->start = start;
        req->args = std::move(args);
        req->ops = std::move(ops);
        req->ap = std::move(ap);
        req->needMplock = needMplock;
        req->mplockCounter = mplockCounter;
        req->mpsafeCounter = mpsafeCounter;
        req->result = result;
        req->isErrno = isErrno;
        req->asked = asked;
        req->done = std::move(done);
        return req;
    };
    if (!needMplock || (!giant.IsHeld() && m_kernel->GetCostModel()->GetGiantHoldTime().IsZero()))
    {
        // Most calls find Giant free and do not sleep: they run and complete here, and
        // need a Request only if the slot sleeps. What they do is what Run, AfterRun and
        // Finish do with one.
        Time start = Simulator::Now();
        std::string args = DescribeIfTraced(*ap);
        if (needMplock)
        {
            giant.Acquire([] {});
        }
        int error = CallSlot(*ops, *ap, needMplock ? mplockCounter : mpsafeCounter);
        if (error != BSD_ESLEEP)
        {
            if (needMplock)
            {
                giant.Release();
            }
            Complete(*ap, start, args, result, isErrno, asked, std::move(done), error);
            return;
        }
        AfterRun(makeRequest(start, std::move(args)), error);
        return;
    }
    Ptr<Request> req = makeRequest(Simulator::Now(), DescribeIfTraced(*ap));
    if (req->needMplock)
    {
        giant.Acquire([this, req] { Run(req); });
    }
    else
    {
        Run(req);
    }
}

void
DeviceSwitch::Dopen(Ptr<DevOpenArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dclose(Ptr<DevCloseArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dread(Ptr<DevReadArgs> ap, DoneCallback done)
{
    ResultMap stamp = [](const DevGenericArgs& ran, int error, int32_t) -> int64_t {
        if (error == BSD_OK)
        {
            ran.dev->SetLastRead(Simulator::Now()); // only a successful read
        }
        return error;
    };
    Dispatch(ap->dev->GetOps(), ap, &m_mplockReads, &m_mpsafeReads, stamp, true, std::move(done));
}

void
DeviceSwitch::Dwrite(Ptr<DevWriteArgs> ap, DoneCallback done)
{
    ap->dev->SetLastWrite(Simulator::Now()); // before the call, whatever its outcome
    Dispatch(ap->dev->GetOps(),
             ap,
             &m_mplockWrites,
             &m_mpsafeWrites,
             nullptr,
             true,
             std::move(done));
}

void
DeviceSwitch::Dioctl(Ptr<DevIoctlArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dmmap(Ptr<DevMmapArgs> ap, DoneCallback done)
{
    ResultMap page = [](const DevGenericArgs& ran, int error, int32_t) -> int64_t {
        return error == BSD_OK ? static_cast<const DevMmapArgs&>(ran).result : -1;
    };
    Dispatch(ap->dev->GetOps(), ap, nullptr, nullptr, page, false, std::move(done));
}

void
DeviceSwitch::DmmapSingle(Ptr<DevMmapSingleArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dclone(Ptr<DevCloneArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Drevoke(Ptr<DevRevokeArgs> ap, DoneCallback done)
{
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dstrategy(Ptr<DevStrategyArgs> ap, DoneCallback done)
{
    // The seed KKASSERTs these; a simulation reports them instead of panicking.
    NS_ABORT_MSG_IF(!ap->bio, "dev_dstrategy on " << ap->dev->GetName() << ": no bio");
    NS_ABORT_MSG_IF(ap->bio->done,
                    "dev_dstrategy on " << ap->dev->GetName() << ": bio already done");
    // The bio carries the outcome.
    ResultMap voidResult = [](const DevGenericArgs&, int, int32_t) -> int64_t { return 0; };
    Dispatch(ap->dev->GetOps(),
             ap,
             &m_mplockStrategies,
             &m_mpsafeStrategies,
             voidResult,
             false,
             std::move(done));
}

void
DeviceSwitch::Ddump(Ptr<DevDumpArgs> ap, DoneCallback done)
{
    // The disk layer sets these before forwarding; the switch starts them at zero.
    ap->count = 0;
    ap->blkno = 0;
    ap->secsize = 0;
    Operate(ap, std::move(done));
}

void
DeviceSwitch::Dpsize(Ptr<DevPsizeArgs> ap, DoneCallback done)
{
    ResultMap size = [](const DevGenericArgs& ran, int error, int32_t) -> int64_t {
        return error == BSD_OK ? static_cast<const DevPsizeArgs&>(ran).result : -1;
    };
    Dispatch(ap->dev->GetOps(), ap, nullptr, nullptr, size, false, std::move(done));
}

void
DeviceSwitch::Dkqfilter(Ptr<DevKqfilterArgs> ap, DoneCallback done)
{
    ap->result = 0; // so a d_kqfilter that returns 0 need not set it
    ResultMap result = [](const DevGenericArgs& ran, int error, int32_t) -> int64_t {
        return error == BSD_OK ? static_cast<const DevKqfilterArgs&>(ran).result : BSD_ENODEV;
    };
    Dispatch(ap->dev->GetOps(), ap, nullptr, nullptr, result, true, std::move(done));
}

void
DeviceSwitch::Dpoll(Ptr<DevPollArgs> ap, DoneCallback done)
{
    int32_t asked = ap->events;
    ResultMap revents = [](const DevGenericArgs& ran, int error, int32_t asked) -> int64_t {
        return error == BSD_OK ? static_cast<const DevPollArgs&>(ran).events : Seltrue(asked);
    };
    Dispatch(ap->dev->GetOps(), ap, nullptr, nullptr, revents, false, std::move(done), asked);
}

void
DeviceSwitch::Operate(Ptr<DevGenericArgs> ap, DoneCallback done)
{
    OperateOps(ap->dev->GetOps(), ap, std::move(done));
}

void
DeviceSwitch::OperateOps(Ptr<DevOps> ops, Ptr<DevGenericArgs> ap, DoneCallback done)
{
    Dispatch(ops, ap, nullptr, nullptr, nullptr, true, std::move(done));
}

// --- tables ------------------------------------------------------------------------------

Ptr<DevOps>
DeviceSwitch::Intercept(Ptr<Cdev> dev, Ptr<DevOps> iops)
{
    Ptr<DevOps> oops = dev->GetOps();
    CompileDevOps(*iops);
    iops->head.maj = oops->head.maj;
    iops->head.data = oops->head.data;
    iops->head.flags = oops->head.flags;
    dev->SetOps(iops);
    dev->SetFlags(dev->GetFlags() | Cdev::SI_INTERCEPTED);
    return oops;
}

void
DeviceSwitch::Restore(Ptr<Cdev> dev, Ptr<DevOps> oops)
{
    Ptr<DevOps> iops = dev->GetOps();
    dev->SetOps(oops);
    dev->SetFlags(dev->GetFlags() & ~Cdev::SI_INTERCEPTED);
    iops->head.maj = 0;
    iops->head.data = nullptr;
    iops->head.flags = 0;
}

int
DeviceSwitch::AddOps(Ptr<DevOps> ops, uint32_t mask, uint32_t match)
{
    CompileDevOps(*ops);
    if (ops->head.maj < 0)
    {
        while (m_majors.count(m_nextMajor))
        {
            if (++m_nextMajor <= 0)
            {
                m_nextMajor = 256;
            }
        }
        ops->head.maj = m_nextMajor;
    }
    std::vector<OpsLink>& links = m_majors[ops->head.maj];
    for (OpsLink& link : links)
    {
        if (link.mask == mask && link.match == match)
        {
            // An exact match is usurped; only a different table is worth a warning.
            if (link.ops != ops)
            {
                NS_LOG_WARN("\"" << ops->head.name << "\" is usurping \"" << link.ops->head.name
                                 << "\"'s major " << ops->head.maj);
                link.ops = ops;
                ++ops->head.refs;
            }
            return BSD_OK;
        }
    }
    links.insert(links.begin(), OpsLink{mask, match, ops}); // pushed at the head of the list
    ++ops->head.refs;
    return BSD_OK;
}

int
DeviceSwitch::RemoveOps(Ptr<DevOps> ops, uint32_t mask, uint32_t match)
{
    DestroyMatching(ops, [mask, match](const Cdev& dev) {
        return (static_cast<uint32_t>(dev.GetMinor()) & mask) == match;
    });

    auto major = m_majors.find(ops->head.maj);
    if (major == m_majors.end())
    {
        NS_LOG_WARN("double-remove of dev_ops for " << ops->head.name << "(" << ops->head.maj
                                                    << ")");
        return BSD_OK;
    }
    std::vector<OpsLink>& links = major->second;
    auto found = links.end();
    for (auto it = links.begin(); it != links.end(); ++it)
    {
        if (it->mask == mask && it->match == match)
        {
            if (it->ops == ops)
            {
                found = it;
                break;
            }
            NS_LOG_WARN(ops->head.name << ": cannot remove dev_ops, its major number "
                                       << ops->head.maj << " was stolen by " << it->ops->head.name);
        }
    }
    if (found == links.end())
    {
        NS_LOG_WARN(ops->head.name << "(" << ops->head.maj << "): ops removed multiple times");
    }
    else
    {
        links.erase(found);
        --ops->head.refs;
    }
    if (links.empty())
    {
        m_majors.erase(major);
    }
    return BSD_OK;
}

std::vector<int32_t>
DeviceSwitch::GetMajors() const
{
    std::vector<int32_t> majors;
    for (const auto& [maj, links] : m_majors)
    {
        majors.push_back(maj);
    }
    return majors;
}

std::vector<Ptr<DevOps>>
DeviceSwitch::GetOpsForMajor(int32_t major) const
{
    std::vector<Ptr<DevOps>> result;
    auto it = m_majors.find(major);
    if (it != m_majors.end())
    {
        for (const OpsLink& link : it->second)
        {
            result.push_back(link.ops);
        }
    }
    return result;
}

// --- device nodes --------------------------------------------------------------------------

Ptr<Cdev>
DeviceSwitch::MakeDev(Ptr<DevOps> ops,
                      int32_t minor,
                      uint32_t uid,
                      uint32_t gid,
                      uint32_t perms,
                      const std::string& name,
                      int* error)
{
    int result = BSD_OK;
    if (name.empty() || name.find('/') != std::string::npos || !ops)
    {
        result = BSD_EINVAL;
    }
    else if (m_devices.count(name))
    {
        NS_LOG_WARN("make_dev: /dev/" << name << " already exists; nothing changed");
        result = BSD_EEXIST;
    }
    if (error)
    {
        *error = result;
    }
    if (result != BSD_OK)
    {
        return nullptr;
    }
    CompileDevOps(*ops);
    auto dev = Create<Cdev>(name, ops->head.maj, minor, ops);
    dev->SetOwnership(uid, gid, perms);
    dev->Reference(); // the /dev entry's reference
    m_devices[name] = dev;
    NS_LOG_DEBUG("make_dev /dev/" << name << " (" << ops->head.maj << "," << minor << ")");
    return dev;
}

int
DeviceSwitch::DestroyDev(Ptr<Cdev> dev)
{
    if (!dev || dev->IsDestroyed())
    {
        return BSD_ENOENT;
    }
    auto it = m_devices.find(dev->GetName());
    if (it != m_devices.end() && it->second == dev)
    {
        m_devices.erase(it);
    }
    dev->SetOps(m_deadOps);
    dev->MarkDestroyed();
    dev->Release();
    NS_LOG_DEBUG("destroy_dev /dev/" << dev->GetName());
    return BSD_OK;
}

int
DeviceSwitch::RemoveAll(Ptr<DevOps> ops)
{
    return RemoveMinor(ops, -1);
}

int
DeviceSwitch::RemoveMinor(Ptr<DevOps> ops, int32_t minor)
{
    // devfs_destroy_dev_by_ops: minor -1 means every minor.
    DestroyMatching(ops,
                    [minor](const Cdev& dev) { return minor == -1 || dev.GetMinor() == minor; });
    return BSD_OK;
}

void
DeviceSwitch::DestroyMatching(Ptr<DevOps> ops, const std::function<bool(const Cdev&)>& which)
{
    // Collect first: destroying removes names from the map being walked.
    std::vector<Ptr<Cdev>> doomed;
    for (const auto& [name, dev] : m_devices)
    {
        if (dev->GetOps() == ops && which(*dev))
        {
            doomed.push_back(dev);
        }
    }
    for (auto& dev : doomed)
    {
        DestroyDev(dev);
    }
}

void
DeviceSwitch::AddCloneHandler(CloneHandler handler)
{
    m_cloneHandlers.push_back(std::move(handler));
}

int
DeviceSwitch::StdClone(const std::string& name, const std::string& stem, int32_t* unit)
{
    if (name.compare(0, stem.size(), stem) != 0)
    {
        return 0;
    }
    std::size_t i = stem.size();
    auto isDigit = [&name](std::size_t k) {
        return k < name.size() && std::isdigit(static_cast<unsigned char>(name[k]));
    };
    if (!isDigit(i))
    {
        return 0;
    }
    if (name[i] == '0' && isDigit(i + 1))
    {
        return 0; // no leading zeros
    }
    int64_t u = 0;
    while (isDigit(i) && u < 10000000)
    {
        u = u * 10 + (name[i++] - '0');
    }
    if (u > 0xffffff)
    {
        return 0;
    }
    *unit = static_cast<int32_t>(u);
    return i < name.size() ? 2 : 1;
}

Ptr<Cdev>
DeviceSwitch::Lookup(const std::string& path)
{
    static const std::string prefix = "/dev/";
    if (path.compare(0, prefix.size(), prefix) != 0)
    {
        return nullptr;
    }
    std::string name = path.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string::npos)
    {
        return nullptr;
    }
    auto it = m_devices.find(name);
    if (it != m_devices.end())
    {
        return it->second;
    }
    // devfs lookup miss: offer the name to the dev_clone handlers.
    Ptr<Cdev> dev;
    for (auto& handler : m_cloneHandlers)
    {
        handler(name, dev);
    }
    if (dev)
    {
        NS_LOG_DEBUG("cloned /dev/" << name);
    }
    return dev;
}

std::vector<std::string>
DeviceSwitch::ListDevices() const
{
    std::vector<std::string> names;
    for (const auto& [name, dev] : m_devices)
    {
        names.push_back(name);
    }
    return names;
}

// --- accounting --------------------------------------------------------------------------

int
DeviceSwitch::Sysctl(const std::string& name, uint64_t* value) const
{
    const std::map<std::string, const uint64_t*> counters = {
        {"kern.mpsafe_writes", &m_mpsafeWrites},
        {"kern.mplock_writes", &m_mplockWrites},
        {"kern.mpsafe_reads", &m_mpsafeReads},
        {"kern.mplock_reads", &m_mplockReads},
        {"kern.mpsafe_strategies", &m_mpsafeStrategies},
        {"kern.mplock_strategies", &m_mplockStrategies},
    };
    auto it = counters.find(name);
    if (it == counters.end())
    {
        return BSD_ENOENT;
    }
    *value = *it->second;
    return BSD_OK;
}

} // namespace ns3
