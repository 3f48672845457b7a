#pragma once

#include <cstddef>

namespace tusk {

/// Keeps the memory of freed ChunkedVector chunks for the next run, up to a bound. Memory the
/// kernel has to hand out fresh is zeroed page by page on first touch, and on a virtual machine
/// that costs more than a whole run of ten thousand tasks; a second run (Restart, the next
/// Run) reuses pages that are already there. Thread-safe.
class ChunkPool {
public:
    /// At most this many bytes are kept; beyond it, freed chunks go back to the system.
    static constexpr std::size_t kRetainBytes = std::size_t(64) << 20;
    /// The size of a transparent huge page (and the alignment of huge-page chunks).
    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    /// A chunk of `bytes`, aligned to 2 MiB and marked for transparent huge pages when
    /// `hugePages`. Throws std::bad_alloc.
    static void *take(std::size_t bytes, bool hugePages);
    /// Returns a chunk taken with the same `bytes` and `hugePages`.
    static void give(void *chunk, std::size_t bytes, bool hugePages);
};

}  // namespace tusk
