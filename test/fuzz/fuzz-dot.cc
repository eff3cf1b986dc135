/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// libFuzzer harness: TunTopologyReader::ParseDot on any text. It must return a graph
// or a message, never crash, overflow the stack or hang; every message names the input
// and carries no control byte.

#include "fuzz-messages.h"

#include "ns3/tun-topology-reader.h"

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    const std::string name = "fuzz.dot";
    TopologyReadResult result =
        TunTopologyReader::ParseDot(std::string(reinterpret_cast<const char*>(data), size), name);
    if (!result.Ok())
    {
        fuzz::CheckMessage(result.error, name);
    }
    for (const std::string& warning : result.warnings)
    {
        fuzz::CheckMessage(warning, name);
    }
    return 0;
}
