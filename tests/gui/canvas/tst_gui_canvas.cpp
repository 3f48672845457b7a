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
    void copyPasteSteps();
    void validationMarkersAppearAndClear();

private:
    void openExample(const QString &name);
    void deleteStarterMain();
    Document *doc() const { return m_window->document(); }
    DiagramScene *scene() const { return m_window->scene(); }
    DiagramView *view() const { return m_window->view(); }
    QUndoStack *undo() const { return m_window->document()->undoStack(); }

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
    // Arrow keys nudge a selected node; the nudges merge into one undo step.
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    const QPointF before = task2->pos();
    scene()->selectItem(task2->coroutineId());
    const int count = undo()->count();
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Right);
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(task2->pos(), before + QPointF(20, 10));
    QCOMPARE(undo()->count(), count + 1);
    // Ctrl+A selects every coroutine; zoom keys zoom.
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(scene()->selectedCoroutines().size(), 3);
    QTest::keySequence(view(), QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QVERIFY(view()->zoom() > 1.0);
    QTest::keyClick(view(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view()->zoom(), 1.0);
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
