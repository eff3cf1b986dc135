#!/bin/sh
# Install the module from a build tree into a scratch prefix, then build and run a
# program that lives outside the tree (test/outside-program/) against it, as a user's
# own project would: find_package(ns3-tun), target_link_libraries(... ns3::libtun).
#   test/outside-program-check.sh <build-dir> [<build-type>]
set -eu
build=$1
type=${2:-Debug}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # log-name command...
    log=$work/$1.log
    shift
    if ! "$@" > "$log" 2>&1; then
        cat "$log"
        echo "outside-program-check: failed: $*" >&2
        exit 1
    fi
}
run install cmake --install "$build" --prefix "$work/prefix"
run configure cmake -S "$here/outside-program" -B "$work/build" \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE="$type"
run build cmake --build "$work/build"
run scenario "$work/build/my-scenario"
cat "$work/scenario.log"
grep -q "^3 of 3 echoes answered" "$work/scenario.log"
# A library built with NS_LOG (any type but Release) hands NS3_LOG_ENABLE to its users.
if [ "$type" != Release ]; then
    grep -q "echo answered in" "$work/scenario.log" || {
        echo "outside-program-check: NS_LOG in the user's program printed nothing" >&2
        exit 1
    }
fi
echo "outside-program-check: installed, found, built and ran"
