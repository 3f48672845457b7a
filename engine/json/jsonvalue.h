#pragma once

#include <QString>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace tusk {

/// A parsed JSON value that, unlike QJsonValue, keeps what Python's `json` module keeps:
/// integers apart from floats (`1` vs `1.0`), object key order, and where each value stood
/// in the source text (1-based line and column) for error messages.
class JsonValue {
public:
    enum class Type : std::uint8_t { Null, Bool, Int, Float, String, Array, Object };
    using Member = std::pair<QString, JsonValue>;

    JsonValue() = default;
    static JsonValue null() { return {}; }
    static JsonValue boolean(bool b);
    static JsonValue integer(std::int64_t i);
    static JsonValue floating(double d);
    static JsonValue string(QString s);
    static JsonValue array(std::vector<JsonValue> items = {});
    static JsonValue object(std::vector<Member> members = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInt() const { return m_type == Type::Int; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isNumber() const { return isInt() || isFloat(); }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool() const { return m_bool; }
    std::int64_t toInt() const { return m_int; }
    double toFloat() const { return m_type == Type::Int ? double(m_int) : m_float; }
    const QString &toString() const { return m_string; }
    const std::vector<JsonValue> &items() const { return m_items; }
    std::vector<JsonValue> &items() { return m_items; }
    const std::vector<Member> &members() const { return m_members; }
    std::vector<Member> &members() { return m_members; }

    /// Object member lookup (nullptr when absent or not an object). With duplicate keys the
    /// last one wins, as in Python.
    const JsonValue *find(const QString &key) const;
    /// Sets or appends an object member.
    void set(const QString &key, JsonValue value);

    int line() const { return m_line; }  ///< 1-based; 0 when built in code
    int column() const { return m_column; }  ///< 1-based, in characters
    void setPosition(int line, int column)
    {
        m_line = line;
        m_column = column;
    }

    /// Structural equality; positions ignored, object key order significant.
    bool operator==(const JsonValue &o) const;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    std::int64_t m_int = 0;
    double m_float = 0;
    QString m_string;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;
    int m_line = 0;
    int m_column = 0;
};

/// A syntax error: message plus 1-based line and column.
struct JsonError {
    QString message;
    int line = 0;
    int column = 0;
};

/// Parses UTF-8 JSON text (RFC 8259). Rejects what Python's `json.loads` would turn into
/// values Tusk cannot hold: integers outside 64 bits, non-finite numbers (`1e400`), nesting
/// deeper than `maxDepth`. Returns false and fills `error` on failure.
bool parseJson(const QByteArray &utf8, JsonValue *out, JsonError *error, int maxDepth = 200);

/// Writes JSON with two-space indentation and a final newline. Floats are written as Python's
/// `repr` writes them (`1.0`, `0.1`, `1e-05`), so an int stays an int and a float a float.
QByteArray writeJson(const JsonValue &value);

}  // namespace tusk
