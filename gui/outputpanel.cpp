#include "outputpanel.h"

#include "compiler.h"
#include "problemtext.h"
#include "runsession.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tusk {

namespace {

QString seconds(std::int64_t ns)
{
    return QString::number(double(ns) / 1e9, 'f', 1);
}

} // namespace

OutputPanel::OutputPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("outputPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("output"));
    m_view->setReadOnly(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setMaximumBlockCount(20000);  // a loop that prints without end must not eat the memory
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    m_view->setFont(mono);
    m_view->setPlaceholderText(tr("Run the program (Ctrl+R) to see what it prints."));
    m_view->document()->setUndoRedoEnabled(false);  // a console needs no undo history
    layout->addWidget(m_view);
    // Clear and Copy, on the console's context menu and as keyboard shortcuts.
    auto *copy = new QAction(this);
    copy->setObjectName(QStringLiteral("actionCopyOutput"));
    connect(copy, &QAction::triggered, this, [this] {
        QString selected = m_view->textCursor().selectedText();
        QApplication::clipboard()->setText(selected.isEmpty() ? m_view->toPlainText()
                                                              : selected.replace(QChar::ParagraphSeparator, QLatin1Char('\n')));
    });
    auto *clearAction = new QAction(this);
    clearAction->setObjectName(QStringLiteral("actionClearOutput"));
    connect(clearAction, &QAction::triggered, this, &OutputPanel::clear);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(copy);
    m_view->addAction(clearAction);
    copy->setText(tr("Copy Output"));
    clearAction->setText(tr("Clear Output"));
}

void OutputPanel::setClock(RunController::Clock clock, double speed)
{
    m_clock = clock;
    m_speed = speed;
}

QColor OutputPanel::taskColor(TaskId task) const
{
    // The entry task prints in the text colour; other tasks cycle through Okabe-Ito colours
    // that read on either palette (orange and vermillion are kept for warnings and errors).
    if (task <= 1)
        return QColor();
    const bool dark = Theme::isDark();
    static const QColor light[] = {QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x7A, 0x59), QColor(0xA8, 0x4A, 0x82)};
    static const QColor darkColors[] = {Theme::OkabeIto::SkyBlue, QColor(0x3C, 0xC4, 0x9C), Theme::OkabeIto::ReddishPurple};
    const std::size_t i = (task - 2) % 3;
    return dark ? darkColors[i] : light[i];
}

OutputPanel::~OutputPanel() = default;

void OutputPanel::append(const QString &time, const QString &text, const QColor &color, bool italic)
{
    // Plain blocks with character formats (no HTML to parse: thousands of lines per frame);
    // the time in a muted column of its own.
    const QString stamp = time.isEmpty() ? QString(9, QLatin1Char(' ')) : QStringLiteral("%1 s  ").arg(time, 5);
    QTextCursor own;
    if (!m_batch) {
        own = QTextCursor(m_view->document());
        own.movePosition(QTextCursor::End);
    }
    QTextCursor &cursor = m_batch ? *m_batch : own;  // one cursor for a whole batch
    if (!m_view->document()->isEmpty())
        cursor.insertBlock();
    QTextCharFormat muted;
    muted.setForeground(Theme::canvas().mutedText);
    cursor.insertText(stamp, muted);
    QTextCharFormat body;
    if (color.isValid())
        body.setForeground(color);
    body.setFontItalic(italic);
    cursor.insertText(text, body);
}

bool OutputPanel::run(const Project &project)
{
    stop();
    m_view->clear();
    m_printed.clear();
    m_session.reset();
    auto program = std::make_shared<Program>();
    Problems problems;
    if (!compileProject(project, program.get(), &problems)) {
        append(QString(), tr("The program cannot run yet:"), Theme::canvas().error);
        for (const Problem &p : problems)
            append(QString(), QStringLiteral("• ") + ProblemText::message(p), Theme::canvas().error);
        return false;
    }
    m_entry = project.entry;
    append(QString(), QStringLiteral("asyncio.run(%1())").arg(project.entry), Theme::canvas().mutedText, true);
    m_session = std::make_unique<RunSession>(program);
    m_session->controller().setClock(m_clock);
    m_session->controller().setSpeed(m_speed);
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
    m_view->clear();
    m_printed.clear();
}

void OutputPanel::stop()
{
    if (m_session && m_running)
        m_session->controller().stop();
}

void OutputPanel::onEventsAdded(std::size_t first, std::size_t count)
{
    // Follow the end only when the reader is there already.
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor batch(m_view->document());
    batch.movePosition(QTextCursor::End);
    batch.beginEditBlock();  // one layout pass for the whole batch
    m_batch = &batch;
    const RunEventLog &events = m_session->recording().events();
    for (std::size_t i = first; i < first + count; ++i) {
    const RunEvent &event = events[i];
    switch (event.kind) {
    case RunEvent::Kind::Printed:
        m_printed << event.text;
        append(seconds(event.timeNs), event.text, taskColor(event.task));
        break;
    case RunEvent::Kind::Warning:
        append(seconds(event.timeNs), event.text, Theme::OkabeIto::Orange);
        break;
    case RunEvent::Kind::Error:
        for (const QString &line : event.text.split(QLatin1Char('\n')))
            append(seconds(event.timeNs), line, Theme::canvas().error);
        break;
    default:
        break;
    }
    }
    m_batch = nullptr;
    batch.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void OutputPanel::onFinished(RunOutcome outcome)
{
    const std::int64_t ns = m_session ? m_session->controller().loop().now() : 0;
    QString text;
    QColor color = Theme::canvas().mutedText;
    switch (outcome) {
    case RunOutcome::Completed:
        text = tr("%1() returned after %2 s of virtual time.").arg(m_entry, seconds(ns));
        break;
    case RunOutcome::Failed:
        text = tr("The program ended with an exception after %1 s.").arg(seconds(ns));
        color = Theme::canvas().error;
        break;
    case RunOutcome::Deadlock:
        text = tr("Deadlock after %1 s: every task waits and no timer is set, so CPython would hang here.").arg(seconds(ns));
        color = Theme::canvas().error;
        break;
    case RunOutcome::Stopped:
        text = tr("Stopped after %1 s.").arg(seconds(ns));
        break;
    }
    append(QString(), text, color, true);
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
    }
    QWidget::changeEvent(event);
}

} // namespace tusk
