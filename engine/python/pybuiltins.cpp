#include "pybuiltins.h"

#include "pydict.h"
#include "pyint.h"
#include "pyobjects.h"
#include "pyops.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace tusk {

namespace {

struct Entry {
    const char *name;
    Builtin builtin;
    bool isType;  ///< a class (`<class 'int'>`), not a function
};

constexpr Entry kBuiltins[] = {
    {"len", Builtin::Len, false},
    {"range", Builtin::Range, true},
    {"str", Builtin::Str, true},
    {"int", Builtin::Int, true},
    {"float", Builtin::Float, true},
    {"bool", Builtin::Bool, true},
    {"abs", Builtin::Abs, false},
    {"min", Builtin::Min, false},
    {"max", Builtin::Max, false},
    {"sum", Builtin::Sum, false},
    {"round", Builtin::Round, false},
    {"sorted", Builtin::Sorted, false},
    {"reversed", Builtin::Reversed, true},
    {"enumerate", Builtin::Enumerate, true},
    {"zip", Builtin::Zip, true},
    {"list", Builtin::List, true},
    {"tuple", Builtin::Tuple, true},
    {"dict", Builtin::Dict, true},
    {"repr", Builtin::Repr, false},
    {"isinstance", Builtin::Isinstance, false},
    {"type", Builtin::Type, true},
    {"any", Builtin::Any, false},
    {"all", Builtin::All, false},
    {"divmod", Builtin::Divmod, false},
    {"pow", Builtin::Pow, false},
    {"chr", Builtin::Chr, false},
    {"ord", Builtin::Ord, false},
    {"format", Builtin::Format, false},
    {"ascii", Builtin::Ascii, false},
    {"hex", Builtin::Hex, false},
    {"bin", Builtin::Bin, false},
    {"oct", Builtin::Oct, false},
    {"print", Builtin::Print, false},
};

// The exception classes an expression may name (constructors, isinstance, except).
constexpr ExceptionType kExceptionClasses[]
    = {ExceptionType::BaseException, ExceptionType::Exception, ExceptionType::ValueError, ExceptionType::RuntimeError,
        ExceptionType::TimeoutError, ExceptionType::TypeError, ExceptionType::AttributeError, ExceptionType::NameError,
        ExceptionType::UnboundLocalError, ExceptionType::RecursionError, ExceptionType::OverflowError,
        ExceptionType::ArithmeticError, ExceptionType::ZeroDivisionError, ExceptionType::LookupError,
        ExceptionType::IndexError, ExceptionType::KeyError, ExceptionType::AssertionError,
        ExceptionType::NotImplementedError, ExceptionType::StopIteration, ExceptionType::MemoryError};

const Entry &entryOf(Builtin b)
{
    for (const Entry &e : kBuiltins) {
        if (e.builtin == b)
            return e;
    }
    return kBuiltins[0];
}

class BuiltinObject final : public PyObject {
public:
    explicit BuiltinObject(BuiltinName n)
        : name(n)
    {
    }
    QString typeName() const override
    {
        if (name.builtin == Builtin::ExceptionClass || entryOf(name.builtin).isType)
            return QStringLiteral("type");
        return QStringLiteral("builtin_function_or_method");
    }
    // Each use of `int` makes a value of its own: the same builtin is the same object.
    bool sameAs(const PyObject &other) const override
    {
        auto *b = dynamic_cast<const BuiltinObject *>(&other);
        return b && b->name.builtin == name.builtin && b->name.exception == name.exception;
    }
    BuiltinName name;
};

// A class that no builtin name stands for, as type() returns it: `<class '_asyncio.Task'>`.
class TypeObject final : public PyObject {
public:
    explicit TypeObject(QString qualifiedName)
        : qualified(std::move(qualifiedName))
    {
    }
    QString typeName() const override { return QStringLiteral("type"); }
    bool sameAs(const PyObject &other) const override
    {
        auto *t = dynamic_cast<const TypeObject *>(&other);
        return t && t->qualified == qualified;
    }
    QString qualified;
};

Value typeError(const QString &m)
{
    return pyTypeError(m);
}

Value valueError(const QString &m)
{
    return pyError(ExceptionType::ValueError, m);
}

QString builtinName(const BuiltinName &b)
{
    if (b.builtin == Builtin::ExceptionClass)
        return exceptionTypeName(b.exception);
    return QString::fromLatin1(entryOf(b.builtin).name);
}

// Argument-count checks with CPython's messages.
bool noKeywords(const BuiltinCall &c, const char *name, Value &error)
{
    if (c.keywordNames.empty())
        return true;
    error = typeError(QStringLiteral("%1() takes no keyword arguments").arg(QLatin1String(name)));
    return false;
}

bool exactly(const BuiltinCall &c, std::size_t n, const char *name, Value &error)
{
    if (!noKeywords(c, name, error))
        return false;
    if (c.args.size() == n)
        return true;
    if (n == 1)
        error = typeError(
            QStringLiteral("%1() takes exactly one argument (%2 given)").arg(QLatin1String(name)).arg(c.args.size()));
    else
        error = typeError(
            QStringLiteral("%1 expected %2 arguments, got %3").arg(QLatin1String(name)).arg(n).arg(c.args.size()));
    return false;
}

bool rangeArgs(std::size_t given, std::size_t least, std::size_t most, const char *name, Value &error)
{
    if (given < least) {
        error = typeError(QStringLiteral("%1 expected at least %2 argument%3, got %4")
                              .arg(QLatin1String(name))
                              .arg(least)
                              .arg(least == 1 ? QString() : QStringLiteral("s"))
                              .arg(given));
        return false;
    }
    if (given > most) {
        error = typeError(QStringLiteral("%1 expected at most %2 argument%3, got %4")
                              .arg(QLatin1String(name))
                              .arg(most)
                              .arg(most == 1 ? QString() : QStringLiteral("s"))
                              .arg(given));
        return false;
    }
    return true;
}

const Value *keyword(const BuiltinCall &c, const char *name)
{
    for (std::size_t i = 0; i < c.keywordNames.size(); ++i) {
        if (c.keywordNames[i] == QLatin1String(name))
            return &c.keywordValues[i];
    }
    return nullptr;
}

bool onlyKeywords(const BuiltinCall &c, std::initializer_list<const char *> allowed, const char *function, Value &error)
{
    for (const QString &k : c.keywordNames) {
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return k == QLatin1String(a); })) {
            error = typeError(
                QStringLiteral("%1() got an unexpected keyword argument '%2'").arg(QLatin1String(function), k));
            return false;
        }
    }
    return true;
}

// A key function: a builtin given as key=.
bool applyKey(const Value *key, const Value &item, const BuiltinCall &c, Value *out, Value &error)
{
    if (!key || key->isNone()) {
        *out = item;
        return true;
    }
    BuiltinName b;
    if (!builtinOf(*key, &b)) {
        error = typeError(QStringLiteral("'%1' object is not callable").arg(pyTypeName(*key)));
        return false;
    }
    BuiltinCall inner;
    inner.args = std::span<const Value>(&item, 1);
    inner.taskRepr = c.taskRepr;
    inner.reprDepthLeft = c.reprDepthLeft;
    return callBuiltin(b, inner, out, error);
}

bool less(const Value &a, const Value &b, bool *out, Value &error)
{
    return pyCompare(ExprNode::CompareOp::Lt, a, b, out, error);
}

}  // namespace

// list.sort() for what CPython 3.11 sorts with one run and binary insertion (fewer than 64
// items: count_run, then binarysort), so that the comparisons, and with them the TypeError of
// mixed types, come in the same order; a stable merge sort above.
bool sortValues(std::vector<Value> &keys, std::vector<Value> &items, Value &error)
{
    const std::size_t n = keys.size();
    if (n < 2)
        return true;
    if (n < 64) {
        bool lt = false;
        std::size_t run = 2;
        if (!less(keys[1], keys[0], &lt, error))
            return false;
        if (lt) {
            for (; run < n; ++run) {
                if (!less(keys[run], keys[run - 1], &lt, error))
                    return false;
                if (!lt)
                    break;
            }
            std::reverse(keys.begin(), keys.begin() + std::ptrdiff_t(run));
            std::reverse(items.begin(), items.begin() + std::ptrdiff_t(run));
        } else {
            for (; run < n; ++run) {
                if (!less(keys[run], keys[run - 1], &lt, error))
                    return false;
                if (lt)
                    break;
            }
        }
        for (std::size_t start = run; start < n; ++start) {
            std::size_t l = 0, r = start;
            const Value pivot = keys[start];
            do {
                const std::size_t p = l + ((r - l) >> 1);
                if (!less(pivot, keys[p], &lt, error))
                    return false;
                if (lt)
                    r = p;
                else
                    l = p + 1;
            } while (l < r);
            std::rotate(keys.begin() + std::ptrdiff_t(l), keys.begin() + std::ptrdiff_t(start),
                keys.begin() + std::ptrdiff_t(start) + 1);
            std::rotate(items.begin() + std::ptrdiff_t(l), items.begin() + std::ptrdiff_t(start),
                items.begin() + std::ptrdiff_t(start) + 1);
        }
        return true;
    }
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    bool failed = false;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (failed)
            return false;
        bool lt = false;
        if (!less(keys[a], keys[b], &lt, error)) {
            failed = true;
            return false;
        }
        return lt;
    });
    if (failed)
        return false;
    std::vector<Value> k2, i2;
    for (std::size_t i : order) {
        k2.push_back(keys[i]);
        i2.push_back(items[i]);
    }
    keys = std::move(k2);
    items = std::move(i2);
    return true;
}

namespace {

bool minMax(const BuiltinCall &c, bool isMax, Value *out, Value &error)
{
    const char *name = isMax ? "max" : "min";
    if (!onlyKeywords(c, {"key", "default"}, name, error))
        return false;
    const Value *key = keyword(c, "key");
    const Value *def = keyword(c, "default");
    std::vector<Value> items;
    if (c.args.empty()) {
        error = typeError(QStringLiteral("%1 expected at least 1 argument, got 0").arg(QLatin1String(name)));
        return false;
    }
    if (c.args.size() == 1) {
        if (!pyToVector(c.args[0], &items, error))
            return false;
    } else {
        if (def) {
            error = typeError(QStringLiteral("Cannot specify a default for %1() with multiple positional arguments")
                                  .arg(QLatin1String(name)));
            return false;
        }
        items.assign(c.args.begin(), c.args.end());
    }
    if (items.empty()) {
        if (def) {
            *out = *def;
            return true;
        }
        error = valueError(QStringLiteral("%1() arg is an empty sequence").arg(QLatin1String(name)));
        return false;
    }
    Value best = items[0];
    Value bestKey;
    if (!applyKey(key, best, c, &bestKey, error))
        return false;
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k;
        if (!applyKey(key, items[i], c, &k, error))
            return false;
        bool better = false;
        if (!pyCompare(isMax ? ExprNode::CompareOp::Gt : ExprNode::CompareOp::Lt, k, bestKey, &better, error))
            return false;
        if (better) {
            best = items[i];
            bestKey = k;
        }
    }
    *out = best;
    return true;
}

bool sum(const BuiltinCall &c, Value *out, Value &error)
{
    if (!onlyKeywords(c, {"start"}, "sum", error))
        return false;
    if (!rangeArgs(c.args.size() + (keyword(c, "start") ? 1 : 0), 1, 2, "sum", error))
        return false;
    Value result = Value::integer(0);
    if (c.args.size() == 2)
        result = c.args[1];
    else if (const Value *s = keyword(c, "start"))
        result = *s;
    if (result.isString()) {
        error = typeError(QStringLiteral("sum() can't sum strings [use ''.join(seq) instead]"));
        return false;
    }
    std::vector<Value> items;
    if (!pyToVector(c.args[0], &items, error))
        return false;
    for (const Value &item : items) {
        Value next;
        if (!pyBinary(ExprNode::BinaryOp::Add, result, item, false, &next, error))
            return false;
        result = std::move(next);
    }
    *out = result;
    return true;
}

// round(float, ndigits) (float___round___impl): through the correctly rounded decimal.
bool roundFloat(double x, std::int64_t ndigits, Value *out)
{
    if (!std::isfinite(x) || x == 0.0) {
        *out = Value::floating(x);
        return true;
    }
    if (ndigits > 323) {
        *out = Value::floating(x);
        return true;
    }
    if (ndigits < -308) {
        *out = Value::floating(0.0 * x);
        return true;
    }
    if (ndigits >= 0) {
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.*f", int(ndigits), x);
        *out = Value::floating(std::strtod(buf, nullptr));
        return true;
    }
    // Round to a multiple of 10**-ndigits, half to even, on the exact value.
    const bool negative = x < 0;
    const double ax = std::fabs(x);
    Mpz whole, unit, rem, half;
    mpz_set_d(whole.z, std::trunc(ax));
    const double frac = ax - std::trunc(ax);
    mpz_ui_pow_ui(unit.z, 10, std::uint64_t(-ndigits));
    mpz_fdiv_r(rem.z, whole.z, unit.z);
    mpz_sub(whole.z, whole.z, rem.z);
    mpz_mul_2exp(half.z, rem.z, 1);  // compare 2 * (rem + frac) with unit
    const int c = mpz_cmp(half.z, unit.z);
    bool up = c > 0 || (c == 0 && frac > 0.0);
    if (c == 0 && frac == 0.0) {
        Mpz q;
        mpz_fdiv_q(q.z, whole.z, unit.z);
        up = mpz_odd_p(q.z);
    }
    if (up)
        mpz_add(whole.z, whole.z, unit.z);
    double d = 0;
    Value err;
    if (!intToDouble(intFromMpz(whole.z), &d, err))
        d = std::numeric_limits<double>::infinity();
    *out = Value::floating(negative ? -d : d);
    return true;
}

bool round(const BuiltinCall &c, Value *out, Value &error)
{
    if (!onlyKeywords(c, {"number", "ndigits"}, "round", error))
        return false;
    std::vector<Value> args(c.args.begin(), c.args.end());
    if (const Value *n = keyword(c, "number"))
        args.insert(args.begin(), *n);
    if (const Value *n = keyword(c, "ndigits"))
        args.push_back(*n);
    if (args.empty()) {
        error = typeError(QStringLiteral("round() missing required argument 'number' (pos 1)"));
        return false;
    }
    if (args.size() > 2) {
        error = typeError(QStringLiteral("round() takes at most 2 arguments (%1 given)").arg(args.size()));
        return false;
    }
    const Value &x = args[0];
    const bool hasDigits = args.size() == 2 && !args[1].isNone();
    std::int64_t ndigits = 0;
    if (hasDigits && !pyIndex(args[1], &ndigits, error))
        return false;
    if (x.isFloat()) {
        if (!hasDigits) {
            const double d = x.toFloat();
            double r = std::round(d);
            if (std::fabs(d - std::trunc(d)) == 0.5)
                r = 2.0 * std::round(d / 2.0);
            return intFromFloat(r, out, error);
        }
        return roundFloat(x.toFloat(), ndigits, out);
    }
    if (x.isIntegral()) {
        if (!hasDigits || ndigits >= 0) {
            *out = x.isBool() ? Value::integer(x.toBool()) : x;
            return true;
        }
        Mpz v, unit, q, r, twice;
        intToMpz(x, v.z);
        mpz_ui_pow_ui(unit.z, 10, std::uint64_t(std::min<std::int64_t>(-ndigits, 100000)));
        mpz_fdiv_qr(q.z, r.z, v.z, unit.z);
        mpz_mul_2exp(twice.z, r.z, 1);
        const int cmp = mpz_cmp(twice.z, unit.z);
        if (cmp > 0 || (cmp == 0 && mpz_odd_p(q.z)))
            mpz_add_ui(q.z, q.z, 1);
        mpz_mul(q.z, q.z, unit.z);
        *out = intFromMpz(q.z);
        return true;
    }
    error = typeError(QStringLiteral("type %1 doesn't define __round__ method").arg(pyTypeName(x)));
    return false;
}

bool toInt(const BuiltinCall &c, Value *out, Value &error)
{
    if (!onlyKeywords(c, {"base"}, "int", error))
        return false;
    const Value *baseKw = keyword(c, "base");
    if (c.args.size() + (baseKw ? 1 : 0) > 2) {
        error = typeError(QStringLiteral("int() takes at most 2 arguments (%1 given)").arg(c.args.size()));
        return false;
    }
    if (c.args.empty()) {
        if (baseKw) {
            error = typeError(QStringLiteral("int() missing string argument"));
            return false;
        }
        *out = Value::integer(0);
        return true;
    }
    const Value &x = c.args[0];
    const Value *base = c.args.size() == 2 ? &c.args[1] : baseKw;
    if (base) {
        if (!x.isString()) {
            error = typeError(QStringLiteral("int() can't convert non-string with explicit base"));
            return false;
        }
        std::int64_t b = 0;
        if (!pyIndex(*base, &b, error))
            return false;
        return intFromString(x.toString(), int(std::clamp<std::int64_t>(b, -1, 37)), out, error);
    }
    if (x.isIntegral()) {
        *out = x.isBool() ? Value::integer(x.toBool()) : x;
        return true;
    }
    if (x.isFloat())
        return intFromFloat(x.toFloat(), out, error);
    if (x.isString())
        return intFromString(x.toString(), 10, out, error);
    error = typeError(QStringLiteral("int() argument must be a string, a bytes-like object or a real number, not '%1'")
                          .arg(pyTypeName(x)));
    return false;
}

bool toFloat(const BuiltinCall &c, Value *out, Value &error)
{
    if (!noKeywords(c, "float", error))
        return false;
    if (c.args.size() > 1) {
        error = typeError(QStringLiteral("float expected at most 1 argument, got %1").arg(c.args.size()));
        return false;
    }
    if (c.args.empty()) {
        *out = Value::floating(0.0);
        return true;
    }
    const Value &x = c.args[0];
    if (x.isFloat()) {
        *out = x;
        return true;
    }
    if (x.isIntegral()) {
        double d = 0;
        if (!intToDouble(x, &d, error))
            return false;
        *out = Value::floating(d);
        return true;
    }
    if (x.isString()) {
        double d = 0;
        if (!floatFromString(x.toString(), &d, error))
            return false;
        *out = Value::floating(d);
        return true;
    }
    error
        = typeError(QStringLiteral("float() argument must be a string or a real number, not '%1'").arg(pyTypeName(x)));
    return false;
}

bool isinstanceOf(const Value &x, const Value &cls, bool *out, Value &error)
{
    if (cls.isTuple()) {
        *out = false;
        for (const Value &c : cls.toList()) {
            bool r = false;
            if (!isinstanceOf(x, c, &r, error))
                return false;
            if (r) {
                *out = true;
                return true;
            }
        }
        return true;
    }
    BuiltinName b;
    if (!builtinOf(cls, &b) || !(b.builtin == Builtin::ExceptionClass || entryOf(b.builtin).isType)) {
        error = typeError(QStringLiteral("isinstance() arg 2 must be a type, a tuple of types, or a union"));
        return false;
    }
    switch (b.builtin) {
    case Builtin::Int:
        *out = x.isIntegral();
        break;
    case Builtin::Bool:
        *out = x.isBool();
        break;
    case Builtin::Float:
        *out = x.isFloat();
        break;
    case Builtin::Str:
        *out = x.isString();
        break;
    case Builtin::List:
        *out = x.isList();
        break;
    case Builtin::Tuple:
        *out = x.isTuple();
        break;
    case Builtin::Dict:
        *out = x.isDict();
        break;
    case Builtin::Range:
        *out = pyIsRange(x);
        break;
    case Builtin::ExceptionClass:
        *out = x.isException() && exceptionIsSubclass(x.exceptionType(), b.exception);
        break;
    default:
        *out = x.isObject() && x.toObject()->typeName() == builtinName(b);
        break;
    }
    return true;
}

QString prefixedDigits(const Value &v, int base, const char *prefix)
{
    const std::string digits = intMagnitudeDigits(v, base);
    return (intSign(v) < 0 ? QStringLiteral("-") : QString()) + QLatin1String(prefix) + QLatin1String(digits.c_str());
}

}  // namespace

bool findBuiltin(const QString &name, BuiltinName *out)
{
    for (const Entry &e : kBuiltins) {
        if (name == QLatin1String(e.name)) {
            *out = {e.builtin, ExceptionType::Exception};
            return true;
        }
    }
    for (ExceptionType t : kExceptionClasses) {
        if (name == exceptionTypeName(t)) {
            *out = {Builtin::ExceptionClass, t};
            return true;
        }
    }
    return false;
}

QStringList builtinNames()
{
    QStringList names;
    for (const Entry &e : kBuiltins)
        names << QString::fromLatin1(e.name);
    for (ExceptionType t : kExceptionClasses)
        names << exceptionTypeName(t);
    return names;
}

Value builtinValue(const BuiltinName &b)
{
    auto *o = new BuiltinObject(b);
    o->account(sizeof(BuiltinObject));
    return Value::object(o);
}

bool builtinOf(const Value &v, BuiltinName *out)
{
    if (!v.isObject())
        return false;
    auto *b = dynamic_cast<const BuiltinObject *>(v.toObject());
    if (!b)
        return false;
    *out = b->name;
    return true;
}

bool isBuiltinValue(const Value &v)
{
    BuiltinName b;
    return builtinOf(v, &b) || (v.isObject() && dynamic_cast<const TypeObject *>(v.toObject()));
}

Value typeOf(const Value &v)
{
    const QString name = v.typeName();
    BuiltinName b;
    if (findBuiltin(name, &b) && (b.builtin == Builtin::ExceptionClass || entryOf(b.builtin).isType))
        return builtinValue(b);
    auto *t = new TypeObject(name);
    t->account(sizeof(TypeObject));
    return Value::object(t);
}

QString builtinQualifiedName(const Value &v)
{
    if (v.isObject()) {
        if (auto *t = dynamic_cast<const TypeObject *>(v.toObject()))
            return t->qualified;
    }
    BuiltinName b;
    builtinOf(v, &b);
    return builtinName(b);
}

QString builtinRepr(const Value &v)
{
    BuiltinName b;
    if (!builtinOf(v, &b) || b.builtin == Builtin::ExceptionClass || entryOf(b.builtin).isType)
        return QStringLiteral("<class '%1'>").arg(builtinQualifiedName(v));
    return QStringLiteral("<built-in function %1>").arg(builtinName(b));
}

bool pyStrChecked(const Value &v, const BuiltinCall &call, QString *out, Value &error)
{
    if (v.isString()) {
        *out = v.toString();
        return true;
    }
    const ReprResult r = pyStrLimited(v, call.reprDepthLeft, call.taskRepr);
    if (!r.ok) {
        error = pyError(r.errorType, r.errorMessage);
        return false;
    }
    *out = r.text;
    return true;
}

bool pyReprChecked(const Value &v, const BuiltinCall &call, QString *out, Value &error)
{
    const ReprResult r = pyReprLimited(v, call.reprDepthLeft, call.taskRepr);
    if (!r.ok) {
        error = pyError(r.errorType, r.errorMessage);
        return false;
    }
    *out = r.text;
    return true;
}

bool floatFromString(const QString &text, double *out, Value &error)
{
    const QString t = text.trimmed();
    QString s = t;
    // Underscores only between digits.
    bool ok = !s.isEmpty();
    for (qsizetype i = 0; ok && i < s.size(); ++i) {
        if (s[i] == u'_')
            ok = i > 0 && i + 1 < s.size() && s[i - 1].isDigit() && s[i + 1].isDigit();
    }
    s.remove(u'_');
    const QString lower = s.toLower();
    const QString unsigned_ = lower.startsWith(u'-') || lower.startsWith(u'+') ? lower.mid(1) : lower;
    if (ok && (unsigned_ == u"inf" || unsigned_ == u"infinity" || unsigned_ == u"nan")) {
        const double v
            = unsigned_ == u"nan" ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
        *out = lower.startsWith(u'-') ? -v : v;
        return true;
    }
    // Digits, one point, an exponent: what strtod takes, and nothing hexadecimal.
    if (ok) {
        qsizetype i = 0;
        if (i < s.size() && (s[i] == u'+' || s[i] == u'-'))
            ++i;
        qsizetype digits = 0;
        while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
            ++i;
            ++digits;
        }
        if (i < s.size() && s[i] == u'.') {
            ++i;
            while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
                ++i;
                ++digits;
            }
        }
        ok = digits > 0;
        if (ok && i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
            ++i;
            if (i < s.size() && (s[i] == u'+' || s[i] == u'-'))
                ++i;
            qsizetype expDigits = 0;
            while (i < s.size() && s[i].isDigit() && s[i].unicode() < 128) {
                ++i;
                ++expDigits;
            }
            ok = expDigits > 0;
        }
        ok = ok && i == s.size();
    }
    if (!ok) {
        error = valueError(QStringLiteral("could not convert string to float: %1").arg(pyStringRepr(text)));
        return false;
    }
    *out = std::strtod(s.toLatin1().constData(), nullptr);
    return true;
}

bool callBuiltin(const BuiltinName &b, const BuiltinCall &c, Value *out, Value &error)
{
    using C = Builtin;
    switch (b.builtin) {
    case C::Len: {
        if (!exactly(c, 1, "len", error))
            return false;
        std::int64_t n = 0;
        if (!pyLen(c.args[0], &n, error))
            return false;
        *out = Value::integer(n);
        return true;
    }
    case C::Range: {
        if (!noKeywords(c, "range", error) || !rangeArgs(c.args.size(), 1, 3, "range", error))
            return false;
        std::int64_t v[3] = {0, 0, 1};
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            if (!c.args[i].isIntegral()) {
                error = typeError(
                    QStringLiteral("'%1' object cannot be interpreted as an integer").arg(pyTypeName(c.args[i])));
                return false;
            }
            if (!intFits64(c.args[i], &v[c.args.size() == 1 ? 1 : i])) {
                error = pyError(
                    ExceptionType::OverflowError, QStringLiteral("Python int too large to convert to C ssize_t"));
                return false;
            }
        }
        if (v[2] == 0) {
            error = valueError(QStringLiteral("range() arg 3 must not be zero"));
            return false;
        }
        *out = pyRange(v[0], v[1], v[2]);
        return true;
    }
    case C::Str: {
        if (!onlyKeywords(c, {"object"}, "str", error))
            return false;
        if (c.args.size() > 1) {
            error = typeError(QStringLiteral("str() takes at most 1 argument (%1 given)").arg(c.args.size()));
            return false;
        }
        const Value *x = c.args.empty() ? keyword(c, "object") : &c.args[0];
        if (!x) {
            *out = Value::string(QString());
            return true;
        }
        QString text;
        if (!pyStrChecked(*x, c, &text, error))
            return false;
        *out = x->isString() ? *x : Value::string(text);
        return true;
    }
    case C::Type:
        if (c.args.size() != 1 || !c.keywordNames.empty()) {
            error = typeError(QStringLiteral("type() takes 1 or 3 arguments"));
            return false;
        }
        *out = typeOf(c.args[0]);
        return true;
    case C::Repr:
    case C::Ascii: {
        if (!exactly(c, 1, b.builtin == C::Repr ? "repr" : "ascii", error))
            return false;
        const ReprResult r = b.builtin == C::Repr ? pyReprLimited(c.args[0], c.reprDepthLeft, c.taskRepr)
                                                  : pyAsciiLimited(c.args[0], c.reprDepthLeft, c.taskRepr);
        if (!r.ok) {
            error = pyError(r.errorType, r.errorMessage);
            return false;
        }
        *out = Value::string(r.text);
        return true;
    }
    case C::Int:
        return toInt(c, out, error);
    case C::Float:
        return toFloat(c, out, error);
    case C::Bool:
        if (!noKeywords(c, "bool", error))
            return false;
        if (c.args.size() > 1) {
            error = typeError(QStringLiteral("bool expected at most 1 argument, got %1").arg(c.args.size()));
            return false;
        }
        *out = Value::boolean(!c.args.empty() && pyTruth(c.args[0]));
        return true;
    case C::Abs: {
        if (!exactly(c, 1, "abs", error))
            return false;
        const Value &x = c.args[0];
        if (x.isFloat()) {
            *out = Value::floating(std::fabs(x.toFloat()));
            return true;
        }
        if (x.isIntegral()) {
            *out = intSign(x) < 0 ? intNeg(x) : (x.isBool() ? Value::integer(x.toBool()) : x);
            return true;
        }
        error = typeError(QStringLiteral("bad operand type for abs(): '%1'").arg(pyTypeName(x)));
        return false;
    }
    case C::Min:
    case C::Max:
        return minMax(c, b.builtin == C::Max, out, error);
    case C::Sum:
        return sum(c, out, error);
    case C::Round:
        return round(c, out, error);
    case C::Sorted: {
        if (!onlyKeywords(c, {"key", "reverse"}, "sort", error))
            return false;
        if (c.args.size() != 1) {
            error = typeError(c.args.empty() ? QStringLiteral("sorted expected 1 argument, got 0")
                                             : QStringLiteral("sorted expected 1 argument, got %1").arg(c.args.size()));
            return false;
        }
        std::vector<Value> items;
        if (!pyToVector(c.args[0], &items, error))
            return false;
        Value list = Value::list(std::move(items));
        BuiltinCall sortCall = c;
        sortCall.args = {};
        Value ignored;
        if (!callMethod(list, QStringLiteral("sort"), sortCall, &ignored, error))
            return false;
        *out = list;
        return true;
    }
    case C::Reversed: {
        if (!exactly(c, 1, "reversed", error))
            return false;
        const Value &x = c.args[0];
        if (x.isList()) {
            *out = makeIterator(IteratorObject::Source::ListReversed, x);
            return true;
        }
        if (x.isTuple() || x.isString() || pyIsRange(x)) {
            std::vector<Value> items;
            pyToVector(x, &items, error);
            std::reverse(items.begin(), items.end());
            *out = makeItemsIterator(x.isTuple() ? QStringLiteral("reversed")
                    : x.isString()               ? QStringLiteral("reversed")
                                                 : QStringLiteral("range_iterator"),
                std::move(items));
            return true;
        }
        if (x.isDict()) {
            std::vector<Value> keys;
            pyToVector(x, &keys, error);
            std::reverse(keys.begin(), keys.end());
            *out = makeItemsIterator(QStringLiteral("dict_reversekeyiterator"), std::move(keys));
            return true;
        }
        error = typeError(QStringLiteral("'%1' object is not reversible").arg(pyTypeName(x)));
        return false;
    }
    case C::Enumerate: {
        if (!onlyKeywords(c, {"iterable", "start"}, "enumerate", error))
            return false;
        const Value *it = !c.args.empty() ? &c.args[0] : keyword(c, "iterable");
        if (!it) {
            error = typeError(QStringLiteral("enumerate() missing required argument 'iterable' (pos 1)"));
            return false;
        }
        Value start = Value::integer(0);
        if (c.args.size() > 1)
            start = c.args[1];
        else if (const Value *s = keyword(c, "start"))
            start = *s;
        if (!start.isIntegral()) {
            error = typeError(QStringLiteral("'%1' object cannot be interpreted as an integer").arg(pyTypeName(start)));
            return false;
        }
        std::vector<Value> items;
        if (!pyToVector(*it, &items, error))
            return false;
        std::vector<Value> pairs;
        pairs.reserve(items.size());
        Value i = start.isBool() ? Value::integer(start.toBool()) : start;
        for (Value &item : items) {
            pairs.push_back(Value::tuple({i, std::move(item)}));
            i = intAdd(i, Value::integer(1));
        }
        *out = makeItemsIterator(QStringLiteral("enumerate"), std::move(pairs));
        return true;
    }
    case C::Zip: {
        if (!onlyKeywords(c, {"strict"}, "zip", error))
            return false;
        std::vector<std::vector<Value>> columns;
        std::size_t shortest = std::numeric_limits<std::size_t>::max();
        for (std::size_t k = 0; k < c.args.size(); ++k) {
            std::vector<Value> col;
            Value probe;
            if (!pyIter(c.args[k], &probe, error)) {
                error = typeError(QStringLiteral("'%1' object is not iterable").arg(pyTypeName(c.args[k])));
                return false;
            }
            if (!pyToVector(c.args[k], &col, error))
                return false;
            shortest = std::min(shortest, col.size());
            columns.push_back(std::move(col));
        }
        if (columns.empty())
            shortest = 0;
        std::vector<Value> rows;
        for (std::size_t r = 0; r < shortest; ++r) {
            std::vector<Value> row;
            for (auto &col : columns)
                row.push_back(col[r]);
            rows.push_back(Value::tuple(std::move(row)));
        }
        *out = makeItemsIterator(QStringLiteral("zip"), std::move(rows));
        return true;
    }
    case C::List:
    case C::Tuple: {
        const char *name = b.builtin == C::List ? "list" : "tuple";
        if (!noKeywords(c, name, error))
            return false;
        if (c.args.size() > 1) {
            error = typeError(
                QStringLiteral("%1 expected at most 1 argument, got %2").arg(QLatin1String(name)).arg(c.args.size()));
            return false;
        }
        std::vector<Value> items;
        if (!c.args.empty() && !pyToVector(c.args[0], &items, error))
            return false;
        *out = b.builtin == C::List ? Value::list(std::move(items)) : Value::tuple(std::move(items));
        return true;
    }
    case C::Dict: {
        if (c.args.size() > 1) {
            error = typeError(QStringLiteral("dict expected at most 1 argument, got %1").arg(c.args.size()));
            return false;
        }
        Value d = Value::dict();
        if (!c.args.empty()) {
            const Value &src = c.args[0];
            if (src.isDict()) {
                for (const PyDict::Entry &e : src.toDict().entries()) {
                    if (e.live && !d.toDict().set(e.key, e.value, error))
                        return false;
                }
            } else {
                std::vector<Value> items;
                if (!pyToVector(src, &items, error))
                    return false;
                for (std::size_t i = 0; i < items.size(); ++i) {
                    std::vector<Value> pair;
                    if (!pyToVector(items[i], &pair, error)) {
                        error = typeError(
                            QStringLiteral("cannot convert dictionary update sequence element #%1 to a sequence")
                                .arg(i));
                        return false;
                    }
                    if (pair.size() != 2) {
                        error = valueError(
                            QStringLiteral("dictionary update sequence element #%1 has length %2; 2 is required")
                                .arg(i)
                                .arg(pair.size()));
                        return false;
                    }
                    if (!d.toDict().set(pair[0], pair[1], error))
                        return false;
                }
            }
        }
        for (std::size_t i = 0; i < c.keywordNames.size(); ++i) {
            if (!d.toDict().set(Value::string(c.keywordNames[i]), c.keywordValues[i], error))
                return false;
        }
        *out = d;
        return true;
    }
    case C::Isinstance: {
        if (!exactly(c, 2, "isinstance", error))
            return false;
        bool r = false;
        if (!isinstanceOf(c.args[0], c.args[1], &r, error))
            return false;
        *out = Value::boolean(r);
        return true;
    }
    case C::Any:
    case C::All: {
        const bool isAny = b.builtin == C::Any;
        if (!exactly(c, 1, isAny ? "any" : "all", error))
            return false;
        std::vector<Value> items;
        if (!pyToVector(c.args[0], &items, error))
            return false;
        bool result = !isAny;
        for (const Value &item : items) {
            if (pyTruth(item) == isAny) {
                result = isAny;
                break;
            }
        }
        *out = Value::boolean(result);
        return true;
    }
    case C::Divmod: {
        if (!exactly(c, 2, "divmod", error))
            return false;
        const Value &x = c.args[0], &y = c.args[1];
        Value q, r;
        if (x.isNumber() && y.isNumber() && (x.isFloat() || y.isFloat())) {
            double d = 0;
            if (!pyBinary(ExprNode::BinaryOp::Add, y, Value::floating(0.0), false, &q, error))
                return false;
            d = q.toFloat();
            if (d == 0.0) {
                error = pyError(ExceptionType::ZeroDivisionError, QStringLiteral("float divmod()"));
                return false;
            }
        }
        if (!pyBinary(ExprNode::BinaryOp::FloorDiv, x, y, false, &q, error)) {
            if (error.isException() && error.exceptionType() == ExceptionType::TypeError)
                error = typeError(QStringLiteral("unsupported operand type(s) for divmod(): '%1' and '%2'")
                                      .arg(pyTypeName(x), pyTypeName(y)));
            return false;
        }
        if (!pyBinary(ExprNode::BinaryOp::Mod, x, y, false, &r, error))
            return false;
        *out = Value::tuple({q, r});
        return true;
    }
    case C::Pow: {
        if (!onlyKeywords(c, {"base", "exp", "mod"}, "pow", error))
            return false;
        const Value *mod = keyword(c, "mod");
        if (c.args.size() == 3)
            mod = &c.args[2];
        if (c.args.size() < 2 || c.args.size() > 3 || (c.args.size() == 3 && keyword(c, "mod"))) {
            error = typeError(c.args.size() > 3
                    ? QStringLiteral("pow expected at most 3 arguments, got %1").arg(c.args.size())
                    : QStringLiteral("pow() missing required argument 'exp' (pos 2)"));
            return false;
        }
        if (mod && !mod->isNone()) {
            if (!c.args[0].isIntegral() || !c.args[1].isIntegral() || !mod->isIntegral()) {
                error = typeError(QStringLiteral("pow() 3rd argument not allowed unless all arguments are integers"));
                return false;
            }
            return intPowMod(c.args[0], c.args[1], *mod, out, error);
        }
        if (!pyBinary(ExprNode::BinaryOp::Pow, c.args[0], c.args[1], false, out, error)) {
            if (error.isException() && error.exceptionType() == ExceptionType::TypeError
                && error.exceptionArg().toString().startsWith(QLatin1String("unsupported")))
                error = typeError(QStringLiteral("unsupported operand type(s) for ** or pow(): '%1' and '%2'")
                                      .arg(pyTypeName(c.args[0]), pyTypeName(c.args[1])));
            return false;
        }
        return true;
    }
    case C::Chr: {
        if (!exactly(c, 1, "chr", error))
            return false;
        std::int64_t n = 0;
        if (!c.args[0].isIntegral()) {
            error = typeError(
                QStringLiteral("'%1' object cannot be interpreted as an integer").arg(pyTypeName(c.args[0])));
            return false;
        }
        if (!intFits64(c.args[0], &n) || n < 0 || n > 0x10FFFF) {
            error = valueError(QStringLiteral("chr() arg not in range(0x110000)"));
            return false;
        }
        const char32_t cp = char32_t(n);
        *out = Value::string(QString::fromUcs4(&cp, 1));
        return true;
    }
    case C::Ord: {
        if (!exactly(c, 1, "ord", error))
            return false;
        if (!c.args[0].isString()) {
            error = typeError(
                QStringLiteral("ord() expected string of length 1, but %1 found").arg(pyTypeName(c.args[0])));
            return false;
        }
        const std::u32string cps = pyCodePoints(c.args[0].toString());
        if (cps.size() != 1) {
            error = typeError(
                QStringLiteral("ord() expected a character, but string of length %1 found").arg(cps.size()));
            return false;
        }
        *out = Value::integer(std::int64_t(cps[0]));
        return true;
    }
    case C::Format: {
        if (!noKeywords(c, "format", error) || !rangeArgs(c.args.size(), 1, 2, "format", error))
            return false;
        QString spec;
        if (c.args.size() == 2) {
            if (!c.args[1].isString()) {
                error = typeError(QStringLiteral("format() argument 2 must be str, not %1").arg(pyTypeName(c.args[1])));
                return false;
            }
            spec = c.args[1].toString();
        }
        const FormatResult r = pyFormatLimited(c.args[0], spec, c.reprDepthLeft, c.taskRepr);
        if (!r.ok) {
            error = pyError(r.errorType, r.errorMessage);
            return false;
        }
        *out = Value::string(r.text);
        return true;
    }
    case C::Hex:
    case C::Bin:
    case C::Oct: {
        const char *name = b.builtin == C::Hex ? "hex" : b.builtin == C::Bin ? "bin" : "oct";
        if (!exactly(c, 1, name, error))
            return false;
        if (!c.args[0].isIntegral()) {
            error = typeError(
                QStringLiteral("'%1' object cannot be interpreted as an integer").arg(pyTypeName(c.args[0])));
            return false;
        }
        const int base = b.builtin == C::Hex ? 16 : b.builtin == C::Bin ? 2 : 8;
        *out = Value::string(prefixedDigits(c.args[0], base,
            b.builtin == C::Hex       ? "0x"
                : b.builtin == C::Bin ? "0b"
                                      : "0o"));
        return true;
    }
    case C::Print: {
        if (!onlyKeywords(c, {"sep", "end", "flush"}, "print", error))
            return false;
        QString sep = QStringLiteral(" "), end = QStringLiteral("\n");
        for (const char *k : {"sep", "end"}) {
            if (const Value *v = keyword(c, k)) {
                if (!v->isNone() && !v->isString()) {
                    error = typeError(
                        QStringLiteral("%1 must be None or a string, not %2").arg(QLatin1String(k), pyTypeName(*v)));
                    return false;
                }
                if (v->isString())
                    (qstrcmp(k, "sep") == 0 ? sep : end) = v->toString();
            }
        }
        QString text;
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            QString piece;
            if (!pyStrChecked(c.args[i], c, &piece, error))
                return false;
            if (i)
                text += sep;
            text += piece;
        }
        text += end;
        if (c.print && !c.print(text, error))
            return false;
        *out = Value::none();
        return true;
    }
    case C::ExceptionClass:
        if (!noKeywords(c, exceptionTypeName(b.exception).toLatin1().constData(), error))
            return false;
        *out = Value::exceptionWithArgs(b.exception, std::vector<Value>(c.args.begin(), c.args.end()));
        return true;
    }
    return false;
}

}  // namespace tusk
