// A step's line of Python, rendered from its kind's pattern (stepkinds.cpp): the canvas rows,
// the inspector and the exporter all read steps through here, so a diagram always reads as the
// program it exports.
#include "pythonform.h"

#include "pyformat.h"
#include "stepkinds.h"

namespace tusk {

namespace {

using Role = CodeSpan::Role;

bool isPythonKeyword(QStringView word)
{
    static const char *const keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    for (const char *k : keywords) {
        if (word == QLatin1String(k))
            return true;
    }
    return false;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

class LineBuilder {
public:
    LineBuilder(const Step &step, PythonSpelling &spelling)
        : m_step(step)
        , m_spelling(spelling)
    {
    }

    CodeLine line;

    void add(const QString &text, Role role = Role::Plain)
    {
        if (text.isEmpty())
            return;
        // Spaces take the role of what they follow: a span is a word and its spacing.
        if (role == Role::Plain && !line.empty() && text.trimmed().isEmpty() && isText(line.back().role)) {
            line.back().text += text;
            return;
        }
        if (!line.empty() && line.back().role == role && isText(role))
            line.back().text += text;
        else
            line.push_back({text, role});
    }

    void marker(Role role) { line.push_back({QString(), role}); }

    /// A separator between arguments. The pattern's own (`[, return_exceptions=...]`) is dropped
    /// while the list has no argument yet; one between two items stays even when an item is
    /// empty (a gather item whose task is not chosen yet reads `gather(, t)`).
    void argumentBreak(bool betweenItems = false)
    {
        if (!betweenItems && m_argsDepth > 0 && m_arguments == 0)
            return;
        if (m_argsDepth > 0)
            line.push_back({QStringLiteral(", "), Role::Break});
        else
            add(QStringLiteral(", "));
    }

    void operand(const Operand &o)
    {
        if (o.isExpr()) {
            add(m_spelling.expression(o.expr));
            return;
        }
        if (o.isVar) {
            add(o.var);
            return;
        }
        const Role role = o.literal.isString()           ? Role::String
            : (o.literal.isInt() || o.literal.isFloat()) ? Role::Number
                                                         : Role::Keyword;
        add(m_spelling.literal(o.literal), role);
    }

    void call(const Call &c)
    {
        add(c.coroutine.isEmpty() ? m_spelling.missingName() : c.coroutine, Role::Call);
        add(QStringLiteral("("));
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            if (i > 0)
                add(QStringLiteral(", "));
            operand(c.args[i]);
        }
        add(QStringLiteral(")"));
    }

    void field(const StepField &f)
    {
        const Step &s = m_step;
        switch (f.kind) {
        case FieldKind::Template:
            add(m_spelling.templateArgument(s.*f.name), Role::String);
            break;
        case FieldKind::Value:
            if (s.*f.value)
                operand(*(s.*f.value));
            else
                add(m_spelling.literal(Value::none()), Role::Keyword);
            break;
        case FieldKind::Call:
            if (s.call)
                call(*s.call);
            else if (const QString none = m_spelling.missingCall(); !none.isEmpty())
                add(none, Role::Keyword);
            else
                call(Call {});
            break;
        case FieldKind::Task:
            add((s.*f.name).isEmpty() ? m_spelling.missingName() : s.*f.name);
            break;
        case FieldKind::Binding:
            add((s.*f.name).isEmpty() ? m_spelling.loopPlaceholder() : s.*f.name);
            break;
        case FieldKind::ExceptionType:
            add(exceptionClass(s.*f.name, m_spelling), Role::Call);
            break;
        case FieldKind::GatherItems:
            for (std::size_t i = 0; i < s.items.size(); ++i) {
                ++m_arguments;
                if (i > 0)
                    argumentBreak(true);
                if (s.items[i].isCall)
                    call(s.items[i].call);
                else if (s.items[i].isExpr())
                    add((s.items[i].starred ? QStringLiteral("*") : QString())
                        + m_spelling.expression(s.items[i].expr));
                else
                    add(s.items[i].task);
            }
            break;
        case FieldKind::Flag:
            add(QStringLiteral("True"), Role::Keyword);
            break;
        case FieldKind::Target:
            add((s.*f.name).isEmpty() ? m_spelling.missingName() : m_spelling.expression(s.*f.name));
            break;
        case FieldKind::AssignOp:
            add(s.*f.name);
            break;
        case FieldKind::Body:
        case FieldKind::ExceptClauses:
        case FieldKind::Finally:
        case FieldKind::Else:
            break;  // blocks, not part of the line
        }
    }

    /// Literal pattern text: keywords, called names and the rest.
    void literal(QStringView text)
    {
        qsizetype i = 0;
        while (i < text.size()) {
            if (text.mid(i).startsWith(u", ")) {
                argumentBreak();
                i += 2;
                continue;
            }
            if (!isWordChar(text[i])) {
                add(text[i]);
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < text.size() && isWordChar(text[end]))
                ++end;
            const QString word = text.mid(i, end - i).toString();
            const bool called = end < text.size() && text[end] == u'(' && (i == 0 || text[i - 1] != u'.');
            if (isPythonKeyword(word))
                add(word, Role::Keyword);
            else if (called)
                add(m_spelling.builtin(word), Role::Call);
            else
                add(word);
            i = end;
        }
    }

    /// Renders `pattern` (the whole or a `[...]` / `<...>` part of it).
    void render(QStringView pattern)
    {
        const StepKind &kind = stepKind(m_step.op);
        qsizetype i = 0;
        while (i < pattern.size()) {
            const QChar c = pattern[i];
            if (c == u'{') {
                const qsizetype close = pattern.indexOf(u'}', i);
                const QList<QStringView> keys = pattern.mid(i + 1, close - i - 1).split(u'|');
                const StepField *chosen = nullptr;
                for (QStringView key : keys) {
                    const StepField *f = kind.field(key.toLatin1().constData());
                    if (!chosen || (!chosen->isPresent(m_step) && f->isPresent(m_step)))
                        chosen = f;
                }
                field(*chosen);
                i = close + 1;
            } else if (c == u'[' || c == u'<') {
                const qsizetype close = matching(pattern, i);
                const QStringView inner = pattern.mid(i + 1, close - i - 1);
                if (c == u'<') {
                    marker(Role::ArgsOpen);
                    ++m_argsDepth;
                    m_arguments = 0;
                    render(inner);
                    --m_argsDepth;
                    marker(Role::ArgsClose);
                } else if (groupPresent(inner)) {
                    render(inner);
                }
                i = close + 1;
            } else {
                qsizetype end = i;
                while (end < pattern.size() && pattern[end] != u'{' && pattern[end] != u'[' && pattern[end] != u'<')
                    ++end;
                literal(pattern.mid(i, end - i));
                i = end;
            }
        }
    }

private:
    static bool isText(Role role) { return role != Role::Break && role != Role::ArgsOpen && role != Role::ArgsClose; }

    static qsizetype matching(QStringView pattern, qsizetype open)
    {
        const QChar o = pattern[open];
        const QChar c = o == u'[' ? u']' : u'>';
        int depth = 0;
        for (qsizetype i = open; i < pattern.size(); ++i) {
            if (pattern[i] == o)
                ++depth;
            else if (pattern[i] == c && --depth == 0)
                return i;
        }
        return pattern.size() - 1;
    }

    /// Whether every field named directly inside a `[...]` group (not in nested groups) is present.
    bool groupPresent(QStringView inner) const
    {
        const StepKind &kind = stepKind(m_step.op);
        int depth = 0;
        for (qsizetype i = 0; i < inner.size(); ++i) {
            if (inner[i] == u'[')
                ++depth;
            else if (inner[i] == u']')
                --depth;
            else if (inner[i] == u'{' && depth == 0) {
                const qsizetype close = inner.indexOf(u'}', i);
                bool any = false;
                for (QStringView key : inner.mid(i + 1, close - i - 1).split(u'|'))
                    any = any || kind.field(key.toLatin1().constData())->isPresent(m_step);
                if (!any)
                    return false;
                i = close;
            }
        }
        return true;
    }

    const Step &m_step;
    PythonSpelling &m_spelling;
    int m_argsDepth = 0;
    int m_arguments = 0;  ///< arguments written so far in the open `<...>` list
};

}  // namespace

QString PythonSpelling::templateArgument(const QString &text)
{
    // Written as the f-string it is only when it has replacement fields.
    return (text.contains(QLatin1Char('{')) ? QStringLiteral("f") : QString()) + pyStringRepr(text);
}

QString PythonSpelling::literal(const Value &value)
{
    return pyRepr(value);
}

QString plainText(const CodeLine &line)
{
    QString text;
    for (const CodeSpan &span : line)
        text += span.text;
    return text;
}

CodeLine pythonLine(const Step &step, PythonSpelling &spelling)
{
    LineBuilder b(step, spelling);
    b.render(QString::fromLatin1(stepKind(step.op).python));
    return std::move(b.line);
}

QString exceptionClass(const QString &type, PythonSpelling &spelling)
{
    if (type.isEmpty())
        return spelling.missingName();
    if (type == QLatin1String("CancelledError"))
        return QStringLiteral("asyncio.CancelledError");
    return spelling.builtin(type);
}

CodeLine exceptLine(const ExceptClause &clause, PythonSpelling &spelling)
{
    CodeLine line {{QStringLiteral("except "), Role::Keyword}, {exceptionClass(clause.type, spelling), Role::Call}};
    if (!clause.as.isEmpty()) {
        line.push_back({QStringLiteral(" as "), Role::Keyword});
        line.push_back({clause.as, Role::Plain});
    }
    line.push_back({QStringLiteral(":"), Role::Plain});
    return line;
}

QString operandCode(const Operand &operand, PythonSpelling &spelling)
{
    Step dummy;
    LineBuilder b(dummy, spelling);
    b.operand(operand);
    return plainText(b.line);
}

QString callCode(const Call &call, PythonSpelling &spelling)
{
    Step dummy;
    LineBuilder b(dummy, spelling);
    b.call(call);
    return plainText(b.line);
}

}  // namespace tusk
