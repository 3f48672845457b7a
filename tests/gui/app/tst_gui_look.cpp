// How the run views read (issue 10, items 7, 8 and 13), in the main window as a user has it:
// long console lines wrap or scroll as the user chose, the bottom panels open big enough to
// read and their headings fit in English and Russian, durations and numbers are formatted for
// the UI language everywhere, the Examples menu speaks one language, and the run's marks on
// the canvas survive a language switch.
#include "consoleview.h"
#include "diagramscene.h"
#include "inspectorwidget.h"
#include "language.h"
#include "mainwindow.h"
#include "numberformat.h"
#include "numberspinbox.h"
#include "operandedit.h"
#include "outputpanel.h"
#include "problemspanel.h"
#include "projectcommands.h"
#include "runcontrols.h"
#include "runoverlay.h"
#include "runsession.h"
#include "taskspanel.h"
#include "tasktablemodel.h"
#include "theme.h"
#include "timelinewidget.h"
#include "tst_gui_helpers.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

namespace {

// main creates a task whose exception nobody retrieves, so the run ends with CPython's long
// "Task exception was never retrieved" warning.
const char kUnretrieved[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "fragile", "params": [], "body": [
    {"op": "raise", "type": "ValueError",
     "message": "the sensor returned garbage three times in a row, and nobody awaited this task to hear it"}]},
  {"name": "main", "params": [], "body": [
    {"op": "create_task", "call": {"coroutine": "fragile", "args": []}, "as": "t"},
    {"op": "sleep", "seconds": 1}]}]})";

// main sleeps 1.5 s and prints the time as Python formats it.
const char kSleepy[] = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "main", "params": [], "body": [
    {"op": "sleep", "seconds": 1.5},
    {"op": "print", "text": "{now:.1f}"}]}]})";

bool hasCyrillic(const QString &text)
{
    for (const QChar c : text)
        if (c.script() == QChar::Script_Cyrillic)
            return true;
    return false;
}

}  // namespace

class TestGuiLook : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void consoleWrapsLongLinesByChoice();
    void bottomPanelsFitTheirContents_data();
    void bottomPanelsFitTheirContents();
    void durationsReadAlikeEverywhere_data();
    void durationsReadAlikeEverywhere();
    void consoleFollowsALanguageSwitch();
    void examplesMenuSpeaksOneLanguage();
    void statusMarksFollowTheTheme();
    void runMarksSurviveALanguageSwitch();

private:
    void makeWindow();
    void runToEnd();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiLook::initTestCase()
{
    isolate("tst_gui_look");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiLook::makeWindow()
{
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1280, 800);
    QVERIFY(testing::showActive(m_window.get()));
}

void TestGuiLook::init()
{
    QSettings().clear();
    makeWindow();
}

void TestGuiLook::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }
    Language::instance()->setChoice(QStringLiteral("en"));
}

void TestGuiLook::runToEnd()
{
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_window->outputPanel()->session());
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
}

// Item 7: the warning ran off the panel. Wrapping is the default; the choice is on the
// console's context menu and in the View menu, and a new window remembers it.
void TestGuiLook::consoleWrapsLongLinesByChoice()
{
    QVERIFY(m_window->document()->loadData(
        QByteArray(kUnretrieved), QString(), QStringLiteral("unretrieved.tusk"), false, nullptr));
    runToEnd();
    ConsoleView *console = m_window->outputPanel()->view();
    QTRY_VERIFY(console->isVisible());
    std::size_t warning = console->lineCount();
    for (std::size_t i = 0; i < console->lineCount(); ++i)
        if (console->lineText(i).contains(QLatin1String("Task exception was never retrieved")))
            warning = i;
    QVERIFY2(warning < console->lineCount(), qPrintable(console->toPlainText()));
    QVERIFY(console->lineText(warning).size() > 200);  // longer than the panel is wide

    QAction *wrap = m_window->action(QStringLiteral("actionWrapLines"));
    QVERIFY(wrap);
    QVERIFY(wrap->isCheckable());
    QVERIFY(wrap->isChecked());
    QVERIFY(console->actions().contains(wrap));  // the context menu
    QMenu *viewMenu = nullptr;
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(wrap))
            viewMenu = menu->menu();
    QVERIFY(viewMenu);
    QCOMPARE(viewMenu->title(), QStringLiteral("&View"));

    // TUSK_SCREENSHOT_DIR set: the wrapped warning in both themes (look-console-light.png).
    if (const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        for (const bool dark : {false, true}) {
            Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
            QTest::qWait(50);  // the inspector rebuilds in the new palette on the next turn
            QVERIFY(m_window->grab().save(QDir(dir).filePath(
                QStringLiteral("look-console-%1.png").arg(dark ? QStringLiteral("dark") : QStringLiteral("light")))));
        }
        Theme::apply(Theme::Mode::Light);
    }
    auto oneRow = [console] { return console->lineRect(0).height(); };
    auto warningHeight = [&] {
        console->scrollToEnd();
        QCoreApplication::processEvents();
        return console->lineRect(warning).height();
    };
    QCoreApplication::processEvents();
    QCOMPARE(console->horizontalScrollBar()->maximum(), 0);
    QVERIFY2(warningHeight() >= 2 * oneRow(), qPrintable(QString::number(warningHeight())));

    wrap->trigger();
    QVERIFY(!console->wrapLines());
    QCoreApplication::processEvents();
    QVERIFY(console->horizontalScrollBar()->maximum() > 0);
    QCOMPARE(warningHeight(), oneRow());
    QCOMPARE(QSettings().value(QStringLiteral("console/wrapLines")).toBool(), false);

    // A new window starts as the user left it.
    m_window->document()->undoStack()->setClean();
    m_window.reset();
    makeWindow();
    QVERIFY(!m_window->action(QStringLiteral("actionWrapLines"))->isChecked());
    QVERIFY(!m_window->outputPanel()->view()->wrapLines());
}

/// What the style says a header section needs for its text and a sort arrow: less and the
/// heading is cut ("Result or exc…").
int neededWidth(QHeaderView *header, int section)
{
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = section;
    option.orientation = Qt::Horizontal;
    option.text = header->model()->headerData(section, Qt::Horizontal).toString();
    option.sortIndicator = QStyleOptionHeader::SortDown;
    return header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header).width();
}

void TestGuiLook::bottomPanelsFitTheirContents_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("ru") << QStringLiteral("ru");
}

// Item 8: at 1280x800 with nothing saved, each bottom panel shows at least four rows, and
// every heading of the tasks table fits its column, in English and in Russian (longer), at
// 96 and 144 DPI.
void TestGuiLook::bottomPanelsFitTheirContents()
{
    QFETCH(QString, language);
    Language::instance()->setChoice(language);
    QCoreApplication::processEvents();
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    runToEnd();
    constexpr int kRows = 4;
    auto raise = [this](const char *name) {
        auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(name));
        dock->raise();
        QCoreApplication::processEvents();
        return dock;
    };

    raise("tasksDock");
    QTableView *table = m_window->tasksPanel()->view();
    QTRY_VERIFY(table->isVisible());
    const int row = table->verticalHeader()->defaultSectionSize();
    QVERIFY2(table->viewport()->height() >= kRows * row,
        qPrintable(QStringLiteral("%1 px for rows of %2 px").arg(table->viewport()->height()).arg(row)));
    QHeaderView *header = table->horizontalHeader();
    for (int section = 0; section < header->count(); ++section) {
        const QString text = header->model()->headerData(section, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(section) >= neededWidth(header, section),
            qPrintable(QStringLiteral("%1: %2 px, needs %3")
                           .arg(text)
                           .arg(header->sectionSize(section))
                           .arg(neededWidth(header, section))));
    }
    if (language == QLatin1String("ru"))
        QCOMPARE(header->model()->headerData(TaskTableModel::ResultColumn, Qt::Horizontal).toString(),
            QStringLiteral("Результат или исключение"));
    // TUSK_SCREENSHOT_DIR set: the window as it opens, tasks panel raised (look-tasks-en.png).
    if (const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("look-tasks-%1.png").arg(language))));

    raise("outputDock");
    ConsoleView *console = m_window->outputPanel()->view();
    QTRY_VERIFY(console->isVisible());
    const int line = console->lineRect(console->firstVisibleLine()).height();
    QVERIFY2(console->viewport()->height() >= kRows * line, qPrintable(QString::number(console->viewport()->height())));

    raise("timelineDock");
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    const int legendTop = timeline->height() - timeline->legendHeight();
    QVERIFY2(timeline->rowY(kRows) <= legendTop,
        qPrintable(
            QStringLiteral("row %1 at %2, legend from %3").arg(kRows).arg(timeline->rowY(kRows)).arg(legendTop)));
    // The legend wraps rather than cut its last entries off ("awaited task finished" was cut
    // to "awai" at 1280 px): every entry lies wholly inside the widget, in both languages.
    const auto entries = timeline->legendEntries();
    QCOMPARE(int(entries.size()), 10);
    for (const auto &entry : entries) {
        const int needed = entry.markWidth + timeline->fontMetrics().horizontalAdvance(entry.text);
        QVERIFY2(entry.rect.width() >= needed && entry.rect.right() < timeline->width()
                && entry.rect.bottom() < timeline->legendHeight(),
            qPrintable(QStringLiteral("%1 at %2..%3 of %4")
                           .arg(entry.text)
                           .arg(entry.rect.left())
                           .arg(entry.rect.right())
                           .arg(timeline->width())));
    }

    raise("problemsDock");
    ProblemsPanel *problems = m_window->problemsPanel();
    QTRY_VERIFY(problems->isVisible());
    const int problemRow
        = problems->topLevelItemCount() ? problems->sizeHintForRow(0) : problems->fontMetrics().height();
    QVERIFY2(problems->viewport()->height() >= kRows * problemRow,
        qPrintable(QString::number(problems->viewport()->height())));
    for (int section = 0; section < problems->header()->count(); ++section)
        QVERIFY(problems->header()->sectionSize(section) >= neededWidth(problems->header(), section));
}

void TestGuiLook::durationsReadAlikeEverywhere_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("oneSecond");
    QTest::addColumn<QString>("twoSeconds");
    QTest::addColumn<QString>("typed");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("1.0 s") << QStringLiteral("2.0 s")
                        << QStringLiteral("2.5");
    QTest::newRow("ru") << QStringLiteral("ru") << QStringLiteral("1,0 с") << QStringLiteral("2,0 с")
                        << QStringLiteral("2,5");
}

// Item 13: the console said "1.0 s", the summary "1.0 с" and the description "1,0 с". Every
// place a view formats a time reads the same for the UI language; the program's own output
// stays as Python prints it.
void TestGuiLook::durationsReadAlikeEverywhere()
{
    QFETCH(QString, language);
    QFETCH(QString, oneSecond);
    QFETCH(QString, twoSeconds);
    QFETCH(QString, typed);
    Language::instance()->setChoice(language);
    QCoreApplication::processEvents();
    QCOMPARE(NumberFormat::seconds(1'000'000'000), oneSecond);
    QCOMPARE(ConsoleView::stamp(1'000'000'000).trimmed(), oneSecond);
    // The speed menu's numbers too.
    QVERIFY(m_window->action(QStringLiteral("actionSpeed0.25"))->text().startsWith(NumberFormat::number(0.25)));
    QCOMPARE(
        NumberFormat::number(0.25), language == QLatin1String("ru") ? QStringLiteral("0,25") : QStringLiteral("0.25"));

    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    runToEnd();
    const QStringList lines = m_window->outputPanel()->view()->toPlainText().split(QLatin1Char('\n'));
    auto lineWith = [&lines](const QString &text) {
        for (const QString &l : lines)
            if (l.contains(text))
                return l.trimmed();
        return QString();
    };
    // The console's stamps and its summary.
    QVERIFY2(lineWith(QStringLiteral("Задача 1 завершена")).startsWith(oneSecond), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.last().contains(twoSeconds), qPrintable(lines.last()));
    // The tasks panel.
    QAbstractItemModel *tasks = m_window->tasksPanel()->model();
    QCOMPARE(tasks->index(1, TaskTableModel::FinishedColumn).data().toString(), oneSecond);
    QCOMPARE(tasks->index(2, TaskTableModel::FinishedColumn).data().toString(), twoSeconds);
    // The timeline's axis: every label in the language's unit and separator.
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    QTRY_VERIFY(m_window->timeline()->isVisible());
    const auto ticks = m_window->timeline()->axisTicks();
    QVERIFY(ticks.size() >= 2);
    const QString unit = language == QLatin1String("ru") ? QStringLiteral(" с") : QStringLiteral(" s");
    const QChar otherSeparator = language == QLatin1String("ru") ? QLatin1Char('.') : QLatin1Char(',');
    for (const auto &[ns, label] : ticks) {
        QVERIFY2(label.endsWith(unit) && !label.contains(otherSeparator), qPrintable(label));
        if (ns == 1'000'000'000)
            QVERIFY2(
                label == oneSecond || label == QString(oneSecond).remove(QRegularExpression(QStringLiteral("[.,]0"))),
                qPrintable(label));
    }

    // The inspector's number field shows 1.5 in the language's way and reads what is typed in
    // it; the program still prints as Python does.
    QVERIFY(
        m_window->document()->loadData(QByteArray(kSleepy), QString(), QStringLiteral("sleepy.tusk"), false, nullptr));
    runToEnd();
    QCOMPARE(m_window->outputPanel()->printedLines(), QStringList {QStringLiteral("1.5")});
    const ItemId sleep = m_window->document()->project().coroutines.front().body.front().id;
    m_window->scene()->selectItem(sleep);
    OperandEdit *seconds = nullptr;
    QTRY_VERIFY((seconds = m_window->inspector()->findChild<OperandEdit *>(QStringLiteral("seconds"))));
    NumberSpinBox *box = seconds->numberBox();
    QCOMPARE(box->text(), language == QLatin1String("ru") ? QStringLiteral("1,5") : QStringLiteral("1.5"));
    auto *edit = box->findChild<QLineEdit *>();
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, typed);
    QTRY_COMPARE(m_window->document()->project().findStep(sleep)->seconds->literal.toFloat(), 2.5);
    QVERIFY(m_window->document()->project().findStep(sleep)->seconds->literal.isFloat());
}

// Item 13: after a run, a language switch retells what the console itself wrote (the stamps
// and the summary) and leaves what the program printed as it was.
void TestGuiLook::consoleFollowsALanguageSwitch()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    runToEnd();
    ConsoleView *console = m_window->outputPanel()->view();
    const std::size_t last = console->lineCount() - 1;
    QCOMPARE(console->lineText(last).trimmed(), QStringLiteral("main() returned after 2.0 s of virtual time."));
    QCOMPARE(console->lineText(1).trimmed(), QStringLiteral("1.0 s  Задача 1 завершена"));

    Language::instance()->setChoice(QStringLiteral("ru"));
    QTRY_COMPARE(
        console->lineText(last).trimmed(), QStringLiteral("main() завершилась через 2,0 с виртуального времени."));
    QCOMPARE(console->lineText(1).trimmed(), QStringLiteral("1,0 с  Задача 1 завершена"));
    QCOMPARE(console->lineCount(), last + 1);
    QCOMPARE(m_window->outputPanel()->printedLines(),
        (QStringList {QStringLiteral("Задача 1 завершена"), QStringLiteral("Задача 2 завершена")}));
}

// Item 13: the Examples menu mixed Russian and English titles. It speaks the UI language and
// follows a switch.
void TestGuiLook::examplesMenuSpeaksOneLanguage()
{
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("menuExamples"));
    QVERIFY(menu);
    auto titles = [menu] {
        QStringList out;
        for (const QAction *a : menu->actions())
            out << a->text().section(QLatin1Char(' '), 1);  // after "&1 "
        return out;
    };
    QCOMPARE(titles().size(), MainWindow::examples().size());
    for (const QString &title : titles())
        QVERIFY2(!hasCyrillic(title), qPrintable(title));
    QVERIFY(titles().contains(QStringLiteral("Managing several tasks")));

    Language::instance()->setChoice(QStringLiteral("ru"));
    QTRY_COMPARE(menu->title(), QStringLiteral("&Примеры"));
    QCOMPARE(titles().size(), MainWindow::examples().size());
    for (const QString &title : titles())
        QVERIFY2(hasCyrillic(title), qPrintable(title));
    QVERIFY(titles().contains(QStringLiteral("Управление несколькими задачами")));
}

// Item 7: the status bar's ready mark is drawn in a colour chosen for the theme's window, and
// a theme switch recolours it (it kept the light theme's green on the dark window).
void TestGuiLook::statusMarksFollowTheTheme()
{
    auto *state = m_window->findChild<QLabel *>(QStringLiteral("runState"));
    QVERIFY(state);
    QVERIFY2(state->text().contains(Theme::readyColor().name()), qPrintable(state->text()));
    Theme::apply(Theme::Mode::Dark);
    QCoreApplication::processEvents();
    QVERIFY2(state->text().contains(Theme::readyColor().name()), qPrintable(state->text()));
    Theme::apply(Theme::Mode::Light);
    QCoreApplication::processEvents();
    QVERIFY2(state->text().contains(Theme::readyColor().name()), qPrintable(state->text()));
}

// Item 13: the marks a run puts on the canvas, and the run's status, vanished when the
// language changed mid-run.
void TestGuiLook::runMarksSurviveALanguageSwitch()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const Project &project = m_window->document()->project();
    const Coroutine *main = project.findCoroutine(QStringLiteral("main"));
    const Coroutine *task1 = project.findCoroutine(QStringLiteral("task1"));
    QVERIFY(main && task1);
    const ItemId mainId = main->id;
    const ItemId task1Id = task1->id;
    const ItemId task1Sleep = task1->body.front().id;
    m_window->action(QStringLiteral("actionSpeed0.25"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    RunSession *session = m_window->outputPanel()->session();
    QVERIFY(session);
    QTRY_VERIFY(m_window->action(QStringLiteral("actionPause"))->isEnabled());
    m_window->action(QStringLiteral("actionPause"))->trigger();
    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    RunOverlay *overlay = m_window->runControls()->overlay();
    for (int i = 0; i < 5 && overlay->rowState(task1Sleep) != int(TaskState::Sleeping); ++i) {
        m_window->action(QStringLiteral("actionStep"))->trigger();
        QTest::qWait(50);  // the step's events reach the views in the next frame
    }
    QCOMPARE(overlay->rowState(task1Sleep), int(TaskState::Sleeping));
    const RunOverlay::Counts mainBefore = overlay->counts(mainId);
    const RunOverlay::Counts task1Before = overlay->counts(task1Id);
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("runStatus"));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().startsWith(QLatin1String("Paused at")), qPrintable(status->text()));

    Language::instance()->setChoice(QStringLiteral("ru"));
    QTRY_COMPARE(m_window->action(QStringLiteral("actionPause"))->text(), QStringLiteral("Пр&одолжить"));
    QCoreApplication::processEvents();

    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    QVERIFY(!overlay->isEmpty());
    QCOMPARE(overlay->rowState(task1Sleep), int(TaskState::Sleeping));
    QCOMPARE(overlay->counts(mainId), mainBefore);
    QCOMPARE(overlay->counts(task1Id), task1Before);
    QVERIFY(status->isVisible());
    QVERIFY2(
        status->text().contains(QStringLiteral("Пауза")) || status->text().contains(QStringLiteral("Приостановлен")),
        qPrintable(status->text()));
    QVERIFY2(status->text().contains(QLatin1Char(',')) && !status->text().contains(QLatin1Char('.')),
        qPrintable(status->text()));

    // On to the end: the finished run's marks (every task done) stay through a switch back too;
    // only an edit clears them.
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    m_window->action(QStringLiteral("actionPause"))->trigger();
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
    QCOMPARE(overlay->counts(mainId)[int(TaskState::Done)], 1);
    Language::instance()->setChoice(QStringLiteral("en"));
    QTRY_COMPARE(m_window->action(QStringLiteral("actionPause"))->text(), QStringLiteral("&Pause"));
    QCoreApplication::processEvents();
    QVERIFY(!overlay->isEmpty());
    QCOMPARE(overlay->counts(mainId)[int(TaskState::Done)], 1);
    QCOMPARE(overlay->counts(task1Id)[int(TaskState::Done)], 1);
    m_window->document()->undoStack()->push(new SetTitleCommand(m_window->document(), QStringLiteral("edited")));
    QVERIFY(overlay->isEmpty());
}

QTEST_MAIN(TestGuiLook)
#include "tst_gui_look.moc"
