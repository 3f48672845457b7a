#include "coroutinecommands.h"

#include "document.h"
#include "modeledit.h"

#include <QCoreApplication>
#include <QSet>

namespace tusk {

namespace {

// The calls of one step (not of the steps nested in it) that name `from`.
bool renameCalls(Step &s, const QString &from, const QString &to)
{
    bool changed = false;
    if (s.call && s.call->coroutine == from) {
        s.call->coroutine = to;
        changed = true;
    }
    for (GatherItem &item : s.items) {
        if (item.isCall && item.call.coroutine == from) {
            item.call.coroutine = to;
            changed = true;
        }
    }
    return changed;
}

}  // namespace

AddCoroutineCommand::AddCoroutineCommand(
    Document *document, Coroutine coroutine, int index, QPointF position, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_coroutine(std::move(coroutine))
    , m_index(index)
    , m_position(position)
{
    if (m_coroutine.id == kNoId)
        renumber(m_coroutine, document->mutableProject());
    setText(QCoreApplication::translate("tusk::Commands", "Add coroutine %1").arg(m_coroutine.name));
}

void AddCoroutineCommand::redo()
{
    auto &list = m_document->mutableProject().coroutines;
    const auto at = std::clamp<std::ptrdiff_t>(m_index, 0, std::ptrdiff_t(list.size()));
    list.insert(list.begin() + at, m_coroutine);
    m_document->setPosition(m_coroutine.id, m_position);
    m_document->modelChanged();
    m_document->requestFocus(m_coroutine.id);
}

void AddCoroutineCommand::undo()
{
    auto &list = m_document->mutableProject().coroutines;
    const int i = coroutineIndex(m_document->project(), m_coroutine.id);
    if (i >= 0)
        list.erase(list.begin() + i);
    m_document->removePosition(m_coroutine.id);
    m_document->modelChanged();
}

RemoveCoroutineCommand::RemoveCoroutineCommand(Document *document, ItemId coroutine, QUndoCommand *parent)
    : DocumentCommand(document, parent)
{
    m_index = coroutineIndex(document->project(), coroutine);
    if (m_index >= 0)
        m_coroutine = document->project().coroutines[std::size_t(m_index)];
    m_position = document->position(coroutine);
    setText(QCoreApplication::translate("tusk::Commands", "Delete coroutine %1").arg(m_coroutine.name));
}

void RemoveCoroutineCommand::redo()
{
    auto &list = m_document->mutableProject().coroutines;
    const int i = coroutineIndex(m_document->project(), m_coroutine.id);
    if (i < 0)
        return;
    list.erase(list.begin() + i);
    m_document->removePosition(m_coroutine.id);
    m_document->modelChanged();
}

void RemoveCoroutineCommand::undo()
{
    if (m_index < 0)
        return;
    auto &list = m_document->mutableProject().coroutines;
    list.insert(list.begin() + std::min<std::ptrdiff_t>(m_index, std::ptrdiff_t(list.size())), m_coroutine);
    m_document->setPosition(m_coroutine.id, m_position);
    m_document->modelChanged();
    m_document->requestFocus(m_coroutine.id);
}

MoveCoroutinesCommand::MoveCoroutinesCommand(
    Document *document, QHash<ItemId, QPointF> from, QHash<ItemId, QPointF> to, bool nudge, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_from(std::move(from))
    , m_to(std::move(to))
    , m_nudge(nudge)
{
    setText(m_to.size() == 1 ? QCoreApplication::translate("tusk::Commands", "Move coroutine")
                             : QCoreApplication::translate("tusk::Commands", "Move coroutines"));
}

bool MoveCoroutinesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveCoroutinesCommand *>(other);
    if (!m_nudge || !move->m_nudge
        || QSet<ItemId>(move->m_to.keyBegin(), move->m_to.keyEnd()) != QSet<ItemId>(m_to.keyBegin(), m_to.keyEnd()))
        return false;
    m_to = move->m_to;
    return true;
}

void MoveCoroutinesCommand::redo()
{
    apply(m_to);
}

void MoveCoroutinesCommand::undo()
{
    apply(m_from);
}

void MoveCoroutinesCommand::apply(const QHash<ItemId, QPointF> &positions)
{
    for (auto it = positions.begin(); it != positions.end(); ++it)
        m_document->setPosition(it.key(), it.value());
    m_document->modelChanged();
}

RenameCoroutineCommand::RenameCoroutineCommand(
    Document *document, ItemId coroutine, const QString &name, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_id(coroutine)
    , m_newName(name)
{
    const Project &p = document->project();
    if (const Coroutine *c = findCoroutine(p, coroutine))
        m_oldName = c->name;
    m_wasEntry = p.entry == m_oldName;
    // Only calls that reach this coroutine follow it; with a duplicate name they are ambiguous
    // and stay as they are.
    const bool unique = p.coroutineIndex(m_oldName) == coroutineIndex(p, coroutine);
    if (unique) {
        for (const Coroutine &c : p.coroutines) {
            forEachStep(c.body, [this](const Step &s) {
                Step copy = s;
                if (renameCalls(copy, m_oldName, m_newName))
                    m_callers.push_back(s.id);
            });
        }
    } else {
        m_wasEntry = false;
    }
    setText(QCoreApplication::translate("tusk::Commands", "Rename %1 to %2").arg(m_oldName, m_newName));
}

void RenameCoroutineCommand::redo()
{
    rename(m_oldName, m_newName);
}

void RenameCoroutineCommand::undo()
{
    rename(m_newName, m_oldName);
}

void RenameCoroutineCommand::rename(const QString &from, const QString &to)
{
    Project &p = m_document->mutableProject();
    if (Coroutine *c = findCoroutine(p, m_id))
        c->name = to;
    for (ItemId id : m_callers) {
        if (Step *s = p.findStep(id))
            renameCalls(*s, from, to);
    }
    if (m_wasEntry)
        p.entry = to;
    // Editor data kept under the old name (other than the position) follows the coroutine.
    if (p.layout.isObject()) {
        for (JsonValue::Member &m : p.layout.members()) {
            if (m.first == from) {
                m.first = to;
                break;
            }
        }
    }
    m_document->modelChanged();
    m_document->requestFocus(m_id);
}

SetParamsCommand::SetParamsCommand(
    Document *document, ItemId coroutine, const QStringList &params, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_id(coroutine)
    , m_new(params)
{
    if (const Coroutine *c = findCoroutine(document->project(), coroutine)) {
        m_old = c->params;
        setText(QCoreApplication::translate("tusk::Commands", "Change parameters of %1").arg(c->name));
    }
}

void SetParamsCommand::redo()
{
    apply(m_new);
}

void SetParamsCommand::undo()
{
    apply(m_old);
}

void SetParamsCommand::apply(const QStringList &params)
{
    if (Coroutine *c = findCoroutine(m_document->mutableProject(), m_id))
        c->params = params;
    m_document->modelChanged();
    m_document->requestFocus(m_id);
}

SetDocCommand::SetDocCommand(Document *document, ItemId coroutine, const QString &doc, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_id(coroutine)
    , m_new(doc)
{
    if (const Coroutine *c = findCoroutine(document->project(), coroutine)) {
        m_old = c->doc;
        setText(QCoreApplication::translate("tusk::Commands", "Change description of %1").arg(c->name));
    }
}

void SetDocCommand::redo()
{
    apply(m_new);
}

void SetDocCommand::undo()
{
    apply(m_old);
}

void SetDocCommand::apply(const QString &doc)
{
    if (Coroutine *c = findCoroutine(m_document->mutableProject(), m_id))
        c->doc = doc;
    m_document->modelChanged();
    m_document->requestFocus(m_id);
}

}  // namespace tusk
