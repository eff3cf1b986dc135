/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "bsd-signal-state.h"

namespace ns3
{

void
BsdSignalState::Catch(int32_t sig, Callback<void, int32_t> handler, bool restart)
{
    m_actions[sig].kind = Action::CATCH;
    m_actions[sig].handler = handler;
    m_actions[sig].restart = restart;
}

void
BsdSignalState::Ignore(int32_t sig)
{
    m_actions[sig] = Action();
    m_actions[sig].kind = Action::IGNORE;
    m_pending &= ~(1u << sig);
}

void
BsdSignalState::Default(int32_t sig)
{
    m_actions[sig] = Action();
}

const BsdSignalState::Action&
BsdSignalState::GetAction(int32_t sig) const
{
    return m_actions[sig];
}

uint32_t
BsdSignalState::GetPendingSet() const
{
    return m_pending;
}

void
BsdSignalState::ClearPending()
{
    m_pending = 0;
}

void
BsdSignalState::ReleaseHandlers()
{
    for (auto& action : m_actions)
    {
        action.handler = Callback<void, int32_t>();
    }
}

} // namespace ns3
