#pragma once

#include "problem.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace tusk {

class CodeView;
class Document;

/// The Python dock: the code view and what edits it as Python. "Edit as Python" makes the
/// text editable; Apply (Ctrl+Return) reads it with CPython's parser and, when it is a program
/// Tusk can hold, replaces the diagram with it as one undoable command ("Apply Python"),
/// coroutines that keep their names keeping their places. Text that does not import changes
/// nothing: its problems are marked on their lines and the first one is shown above the text.
/// Cancel shows the project's Python again. Return keeps the indentation (one level more after
/// a `:`), as a code editor does.
class CodePanel : public QWidget {
    Q_OBJECT
public:
    CodePanel(Document *document, QWidget *parent = nullptr);

    CodeView *view() const { return m_view; }
    QToolButton *editButton() const { return m_edit; }
    QToolButton *applyButton() const { return m_apply; }
    QToolButton *cancelButton() const { return m_cancel; }
    /// The line above the text: what editing does, or the problems of the last Apply.
    QString message() const;

    /// Starts editing the project's Python (or, when given, `text`: a program that did not
    /// import, whose `problems` are marked).
    void startEditing(const QString &text = QString(), const Problems &problems = {});
    /// Applies the edited text; false (with its problems marked) when it does not import.
    bool apply();
    void cancel();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void showProblems(const Problems &problems);

    Document *m_document;
    CodeView *m_view;
    QToolButton *m_edit;
    QToolButton *m_apply;
    QToolButton *m_cancel;
    QLabel *m_message;
    Problems m_problems;
    bool m_settingText = false;  ///< the panel itself puts text in: not an edit
};

}  // namespace tusk
