#pragma once

#include "modeledit.h"

#include <QCoreApplication>

namespace tusk {

/// What a block dropped from the palette starts as: complete and, where the surroundings
/// allow, already meaningful, so that a program can be put together with the mouse alone.
/// The first coroutine is the entry (`main`), later ones `task1`, `task2`...; a create_task
/// calls a coroutine that no task runs yet; an await waits for the first task not awaited yet.
class NewItems {
    Q_DECLARE_TR_FUNCTIONS(tusk::NewItems)
public:
    static Coroutine coroutine(const Project &project);
    static Step step(StepOp op, const Project &project, const StepList &list, int index);
    /// The variable a create_task calling `target` stores its task in (t1, t2...).
    static QString taskVariable(const Coroutine &coroutine);
};

}  // namespace tusk
