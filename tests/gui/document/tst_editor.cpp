// The editor's model layer: the document, undo commands by id, defaults of new blocks, scope,
// the Python shown on rows, files (atomic saves, failed loads that change nothing, layout),
// autosave and recovery, recent files.
#include "autolayout.h"
#include "autosave.h"
#include "coroutinecommands.h"
#include "document.h"
#include "modeledit.h"
#include "newitems.h"
#include "problemtext.h"
#include "projectcommands.h"
#include "projectjson.h"
#include "recentfiles.h"
#include "stepcode.h"
#include "stepcommands.h"
#include "theme.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk;

class TestEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void newProjectStartsValid();
    void addAndRemoveCoroutine();
    void stepCommandsUndoRedoToTheStart();
    void moveStepIndexes();
    void moveStepIntoItselfIsRefused();
    void editsMergeWhileTyping();
    void renameFollowsCalls();
    void moveCoroutinesOneCommandPerDrag();
    void validationFollowsEdits();
    void newBlockDefaults();
    void scopeOfAStep();
    void pythonOnRows_data();
    void pythonOnRows();
    void pythonOfUnfinishedSteps();
    void displayLinesOfNestedSteps();
    void saveAndReloadEqual();
    void saveIsAtomic();
    void failedLoadLeavesProjectUntouched();
    void loadKeepsSemanticProblemsForTheEditor();
    void autoLayoutForFilesWithoutPositions();
    void layoutKeepsOtherEditorData();
    void problemMessagesForTheEditor();
    void everyValidatorMessageIsRecognised();
    void autosaveAndRecovery();
    void recentFiles();

private:
    Project loadExample(const QString &name);
    QTemporaryDir m_dir;
};

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

StepList bodyOf(const Coroutine &c)
{
    return {StepList::Kind::Coroutine, c.id, 0};
}

QStringList names(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

QStringList opsOf(const std::vector<Step> &steps)
{
    QStringList ops;
    for (const Step &s : steps)
        ops << stepOpName(s.op);
    return ops;
}

Step makeStep(StepOp op)
{
    Step s;
    s.op = op;
    if (op == StepOp::Sleep)
        s.seconds = Operand::fromLiteral(Value::integer(1));
    if (op == StepOp::Repeat)
        s.times = Operand::fromLiteral(Value::integer(2));
    return s;
}

// A document with no coroutine at all (what remains after deleting everything), for tests
// that build a project from nothing.
void makeEmpty(Document &doc)
{
    QVERIFY(doc.loadData(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": []})", QString(), QString(),
        false, nullptr));
}

}  // namespace

void TestEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TuskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_editor"));
    QSettings().clear();
    Theme::initResources();
    QVERIFY(m_dir.isValid());
}

Project TestEditor::loadExample(const QString &name)
{
    Project p;
    Problems problems;
    if (!loadProject(readAll(QStringLiteral(":/examples/%1.tusk").arg(name)), &p, &problems))
        qWarning("cannot load %s", qPrintable(name));
    return p;
}

void TestEditor::newProjectStartsValid()
{
    // A first launch and File > New open a runnable project: one empty main and no problem.
    Document doc;
    QCOMPARE(coroutineNames(doc.project()), QStringList {QStringLiteral("main")});
    QVERIFY(doc.project().coroutines[0].body.empty());
    QVERIFY(doc.problems().empty());
    QVERIFY(!doc.isModified());
    QVERIFY(doc.undoStack()->count() == 0);
    makeEmpty(doc);
    QVERIFY(!doc.problems().empty());
    doc.newProject();
    QCOMPARE(coroutineNames(doc.project()), QStringList {QStringLiteral("main")});
    QVERIFY(doc.problems().empty());
    QVERIFY(!doc.isModified());
}

void TestEditor::addAndRemoveCoroutine()
{
    Document doc;
    makeEmpty(doc);
    QUndoStack *undo = doc.undoStack();
    Coroutine c = NewItems::coroutine(doc.project());
    QCOMPARE(c.name, QStringLiteral("main"));  // the first one is the entry
    auto *add = new AddCoroutineCommand(&doc, c, 0, QPointF(40, 80));
    const ItemId id = add->coroutineId();
    undo->push(add);
    QCOMPARE(doc.project().coroutines.size(), std::size_t(1));
    QCOMPARE(doc.project().coroutines[0].id, id);
    QCOMPARE(doc.position(id), QPointF(40, 80));
    QVERIFY(doc.isModified());
    QVERIFY(doc.problems().empty());  // main exists now: runnable

    QCOMPARE(NewItems::coroutine(doc.project()).name, QStringLiteral("task1"));
    undo->push(new RemoveCoroutineCommand(&doc, id));
    QVERIFY(doc.project().coroutines.empty());
    QVERIFY(!doc.problems().empty());  // the entry is missing again
    undo->undo();
    QCOMPARE(doc.project().coroutines.size(), std::size_t(1));
    QCOMPARE(doc.project().coroutines[0].id, id);  // same id back: later commands still find it
    QCOMPARE(doc.position(id), QPointF(40, 80));
    undo->undo();
    QVERIFY(doc.project().coroutines.empty());
    QVERIFY(!doc.isModified());
    undo->redo();
    undo->redo();
    QVERIFY(doc.project().coroutines.empty());
}

void TestEditor::stepCommandsUndoRedoToTheStart()
{
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/07-worker-loop.tusk")), QString(), QString(), false, nullptr));
    const Project original = doc.project();
    QUndoStack *undo = doc.undoStack();
    const Coroutine *main = doc.project().findCoroutine(QStringLiteral("main"));
    const Coroutine *worker = doc.project().findCoroutine(QStringLiteral("worker"));
    const ItemId mainId = main->id;
    const ItemId workerId = worker->id;
    const ItemId repeatId = main->body[2].id;
    const ItemId lastPrint = main->body[5].id;

    undo->push(new InsertStepCommand(&doc, bodyOf(*main), 0, makeStep(StepOp::Print)));
    undo->push(new InsertStepCommand(&doc, {StepList::Kind::Body, repeatId, 0}, 1, makeStep(StepOp::Sleep)));
    undo->push(new MoveStepCommand(&doc, lastPrint, {StepList::Kind::Coroutine, workerId, 0}, 0));
    undo->push(new RemoveStepCommand(&doc, repeatId));
    Step edited = *doc.project().findStep(lastPrint);
    edited.text = QStringLiteral("moved");
    undo->push(new EditStepCommand(&doc, edited, QStringLiteral("edit")));
    const Project changed = doc.project();

    main = doc.project().findCoroutine(QStringLiteral("main"));
    worker = doc.project().findCoroutine(QStringLiteral("worker"));
    QCOMPARE(opsOf(main->body), names({"print", "create_task", "create_task", "await", "await"}));
    QCOMPARE(worker->body.front().id, lastPrint);
    QCOMPARE(worker->body.front().text, QStringLiteral("moved"));
    QCOMPARE(undo->count(), 5);

    while (undo->canUndo())
        undo->undo();
    QCOMPARE(doc.project(), original);
    QVERIFY(!doc.isModified());
    QCOMPARE(findCoroutine(doc.project(), mainId)->body[2].id, repeatId);
    while (undo->canRedo())
        undo->redo();
    QCOMPARE(doc.project(), changed);
}

void TestEditor::moveStepIndexes()
{
    Document doc;
    QUndoStack *undo = doc.undoStack();
    Coroutine c;
    c.name = QStringLiteral("main");
    for (StepOp op : {StepOp::Print, StepOp::Sleep, StepOp::Return})
        c.body.push_back(makeStep(op));
    undo->push(new AddCoroutineCommand(&doc, c, 0, {}));
    const Coroutine &m = doc.project().coroutines[0];
    const StepList list = bodyOf(m);
    const ItemId print = m.body[0].id;
    // Index counts positions before the move, as the drop line shows them.
    auto *down = new MoveStepCommand(&doc, print, list, 2);
    QVERIFY(down->isValid());
    undo->push(down);
    QCOMPARE(opsOf(doc.project().coroutines[0].body), names({"sleep", "print", "return"}));
    auto *end = new MoveStepCommand(&doc, print, list, 3);
    undo->push(end);
    QCOMPARE(opsOf(doc.project().coroutines[0].body), names({"sleep", "return", "print"}));
    auto *same = new MoveStepCommand(&doc, print, list, 3);
    QVERIFY(!same->isValid());  // dropping a row where it is changes nothing
    delete same;
    undo->undo();
    undo->undo();
    QCOMPARE(opsOf(doc.project().coroutines[0].body), names({"print", "sleep", "return"}));
}

void TestEditor::moveStepIntoItselfIsRefused()
{
    Document doc;
    Coroutine c;
    c.name = QStringLiteral("main");
    Step repeat = makeStep(StepOp::Repeat);
    Step inner = makeStep(StepOp::Repeat);
    inner.body.push_back(makeStep(StepOp::Print));
    repeat.body.push_back(inner);
    c.body.push_back(repeat);
    doc.undoStack()->push(new AddCoroutineCommand(&doc, c, 0, {}));
    const Step &outer = doc.project().coroutines[0].body[0];
    const ItemId innerId = outer.body[0].id;
    MoveStepCommand intoOwnBody(&doc, outer.id, {StepList::Kind::Body, outer.id, 0}, 0);
    QVERIFY(!intoOwnBody.isValid());
    MoveStepCommand intoNested(&doc, outer.id, {StepList::Kind::Body, innerId, 0}, 0);
    QVERIFY(!intoNested.isValid());
    MoveStepCommand outOf(&doc, innerId, bodyOf(doc.project().coroutines[0]), 1);
    QVERIFY(outOf.isValid());
}

void TestEditor::editsMergeWhileTyping()
{
    Document doc;
    Coroutine c;
    c.name = QStringLiteral("main");
    c.body.push_back(makeStep(StepOp::Print));
    doc.undoStack()->push(new AddCoroutineCommand(&doc, c, 0, {}));
    const ItemId id = doc.project().coroutines[0].body[0].id;
    const int before = doc.undoStack()->count();
    for (const char *text : {"H", "He", "Hel", "Hell", "Hello"}) {
        Step s = *doc.project().findStep(id);
        s.text = QLatin1String(text);
        doc.undoStack()->push(new EditStepCommand(&doc, s, QStringLiteral("text"), QStringLiteral("text/1")));
    }
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.project().findStep(id)->text, QStringLiteral("Hello"));
    // Another editing session is another undo step.
    Step s = *doc.project().findStep(id);
    s.text = QStringLiteral("Hello!");
    doc.undoStack()->push(new EditStepCommand(&doc, s, QStringLiteral("text"), QStringLiteral("text/2")));
    QCOMPARE(doc.undoStack()->count(), before + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.project().findStep(id)->text, QString());
    // Typing back to where it started leaves nothing to undo.
    for (const char *text : {"x", ""}) {
        Step t = *doc.project().findStep(id);
        t.text = QLatin1String(text);
        doc.undoStack()->push(new EditStepCommand(&doc, t, QStringLiteral("text"), QStringLiteral("text/3")));
    }
    QCOMPARE(doc.undoStack()->index(), before);
}

void TestEditor::renameFollowsCalls()
{
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/02-two-tasks.tusk")), QString(), QString(), false, nullptr));
    const Project original = doc.project();
    const ItemId task1 = doc.project().findCoroutine(QStringLiteral("task1"))->id;
    const ItemId main = doc.project().findCoroutine(QStringLiteral("main"))->id;
    doc.undoStack()->push(new RenameCoroutineCommand(&doc, task1, QStringLiteral("fetch")));
    QVERIFY(doc.problems().empty());
    QCOMPARE(findCoroutine(doc.project(), main)->body[0].call->coroutine, QStringLiteral("fetch"));
    QCOMPARE(findCoroutine(doc.project(), main)->body[1].call->coroutine, QStringLiteral("task2"));
    doc.undoStack()->push(new RenameCoroutineCommand(&doc, main, QStringLiteral("start")));
    QCOMPARE(doc.project().entry, QStringLiteral("start"));  // the entry follows its coroutine
    const Project saved = doc.projectForSave();
    QVERIFY(saved.layout.find(QStringLiteral("start")));
    QVERIFY(saved.layout.find(QStringLiteral("fetch")));
    QVERIFY(!saved.layout.find(QStringLiteral("task1")));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.project(), original);
}

void TestEditor::moveCoroutinesOneCommandPerDrag()
{
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/02-two-tasks.tusk")), QString(), QString(), false, nullptr));
    const ItemId id = doc.project().coroutines[0].id;
    const QPointF start = doc.position(id);
    doc.undoStack()->push(new MoveCoroutinesCommand(&doc, {{id, start}}, {{id, start + QPointF(10, 0)}}));
    doc.undoStack()->push(
        new MoveCoroutinesCommand(&doc, {{id, start + QPointF(10, 0)}}, {{id, start + QPointF(50, 0)}}));
    QCOMPARE(doc.undoStack()->count(), 2);  // two drags, two steps back
    // Keyboard nudges of the same node merge.
    for (int i = 0; i < 3; ++i) {
        const QPointF at = doc.position(id);
        doc.undoStack()->push(new MoveCoroutinesCommand(&doc, {{id, at}}, {{id, at + QPointF(0, 10)}}, true));
    }
    QCOMPARE(doc.undoStack()->count(), 3);
    QCOMPARE(doc.position(id), start + QPointF(50, 30));
    doc.undoStack()->undo();
    QCOMPARE(doc.position(id), start + QPointF(50, 0));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.position(id), start);
}

void TestEditor::validationFollowsEdits()
{
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/02-two-tasks.tusk")), QString(), QString(), false, nullptr));
    QVERIFY(doc.problems().empty());
    const Coroutine *main = doc.project().findCoroutine(QStringLiteral("main"));
    const ItemId createId = main->body[0].id;
    const ItemId awaitId = main->body[2].id;
    // Await before the task exists.
    doc.undoStack()->push(new MoveStepCommand(&doc, awaitId, bodyOf(*main), 0));
    QCOMPARE(doc.problems().size(), std::size_t(1));
    QCOMPARE(doc.problems()[0].stepId, awaitId);
    doc.undoStack()->undo();
    QVERIFY(doc.problems().empty());
    // A call to a coroutine that does not exist, and a wrong argument count.
    Step s = *doc.project().findStep(createId);
    s.call->coroutine = QStringLiteral("nope");
    doc.undoStack()->push(new EditStepCommand(&doc, s, QStringLiteral("edit")));
    QCOMPARE(doc.problems().size(), std::size_t(1));
    QVERIFY(doc.problems()[0].message.contains(QLatin1String("nope")));
    s.call->coroutine = QStringLiteral("task2");
    s.call->args.push_back(Operand::fromLiteral(Value::integer(1)));
    doc.undoStack()->push(new EditStepCommand(&doc, s, QStringLiteral("edit")));
    QCOMPARE(doc.problems().size(), std::size_t(1));
    QVERIFY(doc.problems()[0].message.contains(QLatin1String("takes no arguments")));
    // A bare raise outside an except body.
    Step raise;
    raise.op = StepOp::Raise;
    doc.undoStack()->push(
        new InsertStepCommand(&doc, bodyOf(*doc.project().findCoroutine(QStringLiteral("task1"))), 0, raise));
    QCOMPARE(doc.problems().size(), std::size_t(2));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(doc.problems().empty());
}

void TestEditor::newBlockDefaults()
{
    Document doc;
    makeEmpty(doc);
    QUndoStack *undo = doc.undoStack();
    auto addCoroutine = [&] {
        auto *cmd = new AddCoroutineCommand(
            &doc, NewItems::coroutine(doc.project()), int(doc.project().coroutines.size()), {});
        const ItemId id = cmd->coroutineId();
        undo->push(cmd);
        return id;
    };
    const ItemId main = addCoroutine();
    const ItemId task1 = addCoroutine();
    addCoroutine();
    QCOMPARE(coroutineNames(doc.project()), names({"main", "task1", "task2"}));
    auto add = [&](ItemId coroutine, StepOp op) {
        const Coroutine *c = findCoroutine(doc.project(), coroutine);
        const StepList list = bodyOf(*c);
        const int index = int(c->body.size());
        undo->push(new InsertStepCommand(&doc, list, index, NewItems::step(op, doc.project(), list, index)));
        return findCoroutine(doc.project(), coroutine)->body.back();
    };
    // Each create_task calls a coroutine that no task runs yet, into t1, t2.
    Step first = add(main, StepOp::CreateTask);
    QCOMPARE(first.call->coroutine, QStringLiteral("task1"));
    QCOMPARE(first.as, QStringLiteral("t1"));
    Step second = add(main, StepOp::CreateTask);
    QCOMPARE(second.call->coroutine, QStringLiteral("task2"));
    QCOMPARE(second.as, QStringLiteral("t2"));
    // Gather collects the tasks nobody awaits.
    const Step gather = NewItems::step(StepOp::Gather, doc.project(), bodyOf(*findCoroutine(doc.project(), main)), 2);
    QCOMPARE(gather.items.size(), std::size_t(2));
    QCOMPARE(gather.items[1].task, QStringLiteral("t2"));
    // Each await waits for the first task not awaited yet.
    QCOMPARE(add(main, StepOp::Await).task, QStringLiteral("t1"));
    QCOMPARE(add(main, StepOp::Await).task, QStringLiteral("t2"));
    QCOMPARE(add(task1, StepOp::Sleep).seconds->literal.toInt(), 1);
    const Step print = add(task1, StepOp::Print);
    QCOMPARE(print.text, QStringLiteral("[{now:.1f}s] task1 finished"));
    QVERIFY(doc.problems().empty());
    // A raise outside a handler raises a new exception; inside one it re-raises.
    QCOMPARE(add(task1, StepOp::Raise).exceptionType, QStringLiteral("ValueError"));
    const Step tryStep = add(task1, StepOp::Try);
    QCOMPARE(tryStep.handlers.size(), std::size_t(1));
    const StepList handler {StepList::Kind::Except, tryStep.id, 0};
    QVERIFY(NewItems::step(StepOp::Raise, doc.project(), handler, 0).exceptionType.isEmpty());
    // A loop variable that is not taken.
    QCOMPARE(add(task1, StepOp::Repeat).var, QStringLiteral("i"));
    QCOMPARE(add(task1, StepOp::Repeat).var, QStringLiteral("j"));
}

void TestEditor::scopeOfAStep()
{
    const Project p = loadExample(QStringLiteral("04-cancel-a-task"));
    const Coroutine *main = p.findCoroutine(QStringLiteral("main"));
    const StepList body = bodyOf(*main);
    QCOMPARE(variablesInScope(p, body, 0), QStringList());
    QCOMPARE(variablesInScope(p, body, 1), names({"job"}));
    QCOMPARE(taskVariablesInScope(p, body, 1), names({"job"}));
    const Step &tryStep = main->body[5];
    // `e` exists only inside its handler.
    QCOMPARE(variablesInScope(p, {StepList::Kind::Except, tryStep.id, 0}, 0), names({"job", "e"}));
    QCOMPARE(variablesInScope(p, body, 6), names({"job"}));
    const Coroutine *worker = loadExample(QStringLiteral("07-worker-loop")).findCoroutine(QStringLiteral("worker"));
    QVERIFY(worker);
}

void TestEditor::pythonOnRows_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QString>("coroutine");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("python");
    QTest::newRow("create_task") << "02-two-tasks"
                                 << "main" << 0 << "task1_obj = asyncio.create_task(task1())";
    QTest::newRow("await task") << "02-two-tasks"
                                << "main" << 2 << "await task1_obj";
    QTest::newRow("sleep") << "02-two-tasks"
                           << "task1" << 0 << "await asyncio.sleep(1)";
    QTest::newRow("print") << "02-two-tasks"
                           << "task1" << 1 << "print('Задача 1 завершена')";
    QTest::newRow("f-string") << "05-exception-from-a-task"
                              << "main" << 1 << "print(f'[{now:.1f}s] main: task created')";
    QTest::newRow("named task") << "03-sequential-vs-concurrent"
                                << "main" << 5 << "c = asyncio.create_task(fetch('C', 1), name='fetch-C')";
    QTest::newRow("await call") << "03-sequential-vs-concurrent"
                                << "main" << 1 << "await fetch('A', 1)";
    QTest::newRow("gather") << "06-gather-return-exceptions"
                            << "main" << 1
                            << "results = await asyncio.gather(fetch('alpha', 1), broken(1.5, 'disk full'), beta, "
                               "return_exceptions=True)";
    QTest::newRow("cancel") << "04-cancel-a-task"
                            << "main" << 3 << "job.cancel('taking too long')";
    QTest::newRow("raise") << "05-exception-from-a-task"
                           << "fragile" << 2 << "raise ValueError(message)";
    QTest::newRow("return") << "06-gather-return-exceptions"
                            << "fetch" << 2 << "return label";
    QTest::newRow("repeat") << "07-worker-loop"
                            << "worker" << 0 << "for i in range(jobs):";
    QTest::newRow("try") << "04-cancel-a-task"
                         << "main" << 5 << "try:";
}

void TestEditor::pythonOnRows()
{
    QFETCH(QString, example);
    QFETCH(QString, coroutine);
    QFETCH(int, index);
    QFETCH(QString, python);
    const Project p = loadExample(example);
    const Coroutine *c = p.findCoroutine(coroutine);
    QVERIFY(c);
    QCOMPARE(plainText(stepCode(c->body[std::size_t(index)])), python);
}

// Steps still being filled in read as what they are, with `?` for what is not chosen yet.
void TestEditor::pythonOfUnfinishedSteps()
{
    auto step = [](StepOp op) {
        Step s;
        s.op = op;
        return s;
    };
    Step gather = step(StepOp::Gather);
    gather.items = {GatherItem::ofTask(QString()), GatherItem::ofTask(QStringLiteral("t"))};
    QCOMPARE(plainText(stepCode(gather)), QStringLiteral("await asyncio.gather(, t)"));
    gather.items.clear();
    gather.returnExceptions = true;
    QCOMPARE(plainText(stepCode(gather)), QStringLiteral("await asyncio.gather(return_exceptions=True)"));
    gather.items = {GatherItem::ofTask(QString())};
    QCOMPARE(plainText(stepCode(gather)), QStringLiteral("await asyncio.gather(, return_exceptions=True)"));

    Step raise = step(StepOp::Raise);
    QCOMPARE(plainText(stepCode(raise)), QStringLiteral("raise"));
    raise.exceptionType = QStringLiteral("CancelledError");
    QCOMPARE(plainText(stepCode(raise)), QStringLiteral("raise asyncio.CancelledError"));
    raise.message = Operand::fromLiteral(Value::string(QStringLiteral("x")));
    QCOMPARE(plainText(stepCode(raise)), QStringLiteral("raise asyncio.CancelledError('x')"));

    QCOMPARE(plainText(stepCode(step(StepOp::Await))), QStringLiteral("await ?"));
    Step await = step(StepOp::Await);
    await.call = Call {};
    QCOMPARE(plainText(stepCode(await)), QStringLiteral("await ?()"));
    Step create = step(StepOp::CreateTask);
    create.call
        = Call {QStringLiteral("work"), {Operand::fromVar(QStringLiteral("n")), Operand::fromLiteral(Value::none())}};
    QCOMPARE(plainText(stepCode(create)), QStringLiteral("asyncio.create_task(work(n, None))"));
    QCOMPARE(plainText(stepCode(step(StepOp::Cancel))), QStringLiteral("?.cancel()"));
    Step repeat = step(StepOp::Repeat);
    repeat.times = Operand::fromLiteral(Value::integer(3));
    QCOMPARE(plainText(stepCode(repeat)), QStringLiteral("for _ in range(3):"));
    QCOMPARE(plainText(stepCode(step(StepOp::Try))), QStringLiteral("try:"));
    QCOMPARE(plainText(stepCode(step(StepOp::Return))), QStringLiteral("return"));
}

void TestEditor::displayLinesOfNestedSteps()
{
    const Project p = loadExample(QStringLiteral("08-shutdown-cancellation"));
    QStringList lines;
    for (const DisplayLine &l : displayLines(*p.findCoroutine(QStringLiteral("heartbeat"))))
        lines << QString(l.depth * 2, QLatin1Char(' ')) + plainText(l.code);
    QCOMPARE(lines,
        names({
            "print(f'[{now:.1f}s] {label}: started')",
            "try:",
            "  for beat in range(10):",
            "    await asyncio.sleep(0.4)",
            "    print(f'[{now:.1f}s] {label}: beat {beat}')",
            "  print(f'[{now:.1f}s] {label}: finished all beats')",
            "except asyncio.CancelledError:",
            "  print(f'[{now:.1f}s] {label}: cancelled')",
            "  raise",
            "finally:",
            "  print(f'[{now:.1f}s] {label}: cleanup in finally')",
        }));
    Coroutine empty;
    empty.name = QStringLiteral("idle");
    const std::vector<DisplayLine> pass = displayLines(empty);
    QCOMPARE(pass.size(), std::size_t(1));
    QCOMPARE(pass[0].kind, DisplayLine::Kind::Pass);  // an empty body reads as Python does
}

void TestEditor::saveAndReloadEqual()
{
    Document doc;
    QVERIFY(doc.loadData(readAll(QStringLiteral(":/examples/07-worker-loop.tusk")), QString(),
        QStringLiteral("07-worker-loop.tusk"), false, nullptr));
    const ItemId worker = doc.project().findCoroutine(QStringLiteral("worker"))->id;
    doc.undoStack()->push(
        new MoveCoroutinesCommand(&doc, {{worker, doc.position(worker)}}, {{worker, QPointF(400.4, 37.6)}}));
    doc.undoStack()->push(new RenameCoroutineCommand(&doc, worker, QStringLiteral("job_runner")));
    const QString file = m_dir.filePath(QStringLiteral("worker.tusk"));
    QString error;
    QVERIFY2(doc.saveFile(file, &error), qPrintable(error));
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.fileName(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(doc.displayName(), QStringLiteral("worker.tusk"));

    Document reopened;
    Problems problems;
    QVERIFY(reopened.loadFile(file, &problems));
    QCOMPARE(reopened.project(), doc.projectForSave());
    QCOMPARE(reopened.project(), doc.project());
    const ItemId runner = reopened.project().findCoroutine(QStringLiteral("job_runner"))->id;
    QCOMPARE(reopened.position(runner), QPointF(400, 38));  // whole pixels in the file
    // Unknown top-level keys (the examples' descriptions and titles) survive.
    QCOMPARE(reopened.project().extraKeys.size(), std::size_t(2));
    QCOMPARE(reopened.project().extraKeys[0].first, QStringLiteral("description"));
    QCOMPARE(reopened.project().extraKeys[1].first, QStringLiteral("titles"));
    // Saving again writes the same bytes.
    const QByteArray first = readAll(file);
    QVERIFY(reopened.saveFile(file, &error));
    QCOMPARE(readAll(file), first);
}

void TestEditor::saveIsAtomic()
{
    Document doc;
    doc.undoStack()->push(new AddCoroutineCommand(&doc, NewItems::coroutine(doc.project()), 0, {}));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("atomic")));
    const QString dir = m_dir.filePath(QStringLiteral("atomic"));
    const QString file = QDir(dir).filePath(QStringLiteral("atomic.tusk"));
    QString error;
    QVERIFY(doc.saveFile(file, &error));
    const QByteArray before = readAll(file);
    // A save that cannot complete leaves the old file as it was.
    QVERIFY(!doc.saveFile(QDir(dir).filePath(QStringLiteral("missing/x.tusk")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(file), before);
    QCOMPARE(doc.fileName(), QFileInfo(file).absoluteFilePath());
    // A directory cannot be replaced by a file; no temporary file is left behind.
    QVERIFY(QDir(dir).mkpath(QStringLiteral("taken.tusk")));
    QVERIFY(!doc.saveFile(QDir(dir).filePath(QStringLiteral("taken.tusk")), &error));
    QCOMPARE(QDir(dir).entryList(QDir::Files), names({"atomic.tusk"}));
}

void TestEditor::failedLoadLeavesProjectUntouched()
{
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/02-two-tasks.tusk")), QString(), QString(), false, nullptr));
    doc.undoStack()->push(new SetTitleCommand(&doc, QStringLiteral("mine")));
    const Project before = doc.project();
    const int undoCount = doc.undoStack()->count();

    const QString bad = m_dir.filePath(QStringLiteral("bad.tusk"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        "{\"format\": \"tusk\", \"version\": 1, \"entry\": \"main\", \"coroutines\": [{\"name\": \"main\", \"body\": "
        "[{\"op\": \"sleep\"}, {\"op\": \"jump\"}]}]}");
    f.close();
    Problems problems;
    QVERIFY(!doc.loadFile(bad, &problems));
    QVERIFY(problems.size() >= 1);
    QVERIFY(!problems[0].path.isEmpty() || problems[0].line > 0);  // says where
    QCOMPARE(doc.project(), before);
    QCOMPARE(doc.undoStack()->count(), undoCount);
    QVERIFY(doc.isModified());

    QVERIFY(!doc.loadFile(m_dir.filePath(QStringLiteral("nowhere.tusk")), &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY(problems[0].message.contains(QLatin1String("nowhere.tusk")));
    QVERIFY(!doc.loadData("{ not json", QString(), QString(), false, &problems));
    QVERIFY(problems[0].line > 0);
    QCOMPARE(doc.project(), before);
}

void TestEditor::loadKeepsSemanticProblemsForTheEditor()
{
    Document doc;
    Problems problems;
    QVERIFY(doc.loadData("{\"format\": \"tusk\", \"version\": 1, \"entry\": \"main\", \"coroutines\": [{\"name\": "
                         "\"main\", \"body\": [{\"op\": \"await\", \"task\": \"later\"}]}]}",
        QString(), QString(), false, &problems));
    QCOMPARE(doc.problems().size(), std::size_t(1));
    QCOMPARE(doc.problems()[0].stepId, doc.project().coroutines[0].body[0].id);
}

void TestEditor::autoLayoutForFilesWithoutPositions()
{
    Project p = loadExample(QStringLiteral("06-gather-return-exceptions"));
    p.layout = JsonValue();
    Document doc;
    QVERIFY(doc.loadData(projectToJson(p), QString(), QString(), false, nullptr));
    const Project &q = doc.project();
    const QPointF main = doc.position(q.findCoroutine(QStringLiteral("main"))->id);
    const QPointF fetch = doc.position(q.findCoroutine(QStringLiteral("fetch"))->id);
    const QPointF broken = doc.position(q.findCoroutine(QStringLiteral("broken"))->id);
    QCOMPARE(main, QPointF(0, 0));
    QVERIFY(fetch.x() > main.x() + 280);  // callees to the right of their caller
    QCOMPARE(fetch.x(), broken.x());
    QVERIFY(broken.y() >= fetch.y() + 100);  // stacked without overlapping
    QVERIFY(!doc.isModified());
    // Partly placed: the others go below, nothing on top of anything.
    JsonValue layout = JsonValue::object();
    layout.set(QStringLiteral("main"),
        JsonValue::object(
            {{QStringLiteral("x"), JsonValue::integer(0)}, {QStringLiteral("y"), JsonValue::integer(0)}}));
    p.layout = layout;
    QVERIFY(doc.loadData(projectToJson(p), QString(), QString(), false, nullptr));
    QVERIFY(doc.position(doc.project().findCoroutine(QStringLiteral("fetch"))->id).y() > 100);
}

void TestEditor::layoutKeepsOtherEditorData()
{
    Project p = loadExample(QStringLiteral("02-two-tasks"));
    JsonValue layout = p.layout;
    JsonValue mainEntry = *layout.find(QStringLiteral("main"));
    mainEntry.set(QStringLiteral("colour"), JsonValue::string(QStringLiteral("orange")));
    layout.set(QStringLiteral("main"), mainEntry);
    layout.set(QStringLiteral("notes"), JsonValue::array({JsonValue::string(QStringLiteral("kept"))}));
    layout.set(QStringLiteral("gone"),
        JsonValue::object(
            {{QStringLiteral("x"), JsonValue::integer(5)}, {QStringLiteral("y"), JsonValue::integer(5)}}));
    p.layout = layout;
    Document doc;
    QVERIFY(doc.loadData(projectToJson(p), QString(), QString(), false, nullptr));
    const Project saved = doc.projectForSave();
    QCOMPARE(saved.layout.find(QStringLiteral("main"))->find(QStringLiteral("colour"))->toString(),
        QStringLiteral("orange"));
    QVERIFY(saved.layout.find(QStringLiteral("notes")));
    QVERIFY(!saved.layout.find(QStringLiteral("gone")));  // the position of a coroutine that does not exist
}

void TestEditor::problemMessagesForTheEditor()
{
    // English stays English but speaks of the editor, not of JSON fields.
    QCOMPARE(ProblemText::message(QStringLiteral("calls '', which is not a coroutine of this project")),
        QStringLiteral("No coroutine chosen: drag from the dot at the row's right onto a coroutine, or pick one in "
                       "the inspector"));
    QCOMPARE(ProblemText::message(QStringLiteral("'task2' takes no arguments but 1 is given")),
        QStringLiteral("'task2' takes no arguments, but the call passes 1"));
    QCOMPARE(ProblemText::message(QStringLiteral("something new from the engine")),
        QStringLiteral("something new from the engine"));
    Document doc;
    makeEmpty(doc);
    QCOMPARE(doc.problems().size(), std::size_t(1));
    QVERIFY(ProblemText::message(doc.problems()[0]).contains(QLatin1String("drag a Coroutine")));
    QCOMPARE(ProblemText::location(doc.project(), doc.problems()[0]), QStringLiteral("Entry coroutine"));
}

void TestEditor::everyValidatorMessageIsRecognised()
{
    // A project with one of everything the validator reports. Each message must be one that
    // ProblemText rewrites (and so translates): when the engine words a message differently,
    // this test says which one to add.
    auto step = [](StepOp op) {
        Step s;
        s.op = op;
        return s;
    };
    auto coroutineNamed = [](const char *name, QStringList params = {}) {
        Coroutine c;
        c.name = QLatin1String(name);
        c.params = params;
        return c;
    };
    Project p;
    p.entry = QStringLiteral("main");
    Coroutine main = coroutineNamed("main", {QStringLiteral("x")});  // the entry takes parameters
    Step call = step(StepOp::Await);
    call.call = Call {QStringLiteral("missing"), {}};
    main.body.push_back(call);
    for (const char *target : {"none", "one", "two"}) {
        Step wrong = step(StepOp::CreateTask);
        wrong.call = Call {QLatin1String(target), {}};
        wrong.call->args.resize(3, Operand::fromLiteral(Value::integer(1)));
        main.body.push_back(wrong);
    }
    Step later = step(StepOp::Await);
    later.task = QStringLiteral("later");
    main.body.push_back(later);
    Step never = step(StepOp::Cancel);
    never.task = QStringLiteral("never");
    main.body.push_back(never);
    Step assign = step(StepOp::Await);
    assign.call = Call {QStringLiteral("none"), {}};
    assign.as = QStringLiteral("later");
    main.body.push_back(assign);
    Step hides = step(StepOp::Await);
    hides.call = Call {QStringLiteral("one"), {Operand::fromLiteral(Value::integer(1))}};
    hides.as = QStringLiteral("one");
    main.body.push_back(hides);
    Step text = step(StepOp::Print);
    text.text = QStringLiteral("{");
    main.body.push_back(text);
    Step type = step(StepOp::Raise);
    type.exceptionType = QStringLiteral("KeyError");
    main.body.push_back(type);
    Step bare = step(StepOp::Raise);
    bare.message = Operand::fromLiteral(Value::string(QStringLiteral("m")));
    main.body.push_back(bare);
    main.body.push_back(step(StepOp::Try));
    main.body.push_back(step(StepOp::Sleep));
    main.body.push_back(step(StepOp::Repeat));
    main.body.push_back(step(StepOp::Await));
    main.body.push_back(step(StepOp::CreateTask));
    main.body.push_back(step(StepOp::Cancel));
    Step keyword = step(StepOp::Await);
    keyword.call = Call {QStringLiteral("none"), {}};
    keyword.as = QStringLiteral("class");
    main.body.push_back(keyword);
    Step loop = step(StepOp::Repeat);
    loop.times = Operand::fromLiteral(Value::integer(1));
    loop.var = QStringLiteral("now");
    main.body.push_back(loop);
    Step unpicked = step(StepOp::Gather);
    unpicked.items = {GatherItem::ofTask(QString())};
    main.body.push_back(unpicked);
    p.coroutines.push_back(main);
    p.coroutines.push_back(coroutineNamed("none"));
    p.coroutines.push_back(coroutineNamed("one", {QStringLiteral("a")}));
    p.coroutines.push_back(coroutineNamed("two", {QStringLiteral("a"), QStringLiteral("a")}));
    p.coroutines.push_back(coroutineNamed("two"));
    p.coroutines.push_back(coroutineNamed("9lives"));
    p.coroutines.push_back(coroutineNamed(""));
    p.coroutines.push_back(coroutineNamed("ﬁx"));
    p.assignIds();
    const Problems problems = validateProject(p);
    QVERIFY(problems.size() > 25);
    for (const Problem &problem : problems)
        QVERIFY2(ProblemText::message(problem) != problem.message, qPrintable(problem.message));
    // An empty variable field: "Choose a variable", and why when there is none to choose.
    Project empty;
    Coroutine lonely = coroutineNamed("main");
    lonely.body.push_back(unpicked);
    empty.coroutines.push_back(lonely);
    empty.assignIds();
    const Problems none = validateProject(empty);
    QCOMPARE(none.size(), std::size_t(1));
    QVERIFY2(ProblemText::message(none[0]).startsWith(QLatin1String("Choose a variable. There is none here yet")),
        qPrintable(ProblemText::message(none[0])));
    QVERIFY(std::any_of(problems.begin(), problems.end(),
        [](const Problem &pr) { return ProblemText::message(pr) == QLatin1String("Choose a variable"); }));

    Project noEntry;
    noEntry.entry.clear();
    QCOMPARE(validateProject(noEntry).size(), std::size_t(1));
    QVERIFY(ProblemText::message(validateProject(noEntry)[0]) != validateProject(noEntry)[0].message);
}

void TestEditor::autosaveAndRecovery()
{
    const QString dir = m_dir.filePath(QStringLiteral("recovery"));
    Document doc;
    QVERIFY(
        doc.loadData(readAll(QStringLiteral(":/examples/02-two-tasks.tusk")), QString(), QString(), false, nullptr));
    auto autosave = std::make_unique<AutoSave>(&doc, dir);
    autosave->saveNow();
    QVERIFY(!QFile::exists(autosave->recoveryFile()));  // nothing unsaved, nothing written
    doc.undoStack()->push(new SetTitleCommand(&doc, QStringLiteral("work in progress")));
    autosave->saveNow();
    QVERIFY(QFile::exists(autosave->recoveryFile()));
    // A running editor's session is not offered to another.
    QVERIFY(AutoSave::pending(dir).isEmpty());

    // A crash leaves the files without a live lock: copy them as another session would be left.
    const QString crashed = QDir(dir).filePath(QStringLiteral("crashed"));
    QVERIFY(QFile::copy(autosave->recoveryFile(), crashed + QStringLiteral(".tusk")));
    QVERIFY(
        QFile::copy(autosave->recoveryFile().chopped(5) + QStringLiteral(".json"), crashed + QStringLiteral(".json")));
    const QList<AutoSave::Recovery> pending = AutoSave::pending(dir);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending[0].id, QStringLiteral("crashed"));
    Document recovered;
    QVERIFY(recovered.loadData(readAll(pending[0].projectFile), pending[0].originalFile, QString(), true, nullptr));
    QCOMPARE(recovered.project().title, QStringLiteral("work in progress"));
    QVERIFY(recovered.isModified());
    AutoSave::discard(pending[0], dir);
    QVERIFY(AutoSave::pending(dir).isEmpty());

    // Saving or closing normally leaves nothing to recover.
    QVERIFY(doc.saveFile(m_dir.filePath(QStringLiteral("saved.tusk")), nullptr));
    QVERIFY(!QFile::exists(autosave->recoveryFile()));
    doc.undoStack()->push(new SetTitleCommand(&doc, QStringLiteral("again")));
    autosave->saveNow();
    const QString file = autosave->recoveryFile();
    QVERIFY(QFile::exists(file));
    autosave.reset();
    QVERIFY(!QFile::exists(file));
}

void TestEditor::recentFiles()
{
    QSettings().clear();
    RecentFiles recent;
    for (int i = 0; i < RecentFiles::kMaxFiles + 2; ++i)
        recent.add(m_dir.filePath(QStringLiteral("f%1.tusk").arg(i)));
    QCOMPARE(recent.files().size(), RecentFiles::kMaxFiles);
    QCOMPARE(QFileInfo(recent.files().front()).fileName(), QStringLiteral("f9.tusk"));
    recent.add(m_dir.filePath(QStringLiteral("f5.tusk")));
    QCOMPARE(QFileInfo(recent.files().front()).fileName(), QStringLiteral("f5.tusk"));
    QCOMPARE(recent.files().count(recent.files().front()), 1);
    RecentFiles again;  // kept in the settings
    QCOMPARE(again.files(), recent.files());
    again.remove(m_dir.filePath(QStringLiteral("f5.tusk")));
    QCOMPARE(again.files().size(), RecentFiles::kMaxFiles - 1);
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
