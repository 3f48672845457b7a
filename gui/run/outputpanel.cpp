#include "outputpanel.h"

#include "compiler.h"
#include "consoleview.h"
#include "numberformat.h"
#include "problemtext.h"
#include "runlimitsettings.h"
#include "runsession.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QLabel>
#include <QRandomGenerator>
#include <QSettings>
#include <QVBoxLayout>
#include <limits>

namespace tusk {

namespace {

constexpr char kWrapLinesKey[] = "console/wrapLines";

/// The entry task prints in the text colour; other tasks cycle through three Okabe-Ito
/// colours that read on either palette (orange and vermillion are kept for warnings and errors).
ConsoleView::Tone taskTone(TaskId task)
{
    if (task <= 1)
        return ConsoleView::Tone::Text;
    static constexpr ConsoleView::Tone cycle[]
        = {ConsoleView::Tone::TaskA, ConsoleView::Tone::TaskB, ConsoleView::Tone::TaskC};
    return cycle[(task - 2) % 3];
}

}  // namespace

OutputPanel::OutputPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("outputPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new ConsoleView(this);
    m_view->setObjectName(QStringLiteral("output"));
    m_view->setPlaceholderText(tr("Run the program (Ctrl+R) to see what it prints."));
    // A printed line's tooltip names its task as every run view does.
    m_view->setSourceNamer([this](std::uint32_t task) {
        if (!m_session)
            return QString();
        const TaskList &tasks = m_session->recording().liveTasks();
        return task >= 1 && task <= tasks.size() ? tasks[task - 1].label() : QString();
    });
    m_limitsNote = new QLabel(this);
    m_limitsNote->setObjectName(QStringLiteral("limitsNote"));
    m_limitsNote->setWordWrap(true);
    m_limitsNote->setContentsMargins(6, 2, 6, 2);
    m_limitsNote->hide();
    layout->addWidget(m_limitsNote);
    layout->addWidget(m_view);
    // Clear and Copy, on the console's context menu and as keyboard shortcuts.
    auto *copy = new QAction(this);
    copy->setObjectName(QStringLiteral("actionCopyOutput"));
    connect(copy, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_view->hasSelection() ? m_view->selectedText() : m_view->toPlainText());
    });
    auto *clearAction = new QAction(this);
    clearAction->setObjectName(QStringLiteral("actionClearOutput"));
    connect(clearAction, &QAction::triggered, this, &OutputPanel::clear);
    m_wrapLines = new QAction(this);
    m_wrapLines->setObjectName(QStringLiteral("actionWrapLines"));
    m_wrapLines->setCheckable(true);
    m_wrapLines->setChecked(QSettings().value(QLatin1String(kWrapLinesKey), true).toBool());
    m_view->setWrapLines(m_wrapLines->isChecked());
    connect(m_wrapLines, &QAction::toggled, this, [this](bool wrap) {
        m_view->setWrapLines(wrap);
        QSettings().setValue(QLatin1String(kWrapLinesKey), wrap);
    });
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(copy);
    m_view->addAction(clearAction);
    m_view->addAction(separator);
    m_view->addAction(m_wrapLines);
    copy->setText(tr("Copy Output"));
    clearAction->setText(tr("Clear Output"));
    m_wrapLines->setText(tr("Wrap Long Lines"));
}

void OutputPanel::setClock(RunController::Clock clock, double speed)
{
    m_clock = clock;
    m_speed = speed;
}

OutputPanel::~OutputPanel() = default;

QStringList OutputPanel::printedLines() const
{
    QStringList lines;
    if (!m_session)
        return lines;
    const RunEventLog &events = m_session->recording().events();
    events.forEach(
        0, events.size(), [&lines](const RunEvent &e) { lines << e.text; },
        RunEventLog::kindBit(RunEvent::Kind::Printed));
    return lines;
}

bool OutputPanel::run(const Project &project)
{
    stop();
    m_hasSummary = false;
    m_view->clear();
    m_session.reset();
    auto program = std::make_shared<Program>();
    Problems problems;
    if (!compileProject(project, program.get(), &problems)) {
        m_view->appendLine(-1, tr("The program cannot run yet:"), ConsoleView::Tone::Error);
        for (const Problem &p : problems)
            m_view->appendLine(-1, QStringLiteral("• ") + ProblemText::message(p), ConsoleView::Tone::Error);
        return false;
    }
    m_entry = project.entry;
    m_view->appendLine(-1, QStringLiteral("asyncio.run(%1())").arg(project.entry), ConsoleView::Tone::Muted, true);
    m_limits = savedRunLimits();
    m_limitStop = LimitStop();
    m_thinnedBeforeNs = -1;
    // The console keeps its last lines; the two of its own (the asyncio.run line, the summary)
    // fit in as well.
    m_view->setMaximumLineCount(
        m_limits.maxConsoleLines ? std::size_t(m_limits.maxConsoleLines) + 2 : std::numeric_limits<std::size_t>::max());
    updateLimitsNote();
    m_session = std::make_unique<RunSession>(program);
    m_session->setLimits(m_limits);
    connect(m_session.get(), &RunSession::thinned, this, &OutputPanel::onThinned);
    m_session->controller().setClock(m_clock);
    m_session->controller().setSpeed(m_speed);
    // CPython seeds `random` from the operating system: an unseeded program runs with a seed
    // of its own, named here so that the run can be repeated (random.seed(N) in the program).
    const std::uint64_t seed = QRandomGenerator::system()->generate64() % 1'000'000'000ULL;
    m_session->controller().loop().setRandomSeed(seed);
    if (program->usesRandom && !program->randomSeed)
        m_view->appendLine(-1,
            tr("random is seeded with %1 for this run; write random.seed(%1) before asyncio.run() to repeat it")
                .arg(seed),
            ConsoleView::Tone::Muted, true);
    connect(m_session.get(), &RunSession::eventsAdded, this, &OutputPanel::onEventsAdded);
    connect(m_session.get(), &RunSession::finished, this, &OutputPanel::onFinished);
    m_running = true;
    emit sessionStarted(m_session.get());
    emit runningChanged(true);
    m_session->controller().start();
    return true;
}

void OutputPanel::clear()
{
    m_hasSummary = false;
    m_view->clear();
    updateLimitsNote();
}

void OutputPanel::onThinned(std::int64_t beforeNs)
{
    m_thinnedBeforeNs = beforeNs;
    updateLimitsNote();
}

void OutputPanel::updateLimitsNote()
{
    QStringList parts;
    if (const std::uint64_t dropped = m_view->droppedLineCount()) {
        parts << tr("The console keeps the last %1 of %2 lines.")
                     .arg(NumberFormat::count(m_view->lineCount()), NumberFormat::count(dropped + m_view->lineCount()));
    }
    if (m_thinnedBeforeNs >= 0) {
        parts << tr("The recording passed its %1 budget: up to %2 it holds task states only (no steps or prints).")
                     .arg(NumberFormat::bytes(m_limits.maxRecordingBytes), NumberFormat::seconds(m_thinnedBeforeNs));
    }
    m_limitsNote->setVisible(!parts.isEmpty());
    if (parts.isEmpty())
        return;
    parts << tr("Change the limits in Edit > Preferences.");
    m_limitsNote->setText(parts.join(QLatin1Char(' ')));
}

void OutputPanel::stop()
{
    if (m_session && m_running)
        m_session->controller().stop();
}

void OutputPanel::onEventsAdded(std::size_t first, std::size_t count)
{
    m_session->recording().events().forEach(
        first, first + count,
        [this](const RunEvent &event) {
            switch (event.kind) {
            case RunEvent::Kind::Printed:
                // print("a\nb") writes two lines; the console shows each with the same stamp.
                if (event.text.contains(QLatin1Char('\n'))) {
                    for (const QString &line : event.text.split(QLatin1Char('\n')))
                        m_view->appendLine(event.timeNs, line, taskTone(event.task), false, event.task);
                } else {
                    m_view->appendLine(event.timeNs, event.text, taskTone(event.task), false, event.task);
                }
                break;
            case RunEvent::Kind::Warning:
                m_view->appendLine(event.timeNs, event.text, ConsoleView::Tone::Warning);
                break;
            case RunEvent::Kind::Error:
                for (const QString &line : event.text.split(QLatin1Char('\n')))
                    m_view->appendLine(event.timeNs, line, ConsoleView::Tone::Error);
                break;
            default:
                break;
            }
        },
        RunEventLog::kindBit(RunEvent::Kind::Printed) | RunEventLog::kindBit(RunEvent::Kind::Warning)
            | RunEventLog::kindBit(RunEvent::Kind::Error));
    if (m_view->droppedLineCount() || !m_limitsNote->isHidden())
        updateLimitsNote();
}

QString OutputPanel::summary() const
{
    const QString time = NumberFormat::seconds(m_endNs);
    switch (m_outcome) {
    case RunOutcome::Completed:
        return tr("%1() returned after %2 of virtual time.").arg(m_entry, time);
    case RunOutcome::Failed:
        return tr("The program ended with an exception after %1.").arg(time);
    case RunOutcome::Deadlock:
        return tr("Deadlock after %1: every task waits and no timer is set, so CPython would hang here.").arg(time);
    case RunOutcome::Stopped:
        return tr("Stopped after %1.").arg(time);
    case RunOutcome::LimitReached:
        switch (m_limitStop.kind) {
        case LimitStop::Kind::LiveTasks:
            return tr("Stopped after %1: more than %2 tasks were alive at once, the limit of a run. "
                      "If the program needs more, raise it in Edit > Preferences.")
                .arg(time, NumberFormat::count(m_limitStop.limit));
        case LimitStop::Kind::Memory:
            return tr("Stopped after %1: the run reached its memory limit of %2 (tasks, frames and values). "
                      "If the program needs more, raise it in Edit > Preferences.")
                .arg(time, NumberFormat::bytes(m_limitStop.limit));
        case LimitStop::Kind::Recording:
            return tr("Stopped after %1: the run's recording reached its limit of %2, even with older moments kept "
                      "as task states only. Raise it in Edit > Preferences.")
                .arg(time, NumberFormat::bytes(m_limitStop.limit));
        case LimitStop::Kind::None:
            break;
        }
        return tr("Stopped after %1 on reaching a limit.").arg(time);
    }
    return QString();
}

void OutputPanel::onFinished(RunOutcome outcome)
{
    m_endNs = m_session ? m_session->controller().loop().now() : 0;
    m_outcome = outcome;
    m_limitStop = m_session ? m_session->controller().loop().limitStop() : LimitStop();
    const bool failed
        = outcome == RunOutcome::Failed || outcome == RunOutcome::Deadlock || outcome == RunOutcome::LimitReached;
    m_view->appendLine(-1, summary(), failed ? ConsoleView::Tone::Error : ConsoleView::Tone::Muted, true);
    m_hasSummary = true;
    if (m_view->droppedLineCount())
        updateLimitsNote();  // the summary counts as a line too
    // The session stays: the run can be replayed and exported until the next one starts.
    m_running = false;
    emit runningChanged(false);
    emit finished(outcome);
}

void OutputPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_view->setPlaceholderText(tr("Run the program (Ctrl+R) to see what it prints."));
        if (auto *a = findChild<QAction *>(QStringLiteral("actionCopyOutput")))
            a->setText(tr("Copy Output"));
        if (auto *a = findChild<QAction *>(QStringLiteral("actionClearOutput")))
            a->setText(tr("Clear Output"));
        m_wrapLines->setText(tr("Wrap Long Lines"));
        updateLimitsNote();
        // The console's own last word follows the language, as its stamps do.
        if (m_hasSummary && m_view->lineCount() > 0)
            m_view->replaceLineText(m_view->lineCount() - 1, summary());
    }
    QWidget::changeEvent(event);
}

}  // namespace tusk
