#include "runstyle.h"

#include "numberformat.h"
#include "theme.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tusk {

QString RunStyle::stateName(TaskState state)
{
    switch (state) {
    case TaskState::Pending:
        return tr("Pending");
    case TaskState::Ready:
        return tr("Ready");
    case TaskState::Running:
        return tr("Running");
    case TaskState::Sleeping:
        return tr("Sleeping");
    case TaskState::WaitingTask:
        return tr("Waiting for a task");
    case TaskState::WaitingGather:
        return tr("Waiting for a gather");
    case TaskState::Done:
        return tr("Done");
    case TaskState::Cancelled:
        return tr("Cancelled");
    case TaskState::Failed:
        return tr("Failed");
    }
    return QString();
}

QString RunStyle::stateGlyph(TaskState state)
{
    switch (state) {
    case TaskState::Pending:
        return QStringLiteral("○");
    case TaskState::Ready:
        return QStringLiteral("◇");
    case TaskState::Running:
        return QStringLiteral("▶");
    case TaskState::Sleeping:
        return QStringLiteral("◷");
    case TaskState::WaitingTask:
        return QStringLiteral("⇢");
    case TaskState::WaitingGather:
        return QStringLiteral("⇉");
    case TaskState::Done:
        return QStringLiteral("✓");
    case TaskState::Cancelled:
        return QStringLiteral("⊘");
    case TaskState::Failed:
        return QStringLiteral("✗");
    }
    return QString();
}

QIcon RunStyle::stateIcon(TaskState state)
{
    // Drawn once per state: the tasks panel asks for icons for every visible row.
    static QHash<int, QIcon> cache;
    const int key = int(state) + (Theme::isDark() ? 100 : 0);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    const int size = 32;
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = Theme::taskStateColor(state);
    const QRectF r(5, 5, size - 10, size - 10);
    p.setPen(QPen(c, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    switch (state) {
    case TaskState::Pending:
        p.drawEllipse(r);
        break;
    case TaskState::Ready: {
        QPolygonF d {{r.center().x(), r.top()}, {r.right(), r.center().y()}, {r.center().x(), r.bottom()},
            {r.left(), r.center().y()}};
        p.drawPolygon(d);
        break;
    }
    case TaskState::Running: {
        p.setBrush(c);
        QPolygonF t {{r.left() + 2, r.top()}, {r.right(), r.center().y()}, {r.left() + 2, r.bottom()}};
        p.drawPolygon(t);
        break;
    }
    case TaskState::Sleeping:
        p.drawEllipse(r);
        p.drawLine(r.center(), QPointF(r.center().x(), r.top() + 5));
        p.drawLine(r.center(), QPointF(r.right() - 6, r.center().y()));
        break;
    case TaskState::WaitingTask:
        p.drawRect(r.adjusted(2, 2, -2, -2));
        break;
    case TaskState::WaitingGather:
        p.drawRect(r.adjusted(0, 0, -7, -7));
        p.drawRect(r.adjusted(7, 7, 0, 0));
        break;
    case TaskState::Done:
        p.setBrush(c);
        p.drawEllipse(r);
        break;
    case TaskState::Cancelled:
        p.drawEllipse(r);
        p.drawLine(QPointF(r.left() + 4, r.bottom() - 4), QPointF(r.right() - 4, r.top() + 4));
        break;
    case TaskState::Failed:
        p.setPen(QPen(c, 5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(r.topLeft(), r.bottomRight());
        p.drawLine(r.topRight(), r.bottomLeft());
        break;
    }
    p.end();
    QIcon icon(pm);
    cache.insert(key, icon);
    return icon;
}

QString RunStyle::stateText(const TaskSnapshot &task, const TaskList &tasks, const RunRecording *recording)
{
    switch (task.state) {
    case TaskState::Sleeping:
        return tr("%1 until %2").arg(stateName(task.state), NumberFormat::seconds(task.sleepsUntilNs));
    case TaskState::WaitingTask:
        if (task.waitsOn >= 1 && task.waitsOn <= tasks.size())
            return tr("Waiting for %1").arg(tasks[task.waitsOn - 1].label());
        break;
    case TaskState::WaitingGather:
        if (recording) {
            const std::vector<TaskId> &children = recording->gatherChildren(task.waitsOn);
            int left = 0;
            for (TaskId child : children)
                left += child >= 1 && child <= tasks.size() && !isFinalState(tasks[child - 1].state) ? 1 : 0;
            return tr("Waiting for a gather: %1 of %2 left").arg(left).arg(children.size());
        }
        break;
    default:
        break;
    }
    return stateName(task.state);
}

}  // namespace tusk
