#pragma once

#include "project.h"

#include <QHash>
#include <QString>
#include <utility>
#include <vector>

namespace tusk {

/// Which lines of an exported script belong to which item: a coroutine's `async def` line (and
/// its docstring), a step's line or lines (a gather written one argument per line), and for a
/// try step also its `except` and `finally` lines.
struct ExportLineMap {
    /// The item of each line (index: line - 1); kNoId for lines of no item (imports, blanks).
    std::vector<ItemId> itemAtLine;
    /// An item's first and last line (1-based).
    QHash<ItemId, std::pair<int, int>> linesOf;
};

/// The project as a runnable Python 3.11 script (standard library only) that prints exactly what
/// `tusk run` prints: one `async def` per coroutine in file order, f-strings for print templates,
/// `asyncio.run(entry())` under `if __name__ == "__main__":`. The script reads like careful
/// hand-written code; names the project uses are kept as they are, and helpers (`_now`, `_T0`,
/// a `builtins` alias) are renamed only when a project name would hide them.
///
/// `project` should be valid (loadProjectFile()/validateProject() found no problem); text that
/// cannot be a template is kept as a plain string. `sourceName` (a file name) goes into the
/// header docstring. With `map`, also says which lines belong to which item.
QString exportPython(const Project &project, const QString &sourceName = {}, ExportLineMap *map = nullptr);

/// Writes exportPython(project, sourceName) to `fileName` as UTF-8, atomically: an existing file
/// stays as it was if anything goes wrong. On failure `error` says what and where.
bool writePythonScript(const Project &project, const QString &fileName, const QString &sourceName, QString *error);

/// A double-quoted Python string literal that evaluates to `text`, for any text: quotes,
/// backslashes, control characters, line and paragraph separators, format characters (bidi
/// overrides), lone surrogates and unassigned code points are written as escapes (`\n`, `\x00`,
/// `\u202e`, `\udc80`); every other character, emoji and RTL letters included, is kept as is.
QString pythonStringLiteral(const QString &text);

}  // namespace tusk
