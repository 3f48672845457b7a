// A runaway program never takes the app down (issue 11), tried in the main window as a user
// meets it: the limits are set in Edit > Preferences with the keyboard, a runaway run stops
// within seconds with a console line that names the limit and how to raise it, and the
// window goes on: the project edits, saves and runs again. The console keeps its last lines
// and says how many it dropped; the recording thins before it stops a run.
#include "consoleview.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "preferencesdialog.h"
#include "projectcommands.h"
#include "runlimitsettings.h"
#include "runsession.h"
#include "theme.h"
#include "tst_gui_helpers.h"

#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

namespace {

const char kTaskStorm[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "sleeper", "params": [], "body": [{"op": "sleep", "seconds": 1000}]},
  {"name": "main", "params": [], "body": [{"op": "repeat", "times": 100000000, "body": [
    {"op": "create_task", "call": {"coroutine": "sleeper"}}]}]}]})";

const char kPrintStorm[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "main", "params": [], "body": [{"op": "repeat", "times": 5000, "var": "i", "body": [
    {"op": "print", "text": "line {i}"}]}]}]})";

const char kSpin[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "main", "params": [], "body": [
    {"op": "repeat", "times": 100000000, "body": [{"op": "sleep", "seconds": 0}]}]}]})";

const char kGatherChain[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "zero", "params": [], "body": [{"op": "return", "value": 0}]},
  {"name": "link", "params": ["prev"], "body": [{"op": "gather", "items": [{"task": "prev"}], "as": "r"},
    {"op": "return", "value": {"var": "r"}}]},
  {"name": "main", "params": [], "body": [{"op": "create_task", "call": {"coroutine": "zero"}, "as": "t"},
    {"op": "repeat", "times": 100000000, "body": [
      {"op": "create_task", "call": {"coroutine": "link", "args": [{"var": "t"}]}, "as": "t"}]},
    {"op": "await", "task": "t"}]}]})";

const char kRecursion[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "down", "params": [], "body": [{"op": "await", "call": {"coroutine": "down"}}]},
  {"name": "main", "params": [], "body": [{"op": "await", "call": {"coroutine": "down"}}]}]})";

// A loop with no await that only prints, for longer than anyone waits: as in CPython it runs
// until stopped, but in bounded memory.
const char kEndlessPrints[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "main", "params": [], "body": [{"op": "repeat", "times": 100000000, "var": "i", "body": [
    {"op": "print", "text": "line {i}"}]}]}]})";

}  // namespace

class TestGuiLimits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void preferencesSetTheLimitsWithTheKeyboard();
    void runawayTasksStopAndTheWindowGoesOn();
    void consoleKeepsItsLastLinesAndSaysSo();
    void recordingThinsThenStops();
    void everyRunawayShapeEndsWithItsMessage_data();
    void everyRunawayShapeEndsWithItsMessage();
    void endlessPrintsRunInBoundedMemoryUntilStopped();

private:
    void load(const char *json);
    void runAndWait(int timeoutMs);
    QString lastConsoleLine() const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiLimits::initTestCase()
{
    isolate("tst_gui_limits");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiLimits::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1280, 800);
    QVERIFY(showActive(m_window.get()));
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
}

void TestGuiLimits::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }
}

void TestGuiLimits::load(const char *json)
{
    QVERIFY(
        m_window->document()->loadData(QByteArray(json), QString(), QStringLiteral("runaway.tusk"), false, nullptr));
}

void TestGuiLimits::runAndWait(int timeoutMs)
{
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_window->outputPanel()->session());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->outputPanel()->isRunning(), timeoutMs);
}

QString TestGuiLimits::lastConsoleLine() const
{
    ConsoleView *console = m_window->outputPanel()->view();
    return console->lineCount() ? console->lineText(console->lineCount() - 1).trimmed() : QString();
}

// Ctrl+, opens Preferences; typing a value and Enter saves it for the next run; Restore
// Defaults brings the engine's defaults back.
void TestGuiLimits::preferencesSetTheLimitsWithTheKeyboard()
{
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        // A failed check below must not leave the modal dialog open: the test would hang.
        const auto closeOnFailure = qScopeGuard([dialog] {
            if (dialog->isVisible())
                dialog->reject();
        });
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        auto *tasks = dialog->findChild<QSpinBox *>(QStringLiteral("maxLiveTasks"));
        QVERIFY(tasks);
        QCOMPARE(tasks->value(), 1'000'000);
        tasks->setFocus();
        tasks->selectAll();
        QTest::keyClicks(tasks, QStringLiteral("2500"));
        QTest::keyClick(tasks, Qt::Key_Tab);  // to the memory field
        auto *memory = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("maxMemory"));
        QVERIFY(memory);
        QCOMPARE(dialog->focusWidget(), memory);
        memory->selectAll();
        QTest::keyClicks(memory, QStringLiteral("1.5"));
        QTest::keyClick(memory, Qt::Key_Return);
    });
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QVERIFY(seen);
    QCOMPARE(savedRunLimits().maxLiveTasks, std::uint64_t(2500));
    QCOMPARE(savedRunLimits().maxMemoryBytes, std::uint64_t(1.5 * double(RunLimits::kGiB)));

    PreferencesDialog dialog(m_window.get());
    QCOMPARE(dialog.limits().maxLiveTasks, std::uint64_t(2500));
    dialog.setLimits(RunLimits());
    dialog.accept();
    QCOMPARE(savedRunLimits().maxLiveTasks, RunLimits().maxLiveTasks);
}

// The issue's first runaway, in the editor: a repeat of 100,000,000 create_task. It stops on
// the task limit within seconds, the console says which limit and how to raise it, and the
// window goes on: an edit, a save and another run all work.
void TestGuiLimits::runawayTasksStopAndTheWindowGoesOn()
{
    RunLimits limits;
    limits.maxLiveTasks = 20'000;
    saveRunLimits(limits);
    load(kTaskStorm);
    QElapsedTimer clock;
    clock.start();
    runAndWait(20000);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().outcome(), RunOutcome::LimitReached);
    QVERIFY2(lastConsoleLine().contains(QStringLiteral("more than 20,000 tasks were alive at once, the limit of a run. "
                                                       "If the program needs more, raise it in Edit > Preferences.")),
        qPrintable(lastConsoleLine()));
    // The recording kept what happened: every task is in the tasks list, main and the 20,000
    // sleepers (the one that went past the limit was refused before it existed).
    QCOMPARE(m_window->outputPanel()->session()->recording().liveTasks().size(), std::size_t(20'001));
    // Its memory went back: the loop holds no tasks any more.
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().taskCount(), std::size_t(0));

    // Edit, save, run again.
    m_window->document()->undoStack()->push(new SetTitleCommand(m_window->document(), QStringLiteral("Storm")));
    const QString saved = m_dir.filePath(QStringLiteral("storm.tusk"));
    QString error;
    QVERIFY2(m_window->document()->saveFile(saved, &error), qPrintable(error));
    QVERIFY(QFile::exists(saved));
    runAndWait(20000);
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().outcome(), RunOutcome::LimitReached);
    QVERIFY(m_window->isVisible());
}

// Console lines past the limit are dropped from the top with a note that counts them; the
// program's last lines are all there.
void TestGuiLimits::consoleKeepsItsLastLinesAndSaysSo()
{
    RunLimits limits;
    limits.maxConsoleLines = 1000;
    saveRunLimits(limits);
    load(kPrintStorm);
    runAndWait(20000);
    QLabel *note = m_window->outputPanel()->limitsNote();
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(),
        QStringLiteral("The console keeps the last 1,002 of 5,002 lines. "
                       "Change the limits in Edit > Preferences."));
    ConsoleView *console = m_window->outputPanel()->view();
    QCOMPARE(console->lineCount(), std::size_t(1002));
    QVERIFY(console->lineText(console->lineCount() - 2).endsWith(QStringLiteral("line 4999")));
    QVERIFY(lastConsoleLine().startsWith(QStringLiteral("main() returned")));

    // A run that prints little hides the note again.
    saveRunLimits(RunLimits());
    runAndWait(20000);
    QVERIFY(!note->isVisible());
}

// A loop of sleep(0) fills the recording with steps and state changes: first the older ones
// are thinned (and the console says so), then, when thinning no longer helps, the run stops on
// the recording's limit.
void TestGuiLimits::recordingThinsThenStops()
{
    RunLimits limits;
    limits.maxRecordingBytes = 8 * RunLimits::kMiB;
    saveRunLimits(limits);
    load(kSpin);
    runAndWait(30000);
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().outcome(), RunOutcome::LimitReached);
    QVERIFY2(lastConsoleLine().contains(QStringLiteral("the run's recording reached its limit of 8.0 MiB")),
        qPrintable(lastConsoleLine()));
    QLabel *note = m_window->outputPanel()->limitsNote();
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("The recording passed its 8.0 MiB budget: up to ")),
        qPrintable(note->text()));
    QVERIFY(m_window->outputPanel()->session()->recording().thinnedBeforeNs() >= 0);

    // The next run starts with the whole recording again, and the note goes.
    saveRunLimits(RunLimits());
    load(kPrintStorm);
    runAndWait(20000);
    QVERIFY(!note->isVisible());
}

void TestGuiLimits::everyRunawayShapeEndsWithItsMessage_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<quint64>("maxTasks");
    QTest::addColumn<quint64>("maxMemoryMiB");
    QTest::addColumn<quint64>("maxRecordingMiB");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("message");
    const RunLimits defaults;
    const quint64 defaultRecordingMiB = quint64(defaults.maxRecordingBytes / RunLimits::kMiB);
    QTest::newRow("memory") << QByteArray(kTaskStorm) << quint64(0) << quint64(64) << defaultRecordingMiB
                            << int(RunOutcome::LimitReached)
                            << QStringLiteral(
                                   "the run reached its memory limit of 64.0 MiB (tasks, frames and values). "
                                   "If the program needs more, raise it in Edit > Preferences.");
    QTest::newRow("gather chain") << QByteArray(kGatherChain) << quint64(20'000) << quint64(4096) << defaultRecordingMiB
                                  << int(RunOutcome::LimitReached)
                                  << QStringLiteral("more than 20,000 tasks were alive at once");
    QTest::newRow("recursion through awaits")
        << QByteArray(kRecursion) << quint64(defaults.maxLiveTasks) << quint64(4096) << defaultRecordingMiB
        << int(RunOutcome::Failed) << QStringLiteral("RecursionError: maximum recursion depth exceeded");
}

// The rest of the issue's runaway shapes: each ends within seconds with a line that names what
// stopped it, and the window runs the next program as if nothing happened.
void TestGuiLimits::everyRunawayShapeEndsWithItsMessage()
{
    QFETCH(QByteArray, program);
    QFETCH(quint64, maxTasks);
    QFETCH(quint64, maxMemoryMiB);
    QFETCH(quint64, maxRecordingMiB);
    QFETCH(int, outcome);
    QFETCH(QString, message);
    RunLimits limits;
    limits.maxLiveTasks = maxTasks;
    limits.maxMemoryBytes = maxMemoryMiB * RunLimits::kMiB;
    limits.maxRecordingBytes = maxRecordingMiB * RunLimits::kMiB;
    limits.maxConsoleLines = 1000;
    saveRunLimits(limits);
    load(program.constData());
    QElapsedTimer clock;
    clock.start();
    runAndWait(30000);
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(int(m_window->outputPanel()->session()->controller().loop().outcome()), outcome);
    const QString text = m_window->outputPanel()->view()->toPlainText();
    QVERIFY2(text.contains(message), qPrintable(text.right(2000)));
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().taskCount(), std::size_t(0));

    // The next program runs as usual.
    saveRunLimits(RunLimits());
    load(kPrintStorm);
    runAndWait(20000);
    QCOMPARE(m_window->outputPanel()->session()->controller().loop().outcome(), RunOutcome::Completed);
    QVERIFY(lastConsoleLine().startsWith(QStringLiteral("main() returned")));
}

// Prints are the one runaway that holds nothing: the console drops its older lines and the
// recording thins them away, so the run goes on in bounded memory, the window answers, and
// Stop (Shift+F5) ends it like any other run.
void TestGuiLimits::endlessPrintsRunInBoundedMemoryUntilStopped()
{
    RunLimits limits;
    limits.maxRecordingBytes = 8 * RunLimits::kMiB;
    limits.maxConsoleLines = 1000;
    saveRunLimits(limits);
    load(kEndlessPrints);
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    RunSession *session = m_window->outputPanel()->session();
    QVERIFY(session);
    ConsoleView *console = m_window->outputPanel()->view();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->outputPanel()->limitsNote()->isVisible(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(session->recording().thinnedBeforeNs() >= 0, 20000);
    // One note tells both: the lines dropped and the recording thinned.
    QTRY_VERIFY(m_window->outputPanel()->limitsNote()->text().contains(QStringLiteral("The console keeps the last ")));
    QTRY_VERIFY(m_window->outputPanel()->limitsNote()->text().contains(
        QStringLiteral("The recording passed its 8.0 MiB budget: up to 0.0 s it holds task states only")));
    // Still running, a few seconds on, and nothing has grown past its limit.
    QTest::qWait(2000);
    QVERIFY(m_window->outputPanel()->isRunning());
    QVERIFY2(session->recording().approximateBytes() <= limits.maxRecordingBytes,
        qPrintable(QString::number(session->recording().approximateBytes())));
    QVERIFY(console->lineCount() <= limits.maxConsoleLines + 2);
    QVERIFY(session->controller().loop().heldBytes() < RunLimits::kMiB);

    QTest::keyClick(m_window.get(), Qt::Key_F5, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->outputPanel()->isRunning(), 5000);
    QCOMPARE(session->controller().loop().outcome(), RunOutcome::Stopped);
    QCOMPARE(session->controller().loop().taskCount(), std::size_t(0));
}

QTEST_MAIN(TestGuiLimits)
#include "tst_gui_limits.moc"
