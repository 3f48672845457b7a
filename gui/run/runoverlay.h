#pragma once

#include "runrecording.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <array>

namespace tusk {

class DiagramScene;

/// Live state on the canvas: above each coroutine node, how many of its tasks are in each
/// state (icon + count); beside each row some task is at, a mark in the state's colour and
/// shape (and, for a sleeper, the time left). Drawn by items of its own over the nodes, so the
/// editor's items need no change; updated once per frame from the task list.
class RunOverlay : public QObject {
    Q_OBJECT
public:
    static constexpr int StateCount = int(TaskState::Failed) + 1;
    using Counts = std::array<int, StateCount>;

    explicit RunOverlay(DiagramScene *scene, QObject *parent = nullptr);
    ~RunOverlay() override;

    /// Shows `tasks` as they are at virtual time `nowNs`.
    void setTasks(const TaskList &tasks, std::int64_t nowNs);
    void clear();
    bool isEmpty() const { return m_items.isEmpty(); }
    /// The scene the marks are drawn on (null once it is gone).
    DiagramScene *scene() const;

    /// How many of `coroutine`'s tasks are in each state (for tests and tooltips).
    Counts counts(ItemId coroutine) const;
    /// The state shown at `step`'s row, or -1 when no unfinished task is there.
    int rowState(ItemId step) const;

private:
    class NodeOverlay;
    QPointer<DiagramScene> m_scene;  ///< the scene deletes our items when it goes first
    QHash<ItemId, NodeOverlay *> m_items;
};

}  // namespace tusk
