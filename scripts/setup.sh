#!/usr/bin/env bash
# Tusk set-up: installs the Debian 12 packages that are missing, then configures and builds.
#
#   scripts/setup.sh             run it directly, or
#   source scripts/setup.sh      from another script, then call tusk_setup
#
# Environment: TUSK_BUILD_DIR (default: build) - the CMake build directory, relative to the repo;
#              TUSK_WERROR=ON - warnings are errors (CI sets it).
set -euo pipefail

TUSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TUSK_BUILD_DIR="${TUSK_BUILD_DIR:-build}"

# Everything needed to build, test and run Tusk on Debian 12 (bookworm); qt6-translations-l10n
# puts Qt's own dialog buttons ("Show Details...") into Russian too; libgmp-dev gives Python's
# arbitrary-precision ints.
TUSK_PACKAGES=(
    build-essential cmake ninja-build pkg-config libgmp-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libgl-dev python3 xvfb xauth fonts-dejavu-core qt6-translations-l10n
)
# What the checks add (scripts/test.sh, CI): clang with its sanitizer and libFuzzer runtimes,
# and clang-format.
TUSK_CHECK_PACKAGES=(clang libclang-rt-14-dev clang-format)

# Prints, one per line, the packages named as arguments that dpkg does not list as installed.
tusk_missing_packages() {
    local pkg
    for pkg in "$@"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" != installed ]]; then
            echo "$pkg"
        fi
    done
}

# Installs the packages named as arguments (default: TUSK_PACKAGES) that are missing.
tusk_install_packages() {
    local wanted=("$@")
    ((${#wanted[@]})) || wanted=("${TUSK_PACKAGES[@]}")
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "==> not a Debian system (no dpkg-query): not checking packages; needed: ${wanted[*]}"
        return 0
    fi
    local missing
    mapfile -t missing < <(tusk_missing_packages "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    local install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"
    if [[ "$(id -u)" -ne 0 ]]; then
        echo "Missing packages: ${missing[*]}" >&2
        echo "Install them as root, then run this script again:" >&2
        echo "  sudo apt-get update && sudo $install_cmd" >&2
        exit 1
    fi
    echo "==> installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y --no-install-recommends "${missing[@]}"
}

tusk_configure() {
    local cache="$TUSK_ROOT/$TUSK_BUILD_DIR/CMakeCache.txt"
    if [[ -f "$cache" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
        echo "$TUSK_BUILD_DIR/ was configured with another generator than Ninja." >&2
        echo "Remove it (rm -rf $TUSK_BUILD_DIR) or choose another directory with TUSK_BUILD_DIR=..." >&2
        exit 1
    fi
    echo "==> configuring"
    cmake -S "$TUSK_ROOT" -B "$TUSK_ROOT/$TUSK_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DTUSK_WARNINGS_AS_ERRORS="${TUSK_WERROR:-OFF}" >/dev/null
}

tusk_build() {
    echo "==> building"
    cmake --build "$TUSK_ROOT/$TUSK_BUILD_DIR" --parallel "$(nproc)"
}

tusk_setup() {
    tusk_install_packages
    tusk_configure
    tusk_build
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    tusk_setup
fi
