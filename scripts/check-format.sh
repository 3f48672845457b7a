#!/usr/bin/env bash
# Checks the C++ sources against .clang-format, and that no include climbs out of its folder
# (`#include "../..."` would get round the layering the build enforces).
#
#   scripts/check-format.sh            every tracked .cpp and .h (what CI runs)
#   scripts/check-format.sh BASE       only the files changed since the commit BASE
#
# Fix what it lists with: clang-format -i FILE
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v clang-format >/dev/null 2>&1; then
    echo "clang-format is missing: apt-get install clang-format (scripts/test.sh installs it)" >&2
    exit 1
fi

if (($# == 1)); then
    mapfile -t files < <(git diff --name-only --diff-filter=d "$1" -- '*.cpp' '*.h')
else
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
fi

bad=()
for f in "${files[@]}"; do
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done
climbing=$(grep -n '#include "\.\./' "${files[@]}" /dev/null || true)

status=0
if ((${#bad[@]})); then
    echo "Not formatted as .clang-format says (${#bad[@]} of ${#files[@]} files); run clang-format -i on:" >&2
    printf '  %s\n' "${bad[@]}" >&2
    status=1
fi
if [[ -n "$climbing" ]]; then
    echo "Includes that climb out of their folder (link the layer instead; see docs/architecture.md):" >&2
    echo "$climbing" >&2
    status=1
fi
((status == 0)) && echo "==> format: ${#files[@]} files as .clang-format says"
exit $status
