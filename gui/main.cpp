#include "commandline.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // Command-line actions must work without a display: no QApplication for them.
    if (tusk::isCommandLineInvocation(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("Tusk"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TUSK_VERSION));
        return tusk::runCommandLine(args);
    }
    QCoreApplication app(argc, argv);
    std::fputs("tusk: the diagram editor is not part of this build yet; use 'tusk run FILE' or "
               "'tusk --help'.\n",
               stderr);
    return tusk::ExitInvalid;
}
