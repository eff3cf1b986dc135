/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TOY_QUEUE_DRIVER_H
#define TOY_QUEUE_DRIVER_H

// A small driver the tests register with a DeviceSwitch: each write is one packet on a
// queue, each read takes one, and a read on an empty queue sleeps as tunread does
// (PCATCH, optional timeout) unless the descriptor is non-blocking. It counts every
// call so tests can see which operations reached it.

#include "ns3/bsd-errno.h"
#include "ns3/bsd-fcntl.h"
#include "ns3/bsd-process.h"
#include "ns3/device-switch.h"
#include "ns3/node.h"
#include "ns3/process-table.h"

#include <cstring>
#include <deque>
#include <vector>

namespace ns3
{
namespace tests
{

class ToyQueueDriver : public SimpleRefCount<ToyQueueDriver>
{
  public:
    ToyQueueDriver(Ptr<DeviceSwitch> sw, const std::string& name, uint32_t flags)
        : m_switch(sw)
    {
        ops = Create<DevOps>(name);
        ops->head.flags = flags;
        (*ops)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>([this](DevOpenArgs& ap) {
            ++opens;
            lastOpenFlags = ap.oflags;
            return openError;
        });
        (*ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>([this](DevCloseArgs&) {
            ++closes;
            return BSD_OK;
        });
        (*ops)[DevOp::READ] =
            MakeDevOp<DevReadArgs>([this](DevReadArgs& ap) { return ReadLoop(ap); });
        (*ops)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([this](DevWriteArgs& ap) {
            ++writes;
            std::vector<uint8_t> packet(ap.uio->GetResid());
            int error = ap.uio->Move(packet.data(), packet.size());
            if (error == BSD_OK)
            {
                queue.push_back(packet);
                m_switch->GetNode()->GetObject<ProcessTable>()->Wakeup(this);
            }
            return error;
        });
        (*ops)[DevOp::IOCTL] = MakeDevOp<DevIoctlArgs>([this](DevIoctlArgs& ap) {
            ++ioctls;
            lastIoctlCmd = ap.cmd;
            lastIoctlFflag = ap.fflag;
            if (ap.cmd == ECHO_IOCTL)
            {
                int32_t v;
                std::memcpy(&v, ap.data, sizeof(v));
                v += 1;
                std::memcpy(ap.data, &v, sizeof(v));
                return BSD_OK;
            }
            return ap.cmd == NOP_IOCTL ? BSD_OK : BSD_ENOTTY;
        });
    }

    /// tunread's shape: dequeue, or sleep and try again.
    int ReadLoop(DevReadArgs& ap)
    {
        ++reads;
        if (queue.empty())
        {
            if (ap.ioflag & BSD_IO_NDELAY)
            {
                return BSD_EWOULDBLOCK;
            }
            DevReadArgs* args = &ap;
            return ap.caller->Tsleep(this,
                                     BSD_PCATCH | (BSD_PZERO + 1),
                                     "toyread",
                                     readTimeout,
                                     [this, args](int error) {
                                         if (error != BSD_OK)
                                         {
                                             return error;
                                         }
                                         return ReadLoop(*args);
                                     });
        }
        std::vector<uint8_t> packet = queue.front();
        queue.pop_front();
        return ap.uio->Move(packet.data(), packet.size());
    }

    /// An _IOWR('x', 1, int) that adds one to its parameter.
    static constexpr uint32_t ECHO_IOCTL = 0xc0047801;
    /// An _IO('x', 2) that does nothing.
    static constexpr uint32_t NOP_IOCTL = 0x20007802;

    Ptr<DevOps> ops;
    std::deque<std::vector<uint8_t>> queue;
    int opens{0};
    int closes{0};
    int reads{0};
    int writes{0};
    int ioctls{0};
    int openError{BSD_OK};
    int32_t lastOpenFlags{0};
    uint32_t lastIoctlCmd{0};
    int32_t lastIoctlFflag{0};
    Time readTimeout;

  private:
    Ptr<DeviceSwitch> m_switch;
};

} // namespace tests
} // namespace ns3

#endif /* TOY_QUEUE_DRIVER_H */
