#pragma once

#include "chunkedvector.h"
#include "program.h"
#include "pyrandom.h"
#include "ringqueue.h"
#include "runevents.h"
#include "runlimits.h"
#include "value.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>
#include <vector>

namespace tusk {

/// CPython 3.11's asyncio, re-enacted: `asyncio.run(entry())` on a loop with a FIFO ready
/// queue and a (deadline, insertion) timer heap, tasks and futures with the same callback
/// hops as `Task.__step`/`__wakeup`, `gather`'s `_GatheringFuture`, `sleep`, and
/// `Runner.close()`'s shutdown sequence. It owns no clock: a driver (VirtualRunner,
/// RunController) sets the time between iterations and decides when to run the next one.
///
/// The hot path (task steps, sleep, wakeups) does not allocate once queues have grown, and
/// builds no event unless an observer is attached.
class EventLoop {
public:
    static constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();
    /// CPython 3.11 raises RecursionError when a task's chain of directly awaited coroutines
    /// grows past this many frames (measured: `await f(n + 1)` from a task).
    static constexpr std::uint32_t kMaxFramesPerTask = 991;
    /// How many nested repr()/str() calls a print at `frames` coroutine frames may make before
    /// CPython 3.11 raises RecursionError: they share the limit with the frames (measured with
    /// f-strings of nested lists and exceptions: at 2 frames, 989 calls fit).
    /// How much of a task's result or exception the StateChanged event carries (then `...`).
    static constexpr qsizetype kOutcomeChars = 300;
    static constexpr int reprDepthLeft(std::size_t frames) { return int(kMaxFramesPerTask) - int(frames); }

    explicit EventLoop(std::shared_ptr<const Program> program);
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    void addObserver(RunObserver *observer);
    void removeObserver(RunObserver *observer);

    /// `asyncio.run(entry())`: creates the entry task. Call once, before any iteration.
    void start();
    /// The seed of `random` when the program gives none (Program::randomSeed), and where
    /// random.seed() without an argument draws from. Set before start(); a run that wants to be
    /// repeatable shows it (see Program::usesRandom).
    /// Seeds are 0 to 2^63 - 1 (random.seed(N) with a non-negative int as written).
    void setRandomSeed(std::uint64_t seed) { m_runSeed = seed & 0x7fffffffffffffffULL; }
    std::uint64_t randomSeed() const { return m_runSeed; }

    /// Runs the current loop iteration, or continues it where a previous call left off,
    /// executing at most `budget` instructions. Returns true when the iteration is complete.
    /// A long synchronous stretch (a big loop with no await) thus yields to the caller.
    bool runIteration(std::int64_t budget = std::numeric_limits<std::int64_t>::max());
    /// Between iterations (not inside a preempted one).
    bool atIterationBoundary() const { return m_todo == 0 && m_runningTask == kNoTask; }

    bool hasReady() const { return !m_ready.empty(); }
    /// Earliest deadline of a live timer, or kNoDeadline.
    std::int64_t nextDeadline();
    /// What the next iteration needs: run now, wait for a timer, or nothing (finished/deadlock).
    std::int64_t now() const { return m_now; }
    /// Sets the loop's clock. Time never goes backwards.
    void advanceTo(std::int64_t ns);
    /// Between iterations with nothing ready: moves the clock to the earliest timer, as the
    /// loop's wait in select() would on the virtual clock.
    void skipIdleTime();

    bool finished() const { return m_phase == Phase::Finished; }
    RunOutcome outcome() const { return m_outcome; }
    /// For a failed run: the last line of CPython's traceback (`ValueError: boom`).
    const QString &errorLine() const { return m_errorLine; }
    /// For a deadlock: one line per waiting task.
    const QStringList &deadlockReport() const { return m_deadlockReport; }
    std::uint64_t iteration() const { return m_iteration; }

    /// Ends the run now, as a user's Stop does.
    void stop();

    /// What the run may hold (live tasks, memory) before it stops with RunOutcome::LimitReached.
    /// Set before start(); the recording and console limits are for their owners to apply.
    void setLimits(const RunLimits &limits) { m_limits = limits; }
    const RunLimits &limits() const { return m_limits; }
    /// Stops the run with RunOutcome::LimitReached at the next safe point (within the current
    /// step): for limits the loop does not count itself, such as a recording's. Safe to call
    /// from an observer.
    void requestLimitStop(const LimitStop &stop) { noteLimit(stop.kind, stop.limit, stop.reached); }
    /// Stops the run now with RunOutcome::LimitReached, as stop() does: between iterations or
    /// slices only, never from inside a step (use requestLimitStop() there).
    void stopForLimit(const LimitStop &stop);
    /// After a LimitReached outcome: which limit, and the figures.
    const LimitStop &limitStop() const { return m_limitStop; }
    /// Tasks created and not finished (the entry task and Runner.close()'s own included).
    std::uint64_t liveTaskCount() const { return m_liveTasks; }
    /// What the run holds now, in bytes, as counted against RunLimits::maxMemoryBytes: task
    /// records, futures, timers, frames and their locals, and the values made since start().
    std::uint64_t heldBytes() const;
    /// After the run finished: frees its tasks, futures, timers and values (what a view still
    /// needs is in its recording), keeping the outcome, the error line, the deadlock report and
    /// the clock. A finished run of a million tasks otherwise holds its gigabyte until the next.
    void releaseMemory();

    // Introspection, for tests and the run view.
    std::size_t taskCount() const;
    TaskState taskState(TaskId id) const;
    QString taskName(TaskId id) const;
    QString taskCoroutineName(TaskId id) const;

private:
    struct Frame;
    struct Block;
    struct Task;
    struct Future;
    struct FutureExtras;
    struct Gather;
    struct Timer;
    struct Handle {
        enum class Kind : std::uint8_t { Step, Wakeup, SleepTimer, GatherChild, RunUntilComplete };
        Kind kind = Kind::Step;
        std::uint32_t a = 0;
        std::uint32_t b = 0;
    };
    struct TimerEntry {
        std::int64_t when;
        std::uint64_t seq;
        std::uint32_t timer;
    };
    struct Callback {
        enum class Kind : std::uint8_t { Wakeup, GatherChild, RunUntilComplete };
        Kind kind;
        std::uint32_t target;
    };
    enum class Phase : std::uint8_t { NotStarted, Main, ShutdownCancel, ShutdownAsyncGens, ShutdownExecutor, Finished };
    enum class Exec : std::uint8_t { Returned, Raised, Suspended, Yielded, Preempted };

    // Loop primitives (BaseEventLoop).
    void callSoon(Handle h) { m_ready.push(h); }
    std::uint32_t callLater(std::int64_t delayNs, Handle h);
    void cancelTimer(std::uint32_t timer);
    std::int64_t deadlineAfter(std::int64_t delayNs) const
    {
        return delayNs > kNoDeadline - 1 - m_now ? kNoDeadline - 1 : m_now + delayNs;  // saturates
    }
    void runHandle(const Handle &h);
    void onIterationComplete();

    // Futures.
    std::uint32_t newFuture();
    void freeFuture(std::uint32_t f);
    FutureExtras &extras(std::uint32_t f);
    const Value &cancelMessage(std::uint32_t f) const;
    void addDoneCallback(std::uint32_t f, Callback cb);
    void scheduleCallbacks(std::uint32_t f);
    void futureSetResult(std::uint32_t f, Value v);
    void futureSetException(std::uint32_t f, Value e);
    bool futureCancelPlain(std::uint32_t f, const Value *message);
    bool cancelAny(std::uint32_t f, const Value *message);  ///< Task.cancel / _GatheringFuture.cancel / Future.cancel
    Value makeCancelledError(std::uint32_t f);
    bool resultOf(std::uint32_t f, Value *value);  ///< Future.result(): false with the exception in *value

    // Tasks.
    TaskId createTask(std::uint32_t coroutine, std::vector<Value> &args, TaskId creator, const Value *name,
        bool internal, ItemId createdAt = kNoId);
    bool taskCancel(TaskId t, const Value *message);
    void taskStep(TaskId t, Value *exc);  ///< Task.__step(exc); exc may be null
    void taskWakeup(TaskId t, std::uint32_t future);
    void finishStep(TaskId t, Exec how, Value &payload);
    inline void setState(
        Task &task, TaskState s, std::uint32_t other = 0, std::int64_t deadline = 0, const Value *outcome = nullptr);
    void emitStateChange(const Task &task, std::uint32_t other, std::int64_t deadline, const Value *outcome);

    // Gather.
    std::uint32_t gather(const std::vector<std::uint32_t> &children, bool returnExceptions);
    // gather() in CPython's order: per argument, wrap it in a task, then add the done callback.
    std::uint32_t beginGather(bool returnExceptions);
    void gatherAdd(std::uint32_t gatherId, std::uint32_t child);
    std::uint32_t endGather(std::uint32_t gatherId);  ///< returns the outer future
    void gatherChildDone(std::uint32_t gatherId, std::uint32_t child);

    // Interpreter (interpreter.cpp).
    Exec execute(Task &task, TaskId id, Value &payload, bool throwIn);
    void finalizePendingTasks();
    bool pushFrame(
        Task &task, std::uint32_t coroutine, std::vector<Value> &args, std::uint32_t resultSlot, Value &error);
    bool unwind(Task &task, Value &exc);
    void dropStack(Task &task, Frame &frame, std::uint32_t depth);
    void popFrame(Task &task);
    /// The exception leaves the task's innermost frame: its traceback keeps the frame, so the
    /// tasks its locals reference (in lists and dicts too) live as long as the exception.
    void noteTracebackFrame(const Task &task, const Value &exc) const;
    /// The tasks an exception's traceback keeps alive, in the order they are freed.
    std::vector<TaskId> tasksHeldBy(const Value &exc) const;
    void appendTasksHeldBy(const Value &exc, std::vector<TaskId> &out) const;
    /// A traceback's last line for the exception: `ValueError: boom`.
    QString tracebackLastLine(const Value &exc) const;
    bool doReturn(Task &task, Value &value);
    bool evalOperand(const Task &task, const CompiledOperand &o, Value *out, Value &error) const;
    bool readSlot(const Task &task, std::uint32_t slot, Value *out, Value &error) const;
    bool evalArgs(const Task &task, const CompiledCall &call, std::vector<Value> &args, Value &error) const;
    bool renderTemplate(const Task &task, std::uint32_t index, QString *out, Value &error) const;
    const Value *handledException(const Task &task) const;
    // Expressions (exprops.cpp).
    bool callExpression(Task &task, TaskId id, const CompiledExprCall &call, Value *args, std::uint32_t argc,
        const Value *receiver, Value *out, Value &error);
    bool taskMethod(TaskId task, const QString &name, const BuiltinCall &call, Value *out, Value &error);
    bool formatValue(const Task &task, Value &v, std::uint32_t conversion, const Value *spec, Value &error) const;
    BuiltinCall builtinCall(const Task &task) const;
    /// print(): text with its end; complete lines become Printed events, the rest waits.
    void printText(TaskId task, const QString &text);
    QString taskRepr(TaskId id) const;

    // Phases.
    void startShutdown();
    void startInternalPhase(Phase phase);
    void finish(RunOutcome outcome);
    void reportDeadlock();
    QString describeTask(TaskId t) const;  ///< taskLabel() of a task, for the deadlock report

    // Limits: checked where the run grows (a task made, a frame pushed, a gather's list),
    // so that a runaway stops within one step; a stop found inside a step preempts it.
    void checkLimits()
    {
        if (m_liveTasks > m_limits.maxLiveTasks && m_limits.maxLiveTasks)
            noteLimit(LimitStop::Kind::LiveTasks, m_limits.maxLiveTasks, m_liveTasks);
        else if (m_limits.maxMemoryBytes && heldBytes() > m_limits.maxMemoryBytes)
            noteLimit(LimitStop::Kind::Memory, m_limits.maxMemoryBytes, heldBytes());
    }
    void noteLimit(LimitStop::Kind kind, std::uint64_t limit, std::uint64_t reached);
    bool limitHit() const { return m_limitStop.kind != LimitStop::Kind::None; }

    // Events.
    bool observed() const { return m_observed; }
    void emitEvent(RunEvent &e);
    void emitText(RunEvent::Kind kind, TaskId task, const QString &text);

    std::shared_ptr<const Program> m_program;
    /// The lists and dicts the run made: emptied when the run is released or destroyed, after
    /// the tasks, so that containers holding themselves are freed (declared before the tasks).
    ContainerArena m_arena;
    std::vector<RunObserver *> m_observers;
    bool m_observed = false;  ///< !m_observers.empty(), read on every step

    RingQueue<Handle> m_ready;
    std::vector<TimerEntry> m_timerHeap;
    std::vector<Timer> m_timers;
    std::vector<std::uint32_t> m_freeTimers;
    std::uint64_t m_timerSeq = 0;
    std::size_t m_liveTimers = 0;

    ChunkedVector<Future> m_futures;
    std::unordered_map<std::uint32_t, FutureExtras> m_futureExtras;
    std::unordered_map<TaskId, QString> m_customNames;
    Value m_pendingException;  ///< the exception the running task's except clauses are matching
    QString m_partialLine;  ///< what print(..., end="") wrote after the last newline
    PyRandom m_random;  ///< the `random` module's generator
    std::uint64_t m_runSeed = 0;
    std::int64_t m_lastSleepDeadline = 0;  ///< of the sleep the running task just started
    /// While finalizing a pending task after the run (see finalizePendingTasks()): how many of
    /// its bottom frames are still being closed. 0 otherwise.
    std::uint32_t m_closingFrames = 0;
    std::vector<std::uint32_t> m_freeFutures;
    ChunkedVector<Task> m_tasks;  ///< index = TaskId; [0] unused
    std::vector<Gather> m_gathers;

    std::int64_t m_now = 0;
    std::uint64_t m_iteration = 0;
    std::size_t m_todo = 0;  ///< handles left in the current iteration
    TaskId m_runningTask = kNoTask;  ///< a task preempted mid-step, to continue first
    std::uint64_t m_taskNameCounter = 0;
    bool m_stopping = false;

    Phase m_phase = Phase::NotStarted;
    TaskId m_entryTask = kNoTask;
    std::uint32_t m_phaseFuture = 0;  ///< what the current run_until_complete waits for
    std::vector<TaskId> m_shutdownTasks;  ///< `to_cancel` of _cancel_all_tasks
    bool m_entryFailed = false;
    Value m_entryError;
    RunOutcome m_outcome = RunOutcome::Completed;
    QString m_errorLine;
    QStringList m_deadlockReport;
    std::int64_t m_budget = 0;

    RunLimits m_limits;
    LimitStop m_limitStop;
    std::uint64_t m_liveTasks = 0;
    std::uint64_t m_frameBytes = 0;  ///< frames and locals of every live coroutine
    std::int64_t m_valueBytesAtStart = 0;  ///< HeapObject::liveBytes() when the loop was made
};

}  // namespace tusk
