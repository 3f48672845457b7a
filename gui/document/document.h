#pragma once

#include "problem.h"
#include "project.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QUndoStack>

namespace tusk {

/// The open project: the model, its undo stack, where it is saved and whether it changed.
/// Every edit is a QUndoCommand pushed here (see commands/); the canvas, inspector and
/// problems panel only read the model and redraw on changed().
///
/// Node positions live here by coroutine id rather than in Project::layout (which is keyed by
/// name): a rename or a duplicate name while typing never loses a position. They are written
/// into `layout` when the project is saved.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);

    const Project &project() const { return m_project; }
    QUndoStack *undoStack() { return &m_undo; }
    /// Live validation of the current model.
    const Problems &problems() const { return m_problems; }

    QString fileName() const { return m_fileName; }
    /// A name for Save As when the project has no file yet (an example's file name).
    QString suggestedFileName() const { return m_suggestedName; }
    /// What the window title shows: the file name, or the project's title, or "Untitled".
    QString displayName() const;
    bool isModified() const { return m_forcedModified || !m_undo.isClean(); }

    /// Replaces the content with starterProject(). Not undoable: clears the undo stack.
    void newProject();
    /// What File > New and the first launch open: one empty `main`, so the project is valid
    /// (it runs and prints nothing) before the user has done anything.
    static Project starterProject();
    /// Replaces the content with a file's. On failure returns false with the reasons and
    /// leaves the document exactly as it was.
    bool loadFile(const QString &fileName, Problems *problems);
    /// Replaces the content with a document's text. `fileName` may be empty (an example, a
    /// recovered file); `modified` marks content that is not saved anywhere yet.
    bool loadData(const QByteArray &data, const QString &fileName, const QString &suggestedName, bool modified,
        Problems *problems);
    /// Replaces the content with a project imported from Python (not saved anywhere yet, so
    /// modified); `suggestedName` is what Save As proposes.
    void importProject(Project project, const QString &suggestedName);
    /// Saves atomically; on success the document becomes unmodified and takes the name.
    bool saveFile(const QString &fileName, QString *error);
    /// The project as saved: the model with node positions written into `layout`.
    Project projectForSave() const;

    /// Top-left of a coroutine's node in scene coordinates.
    QPointF position(ItemId coroutine) const { return m_positions.value(coroutine); }
    /// Positions automatically every node (positions of the given ids only when not empty).
    QHash<ItemId, QPointF> autoLayoutPositions() const;

    // For undo commands only: every change to the model goes through a command.
    Project &mutableProject() { return m_project; }
    void setPosition(ItemId coroutine, QPointF pos) { m_positions.insert(coroutine, pos); }
    void removePosition(ItemId coroutine) { m_positions.remove(coroutine); }
    /// Revalidates and tells the views. Commands call it after each redo() and undo().
    void modelChanged();
    /// Asks the views to select and show an item (after an undo brings it back, say).
    void requestFocus(ItemId id) { emit focusRequested(id); }

signals:
    /// The model changed: views redraw from it.
    void changed();
    /// The whole project was replaced (new, open): views also reset their zoom and selection.
    void projectReplaced();
    void fileNameChanged(const QString &fileName);
    void modifiedChanged(bool modified);
    void focusRequested(tusk::ItemId id);

private:
    void replace(Project project, const QString &fileName, const QString &suggestedName, bool modified);
    void setForcedModified(bool modified);

    Project m_project;
    QUndoStack m_undo;
    QString m_fileName;
    QString m_suggestedName;
    bool m_forcedModified = false;
    Problems m_problems;
    QHash<ItemId, QPointF> m_positions;
};

}  // namespace tusk
