/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BSD_SIGNAL_STATE_H
#define BSD_SIGNAL_STATE_H

#include "bsd-errno.h"
#include "bsd-signal.h"

#include "ns3/callback.h"

#include <array>
#include <cstdint>

/**
 * \file
 * \ingroup tun
 * A process's signal state: the pending set and the dispositions (kern_sig.c).
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A process's signal state: the per-process part of FreeBSD's kern_sig.c, the
 * pending set (p_siglist) and the dispositions of struct sigacts (ps_sigcatch,
 * ps_sigignore, ps_sigintr for SA_RESTART, and the handlers), with the decisions that
 * depend on them alone: psignal's discarding of an ignored signal, issignal's choice of
 * the next signal to deliver, and the error an interrupted tsleep returns.
 *
 * There is no signal mask: the simulated processes never block signals (no
 * sigprocmask), so a pending signal is always deliverable. Numbers are checked by the
 * process (BsdProcess::Kill and the sigaction calls), not here.
 */
class BsdSignalState
{
  public:
    /// A signal's disposition (struct sigaction, as sigacts keeps it).
    struct Action
    {
        /// SIG_DFL, SIG_IGN or a handler
        enum Kind
        {
            DEFAULT,     //!< SIG_DFL: SA_IGNORE's signals are discarded, the others are fatal
            IGNORE,      //!< SIG_IGN
            CATCH,       //!< a handler
        } kind{DEFAULT}; //!< SIG_DFL, SIG_IGN or a handler

        Callback<void, int32_t> handler; //!< the handler
        bool restart{false};             //!< SA_RESTART
    };

    /**
     * psignal's first test: a signal the process ignores, explicitly or by default
     * (SA_IGNORE), is discarded, never made pending.
     * \param sig a signal number \return true when \p sig is discarded
     */
    bool Discards(int32_t sig) const
    {
        const Action& action = m_actions[sig];
        return action.kind == Action::IGNORE ||
               (action.kind == Action::DEFAULT && BsdSignalDefaultIgnored(sig));
    }

    /**
     * psignal: make \p sig pending unless it is discarded.
     * \param sig a signal number \return true when it is pending now
     */
    bool Post(int32_t sig)
    {
        if (Discards(sig))
        {
            return false;
        }
        m_pending |= 1u << sig;
        return true;
    }

    /// issignal: \return the lowest pending signal (1 to 31), or 0
    int32_t Pending() const
    {
        // Asked on every return to user mode.
        static_assert(BSD_NSIG == 32, "the pending set is one 32-bit word");
        uint32_t pending = m_pending & ~1u;
        return pending == 0 ? 0 : __builtin_ctz(pending);
    }

    /**
     * postsig's first step: \p sig leaves the pending set.
     * \param sig a signal number \return its disposition, to act on
     */
    const Action& Take(int32_t sig)
    {
        m_pending &= ~(1u << sig);
        return m_actions[sig];
    }

    /**
     * What tsleep returns when \p sig interrupts it (ps_sigintr).
     * \param sig a caught or fatal signal \return ERESTART when caught with SA_RESTART,
     *        else EINTR
     */
    int SleepInterruptError(int32_t sig) const
    {
        const Action& action = m_actions[sig];
        return action.kind == Action::CATCH && action.restart ? BSD_ERESTART : BSD_EINTR;
    }

    /**
     * sigaction with a handler.
     * \param sig a signal number \param handler called with the signal number
     * \param restart SA_RESTART
     */
    void Catch(int32_t sig, Callback<void, int32_t> handler, bool restart);

    /// sigaction SIG_IGN: also discards \p sig if pending. \param sig a signal number
    void Ignore(int32_t sig);

    /// sigaction SIG_DFL. \param sig a signal number
    void Default(int32_t sig);

    /// \param sig a signal number \return its disposition
    const Action& GetAction(int32_t sig) const;

    /// \return the pending set, bit n for signal n
    uint32_t GetPendingSet() const;

    /// Forget every pending signal (exit).
    void ClearPending();

    /// Drop every handler, keeping the kinds (disposal: handlers may hold objects).
    void ReleaseHandlers();

  private:
    std::array<Action, BSD_NSIG> m_actions; //!< dispositions
    uint32_t m_pending{0};                  //!< pending signal bits (p_siglist)
};

} // namespace ns3

#endif /* BSD_SIGNAL_STATE_H */
