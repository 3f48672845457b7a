#include "validator.h"

#include "expression.h"
#include "identifier.h"
#include "pybuiltins.h"
#include "pyrandom.h"
#include "stepkinds.h"
#include "template.h"

#include <QSet>
#include <functional>

namespace tusk {

namespace {

// Python 3.11's keyword.kwlist.
const char *const kKeywords[] = {
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
};

// Names Tusk gives a meaning of its own: `now` in templates, and the two globals the Python
// equivalent uses.
const char *const kReserved[] = {"now", "asyncio", "print"};

// Why `name` cannot be used, or an empty string when it can.
QString nameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("a name cannot be empty");
    for (const char *k : kKeywords) {
        if (name == QLatin1String(k))
            return QStringLiteral("'%1' is a Python keyword").arg(name);
    }
    for (const char *r : kReserved) {
        if (name == QLatin1String(r))
            return QStringLiteral("'%1' is reserved by Tusk").arg(name);
    }
    const QList<uint> cps = name.toUcs4();
    bool ok = isIdentifierStart(cps.front());
    for (qsizetype i = 1; ok && i < cps.size(); ++i)
        ok = isIdentifierContinue(cps[i]);
    if (!ok) {
        return QStringLiteral("'%1' is not a Python identifier (letters, digits and '_', not starting with a digit)")
            .arg(name);
    }
    // Python reads identifiers in NFKC form, so two spellings could name one variable.
    const QString nfkc = name.normalized(QString::NormalizationForm_KC);
    if (nfkc != name)
        return QStringLiteral("'%1' is not in Unicode NFKC form (Python would read it as '%2')").arg(name, nfkc);
    return {};
}

QString index(const QString &path, const char *field, std::size_t i)
{
    return QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(field)).arg(i);
}

QString field(const QString &path, const char *name)
{
    return path + QLatin1Char('.') + QLatin1String(name);
}

QString exceptionNamesList()
{
    QStringList names;
    for (const char *n : exceptionTypeNames())
        names << QLatin1String(n);
    return names.join(QStringLiteral(", "));
}

// The modules an expression may name: asyncio for create_task, random for its functions.
bool isModuleName(const QString &name)
{
    return name == u"asyncio" || name == u"random";
}

bool isLoop(StepOp op)
{
    return op == StepOp::Repeat || op == StepOp::While || op == StepOp::For;
}

class Validator {
public:
    explicit Validator(const Project &p)
        : m_project(p)
    {
    }

    Problems run()
    {
        checkCoroutineNames();
        checkEntry();
        for (std::size_t i = 0; i < m_project.coroutines.size(); ++i)
            checkCoroutine(m_project.coroutines[i], QStringLiteral("coroutines[%1]").arg(i));
        return std::move(m_problems);
    }

private:
    void add(const QString &path, const QString &message, ItemId stepId = kNoId)
    {
        Problem p;
        p.path = path;
        p.message = message;
        p.coroutineId = m_coroutineId;
        p.stepId = stepId;
        m_problems.push_back(std::move(p));
    }

    void checkName(const QString &name, const QString &path, const char *what, ItemId stepId)
    {
        const QString why = nameProblem(name);
        if (!why.isEmpty())
            add(path, QStringLiteral("invalid %1 name: %2").arg(QLatin1String(what), why), stepId);
    }

    void checkCoroutineNames()
    {
        for (std::size_t i = 0; i < m_project.coroutines.size(); ++i) {
            const Coroutine &c = m_project.coroutines[i];
            m_coroutineId = c.id;
            const QString path = QStringLiteral("coroutines[%1].name").arg(i);
            checkName(c.name, path, "coroutine", kNoId);
            const int first = m_project.coroutineIndex(c.name);
            if (first >= 0 && std::size_t(first) != i) {
                add(path,
                    QStringLiteral("duplicate coroutine name '%1' (coroutines[%2] has it too)").arg(c.name).arg(first));
            }
            for (qsizetype j = 0; j < c.params.size(); ++j) {
                const QString ppath = QStringLiteral("coroutines[%1].params[%2]").arg(i).arg(j);
                checkName(c.params[j], ppath, "parameter", kNoId);
                if (c.params.indexOf(c.params[j]) != j)
                    add(ppath, QStringLiteral("duplicate parameter '%1' in '%2'").arg(c.params[j], c.name));
            }
        }
        m_coroutineId = kNoId;
    }

    void checkEntry()
    {
        const QString path = QStringLiteral("entry");
        if (m_project.entry.isEmpty()) {
            add(path, QStringLiteral("no entry coroutine: 'entry' must name the coroutine asyncio.run() starts"));
            return;
        }
        const Coroutine *c = m_project.findCoroutine(m_project.entry);
        if (!c) {
            add(path, QStringLiteral("the entry '%1' is not a coroutine of this project").arg(m_project.entry));
            return;
        }
        if (!c->params.isEmpty()) {
            m_coroutineId = c->id;
            add(path,
                QStringLiteral("the entry coroutine '%1' takes parameters (%2), but asyncio.run(%1()) "
                               "calls it with none")
                    .arg(c->name, c->params.join(QStringLiteral(", "))));
            m_coroutineId = kNoId;
        }
    }

    static void collectBoundInto(const std::vector<Step> &steps, QSet<QString> &out)
    {
        for (const Step &s : steps) {
            if (!s.as.isEmpty())
                out.insert(s.as);
            if (!s.var.isEmpty())
                out.insert(s.var);
            if (!s.target.isEmpty()) {
                Expression e;
                if (parseExpression(s.target, ExprMode::Target, &e, nullptr)) {
                    for (const QString &name : targetNames(e))
                        out.insert(name);
                }
            }
            for (const ExceptClause &h : s.handlers) {
                if (!h.as.isEmpty())
                    out.insert(h.as);
            }
            forEachNestedList(s, [&](const std::vector<Step> &list) { collectBoundInto(list, out); });
        }
    }

    void collectBound(const std::vector<Step> &steps) { collectBoundInto(steps, m_bound); }

    void checkCoroutine(const Coroutine &c, const QString &path)
    {
        m_coroutine = &c;
        m_coroutineId = c.id;
        // Every name the coroutine assigns is a local in Python, wherever the assignment is.
        m_bound = QSet<QString>(c.params.begin(), c.params.end());
        collectBound(c.body);
        QSet<QString> scope(c.params.begin(), c.params.end());
        checkSteps(c.body, field(path, "body"), &scope, 0, 0);
        m_coroutine = nullptr;
        m_coroutineId = kNoId;
    }

    void checkVar(const QString &name, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        if (name.isEmpty()) {
            // Only the editor makes these (a gather item or await whose task is not picked yet).
            add(path,
                scope.isEmpty()
                    ? QStringLiteral("no variable chosen, and none exists here yet: a parameter or an earlier "
                                     "step must assign one")
                    : QStringLiteral("no variable chosen"),
                stepId);
            return;
        }
        if (scope.contains(name))
            return;
        QString message = QStringLiteral("variable '%1' is used before it exists").arg(name);
        if (!m_bound.contains(name)) {
            message += QStringLiteral(": no parameter or step of '%1' assigns it").arg(m_coroutine->name);
        }
        add(path, message, stepId);
    }

    void checkOperand(const std::optional<Operand> &o, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        if (!o)
            return;
        if (o->isVar)
            checkVar(o->var, path, scope, stepId);
        else if (o->isExpr())
            checkExpression(o->expr, ExprMode::Value, path, scope, stepId);
    }

    // An expression field: it parses, the names it reads exist, and it uses only what runs.
    void checkExpression(const QString &text, ExprMode mode, const QString &path, const QSet<QString> &scope,
        ItemId stepId, int columnOffset = 0)
    {
        Expression e;
        ExprError error;
        if (!parseExpression(text, mode, &e, &error)) {
            add(path, QStringLiteral("at column %1: %2").arg(columnOffset + error.index + 1).arg(error.message),
                stepId);
            return;
        }
        for (const QString &name : expressionNamesRead(e))
            checkNameRead(name, path, scope, stepId);
        checkNodes(e, path, stepId, columnOffset);
    }

    void checkNameRead(const QString &name, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        if (scope.contains(name) || m_bound.contains(name)) {
            if (!scope.contains(name))
                checkVar(name, path, scope, stepId);  // used before it exists
            return;
        }
        BuiltinName b;
        if (name == u"now" || isModuleName(name) || findBuiltin(name, &b))
            return;
        if (m_project.findCoroutine(name))
            return;  // a coroutine is only called where checkNodes allows it
        add(path,
            QStringLiteral("name '%1' is not defined: no parameter or step of '%2' assigns it, and it is not a builtin")
                .arg(name, m_coroutine->name),
            stepId);
    }

    // What an expression may do: call a coroutine only inside asyncio.create_task(), use only
    // asyncio.create_task/ensure_future of asyncio, assign to no attribute.
    void checkNodes(const Expression &e, const QString &path, ItemId stepId, int columnOffset)
    {
        const auto at = [&](const ExprNode &n) { return columnOffset + n.start + 1; };
        std::vector<bool> taskArgument(e.nodes.size(), false);
        for (std::size_t i = 0; i < e.nodes.size(); ++i) {
            const ExprNode &n = e.nodes[i];
            if (n.kind != ExprNode::Kind::Call)
                continue;
            const ExprNode &func = e.node(n.kids[0]);
            if (func.kind == ExprNode::Kind::Attribute && e.node(func.kids[0]).kind == ExprNode::Kind::Name
                && e.node(func.kids[0]).text == u"asyncio" && !m_bound.contains(QStringLiteral("asyncio"))
                && (func.text == u"create_task" || func.text == u"ensure_future") && n.kids.size() >= 2)
                taskArgument[std::size_t(n.kids[1])] = true;
        }
        for (std::size_t i = 0; i < e.nodes.size(); ++i) {
            const ExprNode &n = e.nodes[i];
            if (n.kind == ExprNode::Kind::Attribute && e.node(n.kids[0]).kind == ExprNode::Kind::Name) {
                const QString &module = e.node(n.kids[0]).text;
                if (isModuleName(module) && !m_bound.contains(module)) {
                    const bool ok = module == u"asyncio" ? (n.text == u"create_task" || n.text == u"ensure_future")
                                                         : PyRandom::hasFunction(n.text);
                    if (!ok)
                        add(path,
                            QStringLiteral("at column %1: %2.%3 is not supported by Tusk yet")
                                .arg(at(n))
                                .arg(module, n.text),
                            stepId);
                }
            }
            if (n.kind != ExprNode::Kind::Call)
                continue;
            const ExprNode &func = e.node(n.kids[0]);
            if (func.kind != ExprNode::Kind::Name || m_bound.contains(func.text))
                continue;
            const Coroutine *target = m_project.findCoroutine(func.text);
            if (!target)
                continue;
            if (!taskArgument[i] && m_expressionStatement && std::int32_t(i) == e.root) {
                // `worker()` alone: a coroutine object nobody runs (Python only warns).
                add(path,
                    QStringLiteral("at column %1: %2() is a coroutine: calling it without await only makes a coroutine "
                                   "object; use an await step, or asyncio.create_task(%2(...))")
                        .arg(at(n))
                        .arg(func.text),
                    stepId);
                continue;
            }
            std::size_t positional = 0;
            for (std::size_t k = 1; k < n.kids.size(); ++k) {
                const ExprNode &arg = e.node(n.kids[k]);
                if (arg.kind == ExprNode::Kind::Keyword || arg.kind == ExprNode::Kind::Starred) {
                    add(path,
                        QStringLiteral("at column %1: arguments of %2() are positional in Tusk (no keywords or *)")
                            .arg(at(arg))
                            .arg(func.text),
                        stepId);
                    break;
                }
                ++positional;
            }
            if (qsizetype(positional) != target->params.size())
                add(path,
                    QStringLiteral("at column %1: '%2' takes %3 argument%4 but %5 %6 given")
                        .arg(at(n))
                        .arg(func.text)
                        .arg(target->params.size())
                        .arg(target->params.size() == 1 ? QString() : QStringLiteral("s"))
                        .arg(positional)
                        .arg(positional == 1 ? QStringLiteral("is") : QStringLiteral("are")),
                    stepId);
        }
    }

    // A target field: it parses as one, binds only names (and items), and the expressions inside
    // it (`d[k]`) read existing names.
    void checkTarget(const Step &s, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        Expression e;
        ExprError error;
        if (!parseExpression(s.target, ExprMode::Target, &e, &error)) {
            add(path, QStringLiteral("at column %1: %2").arg(error.index + 1).arg(error.message), stepId);
            return;
        }
        const ExprNode &root = e.rootNode();
        if (!s.augOp.isEmpty() && root.kind != ExprNode::Kind::Name && root.kind != ExprNode::Kind::Subscript) {
            add(path,
                QStringLiteral("'%1' is an illegal expression for augmented assignment")
                    .arg(root.kind == ExprNode::Kind::Tuple     ? QStringLiteral("tuple")
                            : root.kind == ExprNode::Kind::List ? QStringLiteral("list")
                                                                : QStringLiteral("expression")),
                stepId);
            return;
        }
        for (const ExprNode &n : e.nodes) {
            if (n.kind == ExprNode::Kind::Attribute) {
                add(path,
                    QStringLiteral("at column %1: assigning to an attribute is not supported by Tusk").arg(n.start + 1),
                    stepId);
                return;
            }
        }
        // Names read inside subscripts, and the name itself for an augmented assignment.
        std::vector<QString> read;
        const std::function<void(std::int32_t)> visit = [&](std::int32_t i) {
            const ExprNode &n = e.node(i);
            if (n.kind == ExprNode::Kind::Subscript) {
                Expression inner;
                inner.source = e.source;
                inner.nodes = e.nodes;
                for (std::int32_t k : n.kids) {
                    inner.root = k;
                    for (const QString &name : expressionNamesRead(inner))
                        read.push_back(name);
                }
            } else if (n.kind == ExprNode::Kind::Name) {
                if (!s.augOp.isEmpty())
                    read.push_back(n.text);
                checkName(n.text, path, "variable", stepId);
            } else {
                for (std::int32_t k : n.kids)
                    visit(k);
            }
        };
        visit(e.root);
        for (const QString &name : read)
            checkNameRead(name, path, scope, stepId);
    }

    void checkCall(const Call &call, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        for (std::size_t i = 0; i < call.args.size(); ++i)
            checkOperand(call.args[i], index(path, "args", i), scope, stepId);
        const Coroutine *target = m_project.findCoroutine(call.coroutine);
        if (!target) {
            add(field(path, "coroutine"),
                QStringLiteral("calls '%1', which is not a coroutine of this project").arg(call.coroutine), stepId);
            return;
        }
        if (m_bound.contains(call.coroutine)) {
            add(field(path, "coroutine"),
                QStringLiteral("calls '%1', but '%2' also has a variable named '%1', which hides the coroutine in "
                               "Python; rename one of them")
                    .arg(call.coroutine, m_coroutine->name),
                stepId);
        }
        const auto want = target->params.size();
        const auto given = qsizetype(call.args.size());
        if (want != given) {
            QString takes;
            if (want == 0)
                takes = QStringLiteral("takes no arguments");
            else if (want == 1)
                takes = QStringLiteral("takes 1 argument (%1)").arg(target->params.front());
            else
                takes = QStringLiteral("takes %1 arguments (%2)")
                            .arg(want)
                            .arg(target->params.join(QStringLiteral(", ")));
            add(path,
                QStringLiteral("'%1' %2 but %3 %4 given")
                    .arg(target->name, takes)
                    .arg(given)
                    .arg(given == 1 ? QStringLiteral("is") : QStringLiteral("are")),
                stepId);
        }
    }

    void bind(const QString &name, const QString &path, const char *what, QSet<QString> *scope, ItemId stepId)
    {
        if (name.isEmpty())
            return;
        checkName(name, path, what, stepId);
        scope->insert(name);
    }

    void checkTemplate(const QString &text, const QString &path, const QSet<QString> &scope, ItemId stepId)
    {
        Template t;
        QString error;
        int at = 0;
        if (!parseTemplate(text, &t, &error, &at)) {
            add(path, QStringLiteral("invalid text at column %1: %2").arg(at + 1).arg(error), stepId);
            return;
        }
        for (const TemplatePart &part : t.parts) {
            if (part.kind == TemplatePart::Kind::Variable || part.kind == TemplatePart::Kind::Done
                || part.kind == TemplatePart::Kind::Cancelled)
                checkVar(part.text, path, scope, stepId);
            else if (part.kind == TemplatePart::Kind::Expression)
                checkExpression(part.expr, ExprMode::Value, path, scope, stepId, part.exprColumn);
        }
    }

    void checkExceptionType(const QString &type, const QString &path, ItemId stepId)
    {
        ExceptionType t;
        if (!exceptionTypeFromName(type, &t)) {
            add(path,
                QStringLiteral("unknown exception type '%1'; expected one of: %2").arg(type, exceptionNamesList()),
                stepId);
        }
    }

    void checkSteps(
        const std::vector<Step> &steps, const QString &path, QSet<QString> *scope, int exceptDepth, int blockDepth)
    {
        for (std::size_t i = 0; i < steps.size(); ++i)
            checkStep(steps[i], QStringLiteral("%1[%2]").arg(path).arg(i), scope, exceptDepth, blockDepth);
    }

    /// Where the blocks inside a step sit, counted as CPython 3.11's compiler counts them
    /// (compiler_push_fblock): it refuses a function with more than 20 statically nested blocks.
    struct BlockDepths {
        int body = 0;
        int handlers = 0;
        int finallyBody = 0;  ///< the copy of the finally body that runs on an exception
        int deepest = 0;  ///< the most blocks open at once inside the step
    };
    static BlockDepths blockDepths(const Step &s, int depth)
    {
        BlockDepths d {depth, depth, depth, depth};
        if (isLoop(s.op)) {
            d.body = depth + 1;  // FOR_LOOP
            d.deepest = d.body;
        } else if (s.op == StepOp::Try) {
            // The export writes a finally whenever there is no except clause.
            const bool hasFinally = s.hasFinally || s.handlers.empty();
            const int inFinallyTry = depth + (hasFinally ? 1 : 0);  // FINALLY_TRY
            d.body = inFinallyTry + (s.handlers.empty() ? 0 : 1);  // TRY_EXCEPT
            d.handlers = inFinallyTry + 2;  // EXCEPTION_HANDLER, HANDLER_CLEANUP
            d.finallyBody = depth + 1;  // FINALLY_END
            d.deepest = std::max({d.body, s.handlers.empty() ? 0 : d.handlers, hasFinally ? d.finallyBody : 0});
        }
        return d;
    }
    static constexpr int kMaxStaticBlocks = 20;  // CPython's CO_MAXBLOCKS

    // The rules of a step that no field states on its own.
    void checkKindRules(const Step &s, const QString &path, int exceptDepth, int blockDepth)
    {
        // Only the innermost step past the limit is reported: its outer steps are not at fault.
        if (overflows(s, blockDepth) && !nestsDeeperThanLimit(s, blockDepth))
            add(path,
                QStringLiteral("blocks nest too deep here: Python allows at most %1 nested loops and try "
                               "blocks in a coroutine (SyntaxError: too many statically nested blocks); "
                               "move some of these steps into a coroutine of their own")
                    .arg(kMaxStaticBlocks),
                s.id);
        if (s.op == StepOp::Raise && s.exceptionType.isEmpty()) {
            // Python allows it anywhere, but outside a handler it only fails with
            // "RuntimeError: No active exception to reraise".
            if (exceptDepth == 0)
                add(path, QStringLiteral("a bare raise (without 'type') is allowed only inside an except body"), s.id);
            if (s.message)
                add(field(path, "message"),
                    QStringLiteral("a bare raise re-raises the exception being handled and takes no message; "
                                   "set 'type' to raise a new exception"),
                    s.id);
        }
        if ((s.op == StepOp::Break || s.op == StepOp::Continue) && m_loopDepth == 0)
            add(path,
                QStringLiteral("'%1' outside loop: it must stand inside a for, while or repeat step")
                    .arg(s.op == StepOp::Break ? QStringLiteral("break") : QStringLiteral("continue")),
                s.id);
        if (s.op == StepOp::Try && s.handlers.empty() && !s.hasFinally)
            add(path, QStringLiteral("a try step needs at least one except clause or a finally body, as in Python"),
                s.id);
    }

    // As Python runs a statement: first what it reads, then the names it assigns, then the
    // blocks inside it (which see those names).
    /// True when `s` opens a block past the limit.
    static bool overflows(const Step &s, int blockDepth)
    {
        const int deepest = blockDepths(s, blockDepth).deepest;
        return deepest > kMaxStaticBlocks && deepest > blockDepth;  // a step that opens no block is not at fault
    }
    /// True when a step inside `s` already opens a block past the limit (and is reported itself).
    static bool nestsDeeperThanLimit(const Step &s, int blockDepth)
    {
        const BlockDepths d = blockDepths(s, blockDepth);
        const auto any = [](const std::vector<Step> &steps, int depth) {
            for (const Step &inner : steps) {
                if (overflows(inner, depth) || nestsDeeperThanLimit(inner, depth))
                    return true;
            }
            return false;
        };
        if (any(s.body, d.body))
            return true;
        for (const ExceptClause &h : s.handlers) {
            if (any(h.body, d.handlers))
                return true;
        }
        return (s.hasFinally && any(s.finallyBody, d.finallyBody)) || (s.hasElse && any(s.elseBody, blockDepth));
    }

    void checkStep(const Step &s, const QString &path, QSet<QString> *scope, int exceptDepth, int blockDepth)
    {
        const ItemId id = s.id;
        const StepKind &kind = stepKind(s.op);
        const BlockDepths depths = blockDepths(s, blockDepth);
        checkKindRules(s, path, exceptDepth, blockDepth);
        QStringList oneOf;
        bool oneOfPresent = false;
        for (const StepField &f : kind.fields) {
            const QString fpath = field(path, f.key);
            const bool present = f.isPresent(s);
            if (f.needs && !kind.field(f.needs)->isPresent(s))
                continue;  // not part of the step in this form (a bare raise's message is reported above)
            if (f.presence == FieldPresence::OneOf) {
                oneOf << f.keyString();
                oneOfPresent = oneOfPresent || present;
                if (!present)
                    continue;
            } else if (f.presence == FieldPresence::Required && !present) {
                add(fpath, QStringLiteral("missing field '%1' in %2").arg(f.keyString(), kind.phrase()), id);
                continue;
            }
            switch (f.kind) {
            case FieldKind::Template:
                checkTemplate(s.*f.name, fpath, *scope, id);
                break;
            case FieldKind::Value:
                m_expressionStatement = s.op == StepOp::Expr;
                checkOperand(s.*f.value, fpath, *scope, id);
                m_expressionStatement = false;
                break;
            case FieldKind::Call:
                if (s.call)
                    checkCall(*s.call, fpath, *scope, id);
                break;
            case FieldKind::Task:
                checkVar(s.*f.name, fpath, *scope, id);
                break;
            case FieldKind::ExceptionType:
                if (present)
                    checkExceptionType(s.*f.name, fpath, id);
                break;
            case FieldKind::GatherItems:
                for (std::size_t j = 0; j < s.items.size(); ++j) {
                    const GatherItem &item = s.items[j];
                    const QString ipath = index(path, f.key, j);
                    if (item.isCall)
                        checkCall(item.call, field(ipath, "call"), *scope, id);
                    else if (item.isExpr())
                        checkExpression(
                            item.expr, ExprMode::Value, field(ipath, item.starred ? "starred" : "expr"), *scope, id);
                    else
                        checkVar(item.task, field(ipath, "task"), *scope, id);
                }
                break;
            case FieldKind::Target:
                checkTarget(s, fpath, *scope, id);
                break;
            case FieldKind::Binding:
            case FieldKind::Flag:
            case FieldKind::Body:
            case FieldKind::ExceptClauses:
            case FieldKind::Finally:
            case FieldKind::Else:
            case FieldKind::AssignOp:
                break;
            }
        }
        if (!oneOf.isEmpty() && !oneOfPresent)
            add(path, QStringLiteral("%1 needs '%2' or '%3'").arg(kind.phrase(), oneOf[0], oneOf[1]), id);
        for (const StepField &f : kind.fields) {
            if (f.kind == FieldKind::Binding)
                bind(s.*f.name, field(path, f.key), f.noun, scope, id);
            if (f.kind == FieldKind::Target) {
                Expression e;
                if (parseExpression(s.*f.name, ExprMode::Target, &e, nullptr)) {
                    for (const QString &name : targetNames(e))
                        scope->insert(name);
                }
            }
        }
        // A while or for body may read what it assigns later: the next round sees it (the
        // first finds it unbound at run time, as in Python).
        const bool rounds = s.op == StepOp::While || s.op == StepOp::For;
        if (rounds)
            collectBoundInto(s.body, *scope);
        for (const StepField &f : kind.fields) {
            switch (f.kind) {
            case FieldKind::Body:
                m_loopDepth += isLoop(s.op) ? 1 : 0;
                checkSteps(s.body, field(path, f.key), scope, exceptDepth, depths.body);
                m_loopDepth -= isLoop(s.op) ? 1 : 0;
                break;
            case FieldKind::Else:
                if (s.hasElse)
                    checkSteps(s.elseBody, field(path, f.key), scope, exceptDepth, blockDepth);
                break;
            case FieldKind::ExceptClauses:
                for (std::size_t j = 0; j < s.handlers.size(); ++j) {
                    const ExceptClause &h = s.handlers[j];
                    const QString hpath = index(path, f.key, j);
                    checkExceptionType(h.type, field(hpath, "type"), id);
                    // Python deletes the `as` name when the handler ends: it exists only inside.
                    const bool wasInScope = h.as.isEmpty() || scope->contains(h.as);
                    bind(h.as, field(hpath, "as"), "variable", scope, id);
                    checkSteps(h.body, field(hpath, "body"), scope, exceptDepth + 1, depths.handlers);
                    if (!wasInScope)
                        scope->remove(h.as);
                }
                break;
            case FieldKind::Finally:
                if (s.hasFinally)
                    checkSteps(s.finallyBody, field(path, f.key), scope, exceptDepth, depths.finallyBody);
                break;
            default:
                break;
            }
        }
    }

    const Project &m_project;
    Problems m_problems;
    const Coroutine *m_coroutine = nullptr;
    ItemId m_coroutineId = kNoId;
    QSet<QString> m_bound;  // every name the current coroutine assigns anywhere
    int m_loopDepth = 0;  // loops around the step being checked (break and continue need one)
    bool m_expressionStatement = false;  // checking the value of an expression step
};

}  // namespace

QString Problem::toString() const
{
    QString out;
    if (line > 0)
        out += QStringLiteral("%1:%2: ").arg(line).arg(column);
    if (!path.isEmpty())
        out += path + QStringLiteral(": ");
    return out + message;
}

Problems validateProject(const Project &project)
{
    return Validator(project).run();
}

bool isValidName(const QString &name)
{
    return nameProblem(name).isEmpty();
}

}  // namespace tusk
