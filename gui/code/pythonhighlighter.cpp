#include "pythonhighlighter.h"

#include "theme.h"

#include <QRegularExpression>
#include <QSet>

namespace tusk {

namespace {

// Block states: inside a triple-quoted string that a line above opened.
enum BlockState { Normal = 0, InTripleDouble = 1, InTripleSingle = 2 };

bool isKeyword(QStringView word)
{
    static const QSet<QString> keywords {QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"),
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("async"),
        QStringLiteral("await"), QStringLiteral("break"), QStringLiteral("class"), QStringLiteral("continue"),
        QStringLiteral("def"), QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"),
        QStringLiteral("global"), QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"),
        QStringLiteral("is"), QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"),
        QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield")};
    return keywords.contains(word.toString());
}

QTextCharFormat roleFormat(CodeSpan::Role role, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(Theme::codeColor(role));
    if (bold)
        f.setFontWeight(QFont::Bold);
    return f;
}

}  // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const QTextCharFormat keyword = roleFormat(CodeSpan::Role::Keyword, true);
    const QTextCharFormat call = roleFormat(CodeSpan::Role::Call);
    const QTextCharFormat string = roleFormat(CodeSpan::Role::String);
    const QTextCharFormat number = roleFormat(CodeSpan::Role::Number);
    const QTextCharFormat comment = roleFormat(CodeSpan::Role::Muted);

    const qsizetype n = text.size();
    qsizetype i = 0;
    setCurrentBlockState(Normal);
    // A triple-quoted string left open by the line above.
    if (previousBlockState() == InTripleDouble || previousBlockState() == InTripleSingle) {
        const QString close = previousBlockState() == InTripleDouble ? QStringLiteral("\"\"\"") : QStringLiteral("'''");
        const qsizetype end = text.indexOf(close);
        if (end < 0) {
            setFormat(0, int(n), string);
            setCurrentBlockState(previousBlockState());
            return;
        }
        setFormat(0, int(end + 3), string);
        i = end + 3;
    }
    while (i < n) {
        const QChar c = text[i];
        if (c == u'#') {
            setFormat(int(i), int(n - i), comment);
            return;
        }
        // A string, with its prefix (f, r, b, rb, ...).
        qsizetype prefix = i;
        while (prefix < n && prefix - i < 2 && QStringLiteral("rRbBfFuU").contains(text[prefix]))
            ++prefix;
        if (prefix < n && (text[prefix] == u'"' || text[prefix] == u'\'')
            && (prefix == i || i == 0 || !text[i - 1].isLetterOrNumber())) {
            const QChar quote = text[prefix];
            const bool triple = text.mid(prefix, 3) == QString(3, quote);
            qsizetype j = prefix + (triple ? 3 : 1);
            bool closed = false;
            while (j < n) {
                if (text[j] == u'\\') {
                    j += 2;
                    continue;
                }
                if (triple ? text.mid(j, 3) == QString(3, quote) : text[j] == quote) {
                    j += triple ? 3 : 1;
                    closed = true;
                    break;
                }
                ++j;
            }
            setFormat(int(i), int(std::min(j, n) - i), string);
            if (!closed && triple) {
                setCurrentBlockState(quote == u'"' ? InTripleDouble : InTripleSingle);
                return;
            }
            i = std::min(j, n);
            continue;
        }
        if (c.isDigit() && (i == 0 || !(text[i - 1].isLetterOrNumber() || text[i - 1] == u'_'))) {
            qsizetype j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == u'.' || text[j] == u'_'))
                ++j;
            setFormat(int(i), int(j - i), number);
            i = j;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == u'_'))
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (isKeyword(word))
                setFormat(int(i), int(j - i), keyword);
            else if (j < n && text[j] == u'(')
                setFormat(int(i), int(j - i), call);
            i = j;
            continue;
        }
        ++i;
    }
}

}  // namespace tusk
