#include "codepanel.h"

#include "codeview.h"
#include "document.h"
#include "problemtext.h"
#include "projectcommands.h"
#include "pythonimport.h"
#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tusk {

CodePanel::CodePanel(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_view(new CodeView(document, this))
    , m_edit(new QToolButton(this))
    , m_apply(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("codePanel"));
    m_edit->setObjectName(QStringLiteral("codeEdit"));
    m_apply->setObjectName(QStringLiteral("codeApply"));
    m_cancel->setObjectName(QStringLiteral("codeCancel"));
    m_message->setObjectName(QStringLiteral("codeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QToolButton *b : {m_edit, m_apply, m_cancel})
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_edit->setIcon(Theme::icon(QStringLiteral("edit")));
    m_apply->setIcon(Theme::icon(QStringLiteral("run")));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_edit);
    bar->addWidget(m_apply);
    bar->addWidget(m_cancel);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    connect(m_edit, &QToolButton::clicked, this, [this] { startEditing(); });
    connect(m_apply, &QToolButton::clicked, this, [this] { apply(); });
    connect(m_cancel, &QToolButton::clicked, this, &CodePanel::cancel);
    // A new or opened project ends any editing: the text belonged to the one before.
    connect(document, &Document::projectReplaced, this, [this] {
        if (m_view->isEditing())
            cancel();
    });
    // Problems belong to the text that was applied: the first edit after clears their marks.
    connect(m_view->document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        if (m_view->isEditing() && !m_problems.empty() && !m_settingText && (removed || added)) {
            m_problems.clear();
            m_view->setProblems({});
            updateState();
        }
    });
    m_view->installEventFilter(this);
    retranslate();
    updateState();
}

QString CodePanel::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void CodePanel::startEditing(const QString &text, const Problems &problems)
{
    m_settingText = true;
    m_view->setEditing(true);
    if (!text.isNull())
        m_view->setPlainText(text);
    m_settingText = false;
    showProblems(problems);
    m_view->setFocus(Qt::OtherFocusReason);
    updateState();
}

bool CodePanel::apply()
{
    if (!m_view->isEditing())
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    PythonImport imported = importPython(m_view->toPlainText().toUtf8(), m_view->scriptName());
    QApplication::restoreOverrideCursor();
    if (!imported.ok) {
        showProblems(imported.problems);
        return false;
    }
    Project program = std::move(imported.project);
    m_document->undoStack()->push(new ReplaceProgramCommand(m_document, std::move(program)));
    m_problems.clear();
    m_view->setEditing(false);
    updateState();
    return true;
}

void CodePanel::cancel()
{
    m_problems.clear();
    m_view->setEditing(false);
    updateState();
}

void CodePanel::showProblems(const Problems &problems)
{
    m_problems = problems;
    Problems shown = problems;
    for (Problem &p : shown)
        p.message = ProblemText::message(p.message);
    m_view->setProblems(shown);
    updateState();
}

void CodePanel::updateState()
{
    const bool editing = m_view->isEditing();
    m_edit->setVisible(!editing);
    m_apply->setVisible(editing);
    m_cancel->setVisible(editing);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText,
        m_problems.empty() ? QGuiApplication::palette().color(QPalette::WindowText) : Theme::canvas().error);
    m_message->setPalette(pal);
    if (!m_problems.empty()) {
        const Problem &first = m_problems.front();
        const QString where = first.line > 0 ? tr("Line %1: ").arg(first.line) : QString();
        m_message->setText(m_problems.size() == 1
                ? tr("Nothing was applied. %1%2").arg(where, ProblemText::message(first.message))
                : tr("Nothing was applied: %n problems, marked on their lines. The first: %1%2", nullptr,
                    int(m_problems.size()))
                      .arg(where, ProblemText::message(first.message)));
        m_message->show();
    } else if (editing) {
        m_message->setText(tr("Edit the program as Python, then Apply (Ctrl+Return) to turn it into the diagram, "
                              "or Cancel to drop the edits."));
        m_message->show();
    } else {
        m_message->hide();
    }
}

bool CodePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && m_view->isEditing()) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            apply();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            // A new line starts where the last one did, one level in after a `:`.
            QTextCursor cursor = m_view->textCursor();
            const QString line = cursor.block().text().left(cursor.positionInBlock());
            qsizetype indent = 0;
            while (indent < line.size() && line[indent] == u' ')
                ++indent;
            if (line.trimmed().endsWith(QLatin1Char(':')))
                indent += 4;
            cursor.insertText(QLatin1Char('\n') + QString(indent, u' '));
            m_view->setTextCursor(cursor);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CodePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateState();
}

void CodePanel::retranslate()
{
    m_edit->setText(tr("Edit as Python"));
    m_edit->setToolTip(tr("Change the program as Python text; Apply turns it back into the diagram"));
    m_apply->setText(tr("Apply"));
    m_apply->setToolTip(tr("Read the text with Python's parser and make it the diagram (Ctrl+Return); undo takes "
                           "it back"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Drop the edits and show the diagram's Python again"));
    updateState();
}

}  // namespace tusk
