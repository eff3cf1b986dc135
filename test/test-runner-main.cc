/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The module's ns-3 test runner for out-of-tree builds: the suites are linked into this
// executable as objects, so their static registrations are all present.
// Options are ns-3's: --list, --suite=NAME, --verbose, --fullness=QUICK|EXTENSIVE|...

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
