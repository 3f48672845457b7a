#pragma once

#include "problem.h"
#include "program.h"
#include "project.h"

namespace tusk {

/// Compiles a validated project into a Program. Returns false (with problems) when the project
/// does not validate; a Program is only ever built from a valid project.
bool compileProject(const Project &project, Program *program, Problems *problems);

}  // namespace tusk
