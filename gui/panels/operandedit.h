#pragma once

#include "project.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLineEdit;
class QStackedWidget;

namespace tusk {

class NumberSpinBox;

/// Edits a value written in a step: a number, a text, a variable in scope (picked from a
/// list), True, False, None, or any Python expression; for an optional field also "absent".
class OperandEdit : public QWidget {
    Q_OBJECT
public:
    /// `absentText` names the absent choice ("no message"); empty for a required field.
    explicit OperandEdit(const QString &absentText = {}, QWidget *parent = nullptr);

    void setVariables(const QStringList &variables);
    void setOperand(const std::optional<Operand> &operand);
    std::optional<Operand> operand() const;

    QComboBox *kindBox() const { return m_kind; }
    NumberSpinBox *numberBox() const { return m_number; }
    QLineEdit *textEdit() const { return m_text; }
    QComboBox *variableBox() const { return m_variable; }
    QLineEdit *expressionEdit() const { return m_expression; }

signals:
    /// The user changed the value; `typing` marks keystrokes, which merge into one undo step.
    void edited(const std::optional<tusk::Operand> &operand, bool typing);

private:
    enum Kind { Absent, Number, Text, Variable, True, False, None, Expression };
    void showKind(int kind);
    int currentKind() const;

    bool m_optional;
    QComboBox *m_kind;
    QStackedWidget *m_stack;
    NumberSpinBox *m_number;
    QLineEdit *m_text;
    QComboBox *m_variable;
    QLineEdit *m_expression;
    QWidget *m_empty;
    bool m_setting = false;
};

}  // namespace tusk
