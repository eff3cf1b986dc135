#!/usr/bin/env bash
# Every NS_LOG component the module defines (model/, helper/, examples/) is listed in
# doc/tun.rst's Logging section as a bullet "* ``Name``: ...", and every bullet there
# names a component that exists: NS_LOG=<Name> must be findable in the documentation.
#   log-components-check.sh <source folder>
set -euo pipefail
src=$(realpath "${1:?usage: log-components-check.sh <source folder>}")
defined=$(grep -rhoE 'NS_LOG_COMPONENT_DEFINE *\( *"[A-Za-z0-9_]+" *\)' \
    "$src/model" "$src/helper" "$src/examples" | sed -E 's/.*"([A-Za-z0-9_]+)".*/\1/' | sort -u)
# The section: from "The module's NS_LOG components" to the next title underline.
documented=$(awk '/^The module.s NS_LOG components/ { on = 1; next }
    on && /^[=*-]+$/ { exit }
    on && /^\* ``[A-Za-z0-9_]+``:/ { sub(/^\* ``/, ""); sub(/``:.*/, ""); print }
    on && /^Examples also define their own/ {
        while (match($0, /``[A-Za-z0-9_]+``/)) {
            print substr($0, RSTART + 2, RLENGTH - 4); $0 = substr($0, RSTART + RLENGTH) } }' \
    "$src/doc/tun.rst" | sort -u)
status=0
for c in $defined; do
    if ! grep -qx "$c" <<<"$documented"; then
        echo "NS_LOG component $c is not listed in doc/tun.rst" >&2
        status=1
    fi
done
for c in $documented; do
    if ! grep -qx "$c" <<<"$defined"; then
        echo "doc/tun.rst lists NS_LOG component $c, which no source defines" >&2
        status=1
    fi
done
echo "$(wc -w <<<"$defined") NS_LOG components, $(wc -w <<<"$documented") listed"
exit $status
