#pragma once

#include "modeledit.h"
#include "stepkinds.h"

#include <QScrollArea>
#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QUndoCommand;
class QVBoxLayout;

class QToolButton;

namespace tusk {

class Document;
class OperandEdit;

/// Edits the selected step, the selected coroutine or, with nothing selected, the project:
/// every field of the language, with pickers for coroutines and for the variables in scope
/// where the step stands. Each change is a command on the document (typing in one field
/// merges into one undo step); the form is rebuilt from the model when something else changes
/// it (undo, the canvas).
class InspectorWidget : public QScrollArea {
    Q_OBJECT
public:
    explicit InspectorWidget(Document *document, QWidget *parent = nullptr);

    void setCurrentItem(ItemId id);
    ItemId currentItem() const { return m_current; }

    /// Puts the keyboard focus into the form's first field (Enter on the canvas). False when the
    /// form has none.
    bool focusFirstField();
    /// F2 on the canvas: the field that names the item, its text selected so that typing
    /// replaces it (a coroutine's name, the variable a step stores into); else the first field.
    bool focusNameField();

signals:
    /// Escape in the form: the keyboard goes back to where it came from (the canvas).
    void leaveRequested();

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onDocumentChanged();
    void rebuild();
    void scheduleRebuild();
    void refreshPassive();

    void buildProject();
    void buildCoroutine(const Coroutine &coroutine);
    /// The step's fields, each edited as its kind says (stepkinds.h).
    void buildStep(const Step &step, const StepPlace &place);
    /// Which of the kind's OneOf fields the step uses (await: a task or a call).
    void buildFormChooser(const StepKind &kind, const std::vector<const StepField *> &forms, const StepField *current,
        const QStringList &tasks);
    void buildTemplateField(
        const StepField &field, const Step &step, const StepPlace &place, const QStringList &variables);
    void buildExceptionTypeField(const StepKind &kind, const StepField &field, const Step &step);
    void buildGatherItems(
        const StepField &field, const Step &step, const QStringList &variables, const QStringList &tasks);
    void buildExceptClauses(const Step &step);
    /// The selected item's Python, in a box like a code sample (filled by refreshPassive()).
    void addCodeBox();
    /// The delete button of one entry of a list field (a gather item, an except clause).
    QToolButton *removeButton(QWidget *row, const QString &objectName, const QString &toolTip, const QString &undoText,
        const std::function<void(Step &)> &remove);
    void buildCallEditor(const QString &prefix, const Call &call, const QStringList &variables,
        const std::function<Call &(Step &)> &access);
    void buildHeader(const QIcon &icon, const QString &title, const QString &subtitle);
    QComboBox *variableBox(const QString &name, const QStringList &choices, const QString &current);
    QComboBox *coroutineBox(const QString &name, const QString &current, bool allowNone);
    QLabel *hint(const QString &text);
    void addRow(const QString &label, QWidget *field);
    OperandEdit *operandEdit(const QString &name, const QString &absentText, const std::optional<Operand> &value,
        const QStringList &variables);

    /// Pushes an edit of the current step made by `change`. `typing` edits of one field merge;
    /// `structural` ones (a field appears or goes) rebuild the form afterwards.
    void editStep(const QString &text, const QString &field, bool typing, const std::function<void(Step &)> &change,
        bool structural = false);
    void pushCommand(QUndoCommand *command, bool structural);

    Document *m_document;
    ItemId m_current = kNoId;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_code = nullptr;
    QLabel *m_problems = nullptr;
    bool m_pushing = false;
    bool m_rebuildPending = false;
    int m_session = 0;  ///< changes when the form is rebuilt: typing merges within one session
};

}  // namespace tusk
