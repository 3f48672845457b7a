#include "newitems.h"

#include "validator.h"

namespace tusk {

namespace {

bool insideExcept(const Project &project, StepList list)
{
    while (list.kind != StepList::Kind::Coroutine) {
        if (list.kind == StepList::Kind::Except)
            return true;
        StepPlace place;
        if (!locateStep(project, list.owner, &place))
            return false;
        list = place.list;
    }
    return false;
}

// Task variables already awaited, gathered or cancelled anywhere in the coroutine.
QStringList usedTasks(const Coroutine &c)
{
    QStringList used;
    forEachStep(c.body, [&used](const Step &s) {
        if (!s.task.isEmpty())
            used << s.task;
        for (const GatherItem &item : s.items) {
            if (!item.isCall)
                used << item.task;
        }
    });
    return used;
}

} // namespace

Coroutine NewItems::coroutine(const Project &project)
{
    Coroutine c;
    if (!project.findCoroutine(project.entry) && isValidName(project.entry))
        c.name = project.entry;
    else
        c.name = uniqueName(QStringLiteral("task"), coroutineNames(project), true);
    return c;
}

QString NewItems::taskVariable(const Coroutine &coroutine)
{
    return uniqueName(QStringLiteral("t"), namesBoundIn(coroutine), true);
}

Step NewItems::step(StepOp op, const Project &project, const StepList &list, int index)
{
    Step s;
    s.op = op;
    const Coroutine *c = owningCoroutine(project, list.owner);
    const QString here = c ? c->name : QString();
    const std::vector<Step> *steps = resolveList(project, list);
    const int size = steps ? int(steps->size()) : 0;
    switch (op) {
    case StepOp::Print: {
        QString what;
        if (list.kind == StepList::Kind::Coroutine && size > 0 && index >= size)
            what = tr("%1 finished").arg(here);
        else if (index == 0)
            what = tr("%1 started").arg(here);
        else
            what = tr("%1 is working").arg(here);
        s.text = QStringLiteral("[{now:.1f}s] ") + what;
        break;
    }
    case StepOp::Sleep:
        s.seconds = Operand::fromLiteral(Value::integer(1));
        break;
    case StepOp::CreateTask: {
        QStringList started;
        if (c) {
            forEachStep(c->body, [&started](const Step &st) {
                if (st.op == StepOp::CreateTask && st.call)
                    started << st.call->coroutine;
            });
        }
        QString target;
        QString fallback;
        for (const Coroutine &other : project.coroutines) {
            if (other.name == here || other.name == project.entry)
                continue;
            if (fallback.isEmpty())
                fallback = other.name;
            if (!started.contains(other.name)) {
                target = other.name;
                break;
            }
        }
        Call call;
        call.coroutine = target.isEmpty() ? fallback : target;
        fitArguments(call, project);
        s.call = call;
        if (c)
            s.as = taskVariable(*c);
        break;
    }
    case StepOp::Await: {
        const QStringList tasks = taskVariablesInScope(project, list, index);
        const QStringList used = c ? usedTasks(*c) : QStringList();
        for (const QString &t : tasks) {
            if (!used.contains(t)) {
                s.task = t;
                break;
            }
        }
        if (s.task.isEmpty() && !tasks.isEmpty())
            s.task = tasks.back();
        if (s.task.isEmpty())
            s.call = Call{};
        break;
    }
    case StepOp::Gather: {
        const QStringList used = c ? usedTasks(*c) : QStringList();
        for (const QString &t : taskVariablesInScope(project, list, index)) {
            if (!used.contains(t))
                s.items.push_back(GatherItem{false, t, {}});
        }
        break;
    }
    case StepOp::Cancel: {
        const QStringList tasks = taskVariablesInScope(project, list, index);
        if (!tasks.isEmpty())
            s.task = tasks.back();
        break;
    }
    case StepOp::Raise:
        if (!insideExcept(project, list)) {
            s.exceptionType = QStringLiteral("ValueError");
            s.message = Operand::fromLiteral(Value::string(tr("something went wrong")));
        }
        break;
    case StepOp::Return:
        break;
    case StepOp::Repeat: {
        s.times = Operand::fromLiteral(Value::integer(3));
        const QStringList taken = c ? namesBoundIn(*c) : QStringList();
        for (const char *name : {"i", "j", "k"}) {
            if (!taken.contains(QLatin1String(name))) {
                s.var = QLatin1String(name);
                break;
            }
        }
        if (s.var.isEmpty())
            s.var = uniqueName(QStringLiteral("i"), taken);
        break;
    }
    case StepOp::Try:
        s.handlers.push_back(ExceptClause{QStringLiteral("Exception"), QString(), {}});
        break;
    }
    return s;
}

} // namespace tusk
