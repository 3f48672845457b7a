#pragma once

#include "documentcommand.h"
#include "project.h"

#include <QHash>
#include <QPointF>

namespace tusk {

/// Adds a coroutine (with its steps) at an index of the project and a place on the canvas.
class AddCoroutineCommand : public DocumentCommand {
public:
    /// Gives `coroutine` and its steps fresh ids when it has none.
    AddCoroutineCommand(
        Document *document, Coroutine coroutine, int index, QPointF position, QUndoCommand *parent = nullptr);
    ItemId coroutineId() const { return m_coroutine.id; }
    void redo() override;
    void undo() override;

private:
    Coroutine m_coroutine;
    int m_index;
    QPointF m_position;
};

/// Removes a coroutine; calls to it stay and are reported by validation until fixed.
class RemoveCoroutineCommand : public DocumentCommand {
public:
    RemoveCoroutineCommand(Document *document, ItemId coroutine, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    Coroutine m_coroutine;
    int m_index = -1;
    QPointF m_position;
};

/// Moves nodes on the canvas. A drag is one command, pushed when the mouse is released;
/// consecutive keyboard nudges of the same nodes merge into one.
class MoveCoroutinesCommand : public DocumentCommand {
public:
    MoveCoroutinesCommand(Document *document, QHash<ItemId, QPointF> from, QHash<ItemId, QPointF> to,
        bool nudge = false, QUndoCommand *parent = nullptr);
    int id() const override { return MoveCoroutinesId; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    void apply(const QHash<ItemId, QPointF> &positions);
    QHash<ItemId, QPointF> m_from;
    QHash<ItemId, QPointF> m_to;
    bool m_nudge;
};

/// Renames a coroutine and, like a refactoring, every call to it and the entry when it was
/// the entry: the program keeps meaning the same.
class RenameCoroutineCommand : public DocumentCommand {
public:
    RenameCoroutineCommand(Document *document, ItemId coroutine, const QString &name, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void rename(const QString &from, const QString &to);
    ItemId m_id;
    QString m_oldName;
    QString m_newName;
    std::vector<ItemId> m_callers;  ///< steps whose calls were renamed
    bool m_wasEntry = false;
};

/// Sets a coroutine's parameter list.
class SetParamsCommand : public DocumentCommand {
public:
    SetParamsCommand(Document *document, ItemId coroutine, const QStringList &params, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const QStringList &params);
    ItemId m_id;
    QStringList m_old;
    QStringList m_new;
};

/// Sets a coroutine's description (its docstring in Python).
class SetDocCommand : public DocumentCommand {
public:
    SetDocCommand(Document *document, ItemId coroutine, const QString &doc, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const QString &doc);
    ItemId m_id;
    QString m_old;
    QString m_new;
};

}  // namespace tusk
