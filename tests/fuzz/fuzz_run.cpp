// libFuzzer target: load, compile, run with an instruction budget, export to Python. A run may
// end in any outcome (finished, failed, deadlocked, stopped by the budget) but never crash.
#include "compiler.h"
#include "eventloop.h"
#include "projectjson.h"
#include "pythonexport.h"

#include <cstdint>
#include <memory>

namespace {

// Reads every event's text as a view would, so that building them is exercised too.
class ReadingObserver final : public tusk::RunObserver {
public:
    void onRunEvent(const tusk::RunEvent &e) override { characters += e.text.size(); }
    qsizetype characters = 0;
};

constexpr std::int64_t kSliceBudget = 997;  // instructions per call into the loop
constexpr int kMaxSlices = 300;  // at most ~300,000 instructions per input

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace tusk;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Project project;
    Problems problems;
    auto program = std::make_shared<Program>();
    if (!loadProject(bytes, &project, &problems) || !compileProject(project, program.get(), &problems))
        return 0;
    (void)exportPython(project, QStringLiteral("fuzz.tusk"));
    EventLoop loop(program);
    ReadingObserver observer;
    loop.addObserver(&observer);
    loop.start();
    for (int slice = 0; slice < kMaxSlices && !loop.finished(); ++slice) {
        loop.skipIdleTime();
        loop.runIteration(kSliceBudget);
    }
    return 0;
}
