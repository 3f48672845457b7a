#!/usr/bin/env bash
# Builds Tusk if needed and runs every test. Extra arguments go to ctest (e.g. -R engine).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

tusk_setup
export QT_QPA_PLATFORM=offscreen
echo "==> testing"
# --no-tests=error: a run that finds no tests at all is a failure, not a pass.
ctest --test-dir "$TUSK_BUILD_DIR" --output-on-failure -j2 --no-tests=error "$@"
