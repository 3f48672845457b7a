// GUI scale benchmark (issue 5): 10,000 concurrent tasks run at Instant speed with the whole
// main window open (console, tasks panel, timeline, canvas overlay), on whatever platform Qt
// picks (offscreen in CI). Measures the longest stall of the Qt event loop (a 1 ms timer
// records the largest gap between its ticks) and the run's wall time against the same program
// run headless, the way `tusk run` runs it: the engine on the virtual clock with the program's
// output written out (here to /dev/null). Also against the bare engine with no output at all.
// Both sides: best of three runs in this process.
//
// Prints max_stall_ms=N, gui_to_headless=R and gui_to_engine=R (plus details on stderr).
// Usage: tusk_guibench [--tasks N]

#include "benchprojects.h"
#include "compiler.h"
#include "document.h"
#include "eventloop.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "printobserver.h"
#include "projectjson.h"
#include "runsession.h"
#include "taskspanel.h"
#include "theme.h"
#include "virtualrunner.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSettings>
#include <QTimer>
#include <cstdio>

using namespace tusk;

namespace {

Step sleepStep(double seconds)
{
    Step s;
    s.op = StepOp::Sleep;
    s.seconds = Operand::fromLiteral(seconds == 0 ? Value::integer(0) : Value::floating(seconds));
    return s;
}

// worker(): sleep(0); sleep(0.01); sleep(0); print; main(): repeat N { create_task worker() };
// sleep(1)
Project benchProject(int tasks)
{
    Project p;
    p.title = QStringLiteral("guibench");
    Coroutine worker;
    worker.name = QStringLiteral("worker");
    worker.body.push_back(sleepStep(0));
    worker.body.push_back(sleepStep(0.01));
    worker.body.push_back(sleepStep(0));
    Step print;
    print.op = StepOp::Print;
    print.text = QStringLiteral("worker done");
    worker.body.push_back(print);

    Coroutine main = spawningMain(tasks);
    main.body.push_back(sleepStep(1));
    p.coroutines.push_back(worker);
    p.coroutines.push_back(main);
    p.entry = QStringLiteral("main");
    p.assignIds();
    return p;
}

/// Best of three runs of `project` on the virtual clock; with `printed`, its output is written
/// there as `tusk run` writes it to stdout and stderr.
double headlessMs(const Project &project, std::FILE *printed)
{
    auto program = std::make_shared<Program>();
    Problems problems;
    if (!compileProject(project, program.get(), &problems)) {
        std::fprintf(stderr, "bench program does not compile\n");
        std::exit(2);
    }
    double best = 1e18;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        EventLoop loop(program);
        PrintObserver printer(printed, printed);
        if (printed)
            loop.addObserver(&printer);
        runVirtual(loop);
        if (printed)
            std::fflush(printed);
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

}  // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TuskBench"));
    QCoreApplication::setApplicationName(QStringLiteral("tusk_guibench"));
    Theme::initResources();
    Theme::apply(Theme::Mode::Light);
    int tasks = 10000;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--tasks")));
    if (at >= 0 && at + 1 < args.size())
        tasks = args[at + 1].toInt();

    const Project project = benchProject(tasks);
    std::FILE *devNull = std::fopen("/dev/null", "w");
    if (!devNull) {
        std::fprintf(stderr, "cannot open /dev/null\n");
        return 2;
    }
    const double engine = headlessMs(project, nullptr);
    const double headless = headlessMs(project, devNull);
    std::fclose(devNull);

    // The same run through a RunSession with no view attached: what recording costs by itself.
    double sessionMs = 0;
    {
        auto program = std::make_shared<Program>();
        Problems compileProblems;
        compileProject(project, program.get(), &compileProblems);
        RunSession session(program);
        QElapsedTimer timer;
        timer.start();
        QObject::connect(&session, &RunSession::finished, &app, &QCoreApplication::quit);
        session.controller().start();
        app.exec();
        sessionMs = timer.nsecsElapsed() / 1e6;
    }

    QSettings().clear();  // the default window layout, not one a previous bench run saved
    MainWindow window(QDir::temp().filePath(QStringLiteral("tusk_guibench_recovery")));
    window.resize(1440, 900);
    // Console, tasks and timeline side by side, all on screen and updating (by default they
    // share one tab group).
    for (const char *name : {"problemsDock", "outputDock", "tasksDock", "timelineDock"}) {
        auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(name));
        window.removeDockWidget(dock);  // out of the tab group
        if (qstrcmp(name, "problemsDock") != 0) {
            window.addDockWidget(Qt::BottomDockWidgetArea, dock, Qt::Horizontal);
            dock->show();
        }
    }
    window.show();
    Problems problems;
    if (!window.document()->loadData(projectToJson(project), QString(), QStringLiteral("guibench"), false, &problems)) {
        std::fprintf(stderr, "cannot load the bench project\n");
        return 2;
    }
    QCoreApplication::processEvents();
    window.action(QStringLiteral("actionSpeedInstant"))->trigger();
    std::fprintf(stderr, "visible: console=%d tasks=%d timeline=%d\n", int(window.outputPanel()->isVisible()),
        int(window.tasksPanel()->isVisible()),
        int(window.findChild<QWidget *>(QStringLiteral("timeline"))->isVisible()));

    // The stall probe: a 1 ms timer; the largest gap between ticks is the longest stall.
    QElapsedTimer probeClock;
    qint64 last = -1;
    qint64 maxGapNs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        if (last >= 0)
            maxGapNs = std::max(maxGapNs, now - last);
        last = now;
    });

    // Three runs in the same window, like the three headless runs: the best of each side is
    // compared (the first run of a process also pays for faulting in fresh memory; it is
    // printed too).
    constexpr int kRuns = 3;
    QElapsedTimer wall;
    int finishedRuns = 0;
    double firstGuiMs = 0;
    double guiMs = 1e18;
    QObject::connect(window.outputPanel(), &OutputPanel::runningChanged, [&](bool running) {
        if (running)
            return;
        const double ms = wall.nsecsElapsed() / 1e6;
        if (finishedRuns == 0)
            firstGuiMs = ms;
        guiMs = std::min(guiMs, ms);
        if (++finishedRuns == kRuns) {
            app.quit();
            return;
        }
        QTimer::singleShot(50, [&] {
            wall.start();
            window.runProgram();
        });
    });
    QTimer::singleShot(0, [&] {
        probeClock.start();
        probe.start();
        wall.start();
        window.runProgram();
    });
    app.exec();
    // TUSK_GUIBENCH_SHOT=FILE.png: what the window shows after the last run, to look at.
    const QString shot = qEnvironmentVariable("TUSK_GUIBENCH_SHOT");
    if (!shot.isEmpty()) {
        QCoreApplication::processEvents();
        window.grab().save(shot);
    }
    if (finishedRuns < kRuns) {
        std::fprintf(stderr, "the run did not finish\n");
        return 2;
    }
    const RunSession *session = window.outputPanel()->session();
    std::fprintf(stderr,
        "tasks=%d events=%zu engine_ms=%.1f headless_ms=%.1f session_ms=%.1f gui_ms=%.1f (first run %.1f)\n", tasks,
        session ? session->recording().events().size() : std::size_t(0), engine, headless, sessionMs, guiMs,
        firstGuiMs);
    std::printf("max_stall_ms=%lld\n", (long long)((maxGapNs + 999999) / 1000000));
    std::printf("gui_to_headless=%.2f\n", guiMs / headless);
    std::printf("gui_to_engine=%.2f\n", guiMs / engine);
    return 0;
}
