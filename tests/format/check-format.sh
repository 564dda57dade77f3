#!/usr/bin/env bash
# Fails when a tracked C++ source is not as the repo's .clang-format writes it, and names
# the files. Usage: check-format.sh CLANG_FORMAT SOURCE_DIR
# (test.sh installs the Debian package clang-format; fix a failure with clang-format -i.)
set -euo pipefail
clang_format=$1; source_dir=$2
command -v "$clang_format" >/dev/null || { echo "FAIL: $clang_format not found (Debian package clang-format)"; exit 1; }
cd "$source_dir"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else # an unpacked source tarball
    mapfile -t files < <(find app bench gateway models tests ui -name '*.cpp' -o -name '*.h' | sort)
fi
if ! "$clang_format" --dry-run -Werror "${files[@]}" 2>"${TMPDIR:-/tmp}/knotie-format.$$"; then
    echo "FAIL: not formatted (run clang-format -i on these):"
    grep -o '^[^:]*:[0-9]*:[0-9]*: error' "${TMPDIR:-/tmp}/knotie-format.$$" | cut -d: -f1 | sort -u | sed 's/^/  /'
    rm -f "${TMPDIR:-/tmp}/knotie-format.$$"
    exit 1
fi
rm -f "${TMPDIR:-/tmp}/knotie-format.$$"
echo "PASS: ${#files[@]} files formatted as .clang-format says"
