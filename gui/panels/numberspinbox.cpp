#include "numberspinbox.h"

#include "numberformat.h"
#include "pyformat.h"

#include <QEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <cmath>

namespace tusk {

namespace {

// The literal as Python writes it, from what was typed: either decimal separator reads as
// Python's point, so `0,5` typed in Russian and `0.5` pasted from code are the same number.
QString pythonSpelling(const QString &text)
{
    QString t = text.trimmed();
    t.replace(NumberFormat::decimalPoint(), QLatin1Char('.'));
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    return t;
}

}  // namespace

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
    const QString t = pythonSpelling(text);
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
    // Shown with the UI language's decimal separator (`0,5` in Russian); the digits are
    // Python's, so that 1.0 stays a float and 1 an int.
    const QString text = value.isInt() ? QString::number(value.toInt())
        : value.isFloat() ? pyFloatRepr(value.toFloat()).replace(QLatin1Char('.'), NumberFormat::decimalPoint())
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
    return partial.match(pythonSpelling(input)).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

void NumberSpinBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const Value v = value();
        if (!v.isNone())
            setValue(v);  // in the new language's decimal separator
    }
    QAbstractSpinBox::changeEvent(event);
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
