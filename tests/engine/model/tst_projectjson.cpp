// loadProject / projectToJson / saveProjectFile, and the Project model helpers they rely on.
#include "projectjson.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace tusk;

class TestProjectJson : public QObject {
    Q_OBJECT

private slots:
    void loadErrors_data();
    void loadErrors();
    void everyProblemReported();
    void newerVersionRefused();
    void docNeedsVersionTwo();
    void syntaxErrorIsOneProblem();
    void goldenRoundTrip();
    void goldenModel();
    void writerOmitsDefaults();
    void intAndFloatLiteralsKept();
    void unknownTopLevelKeysKept();
    void duplicateKeysLastWins();
    void spaceExampleLoads();
    void failureLeavesProjectUntouched();
    void saveCreatesAndReplaces();
    void saveIntoMissingDirectoryFails();
    void loadMissingFile();
    void problemToString();
    void stepOpNames();
    void equalityIgnoresIds();
    void idsAndFindStep();
};

namespace {

QByteArray header(const char *entry = "main")
{
    return QByteArray(R"({"format": "tusk", "version": 1, "entry": ")") + entry + R"(", "coroutines": [)";
}

// A project whose `main` has the given steps (and optionally more coroutines after it).
QByteArray withMain(const QByteArray &steps, const QByteArray &more = {})
{
    return header() + R"({"name": "main", "body": [)" + steps + "]}" + more + "]}";
}

QByteArray withCoroutines(const QByteArray &coroutines)
{
    return header() + coroutines + "]}";
}

QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

const Problem *findProblem(const Problems &problems, const QString &path, const QString &fragment)
{
    for (const Problem &p : problems) {
        if (p.path == path && p.message.contains(fragment))
            return &p;
    }
    return nullptr;
}

// Everything a version-1 file can hold, as the writer writes it.
const char kGolden[] = R"({
  "format": "tusk",
  "version": 1,
  "title": "Every step — once, \"quoted\"",
  "entry": "main",
  "coroutines": [
    {
      "name": "worker",
      "params": [
        "n",
        "label"
      ],
      "body": [
        {
          "op": "print",
          "text": "{label} starts at {now:.1f}s"
        },
        {
          "op": "sleep",
          "seconds": {
            "var": "n"
          }
        },
        {
          "op": "return",
          "value": {
            "var": "n"
          }
        }
      ]
    },
    {
      "name": "main",
      "body": [
        {
          "op": "create_task",
          "call": {
            "coroutine": "worker",
            "args": [
              1,
              "a"
            ]
          },
          "as": "t1",
          "name": "first"
        },
        {
          "op": "create_task",
          "call": {
            "coroutine": "worker",
            "args": [
              0.5,
              "b"
            ]
          }
        },
        {
          "op": "sleep",
          "seconds": 0
        },
        {
          "op": "await",
          "task": "t1",
          "as": "r"
        },
        {
          "op": "await",
          "call": {
            "coroutine": "worker",
            "args": [
              1e-05,
              null
            ]
          }
        },
        {
          "op": "gather",
          "items": [
            {
              "task": "t1"
            },
            {
              "call": {
                "coroutine": "worker",
                "args": [
                  -2,
                  true
                ]
              }
            }
          ],
          "return_exceptions": true,
          "as": "results"
        },
        {
          "op": "gather",
          "items": []
        },
        {
          "op": "cancel",
          "task": "t1",
          "message": "bye"
        },
        {
          "op": "cancel",
          "task": "t1"
        },
        {
          "op": "repeat",
          "times": 3,
          "var": "i",
          "body": [
            {
              "op": "print",
              "text": "i={i} r={r!r} {results} {t1.done()}"
            }
          ]
        },
        {
          "op": "repeat",
          "times": 2.0,
          "body": []
        },
        {
          "op": "try",
          "body": [
            {
              "op": "raise",
              "type": "ValueError",
              "message": "boom"
            }
          ],
          "except": [
            {
              "type": "ValueError",
              "as": "e",
              "body": [
                {
                  "op": "print",
                  "text": "caught {e!r}"
                },
                {
                  "op": "raise"
                }
              ]
            },
            {
              "type": "CancelledError",
              "body": []
            }
          ],
          "finally": [
            {
              "op": "print",
              "text": "{{done}} ☃ \t"
            }
          ]
        },
        {
          "op": "try",
          "body": [],
          "finally": []
        },
        {
          "op": "raise",
          "type": "RuntimeError"
        },
        {
          "op": "return"
        }
      ]
    }
  ],
  "layout": {
    "main": {
      "x": 0,
      "y": 12.5
    },
    "notes": []
  },
  "zeta": {
    "keep": [
      1,
      2.0
    ]
  },
  "alpha": "kept"
}
)";

Project loadOk(const QByteArray &text)
{
    Project p;
    Problems problems;
    if (!loadProject(text, &p, &problems))
        qWarning("unexpected problems:\n%s", qPrintable(describe(problems)));
    return p;
}

}  // namespace

void TestProjectJson::loadErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("at");  // the offending value: its first occurrence in `json`

    auto row = [](const char *name, const QByteArray &json, int count, const char *path, const char *message,
                   const QByteArray &at) {
        QTest::newRow(name) << json << count << QString::fromUtf8(path) << QString::fromUtf8(message) << at;
    };
    const QByteArray okMain = R"([{"name": "main", "body": []}])";

    // Top level.
    row("root not object", "[1, 2]", 1, "", "a Tusk project must be a JSON object, not an array", "[1, 2]");
    row("format missing", R"({"version": 1, "entry": "main", "coroutines": )" + okMain + "}", 1, "format",
        "missing field 'format'", R"({"version")");
    row("format wrong", R"({"format": "tuskk", "version": "x", "coroutines": 5})", 1, "format",
        "this is not a Tusk project: 'format' must be \"tusk\"", R"("tuskk")");
    row("format not string", R"({"format": 1, "version": 1, "entry": "main", "coroutines": )" + okMain + "}", 1,
        "format", "not a Tusk project", "1,");
    row("version missing", R"({"format": "tusk", "entry": "main", "coroutines": )" + okMain + "}", 1, "version",
        "missing field 'version' in a Tusk project", R"({"format")");
    row("version float", R"({"format": "tusk", "version": 1.0, "entry": "main", "coroutines": )" + okMain + "}", 1,
        "version", "'version' must be an integer, not a float", "1.0");
    row("version string", R"({"format": "tusk", "version": "1", "entry": "main", "coroutines": )" + okMain + "}", 1,
        "version", "'version' must be an integer, not a string", R"("1")");
    row("version zero", R"({"format": "tusk", "version": 0, "entry": "main", "coroutines": )" + okMain + "}", 1,
        "version", "'version' must be 1 or more", "0,");
    row("entry missing", R"({"format": "tusk", "version": 1, "coroutines": )" + okMain + "}", 1, "entry",
        "missing field 'entry' in a Tusk project", R"({"format")");
    row("entry null", R"({"format": "tusk", "version": 1, "entry": null, "coroutines": )" + okMain + "}", 1, "entry",
        "'entry' must be a string, not null", "null");
    row("title not string",
        R"({"format": "tusk", "version": 1, "title": ["x"], "entry": "main", "coroutines": )" + okMain + "}", 1,
        "title", "'title' must be a string, not an array", R"(["x"])");
    row("coroutines missing", R"({"format": "tusk", "version": 1, "entry": "main"})", 1, "coroutines",
        "missing field 'coroutines' in a Tusk project", R"({"format")");
    row("coroutines not array", R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": {}})", 1,
        "coroutines", "'coroutines' must be an array, not an object", "{}");
    row("layout not object", withCoroutines(R"({"name": "main", "body": []}], "layout": [0)").replace("]]}", "]}"), 1,
        "layout", "'layout' must be an object, not an array", "[0]");
    row("layout null", withMain("").replace("]}]}", "]}], \"layout\": null}"), 1, "layout",
        "'layout' must be an object, not null", "null");

    // Coroutines.
    row("coroutine not object", withCoroutines(R"("main")"), 1, "coroutines[0]", "a coroutine must be an object",
        R"("main"])");
    row("coroutine name missing", withCoroutines(R"({"body": []})"), 1, "coroutines[0].name",
        "missing field 'name' in a coroutine", R"({"body")");
    row("coroutine name number", withCoroutines(R"({"name": 7, "body": []})"), 1, "coroutines[0].name",
        "'name' must be a string, not an integer", "7");
    row("params not array", withCoroutines(R"({"name": "main", "params": "a", "body": []})"), 1, "coroutines[0].params",
        "'params' must be an array of names, not a string", R"("a")");
    row("param not string", withCoroutines(R"({"name": "main", "params": ["a", 2], "body": []})"), 1,
        "coroutines[0].params[1]", "a parameter must be a string, not an integer", "2]");
    row("coroutine body missing", withCoroutines(R"({"name": "main"})"), 1, "coroutines[0].body",
        "missing field 'body' in a coroutine", R"({"name": "main"})");
    row("coroutine body object", withCoroutines(R"({"name": "main", "body": {}})"), 1, "coroutines[0].body",
        "'body' must be an array of steps, not an object", "{}");
    row("coroutine unknown field", withCoroutines(R"({"name": "main", "bdy": [], "body": []})"), 1, "coroutines[0].bdy",
        "unknown field 'bdy' in a coroutine; expected: name, doc, params, body", "[]");

    // Steps.
    row("step not object", withMain("5"), 1, "coroutines[0].body[0]",
        "a step must be an object with an 'op', not an integer", "5]");
    row("op missing", withMain(R"({"text": "x"})"), 1, "coroutines[0].body[0].op", "missing field 'op' in a step",
        R"({"text")");
    row("op number", withMain(R"({"op": 3})"), 1, "coroutines[0].body[0].op", "'op' must be a string, not an integer",
        "3}");
    row("op unknown", withMain(R"({"op": "sleepy", "seconds": 1})"), 1, "coroutines[0].body[0].op",
        "unknown op 'sleepy'; expected one of: print, sleep, create_task, await, gather, cancel, raise, return, "
        "repeat, try",
        R"("sleepy")");
    row("unknown step field", withMain(R"({"op": "sleep", "secs": 1})"), 2, "coroutines[0].body[0].secs",
        "unknown field 'secs' in a sleep step; expected: seconds", "1}");
    row("unknown field lists all", withMain(R"({"op": "create_task", "call": {"coroutine": "main"}, "nme": 1})"), 1,
        "coroutines[0].body[0].nme", "unknown field 'nme' in a create_task step; expected: call, as, name", "1}");
    row("print text missing", withMain(R"({"op": "print"})"), 1, "coroutines[0].body[0].text",
        "missing field 'text' in a print step", R"({"op": "print"})");
    row("print text number", withMain(R"({"op": "print", "text": 42})"), 1, "coroutines[0].body[0].text",
        "'text' must be a string, not an integer", "42");
    row("sleep seconds missing", withMain(R"({"op": "sleep"})"), 1, "coroutines[0].body[0].seconds",
        "missing field 'seconds' in a sleep step", R"({"op": "sleep"})");
    row("value array", withMain(R"({"op": "sleep", "seconds": [1]})"), 1, "coroutines[0].body[0].seconds",
        "'seconds' must be a number, a string, true, false, null or {\"var\": \"name\"}, not an array", "[1]");
    row("var object extra key", withMain(R"({"op": "sleep", "seconds": {"var": "x", "y": 1}})"), 1,
        "coroutines[0].body[0].seconds", "an object value must be exactly {\"var\": \"name\"}", R"({"var")");
    row("empty object value", withMain(R"({"op": "sleep", "seconds": {}})"), 1, "coroutines[0].body[0].seconds",
        "exactly {\"var\": \"name\"}", "{}");
    row("var not string", withMain(R"({"op": "sleep", "seconds": {"var": 5}})"), 1, "coroutines[0].body[0].seconds.var",
        "'var' must be a string, not an integer", "5}");
    row("var empty", withMain(R"({"op": "sleep", "seconds": {"var": ""}})"), 1, "coroutines[0].body[0].seconds.var",
        "'var' must name a variable", R"("")");
    row("create_task call missing", withMain(R"({"op": "create_task", "as": "t"})"), 1, "coroutines[0].body[0].call",
        "missing field 'call' in a create_task step", R"({"op": "create_task")");
    row("call not object", withMain(R"({"op": "create_task", "call": "main"})"), 1, "coroutines[0].body[0].call",
        "a call must be an object", R"("main"})");
    row("call coroutine missing", withMain(R"({"op": "create_task", "call": {"args": []}})"), 1,
        "coroutines[0].body[0].call.coroutine", "missing field 'coroutine' in a call", R"({"args")");
    row("call unknown field", withMain(R"({"op": "await", "call": {"coroutine": "main", "arg": []}})"), 1,
        "coroutines[0].body[0].call.arg", "unknown field 'arg' in a call; expected: coroutine, args", "[]}");
    row("args not array", withMain(R"({"op": "await", "call": {"coroutine": "main", "args": 1}})"), 1,
        "coroutines[0].body[0].call.args", "'args' must be an array of values, not an integer", "1}");
    row("arg is array", withMain(R"({"op": "await", "call": {"coroutine": "main", "args": [[1]]}})"), 1,
        "coroutines[0].body[0].call.args[0]", "'args[0]' must be a number", "[1]");
    row("as not string", withMain(R"({"op": "create_task", "call": {"coroutine": "main"}, "as": 1})"), 1,
        "coroutines[0].body[0].as", "'as' must be a string, not an integer", "1}");
    row("as empty", withMain(R"({"op": "create_task", "call": {"coroutine": "main"}, "as": ""})"), 1,
        "coroutines[0].body[0].as", "'as' must not be empty; leave it out instead", R"("")");
    row("name array", withMain(R"({"op": "create_task", "call": {"coroutine": "main"}, "name": ["n"]})"), 1,
        "coroutines[0].body[0].name", "'name' must be a number", R"(["n"])");
    row("await both", withMain(R"({"op": "await", "task": "t", "call": {"coroutine": "main"}})"), 1,
        "coroutines[0].body[0]", "an await step has either 'task' or 'call', not both", R"({"op": "await")");
    row("await neither", withMain(R"({"op": "await", "as": "x"})"), 1, "coroutines[0].body[0]",
        "missing field 'task' or 'call' in an await step", R"({"op": "await")");
    row("await task empty", withMain(R"({"op": "await", "task": ""})"), 1, "coroutines[0].body[0].task",
        "'task' must name a variable", R"("")");
    row("await task number", withMain(R"({"op": "await", "task": 1})"), 1, "coroutines[0].body[0].task",
        "'task' must be a string, not an integer", "1}");
    row("gather items missing", withMain(R"({"op": "gather"})"), 1, "coroutines[0].body[0].items",
        "missing field 'items' in a gather step", R"({"op": "gather"})");
    row("gather items object", withMain(R"({"op": "gather", "items": {}})"), 1, "coroutines[0].body[0].items",
        "'items' must be an array, not an object", "{}");
    row("gather item string", withMain(R"({"op": "gather", "items": ["t"]})"), 1, "coroutines[0].body[0].items[0]",
        "a gather item must be an object", R"("t")");
    row("gather item both", withMain(R"({"op": "gather", "items": [{"task": "t", "call": {"coroutine": "main"}}]})"), 1,
        "coroutines[0].body[0].items[0]", "a gather item has one of 'task', 'call', 'expr' or 'starred', not several",
        R"({"task")");
    row("gather item neither", withMain(R"({"op": "gather", "items": [1, {}]})"), 2, "coroutines[0].body[0].items[1]",
        "a gather item needs 'task', 'call', 'expr' or 'starred'", "{}");
    row("gather item unknown", withMain(R"({"op": "gather", "items": [{"task": "t", "tsk": 1}]})"), 1,
        "coroutines[0].body[0].items[0].tsk",
        "unknown field 'tsk' in a gather item; expected: task, call, expr, starred", "1}");
    row("gather item call broken", withMain(R"({"op": "gather", "items": [{"call": {"coroutine": 1}}]})"), 1,
        "coroutines[0].body[0].items[0].call.coroutine", "'coroutine' must be a string, not an integer", "1}");
    row("return_exceptions number", withMain(R"({"op": "gather", "items": [], "return_exceptions": 1})"), 1,
        "coroutines[0].body[0].return_exceptions", "'return_exceptions' must be true or false, not an integer", "1}");
    row("cancel task missing", withMain(R"({"op": "cancel", "message": "x"})"), 1, "coroutines[0].body[0].task",
        "missing field 'task' in a cancel step", R"({"op": "cancel")");
    row("cancel message array", withMain(R"({"op": "cancel", "task": "t", "message": []})"), 1,
        "coroutines[0].body[0].message", "'message' must be a number", "[]");
    row("raise type empty", withMain(R"({"op": "raise", "type": ""})"), 1, "coroutines[0].body[0].type",
        "'type' must not be empty", R"("")");
    row("raise type number", withMain(R"({"op": "raise", "type": 1})"), 1, "coroutines[0].body[0].type",
        "'type' must be a string, not an integer", "1}");
    row("return value object", withMain(R"({"op": "return", "value": {"x": 1}})"), 1, "coroutines[0].body[0].value",
        "exactly {\"var\": \"name\"}", R"({"x")");
    row("repeat times missing", withMain(R"({"op": "repeat", "body": []})"), 1, "coroutines[0].body[0].times",
        "missing field 'times' in a repeat step", R"({"op": "repeat")");
    row("repeat body missing", withMain(R"({"op": "repeat", "times": 2})"), 1, "coroutines[0].body[0].body",
        "missing field 'body' in a repeat step", R"({"op": "repeat")");
    row("repeat var number", withMain(R"({"op": "repeat", "times": 2, "var": 1, "body": []})"), 1,
        "coroutines[0].body[0].var", "'var' must be a string, not an integer", R"(1, "body")");
    row("nested step", withMain(R"({"op": "repeat", "times": 2, "body": [{"op": "sleep", "seconds": "1", "x": 0}]})"),
        1, "coroutines[0].body[0].body[0].x", "unknown field 'x' in a sleep step", "0}");
    row("try body missing", withMain(R"({"op": "try", "finally": []})"), 1, "coroutines[0].body[0].body",
        "missing field 'body' in a try step", R"({"op": "try")");
    row("except object", withMain(R"({"op": "try", "body": [], "except": {}})"), 1, "coroutines[0].body[0].except",
        "'except' must be an array of except clauses, not an object", "{}");
    row("except clause string", withMain(R"({"op": "try", "body": [], "except": ["ValueError"]})"), 1,
        "coroutines[0].body[0].except[0]", "an except clause must be an object", R"("ValueError")");
    row("except type missing", withMain(R"({"op": "try", "body": [], "except": [{"body": []}]})"), 1,
        "coroutines[0].body[0].except[0].type", "missing field 'type' in an except clause", R"({"body")");
    row("except body missing", withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError"}]})"), 1,
        "coroutines[0].body[0].except[0].body", "missing field 'body' in an except clause", R"({"type")");
    row("except unknown field",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "name": "e", "body": []}]})"), 1,
        "coroutines[0].body[0].except[0].name", "unknown field 'name' in an except clause; expected: type, as, body",
        R"("e")");
    row("except as empty",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "as": "", "body": []}]})"), 1,
        "coroutines[0].body[0].except[0].as", "'as' must not be empty", R"("")");
    row("except body nested",
        withMain(R"({"op": "try", "body": [], "except": [{"type": "ValueError", "body": [{"op": "print"}, )"
                 R"({"op": "print", "text": 1}]}]})"),
        2, "coroutines[0].body[0].except[0].body[1].text", "'text' must be a string, not an integer", "1}");
    row("finally object", withMain(R"({"op": "try", "body": [], "finally": {}})"), 1, "coroutines[0].body[0].finally",
        "'finally' must be an array of steps, not an object", "{}");
    row("finally nested", withMain(R"({"op": "try", "body": [], "finally": [{"op": "nope"}]})"), 1,
        "coroutines[0].body[0].finally[0].op", "unknown op 'nope'", R"("nope")");
    row("second coroutine",
        withMain("",
            R"(, {"name": "w", "body": [{"op": "print", "text": ""}, {"op": "print", "text": ""}, )"
            R"({"op": "print", "text": ""}, {"op": "sleep", "seconds": [0.5]}]})"),
        1, "coroutines[1].body[3].seconds", "'seconds' must be a number", "[0.5]");
    row("multi-line position",
        "{\n  \"format\": \"tusk\",\n  \"version\": 1,\n  \"entry\": \"main\",\n"
        "  \"coroutines\": [{\"name\": \"main\", \"body\": [\n    {\"op\": \"sleep\",\n"
        "     \"seconds\": true, \"x\": null}]}]\n}",
        1, "coroutines[0].body[0].x", "unknown field 'x' in a sleep step", "null");

    // Semantic problems found by validateProject(), placed by their paths.
    row("unknown coroutine", withMain(R"({"op": "await", "call": {"coroutine": "foo"}})"), 1,
        "coroutines[0].body[0].call.coroutine", "calls 'foo', which is not a coroutine of this project", R"("foo")");
    row("entry has params", withCoroutines(R"({"name": "main", "params": ["a"], "body": []})"), 1, "entry",
        "the entry coroutine 'main' takes parameters (a)", R"("main", "coroutines")");
    row("entry absent", withCoroutines(R"({"name": "other", "body": []})"), 1, "entry",
        "the entry 'main' is not a coroutine of this project", R"("main", "coroutines")");
    row("bare raise", withMain(R"({"op": "print", "text": "x"}, {"op": "raise"})"), 1, "coroutines[0].body[1]",
        "a bare raise (without 'type') is allowed only inside an except body", R"({"op": "raise"})");
    row("template error", withMain(R"({"op": "print", "text": "a } b"})"), 1, "coroutines[0].body[0].text",
        "invalid text at column 3", R"("a } b")");
    row("used before it exists",
        withMain(R"({"op": "print", "text": "{t}"}, {"op": "create_task", "call": {"coroutine": "main"}, "as": "t"})"),
        1, "coroutines[0].body[0].text", "variable 't' is used before it exists", R"("{t}")");
    row("two semantic problems",
        withMain(R"({"op": "raise", "type": "Keyerror"}, {"op": "sleep", "seconds": {"var": "z"}})"), 2,
        "coroutines[0].body[1].seconds", "variable 'z' is used before it exists", R"({"var")");
    row("invalid coroutine name", withCoroutines(R"({"name": "main", "body": []}, {"name": "class", "body": []})"), 1,
        "coroutines[1].name", "'class' is a Python keyword", R"("class")");
}

void TestProjectJson::loadErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QByteArray, at);

    Project project;
    Problems problems;
    QVERIFY(!loadProject(json, &project, &problems));
    QVERIFY2(int(problems.size()) == count, qPrintable(describe(problems)));
    const Problem *p = findProblem(problems, path, message);
    QVERIFY2(p, qPrintable(describe(problems)));

    const qsizetype index = json.indexOf(at);
    QVERIFY(index >= 0);
    const QByteArray before = json.left(index);
    const int line = int(before.count('\n')) + 1;
    const int column = int(index - (before.lastIndexOf('\n') + 1)) + 1;
    QCOMPARE(p->line, line);
    QCOMPARE(p->column, column);
}

void TestProjectJson::everyProblemReported()
{
    const QByteArray json = withMain(R"({"op": "sleep", "secs": 1}, {"op": "print", "text": 2})",
        R"(, {"name": "w", "params": [1], "body": [{"op": "jump"}]})")
                                .replace(R"("version": 1)", R"("version": 1.5)");
    Project project;
    Problems problems;
    QVERIFY(!loadProject(json, &project, &problems));
    QStringList paths;
    for (const Problem &p : problems)
        paths << p.path;
    // Document order, every one of them.
    QCOMPARE(paths,
        QStringList({QStringLiteral("version"), QStringLiteral("coroutines[0].body[0].secs"),
            QStringLiteral("coroutines[0].body[0].seconds"), QStringLiteral("coroutines[0].body[1].text"),
            QStringLiteral("coroutines[1].params[0]"), QStringLiteral("coroutines[1].body[0].op")}));
    for (const Problem &p : problems)
        QVERIFY2(p.line == 1 && p.column > 1, qPrintable(p.toString()));
}

void TestProjectJson::newerVersionRefused()
{
    const QByteArray json = R"({"format": "tusk", "version": 3, "coroutines": "changed", "layout": 5, "x": 1})";
    Project project;
    project.title = QStringLiteral("before");
    Problems problems;
    QVERIFY(!loadProject(json, &project, &problems));
    QCOMPARE(problems.size(), std::size_t(1));  // nothing else half-read
    QCOMPARE(problems[0].path, QStringLiteral("version"));
    QCOMPARE(problems[0].message,
        QStringLiteral("this file was written by a newer Tusk (format version 3); this build "
                       "reads version 2 — update Tusk to open it"));
    QCOMPARE(problems[0].line, 1);
    QCOMPARE(problems[0].column, 31);
    QCOMPARE(project.title, QStringLiteral("before"));

    // Even when other parts of the header are wrong too.
    QVERIFY(!loadProject(R"({"version": 7})", &project, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY(problems[0].message.contains(QLatin1String("format version 7")));
}

// A coroutine's docstring is the one thing of format version 2 so far: a project without one
// is still written as version 1, which every earlier build reads.
void TestProjectJson::docNeedsVersionTwo()
{
    const QByteArray v1 = R"({"format": "tusk", "version": 1, "entry": "main",
        "coroutines": [{"name": "main", "body": []}]})";
    Project project;
    Problems problems;
    QVERIFY(loadProject(v1, &project, &problems));
    QVERIFY(projectToJson(project).contains("\"version\": 1,"));

    project.coroutines[0].doc = QStringLiteral("Starts everything.\nSecond line.");
    const QByteArray v2 = projectToJson(project);
    QVERIFY2(v2.contains("\"version\": 2,"), v2.constData());
    QVERIFY(v2.contains(R"("doc": "Starts everything.\nSecond line.")"));
    Project back;
    QVERIFY(loadProject(v2, &back, &problems));
    QCOMPARE(back.coroutines[0].doc, project.coroutines[0].doc);
    QCOMPARE(back.version, 2);

    // Found by fuzz_load: a version-2 file that needs only version 1 is saved as version 1 and
    // reads back as the same project (the version is the file's, not the content's).
    Project written;
    QVERIFY(loadProject(R"({"format": "tusk", "version": 2, "entry": "main",
        "coroutines": [{"name": "main", "body": [{"op": "print", "text": "start"}]}]})",
        &written, &problems));
    QCOMPARE(written.version, 2);
    Project reread;
    QVERIFY(loadProject(projectToJson(written), &reread, &problems));
    QCOMPARE(reread.version, 1);
    QVERIFY(reread == written);

    QVERIFY(!loadProject(R"({"format": "tusk", "version": 2, "entry": "main",
        "coroutines": [{"name": "main", "doc": 5, "body": []}]})",
        &back, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].path, QStringLiteral("coroutines[0].doc"));
}

void TestProjectJson::syntaxErrorIsOneProblem()
{
    Project project;
    Problems problems;
    QVERIFY(!loadProject("{\n  \"format\": \"tusk\",\n  \"version\": 1,,\n}", &project, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].path, QString());
    QCOMPARE(problems[0].line, 3);
    QCOMPARE(problems[0].column, 16);
    QCOMPARE(problems[0].message, QStringLiteral("expected a member name in double quotes"));
    QCOMPARE(problems[0].toString(), QStringLiteral("3:16: expected a member name in double quotes"));
}

void TestProjectJson::goldenRoundTrip()
{
    const QByteArray golden(kGolden);
    Project p;
    Problems problems;
    QVERIFY2(loadProject(golden, &p, &problems), qPrintable(describe(problems)));
    QCOMPARE(projectToJson(p), golden);

    Project again;
    QVERIFY(loadProject(projectToJson(p), &again, &problems));
    QVERIFY(again == p);
    QCOMPARE(projectToJson(again), golden);
}

void TestProjectJson::goldenModel()
{
    const Project p = loadOk(QByteArray(kGolden));
    QCOMPARE(p.version, 1);
    QCOMPARE(p.title, QStringLiteral("Every step — once, \"quoted\""));
    QCOMPARE(p.entry, QStringLiteral("main"));
    QCOMPARE(p.coroutines.size(), std::size_t(2));
    const Coroutine &worker = p.coroutines[0];
    QCOMPARE(worker.params, QStringList({QStringLiteral("n"), QStringLiteral("label")}));
    QVERIFY(worker.body[1].seconds && worker.body[1].seconds->isVar);
    QCOMPARE(worker.body[1].seconds->var, QStringLiteral("n"));

    const std::vector<Step> &main = p.coroutines[1].body;
    QCOMPARE(main.size(), std::size_t(15));
    QCOMPARE(main[0].op, StepOp::CreateTask);
    QCOMPARE(main[0].call->coroutine, QStringLiteral("worker"));
    QVERIFY(main[0].call->args[0].literal.isInt());
    QCOMPARE(main[0].call->args[0].literal.toInt(), 1);
    QCOMPARE(main[0].call->args[1].literal.toString(), QStringLiteral("a"));
    QCOMPARE(main[0].as, QStringLiteral("t1"));
    QCOMPARE(main[0].name->literal.toString(), QStringLiteral("first"));
    QVERIFY(main[1].call->args[0].literal.isFloat());
    QVERIFY(!main[1].name);
    QCOMPARE(main[3].task, QStringLiteral("t1"));
    QVERIFY(!main[3].call);
    QVERIFY(main[4].call->args[1].literal.isNone());
    QCOMPARE(main[5].items.size(), std::size_t(2));
    QVERIFY(!main[5].items[0].isCall);
    QVERIFY(main[5].items[1].isCall);
    QCOMPARE(main[5].items[1].call.args[0].literal.toInt(), -2);
    QVERIFY(main[5].items[1].call.args[1].literal.isBool());
    QVERIFY(main[5].returnExceptions);
    QVERIFY(!main[6].returnExceptions);
    QCOMPARE(main[7].message->literal.toString(), QStringLiteral("bye"));
    QVERIFY(!main[8].message);
    QCOMPARE(main[9].var, QStringLiteral("i"));
    QCOMPARE(main[9].body.size(), std::size_t(1));
    QVERIFY(main[10].times->literal.isFloat());
    const Step &tryStep = main[11];
    QCOMPARE(tryStep.handlers.size(), std::size_t(2));
    QCOMPARE(tryStep.handlers[0].as, QStringLiteral("e"));
    QCOMPARE(tryStep.handlers[1].type, QStringLiteral("CancelledError"));
    QVERIFY(tryStep.hasFinally);
    QCOMPARE(tryStep.finallyBody[0].text, QStringLiteral("{{done}} ☃ \t"));
    QVERIFY(main[12].hasFinally && main[12].handlers.empty() && main[12].finallyBody.empty());
    QCOMPARE(main[13].exceptionType, QStringLiteral("RuntimeError"));
    QVERIFY(!main[13].message);
    QVERIFY(!main[14].value);
    QVERIFY(p.layout.isObject());
    QCOMPARE(p.layout.find(QStringLiteral("main"))->find(QStringLiteral("y"))->toFloat(), 12.5);
}

void TestProjectJson::writerOmitsDefaults()
{
    Project p;
    p.entry = QStringLiteral("main");
    Coroutine main;
    main.name = QStringLiteral("main");
    Step print;
    print.op = StepOp::Print;
    print.text = QStringLiteral("hi");
    print.seconds = Operand::fromLiteral(Value::integer(5));  // means nothing to a print step
    print.as = QStringLiteral("ignored");
    main.body.push_back(print);
    Step task;
    task.op = StepOp::CreateTask;
    task.call = Call {QStringLiteral("main"), {}};
    main.body.push_back(task);
    Step gather;
    gather.op = StepOp::Gather;
    gather.items.push_back(GatherItem::ofTask(QStringLiteral("t")));
    main.body.push_back(gather);
    p.coroutines.push_back(main);

    const QByteArray expected = R"({
  "format": "tusk",
  "version": 1,
  "entry": "main",
  "coroutines": [
    {
      "name": "main",
      "body": [
        {
          "op": "print",
          "text": "hi"
        },
        {
          "op": "create_task",
          "call": {
            "coroutine": "main"
          }
        },
        {
          "op": "gather",
          "items": [
            {
              "task": "t"
            }
          ]
        }
      ]
    }
  ]
}
)";
    QCOMPARE(projectToJson(p), expected);
}

void TestProjectJson::intAndFloatLiteralsKept()
{
    const QByteArray json = withMain(R"({"op": "sleep", "seconds": 1}, {"op": "sleep", "seconds": 1.0}, )"
                                     R"({"op": "sleep", "seconds": 1e-7}, {"op": "return", "value": -0.0})");
    const Project p = loadOk(json);
    const auto &body = p.coroutines[0].body;
    QVERIFY(body[0].seconds->literal.isInt());
    QVERIFY(body[1].seconds->literal.isFloat());
    QVERIFY(!(body[0] == body[1]));  // 1 and 1.0 are different content
    const QByteArray saved = projectToJson(p);
    QVERIFY(saved.contains("\"seconds\": 1\n"));
    QVERIFY(saved.contains("\"seconds\": 1.0\n"));
    QVERIFY(saved.contains("\"seconds\": 1e-07\n"));
    QVERIFY(saved.contains("\"value\": -0.0\n"));
    QVERIFY(loadOk(saved) == p);
}

void TestProjectJson::unknownTopLevelKeysKept()
{
    const QByteArray json = R"({"zz": {"b": 1, "a": [2.0]}, "format": "tusk", "version": 1, "mm": null,
        "entry": "main", "coroutines": [{"name": "main", "body": []}], "aa": "x", "layout": {"k": 1}})";
    const Project p = loadOk(json);
    QCOMPARE(p.extraKeys.size(), std::size_t(3));
    QCOMPARE(p.extraKeys[0].first, QStringLiteral("zz"));
    QCOMPARE(p.extraKeys[1].first, QStringLiteral("mm"));
    QVERIFY(p.extraKeys[1].second.isNull());
    QCOMPARE(p.extraKeys[2].first, QStringLiteral("aa"));
    const QByteArray saved = projectToJson(p);
    // Known keys first in the spec's order, then the extras as they were read.
    const QByteArray tail = R"(
  "layout": {
    "k": 1
  },
  "zz": {
    "b": 1,
    "a": [
      2.0
    ]
  },
  "mm": null,
  "aa": "x"
}
)";
    QVERIFY2(saved.endsWith(tail), saved.constData());
    QVERIFY(saved.startsWith("{\n  \"format\": \"tusk\",\n  \"version\": 1,\n  \"entry\": \"main\",\n"));
    QVERIFY(loadOk(saved) == p);
    QCOMPARE(projectToJson(loadOk(saved)), saved);
}

void TestProjectJson::duplicateKeysLastWins()
{
    const QByteArray json = R"({"format": "tusk", "version": 1, "entry": "nope", "entry": "main",
        "coroutines": [{"name": "main", "body": [{"op": "sleep", "seconds": "x", "seconds": 2}]}],
        "extra": 1, "extra": 2})";
    const Project p = loadOk(json);
    QCOMPARE(p.entry, QStringLiteral("main"));
    QCOMPARE(p.coroutines[0].body[0].seconds->literal.toInt(), 2);
    QCOMPARE(p.extraKeys.size(), std::size_t(1));
    QCOMPARE(p.extraKeys[0].second.toInt(), 2);
    // A bad value hidden by a later good one is no problem; the reverse is.
    Project q;
    Problems problems;
    QVERIFY(!loadProject(QByteArray(json).replace(R"("seconds": 2)", R"("seconds": [2])"), &q, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].path, QStringLiteral("coroutines[0].body[0].seconds"));
}

void TestProjectJson::spaceExampleLoads()
{
    // The example of the language spec.
    const QByteArray json = R"({
  "format": "tusk",
  "version": 1,
  "title": "Two tasks run concurrently",
  "entry": "main",
  "coroutines": [
    { "name": "task1", "params": [], "body": [
        { "op": "sleep", "seconds": 1 },
        { "op": "print", "text": "Task 1 finished at {now:.1f}s" } ] },
    { "name": "main", "body": [
        { "op": "create_task", "call": { "coroutine": "task1" }, "as": "t1" },
        { "op": "await", "task": "t1" } ] }
  ],
  "layout": { "main": { "x": 0, "y": 0 }, "task1": { "x": 320, "y": 0 } }
})";
    const Project p = loadOk(json);
    QCOMPARE(p.title, QStringLiteral("Two tasks run concurrently"));
    QCOMPARE(p.coroutines.size(), std::size_t(2));
    QCOMPARE(p.coroutines[1].body[1].op, StepOp::Await);
    const Project again = loadOk(projectToJson(p));
    QVERIFY(again == p);
    QCOMPARE(projectToJson(again), projectToJson(p));
}

void TestProjectJson::failureLeavesProjectUntouched()
{
    Project p = loadOk(QByteArray(kGolden));
    const Project before = p;
    Problems problems;
    QVERIFY(!loadProject(withMain(R"({"op": "raise"})"), &p, &problems));
    QVERIFY(p == before);
    QCOMPARE(p.coroutines.size(), std::size_t(2));
}

void TestProjectJson::saveCreatesAndReplaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("p.tusk"));
    const Project p = loadOk(QByteArray(kGolden));
    QString error;
    QVERIFY2(saveProjectFile(p, file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray(kGolden));
    f.close();

    // Over a longer existing file: replaced whole, nothing of the old tail left, no temp files.
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(200000, 'x'));
    f.close();
    Project small;
    Coroutine main;
    main.name = QStringLiteral("main");
    small.coroutines.push_back(main);
    QVERIFY2(saveProjectFile(small, file, &error), qPrintable(error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), projectToJson(small));
    f.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
        QStringList {QStringLiteral("p.tusk")});

    Project loaded;
    Problems problems;
    QVERIFY(loadProjectFile(file, &loaded, &problems));
    QVERIFY(loaded == small);
}

void TestProjectJson::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("missing/p.tusk"));
    QString error;
    QVERIFY(!saveProjectFile(loadOk(QByteArray(kGolden)), file, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(file)), qPrintable(error));
    QVERIFY(error.startsWith(QLatin1String("cannot save")));
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestProjectJson::loadMissingFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("nothing.tusk"));
    Project p;
    Problems problems;
    QVERIFY(!loadProjectFile(file, &p, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY2(problems[0].message.startsWith(QStringLiteral("cannot open \"%1\"").arg(QDir::toNativeSeparators(file))),
        qPrintable(problems[0].message));

    // A file with problems reports them like loadProject().
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"tusk\"");
    f.close();
    QVERIFY(!loadProjectFile(file, &p, &problems));
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].column, 18);
}

void TestProjectJson::problemToString()
{
    Problem p;
    p.message = QStringLiteral("m");
    QCOMPARE(p.toString(), QStringLiteral("m"));
    p.path = QStringLiteral("entry");
    QCOMPARE(p.toString(), QStringLiteral("entry: m"));
    p.line = 3;
    p.column = 7;
    QCOMPARE(p.toString(), QStringLiteral("3:7: entry: m"));
    p.path.clear();
    QCOMPARE(p.toString(), QStringLiteral("3:7: m"));
}

void TestProjectJson::stepOpNames()
{
    const StepOp ops[] = {StepOp::Print, StepOp::Sleep, StepOp::CreateTask, StepOp::Await, StepOp::Gather,
        StepOp::Cancel, StepOp::Raise, StepOp::Return, StepOp::Repeat, StepOp::Try};
    const char *names[]
        = {"print", "sleep", "create_task", "await", "gather", "cancel", "raise", "return", "repeat", "try"};
    for (std::size_t i = 0; i < std::size(ops); ++i) {
        QCOMPARE(stepOpName(ops[i]), QString::fromLatin1(names[i]));
        StepOp op = StepOp::Print;
        QVERIFY(stepOpFromName(QString::fromLatin1(names[i]), &op));
        QCOMPARE(op, ops[i]);
    }
    StepOp op = StepOp::Sleep;
    QVERIFY(!stepOpFromName(QStringLiteral("Print"), &op));
    QVERIFY(!stepOpFromName(QString(), &op));
    QCOMPARE(op, StepOp::Sleep);
}

void TestProjectJson::equalityIgnoresIds()
{
    Project a = loadOk(QByteArray(kGolden));
    Project b = a;
    b.coroutines[1].id = 999;
    b.coroutines[1].body[0].id = 1000;
    QVERIFY(a == b);

    b.coroutines[1].body[11].handlers[0].body[0].text += QLatin1Char('!');
    QVERIFY(!(a == b));
    b = a;
    b.coroutines[1].body[0].call->args[1] = Operand::fromVar(QStringLiteral("a"));
    QVERIFY(!(a == b));  // the literal "a" is not the variable a
    b = a;
    b.coroutines[1].body[1].call->args[0] = Operand::fromLiteral(Value::floating(0.5));
    QVERIFY(a == b);
    b.coroutines[1].body[1].call->args[0] = Operand::fromLiteral(Value::string(QStringLiteral("0.5")));
    QVERIFY(!(a == b));
    b = a;
    b.extraKeys.pop_back();
    QVERIFY(!(a == b));
    b = a;
    b.layout = JsonValue();
    QVERIFY(!(a == b));
    b = a;
    b.coroutines[1].body[12].hasFinally = false;
    QVERIFY(!(a == b));

    // Literal lists compare elementwise.
    const Operand l1 = Operand::fromLiteral(Value::list({Value::integer(1), Value::string(QStringLiteral("x"))}));
    const Operand l2 = Operand::fromLiteral(Value::list({Value::integer(1), Value::string(QStringLiteral("x"))}));
    const Operand l3 = Operand::fromLiteral(Value::list({Value::integer(1), Value::string(QStringLiteral("y"))}));
    QVERIFY(l1 == l2);
    QVERIFY(!(l1 == l3));
    QVERIFY(!(Operand::fromLiteral(Value::integer(1)) == Operand::fromLiteral(Value::boolean(true))));
}

void TestProjectJson::idsAndFindStep()
{
    Project p = loadOk(QByteArray(kGolden));
    QSet<ItemId> ids;
    std::function<void(const std::vector<Step> &)> collect = [&](const std::vector<Step> &steps) {
        for (const Step &s : steps) {
            QVERIFY(s.id != kNoId);
            QVERIFY(!ids.contains(s.id));
            ids.insert(s.id);
            QCOMPARE(p.findStep(s.id), &s);
            collect(s.body);
            for (const ExceptClause &h : s.handlers)
                collect(h.body);
            collect(s.finallyBody);
        }
    };
    for (const Coroutine &c : p.coroutines) {
        QVERIFY(c.id != kNoId);
        QVERIFY(!ids.contains(c.id));
        ids.insert(c.id);
        collect(c.body);
    }
    const Step &inHandler = p.coroutines[1].body[11].handlers[0].body[1];
    const Step &inFinally = p.coroutines[1].body[11].finallyBody[0];
    QCOMPARE(p.findStep(inHandler.id), &inHandler);
    QCOMPARE(std::as_const(p).findStep(inFinally.id), &inFinally);
    QCOMPARE(p.findStep(kNoId), nullptr);
    QCOMPARE(p.findStep(99999), nullptr);

    // New items get fresh ids, never one in use.
    Step s;
    p.coroutines[0].body.push_back(s);
    p.assignIds();
    const ItemId fresh = p.coroutines[0].body.back().id;
    QVERIFY(fresh != kNoId && !ids.contains(fresh));
    QVERIFY(p.newId() > fresh);
    QCOMPARE(p.findCoroutine(QStringLiteral("main")), &p.coroutines[1]);
    QCOMPARE(p.coroutineIndex(QStringLiteral("worker")), 0);
    QCOMPARE(p.coroutineIndex(QStringLiteral("nope")), -1);
    QCOMPARE(p.findCoroutine(QStringLiteral("nope")), nullptr);

    // Ids set elsewhere are respected and never handed out again.
    Project q;
    Coroutine c;
    c.name = QStringLiteral("main");
    c.id = 50;
    Step t;
    c.body.push_back(t);
    q.coroutines.push_back(c);
    q.assignIds();
    QCOMPARE(q.coroutines[0].id, ItemId(50));
    QCOMPARE(q.coroutines[0].body[0].id, ItemId(51));
}

QTEST_APPLESS_MAIN(TestProjectJson)
#include "tst_projectjson.moc"
