#!/usr/bin/env bash
# Builds Tusk if needed, checks the formatting and runs every test. Extra arguments go to ctest
# (e.g. -R engine). CI runs this, then the sanitizer and fuzz passes (.ci/run).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

tusk_install_packages "${TUSK_PACKAGES[@]}" "${TUSK_CHECK_PACKAGES[@]}"
tusk_configure
tusk_build
scripts/check-format.sh
export QT_QPA_PLATFORM=offscreen
echo "==> testing"
# --no-tests=error: a run that finds no tests at all is a failure, not a pass.
ctest --test-dir "$TUSK_BUILD_DIR" --output-on-failure -j2 --no-tests=error "$@"
