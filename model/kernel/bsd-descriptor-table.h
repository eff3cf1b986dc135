/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_DESCRIPTOR_TABLE_H
#define BSD_DESCRIPTOR_TABLE_H

#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A process's descriptor table (struct filedesc) and its open files (struct file).
 */

namespace ns3
{

class Cdev;
class SocketFile;

/**
 * \ingroup tun
 * \brief A process's descriptor table: FreeBSD's struct filedesc (sys/filedesc.h) with
 * the open files its slots point at (struct file, sys/file.h), and kern_descrip.c's
 * table work on it: fdalloc's search for the lowest free descriptor, finstall, the
 * slot clearing of fdclose, fdfree at exit.
 *
 * Descriptors are numbered from FIRST_FD (3) up: 0 to 2 stand for the standard streams
 * a daemon inherits and are never handed out. A value type: it holds the files and
 * touches no device or socket; whoever takes a file out of it (Remove, TakeAll) closes
 * it (closef).
 */
class BsdDescriptorTable
{
  public:
    /// An open file (struct file): on a device vnode (DTYPE_VNODE) or a socket.
    struct File : public SimpleRefCount<File>
    {
        File();  //!< a file on nothing yet: the opener fills it in
        ~File(); //!< out of line: Cdev and SocketFile are only declared here

        Ptr<Cdev> dev;           //!< the device, or null
        Ptr<SocketFile> socket;  //!< the socket (DTYPE_SOCKET), or null
        int32_t flags{0};        //!< f_flag
        bool closeOnExec{false}; //!< UF_EXCLOSE
    };

    /// The slots in use, descriptor to file, ascending.
    using Slots = std::map<int, Ptr<File>>;

    /// Descriptors 0-2 are the standard streams; the first one handed out is 3.
    static constexpr int FIRST_FD = 3;

    /**
     * fdalloc's search (fd_first_free): the lowest free descriptor from FIRST_FD up. It
     * is not reserved: the caller installs its file there once the open succeeded, as
     * a process makes one system call at a time.
     * \param limit the descriptor limit (RLIMIT_NOFILE): descriptors are below it
     * \return the descriptor, or -1 at the limit (EMFILE)
     */
    int LowestFree(uint32_t limit) const;

    /**
     * finstall: \p fd refers to \p file from now on.
     * \param fd a descriptor \param file the open file
     */
    void Install(int fd, Ptr<File> file);

    /// \param fd a descriptor \return its file (fget), or null
    Ptr<File> Get(int fd) const
    {
        auto it = m_slots.find(fd);
        return it == m_slots.end() ? nullptr : it->second;
    }

    /**
     * fdclose: free the slot of \p fd; the caller closes the file.
     * \param fd a descriptor \return the file it referred to, or null when not open
     */
    Ptr<File> Remove(int fd);

    /// \return the descriptors in use, ascending
    std::vector<int> GetDescriptors() const;

    /// \return how many descriptors are in use
    std::size_t GetCount() const;

    /// fdfree: empty the table. \return the slots it had, for the caller to close
    Slots TakeAll();

    /// Drop every file without closing it (disposal).
    void Clear();

  private:
    Slots m_slots; //!< fd_ofiles, the slots in use only
};

} // namespace ns3

#endif /* BSD_DESCRIPTOR_TABLE_H */
