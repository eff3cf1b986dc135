/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SYSCALL_TRACE_HELPER_H
#define SYSCALL_TRACE_HELPER_H

#include "ns3/node-container.h"
#include "ns3/output-stream-wrapper.h"

#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * ktrace for simulated processes: every system call, as text (kdump) or CSV.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Writes the system calls of every process on some nodes, present or started
 * later, as kdump prints them (EnableText) or as CSV (EnableCsv): one line when a call
 * enters (CALL, with its arguments) and one when it returns to user mode (RET, with its
 * value or its errno by name). Lines are in event order, so equal runs give equal
 * files.
 */
class SyscallTraceHelper
{
  public:
    /**
     * Trace only the processes of this name (BsdProcess::SetName: "ppp" for UserPpp,
     * "tunnel" for TunTunnel, by their ProcessName attributes), as "ktrace -p" keeps one
     * process's; for the Enable calls that follow.
     * \param name a process name; empty (the default): every process
     */
    void SetProcessName(const std::string& name);

    /**
     * \param filename the text file (truncated)
     * \param nodes whose processes to trace
     */
    void EnableText(const std::string& filename, NodeContainer nodes);

    /**
     * \param filename the CSV file (truncated), with a header row
     * \param nodes whose processes to trace
     */
    void EnableCsv(const std::string& filename, NodeContainer nodes);

  private:
    /// Connect \p nodes' process tables to \p stream. \param csv the format
    void Enable(Ptr<OutputStreamWrapper> stream, NodeContainer nodes, bool csv);

    std::string m_processName; //!< SetProcessName
};

} // namespace ns3

#endif /* SYSCALL_TRACE_HELPER_H */
