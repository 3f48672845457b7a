#include "diagramview.h"

#include "diagramscene.h"
#include "document.h"
#include "theme.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

namespace tusk {

namespace {
constexpr qreal kMinZoom = 0.2;
constexpr qreal kMaxZoom = 3.0;
constexpr qreal kZoomStep = 1.2;
}  // namespace

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Diagram"));
    // The scene grows with its content, with room around it to drop new nodes.
    connect(scene, &QGraphicsScene::changed, this, [this] { updateSceneRect(); });
    // The empty-canvas hint is drawn across the whole viewport: when it comes or goes, all of it
    // is repainted, not only the scene's changed parts (they left fragments of it behind).
    const auto updateHint = [this] {
        const bool empty = m_scene->document()->project().coroutines.empty();
        if (empty != m_showsHint) {
            m_showsHint = empty;
            viewport()->update();
        }
    };
    connect(scene->document(), &Document::changed, this, updateHint);
    connect(scene->document(), &Document::projectReplaced, this, updateHint);
    connect(this, &QGraphicsView::rubberBandChanged, this,
        [this](QRect rect) { m_scene->setRubberBanding(!rect.isNull()); });
    connect(
        scene, &DiagramScene::ensureVisibleRequested, this, [this](const QRectF &r, int margin) { reveal(r, margin); });
    updateSceneRect();
}

void DiagramView::updateSceneRect()
{
    const QRectF content = m_scene->contentRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    QRectF rect = content.isNull() ? QRectF(-400, -300, 800, 600) : content.adjusted(-600, -400, 600, 400);
    rect = rect.united(sceneRect().isNull() ? rect : visible);
    if (rect != sceneRect())
        setSceneRect(rect);
}

void DiagramView::reveal(const QRectF &sceneRect, int margin)
{
    // What is already in view stays where it is: the view moves only for what is not.
    if (mapToScene(viewport()->rect()).boundingRect().contains(sceneRect))
        return;
    // The scene's changed() that grows the scroll range comes only on the next event loop turn:
    // an item added just now (an Apply, a paste) could not be scrolled to yet.
    updateSceneRect();
    ensureVisible(sceneRect, margin, margin);
}

void DiagramView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (std::abs(zoom - this->zoom()) < 1e-6)
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    updateSceneRect();
    emit zoomChanged(zoom);
}

void DiagramView::zoomIn()
{
    setZoom(zoom() * kZoomStep);
}

void DiagramView::zoomOut()
{
    setZoom(zoom() / kZoomStep);
}

void DiagramView::resetZoom()
{
    setZoom(1.0);
}

void DiagramView::fitToView()
{
    const QRectF content = m_scene->contentRect();
    if (content.isNull()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    const QRectF target = content.adjusted(-30, -30, 30, 30);
    const qreal z = std::min({viewport()->width() / target.width(), viewport()->height() / target.height(), 1.0});
    setZoom(z);
    centerOn(target.center());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            setZoom(zoom() * std::pow(kZoomStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    updateSceneRect();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    // With nothing selected the arrow keys start from the node in the middle of the view.
    const bool arrow = event->key() == Qt::Key_Left || event->key() == Qt::Key_Right || event->key() == Qt::Key_Up
        || event->key() == Qt::Key_Down;
    if (arrow && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier && m_scene->selectedItems().isEmpty()) {
        m_scene->selectNearestNode(mapToScene(viewport()->rect().center()));
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

QString DiagramView::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        const QString file = url.toLocalFile();
        if (url.isLocalFile()
            && (file.endsWith(QLatin1String(".tusk"), Qt::CaseInsensitive)
                || file.endsWith(QLatin1String(".py"), Qt::CaseInsensitive)))
            return file;
    }
    return {};
}

// Palette blocks are handled here rather than by the scene's own drag events so that the drop
// logic is one plain function call: tests deliver QDragMoveEvent/QDropEvent to the viewport
// (QDrag::exec cannot run on the offscreen platform) and go through exactly this code.
void DiagramView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(DiagramScene::blockMimeType()) || !droppedFile(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void DiagramView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    if (m_scene->dragMoveBlock(event->mimeData(), mapToScene(event->position().toPoint())))
        event->acceptProposedAction();
    else
        event->ignore();
}

void DiagramView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_scene->dragLeaveBlock();
    event->accept();
}

void DiagramView::dropEvent(QDropEvent *event)
{
    const QString file = droppedFile(event->mimeData());
    if (!file.isEmpty()) {
        event->acceptProposedAction();
        emit fileDropped(file);
        return;
    }
    if (m_scene->dropBlock(event->mimeData(), mapToScene(event->position().toPoint()))) {
        event->acceptProposedAction();
        setFocus();
    } else {
        event->ignore();
    }
}

void DiagramView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_scene->document()->project().coroutines.empty())
        return;
    // An empty project says how to start, in the middle of the canvas.
    painter->save();
    painter->resetTransform();
    const QRect area = viewport()->rect().adjusted(40, 40, -40, -40);
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 1.35);
    painter->setFont(title);
    painter->setPen(Theme::canvas().mutedText);
    const QString heading = tr("Start with a coroutine");
    const QString text = tr("Drag “Coroutine” from the palette onto the canvas: the first one becomes main, "
                            "the coroutine asyncio.run() starts.\nThen drag steps such as sleep or print onto it.");
    const QFontMetrics fm(title);
    const QRect headingRect(area.left(), area.center().y() - fm.height() - 6, area.width(), fm.height());
    painter->drawText(headingRect, Qt::AlignHCenter | Qt::AlignBottom, heading);
    painter->setFont(font());
    painter->drawText(QRect(area.left(), area.center().y() + 4, area.width(), area.height() / 2),
        Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
    painter->restore();
}

void DiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Diagram"));
        viewport()->update();
    }
    if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QGraphicsView::changeEvent(event);
}

}  // namespace tusk
