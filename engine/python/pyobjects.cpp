// The small object types an expression meets besides numbers, strings and containers: range,
// slice, and the iterators of for loops (list_iterator, str_ascii_iterator, dict_keyiterator,
// range_iterator, ...), as Objects/rangeobject.c, sliceobject.c and the containers' iterators.

#include "pyobjects.h"

#include "pydict.h"
#include "pyint.h"
#include "pyops.h"

namespace tusk {

namespace {

class RangeObject final : public PyObject {
public:
    RangeObject(std::int64_t a, std::int64_t b, std::int64_t c)
        : start(a)
        , stop(b)
        , step(c)
    {
    }
    QString typeName() const override { return QStringLiteral("range"); }
    std::int64_t start, stop, step;
};

class SliceObject final : public PyObject {
public:
    SliceObject(Value a, Value b, Value c)
        : lower(std::move(a))
        , upper(std::move(b))
        , step(std::move(c))
    {
    }
    QString typeName() const override { return QStringLiteral("slice"); }
    Value lower, upper, step;
};

}  // namespace

std::int64_t rangeLength(std::int64_t start, std::int64_t stop, std::int64_t step)
{
    if (step > 0 && start < stop)
        return std::int64_t((std::uint64_t(stop) - std::uint64_t(start) - 1) / std::uint64_t(step) + 1);
    if (step < 0 && start > stop)
        return std::int64_t((std::uint64_t(start) - std::uint64_t(stop) - 1) / (0 - std::uint64_t(step)) + 1);
    return 0;
}

Value pyRange(std::int64_t start, std::int64_t stop, std::int64_t step)
{
    auto *r = new RangeObject(start, stop, step);
    r->account(sizeof(RangeObject));
    return Value::object(r);
}

bool pyIsRange(const Value &v, std::int64_t *start, std::int64_t *stop, std::int64_t *step)
{
    if (!v.isObject())
        return false;
    auto *r = dynamic_cast<const RangeObject *>(v.toObject());
    if (!r)
        return false;
    if (start)
        *start = r->start;
    if (stop)
        *stop = r->stop;
    if (step)
        *step = r->step;
    return true;
}

Value pySlice(const Value &lower, const Value &upper, const Value &step)
{
    auto *s = new SliceObject(lower, upper, step);
    s->account(sizeof(SliceObject));
    return Value::object(s);
}

bool pyIsSlice(const Value &v)
{
    return v.isObject() && dynamic_cast<const SliceObject *>(v.toObject());
}

bool sliceParts(const Value &slice, Value *lower, Value *upper, Value *step)
{
    auto *s = dynamic_cast<const SliceObject *>(slice.toObject());
    *lower = s->lower;
    *upper = s->upper;
    *step = s->step;
    return true;
}

IteratorObject::IteratorObject(Source s, Value over)
    : source(s)
    , target(std::move(over))
{
}

QString IteratorObject::typeName() const
{
    switch (source) {
    case Source::List:
        return QStringLiteral("list_iterator");
    case Source::ListReversed:
        return QStringLiteral("list_reverseiterator");
    case Source::Tuple:
        return QStringLiteral("tuple_iterator");
    case Source::String:
        return QStringLiteral("str_ascii_iterator");
    case Source::DictKeys:
        return QStringLiteral("dict_keyiterator");
    case Source::DictValues:
        return QStringLiteral("dict_valueiterator");
    case Source::DictItems:
        return QStringLiteral("dict_itemiterator");
    case Source::Range:
        return QStringLiteral("range_iterator");
    case Source::Items:
        return kind;
    }
    return {};
}

Value makeIterator(IteratorObject::Source source, const Value &over)
{
    auto *it = new IteratorObject(source, over);
    it->account(sizeof(IteratorObject));
    return Value::object(it);
}

Value makeItemsIterator(const QString &typeName, std::vector<Value> items)
{
    auto *it = new IteratorObject(IteratorObject::Source::Items, Value::tuple(std::move(items)));
    it->kind = typeName;
    it->account(sizeof(IteratorObject));
    return Value::object(it);
}

bool pyIter(const Value &v, Value *iterator, Value &error)
{
    using S = IteratorObject::Source;
    switch (v.kind()) {
    case Value::Kind::List:
        *iterator = makeIterator(S::List, v);
        return true;
    case Value::Kind::Tuple:
        *iterator = makeIterator(S::Tuple, v);
        return true;
    case Value::Kind::String:
        *iterator = makeIterator(S::String, Value::tuple({}));
        static_cast<IteratorObject *>(iterator->toObject())->codePoints = pyCodePoints(v.toString());
        return true;
    case Value::Kind::Dict: {
        *iterator = makeIterator(S::DictKeys, v);
        static_cast<IteratorObject *>(iterator->toObject())->dictSize = v.toDict().size();
        return true;
    }
    case Value::Kind::Object: {
        if (pyIsRange(v)) {
            *iterator = makeIterator(S::Range, v);
            return true;
        }
        if (auto *it = dynamic_cast<IteratorObject *>(v.toObject())) {
            Q_UNUSED(it);
            *iterator = v;  // iter(iterator) is itself
            return true;
        }
        if (auto *view = dynamic_cast<DictViewObject *>(v.toObject())) {
            *iterator = makeIterator(view->view == DictViewObject::View::Keys ? S::DictKeys
                    : view->view == DictViewObject::View::Values              ? S::DictValues
                                                                              : S::DictItems,
                view->dict);
            static_cast<IteratorObject *>(iterator->toObject())->dictSize = view->dict.toDict().size();
            return true;
        }
        break;
    }
    default:
        break;
    }
    error = pyTypeError(QStringLiteral("'%1' object is not iterable").arg(pyTypeName(v)));
    return false;
}

bool pyNext(const Value &iterator, Value *item, bool *done, Value &error)
{
    using S = IteratorObject::Source;
    auto *it = static_cast<IteratorObject *>(iterator.toObject());
    *done = false;
    if (it->exhausted) {
        *done = true;
        return false;
    }
    const auto finish = [&] {
        it->exhausted = true;
        it->target = Value();
        *done = true;
        return false;
    };
    switch (it->source) {
    case S::List:
    case S::Tuple:
    case S::Items: {
        const std::vector<Value> &items = it->target.toList();
        if (it->index >= items.size())
            return finish();
        *item = items[it->index++];
        return true;
    }
    case S::ListReversed: {
        const std::vector<Value> &items = it->target.toList();
        if (it->index >= items.size())
            return finish();
        *item = items[items.size() - 1 - it->index++];
        return true;
    }
    case S::String:
        if (it->index >= it->codePoints.size())
            return finish();
        *item = Value::string(QString::fromUcs4(&it->codePoints[it->index++], 1));
        return true;
    case S::Range: {
        std::int64_t start, stop, step;
        pyIsRange(it->target, &start, &stop, &step);
        if (std::int64_t(it->index) >= rangeLength(start, stop, step))
            return finish();
        *item = Value::integer(start + std::int64_t(it->index++) * step);
        return true;
    }
    case S::DictKeys:
    case S::DictValues:
    case S::DictItems: {
        const PyDict &d = it->target.toDict();
        if (d.size() != it->dictSize) {
            it->exhausted = true;
            error = pyError(ExceptionType::RuntimeError, QStringLiteral("dictionary changed size during iteration"));
            return false;
        }
        const auto &entries = d.entries();
        while (it->index < entries.size() && !entries[it->index].live)
            ++it->index;
        if (it->index >= entries.size())
            return finish();
        const PyDict::Entry &e = entries[it->index++];
        *item = it->source == S::DictKeys ? e.key
            : it->source == S::DictValues ? e.value
                                          : Value::tuple({e.key, e.value});
        return true;
    }
    }
    return finish();
}

bool pyToVector(const Value &v, std::vector<Value> *out, Value &error)
{
    out->clear();
    if (v.isList() || v.isTuple()) {
        *out = v.toList();
        return true;
    }
    Value it;
    if (!pyIter(v, &it, error))
        return false;
    for (;;) {
        Value item;
        bool done = false;
        if (!pyNext(it, &item, &done, error)) {
            if (done)
                return true;
            return false;
        }
        out->push_back(std::move(item));
    }
}

Value makeDictView(DictViewObject::View view, const Value &dict)
{
    auto *v = new DictViewObject;
    v->view = view;
    v->dict = dict;
    v->account(sizeof(DictViewObject));
    return Value::object(v);
}

QString DictViewObject::typeName() const
{
    switch (view) {
    case View::Keys:
        return QStringLiteral("dict_keys");
    case View::Values:
        return QStringLiteral("dict_values");
    case View::Items:
        return QStringLiteral("dict_items");
    }
    return {};
}

}  // namespace tusk
