#include "sleepdelay.h"

#include "pyint.h"

#include <charconv>
#include <cstdlib>
#include <limits>

namespace tusk {

std::int64_t floatSecondsToNs(double seconds)
{
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    char buf[64];
    // Shortest round-trip digits: the same digits Python's repr shows.
    const auto res = std::to_chars(buf, buf + sizeof buf - 1, seconds, std::chars_format::scientific);
    *res.ptr = '\0';  // to_chars does not terminate: atoi() below would read stack garbage
    std::uint64_t digits = 0;
    int fractionDigits = 0;
    bool afterPoint = false;
    const char *p = buf;
    for (; p < res.ptr && *p != 'e'; ++p) {
        if (*p == '.') {
            afterPoint = true;
            continue;
        }
        digits = digits * 10 + std::uint64_t(*p - '0');
        if (afterPoint)
            ++fractionDigits;
    }
    const int exponent = p < res.ptr ? std::atoi(p + 1) : 0;
    const int scale = exponent - fractionDigits + 9;  // seconds * 1e9 = digits * 10^scale
    if (scale >= 0) {
        __int128 v = digits;
        for (int i = 0; i < scale; ++i) {
            v *= 10;
            if (v > kMax)
                return kMax;
        }
        return std::int64_t(v);
    }
    if (scale < -19)
        return 0;
    std::uint64_t divisor = 1;
    for (int i = 0; i < -scale; ++i)
        divisor *= 10;
    const std::uint64_t q = digits / divisor;
    const std::uint64_t r = digits % divisor;
    const std::uint64_t half = divisor / 2;
    return std::int64_t(r > half || (r == half && (q & 1)) ? q + 1 : q);
}

SleepDelay sleepDelayFor(const Value &seconds)
{
    SleepDelay d;
    switch (seconds.kind()) {
    case Value::Kind::Bool:
    case Value::Kind::Int: {
        const std::int64_t s = seconds.isBool() ? std::int64_t(seconds.toBool()) : seconds.toInt();
        constexpr std::int64_t maxSeconds = std::numeric_limits<std::int64_t>::max() / 1000000000;
        d.valid = true;
        d.positive = s > 0;
        if (d.positive)
            d.ns = s > maxSeconds ? std::numeric_limits<std::int64_t>::max() : s * 1000000000;
        break;
    }
    case Value::Kind::BigInt: {
        d.valid = true;
        d.positive = intSign(seconds) > 0;
        double asFloat = 0;
        Value ignored;
        d.overflow = d.positive && !intToDouble(seconds, &asFloat, ignored);
        if (d.positive)
            d.ns = std::numeric_limits<std::int64_t>::max();  // beyond any 64-bit int: saturates
        break;
    }
    case Value::Kind::Float:
        d.valid = true;
        d.positive = !(seconds.toFloat() <= 0);
        if (d.positive)
            d.ns = floatSecondsToNs(seconds.toFloat());
        break;
    default:
        break;
    }
    return d;
}

}  // namespace tusk
