#include "eventloop.h"

#include "eventloop_p.h"
#include "pyformat.h"

#include <algorithm>

namespace tusk {

namespace {

constexpr std::size_t kPrefetchDistance = 6;

// Min-heap order on (deadline, insertion): std::push_heap builds a max-heap, so invert.
struct TimerLater {
    template<typename E> bool operator()(const E &x, const E &y) const
    {
        return x.when != y.when ? x.when > y.when : x.seq > y.seq;
    }
};

}  // namespace

QString taskLabel(const QString &name, const QString &coroutine, const QString &variable)
{
    static const QString separator = QStringLiteral(" \u00b7 ");
    QString label = name + separator + coroutine + QStringLiteral("()");
    if (!variable.isEmpty())
        label += separator + variable;
    return label;
}

const char *taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Pending:
        return "pending";
    case TaskState::Ready:
        return "ready";
    case TaskState::Running:
        return "running";
    case TaskState::Sleeping:
        return "sleeping";
    case TaskState::WaitingTask:
        return "waiting on a task";
    case TaskState::WaitingGather:
        return "waiting on a gather";
    case TaskState::Done:
        return "done";
    case TaskState::Cancelled:
        return "cancelled";
    case TaskState::Failed:
        return "failed";
    }
    return "?";
}

EventLoop::EventLoop(std::shared_ptr<const Program> program)
    : m_program(std::move(program))
    , m_valueBytesAtStart(HeapObject::liveBytes())
{
    m_tasks.emplace_back();  // TaskId 0 means "no task"
}

std::uint64_t EventLoop::heldBytes() const
{
    const std::int64_t values = HeapObject::liveBytes() - m_valueBytesAtStart;
    return std::uint64_t(m_tasks.size()) * sizeof(Task) + std::uint64_t(m_futures.size()) * sizeof(Future)
        + std::uint64_t(m_timers.capacity()) * sizeof(Timer)
        + std::uint64_t(m_timerHeap.capacity()) * sizeof(TimerEntry) + std::uint64_t(m_gathers.size()) * sizeof(Gather)
        + m_frameBytes + std::uint64_t(values > 0 ? values : 0);
}

void EventLoop::noteLimit(LimitStop::Kind kind, std::uint64_t limit, std::uint64_t reached)
{
    if (limitHit())
        return;
    m_limitStop = {kind, limit, reached};
    m_budget = 0;  // the running step (if any) is preempted at its next instruction
}

void EventLoop::releaseMemory()
{
    Q_ASSERT(m_phase == Phase::Finished);
    m_ready.clear();
    m_timerHeap = {};
    m_timers = {};
    m_freeTimers = {};
    m_liveTimers = 0;
    m_futureExtras.clear();
    m_customNames.clear();
    m_pendingException = Value();
    m_entryError = Value();
    m_shutdownTasks = {};
    m_gathers = {};
    m_freeFutures = {};
    // Tasks hold values that refer to other tasks' results: clear them before the futures go.
    m_tasks.clear();
    m_tasks.emplace_back();
    m_futures.clear();
    m_liveTasks = 0;
    m_frameBytes = 0;
    m_arena.release();
}

EventLoop::~EventLoop()
{
    // The tasks go first (their locals let go of what they hold); then what is left of the
    // run's lists and dicts can only be cycles.
    m_tasks.clear();
    m_futures.clear();
    m_arena.release();
}

void EventLoop::addObserver(RunObserver *observer)
{
    m_observers.push_back(observer);
    m_observed = true;
}

void EventLoop::removeObserver(RunObserver *observer)
{
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), observer), m_observers.end());
    m_observed = !m_observers.empty();
}

void EventLoop::emitEvent(RunEvent &e)
{
    e.timeNs = m_now;
    e.iteration = m_iteration;
    for (RunObserver *o : m_observers)
        o->onRunEvent(e);
}

void EventLoop::emitText(RunEvent::Kind kind, TaskId task, const QString &text)
{
    if (!observed())
        return;
    RunEvent e;
    e.kind = kind;
    e.task = task;
    e.text = text;
    emitEvent(e);
}

// ---------------------------------------------------------------------------------------------
// Run phases: asyncio.run() = run_until_complete(main), then Runner.close().

void EventLoop::start()
{
    Q_ASSERT(m_phase == Phase::NotStarted);
    m_phase = Phase::Main;
    // random.seed(...) before asyncio.run(), or the run's own seed.
    m_random.setEntropy(m_runSeed);
    Value ignored;
    if (!m_program->randomSeed)
        m_random.seed(Value::integer(std::int64_t(m_runSeed)), ignored);
    else if (const auto *n = std::get_if<std::int64_t>(&*m_program->randomSeed))
        m_random.seed(Value::integer(*n), ignored);
    else
        m_random.seed(Value::string(std::get<QString>(*m_program->randomSeed)), ignored);
    std::vector<Value> noArgs;
    m_entryTask = createTask(m_program->entry, noArgs, kNoTask, nullptr, false);
    m_phaseFuture = m_tasks[m_entryTask].future;
    addDoneCallback(m_phaseFuture, {Callback::Kind::RunUntilComplete, m_phaseFuture});
}

void EventLoop::onIterationComplete()
{
    if (m_stopping) {
        m_stopping = false;
        switch (m_phase) {
        case Phase::Main: {
            // run_until_complete(main) returns future.result(): remember how the entry ended.
            Value error;
            if (!resultOf(m_phaseFuture, &error)) {
                m_entryFailed = true;
                m_entryError = error;
                m_errorLine = tracebackLastLine(error);
            }
            startShutdown();
            break;
        }
        case Phase::ShutdownCancel:
            for (TaskId t : m_shutdownTasks) {
                Future &f = m_futures[m_tasks[t].future];
                if (f.state == Future::State::Finished && f.hasException) {
                    f.logTraceback = false;
                    emitText(RunEvent::Kind::Warning, t,
                        QStringLiteral("unhandled exception during asyncio.run() shutdown\ntask: %1\n%2")
                            .arg(taskRepr(t), pyRepr(f.result)));
                }
            }
            startInternalPhase(Phase::ShutdownAsyncGens);
            break;
        case Phase::ShutdownAsyncGens:
            startInternalPhase(Phase::ShutdownExecutor);
            break;
        case Phase::ShutdownExecutor:
            finish(m_entryFailed ? RunOutcome::Failed : RunOutcome::Completed);
            return;
        case Phase::NotStarted:
        case Phase::Finished:
            break;
        }
    }
    if (m_phase != Phase::Finished && m_ready.empty() && nextDeadline() == kNoDeadline)
        reportDeadlock();
}

void EventLoop::startShutdown()
{
    // _cancel_all_tasks(): every unfinished task is cancelled, then gathered.
    m_shutdownTasks.clear();
    for (TaskId t = 1; t < m_tasks.size(); ++t) {
        if (m_futures[m_tasks[t].future].state == Future::State::Pending)
            m_shutdownTasks.push_back(t);
    }
    if (m_shutdownTasks.empty()) {
        startInternalPhase(Phase::ShutdownAsyncGens);
        return;
    }
    for (TaskId t : m_shutdownTasks)
        taskCancel(t, nullptr);
    std::vector<std::uint32_t> children;
    children.reserve(m_shutdownTasks.size());
    for (TaskId t : m_shutdownTasks)
        children.push_back(m_tasks[t].future);
    m_phaseFuture = m_gathers[gather(children, true)].outer;
    addDoneCallback(m_phaseFuture, {Callback::Kind::RunUntilComplete, m_phaseFuture});
    m_phase = Phase::ShutdownCancel;
}

void EventLoop::startInternalPhase(Phase phase)
{
    // loop.shutdown_asyncgens() and loop.shutdown_default_executor() are coroutines that return
    // at once, but run_until_complete() wraps each in a task: two more loop iterations each.
    std::vector<Value> noArgs;
    const TaskId t = createTask(0, noArgs, kNoTask, nullptr, true);
    m_phaseFuture = m_tasks[t].future;
    addDoneCallback(m_phaseFuture, {Callback::Kind::RunUntilComplete, m_phaseFuture});
    m_phase = phase;
}

void EventLoop::finish(RunOutcome outcome)
{
    m_phase = Phase::Finished;
    m_outcome = outcome;
    m_ready.clear();
    m_todo = 0;
    m_runningTask = kNoTask;
    if (outcome == RunOutcome::Completed || outcome == RunOutcome::Failed)
        finalizePendingTasks();
    if (!m_partialLine.isEmpty() && observed()) {
        // print(..., end="") left a line unfinished: it is written as it is when Python exits.
        RunEvent e;
        e.kind = RunEvent::Kind::Printed;
        e.task = m_entryTask;
        e.text = m_partialLine;
        e.other = RunEvent::kUnfinishedLine;
        emitEvent(e);
        m_partialLine.clear();
    }
    // Tasks the failed entry's traceback still references (through the locals of the frames
    // it left) live until the interpreter exits, after the traceback is printed.
    std::vector<TaskId> heldByTraceback;
    if (outcome == RunOutcome::Failed && m_entryError.isException())
        heldByTraceback = tasksHeldBy(m_entryError);
    const auto logUnretrieved = [this](TaskId t) {
        const Future &f = m_futures[m_tasks[t].future];
        if (!m_tasks[t].internal && f.state != Future::State::Pending && f.hasException && f.logTraceback
            && t != m_entryTask)
            emitText(RunEvent::Kind::Warning, t,
                QStringLiteral("Task exception was never retrieved\nfuture: %1\n%2")
                    .arg(taskRepr(t), tracebackLastLine(f.result)));
    };
    const bool collected = outcome != RunOutcome::Stopped && outcome != RunOutcome::LimitReached;
    if (collected) {
        // What CPython logs when the loop is closed and tasks are collected.
        for (TaskId t = 1; t < m_tasks.size(); ++t) {
            const Task &task = m_tasks[t];
            const Future &f = m_futures[task.future];
            if (task.internal)
                continue;
            if (f.state == Future::State::Pending)
                emitText(RunEvent::Kind::Warning, t,
                    QStringLiteral("Task was destroyed but it is pending!\ntask: %1").arg(taskRepr(t)));
            else if (std::find(heldByTraceback.begin(), heldByTraceback.end(), t) == heldByTraceback.end())
                logUnretrieved(t);
        }
    }
    if (outcome == RunOutcome::Failed)
        emitText(RunEvent::Kind::Error, m_entryTask, m_errorLine);
    if (collected) {
        for (TaskId t : heldByTraceback)
            logUnretrieved(t);
    }
    if (observed()) {
        RunEvent e;
        e.kind = RunEvent::Kind::RunFinished;
        e.outcome = outcome;
        emitEvent(e);
    }
}

QString EventLoop::tracebackLastLine(const Value &exc) const
{
    const QString text = pyStr(exc, [this](std::uint32_t t) { return taskRepr(t); });
    const QString type = exceptionQualifiedName(exc.exceptionType());
    return text.isEmpty() ? type : type + QStringLiteral(": ") + text;
}

std::vector<TaskId> EventLoop::tasksHeldBy(const Value &exc) const
{
    std::vector<TaskId> out;
    appendTasksHeldBy(exc, out);
    return out;
}

void EventLoop::appendTasksHeldBy(const Value &exc, std::vector<TaskId> &out) const
{
    // At exit the traceback's frames are cleared from the outermost (the entry's), each
    // frame's locals in order; a task is freed at its last reference. Freed, a task that
    // failed lets go of its own exception, whose traceback's tasks are freed in turn.
    const std::vector<std::uint32_t> &refs = exc.exceptionTracebackTasks();
    std::vector<std::uint32_t> outermostFirst;
    outermostFirst.reserve(refs.size());
    std::size_t end = refs.size();
    while (end > 0) {
        std::size_t begin = end - 1;  // refs[end - 1] ends a frame
        while (begin > 0 && refs[begin - 1] != kNoTask)
            --begin;
        outermostFirst.insert(
            outermostFirst.end(), refs.begin() + std::ptrdiff_t(begin), refs.begin() + std::ptrdiff_t(end - 1));
        end = begin;
    }
    for (std::size_t i = 0; i < outermostFirst.size(); ++i) {
        const TaskId t = outermostFirst[i];
        if (t >= m_tasks.size() || std::find(out.begin(), out.end(), t) != out.end()
            || std::find(outermostFirst.begin() + std::ptrdiff_t(i) + 1, outermostFirst.end(), t)
                != outermostFirst.end())
            continue;  // not its last reference
        out.push_back(t);
        const Future &f = m_futures[m_tasks[t].future];
        if (f.hasException && f.result.isException() && !f.result.sameObject(exc))
            appendTasksHeldBy(f.result, out);
    }
}

QString EventLoop::describeTask(TaskId t) const
{
    return taskLabel(taskName(t), taskCoroutineName(t), m_program->taskVariables.value(m_tasks[t].createdAt));
}

void EventLoop::reportDeadlock()
{
    m_deadlockReport.clear();
    for (TaskId t = 1; t < m_tasks.size(); ++t) {
        const Task &task = m_tasks[t];
        if (task.internal || isFinalState(task.state))
            continue;
        QString line = describeTask(t) + QLatin1Char(' ');
        const std::uint32_t w = task.futWaiter;
        if (w != kNone && m_futures[w].task != kNoTask)
            line += QStringLiteral("waits for ") + describeTask(m_futures[w].task);
        else if (w != kNone && m_futures[w].gather != kNone)
            line += QStringLiteral("waits for a gather that is not finished");
        else
            line += QStringLiteral("waits for something that will never happen");
        m_deadlockReport.push_back(line);
    }
    m_errorLine = QStringLiteral("deadlock: no task can run, no timer is armed, and %1 has not finished")
                      .arg(taskCoroutineName(m_entryTask) + QStringLiteral("()"));
    emitText(
        RunEvent::Kind::Error, kNoTask, m_errorLine + QLatin1Char('\n') + m_deadlockReport.join(QLatin1Char('\n')));
    finish(RunOutcome::Deadlock);
}

void EventLoop::stop()
{
    const ContainerArena::Current noteContainers(m_arena);
    if (m_phase != Phase::Finished)
        finish(RunOutcome::Stopped);
}

void EventLoop::stopForLimit(const LimitStop &stop)
{
    const ContainerArena::Current noteContainers(m_arena);
    if (m_phase == Phase::Finished)
        return;
    noteLimit(stop.kind, stop.limit, stop.reached);
    finish(RunOutcome::LimitReached);
}

// ---------------------------------------------------------------------------------------------
// The loop: BaseEventLoop._run_once().

bool EventLoop::runIteration(std::int64_t budget)
{
    const ContainerArena::Current noteContainers(m_arena);
    m_budget = budget;
    if (m_phase == Phase::Finished || m_phase == Phase::NotStarted)
        return true;
    if (m_runningTask != kNoTask) {
        const TaskId t = m_runningTask;
        Value payload;
        const Exec how = execute(m_tasks[t], t, payload, false);
        if (limitHit()) [[unlikely]] {
            finish(RunOutcome::LimitReached);
            return true;
        }
        if (how == Exec::Preempted)
            return false;
        finishStep(t, how, payload);
    } else if (m_todo == 0) {
        ++m_iteration;
        // Due timers go to the back of the ready queue (deadline <= now: CPython's
        // `when < time() + clock_resolution` with a 1 ns resolution).
        while (!m_timerHeap.empty()) {
            const TimerEntry top = m_timerHeap.front();
            Timer &timer = m_timers[top.timer];
            if (!timer.cancelled && top.when > m_now)
                break;
            std::pop_heap(m_timerHeap.begin(), m_timerHeap.end(), TimerLater());
            m_timerHeap.pop_back();
            timer.scheduled = false;
            if (!timer.cancelled) {
                --m_liveTimers;
                callSoon(timer.handle);
                // The sleeping task still holds this slot until it resumes and cancels it (sleep's
                // `finally: h.cancel()`): recycling it now would let that cancel hit another sleep.
            } else {
                m_freeTimers.push_back(top.timer);
            }
        }
        m_todo = m_ready.size();
    }
    while (m_todo > 0) {
        // Tasks are visited round-robin and are cold in the cache: fetch a few ahead.
        if (m_ready.size() > kPrefetchDistance) {
            const Handle &ahead = m_ready.at(kPrefetchDistance);
            if (ahead.kind == Handle::Kind::Step || ahead.kind == Handle::Kind::Wakeup) {
                const Task *t = &m_tasks[ahead.a];
                __builtin_prefetch(t);
                __builtin_prefetch(reinterpret_cast<const char *>(t) + 64);
                __builtin_prefetch(reinterpret_cast<const char *>(t) + 128);
            }
        }
        const Handle h = m_ready.pop();
        --m_todo;
        runHandle(h);
        if (limitHit()) [[unlikely]] {
            finish(RunOutcome::LimitReached);
            return true;
        }
        if (m_runningTask != kNoTask)
            return false;  // preempted inside a long step
        if (m_phase == Phase::Finished)
            return true;
    }
    onIterationComplete();
    return true;
}

std::int64_t EventLoop::nextDeadline()
{
    // Cancelled timers at the head are dropped first, as _run_once does.
    while (!m_timerHeap.empty() && m_timers[m_timerHeap.front().timer].cancelled) {
        const std::uint32_t t = m_timerHeap.front().timer;
        std::pop_heap(m_timerHeap.begin(), m_timerHeap.end(), TimerLater());
        m_timerHeap.pop_back();
        m_timers[t].scheduled = false;
        m_freeTimers.push_back(t);
    }
    return m_timerHeap.empty() ? kNoDeadline : m_timerHeap.front().when;
}

void EventLoop::advanceTo(std::int64_t ns)
{
    m_now = std::max(m_now, ns);
}

void EventLoop::skipIdleTime()
{
    if (!atIterationBoundary() || hasReady())
        return;
    const std::int64_t deadline = nextDeadline();
    if (deadline != kNoDeadline)
        advanceTo(deadline);
}

std::uint32_t EventLoop::callLater(std::int64_t delayNs, Handle h)
{
    std::uint32_t t;
    if (!m_freeTimers.empty()) {
        t = m_freeTimers.back();
        m_freeTimers.pop_back();
    } else {
        t = std::uint32_t(m_timers.size());
        m_timers.emplace_back();
    }
    m_timers[t] = Timer {h, false, true};
    const std::int64_t when = deadlineAfter(delayNs);
    m_timerHeap.push_back({when, m_timerSeq++, t});
    std::push_heap(m_timerHeap.begin(), m_timerHeap.end(), TimerLater());
    ++m_liveTimers;
    return t;
}

void EventLoop::cancelTimer(std::uint32_t timer)
{
    Timer &t = m_timers[timer];
    if (t.scheduled && !t.cancelled) {
        t.cancelled = true;
        --m_liveTimers;
    } else if (!t.scheduled && !t.cancelled) {
        m_freeTimers.push_back(timer);  // it fired: now nothing refers to the slot any more
    }
}

void EventLoop::runHandle(const Handle &h)
{
    switch (h.kind) {
    case Handle::Kind::Step:
        taskStep(h.a, nullptr);
        break;
    case Handle::Kind::Wakeup:
        taskWakeup(h.a, h.b);
        break;
    case Handle::Kind::SleepTimer:
        // futures._set_result_unless_cancelled
        if (m_futures[h.a].state == Future::State::Pending)
            futureSetResult(h.a, Value());
        break;
    case Handle::Kind::GatherChild:
        gatherChildDone(h.a, h.b);
        break;
    case Handle::Kind::RunUntilComplete: {
        // _run_until_complete_cb: retrieves the exception, then stops the loop.
        Future &f = m_futures[h.a];
        if (f.state != Future::State::Cancelled)
            f.logTraceback = false;
        m_stopping = true;
        break;
    }
    }
}

// ---------------------------------------------------------------------------------------------
// Futures.

std::uint32_t EventLoop::newFuture()
{
    std::uint32_t f;
    if (!m_freeFutures.empty()) {
        f = m_freeFutures.back();
        m_freeFutures.pop_back();
    } else {
        f = std::uint32_t(m_futures.size());
        m_futures.emplace_back();
    }
    Future &fut = m_futures[f];
    fut.state = Future::State::Pending;
    fut.hasException = fut.logTraceback = fut.hasCancelMessage = false;
    fut.hasExtras = false;
    fut.task = kNoTask;
    fut.gather = kNone;
    fut.callbackCount = 0;
    return f;
}

void EventLoop::freeFuture(std::uint32_t f)
{
    Future &fut = m_futures[f];
    fut.result = Value();
    if (fut.hasExtras)
        m_futureExtras.erase(f);
    fut.hasExtras = false;
    m_freeFutures.push_back(f);
}

EventLoop::FutureExtras &EventLoop::extras(std::uint32_t f)
{
    m_futures[f].hasExtras = true;
    return m_futureExtras[f];
}

const Value &EventLoop::cancelMessage(std::uint32_t f) const
{
    static const Value none;
    if (!m_futures[f].hasExtras)
        return none;
    return m_futureExtras.find(f)->second.cancelMessage;
}

void EventLoop::addDoneCallback(std::uint32_t f, Callback cb)
{
    Future &fut = m_futures[f];
    if (fut.state != Future::State::Pending) {
        // Future.add_done_callback on a finished future schedules the callback at once.
        const Handle::Kind k = cb.kind == Callback::Kind::Wakeup ? Handle::Kind::Wakeup
            : cb.kind == Callback::Kind::GatherChild             ? Handle::Kind::GatherChild
                                                                 : Handle::Kind::RunUntilComplete;
        callSoon({k, cb.target, f});
        return;
    }
    if (fut.callbackCount == 0)
        fut.firstCallback = cb;
    else
        extras(f).moreCallbacks.push_back(cb);
    ++fut.callbackCount;
}

void EventLoop::scheduleCallbacks(std::uint32_t f)
{
    Future &fut = m_futures[f];
    const std::uint32_t n = fut.callbackCount;
    fut.callbackCount = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const Callback cb = i == 0 ? fut.firstCallback : m_futureExtras[f].moreCallbacks[i - 1];
        switch (cb.kind) {
        case Callback::Kind::Wakeup: {
            callSoon({Handle::Kind::Wakeup, cb.target, f});
            Task &waiter = m_tasks[cb.target];
            setState(waiter, TaskState::Ready);
            break;
        }
        case Callback::Kind::GatherChild:
            callSoon({Handle::Kind::GatherChild, cb.target, f});
            break;
        case Callback::Kind::RunUntilComplete:
            callSoon({Handle::Kind::RunUntilComplete, f, f});
            break;
        }
    }
    if (n > 1)
        m_futureExtras[f].moreCallbacks.clear();
}

void EventLoop::futureSetResult(std::uint32_t f, Value v)
{
    Future &fut = m_futures[f];
    fut.result = std::move(v);
    fut.state = Future::State::Finished;
    scheduleCallbacks(f);
}

void EventLoop::futureSetException(std::uint32_t f, Value e)
{
    Future &fut = m_futures[f];
    fut.result = std::move(e);
    fut.hasException = true;
    fut.logTraceback = true;
    fut.state = Future::State::Finished;
    scheduleCallbacks(f);
}

bool EventLoop::futureCancelPlain(std::uint32_t f, const Value *message)
{
    Future &fut = m_futures[f];
    fut.logTraceback = false;
    if (fut.state != Future::State::Pending)
        return false;
    fut.state = Future::State::Cancelled;
    fut.hasCancelMessage = message && !message->isNone();
    if (fut.hasCancelMessage)
        extras(f).cancelMessage = *message;
    scheduleCallbacks(f);
    return true;
}

bool EventLoop::cancelAny(std::uint32_t f, const Value *message)
{
    const Future &fut = m_futures[f];
    if (fut.task != kNoTask)
        return taskCancel(fut.task, message);
    if (fut.gather != kNone) {
        // _GatheringFuture.cancel(): cancels the children, never itself.
        if (fut.state != Future::State::Pending)
            return false;
        Gather &g = m_gathers[fut.gather];
        bool any = false;
        for (std::size_t i = 0; i < g.children.size(); ++i) {
            if (cancelAny(m_gathers[fut.gather].children[i], message))
                any = true;
        }
        if (any)
            m_gathers[fut.gather].cancelRequested = true;
        return any;
    }
    return futureCancelPlain(f, message);
}

Value EventLoop::makeCancelledError(std::uint32_t f)
{
    Future &fut = m_futures[f];
    if (fut.hasExtras) {
        Value &pending = m_futureExtras[f].cancelledExc;
        if (!pending.isNone()) {
            Value e = std::move(pending);
            pending = Value();
            return e;
        }
    }
    return fut.hasCancelMessage ? Value::exception(ExceptionType::CancelledError, cancelMessage(f))
                                : Value::exception(ExceptionType::CancelledError);
}

bool EventLoop::resultOf(std::uint32_t f, Value *value)
{
    Future &fut = m_futures[f];
    if (fut.state == Future::State::Cancelled) {
        *value = makeCancelledError(f);
        return false;
    }
    if (fut.hasException) {
        fut.logTraceback = false;
        *value = fut.result;
        return false;
    }
    *value = fut.result;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Tasks: Task.__init__, cancel(), __step(), __wakeup().

TaskId EventLoop::createTask(std::uint32_t coroutine, std::vector<Value> &args, TaskId creator, const Value *name,
    bool internal, ItemId createdAt)
{
    const TaskId id = TaskId(m_tasks.size());
    Task &task = m_tasks.emplace_back();
    task.id = id;
    task.future = newFuture();
    m_futures[task.future].task = id;
    task.coroutine = coroutine;
    task.creator = creator;
    task.internal = internal;
    task.createdAt = createdAt;
    // Every task takes a number, named or not: asyncio.create_task(coro, name=...) lets the
    // loop create a Task-N and renames it afterwards.
    const std::uint64_t number = ++m_taskNameCounter;
    if (!name || name->isNone())
        task.nameNumber = std::uint32_t(number);
    else
        m_customNames[id] = pyStr(*name, [this](std::uint32_t t) { return taskRepr(t); });
    if (!internal) {
        Value unusedError;
        pushFrame(task, coroutine, args, kNoSlot, unusedError);
    }
    callSoon({Handle::Kind::Step, id, 0});
    ++m_liveTasks;
    if (!internal)
        checkLimits();
    if (observed() && !internal) {
        RunEvent e;
        e.kind = RunEvent::Kind::TaskCreated;
        e.task = id;
        e.other = creator;
        e.stepId = createdAt;
        e.coroutineId = m_program->coroutines[coroutine].id;
        e.text = taskName(id);
        emitEvent(e);
        e.kind = RunEvent::Kind::StateChanged;
        e.state = TaskState::Pending;
        e.text.clear();
        emitEvent(e);
    }
    return id;
}

bool EventLoop::taskCancel(TaskId t, const Value *message)
{
    Task &task = m_tasks[t];
    Future &fut = m_futures[task.future];
    fut.logTraceback = false;
    if (fut.state != Future::State::Pending)
        return false;
    if (task.futWaiter != kNone) {
        // The waiter is left in place: it may be a task that swallows the cancellation.
        if (cancelAny(task.futWaiter, message))
            return true;
    }
    // It must be the case that the task's next step is already scheduled.
    task.mustCancel = true;
    fut.hasCancelMessage = message && !message->isNone();
    if (fut.hasCancelMessage)
        extras(task.future).cancelMessage = *message;
    return true;
}

void EventLoop::taskStep(TaskId t, Value *exc)
{
    Task &task = m_tasks[t];
    Value payload;
    if (task.mustCancel) {
        // Task.__step keeps a CancelledError that is already being thrown in (from a sleep or
        // task cancelled by an earlier cancel(), with that call's message); anything else is
        // replaced by a fresh CancelledError.
        if (exc && exc->isException() && exceptionIsSubclass(exc->exceptionType(), ExceptionType::CancelledError))
            payload = std::move(*exc);
        else
            payload = makeCancelledError(task.future);
        task.mustCancel = false;
    } else if (exc) {
        payload = std::move(*exc);
    }
    const bool throwIn = !payload.isNone();
    task.futWaiter = kNone;
    m_runningTask = t;
    setState(task, TaskState::Running);
    const Exec how = execute(task, t, payload, throwIn);
    if (how == Exec::Preempted)
        return;
    finishStep(t, how, payload);
}

void EventLoop::finishStep(TaskId t, Exec how, Value &payload)
{
    m_runningTask = kNoTask;
    Task &task = m_tasks[t];
    switch (how) {
    case Exec::Returned:
        --m_liveTasks;
        if (task.mustCancel) {
            // Cancelled during its last step: the result is dropped.
            task.mustCancel = false;
            Future &f = m_futures[task.future];
            const Value msg = cancelMessage(task.future);
            const bool has = f.hasCancelMessage;
            futureCancelPlain(task.future, has ? &msg : nullptr);
            setState(task, TaskState::Cancelled);
        } else {
            setState(task, TaskState::Done, 0, 0, &payload);
            futureSetResult(task.future, std::move(payload));
        }
        break;
    case Exec::Raised:
        --m_liveTasks;
        if (exceptionIsSubclass(payload.exceptionType(), ExceptionType::CancelledError)) {
            extras(task.future).cancelledExc = payload;
            setState(task, TaskState::Cancelled, 0, 0, &payload);
            futureCancelPlain(task.future, nullptr);
        } else {
            setState(task, TaskState::Failed, 0, 0, &payload);
            futureSetException(task.future, std::move(payload));
        }
        break;
    case Exec::Suspended: {
        const std::uint32_t f = task.suspendedOn;
        addDoneCallback(f, {Callback::Kind::Wakeup, t});
        task.futWaiter = f;
        const Future &fut = m_futures[f];
        if (task.suspension == Task::Suspension::Sleep) {
            const std::int64_t deadline = m_lastSleepDeadline;
            setState(task, TaskState::Sleeping, 0, deadline);
        } else if (fut.task != kNoTask) {
            setState(task, TaskState::WaitingTask, fut.task);
        } else {
            setState(task, TaskState::WaitingGather, fut.gather);
        }
        if (m_tasks[t].mustCancel) {
            const Future &own = m_futures[m_tasks[t].future];
            const Value msg = cancelMessage(m_tasks[t].future);
            const bool has = own.hasCancelMessage;
            if (cancelAny(f, has ? &msg : nullptr))
                m_tasks[t].mustCancel = false;
        }
        return;
    }
    case Exec::Yielded:
        callSoon({Handle::Kind::Step, t, 0});
        setState(task, TaskState::Ready);
        return;
    case Exec::Preempted:
        return;
    }
    // The task has ended: its interpreter state is no longer needed.
    Task &ended = m_tasks[t];
    ended.frames.release();
    ended.locals.release();
    std::vector<Block>().swap(ended.blocks);
}

void EventLoop::taskWakeup(TaskId t, std::uint32_t future)
{
    Value v;
    if (resultOf(future, &v))
        taskStep(t, nullptr);
    else
        taskStep(t, &v);
}

void EventLoop::emitStateChange(const Task &task, std::uint32_t other, std::int64_t deadline, const Value *outcome)
{
    RunEvent e;
    e.kind = RunEvent::Kind::StateChanged;
    e.task = task.id;
    e.state = task.state;
    e.other = other;
    e.deadlineNs = deadline;
    // Only shown (tasks panel, traces), and built for every task that ends: cut short, so that
    // a chain of gathers, whose results nest one level deeper per link, stays linear.
    if (outcome)
        e.text = pyReprShort(*outcome, kOutcomeChars, [this](std::uint32_t t) { return taskRepr(t); });
    emitEvent(e);
}

std::size_t EventLoop::taskCount() const
{
    return m_tasks.size() - 1;
}

TaskState EventLoop::taskState(TaskId id) const
{
    return m_tasks.at(id).state;
}

QString EventLoop::taskName(TaskId id) const
{
    const Task &t = m_tasks.at(id);
    if (t.nameNumber)
        return QStringLiteral("Task-%1").arg(t.nameNumber);
    const auto it = m_customNames.find(id);
    return it == m_customNames.end() ? QString() : it->second;
}

QString EventLoop::taskCoroutineName(TaskId id) const
{
    const Task &t = m_tasks.at(id);
    return t.internal ? QStringLiteral("<asyncio internals>") : m_program->coroutines[t.coroutine].name;
}

QString EventLoop::taskRepr(TaskId id) const
{
    // CPython's repr adds file and line numbers, which a diagram does not have.
    const Task &t = m_tasks.at(id);
    const Future &f = m_futures[t.future];
    const QString name = pyStringRepr(taskName(id));
    const QString coro = taskCoroutineName(id) + QStringLiteral("()");
    switch (f.state) {
    case Future::State::Pending:
        return QStringLiteral("<Task pending name=%1 coro=<%2>>").arg(name, coro);
    case Future::State::Cancelled:
        return QStringLiteral("<Task cancelled name=%1 coro=<%2>>").arg(name, coro);
    case Future::State::Finished:
        break;
    }
    if (f.hasException)
        return QStringLiteral("<Task finished name=%1 coro=<%2> exception=%3>")
            .arg(name, coro, pyRepr(f.result, [this](std::uint32_t x) { return taskRepr(x); }));
    return QStringLiteral("<Task finished name=%1 coro=<%2> result=%3>")
        .arg(name, coro, pyRepr(f.result, [this](std::uint32_t x) { return taskRepr(x); }));
}

// ---------------------------------------------------------------------------------------------
// gather(): one _done_callback per distinct child, then the outer future.

std::uint32_t EventLoop::gather(const std::vector<std::uint32_t> &children, bool returnExceptions)
{
    const std::uint32_t gid = beginGather(returnExceptions);
    for (std::uint32_t child : children)
        gatherAdd(gid, child);
    endGather(gid);
    return gid;
}

std::uint32_t EventLoop::beginGather(bool returnExceptions)
{
    const std::uint32_t gid = std::uint32_t(m_gathers.size());
    m_gathers.emplace_back();
    m_gathers.back().returnExceptions = returnExceptions;
    m_gathers.back().outer = kNone;  // until endGather()
    return gid;
}

void EventLoop::gatherAdd(std::uint32_t gid, std::uint32_t child)
{
    Gather &g = m_gathers[gid];
    g.children.push_back(child);
    if (!g.distinct.insert(child).second)
        return;  // the same task twice: one callback
    ++m_gathers[gid].nfuts;
    if (observed() && m_futures[child].task != kNoTask) {
        RunEvent e;
        e.kind = RunEvent::Kind::JoinedGather;
        e.task = m_futures[child].task;
        e.other = gid;
        emitEvent(e);
    }
    // A child that is already done has its callback queued now, before the tasks of later
    // arguments take their first step.
    addDoneCallback(child, {Callback::Kind::GatherChild, gid});
}

std::uint32_t EventLoop::endGather(std::uint32_t gid)
{
    const std::uint32_t outer = newFuture();
    m_futures[outer].gather = gid;
    m_gathers[gid].outer = outer;
    if (m_gathers[gid].children.empty())
        futureSetResult(outer, Value::list({}));
    return outer;
}

void EventLoop::gatherChildDone(std::uint32_t gid, std::uint32_t child)
{
    Gather &g = m_gathers[gid];
    ++g.nfinished;
    Future &c = m_futures[child];
    if (g.outer == kNone) {
        // gather() raised on a bad argument before it made its outer future.
        if (c.state != Future::State::Cancelled)
            c.logTraceback = false;
        return;
    }
    Future &outer = m_futures[g.outer];
    if (outer.state != Future::State::Pending) {
        if (c.state != Future::State::Cancelled)
            c.logTraceback = false;  // fut.exception(): marks it retrieved
        return;
    }
    if (!g.returnExceptions) {
        if (c.state == Future::State::Cancelled) {
            futureSetException(g.outer, makeCancelledError(child));
            return;
        }
        if (c.hasException) {
            c.logTraceback = false;
            futureSetException(g.outer, c.result);
            return;
        }
    }
    if (g.nfinished != g.nfuts)
        return;
    std::vector<Value> results;
    results.reserve(g.children.size());
    for (std::uint32_t f : g.children) {
        Future &fut = m_futures[f];
        if (fut.state == Future::State::Cancelled) {
            results.push_back(Value::exception(
                ExceptionType::CancelledError, fut.hasCancelMessage ? cancelMessage(f) : Value::string({})));
        } else {
            fut.logTraceback = false;
            results.push_back(fut.result);
        }
    }
    if (m_gathers[gid].cancelRequested) {
        // CPython uses the loop variable left over from the loop above: the last child.
        futureSetException(g.outer, makeCancelledError(g.children.back()));
    } else {
        futureSetResult(g.outer, Value::list(std::move(results)));
        checkLimits();
    }
}

}  // namespace tusk
