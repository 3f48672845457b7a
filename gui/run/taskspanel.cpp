#include "taskspanel.h"

#include "numberformat.h"
#include "runstyle.h"
#include "tasktablemodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>
#include <utility>

namespace tusk {

/// Text matches the task, coroutine or variable name; the state filter is one state, every unfinished
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
    // Both read the task records directly: with ten thousand rows, going through data() and
    // QVariant for every comparison would make each update sort for tens of milliseconds.
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (parent.isValid())
            return false;
        const TaskSnapshot *t = task(row);
        if (!t)
            return false;
        if (m_state == ActiveStates && isFinalState(t->state))
            return false;
        if (m_state >= 0 && int(t->state) != m_state)
            return false;
        const QRegularExpression re = filterRegularExpression();
        if (re.pattern().isEmpty())
            return true;
        return t->name.contains(re) || (t->coroutine + QStringLiteral("()")).contains(re) || t->variable.contains(re);
    }

    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const TaskSnapshot *a = task(left.row());
        const TaskSnapshot *b = task(right.row());
        if (!a || !b)
            return QSortFilterProxyModel::lessThan(left, right);
        const auto finished = [](const TaskSnapshot *t) {
            return t->finishedNs < 0 ? std::numeric_limits<std::int64_t>::max() : t->finishedNs;
        };
        // Ties fall back to the task number, so that equal keys keep a stable, useful order.
        const auto byKey = [&](auto ka, auto kb) { return ka != kb ? ka < kb : a->id < b->id; };
        switch (left.column()) {
        case TaskTableModel::NameColumn: {
            const int c = QString::localeAwareCompare(a->name, b->name);
            return c != 0 ? c < 0 : a->id < b->id;
        }
        case TaskTableModel::CoroutineColumn: {
            const int c = QString::localeAwareCompare(a->coroutine, b->coroutine);
            return c != 0 ? c < 0 : a->id < b->id;
        }
        case TaskTableModel::VariableColumn: {
            const int c = QString::localeAwareCompare(a->variable, b->variable);
            return c != 0 ? c < 0 : a->id < b->id;
        }
        case TaskTableModel::StateColumn:
            return byKey(int(a->state), int(b->state));
        case TaskTableModel::CreatedColumn:
            return byKey(a->createdNs, b->createdNs);
        case TaskTableModel::FinishedColumn:
            return byKey(finished(a), finished(b));
        case TaskTableModel::ResultColumn: {
            const int c = QString::localeAwareCompare(a->outcome, b->outcome);
            return c != 0 ? c < 0 : a->id < b->id;
        }
        default:
            return a->id < b->id;
        }
    }

private:
    const TaskSnapshot *task(int row) const
    {
        const auto *model = static_cast<const TaskTableModel *>(sourceModel());
        const TaskList &tasks = model->tasks();
        return row >= 0 && row < model->rowCount() && std::size_t(row) < tasks.size() ? &tasks[std::size_t(row)]
                                                                                      : nullptr;
    }

    int m_state = AllStates;
};

TasksPanel::TasksPanel(QWidget *parent)
    : QWidget(parent)
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
    // After the view's own handler, which sorts the proxy by the clicked column.
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &TasksPanel::updateSortOrder);
    updateSortOrder();
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                emit coroutineRequested(ItemId(current.data(TaskTableModel::CoroutineIdRole).toULongLong()));
        });
    retranslate();
}

void TasksPanel::fitColumns()
{
    // Each column as wide as its heading needs (sort arrow included: any column can be the
    // sorted one) or as its usual content, in this font and language: nothing is cut in
    // Russian or at 144 DPI. Measured, not fixed, so that the numbers follow the font.
    const QFontMetrics fm = m_view->fontMetrics();
    const int padding = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 6;
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 4;
    auto widest = [&fm](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts)
            w = std::max(w, fm.horizontalAdvance(t));
        return w;
    };
    QStringList states;
    for (int s = int(TaskState::Pending); s <= int(TaskState::Failed); ++s)
        states << RunStyle::stateName(TaskState(s));
    states << TaskTableModel::tr("%1 until %2")
                  .arg(RunStyle::stateName(TaskState::Sleeping), NumberFormat::seconds(99'900'000'000))
           << RunStyle::tr("Waiting for %1").arg(taskLabel(QStringLiteral("Task-99"), QStringLiteral("worker"), {}));
    const int content[TaskTableModel::ColumnCount] = {
        fm.horizontalAdvance(QStringLiteral("9999")),
        fm.horizontalAdvance(QStringLiteral("Task-9999")),
        fm.horizontalAdvance(QStringLiteral("coroutine()")),
        fm.horizontalAdvance(QStringLiteral("variable")),
        widest(states) + icon,
        fm.horizontalAdvance(NumberFormat::seconds(99'900'000'000)),
        fm.horizontalAdvance(NumberFormat::seconds(99'900'000'000)),
        fm.horizontalAdvance(QStringLiteral("ValueError('…')")),
    };
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < TaskTableModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, std::max(header->sectionSizeHint(column), content[column] + padding));
}

void TasksPanel::updateSortOrder()
{
    // Every order sorts for real: skipping the sort for # ascending (sort(-1)) was tried and
    // undone in 0ec9150, when panels shown during and after a run disagreed.
    const QHeaderView *header = m_view->horizontalHeader();
    m_filter->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

void TasksPanel::showLive(const TaskList &tasks)
{
    m_model->showLive(tasks);
}

void TasksPanel::showSnapshot(TaskList &&tasks)
{
    m_model->showSnapshot(std::move(tasks));
}

void TasksPanel::clear()
{
    m_model->clear();
}

void TasksPanel::retranslate()
{
    m_filterEdit->setPlaceholderText(tr("Filter by task, coroutine or variable"));
    const int current = m_stateFilter->currentIndex();
    const QSignalBlocker block(m_stateFilter);
    m_stateFilter->clear();
    m_stateFilter->addItem(tr("All states"), TaskFilterModel::AllStates);
    m_stateFilter->addItem(tr("Unfinished"), TaskFilterModel::ActiveStates);
    for (int s = int(TaskState::Pending); s <= int(TaskState::Failed); ++s)
        m_stateFilter->addItem(RunStyle::stateIcon(TaskState(s)), RunStyle::stateName(TaskState(s)), s);
    m_stateFilter->setCurrentIndex(qMax(0, current));
    fitColumns();
}

void TasksPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitColumns();
    QWidget::changeEvent(event);
}

}  // namespace tusk
