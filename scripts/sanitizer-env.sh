# Sourced by scripts/sanitize.sh and scripts/fuzz.sh: how the sanitizers report. Any finding
# stops the program with a non-zero status and a stack trace. LeakSanitizer ignores what system
# libraries keep until the process ends (tests/sanitizers/lsan.supp), nothing of Tusk's.
_tusk_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$_tusk_root/tests/sanitizers/lsan.supp:print_suppressions=0}"
