// libFuzzer target: the importer's mapping from CPython's `ast` tree (as pyast.py prints it) to a
// project. The tree comes from another program (any python3 from 3.8 on), so any JSON must be
// mapped or refused with problems, never crash. What is mapped must be a valid project that
// the format writes and reads back as the same, and that exports; what is refused must say
// why at a line, and hold nothing.
#include "jsonvalue.h"
#include "projectjson.h"
#include "pythonexport.h"
#include "pythonimport.h"
#include "validator.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace tusk;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    JsonValue root;
    JsonError error;
    if (!parseJson(bytes, &root, &error, 5000))
        return 0;
    // A whole pyast.py answer, or the module alone.
    const JsonValue *module = root.find(QStringLiteral("module"));
    for (const bool fragment : {false, true}) {
        PythonImportOptions options;
        options.requireEntry = !fragment;
        const PythonImport imported = importPythonTree(module ? *module : root, options);
        if (!imported.ok) {
            if (imported.problems.empty() || !imported.project.coroutines.empty())
                std::abort();  // a refusal says why and keeps nothing
            continue;
        }
        if (!imported.problems.empty())
            std::abort();
        if (!fragment && !validateProject(imported.project).empty())
            std::abort();  // the importer hands over only valid programs
        Project again;
        Problems problems;
        if (!loadProjectStructure(projectToJson(imported.project), &again, &problems))
            std::abort();
        again.layout = imported.project.layout;
        if (!(again.coroutines == imported.project.coroutines) || again.entry != imported.project.entry
            || again.title != imported.project.title)
            std::abort();  // the format lost or changed something
        if (exportPython(imported.project).isEmpty())
            std::abort();
    }
    return 0;
}
