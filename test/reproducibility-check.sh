#!/usr/bin/env bash
# Same seed, same inputs => byte-identical outputs. Runs a program twice, each time in a
# fresh directory, and compares every file the two runs wrote.
#   reproducibility-check.sh <program> [arguments...]
set -euo pipefail
program=$(realpath "${1:?usage: reproducibility-check.sh <program> [arguments...]}")
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
    mkdir "$work/$run"
    (cd "$work/$run" && "$program" "$@" >stdout.txt)
done
files=$(cd "$work/1" && find . -type f | sort)
if [ "$files" != "$(cd "$work/2" && find . -type f | sort)" ]; then
    echo "the two runs wrote different sets of files" >&2
    exit 1
fi
status=0
count=0
for f in $files; do
    count=$((count + 1))
    if ! cmp -s "$work/1/$f" "$work/2/$f"; then
        echo "differs: $f" >&2
        status=1
    fi
done
echo "$count files compared, $([ $status = 0 ] && echo identical || echo NOT identical)"
exit $status
