/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The device-switch layer on its own: a toy "echo" driver registers with a node's
// DeviceSwitch, and two simulated processes use it through open/read/write/ioctl/close.
//
//  * /dev/echoN does not exist until a process opens it: the driver's clone handler
//    makes it on the first lookup, as tun_clone makes /dev/tunN.
//  * The reader's read finds nothing, sleeps in simulated time (tsleep), and wakes when
//    the writer's write arrives 2 s later (wakeup).
//  * The driver is not MPSAFE, so with --giantHold every operation holds the node's
//    Giant lock and simultaneous calls wait for each other.
//
// Every dispatched operation is printed as it returns: the module's dispatch trace.
//
//   ./device-switch-demo [--giantHold=1ms]

#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <deque>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("DeviceSwitchDemo");

/// Each write is a message; each read returns the oldest one, or sleeps for it.
class EchoDriver : public SimpleRefCount<EchoDriver>
{
  public:
    explicit EchoDriver(Ptr<DeviceSwitch> sw)
        : m_switch(sw),
          m_ops(Create<DevOps>("echo"))
    {
        m_ops->head.maj = -1; // a dynamic major, from 256 up
        (*m_ops)[DevOp::OPEN] = MakeDevOp<DevOpenArgs>(NullOpen);
        (*m_ops)[DevOp::CLOSE] = MakeDevOp<DevCloseArgs>(NullClose);
        (*m_ops)[DevOp::READ] =
            MakeDevOp<DevReadArgs>([this](DevReadArgs& ap) { return Read(ap); });
        (*m_ops)[DevOp::WRITE] = MakeDevOp<DevWriteArgs>([this](DevWriteArgs& ap) {
            std::vector<uint8_t> message(ap.uio->GetResid());
            ap.uio->Move(message.data(), message.size());
            m_messages.push_back(message);
            m_switch->GetNode()->GetObject<ProcessTable>()->Wakeup(this);
            return BSD_OK;
        });
        sw->AddOps(m_ops, 0, 0);
        sw->AddCloneHandler([this](const std::string& name, Ptr<Cdev>& dev) {
            int32_t unit;
            if (!dev && DeviceSwitch::StdClone(name, "echo", &unit) == 1)
            {
                dev = m_switch->MakeDev(m_ops, unit, 0, 0, 0666, name);
            }
        });
    }

  private:
    int Read(DevReadArgs& ap)
    {
        if (m_messages.empty())
        {
            if (ap.ioflag & BSD_IO_NDELAY)
            {
                return BSD_EWOULDBLOCK;
            }
            DevReadArgs* args = &ap;
            return ap.caller->Tsleep(
                this,
                BSD_PCATCH | (BSD_PZERO + 1),
                "echord",
                Time(0),
                [this, args](int error) { return error ? error : Read(*args); });
        }
        std::vector<uint8_t> message = m_messages.front();
        m_messages.pop_front();
        return ap.uio->Move(message.data(), message.size());
    }

    Ptr<DeviceSwitch> m_switch;
    Ptr<DevOps> m_ops;
    std::deque<std::vector<uint8_t>> m_messages;
};

int
main(int argc, char* argv[])
{
    Time giantHold = Time(0);
    CommandLine cmd(__FILE__);
    cmd.AddValue("giantHold", "Giant lock hold time per non-MPSAFE operation", giantHold);
    cmd.Parse(argc, argv);

    Ptr<Node> node = CreateObject<Node>();
    Ptr<KernelCostModel> cost = CreateObject<KernelCostModel>();
    cost->SetAttribute("GiantHoldTime", TimeValue(giantHold));
    node->AggregateObject(cost);
    Ptr<DeviceSwitch> sw = DeviceSwitch::Install(node);
    sw->TraceConnectWithoutContext(
        "Dispatch",
        Callback<void, const DevDispatchRecord&>(
            [](const DevDispatchRecord& r) { std::cout << r.ToString() << std::endl; }));
    auto driver = Create<EchoDriver>(sw);

    Ptr<BsdProcess> reader = CreateObject<BsdProcess>();
    reader->Attach(node);
    Ptr<BsdProcess> writer = CreateObject<BsdProcess>();
    writer->Attach(node);

    // The reader opens /dev/echo3 (cloned on the spot) and blocks in read.
    reader->Open("/dev/echo3", BSD_O_RDWR, [reader](int error, int fd) {
        NS_ABORT_MSG_IF(error, "open: " << BsdErrnoName(error));
        reader->Read(fd, 64, [reader, fd](int error, const std::vector<uint8_t>& data) {
            std::cout << "  reader got " << data.size() << " bytes: \""
                      << std::string(data.begin(), data.end()) << "\" (" << BsdErrnoName(error)
                      << ")" << std::endl;
            reader->Close(fd, [](int) {});
        });
    });

    // Two seconds later the writer sends one message, tries an ioctl the driver does
    // not have (ENODEV from noioctl), and closes.
    Simulator::Schedule(Seconds(2), [writer] {
        writer->Open("/dev/echo3", BSD_O_WRONLY, [writer](int, int fd) {
            std::string text = "hello, tun";
            writer->Write(fd, {text.begin(), text.end()}, [writer, fd](int, int64_t) {
                writer->Ioctl(fd, BSD_FIONREAD, {}, [writer, fd](int, const std::vector<uint8_t>&) {
                    writer->Close(fd, [](int) {});
                });
            });
        });
    });

    Simulator::Run();
    uint64_t mplockReads = 0;
    sw->Sysctl("kern.mplock_reads", &mplockReads);
    std::cout << "kern.mplock_reads = " << mplockReads << ", majors:";
    for (int32_t major : sw->GetMajors())
    {
        std::cout << " " << major;
    }
    std::cout << ", Giant contentions = "
              << node->GetObject<BsdKernel>()->GetGiantLock().GetContentions() << std::endl;
    Simulator::Destroy();
    return 0;
}
