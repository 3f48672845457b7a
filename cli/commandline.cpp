#include "commandline.h"

#include "compiler.h"
#include "printobserver.h"
#include "projectjson.h"
#include "pythonexport.h"
#include "pythonimport.h"
#include "runcontroller.h"
#include "runrecording.h"
#include "virtualrunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QSaveFile>
#include <cstdio>
#include <limits>

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
        "  tusk [FILE]                     open the editor (on FILE; a .py file is imported)\n"
        "  tusk run FILE [--real] [--speed X] [--trace OUT.json] [--mark-entry-return]\n"
        "               [--max-tasks N] [--max-memory SIZE] [--max-recording SIZE] [--seed N]\n"
        "                                  run a project and print its output; virtual clock\n"
        "                                  by default, wall clock times X with --real;\n"
        "                                  --trace writes a Chrome trace (open it in Perfetto);\n"
        "                                  --mark-entry-return (a testing aid) writes\n"
        "                                  'tusk: entry returned after N lines' to stderr when\n"
        "                                  the entry coroutine ends (N: lines of stdout so far)\n"
        "                                  and 'tusk: the traceback ended above' after a failed\n"
        "                                  entry's traceback\n"
        "                                  limits (0: none): --max-tasks live tasks (default\n"
        "                                  1000000), --max-memory what the run holds (default\n"
        "                                  4G), --max-recording the trace's events (default 2G);\n"
        "                                  SIZE is bytes or a number with K, M or G;\n"
        "                                  --seed N seeds `random` for a program that does not\n"
        "                                  (without it such a run picks a seed and names it)\n"
        "  tusk check FILE                 validate a project and list every problem\n"
        "  tusk export FILE [-o OUT.py]    write the project as a Python 3.11 asyncio script\n"
        "                                  (to stdout, or atomically to OUT.py)\n"
        "  tusk export FILE -o OUT.png|OUT.svg   draw the diagram (the format follows the extension)\n"
        "  tusk import FILE.py [-o OUT.tusk]   turn a Python asyncio program into a project\n"
        "                                  (to stdout, or atomically to OUT.tusk; FILE '-' reads\n"
        "                                  standard input); python3 reads the source, and a\n"
        "                                  program Tusk cannot hold yet is refused whole with\n"
        "                                  FILE:LINE:COLUMN: and the reason for each problem\n"
        "  tusk --help | --version\n"
        "\n"
        "Exit status of `run`: 0 finished, 1 an exception left the entry coroutine,\n"
        "2 invalid file or usage, 3 deadlock, 4 stopped on reaching a limit.\n"
        "Exit status of `export` and `import`: 0 written, 2 invalid file or usage, or the\n"
        "output could not be written.");
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

/// `--mark-entry-return`: tells when the entry task (task 1) reached its final state, counted in
/// lines of standard output, so that a test can compare what comes after (CPython cancels the
/// leftover tasks in no fixed order) as a multiset and everything before it in order.
class EntryReturnMarker final : public RunObserver {
public:
    void onRunEvent(const RunEvent &event) override
    {
        if (event.kind == RunEvent::Kind::Printed) {
            m_lines += 1 + event.text.count(QLatin1Char('\n'));
        } else if (event.kind == RunEvent::Kind::StateChanged && event.task == 1 && isFinalState(event.state)
            && !m_marked) {
            m_marked = true;
            std::fflush(stdout);
            printErr(QStringLiteral("tusk: entry returned after %1 lines").arg(m_lines));
            std::fflush(stderr);
        } else if (event.kind == RunEvent::Kind::Error && event.task != kNoTask) {
            // Logs of tasks the traceback held may follow it: say where the traceback ended.
            printErr(QStringLiteral("tusk: the traceback ended above"));
            std::fflush(stderr);
        }
    }

private:
    qint64 m_lines = 0;
    bool m_marked = false;
};

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
    case RunOutcome::LimitReached:
        return ExitLimitReached;
    }
    return ExitProgramFailed;
}

/// `4G`, `512M`, `100000`: bytes, with an optional binary K/M/G suffix. False when it is not one.
bool parseSize(const QString &text, std::uint64_t *out)
{
    QString digits = text.trimmed();
    std::uint64_t unit = 1;
    if (!digits.isEmpty()) {
        switch (digits.back().toUpper().unicode()) {
        case 'K':
            unit = std::uint64_t(1) << 10;
            break;
        case 'M':
            unit = std::uint64_t(1) << 20;
            break;
        case 'G':
            unit = std::uint64_t(1) << 30;
            break;
        default:
            break;
        }
        if (unit != 1)
            digits.chop(1);
    }
    bool ok = false;
    const qulonglong n = digits.toULongLong(&ok);
    if (!ok || n > std::numeric_limits<std::uint64_t>::max() / unit)
        return false;
    *out = std::uint64_t(n) * unit;
    return true;
}

/// `1.5 GiB`, `512 MiB`, `900 KiB`: a size for a message.
QString sizeText(std::uint64_t bytes)
{
    if (bytes >= (std::uint64_t(1) << 30))
        return QStringLiteral("%1 GiB").arg(double(bytes) / double(std::uint64_t(1) << 30), 0, 'f', 1);
    if (bytes >= (std::uint64_t(1) << 20))
        return QStringLiteral("%1 MiB").arg(double(bytes) / double(std::uint64_t(1) << 20), 0, 'f', 1);
    return QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

/// The one line `tusk run` writes when a limit stopped the run: which limit, the figure, and
/// how to raise it.
QString limitMessage(const LimitStop &stop)
{
    const QLocale english(QLocale::English);  // 1,000,000: a count a reader takes in at once
    switch (stop.kind) {
    case LimitStop::Kind::LiveTasks:
        return QStringLiteral("tusk: run stopped: more than %1 tasks alive at once, the limit; raise it with "
                              "--max-tasks N (0: no limit)")
            .arg(english.toString(qulonglong(stop.limit)));
    case LimitStop::Kind::Memory:
        return QStringLiteral("tusk: run stopped: it reached its memory limit of %1 (tasks, frames and values); "
                              "raise it with --max-memory SIZE (0: no limit)")
            .arg(sizeText(stop.limit));
    case LimitStop::Kind::Recording:
        return QStringLiteral("tusk: run stopped: the trace's recording reached its limit of %1 even with older "
                              "events kept as state changes only; raise it with --max-recording SIZE (0: no limit)")
            .arg(sizeText(stop.limit));
    case LimitStop::Kind::None:
        break;
    }
    return QStringLiteral("tusk: run stopped on reaching a limit");
}

int runCommand(const QStringList &args)
{
    QString file;
    bool real = false;
    bool markEntryReturn = false;
    QString traceFile;
    double speed = 1.0;
    RunLimits limits;
    std::optional<std::uint64_t> seed;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--seed")) {
            bool ok = false;
            const qlonglong n = i + 1 < args.size() ? args[i + 1].toLongLong(&ok) : -1;
            if (!ok || n < 0)
                return usageError(QStringLiteral("--seed takes a whole number from 0, e.g. --seed 42"));
            seed = std::uint64_t(n);
            ++i;
        } else if (a == QLatin1String("--real")) {
            real = true;
        } else if (a == QLatin1String("--mark-entry-return")) {
            markEntryReturn = true;
        } else if (a == QLatin1String("--trace")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--trace needs a file name, e.g. --trace run.json"));
            traceFile = args[++i];
        } else if (a == QLatin1String("--max-tasks") || a == QLatin1String("--max-memory")
            || a == QLatin1String("--max-recording")) {
            if (i + 1 >= args.size())
                return usageError(
                    QStringLiteral("%1 needs a value, e.g. %1 %2")
                        .arg(a, a == QLatin1String("--max-tasks") ? QStringLiteral("100000") : QStringLiteral("2G")));
            std::uint64_t value = 0;
            const QString &text = args[++i];
            const bool isCount = a == QLatin1String("--max-tasks");
            bool ok = false;
            if (isCount)
                value = text.toULongLong(&ok);
            else
                ok = parseSize(text, &value);
            if (!ok)
                return usageError(isCount
                        ? QStringLiteral("--max-tasks takes a whole number, not '%1'").arg(text)
                        : QStringLiteral("%1 takes a size such as 512M or 4G, not '%2'").arg(a, text));
            if (isCount)
                limits.maxLiveTasks = value;
            else if (a == QLatin1String("--max-memory"))
                limits.maxMemoryBytes = value;
            else
                limits.maxRecordingBytes = value;
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

    // CPython seeds `random` from the operating system: a run of a program that does not seed
    // it picks a seed too, and names it so that the run can be repeated.
    const bool pickSeed = !seed && program->usesRandom && !program->randomSeed;
    const std::uint64_t runSeed = seed ? *seed : QRandomGenerator::system()->generate64() % 1'000'000'000ULL;
    if (pickSeed)
        printErr(QStringLiteral("tusk: random seed %1 (repeat this run with --seed %1, or set it in the project)")
                     .arg(runSeed));

    PrintObserver printer(stdout, stderr);
    EntryReturnMarker marker;
    RunRecording recording(program);
    recording.setBudget(limits.maxRecordingBytes, RunRecording::Compaction::Immediate);
    RunOutcome outcome;
    LimitStop limitStop;
    if (!real) {
        EventLoop loop(program);
        loop.setLimits(limits);
        loop.setRandomSeed(runSeed);
        recording.setOnFull([&loop](const LimitStop &stop) { loop.requestLimitStop(stop); });
        loop.addObserver(&printer);
        if (!traceFile.isEmpty())
            loop.addObserver(&recording);
        if (markEntryReturn)
            loop.addObserver(&marker);
        outcome = runVirtual(loop);
        std::fflush(stdout);
        limitStop = loop.limitStop();
    } else {
        RunController controller(program);
        controller.loop().setLimits(limits);
        controller.loop().setRandomSeed(runSeed);
        recording.setOnFull([&controller](const LimitStop &stop) { controller.loop().requestLimitStop(stop); });
        controller.loop().addObserver(&printer);
        if (!traceFile.isEmpty())
            controller.loop().addObserver(&recording);
        if (markEntryReturn)
            controller.loop().addObserver(&marker);
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
        limitStop = controller.loop().limitStop();
    }
    if (outcome == RunOutcome::LimitReached)
        printErr(limitMessage(limitStop));
    if (!traceFile.isEmpty()) {
        QSaveFile out(traceFile);
        const QByteArray json
            = recording.toChromeTrace(project.title.isEmpty() ? QFileInfo(file).fileName() : project.title);
        if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit()) {
            printErr(QStringLiteral("tusk: cannot write the trace to %1: %2").arg(traceFile, out.errorString()));
            return ExitInvalid;
        }
        if (recording.thinnedBeforeNs() >= 0 && outcome != RunOutcome::LimitReached)
            printErr(QStringLiteral("tusk: the trace passed its %1 budget: up to %2 s of virtual time it keeps state "
                                    "changes only (no steps or prints); --max-recording SIZE raises the budget")
                         .arg(sizeText(limits.maxRecordingBytes))
                         .arg(double(recording.thinnedBeforeNs()) / 1e9, 0, 'f', 1));
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

// The parts of `export FILE [-o OUT]`: false (with the usage error printed) when they are off.
struct ExportArgs {
    QString file;
    QString output;
};

bool parseExportArgs(const QStringList &args, ExportArgs *out, bool quiet)
{
    auto fail = [quiet](const QString &message) {
        if (!quiet)
            usageError(message);
        return false;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (i + 1 >= args.size())
                return fail(QStringLiteral("%1 needs a file name, e.g. -o program.py").arg(a));
            out->output = args[++i];
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return fail(QStringLiteral("unknown option '%1' for 'export'").arg(a));
        } else if (out->file.isEmpty()) {
            out->file = a;
        } else {
            return fail(QStringLiteral("'export' takes one file, got '%1' too").arg(a));
        }
    }
    if (out->file.isEmpty())
        return fail(QStringLiteral("'export' needs a file: tusk export FILE [-o OUT.py|OUT.png|OUT.svg]"));
    return true;
}

/// "py", "png", "svg" from OUT's extension (Python when there is no -o); empty for another one.
QString exportFormat(const QString &output)
{
    if (output.isEmpty())
        return QStringLiteral("py");
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix == QLatin1String("py") || suffix == QLatin1String("png") || suffix == QLatin1String("svg"))
        return suffix;
    return QString();
}

int exportCommand(const QStringList &args, const DiagramExporter &diagrams)
{
    ExportArgs parsed;
    if (!parseExportArgs(args, &parsed, false))
        return ExitInvalid;
    const QString format = exportFormat(parsed.output);
    if (format.isEmpty())
        return usageError(
            QStringLiteral("cannot tell what to write from '%1': name it .py (Python), .png or .svg (the diagram)")
                .arg(parsed.output));

    Project project;
    Program program;
    if (!loadProgram(parsed.file, false, &project, &program))
        return ExitInvalid;
    QString error;
    if (format != QLatin1String("py")) {
        if (!diagrams) {
            printErr(QStringLiteral("tusk: this build cannot draw diagrams"));
            return ExitInvalid;
        }
        if (!diagrams(parsed.file, format, parsed.output, &error)) {
            printErr(QStringLiteral("tusk: %1").arg(error));
            return ExitInvalid;
        }
        return ExitOk;
    }
    if (parsed.output.isEmpty()) {
        const QByteArray script = exportPython(project, QFileInfo(parsed.file).fileName()).toUtf8();
        std::fwrite(script.constData(), 1, std::size_t(script.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    // Atomic: an existing OUT.py stays intact if anything goes wrong.
    if (!writePythonScript(project, parsed.output, QFileInfo(parsed.file).fileName(), &error)) {
        printErr(QStringLiteral("tusk: %1").arg(error));
        return ExitInvalid;
    }
    return ExitOk;
}

int importCommand(const QStringList &args)
{
    QString file;
    QString output;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a file name, e.g. -o program.tusk").arg(a));
            output = args[++i];
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return usageError(QStringLiteral("unknown option '%1' for 'import'").arg(a));
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return usageError(QStringLiteral("'import' takes one file, got '%1' too").arg(a));
        }
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("'import' needs a file: tusk import FILE.py [-o OUT.tusk]"));

    PythonImport imported;
    QString shownName = file;
    if (file == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            printErr(QStringLiteral("tusk: cannot read standard input"));
            return ExitInvalid;
        }
        shownName = QStringLiteral("<stdin>");
        imported = importPython(in.readAll(), shownName);
    } else {
        imported = importPythonFile(file);
    }
    if (!imported.ok) {
        for (const Problem &p : imported.problems)
            printErr(importProblemLine(shownName, p));
        return ExitInvalid;
    }
    if (output.isEmpty()) {
        const QByteArray json = projectToJson(imported.project);
        std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QString error;
    if (!saveProjectFile(imported.project, output, &error)) {
        printErr(QStringLiteral("tusk: %1").arg(error));
        return ExitInvalid;
    }
    return ExitOk;
}

}  // namespace

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

bool isCommandLineInvocation(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    static const QStringList commands = {QStringLiteral("run"), QStringLiteral("check"), QStringLiteral("export"),
        QStringLiteral("import"), QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help"),
        QStringLiteral("--version"), QStringLiteral("-v")};
    return commands.contains(args.first());
}

QString diagramFormatRequested(const QStringList &args)
{
    ExportArgs parsed;
    if (args.value(0) != QLatin1String("export") || !parseExportArgs(args.mid(1), &parsed, true))
        return QString();
    const QString format = exportFormat(parsed.output);
    return format == QLatin1String("py") ? QString() : format;
}

int runCommandLine(const QStringList &args, const DiagramExporter &diagrams)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("check"))
        return checkCommand(rest);
    if (command == QLatin1String("export"))
        return exportCommand(rest, diagrams);
    if (command == QLatin1String("import"))
        return importCommand(rest);
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

}  // namespace tusk
