#include "palettewidget.h"

#include "diagramscene.h"
#include "stepinfo.h"
#include "theme.h"

#include <QApplication>
#include <QDrag>
#include <QEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>

namespace tusk {

namespace {

constexpr int kBlockRole = Qt::UserRole;
constexpr int kPatternRole = Qt::UserRole + 1;
constexpr int kHeaderRole = Qt::UserRole + 2;

// Two lines per block: its name, and the Python it stands for, in a muted code font.
class BlockDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.data(kHeaderRole).toBool())
            return QSize(option.rect.width(), 30);
        return QSize(option.rect.width(), 46);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QPalette &pal = option.palette;
        const QRect r = option.rect.adjusted(6, 2, -6, -2);
        if (index.data(kHeaderRole).toBool()) {
            QFont f = option.font;
            f.setBold(true);
            f.setPointSizeF(f.pointSizeF() - 1);
            f.setCapitalization(QFont::AllUppercase);
            f.setLetterSpacing(QFont::PercentageSpacing, 106);
            painter->setFont(f);
            painter->setPen(Theme::canvas().mutedText);
            painter->drawText(r.adjusted(6, 0, 0, -4), Qt::AlignLeft | Qt::AlignBottom, index.data().toString());
            painter->restore();
            return;
        }
        const bool selected = option.state & QStyle::State_Selected;
        const bool hovered = option.state & QStyle::State_MouseOver;
        if (selected || hovered) {
            QColor bg = pal.color(QPalette::Highlight);
            bg.setAlpha(selected ? 60 : 25);
            painter->setPen(Qt::NoPen);
            painter->setBrush(bg);
            painter->drawRoundedRect(r, 6, 6);
        }
        // The block Enter would add, while the palette has the keyboard focus.
        if (option.state & QStyle::State_HasFocus) {
            painter->setPen(QPen(Theme::accent(), 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(r).adjusted(0.75, 0.75, -0.75, -0.75), 6, 6);
        }
        const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
        const QRect iconRect(r.left() + 8, r.center().y() - 11, 22, 22);
        icon.paint(painter, iconRect);
        const int textLeft = iconRect.right() + 10;
        QFont title = option.font;
        painter->setFont(title);
        // The theme's colour, not option.palette: a widget with a style sheet keeps the palette
        // it was polished with when the theme switches while the window is open.
        painter->setPen(Theme::canvas().text);
        const QFontMetrics tm(title);
        painter->drawText(QRect(textLeft, r.top() + 5, r.right() - textLeft - 4, tm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            tm.elidedText(index.data().toString(), Qt::ElideRight, r.right() - textLeft - 4));
        QFont code(QStringLiteral("DejaVu Sans Mono"));
        code.setStyleHint(QFont::Monospace);
        code.setPointSizeF(option.font.pointSizeF() - 1.5);
        painter->setFont(code);
        painter->setPen(Theme::canvas().mutedText);
        const QFontMetrics cm(code);
        painter->drawText(QRect(textLeft, r.bottom() - 5 - cm.height(), r.right() - textLeft - 4, cm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            cm.elidedText(index.data(kPatternRole).toString(), Qt::ElideRight, r.right() - textLeft - 4));
        painter->restore();
    }
};

}  // namespace

PaletteWidget::PaletteWidget(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setItemDelegate(new BlockDelegate(this));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setMouseTracking(true);
    setUniformItemSizes(false);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    viewport()->setAutoFillBackground(false);
    setStyleSheet(QStringLiteral("QListWidget { background: transparent; }"));
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString block = item->data(kBlockRole).toString();
        if (!block.isEmpty())
            emit blockActivated(block);
    });
    populate();
}

void PaletteWidget::populate()
{
    clear();
    auto header = [this](const QString &text) {
        auto *item = new QListWidgetItem(text, this);
        item->setData(kHeaderRole, true);
        item->setFlags(Qt::NoItemFlags);
    };
    auto block = [this](const QString &name, const QString &title, const QString &pattern, const QString &tip,
                     const QIcon &icon) {
        auto *item = new QListWidgetItem(icon, title, this);
        item->setData(kBlockRole, name);
        item->setData(kPatternRole, pattern);
        item->setToolTip(
            QStringLiteral("<p><b>%1</b> <code>%2</code></p><p>%3</p><p><i>%4</i></p>")
                .arg(title.toHtmlEscaped(), pattern.toHtmlEscaped(), tip.toHtmlEscaped(),
                    tr("Drag onto the canvas, or double-click to add it where the selection is.").toHtmlEscaped()));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    };
    header(tr("Program"));
    block(QStringLiteral("coroutine"), StepInfo::coroutineTitle(), StepInfo::coroutinePattern(),
        StepInfo::coroutineExplanation(), Theme::coroutineIcon());
    header(tr("Steps"));
    for (StepOp op : StepInfo::allOps())
        block(
            stepOpName(op), StepInfo::title(op), StepInfo::pattern(op), StepInfo::explanation(op), Theme::stepIcon(op));
}

QListWidgetItem *PaletteWidget::itemForBlock(const QString &name) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(kBlockRole).toString() == name)
            return item(i);
    }
    return nullptr;
}

QStringList PaletteWidget::mimeTypes() const
{
    return {DiagramScene::blockMimeType()};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    const QString block = items.front()->data(kBlockRole).toString();
    return block.isEmpty() ? nullptr : DiagramScene::blockMimeData(block);
}

void PaletteWidget::startDrag(Qt::DropActions)
{
    QListWidgetItem *item = currentItem();
    QMimeData *mime = item ? mimeData({item}) : nullptr;
    if (!mime)
        return;
    // The drag shows the block as it looks in the palette.
    const QRect rect = visualItemRect(item);
    QPixmap pixmap(rect.size() * devicePixelRatioF());
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setOpacity(0.9);
        painter.setRenderHint(QPainter::Antialiasing);
        QColor bg = palette().color(QPalette::Base);
        painter.setBrush(bg);
        painter.setPen(QPen(Theme::accent(), 1));
        painter.drawRoundedRect(QRectF(QPointF(0.5, 0.5), QSizeF(rect.size()) - QSizeF(1, 1)), 6, 6);
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.rect = QRect(QPoint(0, 0), rect.size());
        itemDelegate()->paint(&painter, option, indexFromItem(item));
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(24, rect.height() / 2));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

void PaletteWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        populate();
    QListWidget::changeEvent(event);
}

}  // namespace tusk
