// Run limits (issue 11) in the engine itself: a run past its live-task or memory limit stops
// with RunOutcome::LimitReached and the figures for its message; the memory a run holds is
// counted where it is allocated, grows with what the program keeps and shrinks when it lets
// go; a finished run gives everything back; a recording past its budget thins older events to
// state changes (the same task states at every moment) before it declares itself full.

#include "runcapture.h"
#include "runrecording.h"

#include <QtTest>

using namespace tusk;
using tusk::test::compileJson;

namespace {

const QByteArray kTaskStorm = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "sleeper", "body": [{"op": "sleep", "seconds": 1000}]},
  {"name": "main", "body": [{"op": "repeat", "times": 100000000, "body": [
    {"op": "create_task", "call": {"coroutine": "sleeper"}}]}]}]})";

// 2,000 tasks created, then all asleep, then all finished: what the run holds is read at each
// print.
const QByteArray kCrowdThenAlone = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "sleeper", "body": [{"op": "sleep", "seconds": 1}]},
  {"name": "main", "body": [
    {"op": "print", "text": "before"},
    {"op": "repeat", "times": 2000, "body": [{"op": "create_task", "call": {"coroutine": "sleeper"}}]},
    {"op": "print", "text": "crowd"},
    {"op": "sleep", "seconds": 0.5},
    {"op": "print", "text": "asleep"},
    {"op": "sleep", "seconds": 1.5},
    {"op": "print", "text": "alone"}]}]})";

// Time moves on (a millisecond per sleep, with prints between) while a second task sleeps
// across most of it: the steps and prints are what thinning drops.
const QByteArray kTicking = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "late", "body": [{"op": "sleep", "seconds": 15}, {"op": "print", "text": "late"}]},
  {"name": "main", "body": [
    {"op": "create_task", "call": {"coroutine": "late"}, "as": "t"},
    {"op": "repeat", "times": 20000, "var": "i", "body": [{"op": "sleep", "seconds": 0.001},
      {"op": "print", "text": "tick {i}"}, {"op": "print", "text": "tock {i}"}, {"op": "print", "text": "tack {i}"}]},
    {"op": "await", "task": "t"}]}]})";

/// Reads the loop's held bytes at every print.
class HeldAtPrints final : public RunObserver {
public:
    explicit HeldAtPrints(const EventLoop &loop)
        : m_loop(loop)
    {
    }
    void onRunEvent(const RunEvent &e) override
    {
        if (e.kind == RunEvent::Kind::Printed)
            held[e.text] = m_loop.heldBytes();
    }
    std::map<QString, std::uint64_t> held;

private:
    const EventLoop &m_loop;
};

}  // namespace

class TestRunLimits : public QObject {
    Q_OBJECT
private slots:
    void liveTaskLimitStopsTheRun()
    {
        auto program = compileJson(kTaskStorm);
        QVERIFY(program);
        EventLoop loop(program);
        RunLimits limits;
        limits.maxLiveTasks = 100;
        loop.setLimits(limits);
        test::Capture capture;
        loop.addObserver(&capture);
        QCOMPARE(runVirtual(loop), RunOutcome::LimitReached);
        QCOMPARE(loop.outcome(), RunOutcome::LimitReached);
        QCOMPARE(loop.limitStop().kind, LimitStop::Kind::LiveTasks);
        QCOMPARE(loop.limitStop().limit, std::uint64_t(100));
        QVERIFY(loop.limitStop().reached > 100);
        // main and 100 sleepers; the one that would have been the 102nd alive was refused.
        QCOMPARE(capture.tasksCreated, 101);
        QVERIFY(capture.errors.isEmpty());
    }

    void memoryLimitStopsTheRun()
    {
        auto program = compileJson(kTaskStorm);
        QVERIFY(program);
        EventLoop loop(program);
        RunLimits limits;
        limits.maxLiveTasks = 0;  // no task limit: memory must stop it
        limits.maxMemoryBytes = 8 * RunLimits::kMiB;
        loop.setLimits(limits);
        test::Capture capture;
        loop.addObserver(&capture);
        QCOMPARE(runVirtual(loop), RunOutcome::LimitReached);
        QCOMPARE(loop.limitStop().kind, LimitStop::Kind::Memory);
        QCOMPARE(loop.limitStop().limit, 8 * RunLimits::kMiB);
        QVERIFY(loop.limitStop().reached > 8 * RunLimits::kMiB);
        // Stopped near the limit, not long after it: each sleeper costs well under 8 KiB.
        QVERIFY(loop.limitStop().reached < 9 * RunLimits::kMiB);
        QVERIFY2(capture.tasksCreated > 1000, qPrintable(QString::number(capture.tasksCreated)));
    }

    void defaultLimitsLetTheBenchmarksThrough()
    {
        // The benchmarks' shape: 100,000 tasks alive at once.
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "sleeper", "body": [{"op": "sleep", "seconds": 1}]},
          {"name": "main", "body": [{"op": "repeat", "times": 100000, "body": [
            {"op": "create_task", "call": {"coroutine": "sleeper"}}]}, {"op": "sleep", "seconds": 2}]}]})");
        QVERIFY(program);
        EventLoop loop(program);
        QCOMPARE(runVirtual(loop), RunOutcome::Completed);
        QCOMPARE(loop.limitStop().kind, LimitStop::Kind::None);
    }

    void heldBytesGrowAndShrinkWithWhatTheRunKeeps()
    {
        auto program = compileJson(kCrowdThenAlone);
        QVERIFY(program);
        EventLoop loop(program);
        HeldAtPrints reader(loop);
        loop.addObserver(&reader);
        QCOMPARE(runVirtual(loop), RunOutcome::Completed);
        const std::uint64_t before = reader.held.at(QStringLiteral("before"));
        const std::uint64_t crowd = reader.held.at(QStringLiteral("crowd"));
        const std::uint64_t asleep = reader.held.at(QStringLiteral("asleep"));
        const std::uint64_t alone = reader.held.at(QStringLiteral("alone"));
        const QString figures = QStringLiteral("%1 -> %2 -> %3 -> %4").arg(before).arg(crowd).arg(asleep).arg(alone);
        QVERIFY(before > 0);  // main's own task and frame
        // Each of 2,000 sleepers holds at least its task record and frame; asleep, a timer too.
        QVERIFY2(crowd > before + 2000 * 64, qPrintable(figures));
        QVERIFY2(asleep > crowd, qPrintable(figures));
        // A finished task's frame is freed as it finishes. Its record (the id views refer to)
        // stays until the run ends, and the timer storage is kept for reuse.
        QVERIFY2(alone + 2000 * 16 < asleep, qPrintable(figures));
    }

    void aFinishedRunGivesItsMemoryBack()
    {
        auto program = compileJson(kTaskStorm);
        QVERIFY(program);
        EventLoop loop(program);
        RunLimits limits;
        limits.maxLiveTasks = 50'000;
        loop.setLimits(limits);
        QCOMPARE(runVirtual(loop), RunOutcome::LimitReached);
        QVERIFY(loop.taskCount() > 50'000);
        QVERIFY(loop.heldBytes() > 50'000 * 64);
        const QString errorLine = loop.errorLine();
        loop.releaseMemory();
        QCOMPARE(loop.taskCount(), std::size_t(0));
        QVERIFY2(loop.heldBytes() < 64 * 1024, qPrintable(QString::number(loop.heldBytes())));
        // What a view still shows afterwards stays.
        QCOMPARE(loop.outcome(), RunOutcome::LimitReached);
        QCOMPARE(loop.limitStop().kind, LimitStop::Kind::LiveTasks);
        QCOMPARE(loop.errorLine(), errorLine);
    }

    void aThinnedRecordingKeepsEveryTaskState()
    {
        auto program = compileJson(kTicking);
        QVERIFY(program);
        RunRecording whole(program);
        RunRecording thinned(program);
        thinned.setBudget(4 * RunLimits::kMiB, RunRecording::Compaction::Immediate);
        bool full = false;
        thinned.setOnFull([&full](const LimitStop &) { full = true; });
        {
            EventLoop loop(program);
            loop.addObserver(&whole);
            loop.addObserver(&thinned);
            QCOMPARE(runVirtual(loop), RunOutcome::Completed);
        }
        QVERIFY(!full);
        QVERIFY(thinned.thinnedBeforeNs() > 0);
        QVERIFY2(thinned.events().size() < whole.events().size() / 2,
            qPrintable(QStringLiteral("%1 of %2").arg(thinned.events().size()).arg(whole.events().size())));
        QVERIFY(thinned.approximateBytes() <= thinned.budget());
        // Before the cut only state changes are left; after it, everything.
        std::size_t stepsBeforeCut = 0;
        std::size_t stepsAfterCut = 0;
        for (std::size_t i = 0; i < thinned.events().size(); ++i) {
            const RunEvent e = thinned.events().at(i);
            if (e.kind == RunEvent::Kind::StepEntered)
                ++(e.timeNs < thinned.thinnedBeforeNs() ? stepsBeforeCut : stepsAfterCut);
        }
        QCOMPARE(stepsBeforeCut, std::size_t(0));
        QVERIFY(stepsAfterCut > 0);
        // Scrubbing shows the same task states at any moment, thinned or not.
        for (const std::int64_t t :
            {std::int64_t(0), std::int64_t(3'000'000'000), thinned.thinnedBeforeNs() - 1, thinned.thinnedBeforeNs(),
                std::int64_t(14'999'000'000), std::int64_t(15'000'000'000), std::int64_t(20'000'000'000)}) {
            const TaskList a = whole.tasksAt(t);
            const TaskList b = thinned.tasksAt(t);
            QCOMPARE(b.size(), a.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                QCOMPARE(int(b[i].state), int(a[i].state));
                QCOMPARE(b[i].sleepsUntilNs, a[i].sleepsUntilNs);
                QCOMPARE(b[i].finishedNs, a[i].finishedNs);
            }
        }
    }

    void aRecordingThatCannotThinEnoughStopsTheRun()
    {
        // 50,000 tasks alive: the task list alone is past the budget, thinning cannot help.
        auto program = compileJson(kTaskStorm);
        QVERIFY(program);
        RunRecording recording(program);
        recording.setBudget(2 * RunLimits::kMiB, RunRecording::Compaction::Immediate);
        EventLoop loop(program);
        int fullCalls = 0;
        recording.setOnFull([&](const LimitStop &stop) {
            ++fullCalls;
            loop.requestLimitStop(stop);
        });
        loop.addObserver(&recording);
        QCOMPARE(runVirtual(loop), RunOutcome::LimitReached);
        QCOMPARE(fullCalls, 1);
        QVERIFY(recording.full());
        QCOMPARE(loop.limitStop().kind, LimitStop::Kind::Recording);
        QCOMPARE(loop.limitStop().limit, 2 * RunLimits::kMiB);
        QVERIFY(loop.limitStop().reached > 2 * RunLimits::kMiB / 4 * 3);
        // Well before the task limit: the recording stopped it.
        QVERIFY(recording.liveTasks().size() < 1'000'000);
    }
};

QTEST_MAIN(TestRunLimits)
#include "tst_runlimits.moc"
