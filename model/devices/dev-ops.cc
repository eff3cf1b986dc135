/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "dev-ops.h"

#include "bsd-ioctl-name.h"
#include "cdev.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-process.h"

#include <sstream>

namespace ns3
{

const char*
DevOpName(DevOp op)
{
    switch (op)
    {
    case DevOp::DEFAULT:
        return "default";
    case DevOp::OPEN:
        return "open";
    case DevOp::CLOSE:
        return "close";
    case DevOp::READ:
        return "read";
    case DevOp::WRITE:
        return "write";
    case DevOp::IOCTL:
        return "ioctl";
    case DevOp::MMAP:
        return "mmap";
    case DevOp::MMAP_SINGLE:
        return "mmap_single";
    case DevOp::STRATEGY:
        return "strategy";
    case DevOp::DUMP:
        return "dump";
    case DevOp::PSIZE:
        return "psize";
    case DevOp::KQFILTER:
        return "kqfilter";
    case DevOp::CLONE:
        return "clone";
    case DevOp::REVOKE:
        return "revoke";
    case DevOp::POLL:
        return "poll";
    case DevOp::COUNT:
        break;
    }
    return "?";
}

std::ostream&
operator<<(std::ostream& os, DevOp op)
{
    return os << DevOpName(op);
}

void
Biodone(Ptr<Bio> bio)
{
    bio->done = true;
    if (!bio->onDone.IsNull())
    {
        bio->onDone(bio);
    }
}

DevGenericArgs::DevGenericArgs(DevOp d)
    : desc(d)
{
}

DevGenericArgs::~DevGenericArgs() = default;

std::string
DevGenericArgs::Describe() const
{
    return "";
}

DevOpenArgs::DevOpenArgs()
    : DevGenericArgs(DevOp::OPEN)
{
}

std::string
DevOpenArgs::Describe() const
{
    return "oflags=" + KdumpHex(oflags) + " devtype=" + KdumpHex(devtype) +
           " uid=" + std::to_string(cred.uid);
}

DevCloseArgs::DevCloseArgs()
    : DevGenericArgs(DevOp::CLOSE)
{
}

std::string
DevCloseArgs::Describe() const
{
    return "fflag=" + KdumpHex(fflag) + " devtype=" + KdumpHex(devtype);
}

DevReadArgs::DevReadArgs()
    : DevGenericArgs(DevOp::READ)
{
}

std::string
DevReadArgs::Describe() const
{
    return "resid=" + std::to_string(uio ? uio->GetResid() : 0) + " ioflag=" + KdumpHex(ioflag);
}

DevWriteArgs::DevWriteArgs()
    : DevGenericArgs(DevOp::WRITE)
{
}

std::string
DevWriteArgs::Describe() const
{
    return "resid=" + std::to_string(uio ? uio->GetResid() : 0) + " ioflag=" + KdumpHex(ioflag);
}

DevIoctlArgs::DevIoctlArgs()
    : DevGenericArgs(DevOp::IOCTL)
{
}

std::string
DevIoctlArgs::Describe() const
{
    return "cmd=" + BsdIoctlName(cmd) + " fflag=" + KdumpHex(fflag);
}

DevMmapArgs::DevMmapArgs()
    : DevGenericArgs(DevOp::MMAP)
{
}

std::string
DevMmapArgs::Describe() const
{
    return "offset=" + std::to_string(offset) + " nprot=" + KdumpHex(nprot);
}

DevMmapSingleArgs::DevMmapSingleArgs()
    : DevGenericArgs(DevOp::MMAP_SINGLE)
{
}

std::string
DevMmapSingleArgs::Describe() const
{
    return "offset=" + std::to_string(offset) + " size=" + std::to_string(size) +
           " nprot=" + KdumpHex(nprot);
}

DevStrategyArgs::DevStrategyArgs()
    : DevGenericArgs(DevOp::STRATEGY)
{
}

std::string
DevStrategyArgs::Describe() const
{
    return bio && bio->cmd == Bio::CMD_WRITE ? "cmd=write" : "cmd=read";
}

DevDumpArgs::DevDumpArgs()
    : DevGenericArgs(DevOp::DUMP)
{
}

std::string
DevDumpArgs::Describe() const
{
    return "offset=" + std::to_string(offset) + " length=" + std::to_string(length);
}

DevPsizeArgs::DevPsizeArgs()
    : DevGenericArgs(DevOp::PSIZE)
{
}

std::string
DevPsizeArgs::Describe() const
{
    return "";
}

DevKqfilterArgs::DevKqfilterArgs()
    : DevGenericArgs(DevOp::KQFILTER)
{
}

std::string
DevKqfilterArgs::Describe() const
{
    return "filter=" + std::to_string(filter);
}

DevCloneArgs::DevCloneArgs()
    : DevGenericArgs(DevOp::CLONE)
{
}

DevCloneArgs::~DevCloneArgs() = default;

std::string
DevCloneArgs::Describe() const
{
    return "name=" + name;
}

DevRevokeArgs::DevRevokeArgs()
    : DevGenericArgs(DevOp::REVOKE)
{
}

DevPollArgs::DevPollArgs()
    : DevGenericArgs(DevOp::POLL)
{
}

std::string
DevPollArgs::Describe() const
{
    return "events=" + KdumpHex(events);
}

DevOps::DevOps(std::string name)
{
    head.name = std::move(name);
}

DevOpFunction&
DevOps::operator[](DevOp op)
{
    return m_slots.at(static_cast<std::size_t>(op));
}

const DevOpFunction&
DevOps::operator[](DevOp op) const
{
    return m_slots.at(static_cast<std::size_t>(op));
}

void
CompileDevOps(DevOps& ops)
{
    // compile_dev_ops: walk every slot from d_default to the last one. The default
    // table's own d_default is empty, so an empty d_default stays empty.
    const DevOps& defaults = DefaultDevOps();
    for (std::size_t i = 0; i < DEV_OP_COUNT; ++i)
    {
        auto op = static_cast<DevOp>(i);
        if (!ops[op])
        {
            ops[op] = ops[DevOp::DEFAULT] ? ops[DevOp::DEFAULT] : defaults[op];
        }
    }
}

const DevOps&
DefaultDevOps()
{
    // default_dev_ops: { "null" }, d_default NULL, every other slot a no*() function.
    static const DevOps table = [] {
        DevOps t("null");
        t[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NoOpen);
        t[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NoClose);
        t[DevOp::READ] = MakeDevOp<DevReadArgs>(NoRead);
        t[DevOp::WRITE] = MakeDevOp<DevWriteArgs>(NoWrite);
        t[DevOp::IOCTL] = MakeDevOp<DevIoctlArgs>(NoIoctl);
        t[DevOp::MMAP] = MakeDevOp<DevMmapArgs>(NoMmap);
        t[DevOp::MMAP_SINGLE] = MakeDevOp<DevMmapSingleArgs>(NoMmapSingle);
        t[DevOp::STRATEGY] = MakeDevOp<DevStrategyArgs>(NoStrategy);
        t[DevOp::DUMP] = MakeDevOp<DevDumpArgs>(NoDump);
        t[DevOp::PSIZE] = MakeDevOp<DevPsizeArgs>(NoPsize);
        t[DevOp::KQFILTER] = MakeDevOp<DevKqfilterArgs>(NoKqfilter);
        t[DevOp::CLONE] = MakeDevOp<DevCloneArgs>(NoClone);
        t[DevOp::REVOKE] = MakeDevOp<DevRevokeArgs>(NoRevoke);
        t[DevOp::POLL] = MakeDevOp<DevPollArgs>(NoPoll);
        return t;
    }();
    return table;
}

int
NoRevoke(DevRevokeArgs&)
{
    return BSD_OK; // take no action
}

int
NoClone(DevCloneArgs&)
{
    return BSD_OK; // take no action, allow the clone
}

int
NoOpen(DevOpenArgs&)
{
    return BSD_ENODEV;
}

int
NoClose(DevCloseArgs&)
{
    return BSD_ENODEV;
}

int
NoRead(DevReadArgs&)
{
    return BSD_ENODEV;
}

int
NoWrite(DevWriteArgs&)
{
    return BSD_ENODEV;
}

int
NoIoctl(DevIoctlArgs&)
{
    return BSD_ENODEV;
}

int
NoKqfilter(DevKqfilterArgs&)
{
    return BSD_ENODEV;
}

int
NoMmap(DevMmapArgs&)
{
    return BSD_ENODEV;
}

int
NoMmapSingle(DevMmapSingleArgs&)
{
    return BSD_ENODEV;
}

int
NoStrategy(DevStrategyArgs& ap)
{
    // nostrategy: the request fails, but the call itself succeeds.
    ap.bio->flags |= Bio::B_ERROR;
    ap.bio->error = BSD_EOPNOTSUPP;
    Biodone(ap.bio);
    return BSD_OK;
}

int
NoPsize(DevPsizeArgs& ap)
{
    ap.result = 0;
    return BSD_OK;
}

int
NoDump(DevDumpArgs&)
{
    return BSD_ENODEV;
}

int
NoPoll(DevPollArgs&)
{
    return BSD_ENODEV;
}

int
NullOpen(DevOpenArgs&)
{
    return BSD_OK;
}

int
NullClose(DevCloseArgs&)
{
    return BSD_OK;
}

} // namespace ns3
