#pragma once

#include "runlimits.h"

#include <QDialog>

class QDoubleSpinBox;
class QSpinBox;

namespace tusk {

/// Edit > Preferences: the limits of a run (live tasks, memory, recording, console lines),
/// read from and written to the settings (runlimitsettings.h). OK saves them for the next run;
/// Restore Defaults puts the engine's defaults back in the fields.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// What the fields say now.
    RunLimits limits() const;
    void setLimits(const RunLimits &limits);

    /// Saves limits() (what OK does).
    void accept() override;

private:
    QSpinBox *m_tasks;
    QDoubleSpinBox *m_memory;
    QDoubleSpinBox *m_recording;
    QSpinBox *m_consoleLines;
};

}  // namespace tusk
