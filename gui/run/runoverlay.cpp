#include "runoverlay.h"

#include "coroutinenode.h"
#include "diagramscene.h"
#include "numberformat.h"
#include "runstyle.h"
#include "steprow.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QPainter>
#include <QPalette>

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

struct RowMark {
    int count = 0;
    TaskState state = TaskState::Pending;
    std::int64_t remainingNs = -1;  ///< Sleeping: the soonest wake-up
};

}  // namespace

class RunOverlay::NodeOverlay : public QGraphicsItem {
public:
    NodeOverlay()
    {
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
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
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            if (StepRow *r = scene->row(it.key()))
                rowRects.insert(it.key(), r->mapRectToItem(node, r->boundingRect()));
        }
        update();
    }

    QRectF boundingRect() const override { return card.adjusted(-26, -30, 90, 4); }

    void paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        // An exported picture shows the diagram, not a moment of some run.
        if (const auto *diagram = qobject_cast<DiagramScene *>(scene()); diagram && diagram->isExporting())
            return;
        p->setRenderHint(QPainter::Antialiasing);
        const QPalette pal = QApplication::palette();
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        p->setFont(font);
        const QFontMetricsF fm(font);

        // Counts per state, as pills above the card's top edge.
        qreal x = card.left();
        const qreal h = fm.height() + 6;
        const qreal y = card.top() - h - 4;
        for (int s = 0; s < StateCount; ++s) {
            if (counts[std::size_t(s)] == 0)
                continue;
            const QString text = QString::number(counts[std::size_t(s)]);
            const QRectF pill(x, y, h + fm.horizontalAdvance(text) + 6, h);
            const QColor c = Theme::taskStateColor(TaskState(s));
            p->setPen(QPen(c, 1.5));
            p->setBrush(pal.color(QPalette::Base));
            p->drawRoundedRect(pill, h / 2, h / 2);
            RunStyle::stateIcon(TaskState(s))
                .paint(p, QRect(int(pill.left() + 4), int(pill.top() + 3), int(h - 6), int(h - 6)));
            p->setPen(pal.color(QPalette::Text));
            p->drawText(pill.adjusted(h, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
            x = pill.right() + 4;
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
            const qreal side = qMin<qreal>(16, rect->height() - 2);
            RunStyle::stateIcon(m.state).paint(
                p, QRect(int(card.left() - side - 6), int(rect->center().y() - side / 2), int(side), int(side)));
            QString note;
            if (m.count > 1)
                note = QStringLiteral("×%1").arg(m.count);
            if (m.state == TaskState::Sleeping && m.remainingNs >= 0)
                note += (note.isEmpty() ? QString() : QStringLiteral(" ")) + NumberFormat::seconds(m.remainingNs);
            if (!note.isEmpty()) {
                p->setPen(pal.color(QPalette::Text));
                p->drawText(
                    QRectF(card.right() + 6, rect->top(), 84, rect->height()), Qt::AlignLeft | Qt::AlignVCenter, note);
            }
        }
    }

    RunOverlay::Counts counts {};
    QHash<ItemId, RowMark> rows;
    QHash<ItemId, QRectF> rowRects;
    QRectF card;
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
    if (!m_scene) {
        m_items.clear();
        return;
    }
    for (NodeOverlay *item : std::as_const(m_items)) {
        if (item->scene())
            item->scene()->removeItem(item);
        delete item;
    }
    m_items.clear();
}

void RunOverlay::setTasks(const TaskList &tasks, std::int64_t nowNs)
{
    if (!m_scene)
        return;
    for (NodeOverlay *item : std::as_const(m_items))
        item->reset();
    for (const TaskSnapshot &t : tasks) {
        NodeOverlay *&item = m_items[t.coroutineId];
        if (!item) {
            item = new NodeOverlay;
            m_scene->addItem(item);
        }
        ++item->counts[std::size_t(t.state)];
        if (isFinalState(t.state) || t.stepId == kNoId)
            continue;
        RowMark &m = item->rows[t.stepId];
        ++m.count;
        if (m.count == 1 || liveliness(t.state) > liveliness(m.state))
            m.state = t.state;
        if (t.state == TaskState::Sleeping) {
            const std::int64_t left = qMax<std::int64_t>(0, t.sleepsUntilNs - nowNs);
            m.remainingNs = m.remainingNs < 0 ? left : qMin(m.remainingNs, left);
        }
    }
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        CoroutineNode *node = m_scene->node(it.key());
        it.value()->setVisible(node != nullptr);
        if (node)
            it.value()->layout(node, m_scene);
    }
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

}  // namespace tusk
