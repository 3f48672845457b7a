#pragma once

#include "runevents.h"
#include "runrecording.h"

#include <QWidget>
#include <vector>

namespace tusk {

/// One row per task, coloured segments for its states over virtual time, a "now" line, thin
/// arrows from a creator to the task it created and dashed ones from an awaited task, when it
/// finishes, to the task that awaited it; a legend of the patterns along the bottom, and a
/// tooltip per segment (which task, which state, from when to when). Ctrl+wheel zooms the time
/// axis, the wheel scrolls the rows (Shift+wheel or a middle/right drag pans the time). After a
/// run, clicking or dragging with the left button scrubs: scrubbed() tells the other views
/// which moment to show; End (or clearCursor()) goes back to the end of the run.
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    struct Segment {
        std::int64_t startNs = 0;
        std::int64_t endNs = -1;  ///< -1 while it lasts
        TaskState state = TaskState::Pending;
        std::uint32_t other = 0;  ///< WaitingTask: the awaited task
    };
    struct Row {
        TaskId id = kNoTask;
        TaskId creator = kNoTask;
        QString name;
        std::int64_t createdNs = 0;
        std::vector<Segment> segments;
    };

    explicit TimelineWidget(QWidget *parent = nullptr);

    void reset();
    /// Rows are named after the recording's tasks (`Task-2 · task1() · t1`); without one, by
    /// the task's name alone. The recording must stay alive until reset().
    void setRecording(const RunRecording *recording) { m_recording = recording; }
    /// Takes in events [first, first + count) of a run's recording, which must stay alive until
    /// reset(). While the timeline is hidden they are only noted, and read when it is shown,
    /// painted or asked for its rows.
    void addEvents(const RunEventLog &events, std::size_t first, std::size_t count);
    /// The run's current virtual time (the end of every open segment).
    void setNow(std::int64_t ns);
    std::int64_t now() const { return m_nowNs; }
    /// After a run: a click or drag moves the cursor and emits scrubbed().
    void setScrubbable(bool on);
    bool isScrubbable() const { return m_scrubbable; }
    /// The scrub cursor's time, or -1 when none.
    std::int64_t cursor() const { return m_cursorNs; }
    /// Removes the scrub cursor (the views show the end of the run again) and emits
    /// returnedToEnd().
    void clearCursor();
    /// What the tooltip at `pos` (widget coordinates) says: the segment's task, state and
    /// times, or an empty string.
    QString toolTipAt(const QPoint &pos) const;

    const std::vector<Row> &rows() const
    {
        takeInPending();
        return m_rows;
    }
    /// When task `id` finished, or -1.
    std::int64_t finishedAt(TaskId id) const;

    /// Horizontal mapping, in widget coordinates.
    int timeToX(std::int64_t ns) const;
    std::int64_t xToTime(int x) const;
    int rowY(int row) const;
    /// The time axis's ticks on screen and their labels (`0.5 s`, `0,5 с`).
    QList<QPair<std::int64_t, QString>> axisTicks() const;
    void zoomAt(double factor, int x);

    QSize sizeHint() const override;
    /// Reads the events noted by addEvents() now rather than when next shown: before the
    /// recording is thinned, after which their indices mean other events.
    void readPendingEvents() { takeInPending(); }

    /// One entry of the legend along the bottom; rect is relative to the legend's top.
    struct LegendEntry {
        enum class Mark { State, CreatedArrow, AwaitedArrow };
        Mark mark;
        TaskState state;
        QString text;
        int markWidth;
        QRect rect;
    };
    /// The legend's entries, wrapped to the widget's width.
    std::vector<LegendEntry> legendEntries() const;
    /// The legend's height: one line per wrapped line of entries.
    int legendHeight() const;

signals:
    void scrubbed(std::int64_t timeNs);
    void returnedToEnd();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void takeInPending() const;
    void takeIn(const RunEventLog &events, std::size_t first, std::size_t last) const;
    void fit();
    void scrubTo(int x);
    int rowHeight() const;
    int labelWidth() const { return m_labelWidth; }
    int axisHeight() const;
    /// How many rows fit between the axis and the legend.
    int visibleRows() const;
    void paintLegend(QPainter &p);
    static void paintSegment(QPainter &p, const QRect &rect, TaskState state, const QPalette &pal);

    // Rows are built from the recording on demand: mutable, so that const readers can ask.
    mutable std::vector<Row> m_rows;
    mutable const RunEventLog *m_pendingLog = nullptr;  ///< events noted but not read yet
    mutable std::size_t m_pendingFirst = 0;
    mutable std::size_t m_pendingEnd = 0;
    mutable int m_labelWidth = 120;  ///< grows to fit the longest task label, up to a limit
    mutable int m_longestLabel = 0;  ///< in characters
    const RunRecording *m_recording = nullptr;
    std::int64_t m_nowNs = 0;
    std::int64_t m_cursorNs = -1;
    double m_pxPerNs = 100e-9;  // 100 px per second
    std::int64_t m_originNs = 0;  // time at the left edge of the plot
    int m_firstRow = 0;
    bool m_autoFit = true;  // until the user zooms or pans
    bool m_scrubbable = false;
    bool m_scrubbing = false;
    int m_panFromX = -1;
    std::int64_t m_panFromOrigin = 0;
};

}  // namespace tusk
