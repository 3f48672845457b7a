#pragma once

#include "jsonvalue.h"
#include "value.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace tusk {

/// Stable identity of a coroutine or step inside one open project. Ids are assigned when a
/// project is loaded or an item is created, are never reused within a Project, and are not
/// written to files. The editor's graphics items and undo commands refer to items by id.
using ItemId = std::uint32_t;
constexpr ItemId kNoId = 0;

/// A value written in a step: a literal (number, string, true/false, null), `{ "var": name }`,
/// or (format version 2) any Python expression, `{ "expr": "i * 2" }`, kept as its source text.
struct Operand {
    bool isVar = false;
    Value literal;  ///< when neither isVar nor isExpr()
    QString var;  ///< when isVar
    QString expr;  ///< an expression's source text; non-empty for the expression form

    bool isExpr() const { return !expr.isEmpty(); }
    static Operand fromLiteral(Value v) { return Operand {false, std::move(v), {}, {}}; }
    static Operand fromVar(QString name) { return Operand {true, {}, std::move(name), {}}; }
    /// Python source as the simplest form that holds it: a literal written as its repr writes
    /// it (`3`, `-1.5`, `'a'`, `None`) is a literal, a bare name a variable, anything else an
    /// expression. Text that does not parse stays an expression (the validator reports it).
    static Operand fromSource(const QString &text);
    /// The operand as Python source (`3`, `'a'`, `x`, `i * 2`).
    QString source() const;
    bool operator==(const Operand &o) const;
};

/// `{ "coroutine": name, "args": [...] }`
struct Call {
    QString coroutine;
    std::vector<Operand> args;
    bool operator==(const Call &o) const = default;
};

/// One entry of `gather.items`: `{ "task": var }`, `{ "call": ... }`, or (format 2) an expression
/// that gives a task, `{ "expr": "tasks[0]" }`, or one whose items are spread into the call,
/// `{ "starred": "tasks" }` for `gather(*tasks)`.
struct GatherItem {
    bool isCall = false;
    QString task;  ///< when !isCall and expr is empty
    Call call;  ///< when isCall
    QString expr;  ///< format 2: the expression's Python source, when not a call or a plain variable
    bool starred = false;  ///< with expr: `*expr`, each item of the iterable is an argument
    bool isExpr() const { return !isCall && !expr.isEmpty(); }
    static GatherItem ofTask(const QString &variable)
    {
        GatherItem item;
        item.task = variable;
        return item;
    }
    static GatherItem ofCall(const Call &c)
    {
        GatherItem item;
        item.isCall = true;
        item.call = c;
        return item;
    }
    bool operator==(const GatherItem &o) const = default;
};

enum class StepOp : std::uint8_t {
    Print,
    Sleep,
    CreateTask,
    Await,
    Gather,
    Cancel,
    Raise,
    Return,
    Repeat,
    Try,
    // Format version 2.
    Assign,
    If,
    While,
    For,
    Break,
    Continue,
    Pass,
    Expr,
};

/// The `op` string of a step kind (`print`, `create_task`, ...).
QString stepOpName(StepOp op);
bool stepOpFromName(const QString &name, StepOp *out);

struct Step;

/// `{ "type": "ValueError", "as": "e", "body": [...] }` of a try step.
struct ExceptClause {
    QString type;  ///< one of the nameable exception types
    QString as;  ///< empty when absent
    std::vector<Step> body;
    bool operator==(const ExceptClause &o) const;
};

/// One step of a coroutine body. A single struct for every op keeps the editor's inspector and
/// the JSON code simple; which fields mean something depends on `op` (see the spec's table).
struct Step {
    ItemId id = kNoId;
    StepOp op = StepOp::Print;

    QString text;  ///< print: the template
    std::optional<Operand> seconds;  ///< sleep
    std::optional<Call> call;  ///< create_task, await (call form)
    QString task;  ///< await (task form), cancel: the variable
    QString as;  ///< create_task, await, gather: result variable, or empty
    std::optional<Operand> name;  ///< create_task: task name
    std::vector<GatherItem> items;  ///< gather
    bool returnExceptions = false;  ///< gather
    std::optional<Operand> message;  ///< cancel, raise
    QString exceptionType;  ///< raise: empty for a bare `raise`
    std::optional<Operand> value;  ///< return, assign, expr
    std::optional<Operand> times;  ///< repeat
    std::optional<Operand> test;  ///< if, while: the condition
    std::optional<Operand> iter;  ///< for: what it walks
    QString target;  ///< assign, for: the target as Python source (`x`, `a, b`, `d[k]`)
    QString augOp;  ///< assign: empty for `=`, else the operator of `OP=` (`+`, `//`, `**`, ...)
    QString var;  ///< repeat: loop variable, or empty
    std::vector<Step> body;  ///< repeat, try, if, while, for
    std::vector<ExceptClause> handlers;  ///< try
    bool hasFinally = false;  ///< try
    std::vector<Step> finallyBody;  ///< try
    bool hasElse = false;  ///< if, while, for
    std::vector<Step> elseBody;  ///< if, while, for: `else:` (an `elif` is an if alone in it)

    /// Equal content, ids ignored.
    bool operator==(const Step &o) const;
};

/// Calls `fn` on every list of steps nested directly in `step`, in the order a file writes them:
/// its body, each except clause's body, the finally body, the else body.
template<typename S, typename Fn> void forEachNestedList(S &step, const Fn &fn)
{
    fn(step.body);
    for (auto &h : step.handlers)
        fn(h.body);
    fn(step.finallyBody);
    fn(step.elseBody);
}

/// A docstring's text as a coroutine's `doc` keeps it: what inspect.cleandoc() leaves (no
/// indentation shared by the lines after the first, no leading spaces on the first, no trailing
/// spaces, no blank lines around), except that tabs stay tabs. The importer and the editor store
/// docs so; any text without leading spaces on its first line, trailing spaces and blank lines
/// around comes back the same from an export and an import.
QString cleanDoc(const QString &text);

struct Coroutine {
    ItemId id = kNoId;
    QString name;
    /// What the coroutine does, for readers: its Python docstring (format version 2's `doc`);
    /// empty when it has none. It changes nothing in a run.
    QString doc;
    QStringList params;
    std::vector<Step> body;
    bool operator==(const Coroutine &o) const;  ///< ids ignored
};

/// A whole `.tusk` document.
struct Project {
    /// The newest format this build reads. A project is saved with the lowest version that holds
    /// it (see formatVersionNeeded()), so a project without version-2 content stays a v1 file.
    static constexpr int kFormatVersion = 2;

    int version = 1;  ///< as read; saving writes formatVersionNeeded()
    QString title;
    QString entry = QStringLiteral("main");
    std::vector<Coroutine> coroutines;
    /// Format 2: `random.seed(...)` before asyncio.run(), an int or a str (`"random_seed"`).
    /// Without it a run seeds `random` with a seed of its own and shows it.
    std::optional<std::variant<std::int64_t, QString>> randomSeed;
    JsonValue layout;  ///< editor data (positions), kept verbatim; an object or null
    /// Top-level keys this version does not know, written back on save in their order.
    std::vector<std::pair<QString, JsonValue>> extraKeys;

    /// Equal content, ids and the version a file was read with ignored.
    bool operator==(const Project &o) const;

    /// The lowest format version that holds this project: 2 when it uses anything version 2
    /// added (a `doc`, an expression, a version-2 step kind or exception type), else 1.
    int formatVersionNeeded() const;

    const Coroutine *findCoroutine(const QString &name) const;
    int coroutineIndex(const QString &name) const;  ///< -1 when absent

    /// Gives every coroutine and step without an id a fresh one.
    void assignIds();
    ItemId newId() { return ++m_lastId; }

    /// Finds a step anywhere by id (nullptr when absent).
    Step *findStep(ItemId id);
    const Step *findStep(ItemId id) const;

private:
    ItemId m_lastId = kNoId;
};

}  // namespace tusk
