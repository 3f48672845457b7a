#include "runoverlay.h"

#include "coroutinenode.h"
#include "diagramscene.h"
#include "document.h"
#include "modeledit.h"
#include "nodemetrics.h"
#include "numberformat.h"
#include "runstyle.h"
#include "steprow.h"
#include "theme.h"
#include "waitarrowitem.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QPainter>
#include <QPalette>
#include <map>
#include <tuple>

namespace tusk {

namespace {

// When several tasks are at one row, the mark shows the most lively of them.
int liveliness(TaskState s)
{
    switch (s) {
    case TaskState::Running:
        return 6;
    case TaskState::Ready:
        return 5;
    case TaskState::Sleeping:
        return 4;
    case TaskState::WaitingTask:
        return 3;
    case TaskState::WaitingGather:
        return 3;
    case TaskState::Pending:
        return 2;
    default:
        return 0;
    }
}

/// A tooltip names this many tasks of a row, then says how many more there are.
constexpr int kTipTasks = 8;
/// Where a row's state mark sits, left of the card; wait arrows end just before it.
constexpr qreal kMarkGap = 6;
constexpr qreal kMarkSide = 16;

struct RowMark {
    int count = 0;
    TaskState state = TaskState::Pending;
    std::int64_t remainingNs = -1;  ///< Sleeping: the soonest wake-up
    std::vector<TaskId> sample;  ///< the first kTipTasks tasks here, for the tooltip
    QString note;  ///< right of the card: "×3 0.4 s"
    qreal noteRight = 0;  ///< where the note ends (node coordinates); wait arrows start there
    QString toolTip;
};

QFont overlayFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

}  // namespace

/// An invisible area with a tooltip: the scene shows the tooltip of the topmost item under
/// the pointer that has one, and these sit over the marks only, so rows keep their own.
class RunOverlay::TipArea : public QGraphicsItem {
public:
    explicit TipArea(QGraphicsItem *parent)
        : QGraphicsItem(parent)
    {
        setAcceptedMouseButtons(Qt::NoButton);
    }
    void setRect(const QRectF &r)
    {
        prepareGeometryChange();
        m_rect = r;
    }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override { }

private:
    QRectF m_rect;
};

class RunOverlay::NodeOverlay : public QGraphicsItem {
public:
    NodeOverlay()
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setZValue(1000);  // over nodes and arrows
    }

    void reset()
    {
        counts.fill(0);
        rows.clear();
    }

    void layout(CoroutineNode *node, DiagramScene *scene)
    {
        prepareGeometryChange();
        setPos(node->pos());
        card = node->cardRect();
        rowRects.clear();
        const QFontMetricsF fm(overlayFont());
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            if (StepRow *r = scene->row(it.key()))
                rowRects.insert(it.key(), r->mapRectToItem(node, r->boundingRect()));
            RowMark &m = it.value();
            m.note.clear();
            if (m.count > 1)
                m.note = QStringLiteral("×%1").arg(m.count);
            if (m.state == TaskState::Sleeping && m.remainingNs >= 0)
                m.note += (m.note.isEmpty() ? QString() : QStringLiteral(" ")) + NumberFormat::seconds(m.remainingNs);
            m.noteRight = card.right() + (m.note.isEmpty() ? 2 : kMarkGap + fm.horizontalAdvance(m.note) + 4);
        }
        layoutTips(fm);
        update();
    }

    /// Where a wait arrow leaves `step`'s row, and where one coming from the left ends, in
    /// scene coordinates.
    QPointF exitPoint(ItemId step) const
    {
        const auto rect = rowRects.constFind(step);
        const auto mark = rows.constFind(step);
        if (rect == rowRects.cend() || mark == rows.cend())
            return {};
        return mapToScene(QPointF(mark->noteRight, rect->center().y()));
    }
    QPointF entryPoint(ItemId step) const
    {
        const auto rect = rowRects.constFind(step);
        if (rect == rowRects.cend())
            return {};
        return mapToScene(QPointF(card.left() - kMarkSide - kMarkGap - 2, rect->center().y()));
    }

    QRectF boundingRect() const override { return card.adjusted(-kMarkSide - 10, -30, 90, 4); }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        // An exported picture shows the diagram, not a moment of some run.
        if (const auto *diagram = qobject_cast<DiagramScene *>(scene()); diagram && diagram->isExporting())
            return;
        p->setRenderHint(QPainter::Antialiasing);
        const QPalette pal = QApplication::palette();
        const QFont font = overlayFont();
        p->setFont(font);
        const QFontMetricsF fm(font);

        // Counts per state, as pills above the card's top edge.
        for (const Pill &pill : pills) {
            const QColor c = Theme::taskStateColor(pill.state);
            const qreal h = pill.rect.height();
            p->setPen(QPen(c, 1.5));
            p->setBrush(pal.color(QPalette::Base));
            p->drawRoundedRect(pill.rect, h / 2, h / 2);
            RunStyle::stateIcon(pill.state)
                .paint(p, QRect(int(pill.rect.left() + 4), int(pill.rect.top() + 3), int(h - 6), int(h - 6)));
            p->setPen(pal.color(QPalette::Text));
            p->drawText(pill.rect.adjusted(h, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                QString::number(counts[std::size_t(pill.state)]));
        }

        // The rows tasks are at: a tinted frame, the state's shape on the left, and on the
        // right how many tasks (and how long a sleeper has left).
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const auto rect = rowRects.constFind(it.key());
            if (rect == rowRects.cend())
                continue;
            const RowMark &m = it.value();
            const QColor c = Theme::taskStateColor(m.state);
            QColor fill = c;
            fill.setAlpha(40);
            p->setPen(QPen(c, 2));
            p->setBrush(fill);
            p->drawRoundedRect(rect->adjusted(1, 1, -1, -1), 4, 4);
            RunStyle::stateIcon(m.state).paint(p, markRect(*rect).toRect());
            if (!m.note.isEmpty()) {
                p->setPen(pal.color(QPalette::Text));
                p->drawText(QRectF(card.right() + kMarkGap, rect->top(), m.noteRight - card.right(), rect->height()),
                    Qt::AlignLeft | Qt::AlignVCenter, m.note);
            }
        }
    }

    QRectF markRect(const QRectF &row) const
    {
        const qreal side = qMin<qreal>(kMarkSide, row.height() - 2);
        return QRectF(card.left() - side - kMarkGap, row.center().y() - side / 2, side, side);
    }

    struct Pill {
        TaskState state;
        QRectF rect;
    };

    RunOverlay::Counts counts {};
    QHash<ItemId, RowMark> rows;
    QHash<ItemId, QRectF> rowRects;
    std::vector<Pill> pills;
    QRectF card;

private:
    void layoutTips(const QFontMetricsF &fm)
    {
        pills.clear();
        qreal x = card.left();
        const qreal h = fm.height() + 6;
        const qreal y = card.top() - h - 4;
        for (int s = 0; s < StateCount; ++s) {
            const int n = counts[std::size_t(s)];
            if (n == 0)
                continue;
            const QRectF pill(x, y, h + fm.horizontalAdvance(QString::number(n)) + 6, h);
            pills.push_back({TaskState(s), pill});
            x = pill.right() + 4;
        }
        // One tip over each pill and one over each row's mark and note (not over the row).
        std::size_t used = 0;
        const auto tip = [&](const QRectF &rect, const QString &text) {
            if (used == tips.size())
                tips.push_back(new TipArea(this));
            tips[used]->setRect(rect);
            tips[used]->setToolTip(text);
            tips[used]->setVisible(true);
            ++used;
        };
        for (const Pill &pill : pills) {
            tip(pill.rect,
                RunOverlay::tr("%1: %2").arg(RunStyle::stateName(pill.state)).arg(counts[std::size_t(pill.state)]));
        }
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            const auto rect = rowRects.constFind(it.key());
            if (rect == rowRects.cend())
                continue;
            tip(markRect(*rect).adjusted(-2, -2, 2, 2), it->toolTip);
            if (!it->note.isEmpty())
                tip(QRectF(card.right(), rect->top(), it->noteRight - card.right(), rect->height()), it->toolTip);
        }
        for (std::size_t i = used; i < tips.size(); ++i)
            tips[i]->setVisible(false);
    }

    std::vector<TipArea *> tips;  ///< children: deleted with this item
};

RunOverlay::RunOverlay(DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
}

RunOverlay::~RunOverlay()
{
    clear();
}

void RunOverlay::clear()
{
    m_arrows.clear();
    if (!m_scene) {
        m_items.clear();
        m_arrowItems.clear();
        return;
    }
    for (NodeOverlay *item : std::as_const(m_items)) {
        if (item->scene())
            item->scene()->removeItem(item);
        delete item;
    }
    m_items.clear();
    for (WaitArrowItem *item : m_arrowItems) {
        if (item->scene())
            item->scene()->removeItem(item);
        delete item;
    }
    m_arrowItems.clear();
}

void RunOverlay::setTasks(const TaskList &tasks, std::int64_t nowNs, const RunRecording *recording)
{
    if (!m_scene)
        return;
    for (NodeOverlay *item : std::as_const(m_items))
        item->reset();
    // A task inside an awaited call is at a row of another coroutine (`await say_after()` runs
    // say_after's steps in main's task): its row mark goes on the node that holds the row.
    QHash<ItemId, ItemId> ownerOfStep;
    for (const Coroutine &c : m_scene->document()->project().coroutines)
        forEachStep(c.body, [&](const Step &s) { ownerOfStep.insert(s.id, c.id); });
    auto overlayOf = [this](ItemId coroutine) {
        NodeOverlay *&item = m_items[coroutine];
        if (!item) {
            item = new NodeOverlay;
            m_scene->addItem(item);
        }
        return item;
    };
    for (const TaskSnapshot &t : tasks) {
        ++overlayOf(t.coroutineId)->counts[std::size_t(t.state)];
        if (isFinalState(t.state) || t.stepId == kNoId)
            continue;
        RowMark &m = overlayOf(ownerOfStep.value(t.stepId, t.coroutineId))->rows[t.stepId];
        ++m.count;
        if (m.sample.size() < std::size_t(kTipTasks))
            m.sample.push_back(t.id);
        if (m.count == 1 || liveliness(t.state) > liveliness(m.state))
            m.state = t.state;
        if (t.state == TaskState::Sleeping) {
            const std::int64_t left = qMax<std::int64_t>(0, t.sleepsUntilNs - nowNs);
            m.remainingNs = m.remainingNs < 0 ? left : qMin(m.remainingNs, left);
        }
    }
    // Tooltips: each task of the row (the first few) with what it is doing.
    for (NodeOverlay *item : std::as_const(m_items)) {
        for (RowMark &m : item->rows) {
            QStringList lines;
            for (TaskId id : m.sample) {
                const TaskSnapshot &t = tasks[id - 1];
                lines << tr("%1: %2").arg(t.label(), RunStyle::stateText(t, tasks, recording));
            }
            if (m.count > int(m.sample.size()))
                lines << tr("… and %1 more").arg(m.count - int(m.sample.size()));
            m.toolTip = lines.join(QLatin1Char('\n'));
        }
    }

    // Who waits on whom, one arrow per pair of rows.
    std::map<std::tuple<ItemId, ItemId, ItemId>, std::size_t> bundles;
    m_arrows.clear();
    std::vector<WaitEdge> waits;
    if (recording) {
        waits = recording->waitsAmong(tasks);
    } else {
        for (const TaskSnapshot &t : tasks) {
            if (t.state == TaskState::WaitingTask && t.waitsOn >= 1 && t.waitsOn <= tasks.size()
                && !isFinalState(tasks[t.waitsOn - 1].state))
                waits.push_back({t.id, t.waitsOn, false});
        }
    }
    for (const WaitEdge &w : waits) {
        const TaskSnapshot &waiter = tasks[w.waiter - 1];
        const TaskSnapshot &awaited = tasks[w.awaited - 1];
        if (waiter.stepId == kNoId)
            continue;
        const auto key = std::make_tuple(waiter.stepId, awaited.stepId, awaited.coroutineId);
        auto [it, added] = bundles.try_emplace(key, m_arrows.size());
        if (added) {
            const ItemId to = awaited.stepId != kNoId ? ownerOfStep.value(awaited.stepId, awaited.coroutineId)
                                                      : awaited.coroutineId;
            m_arrows.push_back({ownerOfStep.value(waiter.stepId, waiter.coroutineId), waiter.stepId, awaited.stepId, to,
                0, tr("%1 waits for %2").arg(waiter.label(), awaited.label()), nullptr});
        }
        ++m_arrows[it->second].count;
    }
    for (WaitArrow &a : m_arrows) {
        if (a.count > 1)
            a.toolTip = tr("%1 waits along this arrow, for example:\n%2").arg(a.count).arg(a.toolTip);
    }
    relayout();
}

void RunOverlay::relayout()
{
    if (!m_scene)
        return;
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        CoroutineNode *node = m_scene->node(it.key());
        it.value()->setVisible(node != nullptr);
        if (node)
            it.value()->layout(node, m_scene);
    }
    layoutArrows();
}

void RunOverlay::layoutArrows()
{
    std::size_t used = 0;
    for (WaitArrow &a : m_arrows) {
        a.item = nullptr;
        NodeOverlay *from = m_items.value(a.fromCoroutine);
        NodeOverlay *to = m_items.value(a.toCoroutine);
        CoroutineNode *toNode = m_scene->node(a.toCoroutine);
        if (!from || !from->isVisible() || !toNode)
            continue;
        const QPointF start = from->exitPoint(a.fromStep);
        if (start.isNull())
            continue;
        QPointF end;
        qreal targetRight = 0;
        if (a.toStep != kNoId && to && !to->entryPoint(a.toStep).isNull()) {
            end = to->entryPoint(a.toStep);
            targetRight = to->exitPoint(a.toStep).x();
        } else {
            // Not started yet: the arrow points at the node's header.
            const QRectF card = toNode->mapRectToScene(toNode->cardRect());
            end = QPointF(card.left() - 2, card.top() + NodeMetrics::kHeaderHeight / 2);
            targetRight = card.right() + 2;
        }
        if (used == m_arrowItems.size()) {
            m_arrowItems.push_back(new WaitArrowItem);
            m_scene->addItem(m_arrowItems.back());
        }
        WaitArrowItem *item = m_arrowItems[used++];
        item->setEnds(start, end, targetRight);
        item->setCount(a.count);
        item->setToolTip(a.toolTip);
        item->setVisible(true);
        a.item = item;
    }
    for (std::size_t i = used; i < m_arrowItems.size(); ++i)
        m_arrowItems[i]->setVisible(false);
}

DiagramScene *RunOverlay::scene() const
{
    return m_scene;
}

RunOverlay::Counts RunOverlay::counts(ItemId coroutine) const
{
    NodeOverlay *item = m_items.value(coroutine);
    return item ? item->counts : Counts {};
}

int RunOverlay::rowState(ItemId step) const
{
    for (NodeOverlay *item : m_items) {
        auto it = item->rows.constFind(step);
        if (it != item->rows.cend())
            return int(it->state);
    }
    return -1;
}

ItemId RunOverlay::rowNode(ItemId step) const
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (it.value()->rows.contains(step))
            return it.key();
    }
    return kNoId;
}

QString RunOverlay::rowToolTip(ItemId step) const
{
    for (NodeOverlay *item : m_items) {
        auto it = item->rows.constFind(step);
        if (it != item->rows.cend())
            return it->toolTip;
    }
    return {};
}

}  // namespace tusk
