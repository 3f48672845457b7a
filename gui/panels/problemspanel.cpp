#include "problemspanel.h"

#include "document.h"
#include "problemtext.h"
#include "theme.h"

#include <QEvent>
#include <QHeaderView>

namespace tusk {

ProblemsPanel::ProblemsPanel(Document *document, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("problemsPanel"));
    setColumnCount(2);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(false);
    setFrameShape(QFrame::NoFrame);
    setWordWrap(false);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    connect(document, &Document::changed, this, &ProblemsPanel::refresh);
    auto activate = [this](QTreeWidgetItem *item) {
        const ItemId id = item->data(0, Qt::UserRole).value<ItemId>();
        if (id != kNoId)
            emit itemRequested(id);
    };
    connect(this, &QTreeWidget::itemActivated, this, activate);
    connect(this, &QTreeWidget::itemClicked, this, activate);
    refresh();
}

void ProblemsPanel::refresh()
{
    setHeaderLabels({tr("Where"), tr("Problem")});
    clear();
    const Project &p = m_document->project();
    const Problems &problems = m_document->problems();
    if (problems.empty()) {
        auto *item = new QTreeWidgetItem(this);
        item->setIcon(0, Theme::icon(QStringLiteral("ok"), Theme::OkabeIto::BluishGreen));
        item->setText(0, tr("No problems"));
        item->setText(1, tr("The program is ready to run."));
        item->setFlags(Qt::ItemIsEnabled);
        return;
    }
    const QIcon error = Theme::icon(QStringLiteral("error"), Theme::canvas().error);
    for (const Problem &problem : problems) {
        auto *item = new QTreeWidgetItem(this);
        item->setIcon(0, error);
        item->setText(0, ProblemText::location(p, problem));
        const QString message = ProblemText::message(problem);
        item->setText(1, message);
        item->setToolTip(1, message);
        item->setData(
            0, Qt::UserRole, QVariant::fromValue(problem.stepId != kNoId ? problem.stepId : problem.coroutineId));
    }
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        refresh();
    QTreeWidget::changeEvent(event);
}

}  // namespace tusk
