#!/usr/bin/env bash
# The sanitizer pass: every library, executable and test built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer (in build-asan/, beside the normal build), plus the libFuzzer
# targets; then every test runs there, and each fuzz target runs over its seeds.
#
#   scripts/sanitize.sh [ctest arguments]
#
# Environment: TUSK_ASAN_BUILD_DIR (default: build-asan).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
source scripts/sanitizer-env.sh

ASAN_BUILD_DIR="${TUSK_ASAN_BUILD_DIR:-build-asan}"

tusk_install_packages "${TUSK_PACKAGES[@]}" "${TUSK_CHECK_PACKAGES[@]}"
echo "==> configuring $ASAN_BUILD_DIR (clang, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer)"
CC=clang CXX=clang++ cmake -S . -B "$ASAN_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTUSK_SANITIZE=ON -DTUSK_FUZZ=ON -DTUSK_WARNINGS_AS_ERRORS="${TUSK_WERROR:-OFF}" >/dev/null
echo "==> building $ASAN_BUILD_DIR"
cmake --build "$ASAN_BUILD_DIR" --parallel "$(nproc)"
echo "==> testing under the sanitizers"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$ASAN_BUILD_DIR" --output-on-failure -j2 --no-tests=error "$@"
