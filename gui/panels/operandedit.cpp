#include "operandedit.h"

#include "numberspinbox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStackedWidget>

namespace tusk {

OperandEdit::OperandEdit(const QString &absentText, QWidget *parent)
    : QWidget(parent)
    , m_optional(!absentText.isEmpty())
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    if (m_optional)
        m_kind->addItem(absentText, Absent);
    m_kind->addItem(tr("Number"), Number);
    m_kind->addItem(tr("Text"), Text);
    m_kind->addItem(tr("Variable"), Variable);
    m_kind->addItem(QStringLiteral("True"), True);
    m_kind->addItem(QStringLiteral("False"), False);
    m_kind->addItem(QStringLiteral("None"), None);
    m_kind->addItem(tr("Expression"), Expression);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(m_kind);

    m_stack = new QStackedWidget(this);
    m_number = new NumberSpinBox(m_stack);
    m_number->setObjectName(QStringLiteral("number"));
    m_text = new QLineEdit(m_stack);
    m_text->setObjectName(QStringLiteral("text"));
    m_variable = new QComboBox(m_stack);
    m_variable->setObjectName(QStringLiteral("variable"));
    m_variable->setEditable(true);
    m_variable->setInsertPolicy(QComboBox::NoInsert);
    m_expression = new QLineEdit(m_stack);
    m_expression->setObjectName(QStringLiteral("expression"));
    m_expression->setPlaceholderText(tr("Python, such as i * 2 or len(items)"));
    m_empty = new QWidget(m_stack);
    m_stack->addWidget(m_expression);
    m_stack->addWidget(m_number);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_variable);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_kind, &QComboBox::activated, this, [this] {
        const int kind = currentKind();
        showKind(kind);
        std::optional<Operand> o;
        switch (kind) {
        case Number: {
            const Value v = m_number->value();
            o = Operand::fromLiteral(v.isNone() ? Value::integer(0) : v);
            m_number->setValue(o->literal);
            break;
        }
        case Text:
            o = Operand::fromLiteral(Value::string(m_text->text()));
            break;
        case Variable: {
            QString name = m_variable->currentText();
            if (name.isEmpty() && m_variable->count() > 0)
                name = m_variable->itemText(0);
            m_variable->setEditText(name);
            o = Operand::fromVar(name);
            break;
        }
        case True:
            o = Operand::fromLiteral(Value::boolean(true));
            break;
        case False:
            o = Operand::fromLiteral(Value::boolean(false));
            break;
        case None:
            o = Operand::fromLiteral(Value::none());
            break;
        case Expression: {
            if (m_expression->text().trimmed().isEmpty()) {
                m_expression->setText(QStringLiteral("0"));
            }
            Operand e;
            e.expr = m_expression->text();
            o = e;
            break;
        }
        default:
            break;
        }
        emit edited(o, false);
    });
    connect(m_number, &NumberSpinBox::valueEdited, this,
        [this](const Value &v, bool typing) { emit edited(Operand::fromLiteral(v), typing); });
    connect(m_text, &QLineEdit::textEdited, this,
        [this](const QString &t) { emit edited(Operand::fromLiteral(Value::string(t)), true); });
    auto variableChosen = [this] {
        if (!m_setting)
            emit edited(Operand::fromVar(m_variable->currentText().trimmed()), false);
    };
    connect(m_variable, &QComboBox::activated, this, variableChosen);
    // An expression stays an expression while it is edited (typing `1` on the way to `10 * x`
    // must not turn the field into a number); it is stored as written.
    connect(m_expression, &QLineEdit::textEdited, this, [this](const QString &t) {
        if (t.trimmed().isEmpty())
            return;
        Operand e;
        e.expr = t;
        emit edited(e, true);
    });
    connect(m_variable->lineEdit(), &QLineEdit::editingFinished, this, variableChosen);
}

void OperandEdit::setVariables(const QStringList &variables)
{
    m_setting = true;
    const QString current = m_variable->currentText();
    m_variable->clear();
    m_variable->addItems(variables);
    m_variable->setEditText(current);
    m_setting = false;
}

int OperandEdit::currentKind() const
{
    return m_kind->currentData().toInt();
}

void OperandEdit::showKind(int kind)
{
    switch (kind) {
    case Number:
        m_stack->setCurrentWidget(m_number);
        break;
    case Text:
        m_stack->setCurrentWidget(m_text);
        break;
    case Variable:
        m_stack->setCurrentWidget(m_variable);
        break;
    case Expression:
        m_stack->setCurrentWidget(m_expression);
        break;
    default:
        m_stack->setCurrentWidget(m_empty);
        break;
    }
    m_stack->setVisible(kind == Number || kind == Text || kind == Variable || kind == Expression);
}

void OperandEdit::setOperand(const std::optional<Operand> &operand)
{
    m_setting = true;
    int kind = Absent;
    if (!operand) {
        kind = m_optional ? Absent : Number;
    } else if (operand->isExpr()) {
        kind = Expression;
        if (m_expression->text() != operand->expr)
            m_expression->setText(operand->expr);
    } else if (operand->isVar) {
        kind = Variable;
        m_variable->setEditText(operand->var);
    } else {
        const Value &v = operand->literal;
        if (v.isInt() || v.isFloat()) {
            kind = Number;
            m_number->setValue(v);
        } else if (v.isString()) {
            kind = Text;
            if (m_text->text() != v.toString())
                m_text->setText(v.toString());
        } else if (v.isBool()) {
            kind = v.toBool() ? True : False;
        } else {
            kind = None;
        }
    }
    m_kind->setCurrentIndex(m_kind->findData(kind));
    showKind(kind);
    m_setting = false;
}

std::optional<Operand> OperandEdit::operand() const
{
    switch (currentKind()) {
    case Number:
        return Operand::fromLiteral(m_number->value());
    case Text:
        return Operand::fromLiteral(Value::string(m_text->text()));
    case Variable:
        return Operand::fromVar(m_variable->currentText());
    case True:
        return Operand::fromLiteral(Value::boolean(true));
    case False:
        return Operand::fromLiteral(Value::boolean(false));
    case None:
        return Operand::fromLiteral(Value::none());
    case Expression: {
        Operand e;
        e.expr = m_expression->text();
        return e;
    }
    default:
        return std::nullopt;
    }
}

}  // namespace tusk
