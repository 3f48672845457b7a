#include "arrowitem.h"

#include "theme.h"

#include <QPainter>
#include <cmath>

namespace tusk {

namespace {
constexpr qreal kHeadLength = 9;
constexpr qreal kHeadWidth = 4.5;
}  // namespace

ArrowItem::ArrowItem(ItemId fromStep, ItemId fromCoroutine, ItemId toCoroutine)
    : m_fromStep(fromStep)
    , m_fromCoroutine(fromCoroutine)
    , m_toCoroutine(toCoroutine)
{
    setZValue(-1);  // under the nodes: an arrow never hides a row
    setAcceptedMouseButtons(Qt::NoButton);
}

void ArrowItem::setEnds(const QPointF &from, const QPointF &to)
{
    prepareGeometryChange();
    // The curve leaves to the right; it enters from the left when the target lies to the right,
    // else it loops round into the target's right side.
    const bool forward = to.x() > from.x() + 10;
    const qreal reach = forward ? std::max<qreal>(30, (to.x() - from.x()) / 2) : 60;
    const QPointF c1 = from + QPointF(reach, 0);
    const QPointF c2 = forward ? to - QPointF(reach + kHeadLength, 0) : to + QPointF(reach, 0);
    const QPointF end = forward ? to - QPointF(kHeadLength, 0) : to + QPointF(kHeadLength, 0);
    QPainterPath path(from);
    path.cubicTo(c1, c2, end);
    setPath(path);
    m_to = to;
    m_direction = forward ? QPointF(1, 0) : QPointF(-1, 0);
}

void ArrowItem::setHighlighted(bool on)
{
    if (m_highlighted != on) {
        m_highlighted = on;
        setZValue(on ? -0.5 : -1);
        update();
    }
}

QRectF ArrowItem::boundingRect() const
{
    return path()
        .boundingRect()
        .united(QRectF(m_to, QSizeF(1, 1)))
        .adjusted(-kHeadLength, -kHeadLength, kHeadLength, kHeadLength);
}

void ArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Theme::Canvas colors = Theme::canvas();
    const QColor color = m_highlighted ? colors.selection : colors.arrow;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, m_highlighted ? 2 : 1.5, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    const QPointF tip = m_to;
    const QPointF back = tip - m_direction * kHeadLength;
    const QPointF normal(-m_direction.y(), m_direction.x());
    QPolygonF head;
    head << tip << back + normal * kHeadWidth << back - normal * kHeadWidth;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(head);
}

}  // namespace tusk
