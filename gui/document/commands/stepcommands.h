#pragma once

#include "documentcommand.h"
#include "modeledit.h"

namespace tusk {

/// Inserts a step (with what is nested in it) into a list.
class InsertStepCommand : public DocumentCommand {
public:
    /// Gives `step` and its nested steps fresh ids when it has none.
    InsertStepCommand(Document *document, const StepList &list, int index, Step step, QUndoCommand *parent = nullptr);
    ItemId stepId() const { return m_step.id; }
    void redo() override;
    void undo() override;

private:
    StepList m_list;
    int m_index;
    Step m_step;
};

/// Removes a step and what is nested in it.
class RemoveStepCommand : public DocumentCommand {
public:
    RemoveStepCommand(Document *document, ItemId step, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    StepPlace m_place;
    Step m_step;
};

/// Moves a step to a position of a list, in the same coroutine or another. `index` counts
/// positions before the move, as a drop indicator shows them.
class MoveStepCommand : public DocumentCommand {
public:
    MoveStepCommand(Document *document, ItemId step, const StepList &to, int index, QUndoCommand *parent = nullptr);
    /// False when the move would change nothing or put a step inside itself.
    bool isValid() const { return m_valid; }
    void redo() override;
    void undo() override;

private:
    ItemId m_id;
    StepPlace m_from;
    StepList m_to;
    int m_toIndex;  ///< index in the destination after the step left its old place
    bool m_valid = false;
};

/// Replaces the fields of a step. Consecutive edits of one field of one step, in one editing
/// session (typing in a field), merge into a single command.
class EditStepCommand : public DocumentCommand {
public:
    /// `mergeKey` names the field and the editing session; empty never merges.
    EditStepCommand(Document *document, Step after, const QString &text, const QString &mergeKey = {},
        QUndoCommand *parent = nullptr);
    int id() const override { return EditStepId; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    void apply(const Step &step);
    Step m_before;
    Step m_after;
    QString m_mergeKey;
};

}  // namespace tusk
