#include "numberspinbox.h"

#include "pyformat.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <cmath>

namespace tusk {

NumberSpinBox::NumberSpinBox(QWidget *parent)
    : QAbstractSpinBox(parent)
{
    setAccelerated(true);
    setKeyboardTracking(true);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this](const QString &text) {
        Value v;
        if (!m_settingText && parse(text, &v))
            emit valueEdited(v, true);
    });
}

bool NumberSpinBox::parse(const QString &text, Value *out)
{
    static const QRegularExpression number(
        QStringLiteral("^-?(\\d+)(\\.\\d*)?([eE][-+]?\\d+)?$|^-?\\.\\d+([eE][-+]?\\d+)?$"));
    const QString t = text.trimmed();
    const QRegularExpressionMatch m = number.match(t);
    if (!m.hasMatch())
        return false;
    const bool isFloat = t.contains(QLatin1Char('.')) || t.contains(QLatin1Char('e')) || t.contains(QLatin1Char('E'));
    bool ok = false;
    if (!isFloat) {
        const qlonglong i = t.toLongLong(&ok);
        if (ok)
            *out = Value::integer(i);
        return ok;
    }
    const double d = t.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return false;
    *out = Value::floating(d);
    return true;
}

void NumberSpinBox::setValue(const Value &value)
{
    m_settingText = true;
    const QString text = value.isInt() ? QString::number(value.toInt())
        : value.isFloat()              ? pyFloatRepr(value.toFloat())
                                       : QString();
    if (lineEdit()->text() != text)
        lineEdit()->setText(text);
    m_settingText = false;
}

Value NumberSpinBox::value() const
{
    Value v;
    return parse(lineEdit()->text(), &v) ? v : Value();
}

QValidator::State NumberSpinBox::validate(QString &input, int &) const
{
    Value v;
    if (parse(input, &v))
        return QValidator::Acceptable;
    static const QRegularExpression partial(QStringLiteral("^-?\\d*\\.?\\d*([eE][-+]?\\d*)?$"));
    return partial.match(input.trimmed()).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

QAbstractSpinBox::StepEnabled NumberSpinBox::stepEnabled() const
{
    return StepUpEnabled | StepDownEnabled;
}

void NumberSpinBox::stepBy(int steps)
{
    const Value v = value();
    Value next;
    if (v.isInt()) {
        next = Value::integer(v.toInt() + steps);
    } else if (v.isFloat()) {
        // Step by the last decimal written: 0.5 → 0.6, 1.25 → 1.26; rounded to that place so
        // that binary fractions do not creep in (0.1 + 0.2).
        const QString text = pyFloatRepr(v.toFloat());
        const int dot = int(text.indexOf(QLatin1Char('.')));
        const int decimals = (dot < 0 || text.contains(QLatin1Char('e'))) ? 1 : std::max(1, int(text.size()) - dot - 1);
        const double unit = std::pow(10.0, -decimals);
        const double scaled = std::round((v.toFloat() + steps * unit) / unit);
        next = Value::floating(scaled * unit);
        next = Value::floating(QString::number(next.toFloat(), 'f', decimals).toDouble());
    } else {
        next = Value::integer(steps);
    }
    setValue(next);
    emit valueEdited(next, false);
}

}  // namespace tusk
