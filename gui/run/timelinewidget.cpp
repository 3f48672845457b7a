#include "timelinewidget.h"

#include "numberformat.h"
#include "runstyle.h"
#include "theme.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace tusk {

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(80);
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(600, 160);
}

void TimelineWidget::reset()
{
    m_pendingLog = nullptr;
    m_recording = nullptr;
    m_rows.clear();
    m_labelWidth = 120;
    m_longestLabel = 0;
    m_nowNs = 0;
    m_cursorNs = -1;
    m_firstRow = 0;
    m_autoFit = true;
    m_scrubbable = false;
    fit();
    update();
}

void TimelineWidget::addEvents(const RunEventLog &events, std::size_t first, std::size_t count)
{
    if (m_pendingLog && (m_pendingLog != &events || m_pendingEnd != first))
        takeInPending();  // not contiguous with what is noted: read that first
    if (!m_pendingLog) {
        m_pendingLog = &events;
        m_pendingFirst = first;
    }
    m_pendingEnd = first + count;
    if (isVisible()) {
        takeInPending();
        update();
    }
}

void TimelineWidget::takeInPending() const
{
    if (!m_pendingLog)
        return;
    const RunEventLog *log = m_pendingLog;
    m_pendingLog = nullptr;
    takeIn(*log, m_pendingFirst, m_pendingEnd);
}

void TimelineWidget::takeIn(const RunEventLog &events, std::size_t first, std::size_t last) const
{
    events.forEach(
        first, last,
        [this](const RunEvent &e) {
            if (e.kind == RunEvent::Kind::TaskCreated) {
                if (m_rows.size() < e.task)
                    m_rows.resize(e.task);
                Row &r = m_rows[e.task - 1];
                r.id = e.task;
                r.creator = e.other;
                // The recording has taken in every event the timeline reads, so its live list
                // already knows this task's coroutine and variable.
                const TaskList *live = m_recording ? &m_recording->liveTasks() : nullptr;
                r.name = live && e.task <= live->size() ? (*live)[e.task - 1].label() : e.text;
                // Measuring text is slow (ten thousand labels took longer than the run): only a
                // label longer than any before can need a wider column.
                if (r.name.size() > m_longestLabel) {
                    m_longestLabel = int(r.name.size());
                    m_labelWidth = std::clamp(fontMetrics().horizontalAdvance(r.name) + 16, m_labelWidth, 280);
                }
                r.createdNs = e.timeNs;
                r.segments.reserve(8);  // one allocation for a typical task's whole life
                r.segments.push_back({e.timeNs, -1, TaskState::Pending});
            } else if (e.kind == RunEvent::Kind::StateChanged && e.task >= 1 && e.task <= m_rows.size()) {
                auto &segs = m_rows[e.task - 1].segments;
                if (!segs.empty() && segs.back().endNs < 0) {
                    if (segs.back().state == e.state)
                        return;
                    segs.back().endNs = e.timeNs;
                    // Zero-length stretches (ready then running at the same instant) add nothing.
                    if (segs.back().startNs == e.timeNs && segs.size() > 1)
                        segs.pop_back();
                }
                // A final state is a point, not a stretch: the segment closes at once.
                segs.push_back({e.timeNs, isFinalState(e.state) ? e.timeNs : -1, e.state, e.other});
            }
        },
        RunEventLog::kindBit(RunEvent::Kind::TaskCreated) | RunEventLog::kindBit(RunEvent::Kind::StateChanged));
}

void TimelineWidget::showEvent(QShowEvent *event)
{
    takeInPending();
    QWidget::showEvent(event);
}

void TimelineWidget::setNow(std::int64_t ns)
{
    m_nowNs = ns;
    if (m_autoFit)
        fit();
    update();
}

void TimelineWidget::setScrubbable(bool on)
{
    m_scrubbable = on;
    if (!on)
        m_cursorNs = -1;
    update();
}

std::int64_t TimelineWidget::finishedAt(TaskId id) const
{
    takeInPending();
    if (id < 1 || id > m_rows.size())
        return -1;
    const auto &segs = m_rows[id - 1].segments;
    return !segs.empty() && isFinalState(segs.back().state) ? segs.back().startNs : -1;
}

int TimelineWidget::rowHeight() const
{
    return fontMetrics().height() + 6;
}

int TimelineWidget::axisHeight() const
{
    return fontMetrics().height() + 8;
}

int TimelineWidget::visibleRows() const
{
    return qMax(1, (height() - axisHeight() - legendHeight()) / rowHeight());
}

int TimelineWidget::timeToX(std::int64_t ns) const
{
    return labelWidth() + int(std::lround(double(ns - m_originNs) * m_pxPerNs));
}

std::int64_t TimelineWidget::xToTime(int x) const
{
    return m_originNs + std::int64_t(std::llround(double(x - labelWidth()) / m_pxPerNs));
}

int TimelineWidget::rowY(int row) const
{
    return axisHeight() + (row - m_firstRow) * rowHeight();
}

void TimelineWidget::fit()
{
    const int plot = qMax(50, width() - labelWidth() - 40);  // room for the last tick label
    const std::int64_t span = qMax<std::int64_t>(m_nowNs, 1'000'000'000);
    m_pxPerNs = double(plot) / double(span);
    m_originNs = 0;
}

void TimelineWidget::zoomAt(double factor, int x)
{
    const std::int64_t anchor = xToTime(x);
    m_pxPerNs = std::clamp(m_pxPerNs * factor, 1e-12, 1e-3);
    m_originNs = anchor - std::int64_t(double(x - labelWidth()) / m_pxPerNs);
    m_autoFit = false;
    update();
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    if (m_autoFit)
        fit();
    QWidget::resizeEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    takeInPending();
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAt(std::pow(1.2, delta / 120.0), int(event->position().x()));
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_originNs -= std::int64_t(double(delta) / m_pxPerNs / 2);
        m_autoFit = false;
        update();
    } else {
        const int visible = visibleRows();
        m_firstRow = std::clamp(m_firstRow - delta / 40, 0, qMax(0, int(m_rows.size()) - visible));
        update();
    }
    event->accept();
}

void TimelineWidget::clearCursor()
{
    if (m_cursorNs < 0)
        return;
    m_cursorNs = -1;
    update();
    emit returnedToEnd();
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_End && m_cursorNs >= 0) {
        clearCursor();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString TimelineWidget::toolTipAt(const QPoint &pos) const
{
    takeInPending();
    const int rh = rowHeight();
    if (pos.y() < axisHeight() || pos.y() >= height() - legendHeight() || pos.x() < labelWidth())
        return {};
    const int row = m_firstRow + (pos.y() - axisHeight()) / rh;
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[std::size_t(row)];
    // A final state is drawn as a shape a row high: it takes the pointer within half of that.
    const std::int64_t t = xToTime(pos.x());
    const std::int64_t slack = std::int64_t(double(rh / 2) / m_pxPerNs);
    for (auto it = r.segments.rbegin(); it != r.segments.rend(); ++it) {
        const Segment &s = *it;
        if (isFinalState(s.state)) {
            if (std::llabs(t - s.startNs) <= slack)
                return tr("%1\n%2 at %3").arg(r.name, RunStyle::stateName(s.state), NumberFormat::seconds(s.startNs));
            continue;
        }
        const std::int64_t end = s.endNs < 0 ? m_nowNs : s.endNs;
        if (t < s.startNs || t > end)
            continue;
        QString what = RunStyle::stateName(s.state);
        if (s.state == TaskState::WaitingTask && s.other >= 1 && s.other <= m_rows.size())
            what = tr("Waiting for %1").arg(m_rows[s.other - 1].name);
        const QString span = s.endNs < 0
            ? tr("from %1, still at %2").arg(NumberFormat::seconds(s.startNs), NumberFormat::seconds(m_nowNs))
            : tr("from %1 to %2").arg(NumberFormat::seconds(s.startNs), NumberFormat::seconds(s.endNs));
        return QStringLiteral("%1\n%2, %3").arg(r.name, what, span);
    }
    return {};
}

void TimelineWidget::scrubTo(int x)
{
    m_cursorNs = std::clamp<std::int64_t>(xToTime(x), 0, m_nowNs);
    update();
    emit scrubbed(m_cursorNs);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    takeInPending();
    if (event->button() == Qt::LeftButton && m_scrubbable && event->position().x() >= labelWidth()) {
        m_scrubbing = true;
        scrubTo(int(event->position().x()));
    } else if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        m_panFromX = int(event->position().x());
        m_panFromOrigin = m_originNs;
        setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        scrubTo(int(event->position().x()));
    } else if (m_panFromX >= 0) {
        m_originNs = m_panFromOrigin - std::int64_t(double(int(event->position().x()) - m_panFromX) / m_pxPerNs);
        m_autoFit = false;
        update();
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *)
{
    m_scrubbing = false;
    m_panFromX = -1;
    unsetCursor();
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();  // the axis labels are in the language's number format
    QWidget::changeEvent(event);
}

QList<QPair<std::int64_t, QString>> TimelineWidget::axisTicks() const
{
    // A tick at a round step that leaves some 80 px between labels.
    const double secondsPer80 = 80.0 / (m_pxPerNs * 1e9);
    double step = std::pow(10.0, std::floor(std::log10(secondsPer80)));
    if (secondsPer80 / step > 5)
        step *= 5;
    else if (secondsPer80 / step > 2)
        step *= 2;
    const std::int64_t stepNs = qMax<std::int64_t>(1, std::int64_t(step * 1e9));
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
    QList<QPair<std::int64_t, QString>> ticks;
    for (std::int64_t t = (qMax<std::int64_t>(0, m_originNs) / stepNs) * stepNs; timeToX(t) < width(); t += stepNs) {
        if (timeToX(t) >= labelWidth())
            ticks.append({t, NumberFormat::seconds(t, decimals)});
    }
    return ticks;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    takeInPending();
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const Theme::Canvas canvas = Theme::canvas();
    const int rh = rowHeight();
    const int ah = axisHeight();
    const int left = labelWidth();

    for (const auto &[t, label] : axisTicks()) {
        const int x = timeToX(t);
        p.setPen(canvas.grid);
        p.drawLine(x, ah - 3, x, height());
        p.setPen(canvas.mutedText);
        p.drawText(QRect(x + 3, 0, 80, ah), Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // Rows: the name, then the state segments.
    const int visible = visibleRows() + 1;
    const int last = qMin(int(m_rows.size()), m_firstRow + visible);
    const int rowsBottom = height() - legendHeight();
    p.setClipRect(QRect(0, ah, width(), rowsBottom - ah));
    for (int i = m_firstRow; i < last; ++i) {
        const Row &r = m_rows[std::size_t(i)];
        const int y = rowY(i);
        if (i % 2)
            p.fillRect(QRect(0, y, width(), rh), pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(6, y, left - 10, rh), Qt::AlignLeft | Qt::AlignVCenter,
            fontMetrics().elidedText(r.name, Qt::ElideRight, left - 10));
        for (const Segment &s : r.segments) {
            const int x0 = qMax(left, timeToX(s.startNs));
            const int x1 = timeToX(s.endNs < 0 ? m_nowNs : s.endNs);
            if (x1 < left || x0 > width())
                continue;
            if (isFinalState(s.state)) {
                // The end of a task: its state's shape, so that done, cancelled and failed
                // differ by more than colour.
                const int side = rh - 6;
                RunStyle::stateIcon(s.state).paint(&p, QRect(x0 - side / 2, y + 3, side, side));
                continue;
            }
            paintSegment(p, QRect(x0, y + 4, qMax(1, x1 - x0), rh - 8), s.state, pal);
        }
        // Awaited: when the awaited task ends, a dashed arrow from it to the waiter.
        for (const Segment &s : r.segments) {
            if (s.state != TaskState::WaitingTask || s.endNs < 0 || s.other < 1 || int(s.other) - 1 < m_firstRow
                || int(s.other) - 1 >= last)
                continue;
            const int x = timeToX(s.endNs);
            if (x < left || x > width())
                continue;
            const int from = rowY(int(s.other) - 1) + rh / 2;
            const int to = from < y ? y + 4 : y + rh - 4;
            const int tip = from < y ? -4 : 4;
            p.setPen(QPen(canvas.arrow, 1, Qt::DashLine));
            p.drawLine(x, from, x, to);
            p.setPen(QPen(canvas.arrow, 1));
            p.drawLine(x, to, x - 3, to + tip);
            p.drawLine(x, to, x + 3, to + tip);
        }
        // Created by: a thin arrow from the creator's row at the moment of creation.
        if (r.creator >= 1 && int(r.creator) - 1 >= m_firstRow && int(r.creator) - 1 < last) {
            const int x = timeToX(r.createdNs);
            if (x >= left) {
                p.setPen(QPen(canvas.arrow, 1));
                const int from = rowY(int(r.creator) - 1) + rh / 2;
                const int to = y + 4;
                p.drawLine(x, from, x, to);
                p.drawLine(x, to, x - 3, to - 4);
                p.drawLine(x, to, x + 3, to - 4);
            }
        }
    }
    p.setClipping(false);

    // Now, and the scrub cursor.
    const int nowX = timeToX(m_nowNs);
    if (nowX >= left && nowX <= width()) {
        p.setPen(QPen(Theme::accent(), 2));
        p.drawLine(nowX, ah - 4, nowX, height());
    }
    if (m_cursorNs >= 0) {
        const int x = timeToX(m_cursorNs);
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        p.drawLine(x, 0, x, height());
        // On a plate of the window's colour, so that the axis labels under it do not show through.
        const QString when = NumberFormat::seconds(m_cursorNs);
        const QRect plate(x + 1, 1, fontMetrics().horizontalAdvance(when) + 8, ah - 3);
        p.fillRect(plate, pal.color(QPalette::Window));
        p.drawText(plate, Qt::AlignCenter, when);
    }
    p.setPen(canvas.grid);
    p.drawLine(left - 2, 0, left - 2, rowsBottom);
    p.drawLine(0, ah - 1, width(), ah - 1);
    paintLegend(p);
}

std::vector<TimelineWidget::LegendEntry> TimelineWidget::legendEntries() const
{
    // What the patterns mean: a swatch per state, then the two arrows. Laid out left to right
    // and wrapped onto as many lines as the width needs, so that no entry is ever cut off
    // (Russian labels are longer, and the bottom dock may be narrow).
    std::vector<LegendEntry> entries;
    const QFontMetrics fm = fontMetrics();
    const int sw = fm.height();
    const int lineHeight = fm.height() + 8;
    const int usable = qMax(1, width() - 12);
    int x = 6;
    int line = 0;
    const auto place = [&](LegendEntry e) {
        const int w = e.markWidth + fm.horizontalAdvance(e.text) + 14;
        if (x > 6 && x + w - 14 > usable) {
            x = 6;
            ++line;
        }
        e.rect = QRect(x, line * lineHeight, w - 14, lineHeight);
        x += w;
        entries.push_back(std::move(e));
    };
    for (TaskState s : {TaskState::Pending, TaskState::Ready, TaskState::Running, TaskState::Sleeping,
             TaskState::WaitingTask, TaskState::Done, TaskState::Cancelled, TaskState::Failed})
        place({LegendEntry::Mark::State, s, s == TaskState::WaitingTask ? tr("Waiting") : RunStyle::stateName(s),
            sw + 4, {}});
    place({LegendEntry::Mark::CreatedArrow, TaskState::Pending, tr("created"), 8, {}});
    place({LegendEntry::Mark::AwaitedArrow, TaskState::Pending, tr("awaited task finished"), 8, {}});
    return entries;
}

int TimelineWidget::legendHeight() const
{
    const std::vector<LegendEntry> entries = legendEntries();
    const int lines = entries.empty() ? 1 : entries.back().rect.bottom() / (fontMetrics().height() + 8) + 1;
    return lines * (fontMetrics().height() + 8);
}

void TimelineWidget::paintLegend(QPainter &p)
{
    const QPalette pal = palette();
    const Theme::Canvas canvas = Theme::canvas();
    const int top = height() - legendHeight();
    p.fillRect(QRect(0, top, width(), height() - top), pal.color(QPalette::Window));
    p.setPen(canvas.grid);
    p.drawLine(0, top, width(), top);
    const QFontMetrics fm = fontMetrics();
    const int sw = fm.height();
    for (const LegendEntry &e : legendEntries()) {
        const QRect r = e.rect.translated(0, top);
        const int mid = r.top() + r.height() / 2;
        switch (e.mark) {
        case LegendEntry::Mark::State:
            if (isFinalState(e.state))
                RunStyle::stateIcon(e.state).paint(&p, QRect(r.left(), mid - sw / 2, sw, sw));
            else
                paintSegment(p, QRect(r.left(), mid - sw / 4, sw, sw / 2), e.state, pal);
            break;
        case LegendEntry::Mark::CreatedArrow:
        case LegendEntry::Mark::AwaitedArrow: {
            const int ax = r.left();
            p.setPen(QPen(canvas.arrow, 1, e.mark == LegendEntry::Mark::AwaitedArrow ? Qt::DashLine : Qt::SolidLine));
            p.drawLine(ax, mid - 5, ax, mid + 5);
            p.setPen(QPen(canvas.arrow, 1));
            p.drawLine(ax, mid + 5, ax - 3, mid + 1);
            p.drawLine(ax, mid + 5, ax + 3, mid + 1);
            break;
        }
        }
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(r.left() + e.markWidth, r.top(), r.width() - e.markWidth + 2, r.height()),
            Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
}

void TimelineWidget::paintSegment(QPainter &p, const QRect &rect, TaskState state, const QPalette &pal)
{
    // Waiting is hatched and sleeping dotted, so that states differ without colour too.
    p.fillRect(rect, Theme::taskStateColor(state));
    if (state == TaskState::WaitingTask || state == TaskState::WaitingGather)
        p.fillRect(rect, QBrush(pal.color(QPalette::Base), Qt::BDiagPattern));
    else if (state == TaskState::Sleeping)
        p.fillRect(rect, QBrush(pal.color(QPalette::Base), Qt::Dense6Pattern));
}

}  // namespace tusk
