#pragma once

#include "value.h"

#include <cstdint>

namespace tusk {

/// How `asyncio.sleep(seconds)` treats its argument.
struct SleepDelay {
    bool valid = false;  ///< false: not a number (CPython raises TypeError on `seconds <= 0`)
    bool positive = false;  ///< false: `seconds <= 0`, sleep yields for one iteration
    std::int64_t ns = 0;  ///< when positive: the delay in whole nanoseconds
    bool overflow = false;  ///< a positive int beyond a float: call_later raises OverflowError
};

/// Converts seconds to a delay. Floats go through their Python repr, rounded half-even to
/// whole nanoseconds, so `0.1` is exactly 100,000,000 ns (the spec: decimal seconds never
/// pass through binary sums). Huge delays saturate.
SleepDelay sleepDelayFor(const Value &seconds);

/// Seconds (a finite double) as whole nanoseconds, rounded half-even from the repr digits.
std::int64_t floatSecondsToNs(double seconds);

}  // namespace tusk
