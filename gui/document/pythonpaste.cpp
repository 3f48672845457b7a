#include "pythonpaste.h"

#include "autolayout.h"
#include "commands/coroutinecommands.h"
#include "commands/projectcommands.h"
#include "document.h"
#include "modeledit.h"
#include "nodemetrics.h"
#include "pythonimport.h"

#include <QCoreApplication>
#include <QHash>

namespace tusk {

namespace {

void renameCalls(std::vector<Step> &steps, const QHash<QString, QString> &renamed)
{
    auto rename = [&](Call &call) {
        const auto it = renamed.constFind(call.coroutine);
        if (it != renamed.constEnd())
            call.coroutine = *it;
    };
    for (Step &s : steps) {
        if (s.call)
            rename(*s.call);
        for (GatherItem &item : s.items) {
            if (item.isCall)
                rename(item.call);
        }
        renameCalls(s.body, renamed);
        for (ExceptClause &h : s.handlers)
            renameCalls(h.body, renamed);
        renameCalls(s.finallyBody, renamed);
    }
}

}  // namespace

bool pastePython(Document *document, const QString &text, Problems *problems)
{
    const Project &project = document->project();
    PythonImportOptions options;
    options.requireEntry = false;
    options.existing = project.coroutines;
    PythonImport imported = importPython(text.toUtf8(), QString(), options);
    if (!imported.ok) {
        if (problems)
            *problems = std::move(imported.problems);
        return false;
    }

    // Names: an empty coroutine of the same name is replaced, any other clash renamed.
    QStringList taken;
    for (const Coroutine &c : project.coroutines)
        taken << c.name;
    QHash<QString, QString> renamed;
    QHash<QString, ItemId> replaced;
    for (const Coroutine &c : imported.project.coroutines) {
        const Coroutine *existing = project.findCoroutine(c.name);
        if (!existing)
            continue;
        if (existing->body.empty() && !replaced.contains(c.name)) {
            replaced.insert(c.name, existing->id);
        } else {
            const QString name = uniqueName(c.name, taken);
            taken << name;
            renamed.insert(c.name, name);
        }
    }
    std::vector<Coroutine> pasted = std::move(imported.project.coroutines);
    for (Coroutine &c : pasted) {
        c.name = renamed.value(c.name, c.name);
        renameCalls(c.body, renamed);
    }

    // Places: the fragment laid out on its own, below everything on the canvas.
    Project fragment;
    fragment.coroutines = pasted;
    fragment.entry
        = imported.namesEntry ? renamed.value(imported.project.entry, imported.project.entry) : pasted.front().name;
    const QHash<ItemId, QPointF> layout = autoLayout(fragment);
    qreal bottom = -1;
    for (const Coroutine &c : project.coroutines) {
        if (!replaced.values().contains(c.id))
            bottom = std::max(bottom, document->position(c.id).y() + NodeMetrics::heightFor(c));
    }
    const QPointF offset(0, bottom < 0 ? 0 : bottom + 80);

    QUndoStack *undo = document->undoStack();
    undo->beginMacro(QCoreApplication::translate("tusk::Commands", "Paste Python"));
    // Replaced coroutines go first, so that the pasted ones keep the order of the source.
    for (const ItemId old : std::as_const(replaced))
        undo->push(new RemoveCoroutineCommand(document, old));
    for (Coroutine &c : pasted) {
        const QPointF at = layout.value(c.id) + offset;
        c.id = kNoId;
        forEachStep(c.body, [](Step &s) { s.id = kNoId; });
        undo->push(new AddCoroutineCommand(document, std::move(c), int(document->project().coroutines.size()), at));
    }
    if (imported.namesEntry) {
        const QString entry = fragment.entry;
        const Coroutine *current = document->project().findCoroutine(project.entry);
        const bool entryIsEmpty = !current || (current->body.empty() && !replaced.contains(current->name));
        if (entry != document->project().entry && entryIsEmpty)
            undo->push(new SetEntryCommand(document, entry));
    }
    undo->endMacro();
    return true;
}

}  // namespace tusk
