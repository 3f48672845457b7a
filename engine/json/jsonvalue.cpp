#include "jsonvalue.h"

#include <bit>

namespace tusk {

JsonValue JsonValue::boolean(bool b)
{
    JsonValue v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

JsonValue JsonValue::integer(std::int64_t i)
{
    JsonValue v;
    v.m_type = Type::Int;
    v.m_int = i;
    return v;
}

JsonValue JsonValue::floating(double d)
{
    JsonValue v;
    v.m_type = Type::Float;
    v.m_float = d;
    return v;
}

JsonValue JsonValue::string(QString s)
{
    JsonValue v;
    v.m_type = Type::String;
    v.m_string = std::move(s);
    return v;
}

JsonValue JsonValue::array(std::vector<JsonValue> items)
{
    JsonValue v;
    v.m_type = Type::Array;
    v.m_items = std::move(items);
    return v;
}

JsonValue JsonValue::object(std::vector<Member> members)
{
    JsonValue v;
    v.m_type = Type::Object;
    v.m_members = std::move(members);
    return v;
}

const JsonValue *JsonValue::find(const QString &key) const
{
    if (m_type != Type::Object)
        return nullptr;
    // Backwards, so that the last of duplicate keys wins.
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    return nullptr;
}

void JsonValue::set(const QString &key, JsonValue value)
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->first == key) {
            it->second = std::move(value);
            return;
        }
    }
    m_members.emplace_back(key, std::move(value));
}

bool JsonValue::operator==(const JsonValue &o) const
{
    if (m_type != o.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_bool == o.m_bool;
    case Type::Int:
        return m_int == o.m_int;
    case Type::Float:
        // Bitwise, so that -0.0 and 0.0 (written differently) are told apart.
        return std::bit_cast<std::uint64_t>(m_float) == std::bit_cast<std::uint64_t>(o.m_float);
    case Type::String:
        return m_string == o.m_string;
    case Type::Array:
        return m_items == o.m_items;
    case Type::Object:
        return m_members == o.m_members;
    }
    return false;
}

}  // namespace tusk
