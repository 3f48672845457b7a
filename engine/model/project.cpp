#include "project.h"

#include <algorithm>
#include <bit>

namespace tusk {

namespace {

struct OpName {
    StepOp op;
    const char *name;
};

constexpr OpName kOpNames[] = {
    { StepOp::Print, "print" },
    { StepOp::Sleep, "sleep" },
    { StepOp::CreateTask, "create_task" },
    { StepOp::Await, "await" },
    { StepOp::Gather, "gather" },
    { StepOp::Cancel, "cancel" },
    { StepOp::Raise, "raise" },
    { StepOp::Return, "return" },
    { StepOp::Repeat, "repeat" },
    { StepOp::Try, "try" },
};

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
        return std::equal(
            a.toList().begin(), a.toList().end(), b.toList().begin(), b.toList().end(), sameLiteral);
    case Value::Kind::Exception:
        return a.exceptionType() == b.exceptionType() && a.exceptionHasArg() == b.exceptionHasArg()
            && sameLiteral(a.exceptionArg(), b.exceptionArg());
    }
    return false;
}

Step *findIn(std::vector<Step> &steps, ItemId id)
{
    for (Step &s : steps) {
        if (s.id == id)
            return &s;
        if (Step *f = findIn(s.body, id))
            return f;
        for (ExceptClause &h : s.handlers) {
            if (Step *f = findIn(h.body, id))
                return f;
        }
        if (Step *f = findIn(s.finallyBody, id))
            return f;
    }
    return nullptr;
}

template<typename Fn> void forEachStep(std::vector<Step> &steps, const Fn &fn)
{
    for (Step &s : steps) {
        fn(s);
        forEachStep(s.body, fn);
        for (ExceptClause &h : s.handlers)
            forEachStep(h.body, fn);
        forEachStep(s.finallyBody, fn);
    }
}

} // namespace

QString stepOpName(StepOp op)
{
    for (const OpName &n : kOpNames) {
        if (n.op == op)
            return QString::fromLatin1(n.name);
    }
    return {};
}

bool stepOpFromName(const QString &name, StepOp *out)
{
    for (const OpName &n : kOpNames) {
        if (name == QLatin1String(n.name)) {
            if (out)
                *out = n.op;
            return true;
        }
    }
    return false;
}

bool Operand::operator==(const Operand &o) const
{
    if (isVar != o.isVar)
        return false;
    return isVar ? var == o.var : sameLiteral(literal, o.literal);
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
    switch (op) {
    case StepOp::Print:
        return text == o.text;
    case StepOp::Sleep:
        return seconds == o.seconds;
    case StepOp::CreateTask:
        return call == o.call && as == o.as && name == o.name;
    case StepOp::Await:
        return task == o.task && call == o.call && as == o.as;
    case StepOp::Gather:
        return items == o.items && returnExceptions == o.returnExceptions && as == o.as;
    case StepOp::Cancel:
        return task == o.task && message == o.message;
    case StepOp::Raise:
        return exceptionType == o.exceptionType && message == o.message;
    case StepOp::Return:
        return value == o.value;
    case StepOp::Repeat:
        return times == o.times && var == o.var && body == o.body;
    case StepOp::Try:
        return body == o.body && handlers == o.handlers && hasFinally == o.hasFinally
            && finallyBody == o.finallyBody;
    }
    return false;
}

bool Coroutine::operator==(const Coroutine &o) const
{
    return name == o.name && params == o.params && body == o.body;
}

bool Project::operator==(const Project &o) const
{
    return version == o.version && title == o.title && entry == o.entry && coroutines == o.coroutines
        && layout == o.layout && extraKeys == o.extraKeys;
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
        forEachStep(c.body, [this](Step &s) { m_lastId = std::max(m_lastId, s.id); });
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

} // namespace tusk
