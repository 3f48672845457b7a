// From CPython's `ast` tree (pythonast.h) to a project. Each statement and expression the Tusk
// language has is recognised by its shape in the tree; everything else becomes a problem at its
// line and column saying what it is and what to do, and one problem refuses the whole program.
#include "pythonimport.h"

#include "expression.h"
#include "pyformat.h"
#include "pyrandom.h"
#include "pythonast.h"
#include "stepkinds.h"
#include "validator.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

namespace tusk {

namespace {

const JsonValue kNull;

// --- Reading the tree -------------------------------------------------------------------------

QString nodeType(const JsonValue &node)
{
    const JsonValue *t = node.find(QStringLiteral("_"));
    return t ? t->toString() : QString();
}

bool is(const JsonValue &node, const char *type)
{
    return node.isObject() && nodeType(node) == QLatin1String(type);
}

const JsonValue &get(const JsonValue &node, const char *field)
{
    const JsonValue *v = node.find(QLatin1String(field));
    return v ? *v : kNull;
}

QString text(const JsonValue &node, const char *field)
{
    return get(node, field).toString();
}

const std::vector<JsonValue> &list(const JsonValue &node, const char *field)
{
    static const std::vector<JsonValue> empty;
    const JsonValue &v = get(node, field);
    return v.isArray() ? v.items() : empty;
}

SourceSpan spanOf(const JsonValue &node)
{
    const auto &at = list(node, "at");
    if (at.size() != 4)
        return {};
    return {int(at[0].toInt()), int(at[1].toInt()), int(at[2].toInt()), int(at[3].toInt())};
}

/// A `Constant` holding a str.
bool isStringConstant(const JsonValue &node)
{
    return is(node, "Constant") && get(node, "value").isString();
}

/// A `Name` node's identifier, or empty.
QString nameOf(const JsonValue &node)
{
    return is(node, "Name") ? text(node, "id") : QString();
}

/// Which names collectNames() gathers.
enum class Names { All, Read };

/// The identifiers a subtree names: All (parameters and assigned names too) to pick fresh
/// names; Read (not those it only assigns: a loop's target, an assignment's) to see whether a
/// loop uses its variable.
void collectNames(const JsonValue &node, Names which, QSet<QString> *names)
{
    if (node.isArray()) {
        for (const JsonValue &item : node.items())
            collectNames(item, which, names);
        return;
    }
    if (!node.isObject())
        return;
    if (is(node, "Name"))
        names->insert(text(node, "id"));
    else if (is(node, "arg") && which == Names::All)
        names->insert(text(node, "arg"));
    for (const auto &[key, value] : node.members()) {
        const bool assigned = (key == QLatin1String("target") && (is(node, "For") || is(node, "AsyncFor")))
            || (key == QLatin1String("targets") && is(node, "Assign"));
        if (key != QLatin1String("at") && !(assigned && which == Names::Read))
            collectNames(value, which, names);
    }
}

/// `{` and `}` of literal text doubled, as a template (an f-string) writes them.
QString escapeBraces(QString s)
{
    s.replace(QLatin1Char('{'), QStringLiteral("{{"));
    s.replace(QLatin1Char('}'), QStringLiteral("}}"));
    return s;
}

// What a statement or expression the language does not have yet is called in messages.
QString constructName(const QString &type)
{
    static const QHash<QString, const char *> names {
        {QStringLiteral("AsyncFor"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'async for'")},
        {QStringLiteral("AsyncWith"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'async with'")},
        {QStringLiteral("With"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'with'")},
        {QStringLiteral("While"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a 'while' loop")},
        {QStringLiteral("If"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "an 'if' statement")},
        {QStringLiteral("Assign"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "this assignment")},
        {QStringLiteral("AugAssign"),
            QT_TRANSLATE_NOOP("tusk::PythonImporter", "augmented assignment ('+=' and the like)")},
        {QStringLiteral("AnnAssign"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "an annotated assignment")},
        {QStringLiteral("Delete"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'del'")},
        {QStringLiteral("ClassDef"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a class")},
        {QStringLiteral("FunctionDef"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a plain function ('def')")},
        {QStringLiteral("Break"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'break'")},
        {QStringLiteral("Continue"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'continue'")},
        {QStringLiteral("Global"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'global'")},
        {QStringLiteral("Nonlocal"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'nonlocal'")},
        {QStringLiteral("Assert"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'assert'")},
        {QStringLiteral("Match"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'match'")},
        {QStringLiteral("TryStar"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'except*'")},
        {QStringLiteral("Import"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'import'")},
        {QStringLiteral("ImportFrom"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'from ... import'")},
        {QStringLiteral("Lambda"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a lambda")},
        {QStringLiteral("IfExp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a conditional expression")},
        {QStringLiteral("ListComp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a list comprehension")},
        {QStringLiteral("SetComp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a set comprehension")},
        {QStringLiteral("DictComp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a dict comprehension")},
        {QStringLiteral("GeneratorExp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a generator expression")},
        {QStringLiteral("BinOp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "arithmetic")},
        {QStringLiteral("BoolOp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'and'/'or'")},
        {QStringLiteral("Compare"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a comparison")},
        {QStringLiteral("UnaryOp"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "this operator")},
        {QStringLiteral("List"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a list")},
        {QStringLiteral("Tuple"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a tuple")},
        {QStringLiteral("Dict"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a dict")},
        {QStringLiteral("Set"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a set")},
        {QStringLiteral("Subscript"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "subscripts and slices")},
        {QStringLiteral("Attribute"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "this attribute")},
        {QStringLiteral("Yield"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'yield'")},
        {QStringLiteral("YieldFrom"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'yield from'")},
        {QStringLiteral("NamedExpr"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "':='")},
        {QStringLiteral("Starred"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'*' unpacking")},
        {QStringLiteral("Await"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "'await' inside an expression")},
        {QStringLiteral("Call"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "this call")},
        {QStringLiteral("JoinedStr"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "an f-string here")},
        {QStringLiteral("Name"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "a variable")},
        {QStringLiteral("Constant"), QT_TRANSLATE_NOOP("tusk::PythonImporter", "this constant")},
    };
    const auto it = names.constFind(type);
    if (it == names.constEnd())
        return QStringLiteral("'%1'").arg(type);
    return QCoreApplication::translate("tusk::PythonImporter", it.value());
}

/// `time.strftime()`, `job.result()`, `f()` for a call of a named thing; what constructName()
/// says for anything else.
QString describeExpression(const JsonValue &e)
{
    if (is(e, "Call")) {
        const JsonValue &f = get(e, "func");
        QString name = nameOf(f);
        if (is(f, "Attribute")) {
            const QString base = nameOf(get(f, "value"));
            name = (base.isEmpty() ? QStringLiteral("...") : base) + QLatin1Char('.') + text(f, "attr");
        }
        if (!name.isEmpty())
            return QStringLiteral("%1()").arg(name);
    }
    return constructName(nodeType(e));
}

// asyncio names Tusk v1 knows; `from asyncio import *` binds them all.
const char *const kAsyncioMembers[]
    = {"run", "sleep", "create_task", "ensure_future", "gather", "CancelledError", "TimeoutError"};

// Parts of asyncio a later language version brings, so that messages can say so.
bool isPlannedAsyncio(const QString &member)
{
    static const QSet<QString> planned {QStringLiteral("wait_for"), QStringLiteral("wait"), QStringLiteral("timeout"),
        QStringLiteral("timeout_at"), QStringLiteral("shield"), QStringLiteral("as_completed"),
        QStringLiteral("TaskGroup"), QStringLiteral("Queue"), QStringLiteral("LifoQueue"),
        QStringLiteral("PriorityQueue"), QStringLiteral("Event"), QStringLiteral("Lock"), QStringLiteral("Semaphore"),
        QStringLiteral("BoundedSemaphore"), QStringLiteral("Condition"), QStringLiteral("Barrier"),
        QStringLiteral("get_running_loop"), QStringLiteral("get_event_loop"), QStringLiteral("new_event_loop"),
        QStringLiteral("current_task"), QStringLiteral("all_tasks"), QStringLiteral("Future"),
        QStringLiteral("QueueEmpty"), QStringLiteral("QueueFull")};
    return planned.contains(member);
}

QString languageHint()
{
    return QCoreApplication::translate("tusk::PythonImporter",
        "rewrite it with what Tusk runs (assignments, if, while, for, try, print, sleep, create_task, await, "
        "gather, cancel, raise, return) or remove it");
}

struct Signature {
    QStringList params;
};

// --- The importer -----------------------------------------------------------------------------

class PythonImporter {
    Q_DECLARE_TR_FUNCTIONS(tusk::PythonImporter)

public:
    PythonImporter(const PythonImportOptions &options)
        : m_options(options)
    {
        for (const Coroutine &c : options.existing)
            m_signatures.insert(c.name, Signature {c.params});
    }

    PythonImport run(const JsonValue &module)
    {
        for (const JsonValue &l : list(module, "_lines"))
            m_lines << l.toString();
        const auto &body = list(module, "body");
        findNowHelper(body);
        readModule(body);
        // Coroutines after the module: the entry (asyncio.run() comes last) decides whether the
        // `now` helper's clock start is expected at the top of a body.
        for (const JsonValue *def : m_defs)
            readCoroutine(*def);
        if (m_options.requireEntry && m_entry.isEmpty() && m_problems.empty()) {
            if (m_defs.empty())
                addAt(m_endOfModule,
                    tr("no 'async def' coroutine and no asyncio.run(...): a Tusk program is coroutines "
                       "started by asyncio.run(main()); write them and import again"));
            else
                addAt(m_endOfModule,
                    tr("no asyncio.run(...) call, so the program would run nothing; add "
                       "asyncio.run(%1()) at the end to name the coroutine that starts it")
                        .arg(text(*m_defs.front(), "name")));
        }
        PythonImport out;
        if (m_problems.empty()) {
            m_project.entry = m_entry.isEmpty() ? QStringLiteral("main") : m_entry;
            m_project.layout = JsonValue::null();
            validate();
        }
        if (!m_problems.empty()) {
            std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem &a, const Problem &b) {
                return std::pair(a.line, a.column) < std::pair(b.line, b.column);
            });
            out.problems = std::move(m_problems);
            return out;
        }
        out.ok = true;
        out.namesEntry = !m_entry.isEmpty();
        out.project = std::move(m_project);
        out.spans = std::move(m_spans);
        return out;
    }

private:
    // --- problems

    void addAt(const SourceSpan &at, const QString &message)
    {
        Problem p;
        p.line = at.line;
        p.column = at.column;
        p.message = message;
        m_problems.push_back(std::move(p));
    }

    void add(const JsonValue &node, const QString &message) { addAt(spanOf(node), message); }

    void unsupported(const JsonValue &node, const QString &hint = {})
    {
        add(node,
            tr("%1 is not supported by Tusk yet; %2")
                .arg(constructName(nodeType(node)), hint.isEmpty() ? languageHint() : hint));
    }

    // --- names

    /// The asyncio member an expression names (`asyncio.sleep`, `aio.sleep`, `sleep` after
    /// `from asyncio import sleep`), or empty.
    QString asyncioMember(const JsonValue &e) const
    {
        if (is(e, "Attribute")) {
            const JsonValue &base = get(e, "value");
            if (m_asyncioAliases.contains(nameOf(base)))
                return text(e, "attr");
            // asyncio.exceptions.CancelledError and the like
            if (is(base, "Attribute") && m_asyncioAliases.contains(nameOf(get(base, "value")))
                && text(base, "attr") == QLatin1String("exceptions"))
                return text(e, "attr");
            return {};
        }
        return m_fromAsyncio.value(nameOf(e));
    }

    /// A builtin an expression names (`repr`, or `builtins.repr` through an alias), or empty.
    QString builtinName(const JsonValue &e) const
    {
        if (is(e, "Attribute") && m_builtinsAliases.contains(nameOf(get(e, "value"))))
            return text(e, "attr");
        const QString n = nameOf(e);
        if (n.isEmpty() || m_fromAsyncio.contains(n) || m_signatures.contains(n))
            return {};
        return n;
    }

    /// An exception class Tusk can name, by an expression naming it; empty with a problem added
    /// when it is another one.
    QString exceptionType(const JsonValue &e)
    {
        QString type = asyncioMember(e);
        if (type == QLatin1String("TimeoutError"))
            type = QStringLiteral("TimeoutError");  // asyncio.TimeoutError is the builtin in 3.11
        else if (!type.isEmpty() && type != QLatin1String("CancelledError"))
            type.clear();
        if (type.isEmpty())
            type = builtinName(e);
        for (const char *name : exceptionTypeNames()) {
            if (type == QLatin1String(name))
                return type;
        }
        QStringList names;
        for (const char *name : exceptionTypeNames())
            names << QLatin1String(name);
        add(e,
            tr("exception type %1 is not supported by Tusk yet; Tusk knows %2")
                .arg(type.isEmpty() ? constructName(nodeType(e)) : tr("'%1'").arg(type),
                    names.join(QStringLiteral(", "))));
        return {};
    }

    // --- the module

    /// The helper `tusk export` writes for `now`: `def _now(): return
    /// asyncio.get_running_loop().time() - _T0`, with `_T0 = None` beside it.
    void findNowHelper(const std::vector<JsonValue> &body)
    {
        // Imports first: the helper names asyncio by its alias.
        for (const JsonValue &s : body) {
            if (is(s, "Import")) {
                for (const JsonValue &a : list(s, "names")) {
                    if (text(a, "name") == QLatin1String("asyncio"))
                        m_asyncioAliases.insert(
                            get(a, "asname").isString() ? text(a, "asname") : QStringLiteral("asyncio"));
                }
            }
        }
        for (const JsonValue &s : body) {
            if (!is(s, "FunctionDef") || !list(s, "decorator_list").empty())
                continue;
            const JsonValue &args = get(s, "args");
            if (!list(args, "args").empty() || !list(args, "posonlyargs").empty() || !list(args, "kwonlyargs").empty()
                || !get(args, "vararg").isNull() || !get(args, "kwarg").isNull())
                continue;
            auto stmts = list(s, "body");
            if (!stmts.empty() && is(stmts.front(), "Expr") && isStringConstant(get(stmts.front(), "value")))
                stmts.erase(stmts.begin());
            if (stmts.size() != 1 || !is(stmts[0], "Return"))
                continue;
            const JsonValue &e = get(stmts[0], "value");
            if (!is(e, "BinOp") || !is(get(e, "op"), "Sub") || !isLoopTime(get(e, "left")))
                continue;
            const QString t0 = nameOf(get(e, "right"));
            if (t0.isEmpty())
                continue;
            m_nowHelper = text(s, "name");
            m_t0 = t0;
            m_nowHelperNode = &s;
            return;
        }
    }

    /// `asyncio.get_running_loop().time()`
    bool isLoopTime(const JsonValue &e) const
    {
        if (!is(e, "Call") || !list(e, "args").empty() || !list(e, "keywords").empty())
            return false;
        const JsonValue &f = get(e, "func");
        if (!is(f, "Attribute") || text(f, "attr") != QLatin1String("time"))
            return false;
        const JsonValue &loop = get(f, "value");
        return is(loop, "Call") && list(loop, "args").empty() && list(loop, "keywords").empty()
            && asyncioMember(get(loop, "func")) == QLatin1String("get_running_loop");
    }

    void readModule(const std::vector<JsonValue> &body)
    {
        for (std::size_t i = 0; i < body.size(); ++i) {
            const JsonValue &s = body[i];
            const SourceSpan at = spanOf(s);
            m_endOfModule = {at.endLine, 1, at.endLine, 1};
            const QString type = nodeType(s);
            if (i == 0 && is(s, "Expr") && isStringConstant(get(s, "value"))) {
                m_project.title = titleFromDocstring(get(get(s, "value"), "value").toString());
            } else if (type == QLatin1String("Import")) {
                readImport(s);
            } else if (type == QLatin1String("ImportFrom")) {
                readImportFrom(s);
            } else if (type == QLatin1String("AsyncFunctionDef")) {
                const QString name = text(s, "name");
                m_defs.push_back(&s);
                Signature sig;
                for (const JsonValue &a : list(get(s, "args"), "args"))
                    sig.params << text(a, "arg");
                m_signatures.insert(name, sig);
            } else if (&s == m_nowHelperNode) {
                continue;
            } else if (is(s, "Assign") && list(s, "targets").size() == 1 && !m_t0.isEmpty()
                && nameOf(list(s, "targets")[0]) == m_t0 && is(get(s, "value"), "Constant")
                && get(get(s, "value"), "value").isNull()) {
                continue;  // `_T0 = None`: the now helper's clock, set by the entry
            } else if (is(s, "If") && isMainGuard(get(s, "test"))) {
                if (!list(s, "orelse").empty())
                    add(list(s, "orelse").front(),
                        tr("an 'else' after the __main__ guard is not supported by Tusk yet; remove it"));
                for (const JsonValue &inner : list(s, "body"))
                    readTopLevelStatement(inner);
            } else {
                readTopLevelStatement(s);
            }
        }
    }

    /// A statement that runs at import time: `asyncio.run(main())`, or what changes nothing.
    void readTopLevelStatement(const JsonValue &s)
    {
        if (is(s, "Pass"))
            return;
        if (is(s, "Expr")) {
            const JsonValue &v = get(s, "value");
            if (is(v, "Constant"))
                return;  // a string used as a comment
            if (is(v, "Call") && asyncioMember(get(v, "func")) == QLatin1String("run")) {
                readRun(v);
                return;
            }
            if (is(v, "Call") && randomMember(get(v, "func")) == QLatin1String("seed")) {
                readSeed(v);
                return;
            }
        }
        if (is(s, "FunctionDef")) {
            add(s,
                tr("plain functions ('def %1') are not supported by Tusk yet; make it an 'async def' "
                   "coroutine if it awaits, or write what it does into the coroutines that call it")
                    .arg(text(s, "name")));
            return;
        }
        if (is(s, "Import") || is(s, "ImportFrom")) {
            add(s, tr("an import inside the __main__ guard is not supported by Tusk yet; move it to the top"));
            return;
        }
        add(s,
            tr("%1 at the top level of the program is not supported by Tusk yet: a Tusk program is "
               "imports, 'async def' coroutines and asyncio.run(main()); move it into a coroutine "
               "or remove it")
                .arg(constructName(nodeType(s))));
    }

    static QString titleFromDocstring(const QString &doc)
    {
        QStringList paragraphs = cleanDoc(doc).split(QStringLiteral("\n\n"));
        // `tusk export` ends its docstring with where the script came from.
        if (!paragraphs.isEmpty() && paragraphs.back().startsWith(QLatin1String("Exported from Tusk")))
            paragraphs.removeLast();
        if (paragraphs.isEmpty())
            return {};
        return paragraphs.front().split(QLatin1Char('\n')).join(QLatin1Char(' ')).simplified();
    }

    bool isMainGuard(const JsonValue &test) const
    {
        if (!is(test, "Compare") || list(test, "ops").size() != 1 || !is(list(test, "ops")[0], "Eq"))
            return false;
        const JsonValue &left = get(test, "left");
        const JsonValue &right = list(test, "comparators")[0];
        auto isMain = [](const JsonValue &e) {
            return isStringConstant(e) && get(e, "value").toString() == QLatin1String("__main__");
        };
        return (nameOf(left) == QLatin1String("__name__") && isMain(right))
            || (nameOf(right) == QLatin1String("__name__") && isMain(left));
    }

    void readImport(const JsonValue &s)
    {
        for (const JsonValue &a : list(s, "names")) {
            const QString name = text(a, "name");
            const QString as = get(a, "asname").isString() ? text(a, "asname") : name;
            if (name == QLatin1String("asyncio"))
                m_asyncioAliases.insert(as);
            else if (name == QLatin1String("random"))
                m_randomAliases.insert(as);
            else if (name == QLatin1String("builtins"))
                m_builtinsAliases.insert(as);
            else
                add(a,
                    tr("the module '%1' is not supported by Tusk yet (a Tusk program uses asyncio "
                       "and random only); remove the import and what uses it")
                        .arg(name));
        }
    }

    void readImportFrom(const JsonValue &s)
    {
        const QString module = text(s, "module");
        if (module == QLatin1String("__future__"))
            return;  // annotations and the like change nothing a Tusk program does
        const QString level = get(get(s, "level"), "int").toString();
        const bool absolute = level.isEmpty() || level == QLatin1String("0");
        if (module == QLatin1String("random") && absolute) {
            for (const JsonValue &a : list(s, "names")) {
                const QString name = text(a, "name");
                if (name == QLatin1String("*")) {
                    for (const QString &f : PyRandom::functionNames())
                        m_fromRandom.insert(f, f);
                } else if (PyRandom::hasFunction(name)) {
                    m_fromRandom.insert(get(a, "asname").isString() ? text(a, "asname") : name, name);
                } else {
                    add(a,
                        tr("random.%1 is not supported by Tusk yet; Tusk has random.%2")
                            .arg(name, PyRandom::functionNames().join(QStringLiteral(", random."))));
                }
            }
            return;
        }
        if (module != QLatin1String("asyncio") || !absolute) {
            add(s,
                tr("the module '%1' is not supported by Tusk yet (a Tusk program uses asyncio and random "
                   "only); remove the import and what uses it")
                    .arg(module));
            return;
        }
        for (const JsonValue &a : list(s, "names")) {
            const QString name = text(a, "name");
            if (name == QLatin1String("*")) {
                for (const char *member : kAsyncioMembers)
                    m_fromAsyncio.insert(QLatin1String(member), QLatin1String(member));
                continue;
            }
            bool known = false;
            for (const char *member : kAsyncioMembers)
                known = known || name == QLatin1String(member);
            if (!known) {
                add(a,
                    tr("asyncio.%1 is not supported by Tusk yet%2; remove it and what uses it")
                        .arg(name, isPlannedAsyncio(name) ? tr(" (a later version brings it)") : QString()));
                continue;
            }
            m_fromAsyncio.insert(get(a, "asname").isString() ? text(a, "asname") : name, name);
        }
    }

    /// `random.seed` (by any alias or from-import) -> "seed"; empty for anything else.
    QString randomMember(const JsonValue &func) const
    {
        if (is(func, "Attribute") && m_randomAliases.contains(nameOf(get(func, "value"))))
            return text(func, "attr");
        return m_fromRandom.value(nameOf(func));
    }

    /// `random.seed(42)` or `random.seed("text")` before asyncio.run(): the project's seed.
    void readSeed(const JsonValue &call)
    {
        if (m_entryRunSeen) {
            add(call,
                tr("random.seed() after asyncio.run() changes nothing the program runs; move it before "
                   "asyncio.run() or remove it"));
            return;
        }
        const auto &args = list(call, "args");
        std::optional<Value> v
            = args.size() == 1 && list(call, "keywords").empty() ? literal(args[0], true) : std::nullopt;
        if (v && v->isInt()) {
            m_project.randomSeed = v->toInt();
        } else if (v && v->isString()) {
            m_project.randomSeed = v->toString();
        } else {
            add(call,
                tr("a program's random.seed() takes a whole number or a string in Tusk, as in "
                   "random.seed(42); write the seed out"));
        }
    }

    void readRun(const JsonValue &call)
    {
        if (!m_entry.isEmpty() || m_entryRunSeen) {
            add(call,
                tr("a second asyncio.run(): a Tusk program has one entry coroutine; keep one "
                   "asyncio.run(...) and await the other coroutines from it"));
            return;
        }
        m_entryRunSeen = true;
        const auto &args = list(call, "args");
        if (!list(call, "keywords").empty()) {
            add(list(call, "keywords").front(),
                tr("asyncio.run() options (debug=...) are not supported by Tusk yet; remove them"));
            return;
        }
        if (args.size() != 1 || !is(args[0], "Call") || nameOf(get(args[0], "func")).isEmpty()) {
            add(call,
                tr("asyncio.run() takes a call of the entry coroutine, as in asyncio.run(main()); "
                   "write it that way"));
            return;
        }
        const JsonValue &inner = args[0];
        const QString name = nameOf(get(inner, "func"));
        if (!m_signatures.contains(name)) {
            add(inner,
                tr("asyncio.run() starts '%1', which is not an 'async def' coroutine of this program; "
                   "define it or start another one")
                    .arg(name));
            return;
        }
        if (!list(inner, "args").empty() || !list(inner, "keywords").empty()) {
            add(inner,
                tr("the entry coroutine takes no arguments in Tusk; call asyncio.run(%1()) and give "
                   "'%1' its values inside")
                    .arg(name));
            return;
        }
        m_entry = name;
        m_entrySpan = spanOf(call);
    }

    // --- coroutines

    void readCoroutine(const JsonValue &def)
    {
        Coroutine c;
        c.id = m_project.newId();
        c.name = text(def, "name");
        m_coroutineName = c.name;
        m_spans.insert(c.id, spanOf(def));
        for (const JsonValue &d : list(def, "decorator_list"))
            add(d, tr("decorators are not supported by Tusk yet; remove it"));
        const JsonValue &args = get(def, "args");
        for (const JsonValue &a : list(args, "posonlyargs"))
            add(a, tr("positional-only parameters ('/') are not supported by Tusk yet; remove the '/'"));
        for (const JsonValue &a : list(args, "kwonlyargs"))
            add(a,
                tr("keyword-only parameters are not supported by Tusk yet; make '%1' an ordinary "
                   "parameter")
                    .arg(text(a, "arg")));
        if (!get(args, "vararg").isNull())
            add(get(args, "vararg"),
                tr("'*%1' parameters are not supported by Tusk yet; name each "
                   "parameter")
                    .arg(text(get(args, "vararg"), "arg")));
        if (!get(args, "kwarg").isNull())
            add(get(args, "kwarg"),
                tr("'**%1' parameters are not supported by Tusk yet; name each "
                   "parameter")
                    .arg(text(get(args, "kwarg"), "arg")));
        for (const JsonValue &d : list(args, "defaults"))
            add(d,
                tr("default values of parameters are not supported by Tusk yet; remove it and pass "
                   "the value in every call"));
        for (const JsonValue &a : list(args, "args"))
            c.params << text(a, "arg");  // annotations change nothing a run prints

        m_names.clear();
        collectNames(get(def, "body"), Names::All, &m_names);
        for (const QString &p : c.params)
            m_names.insert(p);

        auto stmts = list(def, "body");
        std::size_t first = 0;
        if (!stmts.empty() && is(stmts[0], "Expr") && isStringConstant(get(stmts[0], "value"))) {
            c.doc = cleanDoc(get(get(stmts[0], "value"), "value").toString());
            first = 1;
        }
        if (c.name == m_entry)
            first = skipClockStart(stmts, first);
        readBlock(stmts, first, &c.body);
        m_project.coroutines.push_back(std::move(c));
    }

    /// `global _T0` and `_T0 = asyncio.get_running_loop().time()` (bare, or under `if _T0 is
    /// None:`) at the top of the entry: where `tusk export` starts the clock `now` counts from.
    std::size_t skipClockStart(const std::vector<JsonValue> &stmts, std::size_t i) const
    {
        if (m_t0.isEmpty() || i >= stmts.size() || !is(stmts[i], "Global"))
            return i;
        const auto &names = list(stmts[i], "names");
        if (names.size() != 1 || names[0].toString() != m_t0)
            return i;
        if (i + 1 < stmts.size() && isClockSet(stmts[i + 1]))
            return i + 2;
        if (i + 1 < stmts.size() && is(stmts[i + 1], "If") && list(stmts[i + 1], "orelse").empty()) {
            const JsonValue &test = get(stmts[i + 1], "test");
            const auto &body = list(stmts[i + 1], "body");
            if (is(test, "Compare") && nameOf(get(test, "left")) == m_t0 && list(test, "ops").size() == 1
                && is(list(test, "ops")[0], "Is") && is(list(test, "comparators")[0], "Constant")
                && get(list(test, "comparators")[0], "value").isNull() && body.size() == 1 && isClockSet(body[0]))
                return i + 2;
        }
        return i;
    }

    bool isClockSet(const JsonValue &s) const
    {
        return is(s, "Assign") && list(s, "targets").size() == 1 && nameOf(list(s, "targets")[0]) == m_t0
            && isLoopTime(get(s, "value"));
    }

    void readBlock(const std::vector<JsonValue> &stmts, std::size_t first, std::vector<Step> *out)
    {
        // A block of one `pass` is an empty block (what `tusk export` writes for one); a pass
        // among other statements is a step of its own.
        if (stmts.size() == first + 1 && is(stmts[first], "Pass"))
            return;
        for (std::size_t i = first; i < stmts.size(); ++i)
            readStatement(stmts[i], out);
    }

    Step newStep(StepOp op, const JsonValue &node)
    {
        Step s;
        s.id = m_project.newId();
        s.op = op;
        m_spans.insert(s.id, spanOf(node));
        return s;
    }

    /// A name for a variable the Python does not have but the steps need (the task of `await
    /// asyncio.create_task(f())`), free in the coroutine.
    QString freshName(const QString &base)
    {
        QString name = base;
        for (int n = 2; m_names.contains(name); ++n)
            name = base + QString::number(n);
        m_names.insert(name);
        return name;
    }

    void readStatement(const JsonValue &s, std::vector<Step> *out)
    {
        const QString type = nodeType(s);
        if (type == QLatin1String("Pass")) {
            out->push_back(newStep(StepOp::Pass, s));
        } else if (type == QLatin1String("Expr")) {
            readExpressionStatement(s, out);
        } else if (type == QLatin1String("Assign") || type == QLatin1String("AnnAssign")) {
            readAssign(s, out);
        } else if (type == QLatin1String("AugAssign")) {
            readAugAssign(s, out);
        } else if (type == QLatin1String("If") || type == QLatin1String("While")) {
            readConditional(s, type == QLatin1String("If") ? StepOp::If : StepOp::While, out);
        } else if (type == QLatin1String("Break") || type == QLatin1String("Continue")) {
            out->push_back(newStep(type == QLatin1String("Break") ? StepOp::Break : StepOp::Continue, s));
        } else if (type == QLatin1String("Return")) {
            readReturn(s, out);
        } else if (type == QLatin1String("Raise")) {
            readRaise(s, out);
        } else if (type == QLatin1String("For")) {
            readFor(s, out);
        } else if (type == QLatin1String("Try")) {
            readTry(s, out);
        } else if (type == QLatin1String("AsyncFunctionDef")) {
            add(s,
                tr("a coroutine inside a coroutine is not supported by Tusk yet; move 'async def %1' "
                   "to the top level")
                    .arg(text(s, "name")));
        } else if (type == QLatin1String("AsyncFor")) {
            unsupported(s, tr("loop with 'for NAME in range(N)' instead"));
        } else if (type == QLatin1String("AsyncWith")) {
            unsupported(s, tr("TaskGroup, locks and timeouts come with a later version; remove it"));
        } else {
            unsupported(s);
        }
    }

    void readExpressionStatement(const JsonValue &s, std::vector<Step> *out)
    {
        const JsonValue &v = get(s, "value");
        if (is(v, "Constant"))
            return;  // a string used as a comment, or `...`
        if (is(v, "Await")) {
            readAwait(v, QString(), out);
            return;
        }
        if (is(v, "Yield") || is(v, "YieldFrom")) {
            add(v,
                tr("'yield' makes '%1' an async generator, which Tusk does not support yet; return "
                   "a result instead, or print where it would yield")
                    .arg(m_coroutineName));
            return;
        }
        if (is(v, "Call")) {
            const JsonValue &f = get(v, "func");
            if (builtinName(f) == QLatin1String("print")) {
                readPrint(v, out);
                return;
            }
            const QString member = asyncioMember(f);
            if (member == QLatin1String("create_task") || member == QLatin1String("ensure_future")) {
                readCreateTask(v, QString(), s, out);
                return;
            }
            if (is(f, "Attribute") && text(f, "attr") == QLatin1String("cancel") && is(get(f, "value"), "Name")) {
                readCancel(v, out);
                return;
            }
            if (m_signatures.contains(nameOf(f))) {
                add(v,
                    tr("calling the coroutine '%1' without 'await' only creates it (Python warns "
                       "\"coroutine was never awaited\"); write 'await %1(...)' or "
                       "asyncio.create_task(%1(...))")
                        .arg(nameOf(f)));
                return;
            }
            if (const QString member = asyncioMember(f); !member.isEmpty()) {
                unsupportedCall(v);
                return;
            }
        }
        Step e = newStep(StepOp::Expr, s);
        e.value = expressionOperand(v);
        if (e.value)
            out->push_back(std::move(e));
    }

    /// What to say about a call (or another expression) Tusk has no step for.
    void unsupportedCall(const JsonValue &e)
    {
        if (is(e, "Call")) {
            const JsonValue &f = get(e, "func");
            const QString member = asyncioMember(f);
            if (!member.isEmpty()) {
                add(e,
                    tr("asyncio.%1() is not supported by Tusk yet%2; %3")
                        .arg(member, isPlannedAsyncio(member) ? tr(" (a later version brings it)") : QString(),
                            languageHint()));
                return;
            }
            QString name = nameOf(f);
            if (is(f, "Attribute"))
                name = QStringLiteral("%1.%2").arg(
                    nameOf(get(f, "value")).isEmpty() ? QStringLiteral("...") : nameOf(get(f, "value")),
                    text(f, "attr"));
            if (!name.isEmpty()) {
                add(e, tr("calling %1() is not supported by Tusk yet; %2").arg(name, languageHint()));
                return;
            }
        }
        unsupported(e);
    }

    void readAssign(const JsonValue &s, std::vector<Step> *out)
    {
        const bool annotated = is(s, "AnnAssign");
        if (annotated && get(s, "value").isNull())
            return;  // `x: int` declares, assigns nothing
        const std::vector<JsonValue> targets
            = annotated ? std::vector<JsonValue> {get(s, "target")} : list(s, "targets");
        const JsonValue &v = get(s, "value");
        if (targets.size() != 1) {
            add(s,
                tr("assigning one value to several targets (a = b = ...) is not supported by Tusk yet; "
                   "write one assignment per target"));
            return;
        }
        const QString name = nameOf(targets[0]);
        const bool taskCall = is(v, "Call")
            && (asyncioMember(get(v, "func")) == QLatin1String("create_task")
                || asyncioMember(get(v, "func")) == QLatin1String("ensure_future"));
        if (is(v, "Await")) {
            if (name.isEmpty()) {
                add(s,
                    tr("keeping what 'await' gives in anything but a variable is not supported by Tusk yet; "
                       "await into a variable first (x = await ...), then assign it"));
                return;
            }
            readAwait(v, name, out);
            return;
        }
        if (taskCall && !name.isEmpty()) {
            readCreateTask(v, name, s, out);
            return;
        }
        Step a = newStep(StepOp::Assign, s);
        std::optional<QString> target = targetText(targets[0]);
        a.value = expressionOperand(v);
        if (!target || !a.value)
            return;
        a.target = *target;
        out->push_back(std::move(a));
    }

    void readAugAssign(const JsonValue &s, std::vector<Step> *out)
    {
        static const std::pair<const char *, const char *> ops[]
            = {{"Add", "+"}, {"Sub", "-"}, {"Mult", "*"}, {"Div", "/"}, {"FloorDiv", "//"}, {"Mod", "%"}, {"Pow", "**"},
                {"LShift", "<<"}, {"RShift", ">>"}, {"BitAnd", "&"}, {"BitOr", "|"}, {"BitXor", "^"}};
        const QString opName = nodeType(get(s, "op"));
        QString op;
        for (const auto &[name, symbol] : ops) {
            if (opName == QLatin1String(name))
                op = QLatin1String(symbol);
        }
        if (op.isEmpty()) {
            unsupported(get(s, "op"));
            return;
        }
        if (is(get(s, "value"), "Await")) {
            add(get(s, "value"),
                tr("'%1= await ...' is not supported by Tusk yet; await into a variable first, then add it").arg(op));
            return;
        }
        Step a = newStep(StepOp::Assign, s);
        std::optional<QString> target = targetText(get(s, "target"));
        a.value = expressionOperand(get(s, "value"));
        if (!target || !a.value)
            return;
        a.target = *target;
        a.augOp = op;
        out->push_back(std::move(a));
    }

    /// `if test:` and `while test:`, each with its optional `else:`.
    void readConditional(const JsonValue &s, StepOp op, std::vector<Step> *out)
    {
        Step r = newStep(op, s);
        r.test = expressionOperand(get(s, "test"));
        if (!r.test)
            return;
        readBodyAndElse(s, &r);
        out->push_back(std::move(r));
    }

    /// The body of an if, while or for, and its `else:` block when it has one.
    void readBodyAndElse(const JsonValue &s, Step *r)
    {
        readBlock(list(s, "body"), 0, &r->body);
        if (!list(s, "orelse").empty()) {
            r->hasElse = true;
            readBlock(list(s, "orelse"), 0, &r->elseBody);
        }
    }

    void readReturn(const JsonValue &s, std::vector<Step> *out)
    {
        const JsonValue &v = get(s, "value");
        if (is(v, "Await")) {
            // `return await x`: the steps keep the result in a variable, then return it.
            const QString result = freshName(QStringLiteral("result"));
            readAwait(v, result, out);
            Step r = newStep(StepOp::Return, s);
            r.value = Operand::fromVar(result);
            out->push_back(std::move(r));
            return;
        }
        Step r = newStep(StepOp::Return, s);
        if (!v.isNull()) {
            r.value = operand(v);
            if (!r.value)
                return;
        }
        out->push_back(std::move(r));
    }

    void readRaise(const JsonValue &s, std::vector<Step> *out)
    {
        if (!get(s, "cause").isNull()) {
            add(get(s, "cause"), tr("'raise ... from ...' is not supported by Tusk yet; remove the 'from' part"));
            return;
        }
        Step r = newStep(StepOp::Raise, s);
        const JsonValue &e = get(s, "exc");
        if (e.isNull()) {
            out->push_back(std::move(r));
            return;
        }
        const JsonValue &type = is(e, "Call") ? get(e, "func") : e;
        r.exceptionType = exceptionType(type);
        if (r.exceptionType.isEmpty())
            return;
        if (is(e, "Call")) {
            const auto &args = list(e, "args");
            if (!list(e, "keywords").empty() || args.size() > 1) {
                add(e,
                    tr("an exception with more than one argument is not supported by Tusk yet; give it "
                       "one message"));
                return;
            }
            if (args.size() == 1) {
                r.message = operand(args[0]);
                if (!r.message)
                    return;
            }
        }
        out->push_back(std::move(r));
    }

    void readFor(const JsonValue &s, std::vector<Step> *out)
    {
        const QString var = nameOf(get(s, "target"));
        const JsonValue &iter = get(s, "iter");
        const bool isRange = is(iter, "Call") && builtinName(get(iter, "func")) == QLatin1String("range")
            && list(iter, "args").size() == 1 && list(iter, "keywords").empty();
        if (!var.isEmpty() && isRange && list(s, "orelse").empty() && var != QLatin1String("now")) {
            // `for i in range(n)`: the repeat step (version 1), as `tusk export` writes one.
            std::optional<Operand> times = operandQuiet(list(iter, "args")[0]);
            if (times && !times->isExpr()) {
                Step r = newStep(StepOp::Repeat, s);
                r.times = times;
                // `for _ in range(n)` keeps no variable, as `tusk export` writes a repeat without one.
                QSet<QString> used;
                collectNames(get(s, "body"), Names::Read, &used);
                const bool placeholder = var.count(QLatin1Char('_')) == var.size();
                if (!(placeholder && !used.contains(var)))
                    r.var = var;
                readBlock(list(s, "body"), 0, &r.body);
                out->push_back(std::move(r));
                return;
            }
        }
        Step r = newStep(StepOp::For, s);
        std::optional<QString> target = targetText(get(s, "target"));
        r.iter = expressionOperand(iter);
        if (!target || !r.iter)
            return;
        r.target = *target;
        readBodyAndElse(s, &r);
        out->push_back(std::move(r));
    }

    void readTry(const JsonValue &s, std::vector<Step> *out)
    {
        if (!list(s, "orelse").empty()) {
            add(list(s, "orelse").front(),
                tr("'try ... else' is not supported by Tusk yet; move the 'else' block to the end of "
                   "the 'try' body"));
            return;
        }
        Step r = newStep(StepOp::Try, s);
        readBlock(list(s, "body"), 0, &r.body);
        for (const JsonValue &h : list(s, "handlers")) {
            ExceptClause clause;
            const JsonValue &type = get(h, "type");
            if (type.isNull()) {
                clause.type = QStringLiteral("BaseException");  // a bare `except:` catches everything
            } else if (is(type, "Tuple")) {
                add(type,
                    tr("catching several types in one 'except' is not supported by Tusk yet; write "
                       "one 'except' clause per type"));
                continue;
            } else {
                clause.type = exceptionType(type);
                if (clause.type.isEmpty())
                    continue;
            }
            if (get(h, "name").isString())
                clause.as = text(h, "name");
            readBlock(list(h, "body"), 0, &clause.body);
            r.handlers.push_back(std::move(clause));
        }
        if (!list(s, "finalbody").empty()) {
            r.hasFinally = true;
            readBlock(list(s, "finalbody"), 0, &r.finallyBody);
        }
        out->push_back(std::move(r));
    }

    // --- asyncio steps

    void readAwait(const JsonValue &awaitNode, const QString &as, std::vector<Step> *out)
    {
        const JsonValue &v = get(awaitNode, "value");
        if (const QString task = nameOf(v); !task.isEmpty()) {
            Step s = newStep(StepOp::Await, awaitNode);
            s.task = task;
            s.as = as;
            out->push_back(std::move(s));
            return;
        }
        if (!is(v, "Call")) {
            add(v,
                tr("awaiting %1 is not supported by Tusk yet; await a task variable, a coroutine "
                   "call, asyncio.sleep() or asyncio.gather()")
                    .arg(constructName(nodeType(v))));
            return;
        }
        const JsonValue &f = get(v, "func");
        const QString member = asyncioMember(f);
        if (member == QLatin1String("sleep")) {
            if (!as.isEmpty()) {
                add(awaitNode,
                    tr("keeping the result of asyncio.sleep() is not supported by Tusk yet; remove the "
                       "assignment"));
                return;
            }
            readSleep(v, awaitNode, out);
        } else if (member == QLatin1String("gather")) {
            readGather(v, as, awaitNode, out);
        } else if (member == QLatin1String("create_task") || member == QLatin1String("ensure_future")) {
            // `await asyncio.create_task(f())`: a task that is awaited at once, as two steps.
            const JsonValue &inner = list(v, "args").empty() ? kNull : list(v, "args")[0];
            const QString base = is(inner, "Call") && !nameOf(get(inner, "func")).isEmpty()
                ? nameOf(get(inner, "func")) + QStringLiteral("_task")
                : QStringLiteral("task");
            const QString task = freshName(base);
            const std::size_t before = out->size();
            readCreateTask(v, task, awaitNode, out);
            if (out->size() == before)
                return;
            Step s = newStep(StepOp::Await, awaitNode);
            s.task = task;
            s.as = as;
            out->push_back(std::move(s));
        } else if (m_signatures.contains(nameOf(f))) {
            std::optional<Call> call = coroutineCall(v);
            if (!call)
                return;
            Step s = newStep(StepOp::Await, awaitNode);
            s.call = std::move(*call);
            s.as = as;
            out->push_back(std::move(s));
        } else {
            unsupportedCall(v);
        }
    }

    void readSleep(const JsonValue &call, const JsonValue &at, std::vector<Step> *out)
    {
        std::optional<Operand> seconds;
        const auto &args = list(call, "args");
        int given = int(args.size());
        if (args.size() == 1)
            seconds = operand(args[0]);
        for (const JsonValue &k : list(call, "keywords")) {
            ++given;
            if (text(k, "arg") == QLatin1String("delay") && args.empty()) {
                seconds = operand(get(k, "value"));
            } else {
                add(k,
                    tr("asyncio.sleep()'s argument '%1' is not supported by Tusk yet; give the seconds "
                       "only")
                        .arg(text(k, "arg")));
                return;
            }
        }
        if (given != 1) {
            add(call,
                tr("asyncio.sleep() takes the seconds to sleep in Tusk (its 'result' comes with a "
                   "later version); write asyncio.sleep(SECONDS)"));
            return;
        }
        if (!seconds)
            return;
        Step s = newStep(StepOp::Sleep, at);
        s.seconds = std::move(seconds);
        out->push_back(std::move(s));
    }

    void readGather(const JsonValue &call, const QString &as, const JsonValue &at, std::vector<Step> *out)
    {
        Step s = newStep(StepOp::Gather, at);
        s.as = as;
        bool ok = true;
        for (const JsonValue &a : list(call, "args")) {
            GatherItem item;
            if (const QString task = nameOf(a); !task.isEmpty()) {
                item.task = task;
            } else if (is(a, "Call") && m_signatures.contains(nameOf(get(a, "func")))) {
                std::optional<Call> c = coroutineCall(a);
                if (!c) {
                    ok = false;
                    continue;
                }
                item.isCall = true;
                item.call = std::move(*c);
            } else {
                // Any other argument is an expression that gives a task (`tasks[0]`), or with a
                // star an iterable of them (`*tasks`).
                item.starred = is(a, "Starred");
                std::optional<QString> text = expressionText(item.starred ? get(a, "value") : a, ExprMode::Value);
                if (!text) {
                    ok = false;
                    continue;
                }
                item.expr = *text;
            }
            s.items.push_back(std::move(item));
        }
        for (const JsonValue &k : list(call, "keywords")) {
            const JsonValue &v = get(k, "value");
            if (text(k, "arg") == QLatin1String("return_exceptions") && is(v, "Constant") && get(v, "value").isBool()) {
                s.returnExceptions = get(v, "value").toBool();
            } else {
                add(k,
                    tr("asyncio.gather() takes only return_exceptions=True or False in Tusk; remove "
                       "this argument"));
                ok = false;
            }
        }
        if (ok)
            out->push_back(std::move(s));
    }

    void readCreateTask(const JsonValue &call, const QString &as, const JsonValue &at, std::vector<Step> *out)
    {
        const auto &args = list(call, "args");
        const bool ensure = asyncioMember(get(call, "func")) == QLatin1String("ensure_future");
        const bool callsCoroutine
            = args.size() == 1 && is(args[0], "Call") && m_signatures.contains(nameOf(get(args[0], "func")));
        if (!callsCoroutine && !ensure && args.size() == 1) {
            // create_task(coro) of a coroutine object made earlier: an expression of its own.
            Step e = newStep(as.isEmpty() ? StepOp::Expr : StepOp::Assign, at);
            e.target = as;
            e.value = expressionOperand(call);
            if (e.value)
                out->push_back(std::move(e));
            return;
        }
        if (!callsCoroutine) {
            add(call,
                tr("asyncio.%1() takes a call of a coroutine of this program in Tusk, as in "
                   "asyncio.create_task(worker())")
                    .arg(ensure ? QStringLiteral("ensure_future") : QStringLiteral("create_task")));
            return;
        }
        Step s = newStep(StepOp::CreateTask, at);
        s.as = as;
        for (const JsonValue &k : list(call, "keywords")) {
            if (text(k, "arg") == QLatin1String("name") && !ensure) {
                s.name = operand(get(k, "value"));
                if (!s.name)
                    return;
            } else {
                add(k,
                    tr("asyncio.%1()'s argument '%2' is not supported by Tusk yet; remove it")
                        .arg(ensure ? QStringLiteral("ensure_future") : QStringLiteral("create_task"), text(k, "arg")));
                return;
            }
        }
        std::optional<Call> c = coroutineCall(args[0]);
        if (!c)
            return;
        s.call = std::move(*c);
        out->push_back(std::move(s));
    }

    void readCancel(const JsonValue &call, std::vector<Step> *out)
    {
        Step s = newStep(StepOp::Cancel, call);
        s.task = nameOf(get(get(call, "func"), "value"));
        const auto &args = list(call, "args");
        const auto &keywords = list(call, "keywords");
        if (args.size() + keywords.size() > 1
            || (keywords.size() == 1 && text(keywords[0], "arg") != QLatin1String("msg"))) {
            add(call, tr("task.cancel() takes one message in Tusk; write %1.cancel(\"why\")").arg(s.task));
            return;
        }
        if (!args.empty() || !keywords.empty()) {
            s.message = operand(args.empty() ? get(keywords[0], "value") : args[0]);
            if (!s.message)
                return;
        }
        out->push_back(std::move(s));
    }

    /// `f(1, x, b=2)`: a call of a coroutine, keyword arguments put where its parameters are.
    std::optional<Call> coroutineCall(const JsonValue &e)
    {
        Call call;
        call.coroutine = nameOf(get(e, "func"));
        const QStringList params = m_signatures.value(call.coroutine).params;
        std::vector<std::optional<Operand>> args;
        bool ok = true;
        for (const JsonValue &a : list(e, "args")) {
            if (is(a, "Starred")) {
                add(a, tr("'*' unpacking in a call is not supported by Tusk yet; pass each argument"));
                ok = false;
                continue;
            }
            std::optional<Operand> v = operand(a);
            ok = ok && v.has_value();
            args.push_back(std::move(v));
        }
        if (int(args.size()) > params.size()) {
            add(e,
                tr("'%1' takes %2 but %3 given; remove the extra arguments")
                    .arg(call.coroutine,
                        params.isEmpty() ? tr("no arguments")
                                         : tr("%1 (%2)").arg(params.size() == 1 ? tr("1 argument")
                                                                                : tr("%1 arguments").arg(params.size()),
                                             params.join(QStringLiteral(", "))))
                    .arg(args.size() == 1 ? tr("1 was") : tr("%1 were").arg(args.size())));
            return std::nullopt;
        }
        args.resize(std::size_t(params.size()));
        std::vector<bool> given(std::size_t(params.size()), false);
        for (std::size_t i = 0; i < list(e, "args").size() && i < given.size(); ++i)
            given[i] = true;
        for (const JsonValue &k : list(e, "keywords")) {
            const QString key = text(k, "arg");
            const qsizetype at = params.indexOf(key);
            if (key.isEmpty()) {
                add(k, tr("'**' unpacking in a call is not supported by Tusk yet; pass each argument"));
                ok = false;
            } else if (at < 0) {
                add(k,
                    tr("'%1' has no parameter '%2'; use one of its parameters (%3)")
                        .arg(call.coroutine, key, params.join(QStringLiteral(", "))));
                ok = false;
            } else if (given[std::size_t(at)]) {
                add(k, tr("'%1' gets two values for '%2'; pass it once").arg(call.coroutine, key));
                ok = false;
            } else {
                given[std::size_t(at)] = true;
                args[std::size_t(at)] = operand(get(k, "value"));
                ok = ok && args[std::size_t(at)].has_value();
            }
        }
        if (!ok)
            return std::nullopt;
        for (std::size_t i = 0; i < given.size(); ++i) {
            if (!given[i]) {
                add(e,
                    tr("'%1' is called without its argument '%2'; pass a value for it")
                        .arg(call.coroutine, params[qsizetype(i)]));
                return std::nullopt;
            }
        }
        for (std::optional<Operand> &a : args)
            call.args.push_back(std::move(*a));
        return call;
    }

    // --- values

    /// A literal, a variable, or any expression Tusk runs (as written in the source).
    std::optional<Operand> operand(const JsonValue &e) { return expressionOperand(e); }

    /// A literal or a variable, without a problem when it is neither.
    std::optional<Operand> operandQuiet(const JsonValue &e)
    {
        if (const QString name = nameOf(e); !name.isEmpty())
            return Operand::fromVar(name);
        if (std::optional<Value> v = literal(e, true))
            return Operand::fromLiteral(std::move(*v));
        return std::nullopt;
    }

    /// expressionOperand() that adds no problem when the expression cannot be held.
    std::optional<Operand> expressionOperandQuiet(const JsonValue &e)
    {
        const std::size_t before = m_problems.size();
        std::optional<Operand> o = expressionOperand(e);
        m_problems.resize(before);
        return o;
    }

    std::optional<Operand> expressionOperand(const JsonValue &e)
    {
        if (std::optional<Operand> simple = operandQuiet(e); simple && nameOf(e) != QLatin1String("now"))
            return simple;
        std::optional<QString> text = expressionText(e, ExprMode::Value);
        if (!text)
            return std::nullopt;
        return Operand::fromSource(*text);
    }

    // --- expressions as written

    /// The source text of a node, from its line and column span.
    QString sourceOf(const SourceSpan &span) const
    {
        if (span.line < 1 || span.endLine > m_lines.size() || span.endLine < span.line)
            return {};
        if (span.line == span.endLine)
            return m_lines[span.line - 1].mid(span.column - 1, span.endColumn - span.column);
        QString out = m_lines[span.line - 1].mid(span.column - 1);
        for (int l = span.line + 1; l < span.endLine; ++l)
            out += QLatin1Char('\n') + m_lines[l - 1];
        out += QLatin1Char('\n') + m_lines[span.endLine - 1].left(span.endColumn - 1);
        return out;
    }

    /// The offset of (line, column) inside the text of `span`, or -1 when the position is not
    /// in it (positions come from the tree python3 printed: never trusted blindly).
    static qsizetype offsetIn(const SourceSpan &span, int line, int column, const QStringList &lines)
    {
        if (span.line < 1 || line < span.line || line > span.endLine || span.endLine > lines.size() || column < 1)
            return -1;
        qint64 offset = 0;
        if (line == span.line) {
            offset = qint64(column) - span.column;
        } else {
            offset = qint64(lines[span.line - 1].size()) - (qint64(span.column) - 1) + 1;
            for (int l = span.line + 1; l < line; ++l)
                offset += lines[l - 1].size() + 1;
            offset += qint64(column) - 1;
        }
        return offset;
    }

    /// What to write instead of a node in Tusk's spelling: the `now` helper's call is `now`, an
    /// alias of asyncio or builtins is the module's own name.
    void collectRewrites(const JsonValue &node, std::vector<std::pair<SourceSpan, QString>> *out, bool *ok)
    {
        if (!node.isObject()) {
            if (node.isArray()) {
                for (const JsonValue &item : node.items())
                    collectRewrites(item, out, ok);
            }
            return;
        }
        if (is(node, "Call") && !m_nowHelper.isEmpty() && nameOf(get(node, "func")) == m_nowHelper
            && list(node, "args").empty()) {
            out->emplace_back(spanOf(node), QStringLiteral("now"));
            return;
        }
        if (is(node, "Attribute") && is(get(node, "value"), "Name")) {
            const QString base = nameOf(get(node, "value"));
            if (m_builtinsAliases.contains(base)) {
                out->emplace_back(spanOf(node), text(node, "attr"));
                return;
            }
            if (m_asyncioAliases.contains(base) && base != QLatin1String("asyncio")) {
                out->emplace_back(spanOf(get(node, "value")), QStringLiteral("asyncio"));
                return;
            }
            if (m_randomAliases.contains(base) && base != QLatin1String("random")) {
                out->emplace_back(spanOf(get(node, "value")), QStringLiteral("random"));
                return;
            }
        }
        if (is(node, "Name")) {
            const QString name = nameOf(node);
            if (m_fromRandom.contains(name)) {
                out->emplace_back(spanOf(node), QStringLiteral("random.") + m_fromRandom.value(name));
                return;
            }
            if (m_fromAsyncio.contains(name)) {
                out->emplace_back(spanOf(node), QStringLiteral("asyncio.") + m_fromAsyncio.value(name));
                return;
            }
            if (name == QLatin1String("now")) {
                add(node,
                    tr("'now' is reserved by Tusk (in an expression it is the time since the program "
                       "started); rename the variable"));
                *ok = false;
                return;
            }
        }
        for (const auto &[key, value] : node.members()) {
            if (key != QLatin1String("at") && key != QLatin1String("_"))
                collectRewrites(value, out, ok);
        }
    }

    /// An expression (or target) as Tusk keeps it: its source text in Tusk's spelling, checked by
    /// Tusk's own parser; a problem (at its character) when Tusk cannot run it.
    std::optional<QString> expressionText(const JsonValue &e, ExprMode mode)
    {
        const SourceSpan span = spanOf(e);
        QString text = sourceOf(span);
        if (text.isEmpty()) {
            unsupported(e);
            return std::nullopt;
        }
        std::vector<std::pair<SourceSpan, QString>> rewrites;
        bool ok = true;
        collectRewrites(e, &rewrites, &ok);
        if (!ok)
            return std::nullopt;
        std::sort(rewrites.begin(), rewrites.end(), [](const auto &a, const auto &b) {
            return std::pair(a.first.line, a.first.column) > std::pair(b.first.line, b.first.column);
        });
        for (const auto &[at, replacement] : rewrites) {
            const qsizetype from = offsetIn(span, at.line, at.column, m_lines);
            const qsizetype to = offsetIn(span, at.endLine, at.endColumn, m_lines);
            if (from < 0 || to < from || to > text.size()) {
                unsupported(e);  // a node outside its parent's text: not a tree python3 wrote
                return std::nullopt;
            }
            text.replace(from, to - from, replacement);
        }
        // A parenthesised expression's node starts inside the parentheses; a tuple without
        // them (`a, b`) reads the same.
        Expression parsed;
        ExprError error;
        if (!parseExpression(text, mode, &parsed, &error)) {
            SourceSpan at = span;
            if (!text.left(error.index).contains(QLatin1Char('\n')) && rewrites.empty())
                at.column += error.index;
            addAt(at, tr("%1; %2").arg(error.message, languageHint()));
            return std::nullopt;
        }
        return text;
    }

    std::optional<QString> targetText(const JsonValue &e)
    {
        if (const QString name = nameOf(e); !name.isEmpty()) {
            if (name == QLatin1String("now")) {
                add(e, tr("'now' is reserved by Tusk (it is the time since the program started); rename the variable"));
                return std::nullopt;
            }
            return name;
        }
        return expressionText(e, ExprMode::Target);
    }

    /// A constant (with its sign), or `float("inf")` as `tusk export` writes non-finite floats.
    std::optional<Value> literal(const JsonValue &e, bool quiet = false)
    {
        if (is(e, "UnaryOp") && (is(get(e, "op"), "USub") || is(get(e, "op"), "UAdd"))) {
            const JsonValue &inner = get(e, "operand");
            const bool negate = is(get(e, "op"), "USub");
            std::optional<Value> v = is(inner, "Constant") ? literal(inner, true) : std::nullopt;
            if (v && v->kind() == Value::Kind::Int
                && !(negate && v->toInt() == std::numeric_limits<std::int64_t>::min()))
                return Value::integer(negate ? -v->toInt() : v->toInt());
            if (v && v->kind() == Value::Kind::Float)
                return Value::floating(negate ? -v->toFloat() : v->toFloat());
            if (!quiet)
                add(e,
                    tr("a sign applies to a number in Tusk; %1 is not supported yet")
                        .arg(constructName(nodeType(inner))));
            return std::nullopt;
        }
        if (is(e, "Call") && builtinName(get(e, "func")) == QLatin1String("float") && list(e, "args").size() == 1
            && list(e, "keywords").empty() && isStringConstant(list(e, "args")[0])) {
            const QString spelled = get(list(e, "args")[0], "value").toString();
            if (spelled == QLatin1String("inf"))
                return Value::floating(std::numeric_limits<double>::infinity());
            if (spelled == QLatin1String("-inf"))
                return Value::floating(-std::numeric_limits<double>::infinity());
            if (spelled == QLatin1String("nan"))
                return Value::floating(std::numeric_limits<double>::quiet_NaN());
        }
        if (is(e, "Constant")) {
            const JsonValue &v = get(e, "value");
            if (v.isNull())
                return Value::none();
            if (v.isBool())
                return Value::boolean(v.toBool());
            if (v.isString())
                return Value::string(v.toString());
            if (const JsonValue *i = v.find(QStringLiteral("int"))) {
                const QByteArray digits = i->toString().toLatin1();
                std::int64_t n = 0;
                const auto [end, ec] = std::from_chars(digits.constData(), digits.constData() + digits.size(), n);
                if (ec == std::errc() && end == digits.constData() + digits.size())
                    return Value::integer(n);
                if (!quiet)
                    add(e, tr("integers beyond 64 bits are not supported by Tusk yet; use a smaller number"));
                return std::nullopt;
            }
            if (const JsonValue *f = v.find(QStringLiteral("float"))) {
                bool ok = false;
                const double d = f->toString().toDouble(&ok);  // repr() reads back exactly
                if (ok)
                    return Value::floating(d);
            }
            if (!quiet) {
                const QString kind = get(v, "other").toString();
                add(e,
                    tr("%1 values are not supported by Tusk yet; use a number, a string, True, False "
                       "or None")
                        .arg(kind.isEmpty() ? QStringLiteral("these") : kind));
            }
            return std::nullopt;
        }
        if (!quiet)
            add(e,
                tr("%1 is not supported by Tusk yet: a step takes a literal (1, 0.5, \"text\", True, "
                   "None) or a variable, and expressions come with a later version")
                    .arg(constructName(nodeType(e))));
        return std::nullopt;
    }

    // --- print and its template

    void readPrint(const JsonValue &call, std::vector<Step> *out)
    {
        // print(..., end="") and print(*values) run as the builtin itself (an expression step);
        // the print step is for whole lines.
        bool asBuiltin = false;
        for (const JsonValue &k : list(call, "keywords")) {
            const JsonValue &v = get(k, "value");
            const bool isNone = is(v, "Constant") && get(v, "value").isNull();
            if (text(k, "arg") == QLatin1String("end")
                && !(isNone || (isStringConstant(v) && get(v, "value").toString() == QLatin1String("\n"))))
                asBuiltin = true;
            if (text(k, "arg") == QLatin1String("sep") && !(isNone || isStringConstant(v)))
                asBuiltin = true;
        }
        for (const JsonValue &a : list(call, "args"))
            asBuiltin = asBuiltin || is(a, "Starred");
        if (asBuiltin
            && !std::any_of(list(call, "keywords").begin(), list(call, "keywords").end(),
                [](const JsonValue &k) { return text(k, "arg") == QLatin1String("file"); })) {
            Step e = newStep(StepOp::Expr, call);
            e.value = expressionOperand(call);
            if (e.value)
                out->push_back(std::move(e));
            return;
        }
        QString sep = QStringLiteral(" ");
        bool ok = true;
        const std::size_t problemsBefore = m_problems.size();
        for (const JsonValue &k : list(call, "keywords")) {
            const QString key = text(k, "arg");
            const JsonValue &v = get(k, "value");
            const bool isNone = is(v, "Constant") && get(v, "value").isNull();
            if (key == QLatin1String("sep") && (isStringConstant(v) || isNone)) {
                if (!isNone)
                    sep = get(v, "value").toString();
            } else if (key == QLatin1String("end")
                && (isNone || (isStringConstant(v) && get(v, "value").toString() == QLatin1String("\n")))) {
                continue;
            } else if (key == QLatin1String("flush")) {
                continue;  // output order is the same either way
            } else if (key == QLatin1String("end")) {
                add(k,
                    tr("print(..., end=...) is not supported by Tusk yet: a print step prints one "
                       "whole line; put the text into one print"));
                ok = false;
            } else if (key == QLatin1String("file")) {
                add(k,
                    tr("print(..., file=...) is not supported by Tusk yet: Tusk prints to standard "
                       "output; remove it"));
                ok = false;
            } else {
                add(k, tr("print()'s argument '%1' is not supported by Tusk yet; remove it").arg(key));
                ok = false;
            }
        }
        QStringList pieces;
        bool piecesOk = true;
        const std::size_t piecesProblems = m_problems.size();
        for (const JsonValue &a : list(call, "args")) {
            std::optional<QString> piece = templatePiece(a);
            if (!piece)
                piecesOk = false;
            else
                pieces << *piece;
        }
        if (ok && !piecesOk && problemsBefore == piecesProblems) {
            // What a template cannot hold (a backslash inside braces, a '#') still prints
            // through the builtin: the line is the same.
            const std::vector<Problem> templateProblems(
                m_problems.begin() + std::ptrdiff_t(piecesProblems), m_problems.end());
            m_problems.resize(piecesProblems);
            Step e = newStep(StepOp::Expr, call);
            e.value = expressionOperandQuiet(call);
            if (e.value) {
                out->push_back(std::move(e));
                return;
            }
            m_problems.insert(m_problems.end(), templateProblems.begin(), templateProblems.end());
        }
        if (!ok || !piecesOk)
            return;
        Step s = newStep(StepOp::Print, call);
        s.text = pieces.join(escapeBraces(sep));
        out->push_back(std::move(s));
    }

    /// What one argument of print() prints, as template text.
    std::optional<QString> templatePiece(const JsonValue &e)
    {
        if (is(e, "JoinedStr"))
            return fString(e);
        if (is(e, "Constant") || is(e, "UnaryOp")) {
            if (std::optional<Value> v = literal(e, true))
                return escapeBraces(pyStr(*v));
        }
        if (std::optional<QString> f = field(e, true))
            return QStringLiteral("{%1}").arg(*f);
        if (is(e, "Call")) {
            if (std::optional<QString> f = convertedField(e))
                return f;
        }
        if (is(e, "BinOp") && is(get(e, "op"), "Add") && isStringChain(e))
            return stringPiece(
                e);  // `"a" + format(x, "spec")`: how `tusk export` spells a spec an f-string cannot hold
        if (!is(e, "Starred") && !is(e, "Await")) {
            if (std::optional<QString> f = expressionField(e))
                return QStringLiteral("{%1}").arg(*f);
            return std::nullopt;
        }
        if (is(e, "Starred"))
            add(e, tr("print(*values) is not supported by Tusk yet; print each value"));
        else if (is(e, "Await"))
            add(e,
                tr("printing what 'await' gives directly is not supported by Tusk yet; keep it in a "
                   "variable first (x = await ...) and print the variable"));
        else
            add(e,
                tr("printing %1 is not supported by Tusk yet: print prints text, variables, "
                   "task.done(), task.cancelled() and f-strings of them (expressions come with a later "
                   "version)")
                    .arg(describeExpression(e)));
        return std::nullopt;
    }

    /// A `+` chain of what is a str already: string constants, f-strings and str()/repr()/format().
    bool isStringChain(const JsonValue &e) const
    {
        if (isStringConstant(e) || is(e, "JoinedStr"))
            return true;
        if (is(e, "BinOp") && is(get(e, "op"), "Add"))
            return isStringChain(get(e, "left")) && isStringChain(get(e, "right"));
        if (is(e, "Call")) {
            const QString f = builtinName(get(e, "func"));
            return f == QLatin1String("repr") || f == QLatin1String("str") || f == QLatin1String("ascii")
                || f == QLatin1String("format");
        }
        return false;
    }

    /// Any expression as the text of a template field: what f-strings allow inside braces.
    std::optional<QString> expressionField(const JsonValue &e)
    {
        std::optional<QString> text = expressionText(e, ExprMode::Value);
        if (!text)
            return std::nullopt;
        if (text->contains(QLatin1Char('\\'))) {
            add(e,
                tr("a backslash cannot stand inside an f-string's braces in Python 3.11; keep the value "
                   "in a variable first"));
            return std::nullopt;
        }
        if (text->contains(QLatin1Char('#'))) {
            add(e, tr("this expression cannot stand inside an f-string's braces; keep it in a variable first"));
            return std::nullopt;
        }
        // `{ {...} }`: a field that starts with a brace needs a space, or it reads as `{{`.
        if (text->startsWith(QLatin1Char('{')) || text->endsWith(QLatin1Char('}')))
            return QLatin1Char(' ') + *text + QLatin1Char(' ');
        return *text;
    }

    /// A piece of a `+` chain: only what is a str already (so Python's `+` cannot fail).
    std::optional<QString> stringPiece(const JsonValue &e)
    {
        if (isStringConstant(e))
            return escapeBraces(get(e, "value").toString());
        if (is(e, "JoinedStr"))
            return fString(e);
        if (is(e, "BinOp") && is(get(e, "op"), "Add")) {
            std::optional<QString> left = stringPiece(get(e, "left"));
            std::optional<QString> right = left ? stringPiece(get(e, "right")) : std::nullopt;
            if (left && right)
                return *left + *right;
            return std::nullopt;
        }
        if (is(e, "Call")) {
            if (std::optional<QString> f = convertedField(e))
                return f;
        }
        add(e,
            tr("joining %1 with '+' is not supported by Tusk yet; write one f-string instead")
                .arg(constructName(nodeType(e))));
        return std::nullopt;
    }

    /// `repr(x)`, `str(x)`, `ascii(x)`, `format(x, "spec")`, `format(repr(x), "spec")` as a
    /// template field; nullopt (and no problem: the caller reports) otherwise.
    std::optional<QString> convertedField(const JsonValue &e)
    {
        const QString f = builtinName(get(e, "func"));
        const auto &args = list(e, "args");
        if (!list(e, "keywords").empty())
            return std::nullopt;
        if ((f == QLatin1String("repr") || f == QLatin1String("str") || f == QLatin1String("ascii"))
            && args.size() == 1) {
            std::optional<QString> inner = fieldQuiet(args[0]);
            if (!inner)
                return std::nullopt;
            if (f == QLatin1String("str"))
                return QStringLiteral("{%1!s}").arg(*inner);
            return QStringLiteral("{%1!%2}").arg(*inner, f.left(1));
        }
        if (f == QLatin1String("format") && (args.size() == 1 || args.size() == 2)) {
            QString spec;
            if (args.size() == 2) {
                if (!isStringConstant(args[1]))
                    return std::nullopt;
                spec = get(args[1], "value").toString();
                if (spec.contains(QLatin1Char('{')) || spec.contains(QLatin1Char('}')))
                    return std::nullopt;
            }
            QString inner;
            if (is(args[0], "Call")) {
                if (std::optional<QString> converted = convertedField(args[0])) {
                    if (converted->contains(QLatin1Char(':')))
                        return std::nullopt;
                    inner = converted->mid(1, converted->size() - 2);  // `x!r`
                }
            }
            if (inner.isEmpty()) {
                std::optional<QString> plain = fieldQuiet(args[0]);
                if (!plain)
                    return std::nullopt;
                inner = *plain;
            }
            return args.size() == 1 ? QStringLiteral("{%1}").arg(inner) : QStringLiteral("{%1:%2}").arg(inner, spec);
        }
        return std::nullopt;
    }

    /// A field for any expression, or nullopt without a problem.
    std::optional<QString> fieldQuiet(const JsonValue &e)
    {
        if (std::optional<QString> plain = field(e, true))
            return plain;
        const std::size_t before = m_problems.size();
        std::optional<QString> text = expressionField(e);
        m_problems.resize(before);
        return text;
    }

    /// A template field's expression: a variable, `t.done()`, `t.cancelled()` or the now
    /// helper's call. `quiet`: no problem when it is something else.
    std::optional<QString> field(const JsonValue &e, bool quiet)
    {
        if (const QString name = nameOf(e); !name.isEmpty() && name != m_nowHelper) {
            if (name == QLatin1String("now")) {
                // In a template `{now}` is Tusk's clock; in Python it is a variable.
                add(e,
                    tr("'now' is reserved by Tusk (in a template it is the time since the program "
                       "started); rename the variable"));
                return std::nullopt;
            }
            return name;
        }
        if (is(e, "Call") && list(e, "args").empty() && list(e, "keywords").empty()) {
            const JsonValue &f = get(e, "func");
            if (!m_nowHelper.isEmpty() && nameOf(f) == m_nowHelper)
                return QStringLiteral("now");
            if (is(f, "Attribute") && is(get(f, "value"), "Name")
                && (text(f, "attr") == QLatin1String("done") || text(f, "attr") == QLatin1String("cancelled")))
                return QStringLiteral("%1.%2()").arg(nameOf(get(f, "value")), text(f, "attr"));
        }
        if (!quiet)
            return expressionField(e);
        return std::nullopt;
    }

    std::optional<QString> fString(const JsonValue &e)
    {
        QString out;
        bool ok = true;
        for (const JsonValue &part : list(e, "values")) {
            if (isStringConstant(part)) {
                out += escapeBraces(get(part, "value").toString());
                continue;
            }
            if (!is(part, "FormattedValue")) {
                unsupported(part);
                ok = false;
                continue;
            }
            std::optional<QString> f = field(get(part, "value"), false);
            if (!f) {
                ok = false;
                continue;
            }
            QString fieldText = *f;
            const JsonValue &conversion = get(part, "conversion");
            const qint64 c = conversion.isObject() ? get(conversion, "int").toString().toLongLong() : -1;
            const JsonValue &spec = get(part, "format_spec");
            const QString debug = get(part, "debug").toString();
            if (!debug.isEmpty() && out.endsWith(escapeBraces(debug))) {
                // `{x=}`: CPython wrote "x=" into the literal before it; the template says it once.
                out.chop(escapeBraces(debug).size());
                fieldText = debug;
                const bool implicitRepr = c == 'r' && !spec.isObject();
                if ((c == 's' || c == 'r' || c == 'a') && !implicitRepr)
                    fieldText += QLatin1Char('!') + QChar(char16_t(c));
            } else if (c == 's' || c == 'r' || c == 'a') {
                fieldText += QLatin1Char('!') + QChar(char16_t(c));
            }
            if (spec.isObject()) {
                QString specText;
                for (const JsonValue &s : list(spec, "values")) {
                    if (!isStringConstant(s)) {
                        add(s,
                            tr("a field inside a format spec is not supported by Tusk yet; write the "
                               "spec out, as in {x:>8}"));
                        ok = false;
                        break;
                    }
                    specText += get(s, "value").toString();
                }
                if (specText.contains(QLatin1Char('{')) || specText.contains(QLatin1Char('}'))) {
                    add(spec, tr("braces in a format spec are not supported by Tusk; remove them"));
                    ok = false;
                }
                fieldText += QLatin1Char(':') + specText;  // `{x:}` stays as written
            }
            out += QLatin1Char('{') + fieldText + QLatin1Char('}');
        }
        if (!ok)
            return std::nullopt;
        return out;
    }

    // --- validation

    /// The language's own checks (names, scopes, calls, the entry), each problem at the line of
    /// the item it is about.
    void validate()
    {
        static const QRegularExpression coroutineIndex(QStringLiteral("^coroutines\\[(\\d+)\\]"));
        // A fragment is checked inside the project it joins: the open project's coroutines (but
        // those it replaces) stand beside it, and their own problems are not the fragment's.
        Project checked = m_project;
        const std::size_t own = checked.coroutines.size();
        if (!m_options.requireEntry) {
            for (const Coroutine &c : m_options.existing) {
                if (!m_project.findCoroutine(c.name)) {
                    Coroutine stub = c;
                    stub.id = kNoId;
                    checked.coroutines.push_back(std::move(stub));
                }
            }
        }
        for (Problem p : validateProject(checked)) {
            const QRegularExpressionMatch m = coroutineIndex.match(p.path);
            if (m.hasMatch() && m.captured(1).toUInt() >= own)
                continue;
            SourceSpan at;
            if (p.stepId != kNoId)
                at = m_spans.value(p.stepId);
            if (!at.isValid() && p.path == QLatin1String("entry"))
                at = m_entrySpan;
            if (!at.isValid()) {
                const int i = m.hasMatch() ? m.captured(1).toInt() : -1;
                if (i >= 0 && i < int(m_project.coroutines.size()))
                    at = m_spans.value(m_project.coroutines[std::size_t(i)].id);
            }
            if (!m_options.requireEntry && p.path == QLatin1String("entry"))
                continue;
            p.line = at.line;
            p.column = at.column;
            p.path.clear();
            m_problems.push_back(std::move(p));
        }
    }

    const PythonImportOptions &m_options;
    Project m_project;
    Problems m_problems;
    QHash<ItemId, SourceSpan> m_spans;
    QHash<QString, Signature> m_signatures;
    std::vector<const JsonValue *> m_defs;
    QSet<QString> m_asyncioAliases;
    QHash<QString, QString> m_fromAsyncio;  ///< local name -> asyncio member
    QSet<QString> m_randomAliases;  ///< `import random as r`
    QHash<QString, QString> m_fromRandom;  ///< local name -> random's function
    QSet<QString> m_builtinsAliases;
    QString m_nowHelper;
    QString m_t0;
    QStringList m_lines;  ///< the source, for expressions as they were written
    const JsonValue *m_nowHelperNode = nullptr;
    QString m_entry;
    bool m_entryRunSeen = false;
    SourceSpan m_entrySpan;
    SourceSpan m_endOfModule {1, 1, 1, 1};
    QSet<QString> m_names;  ///< every name the coroutine being read uses
    QString m_coroutineName;  ///< the coroutine being read
};

}  // namespace

PythonImport importPython(const QByteArray &source, const QString &fileName, const PythonImportOptions &options)
{
    PythonAst ast = parsePythonSource(source, fileName);
    if (!ast.problems.empty()) {
        PythonImport out;
        out.problems = std::move(ast.problems);
        return out;
    }
    return importPythonTree(ast.module, options);
}

PythonImport importPythonTree(const JsonValue &module, const PythonImportOptions &options)
{
    return PythonImporter(options).run(module);
}

PythonImport importPythonFile(const QString &fileName, const PythonImportOptions &options)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        PythonImport out;
        Problem p;
        p.message
            = QCoreApplication::translate("tusk::PythonImporter", "cannot read the file: %1").arg(file.errorString());
        out.problems.push_back(std::move(p));
        return out;
    }
    return importPython(file.readAll(), QFileInfo(fileName).fileName(), options);
}

QString importProblemLine(const QString &fileName, const Problem &problem)
{
    if (problem.line <= 0)
        return QStringLiteral("%1: %2").arg(fileName, problem.message);
    return QStringLiteral("%1:%2:%3: %4")
        .arg(fileName)
        .arg(problem.line)
        .arg(std::max(problem.column, 1))
        .arg(problem.message);
}

}  // namespace tusk
