/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-signal.h"

namespace ns3
{

std::string
BsdSignalName(int32_t sig)
{
    switch (sig)
    {
    case BSD_SIGHUP:
        return "SIGHUP";
    case BSD_SIGINT:
        return "SIGINT";
    case BSD_SIGQUIT:
        return "SIGQUIT";
    case BSD_SIGKILL:
        return "SIGKILL";
    case BSD_SIGPIPE:
        return "SIGPIPE";
    case BSD_SIGALRM:
        return "SIGALRM";
    case BSD_SIGTERM:
        return "SIGTERM";
    case BSD_SIGURG:
        return "SIGURG";
    case BSD_SIGCHLD:
        return "SIGCHLD";
    case BSD_SIGIO:
        return "SIGIO";
    case BSD_SIGWINCH:
        return "SIGWINCH";
    case BSD_SIGINFO:
        return "SIGINFO";
    case BSD_SIGUSR1:
        return "SIGUSR1";
    case BSD_SIGUSR2:
        return "SIGUSR2";
    default:
        return "SIG#" + std::to_string(sig);
    }
}

bool
BsdSignalDefaultIgnored(int32_t sig)
{
    return sig == BSD_SIGURG || sig == BSD_SIGCHLD || sig == BSD_SIGIO || sig == BSD_SIGWINCH ||
           sig == BSD_SIGINFO;
}

} // namespace ns3
