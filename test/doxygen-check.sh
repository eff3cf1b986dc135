#!/usr/bin/env bash
# Every public and protected class, member and free function in model/ and helper/ has
# doxygen documentation, its parameters and return value included: doxygen runs over
# those two directories alone with a generated configuration (WARN_IF_UNDOCUMENTED,
# WARN_NO_PARAMDOC, EXTRACT_ALL=NO, EXTRACT_PRIVATE=NO) and must not warn.
# Skipped (exit 77) when doxygen is not installed.
#
# Usage: doxygen-check.sh [ns-3 include directories, ';'-separated; default /usr/include]
#
# One kind of warning is accepted, narrowly: an undocumented override of a virtual that
# ns-3 declares (NetDevice::Send, Object::DoDispose...). ns-3's own doxygen run has the
# base classes in its input and copies their documentation to the override (INHERIT_DOCS);
# this run has not, so doxygen reports the override as undocumented. ns-3 marks such
# overrides with a plain "// Inherited from <Base>" comment above them, and so does this
# module. A warning "Member <name>(...) ... override (function) of class ns3::C is not
# documented." is accepted only when
#   * the declaration it points at is under such a comment (nothing but declarations,
#     blank lines and other overrides between them), and
#   * <Base> is an ns-3 class whose header, among the installed ns-3 headers, declares
#     <name> virtual.
# Anything else fails, and so does every other warning, except the exact ones listed in
# test/doxygen-known-warnings.txt (gaps in files this change could not touch); a listed
# warning that no longer occurs fails too, so the list only shrinks.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! command -v doxygen >/dev/null; then
    echo "doxygen not installed: skipped"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ns-3 documents its namespace in doc/main.h; without a documented namespace doxygen
# does not look at free functions at all, so this stands in for it.
cat >"$work/ns3-namespace.h" <<'EOF'
/**
 * \namespace ns3
 * \brief Every class exported by the ns3 library is enclosed in the ns3 namespace.
 */
EOF

# HTML output, although nobody reads it: doxygen checks parameter and undocumented-member
# documentation while it writes a format, and reports spurious gaps without one.
# PREDEFINED: the registration macros, as ns-3's doc/doxygen.conf expands them, so
# doxygen does not take NS_LOG_COMPONENT_DEFINE(...) for a function declaration; and
# __cpp_impl_coroutine, which the compilers define when they build the module, so that
# doxygen reads the coroutine headers (bsd-task.h, bsd-syscalls.h) as they do.
cat >"$work/Doxyfile" <<EOF
PROJECT_NAME           = tun
INPUT                  = model helper $work/ns3-namespace.h
FILE_PATTERNS          = *.h *.cc
RECURSIVE              = YES
OUTPUT_DIRECTORY       = $work/out
GENERATE_HTML          = YES
GENERATE_LATEX         = NO
HAVE_DOT               = NO
SEARCHENGINE           = NO
EXTRACT_ALL            = NO
EXTRACT_PRIVATE        = NO
INHERIT_DOCS           = YES
QUIET                  = YES
WARNINGS               = YES
WARN_IF_UNDOCUMENTED   = YES
WARN_NO_PARAMDOC       = YES
WARN_IF_DOC_ERROR      = YES
WARN_FORMAT            = "\$file:\$line: \$text"
WARN_LOGFILE           = $work/warnings.log
ENABLE_PREPROCESSING   = YES
MACRO_EXPANSION        = YES
EXPAND_ONLY_PREDEF     = YES
SKIP_FUNCTION_MACROS   = YES
PREDEFINED             = NS3_ASSERT_ENABLE NS3_LOG_ENABLE __cpp_impl_coroutine=201902L \\
                         "NS_LOG_COMPONENT_DEFINE(x)=" "NS_OBJECT_ENSURE_REGISTERED(x)="
EOF

if ! (cd "$here" && doxygen "$work/Doxyfile") >"$work/doxygen.out" 2>&1; then
    cat "$work/doxygen.out"
    echo "doxygen failed"
    exit 1
fi
cat "$work/doxygen.out"

/usr/bin/env python3 - "$here" "$work/warnings.log" "${1:-/usr/include}" <<'EOF'
import collections
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
log = pathlib.Path(sys.argv[2]).read_text(errors="replace")
include_dirs = list(dict.fromkeys(pathlib.Path(d) for d in sys.argv[3].split(";") if d))

# Warnings: "file:line: text", continued on indented lines; doxygen repeats some.
warnings = []
for line in log.splitlines():
    m = re.match(r"^(.*?):(\d+): (.*)$", line)
    if m and not line.startswith(" "):
        path = m.group(1)
        if path.startswith(str(root) + "/"):
            path = path[len(str(root)) + 1:]
        warnings.append([path, int(m.group(2)), m.group(3)])
    elif warnings and line.strip():
        warnings[-1][2] += "\n    " + line.strip()
    elif line.strip():
        warnings.append(["", 0, line.strip()])
seen = set()
unique = []
for w in warnings:
    key = (w[0], w[1], w[2])
    if key not in seen:
        seen.add(key)
        unique.append(w)

# The installed ns-3 headers: class name -> header text (class definitions only).
ns3_classes = {}
for d in include_dirs:
    if not (d / "ns3" / "object.h").is_file():
        continue
    for header in sorted((d / "ns3").glob("*.h")):
        text = header.read_text(errors="replace")
        for m in re.finditer(r"^class (\w+)\b[^;]*$", text, re.M):
            ns3_classes.setdefault(m.group(1), (header, text))
if not ns3_classes:
    sys.exit(f"no ns-3 headers (ns3/object.h) under {sys.argv[3]}")

override_re = re.compile(
    r"^warning: Member (~?\w+)\(.*\).* override \(function\) of class ns3::\w+ is not documented\.$")
marker_re = re.compile(r"^\s*//\s*Inherited from (?:ns3::)?(\w+)\s*$")


def inherited_from(path, line):
    """The <Base> of the "// Inherited from <Base>" comment the declaration sits under."""
    lines = (root / path).read_text().splitlines()
    for text in reversed(lines[:line - 1]):
        if marker_re.match(text):
            return marker_re.match(text).group(1)
        s = text.strip()
        if (s.startswith(("//", "/*", "*")) or s.endswith((":", "{", "}", "};"))
                or s in ("public:", "protected:", "private:")):
            return None  # another comment, a doxygen block, an access specifier, a brace
    return None


accepted = collections.Counter()
known_path = root / "test" / "doxygen-known-warnings.txt"
known = collections.Counter(
    l.strip() for l in known_path.read_text().splitlines()
    if l.strip() and not l.startswith("#")) if known_path.is_file() else collections.Counter()
failures = []
known_used = []
for path, line, text in unique:
    m = override_re.match(text)
    if m and path:
        base = inherited_from(path, line)
        name = m.group(1)
        if base and base in ns3_classes and re.search(
                r"\bvirtual\b[^;{}]*\b" + re.escape(name) + r"\s*\(", ns3_classes[base][1]):
            accepted[base] += 1
            continue
    key = f"{path}: {text}"
    if known[key] > 0:
        known[key] -= 1
        known_used.append(key)
        print(f"known, to fix: {key}")
        continue
    failures.append(f"{path}:{line}: {text}" if path else text)
for key, n in known.items():
    if n > 0:
        failures.append(f"test/doxygen-known-warnings.txt lists a warning that no longer "
                        f"occurs; remove it: {key}")

if accepted:
    print("accepted: undocumented overrides marked \"// Inherited from <Base>\" of virtuals "
          "that ns-3 documents: " + ", ".join(f"{b} {n}" for b, n in sorted(accepted.items())))
for f in failures:
    print(f)
if failures:
    print(f"doxygen-check: {len(failures)} problem(s) in model/ and helper/")
    sys.exit(1)
print("doxygen-check: model/ and helper/ are documented" +
      (f", but for {len(known_used)} known gap(s) listed in test/doxygen-known-warnings.txt"
       if known_used else ""))
EOF
