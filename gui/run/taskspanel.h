#pragma once

#include "project.h"
#include "runrecording.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace tusk {

class TaskFilterModel;
class TaskTableModel;

/// The Tasks panel: every task of the run with its state, sortable by any column and
/// filtered by text (task or coroutine name) and by state. Choosing a task asks for its
/// coroutine to be shown on the canvas.
class TasksPanel : public QWidget {
    Q_OBJECT
public:
    explicit TasksPanel(QWidget *parent = nullptr);

    /// Follows a run's live task list (see TaskTableModel::showLive).
    void showLive(const TaskList &tasks);
    /// Shows the tasks at one moment of a finished run.
    void showSnapshot(TaskList &&tasks);
    void clear();
    TaskTableModel *model() const { return m_model; }
    TaskFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *stateFilter() const { return m_stateFilter; }

signals:
    void coroutineRequested(tusk::ItemId coroutine);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    /// Column widths from the headings' and the usual contents' text widths.
    void fitColumns();
    void updateSortOrder();

    TaskTableModel *m_model;
    TaskFilterModel *m_filter;
    QLineEdit *m_filterEdit;
    QComboBox *m_stateFilter;
    QTableView *m_view;
};

}  // namespace tusk
