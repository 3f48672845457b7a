#pragma once

#include "runrecording.h"

#include <QAbstractTableModel>

#include <vector>

namespace tusk {

/// Every task of a run as a table: the live tasks while a run goes on, or the tasks at a
/// moment of a finished run. Updated once per frame with the whole task list; rows are only
/// ever added (task ids never go away), so views keep their selection and scroll position.
class TaskTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, CoroutineColumn, StateColumn, CreatedColumn, FinishedColumn, ResultColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, StateRole, CoroutineIdRole };

    explicit TaskTableModel(QObject *parent = nullptr);

    /// Replaces the shown tasks; a shorter list than before (a new run) resets the model.
    void setTasks(const std::vector<TaskSnapshot> &tasks);
    void clear();
    const std::vector<TaskSnapshot> &tasks() const { return m_tasks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<TaskSnapshot> m_tasks;
};

} // namespace tusk
