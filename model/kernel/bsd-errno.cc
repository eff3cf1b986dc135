/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-errno.h"

#include <map>

namespace ns3
{

std::string
BsdErrnoName(int32_t error)
{
    static const std::map<int32_t, const char*> names = {
        {BSD_OK, "0"},
        {BSD_EPERM, "EPERM"},
        {BSD_ENOENT, "ENOENT"},
        {BSD_ESRCH, "ESRCH"},
        {BSD_EINTR, "EINTR"},
        {BSD_EIO, "EIO"},
        {BSD_ENXIO, "ENXIO"},
        {BSD_E2BIG, "E2BIG"},
        {BSD_ENOEXEC, "ENOEXEC"},
        {BSD_EBADF, "EBADF"},
        {BSD_ECHILD, "ECHILD"},
        {BSD_EDEADLK, "EDEADLK"},
        {BSD_ENOMEM, "ENOMEM"},
        {BSD_EACCES, "EACCES"},
        {BSD_EFAULT, "EFAULT"},
        {BSD_ENOTBLK, "ENOTBLK"},
        {BSD_EBUSY, "EBUSY"},
        {BSD_EEXIST, "EEXIST"},
        {BSD_EXDEV, "EXDEV"},
        {BSD_ENODEV, "ENODEV"},
        {BSD_ENOTDIR, "ENOTDIR"},
        {BSD_EISDIR, "EISDIR"},
        {BSD_EINVAL, "EINVAL"},
        {BSD_ENFILE, "ENFILE"},
        {BSD_EMFILE, "EMFILE"},
        {BSD_ENOTTY, "ENOTTY"},
        {BSD_ETXTBSY, "ETXTBSY"},
        {BSD_EFBIG, "EFBIG"},
        {BSD_ENOSPC, "ENOSPC"},
        {BSD_ESPIPE, "ESPIPE"},
        {BSD_EROFS, "EROFS"},
        {BSD_EMLINK, "EMLINK"},
        {BSD_EPIPE, "EPIPE"},
        {BSD_EDOM, "EDOM"},
        {BSD_ERANGE, "ERANGE"},
        {BSD_EWOULDBLOCK, "EWOULDBLOCK"},
        {BSD_EINPROGRESS, "EINPROGRESS"},
        {BSD_EALREADY, "EALREADY"},
        {BSD_ENOTSOCK, "ENOTSOCK"},
        {BSD_EDESTADDRREQ, "EDESTADDRREQ"},
        {BSD_EMSGSIZE, "EMSGSIZE"},
        {BSD_EPROTOTYPE, "EPROTOTYPE"},
        {BSD_ENOPROTOOPT, "ENOPROTOOPT"},
        {BSD_EPROTONOSUPPORT, "EPROTONOSUPPORT"},
        {BSD_ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT"},
        {BSD_EOPNOTSUPP, "EOPNOTSUPP"},
        {BSD_EPFNOSUPPORT, "EPFNOSUPPORT"},
        {BSD_EAFNOSUPPORT, "EAFNOSUPPORT"},
        {BSD_EADDRINUSE, "EADDRINUSE"},
        {BSD_EADDRNOTAVAIL, "EADDRNOTAVAIL"},
        {BSD_ENETDOWN, "ENETDOWN"},
        {BSD_ENETUNREACH, "ENETUNREACH"},
        {BSD_ENETRESET, "ENETRESET"},
        {BSD_ECONNABORTED, "ECONNABORTED"},
        {BSD_ECONNRESET, "ECONNRESET"},
        {BSD_ENOBUFS, "ENOBUFS"},
        {BSD_EISCONN, "EISCONN"},
        {BSD_ENOTCONN, "ENOTCONN"},
        {BSD_ESHUTDOWN, "ESHUTDOWN"},
        {BSD_ETOOMANYREFS, "ETOOMANYREFS"},
        {BSD_ETIMEDOUT, "ETIMEDOUT"},
        {BSD_ECONNREFUSED, "ECONNREFUSED"},
        {BSD_ELOOP, "ELOOP"},
        {BSD_ENAMETOOLONG, "ENAMETOOLONG"},
        {BSD_EHOSTDOWN, "EHOSTDOWN"},
        {BSD_EHOSTUNREACH, "EHOSTUNREACH"},
        {BSD_ENOTEMPTY, "ENOTEMPTY"},
        {BSD_ENOSYS, "ENOSYS"},
        {BSD_ERESTART, "ERESTART"},
        {BSD_EJUSTRETURN, "EJUSTRETURN"},
        {BSD_ENOIOCTL, "ENOIOCTL"},
        {BSD_ESLEEP, "ESLEEP"},
    };
    auto it = names.find(error);
    if (it != names.end())
    {
        return it->second;
    }
    return "E#" + std::to_string(error);
}

} // namespace ns3
