#include "runcontrols.h"

#include "diagramscene.h"
#include "document.h"
#include "numberformat.h"
#include "outputpanel.h"
#include "runoverlay.h"
#include "runsession.h"
#include "runstyle.h"
#include "taskspanel.h"
#include "tasktablemodel.h"
#include "theme.h"
#include "timelinewidget.h"

#include <QAction>
#include <QActionGroup>
#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSaveFile>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace tusk {

namespace {

// 0 is Instant: the virtual clock, as fast as the computation allows.
constexpr double kSpeeds[] = {0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0};

QString speedName(double speed)
{
    if (speed <= 0)
        return RunControls::tr("Instant");
    return RunControls::tr("%1× real time").arg(NumberFormat::number(speed));
}

}  // namespace

RunControls::RunControls(QMainWindow *window, OutputPanel *console, TasksPanel *tasks, TimelineWidget *timeline,
    DiagramScene *scene, std::function<void()> restart)
    : QObject(window)
    , m_window(window)
    , m_console(console)
    , m_tasks(tasks)
    , m_timeline(timeline)
    , m_overlay(new RunOverlay(scene, this))
    , m_restartRun(std::move(restart))
{
    setObjectName(QStringLiteral("runControls"));
    m_pause = new QAction(window);
    m_pause->setObjectName(QStringLiteral("actionPause"));
    m_pause->setIcon(Theme::icon(QStringLiteral("pause")));
    m_pause->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_pause, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        RunController &c = m_session->controller();
        if (c.status() == RunController::Status::Running)
            c.pause();
        else if (c.status() == RunController::Status::Paused)
            c.resume();
    });
    m_step = new QAction(window);
    m_step->setObjectName(QStringLiteral("actionStep"));
    m_step->setIcon(Theme::icon(QStringLiteral("step")));
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    connect(m_step, &QAction::triggered, this, [this] {
        const auto status = m_session ? m_session->controller().status() : RunController::Status::Idle;
        if (status != RunController::Status::Running && status != RunController::Status::Paused) {
            // Step with nothing running starts a run and stops after its first iteration.
            if (!m_restartRun)
                return;
            m_restartRun();
            if (!m_session || m_session->controller().status() != RunController::Status::Running)
                return;
        }
        m_session->controller().stepIteration();
    });
    m_restart = new QAction(window);
    m_restart->setObjectName(QStringLiteral("actionRestart"));
    m_restart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_restart, &QAction::triggered, this, [this] {
        if (m_restartRun)
            m_restartRun();
    });
    m_exportTrace = new QAction(window);
    m_exportTrace->setObjectName(QStringLiteral("actionExportTrace"));

    m_speedGroup = new QActionGroup(this);
    m_speedMenu = new QMenu(window);
    m_speedMenu->setObjectName(QStringLiteral("menuSpeed"));
    for (double s : kSpeeds) {
        QAction *a = m_speedGroup->addAction(QString());
        a->setCheckable(true);
        a->setData(s);
        a->setObjectName(s <= 0 ? QStringLiteral("actionSpeedInstant") : QStringLiteral("actionSpeed%1").arg(s));
        a->setChecked(s == m_speed);
        connect(a, &QAction::triggered, this, [this, s] { setSpeed(s); });
        m_speedMenu->addAction(a);
    }

    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_pastBar = new QWidget(window);
    m_pastBar->setObjectName(QStringLiteral("pastMomentBar"));
    auto *pastLayout = new QHBoxLayout(m_pastBar);
    pastLayout->setContentsMargins(0, 0, 0, 0);
    m_pastText = new QLabel(m_pastBar);
    m_pastText->setObjectName(QStringLiteral("pastMomentText"));
    QFont bold = m_pastText->font();
    bold.setBold(true);
    m_pastText->setFont(bold);
    m_backToEnd = new QToolButton(m_pastBar);
    m_backToEnd->setObjectName(QStringLiteral("backToEndButton"));
    m_backToEnd->setToolButtonStyle(Qt::ToolButtonTextOnly);
    pastLayout->addWidget(m_pastText);
    pastLayout->addWidget(m_backToEnd);
    m_pastBar->hide();
    connect(m_backToEnd, &QToolButton::clicked, timeline, &TimelineWidget::clearCursor);
    connect(timeline, &TimelineWidget::returnedToEnd, this, &RunControls::showEnd);

    connect(console, &OutputPanel::sessionStarted, this, &RunControls::onSessionStarted);
    connect(console, &OutputPanel::runningChanged, this, &RunControls::updateActions);
    connect(timeline, &TimelineWidget::scrubbed, this, &RunControls::showMoment);
    m_clockTick.setInterval(100);
    connect(&m_clockTick, &QTimer::timeout, this, &RunControls::onClockTick);
    // A finished run's marks would point at rows that may no longer mean the same: an edit
    // clears them. A live run keeps them: it runs the program as it was when Run was pressed.
    // Only an edit does: a language switch also redraws from the model, and leaves it as it was.
    connect(scene->document(), &Document::changed, this, [this, document = scene->document()] {
        const bool finished = !m_session || m_session->controller().status() == RunController::Status::Finished;
        if (finished && !m_overlay->isEmpty() && document->project() != m_markedProject)
            clearTasks();
        else
            m_overlay->relayout();  // a paused run's marks and arrows follow a moved node
    });
    window->installEventFilter(this);  // for LanguageChange
    // Step can start a run whenever Run can.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (QAction *run = m_window->findChild<QAction *>(QStringLiteral("actionRun")))
                connect(run, &QAction::enabledChanged, this, &RunControls::updateActions);
            updateActions();
        },
        Qt::QueuedConnection);
    setSpeed(m_speed);
    retranslate();
    updateActions();
}

RunControls::~RunControls() = default;

void RunControls::addToRunMenu(QMenu *menu)
{
    menu->addAction(m_pause);
    menu->addAction(m_step);
    menu->addAction(m_restart);
    menu->addSeparator();
    menu->addMenu(m_speedMenu);
}

void RunControls::addToToolBar(QToolBar *toolBar, QAction *before)
{
    toolBar->insertAction(before, m_pause);
    toolBar->insertAction(before, m_step);
    m_speedButton = new QToolButton(toolBar);
    m_speedButton->setObjectName(QStringLiteral("runSpeedButton"));
    m_speedButton->setMenu(m_speedMenu);
    m_speedButton->setPopupMode(QToolButton::InstantPopup);
    m_speedButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->insertWidget(before, m_speedButton);
    retranslate();
}

void RunControls::setSpeed(double speed)
{
    m_speed = speed;
    const auto clock = speed <= 0 ? RunController::Clock::Virtual : RunController::Clock::Real;
    m_console->setClock(clock, speed <= 0 ? 1.0 : speed);
    if (m_session && m_session->controller().status() != RunController::Status::Finished) {
        // Pausing around the switch makes the real clock start from the loop's time now,
        // not from where it was when the run last started on it.
        RunController &c = m_session->controller();
        const bool running = c.status() == RunController::Status::Running;
        if (running)
            c.pause();
        c.setClock(clock);
        if (speed > 0)
            c.setSpeed(speed);
        if (running)
            c.resume();
    }
    for (QAction *a : m_speedGroup->actions())
        a->setChecked(a->data().toDouble() == speed);
    if (m_speedButton)
        m_speedButton->setText(speedName(speed));
    updateActions();
}

void RunControls::showTasks(const TaskList &tasks, std::int64_t nowNs)
{
    const RunRecording *recording = m_session ? &m_session->recording() : nullptr;
    m_overlay->setTasks(tasks, nowNs, recording);
    emit tasksShown(tasks, recording);
}

void RunControls::clearTasks()
{
    m_overlay->clear();
    emit tasksCleared();
}

void RunControls::onSessionStarted(RunSession *session)
{
    m_session = session;
    if (auto *scene = m_overlay->scene())
        m_markedProject = scene->document()->project();
    m_tasks->clear();
    m_tasks->model()->setRecording(&session->recording());
    m_timeline->reset();
    m_timeline->setRecording(&session->recording());
    m_shownMomentNs = -1;
    m_pastBar->hide();
    clearTasks();
    m_lastTasksUpdate = 0;
    // The views read the session's recording in place: they let go of it with the session.
    // (Guarded: while the window is torn down, the panels may already be gone.)
    connect(session, &QObject::destroyed, this,
        [tasks = QPointer<TasksPanel>(m_tasks), timeline = QPointer<TimelineWidget>(m_timeline)] {
            if (tasks)
                tasks->clear();
            if (timeline)
                timeline->reset();
        });
    connect(session, &RunSession::eventsAdded, this, &RunControls::onEventsAdded);
    connect(session, &RunSession::aboutToThin, m_timeline, &TimelineWidget::readPendingEvents);
    connect(session, &RunSession::finished, this, [this] {
        if (m_session) {
            m_tasks->showLive(m_session->recording().liveTasks());
            showTasks(m_session->recording().liveTasks(), m_session->controller().loop().now());
            m_timeline->setNow(m_session->controller().loop().now());
            m_timeline->setScrubbable(true);
        }
        updateActions();
    });
    connect(&session->controller(), &RunController::statusChanged, this, &RunControls::updateActions);
    updateActions();
}

void RunControls::onEventsAdded(std::size_t first, std::size_t count)
{
    if (!m_session)
        return;
    const std::int64_t nowNs = m_session->controller().loop().now();
    m_timeline->addEvents(m_session->recording().events(), first, count);
    m_timeline->setNow(nowNs);
    // The last batch of a run: the tasks and the overlay are brought up to date once, when
    // the run reports that it finished.
    if (m_session->controller().status() == RunController::Status::Finished)
        return;
    showTasks(m_session->recording().liveTasks(), nowNs);
    showRunStatus();  // a step moves the clock of a paused run
    // Ten updates a second are plenty for a table; a frame's worth of events would only make
    // it sort ten thousand rows sixty times a second.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool paused = m_session->controller().status() != RunController::Status::Running;
    if (!paused && now - m_lastTasksUpdate < 100)
        return;
    m_lastTasksUpdate = now;
    m_tasks->showLive(m_session->recording().liveTasks());
}

void RunControls::onClockTick()
{
    if (!m_session)
        return;
    const std::int64_t now = m_session->controller().clockNow();
    m_timeline->setNow(now);
    showTasks(m_session->recording().liveTasks(), now);
    showRunStatus();
}

void RunControls::showMoment(std::int64_t timeNs)
{
    if (!m_session || m_session->controller().status() != RunController::Status::Finished)
        return;
    TaskList tasks = m_session->recording().tasksAt(timeNs);
    showTasks(tasks, timeNs);
    m_tasks->showSnapshot(std::move(tasks));
    m_shownMomentNs = timeNs;
    const std::int64_t endNs = m_session->controller().loop().now();
    m_pastText->setText(tr("Showing %1 of %2: a past moment of the run")
                            .arg(NumberFormat::seconds(timeNs), NumberFormat::seconds(endNs)));
    m_pastBar->setVisible(timeNs < endNs);
}

void RunControls::showEnd()
{
    m_shownMomentNs = -1;
    m_pastBar->hide();
    if (!m_session || m_session->controller().status() != RunController::Status::Finished)
        return;
    const RunRecording &recording = m_session->recording();
    showTasks(recording.liveTasks(), m_session->controller().loop().now());
    m_tasks->showLive(recording.liveTasks());
}

void RunControls::updateActions()
{
    const auto status = m_session ? m_session->controller().status() : RunController::Status::Idle;
    const bool active = status == RunController::Status::Running || status == RunController::Status::Paused;
    m_pause->setEnabled(active);
    QAction *run = m_window->findChild<QAction *>(QStringLiteral("actionRun"));
    m_step->setEnabled(active || (run && run->isEnabled()));
    m_restart->setEnabled(m_session != nullptr);
    m_exportTrace->setEnabled(m_session && status == RunController::Status::Finished);
    const bool paused = status == RunController::Status::Paused;
    m_pause->setText(paused ? tr("Res&ume") : tr("&Pause"));
    m_pause->setIcon(Theme::icon(paused ? QStringLiteral("run") : QStringLiteral("pause")));
    m_pause->setToolTip(paused ? tr("Resume the paused program (F6)") : tr("Pause the running program (F6)"));
    showRunStatus();
    m_status->setVisible(active);
    const bool ticking = status == RunController::Status::Running && m_speed > 0;
    if (ticking && !m_clockTick.isActive()) {
        m_clockTick.start();
    } else if (!ticking) {
        m_clockTick.stop();
    }
}

void RunControls::showRunStatus()
{
    const auto status = m_session ? m_session->controller().status() : RunController::Status::Idle;
    switch (status) {
    case RunController::Status::Running:
        m_status->setText(tr("Running at %1, %2 — edits apply to the next run")
                              .arg(speedName(m_speed), NumberFormat::seconds(m_session->controller().clockNow())));
        break;
    case RunController::Status::Paused:
        m_status->setText(tr("Paused at %1 — edits apply to the next run")
                              .arg(NumberFormat::seconds(m_session->controller().clockNow())));
        break;
    default:
        m_status->clear();
        break;
    }
}

void RunControls::retranslate()
{
    m_step->setText(tr("S&tep"));
    m_step->setToolTip(tr("Run one iteration of the event loop (F10)"));
    m_restart->setText(tr("R&estart"));
    m_restart->setToolTip(tr("Stop the run and start it again from the beginning"));
    m_exportTrace->setText(tr("Export &Trace…"));
    m_exportTrace->setToolTip(tr("Save the last run as a Chrome trace (opens in Perfetto)"));
    m_speedMenu->setTitle(tr("&Speed"));
    m_backToEnd->setText(tr("Back to the End"));
    m_backToEnd->setToolTip(tr("Show the end of the run again (End in the timeline)"));
    if (m_shownMomentNs >= 0 && m_session)
        showMoment(m_shownMomentNs);
    for (QAction *a : m_speedGroup->actions())
        a->setText(speedName(a->data().toDouble()));
    if (m_speedButton) {
        m_speedButton->setToolTip(tr("How fast the program runs: Instant jumps over every sleep"));
        fitSpeedButton();
    }
    updateActions();
}

void RunControls::fitSpeedButton()
{
    // As wide as its widest speed, so that the buttons after it stay where they are whatever
    // the speed (a click meant for Fit would land on Zoom In).
    m_speedButton->setMinimumWidth(0);
    m_speedButton->setMaximumWidth(QWIDGETSIZE_MAX);
    int widest = 0;
    for (QAction *a : m_speedGroup->actions()) {
        m_speedButton->setText(a->text());
        widest = std::max(widest, m_speedButton->sizeHint().width());
    }
    m_speedButton->setText(speedName(m_speed));
    m_speedButton->setFixedWidth(widest);
}

bool RunControls::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    else if (watched == m_window && m_speedButton
        && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        fitSpeedButton();
    return QObject::eventFilter(watched, event);
}

bool RunControls::exportTrace(const QString &fileName, QString *error)
{
    if (!m_session) {
        if (error)
            *error = tr("There is no run to export yet.");
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(m_session->recording().toChromeTrace(QFileInfo(fileName).completeBaseName())) < 0
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

}  // namespace tusk
