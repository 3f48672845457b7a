#include "newitems.h"

#include "stepkinds.h"
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
            if (!item.isCall && !item.isExpr())
                used << item.task;
        }
    });
    return used;
}

}  // namespace

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
    // Each field starts as its description says, worked out from where the step goes.
    const StepKind &kind = stepKind(op);
    for (const StepField &f : kind.fields) {
        switch (f.initial) {
        case FieldDefault::Empty:
            break;
        case FieldDefault::One:
            s.*f.value = Operand::fromLiteral(Value::integer(1));
            break;
        case FieldDefault::Three:
            s.*f.value = Operand::fromLiteral(Value::integer(3));
            break;
        case FieldDefault::PositionMessage: {
            QString what;
            if (list.kind == StepList::Kind::Coroutine && size > 0 && index >= size)
                what = tr("%1 finished").arg(here);
            else if (index == 0)
                what = tr("%1 started").arg(here);
            else
                what = tr("%1 is working").arg(here);
            s.*f.name = QStringLiteral("[{now:.1f}s] ") + what;
            break;
        }
        case FieldDefault::NextCoroutine: {
            QStringList started;
            if (c) {
                forEachStep(c->body, [&started, op](const Step &st) {
                    if (st.op == op && st.call)  // the coroutines steps of this kind already call
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
            break;
        }
        case FieldDefault::EmptyCall: {
            bool otherFormSet = false;
            for (const StepField &other : kind.fields)
                otherFormSet
                    = otherFormSet || (&other != &f && other.presence == FieldPresence::OneOf && other.isPresent(s));
            if (!otherFormSet)
                s.call = Call {};
            break;
        }
        case FieldDefault::UnusedTask: {
            const QStringList tasks = taskVariablesInScope(project, list, index);
            const QStringList used = c ? usedTasks(*c) : QStringList();
            for (const QString &t : tasks) {
                if (!used.contains(t)) {
                    s.*f.name = t;
                    break;
                }
            }
            if ((s.*f.name).isEmpty() && !tasks.isEmpty())
                s.*f.name = tasks.back();
            break;
        }
        case FieldDefault::LastTask: {
            const QStringList tasks = taskVariablesInScope(project, list, index);
            if (!tasks.isEmpty())
                s.*f.name = tasks.back();
            break;
        }
        case FieldDefault::UnusedTasks: {
            const QStringList used = c ? usedTasks(*c) : QStringList();
            for (const QString &t : taskVariablesInScope(project, list, index)) {
                if (!used.contains(t))
                    s.items.push_back(GatherItem::ofTask(t));
            }
            break;
        }
        case FieldDefault::NewTaskVariable:
            if (c)
                s.*f.name = taskVariable(*c);
            break;
        case FieldDefault::LoopVariable: {
            const QStringList taken = c ? namesBoundIn(*c) : QStringList();
            for (const char *name : {"i", "j", "k"}) {
                if (!taken.contains(QLatin1String(name))) {
                    s.*f.name = QLatin1String(name);
                    break;
                }
            }
            if ((s.*f.name).isEmpty())
                s.*f.name = uniqueName(QStringLiteral("i"), taken);
            break;
        }
        case FieldDefault::ExceptionOutsideHandler:
            // Inside an except body a new raise re-raises; elsewhere it raises something.
            if (!insideExcept(project, list)) {
                s.*f.name = QStringLiteral("ValueError");
                for (const StepField &other : kind.fields) {
                    if (other.needs && qstrcmp(other.needs, f.key) == 0 && other.value)
                        s.*other.value = Operand::fromLiteral(Value::string(tr("something went wrong")));
                }
            }
            break;
        case FieldDefault::NewVariable:
            s.*f.name = uniqueName(QStringLiteral("x"), c ? namesBoundIn(*c) : QStringList(), true);
            break;
        case FieldDefault::TrueCondition:
            s.*f.value = Operand::fromLiteral(Value::boolean(true));
            break;
        case FieldDefault::WhileCondition:
            // False until edited: a new while loop must not run for ever.
            s.*f.value = Operand::fromLiteral(Value::boolean(false));
            break;
        case FieldDefault::SomeIterable:
            s.*f.value = Operand::fromSource(QStringLiteral("range(3)"));
            break;
        case FieldDefault::CallExpression:
            s.*f.value = Operand::fromSource(QStringLiteral("print()"));
            break;
        case FieldDefault::OneHandler:
            s.handlers.push_back(ExceptClause {QStringLiteral("Exception"), QString(), {}});
            break;
        }
    }
    return s;
}

}  // namespace tusk
