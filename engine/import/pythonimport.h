#pragma once

#include "jsonvalue.h"
#include "problem.h"
#include "project.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <vector>

namespace tusk {

/// Where an item of an imported project stands in the Python source: 1-based lines, columns in
/// characters, the end exclusive (as CPython's `ast` reports positions).
struct SourceSpan {
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    bool isValid() const { return line > 0; }
};

struct PythonImportOptions {
    /// A whole program must start its entry coroutine with `asyncio.run(...)`. A fragment (text
    /// pasted on the canvas) need not: its coroutines join the open project.
    bool requireEntry = true;
    /// Coroutines a fragment's calls may name besides its own (the open project's): their names
    /// and parameters let keyword arguments find their places.
    std::vector<Coroutine> existing;
};

/// A Python program as a project, or every reason it cannot be one yet.
struct PythonImport {
    bool ok = false;
    /// With ok: the program, ids assigned, no layout (the editor lays it out). Without: empty.
    Project project;
    /// Without ok: one problem per construct Tusk cannot hold, each with its line and column
    /// (and a syntax error as CPython reports it). Sorted by position.
    Problems problems;
    /// The source starts its entry with asyncio.run(NAME()) (`project.entry` is NAME); a fragment
    /// without one has entry "main" only because a project needs one.
    bool namesEntry = false;
    /// Coroutine and step ids of `project` to where they were written.
    QHash<ItemId, SourceSpan> spans;
};

/// Reads Python source with CPython's own parser (parsePythonSource()) and maps every construct
/// of the Tusk language to its step: `async def` to coroutines (docstring to `doc`),
/// `asyncio.run(main())` to the entry, `print(...)` to a template, and so on, including what
/// only renames them (`import asyncio as aio`, `from asyncio import sleep`, keyword arguments,
/// `await asyncio.create_task(f())`, an `if __name__ == "__main__":` guard). A program with
/// anything Tusk cannot hold yet is refused whole: never half-imported.
PythonImport importPython(const QByteArray &source, const QString &fileName, const PythonImportOptions &options = {});

/// The mapping alone, on a tree as pyast.py prints it (its `module`): for tests and fuzzing,
/// which need no python3. importPython() is parsePythonSource() and then this.
PythonImport importPythonTree(const JsonValue &module, const PythonImportOptions &options = {});

/// importPython() on a file; a file that cannot be read is one problem saying so.
PythonImport importPythonFile(const QString &fileName, const PythonImportOptions &options = {});

/// A problem as the command line prints it: `FILE:LINE:COLUMN: message`.
QString importProblemLine(const QString &fileName, const Problem &problem);

}  // namespace tusk
