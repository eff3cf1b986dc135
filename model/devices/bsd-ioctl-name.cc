/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-ioctl-name.h"

#include "bsd-ioctl.h"

#include "ns3/bsd-if.h"
#include "ns3/bsd-tty.h"

#include <sstream>

namespace ns3
{

namespace
{

/// One known command and its name.
struct IoctlName
{
    uint32_t cmd;     //!< the command
    const char* name; //!< its name in the BSD headers
};

/// Every command the module's processes issue or its drivers answer, and the interface
/// commands ifconfig and ppp(8) use (sys/sockio.h, sys/filio.h, sys/ttycom.h, net/if_tun.h).
constexpr IoctlName KNOWN[] = {
    {TUNSDEBUG, "TUNSDEBUG"},
    {TUNGDEBUG, "TUNGDEBUG"},
    {TUNSIFINFO, "TUNSIFINFO"},
    {TUNGIFINFO, "TUNGIFINFO"},
    {TUNSLMODE, "TUNSLMODE"},
    {TUNSIFMODE, "TUNSIFMODE"},
    {TUNSIFPID, "TUNSIFPID"},
    {TUNSIFHEAD, "TUNSIFHEAD"},
    {TUNGIFHEAD, "TUNGIFHEAD"},
    {BSD_FIOCLEX, "FIOCLEX"},
    {BSD_FIONCLEX, "FIONCLEX"},
    {BSD_FIONREAD, "FIONREAD"},
    {BSD_FIONBIO, "FIONBIO"},
    {BSD_FIOASYNC, "FIOASYNC"},
    {BSD_FIOSETOWN, "FIOSETOWN"},
    {BSD_FIOGETOWN, "FIOGETOWN"},
    {BSD_TIOCSPGRP, "TIOCSPGRP"},
    {BSD_TIOCGPGRP, "TIOCGPGRP"},
    {BSD_TIOCMGET, "TIOCMGET"},
    {BSD_TIOCOUTQ, "TIOCOUTQ"},
    {BSD_TIOCGETA, "TIOCGETA"},
    {BSD_TIOCSETA, "TIOCSETA"},
    {BsdIow('t', 16, 4), "TIOCFLUSH"},
    {BsdIo('t', 13), "TIOCEXCL"},
    {BsdIo('t', 14), "TIOCNXCL"},
    {BsdIow('t', 107, 4), "TIOCMBIC"},
    {BsdIow('t', 108, 4), "TIOCMBIS"},
    {BsdIow('t', 109, 4), "TIOCMSET"},
    {BSD_SIOCSIFADDR, "SIOCSIFADDR"},
    {BSD_SIOCSIFDSTADDR, "SIOCSIFDSTADDR"},
    {BSD_SIOCSIFFLAGS, "SIOCSIFFLAGS"},
    {BSD_SIOCGIFFLAGS, "SIOCGIFFLAGS"},
    {BSD_SIOCADDMULTI, "SIOCADDMULTI"},
    {BSD_SIOCDELMULTI, "SIOCDELMULTI"},
    {BSD_SIOCSIFMTU, "SIOCSIFMTU"},
    {BSD_SIOCGIFMTU, "SIOCGIFMTU"},
    {BSD_SIOCGIFSTATUS, "SIOCGIFSTATUS"},
    {BSD_SIOCDIFADDR, "SIOCDIFADDR"},
    {BSD_SIOCAIFADDR, "SIOCAIFADDR"},
    {BSD_SIOCGIFADDR, "SIOCGIFADDR"},
    {BSD_SIOCGIFDSTADDR, "SIOCGIFDSTADDR"},
    {BSD_SIOCGIFNETMASK, "SIOCGIFNETMASK"},
};

} // namespace

std::string
BsdIoctlName(uint32_t cmd)
{
    for (const IoctlName& known : KNOWN)
    {
        if (known.cmd == cmd)
        {
            return known.name;
        }
    }
    return KdumpHex(cmd);
}

std::string
KdumpHex(uint64_t value)
{
    std::ostringstream out;
    out << "0x" << std::hex << value;
    return out.str();
}

} // namespace ns3
