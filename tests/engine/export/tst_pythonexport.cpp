// exportPython(): the script must be valid Python 3.11 for any project text, and CPython running
// it must print what Tusk prints. Each round trip exports a project, runs the script with
// python3 (plain asyncio.run, real clock) and compares standard output byte for byte with the
// engine's own run, plus the exit status and the traceback's last line.
#include "compiler.h"
#include "eventloop.h"
#include "projectjson.h"
#include "pyformat.h"
#include "pythonexport.h"
#include "virtualrunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <string_view>

using namespace tusk;
using namespace std::string_view_literals;

namespace {

struct Outcome {
    QByteArray out;  ///< standard output, UTF-8
    int status = -1;  ///< 0 finished, 1 an exception escaped the entry coroutine
    QString errorLine;
};

class Collector final : public RunObserver {
public:
    void onRunEvent(const RunEvent &e) override
    {
        if (e.kind == RunEvent::Kind::Printed)
            out += e.text.toUtf8() + '\n';
        else if (e.kind == RunEvent::Kind::Error)
            error = e.text;
    }
    QByteArray out;
    QString error;
};

Project load(const QByteArray &json)
{
    Project p;
    Problems problems;
    if (!loadProject(json, &p, &problems)) {
        for (const Problem &pr : problems)
            qWarning("%s", qPrintable(pr.toString()));
    }
    return p;
}

Outcome runTusk(const Project &project)
{
    auto program = std::make_shared<Program>();
    Problems problems;
    if (!compileProject(project, program.get(), &problems))
        return {};
    EventLoop loop(program);
    Collector c;
    loop.addObserver(&c);
    const RunOutcome o = runVirtual(loop);
    Outcome r;
    r.out = c.out;
    r.status = o == RunOutcome::Completed ? 0 : o == RunOutcome::Failed ? 1 : 3;
    r.errorLine = c.error.split(QLatin1Char('\n')).constLast();
    return r;
}

/// Text with NULs and lone surrogates, as written in a u"" literal.
QString u16(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), qsizetype(s.size()));
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.constLast());
}

/// A python3 child running `script`, as a user runs an exported file.
class PythonRun {
public:
    PythonRun(const QString &python, const QString &script)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The UTF-8 stdout of a UTF-8 locale, strict about lone surrogates (the C locale would
        // pick surrogateescape).
        env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        env.remove(QStringLiteral("PYTHONASYNCIODEBUG"));
        m_process.setProcessEnvironment(env);
        m_process.start(python, {script});
    }
    Outcome wait()
    {
        Outcome r;
        if (!m_process.waitForFinished(120000)) {
            m_process.kill();
            return r;
        }
        r.out = m_process.readAllStandardOutput();
        r.status = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
        m_stderr = m_process.readAllStandardError();
        r.errorLine = lastLine(m_stderr);
        return r;
    }
    const QByteArray &stderrText() const { return m_stderr; }

private:
    QProcess m_process;
    QByteArray m_stderr;
};

}  // namespace

class TestPythonExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lineMapNamesEveryItem();
    void literalEvaluatesToText_data();
    void literalEvaluatesToText();
    void literalIsReadable();
    void scriptShape();
    void longGatherOneArgumentPerLine();
    void helpersOnlyWhenNeeded();
    void roundTrip_data();
    void roundTrip();
    void examplesPrintWhatTuskPrints();

private:
    /// Exports, runs with python3 and compares with the engine; fails the test on a difference.
    void checkRoundTrip(const QByteArray &json);
    QString writeScript(const QString &name, const QString &text);

    QString m_python;
    QTemporaryDir m_dir;
};

namespace {
// What scriptShape() expects, kept out of the macro (moc and raw strings do not mix).
const char kTwoTasksScript[] = R"py("""Two tasks

Exported from Tusk (two.tusk).
"""

import asyncio

_T0 = None  # loop time when main() started


def _now():
    """Seconds since main() started: Tusk's `now`."""
    return asyncio.get_running_loop().time() - _T0


async def worker(label, seconds):
    await asyncio.sleep(seconds)
    print(f"{label} done at {_now():.1f}s")
    return label


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(worker("a", 0.5), name="first")
    for _ in range(2):
        await asyncio.sleep(0)
    try:
        r = await t
    except asyncio.CancelledError as e:
        raise
    finally:
        pass
    all = await asyncio.gather(t, worker("b", 1), return_exceptions=True)
    t.cancel("late")
    print(f"{r!r} {all} {{done}}")


if __name__ == "__main__":
    asyncio.run(main())
)py";
}  // namespace

void TestPythonExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3.11"));
    if (m_python.isEmpty())
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    // Not a skip: CPython is the judge, and scripts/setup.sh installs it.
    if (m_python.isEmpty())
        QFAIL("python3 (CPython 3.11) is missing: the exported scripts cannot be checked. Install python3.");
    QProcess p;
    p.start(m_python, {QStringLiteral("-c"), QStringLiteral("import sys; print('%d.%d' % sys.version_info[:2])")});
    QVERIFY(p.waitForFinished(30000));
    const QByteArray version = p.readAllStandardOutput().trimmed();
    if (version != "3.11")
        QFAIL(qPrintable(QStringLiteral("%1 is Python %2; Tusk's reference is CPython 3.11")
                             .arg(m_python, QString::fromLatin1(version))));
}

QString TestPythonExport::writeScript(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

void TestPythonExport::literalEvaluatesToText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("quotes") << QStringLiteral("\"double\" 'single' \"\"\"triple\"\"\" '''three'''");
    QTest::newRow("backslashes") << QStringLiteral("\\ \\\\ \\n \\x41 \\N{BULLET} \\u0041 ends with \\");
    QTest::newRow("braces") << QStringLiteral("{ } {{ }} {x} {x!r}");
    QTest::newRow("newlines") << QStringLiteral("a\nb\r\nc\rd");
    QTest::newRow("NUL and controls") << u16(u"\u0000\u0001\u0007\b\t\u000b\f\u001b\u001f\u007f"sv);
    QTest::newRow("C1 and separators") << u16(u"\u0085\u0080\u009f\u00a0\u2028\u2029\u3000"sv);
    QTest::newRow("bidi and format") << u16(u"\u202eevil\u202c \u200b\u200d\ufeff\u2066x\u2069"sv);
    QTest::newRow("RTL letters") << u16(u"\u05e2\u05d1\u05e8\u05d9\u05ea \u0645\u0631\u062d\u0628\u0627"sv);
    QTest::newRow("emoji") << u16(
        u"\U0001F600 \U0001F44D\U0001F3FD \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1EB\U0001F1F7"sv);
    QTest::newRow("combining") << u16(u"e\u0301 \u0301 starts with a mark"sv);
    QTest::newRow("lone surrogates") << u16(u"\xd800 \xdc80\xdfff \xdbff!"sv);
    QTest::newRow("private and unassigned") << u16(u"\ue000 \U000F0000 \u0378 \U0010FFFF"sv);
}

void TestPythonExport::literalEvaluatesToText()
{
    // Python evaluates the literal; its repr must be exactly Tusk's repr of the original text.
    QFETCH(QString, text);
    const QString literal = pythonStringLiteral(text);
    const QString script = writeScript(
        QStringLiteral("literal.py"), QStringLiteral("import sys\nsys.stdout.write(ascii(%1))\n").arg(literal));
    PythonRun run(m_python, script);
    const Outcome o = run.wait();
    QVERIFY2(o.status == 0, run.stderrText().constData());
    QCOMPARE(QString::fromUtf8(o.out), pyAscii(Value::string(text)));
}

void TestPythonExport::literalIsReadable()
{
    // Printable text stays as it is; what could hide or break the source is escaped.
    QCOMPARE(pythonStringLiteral(QStringLiteral("Задача выполнена 😀")), QStringLiteral("\"Задача выполнена 😀\""));
    QCOMPARE(pythonStringLiteral(QStringLiteral("say \"hi\"\n")), QStringLiteral("\"say \\\"hi\\\"\\n\""));
    QCOMPARE(pythonStringLiteral(QStringLiteral("{x}")), QStringLiteral("\"{x}\""));
    QCOMPARE(pythonStringLiteral(u16(u"\u0000\u202e\xd800\U000F0000"sv)),
        QStringLiteral("\"\\x00\\u202e\\ud800\\U000f0000\""));
}

// A gather line longer than 99 characters gets one argument per line, as black writes it; a
// comma inside an argument's string does not split it.
void TestPythonExport::longGatherOneArgumentPerLine()
{
    const Project p = load(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
      {"name": "fetch", "params": ["label"], "body": [{"op": "return", "value": {"var": "label"}}]},
      {"name": "main", "body": [
        {"op": "gather", "items": [{"call": {"coroutine": "fetch", "args": ["first, with a comma"]}},
          {"call": {"coroutine": "fetch", "args": ["second"]}}, {"call": {"coroutine": "fetch", "args": ["third one"]}}],
         "return_exceptions": true, "as": "results"},
        {"op": "gather", "items": [{"call": {"coroutine": "fetch", "args": ["short"]}}], "as": "one"}]}]})");
    const QString script = exportPython(p);
    QVERIFY2(script.contains(QStringLiteral("    results = await asyncio.gather(\n"
                                            "        fetch(\"first, with a comma\"),\n"
                                            "        fetch(\"second\"),\n"
                                            "        fetch(\"third one\"),\n"
                                            "        return_exceptions=True,\n"
                                            "    )\n")),
        qPrintable(script));
    QVERIFY2(script.contains(QStringLiteral("    one = await asyncio.gather(fetch(\"short\"))\n")), qPrintable(script));
}

void TestPythonExport::scriptShape()
{
    const Project p = load(R"({"format": "tusk", "version": 1, "title": "Two tasks", "entry": "main",
      "coroutines": [
        {"name": "worker", "params": ["label", "seconds"], "body": [
          {"op": "sleep", "seconds": {"var": "seconds"}},
          {"op": "print", "text": "{label} done at {now:.1f}s"},
          {"op": "return", "value": {"var": "label"}}]},
        {"name": "main", "body": [
          {"op": "create_task", "call": {"coroutine": "worker", "args": ["a", 0.5]}, "as": "t", "name": "first"},
          {"op": "repeat", "times": 2, "body": [{"op": "sleep", "seconds": 0}]},
          {"op": "try", "body": [{"op": "await", "task": "t", "as": "r"}],
           "except": [{"type": "CancelledError", "as": "e", "body": [{"op": "raise"}]}],
           "finally": []},
          {"op": "gather", "items": [{"task": "t"}, {"call": {"coroutine": "worker", "args": ["b", 1]}}],
           "return_exceptions": true, "as": "all"},
          {"op": "cancel", "task": "t", "message": "late"},
          {"op": "print", "text": "{r!r} {all} {{done}}"}]}]})");
    QCOMPARE(exportPython(p, QStringLiteral("two.tusk")), QString::fromUtf8(kTwoTasksScript));
}

void TestPythonExport::helpersOnlyWhenNeeded()
{
    // No `now`: no clock helper. Names that would hide what the script needs get it anyway.
    const Project plain = load(R"({"format": "tusk", "version": 1, "title": "", "entry": "main",
      "coroutines": [{"name": "main", "body": [{"op": "print", "text": "hi"}, {"op": "print", "text": ""}]}]})");
    const QString s = exportPython(plain);
    QVERIFY(!s.contains(QStringLiteral("_now")));
    QVERIFY(!s.contains(QStringLiteral("_T0")));
    QVERIFY(s.startsWith(QStringLiteral("\"\"\"Exported from Tusk.\n\"\"\"\n")));
    QVERIFY(s.contains(QStringLiteral("    print(\"hi\")\n    print()\n")));

    const Project clash = load(R"({"format": "tusk", "version": 1, "title": "", "entry": "main",
      "coroutines": [
        {"name": "range", "params": ["ValueError", "_now", "_T0"], "body": [
          {"op": "repeat", "times": 1, "body": [{"op": "print", "text": "{now} {_now} {_T0}"}]},
          {"op": "raise", "type": "ValueError", "message": {"var": "ValueError"}}]},
        {"name": "main", "body": [{"op": "repeat", "times": 1, "var": "_", "body": [
          {"op": "await", "call": {"coroutine": "range", "args": [1, 2, 3]}}]}]}]})");
    const QString c = exportPython(clash);
    QVERIFY(c.contains(QStringLiteral("import builtins\n")));
    QVERIFY(c.contains(QStringLiteral("for __ in builtins.range(1):")));
    QVERIFY(c.contains(QStringLiteral("raise builtins.ValueError(ValueError)")));
    QVERIFY(c.contains(QStringLiteral("def _now_():")));
    QVERIFY(c.contains(QStringLiteral("{_now_()} {_now} {_T0}")));
}

void TestPythonExport::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    auto program = [](const char *name, const QByteArray &coroutines) {
        QTest::newRow(name)
            << (QByteArray(R"({"format": "tusk", "version": 1, "title": "round trip", "entry": "main", "coroutines": )")
                   + coroutines + "}");
    };
    // Literal text in templates: everything that could end, escape or corrupt a literal.
    program("hostile template text", R"([{"name": "main", "body": [
        {"op": "print", "text": "quotes \" ' \"\"\" ''' and \\\" end\\"},
        {"op": "print", "text": "backslashes \\ \\\\ \\n \\t \\x41 \\N{{BULLET}} \\{{x}} \\"},
        {"op": "print", "text": "braces {{ }} {{{{ }}}} {{x}} {{now}}"},
        {"op": "print", "text": "newline\nin the middle\r\nand\rcarriage"},
        {"op": "print", "text": "NUL\u0000 BEL\u0007 ESC\u001b DEL\u007f C1\u0085\u009f"},
        {"op": "print", "text": "separators\u2028\u2029 nbsp\u00a0 bom\ufeff"},
        {"op": "print", "text": "bidi \u202egnirts\u202c isolates \u2067x\u2069 zwj \u200d"},
        {"op": "print", "text": "RTL \u05e2\u05d1\u05e8\u05d9\u05ea \u0645\u0631\u062d\u0628\u0627 mixed"},
        {"op": "print", "text": "emoji \ud83d\ude00 \ud83d\udc4d\ud83c\udffd \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67"},
        {"op": "print", "text": "combining e\u0301 \u0301"},
        {"op": "print", "text": ""}]}])");
    // The same texts as values: arguments printed with str, repr and ascii, and as messages.
    program("hostile values", R"([
      {"name": "show", "params": ["v"], "body": [
        {"op": "print", "text": "[{v}] [{v!r}] [{v!a}] [{v!r:>30}] [{v=}] [\\{v}\\] [{{{v!r}}}]"},
        {"op": "try", "body": [{"op": "raise", "type": "ValueError", "message": {"var": "v"}}],
         "except": [{"type": "ValueError", "as": "e", "body": [{"op": "print", "text": "{e!r} {e}"}]}]}]},
      {"name": "main", "body": [
        {"op": "await", "call": {"coroutine": "show", "args": ["\"\"\" ''' \\ {x} {{ }}"]}},
        {"op": "await", "call": {"coroutine": "show", "args": ["nul\u0000 tab\t nl\n cr\r del\u007f"]}},
        {"op": "await", "call": {"coroutine": "show", "args": ["\u202e\u2028\ufeff\u00ad"]}},
        {"op": "await", "call": {"coroutine": "show", "args": ["\u05e9\u05dc\u05d5\u05dd \ud83d\ude00 e\u0301"]}},
        {"op": "await", "call": {"coroutine": "show", "args": [1e-05]}},
        {"op": "await", "call": {"coroutine": "show", "args": [-0.0]}},
        {"op": "await", "call": {"coroutine": "show", "args": [null]}},
        {"op": "await", "call": {"coroutine": "show", "args": [true]}},
        {"op": "await", "call": {"coroutine": "show", "args": [-9223372036854775808]}}]}])");
    // Lone surrogates: repr escapes them; printing one raises UnicodeEncodeError in both.
    program("lone surrogates", R"([
      {"name": "show", "params": ["v"], "body": [
        {"op": "print", "text": "{v!r} {v!a}"},
        {"op": "try", "body": [{"op": "print", "text": "raw {v}"}],
         "except": [{"type": "ValueError", "as": "e", "body": [{"op": "print", "text": "{e!r}"}, {"op": "print", "text": "{e}"}]}]}]},
      {"name": "main", "body": [
        {"op": "await", "call": {"coroutine": "show", "args": ["\ud800"]}},
        {"op": "await", "call": {"coroutine": "show", "args": ["a\udc80\udfffb\ud800"]}},
        {"op": "await", "call": {"coroutine": "show", "args": ["\ud83d\ude00\udbff"]}},
        {"op": "print", "text": "in the template \udc00 itself"}]}])");
    // Specs with quotes, backslashes or control characters cannot stay inside an f-string.
    program("format specs the f-string cannot hold", R"([
      {"name": "show", "params": ["s", "n"], "body": [
        {"op": "print", "text": "[{s:\">7}] [{s:\\^7}] [{s!r:'<9}] [{n:\t>5}] [{n:\n^5}]"},
        {"op": "print", "text": "[{n:\"=+8.2f}] [{s:\u202e>4}] [{now:\">6.1f}] [{s:\u0000<3}]"}]},
      {"name": "main", "body": [{"op": "await", "call": {"coroutine": "show", "args": ["ab", 3.5]}}]}])");
    // Names that hide builtins and helpers the script uses.
    program("names hiding builtins and helpers", R"([
      {"name": "main", "body": [
        {"op": "await", "call": {"coroutine": "builtins", "args": [2, "x", 0]}, "as": "range"},
        {"op": "print", "text": "{range} at {now:.1f}"},
        {"op": "await", "call": {"coroutine": "_now"}, "as": "_T0"},
        {"op": "print", "text": "{_T0!r} at {now:.1f}"}]},
      {"name": "builtins", "params": ["range", "str", "_"], "body": [
        {"op": "repeat", "times": {"var": "range"}, "body": [{"op": "print", "text": "{str} {_}"}]},
        {"op": "repeat", "times": 1, "var": "format", "body": [{"op": "print", "text": "{format:\">3}"}]},
        {"op": "try", "body": [{"op": "raise", "type": "TimeoutError", "message": {"var": "str"}}],
         "except": [{"type": "Exception", "as": "Exception", "body": [{"op": "print", "text": "{Exception!r}"}]}]},
        {"op": "return", "value": {"var": "range"}}]},
      {"name": "_now", "body": [{"op": "return", "value": "helper"}]}])");
    // The entry coroutine awaited again (from tasks): only asyncio.run()'s call starts the clock,
    // so main still prints 0.1 when the third nested call started at 0.1 s.
    program("entry awaited again", R"([
      {"name": "main", "body": [
        {"op": "create_task", "call": {"coroutine": "again"}, "as": "t"},
        {"op": "sleep", "seconds": 0.12},
        {"op": "cancel", "task": "t"},
        {"op": "print", "text": "main at {now:.1f}"}]},
      {"name": "again", "body": [
        {"op": "sleep", "seconds": 0.05},
        {"op": "await", "call": {"coroutine": "main"}}]}])");
    // Unbounded direct awaits: RecursionError, at the same depth (only the last line compared).
    program("recursion", R"([{"name": "main", "body": [{"op": "await", "call": {"coroutine": "main"}}]}])");
    // Errors leaving the entry coroutine: exit status 1 and the same last line.
    program("error leaves the entry", R"([
      {"name": "main", "body": [
        {"op": "print", "text": "before"},
        {"op": "raise", "type": "CancelledError", "message": "bye \"now\"\nsecond line"}]}])");
    program("unbound local", R"([
      {"name": "main", "body": [
        {"op": "repeat", "times": 0, "var": "i", "body": []},
        {"op": "print", "text": "{i}"}]}])");
    program("lone surrogate escapes the entry", R"([
      {"name": "main", "body": [{"op": "print", "text": "x\ud800y"}]}])");
}

void TestPythonExport::roundTrip()
{
    QFETCH(QByteArray, json);
    checkRoundTrip(json);
}

void TestPythonExport::checkRoundTrip(const QByteArray &json)
{
    Project project;
    Problems problems;
    QVERIFY2(
        loadProject(json, &project, &problems), qPrintable(problems.empty() ? QString() : problems.front().toString()));
    const Outcome tusk = runTusk(project);
    QVERIFY(tusk.status == 0 || tusk.status == 1);
    const QString script
        = writeScript(QStringLiteral("roundtrip.py"), exportPython(project, QStringLiteral("roundtrip.tusk")));
    PythonRun run(m_python, script);
    const Outcome python = run.wait();
    if (python.status != tusk.status || python.out != tusk.out)
        qWarning("script:\n%s\npython3 stderr:\n%s", qPrintable(exportPython(project)), run.stderrText().constData());
    QCOMPARE(QString::fromUtf8(python.out), QString::fromUtf8(tusk.out));
    QCOMPARE(python.out, tusk.out);  // byte for byte
    QCOMPARE(python.status, tusk.status);
    if (tusk.status == 1)
        QCOMPARE(python.errorLine, tusk.errorLine);
}

void TestPythonExport::examplesPrintWhatTuskPrints()
{
    // Every example, exported, run by plain python3 on the real clock (in parallel: they sleep).
    const QDir examples(QStringLiteral(TUSK_SOURCE_DIR "/resources/examples"));
    const QStringList files = examples.entryList({QStringLiteral("*.tusk")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    std::vector<std::unique_ptr<PythonRun>> runs;
    std::vector<Outcome> expected;
    for (const QString &file : files) {
        Project project;
        Problems problems;
        QVERIFY2(loadProjectFile(examples.filePath(file), &project, &problems), qPrintable(file));
        expected.push_back(runTusk(project));
        const QString script = writeScript(file + QStringLiteral(".py"), exportPython(project, file));
        runs.push_back(std::make_unique<PythonRun>(m_python, script));
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Outcome python = runs[i]->wait();
        const QByteArray what = files[qsizetype(i)].toUtf8();
        QVERIFY2(python.status == expected[i].status, what.constData());
        QVERIFY2(python.out == expected[i].out,
            (what + ":\n--- python3\n" + python.out + "--- tusk\n" + expected[i].out).constData());
    }
}

// The code view selects a row's line and marks a task's line from this map.
void TestPythonExport::lineMapNamesEveryItem()
{
    Project project;
    Problems problems;
    QVERIFY(loadProjectFile(
        QStringLiteral(TUSK_SOURCE_DIR "/resources/examples/04-cancel-a-task.tusk"), &project, &problems));
    ExportLineMap map;
    const QString script = exportPython(project, QStringLiteral("x.tusk"), &map);
    QCOMPARE(script, exportPython(project, QStringLiteral("x.tusk")));
    const QStringList lines = script.split(QLatin1Char('\n'));
    QCOMPARE(map.itemAtLine.size(), std::size_t(lines.size() - 1));  // the text ends with a newline
    auto lineOf = [&](ItemId id) { return lines.value(map.linesOf.value(id).first - 1).trimmed(); };
    QCOMPARE(lineOf(project.coroutines[0].id), QStringLiteral("async def slow_job():"));
    const Coroutine &main = project.coroutines[1];
    QCOMPARE(lineOf(main.body[0].id), QStringLiteral("job = asyncio.create_task(slow_job(), name=\"slow-job\")"));
    QCOMPARE(lineOf(main.body[3].id), QStringLiteral("job.cancel(\"taking too long\")"));
    // A try step spans its `try:` to its last `except` line; its body's steps have lines of their own.
    const Step &tryStep = main.body[5];
    QCOMPARE(lineOf(tryStep.id), QStringLiteral("try:"));
    QCOMPARE(lineOf(tryStep.body[0].id), QStringLiteral("await job"));
    const auto [first, last] = map.linesOf.value(tryStep.id);
    QCOMPARE(lines[last - 1].trimmed(), QStringLiteral("except asyncio.CancelledError as e:"));
    QCOMPARE(map.itemAtLine[std::size_t(first)], tryStep.body[0].id);
    // Lines of the script's own (imports, the clock helper) belong to no item.
    QCOMPARE(map.itemAtLine[std::size_t(lines.indexOf(QStringLiteral("import asyncio")))], kNoId);
}

QTEST_GUILESS_MAIN(TestPythonExport)
#include "tst_pythonexport.moc"
