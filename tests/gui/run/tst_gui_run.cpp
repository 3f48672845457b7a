// Running and watching (issue 5): example 02 run at Instant from the keyboard, its console
// lines with their virtual times, the tasks panel (states, sorting, filtering, selection that
// finds the coroutine on the canvas), pause / step / stop on the real clock, and the trace
// export.
#include "codeview.h"
#include "consoleview.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "runcontrols.h"
#include "runoverlay.h"
#include "runsession.h"
#include "steprow.h"
#include "taskspanel.h"
#include "tasktablemodel.h"
#include "theme.h"
#include "timelinewidget.h"
#include "tst_gui_helpers.h"
#include "waitarrowitem.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>

using namespace tusk;
using namespace tusk::testing;

class TestGuiRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void instantRunShowsOutputAndTasks();
    void tasksPanelFiltersSortsAndSelects();
    void pauseStepAndStop();
    void statusBarShowsTheRunsClock();
    void toolbarStaysPutWhateverTheSpeed();
    void exportTraceWritesOneThreadPerTask();
    void timelineScrubsTheDiagramAndTasks();
    void waitArrowsShowWhoWaitsOnWhom();
    void gatherWaitsAreBundled();
    void awaitedCallsAreMarkedWhereTheirRowsAre();
    void restartAndSpeedWhileRunning();
    void exportedDiagramLeavesOutTheRun();
    void russianStrings();
    void panelsShownDuringOrAfterARunAgree();
    void screenshots_data();
    void screenshots();

private:
    QWidget *toolButton(QAction *action) const
    {
        return m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->widgetForAction(action);
    }
    void runToEnd();

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiRun::initTestCase()
{
    isolate("tst_gui_run");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiRun::init()
{
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1280, 820);
    QVERIFY(testing::showActive(m_window.get()));
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
}

void TestGuiRun::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }
}

void TestGuiRun::runToEnd()
{
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_window->outputPanel()->session());
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
}

void TestGuiRun::instantRunShowsOutputAndTasks()
{
    runToEnd();
    const QStringList lines = m_window->outputPanel()->view()->toPlainText().split(QLatin1Char('\n'));
    auto lineWith = [&](const QString &text) {
        for (const QString &l : lines)
            if (l.contains(text))
                return l;
        return QString();
    };
    QVERIFY2(lineWith(QStringLiteral("Задача 1 завершена")).trimmed().startsWith(QLatin1String("1.0 s")),
        qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lineWith(QStringLiteral("Задача 2 завершена")).trimmed().startsWith(QLatin1String("2.0 s")));
    // Hovering a printed line says which task printed it.
    ConsoleView *console = m_window->outputPanel()->view();
    int hovered = 0;
    for (std::size_t i = 0; i < console->lineCount(); ++i) {
        if (!console->lineText(i).contains(QStringLiteral("Задача 1 завершена")))
            continue;
        ++hovered;
        console->scrollToEnd();
        QCoreApplication::processEvents();
        const QRect r = console->lineRect(i);
        QVERIFY(!r.isEmpty());
        QHelpEvent help(QEvent::ToolTip, r.center(), console->viewport()->mapToGlobal(r.center()));
        QCoreApplication::sendEvent(console->viewport(), &help);
        QCOMPARE(console->toolTipAt(r.center()),
            QStringLiteral("Printed by Task-2 \u00b7 task1() \u00b7 task1_obj at 1.0 s"));
        QTRY_VERIFY(QToolTip::isVisible() || QGuiApplication::platformName() == QLatin1String("offscreen"));
    }
    QCOMPARE(hovered, 1);
    QVERIFY(console->toolTipAt(console->lineRect(0).center()).isEmpty());  // asyncio.run(main()): no task
    QVERIFY(lineWith(QStringLiteral("main() returned after 2.0 s")).size() > 0);

    // Copy (nothing selected: everything) puts the console's text on the clipboard.
    m_window->outputPanel()->findChild<QAction *>(QStringLiteral("actionCopyOutput"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), m_window->outputPanel()->view()->toPlainText());

    // The tasks panel: main and the two tasks, all done; task2 finished at 2.0 s.
    TaskTableModel *model = m_window->tasksPanel()->model();
    QCOMPARE(model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(TaskState(model->index(row, 0).data(TaskTableModel::StateRole).toInt()), TaskState::Done);
    QCOMPARE(model->index(2, TaskTableModel::CoroutineColumn).data().toString(), QStringLiteral("task2()"));
    QCOMPARE(model->tasks()[2].finishedNs, std::int64_t(2'000'000'000));
    QCOMPARE(model->index(2, TaskTableModel::FinishedColumn).data().toString(), QStringLiteral("2.0 s"));
    QCOMPARE(model->index(2, TaskTableModel::ResultColumn).data().toString(),
        QStringLiteral("None"));  // what task2() returned

    // After the run: trace export is on, pause and step are off.
    QVERIFY(m_window->action(QStringLiteral("actionExportTrace"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("actionPause"))->isEnabled());
    QVERIFY(m_window->action(QStringLiteral("actionStep"))->isEnabled());  // starts a new run
}

void TestGuiRun::tasksPanelFiltersSortsAndSelects()
{
    runToEnd();
    TasksPanel *panel = m_window->tasksPanel();
    QTableView *view = panel->view();
    m_window->findChild<QDockWidget *>(QStringLiteral("tasksDock"))->raise();
    QAbstractItemModel *shown = view->model();
    QCOMPARE(shown->rowCount(), 3);

    // Typing filters by task or coroutine name.
    QTest::keyClicks(panel->filterEdit(), QStringLiteral("task2"));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, TaskTableModel::CoroutineColumn).data().toString(), QStringLiteral("task2()"));
    panel->filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 3);

    // The state filter: nothing is unfinished after the run; every task is done.
    QComboBox *states = panel->stateFilter();
    states->setCurrentIndex(states->findData(-2));
    QCOMPARE(shown->rowCount(), 0);
    states->setCurrentIndex(states->findData(int(TaskState::Done)));
    QCOMPARE(shown->rowCount(), 3);
    states->setCurrentIndex(0);

    // A click on a header sorts; a second click reverses.
    const QPoint idHeader(view->horizontalHeader()->sectionViewportPosition(TaskTableModel::IdColumn) + 10, 5);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, idHeader);
    const int first = shown->index(0, TaskTableModel::IdColumn).data().toInt();
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, idHeader);
    QVERIFY(shown->index(0, TaskTableModel::IdColumn).data().toInt() != first);
    view->sortByColumn(TaskTableModel::IdColumn, Qt::AscendingOrder);

    // Clicking a task selects its coroutine on the canvas.
    const QModelIndex task2 = shown->index(2, TaskTableModel::NameColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(task2).center());
    const ItemId coroutine = ItemId(task2.data(TaskTableModel::CoroutineIdRole).toULongLong());
    QVERIFY(coroutine != kNoId);
    QCOMPARE(m_window->scene()->selectedCoroutines(), QList<ItemId>({coroutine}));
}

// The status bar reads the run's virtual time as a clock would, running and paused, also
// between the loop's events (it said "Paused at 0.0 s" while every task slept until 1.0 s).
void TestGuiRun::statusBarShowsTheRunsClock()
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("runStatus"));
    QVERIFY(label);
    // The seconds the label reads.
    auto shown = [label] {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(\\d+\\.\\d) s")).match(label->text());
        return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
    };
    m_window->action(QStringLiteral("actionSpeed1"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    RunSession *session = m_window->outputPanel()->session();
    QVERIFY(session);
    QTRY_VERIFY(shown() >= 0.3);  // running: the clock moves while both tasks sleep
    QVERIFY2(label->text().contains(QLatin1String("Running at")), qPrintable(label->text()));

    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    const double pausedAt = shown();
    QVERIFY2(pausedAt >= 0.3 && pausedAt < 1.0, qPrintable(label->text()));
    QVERIFY2(label->text().startsWith(QLatin1String("Paused at")), qPrintable(label->text()));
    QTest::qWait(300);
    QCOMPARE(shown(), pausedAt);  // paused, the clock stands still

    // A step waits for the next timer: task1 wakes at 1.0 s (on the real clock, as in CPython,
    // a little later when the machine is busy: the loop's time is when the wait really ended).
    QTest::keyClick(m_window.get(), Qt::Key_F10);
    QTRY_VERIFY2(shown() >= 1.0 && shown() < 1.3, qPrintable(label->text()));

    // Resumed, time goes on from there, not from the start: task2 ends at 2.0 s, about 1 s later.
    QElapsedTimer wall;
    wall.start();
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->outputPanel()->isRunning(), 5000);
    QVERIFY2(wall.elapsed() < 1700, qPrintable(QString::number(wall.elapsed())));
}

// Choosing another speed from the toolbar's speed menu moves no other toolbar button, in
// English and in Russian.
void TestGuiRun::toolbarStaysPutWhateverTheSpeed()
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    auto places = [toolBar] {
        QList<QRect> rects;
        for (QAction *a : toolBar->actions()) {
            if (QWidget *w = toolBar->widgetForAction(a); w && w->isVisible())
                rects << w->geometry();
        }
        return rects;
    };
    for (const char *language : {"en", "ru"}) {
        Language::instance()->setChoice(QLatin1String(language));
        QCoreApplication::processEvents();
        QList<QRect> first;
        for (QAction *speed : m_window->findChild<QMenu *>(QStringLiteral("menuSpeed"))->actions()) {
            speed->trigger();
            QCoreApplication::processEvents();
            if (first.isEmpty())
                first = places();
            QCOMPARE(places(), first);
        }
    }
    Language::instance()->setChoice(QStringLiteral("en"));
}

void TestGuiRun::pauseStepAndStop()
{
    // Real time at 0.25x: the run lasts 8 s of wall time, long enough to pause it.
    m_window->action(QStringLiteral("actionSpeed0.25"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    RunSession *session = m_window->outputPanel()->session();
    QVERIFY(session);
    QCOMPARE(session->controller().clock(), RunController::Clock::Real);
    QAction *pause = m_window->action(QStringLiteral("actionPause"));
    QAction *step = m_window->action(QStringLiteral("actionStep"));
    QTRY_VERIFY(pause->isEnabled());
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("runStatus"))->text().contains(QLatin1String("next run")));

    QTest::mouseClick(toolButton(pause), Qt::LeftButton);
    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    QCOMPARE(pause->text(), QStringLiteral("Res&ume"));

    // Step: one iteration at a time; the sleeping tasks wake at 1.0 s.
    const std::uint64_t before = session->controller().loop().iteration();
    QTest::mouseClick(toolButton(step), Qt::LeftButton);
    QCOMPARE(session->controller().loop().iteration(), before + 1);
    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    auto printed = [&] {
        for (const RunEvent &e : session->recording().events())
            if (e.kind == RunEvent::Kind::Printed)
                return true;
        return false;
    };
    int guard = 0;
    while (!printed() && guard++ < 20)
        QTest::keyClick(m_window.get(), Qt::Key_F10);
    QCOMPARE(session->controller().loop().now(), std::int64_t(1'000'000'000));
    QTRY_VERIFY(m_window->outputPanel()->view()->toPlainText().contains(QStringLiteral("Задача 1 завершена")));
    QVERIFY(!m_window->outputPanel()->view()->toPlainText().contains(QStringLiteral("Задача 2 завершена")));

    // Resume, then stop.
    QTest::mouseClick(toolButton(pause), Qt::LeftButton);
    QCOMPARE(session->controller().status(), RunController::Status::Running);
    QTest::mouseClick(toolButton(m_window->action(QStringLiteral("actionStop"))), Qt::LeftButton);
    QVERIFY(!m_window->outputPanel()->isRunning());
    QVERIFY(m_window->outputPanel()->view()->toPlainText().contains(QLatin1String("Stopped after")));
    QVERIFY(!pause->isEnabled());
    QVERIFY(m_window->runAction()->isEnabled());
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();

    // Step with nothing running starts a run paused after its first iteration.
    QTest::keyClick(m_window.get(), Qt::Key_F10);
    RunSession *stepped = m_window->outputPanel()->session();
    QVERIFY(stepped != nullptr);
    QCOMPARE(stepped->controller().status(), RunController::Status::Paused);
    QCOMPARE(stepped->controller().loop().iteration(), std::uint64_t(1));
    QTRY_COMPARE(m_window->tasksPanel()->model()->rowCount(), 3);  // main created both tasks
    QTest::keyClick(m_window.get(), Qt::Key_F6);
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
}

void TestGuiRun::exportTraceWritesOneThreadPerTask()
{
    QVERIFY(!m_window->action(QStringLiteral("actionExportTrace"))->isEnabled());
    runToEnd();
    const QString file = m_dir.filePath(QStringLiteral("trace.json"));
    QString error;
    QVERIFY2(m_window->runControls()->exportTrace(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray events = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("traceEvents")).toArray();
    QSet<int> threads;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("ph")).toString() == QLatin1String("M")
            && e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
            threads.insert(e.value(QStringLiteral("tid")).toInt());
    }
    QCOMPARE(threads.size(), 3);
}

void TestGuiRun::timelineScrubsTheDiagramAndTasks()
{
    runToEnd();
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    QCOMPARE(int(timeline->rows().size()), 3);
    QCOMPARE(timeline->rows()[2].name, m_window->tasksPanel()->model()->tasks()[2].label());
    QCOMPARE(timeline->finishedAt(2), std::int64_t(1'000'000'000));
    QCOMPARE(timeline->finishedAt(3), std::int64_t(2'000'000'000));
    QCOMPARE(timeline->now(), std::int64_t(2'000'000'000));
    QVERIFY(timeline->isScrubbable());

    // Live state on the canvas after the run: every task done.
    const Project &p = m_window->document()->project();
    const Coroutine *main = p.findCoroutine(QStringLiteral("main"));
    const Coroutine *task2 = p.findCoroutine(QStringLiteral("task2"));
    QVERIFY(main && task2);
    RunOverlay *overlay = m_window->runControls()->overlay();
    QCOMPARE(overlay->counts(main->id)[int(TaskState::Done)], 1);

    // Ctrl+wheel zooms the time axis around the pointer.
    const int y = timeline->rowY(1) + 4;
    const int before = timeline->timeToX(1'000'000'000);
    QWheelEvent wheel(QPointF(timeline->timeToX(0), y), timeline->mapToGlobal(QPointF(timeline->timeToX(0), y)),
        QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(timeline, &wheel);
    QVERIFY(timeline->timeToX(1'000'000'000) > before);
    timeline->zoomAt(1 / 1.2, timeline->timeToX(0));

    // A click at 1.5 s: task1 is done, task2 sleeps, main waits for task2.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(1'500'000'000), y));
    QVERIFY(qAbs(timeline->cursor() - 1'500'000'000) < 50'000'000);
    const auto &tasks = m_window->tasksPanel()->model()->tasks();
    QCOMPARE(tasks[0].state, TaskState::WaitingTask);
    QCOMPARE(tasks[1].state, TaskState::Done);
    QCOMPARE(tasks[2].state, TaskState::Sleeping);
    QCOMPARE(overlay->counts(task2->id)[int(TaskState::Sleeping)], 1);
    QCOMPARE(overlay->rowState(main->body.back().id), int(TaskState::WaitingTask));

    // Dragging to the end: everything done again.
    QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(1'500'000'000), y));
    QMouseEvent move(QEvent::MouseMove, QPointF(timeline->width() - 2, y),
        timeline->mapToGlobal(QPointF(timeline->width() - 2, y)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(timeline, &move);
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(timeline->width() - 2, y));
    QCOMPARE(timeline->cursor(), std::int64_t(2'000'000'000));
    QCOMPARE(m_window->tasksPanel()->model()->tasks()[0].state, TaskState::Done);
}

void TestGuiRun::waitArrowsShowWhoWaitsOnWhom()
{
    runToEnd();
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    RunOverlay *overlay = m_window->runControls()->overlay();
    QVERIFY(overlay->waitArrows().empty());  // at the end nobody waits
    QWidget *pastBar = m_window->runControls()->pastMomentBar();
    QVERIFY(!pastBar->isVisible());

    // Rows are named by what runs them and what holds them.
    QCOMPARE(timeline->rows()[1].name, QStringLiteral("Task-2 \u00b7 task1() \u00b7 task1_obj"));

    // At 0.5 s main awaits task1_obj (task1, asleep): one arrow, from main's await row to task1's sleep.
    const Project &p = m_window->document()->project();
    const Coroutine *main = p.findCoroutine(QStringLiteral("main"));
    const Coroutine *task1 = p.findCoroutine(QStringLiteral("task1"));
    QVERIFY(main && task1);
    const int y = timeline->rowY(0) + timeline->fontMetrics().height() / 2 + 3;
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(500'000'000), y));
    QCOMPARE(int(overlay->waitArrows().size()), 1);
    const RunOverlay::WaitArrow &arrow = overlay->waitArrows().front();
    QCOMPARE(arrow.fromStep, main->body[2].id);  // await t1
    QCOMPARE(arrow.toStep, task1->body[0].id);  // sleep(1)
    QCOMPARE(arrow.count, 1);
    QVERIFY(arrow.item && arrow.item->isVisible());
    QCOMPARE(
        arrow.item->toolTip(), QStringLiteral("Task-1 \u00b7 main() waits for Task-2 \u00b7 task1() \u00b7 task1_obj"));
    // It runs from main's row towards task1's row, on the canvas.
    DiagramScene *scene = m_window->scene();
    const QRectF from = scene->row(arrow.fromStep)->sceneBoundingRect();
    const QRectF to = scene->row(arrow.toStep)->sceneBoundingRect();
    const QRectF drawn = arrow.item->sceneBoundingRect();
    QVERIFY(drawn.top() <= qMin(from.center().y(), to.center().y()) + 1);
    QVERIFY(drawn.bottom() >= qMax(from.center().y(), to.center().y()) - 1);
    // The marks say who is there and what it does; so do the tasks panel and the timeline.
    QVERIFY2(overlay->rowToolTip(task1->body[0].id)
                 .contains(QStringLiteral("Task-2 \u00b7 task1() \u00b7 task1_obj: Sleeping until 1.0 s")),
        qPrintable(overlay->rowToolTip(task1->body[0].id)));
    TaskTableModel *model = m_window->tasksPanel()->model();
    QCOMPARE(model->index(0, TaskTableModel::StateColumn).data().toString(),
        QStringLiteral("Waiting for Task-2 \u00b7 task1() \u00b7 task1_obj"));
    QCOMPARE(model->index(1, TaskTableModel::VariableColumn).data().toString(), QStringLiteral("task1_obj"));
    const QString tip = timeline->toolTipAt(QPoint(timeline->timeToX(500'000'000), y));
    QVERIFY2(tip.contains(QStringLiteral("Waiting for Task-2 \u00b7 task1() \u00b7 task1_obj")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("from 0.0 s to 1.0 s")), qPrintable(tip));
    QVERIFY(timeline->toolTipAt(QPoint(2, y)).isEmpty());  // the name column has no segment

    // At 1.5 s the arrow has moved on: main awaits task2_obj (task2, asleep).
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(1'500'000'000), y));
    QCOMPARE(int(overlay->waitArrows().size()), 1);
    QCOMPARE(overlay->waitArrows().front().fromStep, main->body[3].id);
    QCOMPARE(overlay->waitArrows().front().toStep, p.findCoroutine(QStringLiteral("task2"))->body[0].id);

    // The status bar says this is a past moment; its button goes back to the end.
    QVERIFY(pastBar->isVisible());
    auto *pastText = pastBar->findChild<QLabel *>(QStringLiteral("pastMomentText"));
    QVERIFY2(pastText->text().contains(QStringLiteral("of 2.0 s")), qPrintable(pastText->text()));
    auto *back = pastBar->findChild<QToolButton *>(QStringLiteral("backToEndButton"));
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(!pastBar->isVisible());
    QCOMPARE(timeline->cursor(), std::int64_t(-1));
    QVERIFY(overlay->waitArrows().empty());
    QCOMPARE(model->tasks()[0].state, TaskState::Done);

    // End in the timeline does the same.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(500'000'000), y));
    QVERIFY(pastBar->isVisible());
    timeline->setFocus();
    QTest::keyClick(timeline, Qt::Key_End);
    QVERIFY(!pastBar->isVisible());
    QVERIFY(overlay->waitArrows().empty());
}

// `await say_after(1)` runs say_after's steps in main's task: the mark for that task goes on
// say_after's row, on say_after's node, where the row is (a newcomer found it drawn at main's x).
void TestGuiRun::awaitedCallsAreMarkedWhereTheirRowsAre()
{
    QVERIFY(m_window->document()->loadData(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
        {"name": "say_after", "params": ["delay"], "body": [{"op": "sleep", "seconds": {"var": "delay"}},
            {"op": "print", "text": "hello"}]},
        {"name": "main", "body": [{"op": "await", "call": {"coroutine": "say_after", "args": [1]}}]}]})",
        QString(), QStringLiteral("say.tusk"), false, nullptr));
    runToEnd();
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(500'000'000), timeline->rowY(0) + 4));
    const Project &p = m_window->document()->project();
    const Coroutine *say = p.findCoroutine(QStringLiteral("say_after"));
    const Coroutine *main = p.findCoroutine(QStringLiteral("main"));
    RunOverlay *overlay = m_window->runControls()->overlay();
    const ItemId sleep = say->body[0].id;
    QCOMPARE(overlay->rowState(sleep), int(TaskState::Sleeping));
    QCOMPARE(overlay->rowNode(sleep), say->id);
    QCOMPARE(overlay->counts(main->id)[std::size_t(TaskState::Sleeping)], 1);  // still main's task
    QCOMPARE(overlay->counts(say->id)[std::size_t(TaskState::Sleeping)], 0);
    QCOMPARE(m_window->codeView()->marks().size(), std::size_t(1));
    QCOMPARE(m_window->codeView()->marks().front().line, m_window->codeView()->lineOf(sleep));
}

void TestGuiRun::gatherWaitsAreBundled()
{
    // main gathers 300 workers that each sleep 1 s, and a task `slow` that sleeps 2 s.
    QString calls;
    for (int i = 0; i < 300; ++i)
        calls += QStringLiteral(R"({"call": {"coroutine": "worker"}},)");
    const QString json = QStringLiteral(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
      {"name": "worker", "body": [{"op": "sleep", "seconds": 1}]},
      {"name": "slow", "body": [{"op": "sleep", "seconds": 2}]},
      {"name": "main", "body": [
        {"op": "create_task", "call": {"coroutine": "slow"}, "as": "s"},
        {"op": "gather", "items": [%1 {"task": "s"}]}]}]})")
                             .arg(calls);
    const QString file = m_dir.filePath(QStringLiteral("gather.tusk"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(json.toUtf8());
    out.close();
    QVERIFY(m_window->openFile(file, false));
    runToEnd();
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    const Project &p = m_window->document()->project();
    const ItemId gatherStep = p.findCoroutine(QStringLiteral("main"))->body[1].id;
    const ItemId workerSleep = p.findCoroutine(QStringLiteral("worker"))->body[0].id;
    const ItemId slowSleep = p.findCoroutine(QStringLiteral("slow"))->body[0].id;
    const auto arrowsAt = [&](std::int64_t ns) {
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(ns), timeline->rowY(0) + 4));
        QMap<ItemId, int> counts;
        for (const RunOverlay::WaitArrow &a : m_window->runControls()->overlay()->waitArrows()) {
            if (a.fromStep == gatherStep && a.item && a.item->isVisible())
                counts[a.toStep] = a.count;
        }
        return counts;
    };
    // 301 waits, two arrows: one for the 300 workers (counted), one for `slow`.
    QMap<ItemId, int> at = arrowsAt(500'000'000);
    QCOMPARE(at.value(workerSleep), 300);
    QCOMPARE(at.value(slowSleep), 1);
    QCOMPARE(at.size(), 2);
    // After the workers finish, only `slow` is waited on.
    at = arrowsAt(1'500'000'000);
    QCOMPARE(at.size(), 1);
    QCOMPARE(at.value(slowSleep), 1);
    const QString state = m_window->tasksPanel()->model()->index(0, TaskTableModel::StateColumn).data().toString();
    QCOMPARE(state, QStringLiteral("Waiting for a gather: 1 of 301 left"));
    const QString tip
        = m_window->tasksPanel()->model()->index(0, TaskTableModel::StateColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Task-2 \u00b7 slow() \u00b7 s")), qPrintable(tip));
}

void TestGuiRun::restartAndSpeedWhileRunning()
{
    m_window->action(QStringLiteral("actionSpeed1"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    RunSession *first = m_window->outputPanel()->session();
    QVERIFY(first && m_window->outputPanel()->isRunning());
    QCOMPARE(first->controller().clock(), RunController::Clock::Real);
    // Instant while running: the run switches to the virtual clock and ends at once.
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QCOMPARE(first->controller().clock(), RunController::Clock::Virtual);
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
    QCOMPARE(first->controller().loop().now(), std::int64_t(2'000'000'000));

    // From Instant to real time mid-run: the run goes on from where it is, at once.
    QTest::keyClick(m_window.get(), Qt::Key_F10);  // a new run, paused after one iteration
    RunSession *second = m_window->outputPanel()->session();
    while (second->controller().loop().now() < 1'000'000'000)
        second->controller().stepIteration();
    m_window->action(QStringLiteral("actionSpeed10"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_F6);  // resume at 10x: 1 s of loop time in 0.1 s
    QCOMPARE(second->controller().clock(), RunController::Clock::Real);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->outputPanel()->isRunning(), 1500);
    // On the real clock a timer fires when the wall clock passes it: a little after 2.0 s.
    QVERIFY(second->controller().loop().now() >= 2'000'000'000);
    QVERIFY(second->controller().loop().now() < 2'600'000'000);

    // Restart: a new run from the beginning, with a fresh console and tasks panel.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
    const QString text = m_window->outputPanel()->view()->toPlainText();
    QCOMPARE(text.count(QStringLiteral("Задача 2 завершена")), 1);
    QCOMPARE(m_window->tasksPanel()->model()->rowCount(), 3);

    // Clear empties the console.
    m_window->outputPanel()->findChild<QAction *>(QStringLiteral("actionClearOutput"))->trigger();
    QVERIFY(m_window->outputPanel()->view()->toPlainText().isEmpty());
}

void TestGuiRun::exportedDiagramLeavesOutTheRun()
{
    // The PNG after a run (with the diagram showing every task's state) equals the PNG before.
    const QString before = m_dir.filePath(QStringLiteral("before.png"));
    const QString after = m_dir.filePath(QStringLiteral("after.png"));
    QString error;
    QVERIFY2(m_window->scene()->exportPng(before, &error), qPrintable(error));
    runToEnd();
    QVERIFY2(m_window->scene()->exportPng(after, &error), qPrintable(error));
    const QImage a(before);
    const QImage b(after);
    QVERIFY(!a.isNull());
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
}

void TestGuiRun::panelsShownDuringOrAfterARunAgree()
{
    // The tasks table shown while the run goes on (through its sort/filter proxy) and the
    // timeline raised only after the run both end up with every task; a second run replaces
    // the first one's rows.
    auto *tasksDock = m_window->findChild<QDockWidget *>(QStringLiteral("tasksDock"));
    auto *timelineDock = m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    tasksDock->raise();
    QTRY_VERIFY(m_window->tasksPanel()->isVisible());
    for (int run = 0; run < 2; ++run) {
        runToEnd();
        QAbstractItemModel *shown = m_window->tasksPanel()->view()->model();
        QCOMPARE(shown->rowCount(), 3);
        QCOMPARE(shown->index(2, TaskTableModel::NameColumn).data().toString(), QStringLiteral("Task-3"));
        QCOMPARE(
            shown->index(2, TaskTableModel::StateColumn).data(TaskTableModel::StateRole).toInt(), int(TaskState::Done));
    }
    timelineDock->raise();
    QTRY_VERIFY(m_window->timeline()->isVisible());
    QCOMPARE(m_window->timeline()->rows().size(), std::size_t(3));
    QCOMPARE(m_window->timeline()->finishedAt(3), std::int64_t(2'000'000'000));
    // A finished task's end is painted: the timeline grabs without reading stale rows.
    QVERIFY(!m_window->timeline()->grab().isNull());
}

void TestGuiRun::russianStrings()
{
    Language::instance()->setChoice(QStringLiteral("ru"));
    QTRY_COMPARE(
        m_window->action(QStringLiteral("actionPause"))->text(), QStringLiteral("&Пауза"));  // LanguageChange is posted
    QCOMPARE(m_window->action(QStringLiteral("actionSpeedInstant"))->text(), QStringLiteral("Мгновенно"));
    QCOMPARE(m_window->findChild<QDockWidget *>(QStringLiteral("tasksDock"))->windowTitle(), QStringLiteral("Задачи"));
    runToEnd();
    QCOMPARE(m_window->tasksPanel()->model()->headerData(TaskTableModel::StateColumn, Qt::Horizontal).toString(),
        QStringLiteral("Состояние"));
    QCOMPARE(m_window->tasksPanel()->model()->index(0, TaskTableModel::StateColumn).data().toString(),
        QStringLiteral("Завершена"));
    Language::instance()->setChoice(QStringLiteral("en"));
    QTRY_COMPARE(m_window->action(QStringLiteral("actionPause"))->text(), QStringLiteral("&Pause"));
}

void TestGuiRun::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestGuiRun::screenshots()
{
    // After a run of example 02, scrubbed back to 1.5 s so that every view has something to
    // show; with TUSK_SCREENSHOT_DIR set the shots are saved (docs/screenshots/run-*.png).
    QFETCH(bool, dark);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    cleanup();  // a window made in the palette it is shown in
    init();
    m_window->resize(1440, 900);
    runToEnd();
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    m_window->resizeDocks({dock}, {210}, Qt::Vertical);
    QCoreApplication::processEvents();
    m_window->view()->fitToView();
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(1'500'000'000), timeline->rowY(1) + 4));
    QCoreApplication::processEvents();
    const QImage shot = m_window->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(QDir(dir).filePath(dark ? QStringLiteral("run-dark.png") : QStringLiteral("run-light.png"))));
        // The tasks panel and the console at the same moment.
        m_window->findChild<QDockWidget *>(QStringLiteral("tasksDock"))->raise();
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(
            QDir(dir).filePath(dark ? QStringLiteral("run-tasks-dark.png") : QStringLiteral("run-tasks-light.png"))));
        m_window->findChild<QDockWidget *>(QStringLiteral("outputDock"))->raise();
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(
            QDir(dir).filePath(dark ? QStringLiteral("run-output-dark.png") : QStringLiteral("run-output-light.png"))));
    }
    Theme::apply(Theme::Mode::Light);
}

QTEST_MAIN(TestGuiRun)
#include "tst_gui_run.moc"
