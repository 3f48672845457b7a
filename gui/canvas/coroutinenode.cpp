#include "coroutinenode.h"

#include "diagramscene.h"
#include "nodemetrics.h"
#include "problemtext.h"
#include "stepkinds.h"
#include "steprow.h"
#include "theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <cmath>

namespace tusk {

using namespace NodeMetrics;

namespace {

QFont nameFont()
{
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() + 0.5);
    return f;
}

QFont captionFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() - 1);
    return f;
}

constexpr qreal kShadow = 6;

}  // namespace

CoroutineNode::CoroutineNode(ItemId id)
    : m_id(id)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
}

qreal CoroutineNode::rowTop(std::size_t i) const
{
    return kHeaderHeight + kBodyTop + qreal(i) * kRowHeight;
}

void CoroutineNode::rebuild(const Coroutine &coroutine, bool isEntry, const Problems &problems)
{
    prepareGeometryChange();
    m_name = coroutine.name;
    m_params = coroutine.params;
    m_isEntry = isEntry;
    m_entryCaption = isEntry
        ? QCoreApplication::translate("tusk::CoroutineNode", "entry point · asyncio.run(%1())").arg(coroutine.name)
        : QCoreApplication::translate("tusk::CoroutineNode", "coroutine");

    const std::vector<DisplayLine> lines = displayLines(coroutine);

    // Wide enough for the header and the longest row, within limits that keep nodes placed
    // 320 apart (as the examples are) from overlapping.
    const QFontMetricsF rowMetrics(QApplication::font());
    const QFontMetricsF nameMetrics(nameFont());
    qreal width = kPadding + 22 + nameMetrics.horizontalAdvance(m_name)
        + rowMetrics.horizontalAdvance(QStringLiteral("(%1)").arg(m_params.join(QStringLiteral(", ")))) + 36;
    for (const DisplayLine &line : lines) {
        const qreal w = kPadding + line.depth * kIndent + kIconSize + 6
            + rowMetrics.horizontalAdvance(plainText(line.code)) + kPadding + 16;
        width = std::max(width, w);
    }
    m_width = std::ceil(std::clamp(width, kMinWidth, kMaxWidth));
    m_height = heightFor(lines.size());

    // Problems: about the coroutine itself, or about one row.
    m_problems.clear();
    QHash<ItemId, QStringList> stepProblems;
    QHash<QPair<ItemId, int>, QStringList> handlerProblems;
    static const QRegularExpression handlerPath(QStringLiteral("\\.except\\[(\\d+)\\]\\.(?:type|as)$"));
    for (const Problem &p : problems) {
        if (p.coroutineId != m_id)
            continue;
        const QString text = ProblemText::message(p);
        if (p.stepId == kNoId) {
            m_problems << text;
            continue;
        }
        const QRegularExpressionMatch m = handlerPath.match(p.path);
        if (m.hasMatch())
            handlerProblems[{p.stepId, m.captured(1).toInt()}] << text;
        else
            stepProblems[p.stepId] << text;
    }

    for (StepRow *row : m_rows)
        delete row;
    m_rows.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto *row = new StepRow(lines[i], m_width, this);
        row->setPos(0, rowTop(i));
        if (lines[i].kind == DisplayLine::Kind::Step)
            row->setProblems(stepProblems.value(lines[i].stepId));
        else if (lines[i].kind == DisplayLine::Kind::Except)
            row->setProblems(handlerProblems.value({lines[i].stepId, lines[i].handler}));
        m_rows.push_back(row);
    }

    QString tip = QStringLiteral("<b>async def %1(%2)</b>")
                      .arg(m_name.toHtmlEscaped(), m_params.join(QStringLiteral(", ")).toHtmlEscaped());
    if (isEntry)
        tip += QStringLiteral("<br>") + m_entryCaption.toHtmlEscaped();
    if (!coroutine.doc.isEmpty())  // what it does, as its docstring says
        tip += QStringLiteral("<p>%1</p>")
                   .arg(coroutine.doc.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    for (const QString &p : m_problems)
        tip += QStringLiteral("<p>&#9888; %1</p>").arg(p.toHtmlEscaped());
    setToolTip(tip);
    update();
}

StepRow *CoroutineNode::rowForStep(ItemId step) const
{
    for (StepRow *row : m_rows) {
        if (row->isStep() && row->stepId() == step)
            return row;
    }
    return nullptr;
}

QRectF CoroutineNode::boundingRect() const
{
    return QRectF(-kShadow, -kShadow, m_width + 2 * kShadow, m_height + 2 * kShadow);
}

QPainterPath CoroutineNode::shape() const
{
    QPainterPath path;
    path.addRoundedRect(cardRect(), kCornerRadius, kCornerRadius);
    return path;
}

QPointF CoroutineNode::arrowTarget(const QPointF &from) const
{
    const QPointF left = mapToScene(QPointF(0, kHeaderHeight / 2));
    const QPointF right = mapToScene(QPointF(m_width, kHeaderHeight / 2));
    return from.x() <= left.x() + 8 ? left : right;
}

void CoroutineNode::setLinkTarget(bool on)
{
    if (m_linkTarget != on) {
        m_linkTarget = on;
        update();
    }
}

QVariant CoroutineNode::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        setZValue(value.toBool() ? 1 : 0);  // a selected node is dragged over the others
    if (change == ItemPositionHasChanged) {
        if (auto *s = qobject_cast<DiagramScene *>(scene()))
            s->nodeMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

void CoroutineNode::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void CoroutineNode::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

DropSlot CoroutineNode::slotAt(const QPointF &scenePos) const
{
    const QPointF p = mapFromScene(scenePos);
    DropSlot slot;
    const std::size_t n = m_rows.size();
    if (n == 0)
        return slot;
    const int gap = std::clamp(int(std::lround((p.y() - rowTop(0)) / kRowHeight)), 0, int(n));

    struct Candidate {
        StepList list;
        int index;
        int depth;
    };
    std::vector<Candidate> candidates;
    const DisplayLine *above = gap > 0 ? &m_rows[std::size_t(gap - 1)]->line() : nullptr;
    const DisplayLine *below = std::size_t(gap) < n ? &m_rows[std::size_t(gap)]->line() : nullptr;

    auto stepLine = [this](ItemId id) -> const DisplayLine * {
        for (StepRow *row : m_rows) {
            if (row->isStep() && row->stepId() == id)
                return &row->line();
        }
        return nullptr;
    };

    if (!above) {
        candidates.push_back({below->list, below->kind == DisplayLine::Kind::Step ? below->index : 0, below->depth});
    } else if (above->kind == DisplayLine::Kind::Except || above->kind == DisplayLine::Kind::Finally
        || above->kind == DisplayLine::Kind::Else
        || (above->kind == DisplayLine::Kind::Step && stepKind(above->op).hasField(FieldKind::Body))) {
        // Right under an opening line: the start of the body it opens.
        const StepList opened
            = above->kind == DisplayLine::Kind::Step ? StepList {StepList::Kind::Body, above->stepId, 0} : above->list;
        candidates.push_back({opened, 0, above->depth + 1});
    } else {
        // After a step or `pass`, then, where nested bodies end here, after each enclosing
        // step: the x position picks the level.
        candidates.push_back(
            {above->list, above->kind == DisplayLine::Kind::Step ? above->index + 1 : 0, above->depth});
        const int floor = below ? below->depth : 0;
        StepList list = above->list;
        for (int depth = above->depth - 1; depth >= floor && list.kind != StepList::Kind::Coroutine; --depth) {
            const DisplayLine *owner = stepLine(list.owner);
            if (!owner)
                break;
            // Inside a try (or an if with an else), the end of its body is followed by its own
            // except/finally/else header.
            if (below && below->kind != DisplayLine::Kind::Step && below->stepId == owner->stepId)
                break;
            candidates.push_back({owner->list, owner->index + 1, owner->depth});
            list = owner->list;
        }
    }

    // The pointer's x picks the level: left of a level's icon means an outer level.
    const qreal wanted = (p.x() - kPadding - kIndent / 2) / kIndent;
    const Candidate *best = &candidates.front();
    for (const Candidate &c : candidates) {
        if (std::abs(c.depth - wanted) < std::abs(best->depth - wanted))
            best = &c;
    }
    slot.valid = true;
    slot.list = best->list;
    slot.index = best->index;
    const qreal y = rowTop(std::size_t(gap));
    const qreal x = kPadding + best->depth * kIndent;
    slot.indicator = QLineF(mapToScene(QPointF(x, y)), mapToScene(QPointF(m_width - kPadding, y)));
    return slot;
}

void CoroutineNode::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Theme::Canvas colors = Theme::canvas();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = cardRect();

    // A soft shadow: a few widening, fading outlines.
    painter->setPen(Qt::NoPen);
    for (int i = 3; i >= 1; --i) {
        QColor c = colors.shadow;
        c.setAlphaF(c.alphaF() / (i + 0.5));
        painter->setBrush(c);
        painter->drawRoundedRect(
            card.translated(0, 1.5).adjusted(-i, -i + 1, i, i), kCornerRadius + i, kCornerRadius + i);
    }

    QPainterPath cardPath;
    cardPath.addRoundedRect(card, kCornerRadius, kCornerRadius);
    painter->setBrush(colors.nodeFill);
    painter->drawPath(cardPath);

    // Header band.
    painter->save();
    painter->setClipPath(cardPath);
    painter->fillRect(QRectF(0, 0, m_width, kHeaderHeight), colors.headerFill);
    if (m_isEntry)
        painter->fillRect(QRectF(0, 0, m_width, 3), colors.selection);
    painter->restore();
    painter->setPen(QPen(colors.nodeBorder, 1));
    painter->drawLine(QPointF(0.5, kHeaderHeight + 0.5), QPointF(m_width - 0.5, kHeaderHeight + 0.5));

    const qreal iconSize = 18;
    Theme::coroutineIcon().paint(
        painter, QRect(int(kPadding), int((kHeaderHeight - iconSize) / 2), int(iconSize), int(iconSize)));
    const qreal textLeft = kPadding + iconSize + 8;
    const qreal markerSpace = m_problems.isEmpty() ? 0 : 20;
    const qreal textRight = m_width - kPadding - markerSpace;

    const QFont nf = nameFont();
    const QFontMetricsF nm(nf);
    painter->setFont(nf);
    painter->setPen(colors.text);
    const QString name = m_name.isEmpty() ? QStringLiteral("?") : m_name;
    const QString shownName = nm.elidedText(name, Qt::ElideRight, textRight - textLeft);
    painter->drawText(QPointF(textLeft, 20), shownName);
    const qreal afterName = textLeft + nm.horizontalAdvance(shownName);
    const QFont rf = QApplication::font();
    painter->setFont(rf);
    painter->setPen(colors.mutedText);
    const QFontMetricsF rm(rf);
    const QString params = QStringLiteral("(%1)").arg(m_params.join(QStringLiteral(", ")));
    painter->drawText(
        QPointF(afterName + 1, 20), rm.elidedText(params, Qt::ElideRight, std::max<qreal>(0, textRight - afterName)));

    const QFont cf = captionFont();
    painter->setFont(cf);
    painter->setPen(m_isEntry ? colors.accentText : colors.mutedText);
    painter->drawText(
        QPointF(textLeft, 36), QFontMetricsF(cf).elidedText(m_entryCaption, Qt::ElideRight, textRight - textLeft));

    if (!m_problems.isEmpty())
        Theme::paintProblemMarker(painter, QPointF(m_width - kPadding - 6, kHeaderHeight / 2));

    // Border last, over the header; the selection or a link target shows in the accent colour.
    painter->setBrush(Qt::NoBrush);
    if (isSelected() || m_linkTarget) {
        painter->setPen(QPen(colors.selection, 2));
        painter->drawRoundedRect(card.adjusted(0, 0, 0, 0), kCornerRadius, kCornerRadius);
    } else {
        painter->setPen(QPen(m_hovered ? colors.arrow : colors.nodeBorder, 1));
        painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), kCornerRadius, kCornerRadius);
    }
}

}  // namespace tusk
