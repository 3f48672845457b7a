#pragma once

#include <QWidget>

namespace tusk {

/// A ring in the accent colour around a panel while the keyboard focus is in it. The canvas and
/// the item views draw no frame of their own when they have the focus (Fusion, no frames), so
/// without it Tab would seem to go nowhere. The ring is drawn over the panel and lets every mouse
/// event through.
class FocusRing : public QWidget {
    Q_OBJECT
public:
    /// Rings `panel` from now on; the ring goes when the panel does.
    static FocusRing *attach(QWidget *panel);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    explicit FocusRing(QWidget *panel);
    void follow(QWidget *focus);

    QWidget *m_panel;
};

}  // namespace tusk
