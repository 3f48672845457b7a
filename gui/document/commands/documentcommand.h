#pragma once

#include <QUndoCommand>

namespace tusk {

class Document;

/// Base of every edit: a command changes the Document's model, finds what it changes by
/// ItemId (never by pointer, which a later insertion could invalidate) and tells the document
/// after each redo() and undo().
class DocumentCommand : public QUndoCommand {
public:
    /// Ids for mergeWith(): consecutive commands with the same id may merge into one.
    enum Id { MoveCoroutinesId = 1, EditStepId, SetTitleId };

    explicit DocumentCommand(Document *document, QUndoCommand *parent = nullptr)
        : QUndoCommand(parent)
        , m_document(document)
    {
    }

protected:
    Document *m_document;
};

}  // namespace tusk
