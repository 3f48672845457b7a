#pragma once

#include "coroutinenode.h"
#include "project.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

class QMimeData;
class QGraphicsLineItem;
class QGraphicsPathItem;

namespace tusk {

class ArrowItem;
class Document;
class StepRow;

/// The diagram: one CoroutineNode per coroutine, arrows for calls, and the interactions
/// that edit it (dropping palette blocks, dragging rows, dragging a row's port onto a node).
/// It never changes the model directly: every edit is a command pushed on the document, and
/// the scene redraws from the model when the document says it changed.
class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// True while the diagram is being rendered for PNG/SVG export.
    bool isExporting() const { return m_exporting; }
    explicit DiagramScene(Document *document, QObject *parent = nullptr);
    ~DiagramScene() override;

    Document *document() const { return m_document; }

    /// The MIME type of a palette block; its data is `coroutine` or a step's op name.
    static QString blockMimeType();
    static QMimeData *blockMimeData(const QString &block);
    /// The MIME type of copied coroutines or steps (a small `.tusk` document).
    static QString fragmentMimeType();

    // Palette drag and drop, called by the view's drag events.
    /// Shows where the block would go; false when it cannot be dropped at `scenePos`.
    bool dragMoveBlock(const QMimeData *mime, const QPointF &scenePos);
    void dragLeaveBlock();
    bool dropBlock(const QMimeData *mime, const QPointF &scenePos);
    /// Adds a block where the selection is (a palette item activated with the keyboard or a
    /// double-click): a step after the selected step or at the end of the selected coroutine.
    bool addBlockAtSelection(const QString &block);

    // Selection, by id.
    QList<ItemId> selectedCoroutines() const;
    QList<ItemId> selectedSteps() const;
    /// The one selected coroutine or step, or kNoId.
    ItemId currentItem() const;
    void selectItem(ItemId id);
    /// The arrow keys: Up and Down go through a node's header and rows and on to the node
    /// above or below, Left and Right to the nearest node on that side. False when nothing
    /// selected or nothing lies that way.
    bool moveSelection(Qt::Key direction);
    /// Selects the node nearest `scenePos` (where the arrow keys start when nothing is selected).
    void selectNearestNode(const QPointF &scenePos);

    CoroutineNode *node(ItemId coroutine) const { return m_nodes.value(coroutine); }
    StepRow *row(ItemId step) const;
    const QList<ArrowItem *> &arrows() const { return m_arrows; }
    /// The part of the scene that holds nodes.
    QRectF contentRect() const;

    // Edit menu.
    void deleteSelection();
    QMimeData *copySelection() const;
    bool paste(const QMimeData *mime);
    /// Moves the selected step one place up or down in its list.
    bool moveSelectedStep(int delta);
    /// Points a create_task or await at a coroutine, or adds a call to a gather.
    void linkStep(ItemId step, ItemId coroutine);

    /// The diagram as an image: twice the logical pixels (a device pixel ratio of 2), text at
    /// the screen's DPI as on the canvas. Written atomically.
    bool exportPng(const QString &fileName, QString *error);
    /// The diagram as an SVG drawing whose user units are the canvas's logical pixels.
    bool exportSvg(const QString &fileName, QString *error);
    /// The part of the scene an export shows: the nodes and a margin (empty when no node).
    QRectF exportRect() const;

    /// Called by a node while it is dragged: arrows follow.
    void nodeMoved(CoroutineNode *node);
    /// Set by the view while a rubber band is drawn: it selects nodes, not their rows.
    void setRubberBanding(bool on) { m_rubberBanding = on; }

signals:
    /// The single selected item changed (kNoId: none or several).
    void currentItemChanged(tusk::ItemId id);
    /// Something worth telling in the status bar (why a drop is refused, ...).
    void statusMessage(const QString &message);
    /// A node or row should be scrolled into view, with `margin` view pixels around it.
    void ensureVisibleRequested(const QRectF &sceneRect, int margin);
    /// Enter (`rename` false) or F2 (true) on the canvas: the keyboard goes to the inspector, to
    /// the selection's first field or to the field that names it.
    void editRequested(bool rename);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    enum class Mode { None, PressRow, DragRow, Link };

    void sync();
    void rebuildArrows();
    void updateArrowGeometry();
    void onSelectionChanged();
    /// Selects `item` alone and asks for it to be shown.
    void selectOnly(QGraphicsItem *item);
    /// The selected item the arrow keys start from (the topmost of several).
    QGraphicsItem *keyboardAnchor() const;
    /// The nearest node in the arrow key's direction from `from` (a node or one of its rows).
    CoroutineNode *nodeToward(QGraphicsItem *from, Qt::Key direction) const;
    bool nudgeSelectedNodes(const QPointF &delta);
    CoroutineNode *nodeAt(const QPointF &scenePos) const;
    StepRow *rowAt(const QPointF &scenePos) const;
    void showIndicator(const DropSlot &slot);
    void hideIndicator();
    void endLink();
    bool insertStep(StepOp op, const StepList &list, int index);
    /// Where added or pasted steps go, from the selection.
    bool insertionPoint(StepList *list, int *index);
    bool addCoroutineAt(const QPointF &pos);
    QPointF freeSpot() const;
    QString selectionKey(QGraphicsItem *item) const;
    void renderDiagram(QPainter *painter, const QRectF &target, const QRectF &source);
    bool exportArea(QRectF *source, QString *error) const;

    Document *m_document;
    QHash<ItemId, CoroutineNode *> m_nodes;
    QList<ArrowItem *> m_arrows;
    QGraphicsLineItem *m_indicator = nullptr;
    QGraphicsPathItem *m_linkLine = nullptr;
    CoroutineNode *m_linkTarget = nullptr;

    Mode m_mode = Mode::None;
    ItemId m_pressStep = kNoId;
    QPointF m_pressPos;
    QHash<ItemId, QPointF> m_pressPositions;  ///< nodes' positions when a node drag started
    bool m_syncing = false;
    bool m_exporting = false;
    bool m_rubberBanding = false;
    bool m_dropping = false;  ///< a palette block is being dropped: the view keeps still
    ItemId m_current = kNoId;
};

}  // namespace tusk
