#include "tasktablemodel.h"

#include "numberformat.h"
#include "runstyle.h"
#include "theme.h"

namespace tusk {

TaskTableModel::TaskTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TaskTableModel::showLive(const TaskList &tasks)
{
    follow(&tasks);
}

void TaskTableModel::showSnapshot(TaskList &&tasks)
{
    m_own = std::move(tasks);
    follow(&m_own);
}

void TaskTableModel::follow(const TaskList *source)
{
    // Rows are removed or inserted at the end, never reset: a view keeps its selection and
    // scroll position while a run goes on and while the user scrubs through a finished one.
    m_source = source;
    const int size = int(source->size());
    const int old = m_rows;
    if (size < old) {
        beginRemoveRows({}, size, old - 1);
        m_rows = size;
        endRemoveRows();
    } else if (size > old) {
        beginInsertRows({}, old, size - 1);
        m_rows = size;
        endInsertRows();
    }
    // One signal for every old row: cheaper than finding which ones changed.
    const int kept = std::min(old, size);
    if (kept > 0)
        emit dataChanged(index(0, 0), index(kept - 1, ColumnCount - 1));
}

void TaskTableModel::clear()
{
    beginResetModel();
    m_source = nullptr;
    m_recording = nullptr;
    m_own.clear();
    m_rows = 0;
    endResetModel();
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || std::size_t(index.row()) >= tasks().size())
        return {};
    const TaskSnapshot &t = tasks()[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            // Text, not an int the delegate would group by locale ("10 000"): the number in
            // Task-10000.
            return QString::number(t.id);
        case NameColumn:
            return t.name;
        case CoroutineColumn:
            return t.coroutine + QStringLiteral("()");
        case VariableColumn:
            return t.variable;
        case StateColumn:
            return RunStyle::stateText(t, tasks(), m_recording);
        case CreatedColumn:
            return NumberFormat::seconds(t.createdNs);
        case FinishedColumn:
            return t.finishedNs < 0 ? QString() : NumberFormat::seconds(t.finishedNs);
        case ResultColumn:
            return t.outcome;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return RunStyle::stateIcon(t.state);
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn || index.column() == CoroutineColumn || index.column() == VariableColumn)
            return t.label();
        if (index.column() == StateColumn)
            return gatherToolTip(t);
        if (index.column() == ResultColumn)
            return t.outcome;
        break;
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return int(t.id);
        case NameColumn:
            return t.name;
        case CoroutineColumn:
            return t.coroutine;
        case VariableColumn:
            return t.variable;
        case StateColumn:
            return int(t.state);
        case CreatedColumn:
            return qlonglong(t.createdNs);
        case FinishedColumn:
            return qlonglong(t.finishedNs < 0 ? std::numeric_limits<qint64>::max() : t.finishedNs);
        case ResultColumn:
            return t.outcome;
        }
        break;
    case StateRole:
        return int(t.state);
    case CoroutineIdRole:
        return qulonglong(t.coroutineId);
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == CreatedColumn || index.column() == FinishedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QString TaskTableModel::gatherToolTip(const TaskSnapshot &t) const
{
    // The state column says how many a gather still waits for; the tooltip says which.
    QString text = RunStyle::stateText(t, tasks(), m_recording);
    if (t.state != TaskState::WaitingGather || !m_recording)
        return text;
    constexpr int kListed = 10;
    int listed = 0;
    int more = 0;
    for (TaskId child : m_recording->gatherChildren(t.waitsOn)) {
        if (child < 1 || child > tasks().size() || isFinalState(tasks()[child - 1].state))
            continue;
        if (listed < kListed) {
            text += QStringLiteral("\n• ") + tasks()[child - 1].label();
            ++listed;
        } else {
            ++more;
        }
    }
    if (more > 0)
        text += QStringLiteral("\n") + tr("… and %1 more").arg(more);
    return text;
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case NameColumn:
        return tr("Task");
    case CoroutineColumn:
        return tr("Coroutine");
    case VariableColumn:
        return tr("Variable");
    case StateColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Created");
    case FinishedColumn:
        return tr("Finished");
    case ResultColumn:
        return tr("Result or exception");
    }
    return {};
}

}  // namespace tusk
