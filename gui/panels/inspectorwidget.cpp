#include "inspectorwidget.h"

#include "coroutinecommands.h"
#include "document.h"
#include "newitems.h"
#include "operandedit.h"
#include "problemtext.h"
#include "projectcommands.h"
#include "stepcode.h"
#include "stepcommands.h"
#include "stepinfo.h"
#include "stepkinds.h"
#include "theme.h"
#include "validator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace tusk {

namespace {

/// A multi-line field that commits when it loses focus, as a QLineEdit's editingFinished does.
/// (A virtual, not an event filter: it is not called while the widget is being destroyed.)
class CommitOnLeaveEdit : public QPlainTextEdit {
public:
    CommitOnLeaveEdit(const QString &text, QWidget *parent)
        : QPlainTextEdit(text, parent)
    {
    }
    std::function<void()> onLeave;

protected:
    void focusOutEvent(QFocusEvent *event) override
    {
        QPlainTextEdit::focusOutEvent(event);
        if (onLeave)
            onLeave();
    }
};

QStringList splitNames(const QString &text)
{
    QStringList names;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString name = part.trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

QFont codeFont()
{
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(QFont().pointSizeF() - 0.5);
    return f;
}

// The Python a step stands for, in a box like a code sample.
QString codeStyle()
{
    return QStringLiteral(
        "QLabel { background: palette(base); border: 1px solid palette(midlight); border-radius: 4px; "
        "padding: 6px 8px; }");
}

}  // namespace

InspectorWidget::InspectorWidget(Document *document, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Tab goes straight to the fields: the scroll area itself would be a stop that shows nothing.
    setFocusPolicy(Qt::NoFocus);
    connect(document, &Document::changed, this, &InspectorWidget::onDocumentChanged);
    rebuild();
}

bool InspectorWidget::focusFirstField()
{
    if (m_rebuildPending)
        rebuild();
    // The first stop of Tab inside the form that edits something (not a button).
    for (QWidget *w = m_content->nextInFocusChain(); w != m_content && m_content->isAncestorOf(w);
         w = w->nextInFocusChain()) {
        if (!(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled() || !w->isVisibleTo(m_content)
            || qobject_cast<QPushButton *>(w) || qobject_cast<QToolButton *>(w))
            continue;
        w->setFocus(Qt::TabFocusReason);
        return true;
    }
    return false;
}

bool InspectorWidget::focusNameField()
{
    if (m_rebuildPending)
        rebuild();
    QString name;
    if (findCoroutine(m_document->project(), m_current)) {
        name = QStringLiteral("name");
    } else if (const Step *s = m_document->project().findStep(m_current)) {
        for (const StepField &f : stepKind(s->op).fields) {
            if (f.kind == FieldKind::Binding && name.isEmpty())
                name = QString::fromLatin1(f.objectName ? f.objectName : f.key);
        }
    }
    auto *edit = name.isEmpty() ? nullptr : m_content->findChild<QLineEdit *>(name);
    if (!edit || !edit->isVisibleTo(m_content))
        return focusFirstField();
    edit->setFocus(Qt::ShortcutFocusReason);
    edit->selectAll();
    return true;
}

void InspectorWidget::keyPressEvent(QKeyEvent *event)
{
    // Fields leave Escape alone; it comes here from any of them.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        event->accept();
        emit leaveRequested();
        return;
    }
    QScrollArea::keyPressEvent(event);
}

void InspectorWidget::setCurrentItem(ItemId id)
{
    if (id == m_current && m_content)
        return;
    m_current = id;
    rebuild();
}

void InspectorWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        scheduleRebuild();
    QScrollArea::changeEvent(event);
}

void InspectorWidget::onDocumentChanged()
{
    if (m_pushing) {
        refreshPassive();
        return;
    }
    // The selected item may be gone (undo of its creation): show the project instead.
    const Project &p = m_document->project();
    if (m_current != kNoId && !findCoroutine(p, m_current) && !p.findStep(m_current))
        m_current = kNoId;
    rebuild();
}

void InspectorWidget::scheduleRebuild()
{
    // Deferred: the widget whose signal asked for it must not be deleted inside its own signal.
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildPending)
            rebuild();
    });
}

void InspectorWidget::refreshPassive()
{
    const Project &p = m_document->project();
    if (m_code) {
        if (const Step *s = p.findStep(m_current))
            m_code->setText(plainText(stepCode(*s)).toHtmlEscaped());
        else if (const Coroutine *c = findCoroutine(p, m_current))
            m_code->setText(
                QStringLiteral("async def %1(%2):").arg(c->name, c->params.join(QStringLiteral(", "))).toHtmlEscaped());
    }
    if (m_problems) {
        QStringList lines;
        for (const Problem &problem : m_document->problems()) {
            const bool mine = m_current == kNoId
                ? (problem.coroutineId == kNoId)
                : (problem.stepId == m_current || (problem.stepId == kNoId && problem.coroutineId == m_current));
            if (mine)
                lines << QStringLiteral("<p style='margin:0 0 4px 0'>&#9888; %1</p>")
                             .arg(ProblemText::message(problem).toHtmlEscaped());
        }
        m_problems->setText(lines.join(QString()));
        m_problems->setVisible(!lines.isEmpty());
    }
}

void InspectorWidget::rebuild()
{
    m_rebuildPending = false;
    ++m_session;

    // Keep the focus where it was across the rebuild (undo while a field has focus).
    QString focusName;
    int cursor = -1;
    if (QWidget *f = focusWidget(); f && m_content && m_content->isAncestorOf(f)) {
        focusName = f->objectName();
        if (focusName.isEmpty() && f->parentWidget())
            focusName = f->parentWidget()->objectName();
        if (auto *edit = qobject_cast<QLineEdit *>(f))
            cursor = edit->cursorPosition();
    }

    // The old form goes away below; its fields must not report edits while they are destroyed.
    if (QWidget *old = widget()) {
        for (QObject *child : old->findChildren<QObject *>())
            child->blockSignals(true);
    }
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("inspectorContent"));
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(12, 12, 12, 12);
    m_layout->setSpacing(10);
    m_form = nullptr;
    m_code = nullptr;
    m_problems = nullptr;

    const Project &p = m_document->project();
    StepPlace place;
    if (const Step *s = p.findStep(m_current); s && locateStep(p, m_current, &place))
        buildStep(*s, place);
    else if (const Coroutine *c = findCoroutine(p, m_current))
        buildCoroutine(*c);
    else
        buildProject();

    m_problems = new QLabel(m_content);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText, Theme::canvas().error);
    m_problems->setPalette(pal);
    m_layout->addWidget(m_problems);
    m_layout->addStretch(1);
    refreshPassive();

    setWidget(m_content);  // deletes the previous content

    if (!focusName.isEmpty()) {
        if (auto *w = m_content->findChild<QWidget *>(focusName)) {
            QWidget *target = w;
            if (auto *combo = qobject_cast<QComboBox *>(w); combo && combo->isEditable())
                target = combo->lineEdit();
            target->setFocus();
            if (auto *edit = qobject_cast<QLineEdit *>(target); edit && cursor >= 0)
                edit->setCursorPosition(std::min(cursor, int(edit->text().size())));
        }
    }
}

// --- Building blocks ------------------------------------------------------------------------

void InspectorWidget::buildHeader(const QIcon &icon, const QString &title, const QString &subtitle)
{
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    auto *iconLabel = new QLabel(m_content);
    iconLabel->setPixmap(icon.pixmap(QSize(24, 24), devicePixelRatioF()));
    row->addWidget(iconLabel, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    auto *titleLabel = new QLabel(title, m_content);
    titleLabel->setObjectName(QStringLiteral("inspectorTitle"));
    QFont f = titleLabel->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() + 1.5);
    titleLabel->setFont(f);
    titles->addWidget(titleLabel);
    if (!subtitle.isEmpty()) {
        auto *sub = new QLabel(subtitle, m_content);
        sub->setWordWrap(true);
        QPalette pal = sub->palette();
        pal.setColor(QPalette::WindowText, Theme::canvas().mutedText);
        sub->setPalette(pal);
        titles->addWidget(sub);
    }
    row->addLayout(titles, 1);
    m_layout->addLayout(row);
}

QLabel *InspectorWidget::hint(const QString &text)
{
    auto *label = new QLabel(text, m_content);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, Theme::canvas().mutedText);
    label->setPalette(pal);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() - 0.5);
    label->setFont(f);
    return label;
}

void InspectorWidget::addRow(const QString &label, QWidget *field)
{
    if (!m_form) {
        m_form = new QFormLayout;
        m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
        m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_form->setVerticalSpacing(4);
        m_form->setContentsMargins(0, 4, 0, 0);
        m_layout->addLayout(m_form);
    }
    if (label.isEmpty()) {
        m_form->addRow(field);
        return;
    }
    auto *l = new QLabel(label, m_content);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    l->setBuddy(field);
    if (m_form->rowCount() > 0)
        l->setContentsMargins(0, 6, 0, 0);
    m_form->addRow(l, field);
}

QComboBox *InspectorWidget::variableBox(const QString &name, const QStringList &choices, const QString &current)
{
    auto *box = new QComboBox(m_content);
    box->setObjectName(name);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItems(choices);
    box->setEditText(current);
    box->lineEdit()->setPlaceholderText(tr("choose a variable"));
    return box;
}

QComboBox *InspectorWidget::coroutineBox(const QString &name, const QString &current, bool allowNone)
{
    auto *box = new QComboBox(m_content);
    box->setObjectName(name);
    const Project &p = m_document->project();
    if (allowNone || !p.findCoroutine(current))
        box->addItem(current.isEmpty() ? tr("(choose a coroutine)") : tr("%1 (missing)").arg(current), current);
    for (const Coroutine &c : p.coroutines)
        box->addItem(
            Theme::coroutineIcon(), QStringLiteral("%1(%2)").arg(c.name, c.params.join(QStringLiteral(", "))), c.name);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

OperandEdit *InspectorWidget::operandEdit(
    const QString &name, const QString &absentText, const std::optional<Operand> &value, const QStringList &variables)
{
    auto *edit = new OperandEdit(absentText, m_content);
    edit->setObjectName(name);
    edit->setVariables(variables);
    edit->setOperand(value);
    return edit;
}

void InspectorWidget::pushCommand(QUndoCommand *command, bool structural)
{
    m_pushing = true;
    m_document->undoStack()->push(command);
    m_pushing = false;
    if (structural)
        scheduleRebuild();
}

void InspectorWidget::editStep(
    const QString &text, const QString &field, bool typing, const std::function<void(Step &)> &change, bool structural)
{
    const Step *current = m_document->project().findStep(m_current);
    if (!current)
        return;
    Step s = *current;
    change(s);
    if (s == *current)
        return;
    pushCommand(new EditStepCommand(
                    m_document, s, text, typing ? QStringLiteral("%1/%2").arg(field).arg(m_session) : QString()),
        structural);
}

// --- Project --------------------------------------------------------------------------------

void InspectorWidget::buildProject()
{
    const Project &p = m_document->project();
    buildHeader(Theme::icon(QStringLiteral("tusk"), Theme::accent()), tr("Project"),
        tr("Select a coroutine or a step on the canvas to edit it."));

    auto *title = new QLineEdit(p.title, m_content);
    title->setObjectName(QStringLiteral("title"));
    title->setPlaceholderText(tr("Untitled"));
    connect(title, &QLineEdit::textEdited, this,
        [this](const QString &text) { pushCommand(new SetTitleCommand(m_document, text), false); });
    addRow(tr("Title"), title);

    auto *entry = coroutineBox(QStringLiteral("entry"), p.entry, false);
    connect(entry, &QComboBox::activated, this, [this, entry] {
        const QString name = entry->currentData().toString();
        if (name != m_document->project().entry)
            pushCommand(new SetEntryCommand(m_document, name), true);
    });
    addRow(tr("Entry coroutine"), entry);
    m_form->addRow(hint(tr("asyncio.run() starts the program with this coroutine.")));

    // The bundled examples explain themselves in both languages.
    for (const auto &[key, value] : p.extraKeys) {
        if (key != QLatin1String("description") || !value.isObject())
            continue;
        const bool russian = QLocale().language() == QLocale::Russian;
        const JsonValue *text = value.find(russian ? QStringLiteral("ru") : QStringLiteral("en"));
        if (!text)
            text = value.find(QStringLiteral("en"));
        if (text && text->isString()) {
            auto *description = new QLabel(text->toString(), m_content);
            description->setObjectName(QStringLiteral("description"));
            description->setWordWrap(true);
            description->setTextInteractionFlags(Qt::TextSelectableByMouse);
            addRow(tr("About this program"), description);
        }
    }

    int steps = 0;
    for (const Coroutine &c : p.coroutines)
        forEachStep(c.body, [&steps](const Step &) { ++steps; });
    m_form->addRow(hint(tr("Coroutines: %1 · steps: %2").arg(p.coroutines.size()).arg(steps)));
}

// --- Coroutine ------------------------------------------------------------------------------

void InspectorWidget::buildCoroutine(const Coroutine &c)
{
    const Project &p = m_document->project();
    const bool isEntry = p.entry == c.name;
    buildHeader(Theme::coroutineIcon(), tr("Coroutine"),
        isEntry ? tr("The entry coroutine: asyncio.run(%1()) starts it.").arg(c.name) : QString());

    addCodeBox();

    const ItemId id = c.id;
    auto *name = new QLineEdit(c.name, m_content);
    name->setObjectName(QStringLiteral("name"));
    auto *nameProblem = hint(QString());
    nameProblem->setObjectName(QStringLiteral("nameProblem"));
    QPalette pal = nameProblem->palette();
    pal.setColor(QPalette::WindowText, Theme::canvas().error);
    nameProblem->setPalette(pal);
    nameProblem->hide();
    // Checked while typing, committed (with every call renamed) when the field is left.
    connect(name, &QLineEdit::textEdited, this, [this, id, nameProblem](const QString &text) {
        const Project &p = m_document->project();
        QString why;
        if (!isValidName(text.trimmed()))
            why = tr("Not a valid Python name: use letters, digits and _, not starting with a digit.");
        else if (const Coroutine *other = p.findCoroutine(text.trimmed()); other && other->id != id)
            why = tr("Another coroutine is already named %1.").arg(text.trimmed());
        nameProblem->setText(why);
        nameProblem->setVisible(!why.isEmpty());
    });
    connect(name, &QLineEdit::editingFinished, this, [this, id, name] {
        const Coroutine *c = findCoroutine(m_document->project(), id);
        const QString text = name->text().trimmed();
        if (c && !text.isEmpty() && text != c->name)
            pushCommand(new RenameCoroutineCommand(m_document, id, text), true);
    });
    addRow(tr("Name"), name);
    m_form->addRow(nameProblem);

    auto *params = new QLineEdit(c.params.join(QStringLiteral(", ")), m_content);
    params->setObjectName(QStringLiteral("params"));
    params->setPlaceholderText(tr("no parameters"));
    connect(params, &QLineEdit::editingFinished, this, [this, id, params] {
        const Coroutine *c = findCoroutine(m_document->project(), id);
        const QStringList names = splitNames(params->text());
        if (c && names != c->params)
            pushCommand(new SetParamsCommand(m_document, id, names), true);
    });
    addRow(tr("Parameters"), params);
    m_form->addRow(hint(tr("Separate names with commas, e.g. label, seconds.")));

    // What it does, for readers: the docstring of its Python. Committed when the field is left.
    auto *doc = new CommitOnLeaveEdit(c.doc, m_content);
    doc->setObjectName(QStringLiteral("doc"));
    doc->setPlaceholderText(tr("what this coroutine does (optional)"));
    doc->setTabChangesFocus(true);
    doc->setFixedHeight(doc->fontMetrics().lineSpacing() * 4 + 2 * doc->frameWidth() + 8);
    auto commitDoc = [this, id, doc] {
        const Coroutine *c = findCoroutine(m_document->project(), id);
        // Unchanged text is left as it is (a docstring's clean form need not be a fixed point of
        // cleanDoc()); changed text is kept the way a docstring reads back.
        if (!c || doc->toPlainText() == c->doc)
            return;
        const QString text = cleanDoc(doc->toPlainText());
        if (text != c->doc)
            pushCommand(new SetDocCommand(m_document, id, text), true);
    };
    doc->onLeave = commitDoc;
    addRow(tr("Description"), doc);
    m_form->addRow(hint(tr("Written as the coroutine's docstring in the exported Python.")));

    if (!isEntry) {
        auto *makeEntry
            = new QPushButton(Theme::icon(QStringLiteral("run")), tr("Make it the entry coroutine"), m_content);
        makeEntry->setObjectName(QStringLiteral("makeEntry"));
        connect(makeEntry, &QPushButton::clicked, this, [this, id] {
            if (const Coroutine *c = findCoroutine(m_document->project(), id))
                pushCommand(new SetEntryCommand(m_document, c->name), true);
        });
        addRow(QString(), makeEntry);
    }

    // Who calls it: the arrows that end at this node, in words.
    QStringList callers;
    for (const Coroutine &other : p.coroutines) {
        forEachStep(other.body, [&](const Step &s) {
            bool calls = s.call && s.call->coroutine == c.name && stepKind(s.op).hasField(FieldKind::Call);
            for (const GatherItem &item : s.items)
                calls = calls || (item.isCall && item.call.coroutine == c.name);
            if (calls)
                callers << QStringLiteral("%1 (%2)").arg(other.name, stepOpName(s.op));
        });
    }
    if (!callers.isEmpty()) {
        auto *label = new QLabel(callers.join(QStringLiteral(", ")), m_content);
        label->setWordWrap(true);
        addRow(tr("Called from"), label);
    }
}

// --- Steps ----------------------------------------------------------------------------------

void InspectorWidget::buildCallEditor(
    const QString &prefix, const Call &call, const QStringList &variables, const std::function<Call &(Step &)> &access)
{
    const Project &p = m_document->project();
    auto *target = coroutineBox(prefix + QStringLiteral("target"), call.coroutine, call.coroutine.isEmpty());
    connect(target, &QComboBox::activated, this, [this, target, access] {
        const QString name = target->currentData().toString();
        editStep(
            tr("Call %1").arg(name), QStringLiteral("target"), false,
            [&](Step &s) {
                Call &c = access(s);
                c.coroutine = name;
                fitArguments(c, m_document->project());
            },
            true);
    });
    addRow(tr("Coroutine"), target);

    const Coroutine *callee = p.findCoroutine(call.coroutine);
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        const QString label = callee && qsizetype(i) < callee->params.size() ? callee->params[qsizetype(i)]
                                                                             : tr("Argument %1").arg(i + 1);
        auto *arg = operandEdit(QStringLiteral("%1arg%2").arg(prefix).arg(i), QString(), call.args[i], variables);
        connect(arg, &OperandEdit::edited, this, [this, i, access](const std::optional<Operand> &o, bool typing) {
            editStep(tr("Change argument"), QStringLiteral("arg%1").arg(i), typing, [&](Step &s) {
                Call &c = access(s);
                if (o && i < c.args.size())
                    c.args[i] = *o;
            });
        });
        addRow(label, arg);
    }
    if (callee && callee->params.size() != qsizetype(call.args.size())) {
        auto *fit = new QPushButton(tr("Match the parameters of %1").arg(callee->name), m_content);
        fit->setObjectName(prefix + QStringLiteral("fitArguments"));
        connect(fit, &QPushButton::clicked, this, [this, access] {
            editStep(
                tr("Match arguments"), QString(), false,
                [&](Step &s) { fitArguments(access(s), m_document->project()); }, true);
        });
        addRow(QString(), fit);
    }
}

void InspectorWidget::buildStep(const Step &step, const StepPlace &place)
{
    const Project &p = m_document->project();
    buildHeader(Theme::stepIcon(step.op), StepInfo::title(step.op), StepInfo::explanation(step.op));

    addCodeBox();

    const QStringList variables = variablesInScope(p, place.list, place.index);
    QStringList tasks = taskVariablesInScope(p, place.list, place.index);
    for (const QString &v : variables) {
        if (!tasks.contains(v))
            tasks << v;  // a parameter or result can hold a task too
    }

    // A value field (`seconds`, `times`, ...): one undoable edit, merged while typing.
    auto operandField = [&](const QString &label, const QString &key, const QString &placeholder,
                            std::optional<Operand> Step::*field, const QString &undoText) {
        auto *edit = operandEdit(key, placeholder, step.*field, variables);
        connect(edit, &OperandEdit::edited, this,
            [this, key, field, undoText](const std::optional<Operand> &o, bool typing) {
                editStep(undoText, key, typing, [&](Step &s) { s.*field = o; });
            });
        addRow(label, edit);
    };

    // One row (or group of rows) per field of the step's kind, in the description's order.
    const StepKind &kind = stepKind(step.op);
    auto text = [](const char *source) { return source ? tr(source) : QString(); };
    std::vector<const StepField *> forms;  // the OneOf fields: the step takes one of them
    const StepField *form = nullptr;
    for (const StepField &f : kind.fields) {
        if (f.presence != FieldPresence::OneOf)
            continue;
        forms.push_back(&f);
        if (!form || (!form->isPresent(step) && f.isPresent(step)))
            form = &f;
    }

    for (const StepField &f : kind.fields) {
        if (f.needs && !kind.field(f.needs)->isPresent(step))
            continue;  // this form of the step has no such field (a bare raise's message)
        if (f.presence == FieldPresence::OneOf) {
            if (&f == forms.front())
                buildFormChooser(kind, forms, form, tasks);
            if (&f != form)
                continue;
        }
        const QString key = QString::fromLatin1(f.objectName ? f.objectName : f.key);
        switch (f.kind) {
        case FieldKind::Template:
            buildTemplateField(f, step, place, variables);
            break;
        case FieldKind::Value:
            operandField(text(f.label), key, text(f.placeholder), f.value, text(f.undoText));
            break;
        case FieldKind::Call:
            buildCallEditor(QString(), step.call.value_or(Call {}), variables, [](Step &s) -> Call & {
                if (!s.call)
                    s.call = Call {};
                return *s.call;
            });
            break;
        case FieldKind::Task: {
            auto *task = variableBox(key, tasks, step.*f.name);
            const QString undo = text(f.undoText);
            auto commit = [this, task, undo, member = f.name, key] {
                const QString name = task->currentText().trimmed();
                editStep(undo, key, false, [&](Step &s) { s.*member = name; });
            };
            connect(task, &QComboBox::activated, this, commit);
            connect(task->lineEdit(), &QLineEdit::editingFinished, this, commit);
            addRow(text(f.label), task);
            break;
        }
        case FieldKind::Binding: {
            auto *name = new QLineEdit(step.*f.name, m_content);
            name->setObjectName(key);
            name->setPlaceholderText(text(f.placeholder));
            const QString undo = text(f.undoText);
            connect(name, &QLineEdit::editingFinished, this, [this, name, undo, member = f.name, key] {
                editStep(undo, key, false, [&](Step &s) { s.*member = name->text().trimmed(); });
            });
            addRow(text(f.label), name);
            break;
        }
        case FieldKind::ExceptionType:
            buildExceptionTypeField(kind, f, step);
            break;
        case FieldKind::GatherItems:
            buildGatherItems(f, step, variables, tasks);
            break;
        case FieldKind::Flag: {
            auto *flag = new QCheckBox(QStringLiteral("%1=True").arg(QLatin1String(f.key)), m_content);
            flag->setObjectName(key);
            flag->setChecked(step.returnExceptions);
            const QString undo = text(f.undoText);
            connect(flag, &QCheckBox::toggled, this,
                [this, undo](bool on) { editStep(undo, QString(), false, [&](Step &s) { s.returnExceptions = on; }); });
            addRow(text(f.label), flag);
            break;
        }
        case FieldKind::Body:
            break;  // steps are dropped into it on the canvas
        case FieldKind::ExceptClauses:
            buildExceptClauses(step);
            break;
        case FieldKind::Target: {
            auto *target = new QLineEdit(step.*f.name, m_content);
            target->setObjectName(key);
            const QString undo = text(f.undoText);
            connect(target, &QLineEdit::editingFinished, this, [this, target, undo, member = f.name, key] {
                editStep(undo, key, false, [&](Step &s) { s.*member = target->text().trimmed(); });
            });
            addRow(text(f.label), target);
            break;
        }
        case FieldKind::AssignOp: {
            auto *op = new QComboBox(m_content);
            op->setObjectName(key);
            op->addItem(QStringLiteral("="), QString());
            for (const char *o : assignOperators())
                op->addItem(QLatin1String(o) + QLatin1Char('='), QLatin1String(o));
            op->setCurrentIndex(std::max(0, op->findData(step.*f.name)));
            const QString undo = text(f.undoText);
            connect(op, &QComboBox::activated, this, [this, op, undo, member = f.name](int index) {
                const QString chosen = op->itemData(index).toString();
                editStep(undo, QString(), false, [&](Step &s) { s.*member = chosen; });
            });
            addRow(text(f.label), op);
            break;
        }
        case FieldKind::Else: {
            auto *orElse = new QCheckBox(tr("else block"), m_content);
            orElse->setObjectName(QStringLiteral("else"));
            orElse->setChecked(step.hasElse);
            connect(orElse, &QCheckBox::toggled, this, [this](bool on) {
                editStep(on ? tr("Add else") : tr("Remove else"), QString(), false, [&](Step &s) {
                    s.hasElse = on;
                    if (!on)
                        s.elseBody.clear();
                });
            });
            addRow(text(f.label), orElse);
            break;
        }
        case FieldKind::Finally: {
            auto *fin = new QCheckBox(tr("finally block"), m_content);
            fin->setObjectName(QStringLiteral("finally"));
            fin->setChecked(step.hasFinally);
            connect(fin, &QCheckBox::toggled, this, [this](bool on) {
                editStep(on ? tr("Add finally") : tr("Remove finally"), QString(), false, [&](Step &s) {
                    s.hasFinally = on;
                    if (!on)
                        s.finallyBody.clear();
                });
            });
            addRow(QString(), fin);
            break;
        }
        }
        if (f.hint)
            m_form->addRow(hint(tr(f.hint)));
    }
}

void InspectorWidget::buildFormChooser(const StepKind &kind, const std::vector<const StepField *> &forms,
    const StepField *current, const QStringList &tasks)
{
    auto *chooser = new QComboBox(m_content);
    chooser->setObjectName(QStringLiteral("%1Form").arg(QLatin1String(kind.name)));
    for (const StepField *f : forms)
        chooser->addItem(tr(f->choice), QLatin1String(f->key));
    chooser->setCurrentIndex(chooser->findData(QLatin1String(current->key)));
    connect(chooser, &QComboBox::activated, this, [this, chooser, forms, tasks](int index) {
        const QString chosen = chooser->itemData(index).toString();
        editStep(
            tr("Change what to await"), QString(), false,
            [&](Step &s) {
                for (const StepField *f : forms) {
                    const bool isChosen = chosen == QLatin1String(f->key);
                    if (isChosen == f->isPresent(s))
                        continue;
                    if (f->kind == FieldKind::Call)
                        s.call = isChosen ? std::optional<Call>(Call {}) : std::nullopt;
                    else if (f->kind == FieldKind::Task)
                        s.*f->name = isChosen ? tasks.value(0) : QString();
                }
            },
            true);
    });
    addRow(tr(forms.front()->choiceLabel), chooser);
}

void InspectorWidget::buildTemplateField(
    const StepField &f, const Step &step, const StepPlace &place, const QStringList &variables)
{
    const Project &p = m_document->project();
    const QString undo = tr(f.undoText);
    auto *text = new QLineEdit(step.*f.name, m_content);
    text->setObjectName(QLatin1String(f.key));
    connect(text, &QLineEdit::textEdited, this, [this, undo, member = f.name](const QString &t) {
        editStep(undo, QStringLiteral("text"), true, [&](Step &s) { s.*member = t; });
    });
    auto *row = new QWidget(m_content);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(4);
    h->addWidget(text, 1);
    auto *insert = new QToolButton(row);
    insert->setObjectName(QStringLiteral("insertField"));
    insert->setText(QStringLiteral("{ }"));
    insert->setToolTip(tr("Insert a variable or the time"));
    insert->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(insert);
    auto addInsert = [this, menu, text, undo, member = f.name](const QString &label, const QString &field) {
        menu->addAction(label, this, [this, text, field, undo, member] {
            QString t = text->text();
            const int at = text->cursorPosition();
            t.insert(at, field);
            editStep(undo, QStringLiteral("text"), false, [&](Step &s) { s.*member = t; });
            text->setText(t);
            text->setCursorPosition(at + int(field.size()));
        });
    };
    addInsert(tr("Time since start: {now:.1f}"), QStringLiteral("{now:.1f}"));
    for (const QString &v : variables)
        addInsert(QStringLiteral("{%1}").arg(v), QStringLiteral("{%1}").arg(v));
    for (const QString &t : taskVariablesInScope(p, place.list, place.index)) {
        addInsert(QStringLiteral("{%1.done()}").arg(t), QStringLiteral("{%1.done()}").arg(t));
        addInsert(QStringLiteral("{%1.cancelled()}").arg(t), QStringLiteral("{%1.cancelled()}").arg(t));
    }
    insert->setMenu(menu);
    h->addWidget(insert);
    addRow(tr(f.label), row);
}

void InspectorWidget::buildExceptionTypeField(const StepKind &kind, const StepField &f, const Step &step)
{
    auto *type = new QComboBox(m_content);
    type->setObjectName(QLatin1String(f.objectName ? f.objectName : f.key));
    if (f.presence != FieldPresence::Required)
        type->addItem(tr(f.placeholder), QString());
    for (const char *t : exceptionTypeNames())
        type->addItem(QLatin1String(t), QLatin1String(t));
    if (type->findData(step.*f.name) < 0)
        type->addItem(step.*f.name, step.*f.name);
    type->setCurrentIndex(type->findData(step.*f.name));
    const QString undo = tr(f.undoText);
    connect(type, &QComboBox::activated, this, [this, type, undo, &kind, &f] {
        const QString t = type->currentData().toString();
        editStep(
            undo, QString(), false,
            [&](Step &s) {
                s.*f.name = t;
                // Fields that exist only with this one go when it goes.
                for (const StepField &other : kind.fields) {
                    if (t.isEmpty() && other.needs && qstrcmp(other.needs, f.key) == 0 && other.value)
                        (s.*other.value).reset();
                }
            },
            true);
    });
    addRow(tr(f.label), type);
}

void InspectorWidget::buildGatherItems(
    const StepField &f, const Step &step, const QStringList &variables, const QStringList &tasks)
{
    const Project &p = m_document->project();
    for (std::size_t i = 0; i < step.items.size(); ++i) {
        const GatherItem &item = step.items[i];
        auto *row = new QWidget(m_content);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->setSpacing(4);
        QWidget *picker;
        if (item.isCall) {
            auto *box = coroutineBox(QStringLiteral("item%1.target").arg(i), item.call.coroutine, false);
            connect(box, &QComboBox::activated, this, [this, i, box] {
                const QString name = box->currentData().toString();
                editStep(
                    tr("Call %1").arg(name), QString(), false,
                    [&](Step &s) {
                        if (i < s.items.size()) {
                            s.items[i].call.coroutine = name;
                            fitArguments(s.items[i].call, m_document->project());
                        }
                    },
                    true);
            });
            picker = box;
        } else {
            // A task variable, or any expression that gives a task; `*tasks` spreads a list.
            const QString shown
                = item.isExpr() ? (item.starred ? QStringLiteral("*") : QString()) + item.expr : item.task;
            auto *box = variableBox(QStringLiteral("item%1.task").arg(i), tasks, shown);
            box->setToolTip(tr("A task variable, an expression that gives a task (tasks[0]), or *tasks for "
                               "every task in a list"));
            auto commit = [this, i, box] {
                const QString text = box->currentText().trimmed();
                editStep(tr("Change task"), QString(), false, [&](Step &s) {
                    if (i >= s.items.size())
                        return;
                    GatherItem &it = s.items[i];
                    it.starred = text.startsWith(u'*');
                    const QString body = it.starred ? text.mid(1).trimmed() : text;
                    const bool plainName = !it.starred && isValidName(body);
                    it.task = plainName ? body : QString();
                    it.expr = plainName ? QString() : body;
                    if (plainName)
                        it.starred = false;
                });
            };
            connect(box, &QComboBox::activated, this, commit);
            connect(box->lineEdit(), &QLineEdit::editingFinished, this, commit);
            picker = box;
        }
        h->addWidget(picker, 1);
        h->addWidget(removeButton(row, QStringLiteral("item%1.remove").arg(i), tr("Remove from the gather"),
            tr("Remove from gather"), [i](Step &s) {
                if (i < s.items.size())
                    s.items.erase(s.items.begin() + std::ptrdiff_t(i));
            }));
        addRow(item.isCall ? tr("Call %1").arg(i + 1) : tr("Task %1").arg(i + 1), row);
        if (item.isCall) {
            const Coroutine *callee = p.findCoroutine(item.call.coroutine);
            for (std::size_t a = 0; a < item.call.args.size(); ++a) {
                const QString label = callee && qsizetype(a) < callee->params.size() ? callee->params[qsizetype(a)]
                                                                                     : tr("Argument %1").arg(a + 1);
                auto *arg = operandEdit(
                    QStringLiteral("item%1.arg%2").arg(i).arg(a), QString(), item.call.args[a], variables);
                connect(arg, &OperandEdit::edited, this, [this, i, a](const std::optional<Operand> &o, bool typing) {
                    editStep(tr("Change argument"), QStringLiteral("item%1.arg%2").arg(i).arg(a), typing, [&](Step &s) {
                        if (o && i < s.items.size() && a < s.items[i].call.args.size())
                            s.items[i].call.args[a] = *o;
                    });
                });
                addRow(QStringLiteral("    %1").arg(label), arg);
            }
        }
    }
    auto *buttons = new QWidget(m_content);
    auto *h = new QHBoxLayout(buttons);
    h->setContentsMargins(0, 0, 0, 0);
    auto *addTask = new QPushButton(tr("Add a task"), buttons);
    addTask->setObjectName(QStringLiteral("addTask"));
    connect(addTask, &QPushButton::clicked, this, [this, tasks] {
        editStep(
            tr("Add to gather"), QString(), false,
            [&](Step &s) { s.items.push_back(GatherItem::ofTask(tasks.value(0))); }, true);
    });
    auto *addCall = new QPushButton(tr("Add a call"), buttons);
    addCall->setObjectName(QStringLiteral("addCall"));
    connect(addCall, &QPushButton::clicked, this, [this] {
        editStep(
            tr("Add to gather"), QString(), false, [&](Step &s) { s.items.push_back(GatherItem::ofCall(Call())); },
            true);
    });
    h->addWidget(addTask);
    h->addWidget(addCall);
    h->addStretch(1);
    addRow(step.items.empty() ? tr(f.label) : QString(), buttons);
}

void InspectorWidget::addCodeBox()
{
    m_code = new QLabel(m_content);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setFont(codeFont());
    m_code->setWordWrap(true);
    m_code->setStyleSheet(codeStyle());
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(m_code);
}

QToolButton *InspectorWidget::removeButton(QWidget *row, const QString &objectName, const QString &toolTip,
    const QString &undoText, const std::function<void(Step &)> &remove)
{
    auto *button = new QToolButton(row);
    button->setObjectName(objectName);
    button->setIcon(Theme::icon(QStringLiteral("delete")));
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, [this, undoText, remove] {
        editStep(
            undoText, QString(), false, [&](Step &s) { remove(s); }, true);
    });
    return button;
}

void InspectorWidget::buildExceptClauses(const Step &step)
{
    for (std::size_t i = 0; i < step.handlers.size(); ++i) {
        const ExceptClause &h = step.handlers[i];
        auto *row = new QWidget(m_content);
        auto *l = new QHBoxLayout(row);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(4);
        auto *type = new QComboBox(row);
        type->setObjectName(QStringLiteral("except%1.type").arg(i));
        for (const char *t : exceptionTypeNames())
            type->addItem(QLatin1String(t), QLatin1String(t));
        if (type->findData(h.type) < 0)
            type->addItem(h.type, h.type);
        type->setCurrentIndex(type->findData(h.type));
        connect(type, &QComboBox::activated, this, [this, i, type] {
            const QString t = type->currentData().toString();
            editStep(tr("Change except clause"), QString(), false, [&](Step &s) {
                if (i < s.handlers.size())
                    s.handlers[i].type = t;
            });
        });
        l->addWidget(type, 1);
        l->addWidget(new QLabel(QStringLiteral("as"), row));
        auto *as = new QLineEdit(h.as, row);
        as->setObjectName(QStringLiteral("except%1.as").arg(i));
        as->setPlaceholderText(tr("name"));
        as->setMaximumWidth(90);
        connect(as, &QLineEdit::editingFinished, this, [this, i, as] {
            editStep(tr("Change except clause"), QString(), false, [&](Step &s) {
                if (i < s.handlers.size())
                    s.handlers[i].as = as->text().trimmed();
            });
        });
        l->addWidget(as);
        l->addWidget(removeButton(row, QStringLiteral("except%1.remove").arg(i),
            tr("Remove this except clause and its steps"), tr("Remove except clause"), [i](Step &s) {
                if (i < s.handlers.size())
                    s.handlers.erase(s.handlers.begin() + std::ptrdiff_t(i));
            }));
        addRow(QStringLiteral("except"), row);
    }
    auto *add = new QPushButton(tr("Add an except clause"), m_content);
    add->setObjectName(QStringLiteral("addExcept"));
    connect(add, &QPushButton::clicked, this, [this] {
        editStep(
            tr("Add except clause"), QString(), false,
            [&](Step &s) {
                s.handlers.push_back(ExceptClause {QStringLiteral("Exception"), QString(), {}});
            },
            true);
    });
    addRow(QString(), add);
}

}  // namespace tusk
