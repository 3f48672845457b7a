#include "taskspanel.h"

#include "runstyle.h"
#include "tasktablemodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tusk {

/// Text matches the task or coroutine name; the state filter is one state, every unfinished
/// state ("Active"), or everything.
class TaskFilterModel : public QSortFilterProxyModel {
public:
    static constexpr int AllStates = -1;
    static constexpr int ActiveStates = -2;
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setState(int state)
    {
        m_state = state;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex idx = sourceModel()->index(row, 0, parent);
        const int state = idx.data(TaskTableModel::StateRole).toInt();
        if (m_state == ActiveStates && isFinalState(TaskState(state)))
            return false;
        if (m_state >= 0 && state != m_state)
            return false;
        const QRegularExpression re = filterRegularExpression();
        if (re.pattern().isEmpty())
            return true;
        return sourceModel()->index(row, TaskTableModel::NameColumn, parent).data().toString().contains(re)
               || sourceModel()->index(row, TaskTableModel::CoroutineColumn, parent).data().toString().contains(re);
    }

private:
    int m_state = AllStates;
};

TasksPanel::TasksPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tasksPanel"));
    m_model = new TaskTableModel(this);
    m_filter = new TaskFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(TaskTableModel::SortRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("taskFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("taskStateFilter"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("tasksView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TaskTableModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->verticalHeader()->hide();
    // Fixed row height: with ten thousand tasks, measuring every row would stall the window.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(TaskTableModel::IdColumn, 48);
    m_view->setColumnWidth(TaskTableModel::NameColumn, 120);
    m_view->setColumnWidth(TaskTableModel::CoroutineColumn, 120);
    m_view->setColumnWidth(TaskTableModel::StateColumn, 190);
    m_view->setColumnWidth(TaskTableModel::CreatedColumn, 80);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_stateFilter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setState(m_stateFilter->currentData().toInt()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            emit coroutineRequested(ItemId(current.data(TaskTableModel::CoroutineIdRole).toULongLong()));
    });
    retranslate();
}

void TasksPanel::setTasks(const std::vector<TaskSnapshot> &tasks)
{
    m_model->setTasks(tasks);
}

void TasksPanel::clear()
{
    m_model->clear();
}

void TasksPanel::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter by task or coroutine"));
    const int current = m_stateFilter->currentIndex();
    const QSignalBlocker block(m_stateFilter);
    m_stateFilter->clear();
    m_stateFilter->addItem(tr("All states"), TaskFilterModel::AllStates);
    m_stateFilter->addItem(tr("Unfinished"), TaskFilterModel::ActiveStates);
    for (int s = int(TaskState::Pending); s <= int(TaskState::Failed); ++s)
        m_stateFilter->addItem(RunStyle::stateIcon(TaskState(s)), RunStyle::stateName(TaskState(s)), s);
    m_stateFilter->setCurrentIndex(qMax(0, current));
}

void TasksPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace tusk
