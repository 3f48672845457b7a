#pragma once

#include "problem.h"

#include <QString>

namespace tusk {

class Document;

/// Python text pasted on the canvas: its coroutines join the project as one undoable command
/// ("Paste Python"). A pasted coroutine takes the place of an empty one of the same name (the
/// `main` of a new project), otherwise gets a free name (`worker2`, calls renamed with it); an
/// `asyncio.run(NAME())` makes NAME the entry when the project's entry has no steps yet.
/// Text that does not import changes nothing: false, with its problems.
bool pastePython(Document *document, const QString &text, Problems *problems);

}  // namespace tusk
