// The canvas driven as a person drives it: palette blocks dropped on the viewport, rows and
// nodes dragged with the mouse, ports dragged onto nodes, rubber-band selection, zoom, keyboard
// shortcuts; and what it draws in return (rows, arrows, validation markers).
#include "arrowitem.h"
#include "coroutinecommands.h"
#include "inspectorwidget.h"
#include "language.h"
#include "mainwindow.h"
#include "theme.h"
#include "tst_gui_helpers.h"

#include <QAction>
#include <QClipboard>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

class TestGuiCanvas : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void dragCoroutineFromPalette();
    void dropStepsOntoNodes();
    void dropStepOutsideNodesIsRefused();
    void dropIntoNestedBodies();
    void reorderRowsByDragging();
    void dragRowToAnotherCoroutine();
    void ctrlDragCopiesRow();
    void dragNodeIsOneUndoStep();
    void portDragSetsTarget();
    void arrowsFollowCalls();
    void rubberBandSelection();
    void clickOnEmptyCanvasDeselects();
    void emptyCanvasHintLeavesNoFragments();
    void zoomAndFit();
    void keyboardShortcuts();
    void arrowKeysMoveTheSelection();
    void enterAndF2EditInTheInspector();
    void dropsKeepTheViewStill();
    void copyPasteSteps();
    void validationMarkersAppearAndClear();

private:
    void openExample(const QString &name);
    void deleteStarterMain();
    Document *doc() const { return m_window->document(); }
    DiagramScene *scene() const { return m_window->scene(); }
    DiagramView *view() const { return m_window->view(); }
    QUndoStack *undo() const { return m_window->document()->undoStack(); }
    /// A key pressed as the keyboard delivers it: to the widget that has the focus.
    void press(int key, Qt::KeyboardModifiers modifiers = {});

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiCanvas::initTestCase()
{
    isolate("tst_gui_canvas");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiCanvas::init()
{
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1200, 800);
    QVERIFY(testing::showActive(m_window.get()));
    view()->resetZoom();
}

void TestGuiCanvas::cleanup()
{
    doc()->undoStack()->setClean();  // no "save changes?" on close
    m_window.reset();
}

void TestGuiCanvas::press(int key, Qt::KeyboardModifiers modifiers)
{
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, Qt::Key(key), modifiers);
}

void TestGuiCanvas::openExample(const QString &name)
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/%1.tusk").arg(name)));
    QCoreApplication::processEvents();
    view()->resetZoom();
    view()->centerOn(scene()->contentRect().center());
}

// A new window holds the starter project's empty main: click it and press Delete, as a user
// who wants a bare canvas would.
void TestGuiCanvas::deleteStarterMain()
{
    QCOMPARE(coroutineNames(doc()->project()), QStringList {QStringLiteral("main")});
    CoroutineNode *node = scene()->node(doc()->project().coroutines[0].id);
    QVERIFY(node);
    view()->centerOn(node);
    QTest::mouseClick(
        view()->viewport(), Qt::LeftButton, {}, toView(view(), node->sceneBoundingRect().topLeft() + QPointF(60, 15)));
    QVERIFY(node->isSelected());
    QTest::keyClick(view()->viewport(), Qt::Key_Delete);
    QVERIFY(doc()->project().coroutines.empty());
    undo()->clear();
    undo()->setClean();
}

void TestGuiCanvas::dragCoroutineFromPalette()
{
    deleteStarterMain();
    QVERIFY(doc()->project().coroutines.empty());
    QVERIFY(!m_window->runAction()->isEnabled());
    const QPoint at = view()->viewport()->rect().center();
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"), at));
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(1));
    const Coroutine &main = doc()->project().coroutines[0];
    QCOMPARE(main.name, QStringLiteral("main"));
    // The node lies where it was dropped: the pointer is on its header.
    CoroutineNode *node = scene()->node(main.id);
    QVERIFY(node);
    QVERIFY(node->sceneBoundingRect().contains(view()->mapToScene(at)));
    QCOMPARE(node->pos(), doc()->position(main.id));
    QVERIFY(m_window->runAction()->isEnabled());  // an empty main runs
    QCOMPARE(scene()->currentItem(), main.id);  // and is selected for the inspector

    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"), at + QPoint(330, 0)));
    QCOMPARE(coroutineNames(doc()->project()), QStringList({QStringLiteral("main"), QStringLiteral("task1")}));
    // Dropped onto a node, a new one goes below it instead of on top.
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"), at));
    const QRectF mainRect = scene()->node(doc()->project().coroutines[0].id)->sceneBoundingRect();
    const QRectF task2Rect = scene()->node(doc()->project().coroutines[2].id)->sceneBoundingRect();
    QVERIFY(task2Rect.top() > mainRect.bottom() - 12);  // shadows may touch; cards do not
    QCOMPARE(undo()->count(), 3);
    undo()->undo();
    undo()->undo();
    undo()->undo();
    QVERIFY(doc()->project().coroutines.empty());
    QVERIFY(scene()->contentRect().isNull());
    undo()->redo();
    undo()->redo();
    undo()->redo();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(3));
    QVERIFY(scene()->node(doc()->project().coroutines[2].id));
}

void TestGuiCanvas::dropStepsOntoNodes()
{
    openExample(QStringLiteral("02-two-tasks"));
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    // Onto the header: first in the body.
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("print"), toView(view(), headerPoint(task1))));
    QCOMPARE(opsOf(coroutine(doc(), QStringLiteral("task1"))->body),
        QStringList({QStringLiteral("print"), QStringLiteral("sleep"), QStringLiteral("print")}));
    // Between the two rows that follow.
    task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("sleep"), toView(view(), gapPoint(task1, 2))));
    QCOMPARE(opsOf(coroutine(doc(), QStringLiteral("task1"))->body),
        QStringList(
            {QStringLiteral("print"), QStringLiteral("sleep"), QStringLiteral("sleep"), QStringLiteral("print")}));
    // Below the last row: appended.
    task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("return"), toView(view(), gapPoint(task1, 4))));
    const Coroutine *c = coroutine(doc(), QStringLiteral("task1"));
    QCOMPARE(stepOpName(c->body.back().op), QStringLiteral("return"));
    QCOMPARE(scene()->currentItem(), c->body.back().id);
    QCOMPARE(undo()->count(), 3);
    // Every row drawn is a step of the model, in order.
    task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QCOMPARE(task1->rows().size(), std::size_t(5));
    for (std::size_t i = 0; i < c->body.size(); ++i)
        QCOMPARE(task1->rows()[i]->stepId(), c->body[i].id);
    while (undo()->canUndo())
        undo()->undo();
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body.size(), std::size_t(2));
}

void TestGuiCanvas::dropStepOutsideNodesIsRefused()
{
    openExample(QStringLiteral("02-two-tasks"));
    const QRectF content = scene()->contentRect();
    const QPoint empty = toView(view(), content.bottomRight() + QPointF(60, 60));
    QVERIFY(!dropBlock(m_window->palette(), view(), QStringLiteral("sleep"), empty));
    QCOMPARE(undo()->count(), 0);
    // Data that is not a palette block is refused too.
    QMimeData text;
    text.setText(QStringLiteral("sleep"));
    QDragEnterEvent enter(empty, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &enter);
    QVERIFY(!enter.isAccepted());
}

void TestGuiCanvas::dropIntoNestedBodies()
{
    openExample(QStringLiteral("07-worker-loop"));
    CoroutineNode *worker = nodeNamed(scene(), QStringLiteral("worker"));
    // Rows: 0 for, 1 print (in the loop), 2 sleep (in the loop), 3 print.
    // Under the loop's last row, the x position picks the level: inside the loop...
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("print"), toView(view(), gapPoint(worker, 3, 1))));
    const Coroutine *c = coroutine(doc(), QStringLiteral("worker"));
    QCOMPARE(c->body.size(), std::size_t(2));
    QCOMPARE(opsOf(c->body[0].body),
        QStringList({QStringLiteral("print"), QStringLiteral("sleep"), QStringLiteral("print")}));
    // ...or after it.
    worker = nodeNamed(scene(), QStringLiteral("worker"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("sleep"), toView(view(), gapPoint(worker, 4, 0))));
    c = coroutine(doc(), QStringLiteral("worker"));
    QCOMPARE(opsOf(c->body), QStringList({QStringLiteral("repeat"), QStringLiteral("sleep"), QStringLiteral("print")}));
    // Right under a `for` line: the start of its body.
    worker = nodeNamed(scene(), QStringLiteral("worker"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("cancel"), toView(view(), gapPoint(worker, 1, 0))));
    QCOMPARE(stepOpName(coroutine(doc(), QStringLiteral("worker"))->body[0].body[0].op), QStringLiteral("cancel"));

    // A try with an empty except body shows `pass`, where a step can go.
    openExample(QStringLiteral("02-two-tasks"));
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("try"), toView(view(), gapPoint(task2, 2))));
    task2 = nodeNamed(scene(), QStringLiteral("task2"));
    // Rows: sleep, print, try:, pass, except Exception:, pass
    QCOMPARE(task2->rows().size(), std::size_t(6));
    QCOMPARE(task2->rows()[5]->line().kind, DisplayLine::Kind::Pass);
    const QPointF passRow = task2->rows()[5]->mapToScene(QPointF(60, NodeMetrics::kRowHeight / 2 - 3));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("raise"), toView(view(), passRow)));
    const Step &tryStep = coroutine(doc(), QStringLiteral("task2"))->body[2];
    QCOMPARE(tryStep.handlers[0].body.size(), std::size_t(1));
    QVERIFY(tryStep.handlers[0].body[0].exceptionType.isEmpty());  // a bare raise, inside except
    QVERIFY(doc()->problems().empty());
}

void TestGuiCanvas::reorderRowsByDragging()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Coroutine *main = coroutine(doc(), QStringLiteral("main"));
    const ItemId first = main->body[0].id;
    const ItemId third = main->body[2].id;
    CoroutineNode *node = scene()->node(main->id);
    // The first create_task, dragged below the last await.
    mouseDrag(view(), toView(view(), rowPoint(scene(), first)), toView(view(), gapPoint(node, 4)));
    main = coroutine(doc(), QStringLiteral("main"));
    QCOMPARE(main->body.back().id, first);
    QCOMPARE(main->body.front().call->coroutine, QStringLiteral("task2"));
    QCOMPARE(undo()->count(), 1);  // the whole drag is one command
    QCOMPARE(doc()->problems().size(), std::size_t(1));  // awaiting task1_obj before it exists
    QCOMPARE(doc()->problems()[0].stepId, third);
    // And back to the top.
    node = scene()->node(main->id);
    mouseDrag(view(), toView(view(), rowPoint(scene(), first)), toView(view(), gapPoint(node, 0)));
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body.front().id, first);
    QVERIFY(doc()->problems().empty());
    QCOMPARE(undo()->count(), 2);
    undo()->undo();
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body.back().id, first);
    undo()->undo();
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body.front().id, first);
    undo()->redo();
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body.back().id, first);
    // A click without moving selects, and changes nothing.
    const int count = undo()->count();
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), third)));
    QCOMPARE(undo()->count(), count);
    QCOMPARE(scene()->currentItem(), third);
    QCOMPARE(m_window->inspector()->currentItem(), third);
}

void TestGuiCanvas::dragRowToAnotherCoroutine()
{
    openExample(QStringLiteral("02-two-tasks"));
    const ItemId sleep = coroutine(doc(), QStringLiteral("task2"))->body[0].id;
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    mouseDrag(view(), toView(view(), rowPoint(scene(), sleep)), toView(view(), gapPoint(task1, 2)));
    QCOMPARE(coroutine(doc(), QStringLiteral("task2"))->body.size(), std::size_t(1));
    const Coroutine *c = coroutine(doc(), QStringLiteral("task1"));
    QCOMPARE(c->body.size(), std::size_t(3));
    QCOMPARE(c->body[2].id, sleep);
    QCOMPARE(c->body[2].seconds->literal.toInt(), 2);
    // Dropped nowhere: nothing happens.
    mouseDrag(view(), toView(view(), rowPoint(scene(), sleep)),
        toView(view(), scene()->contentRect().bottomRight() + QPointF(80, 80)));
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body[2].id, sleep);
    QCOMPARE(undo()->count(), 1);
    undo()->undo();
    QCOMPARE(coroutine(doc(), QStringLiteral("task2"))->body[0].id, sleep);
}

void TestGuiCanvas::ctrlDragCopiesRow()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Step original = coroutine(doc(), QStringLiteral("task1"))->body[1];
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    mouseDrag(view(), toView(view(), rowPoint(scene(), original.id)), toView(view(), gapPoint(task2, 0)),
        Qt::ControlModifier);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body.size(), std::size_t(2));
    const Step &copy = coroutine(doc(), QStringLiteral("task2"))->body[0];
    QCOMPARE(copy, original);
    QVERIFY(copy.id != original.id);
}

void TestGuiCanvas::dragNodeIsOneUndoStep()
{
    openExample(QStringLiteral("02-two-tasks"));
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    const ItemId id = task2->coroutineId();
    const QPointF before = doc()->position(id);
    const QPoint from = toView(view(), headerPoint(task2));
    mouseDrag(view(), from, from + QPoint(120, 60), {}, 12);
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(doc()->position(id), before + QPointF(120, 60));
    QCOMPARE(task2->pos(), before + QPointF(120, 60));
    QVERIFY(doc()->isModified());
    // Arrows followed the node.
    for (ArrowItem *arrow : scene()->arrows()) {
        if (arrow->toCoroutine() == id)
            QVERIFY(arrow->sceneBoundingRect().intersects(task2->sceneBoundingRect()));
    }
    undo()->undo();
    QCOMPARE(doc()->position(id), before);
    QCOMPARE(scene()->node(id)->pos(), before);
    QVERIFY(!doc()->isModified());
    undo()->redo();
    QCOMPARE(scene()->node(id)->pos(), before + QPointF(120, 60));
}

void TestGuiCanvas::portDragSetsTarget()
{
    openExample(QStringLiteral("02-two-tasks"));
    const ItemId create = coroutine(doc(), QStringLiteral("main"))->body[0].id;
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    mouseDrag(view(), toView(view(), portPoint(scene(), create)), toView(view(), headerPoint(task2)));
    const Step *s = doc()->project().findStep(create);
    QCOMPARE(s->call->coroutine, QStringLiteral("task2"));
    QCOMPARE(s->as, QStringLiteral("task1_obj"));  // the variable stays
    QCOMPARE(undo()->count(), 1);
    // Released on empty canvas: nothing changes.
    mouseDrag(view(), toView(view(), portPoint(scene(), create)),
        toView(view(), scene()->contentRect().bottomRight() + QPointF(50, 50)));
    QCOMPARE(undo()->count(), 1);
    // An await of a task becomes an await of a call.
    const ItemId await = coroutine(doc(), QStringLiteral("main"))->body[3].id;
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    mouseDrag(view(), toView(view(), portPoint(scene(), await)), toView(view(), headerPoint(task1)));
    s = doc()->project().findStep(await);
    QVERIFY(s->task.isEmpty());
    QCOMPARE(s->call->coroutine, QStringLiteral("task1"));
    QCOMPARE(plainText(stepCode(*s)), QStringLiteral("await task1()"));
    undo()->undo();
    undo()->undo();
    QCOMPARE(doc()->project().findStep(create)->call->coroutine, QStringLiteral("task1"));
    QCOMPARE(doc()->project().findStep(await)->task, QStringLiteral("task2_obj"));
}

void TestGuiCanvas::arrowsFollowCalls()
{
    openExample(QStringLiteral("06-gather-return-exceptions"));
    // create_task fetch, and the gather's two calls (fetch, broken): three arrows.
    QCOMPARE(scene()->arrows().size(), 3);
    QSet<QString> targets;
    for (ArrowItem *a : scene()->arrows())
        targets.insert(findCoroutine(doc()->project(), a->toCoroutine())->name);
    QCOMPARE(targets, QSet<QString>({QStringLiteral("fetch"), QStringLiteral("broken")}));
    // Selecting a row highlights its arrows.
    const ItemId gather = coroutine(doc(), QStringLiteral("main"))->body[1].id;
    scene()->selectItem(gather);
    int highlighted = 0;
    for (ArrowItem *a : scene()->arrows())
        highlighted += a->zValue() > -1 ? 1 : 0;
    QCOMPARE(highlighted, 2);
    // Dragging the gather's port onto a node adds a call.
    mouseDrag(view(), toView(view(), portPoint(scene(), gather)),
        toView(view(), headerPoint(nodeNamed(scene(), QStringLiteral("broken")))));
    QCOMPARE(doc()->project().findStep(gather)->items.size(), std::size_t(4));
    QCOMPARE(doc()->project().findStep(gather)->items.back().call.args.size(), std::size_t(2));  // one per parameter
    QCOMPARE(scene()->arrows().size(), 4);
}

// A click on the canvas where nothing is drops the selection (a step, then a node), and the
// inspector goes back to the project.
void TestGuiCanvas::clickOnEmptyCanvasDeselects()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Coroutine *main = coroutine(doc(), QStringLiteral("main"));
    QVERIFY(main);
    StepRow *row = scene()->row(main->body.front().id);
    QVERIFY(row);
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), row->sceneBoundingRect().center()));
    QCOMPARE(scene()->selectedItems().size(), 1);
    QVERIFY(row->isSelected());
    QCOMPARE(m_window->inspector()->currentItem(), main->body.front().id);

    // Empty canvas: left of every node.
    const QPointF empty(scene()->contentRect().left() - 40, scene()->contentRect().top() + 10);
    QVERIFY(scene()->items(empty).isEmpty());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), empty));
    QVERIFY(scene()->selectedItems().isEmpty());
    QCOMPARE(m_window->inspector()->currentItem(), kNoId);

    // The same for a node selected by its header.
    CoroutineNode *node = nodeNamed(scene(), QStringLiteral("task1"));
    QTest::mouseClick(
        view()->viewport(), Qt::LeftButton, {}, toView(view(), node->sceneBoundingRect().topLeft() + QPointF(60, 15)));
    QVERIFY(node->isSelected());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), empty));
    QVERIFY(scene()->selectedItems().isEmpty());
}

// The first coroutine dropped on an empty canvas takes the whole hint away: what the screen
// shows afterwards is what a full repaint draws (fragments like "Drag “Corou" stayed).
void TestGuiCanvas::emptyCanvasHintLeavesNoFragments()
{
    deleteStarterMain();
    QVERIFY(doc()->project().coroutines.empty());
    QCoreApplication::processEvents();
    QVERIFY(dropBlock(
        m_window->palette(), view(), QStringLiteral("coroutine"), toView(view(), QPointF(0, 0)) + QPoint(-300, -200)));
    QTRY_COMPARE(doc()->project().coroutines.size(), std::size_t(1));
    QTest::qWait(50);
    QCoreApplication::processEvents();
    // On screen (the window's backing store), against the window drawn afresh, both in device
    // pixels, compared over the canvas.
    QWidget *viewport = view()->viewport();
    const QImage onScreen
        = m_window->screen()->grabWindow(m_window->winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QImage window = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const qreal dpr = window.devicePixelRatio();
    const QRect logical(viewport->mapTo(m_window.get(), QPoint(0, 0)), viewport->size());
    const QRect canvas = QRectF(QPointF(logical.topLeft()) * dpr, QSizeF(logical.size()) * dpr).toAlignedRect()
        & onScreen.rect() & window.rect();
    QVERIFY(canvas.width() > 100 && canvas.height() > 100);
    const QImage fresh = window.copy(canvas);
    const QImage shown = onScreen.copy(canvas);
    int differ = 0;
    for (int y = 0; y < fresh.height(); ++y)
        for (int x = 0; x < fresh.width(); ++x)
            differ += shown.pixel(x, y) != fresh.pixel(x, y) ? 1 : 0;
    QVERIFY2(
        differ < fresh.width() * fresh.height() / 1000, qPrintable(QStringLiteral("%1 pixels differ").arg(differ)));
}

void TestGuiCanvas::rubberBandSelection()
{
    openExample(QStringLiteral("02-two-tasks"));
    const QRectF task1 = nodeNamed(scene(), QStringLiteral("task1"))->sceneBoundingRect();
    const QRectF task2 = nodeNamed(scene(), QStringLiteral("task2"))->sceneBoundingRect();
    // From empty canvas right of both task nodes, around them.
    const QPointF start(std::max(task1.right(), task2.right()) + 30, task1.top() - 30);
    const QPointF end(task1.left() + 20, task2.bottom() + 20);
    mouseDrag(view(), toView(view(), start), toView(view(), end), {}, 8);
    QList<ItemId> selected = scene()->selectedCoroutines();
    std::sort(selected.begin(), selected.end());
    QList<ItemId> expected
        = {coroutine(doc(), QStringLiteral("task1"))->id, coroutine(doc(), QStringLiteral("task2"))->id};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(selected, expected);
    QVERIFY(scene()->selectedSteps().isEmpty());  // a rubber band selects nodes, not their rows
    QCOMPARE(undo()->count(), 0);
    // Delete removes both, in one undo step.
    m_window->action(QStringLiteral("actionDelete"))->trigger();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(1));
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(doc()->problems().size(), std::size_t(2));  // main calls what is gone
    undo()->undo();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(3));
    QVERIFY(doc()->problems().empty());
}

void TestGuiCanvas::zoomAndFit()
{
    openExample(QStringLiteral("07-worker-loop"));
    QCOMPARE(view()->zoom(), 1.0);
    const QPoint at = view()->viewport()->rect().center();
    QWheelEvent zoomIn(QPointF(at), QPointF(view()->viewport()->mapToGlobal(at)), QPoint(), QPoint(0, 120),
        Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view()->viewport(), &zoomIn);
    QVERIFY(view()->zoom() > 1.1);
    QWheelEvent zoomOut(QPointF(at), QPointF(view()->viewport()->mapToGlobal(at)), QPoint(), QPoint(0, -240),
        Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view()->viewport(), &zoomOut);
    QVERIFY(view()->zoom() < 0.9);
    // A wheel without Ctrl scrolls instead.
    const qreal zoom = view()->zoom();
    QWheelEvent scroll(QPointF(at), QPointF(view()->viewport()->mapToGlobal(at)), QPoint(), QPoint(0, -120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view()->viewport(), &scroll);
    QCOMPARE(view()->zoom(), zoom);
    // Fit shows every node.
    m_window->resize(700, 500);
    QCoreApplication::processEvents();
    m_window->action(QStringLiteral("actionFit"))->trigger();
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene()->contentRect()));
    QVERIFY(view()->zoom() <= 1.0);
    // Middle-button panning moves the view, not the nodes.
    const QPointF centre = view()->mapToScene(view()->viewport()->rect().center());
    QTest::mousePress(view()->viewport(), Qt::MiddleButton, {}, at);
    QMouseEvent move(QEvent::MouseMove, QPointF(at - QPoint(60, 0)),
        QPointF(view()->viewport()->mapToGlobal(at - QPoint(60, 0))), Qt::NoButton, Qt::MiddleButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &move);
    QTest::mouseRelease(view()->viewport(), Qt::MiddleButton, {}, at - QPoint(60, 0));
    QVERIFY(view()->mapToScene(view()->viewport()->rect().center()).x() > centre.x() + 20);
    QCOMPARE(undo()->count(), 0);
}

void TestGuiCanvas::keyboardShortcuts()
{
    openExample(QStringLiteral("02-two-tasks"));
    view()->setFocus();
    const ItemId print = coroutine(doc(), QStringLiteral("task1"))->body[1].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), print)));
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body.size(), std::size_t(1));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body.size(), std::size_t(2));
    QCOMPARE(scene()->currentItem(), print);  // what comes back is selected
    const QKeySequence redo = m_window->action(QStringLiteral("actionRedo"))->shortcut();
    QTest::keySequence(view(), redo);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body.size(), std::size_t(1));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    // Alt+Up moves the selected step up.
    scene()->selectItem(print);
    QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body[0].id, print);
    QTest::keyClick(view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(coroutine(doc(), QStringLiteral("task1"))->body[1].id, print);
    // Ctrl+arrow keys nudge a selected node (plain arrows move the selection); the nudges merge
    // into one undo step; with Shift too they nudge by one pixel.
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    const QPointF before = task2->pos();
    scene()->selectItem(task2->coroutineId());
    const int count = undo()->count();
    QTest::keyClick(view(), Qt::Key_Right, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_Right, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(view(), Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(task2->pos(), before + QPointF(19, 10));
    QCOMPARE(undo()->count(), count + 1);
    QCOMPARE(scene()->currentItem(), task2->coroutineId());
    // Redo is Ctrl+Y as well as Ctrl+Shift+Z.
    undo()->undo();
    QCOMPARE(task2->pos(), before);
    QTest::keyClick(view(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(task2->pos(), before + QPointF(19, 10));
    undo()->undo();
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(task2->pos(), before + QPointF(19, 10));
    // Ctrl+A selects every coroutine; zoom keys zoom.
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(scene()->selectedCoroutines().size(), 3);
    QTest::keySequence(view(), QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QVERIFY(view()->zoom() > 1.0);
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view()->zoom(), 1.0);
}

// Plain arrow keys walk the diagram: Up and Down through a node's header and rows and on to
// the node above or below, Left and Right to the nearest node on that side; they start from a
// row clicked with the mouse, and with nothing selected from the node nearest the middle.
void TestGuiCanvas::arrowKeysMoveTheSelection()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Coroutine *main = coroutine(doc(), QStringLiteral("main"));
    const Coroutine *task1 = coroutine(doc(), QStringLiteral("task1"));
    const Coroutine *task2 = coroutine(doc(), QStringLiteral("task2"));
    QCOMPARE(main->body.size(), std::size_t(4));
    QCOMPARE(task1->body.size(), std::size_t(2));
    // main stands left of task1, task2 below task1.
    QVERIFY(doc()->position(main->id).x() < doc()->position(task1->id).x());
    QVERIFY(doc()->position(task1->id).y() < doc()->position(task2->id).y());

    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), main->body[1].id)));
    QCOMPARE(scene()->currentItem(), main->body[1].id);
    QCOMPARE(QApplication::focusWidget(), view());
    const QPointF viewCentre = view()->mapToScene(view()->viewport()->rect().center());
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), main->body[2].id);
    QCOMPARE(m_window->inspector()->currentItem(), main->body[2].id);
    // The arrows moved the selection, not the view or the model.
    QCOMPARE(view()->mapToScene(view()->viewport()->rect().center()), viewCentre);
    QCOMPARE(undo()->count(), 0);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QCOMPARE(scene()->currentItem(), main->body[0].id);
    press(Qt::Key_Up);  // the first row's Up is the node itself
    QCOMPARE(scene()->currentItem(), main->id);
    QCOMPARE(scene()->selectedItems().size(), 1);
    press(Qt::Key_Up);  // nothing above main: it stays
    QCOMPARE(scene()->currentItem(), main->id);

    // Right from main's first row: task1, level with it (task2 is further).
    press(Qt::Key_Down);
    press(Qt::Key_Right);
    QCOMPARE(scene()->currentItem(), task1->id);
    press(Qt::Key_Right);  // nothing right of task1
    QCOMPARE(scene()->currentItem(), task1->id);
    // Down through task1's rows and on to task2 below it; Up comes back the same way.
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), task1->body[0].id);
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), task1->body[1].id);
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), task2->id);
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), task2->body[0].id);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QCOMPARE(scene()->currentItem(), task1->body[1].id);
    // Left from task2: main.
    scene()->selectItem(task2->body[1].id);
    press(Qt::Key_Left);
    QCOMPARE(scene()->currentItem(), main->id);
    QCOMPARE(undo()->count(), 0);

    // A click on a row of another node, then the keys go on from there.
    const ItemId sleep2 = task2->body[0].id;
    const ItemId print2 = task2->body[1].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), sleep2)));
    QCOMPARE(scene()->currentItem(), sleep2);
    press(Qt::Key_Down);
    QCOMPARE(scene()->currentItem(), print2);
    // Alt+Up still moves the step, and the selection goes with it.
    press(Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(coroutine(doc(), QStringLiteral("task2"))->body[0].id, print2);
    QCOMPARE(scene()->currentItem(), print2);
    QCOMPARE(undo()->count(), 1);

    // Nothing selected: an arrow selects the node nearest the middle of the view.
    press(Qt::Key_Escape);
    QVERIFY(scene()->selectedItems().isEmpty());
    view()->centerOn(headerPoint(nodeNamed(scene(), QStringLiteral("task2"))));
    press(Qt::Key_Right);
    QCOMPARE(scene()->currentItem(), task2->id);
}

// Enter takes the keyboard into the inspector's first field for the selection; F2 renames:
// a coroutine's name, selected, so that typing replaces it.
void TestGuiCanvas::enterAndF2EditInTheInspector()
{
    openExample(QStringLiteral("02-two-tasks"));
    InspectorWidget *inspector = m_window->inspector();
    const Coroutine *task1 = coroutine(doc(), QStringLiteral("task1"));
    const ItemId sleep = task1->body[0].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), sleep)));
    QCOMPARE(inspector->currentItem(), sleep);
    press(Qt::Key_Return);
    QWidget *seconds = inspector->findChild<QWidget *>(QStringLiteral("seconds"));
    QVERIFY(seconds);
    QWidget *focus = QApplication::focusWidget();
    QVERIFY2(focus && seconds->isAncestorOf(focus), focus ? focus->metaObject()->className() : "no focus");
    // A click on a row takes the keyboard back to the canvas.
    const ItemId print = task1->body[1].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), print)));
    QCOMPARE(QApplication::focusWidget(), view());
    press(Qt::Key_Up);
    QCOMPARE(scene()->currentItem(), sleep);
    press(Qt::Key_Return);
    QVERIFY(seconds = inspector->findChild<QWidget *>(QStringLiteral("seconds")));
    QVERIFY(seconds->isAncestorOf(QApplication::focusWidget()));
    // So does Escape, and the keys go on there.
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), view());
    QCOMPARE(scene()->currentItem(), sleep);

    // F2 on a coroutine: its name, all of it selected.
    press(Qt::Key_Up);
    QCOMPARE(scene()->currentItem(), task1->id);
    press(Qt::Key_F2);
    auto *name = inspector->findChild<QLineEdit *>(QStringLiteral("name"));
    QVERIFY(name);
    QCOMPARE(QApplication::focusWidget(), name);
    QCOMPARE(name->selectedText(), QStringLiteral("task1"));
    QTest::keyClicks(name, QStringLiteral("fetch"));
    press(Qt::Key_Return);
    QVERIFY(coroutine(doc(), QStringLiteral("fetch")));
    QCOMPARE(undo()->count(), 1);
    // Enter on a coroutine: its first field, the name, too (the code box is not a field).
    press(Qt::Key_Escape);
    QCOMPARE(QApplication::focusWidget(), view());
    press(Qt::Key_Enter, Qt::KeypadModifier);
    QCOMPARE(QApplication::focusWidget(), inspector->findChild<QLineEdit *>(QStringLiteral("name")));

    // F2 on a step names what it stores: create_task's variable, selected.
    press(Qt::Key_Escape);
    const ItemId createTask = coroutine(doc(), QStringLiteral("main"))->body[0].id;
    scene()->selectItem(createTask);
    QCOMPARE(inspector->currentItem(), createTask);
    press(Qt::Key_F2);
    auto *variable = inspector->findChild<QLineEdit *>(QStringLiteral("as"));
    QVERIFY(variable);
    QCOMPARE(QApplication::focusWidget(), variable);
    QCOMPARE(variable->selectedText(), QStringLiteral("task1_obj"));
    // Enter on it instead: the first field, the coroutine it calls.
    press(Qt::Key_Escape);
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), inspector->findChild<QWidget *>(QStringLiteral("target")));
}

// Dropping blocks where the pointer is on screen leaves the view where it is: drop targets
// stay under the pointer while a diagram is built. Only a drop whose result would stand partly
// off screen scrolls, and just far enough to show it.
void TestGuiCanvas::dropsKeepTheViewStill()
{
    openExample(QStringLiteral("02-two-tasks"));
    PaletteWidget *palette = m_window->palette();
    QScrollBar *horizontal = view()->horizontalScrollBar();
    QScrollBar *vertical = view()->verticalScrollBar();
    const QRectF visible = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene()->contentRect()));
    const int x0 = horizontal->value();
    const int y0 = vertical->value();
    auto settle = [] {
        QTest::qWait(20);
        QCoreApplication::processEvents();
    };

    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("print"), toView(view(), gapPoint(task1, 2))));
    settle();
    QCOMPARE(horizontal->value(), x0);
    QCOMPARE(vertical->value(), y0);
    CoroutineNode *main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("sleep"), toView(view(), headerPoint(main))));
    settle();
    QCOMPARE(horizontal->value(), x0);
    QCOMPARE(vertical->value(), y0);
    // A coroutine into the free space below main, inside the view.
    main = nodeNamed(scene(), QStringLiteral("main"));
    const QPointF below = main->mapRectToScene(main->cardRect()).bottomLeft() + QPointF(40, 60);
    const QRectF newCard(
        below - QPointF(24, NodeMetrics::kHeaderHeight / 2), QSizeF(NodeMetrics::kMinWidth, NodeMetrics::heightFor(1)));
    QVERIFY2(visible.adjusted(8, 8, -8, -8).contains(newCard), "the view is too small for this test");
    QVERIFY(dropBlock(palette, view(), QStringLiteral("coroutine"), toView(view(), below)));
    settle();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(4));
    QCOMPARE(horizontal->value(), x0);
    QCOMPARE(vertical->value(), y0);
    CoroutineNode *added = scene()->node(doc()->project().coroutines.back().id);
    QVERIFY(added);
    QVERIFY(visible.contains(added->mapRectToScene(added->cardRect())));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("print"), toView(view(), headerPoint(added))));
    settle();
    QCOMPARE(horizontal->value(), x0);
    QCOMPARE(vertical->value(), y0);

    // Near the bottom edge, over empty canvas: the new node would hang out of the view, which
    // scrolls down as far as needed to show it, and no further; not sideways.
    const QRectF content = scene()->contentRect();
    view()->centerOn(QPointF(content.center().x(), content.bottom() + 40 - visible.height() / 2 + 300));
    settle();
    const QRectF before = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY(before.bottom() > content.bottom() + 300);
    const int x1 = horizontal->value();
    const int y1 = vertical->value();
    const QPointF edge(content.left() + 40, before.bottom() - 10);
    QVERIFY(dropBlock(palette, view(), QStringLiteral("coroutine"), toView(view(), edge)));
    settle();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(5));
    added = scene()->node(doc()->project().coroutines.back().id);
    const QRectF card = added->mapRectToScene(added->cardRect());
    QVERIFY(card.bottom() > before.bottom());  // it was dropped partly off screen
    const QRectF after = view()->mapToScene(view()->viewport()->rect()).boundingRect();
    QVERIFY2(after.contains(card),
        qPrintable(QStringLiteral("card bottom %1, view bottom %2").arg(card.bottom()).arg(after.bottom())));
    QCOMPARE(horizontal->value(), x1);
    const qreal needed = card.bottom() - before.bottom();
    QVERIFY2(vertical->value() - y1 >= needed && vertical->value() - y1 <= needed + 24,
        qPrintable(QStringLiteral("scrolled %1 for %2").arg(vertical->value() - y1).arg(needed)));
    // Its first step takes the place of `pass`: the node keeps its height, the view stays.
    const int y2 = vertical->value();
    QVERIFY(dropBlock(palette, view(), QStringLiteral("print"), toView(view(), headerPoint(added))));
    settle();
    QCOMPARE(vertical->value(), y2);
    // A second one at its end, at the view's edge, scrolls by about one row.
    added = scene()->node(doc()->project().coroutines.back().id);
    QVERIFY(dropBlock(palette, view(), QStringLiteral("sleep"), toView(view(), gapPoint(added, 1))));
    settle();
    added = scene()->node(doc()->project().coroutines.back().id);
    QCOMPARE(added->rows().size(), std::size_t(2));
    StepRow *last = added->rows().back();
    QVERIFY(view()
                ->mapToScene(view()->viewport()->rect())
                .boundingRect()
                .contains(last->mapRectToScene(QRectF(0, 0, added->cardRect().width(), NodeMetrics::kRowHeight))));
    QVERIFY2(vertical->value() - y2 > 0 && vertical->value() - y2 <= NodeMetrics::kRowHeight + 24,
        qPrintable(QStringLiteral("scrolled %1").arg(vertical->value() - y2)));
    QCOMPARE(horizontal->value(), x1);
}

void TestGuiCanvas::copyPasteSteps()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Coroutine *task1 = coroutine(doc(), QStringLiteral("task1"));
    scene()->selectItem(task1->body[0].id);
    m_window->action(QStringLiteral("actionCopy"))->trigger();
    QVERIFY(QApplication::clipboard()->mimeData()->hasFormat(DiagramScene::fragmentMimeType()));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("await asyncio.sleep(1)\n"));  // Python for text editors
    scene()->selectItem(coroutine(doc(), QStringLiteral("task2"))->body[1].id);
    m_window->action(QStringLiteral("actionPaste"))->trigger();
    const Coroutine *task2 = coroutine(doc(), QStringLiteral("task2"));
    QCOMPARE(
        opsOf(task2->body), QStringList({QStringLiteral("sleep"), QStringLiteral("print"), QStringLiteral("sleep")}));
    QCOMPARE(task2->body[2].seconds->literal.toInt(), 1);
    // Cut and paste a whole coroutine: it comes back under a new name.
    scene()->selectItem(coroutine(doc(), QStringLiteral("task2"))->id);
    m_window->action(QStringLiteral("actionCut"))->trigger();
    QVERIFY(!coroutine(doc(), QStringLiteral("task2")));
    QVERIFY(
        QApplication::clipboard()->text().startsWith(QLatin1String("async def task2():\n    await asyncio.sleep(2)")));
    m_window->action(QStringLiteral("actionPaste"))->trigger();
    QVERIFY(coroutine(doc(), QStringLiteral("task2_copy")));
    QCOMPARE(coroutine(doc(), QStringLiteral("task2_copy"))->body.size(), std::size_t(3));
    QCOMPARE(undo()->count(), 3);
}

void TestGuiCanvas::validationMarkersAppearAndClear()
{
    openExample(QStringLiteral("02-two-tasks"));
    const Coroutine *main = coroutine(doc(), QStringLiteral("main"));
    const ItemId await1 = main->body[2].id;
    CoroutineNode *node = scene()->node(main->id);
    // Awaiting before the task exists: a marker with the reason, a line in the panel, no Run.
    mouseDrag(view(), toView(view(), rowPoint(scene(), await1)), toView(view(), gapPoint(node, 0)));
    StepRow *row = scene()->row(await1);
    QCOMPARE(row->problems().size(), 1);
    QVERIFY(row->problems()[0].contains(QLatin1String("task1_obj")));
    QVERIFY(row->toolTip().contains(QLatin1String("used before it exists")));
    QVERIFY(!m_window->runAction()->isEnabled());
    QVERIFY(m_window->runAction()->toolTip().contains(QLatin1String("task1_obj")));
    QTreeWidget *panel = m_window->findChild<QTreeWidget *>(QStringLiteral("problemsPanel"));
    QCOMPARE(panel->topLevelItemCount(), 1);
    QVERIFY(panel->topLevelItem(0)->text(0).startsWith(QLatin1String("main")));
    // A click in the panel selects the step.
    scene()->clearSelection();
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, panel->visualItemRect(panel->topLevelItem(0)).center());
    QCOMPARE(scene()->currentItem(), await1);
    // Fixed: the marker, the line and the reason go.
    undo()->undo();
    QVERIFY(scene()->row(await1)->problems().isEmpty());
    QVERIFY(m_window->runAction()->isEnabled());
    QCOMPARE(panel->topLevelItem(0)->text(0), QStringLiteral("No problems"));
    // Problems about a coroutine itself mark its header.
    const ItemId task1 = coroutine(doc(), QStringLiteral("task1"))->id;
    undo()->push(new SetParamsCommand(doc(), task1, {QStringLiteral("x"), QStringLiteral("x")}));
    QCOMPARE(scene()->node(task1)->problems().size(), 1);
    QVERIFY(scene()->node(task1)->toolTip().contains(QLatin1String("two parameters named 'x'")));
    QVERIFY(!scene()->row(main->body[0].id)->problems().isEmpty());  // and the call now passes too few
    undo()->undo();
    QVERIFY(scene()->node(task1)->problems().isEmpty());
    QVERIFY(doc()->problems().empty());
}

QTEST_MAIN(TestGuiCanvas)
#include "tst_gui_canvas.moc"
