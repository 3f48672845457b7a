#include "project.h"

#include "expression.h"
#include "pyformat.h"
#include "stepkinds.h"
#include "template.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace tusk {

namespace {

// Literal equality by kind and content: what a file would hold, not Python's `==`
// (1 and 1.0 and True differ here, because they are written differently).
bool sameLiteral(const Value &a, const Value &b)
{
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case Value::Kind::None:
        return true;
    case Value::Kind::Bool:
        return a.toBool() == b.toBool();
    case Value::Kind::Int:
        return a.toInt() == b.toInt();
    case Value::Kind::Float:
        return std::bit_cast<std::uint64_t>(a.toFloat()) == std::bit_cast<std::uint64_t>(b.toFloat());
    case Value::Kind::String:
        return a.toString() == b.toString();
    case Value::Kind::Task:
        return a.toTask() == b.toTask();
    case Value::Kind::List:
        return std::equal(a.toList().begin(), a.toList().end(), b.toList().begin(), b.toList().end(), sameLiteral);
    case Value::Kind::Exception:
        return a.exceptionType() == b.exceptionType() && a.exceptionHasArg() == b.exceptionHasArg()
            && sameLiteral(a.exceptionArg(), b.exceptionArg());
    default:  // run-time values never stand in a file
        return a.sameObject(b);
    }
}

Step *findIn(std::vector<Step> &steps, ItemId id)
{
    for (Step &s : steps) {
        if (s.id == id)
            return &s;
        Step *found = nullptr;
        forEachNestedList(s, [&](std::vector<Step> &list) {
            if (!found)
                found = findIn(list, id);
        });
        if (found)
            return found;
    }
    return nullptr;
}

template<typename List, typename Fn> void forEachStep(List &steps, const Fn &fn)
{
    for (auto &s : steps) {
        fn(s);
        forEachNestedList(s, [&](auto &list) { forEachStep(list, fn); });
    }
}

// Whether a step uses what format version 2 added.
bool needsVersion2(const Step &s)
{
    if (s.op >= StepOp::Assign)
        return true;
    for (const StepField &f : stepKind(s.op).fields) {
        if (f.kind == FieldKind::Value && (s.*f.value) && (s.*f.value)->isExpr())
            return true;
        if (f.kind == FieldKind::Template) {
            Template t;
            if (parseTemplate(s.*f.name, &t, nullptr, nullptr)) {
                for (const TemplatePart &p : t.parts) {
                    if (p.kind == TemplatePart::Kind::Expression)
                        return true;
                }
            }
        }
        if (f.kind == FieldKind::ExceptionType && !(s.*f.name).isEmpty()) {
            ExceptionType type;
            if (exceptionTypeFromName(s.*f.name, &type) && !exceptionTypeInVersion1(type))
                return true;
        }
    }
    const auto argsNeed = [](const Call &c) {
        return std::any_of(c.args.begin(), c.args.end(), [](const Operand &a) { return a.isExpr(); });
    };
    if (s.call && argsNeed(*s.call))
        return true;
    for (const GatherItem &item : s.items) {
        if ((item.isCall && argsNeed(item.call)) || item.isExpr())
            return true;
    }
    for (const ExceptClause &h : s.handlers) {
        ExceptionType type;
        if (exceptionTypeFromName(h.type, &type) && !exceptionTypeInVersion1(type))
            return true;
    }
    return false;
}

}  // namespace

QString stepOpName(StepOp op)
{
    return QString::fromLatin1(stepKind(op).name);
}

bool stepOpFromName(const QString &name, StepOp *out)
{
    const StepKind *kind = findStepKind(name);
    if (kind && out)
        *out = kind->op;
    return kind != nullptr;
}

bool Operand::operator==(const Operand &o) const
{
    if (isVar != o.isVar || expr != o.expr)
        return false;
    if (isExpr())
        return true;
    return isVar ? var == o.var : sameLiteral(literal, o.literal);
}

Operand Operand::fromSource(const QString &text)
{
    Expression e;
    if (!text.trimmed().isEmpty() && parseExpression(text, ExprMode::Value, &e, nullptr)) {
        const ExprNode &root = e.rootNode();
        if (root.kind == ExprNode::Kind::Name && root.text == text)
            return fromVar(text);
        Value literal;
        bool isLiteral = false;
        if (root.kind == ExprNode::Kind::Constant) {
            literal = root.value;
            isLiteral = true;
        } else if (root.kind == ExprNode::Kind::UnaryOp && root.op == std::uint8_t(ExprNode::UnaryOp::USub)) {
            const ExprNode &inner = e.node(root.kids[0]);
            if (inner.kind == ExprNode::Kind::Constant && (inner.value.isInt() || inner.value.isFloat())) {
                literal = inner.value.isInt() ? Value::integer(-inner.value.toInt())
                                              : Value::floating(-inner.value.toFloat());
                isLiteral = true;
            }
        }
        // Only the forms a file writes as JSON, and only when written as repr writes them (so
        // that the text comes back the same).
        if (isLiteral
            && (literal.isNone() || literal.isBool() || literal.isInt() || literal.isString()
                || (literal.isFloat() && std::isfinite(literal.toFloat())))) {
            const Operand o = fromLiteral(literal);
            if (o.source() == text)
                return o;
        }
    }
    Operand o;
    o.expr = text;
    return o;
}

QString Operand::source() const
{
    if (isExpr())
        return expr;
    if (isVar)
        return var;
    return pyRepr(literal);
}

bool ExceptClause::operator==(const ExceptClause &o) const
{
    return type == o.type && as == o.as && body == o.body;
}

bool Step::operator==(const Step &o) const
{
    if (op != o.op)
        return false;
    // Only the fields the op uses count: they are what a file holds.
    for (const StepField &f : stepKind(op).fields) {
        bool same = true;
        switch (f.kind) {
        case FieldKind::Template:
        case FieldKind::Task:
        case FieldKind::Binding:
        case FieldKind::ExceptionType:
            same = this->*f.name == o.*f.name;
            break;
        case FieldKind::Value:
            same = this->*f.value == o.*f.value;
            break;
        case FieldKind::Call:
            same = call == o.call;
            break;
        case FieldKind::GatherItems:
            same = items == o.items;
            break;
        case FieldKind::Flag:
            same = returnExceptions == o.returnExceptions;
            break;
        case FieldKind::Body:
            same = body == o.body;
            break;
        case FieldKind::ExceptClauses:
            same = handlers == o.handlers;
            break;
        case FieldKind::Finally:
            same = hasFinally == o.hasFinally && finallyBody == o.finallyBody;
            break;
        case FieldKind::Else:
            same = hasElse == o.hasElse && elseBody == o.elseBody;
            break;
        case FieldKind::Target:
        case FieldKind::AssignOp:
            same = this->*f.name == o.*f.name;
            break;
        }
        if (!same)
            return false;
    }
    return true;
}

bool Coroutine::operator==(const Coroutine &o) const
{
    return name == o.name && doc == o.doc && params == o.params && body == o.body;
}

bool Project::operator==(const Project &o) const
{
    // `version` is the file's, not the content's: saving writes the lowest version that holds it.
    return title == o.title && entry == o.entry && coroutines == o.coroutines && randomSeed == o.randomSeed
        && layout == o.layout && extraKeys == o.extraKeys;
}

QString cleanDoc(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines) {
        qsizetype end = l.size();
        while (end > 0 && l[end - 1].isSpace())
            --end;
        l.truncate(end);
    }
    qsizetype margin = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        qsizetype indent = 0;
        while (indent < lines[i].size() && lines[i][indent] == u' ')
            ++indent;
        if (indent < lines[i].size() && (margin < 0 || indent < margin))
            margin = indent;
    }
    if (!lines.isEmpty()) {
        qsizetype start = 0;
        while (start < lines[0].size() && lines[0][start] == u' ')
            ++start;
        lines[0] = lines[0].mid(start);
    }
    if (margin > 0) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i] = lines[i].mid(margin);
    }
    while (!lines.isEmpty() && lines.front().isEmpty())
        lines.removeFirst();
    while (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

int Project::formatVersionNeeded() const
{
    if (randomSeed)
        return 2;
    for (const Coroutine &c : coroutines) {
        if (!c.doc.isEmpty())
            return 2;
        bool v2 = false;
        forEachStep(c.body, [&](const Step &s) { v2 = v2 || needsVersion2(s); });
        if (v2)
            return 2;
    }
    return 1;
}

const Coroutine *Project::findCoroutine(const QString &name) const
{
    const int i = coroutineIndex(name);
    return i < 0 ? nullptr : &coroutines[std::size_t(i)];
}

int Project::coroutineIndex(const QString &name) const
{
    for (std::size_t i = 0; i < coroutines.size(); ++i) {
        if (coroutines[i].name == name)
            return int(i);
    }
    return -1;
}

void Project::assignIds()
{
    // Ids set elsewhere (by the editor, or on a copied project) must never be handed out again.
    for (Coroutine &c : coroutines) {
        m_lastId = std::max(m_lastId, c.id);
        forEachStep(c.body, [this](const Step &s) { m_lastId = std::max(m_lastId, s.id); });
    }
    for (Coroutine &c : coroutines) {
        if (c.id == kNoId)
            c.id = newId();
        forEachStep(c.body, [this](Step &s) {
            if (s.id == kNoId)
                s.id = newId();
        });
    }
}

Step *Project::findStep(ItemId id)
{
    if (id == kNoId)
        return nullptr;
    for (Coroutine &c : coroutines) {
        if (Step *s = findIn(c.body, id))
            return s;
    }
    return nullptr;
}

const Step *Project::findStep(ItemId id) const
{
    return const_cast<Project *>(this)->findStep(id);
}

}  // namespace tusk
