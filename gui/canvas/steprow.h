#pragma once

#include "stepcode.h"

#include <QGraphicsItem>
#include <QStringList>

namespace tusk {

/// One row of a coroutine node: a step (`await asyncio.sleep(1)`), an except or finally
/// header, or `pass` standing for an empty body. Holds only ids and the text to draw; the node
/// recreates its rows from the model after every change.
class StepRow : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    StepRow(const DisplayLine &line, qreal width, QGraphicsItem *parent);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    /// The row itself, without the port that stands out of the node.
    QRectF rowRect() const;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const DisplayLine &line() const { return m_line; }
    ItemId stepId() const { return m_line.stepId; }
    /// A step row, as opposed to a header or `pass`: what can be dragged.
    bool isStep() const { return m_line.kind == DisplayLine::Kind::Step; }

    /// What validation says about this row; shown as a marker with the reasons as tooltip.
    void setProblems(const QStringList &messages);
    const QStringList &problems() const { return m_problems; }

    /// create_task, await and gather rows have a port that drags onto a coroutine.
    bool hasPort() const { return m_hasPort; }
    QPointF portPos() const;  ///< in row coordinates
    bool portContains(const QPointF &rowPos) const;
    /// Left edge of the code, where a drop indicator for a sibling starts.
    qreal contentLeft() const;

    void setDimmed(bool dimmed);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void updateToolTip();

    DisplayLine m_line;
    qreal m_width;
    QStringList m_problems;
    bool m_hasPort = false;
    bool m_hovered = false;
    bool m_dimmed = false;
};

}  // namespace tusk
