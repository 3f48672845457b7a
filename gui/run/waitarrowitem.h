#pragma once

#include "project.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace tusk {

/// One live "waits on" arrow of a run, over the canvas: from the row where one or more tasks
/// await, to the row where the awaited tasks are now (or to the node of one that has not started
/// yet), dashed in the waiting colour, with a count when it stands for several waits. Unlike
/// the call arrows (ArrowItem) it is not part of the diagram: RunOverlay owns and places it.
class WaitArrowItem : public QGraphicsItem {
public:
    WaitArrowItem();

    /// Both ends in scene coordinates: `from` on the awaiting row's right edge, `to` on the
    /// awaited row's left edge (the arrow loops round when the target lies to the left).
    void setEnds(const QPointF &from, const QPointF &to, qreal targetRight);
    /// How many waits this arrow stands for (shown as ×N when more than one).
    void setCount(int count);
    int count() const { return m_count; }

    QRectF boundingRect() const override;
    /// The stroke, a few pixels wide: the tooltip shows over the line, not over what it encloses.
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath m_path;
    QPointF m_tip;
    QPointF m_direction;  ///< the way the head points
    QPointF m_badgeAt;  ///< the middle of the curve, where the count goes
    int m_count = 1;
};

}  // namespace tusk
