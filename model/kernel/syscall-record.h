/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SYSCALL_RECORD_H
#define SYSCALL_RECORD_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>

/**
 * \file
 * \ingroup tun
 * One entry of a process's system call trace, as ktrace(2) records them and kdump(1)
 * prints them.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A system call entering (CALL, ktrsyscall) or returning (RET, ktrsysret).
 */
struct SyscallRecord
{
    Time time;            //!< simulated time of the event
    uint32_t node{0};     //!< node id
    uint32_t pid{0};      //!< process id
    std::string comm;     //!< the process's name (p_comm), empty if it has none
    bool isReturn{false}; //!< RET rather than CALL
    std::string call;     //!< "read"
    int fd{-1};           //!< the descriptor it names, or -1
    std::string args;     //!< the arguments, kdump-like ("fd=3, nbytes=2052")
    int64_t result{0};    //!< RET: the value returned (-1 on error)
    int error{0};         //!< RET: the BSD errno, 0 on success

    /**
     * One line of text, as kdump prints it:
     * "  2.000123456 node 0 pid 100 CALL read(fd=3, nbytes=2052)" or
     * "  2.000125456 node 0 pid 100 RET  read -1 errno 35 EWOULDBLOCK"; a named process's
     * name follows its pid ("pid 100 ppp CALL ...").
     * \return the line, without a newline
     */
    std::string ToText() const;

    /// \return the CSV header matching ToCsv
    static std::string CsvHeader();
    /// \return one CSV row: time_ns,node,pid,event,call,fd,args,result,errno,errno_name,
    /// comm
    std::string ToCsv() const;
};

} // namespace ns3

#endif /* SYSCALL_RECORD_H */
