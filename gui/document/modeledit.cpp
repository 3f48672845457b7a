#include "modeledit.h"

#include "stepkinds.h"

namespace tusk {

namespace {

template<typename StepVec>
bool locateIn(StepVec &steps, const StepList &list, ItemId id, ItemId coroutine, StepPlace *place)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        auto &s = steps[i];
        if (s.id == id) {
            if (place)
                *place = StepPlace {list, int(i), coroutine};
            return true;
        }
        if (locateIn(s.body, StepList {StepList::Kind::Body, s.id, 0}, id, coroutine, place))
            return true;
        for (std::size_t h = 0; h < s.handlers.size(); ++h) {
            if (locateIn(s.handlers[h].body, StepList {StepList::Kind::Except, s.id, int(h)}, id, coroutine, place))
                return true;
        }
        if (locateIn(s.finallyBody, StepList {StepList::Kind::Finally, s.id, 0}, id, coroutine, place))
            return true;
        if (locateIn(s.elseBody, StepList {StepList::Kind::Else, s.id, 0}, id, coroutine, place))
            return true;
    }
    return false;
}

void appendUnique(QStringList &names, const QString &name)
{
    if (!name.isEmpty() && !names.contains(name))
        names << name;
}

// Walks a coroutine as the validator does, stopping at (target, index): the names in scope
// there, and which of them hold tasks.
class ScopeWalker {
public:
    ScopeWalker(const StepList &target, int index)
        : m_target(target)
        , m_index(index)
    {
    }

    bool walk(const std::vector<Step> &steps, const StepList &list)
    {
        for (std::size_t i = 0; i <= steps.size(); ++i) {
            if (list == m_target && int(i) == m_index)
                return true;
            if (i == steps.size())
                break;
            if (visit(steps[i]))
                return true;
        }
        return false;
    }

    QStringList names;
    QStringList tasks;

private:
    // As the validator does: the names a step assigns, then the blocks inside it.
    bool visit(const Step &s)
    {
        const StepKind &kind = stepKind(s.op);
        for (const StepField &f : kind.fields) {
            if (f.kind == FieldKind::Binding) {
                appendUnique(names, s.*f.name);
                if (f.holdsTask)
                    appendUnique(tasks, s.*f.name);
            }
        }
        for (const StepField &f : kind.fields) {
            switch (f.kind) {
            case FieldKind::Body:
                if (walk(s.body, {StepList::Kind::Body, s.id, 0}))
                    return true;
                break;
            case FieldKind::ExceptClauses:
                for (std::size_t h = 0; h < s.handlers.size(); ++h) {
                    const ExceptClause &clause = s.handlers[h];
                    // The `as` name exists only inside its handler, as in Python.
                    const bool added = !clause.as.isEmpty() && !names.contains(clause.as);
                    appendUnique(names, clause.as);
                    if (walk(clause.body, {StepList::Kind::Except, s.id, int(h)}))
                        return true;
                    if (added)
                        names.removeAll(clause.as);
                }
                break;
            case FieldKind::Finally:
                if (s.hasFinally && walk(s.finallyBody, {StepList::Kind::Finally, s.id, 0}))
                    return true;
                break;
            case FieldKind::Else:
                if (s.hasElse && walk(s.elseBody, {StepList::Kind::Else, s.id, 0}))
                    return true;
                break;
            default:
                break;
            }
        }
        return false;
    }

    StepList m_target;
    int m_index;
};

ScopeWalker walkTo(const Project &project, const StepList &list, int index)
{
    ScopeWalker walker(list, index);
    const ItemId owner = list.kind == StepList::Kind::Coroutine ? list.owner : kNoId;
    const Coroutine *c = owner != kNoId ? findCoroutine(project, owner) : owningCoroutine(project, list.owner);
    if (!c)
        return walker;
    walker.names = c->params;
    walker.walk(c->body, {StepList::Kind::Coroutine, c->id, 0});
    return walker;
}

}  // namespace

Coroutine *findCoroutine(Project &project, ItemId id)
{
    for (Coroutine &c : project.coroutines) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Coroutine *findCoroutine(const Project &project, ItemId id)
{
    return findCoroutine(const_cast<Project &>(project), id);
}

int coroutineIndex(const Project &project, ItemId id)
{
    for (std::size_t i = 0; i < project.coroutines.size(); ++i) {
        if (project.coroutines[i].id == id)
            return int(i);
    }
    return -1;
}

std::vector<Step> *resolveList(Project &project, const StepList &list)
{
    if (list.kind == StepList::Kind::Coroutine) {
        Coroutine *c = findCoroutine(project, list.owner);
        return c ? &c->body : nullptr;
    }
    Step *s = project.findStep(list.owner);
    if (!s)
        return nullptr;
    switch (list.kind) {
    case StepList::Kind::Body:
        return stepKind(s->op).hasField(FieldKind::Body) ? &s->body : nullptr;
    case StepList::Kind::Except:
        return list.handler >= 0 && std::size_t(list.handler) < s->handlers.size() ? &s->handlers[list.handler].body
                                                                                   : nullptr;
    case StepList::Kind::Finally:
        return s->hasFinally ? &s->finallyBody : nullptr;
    case StepList::Kind::Else:
        return s->hasElse ? &s->elseBody : nullptr;
    case StepList::Kind::Coroutine:
        break;
    }
    return nullptr;
}

const std::vector<Step> *resolveList(const Project &project, const StepList &list)
{
    return resolveList(const_cast<Project &>(project), list);
}

bool locateStep(const Project &project, ItemId step, StepPlace *place)
{
    if (step == kNoId)
        return false;
    for (const Coroutine &c : project.coroutines) {
        if (locateIn(c.body, StepList {StepList::Kind::Coroutine, c.id, 0}, step, c.id, place))
            return true;
    }
    return false;
}

const Coroutine *owningCoroutine(const Project &project, ItemId id)
{
    if (const Coroutine *c = findCoroutine(project, id))
        return c;
    StepPlace place;
    return locateStep(project, id, &place) ? findCoroutine(project, place.coroutine) : nullptr;
}

bool stepContains(const Step &step, ItemId id)
{
    if (step.id == id)
        return true;
    bool found = false;
    auto check = [&](const std::vector<Step> &steps) {
        for (const Step &s : steps)
            found = found || stepContains(s, id);
    };
    check(step.body);
    for (const ExceptClause &h : step.handlers)
        check(h.body);
    check(step.finallyBody);
    check(step.elseBody);
    return found;
}

bool listInsideStep(const Project &project, const StepList &list, ItemId step)
{
    if (list.kind == StepList::Kind::Coroutine)
        return false;
    const Step *s = project.findStep(step);
    return s && stepContains(*s, list.owner);
}

void renumber(Step &step, Project &project)
{
    step.id = project.newId();
    for (Step &s : step.body)
        renumber(s, project);
    for (ExceptClause &h : step.handlers) {
        for (Step &s : h.body)
            renumber(s, project);
    }
    for (Step &s : step.finallyBody)
        renumber(s, project);
    for (Step &s : step.elseBody)
        renumber(s, project);
}

void renumber(Coroutine &coroutine, Project &project)
{
    coroutine.id = project.newId();
    for (Step &s : coroutine.body)
        renumber(s, project);
}

void forEachStep(const std::vector<Step> &steps, const std::function<void(const Step &)> &fn)
{
    for (const Step &s : steps) {
        fn(s);
        forEachStep(s.body, fn);
        for (const ExceptClause &h : s.handlers)
            forEachStep(h.body, fn);
        forEachStep(s.finallyBody, fn);
        forEachStep(s.elseBody, fn);
    }
}

void forEachStep(std::vector<Step> &steps, const std::function<void(Step &)> &fn)
{
    for (Step &s : steps) {
        fn(s);
        forEachStep(s.body, fn);
        for (ExceptClause &h : s.handlers)
            forEachStep(h.body, fn);
        forEachStep(s.finallyBody, fn);
        forEachStep(s.elseBody, fn);
    }
}

QStringList variablesInScope(const Project &project, const StepList &list, int index)
{
    return walkTo(project, list, index).names;
}

QStringList taskVariablesInScope(const Project &project, const StepList &list, int index)
{
    const ScopeWalker walker = walkTo(project, list, index);
    QStringList tasks;
    for (const QString &t : walker.tasks) {
        if (walker.names.contains(t))
            tasks << t;
    }
    return tasks;
}

QString uniqueName(const QString &base, const QStringList &taken, bool numberFirst)
{
    if (!numberFirst && !taken.contains(base))
        return base;
    for (int n = numberFirst ? 1 : 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QStringList namesBoundIn(const Coroutine &coroutine)
{
    QStringList names = coroutine.params;
    forEachStep(coroutine.body, [&names](const Step &s) {
        appendUnique(names, s.as);
        appendUnique(names, s.var);
        for (const ExceptClause &h : s.handlers)
            appendUnique(names, h.as);
    });
    return names;
}

QStringList coroutineNames(const Project &project)
{
    QStringList names;
    for (const Coroutine &c : project.coroutines)
        names << c.name;
    return names;
}

void fitArguments(Call &call, const Project &project)
{
    const Coroutine *target = project.findCoroutine(call.coroutine);
    if (!target)
        return;
    const auto want = std::size_t(target->params.size());
    if (call.args.size() > want)
        call.args.resize(want);
    while (call.args.size() < want)
        call.args.push_back(Operand::fromLiteral(Value::integer(0)));
}

}  // namespace tusk
