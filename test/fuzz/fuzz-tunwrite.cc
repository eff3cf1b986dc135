/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer harness: what a simulated process can do to /dev/tun0 on a node with ns-3's
// Internet stack (IPv4 and IPv6, tun0 10.0.0.1 -> 10.0.0.2 and 2001:db8::1): write any
// bytes (tunwrite, then the input checks, then ns-3's stack), issue any ioctl with any
// parameter on the descriptor, ifconfig's interface ioctls, read, close and reopen, and
// let time pass. Whatever it does, the simulator must not crash.
//
// The input is a list of records: one octet saying what (its value modulo 7), one octet
// of length, then that many octets of parameter:
//   0 write(2) the parameter
//   1 ioctl(2): the first octet picks a known command (tun's, the generic file ones), or
//     from 0xf0 on the next four octets are the command; the rest is the argument
//   2 read(2) of the number the first two octets make (little-endian)
//   3 an interface ioctl (SIOCSIFADDR...): the first octet picks it, the second the
//     caller (root or not), the rest is the struct ifreq
//   4 time passes: the first octet times 10 ms
//   5 close(2) the descriptor and open /dev/tun0 again
//   6 ns-3's ChecksumEnabled on or off, by the first octet's low bit (with it on, ns-3
//     writes and checks checksums, and ip_input's ips_badsum applies)
// A call that does not return (a blocking read, once FIONBIO cleared O_NONBLOCK) ends the
// input: the process is asleep and can ask nothing more.

#include "ns3/bsd-if.h"
#include "ns3/bsd-ioctl.h"
#include "ns3/bsd-process.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-helper.h"
#include "ns3/tun-module.h"

#include <array>
#include <cstring>

using namespace ns3;

namespace
{

/// The descriptor ioctls a process may try, by the first parameter octet.
const std::array<uint32_t, 17> FILE_IOCTLS = {
    TUNSDEBUG,
    TUNGDEBUG,
    TUNSIFINFO,
    TUNGIFINFO,
    TUNSLMODE,
    TUNSIFMODE,
    TUNSIFPID,
    TUNSIFHEAD,
    TUNGIFHEAD,
    BSD_FIONREAD,
    BSD_FIONBIO,
    BSD_FIOASYNC,
    BSD_FIOSETOWN,
    BSD_FIOGETOWN,
    BSD_TIOCSPGRP,
    BSD_TIOCGPGRP,
    BSD_FIOCLEX,
};

/// The interface ioctls, by the first parameter octet.
const std::array<uint32_t, 15> IF_IOCTLS = {
    BSD_SIOCSIFADDR,
    BSD_SIOCSIFDSTADDR,
    BSD_SIOCSIFFLAGS,
    BSD_SIOCADDMULTI,
    BSD_SIOCDELMULTI,
    BSD_SIOCSIFMTU,
    BSD_SIOCGIFSTATUS,
    BSD_SIOCGIFFLAGS,
    BSD_SIOCGIFMTU,
    BSD_SIOCAIFADDR,
    BSD_SIOCDIFADDR,
    BSD_SIOCGIFADDR,
    BSD_SIOCGIFDSTADDR,
    BSD_SIOCGIFNETMASK,
    BsdIowr('i', 99, BSD_IFREQ_SIZE), // no such command
};

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    Ptr<Node> node = CreateObject<Node>();
    InternetStackHelper internet;
    internet.Install(node);
    TunHelper().InstallDriver(NodeContainer(node));
    Ptr<BsdProcess> process = CreateObject<BsdProcess>();
    process->Attach(node);

    int fd = -1;
    bool asleep = false;
    auto open = [&] {
        bool returned = false;
        process->Open("/dev/tun0", BSD_O_RDWR | BSD_O_NONBLOCK, [&](int e, int f) {
            returned = true;
            fd = e == BSD_OK ? f : -1;
        });
        Simulator::Run();
        asleep = !returned;
    };
    open();
    Ptr<TunNetDevice> tun = node->GetObject<TunDriver>()->GetUnit(0);
    TunHelper::Ifconfig(tun, "10.0.0.1", "10.0.0.2");
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    ipv6->AddAddress(ipv6->GetInterfaceForDevice(tun),
                     Ipv6InterfaceAddress("2001:db8::1", Ipv6Prefix(64)));

    std::size_t at = 0;
    while (!asleep && fd >= 0 && at + 2 <= size)
    {
        uint8_t what = data[at] % 7;
        std::size_t len = std::min<std::size_t>(data[at + 1], size - at - 2);
        std::vector<uint8_t> param(data + at + 2, data + at + 2 + len);
        at += 2 + len;
        bool returned = false;
        switch (what)
        {
        case 0:
            process->Write(fd, param, [&](int, int64_t) { returned = true; });
            break;
        case 1: {
            uint8_t pick = param.empty() ? 0 : param[0];
            uint32_t cmd = FILE_IOCTLS[pick % FILE_IOCTLS.size()];
            std::size_t skip = 1;
            if (pick >= 0xf0 && param.size() >= 5)
            {
                std::memcpy(&cmd, param.data() + 1, 4);
                skip = 5;
            }
            std::vector<uint8_t> arg(param.begin() + std::min(skip, param.size()), param.end());
            process->Ioctl(fd, cmd, arg, [&](int, const std::vector<uint8_t>&) {
                returned = true;
            });
            break;
        }
        case 2: {
            uint32_t n = (param.size() > 0 ? param[0] : 0) | (param.size() > 1 ? param[1] << 8 : 0);
            process->Read(fd, n, [&](int, const std::vector<uint8_t>&) { returned = true; });
            break;
        }
        case 3: {
            uint32_t cmd = IF_IOCTLS[(param.empty() ? 0 : param[0]) % IF_IOCTLS.size()];
            uint32_t uid = param.size() > 1 && (param[1] & 1) ? 1001 : 0;
            std::vector<uint8_t> ifr(BsdIocparmLen(cmd), 0);
            std::memcpy(ifr.data(), "tun0", 4);
            for (std::size_t i = 2; i < param.size() && 14 + i < ifr.size(); ++i)
            {
                ifr[14 + i] = param[i]; // after ifr_name[16]
            }
            // ifioctl as a socket's ioctl reaches it: ifunit, then the generic layer and
            // in_control, over the bytes the process chose.
            Ifioctl(tun->GetNode(), BSD_AF_INET, cmd, ifr.data(), uid);
            returned = true;
            break;
        }
        case 4:
            Simulator::Stop(MilliSeconds(10 * (param.empty() ? 1 : param[0])));
            returned = true;
            break;
        case 6:
            GlobalValue::Bind("ChecksumEnabled",
                              BooleanValue(!param.empty() && (param[0] & 1) != 0));
            returned = true;
            break;
        default:
            process->Close(fd, [&](int) { returned = true; });
            Simulator::Run();
            open();
            continue;
        }
        Simulator::Run();
        asleep = !returned;
    }
    Simulator::Destroy();
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
    return 0;
}
