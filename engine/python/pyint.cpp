#include "pyint.h"

#include <QChar>
#include <cmath>
#include <limits>
#include <string>

namespace tusk {

namespace {

Value error(ExceptionType type, const QString &message)
{
    return Value::exception(type, Value::string(message));
}

Value zeroDivision(const char *message)
{
    return error(ExceptionType::ZeroDivisionError, QString::fromLatin1(message));
}

std::int64_t small(const Value &v)
{
    return v.isBool() ? std::int64_t(v.toBool()) : v.toInt();
}

bool isSmall(const Value &v)
{
    return !v.isBigInt();
}

// Applies a GMP operation on the mpz forms of a and b.
template<typename F> Value viaMpz(const Value &a, const Value &b, F op)
{
    Mpz x, y, r;
    intToMpz(a, x.z);
    intToMpz(b, y.z);
    op(r.z, x.z, y.z);
    return intFromMpz(r.z);
}

}  // namespace

BigIntObject::BigIntObject()
{
    mpz_init(z);
}

BigIntObject::~BigIntObject()
{
    mpz_clear(z);
}

Value intFromMpz(mpz_srcptr z)
{
    if (mpz_fits_slong_p(z))
        return Value::integer(std::int64_t(mpz_get_si(z)));
    auto *o = new BigIntObject;
    mpz_set(o->z, z);
    o->account(sizeof(BigIntObject) + std::size_t(mpz_size(z)) * sizeof(mp_limb_t));
    return Value::bigInt(o);
}

void intToMpz(const Value &v, mpz_ptr out)
{
    if (v.isBigInt())
        mpz_set(out, v.toBigInt()->z);
    else
        mpz_set_si(out, long(small(v)));
}

int intSign(const Value &v)
{
    if (v.isBigInt())
        return mpz_sgn(v.toBigInt()->z);
    const std::int64_t i = small(v);
    return (i > 0) - (i < 0);
}

bool intFits64(const Value &v, std::int64_t *out)
{
    if (v.isBigInt())
        return false;  // normalised: a big int never fits
    *out = small(v);
    return true;
}

int intCompare(const Value &a, const Value &b)
{
    if (isSmall(a) && isSmall(b)) {
        const std::int64_t x = small(a), y = small(b);
        return (x > y) - (x < y);
    }
    Mpz x, y;
    intToMpz(a, x.z);
    intToMpz(b, y.z);
    const int c = mpz_cmp(x.z, y.z);
    return (c > 0) - (c < 0);
}

Value intAdd(const Value &a, const Value &b)
{
    std::int64_t r;
    if (isSmall(a) && isSmall(b) && !__builtin_add_overflow(small(a), small(b), &r))
        return Value::integer(r);
    return viaMpz(a, b, mpz_add);
}

Value intSub(const Value &a, const Value &b)
{
    std::int64_t r;
    if (isSmall(a) && isSmall(b) && !__builtin_sub_overflow(small(a), small(b), &r))
        return Value::integer(r);
    return viaMpz(a, b, mpz_sub);
}

Value intMul(const Value &a, const Value &b)
{
    std::int64_t r;
    if (isSmall(a) && isSmall(b) && !__builtin_mul_overflow(small(a), small(b), &r))
        return Value::integer(r);
    return viaMpz(a, b, mpz_mul);
}

Value intNeg(const Value &a)
{
    if (isSmall(a) && small(a) != std::numeric_limits<std::int64_t>::min())
        return Value::integer(-small(a));
    Mpz x;
    intToMpz(a, x.z);
    mpz_neg(x.z, x.z);
    return intFromMpz(x.z);
}

Value intInvert(const Value &a)
{
    if (isSmall(a))
        return Value::integer(~small(a));
    Mpz x;
    intToMpz(a, x.z);
    mpz_com(x.z, x.z);
    return intFromMpz(x.z);
}

bool intFloorDiv(const Value &a, const Value &b, Value *out, Value &err)
{
    if (intSign(b) == 0) {
        err = zeroDivision("integer division or modulo by zero");
        return false;
    }
    if (isSmall(a) && isSmall(b)) {
        const std::int64_t x = small(a), y = small(b);
        if (!(x == std::numeric_limits<std::int64_t>::min() && y == -1)) {
            std::int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0)))
                --q;
            *out = Value::integer(q);
            return true;
        }
    }
    *out = viaMpz(a, b, mpz_fdiv_q);
    return true;
}

bool intMod(const Value &a, const Value &b, Value *out, Value &err)
{
    if (intSign(b) == 0) {
        err = zeroDivision("integer modulo by zero");
        return false;
    }
    if (isSmall(a) && isSmall(b)) {
        const std::int64_t x = small(a), y = small(b);
        if (y == -1) {
            *out = Value::integer(0);
            return true;
        }
        std::int64_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        *out = Value::integer(r);
        return true;
    }
    *out = viaMpz(a, b, mpz_fdiv_r);
    return true;
}

bool intToDouble(const Value &v, double *out, Value &err)
{
    if (isSmall(v)) {
        *out = double(small(v));  // the conversion rounds half to even
        return true;
    }
    // Keep the top 55 bits and a sticky bit for the rest: converting that rounds exactly once.
    mpz_srcptr z = v.toBigInt()->z;
    const std::size_t bits = mpz_sizeinbase(z, 2);
    if (bits > 1024) {
        err = error(ExceptionType::OverflowError, QStringLiteral("int too large to convert to float"));
        return false;
    }
    Mpz m;
    mpz_abs(m.z, z);
    const long shift = long(bits) - 55;
    Mpz top;
    mpz_fdiv_q_2exp(top.z, m.z, std::uint64_t(shift));
    std::uint64_t t = mpz_get_ui(top.z);
    if (mpz_scan1(m.z, 0) < std::uint64_t(shift))
        t |= 1;
    double d = std::ldexp(double(t), int(shift));
    if (std::isinf(d)) {
        err = error(ExceptionType::OverflowError, QStringLiteral("int too large to convert to float"));
        return false;
    }
    *out = mpz_sgn(z) < 0 ? -d : d;
    return true;
}

bool intFromFloat(double d, Value *out, Value &err)
{
    if (std::isinf(d)) {
        err = error(ExceptionType::OverflowError, QStringLiteral("cannot convert float infinity to integer"));
        return false;
    }
    if (std::isnan(d)) {
        err = error(ExceptionType::ValueError, QStringLiteral("cannot convert float NaN to integer"));
        return false;
    }
    *out = intFromDouble(d);
    return true;
}

Value intFromDouble(double d)
{
    d = std::trunc(d);
    if (d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)
        return Value::integer(std::int64_t(d));
    Mpz z;
    mpz_set_d(z.z, d);
    return intFromMpz(z.z);
}

int intCompareDouble(const Value &i, double d)
{
    if (std::isnan(d))
        return 2;
    if (std::isinf(d))
        return d > 0 ? -1 : 1;
    if (isSmall(i)) {
        const std::int64_t x = small(i);
        // Exact when x has at most 53 significant bits; otherwise compare as integers.
        if (x > -(std::int64_t(1) << 53) && x < (std::int64_t(1) << 53)) {
            const double y = double(x);
            return (y > d) - (y < d);
        }
    }
    const double t = std::trunc(d);
    Mpz x, y;
    intToMpz(i, x.z);
    mpz_set_d(y.z, t);
    const int c = mpz_cmp(x.z, y.z);
    if (c != 0)
        return (c > 0) - (c < 0);
    // Equal integer parts: the fraction of d decides.
    return d > t ? -1 : d < t ? 1 : 0;
}

bool intTrueDiv(const Value &a, const Value &b, Value *out, Value &err)
{
    if (intSign(b) == 0) {
        err = zeroDivision("division by zero");
        return false;
    }
    constexpr std::int64_t kExact = std::int64_t(1) << 53;
    if (isSmall(a) && isSmall(b)) {
        const std::int64_t x = small(a), y = small(b);
        if (x > -kExact && x < kExact && y > -kExact && y < kExact) {
            *out = Value::floating(double(x) / double(y));  // both exact: one rounding
            return true;
        }
    }
    // Scale so that the quotient has 55 or 56 bits, keep a sticky bit for a non-zero
    // remainder, then round once (as long_true_divide does, in fewer lines).
    Mpz x, y;
    intToMpz(a, x.z);
    intToMpz(b, y.z);
    const bool negative = (mpz_sgn(x.z) < 0) != (mpz_sgn(y.z) < 0);
    mpz_abs(x.z, x.z);
    mpz_abs(y.z, y.z);
    if (mpz_sgn(x.z) == 0) {
        *out = Value::floating(negative ? -0.0 : 0.0);
        return true;
    }
    const long na = long(mpz_sizeinbase(x.z, 2));
    const long nb = long(mpz_sizeinbase(y.z, 2));
    const long exponent = na - nb;
    if (exponent > 1025) {
        err = error(ExceptionType::OverflowError, QStringLiteral("integer division result too large for a float"));
        return false;
    }
    if (exponent < -1080) {
        *out = Value::floating(negative ? -0.0 : 0.0);
        return true;
    }
    const long k = 55 - exponent;
    if (k > 0)
        mpz_mul_2exp(x.z, x.z, std::uint64_t(k));
    else
        mpz_mul_2exp(y.z, y.z, std::uint64_t(-k));
    Mpz q, r;
    mpz_fdiv_qr(q.z, r.z, x.z, y.z);
    std::uint64_t t = mpz_get_ui(q.z);
    if (mpz_sgn(r.z) != 0)
        t |= 1;
    const double d = std::ldexp(double(t), int(-k));
    if (std::isinf(d)) {
        err = error(ExceptionType::OverflowError, QStringLiteral("integer division result too large for a float"));
        return false;
    }
    *out = Value::floating(negative ? -d : d);
    return true;
}

bool intPowMod(const Value &a, const Value &b, const Value &m, Value *out, Value &err)
{
    if (intSign(m) == 0) {
        err = Value::exception(
            ExceptionType::ValueError, Value::string(QStringLiteral("pow() 3rd argument cannot be 0")));
        return false;
    }
    Mpz base, exponent, modulus, result;
    intToMpz(a, base.z);
    intToMpz(b, exponent.z);
    intToMpz(m, modulus.z);
    mpz_abs(modulus.z, modulus.z);
    if (mpz_sgn(exponent.z) < 0) {
        if (mpz_invert(base.z, base.z, modulus.z) == 0) {
            err = Value::exception(ExceptionType::ValueError,
                Value::string(QStringLiteral("base is not invertible for the given modulus")));
            return false;
        }
        mpz_neg(exponent.z, exponent.z);
    }
    mpz_powm(result.z, base.z, exponent.z, modulus.z);  // in [0, |m|)
    if (intSign(m) < 0 && mpz_sgn(result.z) != 0)
        mpz_sub(result.z, result.z, modulus.z);
    *out = intFromMpz(result.z);
    return true;
}

bool intPow(const Value &a, const Value &b, Value *out, Value &err)
{
    if (intSign(b) < 0) {
        double x, y;
        if (!intToDouble(a, &x, err) || !intToDouble(b, &y, err))
            return false;
        if (x == 0.0) {
            err = zeroDivision("0.0 cannot be raised to a negative power");
            return false;
        }
        *out = Value::floating(std::pow(x, y));
        return true;
    }
    std::int64_t e = 0;
    std::int64_t base = 0;
    const bool smallBase = intFits64(a, &base);
    if (!intFits64(b, &e)) {
        // Only 0, 1 and -1 survive an exponent this large.
        if (smallBase && (base == 0 || base == 1)) {
            *out = Value::integer(base);
            return true;
        }
        if (smallBase && base == -1) {
            *out = Value::integer(mpz_odd_p(b.toBigInt()->z) ? -1 : 1);
            return true;
        }
        err = Value::exception(ExceptionType::MemoryError);
        return false;
    }
    if (smallBase && (base == 0 || base == 1 || base == -1)) {
        *out = Value::integer(base == -1 ? (e % 2 ? -1 : 1) : (base == 0 ? (e == 0 ? 1 : 0) : 1));
        return true;
    }
    // The result has about e * bits(a) bits; past a few hundred million CPython would run
    // out of memory (or time) too.
    const std::uint64_t bits = intBitLength(a);
    if (double(bits) * double(e) > 4.0e9) {
        err = Value::exception(ExceptionType::MemoryError);
        return false;
    }
    Mpz x;
    intToMpz(a, x.z);
    mpz_pow_ui(x.z, x.z, std::uint64_t(e));
    *out = intFromMpz(x.z);
    return true;
}

bool intShift(const Value &a, const Value &b, bool left, Value *out, Value &err)
{
    if (intSign(b) < 0) {
        err = error(ExceptionType::ValueError, QStringLiteral("negative shift count"));
        return false;
    }
    std::int64_t n = 0;
    if (!intFits64(b, &n) || (left && n > (std::int64_t(1) << 32) && intSign(a) != 0)) {
        if (!left || intSign(a) == 0) {
            *out = Value::integer(intSign(a) < 0 ? -1 : 0);
            return true;
        }
        err = Value::exception(ExceptionType::MemoryError);
        return false;
    }
    Mpz x;
    intToMpz(a, x.z);
    if (left)
        mpz_mul_2exp(x.z, x.z, std::uint64_t(n));
    else
        mpz_fdiv_q_2exp(x.z, x.z, std::uint64_t(n));
    *out = intFromMpz(x.z);
    return true;
}

Value intBitwise(const Value &a, const Value &b, char op)
{
    if (isSmall(a) && isSmall(b)) {
        const std::int64_t x = small(a), y = small(b);
        return Value::integer(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    return viaMpz(a, b, op == '&' ? mpz_and : op == '|' ? mpz_ior : mpz_xor);
}

bool intToDecimal(const Value &v, QString *out, Value &err)
{
    if (isSmall(v)) {
        *out = QString::number(small(v));
        return true;
    }
    mpz_srcptr z = v.toBigInt()->z;
    // sizeinbase may overstate by one: check the exact count only near the limit.
    if (mpz_sizeinbase(z, 10) > std::size_t(kIntMaxStrDigits)) {
        std::string digits = intMagnitudeDigits(v, 10);
        if (digits.size() > std::size_t(kIntMaxStrDigits)) {
            err = error(ExceptionType::ValueError,
                QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion; use "
                               "sys.set_int_max_str_digits() to increase the limit")
                    .arg(kIntMaxStrDigits));
            return false;
        }
    }
    std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, z);
    *out = QString::fromLatin1(s.c_str());
    return true;
}

std::string intMagnitudeDigits(const Value &v, int base)
{
    Mpz m;
    intToMpz(v, m.z);
    mpz_abs(m.z, m.z);
    std::string s(mpz_sizeinbase(m.z, base) + 2, '\0');
    mpz_get_str(s.data(), base, m.z);
    s.resize(std::char_traits<char>::length(s.c_str()));
    return s;
}

bool intFromString(QStringView text, int base, Value *out, Value &err)
{
    const auto invalid = [&] {
        err = error(ExceptionType::ValueError,
            QStringLiteral("invalid literal for int() with base %1: %2")
                .arg(base)
                .arg(QLatin1Char('\'') + text.toString().replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                    + QLatin1Char('\'')));
        return false;
    };
    if (base != 0 && (base < 2 || base > 36)) {
        err = error(ExceptionType::ValueError, QStringLiteral("int() base must be >= 2 and <= 36, or 0"));
        return false;
    }
    qsizetype i = 0, end = text.size();
    while (i < end && text[i].isSpace())
        ++i;
    while (end > i && text[end - 1].isSpace())
        --end;
    bool negative = false;
    if (i < end && (text[i] == u'+' || text[i] == u'-')) {
        negative = text[i] == u'-';
        ++i;
    }
    int b = base;
    if (i + 1 < end && text[i] == u'0') {
        const QChar p = text[i + 1].toLower();
        const int prefixBase = p == u'x' ? 16 : p == u'o' ? 8 : p == u'b' ? 2 : 0;
        if (prefixBase && (base == 0 || base == prefixBase)) {
            b = prefixBase;
            i += 2;
            if (i < end && text[i] == u'_')
                ++i;  // 0x_1f
        }
    }
    const bool base0 = b == 0;
    if (b == 0)
        b = 10;
    std::string digits;
    bool lastUnderscore = true;  // no leading underscore
    for (qsizetype k = i; k < end; ++k) {
        const QChar c = text[k];
        if (c == u'_') {
            if (lastUnderscore)
                return invalid();
            lastUnderscore = true;
            continue;
        }
        int d = -1;
        if (c.unicode() < 128) {
            const char ch = char(c.toLower().unicode());
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (ch >= 'a' && ch <= 'z')
                d = ch - 'a' + 10;
        } else if (c.category() == QChar::Number_DecimalDigit) {
            d = c.digitValue();
        }
        if (d < 0 || d >= b)
            return invalid();
        digits.push_back(char(d < 10 ? '0' + d : 'a' + d - 10));
        lastUnderscore = false;
    }
    if (digits.empty() || lastUnderscore)
        return invalid();
    // Base 0 refuses leading zeros in a non-zero decimal ("010").
    if (base0 && b == 10 && digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
        return invalid();
    if (b == 10 && digits.size() > std::size_t(kIntMaxStrDigits)) {
        err = error(ExceptionType::ValueError,
            QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion: value has %2 digits; use "
                           "sys.set_int_max_str_digits() to increase the limit")
                .arg(kIntMaxStrDigits)
                .arg(digits.size()));
        return false;
    }
    Mpz z;
    mpz_set_str(z.z, digits.c_str(), b);
    if (negative)
        mpz_neg(z.z, z.z);
    *out = intFromMpz(z.z);
    return true;
}

std::int64_t intHash(const Value &v)
{
    constexpr std::uint64_t kModulus = (std::uint64_t(1) << 61) - 1;
    std::uint64_t h;
    bool negative;
    if (isSmall(v)) {
        const std::int64_t i = small(v);
        negative = i < 0;
        const std::uint64_t m = negative ? 0 - std::uint64_t(i) : std::uint64_t(i);
        h = m % kModulus;
    } else {
        mpz_srcptr z = v.toBigInt()->z;
        negative = mpz_sgn(z) < 0;
        Mpz m, mod;
        mpz_abs(m.z, z);
        mpz_set_ui(mod.z, 1);
        mpz_mul_2exp(mod.z, mod.z, 61);
        mpz_sub_ui(mod.z, mod.z, 1);
        mpz_mod(m.z, m.z, mod.z);
        h = mpz_get_ui(m.z);
    }
    std::int64_t r = negative ? -std::int64_t(h) : std::int64_t(h);
    return r == -1 ? -2 : r;
}

std::uint64_t intBitLength(const Value &v)
{
    if (isSmall(v)) {
        const std::int64_t i = small(v);
        const std::uint64_t m = i < 0 ? 0 - std::uint64_t(i) : std::uint64_t(i);
        return m == 0 ? 0 : 64 - std::uint64_t(__builtin_clzll(m));
    }
    return mpz_sizeinbase(v.toBigInt()->z, 2);
}

}  // namespace tusk
