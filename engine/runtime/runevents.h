#pragma once

#include "project.h"

#include <QString>
#include <cstdint>

namespace tusk {

/// Identity of a task within one run: 1 is the entry task, then creation order.
using TaskId = std::uint32_t;
constexpr TaskId kNoTask = 0;

/// What a task is doing, as the run view shows it.
enum class TaskState : std::uint8_t {
    Pending,  ///< created, its first step queued, not started
    Ready,  ///< queued to resume (after sleep(0), a fired timer, a finished await)
    Running,  ///< executing its coroutine right now
    Sleeping,  ///< waiting for a timer (RunEvent::deadline)
    WaitingTask,  ///< awaiting another task (RunEvent::other)
    WaitingGather,  ///< awaiting a gather (RunEvent::other is the gather id)
    Done,
    Cancelled,
    Failed,
};

/// `pending`, `running`, ... as used in traces and the command line.
const char *taskStateName(TaskState state);
/// How every view names a task: its Python name, what it runs and, when a create_task stored
/// it in one, the variable that holds it: `Task-2 · task1() · t1`, `Task-1 · main()`. The
/// name alone ("Task-2") reads like the coroutine task2(); the coroutine alone is ambiguous
/// when several tasks run it.
QString taskLabel(const QString &name, const QString &coroutine, const QString &variable);
inline bool isFinalState(TaskState s)
{
    return s == TaskState::Done || s == TaskState::Cancelled || s == TaskState::Failed;
}

/// How a run ended.
enum class RunOutcome : std::uint8_t {
    Completed,  ///< the entry coroutine returned
    Failed,  ///< an exception left the entry coroutine (exit status 1)
    Deadlock,  ///< nothing can ever run again (exit status 3)
    Stopped,  ///< stopped by the user
    LimitReached,  ///< stopped on reaching a RunLimits limit (exit status 4); see EventLoop::limitStop()
};

/// One thing that happened in a run, stamped with the virtual time and loop iteration.
/// Events are plain data: observers copy what they need. Text is filled only for the kinds
/// that carry text.
struct RunEvent {
    enum class Kind : std::uint8_t {
        TaskCreated,  ///< task, other = creator (kNoTask for the entry task), coroutineId, text = name,
                      ///< stepId = the create_task or gather step that made it (kNoId for the entry task)
        StateChanged,  ///< task, state, other / deadline as described on TaskState; entering a final
                       ///< state, text = repr of the result or exception (when there is one)
        StepEntered,  ///< task, stepId, coroutineId
        Printed,  ///< task, text (without the newline); other = kUnfinishedLine for a last line that has none
        Warning,  ///< text: what CPython logs to stderr (never retrieved exception, ...)
        Error,  ///< text: the traceback's last line of an uncaught error, or a deadlock report
        RunFinished,  ///< outcome
        JoinedGather,  ///< task joined gather `other` as one of its children (once per distinct task,
                       ///< in argument order, when the gather is built): what a WaitingGather waits on
    };
    /// Printed: `other` of the line print(..., end="") left unfinished when the run ended.
    static constexpr std::uint32_t kUnfinishedLine = 1;
    Kind kind = Kind::Printed;
    TaskState state = TaskState::Pending;
    RunOutcome outcome = RunOutcome::Completed;
    TaskId task = kNoTask;
    std::uint32_t other = 0;
    ItemId stepId = kNoId;
    ItemId coroutineId = kNoId;
    std::int64_t timeNs = 0;  ///< virtual time since the run started
    std::int64_t deadlineNs = 0;  ///< Sleeping: when the timer fires
    std::uint64_t iteration = 0;  ///< event-loop iteration number, from 1
    QString text;
};

/// Receives a run's events. The engine calls observers synchronously, in order, on its
/// thread; with no observer attached, no event is even built.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void onRunEvent(const RunEvent &event) = 0;
};

}  // namespace tusk
