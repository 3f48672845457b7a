#include "theme.h"

#include "stepkinds.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>
#include <functional>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initTuskResources()
{
    Q_INIT_RESOURCE(tusk);
}

namespace tusk::Theme {

namespace {

Mode g_mode = Mode::System;
QPalette g_systemPalette;
bool g_systemPaletteKnown = false;

bool looksDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

// Draws an SVG whose strokes and fills say `currentColor` in a colour looked up when it is
// painted: icons follow a palette switch without being recreated, and are rendered at the
// exact pixel size asked for (no blurry scaling).
class SvgIconEngine : public QIconEngine {
public:
    SvgIconEngine(QString name, std::function<QColor(QIcon::Mode)> color)
        : m_name(std::move(name))
        , m_color(std::move(color))
    {
        initResources();
        QFile file(QStringLiteral(":/icons/%1.svg").arg(m_name));
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(coloured(m_color(mode)));
        renderer.render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor color = m_color(mode);
        const QString key
            = QStringLiteral("%1x%2@%3/%4").arg(size.width()).arg(size.height()).arg(scale).arg(color.rgba());
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
            return *it;
        const QByteArray svg = coloured(color);
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        {
            QPainter p(&pm);
            p.setRenderHint(QPainter::Antialiasing);
            QSvgRenderer renderer(svg);
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size * scale)));
        }
        pm.setDevicePixelRatio(scale);
        if (m_cache.size() > 64)
            m_cache.clear();
        m_cache.insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new SvgIconEngine(m_name, m_color); }
    QString key() const override { return QStringLiteral("tusk-svg"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QByteArray coloured(const QColor &color) const
    {
        QByteArray svg = m_svg;
        return svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    }

    QString m_name;
    std::function<QColor(QIcon::Mode)> m_color;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

QColor modeColor(QIcon::Mode mode, const QColor &normal)
{
    const QPalette p = QGuiApplication::palette();
    if (mode == QIcon::Disabled)
        return p.color(QPalette::Disabled, QPalette::WindowText);
    if (mode == QIcon::Selected)
        return p.color(QPalette::HighlightedText);
    return normal;
}

}  // namespace

void initResources()
{
    static const bool done = [] {
        initTuskResources();
        return true;
    }();
    Q_UNUSED(done);
}

QPalette palette(bool dark)
{
    QPalette p;
    auto set = [&p](QPalette::ColorRole role, const QColor &c, const QColor &disabled = {}) {
        p.setColor(QPalette::All, role, c);
        if (disabled.isValid())
            p.setColor(QPalette::Disabled, role, disabled);
    };
    if (!dark) {
        set(QPalette::Window, QColor(0xf2, 0xf3, 0xf5));
        set(QPalette::WindowText, QColor(0x1f, 0x23, 0x28), QColor(0xa0, 0xa6, 0xad));
        set(QPalette::Base, QColor(0xff, 0xff, 0xff), QColor(0xf6, 0xf7, 0xf8));
        set(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
        set(QPalette::Text, QColor(0x1f, 0x23, 0x28), QColor(0xa0, 0xa6, 0xad));
        set(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x7c));
        set(QPalette::Button, QColor(0xf7, 0xf8, 0xfa));
        set(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28), QColor(0xa0, 0xa6, 0xad));
        set(QPalette::BrightText, Qt::white);
        set(QPalette::Light, Qt::white);
        set(QPalette::Midlight, QColor(0xe4, 0xe7, 0xeb));
        set(QPalette::Mid, QColor(0xc9, 0xce, 0xd4));
        set(QPalette::Dark, QColor(0xa9, 0xb0, 0xb8));
        set(QPalette::Shadow, QColor(0x70, 0x76, 0x7e));
        set(QPalette::Highlight, QColor(0x1a, 0x62, 0xbd), QColor(0xc9, 0xce, 0xd4));
        set(QPalette::HighlightedText, Qt::white);
        set(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xff));
        set(QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
        set(QPalette::Link, QColor(0x1a, 0x62, 0xbd));
        set(QPalette::LinkVisited, QColor(0x6a, 0x4f, 0xc4));
    } else {
        set(QPalette::Window, QColor(0x26, 0x28, 0x2c));
        set(QPalette::WindowText, QColor(0xe2, 0xe4, 0xe8), QColor(0x6e, 0x74, 0x7c));
        set(QPalette::Base, QColor(0x1d, 0x1f, 0x22), QColor(0x23, 0x25, 0x28));
        set(QPalette::AlternateBase, QColor(0x24, 0x26, 0x2a));
        set(QPalette::Text, QColor(0xe2, 0xe4, 0xe8), QColor(0x6e, 0x74, 0x7c));
        set(QPalette::PlaceholderText, QColor(0x87, 0x8d, 0x95));
        set(QPalette::Button, QColor(0x30, 0x33, 0x38));
        set(QPalette::ButtonText, QColor(0xe2, 0xe4, 0xe8), QColor(0x6e, 0x74, 0x7c));
        set(QPalette::BrightText, Qt::white);
        set(QPalette::Light, QColor(0x3c, 0x40, 0x46));
        set(QPalette::Midlight, QColor(0x34, 0x37, 0x3c));
        set(QPalette::Mid, QColor(0x1a, 0x1c, 0x1f));
        set(QPalette::Dark, QColor(0x15, 0x16, 0x18));
        set(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0e));
        set(QPalette::Highlight, QColor(0x2f, 0x6e, 0xc4), QColor(0x3c, 0x40, 0x46));
        set(QPalette::HighlightedText, Qt::white);
        set(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
        set(QPalette::ToolTipText, QColor(0xe2, 0xe4, 0xe8));
        set(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
        set(QPalette::LinkVisited, QColor(0xa9, 0x92, 0xf0));
    }
    return p;
}

void apply(Mode mode)
{
    if (!g_systemPaletteKnown) {
        g_systemPalette = QGuiApplication::palette();
        g_systemPaletteKnown = true;
    }
    g_mode = mode;
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool dark = mode == Mode::Dark || (mode == Mode::System && looksDark(g_systemPalette));
    QApplication::setPalette(palette(dark));
}

Mode mode()
{
    return g_mode;
}

bool isDark()
{
    return looksDark(QGuiApplication::palette());
}

QColor accent()
{
    return QGuiApplication::palette().color(QPalette::Highlight);
}

QIcon icon(const QString &name, const QColor &color)
{
    return QIcon(new SvgIconEngine(name, [color](QIcon::Mode mode) {
        const QColor normal = color.isValid() ? color : QGuiApplication::palette().color(QPalette::WindowText);
        return modeColor(mode, normal);
    }));
}

QString stepIconName(StepOp op)
{
    return QString::fromLatin1(stepKind(op).name);
}

QColor stepColor(StepOp op)
{
    const bool dark = isDark();
    switch (stepKind(op).family) {
    case StepFamily::Output:
        return dark ? QColor(0xa3, 0xad, 0xba) : QColor(0x5b, 0x67, 0x78);
    case StepFamily::Time:
        return dark ? OkabeIto::SkyBlue : QColor(0x2b, 0x8f, 0xcc);
    case StepFamily::Tasks:
        return dark ? QColor(0x2f, 0xc0, 0x95) : OkabeIto::BluishGreen;
    case StepFamily::Await:
        return dark ? QColor(0x4d, 0x9f, 0xe0) : OkabeIto::Blue;
    case StepFamily::Gather:
        return OkabeIto::ReddishPurple;
    case StepFamily::Errors:
        return dark ? QColor(0xf0, 0x7a, 0x2a) : OkabeIto::Vermillion;
    case StepFamily::Flow:
        return dark ? OkabeIto::Orange : QColor(0xc7, 0x86, 0x00);
    }
    return accent();
}

QIcon stepIcon(StepOp op)
{
    return QIcon(
        new SvgIconEngine(stepIconName(op), [op](QIcon::Mode mode) { return modeColor(mode, stepColor(op)); }));
}

QIcon coroutineIcon()
{
    return QIcon(
        new SvgIconEngine(QStringLiteral("coroutine"), [](QIcon::Mode mode) { return modeColor(mode, accent()); }));
}

QColor taskStateColor(TaskState state)
{
    // The Okabe-Ito hues; on the light palette the pale ones (yellow, sky blue, orange, grey)
    // are darkened to stand out from white as graphics do (WCAG 1.4.11: 3:1).
    const bool dark = isDark();
    switch (state) {
    case TaskState::Pending:
        return dark ? OkabeIto::Grey : QColor(0x7d, 0x7d, 0x7d);
    case TaskState::Ready:
        return dark ? OkabeIto::Yellow : QColor(0x8f, 0x82, 0x00);
    case TaskState::Running:
        return OkabeIto::BluishGreen;
    case TaskState::Sleeping:
        return dark ? OkabeIto::SkyBlue : QColor(0x2a, 0x88, 0xc4);
    case TaskState::WaitingTask:
    case TaskState::WaitingGather:
        return dark ? QColor(0x4d, 0x9f, 0xe0) : OkabeIto::Blue;
    case TaskState::Done:
        return OkabeIto::BluishGreen;
    case TaskState::Cancelled:
        return dark ? OkabeIto::Orange : QColor(0xa8, 0x72, 0x00);
    case TaskState::Failed:
        return canvas().error;
    }
    return OkabeIto::Grey;
}

QColor readyColor()
{
    return isDark() ? QColor(0x2f, 0xc0, 0x95) : QColor(0x00, 0x7a, 0x58);
}

Canvas canvas()
{
    const QPalette p = QGuiApplication::palette();
    Canvas c;
    QColor selection = accent();
    if (!isDark()) {
        c.background = QColor(0xf7, 0xf8, 0xfa);
        c.grid = QColor(0xd9, 0xdd, 0xe3);
        c.nodeFill = QColor(0xff, 0xff, 0xff);
        c.nodeBorder = QColor(0xcf, 0xd5, 0xdc);
        c.headerFill = QColor(0xee, 0xf1, 0xf5);
        c.mutedText = QColor(0x5c, 0x63, 0x6d);
        c.arrow = QColor(0x8a, 0x94, 0xa1);
        c.error = QColor(0xb8, 0x4a, 0x00);  // Okabe-Ito vermillion, darkened to read on white
        c.warning = QColor(0x8f, 0x5f, 0x00);  // amber dark enough for text on white
        c.accentText = selection;
        c.shadow = QColor(0x1f, 0x23, 0x28, 28);
    } else {
        c.background = QColor(0x1a, 0x1c, 0x1f);
        c.grid = QColor(0x2e, 0x32, 0x37);
        c.nodeFill = QColor(0x2a, 0x2d, 0x31);
        c.nodeBorder = QColor(0x40, 0x45, 0x4c);
        c.headerFill = QColor(0x32, 0x36, 0x3b);
        c.mutedText = QColor(0xa9, 0xaf, 0xb8);
        c.arrow = QColor(0x7d, 0x86, 0x91);
        c.error = QColor(0xf0, 0x7a, 0x2a);
        c.warning = OkabeIto::Orange;
        c.accentText = p.color(QPalette::Link);  // the accent itself is too dark on a dark header
        c.shadow = QColor(0, 0, 0, 70);
    }
    c.text = p.color(QPalette::Text);
    c.selection = selection;
    c.rowHover = c.text;
    c.rowHover.setAlpha(isDark() ? 18 : 12);
    c.rowSelected = selection;
    c.rowSelected.setAlpha(isDark() ? 70 : 40);
    c.dropIndicator = selection;
    c.errorTint = c.error;
    c.errorTint.setAlpha(isDark() ? 40 : 22);
    return c;
}

void paintProblemMarker(QPainter *painter, const QPointF &centre)
{
    constexpr qreal radius = 6;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(canvas().error);
    painter->drawEllipse(centre, radius, radius);
    painter->setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(centre + QPointF(0, -3), centre + QPointF(0, 0.8));
    painter->drawPoint(centre + QPointF(0, 3.2));
    painter->restore();
}

QColor codeColor(CodeSpan::Role role)
{
    const bool dark = isDark();
    switch (role) {
    case CodeSpan::Role::Plain:
    case CodeSpan::Role::Break:
    case CodeSpan::Role::ArgsOpen:
    case CodeSpan::Role::ArgsClose:
        return QGuiApplication::palette().color(QPalette::Text);
    case CodeSpan::Role::Keyword:
        return dark ? QColor(0xd2, 0xab, 0xf6) : QColor(0x7a, 0x3e, 0xc8);
    case CodeSpan::Role::Call:
        return dark ? QColor(0x7c, 0xb7, 0xf5) : QColor(0x0b, 0x5c, 0xad);
    case CodeSpan::Role::String:
        return dark ? QColor(0x9c, 0xd3, 0x8e) : QColor(0x17, 0x69, 0x2f);
    case CodeSpan::Role::Number:
        return dark ? QColor(0xf2, 0xb0, 0x6b) : QColor(0x93, 0x4a, 0x00);
    case CodeSpan::Role::Muted:
        return canvas().mutedText;
    }
    return QGuiApplication::palette().color(QPalette::Text);
}

}  // namespace tusk::Theme
