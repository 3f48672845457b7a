#pragma once

#include "project.h"

#include <QStringList>
#include <functional>

namespace tusk {

/// Names one list of steps in a project by ids, so that undo commands and drop targets stay
/// valid while the vectors holding the steps are reallocated: a coroutine's body, the body of
/// a `repeat` or `try` step, the body of one except clause, or a `finally` body, or the `else`
/// body of an if, while or for step.
struct StepList {
    enum class Kind : std::uint8_t { Coroutine, Body, Except, Finally, Else };
    Kind kind = Kind::Coroutine;
    ItemId owner = kNoId;  ///< the coroutine (Kind::Coroutine) or the step that holds the list
    int handler = 0;  ///< Kind::Except: index of the except clause
    bool operator==(const StepList &o) const = default;
};

/// Where a step stands: its list, its index there, and its coroutine.
struct StepPlace {
    StepList list;
    int index = -1;
    ItemId coroutine = kNoId;
};

Coroutine *findCoroutine(Project &project, ItemId id);
const Coroutine *findCoroutine(const Project &project, ItemId id);
int coroutineIndex(const Project &project, ItemId id);  ///< -1 when absent

/// The vector a StepList names, or nullptr when it no longer exists.
std::vector<Step> *resolveList(Project &project, const StepList &list);
const std::vector<Step> *resolveList(const Project &project, const StepList &list);

/// Finds a step anywhere in the project; false when no step has that id.
bool locateStep(const Project &project, ItemId step, StepPlace *place);
/// The coroutine holding a step or, for a coroutine id, the coroutine itself.
const Coroutine *owningCoroutine(const Project &project, ItemId id);

/// True when `id` is `step` itself or one of the steps nested inside it: a step can never be
/// moved into its own body.
bool stepContains(const Step &step, ItemId id);
/// True when `list` lies inside the step `step` (or is one of its own lists).
bool listInsideStep(const Project &project, const StepList &list, ItemId step);

/// Gives a step and everything nested in it fresh ids from `project`: for pasted and
/// duplicated steps.
void renumber(Step &step, Project &project);
void renumber(Coroutine &coroutine, Project &project);

/// Calls `fn` for every step of `steps`, nested ones included, in document order.
void forEachStep(const std::vector<Step> &steps, const std::function<void(const Step &)> &fn);
void forEachStep(std::vector<Step> &steps, const std::function<void(Step &)> &fn);

/// The variables a step at `place` can read, in the order they come into existence: the
/// coroutine's parameters, then what earlier steps assign (`as`, loop variables, the `as` of
/// an enclosing except clause). Mirrors the validator's scope rule.
QStringList variablesInScope(const Project &project, const StepList &list, int index);
/// The subset of variablesInScope() that hold tasks: the `as` of create_task steps.
QStringList taskVariablesInScope(const Project &project, const StepList &list, int index);

/// `base`, or `base2`, `base3`... : the first that `taken` does not contain.
QString uniqueName(const QString &base, const QStringList &taken, bool numberFirst = false);
/// Every name a coroutine binds anywhere (parameters, `as`, loop variables, except `as`).
QStringList namesBoundIn(const Coroutine &coroutine);
QStringList coroutineNames(const Project &project);

/// One argument per parameter of `target`: keeps the existing ones, fills the rest with 0.
void fitArguments(Call &call, const Project &project);

}  // namespace tusk
