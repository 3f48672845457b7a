#pragma once

// Python's int: arbitrary precision, as CPython's Objects/longobject.c computes it. Values that
// fit in 64 bits stay inline (Value::Kind::Int, the fast path of every operation); beyond, a
// GMP integer on the heap (Value::Kind::BigInt). GMP (libgmp, a Debian package) does the
// arithmetic; what is Python's own is here: floor division and modulo, true division rounded
// once, exact comparison with floats, conversion limits and CPython's error messages.

#include "value.h"

#include <QString>
#include <QStringView>
#include <cstdint>
#include <gmp.h>

namespace tusk {

/// The heap form of a Python int that does not fit in 64 bits.
struct BigIntObject final : HeapObject {
    BigIntObject();
    ~BigIntObject() override;
    mpz_t z;
};

/// An mpz_t that clears itself.
struct Mpz {
    Mpz() { mpz_init(z); }
    ~Mpz() { mpz_clear(z); }
    Mpz(const Mpz &) = delete;
    Mpz &operator=(const Mpz &) = delete;
    mpz_t z;
};

/// CPython 3.11's limit on decimal digits in int <-> str conversions (sys.int_info.default_max_str_digits).
constexpr int kIntMaxStrDigits = 4300;

/// The int `z` holds, inline when it fits in 64 bits.
Value intFromMpz(mpz_srcptr z);
/// Sets `out` (initialised) to the value of an integral Value (int, big int or bool).
void intToMpz(const Value &v, mpz_ptr out);
/// -1, 0 or 1.
int intSign(const Value &v);
/// Three-way comparison of two integral values.
int intCompare(const Value &a, const Value &b);
/// An integral value as int64 when it fits.
bool intFits64(const Value &v, std::int64_t *out);

/// `a + b`, `a - b`, `a * b` for integral values: never fail.
Value intAdd(const Value &a, const Value &b);
Value intSub(const Value &a, const Value &b);
Value intMul(const Value &a, const Value &b);
Value intNeg(const Value &a);
Value intInvert(const Value &a);  ///< `~a`
/// `a // b`, `a % b`: floored, as Python's; ZeroDivisionError when b is 0.
bool intFloorDiv(const Value &a, const Value &b, Value *out, Value &error);
bool intMod(const Value &a, const Value &b, Value *out, Value &error);
/// `a / b`: the exact quotient rounded once to the nearest float.
bool intTrueDiv(const Value &a, const Value &b, Value *out, Value &error);
/// `a ** b`: an int for b >= 0, else a float (as float(a) ** float(b)).
bool intPow(const Value &a, const Value &b, Value *out, Value &error);
/// pow(a, b, m): modular power; a negative `b` takes the inverse (Python 3.8+), the result has
/// the sign of `m`.
bool intPowMod(const Value &a, const Value &b, const Value &m, Value *out, Value &error);
/// `a << b`, `a >> b`, `a & b`, `a | b`, `a ^ b`.
bool intShift(const Value &a, const Value &b, bool left, Value *out, Value &error);
Value intBitwise(const Value &a, const Value &b, char op);

/// float(v), rounded half to even; OverflowError "int too large to convert to float".
bool intToDouble(const Value &v, double *out, Value &error);
/// int(d) for a finite double (truncates toward zero).
Value intFromDouble(double d);
/// int(d) for any double: OverflowError for an infinity, ValueError for NaN, as CPython says.
bool intFromFloat(double d, Value *out, Value &error);
/// Exact comparison of an integral value with a float: -1, 0, 1, or 2 when d is NaN.
int intCompareDouble(const Value &i, double d);

/// str(v) in base 10; false (ValueError in `error`) past kIntMaxStrDigits digits.
bool intToDecimal(const Value &v, QString *out, Value &error);
/// The magnitude's digits in `base` (2, 8, 10, 16; lower-case), no sign.
std::string intMagnitudeDigits(const Value &v, int base);
/// int(text, base) as Python parses it (spaces around, sign, underscores between digits,
/// a 0x/0o/0b prefix for its base or base 0); false with CPython's ValueError.
bool intFromString(QStringView text, int base, Value *out, Value &error);

/// hash(v) as CPython computes it for ints (modulo 2**61 - 1), so that equal ints and floats
/// hash alike.
std::int64_t intHash(const Value &v);
/// The number of bits of |v| (int.bit_length()).
std::uint64_t intBitLength(const Value &v);

}  // namespace tusk
