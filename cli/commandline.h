#pragma once

#include <QStringList>

namespace tusk {

/// Exit statuses of the `tusk` command line.
enum ExitStatus : int {
    ExitOk = 0,
    ExitProgramFailed = 1,  ///< an exception left the entry coroutine
    ExitInvalid = 2,  ///< bad file or bad usage
    ExitDeadlock = 3,
};

/// True when `args` (argv without the program name) asks for a command-line action rather
/// than the editor: `run`, `check`, `export`, `--help`, `--version`.
bool isCommandLineInvocation(const QStringList &args);

/// True when a window can be shown: a platform was chosen (QT_QPA_PLATFORM) or an X11 or
/// Wayland display is there.
bool hasDisplay();

/// Runs a command-line action and returns the process exit status. Needs a
/// QCoreApplication (the real clock runs on its event loop).
int runCommandLine(const QStringList &args);

}  // namespace tusk
