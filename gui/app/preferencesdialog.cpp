#include "preferencesdialog.h"

#include "runlimitsettings.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

namespace tusk {

namespace {

constexpr double kGiB = double(RunLimits::kGiB);

/// Sizes are edited in GiB with one decimal (0.1 GiB is about 100 MiB): finer is never needed.
QDoubleSpinBox *sizeBox(QWidget *parent, const char *name, const QString &suffix, const QString &none)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, 1024);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    box->setSuffix(suffix);
    box->setSpecialValueText(none);
    return box;
}

QSpinBox *countBox(QWidget *parent, const char *name, int step, const QString &none)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, 1'000'000'000);
    box->setSingleStep(step);
    box->setGroupSeparatorShown(true);
    box->setSpecialValueText(none);
    return box;
}

int clampToInt(std::uint64_t v)
{
    return v > 1'000'000'000u ? 1'000'000'000 : int(v);
}

}  // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *group = new QGroupBox(tr("Limits of a run"), this);
    auto *form = new QFormLayout(group);
    const QString none = tr("No limit");
    const QString gib = tr(" GiB", "a size unit after a number");
    m_tasks = countBox(group, "maxLiveTasks", 100'000, none);
    m_memory = sizeBox(group, "maxMemory", gib, none);
    m_recording = sizeBox(group, "maxRecording", gib, none);
    m_consoleLines = countBox(group, "maxConsoleLines", 10'000, none);
    form->addRow(tr("&Tasks alive at once:"), m_tasks);
    form->addRow(tr("&Memory a run may hold:"), m_memory);
    form->addRow(tr("&Recording of a run:"), m_recording);
    form->addRow(tr("&Console lines kept:"), m_consoleLines);
    auto *explain = new QLabel(tr("A program that grows without end (one zero too many in a loop) stops when it "
                                  "reaches one of these, as if you had pressed Stop, and the console says which "
                                  "limit it was. Memory counts tasks, their frames and values. Past its size the "
                                  "recording first keeps only task states for older moments. The console drops its "
                                  "oldest lines and counts them. The next run uses these values."),
        group);
    explain->setWordWrap(true);
    explain->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(explain);
    layout->addWidget(group);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setLimits(RunLimits()); });
    layout->addWidget(buttons);

    setLimits(savedRunLimits());
}

RunLimits PreferencesDialog::limits() const
{
    RunLimits limits;
    limits.maxLiveTasks = std::uint64_t(m_tasks->value());
    limits.maxMemoryBytes = std::uint64_t(std::llround(m_memory->value() * kGiB));
    limits.maxRecordingBytes = std::uint64_t(std::llround(m_recording->value() * kGiB));
    limits.maxConsoleLines = std::uint64_t(m_consoleLines->value());
    return limits;
}

void PreferencesDialog::setLimits(const RunLimits &limits)
{
    m_tasks->setValue(clampToInt(limits.maxLiveTasks));
    m_memory->setValue(double(limits.maxMemoryBytes) / kGiB);
    m_recording->setValue(double(limits.maxRecordingBytes) / kGiB);
    m_consoleLines->setValue(clampToInt(limits.maxConsoleLines));
}

void PreferencesDialog::accept()
{
    saveRunLimits(limits());
    QDialog::accept();
}

}  // namespace tusk
