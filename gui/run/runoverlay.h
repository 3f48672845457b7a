#pragma once

#include "runrecording.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <array>
#include <vector>

namespace tusk {

class DiagramScene;
class WaitArrowItem;

/// Live state on the canvas: above each coroutine node, how many of its tasks are in each
/// state (icon + count); beside each row some task is at, a mark in the state's colour and
/// shape (and, for a sleeper, the time left), whose tooltip names the tasks there; and who
/// waits on whom: a dashed arrow from the row where a task awaits to the row where the task
/// it awaits is now (for a gather, to each unfinished child), one arrow with a count for all
/// the waits between the same two rows. Drawn by items of its own over the nodes, so the
/// editor's items need no change; updated once per frame from the task list.
class RunOverlay : public QObject {
    Q_OBJECT
public:
    static constexpr int StateCount = int(TaskState::Failed) + 1;
    using Counts = std::array<int, StateCount>;

    explicit RunOverlay(DiagramScene *scene, QObject *parent = nullptr);
    ~RunOverlay() override;

    /// Shows `tasks` as they are at virtual time `nowNs`; `recording` (the run they belong
    /// to) tells which tasks a gather waits on, without it only direct awaits are drawn.
    void setTasks(const TaskList &tasks, std::int64_t nowNs, const RunRecording *recording = nullptr);
    /// Places every mark and arrow again after nodes moved (the tasks shown stay the same).
    void relayout();
    void clear();
    bool isEmpty() const { return m_items.isEmpty(); }
    /// The scene the marks are drawn on (null once it is gone).
    DiagramScene *scene() const;

    /// One drawn wait arrow: the waits from tasks at `fromStep` to tasks at `toStep` (or, for
    /// tasks that have not started, to the node of `toCoroutine`, toStep being kNoId).
    struct WaitArrow {
        ItemId fromCoroutine = kNoId;
        ItemId fromStep = kNoId;
        ItemId toStep = kNoId;
        ItemId toCoroutine = kNoId;
        int count = 0;
        QString toolTip;  ///< who waits for whom (the first wait, when there are several)
        WaitArrowItem *item = nullptr;  ///< null while an end is not on the canvas
    };
    const std::vector<WaitArrow> &waitArrows() const { return m_arrows; }
    /// The tooltip of the mark at `step`'s row: the tasks there and what each is doing.
    QString rowToolTip(ItemId step) const;

    /// How many of `coroutine`'s tasks are in each state (for tests and tooltips).
    Counts counts(ItemId coroutine) const;
    /// The state shown at `step`'s row, or -1 when no unfinished task is there.
    int rowState(ItemId step) const;
    /// The coroutine whose node draws `step`'s mark (the one holding the row, whatever task is
    /// there), or kNoId when the row has none.
    ItemId rowNode(ItemId step) const;

private:
    class NodeOverlay;
    class TipArea;
    void layoutArrows();

    QPointer<DiagramScene> m_scene;  ///< the scene deletes our items when it goes first
    QHash<ItemId, NodeOverlay *> m_items;
    std::vector<WaitArrow> m_arrows;
    std::vector<WaitArrowItem *> m_arrowItems;  ///< reused from frame to frame
};

}  // namespace tusk
