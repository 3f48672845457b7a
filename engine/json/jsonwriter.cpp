// JSON output as Python's json.dumps(value, indent=2, ensure_ascii=False) + "\n" writes it.
#include "jsonvalue.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tusk {

namespace {

// Python's repr(float): the shortest digits that round-trip, in positional notation when the
// decimal exponent is in [-4, 16), otherwise as d.ddde+XX. Kept local so the file format does
// not depend on the formatting code of the interpreter.
std::string floatRepr(double d)
{
    // Python's json writes these for allow_nan=True; the parser refuses them when read back.
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    // Scientific form gives the shortest round-trip digits and the exponent separately.
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string sci(buf, r.ptr);
    const std::size_t ePos = sci.find('e');
    std::string mantissa = sci.substr(0, ePos);
    const int exp = std::atoi(sci.c_str() + ePos + 1);
    std::string sign;
    if (!mantissa.empty() && mantissa[0] == '-') {
        sign = "-";
        mantissa.erase(0, 1);
    }
    std::string digits;
    for (char c : mantissa) {
        if (c != '.')
            digits.push_back(c);
    }
    std::string out = sign;
    if (exp < -4 || exp >= 16) {
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        const int a = std::abs(exp);
        out += exp < 0 ? "e-" : "e+";
        if (a < 10)
            out += '0';
        out += std::to_string(a);
    } else if (exp >= 0) {
        const std::size_t intLen = std::size_t(exp) + 1;
        if (digits.size() <= intLen) {
            out += digits + std::string(intLen - digits.size(), '0') + ".0";
        } else {
            out += digits.substr(0, intLen) + "." + digits.substr(intLen);
        }
    } else {
        out += "0." + std::string(std::size_t(-exp - 1), '0') + digits;
    }
    return out;
}

void writeString(const QString &s, QByteArray *out)
{
    out->append('"');
    QString chunk;  // runs of ordinary characters, converted to UTF-8 at once
    chunk.reserve(s.size());
    auto flush = [&] {
        out->append(chunk.toUtf8());
        chunk.clear();
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const char16_t u = c.unicode();
        const char *esc = nullptr;
        switch (u) {
        case u'"':
            esc = "\\\"";
            break;
        case u'\\':
            esc = "\\\\";
            break;
        case u'\n':
            esc = "\\n";
            break;
        case u'\r':
            esc = "\\r";
            break;
        case u'\t':
            esc = "\\t";
            break;
        case u'\b':
            esc = "\\b";
            break;
        case u'\f':
            esc = "\\f";
            break;
        default:
            break;
        }
        if (esc) {
            flush();
            out->append(esc);
            continue;
        }
        bool escapeUnit = u < 0x20;
        if (c.isSurrogate()) {
            // A well-formed pair is one character written as is; a lone surrogate (which
            // "\ud800" in a file yields, as in Python) cannot be UTF-8, so it stays escaped.
            if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
                chunk.append(c);
                chunk.append(s.at(++i));
                continue;
            }
            escapeUnit = true;
        }
        if (escapeUnit) {
            flush();
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(u));
            out->append(buf);
            continue;
        }
        chunk.append(c);
    }
    flush();
    out->append('"');
}

void writeValue(const JsonValue &v, int indent, QByteArray *out)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        out->append("null");
        return;
    case JsonValue::Type::Bool:
        out->append(v.toBool() ? "true" : "false");
        return;
    case JsonValue::Type::Int:
        out->append(QByteArray::number(qint64(v.toInt())));
        return;
    case JsonValue::Type::Float:
        out->append(floatRepr(v.toFloat()).c_str());
        return;
    case JsonValue::Type::String:
        writeString(v.toString(), out);
        return;
    case JsonValue::Type::Array: {
        if (v.items().empty()) {
            out->append("[]");
            return;
        }
        const QByteArray inner(indent + 2, ' ');
        out->append("[\n");
        bool first = true;
        for (const JsonValue &item : v.items()) {
            if (!first)
                out->append(",\n");
            first = false;
            out->append(inner);
            writeValue(item, indent + 2, out);
        }
        out->append('\n');
        out->append(QByteArray(indent, ' '));
        out->append(']');
        return;
    }
    case JsonValue::Type::Object: {
        if (v.members().empty()) {
            out->append("{}");
            return;
        }
        const QByteArray inner(indent + 2, ' ');
        out->append("{\n");
        bool first = true;
        for (const auto &[key, value] : v.members()) {
            if (!first)
                out->append(",\n");
            first = false;
            out->append(inner);
            writeString(key, out);
            out->append(": ");
            writeValue(value, indent + 2, out);
        }
        out->append('\n');
        out->append(QByteArray(indent, ' '));
        out->append('}');
        return;
    }
    }
}

}  // namespace

QByteArray writeJson(const JsonValue &value)
{
    QByteArray out;
    writeValue(value, 0, &out);
    out.append('\n');
    return out;
}

}  // namespace tusk
