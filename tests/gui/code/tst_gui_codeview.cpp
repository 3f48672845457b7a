// The code view beside the diagram, driven as a user does: clicking a row selects its line and
// clicking a line selects its row; edits and undo show at once; during a run, and at a moment
// scrubbed on the timeline, each unfinished task's line carries a mark of its state, counted
// when several tasks share the line.
#include "codepanel.h"
#include "codeview.h"
#include "diagramscene.h"
#include "inspectorwidget.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "theme.h"
#include "timelinewidget.h"
#include "tst_gui_helpers.h"

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

class TestGuiCodeView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void selectionFollowsBothWays();
    void followsEditsAndUndo();
    void marksEachTasksLine();
    void marksFollowTheTimeline();
    void editAsPythonAppliesAsOneUndoStep();
    void textThatDoesNotImportChangesNothing();

private:
    Document *doc() const { return m_window->document(); }
    CodeView *code() const { return m_window->codeView(); }
    void open(const char *example);
    void runToEnd();
    /// Clicks the middle of a line of the code view.
    void clickLine(int line);
    QString currentLineText() const { return code()->textCursor().block().text().trimmed(); }
    /// The marks on `line`, as "state:count" pieces.
    QStringList marksOn(int line) const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiCodeView::initTestCase()
{
    isolate("tst_gui_codeview");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiCodeView::init()
{
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1440, 900);
    QVERIFY(showActive(m_window.get()));
    QVERIFY(code()->isVisible());
}

void TestGuiCodeView::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        doc()->undoStack()->setClean();
        m_window.reset();
    }
}

void TestGuiCodeView::open(const char *example)
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/") + QLatin1String(example)));
    m_window->view()->fitToView();
}

void TestGuiCodeView::runToEnd()
{
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_window->outputPanel()->session());
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
}

void TestGuiCodeView::clickLine(int line)
{
    const QTextBlock block = code()->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    QTextCursor probe(block);
    probe.movePosition(QTextCursor::EndOfBlock);
    const QRect end = code()->cursorRect(probe);
    if (!code()->viewport()->rect().contains(end.center())) {
        code()->verticalScrollBar()->setValue(line - 3);
        QCoreApplication::processEvents();
    }
    const QRect start = code()->cursorRect(cursor);
    QTest::mouseClick(code()->viewport(), Qt::LeftButton, {}, QPoint(start.left() + 30, start.center().y()));
}

QStringList TestGuiCodeView::marksOn(int line) const
{
    QStringList out;
    for (const CodeView::LineMark &m : code()->marks()) {
        if (m.line == line)
            out << QStringLiteral("%1:%2").arg(int(m.state)).arg(m.count);
    }
    return out;
}

void TestGuiCodeView::selectionFollowsBothWays()
{
    open("04-cancel-a-task.tusk");
    const Coroutine &main = *coroutine(doc(), QStringLiteral("main"));
    // A click on the cancel row selects `job.cancel("taking too long")`.
    const ItemId cancel = main.body[3].id;
    QTest::mouseClick(m_window->view()->viewport(), Qt::LeftButton, {},
        toView(m_window->view(), rowPoint(m_window->scene(), cancel)));
    QCOMPARE(m_window->scene()->currentItem(), cancel);
    QCOMPARE(currentLineText(), QStringLiteral("job.cancel(\"taking too long\")"));

    // A click on a line of the code selects its row; a line of no item (an import) changes nothing.
    const Coroutine &job = *coroutine(doc(), QStringLiteral("slow_job"));
    const ItemId sleep = job.body[1].body[0].id;
    clickLine(code()->lineOf(sleep));
    QCOMPARE(currentLineText(), QStringLiteral("await asyncio.sleep(10)"));
    QCOMPARE(m_window->scene()->currentItem(), sleep);
    clickLine(code()->lineOf(job.id));
    QCOMPARE(m_window->scene()->currentItem(), job.id);
    const QStringList lines = code()->toPlainText().split(QLatin1Char('\n'));
    clickLine(int(lines.indexOf(QStringLiteral("import asyncio"))) + 1);
    QCOMPARE(m_window->scene()->currentItem(), job.id);
}

void TestGuiCodeView::followsEditsAndUndo()
{
    open("02-two-tasks.tusk");
    const QString before = code()->toPlainText();
    QVERIFY(before.contains(QStringLiteral("async def task1():")));
    // Rename task1 in the inspector, by keyboard.
    const Coroutine &task1 = *coroutine(doc(), QStringLiteral("task1"));
    m_window->scene()->selectItem(task1.id);
    auto *name = m_window->inspector()->findChild<QLineEdit *>(QStringLiteral("name"));
    QVERIFY(name);
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("first"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(code()->toPlainText().contains(QStringLiteral("async def first():")));
    QVERIFY(code()->toPlainText().contains(QStringLiteral("asyncio.create_task(first())")));
    doc()->undoStack()->undo();
    QCOMPARE(code()->toPlainText(), before);
}

// Example 07 paused at 0.7 s by stepping: main sleeps at its tick, both workers at the same
// sleep line (one mark, counted 2).
void TestGuiCodeView::marksEachTasksLine()
{
    open("07-worker-loop.tusk");
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QAction *step = m_window->action(QStringLiteral("actionStep"));
    QVERIFY(step);
    QWidget *stepButton = nullptr;
    for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
        if (QWidget *w = bar->widgetForAction(step))
            stepButton = w;
    }
    QVERIFY(stepButton && stepButton->isVisible());
    const Coroutine &worker = *coroutine(doc(), QStringLiteral("worker"));
    const Coroutine &main = *coroutine(doc(), QStringLiteral("main"));
    const int workerSleep = code()->lineOf(worker.body[0].body[1].id);
    const int mainSleep = code()->lineOf(main.body[2].body[0].id);
    QVERIFY(workerSleep > 0 && mainSleep > 0);
    const QString sleeping = QString::number(int(TaskState::Sleeping));
    for (int i = 0; i < 40 && marksOn(workerSleep) != QStringList {sleeping + QStringLiteral(":2")}; ++i) {
        QTRY_VERIFY(stepButton->isEnabled());  // the step before has been taken
        QTest::mouseClick(stepButton, Qt::LeftButton);  // the toolbar's Step
        QTest::qWait(30);
    }
    QCOMPARE(marksOn(workerSleep), QStringList {sleeping + QStringLiteral(":2")});
    QCOMPARE(marksOn(mainSleep), QStringList {sleeping + QStringLiteral(":1")});
    QVERIFY(code()->markToolTip(workerSleep).contains(QStringLiteral("fast")));
    QVERIFY(code()->markToolTip(workerSleep).contains(QStringLiteral("slow")));
    m_window->outputPanel()->stop();
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
}

// Scrubbed back on the timeline of example 02, the marks show that moment: at 1.5 s task1 is
// done (no mark), task2 sleeps, main waits for task2.
void TestGuiCodeView::marksFollowTheTimeline()
{
    open("02-two-tasks.tusk");
    runToEnd();
    QVERIFY(code()->marks().empty());  // everything finished
    m_window->findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    TimelineWidget *timeline = m_window->timeline();
    QTRY_VERIFY(timeline->isVisible());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(1'500'000'000), timeline->rowY(1) + 4));
    const Coroutine &task1 = *coroutine(doc(), QStringLiteral("task1"));
    const Coroutine &task2 = *coroutine(doc(), QStringLiteral("task2"));
    const Coroutine &main = *coroutine(doc(), QStringLiteral("main"));
    QTRY_COMPARE(
        marksOn(code()->lineOf(task2.body[0].id)), QStringList {QStringLiteral("%1:1").arg(int(TaskState::Sleeping))});
    QCOMPARE(marksOn(code()->lineOf(main.body[3].id)),
        QStringList {QStringLiteral("%1:1").arg(int(TaskState::WaitingTask))});
    QVERIFY(marksOn(code()->lineOf(task1.body[0].id)).isEmpty());
    QVERIFY(marksOn(code()->lineOf(task1.body[1].id)).isEmpty());
    QCOMPARE(code()->marks().size(), std::size_t(2));
}

// Edit as Python, type a new coroutine and a call of it at the end of main, Ctrl+Return: the
// diagram has it, the coroutines that kept their names kept their places, and one undo takes it
// all back.
void TestGuiCodeView::editAsPythonAppliesAsOneUndoStep()
{
    open("02-two-tasks.tusk");
    QHash<QString, QPointF> places;
    for (const Coroutine &c : doc()->project().coroutines)
        places.insert(c.name, doc()->position(c.id));
    const int undoCount = doc()->undoStack()->count();
    QTest::mouseClick(m_window->codePanel()->editButton(), Qt::LeftButton);
    QVERIFY(code()->isEditing());
    QVERIFY(code()->hasFocus());
    QVERIFY(m_window->codePanel()->message().contains(QStringLiteral("Apply")));
    // After main's last line: a call of a new coroutine, then the coroutine itself.
    const Coroutine &main = *coroutine(doc(), QStringLiteral("main"));
    const int lastOfMain = code()->lineOf(main.body.back().id);
    QTextCursor cursor(code()->document()->findBlockByNumber(lastOfMain - 1));
    cursor.movePosition(QTextCursor::EndOfBlock);
    code()->setTextCursor(cursor);
    QTest::keyClick(code(), Qt::Key_Return);  // keeps main's indentation
    QTest::keyClicks(code(), QStringLiteral("await extra()"));
    QTest::keyClick(code(), Qt::Key_Return);
    QTest::keyClick(code(), Qt::Key_Return);
    // Back to the top level for the new coroutine.
    QTest::keyClick(code(), Qt::Key_Home, Qt::ShiftModifier);
    QTest::keyClick(code(), Qt::Key_Delete);
    QTest::keyClicks(code(), QStringLiteral("async def extra():"));
    QTest::keyClick(code(), Qt::Key_Return);  // indents the body by itself
    QCOMPARE(code()->textCursor().block().text(), QStringLiteral("    "));
    QTest::keyClicks(code(), QStringLiteral("print(\"extra\")"));
    QTest::keyClick(code(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!code()->isEditing());
    const Coroutine *extra = coroutine(doc(), QStringLiteral("extra"));
    QVERIFY(extra);
    QCOMPARE(m_window->scene()->currentItem(), extra->id);  // the new coroutine is shown
    QVERIFY(m_window->view()
                ->mapToScene(m_window->view()->viewport()->rect())
                .boundingRect()
                .intersects(m_window->scene()->node(extra->id)->sceneBoundingRect()));
    QCOMPARE(extra->body[0].text, QStringLiteral("extra"));
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body.back().call->coroutine, QStringLiteral("extra"));
    for (const Coroutine &c : doc()->project().coroutines) {
        if (places.contains(c.name))
            QCOMPARE(doc()->position(c.id), places.value(c.name));
    }
    QCOMPARE(doc()->undoStack()->count(), undoCount + 1);
    QCOMPARE(doc()->undoStack()->undoText(), QStringLiteral("Apply Python"));
    QVERIFY(code()->toPlainText().contains(QStringLiteral("async def extra():")));
    doc()->undoStack()->undo();
    QVERIFY(!coroutine(doc(), QStringLiteral("extra")));
    QVERIFY(!code()->toPlainText().contains(QStringLiteral("async def extra():")));
}

void TestGuiCodeView::textThatDoesNotImportChangesNothing()
{
    open("02-two-tasks.tusk");
    const Project before = doc()->project();
    const QString text = code()->toPlainText();
    QTest::mouseClick(m_window->codePanel()->editButton(), Qt::LeftButton);
    code()->moveCursor(QTextCursor::End);
    QTest::keyClicks(code(), QStringLiteral("counter = 5"));
    const int line = code()->document()->blockCount();
    QTest::mouseClick(m_window->codePanel()->applyButton(), Qt::LeftButton);
    QVERIFY(code()->isEditing());
    QCOMPARE(doc()->project(), before);
    QVERIFY2(code()->problemLines().contains(line), qPrintable(QString::number(line)));
    QVERIFY2(m_window->codePanel()->message().startsWith(QStringLiteral("Nothing was applied. Line %1:").arg(line)),
        qPrintable(m_window->codePanel()->message()));
    QVERIFY(code()->markToolTip(line).contains(QStringLiteral("not supported by Tusk yet")));
    // Typing clears the marks of the text that was applied; Esc drops nothing; Cancel drops the
    // edits: the diagram's Python again, read-only.
    QTest::keyClick(code(), Qt::Key_Backspace);
    QVERIFY(code()->problemLines().isEmpty());
    QVERIFY(!m_window->codePanel()->message().startsWith(QStringLiteral("Nothing was applied")));
    QTest::keyClick(code(), Qt::Key_Escape);
    QVERIFY(code()->isEditing());
    QTest::mouseClick(m_window->codePanel()->cancelButton(), Qt::LeftButton);
    QVERIFY(!code()->isEditing());
    QCOMPARE(code()->toPlainText(), text);
    QVERIFY(code()->problemLines().isEmpty());
    QVERIFY(m_window->codePanel()->message().isEmpty());
}

QTEST_MAIN(TestGuiCodeView)
#include "tst_gui_codeview.moc"
