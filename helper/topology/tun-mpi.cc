/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "tun-mpi.h"

#ifdef TUN_HAVE_MPI
#include "ns3/global-value.h"
#include "ns3/mpi-interface.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <mpi.h>
#endif

namespace ns3
{

#ifdef TUN_HAVE_MPI

namespace
{
bool g_running = false; //!< between Start and Stop
bool g_fresh = false;   //!< ns-3's interface is enabled and no simulation has used it
std::string g_type;     //!< the simulator implementation chosen
} // namespace

bool
TunMpi::IsAvailable()
{
    return true;
}

std::string
TunMpi::Start(bool nullMessage, int* argc, char*** argv)
{
    if (g_running)
    {
        return "MPI is already started";
    }
    g_type = nullMessage ? "ns3::NullMessageSimulatorImpl" : "ns3::DistributedSimulatorImpl";
    GlobalValue::Bind("SimulatorImplementationType", StringValue(g_type));
    // MPI_Init here, not ns-3's: an interface enabled on a communicator leaves MPI
    // running when it is disabled, which Prepare() needs.
    MPI_Init(argc, argv);
    MpiInterface::Enable(MPI_COMM_WORLD);
    g_running = true;
    g_fresh = true;
    return "";
}

bool
TunMpi::IsRunning()
{
    return g_running;
}

uint32_t
TunMpi::GetRank()
{
    return g_running ? MpiInterface::GetSystemId() : 0;
}

uint32_t
TunMpi::GetSize()
{
    return g_running ? MpiInterface::GetSize() : 1;
}

void
TunMpi::Prepare()
{
    if (!g_running)
    {
        return;
    }
    // A simulator made since the last simulation (by an object whose disposal asked for
    // the time after Simulator::Destroy) is a sequential one (Finished()): drop it, and
    // have the next one made distributed again.
    Simulator::Destroy();
    GlobalValue::Bind("SimulatorImplementationType", StringValue(g_type));
    if (!g_fresh)
    {
        MpiInterface::Disable();
        MpiInterface::Enable(MPI_COMM_WORLD);
    }
    g_fresh = false;
}

void
TunMpi::Finished()
{
    if (!g_running)
    {
        return;
    }
    // Objects disposed after Simulator::Destroy (a SerialLine asks for the time) make a
    // simulator anew: a sequential one, not a second NullMessageSimulatorImpl (ns-3.37's
    // is a singleton it never resets, and aborts) nor a distributed one on a spent
    // interface.
    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::DefaultSimulatorImpl"));
}

std::vector<std::string>
TunMpi::AllGather(const std::string& text)
{
    if (!g_running)
    {
        return {text};
    }
    int size = 0;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int length = static_cast<int>(text.size());
    std::vector<int> lengths(size);
    MPI_Allgather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, MPI_COMM_WORLD);
    std::vector<int> offsets(size);
    int total = 0;
    for (int i = 0; i < size; ++i)
    {
        offsets[i] = total;
        total += lengths[i];
    }
    std::vector<char> all(total + 1);
    MPI_Allgatherv(text.data(),
                   length,
                   MPI_CHAR,
                   all.data(),
                   lengths.data(),
                   offsets.data(),
                   MPI_CHAR,
                   MPI_COMM_WORLD);
    std::vector<std::string> parts;
    for (int i = 0; i < size; ++i)
    {
        parts.emplace_back(all.data() + offsets[i], lengths[i]);
    }
    return parts;
}

void
TunMpi::Stop()
{
    if (!g_running)
    {
        return;
    }
    MpiInterface::Disable();
    MPI_Finalize();
    g_running = false;
}

#else // built without ns-3's mpi module

bool
TunMpi::IsAvailable()
{
    return false;
}

std::string
TunMpi::Start(bool, int*, char***)
{
    return "this build has no MPI: ns-3's mpi module was not found when the tun module "
           "was built (Debian's ns-3 packages have none); build with ./build.sh mpi, or "
           "leave out --ranks";
}

bool
TunMpi::IsRunning()
{
    return false;
}

uint32_t
TunMpi::GetRank()
{
    return 0;
}

uint32_t
TunMpi::GetSize()
{
    return 1;
}

void
TunMpi::Prepare()
{
}

void
TunMpi::Finished()
{
}

std::vector<std::string>
TunMpi::AllGather(const std::string& text)
{
    return {text};
}

void
TunMpi::Stop()
{
}

#endif

} // namespace ns3
