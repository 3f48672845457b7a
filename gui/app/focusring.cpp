#include "focusring.h"

#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>

namespace tusk {

FocusRing *FocusRing::attach(QWidget *panel)
{
    return new FocusRing(panel);
}

// A sibling of the panel rather than its child: a scroll area keeps raising its own scroll
// bars over its children.
FocusRing::FocusRing(QWidget *panel)
    : QWidget(panel->parentWidget())
    , m_panel(panel)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    panel->installEventFilter(this);
    connect(panel, &QObject::destroyed, this, &QObject::deleteLater);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
    follow(QApplication::focusWidget());
}

void FocusRing::follow(QWidget *focus)
{
    const bool inPanel = focus && m_panel->isVisible() && (focus == m_panel || m_panel->isAncestorOf(focus));
    if (inPanel) {
        setGeometry(m_panel->geometry());
        raise();
    }
    setVisible(inPanel);
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
            setGeometry(m_panel->geometry());
            break;
        case QEvent::Show:
        case QEvent::Hide:
            follow(QApplication::focusWidget());
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QPen pen(Theme::accent(), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
}

}  // namespace tusk
