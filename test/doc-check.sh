#!/usr/bin/env bash
# doc/tun.rst must build with Sphinx without a single warning (-W), as ns-3's model
# library builds it. Skipped (exit 77) when Sphinx is not installed.
set -euo pipefail
doc=$(cd "$(dirname "${BASH_SOURCE[0]}")/../doc" && pwd)
if ! /usr/bin/python3 -c "import sphinx" 2>/dev/null; then
    echo "python3-sphinx not installed: skipped"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The images the document shows (its worked example's figure) go with it.
cp "$doc"/*.rst "$doc"/*.png "$doc"/replace.txt "$work"/
printf 'project = "tun"\nmaster_doc = "tun"\nexclude_patterns = ["replace.txt", "_build"]\n' >"$work/conf.py"
/usr/bin/python3 -m sphinx -W -q -b html "$work" "$work/_build"
echo "doc/tun.rst: built without warnings"
