#include "projectcommands.h"

#include "document.h"

#include <QCoreApplication>

namespace tusk {

SetTitleCommand::SetTitleCommand(Document *document, const QString &title, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_old(document->project().title)
    , m_new(title)
{
    setText(QCoreApplication::translate("tusk::Commands", "Change title"));
}

bool SetTitleCommand::mergeWith(const QUndoCommand *other)
{
    m_new = static_cast<const SetTitleCommand *>(other)->m_new;
    setObsolete(m_new == m_old);
    return true;
}

void SetTitleCommand::redo()
{
    m_document->mutableProject().title = m_new;
    m_document->modelChanged();
}

void SetTitleCommand::undo()
{
    m_document->mutableProject().title = m_old;
    m_document->modelChanged();
}

SetEntryCommand::SetEntryCommand(Document *document, const QString &entry, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_old(document->project().entry)
    , m_new(entry)
{
    setText(QCoreApplication::translate("tusk::Commands", "Set entry coroutine %1").arg(entry));
}

void SetEntryCommand::redo()
{
    m_document->mutableProject().entry = m_new;
    m_document->modelChanged();
}

void SetEntryCommand::undo()
{
    m_document->mutableProject().entry = m_old;
    m_document->modelChanged();
}

}  // namespace tusk
