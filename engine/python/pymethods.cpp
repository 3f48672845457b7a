// The methods of str, list, tuple and dict a Tusk expression may call, and the attributes of
// exceptions and ranges, as Objects/unicodeobject.c, listobject.c, tupleobject.c and
// dictobject.c define them (their results and their error messages).

#include "pybuiltins.h"
#include "pydict.h"
#include "pyint.h"
#include "pyobjects.h"
#include "pyops.h"
#include "template.h"

#include <algorithm>

namespace tusk {

namespace {

Value typeError(const QString &m)
{
    return pyTypeError(m);
}

Value noAttribute(const Value &self, const QString &name)
{
    return pyError(
        ExceptionType::AttributeError, QStringLiteral("'%1' object has no attribute '%2'").arg(pyTypeName(self), name));
}

bool argCount(const BuiltinCall &c, const QString &method, std::size_t least, std::size_t most, Value &error)
{
    if (!c.keywordNames.empty()) {
        error = typeError(QStringLiteral("%1() takes no keyword arguments").arg(method));
        return false;
    }
    const std::size_t n = c.args.size();
    if (n >= least && n <= most)
        return true;
    if (least == most && least == 0)
        error = typeError(QStringLiteral("%1() takes no arguments (%2 given)").arg(method).arg(n));
    else if (least == most && least == 1)
        error = typeError(QStringLiteral("%1() takes exactly one argument (%2 given)").arg(method).arg(n));
    else if (n < least)
        error = typeError(QStringLiteral("%1 expected at least %2 argument%3, got %4")
                              .arg(method.section(u'.', -1))
                              .arg(least)
                              .arg(least == 1 ? QString() : QStringLiteral("s"))
                              .arg(n));
    else
        error = typeError(QStringLiteral("%1 expected at most %2 argument%3, got %4")
                              .arg(method.section(u'.', -1))
                              .arg(most)
                              .arg(most == 1 ? QString() : QStringLiteral("s"))
                              .arg(n));
    return false;
}

bool strArg(const Value &v, const QString &method, int position, QString *out, Value &error)
{
    if (v.isString()) {
        *out = v.toString();
        return true;
    }
    Q_UNUSED(position);
    error = typeError(QStringLiteral("%1() argument must be str, not %2").arg(method, pyTypeName(v)));
    return false;
}

// Python's whitespace for split() and strip() without arguments (str.isspace).
bool isPySpace(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x09 && u <= 0x0d) || (u >= 0x1c && u <= 0x20) || u == 0x85 || c.isSpace();
}

QString stripChars(const QString &s, const Value *chars, bool left, bool right)
{
    qsizetype a = 0, b = s.size();
    const auto strip = [&](QChar c) {
        if (!chars || chars->isNone())
            return isPySpace(c);
        return chars->toString().contains(c);
    };
    if (left)
        while (a < b && strip(s[a]))
            ++a;
    if (right)
        while (b > a && strip(s[b - 1]))
            --b;
    return s.mid(a, b - a);
}

std::vector<Value> splitWhitespace(const QString &s, std::int64_t maxsplit)
{
    std::vector<Value> out;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        while (i < n && isPySpace(s[i]))
            ++i;
        if (i >= n)
            break;
        if (maxsplit >= 0 && std::int64_t(out.size()) == maxsplit) {
            qsizetype end = n;
            while (end > i && isPySpace(s[end - 1]))
                --end;
            out.push_back(Value::string(s.mid(i, end - i)));
            return out;
        }
        const qsizetype start = i;
        while (i < n && !isPySpace(s[i]))
            ++i;
        out.push_back(Value::string(s.mid(start, i - start)));
    }
    return out;
}

// Clamps str.find-style start/end arguments.
void clampRange(const BuiltinCall &c, std::size_t first, qsizetype length, qsizetype *start, qsizetype *end)
{
    *start = 0;
    *end = length;
    const auto get = [&](std::size_t i, qsizetype *out) {
        if (c.args.size() > i && c.args[i].isIntegral()) {
            std::int64_t v = 0;
            if (!intFits64(c.args[i], &v))
                v = intSign(c.args[i]) < 0 ? -length - 1 : length + 1;
            if (v < 0)
                v = std::max<std::int64_t>(0, v + length);
            *out = qsizetype(std::min<std::int64_t>(v, length));
        }
    };
    get(first, start);
    get(first + 1, end);
}

bool strFormat(const QString &format, const BuiltinCall &c, Value *out, Value &error)
{
    // str.format(): literal text, {{ }}, and fields {}, {0}, {name}, with !conversion and :spec.
    QString result;
    int autoIndex = 0;
    bool usedAuto = false, usedManual = false;
    const qsizetype n = format.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = format[i];
        if (ch == u'}') {
            if (i + 1 < n && format[i + 1] == u'}') {
                result += u'}';
                ++i;
                continue;
            }
            error = pyError(ExceptionType::ValueError, QStringLiteral("Single '}' encountered in format string"));
            return false;
        }
        if (ch != u'{') {
            result += ch;
            continue;
        }
        if (i + 1 < n && format[i + 1] == u'{') {
            result += u'{';
            ++i;
            continue;
        }
        const qsizetype close = format.indexOf(u'}', i + 1);
        if (close < 0) {
            error = pyError(ExceptionType::ValueError, QStringLiteral("Single '{' encountered in format string"));
            return false;
        }
        QString field = format.mid(i + 1, close - i - 1);
        i = close;
        QString spec, conversion;
        const qsizetype colon = field.indexOf(u':');
        if (colon >= 0) {
            spec = field.mid(colon + 1);
            field.truncate(colon);
        }
        const qsizetype bang = field.indexOf(u'!');
        if (bang >= 0) {
            conversion = field.mid(bang + 1);
            field.truncate(bang);
        }
        Value v;
        if (field.isEmpty()) {
            if (usedManual) {
                error = pyError(ExceptionType::ValueError,
                    QStringLiteral("cannot switch from manual field specification to automatic field numbering"));
                return false;
            }
            usedAuto = true;
            if (std::size_t(autoIndex) >= c.args.size()) {
                error = pyError(ExceptionType::IndexError,
                    QStringLiteral("Replacement index %1 out of range for positional args tuple").arg(autoIndex));
                return false;
            }
            v = c.args[std::size_t(autoIndex++)];
        } else if (field[0].isDigit()) {
            if (usedAuto) {
                error = pyError(ExceptionType::ValueError,
                    QStringLiteral("cannot switch from automatic field numbering to manual field specification"));
                return false;
            }
            usedManual = true;
            const int k = field.toInt();
            if (std::size_t(k) >= c.args.size()) {
                error = pyError(ExceptionType::IndexError,
                    QStringLiteral("Replacement index %1 out of range for positional args tuple").arg(k));
                return false;
            }
            v = c.args[std::size_t(k)];
        } else {
            bool found = false;
            for (std::size_t k = 0; k < c.keywordNames.size(); ++k) {
                if (c.keywordNames[k] == field) {
                    v = c.keywordValues[k];
                    found = true;
                }
            }
            if (!found) {
                error = Value::exception(ExceptionType::KeyError, Value::string(field));
                return false;
            }
        }
        if (conversion == u"r" || conversion == u"s" || conversion == u"a") {
            QString text;
            const bool ok = conversion == u"s" ? pyStrChecked(v, c, &text, error) : pyReprChecked(v, c, &text, error);
            if (!ok)
                return false;
            v = Value::string(conversion == u"a" ? pyAscii(v, c.taskRepr) : text);
        } else if (!conversion.isEmpty()) {
            error = pyError(
                ExceptionType::ValueError, QStringLiteral("Unknown conversion specifier %1").arg(conversion.left(1)));
            return false;
        }
        const FormatResult r = pyFormatLimited(v, spec, c.reprDepthLeft, c.taskRepr);
        if (!r.ok) {
            error = pyError(r.errorType, r.errorMessage);
            return false;
        }
        result += r.text;
    }
    *out = Value::string(result);
    return true;
}

bool strMethod(const Value &self, const QString &name, const BuiltinCall &c, Value *out, Value &error, bool *found)
{
    const QString &s = self.toString();
    const QString method = QStringLiteral("str.") + name;
    *found = true;
    const auto noArgs = [&] { return argCount(c, name, 0, 0, error); };
    if (name == u"upper" || name == u"lower" || name == u"title" || name == u"capitalize" || name == u"swapcase"
        || name == u"casefold") {
        if (!noArgs())
            return false;
        QString r;
        if (name == u"upper")
            r = s.toUpper();
        else if (name == u"lower" || name == u"casefold")
            r = s.toLower();
        else if (name == u"swapcase") {
            for (QChar ch : s)
                r += ch.isUpper() ? ch.toLower() : ch.toUpper();
        } else if (name == u"capitalize") {
            r = s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1).toLower();
        } else {
            bool previousCased = false;
            for (QChar ch : s) {
                r += previousCased ? ch.toLower() : ch.toUpper();
                previousCased = ch.isLetter();
            }
        }
        *out = Value::string(r);
        return true;
    }
    if (name == u"strip" || name == u"lstrip" || name == u"rstrip") {
        if (!argCount(c, name, 0, 1, error))
            return false;
        const Value *chars = c.args.empty() ? nullptr : &c.args[0];
        if (chars && !chars->isNone() && !chars->isString()) {
            error = typeError(QStringLiteral("%1 arg must be None or str").arg(name));
            return false;
        }
        *out = Value::string(stripChars(s, chars, name != u"rstrip", name != u"lstrip"));
        return true;
    }
    if (name == u"split" || name == u"rsplit") {
        Value sep;
        std::int64_t maxsplit = -1;
        std::size_t pos = 0;
        for (const Value &a : c.args) {
            if (pos == 0)
                sep = a;
            else if (pos == 1 && !pyIndex(a, &maxsplit, error))
                return false;
            ++pos;
        }
        for (std::size_t k = 0; k < c.keywordNames.size(); ++k) {
            if (c.keywordNames[k] == u"sep")
                sep = c.keywordValues[k];
            else if (c.keywordNames[k] == u"maxsplit") {
                if (!pyIndex(c.keywordValues[k], &maxsplit, error))
                    return false;
            } else {
                error = typeError(
                    QStringLiteral("%1() got an unexpected keyword argument '%2'").arg(name, c.keywordNames[k]));
                return false;
            }
        }
        if (c.args.size() > 2) {
            error = typeError(QStringLiteral("%1() takes at most 2 arguments (%2 given)").arg(name).arg(c.args.size()));
            return false;
        }
        std::vector<Value> parts;
        if (sep.isNone()) {
            if (name == u"split") {
                parts = splitWhitespace(s, maxsplit);
            } else {
                const auto reversedText = [](QString t) {
                    std::reverse(t.begin(), t.end());
                    return t;
                };
                parts = splitWhitespace(reversedText(s), maxsplit);
                for (Value &p : parts)
                    p = Value::string(reversedText(p.toString()));
                std::reverse(parts.begin(), parts.end());
            }
        } else {
            if (!sep.isString()) {
                error = typeError(QStringLiteral("must be str or None, not %1").arg(pyTypeName(sep)));
                return false;
            }
            const QString &d = sep.toString();
            if (d.isEmpty()) {
                error = pyError(ExceptionType::ValueError, QStringLiteral("empty separator"));
                return false;
            }
            if (name == u"split") {
                qsizetype start = 0;
                while (true) {
                    const qsizetype at
                        = (maxsplit >= 0 && std::int64_t(parts.size()) >= maxsplit) ? -1 : s.indexOf(d, start);
                    if (at < 0) {
                        parts.push_back(Value::string(s.mid(start)));
                        break;
                    }
                    parts.push_back(Value::string(s.mid(start, at - start)));
                    start = at + d.size();
                }
            } else {
                qsizetype end = s.size();
                while (true) {
                    const qsizetype at = (maxsplit >= 0 && std::int64_t(parts.size()) >= maxsplit) || end < d.size()
                        ? -1
                        : s.lastIndexOf(d, end - d.size());
                    if (at < 0) {
                        parts.push_back(Value::string(s.left(end)));
                        break;
                    }
                    parts.push_back(Value::string(s.mid(at + d.size(), end - at - d.size())));
                    end = at;
                }
                std::reverse(parts.begin(), parts.end());
            }
        }
        *out = Value::list(std::move(parts));
        return true;
    }
    if (name == u"join") {
        if (!argCount(c, name, 1, 1, error))
            return false;
        std::vector<Value> items;
        if (!pyToVector(c.args[0], &items, error)) {
            error = typeError(QStringLiteral("can only join an iterable"));
            return false;
        }
        QString r;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!items[i].isString()) {
                error = typeError(QStringLiteral("sequence item %1: expected str instance, %2 found")
                                      .arg(i)
                                      .arg(pyTypeName(items[i])));
                return false;
            }
            if (i)
                r += s;
            r += items[i].toString();
        }
        *out = Value::string(r);
        return true;
    }
    if (name == u"replace") {
        if (!argCount(c, name, 2, 3, error))
            return false;
        QString a, b;
        if (!strArg(c.args[0], QStringLiteral("replace"), 1, &a, error)
            || !strArg(c.args[1], QStringLiteral("replace"), 2, &b, error))
            return false;
        std::int64_t count = -1;
        if (c.args.size() == 3 && !pyIndex(c.args[2], &count, error))
            return false;
        if (count < 0) {
            if (a.isEmpty()) {
                // Inserted between every character (by code point).
                const std::u32string cps = pyCodePoints(s);
                QString r = b;
                for (char32_t cp : cps) {
                    r += QString::fromUcs4(&cp, 1);
                    r += b;
                }
                *out = Value::string(r);
                return true;
            }
            QString r = s;
            r.replace(a, b);
            *out = Value::string(r);
            return true;
        }
        QString r;
        qsizetype start = 0;
        for (std::int64_t k = 0; k < count; ++k) {
            const qsizetype at = s.indexOf(a, start);
            if (at < 0 || (a.isEmpty() && at > s.size()))
                break;
            r += s.mid(start, at - start) + b;
            start = at + a.size();
            if (a.isEmpty()) {
                if (start >= s.size())
                    break;
                r += s[start];
                ++start;
            }
        }
        r += s.mid(start);
        *out = Value::string(r);
        return true;
    }
    if (name == u"startswith" || name == u"endswith") {
        if (!argCount(c, name, 1, 3, error))
            return false;
        qsizetype start, end;
        clampRange(c, 1, s.size(), &start, &end);
        const QString part = s.mid(start, std::max<qsizetype>(0, end - start));
        std::vector<Value> options;
        if (c.args[0].isTuple())
            options = c.args[0].toList();
        else
            options.push_back(c.args[0]);
        bool r = false;
        for (const Value &o : options) {
            if (!o.isString()) {
                error = typeError(c.args[0].isTuple()
                        ? QStringLiteral("tuple for %1 must only contain str, not %2").arg(name, pyTypeName(o))
                        : QStringLiteral("%1 first arg must be str or a tuple of str, not %2")
                              .arg(name, pyTypeName(o)));
                return false;
            }
            if (start <= s.size()
                && (name == u"startswith" ? part.startsWith(o.toString()) : part.endsWith(o.toString())))
                r = true;
        }
        *out = Value::boolean(r);
        return true;
    }
    if (name == u"find" || name == u"rfind" || name == u"index" || name == u"rindex" || name == u"count") {
        if (!argCount(c, name, 1, 3, error))
            return false;
        QString sub;
        if (!c.args[0].isString()) {
            error = typeError(QStringLiteral("must be str, not %1").arg(pyTypeName(c.args[0])));
            return false;
        }
        sub = c.args[0].toString();
        qsizetype start, end;
        clampRange(c, 1, s.size(), &start, &end);
        const QString part = end >= start ? s.mid(start, end - start) : QString();
        if (name == u"count") {
            std::int64_t n = 0;
            if (end < start)
                n = 0;
            else if (sub.isEmpty())
                n = pyStrLen(part) + 1;
            else
                for (qsizetype at = part.indexOf(sub); at >= 0; at = part.indexOf(sub, at + sub.size()))
                    ++n;
            *out = Value::integer(n);
            return true;
        }
        qsizetype at = -1;
        if (end >= start)
            at = name.startsWith(u'r') ? part.lastIndexOf(sub) : part.indexOf(sub);
        if (at < 0 && (name == u"index" || name == u"rindex")) {
            error = pyError(ExceptionType::ValueError, QStringLiteral("substring not found"));
            return false;
        }
        *out = Value::integer(at < 0 ? -1 : pyStrLen(s.left(start + at)));
        return true;
    }
    if (name == u"isdigit" || name == u"isalpha" || name == u"isalnum" || name == u"isspace" || name == u"isupper"
        || name == u"islower" || name == u"isdecimal" || name == u"isnumeric" || name == u"istitle") {
        if (!noArgs())
            return false;
        bool r = !s.isEmpty();
        if (name == u"isupper" || name == u"islower") {
            bool cased = false;
            for (QChar ch : s) {
                if (ch.isLetter() && (ch.isUpper() || ch.isLower())) {
                    cased = true;
                    if (name == u"isupper" ? ch.isLower() : ch.isUpper())
                        r = false;
                }
            }
            r = r && cased;
        } else if (name == u"istitle") {
            bool previousCased = false, any = false;
            for (QChar ch : s) {
                if (ch.isUpper()) {
                    if (previousCased)
                        r = false;
                    previousCased = any = true;
                } else if (ch.isLower()) {
                    if (!previousCased)
                        r = false;
                    previousCased = any = true;
                } else {
                    previousCased = false;
                }
            }
            r = r && any;
        } else {
            for (QChar ch : s) {
                const bool ok = name == u"isdigit" ? ch.isDigit() || ch.category() == QChar::Number_Other
                    : name == u"isdecimal"         ? ch.category() == QChar::Number_DecimalDigit
                    : name == u"isnumeric"         ? ch.isNumber()
                    : name == u"isalpha"           ? ch.isLetter()
                    : name == u"isalnum"           ? ch.isLetterOrNumber()
                                                   : isPySpace(ch);
                r = r && ok;
            }
        }
        *out = Value::boolean(r);
        return true;
    }
    if (name == u"zfill") {
        if (!argCount(c, name, 1, 1, error))
            return false;
        std::int64_t width = 0;
        if (!pyIndex(c.args[0], &width, error))
            return false;
        const std::int64_t len = pyStrLen(s);
        if (width <= len) {
            *out = self;
            return true;
        }
        const bool sign = !s.isEmpty() && (s[0] == u'+' || s[0] == u'-');
        QString r = QString(qsizetype(width - len), u'0');
        *out = Value::string(sign ? s.left(1) + r + s.mid(1) : r + s);
        return true;
    }
    if (name == u"center" || name == u"ljust" || name == u"rjust") {
        if (!argCount(c, name, 1, 2, error))
            return false;
        std::int64_t width = 0;
        if (!pyIndex(c.args[0], &width, error))
            return false;
        QString fill = QStringLiteral(" ");
        if (c.args.size() == 2) {
            if (!c.args[1].isString() || pyStrLen(c.args[1].toString()) != 1) {
                error = typeError(QStringLiteral("The fill character must be exactly one character long"));
                return false;
            }
            fill = c.args[1].toString();
        }
        const std::int64_t len = pyStrLen(s);
        if (width <= len) {
            *out = self;
            return true;
        }
        const std::int64_t pad = width - len;
        std::int64_t left = name == u"ljust" ? 0 : name == u"rjust" ? pad : pad / 2 + (pad & width & 1);
        *out = Value::string(fill.repeated(qsizetype(left)) + s + fill.repeated(qsizetype(pad - left)));
        return true;
    }
    if (name == u"format")
        return strFormat(s, c, out, error);
    if (name == u"partition" || name == u"rpartition") {
        if (!argCount(c, name, 1, 1, error))
            return false;
        QString sep;
        if (!c.args[0].isString()) {
            error = typeError(QStringLiteral("must be str, not %1").arg(pyTypeName(c.args[0])));
            return false;
        }
        sep = c.args[0].toString();
        if (sep.isEmpty()) {
            error = pyError(ExceptionType::ValueError, QStringLiteral("empty separator"));
            return false;
        }
        const qsizetype at = name == u"partition" ? s.indexOf(sep) : s.lastIndexOf(sep);
        if (at < 0)
            *out = name == u"partition" ? Value::tuple({self, Value::string(QString()), Value::string(QString())})
                                        : Value::tuple({Value::string(QString()), Value::string(QString()), self});
        else
            *out = Value::tuple({Value::string(s.left(at)), c.args[0], Value::string(s.mid(at + sep.size()))});
        return true;
    }
    if (name == u"splitlines") {
        if (!argCount(c, name, 0, 1, error))
            return false;
        const bool keep = !c.args.empty() && pyTruth(c.args[0]);
        std::vector<Value> lines;
        qsizetype start = 0;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const char16_t ch = s[i].unicode();
            const bool br = ch == '\n' || ch == '\r' || ch == 0x0b || ch == 0x0c || ch == 0x1c || ch == 0x1d
                || ch == 0x1e || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
            if (!br)
                continue;
            qsizetype end = i;
            if (ch == '\r' && i + 1 < s.size() && s[i + 1] == u'\n')
                ++i;
            lines.push_back(Value::string(s.mid(start, (keep ? i + 1 : end) - start)));
            start = i + 1;
        }
        if (start < s.size())
            lines.push_back(Value::string(s.mid(start)));
        *out = Value::list(std::move(lines));
        return true;
    }
    *found = false;
    return false;
}

bool listMethod(const Value &self, const QString &name, const BuiltinCall &c, Value *out, Value &error, bool *found)
{
    std::vector<Value> &items = self.listItems();
    *found = true;
    if (name == u"append") {
        if (!argCount(c, QStringLiteral("list.append"), 1, 1, error))
            return false;
        items.push_back(c.args[0]);
        self.listResized();
        *out = Value::none();
        return true;
    }
    if (name == u"extend") {
        if (!argCount(c, QStringLiteral("list.extend"), 1, 1, error))
            return false;
        std::vector<Value> more;
        if (!pyToVector(c.args[0], &more, error))
            return false;
        items.insert(items.end(), more.begin(), more.end());
        self.listResized();
        *out = Value::none();
        return true;
    }
    if (name == u"insert") {
        if (!c.keywordNames.empty() || c.args.size() != 2) {
            error = typeError(QStringLiteral("insert expected 2 arguments, got %1").arg(c.args.size()));
            return false;
        }
        std::int64_t i = 0;
        if (!pyIndex(c.args[0], &i, error))
            return false;
        const auto n = std::int64_t(items.size());
        if (i < 0)
            i = std::max<std::int64_t>(0, i + n);
        i = std::min(i, n);
        items.insert(items.begin() + i, c.args[1]);
        self.listResized();
        *out = Value::none();
        return true;
    }
    if (name == u"pop") {
        if (!argCount(c, QStringLiteral("pop"), 0, 1, error))
            return false;
        if (items.empty()) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("pop from empty list"));
            return false;
        }
        std::int64_t i = -1;
        if (!c.args.empty() && !pyIndex(c.args[0], &i, error))
            return false;
        const auto n = std::int64_t(items.size());
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            error = pyError(ExceptionType::IndexError, QStringLiteral("pop index out of range"));
            return false;
        }
        *out = items[std::size_t(i)];
        items.erase(items.begin() + i);
        self.listResized();
        return true;
    }
    if (name == u"remove" || name == u"index" || name == u"count") {
        if (!argCount(c, name == u"remove" ? QStringLiteral("list.remove") : name, 1, name == u"index" ? 3 : 1, error))
            return false;
        std::int64_t count = 0;
        qsizetype start = 0, end = qsizetype(items.size());
        if (name == u"index")
            clampRange(c, 1, qsizetype(items.size()), &start, &end);
        for (qsizetype i = start; i < end && i < qsizetype(items.size()); ++i) {
            if (items[std::size_t(i)].sameObject(c.args[0]) || pyEquals(items[std::size_t(i)], c.args[0])) {
                if (name == u"remove") {
                    items.erase(items.begin() + i);
                    self.listResized();
                    *out = Value::none();
                    return true;
                }
                if (name == u"index") {
                    *out = Value::integer(i);
                    return true;
                }
                ++count;
            }
        }
        if (name == u"count") {
            *out = Value::integer(count);
            return true;
        }
        if (name == u"remove") {
            error = pyError(ExceptionType::ValueError, QStringLiteral("list.remove(x): x not in list"));
            return false;
        }
        QString text;
        if (!pyReprChecked(c.args[0], c, &text, error))
            return false;
        error = pyError(ExceptionType::ValueError, QStringLiteral("%1 is not in list").arg(text));
        return false;
    }
    if (name == u"sort") {
        if (!c.args.empty()) {
            error = typeError(QStringLiteral("sort() takes no positional arguments"));
            return false;
        }
        const Value *key = nullptr;
        bool reverse = false;
        for (std::size_t k = 0; k < c.keywordNames.size(); ++k) {
            if (c.keywordNames[k] == u"key")
                key = &c.keywordValues[k];
            else if (c.keywordNames[k] == u"reverse")
                reverse = pyTruth(c.keywordValues[k]);
            else {
                error = typeError(
                    QStringLiteral("sort() got an unexpected keyword argument '%1'").arg(c.keywordNames[k]));
                return false;
            }
        }
        std::vector<Value> sorted = items;
        std::vector<Value> keys;
        keys.reserve(sorted.size());
        for (const Value &item : sorted) {
            if (!key || key->isNone()) {
                keys.push_back(item);
                continue;
            }
            BuiltinName b;
            if (!builtinOf(*key, &b)) {
                error = typeError(QStringLiteral("'%1' object is not callable").arg(pyTypeName(*key)));
                return false;
            }
            BuiltinCall inner;
            inner.args = std::span<const Value>(&item, 1);
            inner.taskRepr = c.taskRepr;
            Value k;
            if (!callBuiltin(b, inner, &k, error))
                return false;
            keys.push_back(std::move(k));
        }
        if (reverse) {
            std::reverse(keys.begin(), keys.end());
            std::reverse(sorted.begin(), sorted.end());
        }
        const bool ok = sortValues(keys, sorted, error);
        if (reverse) {
            std::reverse(sorted.begin(), sorted.end());
        }
        if (!ok)
            return false;
        items = std::move(sorted);
        *out = Value::none();
        return true;
    }
    if (name == u"reverse" || name == u"copy" || name == u"clear") {
        if (!argCount(c, name, 0, 0, error))
            return false;
        if (name == u"reverse") {
            std::reverse(items.begin(), items.end());
            *out = Value::none();
        } else if (name == u"copy") {
            *out = Value::list(items);
        } else {
            items.clear();
            self.listResized();
            *out = Value::none();
        }
        return true;
    }
    *found = false;
    return false;
}

bool tupleMethod(const Value &self, const QString &name, const BuiltinCall &c, Value *out, Value &error, bool *found)
{
    *found = true;
    const std::vector<Value> &items = self.toList();
    if (name == u"count" || name == u"index") {
        if (!argCount(c, name, 1, name == u"index" ? 3 : 1, error))
            return false;
        std::int64_t count = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].sameObject(c.args[0]) || pyEquals(items[i], c.args[0])) {
                if (name == u"index") {
                    *out = Value::integer(std::int64_t(i));
                    return true;
                }
                ++count;
            }
        }
        if (name == u"index") {
            error = pyError(ExceptionType::ValueError, QStringLiteral("tuple.index(x): x not in tuple"));
            return false;
        }
        *out = Value::integer(count);
        return true;
    }
    *found = false;
    return false;
}

bool dictMethod(const Value &self, const QString &name, const BuiltinCall &c, Value *out, Value &error, bool *found)
{
    PyDict &d = self.toDict();
    *found = true;
    if (name == u"keys" || name == u"values" || name == u"items") {
        if (!argCount(c, QStringLiteral("dict.") + name, 0, 0, error))
            return false;
        *out = makeDictView(name == u"keys" ? DictViewObject::View::Keys
                : name == u"values"         ? DictViewObject::View::Values
                                            : DictViewObject::View::Items,
            self);
        return true;
    }
    if (name == u"get") {
        if (!argCount(c, QStringLiteral("get"), 1, 2, error))
            return false;
        const PyDict::Entry *e = nullptr;
        if (!d.find(c.args[0], &e, error))
            return false;
        *out = e ? e->value : (c.args.size() == 2 ? c.args[1] : Value::none());
        return true;
    }
    if (name == u"pop") {
        if (!argCount(c, QStringLiteral("pop"), 1, 2, error))
            return false;
        bool removed = false;
        Value v;
        if (!d.remove(c.args[0], &v, &removed, error))
            return false;
        if (removed) {
            *out = v;
            return true;
        }
        if (c.args.size() == 2) {
            *out = c.args[1];
            return true;
        }
        error = Value::exception(ExceptionType::KeyError, c.args[0]);
        return false;
    }
    if (name == u"setdefault") {
        if (!argCount(c, QStringLiteral("setdefault"), 1, 2, error))
            return false;
        const PyDict::Entry *e = nullptr;
        if (!d.find(c.args[0], &e, error))
            return false;
        if (e) {
            *out = e->value;
            return true;
        }
        const Value v = c.args.size() == 2 ? c.args[1] : Value::none();
        if (!d.set(c.args[0], v, error))
            return false;
        *out = v;
        return true;
    }
    if (name == u"update") {
        if (c.args.size() > 1) {
            error = typeError(QStringLiteral("update expected at most 1 argument, got %1").arg(c.args.size()));
            return false;
        }
        BuiltinCall make = c;
        Value other;
        BuiltinName dictBuiltin;
        findBuiltin(QStringLiteral("dict"), &dictBuiltin);
        if (!callBuiltin(dictBuiltin, make, &other, error))
            return false;
        for (const PyDict::Entry &e : other.toDict().entries()) {
            if (e.live && !d.set(e.key, e.value, error))
                return false;
        }
        *out = Value::none();
        return true;
    }
    if (name == u"copy" || name == u"clear" || name == u"popitem") {
        if (!argCount(c, name, 0, 0, error))
            return false;
        if (name == u"copy") {
            Value copy = Value::dict();
            for (const PyDict::Entry &e : d.entries()) {
                if (e.live)
                    copy.toDict().set(e.key, e.value, error);
            }
            *out = copy;
        } else if (name == u"clear") {
            d.clear();
            *out = Value::none();
        } else {
            const auto &entries = d.entries();
            auto it = std::find_if(entries.rbegin(), entries.rend(), [](const PyDict::Entry &e) { return e.live; });
            if (it == entries.rend()) {
                error = Value::exception(
                    ExceptionType::KeyError, Value::string(QStringLiteral("popitem(): dictionary is empty")));
                return false;
            }
            const Value key = it->key, value = it->value;
            bool removed = false;
            d.remove(key, nullptr, &removed, error);
            *out = Value::tuple({key, value});
        }
        return true;
    }
    *found = false;
    return false;
}

}  // namespace

bool callMethod(const Value &self, const QString &name, const BuiltinCall &call, Value *out, Value &error)
{
    bool found = false;
    bool ok = false;
    switch (self.kind()) {
    case Value::Kind::String:
        ok = strMethod(self, name, call, out, error, &found);
        break;
    case Value::Kind::List:
        ok = listMethod(self, name, call, out, error, &found);
        break;
    case Value::Kind::Tuple:
        ok = tupleMethod(self, name, call, out, error, &found);
        break;
    case Value::Kind::Dict:
        ok = dictMethod(self, name, call, out, error, &found);
        break;
    default:
        break;
    }
    if (found)
        return ok;
    Value attribute;
    Value ignored;
    if (getAttribute(self, name, &attribute, ignored)) {
        error = typeError(QStringLiteral("'%1' object is not callable").arg(pyTypeName(attribute)));
        return false;
    }
    error = noAttribute(self, name);
    return false;
}

bool getAttribute(const Value &self, const QString &name, Value *out, Value &error)
{
    if (isBuiltinValue(self) && (name == u"__name__" || name == u"__qualname__")) {
        // `<class '_asyncio.Task'>` is named Task.
        const QString full = builtinQualifiedName(self);
        *out = Value::string(full.mid(full.lastIndexOf(u'.') + 1));
        return true;
    }
    if (self.isException() && name == u"args") {
        *out = Value::tuple(self.exceptionArgs());
        return true;
    }
    std::int64_t start, stop, step;
    if (pyIsRange(self, &start, &stop, &step) && (name == u"start" || name == u"stop" || name == u"step")) {
        *out = Value::integer(name == u"start" ? start : name == u"stop" ? stop : step);
        return true;
    }
    if (self.isIntegral() && (name == u"real" || name == u"numerator")) {
        *out = self.isBool() ? Value::integer(self.toBool()) : self;
        return true;
    }
    if (self.isIntegral() && (name == u"imag" || name == u"denominator")) {
        *out = Value::integer(name == u"imag" ? 0 : 1);
        return true;
    }
    error = noAttribute(self, name);
    return false;
}

}  // namespace tusk
