// Each scheduling rule of the spec, as a small program whose expected output was printed by
// CPython 3.11 (tests/engine/runtime/scheduling/make_programs.py writes the programs, their Python twins and
// what CPython printed).

#include "runcapture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace tusk;

namespace {

QString dir()
{
    return QStringLiteral(TUSK_SOURCE_DIR "/tests/engine/runtime/scheduling");
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void addProgramRows()
{
    QTest::addColumn<QString>("base");
    const QStringList files = QDir(dir()).entryList({QStringLiteral("*.tusk")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 15, "the scheduling programs are missing");
    for (const QString &f : files) {
        const QString base = dir() + QLatin1Char('/') + f.chopped(5);
        QTest::newRow(qPrintable(f.chopped(5))) << base;
    }
}

}  // namespace

class TestScheduling : public QObject {
    Q_OBJECT
private slots:
    void matchesCPython_data() { addProgramRows(); }
    void matchesCPython()
    {
        QFETCH(QString, base);
        const test::RunResult r = test::runFile(base + QStringLiteral(".tusk"));
        QVERIFY2(r.loaded, qPrintable(r.loadError));
        QCOMPARE(r.output, readText(base + QStringLiteral(".expected")));
        const QStringList status = readText(base + QStringLiteral(".status")).split(QLatin1Char('\n'));
        const int expectedExit = status.value(0).toInt();
        QCOMPARE(r.outcome == RunOutcome::Failed ? 1 : 0, expectedExit);
        if (expectedExit == 1)
            QCOMPARE(r.errorLine, status.value(1));
    }

    // Cutting steps into tiny slices (as the GUI does to stay responsive) must not change a
    // single line of output.
    void slicingChangesNothing_data() { addProgramRows(); }
    void slicingChangesNothing()
    {
        QFETCH(QString, base);
        const test::RunResult whole = test::runFile(base + QStringLiteral(".tusk"));
        for (std::int64_t budget : {1, 2, 3, 7}) {
            const test::RunResult sliced = test::runFile(base + QStringLiteral(".tusk"), budget);
            QCOMPARE(sliced.output, whole.output);
            QCOMPARE(int(sliced.outcome), int(whole.outcome));
            QCOMPARE(sliced.errorLine, whole.errorLine);
        }
    }

    // The stored outputs are what CPython prints today: re-run the Python twins.
    void expectedOutputsComeFromCPython_data() { addProgramRows(); }
    void expectedOutputsComeFromCPython()
    {
        QFETCH(QString, base);
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is needed to check the expected outputs (scripts/setup.sh installs it)");
        QProcess p;
        p.start(python, {base + QStringLiteral(".py")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), readText(base + QStringLiteral(".expected")));
        QCOMPARE(p.exitCode(), readText(base + QStringLiteral(".status")).split(QLatin1Char('\n')).value(0).toInt());
    }
};

QTEST_GUILESS_MAIN(TestScheduling)
#include "tst_scheduling.moc"
