// Executes coroutine code for one task step: runs instructions until the coroutine suspends
// (sleep, await on an unfinished task or gather), returns, raises out of the task, or uses up
// its instruction budget (then the loop resumes it later, inside the same iteration).

#include "coroutineobject.h"
#include "eventloop.h"
#include "eventloop_p.h"
#include "pydict.h"
#include "pyformat.h"
#include "pyobjects.h"
#include "pyops.h"
#include "sleepdelay.h"

namespace tusk {

namespace {

// One argument of gather() once `*iterable` is spread out: a coroutine (a call, or a
// coroutine object made earlier) or a value.
struct GatherArgument {
    bool isCoroutine = false;
    std::uint32_t coroutine = 0;
    std::vector<Value> callArgs;
    Value value;
};

constexpr const char *kReusedCoroutine = "cannot reuse already awaited coroutine";

Value typeError(const QString &message)
{
    return Value::exception(ExceptionType::TypeError, Value::string(message));
}

// print() writes to a UTF-8 stdout, whose encoder refuses surrogates: a lone surrogate in the
// text raises UnicodeEncodeError for the run of surrogates (positions in code points), and
// nothing of the line is written.
Value runtimeError(const char *message)
{
    return Value::exception(ExceptionType::RuntimeError, Value::string(QString::fromLatin1(message)));
}

// What asyncio functions find once asyncio.run() has returned (see finalizePendingTasks()).
constexpr char kNoRunningLoop[] = "no running event loop";
constexpr char kLoopClosed[] = "Event loop is closed";
constexpr char kNoCurrentLoop[] = "There is no current event loop in thread 'MainThread'.";

}  // namespace

bool checkEncodable(const QString &text, Value &error)
{
    qsizetype start = -1;
    qsizetype end = 0;
    qsizetype pos = 0;
    for (qsizetype i = 0; i < text.size(); ++pos) {
        const QChar c = text[i];
        const bool pair = c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        i += pair ? 2 : 1;
        if (!pair && c.isSurrogate()) {
            if (start < 0)
                start = pos;
            end = pos + 1;
        } else if (start >= 0) {
            break;
        }
    }
    if (start < 0)
        return true;
    error = Value::exception(ExceptionType::UnicodeEncodeError,
        Value::list({Value::string(QStringLiteral("utf-8")), Value::string(text), Value::integer(start),
            Value::integer(end), Value::string(QStringLiteral("surrogates not allowed"))}));
    return false;
}

namespace {

}  // namespace

bool EventLoop::readSlot(const Task &task, std::uint32_t slot, Value *out, Value &error) const
{
    const Frame &f = task.frames.back();
    const Value &v = task.locals[f.slotBase + slot];
    if (isUnbound(v)) {
        const QString &name = m_program->coroutines[f.coroutine].slotNames[slot];
        error = Value::exception(ExceptionType::UnboundLocalError,
            Value::string(QStringLiteral("cannot access local variable '%1' where it is not "
                                         "associated with a value")
                              .arg(name)));
        return false;
    }
    *out = v;
    return true;
}

bool EventLoop::evalOperand(const Task &task, const CompiledOperand &o, Value *out, Value &error) const
{
    if (!o.present) {
        *out = Value();
        return true;
    }
    if (!o.isVar) {
        *out = m_program->constants[o.index];
        return true;
    }
    return readSlot(task, o.index, out, error);
}

bool EventLoop::evalArgs(const Task &task, const CompiledCall &call, std::vector<Value> &args, Value &error) const
{
    args.clear();
    for (const CompiledOperand &o : call.args) {
        Value v;
        if (!evalOperand(task, o, &v, error))
            return false;
        args.push_back(std::move(v));
    }
    return true;
}

bool EventLoop::pushFrame(
    Task &task, std::uint32_t coroutine, std::vector<Value> &args, std::uint32_t resultSlot, Value &error)
{
    if (task.frames.size() >= kMaxFramesPerTask) {
        error = Value::exception(
            ExceptionType::RecursionError, Value::string(QStringLiteral("maximum recursion depth exceeded")));
        return false;
    }
    const CompiledCoroutine &co = m_program->coroutines[coroutine];
    Frame f;
    f.coroutine = coroutine;
    f.slotBase = std::uint32_t(task.locals.size());
    f.blockBase = std::uint32_t(task.blocks.size());
    f.resultSlot = resultSlot;
    task.locals.resize(task.locals.size() + co.slotCount + co.stackSize, unboundValue());
    for (std::size_t i = 0; i < args.size() && i < co.paramCount; ++i)
        task.locals[f.slotBase + i] = std::move(args[i]);
    task.frames.push_back(f);
    m_frameBytes += sizeof(Frame) + (co.slotCount + co.stackSize) * sizeof(Value);
    checkLimits();
    return true;
}

void EventLoop::popFrame(Task &task)
{
    const Frame f = task.frames.back();
    const CompiledCoroutine &co = m_program->coroutines[f.coroutine];
    m_frameBytes -= sizeof(Frame) + (co.slotCount + co.stackSize) * sizeof(Value);
    task.frames.pop_back();
    task.blocks.resize(f.blockBase);
    task.locals.resize(f.slotBase);
}

const Value *EventLoop::handledException(const Task &task) const
{
    // sys.exc_info(): the innermost exception being handled, through directly awaited frames.
    for (auto it = task.blocks.rbegin(); it != task.blocks.rend(); ++it) {
        if (it->kind == Block::Kind::ExceptBody)
            return &it->value;
        if (it->kind == Block::Kind::FinallyBody && it->pending == Block::Pending::Exception)
            return &it->value;
    }
    return nullptr;
}

// Empties the operand stack of frame `f` down to `depth` (a handler starts at its try's depth).
void EventLoop::dropStack(Task &task, Frame &f, std::uint32_t depth)
{
    Value *stack = task.locals.data() + f.slotBase + m_program->coroutines[f.coroutine].slotCount;
    while (f.sp > depth)
        stack[--f.sp] = Value();
}

bool EventLoop::unwind(Task &task, Value &exc)
{
    for (;;) {
        Frame &f = task.frames.back();
        while (task.blocks.size() > f.blockBase) {
            Block b = std::move(task.blocks.back());
            task.blocks.pop_back();
            switch (b.kind) {
            case Block::Kind::Except:
                f.pc = b.target;
                dropStack(task, f, b.stackDepth);
                m_pendingException = exc;
                return true;
            case Block::Kind::Finally: {
                dropStack(task, f, b.stackDepth);
                Block body;
                body.kind = Block::Kind::FinallyBody;
                body.pending = Block::Pending::Exception;
                body.value = exc;
                task.blocks.push_back(std::move(body));
                f.pc = b.target;
                return true;
            }
            case Block::Kind::ExceptBody:
                // `except E as e:` deletes `e` however the handler ends.
                if (b.asSlot != kNoSlot)
                    task.locals[f.slotBase + b.asSlot] = unboundValue();
                break;
            case Block::Kind::FinallyBody:
                break;  // an exception inside a finally body replaces what was pending
            }
        }
        if (exc.isException())
            noteTracebackFrame(task, exc);
        popFrame(task);
        if (task.frames.empty())
            return false;
    }
}

namespace {

void collectTasks(const Value &v, const Value &exc, int depthLeft)
{
    if (v.isTask()) {
        exc.exceptionAddTracebackTask(v.toTask());
        return;
    }
    if (depthLeft <= 0)
        return;  // deeper nesting (or a list that holds itself) is not worth the walk
    if (v.isList() || v.isTuple()) {
        // A list or tuple frees its items from the last (list_dealloc, tupledealloc).
        const std::vector<Value> &items = v.toList();
        for (auto it = items.rbegin(); it != items.rend(); ++it)
            collectTasks(*it, exc, depthLeft - 1);
    } else if (v.isDict()) {
        for (const PyDict::Entry &e : v.toDict().entries()) {
            if (!e.live)
                continue;
            collectTasks(e.key, exc, depthLeft - 1);
            collectTasks(e.value, exc, depthLeft - 1);
        }
    }
}

}  // namespace

void EventLoop::noteTracebackFrame(const Task &task, const Value &exc) const
{
    const Frame &f = task.frames.back();
    const CompiledCoroutine &co = m_program->coroutines[f.coroutine];
    for (std::uint32_t i = 0; i < co.slotCount; ++i)
        collectTasks(task.locals[f.slotBase + i], exc, 4);
    exc.exceptionAddTracebackTask(kNoTask);  // the frame ends
}

bool EventLoop::doReturn(Task &task, Value &value)
{
    Frame &f = task.frames.back();
    while (task.blocks.size() > f.blockBase) {
        Block b = std::move(task.blocks.back());
        task.blocks.pop_back();
        if (b.kind == Block::Kind::Finally) {
            dropStack(task, f, b.stackDepth);
            Block body;
            body.kind = Block::Kind::FinallyBody;
            body.pending = Block::Pending::Return;
            body.value = value;
            task.blocks.push_back(std::move(body));
            f.pc = b.target;
            return true;
        }
        if (b.kind == Block::Kind::ExceptBody && b.asSlot != kNoSlot)
            task.locals[f.slotBase + b.asSlot] = unboundValue();
    }
    const std::uint32_t resultSlot = f.resultSlot;
    popFrame(task);
    if (task.frames.empty())
        return false;
    if (resultSlot != kNoSlot)
        task.locals[resultSlot] = std::move(value);
    return true;
}

bool EventLoop::renderTemplate(const Task &task, std::uint32_t index, QString *out, Value &error) const
{
    const auto taskReprFn = [this](std::uint32_t t) { return taskRepr(t); };
    out->clear();
    for (const CompiledTemplatePart &part : m_program->templates[index]) {
        Value v;
        switch (part.kind) {
        case TemplatePart::Kind::Literal:
        case TemplatePart::Kind::Expression:  // templates with expressions run as code (PrintTop)
            out->append(part.text);
            continue;
        case TemplatePart::Kind::Now:
            if (m_closingFrames > 0) {  // _now() calls asyncio.get_running_loop()
                error = runtimeError(kNoRunningLoop);
                return false;
            }
            v = Value::floating(double(m_now) / 1e9);
            break;
        case TemplatePart::Kind::Variable:
            if (!readSlot(task, part.slot, &v, error))
                return false;
            break;
        case TemplatePart::Kind::Done:
        case TemplatePart::Kind::Cancelled: {
            Value t;
            if (!readSlot(task, part.slot, &t, error))
                return false;
            const char *method = part.kind == TemplatePart::Kind::Done ? "done" : "cancelled";
            if (!t.isTask()) {
                error = Value::exception(ExceptionType::AttributeError,
                    Value::string(
                        QStringLiteral("'%1' object has no attribute '%2'").arg(t.typeName(), QLatin1String(method))));
                return false;
            }
            const Future &f = m_futures[m_tasks[t.toTask()].future];
            v = Value::boolean(part.kind == TemplatePart::Kind::Done ? f.state != Future::State::Pending
                                                                     : f.state == Future::State::Cancelled);
            break;
        }
        }
        // Nested values run into CPython's recursion limit, which the task's frames share.
        const int depthLeft = reprDepthLeft(task.frames.size());
        if (!part.conversion.isNull()) {
            const ReprResult converted = part.conversion == QLatin1Char('r') ? pyReprLimited(v, depthLeft, taskReprFn)
                : part.conversion == QLatin1Char('s')                        ? pyStrLimited(v, depthLeft, taskReprFn)
                                                                             : pyAsciiLimited(v, depthLeft, taskReprFn);
            if (!converted.ok) {
                error = Value::exception(ExceptionType::RecursionError, Value::string(converted.errorMessage));
                return false;
            }
            v = Value::string(converted.text);
        }
        if (part.spec.isEmpty() && v.isString()) {
            out->append(v.toString());
            continue;
        }
        const FormatResult r = pyFormatLimited(v, part.spec, depthLeft, taskReprFn);
        if (!r.ok) {
            error = Value::exception(r.errorType, Value::string(r.errorMessage));
            return false;
        }
        out->append(r.text);
    }
    return true;
}

EventLoop::Exec EventLoop::execute(Task &taskRef, TaskId id, Value &payload, bool throwIn)
{
    Task *task = &taskRef;
    if (task->internal) {
        // shutdown_asyncgens() / shutdown_default_executor(): nothing to do, return at once.
        if (throwIn)
            return Exec::Raised;
        payload = Value();
        return Exec::Returned;
    }
    if (!task->started) {
        task->started = true;
        if (throwIn) {
            // Thrown into a coroutine that never started: its body never runs.
            popFrame(*task);
            return Exec::Raised;
        }
    } else if (task->suspension != Task::Suspension::None) {
        // Finish the await the coroutine was suspended in.
        const Task::Suspension s = task->suspension;
        task->suspension = Task::Suspension::None;
        if (s == Task::Suspension::Sleep) {
            cancelTimer(task->sleepTimer);  // sleep()'s `finally: h.cancel()`
            task->sleepTimer = kNone;
            freeFuture(task->suspendedOn);
        } else if (s == Task::Suspension::AwaitFuture && !throwIn) {
            Value v;
            resultOf(task->suspendedOn, &v);
            if (task->resultSlot != kNoSlot)
                task->locals[task->resultSlot] = std::move(v);
        }
        task->suspendedOn = kNone;
        if (throwIn && !unwind(*task, payload))
            return Exec::Raised;
    } else if (throwIn && !unwind(*task, payload)) {
        return Exec::Raised;
    }

    const bool watch = observed();
    Value error;
    // The current frame, its code and locals, cached across instructions; reloaded whenever
    // the frame stack or the locals may have changed (calls, returns, exceptions).
    Frame *f = nullptr;
    const Instr *code = nullptr;
    Value *locals = nullptr;
    Value *stack = nullptr;  // the current frame's operand stack, after its slots
    ItemId coroutineId = kNoId;
    const auto reload = [&] {
        f = &task->frames.back();
        const CompiledCoroutine &co = m_program->coroutines[f->coroutine];
        code = co.code.data();
        coroutineId = co.id;
        locals = task->locals.data() + f->slotBase;
        stack = locals + co.slotCount;
    };
    reload();
    for (;;) {
        if (--m_budget < 0)
            return Exec::Preempted;
        const Instr &in = code[f->pc++];
        if (watch && in.stepId != kNoId && in.announce) {
            RunEvent e;
            e.kind = RunEvent::Kind::StepEntered;
            e.task = id;
            e.stepId = in.stepId;
            e.coroutineId = coroutineId;
            emitEvent(e);
        }
        switch (in.op) {
        case Instr::Op::Print: {
            QString text;
            if (!renderTemplate(*task, in.a, &text, error) || !checkEncodable(text, error))
                goto raise;
            if (m_partialLine.isEmpty())
                emitText(RunEvent::Kind::Printed, id, text);
            else
                printText(id, text + QLatin1Char('\n'));
            break;
        }
        case Instr::Op::Sleep: {
            SleepDelay delay;
            if (in.a == Instr::kImmediate) {
                // A literal delay, classified when compiling.
                delay.valid = true;
                delay.positive = in.imm > 0 || in.b;
                delay.ns = in.imm;
            } else {
                Value seconds;
                if (!evalOperand(*task, in.x, &seconds, error))
                    goto raise;
                delay = sleepDelayFor(seconds);
                if (!delay.valid) {
                    error = typeError(QStringLiteral("'<=' not supported between instances of '%1' and 'int'")
                                          .arg(seconds.typeName()));
                    goto raise;
                }
                if (delay.overflow && m_closingFrames == 0) {
                    error = Value::exception(ExceptionType::OverflowError,
                        Value::string(QStringLiteral("int too large to convert to float")));
                    goto raise;
                }
            }
            if (m_closingFrames > 0) {
                if (delay.positive) {  // sleep() calls get_running_loop()
                    error = runtimeError(kNoRunningLoop);
                    goto raise;
                }
                goto ignoreExit;  // sleep(0) yields
            }
            if (!delay.positive) {
                task->suspension = Task::Suspension::SleepZero;
                return Exec::Yielded;
            }
            const std::uint32_t fut = newFuture();
            task->sleepTimer = callLater(delay.ns, {Handle::Kind::SleepTimer, fut, 0});
            m_lastSleepDeadline = deadlineAfter(delay.ns);
            task->suspension = Task::Suspension::Sleep;
            task->suspendedOn = fut;
            return Exec::Suspended;
        }
        case Instr::Op::CreateTask: {
            std::vector<Value> args;
            Value name;
            if (!evalArgs(*task, m_program->calls[in.a], args, error) || !evalOperand(*task, in.x, &name, error))
                goto raise;
            if (m_closingFrames > 0) {
                error = runtimeError(kNoRunningLoop);
                goto raise;
            }
            const TaskId created = createTask(
                m_program->calls[in.a].coroutine, args, id, in.x.present ? &name : nullptr, false, in.stepId);
            task = &m_tasks[id];  // createTask may move the task table
            if (in.b != kNoSlot)
                task->locals[task->frames.back().slotBase + in.b] = Value::task(created);
            break;
        }
        case Instr::Op::AwaitTask: {
            Value t;
            if (!readSlot(*task, in.a, &t, error))
                goto raise;
            if (CoroutineObject *co = coroutineObject(t)) {
                // `await coro`: runs it in this task, as `await f(...)` does.
                if (co->started) {
                    error = runtimeError(kReusedCoroutine);
                    goto raise;
                }
                co->started = true;
                std::vector<Value> args = co->args;
                const std::uint32_t resultSlot = in.b == kNoSlot ? kNoSlot : f->slotBase + in.b;
                if (!pushFrame(*task, co->coroutine, args, resultSlot, error))
                    goto raise;
                reload();
                break;
            }
            if (!t.isTask()) {
                error = typeError(QStringLiteral("object %1 can't be used in 'await' expression").arg(t.typeName()));
                goto raise;
            }
            const std::uint32_t fut = m_tasks[t.toTask()].future;
            if (m_futures[fut].state != Future::State::Pending) {
                // Awaiting a finished task never suspends.
                Value v;
                if (!resultOf(fut, &v)) {
                    error = std::move(v);
                    goto raise;
                }
                if (in.b != kNoSlot)
                    locals[in.b] = std::move(v);
                break;
            }
            if (m_closingFrames > 0)
                goto ignoreExit;  // awaiting an unfinished task yields
            task->suspension = Task::Suspension::AwaitFuture;
            task->suspendedOn = fut;
            task->resultSlot = in.b == kNoSlot ? kNoSlot : f->slotBase + in.b;
            return Exec::Suspended;
        }
        case Instr::Op::AwaitCall: {
            std::vector<Value> args;
            const CompiledCall &call = m_program->calls[in.a];
            if (!evalArgs(*task, call, args, error))
                goto raise;
            const std::uint32_t resultSlot = in.b == kNoSlot ? kNoSlot : f->slotBase + in.b;
            if (!pushFrame(*task, call.coroutine, args, resultSlot, error))
                goto raise;
            reload();
            break;
        }
        case Instr::Op::Gather: {
            const CompiledGather &g = m_program->gathers[in.a];
            // Arguments are evaluated first (coroutine objects, task variables, `*tasks` spread
            // out); then gather() wraps each coroutine in a task, in order.
            std::vector<GatherArgument> arguments;
            arguments.reserve(g.items.size());
            for (const CompiledGatherItem &item : g.items) {
                GatherArgument a;
                if (item.isCall) {
                    a.isCoroutine = true;
                    a.coroutine = m_program->calls[item.call].coroutine;
                    if (!evalArgs(*task, m_program->calls[item.call], a.callArgs, error))
                        goto raise;
                    arguments.push_back(std::move(a));
                    continue;
                }
                Value v;
                if (!readSlot(*task, item.slot, &v, error))
                    goto raise;
                if (!item.starred) {
                    a.value = std::move(v);
                    arguments.push_back(std::move(a));
                    continue;
                }
                Value iterator;
                if (!pyIter(v, &iterator, error)) {
                    error = typeError(
                        QStringLiteral("asyncio.tasks.gather() argument after * must be an iterable, not %1")
                            .arg(v.typeName()));
                    goto raise;
                }
                std::vector<Value> spread;
                if (!pyToVector(iterator, &spread, error))
                    goto raise;
                for (Value &each : spread) {
                    GatherArgument e;
                    e.value = std::move(each);
                    arguments.push_back(std::move(e));
                }
            }
            for (GatherArgument &a : arguments) {
                // Coroutine objects are wrapped in tasks like calls; each runs once.
                if (CoroutineObject *co = coroutineObject(a.value)) {
                    if (co->started) {
                        error = runtimeError(kReusedCoroutine);
                        goto raise;
                    }
                    a.isCoroutine = true;
                    a.coroutine = co->coroutine;
                    a.callArgs = co->args;
                }
            }
            if (m_closingFrames > 0) {
                // After the loop closed: a coroutine (or no argument at all) finds no event loop,
                // a callback on a finished task or a task for a coroutine finds the loop closed;
                // unfinished tasks only would make gather() wait, which yields.
                bool haveLoop = false;
                Value failure;
                for (std::size_t i = 0; i < arguments.size() && failure.isNone(); ++i) {
                    const GatherArgument &a = arguments[i];
                    if (!a.isCoroutine && !a.value.isTask())
                        failure
                            = typeError(QStringLiteral("An asyncio.Future, a coroutine or an awaitable is required"));
                    else if (a.isCoroutine)
                        failure = runtimeError(haveLoop ? kLoopClosed : kNoCurrentLoop);
                    else if (m_futures[m_tasks[a.value.toTask()].future].state != Future::State::Pending)
                        failure = runtimeError(kLoopClosed);
                    haveLoop = true;
                }
                if (arguments.empty())
                    failure = runtimeError(kNoCurrentLoop);
                if (failure.isNone())
                    goto ignoreExit;
                error = std::move(failure);
                goto raise;
            }
            // CPython wraps each argument in a task and adds its done callback before the next
            // argument: a finished task's callback is queued before later tasks' first steps.
            const std::uint32_t gid = beginGather(g.returnExceptions);
            for (GatherArgument &a : arguments) {
                if (a.isCoroutine) {
                    if (CoroutineObject *co = coroutineObject(a.value))
                        co->started = true;
                    const TaskId t = createTask(a.coroutine, a.callArgs, id, nullptr, false, in.stepId);
                    task = &m_tasks[id];
                    gatherAdd(gid, m_tasks[t].future);
                } else if (a.value.isTask()) {
                    gatherAdd(gid, m_tasks[a.value.toTask()].future);
                } else {
                    // ensure_future() raises here: the tasks made for earlier arguments run on.
                    error = typeError(QStringLiteral("An asyncio.Future, a coroutine or an awaitable is required"));
                    goto raise;
                }
            }
            const std::uint32_t outer = endGather(gid);
            const std::uint32_t resultSlot = in.b == kNoSlot ? kNoSlot : task->frames.back().slotBase + in.b;
            if (m_futures[outer].state != Future::State::Pending) {
                Value v;
                resultOf(outer, &v);
                if (resultSlot != kNoSlot)
                    task->locals[resultSlot] = std::move(v);
                break;
            }
            task->suspension = Task::Suspension::AwaitFuture;
            task->suspendedOn = outer;
            task->resultSlot = resultSlot;
            return Exec::Suspended;
        }
        case Instr::Op::Cancel: {
            Value t;
            if (!readSlot(*task, in.a, &t, error))
                goto raise;
            if (!t.isTask()) {
                error = Value::exception(ExceptionType::AttributeError,
                    Value::string(QStringLiteral("'%1' object has no attribute 'cancel'").arg(t.typeName())));
                goto raise;
            }
            Value message;
            if (!evalOperand(*task, in.x, &message, error))
                goto raise;
            if (m_closingFrames > 0) {
                // Cancelling what an unfinished task waits on schedules callbacks on the closed
                // loop (approximated: whatever it waits on); anything else changes nothing visible.
                const Task &target = m_tasks[t.toTask()];
                if (m_futures[target.future].state == Future::State::Pending && target.futWaiter != kNone) {
                    error = runtimeError(kLoopClosed);
                    goto raise;
                }
                break;
            }
            taskCancel(t.toTask(), in.x.present ? &message : nullptr);
            break;
        }
        case Instr::Op::Raise: {
            Value message;
            if (!evalOperand(*task, in.x, &message, error))
                goto raise;
            const auto type = ExceptionType(in.a);
            error = in.x.present ? Value::exception(type, message) : Value::exception(type);
            goto raise;
        }
        case Instr::Op::Reraise: {
            const Value *handled = handledException(*task);
            error = handled ? *handled
                            : Value::exception(ExceptionType::RuntimeError,
                                Value::string(QStringLiteral("No active exception to reraise")));
            goto raise;
        }
        case Instr::Op::Return:
        case Instr::Op::End: {
            Value v;
            if (in.op == Instr::Op::Return && !evalOperand(*task, in.x, &v, error))
                goto raise;
            const std::size_t depth = task->frames.size();
            if (!doReturn(*task, v)) {
                payload = std::move(v);
                return Exec::Returned;
            }
            if (task->frames.size() < depth && depth <= m_closingFrames)
                goto closedFrameReturned;
            reload();
            break;
        }
        case Instr::Op::RepeatInit: {
            Value times;
            if (!evalOperand(*task, in.x, &times, error))
                goto raise;
            if (!times.isInt() && !times.isBool()) {
                error = typeError(
                    QStringLiteral("'%1' object cannot be interpreted as an integer").arg(times.typeName()));
                goto raise;
            }
            locals[in.a] = Value::integer(0);
            locals[in.a + 1] = Value::integer(times.isBool() ? std::int64_t(times.toBool()) : times.toInt());
            f->pc = in.target;
            break;
        }
        case Instr::Op::RepeatNext: {
            const std::int64_t i = locals[in.a].toInt();
            if (i >= locals[in.a + 1].toInt())
                break;  // done: fall through to the code after the loop
            if (in.b != kNoSlot)
                locals[in.b] = Value::integer(i);
            locals[in.a] = Value::integer(i + 1);
            f->pc = in.target;
            break;
        }
        case Instr::Op::Jump:
            f->pc = in.target;
            break;
        case Instr::Op::SetupExcept:
        case Instr::Op::SetupFinally: {
            Block b;
            b.kind = in.op == Instr::Op::SetupExcept ? Block::Kind::Except : Block::Kind::Finally;
            b.target = in.target;
            b.stackDepth = f->sp;
            task->blocks.push_back(std::move(b));
            break;
        }
        case Instr::Op::PopBlock:
            task->blocks.pop_back();
            break;
        case Instr::Op::MatchExcept: {
            const Value &exc = m_pendingException;
            if (!exceptionIsSubclass(exc.exceptionType(), ExceptionType(in.a))) {
                f->pc = in.target;
                break;
            }
            Block b;
            b.kind = Block::Kind::ExceptBody;
            b.asSlot = in.b;
            b.value = exc;
            if (in.b != kNoSlot)
                locals[in.b] = exc;
            task->blocks.push_back(std::move(b));
            m_pendingException = Value();
            break;
        }
        case Instr::Op::EndExcept: {
            const std::uint32_t as = task->blocks.back().asSlot;
            task->blocks.pop_back();
            if (as != kNoSlot)
                locals[as] = unboundValue();
            break;
        }
        case Instr::Op::Unhandled:
            error = std::move(m_pendingException);
            m_pendingException = Value();
            goto raise;
        case Instr::Op::EnterFinally: {
            Block b;
            b.kind = Block::Kind::FinallyBody;
            task->blocks.push_back(std::move(b));
            break;
        }
        case Instr::Op::EndFinally: {
            Block b = std::move(task->blocks.back());
            task->blocks.pop_back();
            if (b.pending == Block::Pending::Exception) {
                error = std::move(b.value);
                goto raise;
            }
            if (b.pending == Block::Pending::Return) {
                const std::size_t depth = task->frames.size();
                if (!doReturn(*task, b.value)) {
                    payload = std::move(b.value);
                    return Exec::Returned;
                }
                if (task->frames.size() < depth && depth <= m_closingFrames)
                    goto closedFrameReturned;
                reload();
            }
            break;
        }
        case Instr::Op::StepMark:
            break;
        case Instr::Op::LoadConst:
            stack[f->sp++] = m_program->constants[in.a];
            break;
        case Instr::Op::LoadLocal: {
            const Value &v = locals[in.a];
            if (isUnbound(v)) {
                const QString &name = m_program->coroutines[f->coroutine].slotNames[in.a];
                error = in.b ? Value::exception(ExceptionType::NameError,
                            Value::string(QStringLiteral("cannot access free variable '%1' where it is not "
                                                         "associated with a value in enclosing scope")
                                              .arg(name)))
                             : Value::exception(ExceptionType::UnboundLocalError,
                                 Value::string(QStringLiteral("cannot access local variable '%1' where it is not "
                                                              "associated with a value")
                                                   .arg(name)));
                goto raise;
            }
            stack[f->sp++] = v;
            break;
        }
        case Instr::Op::StoreLocal:
            locals[in.a] = std::move(stack[--f->sp]);
            break;
        case Instr::Op::LoadNow:
            if (m_closingFrames > 0) {  // _now() calls asyncio.get_running_loop()
                error = runtimeError(kNoRunningLoop);
                goto raise;
            }
            stack[f->sp++] = Value::floating(double(m_now) / 1e9);
            break;
        case Instr::Op::LoadBuiltin:
            stack[f->sp++] = builtinValue({Builtin(in.a), ExceptionType(in.b)});
            break;
        case Instr::Op::RaiseNameError:
            error = Value::exception(ExceptionType::NameError,
                Value::string(QStringLiteral("name '%1' is not defined").arg(m_program->constants[in.a].toString())));
            goto raise;
        case Instr::Op::Pop:
            stack[--f->sp] = Value();
            break;
        case Instr::Op::Dup:
            stack[f->sp] = stack[f->sp - 1];
            ++f->sp;
            break;
        case Instr::Op::Dup2:
            stack[f->sp] = stack[f->sp - 2];
            stack[f->sp + 1] = stack[f->sp - 1];
            f->sp += 2;
            break;
        case Instr::Op::Rot2:
            std::swap(stack[f->sp - 1], stack[f->sp - 2]);
            break;
        case Instr::Op::Rot3: {
            // x y z -> z x y
            Value z = std::move(stack[f->sp - 1]);
            stack[f->sp - 1] = std::move(stack[f->sp - 2]);
            stack[f->sp - 2] = std::move(stack[f->sp - 3]);
            stack[f->sp - 3] = std::move(z);
            break;
        }
        case Instr::Op::Binary: {
            Value result;
            if (!pyBinary(ExprNode::BinaryOp(in.a), stack[f->sp - 2], stack[f->sp - 1], in.b != 0, &result, error))
                goto raise;
            stack[--f->sp] = Value();
            stack[f->sp - 1] = std::move(result);
            checkLimits();
            break;
        }
        case Instr::Op::Unary: {
            Value result;
            if (!pyUnary(ExprNode::UnaryOp(in.a), stack[f->sp - 1], &result, error))
                goto raise;
            stack[f->sp - 1] = std::move(result);
            break;
        }
        case Instr::Op::Compare: {
            bool result = false;
            if (!pyCompare(ExprNode::CompareOp(in.a), stack[f->sp - 2], stack[f->sp - 1], &result, error))
                goto raise;
            stack[--f->sp] = Value();
            stack[f->sp - 1] = Value::boolean(result);
            break;
        }
        case Instr::Op::JumpIfFalse:
        case Instr::Op::JumpIfTrue: {
            const bool truth = pyTruth(stack[f->sp - 1]);
            stack[--f->sp] = Value();
            if (truth == (in.op == Instr::Op::JumpIfTrue))
                f->pc = in.target;
            break;
        }
        case Instr::Op::JumpIfFalseOrPop:
        case Instr::Op::JumpIfTrueOrPop:
            if (pyTruth(stack[f->sp - 1]) == (in.op == Instr::Op::JumpIfTrueOrPop))
                f->pc = in.target;
            else
                stack[--f->sp] = Value();
            break;
        case Instr::Op::BuildList:
        case Instr::Op::BuildTuple: {
            std::vector<Value> items;
            items.reserve(in.a);
            for (std::uint32_t k = f->sp - in.a; k < f->sp; ++k)
                items.push_back(std::move(stack[k]));
            f->sp -= in.a;
            stack[f->sp++]
                = in.op == Instr::Op::BuildList ? Value::list(std::move(items)) : Value::tuple(std::move(items));
            checkLimits();
            break;
        }
        case Instr::Op::BuildDict: {
            Value d = Value::dict();
            for (std::uint32_t k = f->sp - 2 * in.a; k < f->sp; k += 2) {
                if (!d.toDict().set(stack[k], stack[k + 1], error))
                    goto raise;
            }
            for (std::uint32_t k = 0; k < 2 * in.a; ++k)
                stack[--f->sp] = Value();
            stack[f->sp++] = std::move(d);
            break;
        }
        case Instr::Op::BuildSlice: {
            Value s = pySlice(stack[f->sp - 3], stack[f->sp - 2], stack[f->sp - 1]);
            stack[--f->sp] = Value();
            stack[--f->sp] = Value();
            stack[f->sp - 1] = std::move(s);
            break;
        }
        case Instr::Op::BuildString: {
            QString text;
            for (std::uint32_t k = f->sp - in.a; k < f->sp; ++k) {
                text += stack[k].toString();
                stack[k] = Value();
            }
            f->sp -= in.a;
            stack[f->sp++] = Value::string(text);
            break;
        }
        case Instr::Op::ListAppend:
        case Instr::Op::ListExtend: {
            Value item = std::move(stack[--f->sp]);
            const Value &list = stack[f->sp - in.a];
            if (in.op == Instr::Op::ListAppend) {
                list.listItems().push_back(std::move(item));
            } else {
                std::vector<Value> more;
                if (!pyToVector(item, &more, error)) {
                    error = typeError(QStringLiteral("Value after * must be an iterable, not %1").arg(item.typeName()));
                    goto raise;
                }
                list.listItems().insert(list.listItems().end(), more.begin(), more.end());
            }
            list.listResized();
            checkLimits();
            break;
        }
        case Instr::Op::MakeGenerator:
            stack[f->sp - 1] = makeItemsIterator(QStringLiteral("generator"), stack[f->sp - 1].toList());
            break;
        case Instr::Op::Subscript: {
            Value result;
            if (!pyGetItem(stack[f->sp - 2], stack[f->sp - 1], &result, error))
                goto raise;
            stack[--f->sp] = Value();
            stack[f->sp - 1] = std::move(result);
            break;
        }
        case Instr::Op::StoreSubscript: {
            if (!pySetItem(stack[f->sp - 2], stack[f->sp - 1], stack[f->sp - 3], error))
                goto raise;
            for (int k = 0; k < 3; ++k)
                stack[--f->sp] = Value();
            checkLimits();
            break;
        }
        case Instr::Op::GetIter: {
            Value it;
            if (!pyIter(stack[f->sp - 1], &it, error))
                goto raise;
            stack[f->sp - 1] = std::move(it);
            break;
        }
        case Instr::Op::ForIter: {
            Value item;
            bool done = false;
            if (pyNext(stack[f->sp - 1], &item, &done, error)) {
                stack[f->sp++] = std::move(item);
                break;
            }
            if (!done)
                goto raise;
            stack[--f->sp] = Value();
            f->pc = in.target;
            break;
        }
        case Instr::Op::UnpackSequence: {
            Value source = std::move(stack[--f->sp]);
            std::vector<Value> items;
            Value probe;
            if (!pyIter(source, &probe, error)) {
                error = typeError(QStringLiteral("cannot unpack non-iterable %1 object").arg(source.typeName()));
                goto raise;
            }
            if (!pyToVector(source, &items, error))
                goto raise;
            const std::size_t want = in.a + in.b;
            if (in.imm == 0 && items.size() != want) {
                error = Value::exception(ExceptionType::ValueError,
                    Value::string(items.size() < want
                            ? QStringLiteral("not enough values to unpack (expected %1, got %2)")
                                  .arg(want)
                                  .arg(items.size())
                            : QStringLiteral("too many values to unpack (expected %1)").arg(want)));
                goto raise;
            }
            if (in.imm == 1 && items.size() < want) {
                error = Value::exception(ExceptionType::ValueError,
                    Value::string(QStringLiteral("not enough values to unpack (expected at least %1, got %2)")
                                      .arg(want)
                                      .arg(items.size())));
                goto raise;
            }
            // Pushed last item first, so that the first target is stored first.
            std::vector<Value> ordered(items.begin(), items.begin() + in.a);
            if (in.imm == 1) {
                ordered.push_back(
                    Value::list(std::vector<Value>(items.begin() + in.a, items.end() - std::ptrdiff_t(in.b))));
                ordered.insert(ordered.end(), items.end() - std::ptrdiff_t(in.b), items.end());
            }
            for (auto it = ordered.rbegin(); it != ordered.rend(); ++it)
                stack[f->sp++] = std::move(*it);
            break;
        }
        case Instr::Op::LoadAttr: {
            Value result;
            const Value &self = stack[f->sp - 1];
            if (self.isTask()) {
                error = Value::exception(ExceptionType::AttributeError,
                    Value::string(QStringLiteral("'_asyncio.Task' object attribute '%1' is not supported by Tusk; "
                                                 "call its methods (done(), result(), ...)")
                                      .arg(m_program->constants[in.a].toString())));
                goto raise;
            }
            if (!getAttribute(self, m_program->constants[in.a].toString(), &result, error))
                goto raise;
            stack[f->sp - 1] = std::move(result);
            break;
        }
        case Instr::Op::Call: {
            const CompiledExprCall &call = m_program->exprCalls[in.a];
            const std::uint32_t argc = call.positional + std::uint32_t(call.keywords.size());
            const bool hasReceiver
                = call.kind != CompiledExprCall::Kind::Builtin && call.kind != CompiledExprCall::Kind::Random;
            Value *args = stack + f->sp - argc;
            Value result;
            if (!callExpression(*task, id, call, args, argc, hasReceiver ? args - 1 : nullptr, &result, error))
                goto raise;
            task = &m_tasks[id];
            reload();
            const std::uint32_t drop = argc + (hasReceiver ? 1 : 0);
            for (std::uint32_t k = 0; k < drop; ++k)
                stack[--f->sp] = Value();
            stack[f->sp++] = std::move(result);
            checkLimits();
            break;
        }
        case Instr::Op::CreateTaskValue: {
            const std::uint32_t argc = std::uint32_t(in.imm);
            Value name;
            if (in.b)
                name = std::move(stack[--f->sp]);
            std::vector<Value> args(stack + f->sp - argc, stack + f->sp);
            for (std::uint32_t k = 0; k < argc; ++k)
                stack[--f->sp] = Value();
            if (m_closingFrames > 0) {
                error = runtimeError(kNoRunningLoop);
                goto raise;
            }
            const std::uint32_t sp = f->sp;
            const TaskId created
                = createTask(m_program->calls[in.a].coroutine, args, id, in.b ? &name : nullptr, false, in.stepId);
            task = &m_tasks[id];
            reload();
            f->sp = sp;
            stack[f->sp++] = Value::task(created);
            break;
        }
        case Instr::Op::MakeCoroutine: {
            const auto argc = std::uint32_t(in.imm);
            std::vector<Value> args(stack + f->sp - argc, stack + f->sp);
            for (std::uint32_t k = 0; k < argc; ++k)
                stack[--f->sp] = Value();
            auto *co = new CoroutineObject(in.a, m_program->coroutines[in.a].name, std::move(args));
            co->account(sizeof(CoroutineObject) + co->args.capacity() * sizeof(Value));
            stack[f->sp++] = Value::object(co);
            break;
        }
        case Instr::Op::CreateTaskFromValue: {
            Value name;
            if (in.b)
                name = std::move(stack[--f->sp]);
            Value coro = std::move(stack[--f->sp]);
            CoroutineObject *co = coroutineObject(coro);
            if (!co) {
                const ReprResult r = pyReprLimited(coro, 100, [this](std::uint32_t t) { return taskRepr(t); });
                error = typeError(QStringLiteral("a coroutine was expected, got %1").arg(r.text));
                goto raise;
            }
            if (m_closingFrames > 0) {
                error = runtimeError(kNoRunningLoop);
                goto raise;
            }
            if (co->started) {
                error = runtimeError(kReusedCoroutine);
                goto raise;
            }
            co->started = true;
            const std::uint32_t sp = f->sp;
            std::vector<Value> args = co->args;
            const TaskId created = createTask(co->coroutine, args, id, in.b ? &name : nullptr, false, in.stepId);
            task = &m_tasks[id];
            reload();
            f->sp = sp;
            stack[f->sp++] = Value::task(created);
            break;
        }
        case Instr::Op::FormatValue: {
            Value &v = stack[f->sp - 1];
            if (!formatValue(*task, v, in.a, in.b == kNoSlot ? nullptr : &m_program->constants[in.b], error))
                goto raise;
            break;
        }
        case Instr::Op::PrintTop: {
            const QString text = stack[f->sp - 1].toString();
            stack[--f->sp] = Value();
            if (!checkEncodable(text, error))
                goto raise;
            if (m_partialLine.isEmpty())
                emitText(RunEvent::Kind::Printed, id, text);
            else
                printText(id, text + QLatin1Char('\n'));
            break;
        }
        }
        continue;
    closedFrameReturned:
        // A coroutine being closed returned: close() succeeded, and its caller, which awaited
        // it, is closed next: GeneratorExit, not the return value.
        m_closingFrames = std::uint32_t(task->frames.size());
        error = Value::exception(ExceptionType::GeneratorExit);
        goto raise;
    ignoreExit:
        // A coroutine being closed tried to wait: "coroutine ignored GeneratorExit". The frame
        // being closed is given up (CPython closes it once more when it is freed, which is not
        // modelled) and its caller gets the RuntimeError that close() raised.
        while (task->frames.size() >= m_closingFrames && !task->frames.empty())
            popFrame(*task);
        m_closingFrames = std::uint32_t(task->frames.size());
        if (task->frames.empty())
            return Exec::Yielded;
        error = runtimeError("coroutine ignored GeneratorExit");
    raise:
        if (!unwind(*task, error)) {
            payload = std::move(error);
            return Exec::Raised;
        }
        if (m_closingFrames > task->frames.size())
            m_closingFrames = std::uint32_t(task->frames.size());
        reload();
    }
}

void EventLoop::finalizePendingTasks()
{
    // asyncio.run() has closed the loop; tasks still pending (ones created while it was
    // cancelling the others) are garbage. When CPython collects them it closes each coroutine:
    // GeneratorExit is thrown in where it waits, which runs `finally` blocks and `except
    // BaseException` handlers. No loop runs any more: whatever needs one raises RuntimeError.
    // What close() itself raises is only logged ("Exception ignored in ..."), never printed.
    for (TaskId t = 1; t < m_tasks.size(); ++t) {
        Task &task = m_tasks[t];
        if (task.internal || !task.started || task.frames.empty()
            || m_futures[task.future].state != Future::State::Pending)
            continue;  // a coroutine that never started has nothing to run when closed
        m_closingFrames = std::uint32_t(task.frames.size());
        m_budget = std::numeric_limits<std::int64_t>::max();
        Value payload = Value::exception(ExceptionType::GeneratorExit);
        execute(task, t, payload, true);
        m_closingFrames = 0;
    }
}

}  // namespace tusk
