#pragma once

#include <QStringList>
#include <functional>

namespace tusk {

/// Exit statuses of the `tusk` command line.
enum ExitStatus : int {
    ExitOk = 0,
    ExitProgramFailed = 1,  ///< an exception left the entry coroutine
    ExitInvalid = 2,  ///< bad file or bad usage
    ExitDeadlock = 3,
    ExitLimitReached = 4,  ///< the run was stopped on reaching a limit (--max-tasks, --max-memory, ...)
};

/// True when `args` (argv without the program name) asks for a command-line action rather
/// than the editor: `run`, `check`, `export`, `import`, `--help`, `--version`.
bool isCommandLineInvocation(const QStringList &args);

/// True when a window can be shown: a platform was chosen (QT_QPA_PLATFORM) or an X11 or
/// Wayland display is there.
bool hasDisplay();

/// Draws a valid project file's diagram into `outFile` as `format` ("png" or "svg"); false with
/// `error` set when it cannot. The canvas that draws it is the editor's, which the command line
/// does not link: main() hands it in.
using DiagramExporter
    = std::function<bool(const QString &projectFile, const QString &format, const QString &outFile, QString *error)>;

/// The diagram format `tusk export FILE -o OUT` asks for ("png", "svg"), or empty when it asks
/// for Python (or for something else, which runCommandLine() refuses). main() uses it to start
/// the graphics that drawing needs.
QString diagramFormatRequested(const QStringList &args);

/// Runs a command-line action and returns the process exit status. Needs a
/// QCoreApplication (the real clock runs on its event loop), and a QApplication with
/// `diagrams` for `export -o OUT.png|OUT.svg`.
int runCommandLine(const QStringList &args, const DiagramExporter &diagrams = {});

}  // namespace tusk
