#include "pyformat.h"

#include "pybuiltins.h"
#include "pydict.h"
#include "pyint.h"
#include "pyobjects.h"
#include "pyops.h"

#include <QChar>
#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

// Ports of CPython 3.11: Objects/unicodeobject.c (unicode_repr), Python/pystrtod.c
// (format_float_short) and Python/formatter_unicode.c (the format-spec mini-language). Function
// and variable names follow CPython where that makes the two easy to compare.

namespace tusk {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Refuse to build absurdly long results: CPython would try (and perhaps raise MemoryError), an
// interactive tool must not freeze or die on a typo like `{x:999999999}`.
constexpr qint64 kMaxResultLength = qint64(1) << 24;

// The next code point of `s` at `*i`, advancing. A lone surrogate comes back as itself, as in a
// Python str.
char32_t nextCodePoint(QStringView s, qsizetype *i)
{
    const char16_t c = s[*i].unicode();
    ++*i;
    if (QChar::isHighSurrogate(c) && *i < s.size() && QChar::isLowSurrogate(s[*i].unicode()))
        return QChar::surrogateToUcs4(c, s[(*i)++].unicode());
    return c;
}

std::u32string toCodePoints(QStringView s)
{
    std::u32string out;
    out.reserve(std::size_t(s.size()));
    for (qsizetype i = 0; i < s.size();)
        out.push_back(nextCodePoint(s, &i));
    return out;
}

qsizetype codePointCount(QStringView s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++n)
        nextCodePoint(s, &i);
    return n;
}

void appendCodePoint(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

void appendRepeated(QString &out, char32_t c, qint64 n)
{
    for (qint64 k = 0; k < n; ++k)
        appendCodePoint(out, c);
}

void appendLatin1(QString &out, std::string_view s)
{
    out.append(QLatin1String(s.data(), qsizetype(s.size())));
}

// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, lower-case hex as CPython writes them.
void appendHexEscape(QString &out, char32_t c)
{
    char kind;
    int digits;
    if (c <= 0xff) {
        kind = 'x';
        digits = 2;
    } else if (c <= 0xffff) {
        kind = 'u';
        digits = 4;
    } else {
        kind = 'U';
        digits = 8;
    }
    out.append(u'\\');
    out.append(QLatin1Char(kind));
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.append(QLatin1Char(kHexDigits[(c >> shift) & 0xf]));
}

}  // namespace

// Everything but categories C* and Z*, except the ASCII space. Qt 6.4 and CPython 3.11 both use
// Unicode 14.0, so QChar agrees with unicodedata.
bool pyIsPrintable(char32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7f;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

namespace {

// ---------------------------------------------------------------------------------------------
// Floats

// What David Gay's _Py_dg_dtoa hands back for a finite double: significant digits without
// trailing zeros (possibly empty when mode 3 rounds to zero) and the decimal point position
// (value = 0.DIGITS * 10**decpt). glibc's printf and std::to_chars round exactly as Gay does
// (correctly, ties to even), so they stand in for it.
struct Digits {
    std::string buffer;  // only used when `small` is too short
    char small[40];
    std::string_view digits;
    qint64 decpt = 0;
};

void stripDigits(Digits *d, char *begin, char *end)
{
    while (end > begin && end[-1] == '0')
        --end;
    d->digits = std::string_view(begin, std::size_t(end - begin));
}

// Mode 0: the shortest digits that round-trip.
void dtoaShortest(double x, Digits *d)
{
    // Scientific notation without precision is the shortest round-trip form: "1.2345e+16".
    const auto res = std::to_chars(d->small, d->small + sizeof d->small, std::fabs(x), std::chars_format::scientific);
    char *p = d->small;
    char *end = res.ptr;
    char *e = std::find(p, end, 'e');
    int exp = 0;
    std::from_chars(e + 1 + (e[1] == '+'), end, exp);
    // Close the gap of the decimal point: "1.2345" becomes "12345".
    if (e - p > 1) {
        p[1] = p[0];
        ++p;
    }
    d->decpt = exp + 1;
    if (e - p == 1 && *p == '0') {  // zero: Gay returns "0" with decpt 1
        d->digits = std::string_view(p, 1);
        d->decpt = 1;
        return;
    }
    stripDigits(d, p, e);
}

char *formatInto(Digits *d, const char *fmt, int precision, double x)
{
    const int n = std::snprintf(d->small, sizeof d->small, fmt, precision, x);
    if (n < int(sizeof d->small))
        return d->small;
    d->buffer.resize(std::size_t(n) + 1);
    std::snprintf(d->buffer.data(), d->buffer.size(), fmt, precision, x);
    return d->buffer.data();
}

// Mode 2: `ndigits` significant digits.
void dtoaSignificant(double x, int ndigits, Digits *d)
{
    char *p = formatInto(d, "%.*e", ndigits - 1, std::fabs(x));
    char *e = std::strchr(p, 'e');
    const int exp = std::atoi(e + 1);
    if (e - p > 1) {  // "d.ddd": drop the point
        p[1] = p[0];
        ++p;
    }
    stripDigits(d, p, e);
    if (d->digits.empty()) {  // zero
        d->digits = std::string_view(p, 1);
        d->decpt = 1;
        return;
    }
    d->decpt = exp + 1;
}

// Mode 3: `ndigits` digits past the decimal point.
void dtoaFixed(double x, int ndigits, Digits *d)
{
    char *p = formatInto(d, "%.*f", ndigits, std::fabs(x));
    char *end = p + std::strlen(p);
    char *point = std::find(p, end, '.');
    qint64 decpt = point - p;
    if (point != end) {  // remove the point
        std::memmove(point, point + 1, std::size_t(end - point - 1));
        --end;
    }
    while (p < end && *p == '0') {
        ++p;
        --decpt;
    }
    stripDigits(d, p, end);
    // Gay returns no digits, decpt = -ndigits, when the value rounds to zero.
    d->decpt = d->digits.empty() ? -qint64(ndigits) : decpt;
}

// Port of CPython's PyOS_double_to_string + format_float_short, appending to `out`.
// `code` is one of e E f F g G r.
void doubleToString(QString &out, double val, char code, qint64 precision, bool addDot0, bool alt, bool noNeg0)
{
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    code = char(code | 0x20);
    if (std::isnan(val)) {  // the sign of a nan is ignored
        out.append(upper ? QLatin1String("NAN") : QLatin1String("nan"));
        return;
    }
    bool negative = std::signbit(val);
    if (std::isinf(val)) {
        if (negative)
            out.append(u'-');
        out.append(upper ? QLatin1String("INF") : QLatin1String("inf"));
        return;
    }

    Digits d;
    switch (code) {
    case 'e':
        ++precision;
        dtoaSignificant(val, int(precision), &d);
        break;
    case 'f':
        dtoaFixed(val, int(precision), &d);
        break;
    case 'g':
        if (precision == 0)  // precision 0 makes no sense for 'g'; CPython reads it as 1
            precision = 1;
        dtoaSignificant(val, int(precision), &d);
        break;
    default:  // 'r'
        dtoaShortest(val, &d);
        break;
    }
    const std::string_view digits = d.digits;
    const qint64 digitsLen = qint64(digits.size());
    qint64 decpt = d.decpt;

    if (noNeg0 && negative && (digitsLen == 0 || (digitsLen == 1 && digits[0] == '0')))
        negative = false;

    // Output the slice vdigits[vstart:vend] of the digits padded with zeros on both sides.
    qint64 vend = digitsLen;
    bool useExp = false;
    switch (code) {
    case 'e':
        useExp = true;
        vend = precision;
        break;
    case 'f':
        vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision))
            useExp = true;
        if (alt)
            vend = precision;
        break;
    default:
        // repr switches to an exponent at 1e16
        if (decpt <= -4 || decpt > 16)
            useExp = true;
        break;
    }
    qint64 exp = 0;
    if (useExp) {
        exp = decpt - 1;
        decpt = 1;
    }
    const qint64 vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && addDot0)
        vend = std::max(vend, decpt + 1);
    else
        vend = std::max(vend, decpt);

    out.reserve(out.size() + 3 + (vend - vstart) + (useExp ? 6 : 0));
    if (negative)
        out.append(u'-');
    if (decpt <= 0) {
        appendRepeated(out, '0', decpt - vstart);
        out.append(u'.');
        appendRepeated(out, '0', -decpt);
    } else {
        appendRepeated(out, '0', -vstart);
    }
    if (0 < decpt && decpt <= digitsLen) {
        appendLatin1(out, digits.substr(0, std::size_t(decpt)));
        out.append(u'.');
        appendLatin1(out, digits.substr(std::size_t(decpt)));
    } else {
        appendLatin1(out, digits);
    }
    if (digitsLen < decpt) {
        appendRepeated(out, '0', decpt - digitsLen);
        out.append(u'.');
        appendRepeated(out, '0', vend - decpt);
    } else {
        appendRepeated(out, '0', vend - digitsLen);
    }
    if (out.endsWith(u'.') && !alt)
        out.chop(1);
    if (useExp) {
        char buf[16];
        const int n = std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', int(exp));
        appendLatin1(out, std::string_view(buf, std::size_t(n)));
    }
}

// ---------------------------------------------------------------------------------------------
// The format-spec mini-language

struct FormatSpec {
    char32_t fill = ' ';
    char32_t align = '>';
    char32_t sign = 0;
    bool noNeg0 = false;
    bool alternate = false;
    qint64 width = -1;
    qint64 precision = -1;
    char thousands = 0;  // 0, ',' or '_'
    int groupSize = 3;  // 4 for '_' with b, o, x, X
    char32_t type = 0;
};

FormatResult fail(ExceptionType type, const QString &message)
{
    FormatResult r;
    r.ok = false;
    r.errorType = type;
    r.errorMessage = message;
    return r;
}

FormatResult valueError(const QString &message)
{
    return fail(ExceptionType::ValueError, message);
}

// `'c'`, or `'\xNN'` for a character CPython will not print with %c.
QString quotedCode(char32_t c)
{
    if (c > 32 && c < 128) {
        QString out(3, QLatin1Char('\''));
        out[1] = QChar(char16_t(c));
        return out;
    }
    return QStringLiteral("'\\x%1'").arg(uint(c), 0, 16);
}

FormatResult unknownPresentationType(char32_t type, const QString &typeName)
{
    return valueError(QStringLiteral("Unknown format code %1 for object of type '%2'").arg(quotedCode(type), typeName));
}

FormatResult textResult(QString text)
{
    FormatResult r;
    r.text = std::move(text);
    return r;
}

bool isAlignment(char32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

int decimalValue(char32_t c)
{
    if (c >= '0' && c <= '9')
        return int(c - '0');
    // CPython accepts any Unicode decimal digit (Py_UNICODE_TODECIMAL) in widths.
    if (c >= 0x80 && QChar::category(c) == QChar::Number_DecimalDigit)
        return QChar::digitValue(c);
    return -1;
}

// Reads digits at *pos. Returns the count consumed, or -1 on overflow (with *error set).
int getInteger(const std::u32string &spec, std::size_t *pos, qint64 *result, FormatResult *error)
{
    qint64 accumulator = 0;
    int count = 0;
    for (; *pos < spec.size(); ++*pos, ++count) {
        const int digit = decimalValue(spec[*pos]);
        if (digit < 0)
            break;
        if (accumulator > (LLONG_MAX - digit) / 10) {
            *error = valueError(QStringLiteral("Too many decimal digits in format string"));
            return -1;
        }
        accumulator = accumulator * 10 + digit;
    }
    *result = accumulator;
    return count;
}

// Port of parse_internal_render_format_spec.
bool parseSpec(const QString &specText, const QString &typeName, char32_t defaultType, char32_t defaultAlign,
    FormatSpec *f, FormatResult *error)
{
    const std::u32string spec = toCodePoints(specText);
    const std::size_t end = spec.size();
    std::size_t pos = 0;
    f->align = defaultAlign;
    f->type = defaultType;
    bool fillSpecified = false;
    bool alignSpecified = false;

    if (end - pos >= 2 && isAlignment(spec[pos + 1])) {
        f->align = spec[pos + 1];
        f->fill = spec[pos];
        fillSpecified = alignSpecified = true;
        pos += 2;
    } else if (end - pos >= 1 && isAlignment(spec[pos])) {
        f->align = spec[pos];
        alignSpecified = true;
        ++pos;
    }
    if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
        f->sign = spec[pos++];
    if (pos < end && spec[pos] == 'z') {
        f->noNeg0 = true;
        ++pos;
    }
    if (pos < end && spec[pos] == '#') {
        f->alternate = true;
        ++pos;
    }
    // '0' before the width: zero fill, and '=' alignment for numbers (backwards compatibility)
    if (!fillSpecified && pos < end && spec[pos] == '0') {
        f->fill = '0';
        if (!alignSpecified && defaultAlign == '>')
            f->align = '=';
        ++pos;
    }
    int consumed = getInteger(spec, &pos, &f->width, error);
    if (consumed < 0)
        return false;
    if (consumed == 0)
        f->width = -1;
    if (pos < end && spec[pos] == ',') {
        f->thousands = ',';
        ++pos;
    }
    if (pos < end && spec[pos] == '_') {
        if (f->thousands) {
            *error = valueError(QStringLiteral("Cannot specify both ',' and '_'."));
            return false;
        }
        f->thousands = '_';
        ++pos;
    }
    if (pos < end && spec[pos] == ',' && f->thousands == '_') {
        *error = valueError(QStringLiteral("Cannot specify both ',' and '_'."));
        return false;
    }
    if (pos < end && spec[pos] == '.') {
        ++pos;
        consumed = getInteger(spec, &pos, &f->precision, error);
        if (consumed < 0)
            return false;
        if (consumed == 0) {
            *error = valueError(QStringLiteral("Format specifier missing precision"));
            return false;
        }
    }
    if (end - pos > 1) {
        *error = valueError(
            QStringLiteral("Invalid format specifier '%1' for object of type '%2'").arg(specText, typeName));
        return false;
    }
    if (end - pos == 1)
        f->type = spec[pos];

    if (f->thousands) {
        switch (f->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (f->thousands == '_') {  // every four digits in bin/oct/hex (PEP 515)
                f->groupSize = 4;
                break;
            }
            [[fallthrough]];
        default:
            *error = valueError(QStringLiteral("Cannot specify '%1' with %2.")
                                    .arg(QString(QLatin1Char(f->thousands)), quotedCode(f->type)));
            return false;
        }
    }
    return true;
}

// Port of _PyUnicode_InsertThousandsGrouping: groups `digits` from the right, zero-padding them
// up to `minWidth` (separators included). groupSize 0 means no grouping.
QString groupDigits(std::string_view digits, qint64 minWidth, int groupSize, char sep)
{
    minWidth = std::max<qint64>(0, minWidth);
    std::string reversed;  // built from the right
    qint64 remaining = qint64(digits.size());
    qint64 digitsPos = remaining;
    bool useSeparator = false;
    auto fill = [&](qint64 nChars, qint64 nZeros) {
        if (useSeparator)
            reversed.push_back(sep);
        for (qint64 k = 0; k < nChars; ++k)
            reversed.push_back(digits[std::size_t(--digitsPos)]);
        reversed.append(std::size_t(nZeros), '0');
    };
    bool loopBroken = false;
    if (groupSize > 0) {
        for (;;) {
            const qint64 len = std::min<qint64>(groupSize, std::max({remaining, minWidth, qint64(1)}));
            const qint64 nZeros = std::max<qint64>(0, len - remaining);
            const qint64 nChars = std::max<qint64>(0, std::min(remaining, len));
            fill(nChars, nZeros);
            useSeparator = true;
            remaining -= nChars;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) {
                loopBroken = true;
                break;
            }
            minWidth -= 1;  // the separator's width
        }
    }
    if (!loopBroken) {
        const qint64 len = std::max({remaining, minWidth, qint64(1)});
        fill(std::max<qint64>(0, std::min(remaining, len)), std::max<qint64>(0, len - remaining));
    }
    std::reverse(reversed.begin(), reversed.end());
    return QString::fromLatin1(reversed.data(), qsizetype(reversed.size()));
}

// Port of calc_number_widths + fill_number: lays out
// <lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>.
// `digits` and `prefix` are ASCII; `remainder` may hold any text (the 'c' character).
FormatResult layoutNumber(const FormatSpec &f, bool negative, std::string_view prefix, std::string_view digits,
    bool hasDecimal, QStringView remainder, bool upper)
{
    QChar signChar;
    switch (f.sign) {
    case '+':
        signChar = negative ? u'-' : u'+';
        break;
    case ' ':
        signChar = negative ? u'-' : u' ';
        break;
    default:
        if (negative)
            signChar = u'-';
    }
    const qint64 nSign = signChar.isNull() ? 0 : 1;
    const qint64 nRemainder = codePointCount(remainder);
    const qint64 nonDigit = nSign + qint64(prefix.size()) + (hasDecimal ? 1 : 0) + nRemainder;
    const qint64 minWidth = (f.fill == '0' && f.align == '=') ? f.width - nonDigit : 0;
    if (minWidth > kMaxResultLength || f.width > kMaxResultLength)
        return fail(ExceptionType::OverflowError, QStringLiteral("width too big"));

    // No separator means no grouping. 'n' never has one: Python never calls
    // setlocale(LC_NUMERIC), so 'n' sees the C locale, which does not group.
    QString grouped;
    if (!digits.empty())
        grouped = groupDigits(digits, minWidth, f.thousands ? f.groupSize : 0, f.thousands);
    if (upper)
        grouped = grouped.toUpper();

    const qint64 padding = f.width - (nonDigit + grouped.size());
    qint64 lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f.align) {
        case '<':
            rpad = padding;
            break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=':
            spad = padding;
            break;
        default:
            lpad = padding;
        }
    }
    QString out;
    out.reserve(qsizetype(std::max<qint64>(padding, 0) + nonDigit + grouped.size() + 2));
    appendRepeated(out, f.fill, lpad);
    if (nSign)
        out.append(signChar);
    if (!prefix.empty()) {
        QString p = QString::fromLatin1(prefix.data(), qsizetype(prefix.size()));
        out.append(upper ? p.toUpper() : p);
    }
    appendRepeated(out, f.fill, spad);
    out.append(grouped);
    if (hasDecimal)
        out.append(u'.');
    out.append(remainder);
    appendRepeated(out, f.fill, rpad);
    return textResult(std::move(out));
}

// Port of format_float_internal.
FormatResult formatFloatInternal(double val, const FormatSpec &f)
{
    if (f.precision > INT_MAX)
        return valueError(QStringLiteral("precision too big"));
    if (f.precision > kMaxResultLength)
        return fail(ExceptionType::OverflowError, QStringLiteral("precision too big"));
    qint64 precision = f.precision;
    qint64 defaultPrecision = 6;
    bool addDot0 = false;
    char32_t type = f.type;
    if (type == 0) {
        // No type: like repr() without a precision, else like 'g' keeping at least one digit
        // after the point.
        addDot0 = true;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n')
        type = 'g';
    bool addPercent = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        addPercent = true;
    }
    if (precision < 0)
        precision = defaultPrecision;
    else if (type == 'r')
        type = 'g';

    QString buf;
    doubleToString(buf, val, char(type), precision, addDot0, f.alternate, f.noNeg0);
    if (addPercent)
        buf.append(u'%');

    // Split into sign, leading digits, decimal point and remainder (parse_number).
    qsizetype index = 0;
    const bool negative = buf.startsWith(u'-');
    if (negative)
        index = 1;
    qsizetype digitsEnd = index;
    while (digitsEnd < buf.size() && buf.at(digitsEnd).unicode() >= '0' && buf.at(digitsEnd).unicode() <= '9')
        ++digitsEnd;
    const bool hasDecimal = digitsEnd < buf.size() && buf.at(digitsEnd) == u'.';
    const QByteArray digits = QStringView(buf).mid(index, digitsEnd - index).toLatin1();
    const QStringView remainder = QStringView(buf).mid(digitsEnd + (hasDecimal ? 1 : 0));
    return layoutNumber(f, negative, {}, std::string_view(digits.constData(), std::size_t(digits.size())), hasDecimal,
        remainder, false);
}

// Port of format_long_internal.
FormatResult formatLongInternal(std::int64_t value, const FormatSpec &f)
{
    if (f.precision != -1)
        return valueError(QStringLiteral("Precision not allowed in integer format specifier"));
    if (f.noNeg0)
        return valueError(QStringLiteral("Negative zero coercion (z) not allowed in integer format specifier"));

    if (f.type == 'c') {
        if (f.sign)
            return valueError(QStringLiteral("Sign not allowed with integer format specifier 'c'"));
        if (f.alternate)
            return valueError(QStringLiteral("Alternate form (#) not allowed with integer format specifier 'c'"));
        if (value < 0 || value > 0x10ffff)
            return fail(ExceptionType::OverflowError, QStringLiteral("%c arg not in range(0x110000)"));
        QString ch;
        appendCodePoint(ch, char32_t(value));
        return layoutNumber(f, false, {}, {}, false, ch, false);
    }

    unsigned base = 10;
    std::string_view prefix;
    switch (f.type) {
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
    case 'X':
        base = 16;
        prefix = "0x";
        break;
    default:  // d, n
        break;
    }
    if (!f.alternate)
        prefix = {};
    const bool negative = value < 0;
    // Magnitude in unsigned arithmetic so INT64_MIN works.
    std::uint64_t magnitude = negative ? 0 - std::uint64_t(value) : std::uint64_t(value);
    char buf[72];
    char *end = buf + sizeof buf;
    char *p = end;
    do {
        *--p = kHexDigits[magnitude % base];
        magnitude /= base;
    } while (magnitude);
    return layoutNumber(f, negative, prefix, std::string_view(p, std::size_t(end - p)), false, {}, f.type == 'X');
}

FormatResult formatInt(std::int64_t value, const QString &spec, const QString &typeName)
{
    FormatSpec f;
    FormatResult error;
    if (!parseSpec(spec, typeName, 'd', '>', &f, &error))
        return error;
    switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
        return formatLongInternal(value, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
        return formatFloatInternal(double(value), f);
    default:
        return unknownPresentationType(f.type, typeName);
    }
}

// int.__format__ for an int beyond 64 bits: the same layout, digits from GMP.
FormatResult formatBigInt(const Value &value, const QString &spec)
{
    const QString typeName = QStringLiteral("int");
    FormatSpec f;
    FormatResult error;
    if (!parseSpec(spec, typeName, 'd', '>', &f, &error))
        return error;
    switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': {
        if (f.precision != -1)
            return valueError(QStringLiteral("Precision not allowed in integer format specifier"));
        if (f.noNeg0)
            return valueError(QStringLiteral("Negative zero coercion (z) not allowed in integer format specifier"));
        if (f.type == 'c')
            return fail(ExceptionType::OverflowError, QStringLiteral("%c arg not in range(0x110000)"));
        const int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
        std::string digits = intMagnitudeDigits(value, base);
        if (base == 10 && digits.size() > std::size_t(kIntMaxStrDigits))
            return valueError(QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion; use "
                                             "sys.set_int_max_str_digits() to increase the limit")
                                  .arg(kIntMaxStrDigits));
        std::string_view prefix;
        if (f.alternate)
            prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
        return layoutNumber(f, intSign(value) < 0, prefix, digits, false, {}, f.type == 'X');
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d = 0;
        Value err;
        if (!intToDouble(value, &d, err))
            return fail(ExceptionType::OverflowError, err.exceptionArg().toString());
        return formatFloatInternal(d, f);
    }
    default:
        return unknownPresentationType(f.type, typeName);
    }
}

FormatResult formatFloat(double value, const QString &spec)
{
    const QString typeName = QStringLiteral("float");
    FormatSpec f;
    FormatResult error;
    if (!parseSpec(spec, typeName, 0, '>', &f, &error))
        return error;
    switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        return formatFloatInternal(value, f);
    default:
        return unknownPresentationType(f.type, typeName);
    }
}

// Port of format_string_internal.
FormatResult formatString(const QString &value, const QString &spec)
{
    const QString typeName = QStringLiteral("str");
    FormatSpec f;
    FormatResult error;
    if (!parseSpec(spec, typeName, 's', '<', &f, &error))
        return error;
    if (f.type != 's')
        return unknownPresentationType(f.type, typeName);
    if (f.sign == ' ')
        return valueError(QStringLiteral("Space not allowed in string format specifier"));
    if (f.sign)
        return valueError(QStringLiteral("Sign not allowed in string format specifier"));
    if (f.noNeg0)
        return valueError(QStringLiteral("Negative zero coercion (z) not allowed in string format specifier"));
    if (f.alternate)
        return valueError(QStringLiteral("Alternate form (#) not allowed in string format specifier"));
    if (f.align == '=')
        return valueError(QStringLiteral("'=' alignment not allowed in string format specifier"));

    qsizetype units = value.size();  // UTF-16 units kept after truncation
    qint64 len = codePointCount(value);
    if (f.precision >= 0 && len > f.precision) {
        // Truncate to `precision` code points.
        qsizetype i = 0;
        for (qint64 n = 0; n < f.precision; ++n)
            nextCodePoint(value, &i);
        units = i;
        len = f.precision;
    }
    if (f.width > kMaxResultLength)
        return fail(ExceptionType::OverflowError, QStringLiteral("width too big"));
    const qint64 total = std::max(f.width, len);
    qint64 lpad = 0;
    if (f.align == '>')
        lpad = total - len;
    else if (f.align == '^')
        lpad = (total - len) / 2;
    const qint64 rpad = total - len - lpad;
    QString out;
    out.reserve(qsizetype(total + (units - len)));
    appendRepeated(out, f.fill, lpad);
    out.append(QStringView(value).left(units));
    appendRepeated(out, f.fill, rpad);
    return textResult(std::move(out));
}

// UnicodeEncodeError keeps its five arguments (encoding, object, start, end, reason) in a list.
bool isUnicodeEncodeError(const Value &v)
{
    return v.exceptionType() == ExceptionType::UnicodeEncodeError && v.exceptionHasArg() && v.exceptionArg().isList()
        && v.exceptionArg().toList().size() == 5;
}

// UnicodeEncodeError.__str__ (Objects/exceptions.c).
QString unicodeEncodeErrorStr(const Value &v)
{
    const std::vector<Value> &args = v.exceptionArg().toList();
    const QString encoding = args[0].toString();
    const std::u32string object = toCodePoints(args[1].toString());
    const std::int64_t start = args[2].toInt();
    const std::int64_t end = args[3].toInt();
    const QString reason = args[4].toString();
    if (start >= 0 && start < std::int64_t(object.size()) && end == start + 1) {
        QString badchar;
        appendHexEscape(badchar, object[std::size_t(start)]);
        return QStringLiteral("'%1' codec can't encode character '%2' in position %3: %4")
            .arg(encoding, badchar)
            .arg(start)
            .arg(reason);
    }
    return QStringLiteral("'%1' codec can't encode characters in position %2-%3: %4")
        .arg(encoding)
        .arg(start)
        .arg(end - 1)
        .arg(reason);
}

QString taskText(const Value &v, const TaskReprFunction &taskRepr)
{
    return taskRepr ? taskRepr(v.toTask()) : QStringLiteral("<Task>");
}

/// One repr()/str() in progress: how many nested repr or str calls CPython would still allow
/// (it counts them against the recursion limit, with the frames on the stack), and for text
/// only shown to the user, how long it may grow.
struct ReprState {
    ReprState(const TaskReprFunction &t, int depth, qsizetype chars = -1)
        : taskRepr(t)
        , depthLeft(depth)
        , maxChars(chars)
    {
    }
    const TaskReprFunction &taskRepr;
    int depthLeft;
    qsizetype maxChars = -1;  ///< -1: no limit
    const char *failedWhile = nullptr;  ///< "repr" or "str" once the depth ran out
    bool truncated = false;
    QString valueError;  ///< an int too long to write (ValueError), once met
    /// The containers being written, innermost last: one met again is written `[...]`.
    std::vector<const void *> active;

    bool isActive(const Value &v) const
    {
        const void *p = v.isDict() ? static_cast<const void *>(&v.toDict()) : static_cast<const void *>(&v.toList());
        return std::find(active.begin(), active.end(), p) != active.end();
    }
    void push(const Value &v)
    {
        active.push_back(v.isDict() ? static_cast<const void *>(&v.toDict()) : static_cast<const void *>(&v.toList()));
    }

    /// PyObject_Repr / PyObject_Str's _Py_EnterRecursiveCall.
    bool enter(const char *what)
    {
        if (depthLeft <= 0) {
            if (!failedWhile)
                failedWhile = what;
            return false;
        }
        --depthLeft;
        return true;
    }
    void leave() { ++depthLeft; }
    /// True when the text is long enough: stop adding to it.
    bool full(const QString &out)
    {
        if (maxChars >= 0 && out.size() >= maxChars) {
            truncated = true;
            return true;
        }
        return false;
    }
};

bool reprInto(QString &out, const Value &v, ReprState &st);

// BaseException.__repr__: `Type(arg)`, `Type(a, b)`, or the five arguments of a UnicodeEncodeError.
bool exceptionReprInto(QString &out, const Value &v, ReprState &st)
{
    out.append(exceptionTypeName(v.exceptionType()));
    out.append(u'(');
    const std::vector<Value> &args = isUnicodeEncodeError(v) ? v.exceptionArg().toList() : v.exceptionArgs();
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i)
            out.append(QLatin1String(", "));
        if (!reprInto(out, args[i], st))
            return false;
    }
    out.append(u')');
    return true;
}

bool itemsInto(QString &out, const std::vector<Value> &items, ReprState &st)
{
    bool first = true;
    for (const Value &item : items) {
        if (st.full(out))
            return true;
        if (!first)
            out.append(QLatin1String(", "));
        first = false;
        if (!reprInto(out, item, st))
            return false;
    }
    return true;
}

bool dictInto(QString &out, const PyDict &d, ReprState &st)
{
    bool first = true;
    for (const PyDict::Entry &e : d.entries()) {
        if (!e.live)
            continue;
        if (st.full(out))
            return true;
        if (!first)
            out.append(QLatin1String(", "));
        first = false;
        if (!reprInto(out, e.key, st))
            return false;
        out.append(QLatin1String(": "));
        if (!reprInto(out, e.value, st))
            return false;
    }
    return true;
}

QString addressOf(const void *p)
{
    return QStringLiteral("0x%1").arg(quintptr(p), 12, 16, QLatin1Char('0'));
}

bool objectReprInto(QString &out, const Value &v, ReprState &st)
{
    std::int64_t start, stop, step;
    if (pyIsRange(v, &start, &stop, &step)) {
        out.append(step == 1 ? QStringLiteral("range(%1, %2)").arg(start).arg(stop)
                             : QStringLiteral("range(%1, %2, %3)").arg(start).arg(stop).arg(step));
        return true;
    }
    if (pyIsSlice(v)) {
        Value a, b, c;
        sliceParts(v, &a, &b, &c);
        out.append(QLatin1String("slice("));
        if (!reprInto(out, a, st))
            return false;
        out.append(QLatin1String(", "));
        if (!reprInto(out, b, st))
            return false;
        out.append(QLatin1String(", "));
        if (!reprInto(out, c, st))
            return false;
        out.append(u')');
        return true;
    }
    if (auto *view = dynamic_cast<const DictViewObject *>(v.toObject())) {
        out.append(view->typeName());
        out.append(QLatin1String("(["));
        const PyDict &d = view->dict.toDict();
        bool first = true;
        for (const PyDict::Entry &e : d.entries()) {
            if (!e.live)
                continue;
            if (!first)
                out.append(QLatin1String(", "));
            first = false;
            if (view->view == DictViewObject::View::Items) {
                out.append(u'(');
                if (!reprInto(out, e.key, st))
                    return false;
                out.append(QLatin1String(", "));
                if (!reprInto(out, e.value, st))
                    return false;
                out.append(u')');
            } else if (!reprInto(out, view->view == DictViewObject::View::Keys ? e.key : e.value, st)) {
                return false;
            }
        }
        out.append(QLatin1String("])"));
        return true;
    }
    if (isBuiltinValue(v)) {
        out.append(builtinRepr(v));
        return true;
    }
    const QString type = v.toObject()->typeName();
    if (type == u"generator")
        out.append(QStringLiteral("<generator object <genexpr> at %1>").arg(addressOf(v.toObject())));
    else if (const QString name = v.toObject()->reprName(); !name.isEmpty())
        out.append(QStringLiteral("<%1 object %2 at %3>").arg(type, name, addressOf(v.toObject())));
    else
        out.append(QStringLiteral("<%1 object at %2>").arg(type, addressOf(v.toObject())));
    return true;
}

// The body of repr(v), without the recursion check of the call itself (object.__str__ calls
// tp_repr directly, so str(list) costs one level, not two).
bool reprBodyInto(QString &out, const Value &v, ReprState &st)
{
    switch (v.kind()) {
    case Value::Kind::None:
        out.append(QLatin1String("None"));
        return true;
    case Value::Kind::Bool:
        out.append(v.toBool() ? QLatin1String("True") : QLatin1String("False"));
        return true;
    case Value::Kind::Int:
        out.append(QString::number(v.toInt()));
        return true;
    case Value::Kind::Float:
        out.append(pyFloatRepr(v.toFloat()));
        return true;
    case Value::Kind::String:
        out.append(pyStringRepr(v.toString()));
        return true;
    case Value::Kind::Task:
        out.append(taskText(v, st.taskRepr));
        return true;
    case Value::Kind::List:
    case Value::Kind::Tuple: {
        const bool list = v.isList();
        const std::vector<Value> &items = v.toList();
        if (list && st.isActive(v)) {
            out.append(QLatin1String("[...]"));
            return true;
        }
        out.append(list ? u'[' : u'(');
        st.push(v);
        const bool ok = itemsInto(out, items, st);
        st.active.pop_back();
        if (!ok)
            return false;
        if (!list && items.size() == 1)
            out.append(u',');
        out.append(list ? u']' : u')');
        return true;
    }
    case Value::Kind::Dict: {
        if (st.isActive(v)) {
            out.append(QLatin1String("{...}"));
            return true;
        }
        out.append(u'{');
        st.push(v);
        const bool ok = dictInto(out, v.toDict(), st);
        st.active.pop_back();
        if (!ok)
            return false;
        out.append(u'}');
        return true;
    }
    case Value::Kind::BigInt: {
        QString digits;
        Value error;
        if (!intToDecimal(v, &digits, error)) {
            if (st.valueError.isEmpty())
                st.valueError = error.exceptionArg().toString();
            return false;
        }
        out.append(digits);
        return true;
    }
    case Value::Kind::Object:
        return objectReprInto(out, v, st);
    case Value::Kind::Exception:
        return exceptionReprInto(out, v, st);
    }
    return true;
}

bool reprInto(QString &out, const Value &v, ReprState &st)
{
    if (st.full(out))
        return true;
    if (!st.enter("repr"))
        return false;
    const bool ok = reprBodyInto(out, v, st);
    st.leave();
    return ok;
}

bool strInto(QString &out, const Value &v, ReprState &st)
{
    if (v.isString()) {  // PyObject_Str returns an exact str at once
        out.append(v.toString());
        return true;
    }
    if (!st.enter("str"))
        return false;
    bool ok = true;
    if (v.isException()) {
        // str(exc) is str(arg) for one arg, '' for none, repr(args) for more; KeyError's is
        // repr(key).
        const std::vector<Value> &args = v.exceptionArgs();
        if (isUnicodeEncodeError(v))
            out.append(unicodeEncodeErrorStr(v));
        else if (args.size() == 1 && v.exceptionType() == ExceptionType::KeyError)
            ok = reprInto(out, args.front(), st);
        else if (args.size() == 1)
            ok = strInto(out, args.front(), st);
        else if (args.size() > 1)
            ok = reprBodyInto(out, Value::tuple(args), st);
    } else {
        ok = reprBodyInto(out, v, st);
    }
    st.leave();
    return ok;
}

/// The conversions for text only shown to the user: never fail, deep nesting shown as `...`.
constexpr int kDisplayDepth = 1000;

/// A short repr also stops nesting this deep: one pass over twelve levels, not over three hundred.
constexpr int kShortDepth = 12;

QString displayText(const Value &v, const TaskReprFunction &taskRepr, bool str, qsizetype maxChars)
{
    ReprState st {taskRepr, maxChars >= 0 ? kShortDepth : kDisplayDepth, maxChars};
    QString out;
    const bool ok = str ? strInto(out, v, st) : reprInto(out, v, st);
    if (!ok || st.truncated)
        out.append(QLatin1String("..."));
    return out;
}

ReprResult limitedResult(QString &&text, const ReprState &st, bool ok)
{
    ReprResult r;
    r.ok = ok;
    if (ok) {
        r.text = std::move(text);
    } else if (!st.valueError.isEmpty()) {
        r.errorType = ExceptionType::ValueError;
        r.errorMessage = st.valueError;
    } else {
        r.errorMessage = QStringLiteral("maximum recursion depth exceeded while getting the %1 of an object")
                             .arg(QLatin1String(st.failedWhile));
    }
    return r;
}

}  // namespace

QString pyFloatRepr(double d)
{
    QString out;
    doubleToString(out, d, 'r', 0, true, false, false);
    return out;
}

QString pyStringRepr(const QString &s)
{
    // Single quotes unless the text holds ' and no ".
    const char16_t quote = (s.contains(u'\'') && !s.contains(u'"')) ? u'"' : u'\'';
    QString out;
    out.reserve(s.size() + 2);
    out.append(QChar(quote));
    for (qsizetype i = 0; i < s.size();) {
        const char32_t c = nextCodePoint(s, &i);
        if (c == quote || c == '\\') {
            out.append(u'\\');
            out.append(QChar(char16_t(c)));
        } else if (c == '\t') {
            out.append(QLatin1String("\\t"));
        } else if (c == '\n') {
            out.append(QLatin1String("\\n"));
        } else if (c == '\r') {
            out.append(QLatin1String("\\r"));
        } else if (c < ' ' || c == 0x7f) {
            appendHexEscape(out, c);
        } else if (c < 0x7f || pyIsPrintable(c)) {
            appendCodePoint(out, c);
        } else {
            appendHexEscape(out, c);
        }
    }
    out.append(QChar(quote));
    return out;
}

QString pyStr(const Value &v, const TaskReprFunction &taskRepr)
{
    return displayText(v, taskRepr, true, -1);
}

QString pyRepr(const Value &v, const TaskReprFunction &taskRepr)
{
    return displayText(v, taskRepr, false, -1);
}

QString pyReprShort(const Value &v, qsizetype maxChars, const TaskReprFunction &taskRepr)
{
    return displayText(v, taskRepr, false, maxChars);
}

ReprResult pyReprLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr)
{
    ReprState st {taskRepr, depthLeft};
    QString out;
    const bool ok = reprInto(out, v, st);
    return limitedResult(std::move(out), st, ok);
}

ReprResult pyStrLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr)
{
    ReprState st {taskRepr, depthLeft};
    QString out;
    const bool ok = strInto(out, v, st);
    return limitedResult(std::move(out), st, ok);
}

namespace {

// ascii() is repr() with every non-ASCII code point backslash-escaped.
QString asciiEscaped(const QString &repr)
{
    QString out;
    out.reserve(repr.size());
    for (qsizetype i = 0; i < repr.size();) {
        const char32_t c = nextCodePoint(repr, &i);
        if (c < 0x80)
            out.append(QChar(char16_t(c)));
        else
            appendHexEscape(out, c);
    }
    return out;
}

}  // namespace

QString pyAscii(const Value &v, const TaskReprFunction &taskRepr)
{
    return asciiEscaped(pyRepr(v, taskRepr));
}

ReprResult pyAsciiLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr)
{
    ReprResult r = pyReprLimited(v, depthLeft, taskRepr);
    if (r.ok)
        r.text = asciiEscaped(r.text);
    return r;
}

FormatResult pyFormatLimited(const Value &v, const QString &spec, int depthLeft, const TaskReprFunction &taskRepr)
{
    const bool viaObjectFormat = !(v.isBool() || v.isAnyInt() || v.isFloat() || v.isString());
    if (!viaObjectFormat || !spec.isEmpty())
        return pyFormat(v, spec, taskRepr);
    // object.__format__(x, '') is str(x), one call deeper.
    const ReprResult r = pyStrLimited(v, depthLeft - 1, taskRepr);
    if (!r.ok)
        return fail(r.errorType, r.errorMessage);
    return textResult(r.text);
}

FormatResult pyFormat(const Value &v, const QString &spec, const TaskReprFunction &taskRepr)
{
    switch (v.kind()) {
    case Value::Kind::Bool:
        // bool inherits int.__format__: an empty spec gives str(), anything else formats 0 or 1.
        if (spec.isEmpty())
            return textResult(pyStr(v));
        return formatInt(v.toBool() ? 1 : 0, spec, QStringLiteral("bool"));
    case Value::Kind::Int:
        if (spec.isEmpty())
            return textResult(QString::number(v.toInt()));
        return formatInt(v.toInt(), spec, QStringLiteral("int"));
    case Value::Kind::Float:
        if (spec.isEmpty())
            return textResult(pyFloatRepr(v.toFloat()));
        return formatFloat(v.toFloat(), spec);
    case Value::Kind::BigInt: {
        if (spec.isEmpty()) {
            QString digits;
            Value err;
            if (!intToDecimal(v, &digits, err))
                return valueError(err.exceptionArg().toString());
            return textResult(digits);
        }
        return formatBigInt(v, spec);
    }
    case Value::Kind::String:
        if (spec.isEmpty())
            return textResult(v.toString());
        return formatString(v.toString(), spec);
    default: {
        // object.__format__: only the empty spec, which means str().
        if (spec.isEmpty())
            return textResult(pyStr(v, taskRepr));
        // asyncio's C Task type is named `_asyncio.Task`.
        const QString typeName = v.isTask() ? QStringLiteral("_asyncio.Task") : v.typeName();
        return fail(ExceptionType::TypeError,
            QStringLiteral("unsupported format string passed to %1.__format__").arg(typeName));
    }
    }
}

}  // namespace tusk
