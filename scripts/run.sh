#!/usr/bin/env bash
# Builds Tusk if needed and opens the editor on FILE (default: the two-tasks example).
#
#   scripts/run.sh [FILE]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$REPO/scripts/setup.sh"

DEFAULT_FILE=resources/examples/02-two-tasks.tusk
SEED_FILE=resources/examples/01-create-task.tusk
TUSK="$TUSK_BUILD_DIR/gui/tusk"

# Set to 1 once `tusk FILE` opens the editor; until then run.sh runs a program headless.
EDITOR_READY=0

have_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}

# $1: the file to open; $2: 1 when the user named it, 0 when it is the default.
open_editor() {
    local file=$1 named=$2
    if ((EDITOR_READY)); then
        have_display || exit 1
        exec "$TUSK" "$file"
    fi
    if ((named)); then
        echo "The editor is not built yet; running $file headless instead."
    else
        file=$SEED_FILE
        echo "The editor is not built yet; running the seed example headless instead."
    fi
    exec "$TUSK" run "$file"
}

main() {
    if (($# > 1)); then
        echo "usage: scripts/run.sh [FILE]" >&2
        exit 2
    fi
    local file=$DEFAULT_FILE named=0
    if (($# == 1)); then
        if [[ ! -f "$1" ]]; then
            echo "No such file: $1" >&2
            exit 2
        fi
        file=$(realpath -- "$1")  # the script works from the repository root
        named=1
    fi
    cd "$REPO"
    tusk_setup
    if [[ ! -x "$TUSK" ]]; then
        echo "The build did not produce $TUSK." >&2
        exit 1
    fi
    if ! have_display; then
        echo "No display (DISPLAY and WAYLAND_DISPLAY are empty), so no window can open. Alternatives:"
        echo "  xvfb-run -a $TUSK $file    # the editor on a virtual display"
        echo "  $TUSK run $file    # run the program headless and print its output"
    fi
    open_editor "$file" "$named"
}

main "$@"
