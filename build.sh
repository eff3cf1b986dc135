#!/usr/bin/env bash
# The module's one entry point, for people and for CI.
#
#   ./build.sh demo       install what is missing, build optimised, run the comparison
#   ./build.sh test       install what is missing (validators too), build, run every test
#   ./build.sh paper      the documented worked example: dial-up, 10 runs, CIs, plots
#   ./build.sh sanitize   the same tests built with AddressSanitizer + UBSan
#   ./build.sh bench      benchmarks, built in Release (build-release/)
#   ./build.sh fuzz [s]   the libFuzzer harnesses (clang, build-fuzz/), each for s seconds
#                         (default 60); FUZZ_JOBS=2 runs two at a time
#   ./build.sh contrib    build and test the module inside an ns-3.37 source tree
#   ./build.sh mpi        the same in a tree built with MPI, and the partitioned runs
#                         (mpirun -np 2 and 4) compared with sequential ones
#   ./build.sh waf        the wscript tried in a waf-era tree (ns-3.35): fails, as the
#                         module needs ns-3.37 (README, "Using it in an ns-3 tree")
#
# Safe to repeat: packages are installed only when missing, builds are incremental.
# TUN_NO_VALIDATORS=1 ./build.sh test installs no validators (their tests skip).
# Build trees: build/ (Debug: NS_LOG and NS_ASSERT on), build-demo/ (RelWithDebInfo:
# -O2 with NS_LOG and NS_ASSERT on, as ns-3's default profile) and build-sanitize/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# Debian 12 packages. libgsl-dev: Debian's ns-3 CMake targets link libgsl.so, which only
# it provides. ns3: the exported targets name its libexec helpers and CMake refuses to
# configure without them. gnuplot-nox: the comparison's PNG plots (it writes the script
# and data without it).
packages=(cmake make g++ python3 libns3-dev ns3 libgsl-dev libboost-graph-dev libgtest-dev
    gnuplot-nox)
# What the tests validate with, as CI has them: tshark reads every trace the examples
# write, pppdump (package ppp) every pppd record, Sphinx builds doc/tun.rst, doxygen
# checks the API documentation. Without them those tests skip.
validators=(tshark ppp python3-sphinx doxygen)

ensure_packages() {
    local missing=()
    for p in "${packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "build.sh: missing packages: ${missing[*]}" >&2
        echo "build.sh: run as root, or: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    echo "build.sh: installing ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# build <dir> [cmake options...]
build() {
    local dir=$1
    shift
    cmake -S "$here" -B "$here/$dir" "$@" >/dev/null
    cmake --build "$here/$dir" -j "$jobs"
}

# The harnesses and the module they link, built by clang with coverage, ASan and UBSan;
# optimised (they run millions of inputs), with NS_ASSERT and NS_LOG still on. The ns-3
# libraries stay Debian's, built by GCC: same libstdc++, so clang's objects link with them.
build_fuzzers() {
    CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTUN_FUZZ=ON -DTUN_WERROR=OFF >/dev/null
    cmake --build "$here/build-fuzz" --target fuzzers -j "$jobs"
}

case "${1:-}" in
demo)
    ensure_packages
    # Optimised, with NS_LOG and NS_ASSERT still on (the build type's NS3_LOG_ENABLE and
    # NS3_ASSERT_ENABLE, CMakeLists.txt): only what the demo runs.
    cmake -S "$here" -B "$here/build-demo" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$here/build-demo" --target tun-compare -j "$jobs"
    # The dial-up access network, every link native, every link user-PPP over tun, as
    # written (mixed) and as UDP tunnels; extra arguments go to tun-compare.
    out="$here/build-demo/demo-output"
    "$here/build-demo/tun-compare" --topology="$here/examples/topologies/dialup.dot" \
        --traffic="$here/examples/topologies/dialup.traffic" --output="$out" "${@:2}"
    echo "build.sh: demo results in $out (flows.csv, links.csv, nodes.csv, node-ids.csv, plots)"
    ;;
test)
    if [ "${TUN_NO_VALIDATORS:-0}" = 1 ]; then
        ensure_packages
    else
        ensure_packages "${validators[@]}"
    fi
    build build -DCMAKE_BUILD_TYPE=Debug
    ctest --test-dir "$here/build" --output-on-failure -j "$jobs"
    ;;
paper)
    # doc/tun.rst's worked example, checked against the figures it shows; extra
    # arguments go to tun-compare.
    ensure_packages
    build build -DCMAKE_BUILD_TYPE=Debug
    "$here/examples/dialup-paper.sh" "$here/build/tun-compare" "$here/build/paper-dialup" "${@:2}"
    echo "build.sh: the worked example's results and plots in $here/build/paper-dialup"
    ;;
sanitize)
    ensure_packages
    build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DTUN_SANITIZE=ON
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export LSAN_OPTIONS="suppressions=$here/test/lsan.supp:print_suppressions=0"
    ctest --test-dir "$here/build-sanitize" --output-on-failure -j "$jobs"
    ;;
bench)
    ensure_packages
    build build-release -DCMAKE_BUILD_TYPE=Release
    "$here/build-release/tun-path-benchmark" "${@:2}"
    "$here/build-release/hdlc-benchmark"
    "$here/build-release/topology-benchmark"
    ;;
fuzz)
    ensure_packages clang libclang-rt-dev
    build_fuzzers
    "$here/test/fuzz/run.sh" "$here/build-fuzz" --seconds "${2:-60}"
    ;;
fuzz-ci)
    # CI's step: each harness for a fixed number of executions, a minute or two in all.
    ensure_packages clang libclang-rt-dev
    build_fuzzers
    "$here/test/fuzz/run.sh" "$here/build-fuzz" --runs "${2:-20000}"
    ;;
contrib)
    exec "$here/scripts/check-contrib-build.sh" "${@:2}"
    ;;
mpi)
    exec "$here/scripts/check-contrib-build.sh" --mpi "${@:2}"
    ;;
waf)
    exec "$here/scripts/check-waf-build.sh" "${@:2}"
    ;;
*)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
