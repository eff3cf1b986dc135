/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SIGIO_OWNER_H
#define SIGIO_OWNER_H

#include "ns3/ptr.h"

#include <cstdint>

/**
 * \file
 * \ingroup tun
 * The owner of a descriptor's SIGIO (struct sigio): fsetown, fgetown, funsetown, pgsigio.
 */

namespace ns3
{

class BsdProcess;
class ProcessTable;

/**
 * \ingroup tun
 * \brief Who gets SIGIO from an event source: a process (positive id) or a process
 * group (negative id), as FIOSETOWN and TIOCSPGRP set it.
 */
class SigioOwner
{
  public:
    /**
     * fsetown
     * \param pgid 0 clears; > 0 a pid; < 0 minus a process group id
     * \param table the node's processes, where the owner must exist
     * \param caller the process asking, or null for the kernel itself
     * \return 0, BSD_ESRCH when no such process or group exists, or BSD_EPERM when it is
     *         in another session than the caller's
     */
    int Set(int32_t pgid, Ptr<ProcessTable> table, Ptr<BsdProcess> caller);

    /// fgetown \return the owner as set, 0 when none or when it no longer exists
    int32_t Get() const;

    /// funsetown
    void Clear();

    /// pgsigio: send \p sig to the owner, if any \param sig the signal
    void Signal(int32_t sig) const;

    /// \return true when an owner is set (tun_sigio != NULL)
    bool IsSet() const;

  private:
    int32_t m_pgid{0};         //!< the owner
    Ptr<ProcessTable> m_table; //!< where it lives
};

} // namespace ns3

#endif /* SIGIO_OWNER_H */
