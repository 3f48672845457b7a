// validateProject() and isValidName(): the semantic rules a Python equivalent imposes.
#include "projectjson.h"
#include "validator.h"

#include <QTest>

using namespace tusk;

class TestValidator : public QObject {
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void problems_data();
    void problems();
    void validProjects_data();
    void validProjects();
    void problemIds();
    void modelBuiltInCode();
};

namespace {

// `worker(a, b)` and `one(x)` and `none()` exist besides `main`.
const char kHelpers[] = R"(, {"name": "worker", "params": ["a", "b"], "body": []},
    {"name": "one", "params": ["x"], "body": []}, {"name": "none", "body": []})";

QByteArray withMain(const QByteArray &steps, const QByteArray &params = "[]")
{
    return QByteArray(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [)")
        + R"({"name": "main", "params": )" + params + R"(, "body": [)" + steps + "]}" + kHelpers + "]}";
}

QByteArray withCoroutines(const QByteArray &coroutines, const char *entry = "main")
{
    return QByteArray(R"({"format": "tusk", "version": 1, "entry": ")") + entry + R"(", "coroutines": [)" + coroutines
        + "]}";
}

Project structure(const QByteArray &json)
{
    Project p;
    Problems problems;
    if (!loadProjectStructure(json, &p, &problems)) {
        for (const Problem &problem : problems)
            qWarning("structural problem: %s", qPrintable(problem.toString()));
    }
    return p;
}

QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

void TestValidator::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    auto row = [](const char *tag, const QString &name, bool valid) { QTest::newRow(tag) << name << valid; };
    row("x", QStringLiteral("x"), true);
    row("underscore", QStringLiteral("_"), true);
    row("_a1", QStringLiteral("_a1"), true);
    row("cyrillic", QString::fromUtf8("задача"), true);
    row("composed e acute", QString::fromUtf8("caf\xc3\xa9"), true);
    row("soft keyword match", QStringLiteral("match"), true);
    row("soft keyword case", QStringLiteral("case"), true);
    row("type", QStringLiteral("type"), true);
    row("middle dot continues",
        QString::fromUtf8("a\xc2\xb7"
                          "b"),
        true);
    row("weierstrass p", QString::fromUtf8("\xe2\x84\x98"), true);
    row("arabic digit after", QString::fromUtf8("x\xd9\xa1"), true);
    row("Print", QStringLiteral("Print"), true);
    row("empty", QString(), false);
    row("digit first", QStringLiteral("1a"), false);
    row("arabic digit first", QString::fromUtf8("\xd9\xa1x"), false);
    row("dash", QStringLiteral("a-b"), false);
    row("space", QStringLiteral("a b"), false);
    row("emoji", QString::fromUtf8("x\xf0\x9f\x98\x80"), false);
    row("zero width joiner", QString::fromUtf8("x\xe2\x80\x8d"), false);
    row("dot", QStringLiteral("t.done"), false);
    row("if", QStringLiteral("if"), false);
    row("True", QStringLiteral("True"), false);
    row("None", QStringLiteral("None"), false);
    row("async", QStringLiteral("async"), false);
    row("await", QStringLiteral("await"), false);
    row("nonlocal", QStringLiteral("nonlocal"), false);
    row("now", QStringLiteral("now"), false);
    row("asyncio", QStringLiteral("asyncio"), false);
    row("print", QStringLiteral("print"), false);
    // Python reads these as other spellings (NFKC), so they would alias other names.
    row("fi ligature", QString::fromUtf8("\xef\xac\x81x"), false);
    row("double-struck N", QString::fromUtf8("\xe2\x84\x95"), false);
    row("decomposed e acute", QString::fromUtf8("e\xcc\x81"), false);
}

void TestValidator::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidName(name), valid);
}

void TestValidator::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    auto row = [](const char *tag, const QByteArray &json, int count, const char *path, const char *message) {
        QTest::newRow(tag) << json << count << QString::fromUtf8(path) << QString::fromUtf8(message);
    };

    // More than 20 nested blocks (CPython: SyntaxError: too many statically nested blocks):
    // reported once, at the innermost step that opens one too many.
    {
        QByteArray repeats = R"({"op": "print", "text": "x"})";
        for (int i = 0; i < 21; ++i)
            repeats = R"({"op": "repeat", "times": 1, "body": [)" + repeats + "]}";
        QByteArray path = "coroutines[0].body[0]";
        for (int i = 0; i < 20; ++i)
            path += ".body[0]";
        row("21 nested repeats", withMain(repeats), 1, path.constData(), "too many statically nested blocks");
        // A try with except and finally opens two blocks for its body and three for its handlers.
        QByteArray tries = R"({"op": "print", "text": "x"})";
        for (int i = 0; i < 10; ++i)
            tries = R"({"op": "try", "body": [)" + tries
                + R"(], "except": [{"type": "ValueError", "body": []}], "finally": []})";
        row("10 nested try/except/finally", withMain(tries), 1,
            "coroutines[0].body[0].body[0].body[0].body[0].body[0].body[0].body[0].body[0].body[0].body[0]",
            "at most 20 nested loops and try blocks");
    }

    // Calls.
    row("unknown coroutine", withMain(R"({"op": "create_task", "call": {"coroutine": "foo"}})"), 1,
        "coroutines[0].body[0].call.coroutine", "calls 'foo', which is not a coroutine of this project");
    row("unknown coroutine in gather",
        withMain(R"({"op": "gather", "items": [{"call": {"coroutine": "none"}}, {"call": {"coroutine": "Worker"}}]})"),
        1, "coroutines[0].body[0].items[1].call.coroutine", "calls 'Worker', which is not a coroutine of this project");
    row("too few args", withMain(R"({"op": "await", "call": {"coroutine": "worker", "args": [1]}})"), 1,
        "coroutines[0].body[0].call", "'worker' takes 2 arguments (a, b) but 1 is given");
    row("too many args", withMain(R"({"op": "await", "call": {"coroutine": "none", "args": [1, 2]}})"), 1,
        "coroutines[0].body[0].call", "'none' takes no arguments but 2 are given");
    row("missing the one arg", withMain(R"({"op": "create_task", "call": {"coroutine": "one"}})"), 1,
        "coroutines[0].body[0].call", "'one' takes 1 argument (x) but 0 are given");
    row("args checked in gather",
        withMain(R"({"op": "gather", "items": [{"call": {"coroutine": "one", "args": [1, 2, 3]}}]})"), 1,
        "coroutines[0].body[0].items[0].call", "'one' takes 1 argument (x) but 3 are given");
    row("variable hides coroutine",
        withMain(
            R"({"op": "await", "call": {"coroutine": "none"}}, {"op": "create_task", "call": {"coroutine": "none"}, "as": "none"})"),
        2, "coroutines[0].body[0].call.coroutine", "calls 'none', but 'main' also has a variable named 'none'");

    // Variables in scope.
    row("await task unknown", withMain(R"({"op": "await", "task": "t"})"), 1, "coroutines[0].body[0].task",
        "variable 't' is used before it exists: no parameter or step of 'main' assigns it");
    row("await task before assignment",
        withMain(R"({"op": "await", "task": "t"}, {"op": "create_task", "call": {"coroutine": "none"}, "as": "t"})"), 1,
        "coroutines[0].body[0].task", "variable 't' is used before it exists");
    row("cancel task", withMain(R"({"op": "cancel", "task": "t"})"), 1, "coroutines[0].body[0].task",
        "variable 't' is used before it exists");
    row("gather item task", withMain(R"({"op": "gather", "items": [{"task": "t"}]})"), 1,
        "coroutines[0].body[0].items[0].task", "variable 't' is used before it exists");
    row("sleep seconds var", withMain(R"({"op": "sleep", "seconds": {"var": "s"}})"), 1,
        "coroutines[0].body[0].seconds", "variable 's' is used before it exists");
    row("call arg var", withMain(R"({"op": "await", "call": {"coroutine": "one", "args": [{"var": "v"}]}})"), 1,
        "coroutines[0].body[0].call.args[0]", "variable 'v' is used before it exists");
    row("task name var", withMain(R"({"op": "create_task", "call": {"coroutine": "none"}, "name": {"var": "n"}})"), 1,
        "coroutines[0].body[0].name", "variable 'n' is used before it exists");
    row("cancel message var",
        withMain(R"({"op": "cancel", "task": "main", "message": {"var": "m"}})", "[\"main\"]")
            .replace(R"("entry": "main")", R"("entry": "none")"),
        1, "coroutines[0].body[0].message", "variable 'm' is used before it exists");
    row("raise message var", withMain(R"({"op": "raise", "type": "ValueError", "message": {"var": "m"}})"), 1,
        "coroutines[0].body[0].message", "variable 'm' is used before it exists");
    row("return value var", withMain(R"({"op": "return", "value": {"var": "r"}})"), 1, "coroutines[0].body[0].value",
        "variable 'r' is used before it exists");
    row("repeat times uses its own var", withMain(R"({"op": "repeat", "times": {"var": "i"}, "var": "i", "body": []})"),
        1, "coroutines[0].body[0].times", "variable 'i' is used before it exists");
    row("create_task uses its own as",
        withMain(R"({"op": "create_task", "call": {"coroutine": "one", "args": [{"var": "t"}]}, "as": "t"})"), 1,
        "coroutines[0].body[0].call.args[0]", "variable 't' is used before it exists");
    row("template variable", withMain(R"({"op": "print", "text": "x={x}"})"), 1, "coroutines[0].body[0].text",
        "variable 'x' is used before it exists");
    row("template done()", withMain(R"({"op": "print", "text": "{t.done()}"})"), 1, "coroutines[0].body[0].text",
        "variable 't' is used before it exists");
    row("template cancelled()", withMain(R"({"op": "print", "text": "{now} {t.cancelled()}"})"), 1,
        "coroutines[0].body[0].text", "variable 't' is used before it exists");
    row("except as gone after the clause",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "as": "e", "body": [)"
                 R"({"op": "print", "text": "{e}"}]}]}, {"op": "print", "text": "{e!r}"})"),
        1, "coroutines[0].body[1].text", "variable 'e' is used before it exists");
    row("except as not in the next clause",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "as": "e", "body": []}, )"
                 R"({"type": "Exception", "body": [{"op": "return", "value": {"var": "e"}}]}]})"),
        1, "coroutines[0].body[0].except[1].body[0].value", "variable 'e' is used before it exists");
    row("except as not in finally",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "as": "e", "body": []}], )"
                 R"("finally": [{"op": "print", "text": "{e}"}]})"),
        1, "coroutines[0].body[0].finally[0].text", "variable 'e' is used before it exists");
    row("another coroutine's variable",
        withCoroutines(R"({"name": "main", "body": [{"op": "create_task", "call": {"coroutine": "w"}, "as": "t"}]},)"
                       R"({"name": "w", "body": [{"op": "await", "task": "t"}]})"),
        1, "coroutines[1].body[0].task",
        "variable 't' is used before it exists: no parameter or step of 'w' assigns it");

    // Templates.
    row("template syntax", withMain(R"({"op": "print", "text": "a } b"})"), 1, "coroutines[0].body[0].text",
        "invalid text at column 3: ");
    row("template in nested body",
        withMain(
            R"({"op": "repeat", "times": 1, "body": [{"op": "print", "text": "ok"}, {"op": "print", "text": "} {"}]})"),
        1, "coroutines[0].body[0].body[1].text", "invalid text at column 1: ");

    // Exceptions.
    row("unknown raise type", withMain(R"({"op": "raise", "type": "Keyerror"})"), 1, "coroutines[0].body[0].type",
        "unknown exception type 'Keyerror'; expected one of: Exception, ValueError, RuntimeError, TimeoutError, "
        "CancelledError, BaseException, TypeError, KeyError");
    row("engine-only type", withMain(R"({"op": "raise", "type": "GeneratorExit"})"), 1, "coroutines[0].body[0].type",
        "unknown exception type 'GeneratorExit'");
    row("qualified name",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "asyncio.CancelledError", "body": []}]})"), 1,
        "coroutines[0].body[0].except[0].type", "unknown exception type 'asyncio.CancelledError'");
    row("bare raise at top", withMain(R"({"op": "raise"})"), 1, "coroutines[0].body[0]",
        "a bare raise (without 'type') is allowed only inside an except body");
    row("bare raise in try body",
        withMain(R"({"op": "try", "body": [{"op": "raise"}], "except": [{"type": "ValueError", "body": []}]})"), 1,
        "coroutines[0].body[0].body[0]", "a bare raise");
    row("bare raise in finally",
        withMain(
            R"({"op": "try", "body": [], "except": [{"type": "ValueError", "body": []}], "finally": [{"op": "raise"}]})"),
        1, "coroutines[0].body[0].finally[0]", "a bare raise");
    row("bare raise with message",
        withMain(
            R"({"op": "try", "body": [], "except": [{"type": "ValueError", "body": [{"op": "raise", "message": "m"}]}]})"),
        1, "coroutines[0].body[0].except[0].body[0].message", "a bare raise re-raises the exception being handled");
    row("try needs except or finally", withMain(R"({"op": "print", "text": ""}, {"op": "try", "body": []})"), 1,
        "coroutines[0].body[1]", "a try step needs at least one except clause or a finally body");

    // Names.
    row("duplicate coroutine",
        withCoroutines(R"({"name": "main", "body": []}, {"name": "w", "body": []}, {"name": "w", "body": []})"), 1,
        "coroutines[2].name", "duplicate coroutine name 'w' (coroutines[1] has it too)");
    row("duplicate param",
        withCoroutines(R"({"name": "main", "body": []}, {"name": "w", "params": ["a", "b", "a"], "body": []})"), 1,
        "coroutines[1].params[2]", "duplicate parameter 'a' in 'w'");
    row("coroutine name digit", withCoroutines(R"({"name": "main", "body": []}, {"name": "2x", "body": []})"), 1,
        "coroutines[1].name", "invalid coroutine name: '2x' is not a Python identifier");
    row("coroutine name keyword", withCoroutines(R"({"name": "main", "body": []}, {"name": "class", "body": []})"), 1,
        "coroutines[1].name", "invalid coroutine name: 'class' is a Python keyword");
    row("coroutine name now", withCoroutines(R"({"name": "main", "body": []}, {"name": "now", "body": []})"), 1,
        "coroutines[1].name", "invalid coroutine name: 'now' is reserved by Tusk");
    row("coroutine name empty", withCoroutines(R"({"name": "main", "body": []}, {"name": "", "body": []})"), 1,
        "coroutines[1].name", "invalid coroutine name: a name cannot be empty");
    row("param asyncio",
        withCoroutines(R"({"name": "main", "body": []}, {"name": "w", "params": ["asyncio"], "body": []})"), 1,
        "coroutines[1].params[0]", "invalid parameter name: 'asyncio' is reserved by Tusk");
    row("param None",
        withCoroutines(R"({"name": "main", "body": []}, {"name": "w", "params": ["x", "None"], "body": []})"), 1,
        "coroutines[1].params[1]", "invalid parameter name: 'None' is a Python keyword");
    row("as keyword", withMain(R"({"op": "create_task", "call": {"coroutine": "none"}, "as": "for"})"), 1,
        "coroutines[0].body[0].as", "invalid variable name: 'for' is a Python keyword");
    row("await as print", withMain(R"({"op": "await", "call": {"coroutine": "none"}, "as": "print"})"), 1,
        "coroutines[0].body[0].as", "invalid variable name: 'print' is reserved by Tusk");
    row("gather as dash", withMain(R"({"op": "gather", "items": [], "as": "my-results"})"), 1,
        "coroutines[0].body[0].as", "invalid variable name: 'my-results' is not a Python identifier");
    row("repeat var keyword", withMain(R"({"op": "repeat", "times": 2, "var": "async", "body": []})"), 1,
        "coroutines[0].body[0].var", "invalid loop variable name: 'async' is a Python keyword");
    row("except as keyword",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "Exception", "as": "await", "body": []}]})"), 1,
        "coroutines[0].body[0].except[0].as", "invalid variable name: 'await' is a Python keyword");

    // Entry.
    row("entry missing", withCoroutines(R"({"name": "start", "body": []})"), 1, "entry",
        "the entry 'main' is not a coroutine of this project");
    row("entry empty", withCoroutines(R"({"name": "main", "body": []})", ""), 1, "entry", "no entry coroutine");
    row("entry with params", withCoroutines(R"({"name": "main", "params": ["a", "b"], "body": []})"), 1, "entry",
        "the entry coroutine 'main' takes parameters (a, b), but asyncio.run(main()) calls it with none");
}

void TestValidator::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    QFETCH(QString, path);
    QFETCH(QString, message);

    const Project project = structure(json);
    QVERIFY(!project.coroutines.empty());
    const Problems found = validateProject(project);
    QVERIFY2(int(found.size()) == count, qPrintable(describe(found)));
    bool seen = false;
    for (const Problem &p : found) {
        if (p.path == path && p.message.contains(message))
            seen = true;
        QCOMPARE(p.line, 0);  // positions are the loader's business
    }
    QVERIFY2(seen, qPrintable(describe(found)));

    // The loader refuses the same file and places the same problems.
    Project loaded;
    Problems problems;
    QVERIFY(!loadProject(json, &loaded, &problems));
    QCOMPARE(problems.size(), found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        QCOMPARE(problems[i].path, found[i].path);
        QVERIFY(problems[i].line > 0);
    }
}

void TestValidator::validProjects_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty main") << withMain("");
    QTest::newRow("params in scope") << withCoroutines(
        R"({"name": "main", "body": [{"op": "await", "call": {"coroutine": "w", "args": [1, "s"]}}]},)"
        R"({"name": "w", "params": ["a", "b"], "body": [{"op": "sleep", "seconds": {"var": "a"}},)"
        R"({"op": "print", "text": "{b!r:>5} {a:.2f} {now:.1f}"}, {"op": "return", "value": {"var": "b"}}]})");
    QTest::newRow("as after its step") << withMain(
        R"({"op": "create_task", "call": {"coroutine": "none"}, "as": "t"}, {"op": "print", "text": "{t.done()}"},)"
        R"({"op": "cancel", "task": "t", "message": {"var": "t"}}, {"op": "await", "task": "t", "as": "r"},)"
        R"({"op": "gather", "items": [{"task": "t"}, {"call": {"coroutine": "one", "args": [{"var": "r"}]}}], "as": "g"},)"
        R"({"op": "print", "text": "{g} {t.cancelled()}"})");
    QTest::newRow("repeat var inside and after")
        << withMain(R"({"op": "repeat", "times": 3, "var": "i", "body": [{"op": "print", "text": "{i}"}]},)"
                    R"({"op": "print", "text": "last {i}"})");
    QTest::newRow("bound in a body, used after") << withMain(
        R"({"op": "repeat", "times": 1, "body": [{"op": "create_task", "call": {"coroutine": "none"}, "as": "t"}]},)"
        R"({"op": "await", "task": "t"})");
    QTest::newRow("try body names visible in handler") << withMain(
        R"({"op": "try", "body": [{"op": "await", "call": {"coroutine": "none"}, "as": "r"}],)"
        R"("except": [{"type": "CancelledError", "as": "e", "body": [{"op": "print", "text": "{r} {e!r}"}, {"op": "raise"}]}],)"
        R"("finally": [{"op": "print", "text": "{r}"}]})");
    QTest::newRow("except as that was already a param") << withCoroutines(
        R"({"name": "main", "body": [{"op": "await", "call": {"coroutine": "w", "args": [1]}}]},)"
        R"({"name": "w", "params": ["e"], "body": [{"op": "try", "body": [], "except": [{"type": "Exception", "as": "e", "body": []}]},)"
        R"({"op": "print", "text": "{e}"}]})");
    QTest::newRow("bare raise nested in a handler") << withMain(
        R"({"op": "try", "body": [], "except": [{"type": "BaseException", "body": [)"
        R"({"op": "repeat", "times": 1, "body": [{"op": "try", "body": [{"op": "raise"}], "finally": [{"op": "raise"}]}]}]}]})");
    QTest::newRow("every exception type") << withMain(
        R"({"op": "try", "body": [{"op": "raise", "type": "TimeoutError"}], "except": [{"type": "Exception", "body": []},)"
        R"({"type": "ValueError", "body": []}, {"type": "RuntimeError", "body": []}, {"type": "TimeoutError", "body": []},)"
        R"({"type": "CancelledError", "body": []}, {"type": "BaseException", "body": []}]})");
    QTest::newRow("recursion and forward calls")
        << withCoroutines(R"({"name": "main", "body": [{"op": "await", "call": {"coroutine": "later"}}]},)"
                          R"({"name": "later", "body": [{"op": "create_task", "call": {"coroutine": "main"}}]})");
    QTest::newRow("unicode names") << withCoroutines(QString::fromUtf8(
        R"({"name": "main", "body": [{"op": "create_task", "call": {"coroutine": "задача"}, "as": "т"}, {"op": "await", "task": "т"}]},)"
        R"({"name": "задача", "body": []})")
                                                         .toUtf8());
    QTest::newRow("another entry") << withCoroutines(R"({"name": "start", "body": []})", "start");
    QTest::newRow("literal values are not checked for type")
        << withMain(R"({"op": "sleep", "seconds": "soon"}, {"op": "repeat", "times": null, "body": []},)"
                    R"({"op": "cancel", "task": "main", "message": 1.5})",
               "[\"main\"]")
               .replace(R"("entry": "main")", R"("entry": "none")");
}

void TestValidator::validProjects()
{
    QFETCH(QByteArray, json);
    const Project project = structure(json);
    QVERIFY(!project.coroutines.empty());
    const Problems found = validateProject(project);
    QVERIFY2(found.empty(), qPrintable(describe(found)));
    Project loaded;
    Problems problems;
    QVERIFY(loadProject(json, &loaded, &problems));
    QVERIFY(loaded == project);
}

void TestValidator::problemIds()
{
    const Project p = structure(withCoroutines(
        R"({"name": "main", "body": [{"op": "repeat", "times": 1, "body": [{"op": "print", "text": "{x}"}]}]},)"
        R"({"name": "w", "params": ["a", "a"], "body": []})"));
    const Problems found = validateProject(p);
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found[0].path, QStringLiteral("coroutines[1].params[1]"));
    QCOMPARE(found[0].coroutineId, p.coroutines[1].id);
    QCOMPARE(found[0].stepId, kNoId);
    QCOMPARE(found[1].path, QStringLiteral("coroutines[0].body[0].body[0].text"));
    QCOMPARE(found[1].coroutineId, p.coroutines[0].id);
    QVERIFY(found[1].stepId != kNoId);
    QCOMPARE(found[1].stepId, p.coroutines[0].body[0].body[0].id);
    QCOMPARE(p.findStep(found[1].stepId)->text, QStringLiteral("{x}"));
}

void TestValidator::modelBuiltInCode()
{
    // The editor's model can lack what a file must have; the validator says so.
    Project p;
    Coroutine main;
    main.name = QStringLiteral("main");
    Step sleep;
    sleep.op = StepOp::Sleep;
    main.body.push_back(sleep);
    Step await;
    await.op = StepOp::Await;
    main.body.push_back(await);
    Step repeat;
    repeat.op = StepOp::Repeat;
    main.body.push_back(repeat);
    Step task;
    task.op = StepOp::CreateTask;
    main.body.push_back(task);
    p.coroutines.push_back(main);
    p.assignIds();
    const Problems found = validateProject(p);
    QStringList got;
    for (const Problem &problem : found)
        got << problem.toString();
    QCOMPARE(got,
        QStringList({QStringLiteral("coroutines[0].body[0].seconds: missing field 'seconds' in a sleep step"),
            QStringLiteral("coroutines[0].body[1]: an await step needs 'task' or 'call'"),
            QStringLiteral("coroutines[0].body[2].times: missing field 'times' in a repeat step"),
            QStringLiteral("coroutines[0].body[3].call: missing field 'call' in a create_task step")}));
}

QTEST_APPLESS_MAIN(TestValidator)
#include "tst_validator.moc"
