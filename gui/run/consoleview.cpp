#include "consoleview.h"

#include "numberformat.h"
#include "theme.h"

#include <QApplication>
#include <QClipboard>
#include <QFocusEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextBoundaryFinder>
#include <QTextLayout>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <climits>
#include <cmath>

namespace tusk {

namespace {

constexpr int kMargin = 4;  // like a text document's margin
constexpr int kStampWidth = 9;  // "  1.0 s  "
constexpr int kMaxLayoutChars = 10'000;  // shaping a megabyte-long line would freeze the paint
constexpr std::size_t kLayoutCache = 512;
constexpr qreal kUnboundedWidth = 1e6;  // no wrapping: a line is as wide as its text

}  // namespace

ConsoleView::ConsoleView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
    // Reading the scroll bar is how a reader says "stay here" or "follow": only their moves
    // count, not the ones the view makes while lines arrive.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_adjusting)
            m_follow = value >= verticalScrollBar()->maximum();
    });
}

ConsoleView::~ConsoleView() = default;

QString ConsoleView::stamp(std::int64_t timeNs)
{
    if (timeNs < 0)
        return QString(kStampWidth, QLatin1Char(' '));
    // In the UI language ("  1,0 с  "), as every other time the views show.
    return QStringLiteral("%1  ").arg(NumberFormat::seconds(timeNs), kStampWidth - 2);
}

void ConsoleView::appendLine(std::int64_t timeNs, const QString &text, Tone tone, bool italic, std::uint32_t source)
{
    if (lineCount() >= m_maxLines)
        dropOldest(lineCount() - m_maxLines + 1);
    m_lines.push_back(Line {timeNs, text, tone, italic, source});
    // A character count is enough for the horizontal range; painting refines it with the
    // real widths of the lines it lays out.
    const int chars = kStampWidth + int(std::min<qsizetype>(text.size(), kMaxLayoutChars));
    if (chars > m_longestChars)
        m_longestChars = chars;
    scheduleSync();
}

void ConsoleView::replaceLineText(std::size_t i, const QString &text)
{
    if (i >= lineCount())
        return;
    m_lines[m_head + i].text = text;
    m_layouts.erase(m_dropped + i);
    const int chars = kStampWidth + int(std::min<qsizetype>(text.size(), kMaxLayoutChars));
    m_longestChars = std::max(m_longestChars, chars);
    scheduleSync();
}

void ConsoleView::reserve(std::size_t lines)
{
    m_lines.reserve(m_head + std::min(lines, m_maxLines));
}

void ConsoleView::clear()
{
    const bool had = hasSelection();
    std::vector<Line>().swap(m_lines);  // give the memory back, not just the size
    m_head = 0;
    m_dropped = 0;
    m_pendingDrop = 0;
    m_longestChars = 0;
    m_measuredWidth = 0;
    m_layouts.clear();
    m_anchor = m_cursor = m_unitStart = m_unitEnd = Pos();
    m_selecting = false;
    m_autoScroll.stop();
    m_follow = true;
    m_syncPending = false;
    updateScrollBars();
    viewport()->update();
    if (had)
        emit selectionChanged();
}

QString ConsoleView::lineText(std::size_t i) const
{
    if (i >= lineCount())
        return QString();
    const Line &line = at(i);
    return stamp(line.timeNs) + line.text;
}

QString ConsoleView::toPlainText() const
{
    QString out;
    for (std::size_t i = 0; i < lineCount(); ++i) {
        if (i)
            out += QLatin1Char('\n');
        out += stamp(at(i).timeNs);
        out += at(i).text;
    }
    return out;
}

void ConsoleView::dropOldest(std::size_t n)
{
    n = std::min(n, lineCount());
    if (!n)
        return;
    for (std::size_t k = 0; k < n; ++k)
        m_lines[m_head + k].text = QString();  // free the text now, the slot goes at compaction
    m_head += n;
    m_dropped += n;
    m_pendingDrop += n;
    // Compact when the dropped slots are half the vector: amortised O(1) per dropped line.
    if (m_head >= 4096 && m_head * 2 >= m_lines.size()) {
        m_lines.erase(m_lines.begin(), m_lines.begin() + std::ptrdiff_t(m_head));
        m_head = 0;
    }
    // The selection keeps to the lines still there: clipped to the oldest one, or gone with them.
    const Pos first {m_dropped, 0};
    if (m_anchor < first || m_cursor < first) {
        const bool had = hasSelection();
        m_anchor = std::max(m_anchor, first);
        m_cursor = std::max(m_cursor, first);
        m_unitStart = std::max(m_unitStart, first);
        m_unitEnd = std::max(m_unitEnd, first);
        if (had)
            emit selectionChanged();
    }
}

void ConsoleView::setMaximumLineCount(std::size_t n)
{
    m_maxLines = std::max<std::size_t>(1, n);
    if (lineCount() > m_maxLines) {
        dropOldest(lineCount() - m_maxLines);
        scheduleSync();
    }
}

void ConsoleView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    if (!lineCount())
        viewport()->update();
}

// --- Scrolling ------------------------------------------------------------------------------

void ConsoleView::scheduleSync()
{
    // One queued call per event-loop turn, however many lines arrive in it.
    if (m_syncPending)
        return;
    m_syncPending = true;
    QMetaObject::invokeMethod(this, &ConsoleView::syncNow, Qt::QueuedConnection);
}

void ConsoleView::syncNow()
{
    if (!m_syncPending)
        return;
    m_syncPending = false;
    updateScrollBars();
    viewport()->update();
}

int ConsoleView::visibleLineCapacity() const
{
    return std::max(1, int((viewport()->height() - 2 * kMargin) / m_lineHeight));
}

int ConsoleView::lastFirstLine() const
{
    if (!m_wrap) {
        const std::size_t capacity = std::size_t(visibleLineCapacity());
        return lineCount() > capacity ? int(std::min<std::size_t>(lineCount() - capacity, INT_MAX)) : 0;
    }
    // Wrapped lines differ in height: walk back from the end until the view is full. Only the
    // last screenful is laid out, however many lines there are.
    const qreal height = viewport()->height() - 2 * kMargin;
    std::size_t first = lineCount();
    qreal used = 0;
    while (first > 0) {
        const qreal rows = rowsOf(first - 1) * m_lineHeight;
        if (used + rows > height && first < lineCount())
            break;
        used += rows;
        --first;
    }
    return int(std::min<std::size_t>(first, INT_MAX));
}

std::size_t ConsoleView::firstVisibleLine() const
{
    // Computed from the lines, not only the scroll bar: a paint before the queued sync (a grab
    // right after appending) already shows the end.
    const int last = lastFirstLine();
    if (m_follow && !m_selecting)  // a drag selection holds the view still
        return std::size_t(last);
    const std::int64_t value = std::int64_t(verticalScrollBar()->value()) - std::int64_t(m_pendingDrop);
    return std::size_t(std::clamp<std::int64_t>(value, 0, last));
}

void ConsoleView::updateScrollBars()
{
    QScopedValueRollback guard(m_adjusting, true);
    const int first = int(firstVisibleLine());
    m_pendingDrop = 0;
    QScrollBar *v = verticalScrollBar();
    v->setRange(0, lastFirstLine());
    v->setPageStep(visibleLineCapacity());
    v->setSingleStep(1);
    v->setValue(first);

    QScrollBar *h = horizontalScrollBar();
    const qreal width = std::max(m_longestChars * m_charWidth, m_measuredWidth);
    const int content = int(std::ceil(width)) + 2 * kMargin;
    h->setRange(0, m_wrap ? 0 : std::max(0, content - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(int(std::ceil(m_charWidth * 2)));
}

void ConsoleView::setWrapLines(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_layouts.clear();
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

int ConsoleView::rowsOf(std::size_t i) const
{
    return m_wrap ? std::max(1, layoutFor(i)->lineCount()) : 1;
}

qreal ConsoleView::wrapWidth() const
{
    // Never so narrow that a wrapped row holds no more than a few characters.
    return std::max(20 * m_charWidth, qreal(viewport()->width() - 2 * kMargin));
}

void ConsoleView::scrollToEnd()
{
    m_follow = true;
    m_syncPending = true;
    syncNow();
}

void ConsoleView::scrollBy(int lines)
{
    QScrollBar *v = verticalScrollBar();
    v->setValue(v->value() + lines);
}

void ConsoleView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void ConsoleView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

// --- Looks ----------------------------------------------------------------------------------

void ConsoleView::updateMetrics()
{
    const QFontMetricsF fm(font());
    m_lineHeight = std::ceil(fm.lineSpacing());
    m_ascent = fm.ascent();
    m_charWidth = fm.horizontalAdvance(QLatin1Char('0'));
    // Tab stops every 8 cells from where the printed text starts, as in a terminal, not from
    // the stamp column's left edge.
    m_tabs.clear();
    for (int k = 1; k <= 32; ++k)
        m_tabs << QTextOption::Tab((kStampWidth + 8 * k) * m_charWidth, QTextOption::LeftTab);
}

void ConsoleView::invalidateLayouts()
{
    m_layouts.clear();
    viewport()->update();
}

QColor ConsoleView::toneColor(Tone tone) const
{
    // The task colours are those of OutputPanel::taskColor: Okabe-Ito hues that read on
    // either palette (orange and vermillion stay for warnings and errors).
    const bool dark = Theme::isDark();
    switch (tone) {
    case Tone::Text:
        return palette().color(QPalette::Text);
    case Tone::Muted:
        return Theme::canvas().mutedText;
    case Tone::Warning:
        return Theme::canvas().warning;
    case Tone::Error:
        return Theme::canvas().error;
    case Tone::TaskA:
        return dark ? Theme::OkabeIto::SkyBlue : QColor(0x00, 0x72, 0xB2);
    case Tone::TaskB:
        return dark ? QColor(0x3C, 0xC4, 0x9C) : QColor(0x00, 0x7A, 0x59);
    case Tone::TaskC:
        return dark ? Theme::OkabeIto::ReddishPurple : QColor(0xA8, 0x4A, 0x82);
    }
    return palette().color(QPalette::Text);
}

QTextLayout *ConsoleView::layoutFor(std::size_t i) const
{
    // Wrapped layouts are as wide as the view was: a resize, or a scroll bar coming or going,
    // lays them out again.
    if (m_wrap && wrapWidth() != m_layoutWidth) {
        m_layouts.clear();
        m_layoutWidth = wrapWidth();
    }
    const std::uint64_t key = m_dropped + i;
    if (const auto it = m_layouts.find(key); it != m_layouts.end())
        return it->second.get();
    if (m_layouts.size() >= kLayoutCache)
        m_layouts.clear();  // a screenful is re-laid out in well under a millisecond
    const Line &line = at(i);
    const QString prefix = stamp(line.timeNs);
    QString shown = prefix;
    shown += QStringView(line.text).left(kMaxLayoutChars);
    // Line breaks inside a line would start a second text line: shown as spaces, one for one,
    // so that columns still match lineText().
    for (QChar &c : shown) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    auto layout = std::make_unique<QTextLayout>(shown, font());
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * m_charWidth);
    option.setTabs(m_tabs);
    layout->setTextOption(option);
    QTextCharFormat muted;
    muted.setForeground(toneColor(Tone::Muted));
    QTextCharFormat body;
    body.setForeground(toneColor(line.tone));
    if (line.italic)
        body.setFontItalic(true);
    const int stampLength = int(prefix.size());
    layout->setFormats({QTextLayout::FormatRange {0, stampLength, muted},
        QTextLayout::FormatRange {stampLength, int(shown.size()) - stampLength, body}});
    layout->setCacheEnabled(true);
    layout->beginLayout();
    const qreal width = m_wrap ? m_layoutWidth : kUnboundedWidth;
    // A wrapped line's later rows start under its text, so that the stamps stay a column.
    const qreal indent = m_wrap ? std::min(kStampWidth * m_charWidth, width / 2) : 0;
    for (int row = 0;; ++row) {
        QTextLine textLine = layout->createLine();
        if (!textLine.isValid())
            break;
        const qreal x = row ? indent : 0;
        textLine.setLineWidth(width - x);
        textLine.setPosition(QPointF(x, row * m_lineHeight));
    }
    layout->endLayout();
    const qreal natural = layout->lineCount() ? layout->lineAt(0).naturalTextWidth() : 0;
    if (!m_wrap && natural > m_measuredWidth) {
        // Wider than the estimate (wide characters, tabs): widen the scroll range, later.
        const bool wider = natural > std::max(m_longestChars * m_charWidth, m_measuredWidth);
        m_measuredWidth = natural;
        if (wider)
            const_cast<ConsoleView *>(this)->scheduleSync();
    }
    QTextLayout *result = layout.get();
    m_layouts.emplace(key, std::move(layout));
    return result;
}

QRect ConsoleView::lineRect(std::size_t i) const
{
    const std::size_t first = firstVisibleLine();
    if (i >= lineCount() || i < first)
        return QRect();
    qreal top = kMargin;
    for (std::size_t k = first; k < i && top < viewport()->height(); ++k)
        top += rowsOf(k) * m_lineHeight;
    if (top >= viewport()->height())
        return QRect();
    const int width = int(std::ceil(m_wrap ? wrapWidth() : std::max(m_longestChars * m_charWidth, m_measuredWidth)));
    return QRect(kMargin - horizontalScrollBar()->value(), int(top), width, int(rowsOf(i) * m_lineHeight));
}

std::int64_t ConsoleView::lineAtY(qreal y, int *row) const
{
    *row = 0;
    const std::int64_t first = std::int64_t(firstVisibleLine());
    if (y < kMargin)
        return first + std::int64_t(std::floor((y - kMargin) / m_lineHeight));
    qreal top = kMargin;
    for (std::size_t i = std::size_t(first); i < lineCount(); ++i) {
        if (top > viewport()->height()) {
            // Past the bottom (a drag below the view): one row per line from here on.
            const std::int64_t more = std::int64_t(std::floor((y - top) / m_lineHeight));
            return std::min(std::int64_t(i) + more, std::int64_t(lineCount()));
        }
        const int rows = rowsOf(i);
        if (y < top + rows * m_lineHeight) {
            *row = std::clamp(int((y - top) / m_lineHeight), 0, rows - 1);
            return std::int64_t(i);
        }
        top += rows * m_lineHeight;
    }
    return std::int64_t(lineCount());
}

void ConsoleView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    if (!lineCount()) {
        if (!m_placeholder.isEmpty()) {
            painter.setPen(toneColor(Tone::Muted));
            painter.drawText(viewport()->rect().adjusted(kMargin, kMargin, -kMargin, -kMargin),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }
    const QRect clip = event->rect();
    const std::size_t first = firstVisibleLine();
    const int scrollX = horizontalScrollBar()->value();
    const bool selection = hasSelection();
    const Pos start = std::min(m_anchor, m_cursor);
    const Pos end = std::max(m_anchor, m_cursor);
    const QPalette::ColorGroup group = hasFocus() ? QPalette::Active : QPalette::Inactive;
    const QColor highlight = palette().color(group, QPalette::Highlight);
    QTextCharFormat highlighted;
    highlighted.setForeground(palette().color(group, QPalette::HighlightedText));

    // Only the lines the paint rectangle touches, from the first one on screen: a million
    // lines paint like ten.
    qreal top = kMargin;
    for (std::size_t i = first; i < lineCount() && top <= clip.bottom(); ++i) {
        QTextLayout *layout = layoutFor(i);
        const int rows = m_wrap ? std::max(1, layout->lineCount()) : 1;
        const qreal height = rows * m_lineHeight;
        if (top + height < clip.top()) {
            top += height;
            continue;
        }
        // The same baseline on every row, even when a fallback font makes a line taller.
        const QPointF origin(kMargin - scrollX, top + std::round(m_ascent - layout->lineAt(0).ascent()));
        QList<QTextLayout::FormatRange> selections;
        const std::uint64_t abs = m_dropped + i;
        if (selection && abs >= start.line && abs <= end.line) {
            const int length = int(layout->text().size());
            const int from = std::clamp(abs == start.line ? start.column : 0, 0, length);
            const int to = std::clamp(abs == end.line ? end.column : length, 0, length);
            // Drawn here rather than by the layout: whole rows, no seams between lines.
            for (int r = 0; r < rows; ++r) {
                const QTextLine textLine = layout->lineAt(r);
                const int rowStart = textLine.textStart();
                const int rowEnd = rowStart + textLine.textLength();
                const bool lastRow = r == rows - 1;
                const int a = std::clamp(from, rowStart, rowEnd);
                const int b = std::clamp(to, rowStart, rowEnd);
                qreal x1 = origin.x() + textLine.cursorToX(a);
                qreal x2 = origin.x() + textLine.cursorToX(b);
                if (lastRow && abs < end.line)
                    x2 += m_charWidth / 2;  // the line break is selected too
                else if (!lastRow && to > rowEnd && from < rowEnd)
                    x2 = origin.x() + textLine.x() + textLine.width();  // on to the next row
                if (x2 > x1)
                    painter.fillRect(QRectF(x1, top + r * m_lineHeight, x2 - x1, m_lineHeight), highlight);
            }
            if (to > from)
                selections << QTextLayout::FormatRange {from, to - from, highlighted};
        }
        layout->draw(&painter, origin, selections);
        top += height;
    }
}

void ConsoleView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
        updateMetrics();
        invalidateLayouts();
        updateScrollBars();
        break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        invalidateLayouts();  // the colours are baked into the layouts
        break;
    case QEvent::LanguageChange:
        invalidateLayouts();  // and so are the stamps, in the language's number format
        updateScrollBars();
        break;
    default:
        break;
    }
    QAbstractScrollArea::changeEvent(event);
}

bool ConsoleView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Copy and Select All are the console's own, not the window's (the canvas has a Copy too).
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::SelectAll)) {
            key->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ApplicationPaletteChange)
        invalidateLayouts();
    return QAbstractScrollArea::event(event);
}

bool ConsoleView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString ConsoleView::toolTipAt(const QPoint &point) const
{
    if (!m_sourceNamer || !lineCount())
        return {};
    int row = 0;
    const std::int64_t i = lineAtY(point.y(), &row);
    if (i < 0 || i >= std::int64_t(lineCount()))
        return {};
    const Line &l = at(std::size_t(i));
    const QString who = l.source == 0 ? QString() : m_sourceNamer(l.source);
    if (who.isEmpty())
        return {};
    return tr("Printed by %1 at %2").arg(who, NumberFormat::seconds(l.timeNs));
}

void ConsoleView::focusInEvent(QFocusEvent *event)
{
    viewport()->update();  // the selection turns from the inactive to the active colour
    QAbstractScrollArea::focusInEvent(event);
}

void ConsoleView::focusOutEvent(QFocusEvent *event)
{
    viewport()->update();
    QAbstractScrollArea::focusOutEvent(event);
}

// --- Selection ------------------------------------------------------------------------------

bool ConsoleView::hasSelection() const
{
    return m_anchor != m_cursor;
}

ConsoleView::Pos ConsoleView::lineEnd(std::uint64_t line) const
{
    if (line < m_dropped || line - m_dropped >= lineCount())
        return {line, 0};
    const Line &l = at(std::size_t(line - m_dropped));
    return {line, int(stamp(l.timeNs).size() + l.text.size())};
}

void ConsoleView::setAnchorAndCursor(const Pos &anchor, const Pos &cursor)
{
    const bool had = hasSelection();
    const Pos oldStart = std::min(m_anchor, m_cursor);
    const Pos oldEnd = std::max(m_anchor, m_cursor);
    m_anchor = anchor;
    m_cursor = cursor;
    const bool has = hasSelection();
    if (had != has || (has && (std::min(m_anchor, m_cursor) != oldStart || std::max(m_anchor, m_cursor) != oldEnd))) {
        viewport()->update();
        emit selectionChanged();
    }
}

void ConsoleView::selectAll()
{
    if (!lineCount())
        return;
    setAnchorAndCursor(Pos {m_dropped, 0}, lineEnd(m_dropped + lineCount() - 1));
}

void ConsoleView::clearSelection()
{
    setAnchorAndCursor(m_cursor, m_cursor);
}

void ConsoleView::setSelection(std::size_t fromLine, int fromColumn, std::size_t toLine, int toColumn)
{
    if (!lineCount())
        return;
    auto pos = [this](std::size_t line, int column) {
        line = std::min(line, lineCount() - 1);
        const Pos endPos = lineEnd(m_dropped + line);
        return Pos {m_dropped + line, std::clamp(column, 0, endPos.column)};
    };
    m_unit = Unit::Character;
    setAnchorAndCursor(pos(fromLine, fromColumn), pos(toLine, toColumn));
}

QString ConsoleView::selectedText() const
{
    if (!hasSelection())
        return QString();
    const Pos start = std::min(m_anchor, m_cursor);
    const Pos end = std::max(m_anchor, m_cursor);
    QString out;
    for (std::uint64_t l = start.line; l <= end.line; ++l) {
        const QString text = lineText(std::size_t(l - m_dropped));
        const qsizetype from = std::clamp<qsizetype>(l == start.line ? start.column : 0, 0, text.size());
        const qsizetype to = std::clamp<qsizetype>(l == end.line ? end.column : text.size(), from, text.size());
        if (l != start.line)
            out += QLatin1Char('\n');
        out += QStringView(text).mid(from, to - from);
    }
    return out;
}

void ConsoleView::copy() const
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

void ConsoleView::wordAt(const Pos &pos, Pos *start, Pos *end) const
{
    // Unicode word boundaries: Cyrillic words, snake_case names and numbers like 1.5 are one
    // word each; a run of spaces is one too.
    const QString text = lineText(std::size_t(pos.line - m_dropped));
    if (text.isEmpty()) {
        *start = *end = Pos {pos.line, 0};
        return;
    }
    const int c = std::clamp(pos.column, 0, int(text.size()) - 1);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    finder.setPosition(c);
    int from = c;
    if (!finder.isAtBoundary())
        from = int(finder.toPreviousBoundary());
    finder.setPosition(c);
    int to = int(finder.toNextBoundary());
    if (to < 0)
        to = int(text.size());
    *start = Pos {pos.line, std::max(0, from)};
    *end = Pos {pos.line, to};
}

ConsoleView::Pos ConsoleView::hitTest(const QPoint &point, bool onCharacter)
{
    if (!lineCount())
        return Pos {m_dropped, 0};
    int row = 0;
    const std::int64_t i = lineAtY(point.y(), &row);
    if (i < 0)
        return Pos {m_dropped, 0};
    if (i >= std::int64_t(lineCount()))
        return lineEnd(m_dropped + lineCount() - 1);
    // Only the line under the mouse is laid out: right for any script and character width.
    QTextLayout *layout = layoutFor(std::size_t(i));
    const qreal x = point.x() - kMargin + horizontalScrollBar()->value();
    const int column
        = layout->lineAt(std::clamp(row, 0, layout->lineCount() - 1))
              .xToCursor(x, onCharacter ? QTextLine::CursorOnCharacter : QTextLine::CursorBetweenCharacters);
    return Pos {m_dropped + std::uint64_t(i), std::clamp(column, 0, int(layout->text().size()))};
}

bool ConsoleView::inStampColumn(const QPoint &point, Pos *line)
{
    if (!lineCount() || point.y() < kMargin)
        return false;
    int row = 0;
    const std::int64_t i = lineAtY(point.y(), &row);
    if (i < 0 || i >= std::int64_t(lineCount()) || row != 0)  // a stamp is on a line's first row only
        return false;
    const Pos pos = hitTest(point, true);
    *line = pos;
    return pos.column < int(stamp(at(std::size_t(i)).timeNs).size())
        && point.x() - kMargin + horizontalScrollBar()->value() >= 0;
}

void ConsoleView::extendTo(const Pos &pos)
{
    switch (m_unit) {
    case Unit::Character:
        setAnchorAndCursor(m_anchor, pos);
        break;
    case Unit::Word: {
        Pos start, end;
        wordAt(pos, &start, &end);
        if (start < m_unitStart)
            setAnchorAndCursor(m_unitEnd, start);
        else
            setAnchorAndCursor(m_unitStart, std::max(end, m_unitEnd));
        break;
    }
    case Unit::Line:
        if (pos.line < m_unitStart.line)
            setAnchorAndCursor(m_unitEnd, lineStart(pos.line));
        else
            setAnchorAndCursor(m_unitStart, lineEnd(pos.line));
        break;
    }
}

void ConsoleView::selectLineAt(const Pos &pos)
{
    m_unit = Unit::Line;
    m_unitStart = lineStart(pos.line);
    m_unitEnd = lineEnd(pos.line);
    setAnchorAndCursor(m_unitStart, m_unitEnd);
}

void ConsoleView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->accept();  // a right click keeps the selection, for the context menu's Copy
        return;
    }
    syncNow();
    const QPoint point = event->position().toPoint();
    const bool tripleClick = m_sinceDoubleClick.isValid()
        && m_sinceDoubleClick.elapsed() < QApplication::doubleClickInterval()
        && (point - m_doubleClickPoint).manhattanLength() <= QApplication::startDragDistance();
    m_sinceDoubleClick.invalidate();
    Pos stampLine;
    const bool onStamp = inStampColumn(point, &stampLine);
    if (event->modifiers() & Qt::ShiftModifier) {
        m_unit = Unit::Character;
        extendTo(hitTest(point));
    } else if (tripleClick || onStamp) {
        selectLineAt(onStamp ? stampLine : hitTest(point, true));
    } else {
        m_unit = Unit::Character;
        const Pos pos = hitTest(point);
        setAnchorAndCursor(pos, pos);
    }
    m_selecting = lineCount() > 0;
    m_lastMouse = point;
    event->accept();
}

void ConsoleView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !lineCount()) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    const QPoint point = event->position().toPoint();
    Pos stampLine;
    if (inStampColumn(point, &stampLine)) {
        selectLineAt(stampLine);
    } else {
        m_unit = Unit::Word;
        wordAt(hitTest(point, true), &m_unitStart, &m_unitEnd);
        setAnchorAndCursor(m_unitStart, m_unitEnd);
    }
    m_selecting = true;
    m_lastMouse = point;
    m_sinceDoubleClick.start();  // a third click soon after selects the line
    m_doubleClickPoint = point;
    event->accept();
}

void ConsoleView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting || !(event->buttons() & Qt::LeftButton)) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    m_lastMouse = event->position().toPoint();
    extendTo(hitTest(m_lastMouse, m_unit == Unit::Word));
    updateAutoScroll(m_lastMouse);
    event->accept();
}

void ConsoleView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selecting) {
        event->accept();
        return;
    }
    m_selecting = false;
    m_autoScroll.stop();
    // X11 habit: what is selected can be pasted with the middle button.
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (hasSelection() && clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
    if (m_follow) {  // catch up with the lines that arrived while the view was held still
        m_syncPending = true;
        syncNow();
    }
    event->accept();
}

void ConsoleView::updateAutoScroll(const QPoint &point)
{
    if (viewport()->rect().contains(point))
        m_autoScroll.stop();
    else if (!m_autoScroll.isActive())
        m_autoScroll.start(40, this);
}

void ConsoleView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_autoScroll.timerId()) {
        QAbstractScrollArea::timerEvent(event);
        return;
    }
    // Dragged past an edge: scroll that way, faster the farther the mouse is.
    syncNow();
    const QRect r = viewport()->rect();
    if (m_lastMouse.y() < r.top())
        scrollBy(-1 - int((r.top() - m_lastMouse.y()) / m_lineHeight));
    else if (m_lastMouse.y() > r.bottom())
        scrollBy(1 + int((m_lastMouse.y() - r.bottom()) / m_lineHeight));
    QScrollBar *h = horizontalScrollBar();
    if (m_lastMouse.x() < r.left())
        h->setValue(h->value() - h->singleStep());
    else if (m_lastMouse.x() > r.right())
        h->setValue(h->value() + h->singleStep());
    extendTo(hitTest(m_lastMouse, m_unit == Unit::Word));
}

// --- Keyboard and wheel ---------------------------------------------------------------------

void ConsoleView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        event->accept();
        return;
    }
    syncNow();  // scroll within the ranges of every line that arrived
    QScrollBar *v = verticalScrollBar();
    QScrollBar *h = horizontalScrollBar();
    switch (event->key()) {
    case Qt::Key_Up:
        v->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        v->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_PageUp:
        v->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_PageDown:
        v->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Home:
        v->triggerAction(QAbstractSlider::SliderToMinimum);
        h->setValue(0);
        break;
    case Qt::Key_End:
        v->triggerAction(QAbstractSlider::SliderToMaximum);
        m_follow = true;
        break;
    case Qt::Key_Left:
        h->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Right:
        h->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ConsoleView::wheelEvent(QWheelEvent *event)
{
    syncNow();
    QAbstractScrollArea::wheelEvent(event);
}

}  // namespace tusk
