// Running and watching (issue 5): example 02 run at Instant from the keyboard, its console
// lines with their virtual times, the tasks panel (states, sorting, filtering, selection that
// finds the coroutine on the canvas), pause / step / stop on the real clock, and the trace
// export.
#include "diagramscene.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "run/runcontrols.h"
#include "run/taskspanel.h"
#include "run/tasktablemodel.h"
#include "runsession.h"
#include "theme.h"
#include "tst_gui_helpers.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QUndoStack>

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
    void exportTraceWritesOneThreadPerTask();

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
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
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
    QVERIFY2(lineWith(QStringLiteral("Задача 1 завершена")).trimmed().startsWith(QLatin1String("1.0 s")), qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lineWith(QStringLiteral("Задача 2 завершена")).trimmed().startsWith(QLatin1String("2.0 s")));
    QVERIFY(lineWith(QStringLiteral("main() returned after 2.0 s")).size() > 0);

    // The tasks panel: main and the two tasks, all done; task2 finished at 2.0 s.
    TaskTableModel *model = m_window->tasksPanel()->model();
    QCOMPARE(model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(TaskState(model->index(row, 0).data(TaskTableModel::StateRole).toInt()), TaskState::Done);
    QCOMPARE(model->index(2, TaskTableModel::CoroutineColumn).data().toString(), QStringLiteral("task2()"));
    QCOMPARE(model->tasks()[2].finishedNs, std::int64_t(2'000'000'000));
    QCOMPARE(model->index(2, TaskTableModel::FinishedColumn).data().toString(), QStringLiteral("2.0 s"));

    // After the run: trace export is on, pause and step are off.
    QVERIFY(m_window->action(QStringLiteral("actionExportTrace"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("actionPause"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("actionStep"))->isEnabled());
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

QTEST_MAIN(TestGuiRun)
#include "tst_gui_run.moc"
