#pragma once

#include <cstdint>

namespace tusk {

/// How much a run may hold before it is stopped. The editor and the run share one process: a
/// program that grows without end (one zero too many in a `repeat` of `create_task`) would
/// otherwise take the user's unsaved work with it when the out-of-memory killer comes. The
/// defaults let the benchmarks' 100,000-task runs through with room to spare and keep a run,
/// with its recording, well inside a 24 GiB machine. Zero means "no limit".
struct RunLimits {
    static constexpr std::uint64_t kMiB = std::uint64_t(1) << 20;
    static constexpr std::uint64_t kGiB = std::uint64_t(1) << 30;

    /// Tasks created and not yet finished, at once.
    std::uint64_t maxLiveTasks = 1'000'000;
    /// What the run holds: task records, coroutine frames and their locals, futures, timers
    /// and values (strings, lists, exceptions), counted where they are allocated.
    std::uint64_t maxMemoryBytes = 4 * kGiB;
    /// The run view's recording of events (the GUI and `tusk run --trace`).
    std::uint64_t maxRecordingBytes = 2 * kGiB;
    /// Lines the run view's console keeps; older ones are dropped, the count goes on.
    std::uint64_t maxConsoleLines = 100'000;
};

/// Which limit stopped a run, with the figures for its message.
struct LimitStop {
    enum class Kind : std::uint8_t {
        None,
        LiveTasks,  ///< RunLimits::maxLiveTasks
        Memory,  ///< RunLimits::maxMemoryBytes
        Recording,  ///< RunLimits::maxRecordingBytes, once degrading no longer helps
    };
    Kind kind = Kind::None;
    std::uint64_t limit = 0;  ///< the limit that was reached (tasks or bytes)
    std::uint64_t reached = 0;  ///< what the run held when it was stopped
};

}  // namespace tusk
