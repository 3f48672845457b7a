// The importer's mapping, beyond what the conformance programs show: where each item came
// from, fragments pasted into a project, docstrings, titles, and the refusal of anything that
// would change what the program prints.

#include "projectjson.h"
#include "pythonexport.h"
#include "pythonimport.h"

#include <QtTest>

using namespace tusk;

namespace {

PythonImport import(const char *source, const PythonImportOptions &options = {})
{
    return importPython(QByteArray(source), QStringLiteral("demo.py"), options);
}

QString problemsText(const PythonImport &r)
{
    QStringList lines;
    for (const Problem &p : r.problems)
        lines << importProblemLine(QStringLiteral("demo.py"), p);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

class TestPythonImport : public QObject {
    Q_OBJECT
private slots:
    void spansPointAtTheSource()
    {
        const PythonImport r = import("import asyncio\n"
                                      "\n"
                                      "async def worker(n):\n"
                                      "    await asyncio.sleep(n)\n"
                                      "\n"
                                      "async def main():\n"
                                      "    t = asyncio.create_task(worker(1))\n"
                                      "    for i in range(2):\n"
                                      "        print(f\"é {i}\")\n"
                                      "    await t\n"
                                      "\n"
                                      "asyncio.run(main())\n");
        QVERIFY2(r.ok, qPrintable(problemsText(r)));
        QCOMPARE(r.project.entry, QStringLiteral("main"));
        const Coroutine &main = r.project.coroutines[1];
        QCOMPARE(r.spans.value(r.project.coroutines[0].id).line, 3);
        QCOMPARE(r.spans.value(main.id).line, 6);
        QCOMPARE(r.spans.value(main.body[0].id).line, 7);
        QCOMPARE(r.spans.value(main.body[0].id).column, 5);
        const SourceSpan print = r.spans.value(main.body[1].body[0].id);
        QCOMPARE(print.line, 9);
        QCOMPARE(print.column, 9);
        QCOMPARE(print.endColumn, 24);  // characters, not UTF-8 bytes: `é` is one
        QCOMPARE(main.body[1].body[0].text, QStringLiteral("é {i}"));
        QCOMPARE(r.spans.value(main.body[2].id).line, 10);
    }

    void docstringsBecomeDocAndTitle()
    {
        const PythonImport r = import("\"\"\"Two workers\n\nand a longer story.\n\"\"\"\n"
                                      "import asyncio\n"
                                      "async def main():\n"
                                      "    \"\"\"\n    Starts.\n\n      Indented.\n    \"\"\"\n"
                                      "asyncio.run(main())\n");
        QVERIFY2(r.ok, qPrintable(problemsText(r)));
        QCOMPARE(r.project.title, QStringLiteral("Two workers"));
        QCOMPARE(r.project.coroutines[0].doc, QStringLiteral("Starts.\n\n  Indented."));
        QVERIFY(r.project.coroutines[0].body.empty());

        // The export writes it back as a docstring that imports as the same doc.
        const QString script = exportPython(r.project, QStringLiteral("x.tusk"));
        const PythonImport back = importPython(script.toUtf8(), QStringLiteral("x.py"));
        QVERIFY2(back.ok, qPrintable(problemsText(back)));
        QCOMPARE(back.project.coroutines[0].doc, r.project.coroutines[0].doc);
        QCOMPARE(back.project.title, r.project.title);
    }

    // A fragment (text pasted on the canvas) needs no asyncio.run(), and may call the open
    // project's coroutines by keyword.
    void fragmentsMayCallTheProject()
    {
        PythonImportOptions options;
        options.requireEntry = false;
        Coroutine existing;
        existing.name = QStringLiteral("worker");
        existing.params = QStringList {QStringLiteral("label"), QStringLiteral("pause")};
        options.existing.push_back(existing);
        const PythonImport r = import("async def helper():\n"
                                      "    await worker(pause=1, label='x')\n",
            options);
        QVERIFY2(r.ok, qPrintable(problemsText(r)));
        QCOMPARE(r.project.coroutines.size(), std::size_t(1));
        const Step &await = r.project.coroutines[0].body[0];
        QCOMPARE(await.call->coroutine, QStringLiteral("worker"));
        QCOMPARE(await.call->args[0].literal.toString(), QStringLiteral("x"));
        QCOMPARE(await.call->args[1].literal.toInt(), 1);

        const PythonImport whole = import("async def helper():\n    pass\n");
        QVERIFY(!whole.ok);
        QCOMPARE(problemsText(whole),
            QStringLiteral("demo.py:2:1: no asyncio.run(...) call, so the program would run nothing; add "
                           "asyncio.run(helper()) at the end to name the coroutine that starts it"));
    }

    // What looks like a v1 construct but would print something else is refused.
    void lookalikesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("lambda") << QByteArray("print((lambda: 1)())") << QStringLiteral("lambda is not supported");
        QTest::newRow("set") << QByteArray("x = {1, 2}") << QStringLiteral("a set is not supported");
        QTest::newRow("now is reserved") << QByteArray("print(now)") << QStringLiteral("'now' is reserved");
        QTest::newRow("sleep result") << QByteArray("x = await asyncio.sleep(1)")
                                      << QStringLiteral("keeping the result of asyncio.sleep()");
        QTest::newRow("raise from") << QByteArray("raise ValueError('x') from None")
                                    << QStringLiteral("'raise ... from ...' is not supported");
        QTest::newRow("except tuple") << QByteArray(
            "try:\n        pass\n    except (ValueError, RuntimeError):\n        pass")
                                      << QStringLiteral("several types in one 'except'");
        QTest::newRow("unknown exception")
            << QByteArray("raise GeneratorExit()") << QStringLiteral("exception type 'GeneratorExit' is not supported");
        QTest::newRow("attribute target")
            << QByteArray("x.y = 3") << QStringLiteral("assigning to an attribute is not supported");
        QTest::newRow("nested spec") << QByteArray("print(f'{x:>{x}}')")
                                     << QStringLiteral("a field inside a format spec is not supported");
    }

    // What language v1 refused imports as a v2 step, kept as written.
    void version2ConstructsImport_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("field");
        QTest::newRow("print end") << QByteArray("print('a', end='')") << int(StepOp::Expr)
                                   << QStringLiteral("print('a', end='')");
        QTest::newRow("plus with a variable")
            << QByteArray("print('a' + x)") << int(StepOp::Print) << QStringLiteral("{'a' + x}");
        QTest::newRow("KeyError") << QByteArray("raise KeyError('k')") << int(StepOp::Raise) << QStringLiteral("k");
        QTest::newRow("arithmetic") << QByteArray("await asyncio.sleep(2**3)") << int(StepOp::Sleep)
                                    << QStringLiteral("2**3");
        QTest::newRow("range start") << QByteArray("for i in range(1, 3):\n        pass") << int(StepOp::For)
                                     << QStringLiteral("range(1, 3)");
        QTest::newRow("augmented") << QByteArray("x += 2") << int(StepOp::Assign) << QStringLiteral("2");
        QTest::newRow("gather starred") << QByteArray("await asyncio.gather(*x)") << int(StepOp::Gather)
                                        << QStringLiteral("x");
    }

    void version2ConstructsImport()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, op);
        QFETCH(QString, field);
        const QByteArray source
            = "import asyncio\nasync def main():\n    x = 1\n    " + body + "\nasyncio.run(main())\n";
        const PythonImport r = importPython(source, QStringLiteral("demo.py"));
        QVERIFY2(r.ok, qPrintable(problemsText(r)));
        const Step &s = r.project.coroutines[0].body[1];
        QCOMPARE(int(s.op), op);
        QString shown;
        if (s.op == StepOp::Print)
            shown = s.text;
        else if (s.op == StepOp::Raise)
            shown = s.message ? s.message->literal.toString() : QString();
        else if (s.op == StepOp::Sleep)
            shown = s.seconds ? s.seconds->source() : QString();
        else if (s.op == StepOp::For)
            shown = s.iter ? s.iter->source() : QString();
        else if (s.op == StepOp::Assign)
            shown = s.value ? s.value->source() : QString();
        else if (s.op == StepOp::Gather)
            shown = s.items.at(0).starred ? s.items.at(0).expr : QString();
        else if (s.value)
            shown = s.value->source();
        QCOMPARE(shown, field);
    }

    void lookalikesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const QByteArray source
            = "import asyncio\nasync def main():\n    x = None\n    " + body + "\nasyncio.run(main())\n";
        const PythonImport r = importPython(source, QStringLiteral("demo.py"));
        QVERIFY(!r.ok);
        QVERIFY2(problemsText(r).contains(problem), qPrintable(problemsText(r)));
        QVERIFY(r.project.coroutines.empty());  // never half-imported
    }

    void syntaxErrorsAsCPythonReportsThem()
    {
        const PythonImport r = import("async def main():\n    await\n");
        QVERIFY(!r.ok);
        QCOMPARE(problemsText(r),
            QStringLiteral("demo.py:2:10: SyntaxError: invalid syntax (Python cannot run the program either: "
                           "correct the line)"));
        const PythonImport indent = import("async def main():\nprint(1)\n");
        QVERIFY(problemsText(indent).startsWith(
            QStringLiteral("demo.py:2:1: IndentationError: expected an indented block")));
    }
};

QTEST_GUILESS_MAIN(TestPythonImport)
#include "tst_pythonimport.moc"
