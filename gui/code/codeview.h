#pragma once

#include "problem.h"
#include "project.h"
#include "pythonexport.h"
#include "runrecording.h"

#include <QPlainTextEdit>
#include <QWidget>
#include <vector>

namespace tusk {

class Document;
class PythonHighlighter;

/// The project as the Python `tusk export` writes, beside the diagram and always in step with
/// it: syntax-coloured, read-only, with line numbers. Selecting a row selects its line and the
/// other way round (itemSelected()). During a run, and at any moment scrubbed on the timeline,
/// each unfinished task's current line carries a mark in the gutter in its state's colour and
/// shape, like a debugger's execution pointer: several tasks on one line are counted, and the
/// tooltip names them.
class CodeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(Document *document, QWidget *parent = nullptr);

    /// Selects the lines an item (a step or a coroutine) was written on and scrolls to them.
    void showItem(ItemId id);
    /// The tasks of a run as they are at one moment (live or scrubbed); `recording` words the
    /// tooltips.
    void setTasks(const TaskList &tasks, const RunRecording *recording);
    void clearTasks();

    /// The first line (1-based) of an item, or 0.
    int lineOf(ItemId id) const;
    /// The item written on `line` (1-based), or kNoId.
    ItemId itemAtLine(int line) const;

    /// Editing: the text is the user's (edits of the diagram no longer replace it) and task
    /// marks are cleared; leaving shows the project's Python again.
    void setEditing(bool editing);
    bool isEditing() const { return m_editing; }
    /// Marks each problem's line (a tint and a "!" in the gutter, the message as its tooltip);
    /// empty to clear them.
    void setProblems(const Problems &problems);
    const QHash<int, QStringList> &problemLines() const { return m_problemLines; }
    /// The name the exported script has (messages name it): `two-tasks.py`.
    QString scriptName() const;

    /// One gutter mark: the tasks in one state on one line.
    struct LineMark {
        int line = 0;
        TaskState state = TaskState::Pending;
        int count = 0;
    };
    /// What the gutter shows, line by line (for tests and tooltips).
    const std::vector<LineMark> &marks() const { return m_marks; }
    QString markToolTip(int line) const;

signals:
    /// The user put the cursor on an item's line.
    void itemSelected(tusk::ItemId id);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Gutter;
    friend class Gutter;
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void refresh();
    void updateSelection();
    void onCursorMoved();

    Document *m_document;
    PythonHighlighter *m_highlighter;
    Gutter *m_gutter;
    ExportLineMap m_map;
    ItemId m_selected = kNoId;
    bool m_dirty = true;
    bool m_settingCursor = false;
    bool m_editing = false;
    QHash<int, QStringList> m_problemLines;  ///< line -> messages
    std::vector<LineMark> m_marks;  ///< sorted by line
    QHash<int, QStringList> m_markTips;  ///< line -> one line per task there
};

}  // namespace tusk
