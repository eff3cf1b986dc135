/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A process's signal state (kern_sig.c): psignal discards what the process ignores,
// explicitly or by default; the lowest pending signal is delivered first; an interrupted
// sleep restarts only for a handler set with SA_RESTART.

#include "ns3/bsd-errno.h"
#include "ns3/bsd-signal-state.h"
#include "ns3/bsd-signal.h"

#include <gtest/gtest.h>

using namespace ns3;

namespace
{

int g_handled = 0; //!< the last signal the test handler saw

void
Handler(int32_t sig)
{
    g_handled = sig;
}

} // namespace

TEST(BsdSignalState, NothingIsPendingAtFirst)
{
    BsdSignalState signals;
    EXPECT_EQ(signals.Pending(), 0);
    EXPECT_EQ(signals.GetPendingSet(), 0u);
    EXPECT_EQ(signals.GetAction(BSD_SIGTERM).kind, BsdSignalState::Action::DEFAULT);
}

TEST(BsdSignalState, DefaultIgnoredSignalsAreDiscarded)
{
    BsdSignalState signals;
    for (int32_t sig : {BSD_SIGURG, BSD_SIGCHLD, BSD_SIGIO, BSD_SIGWINCH, BSD_SIGINFO})
    {
        EXPECT_TRUE(signals.Discards(sig)) << BsdSignalName(sig);
        EXPECT_FALSE(signals.Post(sig)) << BsdSignalName(sig);
    }
    EXPECT_EQ(signals.Pending(), 0);
    // SA_IGNORE's signals are kept once caught.
    signals.Catch(BSD_SIGIO, MakeCallback(&Handler), false);
    EXPECT_FALSE(signals.Discards(BSD_SIGIO));
    EXPECT_TRUE(signals.Post(BSD_SIGIO));
    EXPECT_EQ(signals.Pending(), BSD_SIGIO);
}

TEST(BsdSignalState, FatalByDefaultSignalsArePending)
{
    BsdSignalState signals;
    EXPECT_FALSE(signals.Discards(BSD_SIGTERM));
    EXPECT_TRUE(signals.Post(BSD_SIGTERM));
    EXPECT_EQ(signals.Pending(), BSD_SIGTERM);
    EXPECT_EQ(signals.GetPendingSet(), 1u << BSD_SIGTERM);
}

TEST(BsdSignalState, IgnoringDiscardsAPendingSignalAndLaterOnes)
{
    BsdSignalState signals;
    signals.Post(BSD_SIGHUP);
    signals.Ignore(BSD_SIGHUP);
    EXPECT_EQ(signals.Pending(), 0);
    EXPECT_FALSE(signals.Post(BSD_SIGHUP));
    EXPECT_EQ(signals.Pending(), 0);
    signals.Default(BSD_SIGHUP); // SIG_DFL: terminate, so pending again
    EXPECT_TRUE(signals.Post(BSD_SIGHUP));
    EXPECT_EQ(signals.Pending(), BSD_SIGHUP);
}

TEST(BsdSignalState, TheLowestPendingSignalComesFirst)
{
    BsdSignalState signals;
    signals.Post(BSD_SIGUSR2);
    signals.Post(BSD_SIGTERM);
    signals.Post(BSD_SIGHUP);
    EXPECT_EQ(signals.Pending(), BSD_SIGHUP);
    signals.Take(BSD_SIGHUP);
    EXPECT_EQ(signals.Pending(), BSD_SIGTERM);
    signals.Take(BSD_SIGTERM);
    EXPECT_EQ(signals.Pending(), BSD_SIGUSR2);
    signals.Take(BSD_SIGUSR2);
    EXPECT_EQ(signals.Pending(), 0);
}

TEST(BsdSignalState, APendingSignalIsPostedOnce)
{
    BsdSignalState signals;
    signals.Post(BSD_SIGUSR1);
    signals.Post(BSD_SIGUSR1); // not queued: one bit
    signals.Take(BSD_SIGUSR1);
    EXPECT_EQ(signals.Pending(), 0);
}

TEST(BsdSignalState, TakeGivesTheDispositionToActOn)
{
    BsdSignalState signals;
    signals.Catch(BSD_SIGUSR1, MakeCallback(&Handler), true);
    signals.Post(BSD_SIGUSR1);
    const BsdSignalState::Action& action = signals.Take(BSD_SIGUSR1);
    ASSERT_EQ(action.kind, BsdSignalState::Action::CATCH);
    EXPECT_TRUE(action.restart);
    g_handled = 0;
    action.handler(BSD_SIGUSR1);
    EXPECT_EQ(g_handled, BSD_SIGUSR1);
}

TEST(BsdSignalState, OnlySaRestartRestartsAnInterruptedSleep)
{
    BsdSignalState signals;
    EXPECT_EQ(signals.SleepInterruptError(BSD_SIGTERM), BSD_EINTR); // fatal
    signals.Catch(BSD_SIGUSR1, MakeCallback(&Handler), false);
    EXPECT_EQ(signals.SleepInterruptError(BSD_SIGUSR1), BSD_EINTR);
    signals.Catch(BSD_SIGUSR1, MakeCallback(&Handler), true);
    EXPECT_EQ(signals.SleepInterruptError(BSD_SIGUSR1), BSD_ERESTART);
    signals.Default(BSD_SIGUSR1);
    EXPECT_EQ(signals.SleepInterruptError(BSD_SIGUSR1), BSD_EINTR);
}

TEST(BsdSignalState, ExitForgetsPendingSignalsAndDisposalKeepsKinds)
{
    BsdSignalState signals;
    signals.Catch(BSD_SIGUSR1, MakeCallback(&Handler), true);
    signals.Post(BSD_SIGUSR1);
    signals.Post(BSD_SIGTERM);
    signals.ClearPending();
    EXPECT_EQ(signals.Pending(), 0);
    signals.ReleaseHandlers();
    EXPECT_EQ(signals.GetAction(BSD_SIGUSR1).kind, BsdSignalState::Action::CATCH);
    EXPECT_TRUE(signals.GetAction(BSD_SIGUSR1).handler.IsNull());
}
