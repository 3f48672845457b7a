#pragma once

#include "project.h"
#include "runcontroller.h"
#include "runevents.h"
#include "runlimits.h"

#include <QWidget>

class QAction;
class QLabel;
#include <memory>

namespace tusk {

class ConsoleView;
class RunSession;

/// The console: runs the program in a RunSession (on the virtual clock by default: time jumps
/// to the next timer, so a run takes no longer than the computation) and shows what it prints,
/// each line with the virtual time it was printed at and in its task's colour; then how the run
/// ended. Lines arrive in batches, once per frame, and the view only stores them until they
/// are on screen, so that ten thousand tasks stay fast.
class OutputPanel : public QWidget {
    Q_OBJECT
public:
    explicit OutputPanel(QWidget *parent = nullptr);
    ~OutputPanel() override;

    /// Starts a run; false (with the reason shown) when the project does not compile.
    bool run(const Project &project);
    void stop();
    void clear();
    bool isRunning() const { return m_running; }
    /// The current or last run (kept after it ends, for replay and trace export); may be null.
    RunSession *session() const { return m_session.get(); }
    /// The clock and speed the next run starts with (Run > Speed).
    void setClock(RunController::Clock clock, double speed);
    /// The printed lines of the last run, without times: what `tusk run` would print.
    QStringList printedLines() const;
    ConsoleView *view() const { return m_view; }
    /// View > Wrap Long Lines, also on the console's context menu: checked, long lines wrap at
    /// the panel's width; unchecked, they scroll sideways. Remembered in the settings; wraps
    /// by default.
    QAction *wrapLinesAction() const { return m_wrapLines; }
    /// The note above the console when a run's limits changed what is kept: older console
    /// lines dropped (RunLimits::maxConsoleLines: how many are kept of how many printed), the
    /// recording thinned to task states up to some moment (RunLimits::maxRecordingBytes). A
    /// note, not a console line: a storm of prints would scroll a line away at once. Hidden
    /// while everything is kept.
    QLabel *limitsNote() const { return m_limitsNote; }

signals:
    void runningChanged(bool running);
    /// A new run was created and is about to start: views connect to it here.
    void sessionStarted(tusk::RunSession *session);
    void finished(tusk::RunOutcome outcome);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onEventsAdded(std::size_t first, std::size_t count);
    void onFinished(RunOutcome outcome);
    /// How the run ended, in the UI language: the console's last line.
    QString summary() const;
    void onThinned(std::int64_t beforeNs);
    void updateLimitsNote();

    ConsoleView *m_view;
    QLabel *m_limitsNote;
    QAction *m_wrapLines;
    RunLimits m_limits;  ///< of the current or last run
    LimitStop m_limitStop;  ///< why the last run stopped, when a limit stopped it
    std::int64_t m_thinnedBeforeNs = -1;  ///< the recording keeps task states only before this; -1: all of it
    std::unique_ptr<RunSession> m_session;
    RunController::Clock m_clock = RunController::Clock::Virtual;
    double m_speed = 1.0;
    bool m_running = false;
    QString m_entry;
    // The summary line of the last run, retold when the language changes.
    bool m_hasSummary = false;
    RunOutcome m_outcome = RunOutcome::Completed;
    std::int64_t m_endNs = 0;
};

}  // namespace tusk
