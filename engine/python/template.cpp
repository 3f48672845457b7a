#include "template.h"

#include "expression.h"
#include "identifier.h"

#include <QChar>
#include <array>
#include <vector>

// Modelled on CPython 3.11's f-string scanner (Parser/string_parser.c: fstring_find_literal and
// fstring_find_expr): the same rules decide where an expression ends and which SyntaxError a
// broken template gets. Only then does Tusk apply its own limit on what an expression may be.

namespace tusk {

namespace {

struct ParseError {
    QString message;
    int index = 0;
};

// Whitespace the Python tokenizer skips inside a parenthesised expression (the f-string
// expression is compiled as `(EXPR)`, so newlines count too).
bool isExprSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\f' || c == u'\n' || c == u'\r';
}

// Py_ISSPACE: skipped after `=` in `{x = }`.
bool isAsciiSpace(QChar c)
{
    return isExprSpace(c) || c == u'\v';
}

bool isKeyword(QStringView name)
{
    static const std::array<QLatin1String, 35> keywords = {
        QLatin1String("False"),
        QLatin1String("None"),
        QLatin1String("True"),
        QLatin1String("and"),
        QLatin1String("as"),
        QLatin1String("assert"),
        QLatin1String("async"),
        QLatin1String("await"),
        QLatin1String("break"),
        QLatin1String("class"),
        QLatin1String("continue"),
        QLatin1String("def"),
        QLatin1String("del"),
        QLatin1String("elif"),
        QLatin1String("else"),
        QLatin1String("except"),
        QLatin1String("finally"),
        QLatin1String("for"),
        QLatin1String("from"),
        QLatin1String("global"),
        QLatin1String("if"),
        QLatin1String("import"),
        QLatin1String("in"),
        QLatin1String("is"),
        QLatin1String("lambda"),
        QLatin1String("nonlocal"),
        QLatin1String("not"),
        QLatin1String("or"),
        QLatin1String("pass"),
        QLatin1String("raise"),
        QLatin1String("return"),
        QLatin1String("try"),
        QLatin1String("while"),
        QLatin1String("with"),
        QLatin1String("yield"),
    };
    for (const QLatin1String &k : keywords) {
        if (name == k)
            return true;
    }
    return false;
}

char32_t codePointAt(QStringView s, int i, int *units)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *units = 1;
    return c.unicode();
}

// Scans an identifier at *i; returns it (empty when there is none) and advances *i past it.
QStringView scanIdentifier(QStringView s, int *i)
{
    const int start = *i;
    int units = 0;
    if (*i >= s.size() || !isIdentifierStart(codePointAt(s, *i, &units)))
        return {};
    *i += units;
    while (*i < s.size() && isIdentifierContinue(codePointAt(s, *i, &units)))
        *i += units;
    return s.mid(start, *i - start);
}

void skipSpace(QStringView s, int *i)
{
    while (*i < s.size() && isExprSpace(s[*i]))
        ++*i;
}

bool classifyVersion1(const QString &text, int begin, int end, TemplatePart *part);

bool expectChar(QStringView s, int *i, char16_t c)
{
    skipSpace(s, i);
    if (*i < s.size() && s[*i] == QChar(c)) {
        ++*i;
        return true;
    }
    return false;
}

// Version 1's forms (NAME, NAME.done(), NAME.cancelled(), now) get their own kinds; anything
// else must parse as an expression. `begin`..`end` is the expression text in `text`, known not
// to be all whitespace.
bool classifyExpression(const QString &text, int begin, int end, TemplatePart *part, ParseError *error)
{
    part->expr = text.mid(begin, end - begin);
    part->exprColumn = begin;
    if (!classifyVersion1(text, begin, end, part)) {
        Expression e;
        ExprError problem;
        if (!parseExpression(part->expr, ExprMode::Value, &e, &problem)) {
            error->message = problem.message;
            error->index = begin + problem.index;
            return false;
        }
        part->kind = TemplatePart::Kind::Expression;
        part->text.clear();
    }
    return true;
}

bool classifyVersion1(const QString &text, int begin, int end, TemplatePart *part)
{
    const QStringView s = QStringView(text).left(end);
    int i = begin;
    skipSpace(s, &i);
    auto unsupported = [&] { return false; };
    const QStringView name = scanIdentifier(s, &i);
    if (name.isEmpty() || isKeyword(name))
        return unsupported();
    skipSpace(s, &i);
    if (i == end) {
        part->kind = name == QLatin1String("now") ? TemplatePart::Kind::Now : TemplatePart::Kind::Variable;
        part->text = name.toString();
        return true;
    }
    if (s[i] != u'.' || name == QLatin1String("now"))
        return unsupported();
    ++i;
    skipSpace(s, &i);
    const QStringView method = scanIdentifier(s, &i);
    if (method == QLatin1String("done"))
        part->kind = TemplatePart::Kind::Done;
    else if (method == QLatin1String("cancelled"))
        part->kind = TemplatePart::Kind::Cancelled;
    else
        return unsupported();
    if (!expectChar(s, &i, u'(') || !expectChar(s, &i, u')'))
        return unsupported();
    skipSpace(s, &i);
    if (i != end)
        return unsupported();
    part->text = name.toString();
    return true;
}

// Parses the replacement field whose `{` is at `open`. On success sets *next past its `}`, fills
// *part, and sets *debugText to the `x=` text of a self-documenting `{x=}` (empty otherwise).
bool parseField(const QString &text, int open, int *next, TemplatePart *part, QString *debugText, ParseError *error)
{
    const int n = int(text.size());
    auto fail = [&](const QString &message, int index) {
        error->message = message;
        error->index = index;
        return false;
    };
    auto expectingBrace = [&](int index) { return fail(QStringLiteral("f-string: expecting '}'"), index); };

    const int exprStart = open + 1;
    int i = exprStart;
    QChar quote;  // inside a string literal: its quote character
    bool tripleQuoted = false;
    int quoteStart = 0;
    QString parens;  // the stack of open brackets
    std::vector<int> parenAt;
    for (; i < n; ++i) {
        const QChar ch = text[i];
        if (ch == u'\\')
            return fail(QStringLiteral("f-string expression part cannot include a backslash"), i);
        if (!quote.isNull()) {
            if (ch == quote) {
                if (tripleQuoted) {
                    if (i + 2 < n && text[i + 1] == ch && text[i + 2] == ch) {
                        i += 2;
                        quote = QChar();
                    }
                } else {
                    quote = QChar();
                }
            }
            continue;
        }
        if (ch == u'\'' || ch == u'"') {
            quoteStart = i;
            tripleQuoted = i + 2 < n && text[i + 1] == ch && text[i + 2] == ch;
            if (tripleQuoted)
                i += 2;
            quote = ch;
            continue;
        }
        if (ch == u'[' || ch == u'(' || ch == u'{') {
            if (parens.size() >= 200)
                return fail(QStringLiteral("f-string: too many nested parenthesis"), i);
            parens.append(ch);
            parenAt.push_back(i);
            continue;
        }
        if (ch == u'#')
            return fail(QStringLiteral("f-string expression part cannot include '#'"), i);
        if (parens.isEmpty() && (ch == u'!' || ch == u':' || ch == u'}' || ch == u'=' || ch == u'>' || ch == u'<')) {
            // Two-character operators (!= == <= >=) and lone < > belong to the expression.
            if (i + 1 < n && text[i + 1] == u'=' && ch != u':' && ch != u'}') {
                ++i;
                continue;
            }
            if (ch == u'>' || ch == u'<')
                continue;
            break;
        }
        if (ch == u']' || ch == u')' || ch == u'}') {
            if (parens.isEmpty())
                return fail(QStringLiteral("f-string: unmatched '%1'").arg(ch), i);
            const QChar opening = parens.back();
            parens.chop(1);
            parenAt.pop_back();
            if (!((opening == u'(' && ch == u')') || (opening == u'[' && ch == u']')
                    || (opening == u'{' && ch == u'}')))
                return fail(QStringLiteral("f-string: closing parenthesis '%1' does not match opening "
                                           "parenthesis '%2'")
                                .arg(ch)
                                .arg(opening),
                    i);
        }
    }
    const int exprEnd = i;
    if (!quote.isNull())
        return fail(QStringLiteral("f-string: unterminated string"), quoteStart);
    if (!parens.isEmpty())
        return fail(QStringLiteral("f-string: unmatched '%1'").arg(parens.back()), parenAt.back());
    if (i >= n)
        return expectingBrace(n);

    int firstNonSpace = exprStart;
    while (firstNonSpace < exprEnd && isExprSpace(text[firstNonSpace]))
        ++firstNonSpace;
    if (firstNonSpace == exprEnd) {
        const QChar t = text[exprEnd];
        if (t == u'!' || t == u':' || t == u'=')
            return fail(QStringLiteral("f-string: expression required before '%1'").arg(t), exprEnd);
        return fail(QStringLiteral("f-string: empty expression not allowed"), open);
    }
    part->column = open;
    if (!classifyExpression(text, exprStart, exprEnd, part, error))
        return false;

    // `{x=}` prints the expression text, then the value (as repr unless a conversion or spec
    // is given).
    debugText->clear();
    bool debug = false;
    if (text[i] == u'=') {
        debug = true;
        ++i;
        while (i < n && isAsciiSpace(text[i]))
            ++i;
        if (i >= n)
            return expectingBrace(n);
        *debugText = text.mid(exprStart, i - exprStart);
    }

    part->conversion = QChar();
    if (text[i] == u'!') {
        ++i;
        if (i >= n)
            return expectingBrace(n);
        const QChar conversion = text[i];
        if (conversion != u's' && conversion != u'r' && conversion != u'a')
            return fail(QStringLiteral("f-string: invalid conversion character: expected 's', 'r', or 'a'"), i);
        part->conversion = conversion;
        ++i;
    }

    part->spec.clear();
    bool hasSpec = false;
    if (i < n && text[i] == u':') {
        hasSpec = true;
        part->hasSpec = true;
        ++i;
        if (i >= n)
            return expectingBrace(n);
        const int specStart = i;
        while (i < n && text[i] != u'{' && text[i] != u'}')
            ++i;
        if (i < n && text[i] == u'{')
            return fail(QStringLiteral("f-string: nested replacement fields are not supported in a "
                                       "format spec"),
                i);
        part->spec = text.mid(specStart, i - specStart);
    }

    if (i >= n || text[i] != u'}')
        return expectingBrace(i);
    *next = i + 1;
    if (debug && !hasSpec && part->conversion.isNull()) {
        part->conversion = u'r';
        part->impliedConversion = true;
    }
    return true;
}

}  // namespace

bool parseTemplate(const QString &text, Template *out, QString *error, int *errorIndex)
{
    Template result;
    QString literal;
    int literalStart = -1;
    auto addLiteral = [&](QStringView s, int at) {
        if (s.isEmpty())
            return;
        if (literalStart < 0)
            literalStart = at;
        literal.append(s);
    };
    auto flushLiteral = [&] {
        if (literalStart < 0)
            return;
        TemplatePart part;
        part.kind = TemplatePart::Kind::Literal;
        part.text = literal;
        part.column = literalStart;
        result.parts.push_back(std::move(part));
        literal.clear();
        literalStart = -1;
    };
    auto fail = [&](const ParseError &e) {
        if (error)
            *error = e.message;
        if (errorIndex)
            *errorIndex = e.index;
        return false;
    };

    const int n = int(text.size());
    int runStart = 0;  // start of the plain text not yet added
    int i = 0;
    while (i < n) {
        const QChar ch = text[i];
        if (ch != u'{' && ch != u'}') {
            ++i;
            continue;
        }
        addLiteral(QStringView(text).mid(runStart, i - runStart), runStart);
        if (i + 1 < n && text[i + 1] == ch) {  // `{{` or `}}`
            addLiteral(QStringView(text).mid(i, 1), i);
            i += 2;
            runStart = i;
            continue;
        }
        if (ch == u'}')
            return fail({QStringLiteral("f-string: single '}' is not allowed"), i});
        TemplatePart part;
        QString debugText;
        ParseError e;
        int next = 0;
        if (!parseField(text, i, &next, &part, &debugText, &e))
            return fail(e);
        addLiteral(debugText, i);  // `{x=}`: the text comes first, at the field's column
        part.debug = debugText;
        flushLiteral();
        result.parts.push_back(std::move(part));
        i = runStart = next;
    }
    addLiteral(QStringView(text).mid(runStart), runStart);
    flushLiteral();
    if (out)
        *out = std::move(result);
    return true;
}

}  // namespace tusk
