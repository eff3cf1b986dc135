/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-ioctl-name.h"

#include "bsd-if.h"
#include "bsd-ioctl.h"
#include "serial-line.h"

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

/// sizeof(struct ifaliasreq): ifra_name[16] and three struct sockaddr of 16 bytes.
constexpr uint32_t BSD_IFALIASREQ_SIZE = 64;
/// sizeof(struct termios) on i386: four tcflag_t, cc_t c_cc[20], two speed_t.
constexpr uint32_t BSD_TERMIOS_SIZE = 44;

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
    {SerialLine::TIOCMGET, "TIOCMGET"},
    {SerialLine::TIOCOUTQ, "TIOCOUTQ"},
    {SerialLine::TIOCGETA, "TIOCGETA"},
    {BsdIow('t', 20, BSD_TERMIOS_SIZE), "TIOCSETA"},
    {BsdIow('t', 16, 4), "TIOCFLUSH"},
    {BsdIo('t', 13), "TIOCEXCL"},
    {BsdIo('t', 14), "TIOCNXCL"},
    {BsdIow('t', 107, 4), "TIOCMBIC"},
    {BsdIow('t', 108, 4), "TIOCMBIS"},
    {BsdIow('t', 109, 4), "TIOCMSET"},
    {BSD_SIOCSIFADDR, "SIOCSIFADDR"},
    {BSD_SIOCSIFDSTADDR, "SIOCSIFDSTADDR"},
    {BSD_SIOCSIFFLAGS, "SIOCSIFFLAGS"},
    {BsdIowr('i', 17, BSD_IFREQ_SIZE), "SIOCGIFFLAGS"},
    {BSD_SIOCADDMULTI, "SIOCADDMULTI"},
    {BSD_SIOCDELMULTI, "SIOCDELMULTI"},
    {BSD_SIOCSIFMTU, "SIOCSIFMTU"},
    {BsdIowr('i', 51, BSD_IFREQ_SIZE), "SIOCGIFMTU"},
    {BSD_SIOCGIFSTATUS, "SIOCGIFSTATUS"},
    {BsdIow('i', 25, BSD_IFREQ_SIZE), "SIOCDIFADDR"},
    {BsdIow('i', 26, BSD_IFALIASREQ_SIZE), "SIOCAIFADDR"},
};

static_assert(BsdIow('i', 26, BSD_IFALIASREQ_SIZE) == 0x8040691a, "SIOCAIFADDR");
static_assert(BsdIow('i', 25, BSD_IFREQ_SIZE) == 0x80206919, "SIOCDIFADDR");
static_assert(BsdIow('t', 20, BSD_TERMIOS_SIZE) == 0x802c7414, "TIOCSETA");

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
