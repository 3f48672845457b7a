#include "waitarrowitem.h"

#include "diagramscene.h"
#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <cmath>

namespace tusk {

namespace {
constexpr qreal kHeadLength = 9;
constexpr qreal kHeadWidth = 4.5;
}  // namespace

WaitArrowItem::WaitArrowItem()
{
    setAcceptedMouseButtons(Qt::NoButton);  // the rows underneath stay clickable
    setZValue(999);  // over nodes and call arrows, under the row marks
}

void WaitArrowItem::setEnds(const QPointF &from, const QPointF &to, qreal targetRight)
{
    prepareGeometryChange();
    // A target to the right, or below or above with its left edge about where the arrow
    // starts, is entered from its left side (an S-curve); one further left is looped round to.
    const bool forward = to.x() > from.x() - 10;
    QPainterPath path(from);
    if (forward) {
        const qreal reach = std::max<qreal>(40, (to.x() - from.x()) / 2);
        m_tip = to;
        m_direction = QPointF(1, 0);
        path.cubicTo(from + QPointF(reach, 0), to - QPointF(reach + kHeadLength, 0), to - QPointF(kHeadLength, 0));
    } else {
        // The target is to the left (or in the same node): loop round into its right side. Rows
        // of one node are close together, so the loop reaches out further than the gap.
        m_tip = QPointF(targetRight, to.y());
        m_direction = QPointF(-1, 0);
        const qreal reach = 50 + std::abs(from.y() - to.y()) / 4;
        const qreal outX = std::max(from.x(), targetRight) + reach;
        const bool sameRow = std::abs(from.y() - to.y()) < 1;
        const QPointF start = sameRow ? from - QPointF(0, 4) : from;
        m_tip.ry() += sameRow ? 4 : 0;
        path.moveTo(start);
        path.cubicTo(QPointF(outX, start.y()), QPointF(outX, m_tip.y()), m_tip + QPointF(kHeadLength, 0));
    }
    m_path = path;
    m_badgeAt = path.pointAtPercent(0.5);
    update();
}

void WaitArrowItem::setCount(int count)
{
    if (count != m_count) {
        m_count = count;
        update();
    }
}

QRectF WaitArrowItem::boundingRect() const
{
    // Room for the head and for a count badge at the middle.
    return m_path.boundingRect()
        .united(QRectF(m_tip, QSizeF(1, 1)))
        .united(QRectF(m_badgeAt - QPointF(40, 14), QSizeF(80, 28)))
        .adjusted(-kHeadLength, -kHeadLength, kHeadLength, kHeadLength);
}

QPainterPath WaitArrowItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath s = stroker.createStroke(m_path);
    s.addEllipse(m_tip, kHeadLength, kHeadLength);
    return s;
}

void WaitArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // An exported picture shows the diagram, not a moment of some run.
    if (const auto *diagram = qobject_cast<DiagramScene *>(scene()); diagram && diagram->isExporting())
        return;
    const QColor color = Theme::taskStateColor(TaskState::WaitingTask);
    painter->setRenderHint(QPainter::Antialiasing);
    // Dashed, as the waiting segments of the timeline are hatched: waiting, not calling.
    painter->setPen(QPen(color, 2, Qt::DashLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    const QPointF back = m_tip - m_direction * kHeadLength;
    const QPointF normal(-m_direction.y(), m_direction.x());
    QPolygonF head;
    head << m_tip << back + normal * kHeadWidth << back - normal * kHeadWidth;
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(head);

    if (m_count > 1) {
        // Many waits along one path are one arrow with a count, so hundreds of tasks stay legible.
        const QPalette pal = QApplication::palette();
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        painter->setFont(font);
        const QFontMetricsF fm(font);
        const QString text = QStringLiteral("×%1").arg(m_count);
        const qreal h = fm.height() + 4;
        const QRectF badge(m_badgeAt.x() - (fm.horizontalAdvance(text) + 10) / 2, m_badgeAt.y() - h / 2,
            fm.horizontalAdvance(text) + 10, h);
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(pal.color(QPalette::Base));
        painter->drawRoundedRect(badge, h / 2, h / 2);
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(badge, Qt::AlignCenter, text);
    }
}

}  // namespace tusk
