// The editor window as a new user meets it: the seed tutorial's second program built from an
// empty project with the mouse alone, run, saved, reopened and exported; the inspector; files
// (title, prompts, failed loads, examples, recent files, dropped files, recovery); the run
// state; language and theme switches at run time.
#include "autosave.h"
#include "consoleview.h"
#include "diagramscene.h"
#include "inspectorwidget.h"
#include "language.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "operandedit.h"
#include "outputpanel.h"
#include "problemspanel.h"
#include "problemtext.h"
#include "projectjson.h"
#include "pythonexport.h"
#include "recentfiles.h"
#include "stepinfo.h"
#include "taskspanel.h"
#include "theme.h"
#include "timelinewidget.h"
#include "tst_gui_helpers.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyleOptionSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

class TestGuiMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void buildTwoTasksWithTheMouse();
    void inspectorEditsTheSelection();
    void inspectorTypingIsOneUndoStep();
    void inspectorRenamesCoroutines();
    void inspectorProjectAndEntry();
    void runStateFollowsValidation();
    void titleAndClosePrompt();
    void failedOpenShowsReasonsAndKeepsProject();
    void examplesAndRecentFiles();
    void droppedFileOpens();
    void recoveryAfterACrash();
    void languageSwitchesWhileRunning();
    void themeSwitchesWhileRunning();
    void exportMenuWritesThePythonScript();
    void traceExportGoesNextToTheProject();
    void tabReachesEveryPanelWithVisibleFocus();

private:
    Document *doc() const { return m_window->document(); }
    DiagramScene *scene() const { return m_window->scene(); }
    DiagramView *view() const { return m_window->view(); }
    QUndoStack *undo() const { return m_window->document()->undoStack(); }
    template<typename T> T *field(const QString &name) const { return m_window->inspector()->findChild<T *>(name); }
    void clickSpinUp(QAbstractSpinBox *spin);
    /// Answers the next file dialog, once it shows: keeps the path it offers in `offered` and
    /// accepts it with Enter as a user would.
    void answerNextFileDialog(QString *offered);
    /// Clicks `button` on the next modal message box, once it shows; returns its text via `text`.
    void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiMainWindow::initTestCase()
{
    isolate("tst_gui_mainwindow");
    // Qt's own file dialog, which a test can see and answer, whatever the desktop offers.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
}

void TestGuiMainWindow::init()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1280, 820);
    QVERIFY(testing::showActive(m_window.get()));
    view()->resetZoom();
}

void TestGuiMainWindow::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        undo()->setClean();
        m_window.reset();
    }
    Language::instance()->setChoice(QStringLiteral("en"));
}

void TestGuiMainWindow::clickSpinUp(QAbstractSpinBox *spin)
{
    QStyleOptionSpinBox option;
    option.initFrom(spin);
    option.subControls
        = QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown | QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField;
    option.stepEnabled = QAbstractSpinBox::StepUpEnabled | QAbstractSpinBox::StepDownEnabled;
    option.buttonSymbols = spin->buttonSymbols();
    option.frame = spin->hasFrame();
    const QRect up = spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxUp, spin);
    QTest::mouseClick(spin, Qt::LeftButton, {}, up.center());
}

void TestGuiMainWindow::answerNextFileDialog(QString *offered)
{
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, this, [timer, offered] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        const QStringList selected = dialog->selectedFiles();
        *offered = selected.isEmpty() ? QString() : selected.front();
        // Enter in the file name field, where the dialog puts the cursor.
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QTest::keyClick(name ? static_cast<QWidget *>(name) : dialog, Qt::Key_Return);
    });
    timer->start();
}

void TestGuiMainWindow::answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, this, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText() + QLatin1Char('\n') + box->detailedText();
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->reject();
    });
    timer->start();
}

void TestGuiMainWindow::buildTwoTasksWithTheMouse()
{
    PaletteWidget *palette = m_window->palette();
    const QPoint origin = toView(view(), QPointF(0, 0));
    // A new project holds an empty main (the entry); task1 goes to its right.
    QCOMPARE(coroutineNames(doc()->project()), QStringList({QStringLiteral("main")}));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("coroutine"), origin + QPoint(350, 0)));
    QCOMPARE(coroutineNames(doc()->project()), QStringList({QStringLiteral("main"), QStringLiteral("task1")}));

    // task1: sleep 1 s, then print.
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("sleep"), toView(view(), headerPoint(task1))));
    task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("print"), toView(view(), gapPoint(task1, 1))));

    // main: two create_task steps; both call task1 while it is the only other coroutine.
    CoroutineNode *main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("create_task"), toView(view(), headerPoint(main))));
    main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("create_task"), toView(view(), gapPoint(main, 1))));

    // task2, below task1: sleep, made 2 s with the spin box's arrow, and print.
    QVERIFY(dropBlock(palette, view(), QStringLiteral("coroutine"), origin + QPoint(350, 210)));
    CoroutineNode *task2 = nodeNamed(scene(), QStringLiteral("task2"));
    QVERIFY(task2);
    QVERIFY(dropBlock(palette, view(), QStringLiteral("sleep"), toView(view(), headerPoint(task2))));
    const ItemId sleep2 = coroutine(doc(), QStringLiteral("task2"))->body[0].id;
    QCOMPARE(m_window->inspector()->currentItem(), sleep2);  // the new step is selected
    auto *seconds = field<OperandEdit>(QStringLiteral("seconds"));
    QVERIFY(seconds);
    clickSpinUp(seconds->numberBox());
    QCOMPARE(doc()->project().findStep(sleep2)->seconds->literal.toInt(), 2);
    task2 = nodeNamed(scene(), QStringLiteral("task2"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("print"), toView(view(), gapPoint(task2, 1))));

    // The second create_task is pointed at task2 by dragging its port onto the node.
    const ItemId create2 = coroutine(doc(), QStringLiteral("main"))->body[1].id;
    QCOMPARE(doc()->project().findStep(create2)->call->coroutine, QStringLiteral("task1"));
    mouseDrag(view(), toView(view(), portPoint(scene(), create2)),
        toView(view(), headerPoint(nodeNamed(scene(), QStringLiteral("task2")))));
    QCOMPARE(doc()->project().findStep(create2)->call->coroutine, QStringLiteral("task2"));

    // Two awaits: the first waits for t1, the second for t2.
    main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("await"), toView(view(), gapPoint(main, 2))));
    main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(palette, view(), QStringLiteral("await"), toView(view(), gapPoint(main, 3))));

    // The program is the tutorial's: same coroutines, steps, calls and times.
    const Project built = doc()->project();
    Project tutorial;
    Problems problems;
    QFile file(QStringLiteral(":/examples/02-two-tasks.tusk"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(loadProject(file.readAll(), &tutorial, &problems));
    QVERIFY(doc()->problems().empty());
    QCOMPARE(built.entry, tutorial.entry);
    QCOMPARE(built.coroutines.size(), tutorial.coroutines.size());
    for (const Coroutine &expected : tutorial.coroutines) {
        const Coroutine *c = built.findCoroutine(expected.name);
        QVERIFY2(c, qPrintable(expected.name));
        QCOMPARE(opsOf(c->body), opsOf(expected.body));
        for (std::size_t i = 0; i < c->body.size(); ++i) {
            const Step &s = c->body[i];
            const Step &e = expected.body[i];
            if (s.op == StepOp::Sleep)
                QCOMPARE(s.seconds, e.seconds);
            if (s.op == StepOp::CreateTask)
                QCOMPARE(s.call, e.call);
        }
    }
    const Coroutine *builtMain = built.findCoroutine(QStringLiteral("main"));
    QCOMPARE(builtMain->body[2].task, builtMain->body[0].as);
    QCOMPARE(builtMain->body[3].task, builtMain->body[1].as);

    // Run with a click on the toolbar's Run button: the tasks end together after 2 s, not 3.
    auto *runButton
        = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->widgetForAction(m_window->runAction());
    QVERIFY(runButton && runButton->isEnabled());
    QTest::mouseClick(runButton, Qt::LeftButton);
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
    QCOMPARE(m_window->outputPanel()->printedLines(),
        QStringList({QStringLiteral("[1.0s] task1 finished"), QStringLiteral("[2.0s] task2 finished")}));
    QVERIFY(m_window->outputPanel()->view()->toPlainText().contains(QLatin1String("main() returned after 2.0 s")));

    // Undo everything, back to the new project's empty main; redo it all.
    QCOMPARE(undo()->count(), 12);  // one command per gesture
    while (undo()->canUndo())
        undo()->undo();
    QCOMPARE(doc()->project(), Document::starterProject());
    QVERIFY(!doc()->isModified());
    while (undo()->canRedo())
        undo()->redo();
    QCOMPARE(doc()->project(), built);

    // Save, reopen in a fresh window: the same model, the same places.
    const QString saved = m_dir.filePath(QStringLiteral("two-tasks.tusk"));
    QVERIFY(m_window->saveTo(saved, false));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("two-tasks.tusk")));
    MainWindow reopened(m_dir.filePath(QStringLiteral("recovery2")));
    QVERIFY(reopened.openFile(saved, false));
    QCOMPARE(reopened.document()->project(), doc()->projectForSave());
    for (const Coroutine &c : doc()->project().coroutines) {
        const Coroutine *r = reopened.document()->project().findCoroutine(c.name);
        QCOMPARE(reopened.document()->position(r->id), doc()->position(c.id));
    }

    // Export the diagram.
    const QString png = m_dir.filePath(QStringLiteral("two-tasks.png"));
    const QString svg = m_dir.filePath(QStringLiteral("two-tasks.svg"));
    QString error;
    QVERIFY2(reopened.scene()->exportPng(png, &error), qPrintable(error));
    QVERIFY2(reopened.scene()->exportSvg(svg, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    const QRectF content = reopened.scene()->contentRect();
    QVERIFY(image.width() >= content.width() * 2 && image.height() >= content.height() * 2);  // sharp: twice the size
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("task1"));
    QVERIFY(svgText.contains("asyncio.create_task"));
}

void TestGuiMainWindow::inspectorEditsTheSelection()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/03-sequential-vs-concurrent.tusk")));
    const Coroutine *main = coroutine(doc(), QStringLiteral("main"));
    // An await of a call: its coroutine, one argument per parameter, named after them.
    const ItemId awaitA = main->body[1].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), awaitA)));
    QCOMPARE(m_window->inspector()->currentItem(), awaitA);
    QVERIFY(field<QLabel>(QStringLiteral("code"))->text().contains(QLatin1String("await fetch(&#x27;A&#x27;, 1)"))
        || field<QLabel>(QStringLiteral("code"))->text().contains(QLatin1String("await fetch('A', 1)")));
    auto *label = field<OperandEdit>(QStringLiteral("arg0"));
    auto *seconds = field<OperandEdit>(QStringLiteral("arg1"));
    QVERIFY(label && seconds);
    QCOMPARE(label->textEdit()->text(), QStringLiteral("A"));
    clickSpinUp(seconds->numberBox());
    QCOMPARE(doc()->project().findStep(awaitA)->call->args[1].literal.toInt(), 2);

    // A variable picker offers what is in scope where the step stands.
    const ItemId awaitC = coroutine(doc(), QStringLiteral("main"))->body[7].id;
    scene()->selectItem(awaitC);
    auto *task = field<QComboBox>(QStringLiteral("task"));
    QVERIFY(task);
    QStringList choices;
    for (int i = 0; i < task->count(); ++i)
        choices << task->itemText(i);
    QCOMPARE(choices, QStringList({QStringLiteral("c"), QStringLiteral("d")}));
    task->setCurrentIndex(1);
    emit task->activated(1);
    QCOMPARE(doc()->project().findStep(awaitC)->task, QStringLiteral("d"));

    // Switching an await to a call form, and picking the coroutine.
    auto *form = field<QComboBox>(QStringLiteral("awaitForm"));
    form->setCurrentIndex(1);
    emit form->activated(1);
    QTRY_VERIFY(field<QComboBox>(QStringLiteral("target")));  // the form is rebuilt for the call
    auto *target = field<QComboBox>(QStringLiteral("target"));
    const int fetch = target->findData(QStringLiteral("fetch"));
    target->setCurrentIndex(fetch);
    emit target->activated(fetch);
    const Step *s = doc()->project().findStep(awaitC);
    QCOMPARE(s->call->coroutine, QStringLiteral("fetch"));
    QCOMPARE(s->call->args.size(), std::size_t(2));  // one argument per parameter
    QVERIFY(doc()->problems().empty());

    // A try step: add an except clause and a finally block.
    scene()->selectItem(coroutine(doc(), QStringLiteral("fetch"))->id);
    QVERIFY(field<QLineEdit>(QStringLiteral("name")));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("try"),
        toView(view(), gapPoint(nodeNamed(scene(), QStringLiteral("fetch")), 3))));
    const ItemId tryId = coroutine(doc(), QStringLiteral("fetch"))->body[3].id;
    QCOMPARE(m_window->inspector()->currentItem(), tryId);
    QTest::mouseClick(field<QPushButton>(QStringLiteral("addExcept")), Qt::LeftButton);
    QTRY_VERIFY(field<QComboBox>(QStringLiteral("except1.type")));
    auto *type = field<QComboBox>(QStringLiteral("except1.type"));
    const int cancelled = type->findData(QStringLiteral("CancelledError"));
    type->setCurrentIndex(cancelled);
    emit type->activated(cancelled);
    QTest::mouseClick(field<QCheckBox>(QStringLiteral("finally")), Qt::LeftButton, {}, QPoint(8, 8));
    const Step *t = doc()->project().findStep(tryId);
    QCOMPARE(t->handlers.size(), std::size_t(2));
    QCOMPARE(t->handlers[1].type, QStringLiteral("CancelledError"));
    QVERIFY(t->hasFinally);
    QCOMPARE(nodeNamed(scene(), QStringLiteral("fetch"))->rows().size(), std::size_t(11));
}

void TestGuiMainWindow::inspectorTypingIsOneUndoStep()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const ItemId print = coroutine(doc(), QStringLiteral("task1"))->body[1].id;
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), rowPoint(scene(), print)));
    auto *text = field<QLineEdit>(QStringLiteral("text"));
    QVERIFY(text);
    QTest::mouseClick(text, Qt::LeftButton);
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("Task {now}"));
    QCOMPARE(doc()->project().findStep(print)->text, QStringLiteral("Task {now}"));
    QCOMPARE(undo()->count(), 1);  // eleven keystrokes, one undo step
    QVERIFY(scene()->row(print)->line().code.size() > 1);
    QCOMPARE(plainText(scene()->row(print)->line().code), QStringLiteral("print(f'Task {now}')"));
    // An unfinished field is reported while typing and clears when done.
    QTest::keyClick(text, Qt::Key_Backspace);
    QVERIFY(!doc()->problems().empty());
    QVERIFY(!scene()->row(print)->problems().isEmpty());
    QTest::keyClick(text, Qt::Key_BraceRight);
    QVERIFY(doc()->problems().empty());
    QCOMPARE(undo()->count(), 1);
    // Undo from the canvas restores the text and the field shows it.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc()->project().findStep(print)->text, QStringLiteral("Задача 1 завершена"));
    QCOMPARE(field<QLineEdit>(QStringLiteral("text"))->text(), QStringLiteral("Задача 1 завершена"));
    // The insert menu puts a variable field at the cursor.
    auto *insert = field<QToolButton>(QStringLiteral("insertField"));
    QVERIFY(insert && insert->menu());
    QCOMPARE(insert->menu()->actions().front()->text(), QStringLiteral("Time since start: {now:.1f}"));
}

void TestGuiMainWindow::inspectorRenamesCoroutines()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), headerPoint(task1)));
    QCOMPARE(m_window->inspector()->currentItem(), task1->coroutineId());
    auto *name = field<QLineEdit>(QStringLiteral("name"));
    QVERIFY(name);
    QTest::mouseClick(name, Qt::LeftButton);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("task2"));
    // Checked while typing, not committed yet.
    QVERIFY(field<QLabel>(QStringLiteral("nameProblem"))->isVisibleTo(m_window->inspector()));
    QCOMPARE(undo()->count(), 0);
    QTest::keyClick(name, Qt::Key_Backspace);
    QTest::keyClicks(name, QStringLiteral("_fetch"));
    QVERIFY(!field<QLabel>(QStringLiteral("nameProblem"))->isVisibleTo(m_window->inspector()));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(undo()->count(), 1);
    QVERIFY(coroutine(doc(), QStringLiteral("task_fetch")));
    QCOMPARE(coroutine(doc(), QStringLiteral("main"))->body[0].call->coroutine, QStringLiteral("task_fetch"));
    QVERIFY(doc()->problems().empty());
    // Parameters: the calls now pass too few arguments, and the inspector offers to fix that.
    auto *params = field<QLineEdit>(QStringLiteral("params"));
    QTRY_VERIFY(params = field<QLineEdit>(QStringLiteral("params")));
    params->setFocus();
    QTest::keyClicks(params, QStringLiteral("label, seconds"));
    QTest::keyClick(params, Qt::Key_Return);
    QCOMPARE(coroutine(doc(), QStringLiteral("task_fetch"))->params,
        QStringList({QStringLiteral("label"), QStringLiteral("seconds")}));
    QCOMPARE(doc()->problems().size(), std::size_t(1));
    QVERIFY(ProblemText::message(doc()->problems()[0]).contains(QLatin1String("takes 2 arguments")));
    scene()->selectItem(coroutine(doc(), QStringLiteral("main"))->body[0].id);
    auto *fit = field<QPushButton>(QStringLiteral("fitArguments"));
    QVERIFY(fit);
    QTest::mouseClick(fit, Qt::LeftButton);
    QVERIFY(doc()->problems().empty());
    QTRY_VERIFY(field<OperandEdit>(QStringLiteral("arg1")));
}

void TestGuiMainWindow::inspectorProjectAndEntry()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    scene()->clearSelection();
    QCOMPARE(m_window->inspector()->currentItem(), kNoId);
    // The example explains itself.
    auto *description = field<QLabel>(QStringLiteral("description"));
    QVERIFY(description);
    QVERIFY(description->text().startsWith(QLatin1String("Both tasks are created")));
    auto *title = field<QLineEdit>(QStringLiteral("title"));
    QTest::mouseClick(title, Qt::LeftButton);
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Mine"));
    QCOMPARE(doc()->project().title, QStringLiteral("Mine"));
    QCOMPARE(undo()->count(), 1);
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Mine")));
    // Making another coroutine the entry: main's node loses its mark, task1's gets it.
    CoroutineNode *task1 = nodeNamed(scene(), QStringLiteral("task1"));
    scene()->selectItem(task1->coroutineId());
    QTest::mouseClick(field<QPushButton>(QStringLiteral("makeEntry")), Qt::LeftButton);
    QCOMPARE(doc()->project().entry, QStringLiteral("task1"));
    QVERIFY(task1->toolTip().contains(QLatin1String("asyncio.run(task1())")));
    QVERIFY(!nodeNamed(scene(), QStringLiteral("main"))->toolTip().contains(QLatin1String("asyncio.run")));
    undo()->undo();
    QCOMPARE(doc()->project().entry, QStringLiteral("main"));
}

void TestGuiMainWindow::runStateFollowsValidation()
{
    // A new project runs at once: its empty main is valid, and no problem is shown.
    auto *state = m_window->findChild<QLabel *>(QStringLiteral("runState"));
    QVERIFY(m_window->runAction()->isEnabled());
    QVERIFY(state->text().contains(QLatin1String("Ready to run")));
    QVERIFY(doc()->problems().empty());
    // Without main (deleted with the keyboard) it cannot run, and says what to do.
    CoroutineNode *starter = nodeNamed(scene(), QStringLiteral("main"));
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, toView(view(), headerPoint(starter)));
    QVERIFY(starter->isSelected());
    QTest::keyClick(view()->viewport(), Qt::Key_Delete);
    QVERIFY(doc()->project().coroutines.empty());
    QVERIFY(!m_window->runAction()->isEnabled());
    QVERIFY(m_window->runAction()->toolTip().contains(QLatin1String("drag a Coroutine")));
    QVERIFY(state->text().contains(QLatin1String("Cannot run")));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"), view()->viewport()->rect().center()));
    QVERIFY(m_window->runAction()->isEnabled());
    QVERIFY(state->text().contains(QLatin1String("Ready to run")));
    // Ctrl+R runs; a raise ends it with the exception shown.
    CoroutineNode *main = nodeNamed(scene(), QStringLiteral("main"));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("raise"), toView(view(), headerPoint(main))));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->outputPanel()->isRunning());
    const QString output = m_window->outputPanel()->view()->toPlainText();
    QVERIFY2(output.contains(QLatin1String("ValueError: something went wrong")), qPrintable(output));
    QVERIFY(output.contains(QLatin1String("ended with an exception")));
}

void TestGuiMainWindow::titleAndClosePrompt()
{
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Untitled[*]")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"), view()->viewport()->rect().center()));
    QVERIFY(m_window->isWindowModified());
    // Closing asks; Cancel keeps the window and the work.
    QString text;
    answerNextMessageBox(QMessageBox::Cancel, &text);
    QVERIFY(!m_window->close());
    QVERIFY(text.contains(QLatin1String("not saved")));
    QVERIFY(m_window->isVisible());
    // New asks too; Discard starts over.
    answerNextMessageBox(QMessageBox::Discard);
    m_window->action(QStringLiteral("actionNew"))->trigger();
    QCOMPARE(doc()->project(), Document::starterProject());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->close());  // nothing to save: no question
}

void TestGuiMainWindow::failedOpenShowsReasonsAndKeepsProject()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("sleep"),
        toView(view(), headerPoint(nodeNamed(scene(), QStringLiteral("task1"))))));
    const Project before = doc()->project();
    const QString title = m_window->windowTitle();
    const QString bad = m_dir.filePath(QStringLiteral("broken.tusk"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"format\": \"tusk\",\n  \"version\": 1,\n  \"entry\": \"main\",\n  \"coroutines\": [ { \"name\": "
            "\"main\", \"body\": [ { \"op\": \"sleep\", \"seconds\": 1, } ] } ]\n}\n");
    f.close();
    QString text;
    answerNextMessageBox(QMessageBox::Ok, &text);
    QVERIFY(!m_window->openFile(bad));
    QVERIFY2(text.contains(QLatin1String("broken.tusk")) && text.contains(QLatin1String("stays as it was")),
        qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 5, column 78")), qPrintable(text));  // where the problem is
    QCOMPARE(doc()->project(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QVERIFY(m_window->isWindowModified());
    QVERIFY(!m_window->openFile(m_dir.filePath(QStringLiteral("absent.tusk")), false));
    QVERIFY(m_window->lastError().contains(QLatin1String("absent.tusk")));
    QCOMPARE(doc()->project(), before);
}

void TestGuiMainWindow::examplesAndRecentFiles()
{
    auto *examples = m_window->findChild<QMenu *>(QStringLiteral("menuExamples"));
    QVERIFY(examples);
    const QList<QAction *> actions = examples->actions();
    QCOMPARE(actions.size(), 8);
    QCOMPARE(actions[0]->objectName(), QStringLiteral("example_01-create-task"));  // the seed tutorial's first
    QVERIFY(actions[0]->text().contains(QStringLiteral("Creating and running a task")));  // in the UI language
    actions[1]->trigger();
    QCOMPARE(doc()->project().title, QStringLiteral("Управление несколькими задачами"));
    QVERIFY(doc()->fileName().isEmpty());  // an example is never overwritten
    QCOMPARE(doc()->suggestedFileName(), QStringLiteral("02-two-tasks.tusk"));

    auto *recent = m_window->findChild<QMenu *>(QStringLiteral("menuRecent"));
    QVERIFY(!recent->isEnabled());
    const QString file = m_dir.filePath(QStringLiteral("recent.tusk"));
    QVERIFY(m_window->saveTo(file, false));
    QVERIFY(recent->isEnabled());
    QVERIFY(recent->actions().front()->text().contains(QLatin1String("recent.tusk")));
    m_window->action(QStringLiteral("actionNew"))->trigger();
    QCOMPARE(doc()->project(), Document::starterProject());
    recent->actions().front()->trigger();
    QCOMPARE(doc()->fileName(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(3));
}

void TestGuiMainWindow::droppedFileOpens()
{
    const QString file = m_dir.filePath(QStringLiteral("dropped.tusk"));
    QVERIFY(QFile::copy(QStringLiteral(":/examples/07-worker-loop.tusk"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint at = view()->viewport()->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &drop);
    QCOMPARE(doc()->fileName(), QFileInfo(file).absoluteFilePath());
    QVERIFY(coroutine(doc(), QStringLiteral("worker")));
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("dropped.tusk")));
}

void TestGuiMainWindow::recoveryAfterACrash()
{
    const QString original = m_dir.filePath(QStringLiteral("original.tusk"));
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    QVERIFY(m_window->saveTo(original, false));
    QVERIFY(dropBlock(m_window->palette(), view(), QStringLiteral("coroutine"),
        toView(view(), scene()->contentRect().bottomRight() + QPointF(100, 0))));
    m_window->autoSave()->saveNow();
    const QString recovery = m_window->autoSave()->recoveryFile();
    QVERIFY(QFile::exists(recovery));
    // Another editor, started after a crash, gets the work back, still unsaved and under its name.
    MainWindow next(m_dir.filePath(QStringLiteral("other")));
    QVERIFY(next.recover(recovery, original));
    QCOMPARE(next.document()->project().coroutines.size(), std::size_t(4));
    QVERIFY(next.document()->isModified());
    QVERIFY(next.isWindowModified());
    QCOMPARE(next.document()->fileName(), QFileInfo(original).absoluteFilePath());
    next.document()->undoStack()->setClean();
    next.document()->newProject();
}

void TestGuiMainWindow::languageSwitchesWhileRunning()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const ItemId create = coroutine(doc(), QStringLiteral("main"))->body[0].id;
    scene()->selectItem(create);
    auto *fileMenu = m_window->menuBar()->actions().front();
    QCOMPARE(fileMenu->text(), QStringLiteral("&File"));
    m_window->action(QStringLiteral("actionLanguageRussian"))->trigger();
    QCOMPARE(Language::instance()->current(), QStringLiteral("ru"));
    QTRY_COMPARE(fileMenu->text(), QStringLiteral("&Файл"));  // LanguageChange is posted to the windows
    QCOMPARE(m_window->palette()->itemForBlock(QStringLiteral("coroutine"))->text(), QStringLiteral("Сопрограмма"));
    QTRY_COMPARE(field<QLabel>(QStringLiteral("inspectorTitle"))->text(), QStringLiteral("Создать задачу"));
    QCOMPARE(m_window->runAction()->text(), QStringLiteral("&Запустить"));
    // Problems speak Russian too.
    QVERIFY(ProblemText::message(QStringLiteral("the entry 'main' is not a coroutine of this project"))
                .contains(QStringLiteral("Нет сопрограммы")));
    QVERIFY(nodeNamed(scene(), QStringLiteral("main"))->toolTip().contains(QStringLiteral("точка входа")));
    // The description of the example follows the language.
    scene()->clearSelection();
    QTRY_VERIFY(field<QLabel>(QStringLiteral("description")));
    QVERIFY(field<QLabel>(QStringLiteral("description"))->text().startsWith(QStringLiteral("Обе задачи")));
    m_window->action(QStringLiteral("actionLanguageEnglish"))->trigger();
    QTRY_COMPARE(fileMenu->text(), QStringLiteral("&File"));
    QCOMPARE(m_window->palette()->itemForBlock(QStringLiteral("coroutine"))->text(), QStringLiteral("Coroutine"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
}

void TestGuiMainWindow::themeSwitchesWhileRunning()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    m_window->action(QStringLiteral("actionThemeDark"))->trigger();
    QVERIFY(Theme::isDark());
    QVERIFY(m_window->palette()->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(Theme::canvas().background.lightness() < 60);
    const QImage dark = view()->viewport()->grab().toImage();
    m_window->action(QStringLiteral("actionThemeLight"))->trigger();
    QVERIFY(!Theme::isDark());
    const QImage light = view()->viewport()->grab().toImage();
    QVERIFY(dark.pixelColor(5, 5).lightness() < 60);
    QVERIFY(light.pixelColor(5, 5).lightness() > 200);
    QCOMPARE(QSettings().value(QStringLiteral("theme")).toInt(), int(Theme::Mode::Light));
}

// File > Export > Python Script… (also behind the toolbar's Export button) writes what
// `tusk export` writes, offered next to the project under its name; the status bar says where.
void TestGuiMainWindow::exportMenuWritesThePythonScript()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const QString project = m_dir.filePath(QStringLiteral("two.tusk"));
    QVERIFY(m_window->saveTo(project, false));

    // The toolbar's Export button opens the menu; its Python item is clicked.
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QAction *menuAction = m_window->findChild<QAction *>(QStringLiteral("actionExportMenu"));
    QVERIFY(menuAction && menuAction->menu());
    auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(menuAction));
    QVERIFY(button && button->isVisible());
    QString offered;
    bool clicked = false;
    QTimer::singleShot(0, this, [this, &clicked, &offered] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *python = m_window->findChild<QAction *>(QStringLiteral("actionExportPython"));
        if (!menu->actions().contains(python))
            return;
        answerNextFileDialog(&offered);
        clicked = true;
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(python).center());
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(clicked);
    const QString script = m_dir.filePath(QStringLiteral("two.py"));
    QTRY_VERIFY(QFile::exists(script));
    QCOMPARE(offered, script);
    QFile file(script);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), exportPython(doc()->project(), QStringLiteral("two.tusk")));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(script)),
        qPrintable(m_window->statusBar()->currentMessage()));
}

// File > Export Trace offers `<project>.trace.json` next to the project and says where it went.
void TestGuiMainWindow::traceExportGoesNextToTheProject()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const QString project = m_dir.filePath(QStringLiteral("two.tusk"));
    QVERIFY(m_window->saveTo(project, false));
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(m_window->outputPanel()->session() && !m_window->outputPanel()->isRunning());
    QAction *exportTrace = m_window->action(QStringLiteral("actionExportTrace"));
    QTRY_VERIFY(exportTrace->isEnabled());
    QString offered;
    answerNextFileDialog(&offered);
    exportTrace->trigger();
    const QString trace = m_dir.filePath(QStringLiteral("two.trace.json"));
    QCOMPARE(offered, trace);
    QVERIFY(QFile::exists(trace));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(trace)),
        qPrintable(m_window->statusBar()->currentMessage()));
}

namespace {

// Whether a ring in the accent colour is drawn around the widget: its outermost pixels.
bool showsFocusRing(QWidget *widget)
{
    // As the window shows it: what is drawn over the widget counts too.
    QWidget *window = widget->window();
    const QImage image = window->grab(QRect(widget->mapTo(window, QPoint(0, 0)), widget->size()))
                             .toImage()
                             .convertToFormat(QImage::Format_RGB32);
    const QRgb accent = Theme::accent().rgb();
    int edge = 0;
    int ring = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (x > 0 && y > 0 && x < image.width() - 1 && y < image.height() - 1)
                continue;
            ++edge;
            ring += image.pixel(x, y) == accent ? 1 : 0;
        }
    }
    return ring > edge * 9 / 10;
}

}  // namespace

// Tab from the canvas goes round every panel on screen (the palette too, and each of the bottom
// panels when its tab is raised) and back to the canvas; where the focus is can be seen: a
// ring around the canvas and the palette, and the block Enter would add.
void TestGuiMainWindow::tabReachesEveryPanelWithVisibleFocus()
{
    QWidget *canvas = view();
    QWidget *palette = m_window->palette();
    QVERIFY(!showsFocusRing(palette));
    const QList<QPair<QString, QWidget *>> bottom = {
        {QStringLiteral("problemsDock"), m_window->problemsPanel()},
        {QStringLiteral("outputDock"), m_window->outputPanel()},
        {QStringLiteral("tasksDock"), m_window->tasksPanel()},
        {QStringLiteral("timelineDock"), m_window->timeline()},
    };
    for (const auto &[dockName, panel] : bottom) {
        auto *dock = m_window->findChild<QDockWidget *>(dockName);
        QVERIFY(dock);
        dock->raise();
        QCoreApplication::processEvents();
        canvas->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), canvas);
        QList<QWidget *> panels = {palette, m_window->inspector(), panel};
        QList<QWidget *> reached;
        for (int i = 0; i < 40; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
            focus = QApplication::focusWidget();
            // A stop that shows nothing (the inspector's scroll area itself) is no stop.
            QVERIFY2(focus != m_window->inspector(), "the inspector's frame took the focus");
            for (QWidget *p : panels) {
                if ((focus == p || p->isAncestorOf(focus)) && !reached.contains(p))
                    reached << p;
            }
            if (focus == palette) {
                QCoreApplication::processEvents();
                QVERIFY2(showsFocusRing(palette), "the palette shows no focus");
                QVERIFY(m_window->palette()->currentItem());
            }
            if (focus == canvas && reached.size() == panels.size())
                break;
        }
        QVERIFY2(reached.size() == panels.size(), qPrintable(dockName));
        QCOMPARE(QApplication::focusWidget(), canvas);  // round and back
        QCoreApplication::processEvents();
        QVERIFY2(showsFocusRing(canvas), "the canvas shows no focus");
    }
    // The palette's current block is what Enter adds, to main (the entry).
    palette->setFocus(Qt::TabFocusReason);
    QListWidgetItem *current = m_window->palette()->currentItem();
    QVERIFY(current);
    QCOMPARE(current, m_window->palette()->itemForBlock(QStringLiteral("coroutine")));
    // Down skips the "Steps" heading to the first step block.
    QTest::keyClick(palette, Qt::Key_Down);
    const QString firstStep = stepOpName(StepInfo::allOps().front());
    QCOMPARE(m_window->palette()->currentItem(), m_window->palette()->itemForBlock(firstStep));
    QTest::keyClick(palette, Qt::Key_Return);
    QCOMPARE(opsOf(coroutine(doc(), QStringLiteral("main"))->body), QStringList {firstStep});
    // Focus elsewhere: no ring is left behind.
    canvas->setFocus(Qt::OtherFocusReason);
    QCoreApplication::processEvents();
    QVERIFY(!showsFocusRing(palette));
    QVERIFY(showsFocusRing(canvas));
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
