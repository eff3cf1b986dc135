/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_BENCH_RUN_IN_CHILD_H
#define TUN_BENCH_RUN_IN_CHILD_H

// The benchmarks measure each variant in a child process of its own, so that one
// variant's peak memory is not another's.

#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <type_traits>
#include <unistd.h>

namespace tunbench
{

/**
 * Run \p work in a forked child and bring its result back through a pipe.
 * \param work computes the result (in the child)
 * \param result receives it
 * \param maxRssKiB receives the child's peak resident set size
 * \return false if the child failed
 */
template <class Result>
bool
RunInChild(const std::function<Result()>& work, Result* result, long* maxRssKiB)
{
    static_assert(std::is_trivially_copyable_v<Result>, "sent through a pipe as bytes");
    int fds[2];
    if (pipe(fds) != 0)
    {
        return false;
    }
    pid_t child = fork();
    if (child == 0)
    {
        close(fds[0]);
        Result r = work();
        ssize_t n = write(fds[1], &r, sizeof(r));
        _exit(n == sizeof(r) ? 0 : 1);
    }
    close(fds[1]);
    ssize_t n = read(fds[0], result, sizeof(*result));
    close(fds[0]);
    int status = 0;
    struct rusage usage;
    wait4(child, &status, 0, &usage);
    *maxRssKiB = usage.ru_maxrss;
    return n == sizeof(*result) && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace tunbench

#endif /* TUN_BENCH_RUN_IN_CHILD_H */
