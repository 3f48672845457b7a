#include "pyops.h"

#include "pydict.h"
#include "pyint.h"
#include "pyobjects.h"

#include <QHash>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

namespace tusk {

namespace {

using B = ExprNode::BinaryOp;
using C = ExprNode::CompareOp;

const char *binarySymbol(B op)
{
    static const char *const symbols[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "|", "^", "&"};
    return symbols[int(op)];
}

const char *inPlaceSymbol(B op)
{
    static const char *const symbols[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&="};
    return symbols[int(op)];
}

Value unsupported(B op, bool inPlace, const Value &a, const Value &b)
{
    return pyTypeError(
        QStringLiteral("unsupported operand type(s) for %1: '%2' and '%3'")
            .arg(QLatin1String(inPlace ? inPlaceSymbol(op) : binarySymbol(op)), pyTypeName(a), pyTypeName(b)));
}

bool toDouble(const Value &v, double *out, Value &error)
{
    if (v.isFloat()) {
        *out = v.toFloat();
        return true;
    }
    return intToDouble(v, out, error);
}

// float_rem and float_divmod (Objects/floatobject.c).
void floatDivmod(double vx, double wx, double *floorDiv, double *mod)
{
    double m = std::fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0.0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = std::copysign(0.0, wx);
    }
    double fd;
    if (div != 0.0) {
        fd = std::floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = std::copysign(0.0, vx / wx);
    }
    *floorDiv = fd;
    *mod = m;
}

bool isOddInteger(double x)
{
    return std::fmod(std::fabs(x), 2.0) == 1.0;
}

// float_pow (Objects/floatobject.c).
bool floatPow(double iv, double iw, Value *out, Value &error)
{
    if (iw == 0) {
        *out = Value::floating(1.0);
        return true;
    }
    if (std::isnan(iv)) {
        *out = Value::floating(iv);
        return true;
    }
    if (std::isnan(iw)) {
        *out = Value::floating(iv == 1.0 ? 1.0 : iw);
        return true;
    }
    if (std::isinf(iw)) {
        iv = std::fabs(iv);
        if (iv == 1.0)
            *out = Value::floating(1.0);
        else if ((iw > 0.0) == (iv > 1.0))
            *out = Value::floating(std::fabs(iw));
        else
            *out = Value::floating(0.0);
        return true;
    }
    if (std::isinf(iv)) {
        const bool odd = isOddInteger(iw);
        if (iw > 0.0)
            *out = Value::floating(odd ? iv : std::fabs(iv));
        else
            *out = Value::floating(odd ? std::copysign(0.0, iv) : 0.0);
        return true;
    }
    if (iv == 0.0) {
        const bool odd = isOddInteger(iw);
        if (iw < 0.0) {
            error
                = pyError(ExceptionType::ZeroDivisionError, QStringLiteral("0.0 cannot be raised to a negative power"));
            return false;
        }
        *out = Value::floating(odd ? iv : 0.0);
        return true;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) {
            error = pyError(ExceptionType::ValueError,
                QStringLiteral("a negative number to a fractional power is a complex number, which Tusk does not "
                               "support yet"));
            return false;
        }
        iv = -iv;
        negate = isOddInteger(iw);
    }
    if (iv == 1.0) {
        *out = Value::floating(negate ? -1.0 : 1.0);
        return true;
    }
    errno = 0;
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) {
        error = pyError(ExceptionType::OverflowError, QStringLiteral("(34, 'Numerical result out of range')"));
        return false;
    }
    *out = Value::floating(negate ? -ix : ix);
    return true;
}

bool floatBinary(B op, double a, double b, Value *out, Value &error)
{
    switch (op) {
    case B::Add:
        *out = Value::floating(a + b);
        return true;
    case B::Sub:
        *out = Value::floating(a - b);
        return true;
    case B::Mult:
        *out = Value::floating(a * b);
        return true;
    case B::Div:
        if (b == 0.0) {
            error = pyError(ExceptionType::ZeroDivisionError, QStringLiteral("float division by zero"));
            return false;
        }
        *out = Value::floating(a / b);
        return true;
    case B::FloorDiv:
    case B::Mod: {
        if (b == 0.0) {
            error = pyError(ExceptionType::ZeroDivisionError,
                op == B::Mod ? QStringLiteral("float modulo") : QStringLiteral("float floor division by zero"));
            return false;
        }
        double fd, m;
        if (op == B::Mod) {
            m = std::fmod(a, b);
            if (m != 0.0) {
                if ((b < 0) != (m < 0))
                    m += b;
            } else {
                m = std::copysign(0.0, b);
            }
            *out = Value::floating(m);
            return true;
        }
        floatDivmod(a, b, &fd, &m);
        *out = Value::floating(fd);
        return true;
    }
    case B::Pow:
        return floatPow(a, b, out, error);
    default:
        return false;
    }
}

bool repeatCount(const Value &n, std::int64_t *count, Value &error)
{
    if (!intFits64(n, count)) {
        error = pyError(ExceptionType::OverflowError, QStringLiteral("cannot fit 'int' into an index-sized integer"));
        return false;
    }
    if (*count < 0)
        *count = 0;
    return true;
}

bool repeatSequence(const Value &seq, const Value &n, Value *out, Value &error)
{
    std::int64_t count = 0;
    if (!repeatCount(n, &count, error))
        return false;
    if (seq.isString()) {
        const QString &s = seq.toString();
        if (count > 0 && std::int64_t(s.size()) * count > (std::int64_t(1) << 31)) {
            error = Value::exception(ExceptionType::MemoryError);
            return false;
        }
        *out = Value::string(s.repeated(count));
        return true;
    }
    const std::vector<Value> &items = seq.toList();
    if (count > 0 && std::int64_t(items.size()) * count > (std::int64_t(1) << 28)) {
        error = Value::exception(ExceptionType::MemoryError);
        return false;
    }
    std::vector<Value> result;
    result.reserve(std::size_t(count) * items.size());
    for (std::int64_t i = 0; i < count; ++i)
        result.insert(result.end(), items.begin(), items.end());
    *out = seq.isList() ? Value::list(std::move(result)) : Value::tuple(std::move(result));
    return true;
}

// Code point order (UTF-16 order differs from it where a surrogate meets U+E000..U+FFFF).
int compareCodePoints(const QString &x, const QString &y)
{
    qsizetype i = 0;
    while (i < x.size() && i < y.size() && x[i] == y[i])
        ++i;
    if (i == x.size() || i == y.size())
        return (x.size() - i > 0) - (y.size() - i > 0);
    const auto rank = [](QChar c) { return c.isSurrogate() ? 0x10000 + c.unicode() : c.unicode(); };
    const int a = rank(x[i]), b = rank(y[i]);
    return (a > b) - (a < b);
}

bool isSequence(const Value &v)
{
    return v.isString() || v.isList() || v.isTuple();
}

// The three-way comparison of ordered values; false when the types do not order.
bool orderCompare(const Value &a, const Value &b, int *cmp, bool *unordered)
{
    *unordered = false;
    if (a.isIntegral() && b.isIntegral()) {
        *cmp = intCompare(a, b);
        return true;
    }
    if (a.isNumber() && b.isNumber()) {
        if (a.isFloat() && b.isFloat()) {
            const double x = a.toFloat(), y = b.toFloat();
            if (std::isnan(x) || std::isnan(y)) {
                *unordered = true;
                return true;
            }
            *cmp = (x > y) - (x < y);
            return true;
        }
        const bool intFirst = a.isIntegral();
        const int c = intCompareDouble(intFirst ? a : b, intFirst ? b.toFloat() : a.toFloat());
        if (c == 2) {
            *unordered = true;
            return true;
        }
        *cmp = intFirst ? c : -c;
        return true;
    }
    if (a.isString() && b.isString()) {
        *cmp = compareCodePoints(a.toString(), b.toString());
        return true;
    }
    return false;
}

}  // namespace

Value pyError(ExceptionType type, const QString &message)
{
    return Value::exception(type, Value::string(message));
}

Value pyTypeError(const QString &message)
{
    return pyError(ExceptionType::TypeError, message);
}

QString pyTypeName(const Value &v)
{
    return v.typeName();
}

std::u32string pyCodePoints(const QString &s)
{
    std::u32string out;
    out.reserve(std::size_t(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out.push_back(QChar::surrogateToUcs4(c, s[i + 1]));
            ++i;
        } else {
            out.push_back(c.unicode());
        }
    }
    return out;
}

QString pyFromCodePoints(const std::u32string &s)
{
    return QString::fromUcs4(s.data(), qsizetype(s.size()));
}

std::int64_t pyStrLen(const QString &s)
{
    std::int64_t n = s.size();
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s[i].isHighSurrogate() && s[i + 1].isLowSurrogate()) {
            --n;
            ++i;
        }
    }
    return n;
}

bool pyTruth(const Value &v)
{
    switch (v.kind()) {
    case Value::Kind::None:
        return false;
    case Value::Kind::Bool:
        return v.toBool();
    case Value::Kind::Int:
        return v.toInt() != 0;
    case Value::Kind::BigInt:
        return true;
    case Value::Kind::Float:
        return v.toFloat() != 0.0;
    case Value::Kind::String:
        return !v.toString().isEmpty();
    case Value::Kind::List:
    case Value::Kind::Tuple:
        return !v.toList().empty();
    case Value::Kind::Dict:
        return v.toDict().size() != 0;
    case Value::Kind::Object: {
        std::int64_t start, stop, step;
        if (pyIsRange(v, &start, &stop, &step))
            return rangeLength(start, stop, step) != 0;
        if (auto *view = dynamic_cast<const DictViewObject *>(v.toObject()))
            return view->dict.toDict().size() != 0;
        return true;
    }
    default:
        return true;
    }
}

bool pyEquals(const Value &a, const Value &b)
{
    if (a.isNumber() && b.isNumber()) {
        int c = 0;
        bool unordered = false;
        orderCompare(a, b, &c, &unordered);
        return !unordered && c == 0;
    }
    if (a.kind() != b.kind()) {
        return false;
    }
    switch (a.kind()) {
    case Value::Kind::None:
        return true;
    case Value::Kind::String:
        return a.toString() == b.toString();
    case Value::Kind::List:
    case Value::Kind::Tuple: {
        const auto &x = a.toList(), &y = b.toList();
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!x[i].sameObject(y[i]) && !pyEquals(x[i], y[i]))
                return false;
        }
        return true;
    }
    case Value::Kind::Dict: {
        const PyDict &x = a.toDict(), &y = b.toDict();
        if (x.size() != y.size())
            return false;
        for (const PyDict::Entry &e : x.entries()) {
            if (!e.live)
                continue;
            const PyDict::Entry *other = nullptr;
            Value error;
            if (!y.find(e.key, &other, error) || !other)
                return false;
            if (!other->value.sameObject(e.value) && !pyEquals(other->value, e.value))
                return false;
        }
        return true;
    }
    case Value::Kind::Object: {
        std::int64_t s1, e1, st1, s2, e2, st2;
        if (pyIsRange(a, &s1, &e1, &st1) && pyIsRange(b, &s2, &e2, &st2)) {
            const std::int64_t n1 = rangeLength(s1, e1, st1), n2 = rangeLength(s2, e2, st2);
            if (n1 != n2)
                return false;
            return n1 == 0 || (s1 == s2 && (n1 == 1 || st1 == st2));
        }
        return a.sameObject(b);
    }
    default:
        return a.sameObject(b);
    }
}

bool pyHash(const Value &v, std::int64_t *out, Value &error)
{
    switch (v.kind()) {
    case Value::Kind::None:
        *out = 0x5f3759df;
        return true;
    case Value::Kind::Bool:
    case Value::Kind::Int:
    case Value::Kind::BigInt:
        *out = intHash(v);
        return true;
    case Value::Kind::Float: {
        const double d = v.toFloat();
        if (std::isnan(d)) {
            *out = 0;  // CPython hashes NaN by identity; every NaN is its own key anyway
            return true;
        }
        if (std::isinf(d)) {
            *out = d > 0 ? 314159 : -314159;
            return true;
        }
        // CPython's _Py_HashDouble: the value modulo 2**61 - 1, so that equal ints and floats
        // hash alike (random.seed(2.5) seeds with it).
        constexpr int bits = 61;
        constexpr std::uint64_t modulus = (std::uint64_t(1) << bits) - 1;
        int e = 0;
        double m = std::frexp(d, &e);
        int sign = 1;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        std::uint64_t x = 0;
        while (m != 0.0) {
            x = ((x << 28) & modulus) | x >> (bits - 28);
            m *= 268435456.0;  // 2**28
            e -= 28;
            const auto y = std::uint64_t(m);
            m -= double(y);
            x += y;
            if (x >= modulus)
                x -= modulus;
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
        x = ((x << e) & modulus) | x >> (bits - e);
        x = x * std::uint64_t(std::int64_t(sign));
        if (x == std::uint64_t(-1))
            x = std::uint64_t(-2);
        *out = std::int64_t(x);
        return true;
    }
    case Value::Kind::String:
        *out = std::int64_t(qHash(v.toString()));
        return true;
    case Value::Kind::Tuple: {
        std::uint64_t h = 0x345678;
        for (const Value &item : v.toList()) {
            std::int64_t ih = 0;
            if (!pyHash(item, &ih, error))
                return false;
            h = (h ^ std::uint64_t(ih)) * 1000003u;
        }
        *out = std::int64_t(h);
        return true;
    }
    case Value::Kind::List:
    case Value::Kind::Dict:
        error = pyTypeError(QStringLiteral("unhashable type: '%1'").arg(pyTypeName(v)));
        return false;
    case Value::Kind::Task:
        *out = std::int64_t(v.toTask()) * 7919;
        return true;
    default:
        if (v.isObject() && dynamic_cast<const DictViewObject *>(v.toObject())) {
            error = pyTypeError(QStringLiteral("unhashable type: '%1'").arg(pyTypeName(v)));
            return false;
        }
        *out = std::int64_t(reinterpret_cast<std::uintptr_t>(v.toObject()));
        return true;
    }
}

bool pyBinary(B op, const Value &a, const Value &b, bool inPlace, Value *out, Value &error)
{
    // int op int
    if (a.isIntegral() && b.isIntegral()) {
        switch (op) {
        case B::Add:
            *out = intAdd(a, b);
            return true;
        case B::Sub:
            *out = intSub(a, b);
            return true;
        case B::Mult:
            *out = intMul(a, b);
            return true;
        case B::Div:
            return intTrueDiv(a, b, out, error);
        case B::FloorDiv:
            return intFloorDiv(a, b, out, error);
        case B::Mod:
            return intMod(a, b, out, error);
        case B::Pow:
            return intPow(a, b, out, error);
        case B::LShift:
        case B::RShift:
            return intShift(a, b, op == B::LShift, out, error);
        case B::BitAnd:
        case B::BitOr:
        case B::BitXor:
            if (a.isBool() && b.isBool()) {
                const bool x = a.toBool(), y = b.toBool();
                *out = Value::boolean(op == B::BitAnd ? (x && y) : op == B::BitOr ? (x || y) : (x != y));
                return true;
            }
            *out = intBitwise(a, b, op == B::BitAnd ? '&' : op == B::BitOr ? '|' : '^');
            return true;
        }
    }
    // float op number
    if (a.isNumber() && b.isNumber()) {
        if (op == B::LShift || op == B::RShift || op == B::BitAnd || op == B::BitOr || op == B::BitXor) {
            error = unsupported(op, inPlace, a, b);
            return false;
        }
        double x, y;
        if (!toDouble(a, &x, error) || !toDouble(b, &y, error))
            return false;
        return floatBinary(op, x, y, out, error);
    }
    // sequences
    if (op == B::Add) {
        if (a.isString()) {
            if (!b.isString()) {
                error = pyTypeError(QStringLiteral("can only concatenate str (not \"%1\") to str").arg(pyTypeName(b)));
                return false;
            }
            *out = Value::string(a.toString() + b.toString());
            return true;
        }
        if (a.isList() && inPlace) {
            // list += iterable extends in place.
            std::vector<Value> items;
            if (!pyToVector(b, &items, error)) {
                if (error.isException() && error.exceptionType() == ExceptionType::TypeError)
                    error = pyTypeError(QStringLiteral("'%1' object is not iterable").arg(pyTypeName(b)));
                return false;
            }
            std::vector<Value> &target = a.listItems();
            target.insert(target.end(), items.begin(), items.end());
            a.listResized();
            *out = a;
            return true;
        }
        if (a.isList() || a.isTuple()) {
            if (b.kind() != a.kind()) {
                error = pyTypeError(
                    QStringLiteral("can only concatenate %1 (not \"%2\") to %1").arg(pyTypeName(a), pyTypeName(b)));
                return false;
            }
            std::vector<Value> items = a.toList();
            items.insert(items.end(), b.toList().begin(), b.toList().end());
            *out = a.isList() ? Value::list(std::move(items)) : Value::tuple(std::move(items));
            return true;
        }
    }
    if (op == B::Mult) {
        const bool aSeq = isSequence(a), bSeq = isSequence(b);
        if (aSeq || bSeq) {
            const Value &seq = aSeq ? a : b;
            const Value &n = aSeq ? b : a;
            if (!n.isIntegral()) {
                if (aSeq && bSeq) {
                    error = pyTypeError(
                        QStringLiteral("can't multiply sequence by non-int of type '%1'").arg(pyTypeName(b)));
                    return false;
                }
                error
                    = pyTypeError(QStringLiteral("can't multiply sequence by non-int of type '%1'").arg(pyTypeName(n)));
                return false;
            }
            if (seq.isList() && inPlace && aSeq) {
                Value repeated;
                if (!repeatSequence(seq, n, &repeated, error))
                    return false;
                a.listItems() = repeated.toList();
                a.listResized();
                *out = a;
                return true;
            }
            return repeatSequence(seq, n, out, error);
        }
    }
    if (op == B::BitOr && a.isDict() && b.isDict()) {
        Value merged = Value::dict();
        for (const Value *d : {&a, &b}) {
            for (const PyDict::Entry &e : d->toDict().entries()) {
                if (e.live && !merged.toDict().set(e.key, e.value, error))
                    return false;
            }
        }
        if (inPlace) {
            for (const PyDict::Entry &e : b.toDict().entries()) {
                if (e.live && !a.toDict().set(e.key, e.value, error))
                    return false;
            }
            *out = a;
            return true;
        }
        *out = merged;
        return true;
    }
    if (op == B::Mod && a.isString()) {
        error = pyTypeError(QStringLiteral("'%' formatting of strings is not supported by Tusk yet; use an f-string"));
        return false;
    }
    error = unsupported(op, inPlace, a, b);
    return false;
}

bool pyUnary(ExprNode::UnaryOp op, const Value &a, Value *out, Value &error)
{
    using U = ExprNode::UnaryOp;
    if (op == U::Not) {
        *out = Value::boolean(!pyTruth(a));
        return true;
    }
    if (a.isIntegral()) {
        if (op == U::USub)
            *out = intNeg(a);
        else if (op == U::UAdd)
            *out = a.isBool() ? Value::integer(a.toBool()) : a;
        else
            *out = intInvert(a);
        return true;
    }
    if (a.isFloat() && op != U::Invert) {
        *out = op == U::USub ? Value::floating(-a.toFloat()) : a;
        return true;
    }
    const char *symbol = op == U::USub ? "-" : op == U::UAdd ? "+" : "~";
    error
        = pyTypeError(QStringLiteral("bad operand type for unary %1: '%2'").arg(QLatin1String(symbol), pyTypeName(a)));
    return false;
}

namespace {

bool contains(const Value &container, const Value &item, bool *out, Value &error)
{
    switch (container.kind()) {
    case Value::Kind::String:
        if (!item.isString()) {
            error = pyTypeError(
                QStringLiteral("'in <string>' requires string as left operand, not %1").arg(pyTypeName(item)));
            return false;
        }
        *out = container.toString().contains(item.toString());
        return true;
    case Value::Kind::List:
    case Value::Kind::Tuple:
        for (const Value &v : container.toList()) {
            if (v.sameObject(item) || pyEquals(v, item)) {
                *out = true;
                return true;
            }
        }
        *out = false;
        return true;
    case Value::Kind::Dict: {
        const PyDict::Entry *e = nullptr;
        if (!container.toDict().find(item, &e, error))
            return false;
        *out = e != nullptr;
        return true;
    }
    case Value::Kind::Object: {
        std::int64_t start, stop, step;
        if (pyIsRange(container, &start, &stop, &step) && item.isIntegral()) {
            std::int64_t i = 0;
            if (!intFits64(item, &i)) {
                *out = false;
                return true;
            }
            const std::int64_t n = rangeLength(start, stop, step);
            *out = n > 0 && (step > 0 ? (i >= start && i < stop) : (i <= start && i > stop)) && (i - start) % step == 0;
            return true;
        }
        if (auto *view = dynamic_cast<const DictViewObject *>(container.toObject());
            view && view->view == DictViewObject::View::Keys)
            return contains(view->dict, item, out, error);
        std::vector<Value> items;
        if (!pyToVector(container, &items, error)) {
            error = pyTypeError(QStringLiteral("argument of type '%1' is not iterable").arg(pyTypeName(container)));
            return false;
        }
        for (const Value &v : items) {
            if (v.sameObject(item) || pyEquals(v, item)) {
                *out = true;
                return true;
            }
        }
        *out = false;
        return true;
    }
    default:
        error = pyTypeError(QStringLiteral("argument of type '%1' is not iterable").arg(pyTypeName(container)));
        return false;
    }
}

bool sequenceCompare(const std::vector<Value> &x, const std::vector<Value> &y, C op, bool *out, Value &error)
{
    std::size_t i = 0;
    while (i < x.size() && i < y.size() && (x[i].sameObject(y[i]) || pyEquals(x[i], y[i])))
        ++i;
    if (i < x.size() && i < y.size()) {
        if (op == C::Eq || op == C::NotEq) {
            *out = op == C::NotEq;
            return true;
        }
        return pyCompare(op, x[i], y[i], out, error);
    }
    const std::size_t a = x.size(), b = y.size();
    switch (op) {
    case C::Eq:
        *out = a == b;
        break;
    case C::NotEq:
        *out = a != b;
        break;
    case C::Lt:
        *out = a < b;
        break;
    case C::LtE:
        *out = a <= b;
        break;
    case C::Gt:
        *out = a > b;
        break;
    case C::GtE:
        *out = a >= b;
        break;
    default:
        break;
    }
    return true;
}

}  // namespace

bool pyCompare(C op, const Value &a, const Value &b, bool *out, Value &error)
{
    switch (op) {
    case C::Is:
        *out = a.sameObject(b);
        return true;
    case C::IsNot:
        *out = !a.sameObject(b);
        return true;
    case C::In:
    case C::NotIn:
        if (!contains(b, a, out, error))
            return false;
        if (op == C::NotIn)
            *out = !*out;
        return true;
    case C::Eq:
    case C::NotEq:
        if ((a.isList() && b.isList()) || (a.isTuple() && b.isTuple()))
            return sequenceCompare(a.toList(), b.toList(), op, out, error);
        *out = pyEquals(a, b) == (op == C::Eq);
        return true;
    default:
        break;
    }
    if ((a.isList() && b.isList()) || (a.isTuple() && b.isTuple()))
        return sequenceCompare(a.toList(), b.toList(), op, out, error);
    int c = 0;
    bool unordered = false;
    if (!orderCompare(a, b, &c, &unordered)) {
        static const char *const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
        error = pyTypeError(QStringLiteral("'%1' not supported between instances of '%2' and '%3'")
                                .arg(QLatin1String(symbols[int(op)]), pyTypeName(a), pyTypeName(b)));
        return false;
    }
    if (unordered) {
        *out = false;
        return true;
    }
    switch (op) {
    case C::Lt:
        *out = c < 0;
        break;
    case C::LtE:
        *out = c <= 0;
        break;
    case C::Gt:
        *out = c > 0;
        break;
    case C::GtE:
        *out = c >= 0;
        break;
    default:
        break;
    }
    return true;
}

bool pyLen(const Value &v, std::int64_t *out, Value &error)
{
    switch (v.kind()) {
    case Value::Kind::String:
        *out = pyStrLen(v.toString());
        return true;
    case Value::Kind::List:
    case Value::Kind::Tuple:
        *out = std::int64_t(v.toList().size());
        return true;
    case Value::Kind::Dict:
        *out = std::int64_t(v.toDict().size());
        return true;
    case Value::Kind::Object: {
        std::int64_t start, stop, step;
        if (pyIsRange(v, &start, &stop, &step)) {
            *out = rangeLength(start, stop, step);
            return true;
        }
        if (auto *view = dynamic_cast<const DictViewObject *>(v.toObject())) {
            *out = std::int64_t(view->dict.toDict().size());
            return true;
        }
        break;
    }
    default:
        break;
    }
    error = pyTypeError(QStringLiteral("object of type '%1' has no len()").arg(pyTypeName(v)));
    return false;
}

bool pyIndex(const Value &v, std::int64_t *out, Value &error, const char *context)
{
    if (v.isIntegral()) {
        if (intFits64(v, out))
            return true;
        error = pyError(ExceptionType::IndexError, QStringLiteral("cannot fit 'int' into an index-sized integer"));
        return false;
    }
    const QString pattern
        = context ? QString::fromLatin1(context) : QStringLiteral("'%1' object cannot be interpreted as an integer");
    error = pyTypeError(pattern.arg(pyTypeName(v)));
    return false;
}

namespace {

// PySlice_GetIndicesEx + adjust: the positions a slice selects in a sequence of `length`.
bool sliceIndices(
    const Value &slice, std::int64_t length, std::int64_t *start, std::int64_t *stop, std::int64_t *step, Value &error)
{
    Value lower, upper, stepValue;
    sliceParts(slice, &lower, &upper, &stepValue);
    const char *bad = "slice indices must be integers or None or have an __index__ method";
    const auto clampIndex = [&](const Value &v, std::int64_t *out) {
        if (!v.isIntegral()) {
            error = pyTypeError(QLatin1String(bad));
            return false;
        }
        if (!intFits64(v, out))
            *out = intSign(v) < 0 ? std::numeric_limits<std::int64_t>::min() / 2
                                  : std::numeric_limits<std::int64_t>::max() / 2;
        return true;
    };
    *step = 1;
    if (!stepValue.isNone()) {
        if (!clampIndex(stepValue, step))
            return false;
        if (*step == 0) {
            error = pyError(ExceptionType::ValueError, QStringLiteral("slice step cannot be zero"));
            return false;
        }
    }
    const bool back = *step < 0;
    const auto adjust = [&](const Value &v, std::int64_t def, std::int64_t *out) {
        if (v.isNone()) {
            *out = def;
            return true;
        }
        std::int64_t i = 0;
        if (!clampIndex(v, &i))
            return false;
        if (i < 0) {
            i += length;
            if (i < 0)
                i = back ? -1 : 0;
        } else if (i >= length) {
            i = back ? length - 1 : length;
        }
        *out = i;
        return true;
    };
    return adjust(lower, back ? length - 1 : 0, start) && adjust(upper, back ? -1 : length, stop);
}

std::vector<std::int64_t> slicePositions(std::int64_t start, std::int64_t stop, std::int64_t step)
{
    std::vector<std::int64_t> out;
    if (step > 0)
        for (std::int64_t i = start; i < stop; i += step)
            out.push_back(i);
    else
        for (std::int64_t i = start; i > stop; i += step)
            out.push_back(i);
    return out;
}

bool sequenceIndex(const Value &key, std::int64_t length, const char *typeName, std::int64_t *out, Value &error)
{
    if (!key.isIntegral()) {
        error = pyTypeError(QStringLiteral("%1 indices must be integers or slices, not %2")
                                .arg(QLatin1String(typeName), pyTypeName(key)));
        return false;
    }
    std::int64_t i = 0;
    if (!intFits64(key, &i)) {
        error = pyError(ExceptionType::IndexError, QStringLiteral("cannot fit 'int' into an index-sized integer"));
        return false;
    }
    if (i < 0)
        i += length;
    if (i < 0 || i >= length) {
        error = pyError(ExceptionType::IndexError,
            QStringLiteral("%1 index out of range")
                .arg(QLatin1String(std::strcmp(typeName, "str") == 0 ? "string" : typeName)));
        return false;
    }
    *out = i;
    return true;
}

}  // namespace

bool pyGetItem(const Value &v, const Value &key, Value *out, Value &error)
{
    if (v.isDict()) {
        const PyDict::Entry *e = nullptr;
        if (!v.toDict().find(key, &e, error))
            return false;
        if (!e) {
            error = Value::exception(ExceptionType::KeyError, key);
            return false;
        }
        *out = e->value;
        return true;
    }
    if (v.isList() || v.isTuple()) {
        const std::vector<Value> &items = v.toList();
        const char *typeName = v.isList() ? "list" : "tuple";
        if (pyIsSlice(key)) {
            std::int64_t start, stop, step;
            if (!sliceIndices(key, std::int64_t(items.size()), &start, &stop, &step, error))
                return false;
            std::vector<Value> result;
            for (std::int64_t i : slicePositions(start, stop, step))
                result.push_back(items[std::size_t(i)]);
            *out = v.isList() ? Value::list(std::move(result)) : Value::tuple(std::move(result));
            return true;
        }
        std::int64_t i = 0;
        if (!sequenceIndex(key, std::int64_t(items.size()), typeName, &i, error))
            return false;
        *out = items[std::size_t(i)];
        return true;
    }
    if (v.isString()) {
        const std::u32string cps = pyCodePoints(v.toString());
        if (pyIsSlice(key)) {
            std::int64_t start, stop, step;
            if (!sliceIndices(key, std::int64_t(cps.size()), &start, &stop, &step, error))
                return false;
            std::u32string result;
            for (std::int64_t i : slicePositions(start, stop, step))
                result.push_back(cps[std::size_t(i)]);
            *out = Value::string(pyFromCodePoints(result));
            return true;
        }
        std::int64_t i = 0;
        if (!sequenceIndex(key, std::int64_t(cps.size()), "str", &i, error))
            return false;
        *out = Value::string(QString::fromUcs4(&cps[std::size_t(i)], 1));
        return true;
    }
    std::int64_t start, stop, step;
    if (pyIsRange(v, &start, &stop, &step)) {
        const std::int64_t n = rangeLength(start, stop, step);
        if (pyIsSlice(key)) {
            std::int64_t a, b, s;
            if (!sliceIndices(key, n, &a, &b, &s, error))
                return false;
            *out = pyRange(start + a * step, start + b * step, step * s);
            return true;
        }
        if (!key.isIntegral()) {
            error
                = pyTypeError(QStringLiteral("range indices must be integers or slices, not %1").arg(pyTypeName(key)));
            return false;
        }
        std::int64_t i = 0;
        if (!intFits64(key, &i) || (i < 0 ? i + n < 0 : i >= n)) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("range object index out of range"));
            return false;
        }
        if (i < 0)
            i += n;
        *out = Value::integer(start + i * step);
        return true;
    }
    error = pyTypeError(QStringLiteral("'%1' object is not subscriptable").arg(pyTypeName(v)));
    return false;
}

bool pySetItem(const Value &v, const Value &key, const Value &item, Value &error)
{
    if (v.isDict())
        return v.toDict().set(key, item, error);
    if (v.isList()) {
        std::vector<Value> &items = v.listItems();
        if (pyIsSlice(key)) {
            std::int64_t start, stop, step;
            if (!sliceIndices(key, std::int64_t(items.size()), &start, &stop, &step, error))
                return false;
            std::vector<Value> replacement;
            if (!pyToVector(item, &replacement, error)) {
                error = pyTypeError(QStringLiteral("can only assign an iterable"));
                return false;
            }
            if (step == 1) {
                if (stop < start)
                    stop = start;
                items.erase(items.begin() + start, items.begin() + stop);
                items.insert(items.begin() + start, replacement.begin(), replacement.end());
                v.listResized();
                return true;
            }
            const std::vector<std::int64_t> at = slicePositions(start, stop, step);
            if (at.size() != replacement.size()) {
                error = pyError(ExceptionType::ValueError,
                    QStringLiteral("attempt to assign sequence of size %1 to extended slice of size %2")
                        .arg(replacement.size())
                        .arg(at.size()));
                return false;
            }
            for (std::size_t k = 0; k < at.size(); ++k)
                items[std::size_t(at[k])] = replacement[k];
            return true;
        }
        if (!key.isIntegral()) {
            error = pyTypeError(QStringLiteral("list indices must be integers or slices, not %1").arg(pyTypeName(key)));
            return false;
        }
        std::int64_t i = 0;
        const auto n = std::int64_t(items.size());
        if (!intFits64(key, &i) || (i < 0 ? i + n < 0 : i >= n)) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("list assignment index out of range"));
            return false;
        }
        items[std::size_t(i < 0 ? i + n : i)] = item;
        return true;
    }
    error = pyTypeError(QStringLiteral("'%1' object does not support item assignment").arg(pyTypeName(v)));
    return false;
}

bool pyDelItem(const Value &v, const Value &key, Value &error)
{
    if (v.isDict()) {
        bool found = false;
        if (!v.toDict().remove(key, nullptr, &found, error))
            return false;
        if (!found) {
            error = Value::exception(ExceptionType::KeyError, key);
            return false;
        }
        return true;
    }
    if (v.isList()) {
        std::vector<Value> &items = v.listItems();
        if (pyIsSlice(key)) {
            std::int64_t start, stop, step;
            if (!sliceIndices(key, std::int64_t(items.size()), &start, &stop, &step, error))
                return false;
            std::vector<std::int64_t> at = slicePositions(start, stop, step);
            std::sort(at.begin(), at.end(), std::greater<>());
            for (std::int64_t i : at)
                items.erase(items.begin() + i);
            v.listResized();
            return true;
        }
        if (!key.isIntegral()) {
            error = pyTypeError(QStringLiteral("list indices must be integers or slices, not %1").arg(pyTypeName(key)));
            return false;
        }
        std::int64_t i = 0;
        const auto n = std::int64_t(items.size());
        if (!intFits64(key, &i) || (i < 0 ? i + n < 0 : i >= n)) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("list assignment index out of range"));
            return false;
        }
        items.erase(items.begin() + (i < 0 ? i + n : i));
        v.listResized();
        return true;
    }
    error = pyTypeError(QStringLiteral("'%1' object doesn't support item deletion").arg(pyTypeName(v)));
    return false;
}

}  // namespace tusk
