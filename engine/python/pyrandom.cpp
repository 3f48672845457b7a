#include "pyrandom.h"

#include "pyint.h"
#include "pyops.h"

#include <QCryptographicHash>
#include <cmath>
#include <initializer_list>
#include <unordered_set>

namespace tusk {

namespace {

using B = ExprNode::BinaryOp;

constexpr int kN = 624;
constexpr int kM = 397;

const char *const kFunctions[]
    = {"seed", "random", "uniform", "randint", "randrange", "choice", "choices", "shuffle", "sample", "getrandbits"};

Value typeError(const QString &m)
{
    return pyTypeError(m);
}

Value valueError(const QString &m)
{
    return pyError(ExceptionType::ValueError, m);
}

/// A Python function's signature, to bind a call's arguments as CPython does and word its
/// errors the same way (`Random.randint() missing 1 required positional argument: 'b'`).
struct Signature {
    const char *name;
    std::initializer_list<const char *> positional;
    std::size_t required;
    std::initializer_list<const char *> keywordOnly = {};
};

QString quotedList(const std::vector<QString> &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted << QLatin1Char('\'') + n + QLatin1Char('\'');
    if (quoted.size() == 1)
        return quoted[0];
    const QString last = quoted.takeLast();
    return quoted.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

/// Fills `out` (positional parameters, then keyword-only ones; nullptr when not given).
bool bind(const Signature &sig, const BuiltinCall &call, std::vector<const Value *> *out, Value &error)
{
    const QString fn = QStringLiteral("Random.%1()").arg(QLatin1String(sig.name));
    const std::size_t np = sig.positional.size();
    out->assign(np + sig.keywordOnly.size(), nullptr);
    if (call.args.size() > np) {
        const QString takes = sig.required == np ? QStringLiteral("%1").arg(np + 1)
                                                 : QStringLiteral("from %1 to %2").arg(sig.required + 1).arg(np + 1);
        error = typeError(QStringLiteral("%1 takes %2 positional arguments but %3 were given")
                              .arg(fn, takes)
                              .arg(call.args.size() + 1));
        return false;
    }
    for (std::size_t i = 0; i < call.args.size(); ++i)
        (*out)[i] = &call.args[i];
    for (std::size_t k = 0; k < call.keywordNames.size(); ++k) {
        const QString &key = call.keywordNames[k];
        // Positional parameters first, then the keyword-only ones: the order of `out`.
        std::size_t index = 0;
        bool found = false;
        for (const auto &names : {sig.positional, sig.keywordOnly}) {
            for (const char *p : names) {
                found = key == QLatin1String(p);
                if (found)
                    break;
                ++index;
            }
            if (found)
                break;
        }
        if (!found) {
            error = typeError(QStringLiteral("%1 got an unexpected keyword argument '%2'").arg(fn, key));
            return false;
        }
        if ((*out)[index]) {
            error = typeError(QStringLiteral("%1 got multiple values for argument '%2'").arg(fn, key));
            return false;
        }
        (*out)[index] = &call.keywordValues[k];
    }
    std::vector<QString> missing;
    std::size_t i = 0;
    for (const char *p : sig.positional) {
        if (i < sig.required && !(*out)[i])
            missing.push_back(QLatin1String(p));
        ++i;
    }
    if (!missing.empty()) {
        error = typeError(QStringLiteral("%1 missing %2 required positional argument%3: %4")
                              .arg(fn)
                              .arg(missing.size())
                              .arg(missing.size() == 1 ? QString() : QStringLiteral("s"), quotedList(missing)));
        return false;
    }
    return true;
}

bool noArguments(const BuiltinCall &call, const char *name, Value &error)
{
    if (call.args.empty() && call.keywordNames.empty())
        return true;
    if (!call.keywordNames.empty())
        error = typeError(QStringLiteral("Random.%1() takes no keyword arguments").arg(QLatin1String(name)));
    else
        error = typeError(
            QStringLiteral("Random.%1() takes no arguments (%2 given)").arg(QLatin1String(name)).arg(call.args.size()));
    return false;
}

bool binary(B op, const Value &a, const Value &b, Value *out, Value &error)
{
    return pyBinary(op, a, b, false, out, error);
}

bool less(const Value &a, const Value &b, bool *out, Value &error)
{
    return pyCompare(ExprNode::CompareOp::Lt, a, b, out, error);
}

/// randrange()'s `_index(x)` with its fallback for integral floats (CPython also warns that
/// they are deprecated; Tusk does not write the DeprecationWarning).
bool randrangeIndex(const Value &v, const char *what, Value *out, Value &error)
{
    if (v.isIntegral()) {
        *out = v.isBool() ? Value::integer(v.toBool()) : v;
        return true;
    }
    Value asInt;
    if (v.isFloat()) {
        if (!intFromFloat(v.toFloat(), &asInt, error))
            return false;
        if (v.toFloat() == std::trunc(v.toFloat())) {
            *out = asInt;
            return true;
        }
    } else if (v.isString()) {
        if (!intFromString(v.toString(), 10, &asInt, error))
            return false;  // int('x'): ValueError: invalid literal for int() ...
    } else {
        error = typeError(
            QStringLiteral("int() argument must be a string, a bytes-like object or a real number, not '%1'")
                .arg(pyTypeName(v)));
        return false;
    }
    error = valueError(QStringLiteral("non-integer %1 for randrange()").arg(QLatin1String(what)));
    return false;
}

bool isSequence(const Value &v)
{
    return v.isList() || v.isTuple() || v.isString() || pyIsRange(v);
}

/// bisect.bisect_right(a, x, lo, hi).
bool bisectRight(
    const std::vector<Value> &a, const Value &x, std::size_t lo, std::size_t hi, std::size_t *out, Value &error)
{
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        bool lt = false;
        if (!less(x, a[mid], &lt, error))
            return false;
        if (lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    *out = lo;
    return true;
}

/// itertools.accumulate(values) as a list.
bool accumulate(const Value &iterable, std::vector<Value> *out, Value &error)
{
    std::vector<Value> items;
    if (!pyToVector(iterable, &items, error))
        return false;
    out->clear();
    out->reserve(items.size());
    for (const Value &v : items) {
        if (out->empty()) {
            out->push_back(v);
            continue;
        }
        Value sum;
        if (!binary(B::Add, out->back(), v, &sum, error))
            return false;
        out->push_back(std::move(sum));
    }
    return true;
}

bool kCount(const Value &k, std::int64_t *out, Value &error)
{
    return pyIndex(k, out, error);
}

}  // namespace

PyRandom::PyRandom()
{
    initGenrand(0);
}

bool PyRandom::hasFunction(const QString &name)
{
    for (const char *f : kFunctions) {
        if (name == QLatin1String(f))
            return true;
    }
    return false;
}

QStringList PyRandom::functionNames()
{
    QStringList names;
    for (const char *f : kFunctions)
        names << QLatin1String(f);
    return names;
}

// --- the generator (Modules/_randommodule.c)

void PyRandom::initGenrand(std::uint32_t s)
{
    m_state[0] = s;
    for (int i = 1; i < kN; ++i)
        m_state[i] = 1812433253U * (m_state[i - 1] ^ (m_state[i - 1] >> 30)) + std::uint32_t(i);
    m_index = kN;
}

void PyRandom::initByArray(const std::vector<std::uint32_t> &key)
{
    initGenrand(19650218U);
    std::size_t i = 1, j = 0;
    const std::size_t length = key.size();
    for (std::size_t k = std::max<std::size_t>(kN, length); k; --k) {
        m_state[i] = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1664525U)) + key[j] + std::uint32_t(j);
        ++i;
        ++j;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
        if (j >= length)
            j = 0;
    }
    for (std::size_t k = kN - 1; k; --k) {
        m_state[i] = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1566083941U)) - std::uint32_t(i);
        ++i;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
    }
    m_state[0] = 0x80000000U;
    m_index = kN;
}

std::uint32_t PyRandom::next32()
{
    static constexpr std::uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    constexpr std::uint32_t upper = 0x80000000U, lower = 0x7fffffffU;
    if (m_index >= kN) {
        int kk = 0;
        for (; kk < kN - kM; ++kk) {
            const std::uint32_t y = (m_state[kk] & upper) | (m_state[kk + 1] & lower);
            m_state[kk] = m_state[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < kN - 1; ++kk) {
            const std::uint32_t y = (m_state[kk] & upper) | (m_state[kk + 1] & lower);
            m_state[kk] = m_state[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        const std::uint32_t y = (m_state[kN - 1] & upper) | (m_state[0] & lower);
        m_state[kN - 1] = m_state[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        m_index = 0;
    }
    std::uint32_t y = m_state[m_index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

void PyRandom::seedFromMagnitude(const Value &n)
{
    // The number's 32-bit chunks, least significant first; 0 is one chunk.
    Mpz z;
    intToMpz(n, z.z);
    std::size_t count = 0;
    std::vector<std::uint32_t> key((mpz_sizeinbase(z.z, 2) + 31) / 32 + 1, 0);
    mpz_export(key.data(), &count, -1, sizeof(std::uint32_t), 0, 0, z.z);
    key.resize(std::max<std::size_t>(count, 1));
    initByArray(key);
}

bool PyRandom::seed(const Value &a, Value &error)
{
    if (a.isIntegral()) {
        seedFromMagnitude(intSign(a) < 0 ? intNeg(a) : (a.isBool() ? Value::integer(a.toBool()) : a));
        return true;
    }
    if (a.isString()) {
        // Version 2: int.from_bytes(a.encode() + sha512(a.encode()).digest(), 'big').
        const QByteArray bytes = a.toString().toUtf8();
        const QByteArray all = bytes + QCryptographicHash::hash(bytes, QCryptographicHash::Sha512);
        Mpz z;
        mpz_import(z.z, std::size_t(all.size()), 1, 1, 0, 0, all.constData());
        seedFromMagnitude(intFromMpz(z.z));
        return true;
    }
    if (a.isFloat()) {
        // Not an int: its hash, cast to unsigned.
        std::int64_t h = 0;
        if (!pyHash(a, &h, error))
            return false;
        Mpz z;
        mpz_import(z.z, 1, -1, sizeof(std::uint64_t), 0, 0, &h);
        seedFromMagnitude(intFromMpz(z.z));
        return true;
    }
    error
        = typeError(QStringLiteral("The only supported seed types are: None,\nint, float, str, bytes, and bytearray."));
    return false;
}

void PyRandom::setEntropy(std::uint64_t entropy)
{
    m_entropy = entropy;
}

std::uint64_t PyRandom::nextEntropy()
{
    // splitmix64: spreads consecutive states over the whole range.
    std::uint64_t z = (m_entropy += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double PyRandom::random()
{
    const std::uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

Value PyRandom::getrandbits(std::uint64_t k)
{
    if (k == 0)
        return Value::integer(0);
    if (k <= 32)
        return Value::integer(next32() >> (32 - k));
    const std::size_t words = std::size_t((k - 1) / 32 + 1);
    std::vector<std::uint32_t> array(words);
    std::int64_t left = std::int64_t(k);
    for (std::size_t i = 0; i < words; ++i, left -= 32) {
        std::uint32_t r = next32();
        if (left < 32)
            r >>= (32 - left);  // drop least significant bits
        array[i] = r;
    }
    Mpz z;
    mpz_import(z.z, words, -1, sizeof(std::uint32_t), 0, 0, array.data());
    return intFromMpz(z.z);
}

Value PyRandom::randbelow(const Value &n)
{
    const std::uint64_t k = intBitLength(n);
    Value r = getrandbits(k);
    while (intCompare(r, n) >= 0)
        r = getrandbits(k);
    return r;
}

// --- Lib/random.py

bool PyRandom::call(const QString &name, const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (name == u"seed") {
        if (!bind({"seed", {"a", "version"}, 0}, call, &a, error))
            return false;
        if (a[1] && !(a[1]->isIntegral() && intCompare(*a[1], Value::integer(2)) == 0)) {
            error = valueError(QStringLiteral("random.seed() takes version=2 in Tusk (the default)"));
            return false;
        }
        *out = Value::none();
        if (!a[0] || a[0]->isNone()) {
            // CPython reads the operating system's entropy; a run draws from its own seed, so
            // that the run can be repeated.
            seedFromMagnitude(Value::integer(std::int64_t(nextEntropy() >> 1)));
            return true;
        }
        return seed(*a[0], error);
    }
    if (name == u"random") {
        if (!noArguments(call, "random", error))
            return false;
        *out = Value::floating(random());
        return true;
    }
    if (name == u"getrandbits") {
        if (call.args.size() != 1 || !call.keywordNames.empty()) {
            error = typeError(QStringLiteral("Random.getrandbits() takes exactly one argument (%1 given)")
                                  .arg(call.args.size() + call.keywordNames.size()));
            return false;
        }
        std::int64_t k = 0;
        if (!pyIndex(call.args[0], &k, error))
            return false;
        if (k < 0) {
            error = valueError(QStringLiteral("number of bits must be non-negative"));
            return false;
        }
        if (k > (std::int64_t(1) << 24)) {
            error = Value::exception(ExceptionType::MemoryError);
            return false;
        }
        *out = getrandbits(std::uint64_t(k));
        return true;
    }
    if (name == u"randint") {
        if (!bind({"randint", {"a", "b"}, 2}, call, &a, error))
            return false;
        Value stop;
        if (!binary(B::Add, *a[1], Value::integer(1), &stop, error))
            return false;
        const Value args[] = {*a[0], stop};
        BuiltinCall inner = call;
        inner.args = std::span<const Value>(args, 2);
        inner.keywordNames = {};
        inner.keywordValues = {};
        return randrange(inner, out, error);
    }
    if (name == u"randrange")
        return randrange(call, out, error);
    if (name == u"choice")
        return choice(call, out, error);
    if (name == u"choices")
        return choices(call, out, error);
    if (name == u"shuffle")
        return shuffle(call, out, error);
    if (name == u"sample")
        return sample(call, out, error);
    if (name == u"uniform")
        return uniform(call, out, error);
    error = pyError(ExceptionType::AttributeError, QStringLiteral("module 'random' has no attribute '%1'").arg(name));
    return false;
}

bool PyRandom::randrange(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"randrange", {"start", "stop", "step"}, 1}, call, &a, error))
        return false;
    Value start;
    if (!randrangeIndex(*a[0], "arg 1", &start, error))
        return false;
    if (!a[1] || a[1]->isNone()) {
        if (a[2]) {
            error = typeError(QStringLiteral("Missing a non-None stop argument"));
            return false;
        }
        if (intSign(start) > 0) {
            *out = randbelow(start);
            return true;
        }
        error = valueError(QStringLiteral("empty range for randrange()"));
        return false;
    }
    Value stop, width, step = Value::integer(1);
    if (!randrangeIndex(*a[1], "stop", &stop, error) || !binary(B::Sub, stop, start, &width, error))
        return false;
    if (a[2] && !randrangeIndex(*a[2], "step", &step, error))
        return false;
    if (intCompare(step, Value::integer(1)) == 0) {
        if (intSign(width) > 0) {
            Value r = randbelow(width);
            return binary(B::Add, start, r, out, error);
        }
        QString startText, stopText, widthText;
        intToDecimal(start, &startText, error);
        intToDecimal(stop, &stopText, error);
        intToDecimal(width, &widthText, error);
        error = valueError(
            QStringLiteral("empty range for randrange() (%1, %2, %3)").arg(startText, stopText, widthText));
        return false;
    }
    Value n;
    const int stepSign = intSign(step);
    if (stepSign == 0) {
        error = valueError(QStringLiteral("zero step for randrange()"));
        return false;
    }
    Value adjusted;
    if (!binary(B::Add, width, Value::integer(stepSign > 0 ? -1 : 1), &adjusted, error)
        || !binary(B::Add, adjusted, step, &adjusted, error) || !binary(B::FloorDiv, adjusted, step, &n, error))
        return false;
    if (intSign(n) <= 0) {
        error = valueError(QStringLiteral("empty range for randrange()"));
        return false;
    }
    Value offset;
    if (!binary(B::Mult, step, randbelow(n), &offset, error))
        return false;
    return binary(B::Add, start, offset, out, error);
}

bool PyRandom::choice(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"choice", {"seq"}, 1}, call, &a, error))
        return false;
    std::int64_t n = 0;
    if (!pyLen(*a[0], &n, error))
        return false;
    if (n == 0) {
        error = pyError(ExceptionType::IndexError, QStringLiteral("Cannot choose from an empty sequence"));
        return false;
    }
    return pyGetItem(*a[0], randbelow(Value::integer(n)), out, error);
}

bool PyRandom::shuffle(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"shuffle", {"x"}, 1}, call, &a, error))
        return false;
    const Value &x = *a[0];
    std::int64_t n = 0;
    if (!pyLen(x, &n, error))
        return false;
    for (std::int64_t i = n - 1; i >= 1; --i) {
        const Value j = randbelow(Value::integer(i + 1));
        const Value vi = Value::integer(i);
        Value xi, xj;
        // x[i], x[j] = x[j], x[i]
        if (!pyGetItem(x, j, &xj, error) || !pyGetItem(x, vi, &xi, error) || !pySetItem(x, vi, xj, error)
            || !pySetItem(x, j, xi, error))
            return false;
    }
    *out = Value::none();
    return true;
}

bool PyRandom::sample(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"sample", {"population", "k"}, 2, {"counts"}}, call, &a, error))
        return false;
    const Value &population = *a[0];
    if (!isSequence(population)) {
        error = typeError(QStringLiteral("Population must be a sequence.  For dicts or sets, use sorted(d)."));
        return false;
    }
    std::int64_t n = 0;
    if (!pyLen(population, &n, error))
        return false;
    if (a[2] && !a[2]->isNone()) {
        std::vector<Value> cumulative;
        if (!accumulate(*a[2], &cumulative, error))
            return false;
        if (std::int64_t(cumulative.size()) != n) {
            error = valueError(QStringLiteral("The number of counts does not match the population"));
            return false;
        }
        if (cumulative.empty()) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("pop from empty list"));
            return false;
        }
        const Value total = cumulative.back();
        cumulative.pop_back();
        if (!total.isAnyInt()) {
            error = typeError(QStringLiteral("Counts must be integers"));
            return false;
        }
        if (intSign(total) <= 0) {
            error = valueError(QStringLiteral("Total of counts must be greater than zero"));
            return false;
        }
        std::int64_t totalCount = 0;
        if (!intFits64(total, &totalCount)) {
            error
                = pyError(ExceptionType::OverflowError, QStringLiteral("Python int too large to convert to C ssize_t"));
            return false;
        }
        const Value range = pyRange(0, totalCount, 1);
        const Value args[] = {range, *a[1]};
        BuiltinCall inner = call;
        inner.args = std::span<const Value>(args, 2);
        inner.keywordNames = {};
        inner.keywordValues = {};
        Value selections;
        if (!sample(inner, &selections, error))
            return false;
        std::vector<Value> result;
        for (const Value &s : selections.toList()) {
            std::size_t index = 0;
            if (!bisectRight(cumulative, s, 0, cumulative.size(), &index, error))
                return false;
            Value item;
            if (!pyGetItem(population, Value::integer(std::int64_t(index)), &item, error))
                return false;
            result.push_back(std::move(item));
        }
        *out = Value::list(std::move(result));
        return true;
    }
    bool inRange = false, below = false;
    if (!pyCompare(ExprNode::CompareOp::LtE, Value::integer(0), *a[1], &inRange, error))
        return false;
    if (inRange && !pyCompare(ExprNode::CompareOp::LtE, *a[1], Value::integer(n), &below, error))
        return false;
    if (!inRange || !below) {
        error = valueError(QStringLiteral("Sample larger than population or is negative"));
        return false;
    }
    if (!a[1]->isIntegral()) {
        error = typeError(QStringLiteral("can't multiply sequence by non-int of type '%1'").arg(pyTypeName(*a[1])));
        return false;
    }
    std::int64_t k = 0;
    if (!kCount(*a[1], &k, error))
        return false;
    std::vector<Value> result(static_cast<std::size_t>(k));
    std::int64_t setsize = 21;  // size of a small set minus size of an empty list
    if (k > 5)
        setsize += std::int64_t(std::pow(4.0, std::ceil(std::log(double(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<Value> pool;
        if (!pyToVector(population, &pool, error))
            return false;
        for (std::int64_t i = 0; i < k; ++i) {
            const std::int64_t j = randbelow(Value::integer(n - i)).toInt();
            result[std::size_t(i)] = pool[std::size_t(j)];
            pool[std::size_t(j)] = pool[std::size_t(n - i - 1)];  // move the non-selected item into the vacancy
        }
    } else {
        std::unordered_set<std::int64_t> selected;
        for (std::int64_t i = 0; i < k; ++i) {
            std::int64_t j = randbelow(Value::integer(n)).toInt();
            while (selected.count(j))
                j = randbelow(Value::integer(n)).toInt();
            selected.insert(j);
            if (!pyGetItem(population, Value::integer(j), &result[std::size_t(i)], error))
                return false;
        }
    }
    *out = Value::list(std::move(result));
    return true;
}

bool PyRandom::choices(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"choices", {"population", "weights"}, 1, {"cum_weights", "k"}}, call, &a, error))
        return false;
    const Value &population = *a[0];
    std::int64_t n = 0;
    if (!pyLen(population, &n, error))
        return false;
    const Value kValue = a[3] ? *a[3] : Value::integer(1);
    std::int64_t k = 0;
    const auto count = [&]() {
        if (!kValue.isIntegral()) {
            error
                = typeError(QStringLiteral("'%1' object cannot be interpreted as an integer").arg(pyTypeName(kValue)));
            return false;
        }
        return pyIndex(kValue, &k, error);
    };
    const bool noWeights = !a[1] || a[1]->isNone();
    const bool noCumulative = !a[2] || a[2]->isNone();
    std::vector<Value> result;
    if (noCumulative && noWeights) {
        if (!count())
            return false;
        const double size = double(n);
        for (std::int64_t i = 0; i < k; ++i) {
            Value item;
            if (!pyGetItem(population, Value::integer(std::int64_t(std::floor(random() * size))), &item, error))
                return false;
            result.push_back(std::move(item));
        }
        *out = Value::list(std::move(result));
        return true;
    }
    std::vector<Value> cumulative;
    if (noCumulative) {
        if (!accumulate(*a[1], &cumulative, error)) {
            if (a[1]->isIntegral() && error.exceptionType() == ExceptionType::TypeError) {
                QString text;
                intToDecimal(a[1]->isBool() ? Value::integer(a[1]->toBool()) : *a[1], &text, error);
                error = typeError(QStringLiteral("The number of choices must be a keyword argument: k=%1").arg(text));
            }
            return false;
        }
    } else if (!noWeights) {
        error = typeError(QStringLiteral("Cannot specify both weights and cumulative weights"));
        return false;
    } else if (!pyToVector(*a[2], &cumulative, error)) {
        return false;
    }
    if (std::int64_t(cumulative.size()) != n) {
        error = valueError(QStringLiteral("The number of weights does not match the population"));
        return false;
    }
    if (cumulative.empty()) {
        error = pyError(ExceptionType::IndexError, QStringLiteral("list index out of range"));
        return false;
    }
    Value total;
    if (!binary(B::Add, cumulative.back(), Value::floating(0.0), &total, error))
        return false;
    if (!total.isFloat()) {
        error = typeError(
            QStringLiteral("unsupported operand type(s) for +: '%1' and 'float'").arg(pyTypeName(cumulative.back())));
        return false;
    }
    if (total.toFloat() <= 0.0) {
        error = valueError(QStringLiteral("Total of weights must be greater than zero"));
        return false;
    }
    if (!std::isfinite(total.toFloat())) {
        error = valueError(QStringLiteral("Total of weights must be finite"));
        return false;
    }
    if (!count())
        return false;
    for (std::int64_t i = 0; i < k; ++i) {
        std::size_t index = 0;
        if (!bisectRight(cumulative, Value::floating(random() * total.toFloat()), 0, std::size_t(n - 1), &index, error))
            return false;
        Value item;
        if (!pyGetItem(population, Value::integer(std::int64_t(index)), &item, error))
            return false;
        result.push_back(std::move(item));
    }
    *out = Value::list(std::move(result));
    return true;
}

bool PyRandom::uniform(const BuiltinCall &call, Value *out, Value &error)
{
    std::vector<const Value *> a;
    if (!bind({"uniform", {"a", "b"}, 2}, call, &a, error))
        return false;
    // a + (b - a) * self.random()
    Value width, scaled;
    return binary(B::Sub, *a[1], *a[0], &width, error)
        && binary(B::Mult, width, Value::floating(random()), &scaled, error)
        && binary(B::Add, *a[0], scaled, out, error);
}

}  // namespace tusk
