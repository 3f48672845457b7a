#pragma once

#include "value.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tusk {

/// Python's dict: insertion order, keys compared by equality and hash (1, 1.0 and True are one
/// key), as Objects/dictobject.c. Entries live in insertion order; removed ones leave a hole
/// that compaction closes. Lookups go through pyHash() and pyEquals().
class PyDict {
public:
    struct Entry {
        Value key;
        Value value;
        std::int64_t hash = 0;
        bool live = true;
    };

    std::size_t size() const { return m_live; }
    /// Changes whenever a key is added or removed (an iterator that sees it change raises
    /// "dictionary changed size during iteration").
    std::uint64_t version() const { return m_version; }

    /// The entry for `key`, or nullptr. False (TypeError in `error`) for an unhashable key.
    bool find(const Value &key, const Entry **out, Value &error) const;
    /// d[key] = value.
    bool set(const Value &key, const Value &value, Value &error);
    /// del d[key] / d.pop(key): false without error when absent (*found false).
    bool remove(const Value &key, Value *removed, bool *found, Value &error);
    void clear();

    /// Every entry, holes included (skip those not live), in insertion order.
    const std::vector<Entry> &entries() const { return m_entries; }
    /// The index-th live entry's position in entries(), for iterators that walk by position.
    std::size_t bytes() const { return m_entries.capacity() * sizeof(Entry); }

private:
    void compact();
    std::vector<Entry> m_entries;
    std::unordered_multimap<std::int64_t, std::size_t> m_index;
    std::size_t m_live = 0;
    std::uint64_t m_version = 0;
};

}  // namespace tusk
