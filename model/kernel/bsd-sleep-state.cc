/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-sleep-state.h"

namespace ns3
{

void
BsdSleepState::DropContinuations()
{
    m_onWake = nullptr;
    m_resume = nullptr;
}

} // namespace ns3
