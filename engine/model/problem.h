#pragma once

#include "project.h"

#include <QString>
#include <vector>

namespace tusk {

/// One thing wrong with a project file or model, with where it is.
struct Problem {
    /// JSON path of the offending value, e.g. `coroutines[1].body[3].seconds`; empty for
    /// syntax errors (which have a line and column instead).
    QString path;
    int line = 0;  ///< 1-based source line when known, else 0
    int column = 0;  ///< 1-based source column when known, else 0
    QString message;  ///< what is wrong and, where it helps, what to do
    ItemId coroutineId = kNoId;  ///< the coroutine it concerns, when known
    ItemId stepId = kNoId;  ///< the step it concerns, when known

    /// `path: message`, or `line:column: message`, or both as `line:column: path: message`.
    QString toString() const;
};

using Problems = std::vector<Problem>;

}  // namespace tusk
