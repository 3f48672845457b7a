#pragma once

#include "runrecording.h"

#include <QAbstractTableModel>
#include <vector>

namespace tusk {

/// Every task of a run as a table: the live tasks while a run goes on (read in place from the
/// recording, never copied), or the tasks at a moment of a finished run. Rows are only ever
/// added (task ids never go away), so views keep their selection and scroll position.
class TaskTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        CoroutineColumn,
        VariableColumn,
        StateColumn,
        CreatedColumn,
        FinishedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, StateRole, CoroutineIdRole };

    explicit TaskTableModel(QObject *parent = nullptr);

    /// Shows a recording's live task list (which must outlive the model or the next call) and
    /// takes in what changed since the last call: new rows, and one dataChanged for the rest.
    void showLive(const TaskList &tasks);
    /// Shows the tasks at one moment of a finished run.
    void showSnapshot(TaskList &&tasks);
    /// The run the tasks belong to, for what a gather waits on (may be null; must outlive the
    /// model or the next call).
    void setRecording(const RunRecording *recording) { m_recording = recording; }
    void clear();
    /// The tasks shown (index = row in the model).
    const TaskList &tasks() const { return m_source ? *m_source : m_own; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void follow(const TaskList *source);
    QString gatherToolTip(const TaskSnapshot &t) const;

    const TaskList *m_source = nullptr;  ///< the list shown: a recording's, or m_own
    const RunRecording *m_recording = nullptr;
    TaskList m_own;
    int m_rows = 0;  ///< rows the views know about
};

}  // namespace tusk
