#include "stepinfo.h"

namespace tusk {

QList<StepOp> StepInfo::allOps()
{
    return {StepOp::Print,  StepOp::Sleep, StepOp::CreateTask, StepOp::Await,  StepOp::Gather,
            StepOp::Cancel, StepOp::Raise, StepOp::Return,     StepOp::Repeat, StepOp::Try};
}

QString StepInfo::title(StepOp op)
{
    switch (op) {
    case StepOp::Print:
        return tr("Print");
    case StepOp::Sleep:
        return tr("Sleep");
    case StepOp::CreateTask:
        return tr("Create task");
    case StepOp::Await:
        return tr("Await");
    case StepOp::Gather:
        return tr("Gather");
    case StepOp::Cancel:
        return tr("Cancel task");
    case StepOp::Raise:
        return tr("Raise");
    case StepOp::Return:
        return tr("Return");
    case StepOp::Repeat:
        return tr("Repeat");
    case StepOp::Try:
        return tr("Try / except");
    }
    return {};
}

QString StepInfo::pattern(StepOp op)
{
    switch (op) {
    case StepOp::Print:
        return QStringLiteral("print(f\"…\")");
    case StepOp::Sleep:
        return QStringLiteral("await asyncio.sleep(s)");
    case StepOp::CreateTask:
        return QStringLiteral("asyncio.create_task(f())");
    case StepOp::Await:
        return QStringLiteral("await t");
    case StepOp::Gather:
        return QStringLiteral("await asyncio.gather(…)");
    case StepOp::Cancel:
        return QStringLiteral("t.cancel()");
    case StepOp::Raise:
        return QStringLiteral("raise ValueError(…)");
    case StepOp::Return:
        return QStringLiteral("return value");
    case StepOp::Repeat:
        return QStringLiteral("for i in range(n):");
    case StepOp::Try:
        return QStringLiteral("try: … except: …");
    }
    return {};
}

QString StepInfo::explanation(StepOp op)
{
    switch (op) {
    case StepOp::Print:
        return tr("Prints a line. {name} inserts a variable, {now:.1f} the seconds since the program started.");
    case StepOp::Sleep:
        return tr("Suspends this coroutine for some seconds. Meanwhile the event loop runs other tasks.");
    case StepOp::CreateTask:
        return tr("Schedules a coroutine to run as a new task and keeps going: the task starts only when this "
                  "coroutine suspends.");
    case StepOp::Await:
        return tr("Waits until a task finishes, or calls a coroutine and waits for its result.");
    case StepOp::Gather:
        return tr("Runs several tasks or calls concurrently and waits for all of them; the result is the list of "
                  "their results.");
    case StepOp::Cancel:
        return tr("Asks a task to stop: CancelledError is raised inside it where it waits.");
    case StepOp::Raise:
        return tr("Raises an exception; inside an except block, a bare raise re-raises the one being handled.");
    case StepOp::Return:
        return tr("Ends this coroutine, optionally with a result for whoever awaits it.");
    case StepOp::Repeat:
        return tr("Runs the steps inside a number of times.");
    case StepOp::Try:
        return tr("Runs the steps inside and handles the exceptions they raise.");
    }
    return {};
}

QString StepInfo::coroutineTitle()
{
    return tr("Coroutine");
}

QString StepInfo::coroutinePattern()
{
    return QStringLiteral("async def f():");
}

QString StepInfo::coroutineExplanation()
{
    return tr("A coroutine: an async function made of steps. Drop it on the canvas, then drop steps onto it.");
}

} // namespace tusk
