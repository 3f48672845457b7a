#!/usr/bin/env bash
# Regenerates docs/screenshots/ on a real X server (Xvfb, the xcb platform), as a user sees the
# app: the editor with examples (tst_gui_screenshots::shots), the run views paused, scrubbed and
# exported in both themes and languages (tst_gui_screenshots::runViews) and the run panels
# (tst_gui_run::screenshots). Builds first if needed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
tusk_install_packages
tusk_configure
tusk_build
out="$TUSK_ROOT/docs/screenshots"
mkdir -p "$out"
for test in tst_gui_screenshots tst_gui_run; do
    TUSK_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1600x1000x24" "$TUSK_ROOT/$TUSK_BUILD_DIR/tests/$test" -silent
done
echo "==> screenshots in docs/screenshots/"
