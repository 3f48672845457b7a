#pragma once

#include "value.h"

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace tusk {

/// An iterator over a container, walking it by position as CPython's do (a list that grows
/// while a for loop walks it is walked to its new end).
class IteratorObject final : public PyObject {
public:
    enum class Source : std::uint8_t {
        List,
        ListReversed,
        Tuple,
        String,
        DictKeys,
        DictValues,
        DictItems,
        Range,
        Items
    };
    IteratorObject(Source source, Value over);
    QString typeName() const override;

    Source source;
    Value target;  ///< what it walks (a tuple of prepared items for Source::Items)
    std::size_t index = 0;
    std::size_t dictSize = 0;  ///< the dict's size when iteration began
    std::u32string codePoints;  ///< String
    QString kind;  ///< Items: the type name shown (`enumerate`, `zip`, `generator`)
    bool exhausted = false;
};

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
class DictViewObject final : public PyObject {
public:
    enum class View : std::uint8_t { Keys, Values, Items };
    QString typeName() const override;
    View view = View::Keys;
    Value dict;
};

Value makeIterator(IteratorObject::Source source, const Value &over);
/// An iterator over prepared items, shown as `typeName` (enumerate, zip, reversed, generator).
Value makeItemsIterator(const QString &typeName, std::vector<Value> items);
Value makeDictView(DictViewObject::View view, const Value &dict);
/// len(range(start, stop, step)).
std::int64_t rangeLength(std::int64_t start, std::int64_t stop, std::int64_t step);
/// A slice value's three parts (None where absent).
bool sliceParts(const Value &slice, Value *lower, Value *upper, Value *step);

}  // namespace tusk
