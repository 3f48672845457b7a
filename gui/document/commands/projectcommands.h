#pragma once

#include "documentcommand.h"

#include <QString>

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

}  // namespace tusk
