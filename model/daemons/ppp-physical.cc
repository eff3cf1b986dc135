/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-physical.h"

#include "ns3/bsd-errno.h"
#include "ns3/bsd-ioctl-argument.h"
#include "ns3/bsd-syscalls.h"
#include "ns3/bsd-task.h"
#include "ns3/bsd-tty.h"
#include "ns3/cdev.h"

#include <cstring>
#include <vector>

namespace ns3
{

void
PppPhysical::SetFailedCallback(FailedCallback failed)
{
    m_failed = failed;
}

BsdTask
PppPhysical::Open(BsdSyscalls& sys, std::string path, bool& opened)
{
    // physical_Open (physical.c): the device, non-blocking.
    m_path = std::move(path);
    auto [error, fd] = co_await sys.Open(m_path, BSD_O_RDWR | BSD_O_NONBLOCK);
    if (error != BSD_OK)
    {
        m_failed("open " + m_path, error);
        co_return;
    }
    m_fd = fd;
    opened = true;
}

BsdTask
PppPhysical::ReadCarrier(BsdSyscalls& sys, bool& read, bool& carrier)
{
    // physical_Timeout (physical.c): the modem lines, for the carrier.
    std::vector<uint8_t> none;
    auto [error, out] = co_await sys.Ioctl(m_fd, BSD_TIOCMGET, std::move(none));
    if (error != BSD_OK)
    {
        m_failed("ioctl TIOCMGET", error);
        co_return;
    }
    read = true;
    carrier = BsdIntResult(out) & BSD_TIOCM_CD;
}

BsdTask
PppPhysical::GetSpeed(BsdSyscalls& sys, int32_t& baudrate)
{
    // physical_GetSpeed (physical.c): tcgetattr's output speed.
    std::vector<uint8_t> none;
    auto [error, termios] = co_await sys.Ioctl(m_fd, BSD_TIOCGETA, std::move(none));
    if (error == BSD_OK && termios.size() >= BSD_TERMIOS_SIZE)
    {
        std::memcpy(&baudrate, termios.data() + BSD_TERMIOS_OSPEED, 4);
    }
}

} // namespace ns3
