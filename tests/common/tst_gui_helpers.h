#pragma once

// Helpers shared by the editor's GUI tests: real mouse and drag-and-drop events delivered to
// the canvas viewport, and ways to find where things are drawn.

#include "coroutinenode.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "nodemetrics.h"
#include "palettewidget.h"
#include "steprow.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace tusk::testing {

/// Settings and standard paths of their own, English, light palette: tests do not touch the
/// user's configuration and do not depend on it.
inline void isolate(const char *name)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TuskTests"));
    QCoreApplication::setApplicationName(QLatin1String(name));
    // Settings of their own per process: ctest runs a test's platform and DPI variants side by
    // side, and one variant's saved preferences must not show up in another.
    static QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QSettings().clear();
}

/// Shows a top-level window and makes it the active one, as a user's click on it would. On a
/// real X server without a window manager nothing activates a window by itself, and keyboard
/// shortcuts only reach the active window.
inline bool showActive(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    window->activateWindow();
    window->raise();
    return QTest::qWaitForWindowActive(window);
}

inline QPoint toView(DiagramView *view, const QPointF &scenePos)
{
    return view->mapFromScene(scenePos);
}

/// A left-button drag on the viewport: press, a few moves with the button held, release.
inline void mouseDrag(
    DiagramView *view, const QPoint &from, const QPoint &to, Qt::KeyboardModifiers modifiers = {}, int steps = 5)
{
    QWidget *viewport = view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / steps;
        QMouseEvent move(
            QEvent::MouseMove, QPointF(p), QPointF(viewport->mapToGlobal(p)), Qt::NoButton, Qt::LeftButton, modifiers);
        QApplication::sendEvent(viewport, &move);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
}

/// Drags a palette block onto the canvas as QDrag would deliver it: enter, move, drop, with
/// the MIME data the palette itself produces. Returns whether the drop was accepted.
inline bool dropBlock(PaletteWidget *palette, DiagramView *view, const QString &block, const QPoint &at)
{
    QListWidgetItem *item = palette->itemForBlock(block);
    if (!item)
        return false;
    std::unique_ptr<QMimeData> mime(palette->mimeData({item}));
    if (!mime)
        return false;
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

inline const Coroutine *coroutine(Document *document, const QString &name)
{
    return document->project().findCoroutine(name);
}

inline CoroutineNode *nodeNamed(DiagramScene *scene, const QString &name)
{
    const Coroutine *c = coroutine(scene->document(), name);
    return c ? scene->node(c->id) : nullptr;
}

/// Scene point on a node's header (where it can be grabbed).
inline QPointF headerPoint(CoroutineNode *node)
{
    return node->mapToScene(QPointF(node->cardRect().width() / 2, NodeMetrics::kHeaderHeight / 2));
}

/// Scene point in the middle of a step's row text.
inline QPointF rowPoint(DiagramScene *scene, ItemId step)
{
    StepRow *row = scene->row(step);
    return row ? row->mapToScene(QPointF(row->contentLeft() + 40, NodeMetrics::kRowHeight / 2)) : QPointF();
}

/// Scene point on the boundary between row `index` and the one before it (`index` = row count:
/// under the last row), where the icons of nesting level `depth` start.
inline QPointF gapPoint(CoroutineNode *node, int index, int depth = 0)
{
    const qreal y = NodeMetrics::kHeaderHeight + NodeMetrics::kBodyTop + index * NodeMetrics::kRowHeight;
    return node->mapToScene(QPointF(NodeMetrics::kPadding + depth * NodeMetrics::kIndent + 4, y));
}

inline QPointF portPoint(DiagramScene *scene, ItemId step)
{
    StepRow *row = scene->row(step);
    return row ? row->mapToScene(row->portPos()) : QPointF();
}

inline QStringList opsOf(const std::vector<Step> &steps)
{
    QStringList ops;
    for (const Step &s : steps)
        ops << stepOpName(s.op);
    return ops;
}

}  // namespace tusk::testing
