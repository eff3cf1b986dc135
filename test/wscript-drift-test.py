#!/usr/bin/env python3
"""Fail when the wscript's file lists drift from CMakeLists.txt's.

CMakeLists.txt is the source of truth. The wscript serves waf-era ns-3 trees, which
nobody here builds, so this comparison is what keeps it honest: sources, headers,
test suites and examples must name exactly the same files. Also checks that every
file named exists, and that no source under model/ or helper/ (subfolders included) or
test suite is left out of the lists.
Usage: wscript-drift-test.py <module directory>
"""

import ast
import pathlib
import re
import sys


def cmake_lists(text):
    """Return {name: [items]} for every set(<name> ...) block."""
    lists = {}
    for m in re.finditer(r"set\((\w+)\s+([^)]*)\)", text):
        items = [w for w in m.group(2).split() if not w.startswith("#")]
        lists[m.group(1)] = items
    return lists


def wscript_lists(text):
    """Return the lists assigned to module.source, module_test.source, headers.source
    and the example names, read from the wscript's syntax tree (never executed)."""
    tree = ast.parse(text)
    found = {"sources": None, "tests": None, "headers": None, "examples": None}
    targets = {"module": "sources", "module_test": "tests", "headers": "headers"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            t = node.targets[0]
            if (isinstance(t, ast.Attribute) and t.attr == "source"
                    and isinstance(t.value, ast.Name) and t.value.id in targets):
                found[targets[t.value.id]] = [ast.literal_eval(e) for e in node.value.elts]
        if isinstance(node, ast.For) and isinstance(node.iter, ast.List):
            found["examples"] = [ast.literal_eval(e) for e in node.iter.elts]
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    cm = cmake_lists((root / "CMakeLists.txt").read_text())
    ws = wscript_lists((root / "wscript").read_text())
    pairs = [
        # waf builds one library of both: the module's and its topology part's files.
        ("sources", cm.get("tun_sources", []) + cm.get("tun_topology_sources", [])),
        ("headers", cm.get("tun_headers", []) + cm.get("tun_topology_headers", [])),
        ("tests", cm.get("tun_test_sources")),
        ("examples", cm.get("tun_examples")),
    ]
    failures = []
    for key, cmake_items in pairs:
        wscript_items = ws.get(key)
        if cmake_items is None or wscript_items is None:
            failures.append(f"{key}: list missing (cmake={cmake_items}, wscript={wscript_items})")
            continue
        if sorted(cmake_items) != sorted(wscript_items):
            only_c = sorted(set(cmake_items) - set(wscript_items))
            only_w = sorted(set(wscript_items) - set(cmake_items))
            failures.append(f"{key}: only in CMakeLists.txt {only_c}; only in wscript {only_w}")
    listed = set()
    for name in ("tun_sources", "tun_headers", "tun_topology_sources", "tun_topology_headers"):
        listed.update(cm.get(name, []))
    for item in sorted(listed) + cm.get("tun_test_sources", []):
        if not (root / item).is_file():
            failures.append(f"listed but missing: {item}")
    for path in sorted((root / "model").rglob("*.[ch]*")) + sorted((root / "helper").rglob("*.[ch]*")):
        rel = path.relative_to(root).as_posix()
        if rel not in listed:
            failures.append(f"not in any list: {rel}")
    suites = set(cm.get("tun_test_sources", []))
    for path in sorted((root / "test").glob("*-test-suite.cc")):
        rel = path.relative_to(root).as_posix()
        if rel not in suites:
            failures.append(f"test suite not built: {rel}")
    for f in failures:
        print("DRIFT:", f)
    print("wscript matches CMakeLists.txt" if not failures else f"{len(failures)} drift(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
