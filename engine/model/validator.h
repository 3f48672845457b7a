#pragma once

#include "problem.h"
#include "project.h"

namespace tusk {

/// Semantic checks of a structurally valid model, shared by the loader and the editor's live
/// validation: names are identifiers (not keywords, not `now`/`asyncio`/`print`), coroutine
/// names unique, parameters unique, `entry` exists and takes no parameters, calls name existing
/// coroutines with the right number of arguments, variables are used only after they exist,
/// templates parse and name variables in scope, exception types exist, a bare `raise` stands
/// inside an `except` body. Each problem carries its JSON path and the step's id.
Problems validateProject(const Project &project);

/// True for a Python identifier that a project may use as a name.
bool isValidName(const QString &name);

}  // namespace tusk
