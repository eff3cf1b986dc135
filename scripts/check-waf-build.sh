#!/usr/bin/env bash
# Usage: scripts/check-waf-build.sh [-h|--help]
#
# Builds this module as contrib/tun inside a waf-era ns-3 source tree (ns-3.35, the last
# release built by waf) with the module's wscript, and runs its test suites and examples
# with that tree's own tools (./waf, ./test.py). Safe to re-run: the download, the
# unpacked tree and its build are cached and reused. Slow the first time (the ns-3
# modules tun needs, with their tests and examples, from scratch), so not part of the
# default CI run; .ci/run runs it when TUN_CI_WAF=1.
#
# The tree comes from ns-3's git repository at the tag ns-3.35 (commit checked), as a
# shallow bare clone in the cache; TUN_WAF_NS3_GIT may name a local clone or mirror
# instead. Files whose contents that repository lacks (a mirror without large files)
# are left out of the tree and listed; none of them is part of what tun needs.
#
# Environment:
#   TUN_NS3_CACHE    cache directory (default: $HOME/.cache/ns3-tun); this uses its waf/
#   TUN_WAF_NS3_GIT  git repository holding the tag (default: ns-3's, on GitLab)
#   TUN_NS3_JOBS     parallel build jobs (default: nproc)
#   CXX              the compiler waf configures the tree with (e.g. "ccache g++"); the
#                    tree is configured anew on every run, and another CXX rebuilds it all
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
[[ $# -eq 0 ]] || { echo "usage: $0 [-h|--help]" >&2; exit 2; }

NS3_VERSION=3.35
NS3_TAG=ns-3.35
NS3_COMMIT=ac88b75eac1818c673cf2c939a96ac3005b1f051
NS3_GIT=${TUN_WAF_NS3_GIT:-https://gitlab.com/nsnam/ns-3-dev.git}
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
CACHE_DIR=${TUN_NS3_CACHE:-$HOME/.cache/ns3-tun}/waf
JOBS=${TUN_NS3_JOBS:-$(nproc 2>/dev/null || echo 2)}
# What the tree needs to build tun: ns-3.35's waf runs on the distribution's Python 3.
REQUIRED_PACKAGES=(g++ python3 git libboost-graph-dev)

mkdir -p "$CACHE_DIR"
CACHE_DIR=$(cd "$CACHE_DIR" && pwd -P)
NS3_DIR=$CACHE_DIR/ns-$NS3_VERSION
LOG_DIR=$CACHE_DIR/logs
mkdir -p "$LOG_DIR"

SCRIPT_NAME=check-waf-build
# shellcheck source=ns3-tree-common.sh
source "$REPO_DIR/scripts/ns3-tree-common.sh"
tree_lock "$CACHE_DIR"

waf() {
    (cd "$NS3_DIR" && ./waf "$@")
}

# --- 1. build dependencies ---------------------------------------------------------------
install_required_packages

# --- 2. ns-3.35 source tree ----------------------------------------------------------------
phase_begin source "ns-3 $NS3_TAG ($NS3_COMMIT) in $NS3_DIR"
UNPACKED_MARKER=$CACHE_DIR/.unpacked-$NS3_TAG
if [[ -f $UNPACKED_MARKER && -x $NS3_DIR/waf ]]; then
    echo "reusing $NS3_DIR"
else
    git_dir=$NS3_GIT
    if [[ ! -d $NS3_GIT ]]; then
        git_dir=$CACHE_DIR/download/ns-3-dev.git
        if ! git -C "$git_dir" rev-parse -q --verify "$NS3_COMMIT^{commit}" >/dev/null 2>&1; then
            rm -rf "$git_dir"
            git clone --bare --depth 1 --branch "$NS3_TAG" "$NS3_GIT" "$git_dir"
        fi
    fi
    commit=$(git -C "$git_dir" rev-parse "$NS3_TAG^{commit}") ||
        die "$git_dir has no tag $NS3_TAG"
    [[ $commit == "$NS3_COMMIT" ]] || die "$NS3_TAG is $commit in $git_dir, expected $NS3_COMMIT"
    # A mirror may hold the tree without some large files' contents; git archive stops
    # at the first one, so leave them out by name (and say so).
    excluded=()
    while read -r _ _ object path; do
        git -C "$git_dir" cat-file -e "$object" 2>/dev/null || excluded+=(":(exclude)$path")
    done < <(git -C "$git_dir" ls-tree -r "$commit")
    if ((${#excluded[@]})); then
        echo "not in $git_dir, so left out (git archive still names them, as errors):"
        printf '  %s\n' "${excluded[@]#:(exclude)}"
    fi
    # Unpack into a scratch directory, then move into place, so an interrupted run
    # never leaves a half-unpacked tree that looks complete.
    scratch=$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")
    git -C "$git_dir" archive --prefix="ns-$NS3_VERSION/" "$commit" -- . "${excluded[@]}" |
        tar -x -C "$scratch"
    rm -rf "$NS3_DIR"
    mv "$scratch/ns-$NS3_VERSION" "$NS3_DIR"
    rmdir "$scratch"
    touch "$UNPACKED_MARKER"
fi
grep -qx "$NS3_VERSION" "$NS3_DIR/VERSION" || die "$NS3_DIR/VERSION is not $NS3_VERSION"
phase_end

# --- 3. contrib/tun -> this checkout -----------------------------------------------------
# waf copies the module's headers into build/ns3/ and never removes one, so a header an
# earlier checkout of tun had and this one has not would still be found there. Which
# copies are tun's is not recorded, so drop them all when the link changes: the build
# copies them again, ns-3's own among them, in seconds.
link_checkout "$NS3_DIR/build/ns3" "dropping build/ns3/ so no stale tun header survives"

# --- 4. configure: tun and the modules it needs ------------------------------------------
# waf enables tun's dependencies itself (create_ns3_module's list in the wscript). No
# Python bindings (they need pybindgen and castxml of that era), and no -Werror: ns-3.35
# predates GCC 12, whose new warnings in ns-3's own sources are not ours to fix.
phase_begin configure "./waf configure --enable-modules=tun --enable-tests --enable-examples"
logged configure waf configure -d debug --enable-modules=tun --enable-tests --enable-examples \
    --disable-python --disable-werror
phase_end

# --- 5. build ------------------------------------------------------------------------------
# Everything enabled, the other modules' examples too: with --targets, waf 2.0 never
# posts ns-3's header-copy task generators (ns-3.35's workaround for --run looks for a
# class name waf 1.x had), so a fresh tree would get no build/ns3/ headers and a cached
# one would keep stale copies of tun's (seen: 15 of them after main's reorganisation).
mapfile -t suites < <(cmake_list tun_test_suite_names)
mapfile -t examples < <(cmake_list tun_examples)
((${#suites[@]})) || die "no suites found in set(tun_test_suite_names ...) of CMakeLists.txt"
phase_begin build "./waf build -k -j $JOBS"
# -k: every source that does not compile is reported, not only the first.
build_ok=1
logged build waf build -k -j "$JOBS" || build_ok=0
# waf puts -I/usr/include on the command line (pkg-config), and Debian's libns3-dev has
# ns-3.37's headers in /usr/include/ns3: an ns3/*.h this tree lacks would silently come
# from there. Preprocess each of tun's sources against this tree's build/ only (no
# system directories; -MG lists what is not found) and refuse any ns3/ header not in it.
mapfile -t sources < <(cmake_list tun_sources; cmake_list tun_topology_sources
    cmake_list tun_test_sources
    printf 'examples/%s.cc\n' "${examples[@]}")
stray=$(cd "$NS3_DIR" && for f in "${sources[@]}"; do
    g++ -std=c++17 -fcoroutines -nostdinc -M -MG -I build -I "contrib/tun/test" \
        "contrib/tun/$f" | tr -s ' \\' '\n' | { grep '^ns3/' || true; } | sed "s|^|  $f: |"
done | sort -u)
[[ -z $stray ]] || die "ns3/ headers this tree does not have (they would come from /usr/include):"$'\n'"$stray"
if ((!build_ok)); then
    echo "failed tasks, by target:"
    grep '^ -> task in' "$LOG_DIR/build.log" | sort | uniq -c || true
    die "the build failed ($LOG_DIR/build.log). The module needs ns-3.37's Callback" \
        "(README, \"Using it in an ns-3 tree\")"
fi
phase_end

# --- 6. the module's test suites and examples, with ns-3's own runners --------------------
phase_begin test "test.py suites and examples"
echo "suites: ${suites[*]}"
echo "examples: ${examples[*]}"
shopt -s nullglob
runners=("$NS3_DIR"/build/utils/ns3.*-test-runner-*)
((${#runners[@]})) || die "no test runner in $NS3_DIR/build/utils"
runner=${runners[0]}
# Every suite CMake runs must be registered here too (as CTest's suites-registered).
registered=$(cd "$NS3_DIR" && LD_LIBRARY_PATH=build/lib "$runner" --list | sed 's/^[[:space:]]*//')
not_registered=()
for suite in "${suites[@]}"; do
    grep -qx "$suite" <<<"$registered" || not_registered+=("$suite")
done
((${#not_registered[@]} == 0)) || die "suites not registered in the waf build: ${not_registered[*]}"

suites_passed=0
suites_failed=()
for suite in "${suites[@]}"; do
    echo "--- test.py -s $suite"
    # test.py prints "[1/1] PASS: TestSuite <name>"; a name it does not know runs nothing.
    if (cd "$NS3_DIR" && ./test.py --nowaf --nocolor --fullness=EXTENSIVE -s "$suite") 2>&1 |
        tee "$LOG_DIR/suite-$suite.log" && grep -qx "\[1/1\] PASS: TestSuite $suite" "$LOG_DIR/suite-$suite.log"; then
        suites_passed=$((suites_passed + 1))
    else
        suites_failed+=("$suite")
    fi
done

# Run the programs themselves, from the top of the tree as ./waf --run does (which would
# also run a build first).
examples_passed=0
examples_failed=()
for example in "${examples[@]}"; do
    programs=("$NS3_DIR"/build/contrib/tun/examples/ns3.*-"$example"-*)
    program=${programs[0]:-}
    echo "--- ${program:-$example: no program built}"
    if [[ -n $program ]] &&
        logged "example-$example" env -C "$NS3_DIR" LD_LIBRARY_PATH="$NS3_DIR/build/lib" "$program"; then
        examples_passed=$((examples_passed + 1))
    else
        examples_failed+=("$example")
    fi
done
phase_end

echo
((${#suites_failed[@]} == 0)) || echo "failed suites: ${suites_failed[*]}"
((${#examples_failed[@]} == 0)) || echo "failed examples: ${examples_failed[*]}"
echo "waf build (ns-$NS3_VERSION): $suites_passed suites passed, ${#suites_failed[@]} failed;" \
    "$examples_passed examples passed, ${#examples_failed[@]} failed"
((${#suites_failed[@]} + ${#examples_failed[@]} == 0))
