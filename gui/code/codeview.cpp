#include "codeview.h"

#include "document.h"
#include "pythonhighlighter.h"
#include "runstyle.h"
#include "theme.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>
#include <map>

namespace tusk {

namespace {

// The gutter's mark column: room for two state shapes with their counts.
constexpr int kMarkColumns = 2;

}  // namespace

/// Line numbers and task marks, left of the text (Qt's code editor example).
class CodeView::Gutter : public QWidget {
public:
    explicit Gutter(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {
        setObjectName(QStringLiteral("codeGutter"));
        setMouseTracking(true);
    }
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            const QTextCursor cursor = m_view->cursorForPosition(QPoint(0, help->pos().y()));
            const QString tip = m_view->markToolTip(cursor.blockNumber() + 1);
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    CodeView *m_view;
};

CodeView::CodeView(Document *document, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_document(document)
    , m_highlighter(new PythonHighlighter(this->document()))
    , m_gutter(new Gutter(this))
{
    setObjectName(QStringLiteral("codeView"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeView::onCursorMoved);
    connect(document, &Document::changed, this, [this] {
        m_dirty = true;
        if (isVisible() && !m_editing)
            refresh();
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
    refresh();
}

int CodeView::gutterWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    const QFontMetrics fm(font());
    const int mark = fm.height() + fm.horizontalAdvance(QStringLiteral("99"));
    return 4 + fm.horizontalAdvance(QLatin1Char('9')) * std::max(2, int(digits)) + 8 + kMarkColumns * mark;
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void CodeView::showEvent(QShowEvent *event)
{
    QPlainTextEdit::showEvent(event);
    if (m_dirty && !m_editing)
        refresh();  // edits made while the view was hidden
}

QString CodeView::scriptName() const
{
    const QString name = m_document->fileName().isEmpty() ? m_document->suggestedFileName() : m_document->fileName();
    const QString base = QFileInfo(name).completeBaseName();
    return (base.isEmpty() ? QStringLiteral("program") : base) + QStringLiteral(".py");
}

void CodeView::setEditing(bool editing)
{
    if (m_editing == editing)
        return;
    m_editing = editing;
    setReadOnly(!editing);
    setTextInteractionFlags(
        editing ? Qt::TextEditorInteraction : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    if (editing) {
        clearTasks();
    } else {
        setProblems({});
        m_dirty = true;
        refresh();
        horizontalScrollBar()->setValue(0);  // the edited text may have been scrolled sideways
    }
}

void CodeView::setProblems(const Problems &problems)
{
    m_problemLines.clear();
    for (const Problem &p : problems) {
        if (p.line > 0)
            m_problemLines[p.line] << p.message;
    }
    updateSelection();
    m_gutter->update();
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->rehighlight();  // the theme changed: code colours follow it
        updateSelection();
    }
}

void CodeView::refresh()
{
    if (m_editing)
        return;  // the user's text stays until Apply or Cancel
    m_dirty = false;
    const Project project = m_document->projectForSave();
    const QString name = m_document->fileName().isEmpty() ? m_document->suggestedFileName() : m_document->fileName();
    const QString text = exportPython(project, QFileInfo(name).fileName(), &m_map);
    if (text != toPlainText()) {
        // Keep the reader's place: the text changes under them with every edit.
        const int scroll = verticalScrollBar()->value();
        const int horizontal = horizontalScrollBar()->value();
        m_settingCursor = true;
        setPlainText(text);
        m_settingCursor = false;
        verticalScrollBar()->setValue(scroll);
        horizontalScrollBar()->setValue(horizontal);
    }
    updateSelection();
    m_gutter->update();
}

int CodeView::lineOf(ItemId id) const
{
    return m_map.linesOf.value(id).first;
}

ItemId CodeView::itemAtLine(int line) const
{
    if (line < 1 || line > int(m_map.itemAtLine.size()))
        return kNoId;
    return m_map.itemAtLine[std::size_t(line - 1)];
}

void CodeView::showItem(ItemId id)
{
    if (m_editing)
        return;  // the lines of the text being edited are not the diagram's
    if (m_dirty)
        refresh();
    m_selected = id;
    const auto lines = m_map.linesOf.value(id);
    if (lines.first > 0) {
        // Leave the cursor where the user put it when it is on the item already.
        const int current = textCursor().blockNumber() + 1;
        if (itemAtLine(current) != id) {
            QTextCursor cursor(document()->findBlockByNumber(lines.first - 1));
            m_settingCursor = true;
            setTextCursor(cursor);
            m_settingCursor = false;
        }
        ensureCursorVisible();
    }
    updateSelection();
}

void CodeView::onCursorMoved()
{
    if (m_settingCursor || m_editing)
        return;
    const ItemId id = itemAtLine(textCursor().blockNumber() + 1);
    if (id == kNoId || id == m_selected)
        return;
    m_selected = id;
    updateSelection();
    emit itemSelected(id);
}

void CodeView::updateSelection()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (auto it = m_problemLines.constBegin(); it != m_problemLines.constEnd(); ++it) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(Theme::canvas().errorTint);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(document()->findBlockByNumber(it.key() - 1));
        selections << s;
    }
    const auto lines = m_editing ? std::pair<int, int>() : m_map.linesOf.value(m_selected);
    if (lines.first > 0) {
        QTextEdit::ExtraSelection s;
        s.format.setBackground(Theme::canvas().rowSelected);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        // Only the item's own lines: a try step's body steps are items of their own.
        for (int line = lines.first; line <= lines.second; ++line) {
            if (itemAtLine(line) != m_selected)
                continue;
            s.cursor = QTextCursor(document()->findBlockByNumber(line - 1));
            selections << s;
        }
    }
    setExtraSelections(selections);
}

void CodeView::setTasks(const TaskList &tasks, const RunRecording *recording)
{
    std::map<std::pair<int, int>, int> counts;  // (line, state) -> tasks
    QHash<int, QStringList> tips;
    for (const TaskSnapshot &t : tasks) {
        if (isFinalState(t.state))
            continue;
        // A task that has not started yet is at its coroutine's `async def`.
        int line = t.stepId != kNoId ? lineOf(t.stepId) : 0;
        if (line == 0)
            line = lineOf(t.coroutineId);
        if (line == 0)
            continue;
        ++counts[{line, int(t.state)}];
        QStringList &tip = tips[line];
        if (tip.size() < 20)
            tip << QStringLiteral("%1 %2: %3")
                       .arg(RunStyle::stateGlyph(t.state), t.label(), RunStyle::stateText(t, tasks, recording));
        else if (tip.size() == 20)
            tip << tr("and more");
    }
    std::vector<LineMark> marks;
    for (const auto &[key, count] : counts)
        marks.push_back({key.first, TaskState(key.second), count});
    if (marks.size() == m_marks.size()
        && std::equal(marks.begin(), marks.end(), m_marks.begin(), [](const LineMark &a, const LineMark &b) {
               return a.line == b.line && a.state == b.state && a.count == b.count;
           })) {
        m_markTips = std::move(tips);
        return;  // nothing moved: no repaint
    }
    m_marks = std::move(marks);
    m_markTips = std::move(tips);
    m_gutter->update();
}

void CodeView::clearTasks()
{
    if (m_marks.empty())
        return;
    m_marks.clear();
    m_markTips.clear();
    m_gutter->update();
}

QString CodeView::markToolTip(int line) const
{
    QStringList lines = m_problemLines.value(line);
    lines << m_markTips.value(line);
    return lines.join(QLatin1Char('\n'));
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    const QFontMetrics fm(font());
    const int markWidth = fm.height() + fm.horizontalAdvance(QStringLiteral("99"));
    const int numberRight = m_gutter->width() - kMarkColumns * markWidth - 6;
    painter.setFont(font());

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    auto markIt = std::lower_bound(m_marks.begin(), m_marks.end(), block.blockNumber() + 1,
        [](const LineMark &m, int line) { return m.line < line; });
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + height >= event->rect().top()) {
            const bool selected = itemAtLine(line) == m_selected && m_selected != kNoId;
            painter.setPen(selected ? pal.color(QPalette::Text) : Theme::canvas().mutedText);
            painter.drawText(
                QRect(0, top, numberRight, height), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
            int x = numberRight + 4;
            if (m_problemLines.contains(line)) {
                Theme::paintProblemMarker(&painter, QPointF(x + fm.height() / 2.0, top + height / 2.0));
                x += markWidth;
            }
            for (int column = 0; markIt != m_marks.end() && markIt->line == line; ++markIt, ++column) {
                if (column >= kMarkColumns)
                    continue;  // the tooltip lists every task
                const int size = fm.height() - 2;
                RunStyle::stateIcon(markIt->state).paint(&painter, QRect(x, top + (height - size) / 2, size, size));
                if (markIt->count > 1) {
                    painter.setPen(pal.color(QPalette::Text));
                    painter.drawText(QRect(x + size + 1, top, markWidth - size - 1, height),
                        Qt::AlignLeft | Qt::AlignVCenter,
                        markIt->count > 99 ? QStringLiteral("99+") : QString::number(markIt->count));
                }
                x += markWidth;
            }
        } else {
            while (markIt != m_marks.end() && markIt->line <= line)
                ++markIt;
        }
        block = block.next();
        top += height;
    }
}

}  // namespace tusk
