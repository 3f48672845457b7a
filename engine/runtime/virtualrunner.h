#pragma once

#include "eventloop.h"

namespace tusk {

/// Runs an event loop to its end on the virtual clock, synchronously: when nothing is ready,
/// time jumps to the earliest timer. Deterministic, and as fast as the engine goes. For the
/// command line, tests and benchmarks; the GUI uses RunController so that its window keeps
/// turning. `budget` caps the instructions per call into the loop (tests use tiny budgets to
/// check that slicing a step changes nothing).
RunOutcome runVirtual(EventLoop &loop, std::int64_t budget = std::numeric_limits<std::int64_t>::max());

}  // namespace tusk
