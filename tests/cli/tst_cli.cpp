// The `tusk` command line, run as a user runs it: output, standard error and exit status.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QString out;
    QString err;
};

Result tusk(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));  // the command line needs no display
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));  // would fail if a display were opened
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TUSK_BINARY_DIR "/gui/tusk"), args);
    Result r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString example(const char *name)
{
    return QStringLiteral(TUSK_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
}

QString writeFile(QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    // `tusk export FILE -o OUT` writes what OUT's extension names: Python, or the diagram as
    // PNG or SVG (drawn without a display); anything else is refused, and nothing is written.
    void exportPicksTheFormatByExtension()
    {
        QTemporaryDir dir;
        const QString project = example("02-two-tasks.tusk");
        const QString py = dir.filePath(QStringLiteral("two.py"));
        Result r = tusk({QStringLiteral("export"), project, QStringLiteral("-o"), py});
        QCOMPARE(r.exitCode, 0);
        QFile script(py);
        QVERIFY(script.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(script.readAll()), tusk({QStringLiteral("export"), project}).out);

        const QString png = dir.filePath(QStringLiteral("two.png"));
        r = tusk({QStringLiteral("export"), project, QStringLiteral("-o"), png});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QFile image(png);
        QVERIFY(image.open(QIODevice::ReadOnly));
        const QByteArray bytes = image.readAll();
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY2(bytes.size() > 10000, qPrintable(QString::number(bytes.size())));  // the nodes are drawn

        const QString svg = dir.filePath(QStringLiteral("two.SVG"));
        r = tusk({QStringLiteral("export"), project, QStringLiteral("-o"), svg});
        QCOMPARE(r.exitCode, 0);
        QFile drawing(svg);
        QVERIFY(drawing.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(drawing.readAll());
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY(text.contains(QStringLiteral("task1")));

        const QString txt = dir.filePath(QStringLiteral("two.txt"));
        r = tusk({QStringLiteral("export"), project, QStringLiteral("-o"), txt});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("name it .py (Python), .png or .svg")), qPrintable(r.err));
        QVERIFY(!QFile::exists(txt));

        // A bad project is reported as for Python, and no image is left behind.
        const QString bad = writeFile(dir, QStringLiteral("bad.tusk"), "{\"format\": \"tusk\"");
        r = tusk({QStringLiteral("export"), bad, QStringLiteral("-o"), dir.filePath(QStringLiteral("bad.png"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("bad.png"))));
    }

    void runsTheSeedExamples()
    {
        Result r = tusk({QStringLiteral("run"), example("01-create-task.tusk")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Начало выполнения задачи\nЗадача выполнена\n"));
        QCOMPARE(r.err, QString());
        r = tusk({QStringLiteral("run"), example("02-two-tasks.tusk")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Задача 1 завершена\nЗадача 2 завершена\n"));
    }

    void realClockRun()
    {
        const Result r = tusk(
            {QStringLiteral("run"), example("02-two-tasks.tusk"), QStringLiteral("--speed"), QStringLiteral("20")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Задача 1 завершена\nЗадача 2 завершена\n"));
    }

    void uncaughtErrorEndsWithTheTracebackLine()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("boom.tusk"), R"({"format": "tusk", "version": 1,
          "entry": "main", "coroutines": [{"name": "main", "body": [
            {"op": "print", "text": "before"}, {"op": "raise", "type": "ValueError", "message": "boom"}]}]})");
        const Result r = tusk({QStringLiteral("run"), file});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("before\n"));
        QVERIFY(r.err.endsWith(QStringLiteral("ValueError: boom\n")));
    }

    void invalidFilesExitWithStatus2_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("syntax") << QByteArray("{\"format\": \"tusk\",\n  \"version\": 1,,\n}")
                                << QStringLiteral(":2:16:");
        QTest::newRow("not tusk") << QByteArray(R"({"format": "zip", "version": 1, "entry": "main", "coroutines": []})")
                                  << QStringLiteral("format");
        QTest::newRow("newer version") << QByteArray(
            R"({"format": "tusk", "version": 9, "entry": "main", "coroutines": []})")
                                       << QStringLiteral("newer");
        QTest::newRow("bad seconds") << QByteArray(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
                 {"name": "main", "body": [{"op": "sleep", "seconds": [1]}]}]})")
                                     << QStringLiteral("coroutines[0].body[0].seconds");
        QTest::newRow("unknown coroutine")
            << QByteArray(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
                 {"name": "main", "body": [{"op": "await", "call": {"coroutine": "nope"}}]}]})")
            << QStringLiteral("nope");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral(":1:1:");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << QStringLiteral("UTF-8");
    }
    void invalidFilesExitWithStatus2()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("bad.tusk"), content);
        const Result r = tusk({QStringLiteral("run"), file});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);  // one line
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(file), qPrintable(r.err));
    }

    void missingFile()
    {
        const Result r = tusk({QStringLiteral("run"), QStringLiteral("/nonexistent/x.tusk")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("/nonexistent/x.tusk")));
    }

    void checkListsEveryProblem()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, QStringLiteral("two.tusk"), R"({"format": "tusk", "version": 1,
          "entry": "main", "coroutines": [{"name": "main", "body": [
            {"op": "await", "task": "ghost"}, {"op": "cancel", "task": "nobody"}]}]})");
        Result r = tusk({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.count(QLatin1Char('\n')) >= 2, qPrintable(r.err));
        r = tusk({QStringLiteral("check"), example("07-worker-loop.tusk")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("valid")));
    }

    void editorWithoutDisplaySaysWhatToDo()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TUSK_BINARY_DIR "/gui/tusk"), {example("01-create-task.tusk")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);  // no abort from a missing platform plugin
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(err.contains(QStringLiteral("no display")));
        QVERIFY(err.contains(QStringLiteral("xvfb-run")));
        QVERIFY(err.contains(QStringLiteral("tusk run FILE")));
    }

    void helpVersionAndUsageErrors()
    {
        Result r = tusk({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("tusk run FILE")));
        r = tusk({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("tusk ")));
        r = tusk({QStringLiteral("run")});
        QCOMPARE(r.exitCode, 2);
        r = tusk(
            {QStringLiteral("run"), example("01-create-task.tusk"), QStringLiteral("--speed"), QStringLiteral("fast")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--speed")));
        r = tusk({QStringLiteral("run"), example("01-create-task.tusk"), QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
