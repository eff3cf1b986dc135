/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_MPI_H
#define TUN_MPI_H

#include <cstdint>
#include <string>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The module's one door to ns-3's MPI engine (src/mpi): partitioned runs need it, and
 * everything else asks it whether it is there.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief Starts and stops ns-3's distributed simulator, and gathers what the ranks
 * measured.
 *
 * Compiled against ns-3's mpi module only when the module's build found it (contrib
 * mode in a tree configured with --enable-mpi and the mpi module, as
 * `./build.sh mpi` makes it); everywhere else (Debian's binary ns-3 has no mpi module)
 * IsAvailable() is false and Start() refuses with a message, so a program asking for
 * ranks says why instead of crashing.
 *
 * One MPI session runs several simulations: Prepare(), before each but the first, hands
 * ns-3's interface a fresh communicator (ns-3's granted-time-window interface frees its
 * receive buffers in Simulator::Destroy and cannot run a second simulation otherwise;
 * the null-message one frees them when disabled, so it must not be disabled twice
 * without a simulation in between). Each Prepare() must be followed by a simulation
 * that runs: check what can be refused first (TopologyBuilder::Check).
 *
 * A limit of ns-3.37's granted-time-window interface: a frame still in flight between
 * ranks when a simulation stops lands in the receive buffer Simulator::Destroy freed.
 * Stop a simulation when the links between ranks are quiet (tun-compare runs on 3 s
 * after the last flow), or use the null-message synchroniser, which cancels its receives.
 */
class TunMpi
{
  public:
    /// \return true when built with ns-3's mpi module
    static bool IsAvailable();

    /**
     * Initialise MPI and select ns-3's distributed simulator; call before any
     * simulation object is made.
     * \param nullMessage true: the null-message synchroniser
     *        (ns3::NullMessageSimulatorImpl); false: granted time windows
     *        (ns3::DistributedSimulatorImpl)
     * \param argc main's argc \param argv main's argv
     * \return empty, or why not (built without MPI)
     */
    static std::string Start(bool nullMessage, int* argc, char*** argv);

    /// \return true between Start() and Stop()
    static bool IsRunning();
    /// \return this process's rank (0 when not running)
    static uint32_t GetRank();
    /// \return the number of ranks (1 when not running)
    static uint32_t GetSize();

    /// Before making a simulation's objects: ns-3's interface ready for it (after the
    /// first simulation, a fresh one, on a fresh duplicate of MPI_COMM_WORLD).
    static void Prepare();

    /// Right after a simulation's Simulator::Destroy(): a simulator made before the next
    /// Prepare() (by an object disposed late) is a sequential one.
    static void Finished();

    /**
     * Every rank's \p text, in rank order, on every rank (MPI_Allgatherv). A collective
     * call: every rank must make it. Not running: just \p text.
     * \param text this rank's part \return every rank's
     */
    static std::vector<std::string> AllGather(const std::string& text);

    /// Finalise MPI (ns-3's MpiInterface::Disable); call once, at the end of main.
    static void Stop();
};

} // namespace ns3

#endif /* TUN_MPI_H */
