#pragma once

#include "eventloop.h"

namespace tusk {

/// Runs an event loop to its end on the virtual clock, synchronously: when nothing is ready,
/// time jumps to the earliest timer. Deterministic, and as fast as the engine goes. For the
/// command line, tests and benchmarks; the GUI uses RunController so that its window keeps
/// turning.
RunOutcome runVirtual(EventLoop &loop);

} // namespace tusk
