/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "syscall-record.h"

#include "bsd-errno.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

std::string
SyscallRecord::ToText() const
{
    std::ostringstream out;
    int64_t ns = time.GetNanoSeconds();
    out << std::setw(4) << ns / 1000000000 << "." << std::setw(9) << std::setfill('0')
        << ns % 1000000000 << std::setfill(' ') << " node " << node << " pid " << pid;
    if (!comm.empty())
    {
        out << " " << comm;
    }
    if (!isReturn)
    {
        out << " CALL " << call << "(" << args << ")";
    }
    else if (error != 0)
    {
        out << " RET  " << call << " -1 errno " << error << " " << BsdErrnoName(error);
    }
    else
    {
        out << " RET  " << call << " " << result;
    }
    return out.str();
}

std::string
SyscallRecord::CsvHeader()
{
    return "time_ns,node,pid,event,call,fd,args,result,errno,errno_name,comm";
}

std::string
SyscallRecord::ToCsv() const
{
    std::ostringstream out;
    // Arguments hold commas: quoted, with quotes doubled (RFC 4180).
    std::string quoted;
    for (char c : args)
    {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    out << time.GetNanoSeconds() << "," << node << "," << pid << "," << (isReturn ? "RET" : "CALL")
        << "," << call << "," << fd << ",\"" << quoted << "\","
        << (isReturn ? (error != 0 ? -1 : result) : 0) << "," << error << ","
        << (error != 0 ? BsdErrnoName(error) : "") << "," << comm;
    return out.str();
}

} // namespace ns3
