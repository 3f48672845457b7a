#include "commandline.h"

#include "compiler.h"
#include "printobserver.h"
#include "projectjson.h"
#include "runcontroller.h"
#include "virtualrunner.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace tusk {

namespace {

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
}

QString usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  tusk [FILE]                     open the editor (on FILE)\n"
        "  tusk run FILE [--real] [--speed X]\n"
        "                                  run a project and print its output; virtual clock\n"
        "                                  by default, wall clock times X with --real\n"
        "  tusk check FILE                 validate a project and list every problem\n"
        "  tusk --help | --version\n"
        "\n"
        "Exit status of `run`: 0 finished, 1 an exception left the entry coroutine,\n"
        "2 invalid file or usage, 3 deadlock.");
}

int usageError(const QString &message)
{
    printErr(QStringLiteral("tusk: %1").arg(message));
    printErr(QStringLiteral("Try 'tusk --help'."));
    return ExitInvalid;
}

/// Loads and compiles; on failure prints the reason and returns false.
bool loadProgram(const QString &fileName, bool listAll, Project *project, Program *program)
{
    Problems problems;
    if (!loadProjectFile(fileName, project, &problems) || !compileProject(*project, program, &problems)) {
        if (listAll) {
            for (const Problem &p : problems)
                printErr(QStringLiteral("%1:%2").arg(fileName, p.toString()));
        } else if (!problems.empty()) {
            QString line = QStringLiteral("%1:%2").arg(fileName, problems.front().toString());
            if (problems.size() > 1)
                line += QStringLiteral(" (and %1 more; 'tusk check %2' lists them all)")
                            .arg(problems.size() - 1)
                            .arg(fileName);
            printErr(line);
        }
        return false;
    }
    return true;
}

int exitStatusFor(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Completed:
        return ExitOk;
    case RunOutcome::Failed:
        return ExitProgramFailed;
    case RunOutcome::Deadlock:
        return ExitDeadlock;
    case RunOutcome::Stopped:
        return ExitProgramFailed;
    }
    return ExitProgramFailed;
}

int runCommand(const QStringList &args)
{
    QString file;
    bool real = false;
    double speed = 1.0;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--real")) {
            real = true;
        } else if (a == QLatin1String("--speed")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--speed needs a number, e.g. --speed 2"));
            bool ok = false;
            speed = args[++i].toDouble(&ok);
            if (!ok || !(speed >= 0.01 && speed <= 1000))
                return usageError(QStringLiteral("--speed takes a number from 0.01 to 1000, not '%1'").arg(args[i]));
            real = true;
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return usageError(QStringLiteral("unknown option '%1' for 'run'").arg(a));
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return usageError(QStringLiteral("'run' takes one file, got '%1' too").arg(a));
        }
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("'run' needs a file: tusk run FILE"));

    Project project;
    auto program = std::make_shared<Program>();
    if (!loadProgram(file, false, &project, program.get()))
        return ExitInvalid;

    PrintObserver printer(stdout, stderr);
    RunOutcome outcome;
    if (!real) {
        EventLoop loop(program);
        loop.addObserver(&printer);
        outcome = runVirtual(loop);
        std::fflush(stdout);
        if (outcome == RunOutcome::Deadlock) {
            // The report went out as an Error event; the status tells scripts.
        }
    } else {
        RunController controller(program);
        controller.loop().addObserver(&printer);
        controller.setClock(RunController::Clock::Real);
        controller.setSpeed(speed);
        outcome = RunOutcome::Stopped;
        QObject::connect(&controller, &RunController::finished, [&outcome](RunOutcome o) {
            outcome = o;
            QCoreApplication::exit(0);
        });
        controller.start();
        if (!controller.loop().finished())
            QCoreApplication::exec();
        std::fflush(stdout);
    }
    return exitStatusFor(outcome);
}

int checkCommand(const QStringList &args)
{
    if (args.size() != 1 || args[0].startsWith(QLatin1Char('-')))
        return usageError(QStringLiteral("'check' takes exactly one file: tusk check FILE"));
    Project project;
    Program program;
    if (!loadProgram(args[0], true, &project, &program))
        return ExitInvalid;
    printOut(QStringLiteral("%1: valid (%2 coroutines, entry %3)")
                 .arg(args[0])
                 .arg(project.coroutines.size())
                 .arg(project.entry));
    return ExitOk;
}

} // namespace

bool isCommandLineInvocation(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    static const QStringList commands = {QStringLiteral("run"),    QStringLiteral("check"),
                                         QStringLiteral("--help"), QStringLiteral("-h"),
                                         QStringLiteral("help"),   QStringLiteral("--version"),
                                         QStringLiteral("-v")};
    return commands.contains(args.first());
}

int runCommandLine(const QStringList &args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("check"))
        return checkCommand(rest);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        printOut(QStringLiteral("tusk %1").arg(QStringLiteral(TUSK_VERSION)));
        return ExitOk;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printOut(usage());
        return ExitOk;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace tusk
