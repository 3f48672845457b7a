#include "virtualrunner.h"

namespace tusk {

RunOutcome runVirtual(EventLoop &loop)
{
    loop.start();
    while (!loop.finished()) {
        if (loop.atIterationBoundary() && !loop.hasReady()) {
            const std::int64_t deadline = loop.nextDeadline();
            if (deadline != EventLoop::kNoDeadline)
                loop.advanceTo(deadline);
        }
        loop.runIteration();
    }
    return loop.outcome();
}

} // namespace tusk
