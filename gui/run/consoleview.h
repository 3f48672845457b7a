#pragma once

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QColor>
#include <QElapsedTimer>
#include <QString>
#include <QTextOption>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class QTextLayout;

namespace tusk {

/// The run console: a read-only, virtualized list of lines, each with an optional virtual-time
/// stamp, a tone and an optional italic style. appendLine() only stores the line (a run of ten
/// thousand tasks prints ten thousand lines in one frame); scroll bars are brought up to date
/// once per event-loop turn, and only the lines on screen are ever laid out and painted, so a
/// million lines cost no more to show than ten. Selection works like a text view's: drag,
/// Shift+click, double-click for a word, triple-click or a click on the time stamp for a line,
/// Ctrl+C, Ctrl+A. Long lines either scroll sideways or wrap at the view's width (the printed
/// text of a wrapped line continues under its first character, not under the stamp).
class ConsoleView : public QAbstractScrollArea {
    Q_OBJECT
public:
    /// How a line's text is coloured; resolved against the current theme at paint time, so a
    /// theme switch recolours lines already shown.
    enum class Tone : quint8 { Text, Muted, Warning, Error, TaskA, TaskB, TaskC };

    explicit ConsoleView(QWidget *parent = nullptr);
    ~ConsoleView() override;

    /// Appends one line. timeNs < 0: no time stamp (the stamp column is left blank).
    /// Cheap: stores the line (QString is implicitly shared: no copy of the text) and schedules one repaint.
    /// `source`: the task that printed it (its tooltip names it, see setSourceNamer()), or 0.
    void appendLine(std::int64_t timeNs, const QString &text, Tone tone, bool italic = false, std::uint32_t source = 0);
    /// How a line's tooltip names the task that printed it (`Task-2 · task1() · t1`); without
    /// one, lines have no tooltip.
    void setSourceNamer(std::function<QString(std::uint32_t)> namer) { m_sourceNamer = std::move(namer); }
    /// The tooltip of the line at `point` (viewport coordinates): who printed it, and when.
    QString toolTipAt(const QPoint &point) const;
    /// Replaces the text of line i (keeping its stamp, tone and style): a line the app wrote
    /// itself, retold in a new language.
    void replaceLineText(std::size_t i, const QString &text);
    void reserve(std::size_t lines);
    void clear();
    std::size_t lineCount() const { return m_lines.size() - m_head; }
    /// A line as shown: stamp column + text.
    QString lineText(std::size_t i) const;
    /// All lines as shown, joined by '\n' (no trailing newline).
    QString toPlainText() const;
    /// The stamp column as shown for `timeNs`, in the UI language ("  1.0 s  ", "  1,0 с  "), or
    /// nine spaces when timeNs < 0.
    static QString stamp(std::int64_t timeNs);

    /// Wrap long lines at the view's width (true), or scroll sideways to read them (false, the
    /// default of the view; the console panel remembers the user's choice).
    void setWrapLines(bool wrap);
    bool wrapLines() const { return m_wrap; }

    QString selectedText() const;  // '\n' between lines
    bool hasSelection() const;
    void selectAll();
    void clearSelection();
    /// Selects from (line, column) to (line, column) of the lines now held, columns in lineText().
    void setSelection(std::size_t fromLine, int fromColumn, std::size_t toLine, int toColumn);
    /// Copies the selection to the clipboard; does nothing without one.
    void copy() const;

    void setPlaceholderText(const QString &text);  // shown (muted, top-left) when empty
    QString placeholderText() const { return m_placeholder; }

    /// Oldest lines are dropped beyond this many (a program printing forever must not eat memory). Default 1,000,000.
    void setMaximumLineCount(std::size_t n);
    std::size_t maximumLineCount() const { return m_maxLines; }
    /// Lines dropped from the top since the last clear().
    std::uint64_t droppedLineCount() const { return m_dropped; }

    /// True when the view follows new lines (scrolled to the end).
    bool isAtEnd() const { return m_follow; }
    void scrollToEnd();

    /// The colour of `tone` in the current theme.
    QColor toneColor(Tone tone) const;
    /// Where line i is drawn, in viewport coordinates (its left edge is where column 0 starts,
    /// after horizontal scrolling; a wrapped line is as tall as its rows); an empty rectangle
    /// when the line does not start on screen.
    QRect lineRect(std::size_t i) const;
    /// The first line on screen.
    std::size_t firstVisibleLine() const;

signals:
    void selectionChanged();

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Line {
        std::int64_t timeNs;
        QString text;
        Tone tone;
        bool italic;
        std::uint32_t source;  ///< the printing task, or 0 (in what would be padding)
    };
    /// A place in the text: `line` counts every line ever appended since the last clear(),
    /// so it stays put when the oldest lines are dropped.
    struct Pos {
        std::uint64_t line = 0;
        int column = 0;
        auto operator<=>(const Pos &) const = default;
    };
    enum class Unit { Character, Word, Line };

    const Line &at(std::size_t i) const { return m_lines[m_head + i]; }
    void dropOldest(std::size_t n);
    void scheduleSync();
    void syncNow();
    void updateScrollBars();
    void updateMetrics();
    void invalidateLayouts();
    int visibleLineCapacity() const;
    int lastFirstLine() const;
    QTextLayout *layoutFor(std::size_t i) const;
    /// Rows line i takes on screen: 1, or more when it wraps.
    int rowsOf(std::size_t i) const;
    qreal wrapWidth() const;
    /// The line under viewport y, and which of its rows: lines above the view count one row
    /// each (only a drag past the top asks), lines past the end give the last line's last row.
    std::int64_t lineAtY(qreal y, int *row) const;
    Pos hitTest(const QPoint &point, bool onCharacter = false);
    bool inStampColumn(const QPoint &point, Pos *line);
    void selectLineAt(const Pos &pos);
    Pos lineStart(std::uint64_t line) const { return {line, 0}; }
    Pos lineEnd(std::uint64_t line) const;
    void wordAt(const Pos &pos, Pos *start, Pos *end) const;
    void extendTo(const Pos &pos);
    void setAnchorAndCursor(const Pos &anchor, const Pos &cursor);
    void updateAutoScroll(const QPoint &point);
    void scrollBy(int lines);

    std::function<QString(std::uint32_t)> m_sourceNamer;
    std::vector<Line> m_lines;
    std::size_t m_head = 0;  ///< lines before it were dropped (compacted now and then)
    std::uint64_t m_dropped = 0;  ///< lines dropped since the last clear(): Pos::line of lineText(0)
    std::size_t m_maxLines = 1'000'000;
    int m_longestChars = 0;  ///< the widest line in characters, for the horizontal range
    mutable qreal m_measuredWidth = 0;  ///< the widest line laid out so far, in pixels
    mutable qreal m_layoutWidth = 0;  ///< the width wrapped layouts were made for
    std::size_t m_pendingDrop = 0;  ///< dropped since the scroll bars were last updated
    bool m_syncPending = false;
    bool m_follow = true;
    bool m_adjusting = false;  ///< the scroll bars are moved by the view, not the reader
    bool m_wrap = false;

    QString m_placeholder;

    // Font metrics, taken once per font change: a console has one line height and char width.
    qreal m_lineHeight = 16;
    qreal m_ascent = 12;
    qreal m_charWidth = 8;
    QList<QTextOption::Tab> m_tabs;

    // Layouts of recently shown lines, by Pos::line; colours and the wrap width are baked in,
    // so a palette change, or a resize while wrapping, clears them. A cache: laying out is
    // not a change of the view's state, hence mutable.
    mutable std::unordered_map<std::uint64_t, std::unique_ptr<QTextLayout>> m_layouts;

    Pos m_anchor;
    Pos m_cursor;
    Pos m_unitStart;  ///< the word or line first clicked, while selecting by words or lines
    Pos m_unitEnd;
    Unit m_unit = Unit::Character;
    bool m_selecting = false;
    QPoint m_lastMouse;
    QBasicTimer m_autoScroll;
    QElapsedTimer m_sinceDoubleClick;
    QPoint m_doubleClickPoint;
};

}  // namespace tusk
