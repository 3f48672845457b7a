#include "steprow.h"

#include "nodemetrics.h"
#include "stepkinds.h"
#include "theme.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace tusk {

using namespace NodeMetrics;

namespace {

constexpr qreal kMarkerRadius = 6;

}  // namespace

StepRow::StepRow(const DisplayLine &line, qreal width, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_line(line)
    , m_width(width)
{
    m_hasPort = line.kind == DisplayLine::Kind::Step
        && (stepKind(line.op).hasField(FieldKind::Call) || stepKind(line.op).hasField(FieldKind::GatherItems));
    setAcceptHoverEvents(true);
    if (line.kind != DisplayLine::Kind::Pass)
        setFlag(ItemIsSelectable);
    updateToolTip();
}

QRectF StepRow::boundingRect() const
{
    // The port sits on the node's border, half outside.
    return QRectF(0, 0, m_width + kPortRadius + 3, kRowHeight);
}

QRectF StepRow::rowRect() const
{
    return QRectF(0, 0, m_width, kRowHeight);
}

QPainterPath StepRow::shape() const
{
    QPainterPath path;
    path.addRect(rowRect());
    if (m_hasPort)
        path.addEllipse(portPos(), kPortRadius + 2, kPortRadius + 2);
    return path;
}

qreal StepRow::contentLeft() const
{
    return kPadding + m_line.depth * kIndent;
}

QPointF StepRow::portPos() const
{
    return QPointF(m_width, kRowHeight / 2);
}

bool StepRow::portContains(const QPointF &rowPos) const
{
    return m_hasPort && QLineF(rowPos, portPos()).length() <= kPortRadius + 3;
}

void StepRow::setProblems(const QStringList &messages)
{
    m_problems = messages;
    updateToolTip();
    update();
}

void StepRow::setDimmed(bool dimmed)
{
    m_dimmed = dimmed;
    update();
}

void StepRow::updateToolTip()
{
    QString tip
        = QStringLiteral("<p style='white-space:pre'><code>%1</code></p>").arg(plainText(m_line.code).toHtmlEscaped());
    for (const QString &p : m_problems)
        tip += QStringLiteral("<p>&#9888; %1</p>").arg(p.toHtmlEscaped());
    if (m_hasPort && m_problems.isEmpty())
        tip += QStringLiteral("<p><i>%1</i></p>")
                   .arg(QCoreApplication::translate(
                       "tusk::StepRow", "Drag from the dot on the right onto a coroutine to call it.")
                            .toHtmlEscaped());
    setToolTip(tip);
}

void StepRow::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void StepRow::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

void StepRow::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Theme::Canvas colors = Theme::canvas();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect(1, 0, m_width - 2, kRowHeight);

    if (!m_problems.isEmpty()) {
        painter->fillRect(rect, colors.errorTint);
    }
    if (isSelected())
        painter->fillRect(rect, colors.rowSelected);
    else if (m_hovered && m_line.kind != DisplayLine::Kind::Pass)
        painter->fillRect(rect, colors.rowHover);
    if (m_dimmed)
        painter->setOpacity(0.35);

    // Indentation guides, one per level, as an editor draws them.
    QColor guide = colors.nodeBorder;
    painter->setPen(QPen(guide, 1));
    for (int d = 0; d < m_line.depth; ++d) {
        const qreal x = std::floor(kPadding + d * kIndent + kIconSize / 2) + 0.5;
        painter->drawLine(QPointF(x, 0), QPointF(x, kRowHeight));
    }

    qreal x = contentLeft();
    const qreal iconTop = (kRowHeight - kIconSize) / 2;
    if (m_line.kind == DisplayLine::Kind::Step) {
        Theme::stepIcon(m_line.op).paint(painter, QRect(int(x), int(iconTop), int(kIconSize), int(kIconSize)));
    }
    x += kIconSize + 6;

    // The code, coloured by role and elided to the space left.
    const qreal right = m_width - kPadding - (m_problems.isEmpty() ? 0 : 2 * kMarkerRadius + 6) - (m_hasPort ? 6 : 0);
    QFont font = QApplication::font();
    if (m_line.kind == DisplayLine::Kind::Pass)
        font.setItalic(true);
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const qreal baseline = (kRowHeight + fm.ascent() - fm.descent()) / 2;
    // Elide the line as a whole: the spans keep their colours up to the ellipsis.
    const QString full = plainText(m_line.code);
    const QString shown = fm.elidedText(full, Qt::ElideRight, std::max<qreal>(0, right - x));
    const bool elided = shown != full;
    qsizetype budget = elided ? shown.size() - 1 : full.size();
    QColor last = Theme::codeColor(CodeSpan::Role::Plain);
    for (const CodeSpan &span : m_line.code) {
        if (budget <= 0)
            break;
        const QString text = span.text.left(budget);
        budget -= text.size();
        last = Theme::codeColor(span.role);
        painter->setPen(last);
        painter->drawText(QPointF(x, baseline), text);
        x += fm.horizontalAdvance(text);
    }
    if (elided) {
        painter->setPen(last);
        painter->drawText(QPointF(x, baseline), QStringLiteral("…"));
    }
    painter->setOpacity(1);

    if (!m_problems.isEmpty())
        Theme::paintProblemMarker(
            painter, QPointF(m_width - kPadding - kMarkerRadius - (m_hasPort ? 6 : 0), kRowHeight / 2));

    // A step that calls in only one of its forms (an await of a task variable) can be pointed at
    // a coroutine instead, but its port shows only on hover, so that nothing looks missing.
    const StepField *call = stepKind(m_line.op).firstField(FieldKind::Call);
    const bool callIsOneForm = call && call->presence == FieldPresence::OneOf;
    const bool showPort = m_hasPort && (!callIsOneForm || !m_line.targets.isEmpty() || m_hovered);
    if (showPort) {
        const bool linked = !m_line.targets.isEmpty() && !m_line.targets.contains(QString());
        painter->setPen(QPen(m_hovered ? colors.selection : colors.arrow, 1.5));
        painter->setBrush(linked ? (m_hovered ? colors.selection : colors.arrow) : colors.nodeFill);
        painter->drawEllipse(portPos(), kPortRadius, kPortRadius);
    }
}

}  // namespace tusk
