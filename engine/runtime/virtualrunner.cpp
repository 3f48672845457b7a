#include "virtualrunner.h"

namespace tusk {

RunOutcome runVirtual(EventLoop &loop, std::int64_t budget)
{
    loop.start();
    while (!loop.finished()) {
        loop.skipIdleTime();
        loop.runIteration(budget);
    }
    return loop.outcome();
}

}  // namespace tusk
