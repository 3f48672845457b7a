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

QString NumberFormat::count(std::uint64_t value)
{
    return QLocale().toString(qulonglong(value));  // the default options group digits
}

QString NumberFormat::bytes(std::uint64_t value)
{
    constexpr double kKiB = 1024.0;
    const double v = double(value);
    if (v >= kKiB * kKiB * kKiB)
        return tr("%1 GiB").arg(number(v / (kKiB * kKiB * kKiB), 1));
    if (v >= kKiB * kKiB)
        return tr("%1 MiB").arg(number(v / (kKiB * kKiB), 1));
    return tr("%1 KiB").arg(number(v / kKiB, 1));
}

QChar NumberFormat::decimalPoint()
{
    const QString point = uiLocale().decimalPoint();
    return point.isEmpty() ? QLatin1Char('.') : point.front();
}

}  // namespace tusk
