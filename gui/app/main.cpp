#include "commandline.h"
#include "diagramscene.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>
#include <cstdio>

namespace {

// `tusk export FILE -o OUT.png|OUT.svg`: the diagram as the editor draws it, light theme.
bool exportDiagram(const QString &projectFile, const QString &format, const QString &outFile, QString *error)
{
    tusk::Document document;
    tusk::Problems problems;
    if (!document.loadFile(projectFile, &problems)) {
        *error = problems.empty() ? QStringLiteral("cannot open %1").arg(projectFile) : problems.front().toString();
        return false;
    }
    tusk::DiagramScene scene(&document);
    return format == QLatin1String("svg") ? scene.exportSvg(outFile, error) : scene.exportPng(outFile, error);
}

}  // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // Command-line actions must work without a display: no QApplication for them.
    if (tusk::isCommandLineInvocation(args)) {
        if (!tusk::diagramFormatRequested(args).isEmpty()) {
            // Drawing needs fonts and a paint engine, not a screen: the same image with or without
            // a display, whatever the display is.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            // Qt's note that the offscreen platform has no runtime directory is no news to the user.
            qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
                if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
                    std::fprintf(stderr, "%s%s\n", type == QtWarningMsg ? "tusk: " : "", qPrintable(message));
            });
            QApplication app(argc, argv);
            QCoreApplication::setOrganizationName(QStringLiteral("Tusk"));
            QCoreApplication::setApplicationName(QStringLiteral("Tusk"));
            tusk::Theme::initResources();
            tusk::Theme::apply(tusk::Theme::Mode::Light);
            tusk::Language::instance()->applySaved();
            return tusk::runCommandLine(args, exportDiagram);
        }
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("Tusk"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TUSK_VERSION));
        return tusk::runCommandLine(args);
    }
    if (!tusk::hasDisplay()) {
        // Qt would abort with a plugin error; say what is wrong and what to do instead.
        std::fputs("tusk: there is no display to open the editor on (DISPLAY and WAYLAND_DISPLAY are empty).\n"
                   "  xvfb-run -a tusk [FILE]   opens the editor on a virtual display\n"
                   "  tusk run FILE             runs a project headless and prints its output\n",
            stderr);
        return tusk::ExitInvalid;
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tusk"));
    QCoreApplication::setApplicationName(QStringLiteral("Tusk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TUSK_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("tusk"));

    tusk::Theme::initResources();
    tusk::Theme::apply(tusk::Theme::Mode(QSettings().value(QStringLiteral("theme"), 0).toInt()));
    tusk::Language::instance()->applySaved();

    tusk::MainWindow window;
    window.show();
    // `tusk FILE` opens it (`tusk FILE.py` imports it); otherwise the editor starts empty, after
    // offering any work a crash left behind.
    const QString file = args.value(0);
    QTimer::singleShot(0, &window, [&window, file] {
        if (file.endsWith(QLatin1String(".py"), Qt::CaseInsensitive))
            window.importPythonFile(QFileInfo(file).absoluteFilePath());
        else if (!file.isEmpty())
            window.openFile(QFileInfo(file).absoluteFilePath());
        else
            window.offerRecovery();
    });
    return QApplication::exec();
}
