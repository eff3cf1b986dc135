#!/usr/bin/env bash
# Usage: scripts/check-contrib-build.sh [--mpi] [-h|--help]
#
# Builds this module as contrib/tun inside Debian 12's ns-3.37 source tree (the ns3
# 3.37-2 source package) and runs its test suites and examples with ns-3's own tools
# (./ns3, ./test.py). Meant for a Debian 12 machine, as root; safe to re-run: the
# download, the unpacked tree and the ns-3 build are cached and reused.
#
# --mpi: a second tree ($TUN_NS3_CACHE/mpi/...) configured with --enable-mpi against
# Debian's libopenmpi-dev, with only the modules tun and ns-3's mpi need and no tests;
# it runs the distributed checks (test/mpi-check.sh) instead of the suites. A tree of its own:
# ns-3 adds -DNS3_MPI to every target, so reconfiguring the plain tree would rebuild
# all of it, and back again on the next plain run.
#
# Environment:
#   TUN_NS3_CACHE    cache directory (default: $HOME/.cache/ns3-tun)
#   TUN_NS3_JOBS     parallel build jobs (default: nproc)
#   TUN_NS3_PROFILE  ns-3 build profile (default: debug, i.e. -O0 and -Werror)
#   TUN_NS3_WERROR   1 (default): warnings are errors, as ns-3's debug profile has them;
#                    0: pass --disable-werror
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
MPI=0
if [[ ${1:-} == --mpi ]]; then
    MPI=1
    shift
fi
[[ $# -eq 0 ]] || { echo "usage: $0 [--mpi] [-h|--help]" >&2; exit 2; }

NS3_VERSION=3.37
NS3_DEB_VERSION=3.37-2
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
CACHE_DIR=${TUN_NS3_CACHE:-$HOME/.cache/ns3-tun}
JOBS=${TUN_NS3_JOBS:-$(nproc 2>/dev/null || echo 2)}
PROFILE=${TUN_NS3_PROFILE:-debug}
WERROR=${TUN_NS3_WERROR:-1}
APT_SOURCES_FILE=/etc/apt/sources.list.d/ns3-src.sources
REQUIRED_PACKAGES=(cmake g++ python3 libgsl-dev ninja-build bzip2 libboost-graph-dev)
((MPI == 0)) || REQUIRED_PACKAGES+=(libopenmpi-dev openmpi-bin)

mkdir -p "$CACHE_DIR"
CACHE_DIR=$(cd "$CACHE_DIR" && pwd -P)
# The downloaded source is shared; the unpacked tree and its build are per mode.
TREE_DIR=$CACHE_DIR
((MPI == 0)) || TREE_DIR=$CACHE_DIR/mpi
mkdir -p "$TREE_DIR"
NS3_DIR=$TREE_DIR/ns-allinone-$NS3_VERSION/ns-$NS3_VERSION
LOG_DIR=$TREE_DIR/logs
mkdir -p "$LOG_DIR"

SCRIPT_NAME=check-contrib-build
# shellcheck source=ns3-tree-common.sh
source "$REPO_DIR/scripts/ns3-tree-common.sh"
tree_lock "$TREE_DIR"

# ./ns3 refuses to run when $USER is root (a guard against "sudo ./ns3" leaving root-owned
# files in a user's tree). This tree is root's own cache, so drop $USER for ns3 alone.
ns3() {
    (cd "$NS3_DIR" && env -u USER ./ns3 "$@")
}

# --- 1. build dependencies ---------------------------------------------------------------
install_required_packages

# --- 2. ns-3 source tree (Debian's ns3 source package) ------------------------------------
phase_begin source "ns3 $NS3_DEB_VERSION source in $TREE_DIR"
UNPACKED_MARKER=$TREE_DIR/.unpacked-ns3-$NS3_DEB_VERSION
ORIG_TARBALL=$CACHE_DIR/download/ns3_$NS3_VERSION.orig.tar.bz2
if [[ -f $UNPACKED_MARKER && -x $NS3_DIR/ns3 ]]; then
    echo "reusing $NS3_DIR"
else
    if [[ ! -f $ORIG_TARBALL ]]; then
        if [[ ! -e $APT_SOURCES_FILE ]]; then
            [[ $EUID -eq 0 ]] || die "must run as root to create $APT_SOURCES_FILE"
            echo "creating $APT_SOURCES_FILE"
            cat >"$APT_SOURCES_FILE" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        fi
        # The Sources index is missing until the first apt-get update after adding deb-src.
        srcinfo=$(apt-cache showsrc --only-source ns3 2>/dev/null || true)
        if ! grep -qx "Version: $NS3_DEB_VERSION" <<<"$srcinfo"; then
            apt-get update
        fi
        mkdir -p "$CACHE_DIR/download"
        (cd "$CACHE_DIR/download" && apt-get source --download-only "ns3=$NS3_DEB_VERSION")
    fi
    # Unpack into a scratch directory, then move into place, so an interrupted run
    # never leaves a half-unpacked tree that looks complete.
    echo "unpacking $(basename "$ORIG_TARBALL")"
    scratch=$(mktemp -d "$TREE_DIR/unpack.XXXXXX")
    tar -xjf "$ORIG_TARBALL" -C "$scratch" "ns-allinone-$NS3_VERSION/ns-$NS3_VERSION"
    rm -rf "$TREE_DIR/ns-allinone-$NS3_VERSION"
    mv "$scratch/ns-allinone-$NS3_VERSION" "$TREE_DIR/"
    rmdir "$scratch"
    touch "$UNPACKED_MARKER"
fi
phase_end

# --- 3. contrib/tun -> this checkout -----------------------------------------------------
# Built from another checkout before: its objects may look newer than this checkout's
# sources (ninja only compares mtimes), so drop them and rebuild the module.
link_checkout "$NS3_DIR/cmake-cache/contrib/tun" "rebuilding the module"

# --- 4. configure: tun and the modules it needs ------------------------------------------
# ns-3 writes build/include/ns3/<header> stubs that include the real file; configure makes
# them anew but never removes one. A stub left by an earlier checkout of tun names a file
# that may be gone, or shadows another module's header of the same name (tun's reader was
# once topology-reader.h), so drop tun's stubs and let configure write them again.
if [[ -d $NS3_DIR/build/include/ns3 ]]; then
    mapfile -t stale < <(grep -lF "/contrib/tun/" "$NS3_DIR"/build/include/ns3/*.h || true)
    ((${#stale[@]} == 0)) || rm -f -- "${stale[@]}"
fi
# ns-3 adds tun's dependencies itself (from LIBRARIES_TO_LINK in its CMakeLists.txt). csma
# is for ns-3.37's own src/test: with applications and point-to-point enabled it builds
# ns3tcp suites that use CsmaHelper without checking that csma is enabled.
# topology-read is there to prove that none of tun's headers shadows one of ns-3's in
# build/include/ns3 (tun's reader was once topology-reader.h, like ns-3's).
# Only tun's own tests and examples are built (--filter-module-examples-and-tests): the
# other modules' suites are ns-3's business and would double the build.
# MPI mode: mpi itself and tun's examples only. Its check runs tun-compare; the suites
# are the plain mode's, and without tests ns-3 needs no csma (nor topology-read: the
# plain mode proves the header names), which keeps a cold build of this tree short.
MODULES=tun,csma,topology-read
extra_flags=(--enable-tests)
if ((MPI)); then
    MODULES=tun,mpi
    extra_flags=(--enable-mpi --disable-tests)
fi
werror_flag=--enable-werror
[[ $WERROR == 1 ]] || werror_flag=--disable-werror
phase_begin configure "./ns3 configure -d $PROFILE $werror_flag ${extra_flags[*]}, examples of tun, modules: $MODULES"
logged configure ns3 configure -G Ninja -d "$PROFILE" "$werror_flag" "${extra_flags[@]}" \
    --enable-examples --enable-modules="$MODULES" --filter-module-examples-and-tests=tun
phase_end

# --- 5. build ----------------------------------------------------------------------------
# "./ns3 build -j N" runs "cmake --build cmake-cache -j N" but caps N at (CPUs - 1), i.e.
# -j 1 on a 2-core machine; call that same command directly to get the jobs we asked for.
phase_begin build "cmake --build cmake-cache -j $JOBS (what ./ns3 build runs)"
logged build cmake --build "$NS3_DIR/cmake-cache" -j "$JOBS"
# An ns3/*.h of a module that is not enabled silently resolves to an installed ns-3's
# headers (Debian's libns3-dev, /usr/include/ns3); the build must not use any of them.
stray=$(cd "$NS3_DIR/cmake-cache" && ninja -t deps | awk '
    /^[^ \t]/ { target = $1 } /\/usr\/include\/ns3\// { print "  " target " " $1 }')
[[ -z $stray ]] || die "the build used installed ns-3 headers:"$'\n'"$stray"
phase_end

# --- 6m. MPI mode: the distributed checks ------------------------------------------------
if ((MPI)); then
    phase_begin test "test/mpi-check.sh: sequential against mpirun -np 2 and 4"
    logged mpi-check "$REPO_DIR/test/mpi-check.sh" "$NS3_DIR/build/contrib/tun/examples" \
        "$LOG_DIR/mpi-check"
    phase_end
    exit 0
fi

# --- 6. the module's test suites and examples, with ns-3's own runners --------------------
phase_begin test "test.py suites and ./ns3 run examples"
mapfile -t suites < <(cmake_list tun_test_suite_names)
mapfile -t examples < <(cmake_list tun_examples)
((${#suites[@]})) || die "no suites found in set(tun_test_suite_names ...) of CMakeLists.txt"
echo "suites: ${suites[*]}"
echo "examples: ${examples[*]}"

suites_passed=0
suites_failed=()
for suite in "${suites[@]}"; do
    echo "--- test.py -s $suite"
    if (cd "$NS3_DIR" && ./test.py --no-build --fullness=EXTENSIVE -s "$suite") 2>&1 |
        tee "$LOG_DIR/suite-$suite.log"; then
        suites_passed=$((suites_passed + 1))
    else
        suites_failed+=("$suite")
    fi
done

examples_passed=0
examples_failed=()
for example in "${examples[@]}"; do
    echo "--- ./ns3 run $example"
    if logged "example-$example" ns3 run --no-build "$example"; then
        examples_passed=$((examples_passed + 1))
    else
        examples_failed+=("$example")
    fi
done
phase_end

echo
((${#suites_failed[@]} == 0)) || echo "failed suites: ${suites_failed[*]}"
((${#examples_failed[@]} == 0)) || echo "failed examples: ${examples_failed[*]}"
echo "contrib build: $suites_passed suites passed, ${#suites_failed[@]} failed;" \
    "$examples_passed examples passed, ${#examples_failed[@]} failed"
((${#suites_failed[@]} + ${#examples_failed[@]} == 0))
