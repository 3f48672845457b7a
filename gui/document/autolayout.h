#pragma once

#include "project.h"

#include <QHash>
#include <QPointF>

namespace tusk {

/// Places coroutine nodes for a file that has no positions: the entry coroutine first, each
/// coroutine one column right of the first one that calls it, in the order of the calls, so
/// that arrows run left to right and rarely cross. Coroutines nobody calls start the first
/// column under the entry.
QHash<ItemId, QPointF> autoLayout(const Project &project);

}  // namespace tusk
