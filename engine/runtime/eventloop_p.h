#pragma once

// Private to the event loop: the records behind tasks, futures, gathers and timers, shared by
// eventloop.cpp (scheduling) and interpreter.cpp (executing coroutine code).

#include "eventloop.h"
#include "smallvector.h"

#include <unordered_set>
#include <vector>

namespace tusk {

constexpr std::uint32_t kNone = 0xffffffffu;

/// print() writes to a UTF-8 stdout, whose encoder refuses lone surrogates: false with the
/// UnicodeEncodeError CPython raises.
bool checkEncodable(const QString &text, Value &error);

/// A slot that has no value yet (Python's unbound local). Task ids never reach this value.
inline Value unboundValue()
{
    return Value::task(kNone);
}
inline bool isUnbound(const Value &v)
{
    return v.isTask() && v.toTask() == kNone;
}

struct EventLoop::Frame {
    std::uint32_t coroutine = 0;
    std::uint32_t pc = 0;
    std::uint32_t slotBase = 0;  ///< first slot in Task::locals
    std::uint32_t blockBase = 0;  ///< first block in Task::blocks
    std::uint32_t resultSlot = kNoSlot;  ///< caller's slot for the return value
    std::uint32_t sp = 0;  ///< operand stack depth (the stack follows the coroutine's slots)
};

/// A try-statement record on a task's block stack (like CPython <= 3.10's block stack).
struct EventLoop::Block {
    enum class Kind : std::uint8_t { Except, Finally, ExceptBody, FinallyBody };
    enum class Pending : std::uint8_t { Nothing, Exception, Return };
    Kind kind = Kind::Except;
    Pending pending = Pending::Nothing;  ///< FinallyBody: what completes after the body
    std::uint32_t target = 0;  ///< Except/Finally: handler or finally pc
    std::uint32_t asSlot = kNoSlot;  ///< ExceptBody: the `as` slot to unbind
    std::uint32_t stackDepth = 0;  ///< Except/Finally: the operand stack depth its handler starts at
    Value value;  ///< ExceptBody: the handled exception; FinallyBody: pending exception/return value
};

struct EventLoop::Future {
    enum class State : std::uint8_t { Pending, Finished, Cancelled };
    State state = State::Pending;
    bool hasException = false;
    bool logTraceback = false;  ///< an exception nobody retrieved yet
    bool hasCancelMessage = false;  ///< the message is in EventLoop::m_futureExtras
    bool hasExtras = false;  ///< an entry in EventLoop::m_futureExtras exists
    TaskId task = kNoTask;  ///< set when this future is a task
    std::uint32_t gather = kNone;  ///< set when this future is a gather's outer future
    Value result;  ///< the result, or the exception
    std::uint32_t callbackCount = 0;
    Callback firstCallback {};  ///< the rest are in m_futureExtras (rare: one awaiter is usual)
};

/// What few futures need, kept apart so that every future stays small.
struct EventLoop::FutureExtras {
    Value cancelMessage;
    Value cancelledExc;  ///< Task._cancelled_exc (handed out once)
    std::vector<Callback> moreCallbacks;
};

struct EventLoop::Task {
    // Hot: read on every step. A run of 100,000 tasks steps them round-robin, so each step
    // finds its task cold in the cache; these fields come first and together.
    SmallVector<Frame, 1> frames;
    bool started = false;
    bool mustCancel = false;
    bool internal = false;  ///< Runner.close()'s own tasks: counted in names, not shown
    TaskState state = TaskState::Pending;
    /// What the coroutine is suspended on, to complete the await when it resumes.
    enum class Suspension : std::uint8_t { None, SleepZero, Sleep, AwaitFuture };
    Suspension suspension = Suspension::None;
    TaskId id = kNoTask;
    std::uint32_t future = 0;
    std::uint32_t suspendedOn = kNone;  ///< the future awaited (sleep future, task, gather)
    std::uint32_t resultSlot = kNoSlot;  ///< where the awaited value goes
    std::uint32_t futWaiter = kNone;  ///< Task._fut_waiter
    std::uint32_t sleepTimer = kNone;  ///< sleep's TimerHandle, cancelled in its `finally`
    SmallVector<Value, 4> locals;

    // Cold.
    std::uint32_t coroutine = 0;
    TaskId creator = kNoTask;
    std::uint32_t nameNumber = 0;  ///< Task-N, or 0 with a custom name (in m_customNames)
    ItemId createdAt = kNoId;  ///< the create_task or gather step that made it (kNoId: the entry task)
    std::vector<Block> blocks;
};

inline void EventLoop::setState(
    Task &task, TaskState s, std::uint32_t other, std::int64_t deadline, const Value *outcome)
{
    task.state = s;
    if (m_observed && !task.internal)
        emitStateChange(task, other, deadline, outcome);
}

struct EventLoop::Gather {
    std::uint32_t outer = 0;
    std::vector<std::uint32_t> children;  ///< futures, duplicates kept (as `children`)
    std::unordered_set<std::uint32_t> distinct;  ///< `arg_to_fut`: shutdown gathers every task
    std::uint32_t nfuts = 0;
    std::uint32_t nfinished = 0;
    bool returnExceptions = false;
    bool cancelRequested = false;
};

struct EventLoop::Timer {
    Handle handle;
    bool cancelled = false;
    bool scheduled = false;
};

}  // namespace tusk
