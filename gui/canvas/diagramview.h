#pragma once

#include <QGraphicsView>

class QMimeData;

namespace tusk {

class DiagramScene;

/// The canvas widget: zoom (Ctrl+wheel, actions, fit), panning (middle button, or Space with
/// the left button), rubber-band selection, and drops from the palette and of `.tusk` files.
/// The scene handles the keys (DiagramScene::keyPressEvent); with nothing selected, an arrow key
/// selects the node in the middle of the view. It scrolls by itself only to show what is not in
/// view.
class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    DiagramScene *diagramScene() const { return m_scene; }
    qreal zoom() const { return transform().m11(); }
    /// The first local `.tusk` or `.py` file among dropped URLs, or an empty string.
    static QString droppedFile(const QMimeData *mime);
    void setZoom(qreal zoom);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Shows every node, at 100 % at most (a small diagram is not blown up).
    void fitToView();

signals:
    void zoomChanged(qreal zoom);
    /// A `.tusk` file (to open) or a `.py` file (to import) was dropped on the canvas.
    void fileDropped(const QString &fileName);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;

private:
    void updateSceneRect();
    /// Scrolls as little as shows `sceneRect` with `margin` pixels around it; not at all when
    /// it is in view already.
    void reveal(const QRectF &sceneRect, int margin);

    DiagramScene *m_scene;
    bool m_panning = false;
    bool m_showsHint = true;  ///< the empty-canvas hint is on screen
    bool m_spaceHeld = false;
    QPoint m_panFrom;
};

}  // namespace tusk
