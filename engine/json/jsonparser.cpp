// A strict RFC 8259 parser that accepts what Python's `json.loads` accepts on decoded text, minus
// what a Tusk value cannot hold (huge integers, NaN/Infinity), and reports every error with the
// line and column (in characters) where it stands.
#include "jsonvalue.h"

#include <QHash>
#include <charconv>
#include <cmath>
#include <string>

namespace tusk {

namespace {

QString hexByte(unsigned char c)
{
    return QStringLiteral("0x") + QString::number(c, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), as Python's decoder.
// On failure, `out` holds the characters before the offending sequence.
bool decodeUtf8(const QByteArray &in, std::u32string *out, QString *message)
{
    const auto *s = reinterpret_cast<const unsigned char *>(in.constData());
    const qsizetype n = in.size();
    out->clear();
    out->reserve(std::size_t(n));
    qsizetype i = 0;
    auto fail = [&](const QString &why) {
        *message = why;
        return false;
    };
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            out->push_back(c);
            ++i;
            continue;
        }
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            if (c == 0xE0)
                lo = 0xA0;  // no overlongs
            else if (c == 0xED)
                hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;  // nothing above U+10FFFF
        } else {
            return fail(QStringLiteral("invalid UTF-8: byte %1 cannot start a character").arg(hexByte(c)));
        }
        for (int k = 1; k < len; ++k) {
            if (i + k >= n)
                return fail(QStringLiteral("invalid UTF-8: the text ends in the middle of a character"));
            const unsigned char cc = s[i + k];
            const unsigned char min = k == 1 ? lo : 0x80;
            const unsigned char max = k == 1 ? hi : 0xBF;
            if (cc < min || cc > max) {
                return fail(QStringLiteral("invalid UTF-8: byte %1 is not followed by a valid continuation byte")
                                .arg(hexByte(c)));
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        out->push_back(cp);
        i += len;
    }
    return true;
}

class Parser {
public:
    Parser(const std::u32string &text, int maxDepth)
        : m_text(text)
        , m_maxDepth(maxDepth)
    {
    }

    bool parseDocument(JsonValue *out, JsonError *error)
    {
        if (!m_text.empty() && m_text[0] == 0xFEFF) {
            // Python's json.loads() refuses a BOM in decoded text; so do we.
            fail(QStringLiteral(
                "unexpected UTF-8 byte order mark (BOM) at the start; save the file as UTF-8 without BOM"));
        } else {
            skipWhitespace();
            JsonValue v;
            if (parseValue(&v, 0)) {
                skipWhitespace();
                if (m_pos < m_text.size())
                    fail(QStringLiteral("extra data after the JSON value"));
                else
                    *out = std::move(v);
            }
        }
        if (m_failed && error)
            *error = m_error;
        return !m_failed;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char32_t peek() const { return atEnd() ? 0 : m_text[m_pos]; }
    int column(std::size_t pos) const { return int(pos - m_lineStart) + 1; }

    bool fail(const QString &message) { return failAt(message, m_pos); }
    // Errors are never reported across a line break, so the current line holds `pos`.
    bool failAt(const QString &message, std::size_t pos)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = JsonError {message, m_line, column(pos)};
        }
        return false;
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char32_t c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            ++m_pos;
        }
    }

    bool matchWord(const char *word) const
    {
        std::size_t i = 0;
        for (; word[i]; ++i) {
            if (m_pos + i >= m_text.size() || m_text[m_pos + i] != char32_t(word[i]))
                return false;
        }
        return true;
    }

    bool parseValue(JsonValue *out, int depth)
    {
        out->setPosition(m_line, column(m_pos));
        const char32_t c = peek();
        if (atEnd())
            return fail(QStringLiteral("expected a value, found the end of the text"));
        switch (c) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            const int line = out->line(), col = out->column();
            QString s;
            if (!parseString(&s))
                return false;
            *out = JsonValue::string(std::move(s));
            out->setPosition(line, col);
            return true;
        }
        default:
            break;
        }
        const int line = out->line(), col = out->column();
        JsonValue v;
        if (matchWord("true")) {
            v = JsonValue::boolean(true);
            m_pos += 4;
        } else if (matchWord("false")) {
            v = JsonValue::boolean(false);
            m_pos += 5;
        } else if (matchWord("null")) {
            m_pos += 4;
        } else if (matchWord("NaN") || matchWord("Infinity") || matchWord("-Infinity")) {
            return fail(QStringLiteral("number is not finite (NaN and Infinity are not allowed)"));
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!parseNumber(&v))
                return false;
        } else {
            return fail(QStringLiteral("expected a value"));
        }
        *out = std::move(v);
        out->setPosition(line, col);
        return true;
    }

    bool enter(int depth)
    {
        if (depth > m_maxDepth)
            return fail(QStringLiteral("nesting deeper than %1 levels").arg(m_maxDepth));
        return true;
    }

    bool parseObject(JsonValue *out, int depth)
    {
        if (!enter(depth))
            return false;
        const int line = m_line, col = column(m_pos);
        ++m_pos;  // '{'
        std::vector<JsonValue::Member> members;
        QHash<QString, std::size_t> index;  // duplicate keys: the first place, the last value (as a dict)
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
        } else {
            bool afterComma = false;
            for (;;) {
                if (peek() != '"' || atEnd()) {
                    if (afterComma && peek() == '}')
                        return fail(QStringLiteral("a trailing comma is not allowed in JSON"));
                    return fail(QStringLiteral("expected a member name in double quotes"));
                }
                QString key;
                if (!parseString(&key))
                    return false;
                skipWhitespace();
                if (peek() != ':' || atEnd())
                    return fail(QStringLiteral("expected ':' after a member name"));
                ++m_pos;
                skipWhitespace();
                JsonValue v;
                if (!parseValue(&v, depth))
                    return false;
                auto it = index.constFind(key);
                if (it != index.constEnd()) {
                    members[*it].second = std::move(v);
                } else {
                    index.insert(key, members.size());
                    members.emplace_back(std::move(key), std::move(v));
                }
                skipWhitespace();
                if (peek() == ',' && !atEnd()) {
                    ++m_pos;
                    skipWhitespace();
                    afterComma = true;
                    continue;
                }
                if (peek() == '}' && !atEnd()) {
                    ++m_pos;
                    break;
                }
                return fail(QStringLiteral("expected ',' or '}' after an object member"));
            }
        }
        *out = JsonValue::object(std::move(members));
        out->setPosition(line, col);
        return true;
    }

    bool parseArray(JsonValue *out, int depth)
    {
        if (!enter(depth))
            return false;
        const int line = m_line, col = column(m_pos);
        ++m_pos;  // '['
        std::vector<JsonValue> items;
        skipWhitespace();
        if (peek() == ']' && !atEnd()) {
            ++m_pos;
        } else {
            for (;;) {
                JsonValue v;
                if (!items.empty() && peek() == ']' && !atEnd())
                    return fail(QStringLiteral("a trailing comma is not allowed in JSON"));
                if (!parseValue(&v, depth))
                    return false;
                items.push_back(std::move(v));
                skipWhitespace();
                if (peek() == ',' && !atEnd()) {
                    ++m_pos;
                    skipWhitespace();
                    continue;
                }
                if (peek() == ']' && !atEnd()) {
                    ++m_pos;
                    break;
                }
                return fail(QStringLiteral("expected ',' or ']' after an array item"));
            }
        }
        *out = JsonValue::array(std::move(items));
        out->setPosition(line, col);
        return true;
    }

    static int hexValue(char32_t c)
    {
        if (c >= '0' && c <= '9')
            return int(c - '0');
        if (c >= 'a' && c <= 'f')
            return int(c - 'a' + 10);
        if (c >= 'A' && c <= 'F')
            return int(c - 'A' + 10);
        return -1;
    }

    // Reads the 4 hex digits after `\u` at m_pos (which points at the backslash).
    bool readUnicodeEscape(char16_t *unit)
    {
        const std::size_t backslash = m_pos;
        unsigned v = 0;
        for (std::size_t k = 2; k < 6; ++k) {
            const int h = m_pos + k < m_text.size() ? hexValue(m_text[m_pos + k]) : -1;
            if (h < 0)
                return failAt(QStringLiteral("invalid escape: \\u must be followed by 4 hex digits"), backslash);
            v = v * 16 + unsigned(h);
        }
        m_pos += 6;
        *unit = char16_t(v);
        return true;
    }

    bool parseString(QString *out)
    {
        const std::size_t start = m_pos;
        ++m_pos;  // '"'
        std::u16string s;
        for (;;) {
            if (atEnd())
                return failAt(QStringLiteral("unterminated string"), start);
            const char32_t c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20) {
                if (c == '\n' || c == '\r')
                    return fail(
                        QStringLiteral("unterminated string: a line break inside a string must be written as \\n"));
                return fail(QStringLiteral("invalid control character U+%1 in a string; write it as an escape")
                                .arg(unsigned(c), 4, 16, QLatin1Char('0')));
            }
            if (c != '\\') {
                if (c > 0xFFFF) {
                    s.push_back(QChar::highSurrogate(c));
                    s.push_back(QChar::lowSurrogate(c));
                } else {
                    s.push_back(char16_t(c));
                }
                ++m_pos;
                continue;
            }
            if (m_pos + 1 >= m_text.size())
                return failAt(QStringLiteral("unterminated string"), start);
            const char32_t e = m_text[m_pos + 1];
            char16_t unit = 0;
            switch (e) {
            case '"':
                unit = u'"';
                break;
            case '\\':
                unit = u'\\';
                break;
            case '/':
                unit = u'/';
                break;
            case 'b':
                unit = u'\b';
                break;
            case 'f':
                unit = u'\f';
                break;
            case 'n':
                unit = u'\n';
                break;
            case 'r':
                unit = u'\r';
                break;
            case 't':
                unit = u'\t';
                break;
            case 'u': {
                if (!readUnicodeEscape(&unit))
                    return false;
                s.push_back(unit);
                // A high surrogate followed by an escaped low one is one character, as in
                // Python; a lone surrogate is kept as it is.
                if (QChar::isHighSurrogate(unit) && m_pos + 1 < m_text.size() && m_text[m_pos] == '\\'
                    && m_text[m_pos + 1] == 'u') {
                    const std::size_t save = m_pos;
                    char16_t low = 0;
                    if (!readUnicodeEscape(&low))
                        return false;
                    if (QChar::isLowSurrogate(low))
                        s.push_back(low);
                    else
                        m_pos = save;  // an ordinary escape, read again by the loop
                }
                continue;
            }
            default: {
                QString shown = e >= 0x20 ? QString::fromUcs4(&e, 1)
                                          : QStringLiteral("U+%1").arg(unsigned(e), 4, 16, QLatin1Char('0'));
                return fail(
                    QStringLiteral("invalid escape '\\%1'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                        .arg(shown));
            }
            }
            s.push_back(unit);
            m_pos += 2;
        }
        // Not fromUtf16(): it would drop a leading U+FEFF as a byte order mark.
        *out = QString(reinterpret_cast<const QChar *>(s.data()), qsizetype(s.size()));
        return true;
    }

    static bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

    // Python's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
    bool parseNumber(JsonValue *out)
    {
        const std::size_t start = m_pos;
        std::string ascii;
        auto take = [&] { ascii.push_back(char(m_text[m_pos++])); };
        if (peek() == '-')
            take();
        if (atEnd() || !isDigit(peek()))
            return failAt(QStringLiteral("invalid number: a digit must follow '-'"), start);
        if (peek() == '0') {
            take();
            if (!atEnd() && isDigit(peek()))
                return failAt(QStringLiteral("invalid number: leading zeros are not allowed"), start);
        } else {
            while (!atEnd() && isDigit(peek()))
                take();
        }
        bool isFloat = false;
        if (!atEnd() && peek() == '.') {
            take();
            if (atEnd() || !isDigit(peek()))
                return fail(QStringLiteral("invalid number: a digit must follow '.'"));
            while (!atEnd() && isDigit(peek()))
                take();
            isFloat = true;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            take();
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                take();
            if (atEnd() || !isDigit(peek()))
                return fail(QStringLiteral("invalid number: the exponent needs digits"));
            while (!atEnd() && isDigit(peek()))
                take();
            isFloat = true;
        }
        const char *first = ascii.data();
        const char *last = ascii.data() + ascii.size();
        if (!isFloat) {
            std::int64_t i = 0;
            const auto r = std::from_chars(first, last, i);
            if (r.ec != std::errc() || r.ptr != last)
                return failAt(QStringLiteral("integer too large (outside 64-bit range)"), start);
            *out = JsonValue::integer(i);
            return true;
        }
        double d = 0;
        const auto r = std::from_chars(first, last, d);
        if (r.ec == std::errc::result_out_of_range) {
            if (overflows(ascii))
                return failAt(QStringLiteral("number is not finite (too large for a 64-bit float)"), start);
            d = ascii[0] == '-' ? -0.0 : 0.0;  // underflow: Python rounds to zero too
        } else if (r.ec != std::errc() || r.ptr != last || !std::isfinite(d)) {
            return failAt(QStringLiteral("number is not finite (too large for a 64-bit float)"), start);
        }
        *out = JsonValue::floating(d);
        return true;
    }

    // Whether a number from_chars found out of range is too large (rather than too small):
    // the decimal magnitude of its first significant digit decides.
    static bool overflows(const std::string &s)
    {
        std::size_t i = s[0] == '-' ? 1 : 0;
        long long magnitude = 0;
        bool seenNonZero = false, afterPoint = false;
        long long intDigits = 0, leadingFractionZeros = 0;
        for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
            if (s[i] == '.') {
                afterPoint = true;
                continue;
            }
            if (!seenNonZero) {
                if (s[i] != '0')
                    seenNonZero = true;
                else if (afterPoint)
                    ++leadingFractionZeros;
            }
            if (!afterPoint && seenNonZero)
                ++intDigits;
        }
        magnitude = intDigits > 0 ? intDigits : -leadingFractionZeros;
        long long exp = 0;
        if (i < s.size()) {
            ++i;
            bool neg = false;
            if (s[i] == '+' || s[i] == '-')
                neg = s[i++] == '-';
            for (; i < s.size(); ++i)
                exp = std::min(exp * 10 + (s[i] - '0'), 1'000'000'000LL);  // saturate
            if (neg)
                exp = -exp;
        }
        return magnitude + exp > 0;
    }

    const std::u32string &m_text;
    const int m_maxDepth;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::size_t m_lineStart = 0;
    bool m_failed = false;
    JsonError m_error;
};

}  // namespace

bool parseJson(const QByteArray &utf8, JsonValue *out, JsonError *error, int maxDepth)
{
    std::u32string text;
    QString message;
    if (!decodeUtf8(utf8, &text, &message)) {
        if (error) {
            // Where the bad byte stands, counted in the characters decoded before it.
            int line = 1, column = 1;
            for (char32_t c : text) {
                if (c == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            *error = JsonError {message, line, column};
        }
        return false;
    }
    Parser parser(text, maxDepth);
    JsonValue v;
    if (!parser.parseDocument(&v, error))
        return false;
    if (out)
        *out = std::move(v);
    return true;
}

}  // namespace tusk
