/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_SIGNAL_H
#define BSD_SIGNAL_H

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * BSD signal numbers and their default actions (FreeBSD sys/signal.h, kern_sig.c).
 */

namespace ns3
{

/// \ingroup tun
/// Signal numbers of FreeBSD; prefixed because the bare names are host macros.
enum BsdSignal : int32_t
{
    BSD_SIGHUP = 1,
    BSD_SIGINT = 2,
    BSD_SIGQUIT = 3,
    BSD_SIGKILL = 9,
    BSD_SIGPIPE = 13,
    BSD_SIGALRM = 14,
    BSD_SIGTERM = 15,
    BSD_SIGURG = 16,
    BSD_SIGCHLD = 20,
    BSD_SIGIO = 23,
    BSD_SIGWINCH = 28,
    BSD_SIGINFO = 29,
    BSD_SIGUSR1 = 30,
    BSD_SIGUSR2 = 31,
};

/// Highest signal number.
constexpr int32_t BSD_NSIG = 32;

/**
 * \param sig a signal number
 * \return its name ("SIGIO"), or "SIG#<n>"
 */
std::string BsdSignalName(int32_t sig);

/**
 * \param sig a signal number
 * \return true when the default action is to ignore it (SA_IGNORE in kern_sig.c's
 *         sigproptbl: SIGURG, SIGCHLD, SIGIO, SIGWINCH, SIGINFO); the others terminate
 */
bool BsdSignalDefaultIgnored(int32_t sig);

} // namespace ns3

#endif /* BSD_SIGNAL_H */
