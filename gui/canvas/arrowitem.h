#pragma once

#include "project.h"

#include <QGraphicsPathItem>

namespace tusk {

/// The arrow from a create_task, await or gather row to the coroutine it calls. Knows the
/// ids at both ends; the scene sets its geometry whenever a node moves.
class ArrowItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 3 };

    ArrowItem(ItemId fromStep, ItemId fromCoroutine, ItemId toCoroutine);
    int type() const override { return Type; }

    ItemId fromStep() const { return m_fromStep; }
    ItemId fromCoroutine() const { return m_fromCoroutine; }
    ItemId toCoroutine() const { return m_toCoroutine; }

    /// A curve leaving `from` to the right and entering `to` horizontally.
    void setEnds(const QPointF &from, const QPointF &to);
    void setHighlighted(bool on);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    ItemId m_fromStep;
    ItemId m_fromCoroutine;
    ItemId m_toCoroutine;
    QPointF m_to;
    QPointF m_direction;  ///< unit vector of the curve's end
    bool m_highlighted = false;
};

}  // namespace tusk
