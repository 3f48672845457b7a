#include "pydict.h"

#include "pyops.h"

namespace tusk {

bool PyDict::find(const Value &key, const Entry **out, Value &error) const
{
    std::int64_t h = 0;
    if (!pyHash(key, &h, error))
        return false;
    *out = nullptr;
    const auto [first, last] = m_index.equal_range(h);
    for (auto it = first; it != last; ++it) {
        const Entry &e = m_entries[it->second];
        if (e.key.sameObject(key) || pyEquals(e.key, key)) {
            *out = &e;
            break;
        }
    }
    return true;
}

bool PyDict::set(const Value &key, const Value &value, Value &error)
{
    std::int64_t h = 0;
    if (!pyHash(key, &h, error))
        return false;
    const auto [first, last] = m_index.equal_range(h);
    for (auto it = first; it != last; ++it) {
        Entry &e = m_entries[it->second];
        if (e.key.sameObject(key) || pyEquals(e.key, key)) {
            e.value = value;  // the first key stays: {1: 'a'}[1.0] = 'b' keeps 1
            return true;
        }
    }
    m_index.emplace(h, m_entries.size());
    m_entries.push_back({key, value, h, true});
    ++m_live;
    ++m_version;
    return true;
}

bool PyDict::remove(const Value &key, Value *removed, bool *found, Value &error)
{
    std::int64_t h = 0;
    *found = false;
    if (!pyHash(key, &h, error))
        return false;
    const auto [first, last] = m_index.equal_range(h);
    for (auto it = first; it != last; ++it) {
        Entry &e = m_entries[it->second];
        if (e.key.sameObject(key) || pyEquals(e.key, key)) {
            if (removed)
                *removed = e.value;
            e.live = false;
            e.key = Value();
            e.value = Value();
            m_index.erase(it);
            --m_live;
            ++m_version;
            *found = true;
            if (m_entries.size() > 16 && m_live * 2 < m_entries.size())
                compact();
            return true;
        }
    }
    return true;
}

void PyDict::clear()
{
    m_entries.clear();
    m_index.clear();
    m_live = 0;
    ++m_version;
}

void PyDict::compact()
{
    std::vector<Entry> kept;
    kept.reserve(m_live);
    m_index.clear();
    for (Entry &e : m_entries) {
        if (!e.live)
            continue;
        m_index.emplace(e.hash, kept.size());
        kept.push_back(std::move(e));
    }
    m_entries = std::move(kept);
}

}  // namespace tusk
