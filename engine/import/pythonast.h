#pragma once

#include "jsonvalue.h"
#include "problem.h"

#include <QByteArray>
#include <QString>

namespace tusk {

/// Python source read by CPython's own parser: the system python3 runs the helper script that
/// ships inside Tusk (pyast.py) and prints the `ast` tree as JSON. Tusk never parses Python
/// itself, so every program reads exactly as CPython reads it, syntax errors included.
struct PythonAst {
    /// The `Module` node: `{"_": "Module", "body": [...]}`, each node with `"at": [line, column,
    /// end line, end column]` (1-based, columns in characters). Null when parsing failed.
    JsonValue module;
    /// Why there is no tree: a syntax error as CPython reports it (with its line and column), or
    /// python3 missing or failing. Empty on success.
    Problems problems;
    QString pythonVersion;  ///< "3.11.7": the interpreter that read the source
};

/// The python3 that reads sources: $TUSK_PYTHON when set, else `python3` on PATH. Empty when
/// there is none.
QString pythonInterpreter();

/// Parses `source` (the bytes of a .py file: a coding cookie or BOM is honoured, as CPython does)
/// with the interpreter above; `fileName` is what CPython's messages name.
PythonAst parsePythonSource(const QByteArray &source, const QString &fileName);

}  // namespace tusk
