#pragma once

#include "project.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace tusk {

/// A piece of a line of Python, with the role the canvas colours it by.
struct CodeSpan {
    enum class Role : std::uint8_t {
        Plain,
        Keyword,
        Call,
        String,
        Number,
        Muted,
        /// `, ` between two arguments of a list that may wrap (see ArgsOpen)
        Break,
        /// Empty markers around an argument list that may be written one argument per line.
        ArgsOpen,
        ArgsClose,
    };
    QString text;
    Role role = Role::Plain;
};
using CodeLine = std::vector<CodeSpan>;

/// The line's text, as one line.
QString plainText(const CodeLine &line);

/// How the Python form spells what depends on the reader: the editor shows a step as it reads
/// (`?` for what is not chosen yet, repr() for literals), the exporter writes code CPython runs
/// (escaped literals, builtins reached through an alias when a project name hides them). The
/// base class is the editor's spelling.
class PythonSpelling {
public:
    virtual ~PythonSpelling() = default;
    /// The argument of print() for a template, as the f-string (or plain string) it is.
    virtual QString templateArgument(const QString &text);
    virtual QString literal(const Value &value);
    /// A builtin or exception class, by its Python name (`range`, `ValueError`).
    virtual QString builtin(const QString &name) { return name; }
    /// A task variable or coroutine name that is not chosen yet.
    virtual QString missingName() { return QStringLiteral("?"); }
    /// A call whose coroutine is not chosen yet.
    virtual QString missingCall() { return QString(); }
    /// The loop variable of a `for` that does not keep it.
    virtual QString loopPlaceholder() { return QStringLiteral("_"); }
    /// An expression field's text (the exporter writes Tusk's `now` as `_now()`).
    virtual QString expression(const QString &text) { return text; }
};

/// The step's line of Python, from its kind's pattern (`t1 = asyncio.create_task(task1())`,
/// `await asyncio.sleep(1)`, `for i in range(3):`). Nested blocks are not part of the line.
CodeLine pythonLine(const Step &step, PythonSpelling &spelling);
/// `except ValueError as e:` (CancelledError is written `asyncio.CancelledError`).
CodeLine exceptLine(const ExceptClause &clause, PythonSpelling &spelling);
/// `asyncio.CancelledError`, or the builtin's spelling for the other types.
QString exceptionClass(const QString &type, PythonSpelling &spelling);
QString operandCode(const Operand &operand, PythonSpelling &spelling);
QString callCode(const Call &call, PythonSpelling &spelling);

}  // namespace tusk
