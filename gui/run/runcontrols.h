#pragma once

#include "project.h"
#include "runcontroller.h"
#include "runrecording.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;
class QToolButton;

namespace tusk {

class DiagramScene;
class OutputPanel;
class RunOverlay;
class RunSession;
class TasksPanel;
class TimelineWidget;

/// The Run menu and toolbar beyond Run and Stop: Pause/Resume, Step (one event-loop
/// iteration), Restart, the speed (Instant on the virtual clock, or 0.25x … 10x real time)
/// and File > Export trace. Follows the console's run session and keeps the Tasks panel up to
/// date from it. A run works on the program compiled when Run was pressed: editing goes on,
/// and the status bar says that edits apply to the next run.
class RunControls : public QObject {
    Q_OBJECT
public:
    /// `restart` starts a new run of the current project (the window's Run).
    RunControls(QMainWindow *window, OutputPanel *console, TasksPanel *tasks, TimelineWidget *timeline,
        DiagramScene *scene, std::function<void()> restart);
    ~RunControls() override;

    QAction *pauseAction() const { return m_pause; }
    QAction *stepAction() const { return m_step; }
    QAction *restartAction() const { return m_restart; }
    QAction *exportTraceAction() const { return m_exportTrace; }
    QActionGroup *speedGroup() const { return m_speedGroup; }
    QMenu *speedMenu() const { return m_speedMenu; }
    QLabel *statusLabel() const { return m_status; }
    /// "Showing 1.2 s of 3.0 s, a past moment [Back to the End]": shown in the status bar while
    /// the views show a scrubbed moment rather than the end of the run.
    QWidget *pastMomentBar() const { return m_pastBar; }
    RunOverlay *overlay() const { return m_overlay; }
    /// After a run: shows the moment `timeNs` on the canvas and in the tasks panel.
    void showMoment(std::int64_t timeNs);
    /// After a run: shows its end again (where a run's views stop), leaving any scrubbed moment.
    void showEnd();

    /// Adds Pause, Step, Restart and the Speed menu after `after` (the Stop action).
    void addToRunMenu(QMenu *menu);
    void addToToolBar(QToolBar *toolBar, QAction *before);

    /// Sets the speed: 0 is Instant (virtual clock), otherwise real-time speed factor.
    void setSpeed(double speed);
    double speed() const { return m_speed; }

    /// Writes the last run's Chrome trace; false with `error` set on failure.
    bool exportTrace(const QString &fileName, QString *error = nullptr);

signals:
    /// The run views show `tasks` as they are at one moment of the run (live, or scrubbed on
    /// the timeline), for views outside the run view (the code view's line marks).
    void tasksShown(const tusk::TaskList &tasks, const tusk::RunRecording *recording);
    /// The marks of the last run are gone (a new run, or the project changed after it).
    void tasksCleared();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The overlay on the canvas and tasksShown(): every moment shown goes through here.
    void showTasks(const TaskList &tasks, std::int64_t nowNs);
    void clearTasks();
    void onSessionStarted(RunSession *session);
    void onEventsAdded(std::size_t first, std::size_t count);
    void onClockTick();
    void updateActions();
    void retranslate();
    /// "Running at 1x, 0.6 s" / "Paused at 0.6 s": the run's clock, as it reads now.
    void showRunStatus();
    void fitSpeedButton();

    QMainWindow *m_window;
    OutputPanel *m_console;
    TasksPanel *m_tasks;
    TimelineWidget *m_timeline;
    RunOverlay *m_overlay;
    std::function<void()> m_restartRun;
    QPointer<RunSession> m_session;
    /// The project the marks on the canvas belong to: the one that was run.
    Project m_markedProject;
    QAction *m_pause;
    QAction *m_step;
    QAction *m_restart;
    QAction *m_exportTrace;
    QActionGroup *m_speedGroup;
    QMenu *m_speedMenu;
    QToolButton *m_speedButton = nullptr;
    QLabel *m_status;
    QWidget *m_pastBar;
    QLabel *m_pastText;
    QToolButton *m_backToEnd;
    std::int64_t m_shownMomentNs = -1;  ///< the scrubbed moment shown, or -1 at the end
    double m_speed = 0.0;
    qint64 m_lastTasksUpdate = 0;
    // Real clock: between events the loop's time stands still, but a sleeper's time left should
    // not; the views follow an estimate of the loop's clock a few times a second.
    QTimer m_clockTick;
};

}  // namespace tusk
