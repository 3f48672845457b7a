// libFuzzer target: load, compile, run with an instruction budget, export to Python. A run may
// end in any outcome (finished, failed, deadlocked, stopped by a limit or by the budget) but
// never crash. The limits are tight so that their stops happen often: live tasks, memory, and
// a recording whose small budget makes it thin and fill; the finished run gives its memory back
// and the recording is scrubbed to the middle of the run, as the run view would.
#include "compiler.h"
#include "eventloop.h"
#include "projectjson.h"
#include "pythonexport.h"
#include "runrecording.h"

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

tusk::RunLimits tightLimits()
{
    tusk::RunLimits limits;
    limits.maxLiveTasks = 200;
    limits.maxMemoryBytes = 2 * tusk::RunLimits::kMiB;
    return limits;
}

constexpr std::uint64_t kRecordingBudget = 128 * 1024;

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
    loop.setLimits(tightLimits());
    ReadingObserver observer;
    loop.addObserver(&observer);
    RunRecording recording(program);
    recording.setBudget(kRecordingBudget, RunRecording::Compaction::Immediate);
    recording.setOnFull([&loop](const LimitStop &stop) { loop.requestLimitStop(stop); });
    loop.addObserver(&recording);
    loop.start();
    for (int slice = 0; slice < kMaxSlices && !loop.finished(); ++slice) {
        loop.skipIdleTime();
        loop.runIteration(kSliceBudget);
    }
    if (!loop.finished())
        loop.stop();
    loop.releaseMemory();
    (void)recording.tasksAt(loop.now() / 2);
    return 0;
}
