#include "projectcommands.h"

#include "autolayout.h"
#include "document.h"
#include "modeledit.h"
#include "nodemetrics.h"

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

ReplaceProgramCommand::ReplaceProgramCommand(Document *document, Project program, QUndoCommand *parent)
    : DocumentCommand(document, parent)
{
    setText(QCoreApplication::translate("tusk::Commands", "Apply Python"));
    const Project &current = document->project();
    m_old.title = current.title;
    m_old.entry = current.entry;
    m_old.coroutines = current.coroutines;
    for (const Coroutine &c : current.coroutines)
        m_old.positions.insert(c.id, document->position(c.id));

    // Fresh ids from the open project, so that nothing the undo stack remembers is reused.
    Project &ids = document->mutableProject();
    for (Coroutine &c : program.coroutines) {
        c.id = ids.newId();
        forEachStep(c.body, [&ids](Step &s) { s.id = ids.newId(); });
    }
    m_new.title = program.title;
    m_new.entry = program.entry;
    // Kept names keep their places; the others are laid out on their own, below.
    qreal bottom = -1;
    for (const Coroutine &c : program.coroutines) {
        if (const Coroutine *old = current.findCoroutine(c.name)) {
            const QPointF at = m_old.positions.value(old->id);
            m_new.positions.insert(c.id, at);
            bottom = std::max(bottom, at.y() + NodeMetrics::heightFor(c));
        }
    }
    for (const Coroutine &c : program.coroutines) {
        if (!m_new.positions.contains(c.id) && m_firstNew == kNoId)
            m_firstNew = c.id;
    }
    if (m_new.positions.size() < qsizetype(program.coroutines.size())) {
        const QHash<ItemId, QPointF> automatic = autoLayout(program);
        const QPointF offset(0, m_new.positions.isEmpty() ? 0 : bottom + 80);
        for (const Coroutine &c : program.coroutines) {
            if (!m_new.positions.contains(c.id))
                m_new.positions.insert(c.id, automatic.value(c.id) + offset);
        }
    }
    m_new.coroutines = std::move(program.coroutines);
}

void ReplaceProgramCommand::redo()
{
    apply(m_old, m_new);
    if (m_firstNew != kNoId)
        m_document->requestFocus(m_firstNew);  // a new coroutine is shown, wherever it was placed
}

void ReplaceProgramCommand::undo()
{
    apply(m_new, m_old);
}

void ReplaceProgramCommand::apply(const Program &from, const Program &to)
{
    Project &p = m_document->mutableProject();
    p.title = to.title;
    p.entry = to.entry;
    p.coroutines = to.coroutines;
    for (auto it = from.positions.begin(); it != from.positions.end(); ++it)
        m_document->removePosition(it.key());
    for (auto it = to.positions.begin(); it != to.positions.end(); ++it)
        m_document->setPosition(it.key(), it.value());
    m_document->modelChanged();
}

}  // namespace tusk
