# Sourced by check-contrib-build.sh and check-waf-build.sh: what both do around an ns-3
# source tree of their own. Before sourcing, a script sets SCRIPT_NAME, REPO_DIR, LOG_DIR
# and REQUIRED_PACKAGES.

# tree_lock <dir>: one run at a time per tree; another run would re-point contrib/tun
# and rebuild under us.
tree_lock() {
    exec 9>"$1/.lock"
    if ! flock -n 9; then
        echo "waiting for another run using $1 ..."
        flock 9
    fi
}

# --- phase timing ------------------------------------------------------------------------
PHASE=
PHASE_T0=0
PHASE_TIMES=()
SCRIPT_T0=$(date +%s)

fmt_secs() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

phase_begin() {
    PHASE=$1
    PHASE_T0=$(date +%s)
    echo
    echo "==> [$PHASE] $2"
}

phase_end() {
    local dt=$(($(date +%s) - PHASE_T0))
    PHASE_TIMES+=("$(printf '  %-10s %s' "$PHASE" "$(fmt_secs "$dt")")")
    echo "<== [$PHASE] done in $(fmt_secs "$dt")"
    PHASE=
}

on_exit() {
    local rc=$?
    if [[ -n $PHASE ]]; then
        PHASE_TIMES+=("$(printf '  %-10s %s (FAILED)' "$PHASE" "$(fmt_secs $(($(date +%s) - PHASE_T0)))")")
    fi
    echo
    echo "Phase times:"
    printf '%s\n' "${PHASE_TIMES[@]}"
    echo "  total      $(fmt_secs $(($(date +%s) - SCRIPT_T0)))"
    [[ $rc -eq 0 ]] || echo "$SCRIPT_NAME: FAILED (exit $rc${PHASE:+, in phase $PHASE}); logs in $LOG_DIR" >&2
}
trap on_exit EXIT

die() {
    echo "error: $*" >&2
    exit 1
}

# Runs a command with its output both shown and kept in $LOG_DIR/<name>.log.
logged() {
    local name=$1
    shift
    "$@" 2>&1 | tee "$LOG_DIR/$name.log"
}

# Prints the items of a set(<name> ...) block of the module's CMakeLists.txt, one a line.
cmake_list() {
    awk -v name="$1" '
        { sub(/#.*/, "") }
        !inside && match($0, "set\\(" name "([[:space:]]|\\)|$)") {
            inside = 1
            $0 = substr($0, RSTART + 4 + length(name))
        }
        inside {
            end = index($0, ")")
            if (end) { print substr($0, 1, end - 1); exit }
            print
        }' "$REPO_DIR/CMakeLists.txt" | tr -s ' \t' '\n' | sed '/^$/d'
}

is_installed() {
    local status
    status=$(dpkg -s "$1" 2>/dev/null) || return 1
    grep -q '^Status: install ok installed' <<<"$status"
}

# The "deps" phase: REQUIRED_PACKAGES installed where missing (as root).
install_required_packages() {
    phase_begin deps "apt packages: ${REQUIRED_PACKAGES[*]}"
    local missing=() pkg
    for pkg in "${REQUIRED_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        [[ $EUID -eq 0 ]] || die "must run as root to install: ${missing[*]}"
        echo "installing: ${missing[*]}"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "all present"
    fi
    phase_end
}

# The "link" phase: contrib/tun of the tree -> this checkout. When the link pointed at
# another checkout, <stale> (what that checkout's build left that this one's would not
# replace) is removed first, and <why> says so.
#   link_checkout <stale> <why>
link_checkout() {
    phase_begin link "contrib/tun -> $REPO_DIR"
    local link=$NS3_DIR/contrib/tun
    if [[ -e $link && ! -L $link ]]; then
        die "$link exists and is not a symlink; remove it"
    fi
    if [[ -L $link && $(readlink "$link") != "$REPO_DIR" ]]; then
        echo "was $(readlink "$link"): $2"
        rm -rf "$1"
    fi
    ln -sfn "$REPO_DIR" "$link"
    ls -l "$link"
    phase_end
}
