#pragma once

// Python's builtins that a Tusk expression may call (Python/bltinmodule.c, and the types'
// constructors in Objects/), and the methods of str, list and dict (pymethods.cpp). Task
// methods and asyncio's functions need the event loop and live in engine/runtime.

#include "pyformat.h"
#include "value.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace tusk {

enum class Builtin : std::uint8_t {
    Len,
    Range,
    Str,
    Int,
    Float,
    Bool,
    Abs,
    Min,
    Max,
    Sum,
    Round,
    Sorted,
    Reversed,
    Enumerate,
    Zip,
    List,
    Tuple,
    Dict,
    Repr,
    Isinstance,
    Any,
    All,
    Divmod,
    Pow,
    Chr,
    Ord,
    Format,
    Ascii,
    Hex,
    Bin,
    Oct,
    Type,
    Print,  ///< print() inside an expression: its text goes through the caller (see BuiltinCall::print)
    ExceptionClass,  ///< ValueError(...), KeyError(...), ...: `exception` says which
};

/// What a name among the builtins stands for.
struct BuiltinName {
    Builtin builtin = Builtin::Len;
    ExceptionType exception = ExceptionType::Exception;  ///< for ExceptionClass
};

/// The builtin `name` stands for when no variable hides it.
bool findBuiltin(const QString &name, BuiltinName *out);
/// Every builtin name a program may use, for completion and validation.
QStringList builtinNames();

/// One call of a builtin: positional arguments, then keyword arguments by name.
struct BuiltinCall {
    std::span<const Value> args;
    std::span<const Value> keywordValues;
    std::span<const QString> keywordNames;
    TaskReprFunction taskRepr;
    int reprDepthLeft = 1000;
    /// print(): receives the line (without its end) and the `end`; false stops with `error`.
    std::function<bool(const QString &text, Value &error)> print;
};

/// Calls a builtin: true with *out, or false with the exception in `error`.
bool callBuiltin(const BuiltinName &b, const BuiltinCall &call, Value *out, Value &error);

/// A builtin as a value (`key=len`, `isinstance(x, int)`): `<built-in function len>`, `<class 'int'>`.
Value builtinValue(const BuiltinName &b);
/// The builtin a value stands for, if it is one.
bool builtinOf(const Value &v, BuiltinName *out);
/// True for a builtin value and for the class type(x) returns (`<class 'NoneType'>`).
bool isBuiltinValue(const Value &v);
/// The dotted name of a builtin value or class (`len`, `int`, `_asyncio.Task`).
QString builtinQualifiedName(const Value &v);
/// repr() of a builtin value or class.
QString builtinRepr(const Value &v);
/// type(v): the builtin class when there is one (`type(1) is int`), or a class of its own.
Value typeOf(const Value &v);
/// list.sort()'s algorithm on `keys`, moving `items` alike (CPython's comparison order for
/// short lists, so that a TypeError names the same pair).
bool sortValues(std::vector<Value> &keys, std::vector<Value> &items, Value &error);

/// `value.name(...)` for str, list and dict: true with *out; false with `error` (an
/// AttributeError when the type has no such method).
bool callMethod(const Value &self, const QString &name, const BuiltinCall &call, Value *out, Value &error);
/// `value.name` for the attributes that are not methods (`e.args`, `range.start`).
bool getAttribute(const Value &self, const QString &name, Value *out, Value &error);

/// str(v) and repr(v) as a program sees them: may raise RecursionError, or ValueError for an
/// int too long to write.
bool pyStrChecked(const Value &v, const BuiltinCall &call, QString *out, Value &error);
bool pyReprChecked(const Value &v, const BuiltinCall &call, QString *out, Value &error);

/// float(text) as Python parses it.
bool floatFromString(const QString &text, double *out, Value &error);

}  // namespace tusk
