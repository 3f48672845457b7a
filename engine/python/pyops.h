#pragma once

// Python's operators on Tusk's values, as CPython 3.11 evaluates them (Objects/abstract.c,
// longobject.c, floatobject.c, unicodeobject.c, listobject.c, tupleobject.c, dictobject.c):
// the result, or the exception with CPython's message. Every function that can fail returns
// false and leaves the exception in `error`.

#include "expression.h"
#include "value.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace tusk {

/// An exception value `type(message)`.
Value pyError(ExceptionType type, const QString &message);
/// TypeError(message).
Value pyTypeError(const QString &message);

/// The type name an error message quotes (`int`, `str`, `NoneType`, `_asyncio.Task`).
QString pyTypeName(const Value &v);

/// bool(v).
bool pyTruth(const Value &v);
/// v == w (never fails for Tusk's values; containers compare item by item).
bool pyEquals(const Value &v, const Value &w);
/// hash(v); TypeError "unhashable type: 'list'" for lists and dicts.
bool pyHash(const Value &v, std::int64_t *out, Value &error);

/// `a OP b`; `inPlace` for `a OP= b` (a list's `+=` extends it in place, and the messages
/// name `+=`).
bool pyBinary(ExprNode::BinaryOp op, const Value &a, const Value &b, bool inPlace, Value *out, Value &error);
/// `-a`, `+a`, `not a`, `~a`.
bool pyUnary(ExprNode::UnaryOp op, const Value &a, Value *out, Value &error);
/// One comparison of a chain (`a < b`, `a in b`, `a is b`).
bool pyCompare(ExprNode::CompareOp op, const Value &a, const Value &b, bool *out, Value &error);

/// len(v).
bool pyLen(const Value &v, std::int64_t *out, Value &error);
/// v[key]; a slice key is made by pySlice().
bool pyGetItem(const Value &v, const Value &key, Value *out, Value &error);
/// v[key] = item.
bool pySetItem(const Value &v, const Value &key, const Value &item, Value &error);
/// del v[key].
bool pyDelItem(const Value &v, const Value &key, Value &error);
/// slice(lower, upper, step) as a value for pyGetItem().
Value pySlice(const Value &lower, const Value &upper, const Value &step);
bool pyIsSlice(const Value &v);

/// iter(v): an iterator over a list, tuple, str, dict (its keys), range, or an iterator itself.
bool pyIter(const Value &v, Value *iterator, Value &error);
/// next(iterator): true with *item, or false with *done set (error untouched) at the end, or
/// false with `error` set.
bool pyNext(const Value &iterator, Value *item, bool *done, Value &error);
/// list(v): every item of an iterable.
bool pyToVector(const Value &v, std::vector<Value> *out, Value &error);

/// The str of a number, a string, a bool or None for the cheap path of str(); false when
/// v needs the general repr machinery.
bool pyIndex(const Value &v, std::int64_t *out, Value &error, const char *context = nullptr);

/// A range object (start, stop, step; step != 0).
Value pyRange(std::int64_t start, std::int64_t stop, std::int64_t step);
bool pyIsRange(
    const Value &v, std::int64_t *start = nullptr, std::int64_t *stop = nullptr, std::int64_t *step = nullptr);

/// The code points of a str (Python indexes strings by code point, Qt by UTF-16 unit).
std::u32string pyCodePoints(const QString &s);
QString pyFromCodePoints(const std::u32string &s);
/// Number of code points.
std::int64_t pyStrLen(const QString &s);

}  // namespace tusk
