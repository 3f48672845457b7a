#include "autolayout.h"

#include "modeledit.h"
#include "nodemetrics.h"

#include <QSet>
#include <deque>

namespace tusk {

namespace {

constexpr qreal kColumnSpacing = 360;
constexpr qreal kRowGap = 40;

// Coroutines called from `c`, in the order the calls appear, without repeats.
std::vector<int> callees(const Project &project, const Coroutine &c)
{
    std::vector<int> out;
    auto note = [&](const QString &name) {
        const int i = project.coroutineIndex(name);
        if (i >= 0 && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    };
    forEachStep(c.body, [&](const Step &s) {
        if (s.call)
            note(s.call->coroutine);
        for (const GatherItem &item : s.items) {
            if (item.isCall)
                note(item.call.coroutine);
        }
    });
    return out;
}

}  // namespace

QHash<ItemId, QPointF> autoLayout(const Project &project)
{
    const int n = int(project.coroutines.size());
    std::vector<int> column(std::size_t(n), -1);
    std::vector<int> order;  // placement order
    std::deque<int> queue;

    // Breadth-first from the entry, then from every coroutine not reached yet.
    std::vector<int> roots;
    const int entry = project.coroutineIndex(project.entry);
    if (entry >= 0)
        roots.push_back(entry);
    for (int i = 0; i < n; ++i)
        roots.push_back(i);
    for (int root : roots) {
        if (column[std::size_t(root)] >= 0)
            continue;
        column[std::size_t(root)] = 0;
        queue.push_back(root);
        while (!queue.empty()) {
            const int at = queue.front();
            queue.pop_front();
            order.push_back(at);
            for (int next : callees(project, project.coroutines[std::size_t(at)])) {
                if (column[std::size_t(next)] < 0) {
                    column[std::size_t(next)] = column[std::size_t(at)] + 1;
                    queue.push_back(next);
                }
            }
        }
    }

    QHash<ItemId, QPointF> positions;
    QHash<int, qreal> nextY;
    for (int i : order) {
        const Coroutine &c = project.coroutines[std::size_t(i)];
        const int col = column[std::size_t(i)];
        const qreal y = nextY.value(col, 0);
        positions.insert(c.id, QPointF(col * kColumnSpacing, y));
        nextY.insert(col, y + NodeMetrics::heightFor(c) + kRowGap);
    }
    return positions;
}

}  // namespace tusk
