#pragma once

#include "value.h"

#include <QString>
#include <cstdint>
#include <functional>

namespace tusk {

/// Writes a task handle as Python would (`<Task finished name='Task-2' coro=<worker() done>
/// result=None>`); supplied by whoever knows the tasks.
using TaskReprFunction = std::function<QString(std::uint32_t taskId)>;

/// Python's `str.isprintable()` for one code point: what `repr` shows as itself.
bool pyIsPrintable(char32_t c);

/// Python's `repr(float)`: shortest round-trip digits, `1.0`, `1e-05`, `1e+16`, `inf`, `nan`.
QString pyFloatRepr(double d);
/// Python's `repr(str)`: quote choice and escapes exactly as CPython.
QString pyStringRepr(const QString &s);
/// Python's `str(value)`, for text that cannot fail: values nested deeper than CPython could
/// show end in `...` (and never recurse deep enough to exhaust the C++ stack).
QString pyStr(const Value &v, const TaskReprFunction &taskRepr = {});
/// Python's `repr(value)`, as pyStr().
QString pyRepr(const Value &v, const TaskReprFunction &taskRepr = {});
/// Python's `ascii(value)`, as pyStr().
QString pyAscii(const Value &v, const TaskReprFunction &taskRepr = {});
/// repr() cut to about `maxChars` characters (then `...`), in time proportional to that: for
/// what the run views show of every task's result (a chain of gathers nests results deeper
/// and deeper; their full text grew quadratically).
QString pyReprShort(const Value &v, qsizetype maxChars, const TaskReprFunction &taskRepr = {});

/// The outcome of a repr()/str() that may exhaust the recursion limit.
struct ReprResult {
    bool ok = true;
    QString text;
    /// RecursionError, or ValueError for an int of more than 4300 digits.
    ExceptionType errorType = ExceptionType::RecursionError;
    QString errorMessage;  ///< `maximum recursion depth exceeded while getting the repr of an object`
};
/// str(), repr() and ascii() as a program sees them: CPython counts each nested repr or str
/// call against the recursion limit, so a value nested more than `depthLeft` calls deep raises
/// RecursionError (see EventLoop::reprDepthLeft() for what is left at a given frame depth).
ReprResult pyStrLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr = {});
ReprResult pyReprLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr = {});
ReprResult pyAsciiLimited(const Value &v, int depthLeft, const TaskReprFunction &taskRepr = {});

/// The outcome of `format(value, spec)`: text, or the exception Python raises.
struct FormatResult {
    bool ok = true;
    QString text;
    ExceptionType errorType = ExceptionType::ValueError;
    QString errorMessage;  ///< e.g. `Unknown format code 'd' for object of type 'float'`
};

/// Python's `format(value, spec)` (the format-spec mini-language for int, bool, float and str;
/// other types accept only an empty spec, as `object.__format__` does).
FormatResult pyFormat(const Value &v, const QString &spec, const TaskReprFunction &taskRepr = {});
/// pyFormat() as a program sees it: `format(list, '')` is str() one call deeper, and may raise
/// RecursionError (errorType) like pyStrLimited().
FormatResult pyFormatLimited(const Value &v, const QString &spec, int depthLeft, const TaskReprFunction &taskRepr = {});

}  // namespace tusk
