#include "stepcommands.h"

#include "document.h"
#include "stepcode.h"

#include <QCoreApplication>

namespace tusk {

InsertStepCommand::InsertStepCommand(
    Document *document, const StepList &list, int index, Step step, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_list(list)
    , m_index(index)
    , m_step(std::move(step))
{
    if (m_step.id == kNoId)
        renumber(m_step, document->mutableProject());
    setText(QCoreApplication::translate("tusk::Commands", "Add %1").arg(stepOpName(m_step.op)));
}

void InsertStepCommand::redo()
{
    std::vector<Step> *list = resolveList(m_document->mutableProject(), m_list);
    if (!list)
        return;
    const auto at = std::clamp<std::ptrdiff_t>(m_index, 0, std::ptrdiff_t(list->size()));
    list->insert(list->begin() + at, m_step);
    m_document->modelChanged();
    m_document->requestFocus(m_step.id);
}

void InsertStepCommand::undo()
{
    StepPlace place;
    if (!locateStep(m_document->project(), m_step.id, &place))
        return;
    std::vector<Step> *list = resolveList(m_document->mutableProject(), place.list);
    list->erase(list->begin() + place.index);
    m_document->modelChanged();
}

RemoveStepCommand::RemoveStepCommand(Document *document, ItemId step, QUndoCommand *parent)
    : DocumentCommand(document, parent)
{
    if (locateStep(document->project(), step, &m_place))
        m_step = *document->project().findStep(step);
    setText(QCoreApplication::translate("tusk::Commands", "Delete %1").arg(stepOpName(m_step.op)));
}

void RemoveStepCommand::redo()
{
    StepPlace place;
    if (!locateStep(m_document->project(), m_step.id, &place))
        return;
    std::vector<Step> *list = resolveList(m_document->mutableProject(), place.list);
    list->erase(list->begin() + place.index);
    m_document->modelChanged();
}

void RemoveStepCommand::undo()
{
    std::vector<Step> *list = resolveList(m_document->mutableProject(), m_place.list);
    if (!list)
        return;
    const auto at = std::clamp<std::ptrdiff_t>(m_place.index, 0, std::ptrdiff_t(list->size()));
    list->insert(list->begin() + at, m_step);
    m_document->modelChanged();
    m_document->requestFocus(m_step.id);
}

MoveStepCommand::MoveStepCommand(Document *document, ItemId step, const StepList &to, int index, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_id(step)
    , m_to(to)
    , m_toIndex(index)
{
    const Project &p = document->project();
    const Step *s = p.findStep(step);
    const std::vector<Step> *target = resolveList(p, to);
    if (!s || !target || !locateStep(p, step, &m_from) || listInsideStep(p, to, step))
        return;
    if (m_from.list == to && index > m_from.index)
        --m_toIndex;  // the step leaves a gap before the drop position
    m_toIndex = std::clamp(m_toIndex, 0, int(target->size()) - (m_from.list == to ? 1 : 0));
    m_valid = !(m_from.list == to && m_from.index == m_toIndex);
    setText(QCoreApplication::translate("tusk::Commands", "Move %1").arg(stepOpName(s->op)));
}

void MoveStepCommand::redo()
{
    Project &p = m_document->mutableProject();
    std::vector<Step> *from = resolveList(p, m_from.list);
    if (!m_valid || !from)
        return;
    Step step = std::move((*from)[std::size_t(m_from.index)]);
    from->erase(from->begin() + m_from.index);
    std::vector<Step> *to = resolveList(p, m_to);
    to->insert(to->begin() + m_toIndex, std::move(step));
    m_document->modelChanged();
    m_document->requestFocus(m_id);
}

void MoveStepCommand::undo()
{
    Project &p = m_document->mutableProject();
    std::vector<Step> *to = resolveList(p, m_to);
    if (!m_valid || !to)
        return;
    Step step = std::move((*to)[std::size_t(m_toIndex)]);
    to->erase(to->begin() + m_toIndex);
    std::vector<Step> *from = resolveList(p, m_from.list);
    from->insert(from->begin() + m_from.index, std::move(step));
    m_document->modelChanged();
    m_document->requestFocus(m_id);
}

EditStepCommand::EditStepCommand(
    Document *document, Step after, const QString &text, const QString &mergeKey, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{
    if (const Step *s = document->project().findStep(m_after.id))
        m_before = *s;
    setText(text);
}

bool EditStepCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditStepCommand *>(other);
    if (m_mergeKey.isEmpty() || edit->m_mergeKey != m_mergeKey || edit->m_after.id != m_after.id)
        return false;
    m_after = edit->m_after;
    // Typing back to where it started leaves nothing to undo.
    setObsolete(m_after == m_before && m_after.op == m_before.op);
    return true;
}

void EditStepCommand::redo()
{
    apply(m_after);
}

void EditStepCommand::undo()
{
    apply(m_before);
}

void EditStepCommand::apply(const Step &step)
{
    if (Step *s = m_document->mutableProject().findStep(step.id))
        *s = step;
    m_document->modelChanged();
    m_document->requestFocus(step.id);
}

}  // namespace tusk
