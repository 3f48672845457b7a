#include "pythonexport.h"

#include "expression.h"
#include "pyformat.h"
#include "pythonform.h"
#include "stepkinds.h"
#include "template.h"

#include <QChar>
#include <QDir>
#include <QSaveFile>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace tusk {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
// Lines longer than this get their gather() arguments one per line, as black would.
constexpr int kMaxLineLength = 99;

void appendHexEscape(QString &out, char32_t c)
{
    char kind = 'x';
    int digits = 2;
    if (c > 0xffff) {
        kind = 'U';
        digits = 8;
    } else if (c > 0xff) {
        kind = 'u';
        digits = 4;
    }
    out.append(u'\\');
    out.append(QLatin1Char(kind));
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.append(QLatin1Char(kHexDigits[(c >> shift) & 0xf]));
}

// The body of a double-quoted literal (plain or f-string) that evaluates to `text`. Code points
// are read as Python reads a str: a well-formed UTF-16 pair is one character, a lone surrogate is
// a character of its own (and gets a `\u` escape, the only way to write it in source).
QString escapeLiteralBody(QStringView text, bool fstring, char16_t quote = u'"')
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        qsizetype units = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            units = 2;
        }
        switch (c) {
        case u'\\':
            out.append(QLatin1String("\\\\"));
            break;
        case u'"':
        case u'\'':
            if (c == quote)
                out.append(u'\\');
            out.append(QChar(char16_t(c)));
            break;
        case u'\n':
            out.append(QLatin1String("\\n"));
            break;
        case u'\r':
            out.append(QLatin1String("\\r"));
            break;
        case u'\t':
            out.append(QLatin1String("\\t"));
            break;
        case u'{':
        case u'}':
            // In an f-string a single brace would open or close a replacement field.
            out.append(QChar(char16_t(c)));
            if (fstring)
                out.append(QChar(char16_t(c)));
            break;
        default:
            if (pyIsPrintable(c))
                out.append(text.mid(i, units));
            else
                appendHexEscape(out, c);
        }
        i += units;
    }
    return out;
}

// A format spec that can be written inside an f-string's replacement field as it is. In 3.11
// the spec is read as literal text of the f-string: a quote would end the string and a
// backslash or control character would be decoded as an escape.
bool specFitsFString(const QString &spec, char16_t quote = u'"')
{
    for (const QChar c : spec) {
        if (c == quote || c == u'\\' || c.isSurrogate() || !pyIsPrintable(c.unicode()))
            return false;
    }
    return true;
}

// The text that reads well in a `"""` docstring as it is: printable, no quote, no backslash.
bool fitsDocstring(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n')
            continue;
        if (c == u'"' || c == u'\\')
            return false;
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            if (!pyIsPrintable(QChar::surrogateToUcs4(c, text[i + 1])))
                return false;
            ++i;
            continue;
        }
        if (c.isSurrogate() || !pyIsPrintable(c.unicode()))
            return false;
    }
    return true;
}

void collectNames(const std::vector<Step> &steps, QSet<QString> *names)
{
    for (const Step &s : steps) {
        if (!s.as.isEmpty())
            names->insert(s.as);
        if (!s.var.isEmpty())
            names->insert(s.var);
        Expression target;
        if (!s.target.isEmpty() && parseExpression(s.target, ExprMode::Target, &target, nullptr)) {
            for (const QString &n : targetNames(target))
                names->insert(n);
        }
        for (const ExceptClause &h : s.handlers) {
            if (!h.as.isEmpty())
                names->insert(h.as);
        }
        forEachNestedList(s, [&](const std::vector<Step> &list) { collectNames(list, names); });
    }
}

bool expressionReads(const QString &text, const QString &name)
{
    Expression e;
    if (!parseExpression(text, ExprMode::Value, &e, nullptr))
        return false;
    const std::vector<QString> names = expressionNamesRead(e);
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool expressionReadsNow(const QString &text)
{
    return expressionReads(text, QStringLiteral("now"));
}

/// Whether an expression of the steps reads `name` (`now` also as a v1 template field).
bool stepsRead(const std::vector<Step> &steps, const QString &name)
{
    const auto operandReads = [&](const Operand &o) { return o.isExpr() && expressionReads(o.expr, name); };
    const bool isNow = name == u"now";
    for (const Step &s : steps) {
        for (const StepField &f : stepKind(s.op).fields) {
            Template t;
            if (f.kind == FieldKind::Template && parseTemplate(s.*f.name, &t, nullptr, nullptr)) {
                for (const TemplatePart &p : t.parts) {
                    if ((isNow && p.kind == TemplatePart::Kind::Now)
                        || (p.kind == TemplatePart::Kind::Expression && expressionReads(p.expr, name)))
                        return true;
                }
            }
            if (f.kind == FieldKind::Value && (s.*f.value) && operandReads(*(s.*f.value)))
                return true;
        }
        const auto callReads = [&](const Call &c) { return std::any_of(c.args.begin(), c.args.end(), operandReads); };
        if (s.call && callReads(*s.call))
            return true;
        for (const GatherItem &item : s.items) {
            if ((item.isCall && callReads(item.call)) || (item.isExpr() && expressionReads(item.expr, name)))
                return true;
        }
        bool nested = false;
        forEachNestedList(s, [&](const std::vector<Step> &list) { nested = nested || stepsRead(list, name); });
        if (nested)
            return true;
    }
    return false;
}

bool callsCoroutine(const std::vector<Step> &steps, const QString &name)
{
    for (const Step &s : steps) {
        if (s.call && s.call->coroutine == name)
            return true;
        for (const GatherItem &item : s.items) {
            if (item.isCall && item.call.coroutine == name)
                return true;
        }
        bool nested = false;
        forEachNestedList(s, [&](const std::vector<Step> &list) { nested = nested || callsCoroutine(list, name); });
        if (nested)
            return true;
        for (const StepField &f : stepKind(s.op).fields) {
            if (f.kind != FieldKind::Value || !(s.*f.value) || !(s.*f.value)->isExpr())
                continue;
            Expression e;
            if (parseExpression((s.*f.value)->expr, ExprMode::Value, &e, nullptr)) {
                for (const ExprNode &n : e.nodes) {
                    if (n.kind == ExprNode::Kind::Call && e.node(n.kids[0]).kind == ExprNode::Kind::Name
                        && e.node(n.kids[0]).text == name)
                        return true;
                }
            }
        }
    }
    return false;
}

// The writer spells each step's line (stepkinds.cpp's pattern) as code CPython runs.
class PythonWriter : public PythonSpelling {
public:
    PythonWriter(const Project &project, const QString &sourceName)
        : m_project(project)
        , m_source(sourceName)
    {
        for (const Coroutine &c : project.coroutines) {
            m_userNames.insert(c.name);
            for (const QString &p : c.params)
                m_userNames.insert(p);
            collectNames(c.body, &m_userNames);
            m_usesNow = m_usesNow || stepsRead(c.body, QStringLiteral("now"));
            m_usesRandom = m_usesRandom || stepsRead(c.body, QStringLiteral("random"));
            m_entryIsCalled = m_entryIsCalled || callsCoroutine(c.body, project.entry);
        }
        // Helpers get names no project name can hide.
        m_now = freeName(QStringLiteral("_now"));
        m_t0 = freeName(QStringLiteral("_T0"));
        m_builtinsAlias = freeName(QStringLiteral("builtins"));
        m_loopPlaceholder = freeName(QStringLiteral("_"));
    }

    QString write(ExportLineMap *map)
    {
        std::vector<QStringList> bodies;
        std::vector<std::vector<ItemId>> bodyItems;
        for (const Coroutine &c : m_project.coroutines) {
            m_out.clear();
            m_outItems.clear();
            m_item = c.id;
            writeCoroutine(c);
            bodies.push_back(m_out);
            bodyItems.push_back(m_outItems);
        }

        QStringList out;
        out << docstring() << QString();
        out << QStringLiteral("import asyncio");
        if (m_usesRandom || m_project.randomSeed)
            out << QStringLiteral("import random");
        if (m_needsBuiltins) {
            // A project name hides a builtin the script needs: reach it through the module.
            out << (m_builtinsAlias == QLatin1String("builtins")
                    ? QStringLiteral("import builtins")
                    : QStringLiteral("import builtins as %1").arg(m_builtinsAlias));
        }
        if (m_usesNow) {
            out << QString();
            out << QStringLiteral("%1 = None  # loop time when %2() started").arg(m_t0, m_project.entry);
            out << QString() << QString();
            out << QStringLiteral("def %1():").arg(m_now);
            out << QStringLiteral("    \"\"\"Seconds since %1() started: Tusk's `now`.\"\"\"").arg(m_project.entry);
            out << QStringLiteral("    return asyncio.get_running_loop().time() - %1").arg(m_t0);
        }
        std::vector<ItemId> items(std::size_t(out.size()), kNoId);
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            out << QString() << QString();
            items.insert(items.end(), {kNoId, kNoId});
            out << bodies[i];
            items.insert(items.end(), bodyItems[i].begin(), bodyItems[i].end());
        }
        out << QString() << QString();
        if (m_project.randomSeed) {
            const auto *n = std::get_if<std::int64_t>(&*m_project.randomSeed);
            out << QStringLiteral("random.seed(%1)")
                       .arg(n ? QString::number(*n) : pythonStringLiteral(std::get<QString>(*m_project.randomSeed)));
        }
        const QString run = QStringLiteral("asyncio.run(%1())").arg(m_project.entry);
        if (m_project.findCoroutine(QStringLiteral("__name__"))) {
            out << run;  // a coroutine named __name__ hides the module's name: no guard possible
        } else {
            out << QStringLiteral("if __name__ == \"__main__\":");
            out << QStringLiteral("    ") + run;
        }
        if (map) {
            items.resize(std::size_t(out.size()), kNoId);
            // An entry may hold several lines (the module docstring): one item per line.
            map->itemAtLine.clear();
            for (qsizetype i = 0; i < out.size(); ++i)
                map->itemAtLine.insert(
                    map->itemAtLine.end(), std::size_t(out[i].count(QLatin1Char('\n')) + 1), items[std::size_t(i)]);
            map->linesOf.clear();
            for (std::size_t i = 0; i < map->itemAtLine.size(); ++i) {
                const ItemId id = map->itemAtLine[i];
                if (id == kNoId)
                    continue;
                const int lineNo = int(i) + 1;
                auto it = map->linesOf.find(id);
                if (it == map->linesOf.end())
                    map->linesOf.insert(id, {lineNo, lineNo});
                else
                    it->second = lineNo;
            }
        }
        return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }

private:
    QString freeName(QString name)
    {
        while (m_userNames.contains(name) || m_helperNames.contains(name))
            name += QLatin1Char('_');
        m_helperNames.insert(name);
        return name;
    }

    /// A builtin by a name that reaches it even when the project uses the same name.
    QString builtin(const char *name) { return builtin(QLatin1String(name)); }

    QString builtin(const QString &n) override
    {
        if (!m_userNames.contains(n))
            return n;
        m_needsBuiltins = true;
        return m_builtinsAlias + QLatin1Char('.') + n;
    }

    QString docstring() const
    {
        QString about = QStringLiteral("Exported from Tusk");
        if (!m_source.isEmpty())
            about += QStringLiteral(" (%1)").arg(m_source);
        about += QLatin1Char('.');
        const QString text = m_project.title.isEmpty() ? about : m_project.title + QStringLiteral("\n\n") + about;
        if (fitsDocstring(text))
            return QStringLiteral("\"\"\"%1\n\"\"\"").arg(text);
        return pythonStringLiteral(text);  // odd characters: one line with escapes, still a docstring
    }

    void line(int indent, const QString &text)
    {
        m_out << QString(indent * 4, u' ') + text;
        m_outItems.push_back(m_item);
    }

    /// A coroutine's doc (in cleanDoc() form) as its docstring: lines after the first indented
    /// to the body, as people write them; inspect.cleandoc(), which the importer applies, takes
    /// that away again. Text a `"""` literal cannot hold as it is gets the same value escaped.
    void writeDocstring(const QString &doc, int indent)
    {
        const QStringList lines = doc.split(QLatin1Char('\n'));
        QString value = doc;
        if (lines.size() > 1) {
            // cleandoc() strips the indentation the lines after the first share: when the doc's
            // own lines share some, the first line goes below the quotes so that it counts.
            qsizetype shared = -1;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                qsizetype spaces = 0;
                while (spaces < lines[i].size() && lines[i][spaces] == u' ')
                    ++spaces;
                if (spaces < lines[i].size() && (shared < 0 || spaces < shared))
                    shared = spaces;
            }
            const QString margin(indent * 4, u' ');
            value = shared > 0 ? QLatin1Char('\n') + margin + lines.front() : lines.front();
            for (qsizetype i = 1; i < lines.size(); ++i)
                value += QLatin1Char('\n') + (lines[i].isEmpty() ? QString() : margin + lines[i]);
            value += QLatin1Char('\n') + margin;
        }
        if (!fitsDocstring(doc)) {
            line(indent, pythonStringLiteral(value));
            return;
        }
        const QStringList written
            = (QStringLiteral("\"\"\"") + value + QStringLiteral("\"\"\"")).split(QLatin1Char('\n'));
        line(indent, written.front());
        for (qsizetype i = 1; i < written.size(); ++i)
            line(0, written[i]);  // the value holds their indentation
    }

    void writeCoroutine(const Coroutine &c)
    {
        line(0, QStringLiteral("async def %1(%2):").arg(c.name, c.params.join(QStringLiteral(", "))));
        if (!c.doc.isEmpty()) {
            writeDocstring(c.doc, 1);
            if (c.body.empty() && !(m_usesNow && c.name == m_project.entry))
                return;  // the docstring is the body Python needs
        }
        if (m_usesNow && c.name == m_project.entry) {
            line(1, QStringLiteral("global %1").arg(m_t0));
            const QString set = QStringLiteral("%1 = asyncio.get_running_loop().time()").arg(m_t0);
            if (m_entryIsCalled) {
                // The program awaits its entry coroutine too: only asyncio.run()'s call starts the clock.
                line(1, QStringLiteral("if %1 is None:").arg(m_t0));
                line(2, set);
            } else {
                line(1, set);
            }
            writeSteps(c.body, 1);
        } else {
            writeBlock(c.body, 1);
        }
    }

    /// A block that Python needs at least one statement in.
    void writeBlock(const std::vector<Step> &steps, int indent)
    {
        if (steps.empty())
            line(indent, QStringLiteral("pass"));
        else
            writeSteps(steps, indent);
    }

    void writeSteps(const std::vector<Step> &steps, int indent)
    {
        for (const Step &s : steps)
            writeStep(s, indent);
    }

    void writeStep(const Step &s, int indent)
    {
        const ItemId outer = m_item;
        m_item = s.id;
        writeStepLines(s, indent);
        m_item = outer;
    }

    void writeStepLines(const Step &s, int indent)
    {
        CodeLine code = pythonLine(s, *this);
        for (const StepField &f : stepKind(s.op).fields) {
            Template t;
            if (f.kind == FieldKind::Template && !parseTemplate(s.*f.name, &t, nullptr, nullptr))
                code.push_back({QStringLiteral("  # not a valid template: printed as written")});
        }
        writeLine(code, indent);
        for (const StepField &f : stepKind(s.op).fields) {
            switch (f.kind) {
            case FieldKind::Body:
                writeBlock(s.body, indent + 1);
                break;
            case FieldKind::ExceptClauses:
                for (const ExceptClause &h : s.handlers) {
                    line(indent, plainText(exceptLine(h, *this)));
                    writeBlock(h.body, indent + 1);
                }
                break;
            case FieldKind::Finally:
                // Python needs a finally when there is no except clause.
                if (s.hasFinally || s.handlers.empty()) {
                    line(indent, QStringLiteral("finally:"));
                    writeBlock(s.finallyBody, indent + 1);
                }
                break;
            case FieldKind::Else:
                writeElse(s, indent);
                break;
            default:
                break;
            }
        }
    }

    /// `else:`, or `elif` when the else block of an if holds one if alone (as Python's own tree
    /// has it: an elif is an if in the orelse).
    void writeElse(const Step &s, int indent)
    {
        if (!s.hasElse)
            return;
        if (s.op == StepOp::If && s.elseBody.size() == 1 && s.elseBody.front().op == StepOp::If) {
            const Step &inner = s.elseBody.front();
            const ItemId outer = m_item;
            m_item = inner.id;
            CodeLine code {{QStringLiteral("el"), CodeSpan::Role::Keyword}};
            const CodeLine rest = pythonLine(inner, *this);
            code.insert(code.end(), rest.begin(), rest.end());
            writeLine(code, indent);
            writeBlock(inner.body, indent + 1);
            writeElse(inner, indent);
            m_item = outer;
            return;
        }
        line(indent, QStringLiteral("else:"));
        writeBlock(s.elseBody, indent + 1);
    }

    /// An expression as CPython reads it: Tusk's `now` is the helper's call.
    QString expression(const QString &text) override
    {
        Expression e;
        if (!parseExpression(text, ExprMode::Value, &e, nullptr))
            return text;
        QString out = text;
        std::vector<const ExprNode *> nows;
        for (const ExprNode &n : e.nodes) {
            if (n.kind == ExprNode::Kind::Name && n.text == u"now")
                nows.push_back(&n);
        }
        std::sort(nows.begin(), nows.end(), [](const ExprNode *a, const ExprNode *b) { return a->start > b->start; });
        for (const ExprNode *n : nows)
            out.replace(n->start, n->end - n->start, m_now + QStringLiteral("()"));
        return out;
    }

    /// A step's line; a line longer than kMaxLineLength with an argument list that may wrap
    /// (gather's) gets one argument per line, as black writes it.
    void writeLine(const CodeLine &code, int indent)
    {
        const QString oneLine = plainText(code);
        QString head;
        QStringList args;
        QString tail;
        int part = 0;  // 0 head, 1 arguments, 2 tail
        for (const CodeSpan &span : code) {
            if (span.role == CodeSpan::Role::ArgsOpen) {
                part = 1;
                args << QString();
            } else if (span.role == CodeSpan::Role::ArgsClose) {
                part = 2;
            } else if (part == 1 && span.role == CodeSpan::Role::Break) {
                args << QString();
            } else {
                (part == 0 ? head : part == 1 ? args.back() : tail) += span.text;
            }
        }
        if (args.size() == 1 && args.front().isEmpty())
            args.clear();  // `gather()`: nothing to put on lines of its own
        if (indent * 4 + oneLine.size() <= kMaxLineLength || args.isEmpty()) {
            line(indent, oneLine);
            return;
        }
        line(indent, head);
        for (const QString &a : args)
            line(indent + 1, a + QLatin1Char(','));
        line(indent, tail);
    }

    QString missingName() override { return QString(); }
    QString missingCall() override { return QStringLiteral("None"); }
    QString loopPlaceholder() override { return m_loopPlaceholder; }

    QString literal(const Value &v) override
    {
        switch (v.kind()) {
        case Value::Kind::None:
            return QStringLiteral("None");
        case Value::Kind::Bool:
            return v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
        case Value::Kind::Int:
            return QString::number(v.toInt());
        case Value::Kind::Float: {
            const double d = v.toFloat();
            if (std::isfinite(d))
                return pyFloatRepr(d);
            // repr() gives `inf` and `nan`, which are not literals.
            return QStringLiteral("%1(\"%2\")").arg(builtin("float"), pyFloatRepr(d));
        }
        case Value::Kind::String:
            return pythonStringLiteral(v.toString());
        default:
            break;  // never written in a project file
        }
        return QStringLiteral("None");
    }

    /// The Python expression a template field stands for, before conversion and spec.
    QString fieldExpr(const TemplatePart &p)
    {
        switch (p.kind) {
        case TemplatePart::Kind::Now:
            return m_now + QStringLiteral("()");
        case TemplatePart::Kind::Done:
            return p.text + QStringLiteral(".done()");
        case TemplatePart::Kind::Cancelled:
            return p.text + QStringLiteral(".cancelled()");
        case TemplatePart::Kind::Expression:
            return expression(p.expr);
        case TemplatePart::Kind::Variable:
        case TemplatePart::Kind::Literal:
            break;
        }
        return p.text;
    }

    /// A `{x=}` field the f-string can write as it is: its debug text names the variable or
    /// task method exactly as Python will print it (not `now`), and the literal before ends with it.
    static bool isSelfDocumenting(const TemplatePart &p)
    {
        return !p.debug.isEmpty() && p.kind != TemplatePart::Kind::Now && p.kind != TemplatePart::Kind::Literal
            && !(p.kind == TemplatePart::Kind::Expression && expressionReadsNow(p.expr));
    }

    /// What print() prints for a template: an f-string, a plain string, or (for a spec an
    /// f-string cannot hold) the same pieces joined with `+`.
    QString templateArgument(const QString &text) override
    {
        Template t;
        if (!parseTemplate(text, &t, nullptr, nullptr))
            return pythonStringLiteral(text);  // writeStep() says so in a comment
        bool hasField = false;
        QString literalOnly;
        // In 3.11 an expression inside an f-string may not hold the string's own quote: the
        // f-string takes the quote its expressions do not use.
        bool usesDouble = false, usesSingle = false;
        for (const TemplatePart &p : t.parts) {
            if (p.kind == TemplatePart::Kind::Expression) {
                usesDouble = usesDouble || p.expr.contains(u'"');
                usesSingle = usesSingle || p.expr.contains(u'\'');
            }
        }
        const char16_t quote = usesDouble ? u'\'' : u'"';
        bool specsFit = !(usesDouble && usesSingle);
        for (const TemplatePart &p : t.parts) {
            if (p.kind == TemplatePart::Kind::Literal) {
                literalOnly += p.text;
            } else {
                hasField = true;
                specsFit = specsFit && specFitsFString(p.spec, quote);
            }
        }
        if (!hasField)
            return literalOnly.isEmpty() ? QString() : pythonStringLiteral(literalOnly);

        if (specsFit) {
            QString f = QStringLiteral("f") + QChar(quote);
            for (std::size_t i = 0; i < t.parts.size(); ++i) {
                const TemplatePart &p = t.parts[i];
                if (p.kind == TemplatePart::Kind::Literal) {
                    QStringView literal = p.text;
                    // `{x=}` stays self-documenting (the literal ends with its "x="), so that an
                    // import gives back the same text; not `{now=}`, whose Python is `_now()`.
                    if (i + 1 < t.parts.size() && isSelfDocumenting(t.parts[i + 1]))
                        literal.chop(t.parts[i + 1].debug.size());
                    f += escapeLiteralBody(literal, true, quote);
                    continue;
                }
                if (isSelfDocumenting(p)) {
                    f += QLatin1Char('{') + p.debug;
                    if (!p.conversion.isNull() && !p.impliedConversion)
                        f += QLatin1Char('!') + p.conversion;
                    if (p.hasSpec)
                        f += QLatin1Char(':') + p.spec;
                    f += QLatin1Char('}');
                    continue;
                }
                f += QLatin1Char('{') + fieldExpr(p);
                if (!p.conversion.isNull())
                    f += QLatin1Char('!') + p.conversion;
                if (p.hasSpec)
                    f += QLatin1Char(':') + p.spec;
                f += QLatin1Char('}');
            }
            return f + QChar(quote);
        }

        // A spec with quotes, backslashes or control characters cannot sit inside an f-string in
        // 3.11: spell out what the f-string would do, format(value, spec) piece by piece.
        QStringList pieces;
        for (const TemplatePart &p : t.parts) {
            if (p.kind == TemplatePart::Kind::Literal) {
                pieces << pythonStringLiteral(p.text);
                continue;
            }
            QString e = fieldExpr(p);
            if (p.conversion == u'r')
                e = QStringLiteral("%1(%2)").arg(builtin("repr"), e);
            else if (p.conversion == u's')
                e = QStringLiteral("%1(%2)").arg(builtin("str"), e);
            else if (p.conversion == u'a')
                e = QStringLiteral("%1(%2)").arg(builtin("ascii"), e);
            // `{x}` is format(x), `{x:}` and `{x:>4}` format(x, SPEC): the import tells them apart.
            if (p.hasSpec)
                e = QStringLiteral("%1(%2, %3)").arg(builtin("format"), e, pythonStringLiteral(p.spec));
            else if (p.conversion.isNull())
                e = QStringLiteral("%1(%2)").arg(builtin("format"), e);
            pieces << e;
        }
        return pieces.join(QStringLiteral(" + "));
    }

    const Project &m_project;
    QString m_source;
    QSet<QString> m_userNames;
    QSet<QString> m_helperNames;
    QString m_now;
    QString m_t0;
    QString m_builtinsAlias;
    QString m_loopPlaceholder;
    bool m_usesNow = false;
    bool m_usesRandom = false;
    bool m_entryIsCalled = false;
    bool m_needsBuiltins = false;
    QStringList m_out;
    std::vector<ItemId> m_outItems;  ///< the item of each line of m_out
    ItemId m_item = kNoId;  ///< the item whose lines are being written
};

}  // namespace

QString pythonStringLiteral(const QString &text)
{
    return QLatin1Char('"') + escapeLiteralBody(text, false) + QLatin1Char('"');
}

QString exportPython(const Project &project, const QString &sourceName, ExportLineMap *map)
{
    return PythonWriter(project, sourceName).write(map);
}

bool writePythonScript(const Project &project, const QString &fileName, const QString &sourceName, QString *error)
{
    const QByteArray script = exportPython(project, sourceName).toUtf8();
    QSaveFile out(fileName);
    if (!out.open(QIODevice::WriteOnly) || out.write(script) != script.size() || !out.commit()) {
        if (error)
            *error
                = QStringLiteral("cannot write \"%1\": %2").arg(QDir::toNativeSeparators(fileName), out.errorString());
        return false;
    }
    return true;
}

}  // namespace tusk
