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
/// Python's `str(value)`.
QString pyStr(const Value &v, const TaskReprFunction &taskRepr = {});
/// Python's `repr(value)`.
QString pyRepr(const Value &v, const TaskReprFunction &taskRepr = {});
/// Python's `ascii(value)`.
QString pyAscii(const Value &v, const TaskReprFunction &taskRepr = {});

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

}  // namespace tusk
