#!/usr/bin/env bash
# Builds Tusk if needed and opens the editor on FILE (default: the seed tutorial's first example).
#
#   scripts/run.sh [FILE]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$REPO/scripts/setup.sh"

DEFAULT_FILE=resources/examples/01-create-task.tusk
TUSK="$TUSK_BUILD_DIR/gui/tusk"

have_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}

main() {
    if (($# > 1)); then
        echo "usage: scripts/run.sh [FILE]" >&2
        exit 2
    fi
    local file=$DEFAULT_FILE
    if (($# == 1)); then
        if [[ ! -f "$1" ]]; then
            echo "No such file: $1" >&2
            exit 2
        fi
        file=$(realpath -- "$1")  # the script works from the repository root
    fi
    cd "$REPO"
    tusk_setup
    if [[ ! -x "$TUSK" ]]; then
        echo "The build did not produce $TUSK." >&2
        exit 1
    fi
    if ! have_display; then
        echo "No display (DISPLAY and WAYLAND_DISPLAY are empty), so the editor cannot open a window."
        echo "Alternatives:"
        echo "  xvfb-run -a $TUSK $file    # the editor on a virtual display"
        echo "  $TUSK run $file    # run the program headless and print its output"
        exit 1
    fi
    echo "==> opening $file"
    exec "$TUSK" "$file"
}

main "$@"
