// libFuzzer target: the project loader. Any bytes must load or be refused with problems, never
// crash; what loads must be written back by the writer into a file that loads again as the
// same project, and must compile.
#include "compiler.h"
#include "projectjson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace tusk;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Project project;
    Problems problems;
    if (!loadProject(bytes, &project, &problems)) {
        if (problems.empty())
            std::abort();  // a refusal always says why
        return 0;
    }
    Project again;
    if (!loadProject(projectToJson(project), &again, &problems) || !(again == project))
        std::abort();  // the writer lost or changed something
    Program program;
    if (!compileProject(project, &program, &problems))
        std::abort();  // a valid project always compiles
    return 0;
}
