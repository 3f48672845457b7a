#pragma once

#include "modeledit.h"
#include "problem.h"

#include <QGraphicsItem>
#include <QHash>
#include <QLineF>

namespace tusk {

class StepRow;

/// Where a step dropped on a node goes: a list and a position in it, and the line the canvas
/// draws to show it (in scene coordinates).
struct DropSlot {
    bool valid = false;
    StepList list;
    int index = 0;
    QLineF indicator;
};

/// A coroutine on the canvas: a card with its name and parameters, and its steps as rows,
/// nested bodies indented. It keeps the coroutine's id only and is rebuilt from the model.
class CoroutineNode : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    explicit CoroutineNode(ItemId id);

    int type() const override { return Type; }
    ItemId coroutineId() const { return m_id; }

    /// Redraws from the model: header, rows, validation markers.
    void rebuild(const Coroutine &coroutine, bool isEntry, const Problems &problems);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QRectF cardRect() const { return QRectF(0, 0, m_width, m_height); }
    const std::vector<StepRow *> &rows() const { return m_rows; }
    StepRow *rowForStep(ItemId step) const;
    /// Where an arrow to this node ends (scene coordinates), coming from `from`.
    QPointF arrowTarget(const QPointF &from) const;
    const QStringList &problems() const { return m_problems; }

    /// The drop position nearest to `scenePos` for a step dragged over this node; the x
    /// coordinate chooses the nesting level where a nested body ends.
    DropSlot slotAt(const QPointF &scenePos) const;

    void setLinkTarget(bool on);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    qreal rowTop(std::size_t i) const;

    ItemId m_id;
    QString m_name;
    QStringList m_params;
    bool m_isEntry = false;
    QString m_entryCaption;
    QStringList m_problems;  ///< about the coroutine itself (name, parameters, entry)
    qreal m_width = 0;
    qreal m_height = 0;
    std::vector<StepRow *> m_rows;
    bool m_linkTarget = false;
    bool m_hovered = false;
};

}  // namespace tusk
