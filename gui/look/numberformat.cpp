#include "numberformat.h"

#include <QLocale>

namespace tusk {

namespace {

QLocale uiLocale()
{
    QLocale locale;  // the default: Language sets it to the UI language
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale;
}

}  // namespace

QString NumberFormat::number(double value, int decimals)
{
    return uiLocale().toString(value, 'f', decimals);
}

QString NumberFormat::number(double value)
{
    return uiLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString NumberFormat::seconds(std::int64_t ns, int decimals)
{
    return tr("%1 s", "a duration in seconds").arg(number(double(ns) / 1e9, decimals));
}

QChar NumberFormat::decimalPoint()
{
    const QString point = uiLocale().decimalPoint();
    return point.isEmpty() ? QLatin1Char('.') : point.front();
}

}  // namespace tusk
