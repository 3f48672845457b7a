#pragma once

#include "program.h"
#include "runeventlog.h"
#include "runevents.h"
#include "runlimits.h"

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace tusk {

/// What one task looked like at some moment of a run.
struct TaskSnapshot {
    TaskId id = kNoTask;
    TaskId creator = kNoTask;
    QString name;
    QString coroutine;
    ItemId coroutineId = kNoId;
    QString variable;  ///< the variable its create_task stored it in; empty when none
    ItemId createdAt = kNoId;  ///< the create_task or gather step that made it
    TaskState state = TaskState::Pending;
    std::uint32_t waitsOn = 0;  ///< WaitingTask: the task; WaitingGather: the gather id
    std::int64_t sleepsUntilNs = 0;  ///< Sleeping: the deadline
    ItemId stepId = kNoId;  ///< the step it is at (last entered)
    std::int64_t createdNs = 0;
    std::int64_t finishedNs = -1;  ///< -1 while unfinished
    QString outcome;  ///< repr of the result or exception once finished

    /// `Task-2 · task1() · t1`: see taskLabel().
    QString label() const { return taskLabel(name, coroutine, variable); }
};

/// One "who waits on whom" at some moment: `waiter` awaits `awaited`, directly (`await t`) or
/// as an unfinished child of the gather it awaits.
struct WaitEdge {
    TaskId waiter = kNoTask;
    TaskId awaited = kNoTask;
    bool viaGather = false;
};

/// Tasks by id (index = TaskId - 1), as they are now or were at some moment. Chunked: a run's
/// task list grows while views read it, and never needs to move.
using TaskList = ChunkedVector<TaskSnapshot, 64 * 1024>;

/// Records every event of a run so that any moment of it can be replayed afterwards (the
/// engine is deterministic: the recording is the run). Also the source of trace exports.
class RunRecording final : public RunObserver {
public:
    /// `program` supplies coroutine names for snapshots and traces.
    explicit RunRecording(std::shared_ptr<const Program> program);

    void onRunEvent(const RunEvent &event) override;

    /// When a recording past its budget is thinned: at once (nothing else reads it during the
    /// run: the command line's trace), or when its owner calls thin() at a moment when no
    /// view is half-way through the events (the GUI's session, between frames).
    enum class Compaction { Immediate, WhenAsked };
    /// Past `bytes` (0: no budget) the recording degrades before it fails: older events are
    /// thinned to their state changes (enough to scrub the timeline), the newest quarter of
    /// them kept whole. When thinning no longer brings it under three quarters of the budget,
    /// the recording is full: onFull is called once, and the run should stop.
    void setBudget(std::uint64_t bytes, Compaction when);
    std::uint64_t budget() const { return m_budget; }
    void setOnFull(std::function<void(const LimitStop &)> onFull) { m_onFull = std::move(onFull); }
    /// About how many bytes the recording holds: its events and its task list.
    std::uint64_t approximateBytes() const
    {
        return m_events.approximateBytes() + std::uint64_t(m_live.size()) * sizeof(TaskSnapshot);
    }
    /// Over budget, and waiting for its owner to call thin() (Compaction::WhenAsked).
    bool wantsThinning() const { return m_wantsThinning; }
    /// Thins the events before min(`limit`, the newest quarter): returns how many were dropped;
    /// events from there on move down by that many. Calls onFull when thinning is not enough.
    std::size_t thin(std::size_t limit);
    /// Events before this virtual time were thinned to state changes; -1 when none were.
    std::int64_t thinnedBeforeNs() const { return m_thinnedBeforeNs; }
    bool full() const { return m_full; }

    const RunEventLog &events() const { return m_events; }
    /// Every task as it is now (after the last recorded event), kept up to date as events
    /// arrive: cheap to read on every frame of a live run. Index = TaskId - 1.
    const TaskList &liveTasks() const { return m_live; }

    /// The index just past the last event at or before `timeNs` (virtual time).
    std::size_t eventIndexAt(std::int64_t timeNs) const;
    /// Every task as it was after the first `eventCount` events.
    TaskList tasksAfter(std::size_t eventCount) const;
    /// Every task as it was at virtual time `timeNs` (after everything that happened then).
    TaskList tasksAt(std::int64_t timeNs) const { return tasksAfter(eventIndexAt(timeNs)); }

    /// Chrome trace-event JSON (opens in Perfetto and chrome://tracing): one thread per task
    /// named after it, a slice per state, an instant per print, flow arrows from a creator to
    /// the task it created and from a finished task to the task that awaited it. Times are the
    /// run's virtual time; iterations at the same virtual instant are 1 ns apart so that their
    /// order shows.
    QByteArray toChromeTrace(const QString &title) const;

    QString coroutineName(ItemId coroutineId) const;

    /// The tasks of gather `gatherId` (a WaitingGather task's waitsOn), in argument order, each
    /// once; empty for an unknown gather.
    const std::vector<TaskId> &gatherChildren(std::uint32_t gatherId) const;
    /// Who waits on whom among `tasks` (liveTasks() or a snapshot of this run): one edge per
    /// awaited unfinished task, one per unfinished child of an awaited gather; waiter order.
    std::vector<WaitEdge> waitsAmong(const TaskList &tasks) const;

private:
    void apply(TaskList &tasks, const RunEvent &e) const;

    std::shared_ptr<const Program> m_program;
    RunEventLog m_events;
    TaskList m_live;
    std::vector<std::vector<TaskId>> m_gatherChildren;  ///< index = gather id

    std::uint64_t m_budget = 0;
    Compaction m_compaction = Compaction::WhenAsked;
    std::function<void(const LimitStop &)> m_onFull;
    std::uint32_t m_sinceBudgetCheck = 0;
    bool m_wantsThinning = false;
    bool m_full = false;
    std::int64_t m_thinnedBeforeNs = -1;
};

}  // namespace tusk
