#pragma once

#include "problem.h"
#include "project.h"

#include <QByteArray>
#include <QString>

namespace tusk {

/// Reads a `.tusk` document. On success fills `project` (with ids assigned) and returns true.
/// On failure returns false, leaves `project` untouched and lists every problem found: syntax
/// errors with line:column, everything else with its JSON path (and line:column of the
/// offending value). Runs the structural checks and the semantic checks of validateProject().
bool loadProject(const QByteArray &utf8, Project *project, Problems *problems);
/// Like loadProject() but without the semantic checks of validateProject(): succeeds for any
/// structurally sound document, so that the editor can open a file with, say, a call to a
/// missing coroutine and show its problems while the user fixes them.
bool loadProjectStructure(const QByteArray &utf8, Project *project, Problems *problems);
/// Reads a file; a file that cannot be read is one problem saying so.
bool loadProjectFile(const QString &fileName, Project *project, Problems *problems);

/// The JSON text of a project: known keys first in the spec's order, then unknown top-level
/// keys as they were read.
QByteArray projectToJson(const Project &project);
/// Writes atomically (QSaveFile): the old file stays intact on any failure.
bool saveProjectFile(const Project &project, const QString &fileName, QString *error);

}  // namespace tusk
