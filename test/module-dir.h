/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MODULE_DIR_H
#define MODULE_DIR_H

// Where the module's sources are, for tests that read them (docs, bundled topologies).

#include <string>

// ns-3's build defines it as the suite's test/ directory, in contrib mode and in ours.
#ifndef NS_TEST_SOURCEDIR
#define NS_TEST_SOURCEDIR "test"
#endif

namespace ns3
{
namespace tests
{

/// \return the module's directory (NS_TEST_SOURCEDIR is its test/ directory)
inline std::string
ModuleDir()
{
    return std::string(NS_TEST_SOURCEDIR) + "/..";
}

} // namespace tests
} // namespace ns3

#endif /* MODULE_DIR_H */
