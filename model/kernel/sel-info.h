/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SEL_INFO_H
#define SEL_INFO_H

#include "ns3/ptr.h"

#include <vector>

/**
 * \file
 * \ingroup tun
 * Poll bookkeeping of one event source (struct selinfo).
 */

namespace ns3
{

class BsdProcess;

/**
 * \ingroup tun
 * \brief The processes polling one event source: selrecord() adds the caller of a
 * d_poll that found nothing ready; selwakeup() makes each of them scan again.
 *
 * The kernel keeps one pid and a collision flag and then wakes every selecting process;
 * keeping the list has the same outcome and wakes only the processes concerned.
 */
class SelInfo
{
  public:
    /// selrecord \param process the polling process (null is ignored)
    void Record(Ptr<BsdProcess> process);

    /// selwakeup: every recorded process rescans its descriptors; the record is cleared
    void Wakeup();

    /**
     * selwakeup for a source that catches up on its past lazily: the recorded processes
     * asleep in select rescan, the others are forgotten. To a process not asleep a
     * selwakeup only clears the flag its next scan sets again, so this changes nothing,
     * except that a scan in progress (the one that made the source catch up) is not made
     * to repeat itself for an event that, in time, came before it.
     */
    void WakeupSleepers();

    /// \return how many processes are recorded
    std::size_t GetRecordedCount() const;

    /// Forget every recorded process (on dispose).
    void Clear();

  private:
    /**
     * Hand a wakeup's emptied list back as the record, if nobody recorded meanwhile.
     * \param emptied the list the wakeup went through
     */
    void KeepCapacity(std::vector<Ptr<BsdProcess>>& emptied);

    std::vector<Ptr<BsdProcess>> m_processes; //!< recorded pollers, in order
};

} // namespace ns3

#endif /* SEL_INFO_H */
