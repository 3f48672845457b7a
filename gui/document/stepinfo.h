#pragma once

#include "project.h"

#include <QCoreApplication>

namespace tusk {

/// What each kind of block is called and what it does, in the user's language: shared by the
/// palette, the inspector and the canvas so that a block has one name everywhere.
class StepInfo {
    Q_DECLARE_TR_FUNCTIONS(tusk::StepInfo)
public:
    static QString title(StepOp op);
    /// The Python it stands for, as a pattern (`await asyncio.sleep(seconds)`).
    static QString pattern(StepOp op);
    /// One or two sentences for a tooltip: what happens when it runs.
    static QString explanation(StepOp op);
    static QString coroutineTitle();
    static QString coroutinePattern();
    static QString coroutineExplanation();
    static QList<StepOp> allOps();
};

}  // namespace tusk
