#include "diagramscene.h"

#include "arrowitem.h"
#include "coroutinecommands.h"
#include "document.h"
#include "newitems.h"
#include "nodemetrics.h"
#include "projectjson.h"
#include "stepcommands.h"
#include "stepkinds.h"
#include "steprow.h"
#include "theme.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QSvgGenerator>
#include <cmath>

namespace tusk {

namespace {

constexpr qreal kGrid = 24;
constexpr qreal kExportMargin = 32;
const char kClipboardKind[] = "tuskClipboard";

bool blockFromMime(const QMimeData *mime, QString *block)
{
    if (!mime || !mime->hasFormat(DiagramScene::blockMimeType()))
        return false;
    *block = QString::fromUtf8(mime->data(DiagramScene::blockMimeType()));
    StepOp op;
    return *block == QLatin1String("coroutine") || stepOpFromName(*block, &op);
}

// Python for the clipboard's text flavour: what the copied items mean.
QString pythonFor(const Coroutine &c, bool header)
{
    QStringList out;
    if (header)
        out << QStringLiteral("async def %1(%2):").arg(c.name, c.params.join(QStringLiteral(", ")));
    const int base = header ? 1 : 0;
    for (const DisplayLine &line : displayLines(c))
        out << QString(4 * (line.depth + base), QLatin1Char(' ')) + plainText(line.code);
    return out.join(QLatin1Char('\n'));
}

}  // namespace

DiagramScene::DiagramScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
{
    setItemIndexMethod(QGraphicsScene::NoIndex);  // few items, moving often
    m_indicator = new QGraphicsLineItem;
    m_indicator->setZValue(100);
    m_indicator->setVisible(false);
    addItem(m_indicator);
    m_linkLine = new QGraphicsPathItem;
    m_linkLine->setZValue(100);
    m_linkLine->setVisible(false);
    addItem(m_linkLine);

    connect(document, &Document::changed, this, &DiagramScene::sync);
    connect(document, &Document::projectReplaced, this, [this] {
        clearSelection();
        m_mode = Mode::None;
    });
    connect(document, &Document::focusRequested, this, &DiagramScene::selectItem);
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::onSelectionChanged);
    sync();
}

DiagramScene::~DiagramScene()
{
    // Items go while this object is still whole: removing them must not reach our slots.
    blockSignals(true);
    m_syncing = true;
    clear();
}

QString DiagramScene::blockMimeType()
{
    return QStringLiteral("application/x-tusk-block");
}

QString DiagramScene::fragmentMimeType()
{
    return QStringLiteral("application/x-tusk-fragment");
}

QMimeData *DiagramScene::blockMimeData(const QString &block)
{
    auto *mime = new QMimeData;
    mime->setData(blockMimeType(), block.toUtf8());
    return mime;
}

StepRow *DiagramScene::row(ItemId step) const
{
    for (CoroutineNode *n : m_nodes) {
        if (StepRow *r = n->rowForStep(step))
            return r;
    }
    return nullptr;
}

QRectF DiagramScene::contentRect() const
{
    QRectF rect;
    for (CoroutineNode *n : m_nodes)
        rect = rect.united(n->sceneBoundingRect());
    return rect;
}

// --- Redrawing from the model -------------------------------------------------------------

QString DiagramScene::selectionKey(QGraphicsItem *item) const
{
    if (item->type() == CoroutineNode::Type)
        return QStringLiteral("c%1").arg(static_cast<CoroutineNode *>(item)->coroutineId());
    if (item->type() == StepRow::Type) {
        const DisplayLine &l = static_cast<StepRow *>(item)->line();
        return QStringLiteral("r%1/%2/%3").arg(int(l.kind)).arg(l.stepId).arg(l.handler);
    }
    return {};
}

void DiagramScene::sync()
{
    m_syncing = true;
    QSet<QString> selected;
    for (QGraphicsItem *item : selectedItems())
        selected.insert(selectionKey(item));

    const Project &p = m_document->project();
    QSet<ItemId> alive;
    for (const Coroutine &c : p.coroutines)
        alive.insert(c.id);
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (!alive.contains(it.key())) {
            if (m_linkTarget == it.value())
                m_linkTarget = nullptr;
            delete it.value();
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    for (const Coroutine &c : p.coroutines) {
        CoroutineNode *n = m_nodes.value(c.id);
        if (!n) {
            n = new CoroutineNode(c.id);
            addItem(n);
            m_nodes.insert(c.id, n);
        }
        n->rebuild(c, c.name == p.entry, m_document->problems());
        const QPointF pos = m_document->position(c.id);
        if (n->pos() != pos)
            n->setPos(pos);
        n->setSelected(selected.contains(selectionKey(n)));
        for (StepRow *r : n->rows())
            r->setSelected(selected.contains(selectionKey(r)));
    }
    rebuildArrows();
    m_syncing = false;
    onSelectionChanged();
}

void DiagramScene::rebuildArrows()
{
    qDeleteAll(m_arrows);
    m_arrows.clear();
    const Project &p = m_document->project();
    for (CoroutineNode *n : m_nodes) {
        for (StepRow *r : n->rows()) {
            if (!r->hasPort())
                continue;
            for (const QString &target : r->line().targets) {
                const Coroutine *to = p.findCoroutine(target);
                if (!to)
                    continue;
                auto *arrow = new ArrowItem(r->stepId(), n->coroutineId(), to->id);
                addItem(arrow);
                m_arrows << arrow;
            }
        }
    }
    updateArrowGeometry();
}

void DiagramScene::updateArrowGeometry()
{
    const QList<ItemId> steps = selectedSteps();
    const QList<ItemId> nodes = selectedCoroutines();
    for (ArrowItem *a : m_arrows) {
        StepRow *r = row(a->fromStep());
        CoroutineNode *to = m_nodes.value(a->toCoroutine());
        if (!r || !to)
            continue;
        const QPointF from = r->mapToScene(r->portPos());
        a->setEnds(from, to->arrowTarget(from));
        a->setHighlighted(steps.contains(a->fromStep()) || nodes.contains(a->toCoroutine()));
    }
}

void DiagramScene::nodeMoved(CoroutineNode *)
{
    if (!m_syncing)
        updateArrowGeometry();
}

void DiagramScene::onSelectionChanged()
{
    if (m_syncing)
        return;
    if (m_rubberBanding) {
        m_syncing = true;
        for (QGraphicsItem *item : selectedItems()) {
            if (item->type() == StepRow::Type)
                item->setSelected(false);
        }
        m_syncing = false;
    }
    updateArrowGeometry();
    const ItemId current = currentItem();
    if (current != m_current) {
        m_current = current;
        emit currentItemChanged(current);
    }
}

// --- Selection ----------------------------------------------------------------------------

QList<ItemId> DiagramScene::selectedCoroutines() const
{
    QList<ItemId> ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == CoroutineNode::Type)
            ids << static_cast<CoroutineNode *>(item)->coroutineId();
    }
    return ids;
}

QList<ItemId> DiagramScene::selectedSteps() const
{
    QList<ItemId> ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == StepRow::Type) {
            const ItemId id = static_cast<StepRow *>(item)->stepId();
            if (!ids.contains(id))
                ids << id;
        }
    }
    return ids;
}

ItemId DiagramScene::currentItem() const
{
    const QList<ItemId> steps = selectedSteps();
    const QList<ItemId> nodes = selectedCoroutines();
    if (steps.size() == 1 && nodes.isEmpty())
        return steps.front();
    if (nodes.size() == 1 && steps.isEmpty())
        return nodes.front();
    return kNoId;
}

void DiagramScene::selectItem(ItemId id)
{
    QGraphicsItem *item = m_nodes.value(id);
    if (!item)
        item = row(id);
    if (!item || (item->isSelected() && selectedItems().size() == 1))
        return;
    selectOnly(item);
}

void DiagramScene::selectOnly(QGraphicsItem *item)
{
    clearSelection();
    item->setSelected(true);
    const QRectF shown = item->type() == StepRow::Type ? item->mapRectToScene(static_cast<StepRow *>(item)->rowRect())
                                                       : item->sceneBoundingRect();
    // What a drop adds is shown with as little scrolling as possible, none when it landed in
    // view: the drop targets stay under the pointer. Anything else comes with room around it.
    emit ensureVisibleRequested(shown, m_dropping ? 0 : 40);
}

namespace {

// The stops of Up and Down in a node: its header (the node itself), then its selectable rows.
QList<QGraphicsItem *> keyboardStops(CoroutineNode *node)
{
    QList<QGraphicsItem *> stops {node};
    for (StepRow *r : node->rows()) {
        if (r->flags() & QGraphicsItem::ItemIsSelectable)
            stops << r;
    }
    return stops;
}

CoroutineNode *owningNode(QGraphicsItem *item)
{
    for (QGraphicsItem *i = item; i; i = i->parentItem()) {
        if (i->type() == CoroutineNode::Type)
            return static_cast<CoroutineNode *>(i);
    }
    return nullptr;
}

}  // namespace

QGraphicsItem *DiagramScene::keyboardAnchor() const
{
    QGraphicsItem *anchor = nullptr;
    for (QGraphicsItem *item : selectedItems()) {
        if (!owningNode(item))
            continue;
        const QPointF at = item->sceneBoundingRect().topLeft();
        if (!anchor || at.y() < anchor->sceneBoundingRect().top()
            || (at.y() == anchor->sceneBoundingRect().top() && at.x() < anchor->sceneBoundingRect().left()))
            anchor = item;
    }
    return anchor;
}

CoroutineNode *DiagramScene::nodeToward(QGraphicsItem *from, Qt::Key direction) const
{
    CoroutineNode *node = owningNode(from);
    const QPointF centre = node->mapRectToScene(node->cardRect()).center();
    const bool vertical = direction == Qt::Key_Up || direction == Qt::Key_Down;
    // Sideways from a row means level with that row; up and down go from the whole node.
    const QPointF origin = vertical ? centre : QPointF(centre.x(), from->sceneBoundingRect().center().y());
    CoroutineNode *best = nullptr;
    qreal bestDistance = 0;
    for (CoroutineNode *n : m_nodes) {
        if (n == node)
            continue;
        const QPointF d = n->mapRectToScene(n->cardRect()).center() - origin;
        const qreal along = direction == Qt::Key_Right ? d.x()
            : direction == Qt::Key_Left                ? -d.x()
            : direction == Qt::Key_Down                ? d.y()
                                                       : -d.y();
        const qreal across = vertical ? d.x() : d.y();
        // Within 45 degrees of the key's direction: a node diagonally away is reached with the
        // other pair of keys.
        if (along <= 0 || std::abs(across) > along)
            continue;
        const qreal distance = std::hypot(along, across);
        if (!best || distance < bestDistance) {
            best = n;
            bestDistance = distance;
        }
    }
    return best;
}

bool DiagramScene::moveSelection(Qt::Key direction)
{
    QGraphicsItem *from = keyboardAnchor();
    if (!from)
        return false;
    QGraphicsItem *to = nullptr;
    if (direction == Qt::Key_Up || direction == Qt::Key_Down) {
        const QList<QGraphicsItem *> stops = keyboardStops(owningNode(from));
        const qsizetype next = stops.indexOf(from) + (direction == Qt::Key_Down ? 1 : -1);
        if (next >= 0 && next < stops.size()) {
            to = stops[next];
        } else if (CoroutineNode *n = nodeToward(from, direction)) {
            // Up arrives at the bottom of the node above, so that Down goes back the same way.
            to = direction == Qt::Key_Down ? n : keyboardStops(n).back();
        }
    } else {
        to = nodeToward(from, direction);
    }
    if (!to)
        return false;
    selectOnly(to);
    return true;
}

void DiagramScene::selectNearestNode(const QPointF &scenePos)
{
    CoroutineNode *nearest = nullptr;
    qreal nearestDistance = 0;
    for (CoroutineNode *n : std::as_const(m_nodes)) {
        const qreal distance = QLineF(scenePos, n->mapRectToScene(n->cardRect()).center()).length();
        if (!nearest || distance < nearestDistance) {
            nearest = n;
            nearestDistance = distance;
        }
    }
    if (nearest)
        selectOnly(nearest);
}

// --- Mouse: rows, ports, nodes ------------------------------------------------------------

CoroutineNode *DiagramScene::nodeAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        for (QGraphicsItem *i = item; i; i = i->parentItem()) {
            if (i->type() == CoroutineNode::Type)
                return static_cast<CoroutineNode *>(i);
        }
    }
    return nullptr;
}

StepRow *DiagramScene::rowAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == StepRow::Type)
            return static_cast<StepRow *>(item);
        if (item->type() == CoroutineNode::Type)
            return nullptr;  // a node's own area above any row
    }
    return nullptr;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_mode = Mode::None;
    m_pressPositions.clear();
    if (event->button() == Qt::LeftButton) {
        StepRow *r = rowAt(event->scenePos());
        if (r && r->portContains(r->mapFromScene(event->scenePos()))) {
            m_mode = Mode::Link;
            m_pressStep = r->stepId();
            m_pressPos = r->mapToScene(r->portPos());
            clearSelection();
            r->setSelected(true);
            event->accept();
            return;
        }
        if (r && r->line().kind != DisplayLine::Kind::Pass) {
            if (event->modifiers() & Qt::ControlModifier) {
                r->setSelected(!r->isSelected());
            } else if (!r->isSelected()) {
                clearSelection();
                r->setSelected(true);
            }
            if (r->isStep()) {
                m_mode = Mode::PressRow;
                m_pressStep = r->stepId();
                m_pressPos = event->scenePos();
            }
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    for (ItemId id : selectedCoroutines()) {
        if (CoroutineNode *n = m_nodes.value(id))
            m_pressPositions.insert(id, n->pos());
    }
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    switch (m_mode) {
    case Mode::Link: {
        const QPointF to = event->scenePos();
        QPainterPath path(m_pressPos);
        const qreal reach = std::max<qreal>(30, std::abs(to.x() - m_pressPos.x()) / 2);
        path.cubicTo(m_pressPos + QPointF(reach, 0), to - QPointF(reach, 0), to);
        QPen pen(Theme::accent(), 2, Qt::DashLine, Qt::RoundCap);
        m_linkLine->setPen(pen);
        m_linkLine->setPath(path);
        m_linkLine->setVisible(true);
        CoroutineNode *target = nodeAt(to);
        if (target != m_linkTarget) {
            if (m_linkTarget)
                m_linkTarget->setLinkTarget(false);
            m_linkTarget = target;
            if (target)
                target->setLinkTarget(true);
        }
        event->accept();
        return;
    }
    case Mode::PressRow:
        if (QLineF(event->scenePos(), m_pressPos).length() < QApplication::startDragDistance()) {
            event->accept();
            return;
        }
        m_mode = Mode::DragRow;
        if (StepRow *r = row(m_pressStep))
            r->setDimmed(true);
        if (event->widget())
            event->widget()->setCursor(Qt::ClosedHandCursor);
        Q_FALLTHROUGH();
    case Mode::DragRow: {
        CoroutineNode *n = nodeAt(event->scenePos());
        DropSlot slot = n ? n->slotAt(event->scenePos()) : DropSlot {};
        if (slot.valid && listInsideStep(m_document->project(), slot.list, m_pressStep))
            slot.valid = false;  // never into itself
        if (slot.valid)
            showIndicator(slot);
        else
            hideIndicator();
        event->accept();
        return;
    }
    case Mode::None:
        break;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const Mode mode = m_mode;
    m_mode = Mode::None;
    if (event->widget())
        event->widget()->unsetCursor();
    switch (mode) {
    case Mode::Link: {
        CoroutineNode *target = nodeAt(event->scenePos());
        endLink();
        if (target)
            linkStep(m_pressStep, target->coroutineId());
        event->accept();
        return;
    }
    case Mode::DragRow: {
        hideIndicator();
        if (StepRow *r = row(m_pressStep))
            r->setDimmed(false);
        CoroutineNode *n = nodeAt(event->scenePos());
        const DropSlot slot = n ? n->slotAt(event->scenePos()) : DropSlot {};
        if (!slot.valid) {
            emit statusMessage(tr("Drop a step onto a coroutine to move it there."));
        } else if (event->modifiers() & Qt::ControlModifier) {
            // Ctrl+drag copies, as in file managers.
            if (const Step *s = m_document->project().findStep(m_pressStep)) {
                Step copy = *s;
                renumber(copy, m_document->mutableProject());
                m_document->undoStack()->push(new InsertStepCommand(m_document, slot.list, slot.index, copy));
            }
        } else {
            auto *move = new MoveStepCommand(m_document, m_pressStep, slot.list, slot.index);
            if (move->isValid())
                m_document->undoStack()->push(move);
            else
                delete move;
        }
        event->accept();
        return;
    }
    case Mode::PressRow:
        // A plain click on one of several selected rows selects just that row.
        if (!(event->modifiers() & Qt::ControlModifier) && selectedItems().size() > 1) {
            if (StepRow *r = row(m_pressStep)) {
                clearSelection();
                r->setSelected(true);
            }
        }
        event->accept();
        return;
    case Mode::None:
        break;
    }
    QGraphicsScene::mouseReleaseEvent(event);

    // A node drag ends: one command for everything that moved.
    QHash<ItemId, QPointF> from;
    QHash<ItemId, QPointF> to;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it) {
        CoroutineNode *n = m_nodes.value(it.key());
        if (n && n->pos() != m_document->position(it.key())) {
            from.insert(it.key(), m_document->position(it.key()));
            to.insert(it.key(), n->pos());
        }
    }
    m_pressPositions.clear();
    if (!to.isEmpty())
        m_document->undoStack()->push(new MoveCoroutinesCommand(m_document, from, to));
}

bool DiagramScene::nudgeSelectedNodes(const QPointF &delta)
{
    const QList<ItemId> nodes = selectedCoroutines();
    if (nodes.isEmpty() || !selectedSteps().isEmpty())
        return false;
    QHash<ItemId, QPointF> from;
    QHash<ItemId, QPointF> to;
    for (ItemId id : nodes) {
        from.insert(id, m_document->position(id));
        to.insert(id, m_document->position(id) + delta);
    }
    m_document->undoStack()->push(new MoveCoroutinesCommand(m_document, from, to, true));
    return true;
}

void DiagramScene::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const auto key = Qt::Key(event->key());
    QPointF direction;
    switch (key) {
    case Qt::Key_Left:
        direction = QPointF(-1, 0);
        break;
    case Qt::Key_Right:
        direction = QPointF(1, 0);
        break;
    case Qt::Key_Up:
        direction = QPointF(0, -1);
        break;
    case Qt::Key_Down:
        direction = QPointF(0, 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_F2:
        if (modifiers == Qt::NoModifier && m_mode == Mode::None) {
            // Several selected items have no inspector form of their own.
            if (selectedItems().isEmpty() || currentItem() != kNoId)
                emit editRequested(key == Qt::Key_F2);
            event->accept();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_mode == Mode::Link)
            endLink();
        hideIndicator();
        m_mode = Mode::None;
        clearSelection();
        event->accept();
        return;
    default:
        break;
    }
    if (!direction.isNull()) {
        // Plain arrows move the selection; Ctrl+arrows nudge selected nodes by 10 pixels, with
        // Shift by one. (Alt+Up/Down move a step: the Edit menu's shortcuts.)
        if (modifiers == Qt::NoModifier) {
            moveSelection(key);
            event->accept();
            return;
        }
        const Qt::KeyboardModifiers nudge = modifiers & ~Qt::ShiftModifier;
        if (nudge == Qt::ControlModifier
            && nudgeSelectedNodes(direction * ((modifiers & Qt::ShiftModifier) ? 1 : 10))) {
            event->accept();
            return;
        }
    }
    QGraphicsScene::keyPressEvent(event);
}

void DiagramScene::endLink()
{
    m_linkLine->setVisible(false);
    if (m_linkTarget)
        m_linkTarget->setLinkTarget(false);
    m_linkTarget = nullptr;
}

void DiagramScene::linkStep(ItemId stepId, ItemId coroutineId)
{
    const Project &p = m_document->project();
    const Step *current = p.findStep(stepId);
    const Coroutine *target = findCoroutine(p, coroutineId);
    if (!current || !target)
        return;
    // A step that gathers gets one more call; a step that calls calls the target instead.
    Step s = *current;
    const StepKind &kind = stepKind(s.op);
    if (kind.hasField(FieldKind::GatherItems)) {
        GatherItem item;
        item.isCall = true;
        item.call.coroutine = target->name;
        fitArguments(item.call, p);
        s.items.push_back(item);
    } else if (kind.hasField(FieldKind::Call)) {
        Call call = s.call.value_or(Call {});
        if (call.coroutine == target->name)
            return;
        call.coroutine = target->name;
        fitArguments(call, p);
        s.call = call;
        for (const StepField &f : kind.fields) {
            // The other form of a OneOf step (await's task) goes; a new task gets a variable.
            if (f.presence == FieldPresence::OneOf && f.kind == FieldKind::Task)
                (s.*f.name).clear();
            if (f.initial == FieldDefault::NewTaskVariable && (s.*f.name).isEmpty()) {
                if (const Coroutine *here = owningCoroutine(p, stepId))
                    s.*f.name = NewItems::taskVariable(*here);
            }
        }
    } else {
        return;
    }
    m_document->undoStack()->push(new EditStepCommand(m_document, s, tr("Call %1").arg(target->name)));
}

// --- Palette blocks -----------------------------------------------------------------------

void DiagramScene::showIndicator(const DropSlot &slot)
{
    m_indicator->setPen(QPen(Theme::canvas().dropIndicator, 2.5, Qt::SolidLine, Qt::RoundCap));
    m_indicator->setLine(slot.indicator);
    m_indicator->setVisible(true);
}

void DiagramScene::hideIndicator()
{
    m_indicator->setVisible(false);
}

bool DiagramScene::dragMoveBlock(const QMimeData *mime, const QPointF &scenePos)
{
    QString block;
    if (!blockFromMime(mime, &block))
        return false;
    if (block == QLatin1String("coroutine")) {
        hideIndicator();
        return true;
    }
    CoroutineNode *n = nodeAt(scenePos);
    const DropSlot slot = n ? n->slotAt(scenePos) : DropSlot {};
    if (!slot.valid) {
        hideIndicator();
        emit statusMessage(m_nodes.isEmpty()
                ? tr("Steps go inside a coroutine: drag a Coroutine onto the canvas first.")
                : tr("Drop the step onto a coroutine, where the line shows."));
        return false;
    }
    showIndicator(slot);
    return true;
}

void DiagramScene::dragLeaveBlock()
{
    hideIndicator();
}

bool DiagramScene::dropBlock(const QMimeData *mime, const QPointF &scenePos)
{
    hideIndicator();
    const QScopedValueRollback dropping(m_dropping, true);
    QString block;
    if (!blockFromMime(mime, &block))
        return false;
    if (block == QLatin1String("coroutine"))
        return addCoroutineAt(scenePos - QPointF(24, NodeMetrics::kHeaderHeight / 2));
    CoroutineNode *n = nodeAt(scenePos);
    const DropSlot slot = n ? n->slotAt(scenePos) : DropSlot {};
    StepOp op;
    if (!slot.valid || !stepOpFromName(block, &op))
        return false;
    return insertStep(op, slot.list, slot.index);
}

bool DiagramScene::insertStep(StepOp op, const StepList &list, int index)
{
    const Step step = NewItems::step(op, m_document->project(), list, index);
    m_document->undoStack()->push(new InsertStepCommand(m_document, list, index, step));
    return true;
}

bool DiagramScene::addCoroutineAt(const QPointF &pos)
{
    const Project &p = m_document->project();
    QPointF at(std::round(pos.x()), std::round(pos.y()));
    // Never on top of another node: slide down below whatever is in the way.
    const QSizeF size(NodeMetrics::kMinWidth, NodeMetrics::heightFor(1));
    for (bool moved = true; moved;) {
        moved = false;
        for (CoroutineNode *n : std::as_const(m_nodes)) {
            const QRectF other = n->mapRectToScene(n->cardRect()).adjusted(-12, -12, 12, 12);
            if (other.intersects(QRectF(at, size))) {
                at.setY(std::round(other.bottom() + 12));
                moved = true;
            }
        }
    }
    m_document->undoStack()->push(
        new AddCoroutineCommand(m_document, NewItems::coroutine(p), int(p.coroutines.size()), at));
    return true;
}

QPointF DiagramScene::freeSpot() const
{
    // Right of everything, level with the top: never on top of a node.
    const QRectF content = contentRect();
    if (content.isNull())
        return QPointF(0, 0);
    return QPointF(content.right() + 60, content.top() + 6);
}

bool DiagramScene::insertionPoint(StepList *list, int *index)
{
    // After the selected step; else at the end of the selected coroutine, the entry or the
    // first coroutine.
    const Project &p = m_document->project();
    const ItemId current = currentItem();
    StepPlace place;
    if (locateStep(p, current, &place)) {
        *list = place.list;
        *index = place.index + 1;
        return true;
    }
    const Coroutine *c = findCoroutine(p, current);
    if (!c)
        c = p.findCoroutine(p.entry);
    if (!c && !p.coroutines.empty())
        c = &p.coroutines.front();
    if (!c) {
        emit statusMessage(tr("Steps go inside a coroutine: add a Coroutine first."));
        return false;
    }
    *list = {StepList::Kind::Coroutine, c->id, 0};
    *index = int(c->body.size());
    return true;
}

bool DiagramScene::addBlockAtSelection(const QString &block)
{
    if (block == QLatin1String("coroutine"))
        return addCoroutineAt(freeSpot());
    StepOp op;
    StepList list;
    int index = 0;
    return stepOpFromName(block, &op) && insertionPoint(&list, &index) && insertStep(op, list, index);
}

// --- Edit menu ----------------------------------------------------------------------------

void DiagramScene::deleteSelection()
{
    const Project &p = m_document->project();
    const QList<ItemId> nodes = selectedCoroutines();
    QList<ItemId> steps;
    for (ItemId id : selectedSteps()) {
        StepPlace place;
        if (!locateStep(p, id, &place) || nodes.contains(place.coroutine))
            continue;
        // A step inside another selected step goes with it.
        bool nested = false;
        for (ItemId other : selectedSteps()) {
            const Step *o = p.findStep(other);
            nested = nested || (other != id && o && stepContains(*o, id));
        }
        if (!nested)
            steps << id;
    }
    if (nodes.isEmpty() && steps.isEmpty())
        return;
    QUndoStack *undo = m_document->undoStack();
    undo->beginMacro(tr("Delete"));
    for (ItemId id : steps)
        undo->push(new RemoveStepCommand(m_document, id));
    for (ItemId id : nodes)
        undo->push(new RemoveCoroutineCommand(m_document, id));
    undo->endMacro();
}

QMimeData *DiagramScene::copySelection() const
{
    const Project &p = m_document->project();
    Project clip;
    clip.entry = QString();
    QStringList python;
    const QList<ItemId> nodes = selectedCoroutines();
    if (!nodes.isEmpty()) {
        clip.extraKeys.emplace_back(QLatin1String(kClipboardKind), JsonValue::string(QStringLiteral("coroutines")));
        for (const Coroutine &c : p.coroutines) {
            if (nodes.contains(c.id)) {
                clip.coroutines.push_back(c);
                python << pythonFor(c, true);
            }
        }
    } else {
        clip.extraKeys.emplace_back(QLatin1String(kClipboardKind), JsonValue::string(QStringLiteral("steps")));
        Coroutine holder;
        holder.name = QStringLiteral("steps");
        const QList<ItemId> steps = selectedSteps();
        // In document order, without steps nested in other copied ones.
        for (const Coroutine &c : p.coroutines) {
            forEachStep(c.body, [&](const Step &s) {
                if (!steps.contains(s.id))
                    return;
                for (const Step &h : holder.body) {
                    if (stepContains(h, s.id))
                        return;
                }
                holder.body.push_back(s);
            });
        }
        if (holder.body.empty())
            return nullptr;
        python << pythonFor(holder, false);
        clip.coroutines.push_back(holder);
    }
    auto *mime = new QMimeData;
    mime->setData(fragmentMimeType(), projectToJson(clip));
    mime->setText(python.join(QStringLiteral("\n\n")) + QLatin1Char('\n'));
    return mime;
}

bool DiagramScene::paste(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(fragmentMimeType()))
        return false;
    Project clip;
    Problems problems;
    if (!loadProjectStructure(mime->data(fragmentMimeType()), &clip, &problems))
        return false;
    QString kind;
    for (const auto &[key, value] : clip.extraKeys) {
        if (key == QLatin1String(kClipboardKind))
            kind = value.toString();
    }
    QUndoStack *undo = m_document->undoStack();
    if (kind == QLatin1String("coroutines")) {
        QStringList names = coroutineNames(m_document->project());
        QPointF at = freeSpot();
        undo->beginMacro(tr("Paste"));
        for (Coroutine c : clip.coroutines) {
            c.id = kNoId;
            forEachStep(c.body, [](Step &s) { s.id = kNoId; });
            c.name = uniqueName(c.name + QStringLiteral("_copy"), names);
            names << c.name;
            auto *add = new AddCoroutineCommand(m_document, c, int(m_document->project().coroutines.size()), at);
            undo->push(add);
            at.ry() += NodeMetrics::heightFor(c) + 40;
        }
        undo->endMacro();
        return true;
    }
    if (kind != QLatin1String("steps") || clip.coroutines.empty())
        return false;
    StepList list;
    int index = 0;
    if (!insertionPoint(&list, &index))
        return false;
    undo->beginMacro(tr("Paste"));
    for (Step s : clip.coroutines.front().body) {
        renumber(s, m_document->mutableProject());
        undo->push(new InsertStepCommand(m_document, list, index++, s));
    }
    undo->endMacro();
    return true;
}

bool DiagramScene::moveSelectedStep(int delta)
{
    const ItemId id = currentItem();
    StepPlace place;
    if (!locateStep(m_document->project(), id, &place))
        return false;
    const std::vector<Step> *list = resolveList(m_document->project(), place.list);
    const int target = place.index + delta;
    if (target < 0 || target >= int(list->size()))
        return false;
    // MoveStepCommand counts positions before the move: "below the next one" is index + 2.
    auto *move = new MoveStepCommand(m_document, id, place.list, delta > 0 ? target + 1 : target);
    if (!move->isValid()) {
        delete move;
        return false;
    }
    m_document->undoStack()->push(move);
    return true;
}

// --- Drawing and export -------------------------------------------------------------------

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    const Theme::Canvas colors = Theme::canvas();
    painter->fillRect(rect, colors.background);
    if (m_exporting)
        return;
    // A dot grid, skipped when zoomed out so far that it would turn into a haze.
    const qreal scale = painter->worldTransform().m11();
    if (kGrid * scale < 10)
        return;
    QPen pen(colors.grid, 1.5 / scale, Qt::SolidLine, Qt::RoundCap);
    painter->setPen(pen);
    const qreal left = std::floor(rect.left() / kGrid) * kGrid;
    const qreal top = std::floor(rect.top() / kGrid) * kGrid;
    QVector<QPointF> points;
    for (qreal x = left; x < rect.right(); x += kGrid) {
        for (qreal y = top; y < rect.bottom(); y += kGrid)
            points << QPointF(x, y);
    }
    painter->drawPoints(points.constData(), int(points.size()));
}

void DiagramScene::renderDiagram(QPainter *painter, const QRectF &target, const QRectF &source)
{
    // What is exported is the diagram, not the editing state: no selection, no indicator.
    const QList<QGraphicsItem *> selected = selectedItems();
    m_syncing = true;
    clearSelection();
    for (ArrowItem *a : m_arrows)
        a->setHighlighted(false);
    m_exporting = true;
    QGraphicsScene::render(painter, target, source);
    m_exporting = false;
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
    m_syncing = false;
    updateArrowGeometry();
}

QRectF DiagramScene::exportRect() const
{
    QRectF source;
    return exportArea(&source, nullptr) ? source : QRectF();
}

bool DiagramScene::exportArea(QRectF *source, QString *error) const
{
    if (m_nodes.isEmpty()) {
        if (error)
            *error = tr("The diagram is empty: there is nothing to export.");
        return false;
    }
    *source = contentRect().adjusted(-kExportMargin, -kExportMargin, kExportMargin, kExportMargin);
    return true;
}

bool DiagramScene::exportPng(const QString &fileName, QString *error)
{
    QRectF source;
    if (!exportArea(&source, error))
        return false;
    // Twice the pixels, for high-density screens and print, as a device pixel ratio: text is laid
    // out in logical pixels at the screen's DPI, as on the canvas it was measured for. (Scaling
    // the dots per inch instead would make point-sized text grow twice over.)
    constexpr qreal scale = 2;
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Theme::canvas().background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        renderDiagram(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Cannot write \"%1\": %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool DiagramScene::exportSvg(const QString &fileName, QString *error)
{
    QRectF source;
    if (!exportArea(&source, error))
        return false;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write \"%1\": %2").arg(fileName, file.errorString());
        return false;
    }
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    // Text sizes are points: at the generator's default 72 DPI they would come out smaller than
    // the canvas measured them (at the screen's DPI), leaving gaps.
    generator.setResolution(QImage(1, 1, QImage::Format_RGB32).logicalDpiY());
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(m_document->project().title.isEmpty() ? m_document->displayName() : m_document->project().title);
    generator.setDescription(tr("A Tusk diagram"));
    {
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Theme::canvas().background);
        renderDiagram(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write \"%1\": %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

}  // namespace tusk
