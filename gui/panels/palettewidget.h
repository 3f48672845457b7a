#pragma once

#include <QListWidget>

namespace tusk {

/// The blocks a diagram is built from: Coroutine, then one block per step kind. Drag one onto
/// the canvas (a QDrag carrying DiagramScene::blockMimeData()), or activate it (double-click,
/// Enter) to add it where the selection is.
class PaletteWidget : public QListWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);

    /// The item of a block (`coroutine`, `sleep`, ...), for tests and accessibility.
    QListWidgetItem *itemForBlock(const QString &block) const;
    /// What a drag of `items` carries; the same data the canvas accepts.
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;

signals:
    void blockActivated(const QString &block);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void changeEvent(QEvent *event) override;

private:
    void populate();
};

}  // namespace tusk
