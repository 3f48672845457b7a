#pragma once

#include "documentcommand.h"
#include "project.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <vector>

namespace tusk {

/// Sets the project's title; typing merges.
class SetTitleCommand : public DocumentCommand {
public:
    SetTitleCommand(Document *document, const QString &title, QUndoCommand *parent = nullptr);
    int id() const override { return SetTitleId; }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    QString m_old;
    QString m_new;
};

/// Chooses the entry coroutine (what asyncio.run() starts).
class SetEntryCommand : public DocumentCommand {
public:
    SetEntryCommand(Document *document, const QString &entry, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    QString m_old;
    QString m_new;
};

/// Replaces the program (title, entry, coroutines) with one read from Python: Apply in the
/// code view. Coroutines that keep their names keep their places on the canvas; new ones are
/// laid out below them.
class ReplaceProgramCommand : public DocumentCommand {
public:
    ReplaceProgramCommand(Document *document, Project program, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    struct Program {
        QString title;
        QString entry;
        std::vector<Coroutine> coroutines;
        QHash<ItemId, QPointF> positions;
    };
    void apply(const Program &from, const Program &to);
    Program m_old;
    Program m_new;
    ItemId m_firstNew = kNoId;  ///< the first coroutine the old program did not have
};

}  // namespace tusk
