// Python into the editor as a user brings it: the seed tutorial's programs pasted on the canvas
// with Ctrl+V, exactly as printed (comments, Russian and all), then run; a .py file dropped on
// the window or opened with File > Import Python; text that does not import changes nothing
// and says why, line by line.
#include "codeview.h"
#include "consoleview.h"
#include "diagramscene.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "theme.h"
#include "tst_gui_helpers.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

using namespace tusk;
using namespace tusk::testing;

namespace {

// The seed tutorial's two programs, exactly as it prints them (copied verbatim into the import
// conformance programs).
QStringList seedPrograms()
{
    QStringList programs;
    for (const char *name : {"seed-create-task.py", "seed-two-tasks.py"}) {
        QFile f(QStringLiteral(TUSK_SOURCE_DIR "/tests/conformance/python/accepted/") + QLatin1String(name));
        if (f.open(QIODevice::ReadOnly))
            programs << QString::fromUtf8(f.readAll());
    }
    return programs;
}

}  // namespace

class TestGuiImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pastedSeedProgramsRun_data();
    void pastedSeedProgramsRun();
    void pasteBesideExistingCoroutines();
    void pasteThatDoesNotImportChangesNothing();
    void droppedPythonFileImports();

private:
    Document *doc() const { return m_window->document(); }
    QUndoStack *undo() const { return m_window->document()->undoStack(); }
    /// Ctrl+V on the canvas, as the user presses it.
    void pasteText(const QString &text);
    QString runAndWait();
    void answerNextMessageBox(QString *text);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiImport::initTestCase()
{
    isolate("tst_gui_import");
    Language::instance()->setChoice(QStringLiteral("en"));
    Theme::apply(Theme::Mode::Light);
    QCOMPARE(seedPrograms().size(), 2);
}

void TestGuiImport::init()
{
    m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("recovery")));
    m_window->resize(1280, 820);
    QVERIFY(showActive(m_window.get()));
    m_window->action(QStringLiteral("actionSpeedInstant"))->trigger();
}

void TestGuiImport::cleanup()
{
    if (m_window) {
        m_window->outputPanel()->stop();
        undo()->setClean();
        m_window.reset();
    }
}

void TestGuiImport::pasteText(const QString &text)
{
    QApplication::clipboard()->setText(text);
    QTRY_VERIFY(m_window->action(QStringLiteral("actionPaste"))->isEnabled());
    m_window->view()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(m_window->view()->viewport(), Qt::Key_V, Qt::ControlModifier);
}

QString TestGuiImport::runAndWait()
{
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    if (!m_window->outputPanel()->session())
        return QStringLiteral("(the run did not start)");
    if (!QTest::qWaitFor([this] { return !m_window->outputPanel()->isRunning(); }, 20000))
        return QStringLiteral("(the run did not end)");
    return m_window->outputPanel()->view()->toPlainText();
}

void TestGuiImport::answerNextMessageBox(QString *text)
{
    auto *timer = new QTimer(this);
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, this, [timer, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        *text = box->text() + QLatin1Char('\n') + box->informativeText() + QLatin1Char('\n') + box->detailedText();
        QTest::keyClick(box, Qt::Key_Return);
    });
    timer->start();
}

void TestGuiImport::pastedSeedProgramsRun_data()
{
    QTest::addColumn<int>("program");
    QTest::addColumn<QStringList>("coroutines");
    QTest::addColumn<QString>("output");
    QTest::newRow("create_task") << 0 << QStringList {QStringLiteral("my_coroutine"), QStringLiteral("main")}
                                 << QStringLiteral("  0.0 s  Начало выполнения задачи\n  1.0 s  Задача выполнена\n");
    QTest::newRow("two tasks") << 1
                               << QStringList {QStringLiteral("task1"), QStringLiteral("task2"), QStringLiteral("main")}
                               << QStringLiteral("  1.0 s  Задача 1 завершена\n  2.0 s  Задача 2 завершена\n");
}

// A new project's empty main makes way for the pasted one: the diagram is the tutorial's
// program, one undo step, and it prints what the tutorial says when it says it (the second
// program's tasks end together after 2 s, not 3 s).
void TestGuiImport::pastedSeedProgramsRun()
{
    QFETCH(int, program);
    QFETCH(QStringList, coroutines);
    QFETCH(QString, output);
    pasteText(seedPrograms()[program]);
    QStringList names;
    for (const Coroutine &c : doc()->project().coroutines)
        names << c.name;
    QCOMPARE(names, coroutines);
    QCOMPARE(doc()->project().entry, QStringLiteral("main"));
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(undo()->undoText(), QStringLiteral("Paste Python"));
    QVERIFY(doc()->problems().empty());
    // Every node has a place of its own.
    const QPointF first = doc()->position(doc()->project().coroutines[0].id);
    const QPointF second = doc()->position(doc()->project().coroutines[1].id);
    QVERIFY(first != second);

    const QString console = runAndWait();
    QVERIFY2(console.contains(output), qPrintable(console));

    undo()->undo();
    QCOMPARE(doc()->project().coroutines.size(), std::size_t(1));
    QVERIFY(doc()->project().coroutines[0].body.empty());  // the starter's main is back
}

// Beside a main that has steps, a pasted main gets a free name and its calls follow it; the
// project's entry stays.
void TestGuiImport::pasteBesideExistingCoroutines()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const std::size_t before = doc()->project().coroutines.size();
    pasteText(QStringLiteral("import asyncio\n\nasync def task1():\n    print('other task1')\n\n"
                             "async def main():\n    await task1()\n\nasyncio.run(main())\n"));
    QCOMPARE(doc()->project().coroutines.size(), before + 2);
    const Coroutine *main2 = coroutine(doc(), QStringLiteral("main2"));
    QVERIFY(main2);
    QCOMPARE(main2->body[0].call->coroutine, QStringLiteral("task12"));
    QCOMPARE(doc()->project().entry, QStringLiteral("main"));
    QVERIFY(doc()->problems().empty());
    undo()->undo();
    QCOMPARE(doc()->project().coroutines.size(), before);
}

void TestGuiImport::pasteThatDoesNotImportChangesNothing()
{
    QVERIFY(m_window->openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    const Project before = doc()->project();
    QString text;
    answerNextMessageBox(&text);
    pasteText(QStringLiteral("async def main():\n    async with lock:\n        pass\n"));
    QTRY_VERIFY(!text.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("nothing was pasted")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("pasted text:2:5: 'async with' is not supported by Tusk yet")), qPrintable(text));
    QCOMPARE(doc()->project(), before);
    QCOMPARE(undo()->count(), 0);
}

// A .py file dropped on the window becomes a new project, not yet saved; one that does not
// import leaves the open project as it was and lists its problems.
void TestGuiImport::droppedPythonFileImports()
{
    auto drop = [this](const QString &file) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint at = m_window->view()->viewport()->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window->view()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window->view()->viewport(), &dropped);
    };
    const QString good = m_dir.filePath(QStringLiteral("tutorial.py"));
    QFile f(good);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(seedPrograms()[1].toUtf8());
    f.close();
    drop(good);
    QVERIFY(coroutine(doc(), QStringLiteral("task2")));
    QVERIFY(doc()->fileName().isEmpty());
    QCOMPARE(doc()->suggestedFileName(), QStringLiteral("tutorial.tusk"));
    QVERIFY(doc()->isModified());
    QVERIFY2(runAndWait().contains(QStringLiteral("Задача 2 завершена")), "the imported program runs");

    undo()->setClean();
    const Project before = doc()->project();
    const QString bad = m_dir.filePath(QStringLiteral("bad.py"));
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("import asyncio\nimport os\n\nasync def main():\n    await asyncio.sleep({1})\n\n"
            "asyncio.run(main())\n");
    b.close();
    QString text;
    answerNextMessageBox(&text);
    drop(bad);
    QTRY_VERIFY(!text.isEmpty());
    QVERIFY2(text.contains(QStringLiteral("“bad.py” could not be imported")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("bad.py:2:8: the module 'os' is not supported by Tusk yet")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("bad.py:5:25:")), qPrintable(text));
    QCOMPARE(doc()->project(), before);
    // The program waits in the Python panel with both lines marked, to be corrected and applied.
    QVERIFY(m_window->codeView()->isEditing());
    QVERIFY(m_window->codeView()->toPlainText().contains(QStringLiteral("sleep({1})")));
    QCOMPARE(m_window->codeView()->problemLines().keys().size(), 2);
    QVERIFY(m_window->codeView()->problemLines().contains(2));
    QVERIFY(m_window->codeView()->problemLines().contains(5));
}

QTEST_MAIN(TestGuiImport)
#include "tst_gui_import.moc"
