#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>

namespace tusk {

/// Numbers and durations as the user interface language writes them: `1.0 s` in English,
/// `1,0 с` in Russian. Every view that shows a time or a number (console stamps and summaries,
/// the tasks panel, the timeline's axis, the status bar, the marks on the canvas, the
/// inspector's number fields) formats it here, so that they agree. Follows the default QLocale,
/// which Language sets to the UI language. Never used for what the program prints: that stays
/// exactly as Python prints it.
class NumberFormat {
    Q_DECLARE_TR_FUNCTIONS(tusk::NumberFormat)
public:
    /// `value` with `decimals` places and the UI language's decimal separator (no grouping:
    /// `1000.5`, `1000,5`).
    static QString number(double value, int decimals);
    /// `value` in as few digits as read back the same (`0.25`, `0,25`, `10`).
    static QString number(double value);
    /// A duration in seconds with its unit: `1.0 s`, `1,0 с`.
    static QString seconds(std::int64_t ns, int decimals = 1);
    /// A count with the UI language's digit grouping: `1,000,000`, `1 000 000`.
    static QString count(std::uint64_t value);
    /// A size in binary units, one decimal: `4.0 GiB`, `512.0 MiB`, `4,0 ГиБ`.
    static QString bytes(std::uint64_t value);
    /// The UI language's decimal separator (`.` or `,`).
    static QChar decimalPoint();
};

}  // namespace tusk
