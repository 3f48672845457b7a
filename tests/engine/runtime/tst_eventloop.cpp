// The event loop beyond printed output: the event stream observers see, deadlock detection,
// recursion limits, and the driver that runs programs on the Qt event loop.

#include "runcapture.h"
#include "runcontroller.h"
#include "runrecording.h"
#include "runsession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tusk;
using tusk::test::compileJson;

namespace {

/// Records every event.
class Recorder final : public RunObserver {
public:
    void onRunEvent(const RunEvent &e) override { events.push_back(e); }
    std::vector<RunEvent> events;

    std::vector<RunEvent> ofKind(RunEvent::Kind k) const
    {
        std::vector<RunEvent> out;
        for (const RunEvent &e : events)
            if (e.kind == k)
                out.push_back(e);
        return out;
    }
};

const QByteArray kTwoTasks = R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
  {"name": "task1", "body": [{"op": "sleep", "seconds": 1}, {"op": "print", "text": "Задача 1 завершена"}]},
  {"name": "task2", "body": [{"op": "sleep", "seconds": 2}, {"op": "print", "text": "Задача 2 завершена"}]},
  {"name": "main", "body": [
    {"op": "create_task", "call": {"coroutine": "task1"}, "as": "t1"},
    {"op": "create_task", "call": {"coroutine": "task2"}, "as": "t2"},
    {"op": "await", "task": "t1"}, {"op": "await", "task": "t2"}]}]})";

}  // namespace

class TestEventLoop : public QObject {
    Q_OBJECT
private slots:
    void eventStreamOfTheSeedExample()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        EventLoop loop(program);
        Recorder rec;
        loop.addObserver(&rec);
        QCOMPARE(runVirtual(loop), RunOutcome::Completed);

        const auto created = rec.ofKind(RunEvent::Kind::TaskCreated);
        QCOMPARE(int(created.size()), 3);
        QCOMPARE(created[0].text, QStringLiteral("Task-1"));
        QCOMPARE(created[0].other, kNoTask);  // the entry task has no creator
        QCOMPARE(created[1].other, TaskId(1));
        QCOMPARE(created[2].text, QStringLiteral("Task-3"));

        const auto printed = rec.ofKind(RunEvent::Kind::Printed);
        QCOMPARE(int(printed.size()), 2);
        QCOMPARE(printed[0].timeNs, std::int64_t(1000000000));
        QCOMPARE(printed[1].timeNs, std::int64_t(2000000000));  // together at 2 s, not 3 s

        // task2 sleeps until 2 s; every task ends Done; main waits on task1, then task2.
        bool sawTask2Sleep = false;
        std::vector<std::uint32_t> mainWaitsOn;
        for (const RunEvent &e : rec.ofKind(RunEvent::Kind::StateChanged)) {
            if (e.task == 3 && e.state == TaskState::Sleeping) {
                sawTask2Sleep = true;
                QCOMPARE(e.deadlineNs, std::int64_t(2000000000));
            }
            if (e.task == 1 && e.state == TaskState::WaitingTask)
                mainWaitsOn.push_back(e.other);
        }
        QVERIFY(sawTask2Sleep);
        QCOMPARE(mainWaitsOn, (std::vector<std::uint32_t> {2, 3}));
        for (TaskId t = 1; t <= 3; ++t)
            QCOMPARE(loop.taskState(t), TaskState::Done);
        QCOMPARE(rec.events.back().kind, RunEvent::Kind::RunFinished);

        // Step events name the project's step ids.
        QVERIFY(!rec.ofKind(RunEvent::Kind::StepEntered).empty());
        for (const RunEvent &e : rec.ofKind(RunEvent::Kind::StepEntered))
            QVERIFY(e.stepId != kNoId);
    }

    void recordingReplaysAnyMoment()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        EventLoop loop(program);
        RunRecording recording(program);
        loop.addObserver(&recording);
        runVirtual(loop);

        auto at = recording.tasksAt(500000000);  // 0.5 s
        QCOMPARE(int(at.size()), 3);
        QCOMPARE(at[0].state, TaskState::WaitingTask);
        QCOMPARE(at[0].waitsOn, std::uint32_t(2));
        QCOMPARE(at[1].state, TaskState::Sleeping);
        QCOMPARE(at[1].sleepsUntilNs, std::int64_t(1000000000));
        QCOMPARE(at[2].state, TaskState::Sleeping);
        QCOMPARE(at[2].coroutine, QStringLiteral("task2"));
        // Each task knows the variable its create_task stored it in; the entry task has none.
        QCOMPARE(at[0].label(), QStringLiteral("Task-1 \u00b7 main()"));
        QCOMPARE(at[1].label(), QStringLiteral("Task-2 \u00b7 task1() \u00b7 t1"));
        QCOMPARE(at[2].label(), QStringLiteral("Task-3 \u00b7 task2() \u00b7 t2"));
        QVERIFY(at[1].createdAt != kNoId && at[1].createdAt != at[2].createdAt);

        at = recording.tasksAt(1500000000);  // 1.5 s: task1 done, main now waits on task2
        QCOMPARE(at[1].state, TaskState::Done);
        QCOMPARE(at[1].finishedNs, std::int64_t(1000000000));
        QCOMPARE(at[0].state, TaskState::WaitingTask);
        QCOMPARE(at[0].waitsOn, std::uint32_t(3));
        QCOMPARE(at[2].state, TaskState::Sleeping);

        at = recording.tasksAt(2000000000);  // the end
        for (const TaskSnapshot &s : at)
            QCOMPARE(s.state, TaskState::Done);
        QCOMPARE(at[0].finishedNs, std::int64_t(2000000000));
        QCOMPARE(at[2].finishedNs, std::int64_t(2000000000));  // together at 2 s
        QCOMPARE(recording.tasksAfter(0).size(), std::size_t(0));
    }

    void waitEdgesFollowAwaitsAndGathers()
    {
        // main gathers a (1 s) and b (2 s) and an existing task t (3 s), which it created first.
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "nap", "params": ["s"], "body": [{"op": "sleep", "seconds": {"var": "s"}}]},
          {"name": "waiter", "params": ["t"], "body": [{"op": "await", "task": "t"}]},
          {"name": "main", "body": [
            {"op": "create_task", "call": {"coroutine": "nap", "args": [3]}, "as": "t"},
            {"op": "create_task", "call": {"coroutine": "waiter", "args": [{"var": "t"}]}, "as": "w"},
            {"op": "gather", "items": [{"call": {"coroutine": "nap", "args": [1]}},
                {"call": {"coroutine": "nap", "args": [2]}}, {"task": "t"}, {"task": "t"}]}]}]})");
        QVERIFY(program);
        EventLoop loop(program);
        RunRecording recording(program);
        loop.addObserver(&recording);
        QCOMPARE(runVirtual(loop), RunOutcome::Completed);

        // Task-1 main, Task-2 t, Task-3 w, Task-4 and Task-5 the gather's calls; t joins once.
        std::uint32_t gatherId = 0;
        for (const RunEvent &e : recording.events()) {
            if (e.kind == RunEvent::Kind::StateChanged && e.task == 1 && e.state == TaskState::WaitingGather)
                gatherId = e.other;
        }
        QCOMPARE(recording.gatherChildren(gatherId), (std::vector<TaskId> {4, 5, 2}));
        QVERIFY(recording.gatherChildren(gatherId + 100).empty());

        const auto edges = [&](std::int64_t ns) {
            QStringList out;
            for (const WaitEdge &w : recording.waitsAmong(recording.tasksAt(ns)))
                out << QStringLiteral("%1>%2%3").arg(w.waiter).arg(w.awaited).arg(
                    w.viaGather ? QStringLiteral("g") : QString());
            return out.join(QLatin1Char(' '));
        };
        QCOMPARE(edges(500000000), QStringLiteral("1>4g 1>5g 1>2g 3>2"));
        QCOMPARE(edges(1500000000), QStringLiteral("1>5g 1>2g 3>2"));  // the finished child drops out
        QCOMPARE(edges(2500000000), QStringLiteral("1>2g 3>2"));
        QCOMPARE(edges(3000000000), QString());  // all done
        QCOMPARE(recording.waitsAmong(recording.liveTasks()).size(), std::size_t(0));
    }

    void finishedTasksCarryTheirOutcome()
    {
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "answer", "body": [{"op": "return", "value": 42}]},
          {"name": "broken", "body": [{"op": "raise", "type": "ValueError", "message": "x"}]},
          {"name": "sleepy", "body": [{"op": "sleep", "seconds": 5}]},
          {"name": "main", "body": [
            {"op": "create_task", "call": {"coroutine": "answer"}, "as": "a"},
            {"op": "create_task", "call": {"coroutine": "broken"}, "as": "b"},
            {"op": "create_task", "call": {"coroutine": "sleepy"}, "as": "c"},
            {"op": "sleep", "seconds": 1}, {"op": "cancel", "task": "c", "message": "stop"},
            {"op": "gather", "items": [{"task": "a"}, {"task": "b"}, {"task": "c"}], "return_exceptions": true}]}]})");
        QVERIFY(program);
        EventLoop loop(program);
        RunRecording recording(program);
        loop.addObserver(&recording);
        runVirtual(loop);
        const auto &tasks = recording.liveTasks();
        QCOMPARE(int(tasks.size()), 4);
        QCOMPARE(tasks[1].outcome, QStringLiteral("42"));
        QCOMPARE(tasks[2].state, TaskState::Failed);
        QCOMPARE(tasks[2].outcome, QStringLiteral("ValueError('x')"));
        QCOMPARE(tasks[3].state, TaskState::Cancelled);
        QCOMPARE(tasks[3].outcome, QStringLiteral("CancelledError('stop')"));
        QCOMPARE(tasks[0].outcome, QStringLiteral("None"));
    }

    void chromeTraceHasOneThreadPerTask()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        EventLoop loop(program);
        RunRecording recording(program);
        loop.addObserver(&recording);
        runVirtual(loop);
        JsonValue trace;
        JsonError error;
        QVERIFY(parseJson(recording.toChromeTrace(QStringLiteral("two tasks")), &trace, &error));
        const JsonValue *events = trace.find(QStringLiteral("traceEvents"));
        QVERIFY(events && events->isArray());
        QStringList threads;
        int prints = 0, flowStarts = 0, flowEnds = 0;
        double lastSleepEnd = 0;
        for (const JsonValue &e : events->items()) {
            const QString ph = e.find(QStringLiteral("ph"))->toString();
            const QString name = e.find(QStringLiteral("name"))->toString();
            if (ph == QLatin1String("M") && name == QLatin1String("thread_name"))
                threads << e.find(QStringLiteral("args"))->find(QStringLiteral("name"))->toString();
            if (ph == QLatin1String("i") && name == QLatin1String("print"))
                ++prints;
            flowStarts += ph == QLatin1String("s");
            flowEnds += ph == QLatin1String("f");
            if (ph == QLatin1String("X") && name == QLatin1String("sleeping"))
                lastSleepEnd = std::max(
                    lastSleepEnd, e.find(QStringLiteral("ts"))->toFloat() + e.find(QStringLiteral("dur"))->toFloat());
        }
        QCOMPARE(threads,
            (QStringList {QStringLiteral("Task-1 \u00b7 main()"), QStringLiteral("Task-2 \u00b7 task1() \u00b7 t1"),
                QStringLiteral("Task-3 \u00b7 task2() \u00b7 t2")}));
        QCOMPARE(prints, 2);
        QCOMPARE(flowStarts, 4);  // two create_task arrows, two await arrows
        QCOMPARE(flowEnds, 4);
        QVERIFY(std::abs(lastSleepEnd - 2e6) < 1.0);  // task2 sleeps until 2 s (in microseconds)
    }

    void sessionReportsEventsOncePerFrame()
    {
        // 2,000 tasks each sleeping twice: tens of thousands of events, a handful of signals.
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "w", "body": [{"op": "sleep", "seconds": 0}, {"op": "sleep", "seconds": 1}]},
          {"name": "main", "body": [{"op": "repeat", "times": 2000, "body": [
            {"op": "create_task", "call": {"coroutine": "w"}}]}, {"op": "sleep", "seconds": 2}]}]})");
        QVERIFY(program);
        RunSession session(program);
        std::size_t seen = 0;
        int notifications = 0;
        bool contiguous = true;
        connect(&session, &RunSession::eventsAdded, this, [&](std::size_t first, std::size_t count) {
            contiguous = contiguous && first == seen;
            seen += count;
            ++notifications;
        });
        QSignalSpy finished(&session, &RunSession::finished);
        session.controller().start();
        QVERIFY(finished.wait(30000));
        QVERIFY(contiguous);
        QCOMPARE(seen, session.recording().events().size());
        QVERIFY(seen > 20000);
        QVERIFY2(notifications < 200, qPrintable(QString::number(notifications)));
        QCOMPARE(int(session.recording().liveTasks().size()), 2001);
        for (const TaskSnapshot &t : session.recording().liveTasks())
            QCOMPARE(t.state, TaskState::Done);
    }

    void deadlockIsReportedWithWhoWaitsOnWhom()
    {
        // No v1 program can deadlock (tasks only ever wait on tasks created earlier), but later
        // versions (Event, Lock, Queue) can. A hand-built program where main and its task
        // await each other exercises the detector.
        auto program = std::make_shared<Program>();
        CompiledCoroutine helper;
        helper.name = QStringLiteral("helper");
        helper.paramCount = 1;
        helper.slotCount = 1;
        helper.slotNames = {QStringLiteral("other")};
        Instr awaitParam;
        awaitParam.op = Instr::Op::AwaitTask;
        awaitParam.a = 0;
        awaitParam.b = kNoSlot;
        helper.code = {awaitParam, Instr {}};
        CompiledCoroutine main;
        main.name = QStringLiteral("main");
        main.slotCount = 1;
        main.slotNames = {QStringLiteral("t")};
        program->constants.push_back(Value::task(1));  // the entry task's own handle
        CompiledOperand handle;
        handle.present = true;
        handle.index = 0;
        program->calls.push_back(CompiledCall {0, {handle}});
        Instr create;
        create.op = Instr::Op::CreateTask;
        create.a = 0;
        create.b = 0;
        create.stepId = 7;
        Instr awaitIt;
        awaitIt.op = Instr::Op::AwaitTask;
        awaitIt.a = 0;
        awaitIt.b = kNoSlot;
        main.code = {create, awaitIt, Instr {}};
        program->coroutines = {helper, main};
        program->entry = 1;
        program->taskVariables.insert(7, QStringLiteral("t"));

        EventLoop loop(program);
        test::Capture capture;
        loop.addObserver(&capture);
        QCOMPARE(runVirtual(loop), RunOutcome::Deadlock);
        QCOMPARE(loop.deadlockReport().size(), 2);
        // Each task by its name, its coroutine and the variable its create_task stored it in.
        QCOMPARE(
            loop.deadlockReport()[0], QStringLiteral("Task-1 \u00b7 main() waits for Task-2 \u00b7 helper() \u00b7 t"));
        QCOMPARE(
            loop.deadlockReport()[1], QStringLiteral("Task-2 \u00b7 helper() \u00b7 t waits for Task-1 \u00b7 main()"));
        QCOMPARE(capture.errors.size(), 1);
        QVERIFY(capture.errors[0].startsWith(QStringLiteral("deadlock:")));
    }

    void unboundedRecursionRaisesRecursionError()
    {
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "down", "body": [{"op": "await", "call": {"coroutine": "down"}}]},
          {"name": "main", "body": [
            {"op": "try", "body": [{"op": "await", "call": {"coroutine": "down"}}],
             "except": [{"type": "RuntimeError", "as": "e", "body": [{"op": "print", "text": "{e!r}"}]}]},
            {"op": "await", "call": {"coroutine": "down"}}]}]})");
        QVERIFY(program);
        EventLoop loop(program);
        test::Capture capture;
        loop.addObserver(&capture);
        QCOMPARE(runVirtual(loop), RunOutcome::Failed);
        QCOMPARE(capture.printed, QStringList {QStringLiteral("RecursionError('maximum recursion depth exceeded')")});
        QCOMPARE(loop.errorLine(), QStringLiteral("RecursionError: maximum recursion depth exceeded"));
    }

    void longSynchronousLoopKeepsTheQtEventLoopTurning()
    {
        // 300,000 prints with no await: one asyncio step. The controller must cut it in slices.
        auto program = compileJson(R"({"format": "tusk", "version": 1, "entry": "main", "coroutines": [
          {"name": "main", "body": [{"op": "repeat", "times": 300000, "var": "i", "body": [
            {"op": "print", "text": "{i}"}]}]}]})");
        QVERIFY(program);
        RunController controller(program);
        controller.setSliceMs(5);
        test::Capture capture;
        controller.loop().addObserver(&capture);
        int ticks = 0;
        QTimer other;
        connect(&other, &QTimer::timeout, this, [&ticks] { ++ticks; });
        other.start(1);
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(capture.printed.size(), 300000);
        QCOMPARE(capture.printed.last(), QStringLiteral("299999"));
        QVERIFY2(ticks >= 3, qPrintable(QStringLiteral("other timers fired only %1 times").arg(ticks)));
    }

    void realClockFollowsTheWallClockTimesSpeed()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        RunController controller(program);
        controller.setClock(RunController::Clock::Real);
        controller.setSpeed(10);  // 2 s of program time in about 0.2 s
        test::Capture capture;
        controller.loop().addObserver(&capture);
        QSignalSpy finished(&controller, &RunController::finished);
        QElapsedTimer wall;
        wall.start();
        controller.start();
        QVERIFY(finished.wait(10000));
        const qint64 ms = wall.elapsed();
        QVERIFY2(ms >= 195, qPrintable(QStringLiteral("finished after %1 ms").arg(ms)));
        QVERIFY2(ms < 2000, qPrintable(QStringLiteral("finished after %1 ms").arg(ms)));
        QCOMPARE(capture.printed,
            (QStringList {QStringLiteral("Задача 1 завершена"), QStringLiteral("Задача 2 завершена")}));
        QVERIFY(controller.loop().now() >= 2000000000);
    }

    void pauseStepAndStop()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        RunController controller(program);
        test::Capture capture;
        controller.loop().addObserver(&capture);
        // Step from idle: the first iteration runs main's first step and nothing else.
        controller.stepIteration();
        QCOMPARE(controller.status(), RunController::Status::Paused);
        QCOMPARE(controller.loop().iteration(), std::uint64_t(1));
        QCOMPARE(controller.loop().taskCount(), std::size_t(3));
        QCOMPARE(controller.loop().taskState(1), TaskState::WaitingTask);
        QCOMPARE(controller.loop().taskState(2), TaskState::Pending);
        // Second iteration: both tasks start and go to sleep.
        controller.stepIteration();
        QCOMPARE(controller.loop().taskState(2), TaskState::Sleeping);
        QCOMPARE(controller.loop().taskState(3), TaskState::Sleeping);
        QCOMPARE(controller.loop().now(), std::int64_t(0));
        // Nothing is ready: a step waits for the next timer (1 s) and fires it.
        controller.stepIteration();
        QCOMPARE(controller.loop().now(), std::int64_t(1000000000));
        QVERIFY(capture.printed.isEmpty());
        controller.stepIteration();
        QCOMPARE(capture.printed, QStringList {QStringLiteral("Задача 1 завершена")});
        QSignalSpy finished(&controller, &RunController::finished);
        controller.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].value<RunOutcome>(), RunOutcome::Stopped);
        QCOMPARE(controller.status(), RunController::Status::Finished);
        QCOMPARE(capture.printed.size(), 1);  // task2 never printed
    }

    void pauseAndResumeOnTheRealClock()
    {
        auto program = compileJson(kTwoTasks);
        QVERIFY(program);
        RunController controller(program);
        controller.setClock(RunController::Clock::Real);
        controller.setSpeed(4);
        test::Capture capture;
        controller.loop().addObserver(&capture);
        QSignalSpy finished(&controller, &RunController::finished);
        controller.start();
        QTest::qWait(100);  // 0.4 s of program time
        controller.pause();
        const std::int64_t pausedAt = controller.loop().now();
        QTest::qWait(300);  // a paused run does not advance
        QCOMPARE(controller.loop().now(), pausedAt);
        QVERIFY(capture.printed.isEmpty());
        controller.resume();
        QVERIFY(finished.wait(10000));
        QCOMPARE(capture.printed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEventLoop)
#include "tst_eventloop.moc"
