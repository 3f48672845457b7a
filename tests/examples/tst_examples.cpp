// Every bundled example prints what CPython prints for its Python twin (tests/examples/*.py).

#include "runcapture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace tusk;

namespace {
QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
}  // namespace

class TestExamples : public QObject {
    Q_OBJECT
private slots:
    void examples_data()
    {
        QTest::addColumn<QString>("stem");
        const QStringList files = QDir(QStringLiteral(TUSK_SOURCE_DIR "/resources/examples"))
                                      .entryList({QStringLiteral("*.tusk")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 8);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(5);
    }

    void examples()
    {
        QFETCH(QString, stem);
        const QString expected
            = readText(QStringLiteral(TUSK_SOURCE_DIR "/tests/examples/") + stem + QStringLiteral(".expected"));
        QVERIFY2(!expected.isEmpty(), "each example needs its CPython output in tests/examples");
        const test::RunResult r
            = test::runFile(QStringLiteral(TUSK_SOURCE_DIR "/resources/examples/") + stem + QStringLiteral(".tusk"));
        QVERIFY2(r.loaded, qPrintable(r.loadError));
        QCOMPARE(r.outcome, RunOutcome::Completed);
        QCOMPARE(r.output, expected);
    }

    void examples_python_data() { examples_data(); }
    void examples_python()
    {
        QFETCH(QString, stem);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is needed (scripts/setup.sh installs it)");
        QProcess p;
        p.start(python, {QStringLiteral(TUSK_SOURCE_DIR "/tests/examples/") + stem + QStringLiteral(".py")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()),
            readText(QStringLiteral(TUSK_SOURCE_DIR "/tests/examples/") + stem + QStringLiteral(".expected")));
    }
};

QTEST_GUILESS_MAIN(TestExamples)
#include "tst_examples.moc"
