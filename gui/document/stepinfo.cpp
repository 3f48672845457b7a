#include "stepinfo.h"

#include "stepkinds.h"

namespace tusk {

QList<StepOp> StepInfo::allOps()
{
    QList<StepOp> ops;
    for (const StepKind &kind : stepKinds())
        ops << kind.op;
    return ops;
}

// The texts are in the step kind's description, marked for translation in this class's context.
QString StepInfo::title(StepOp op)
{
    return tr(stepKind(op).title);
}

QString StepInfo::pattern(StepOp op)
{
    return QString::fromUtf8(stepKind(op).shortPython);
}

QString StepInfo::explanation(StepOp op)
{
    return tr(stepKind(op).explanation);
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

}  // namespace tusk
