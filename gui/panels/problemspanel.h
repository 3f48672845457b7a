#pragma once

#include "project.h"

#include <QTreeWidget>

namespace tusk {

class Document;

/// Every problem live validation finds, with where it is; activating one selects that item on
/// the canvas.
class ProblemsPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(Document *document, QWidget *parent = nullptr);

signals:
    void itemRequested(tusk::ItemId id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    Document *m_document;
};

}  // namespace tusk
