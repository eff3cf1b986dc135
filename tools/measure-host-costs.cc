/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Measure what kernel work costs on this host and write a KernelCostModel profile.
//
// This is a host tool, not part of the model: it reads the wall clock and makes real
// system calls, which nothing in the simulation ever does.
//
//   SyscallTime     a null system call, getppid(2) through syscall(2) so libc cannot
//                   answer from a cache: entry plus exit
//   CopyTimePerKiB  memcpy of a 64 KiB buffer, per KiB (uiomove is a copy)
//   WakeupLatency   a pipe ping-pong between two processes: half a round trip, minus
//                   the read and write system calls each side makes
//   GiantHoldTime   0: a host has no Giant lock to time; set it by hand to study one
//
// Each figure is the median of several batches. Usage:
//   measure-host-costs [profile-file]      (default: host-costs.profile)
// Load it with KernelCostModel::LoadProfile, or --costProfile in the examples.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;

/// Median of \p batches measurements of \p perBatch runs of \p f, in ns per run.
template <class F>
double
MedianNs(int batches, int perBatch, F f)
{
    std::vector<double> samples;
    for (int b = 0; b < batches; ++b)
    {
        auto start = Clock::now();
        for (int i = 0; i < perBatch; ++i)
        {
            f();
        }
        samples.push_back(std::chrono::duration<double, std::nano>(Clock::now() - start).count() /
                          perBatch);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

double
NullSyscallNs()
{
    return MedianNs(9, 200000, [] { syscall(SYS_getppid); });
}

double
CopyNsPerKiB()
{
    static std::vector<char> from(64 * 1024, 1);
    static std::vector<char> to(64 * 1024, 0);
    double perCopy = MedianNs(9, 2000, [] {
        std::memcpy(to.data(), from.data(), from.size());
        asm volatile("" : : "r"(to.data()) : "memory"); // keep the copy
    });
    return perCopy / 64.0;
}

/// Half a pipe round trip between two processes, in ns.
double
PipeHalfRoundTripNs()
{
    int there[2];
    int back[2];
    if (pipe(there) != 0 || pipe(back) != 0)
    {
        return -1;
    }
    const int rounds = 20000;
    pid_t child = fork();
    if (child == 0)
    {
        char c;
        for (int i = 0; i < rounds * 9; ++i)
        {
            if (read(there[0], &c, 1) != 1 || write(back[1], &c, 1) != 1)
            {
                _exit(1);
            }
        }
        _exit(0);
    }
    char c = 'x';
    double rtt = MedianNs(9, rounds, [&] {
        if (write(there[1], &c, 1) != 1 || read(back[0], &c, 1) != 1)
        {
            std::perror("pipe");
        }
    });
    waitpid(child, nullptr, 0);
    return rtt / 2;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string path = argc > 1 ? argv[1] : "host-costs.profile";
    double syscallNs = NullSyscallNs();
    double copyNs = CopyNsPerKiB();
    double halfRtt = PipeHalfRoundTripNs();
    // Each half trip is a write and a read: what remains is waking the other side.
    double wakeupNs = std::max(0.0, halfRtt - 2 * syscallNs);

    struct utsname host;
    uname(&host);
    std::ofstream out(path);
    if (!out)
    {
        std::cerr << "measure-host-costs: cannot write " << path << std::endl;
        return 1;
    }
    out << "# KernelCostModel profile measured by measure-host-costs\n"
        << "# host: " << host.sysname << " " << host.release << " " << host.machine << "\n"
        << "# null syscall (getppid) " << syscallNs << " ns; memcpy " << copyNs
        << " ns/KiB; pipe half round trip " << halfRtt << " ns\n"
        << "SyscallTime " << static_cast<long>(syscallNs + 0.5) << "ns\n"
        << "CopyTimePerKiB " << static_cast<long>(copyNs + 0.5) << "ns\n"
        << "WakeupLatency " << static_cast<long>(wakeupNs + 0.5) << "ns\n"
        << "GiantHoldTime 0ns\n";
    std::cout << "wrote " << path << ": SyscallTime " << static_cast<long>(syscallNs + 0.5)
              << "ns, CopyTimePerKiB " << static_cast<long>(copyNs + 0.5) << "ns, WakeupLatency "
              << static_cast<long>(wakeupNs + 0.5) << "ns, GiantHoldTime 0ns" << std::endl;
    return 0;
}
