#include "expression.h"

#include "identifier.h"
#include "pyint.h"
#include "template.h"

#include <QSet>
#include <cmath>

// A recursive-descent parser for CPython 3.11's expression grammar (Grammar/python.gram:
// `expression` down to `atom`, with `star_targets` for assignment). Why Tusk has its own is in
// expression.h. Each rule below names the grammar rule it follows.

namespace tusk {

namespace {

struct Token {
    enum class Kind : std::uint8_t { Name, Number, String, Op, End };
    Kind kind = Kind::End;
    int start = 0;
    int end = 0;
    QString text;  ///< Name: the identifier; Op: the operator; String: the whole literal
};

bool isKeywordName(const QString &s)
{
    static const QSet<QString> keywords = {QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"),
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("async"),
        QStringLiteral("await"), QStringLiteral("break"), QStringLiteral("class"), QStringLiteral("continue"),
        QStringLiteral("def"), QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"),
        QStringLiteral("global"), QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"),
        QStringLiteral("is"), QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"),
        QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield")};
    return keywords.contains(s);
}

char32_t codePointAt(const QString &s, int i, int *units)
{
    const QChar c = s[i];
    if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
        *units = 2;
        return QChar::surrogateToUcs4(c, s[i + 1]);
    }
    *units = 1;
    return c.unicode();
}

class Parser {
public:
    Parser(const QString &text, Expression &out)
        : m_text(text)
        , m_out(out)
    {
    }

    bool run(ExprMode mode, ExprError *error)
    {
        if (!tokenize())
            return fail(error);
        if (m_tokens.size() == 1) {
            m_error = {QStringLiteral("an expression is required"), 0};
            return fail(error);
        }
        const std::int32_t root = mode == ExprMode::Target ? starTargets() : starExpressions();
        if (root < 0)
            return fail(error);
        if (peek().kind != Token::Kind::End) {
            syntaxError(peek());
            return fail(error);
        }
        if (mode == ExprMode::Target && !checkTarget(root))
            return fail(error);
        m_out.root = root;
        return true;
    }

private:
    bool fail(ExprError *error)
    {
        if (error)
            *error = m_error;
        return false;
    }

    // --- Tokens (Parser/tokenizer.c, for the tokens an expression has) ---------------------

    bool setError(const QString &message, int index)
    {
        if (m_error.message.isEmpty())
            m_error = {message, index};
        return false;
    }

    bool tokenize()
    {
        const int n = int(m_text.size());
        std::vector<QChar> brackets;
        std::vector<int> bracketAt;
        int i = 0;
        while (i < n) {
            const QChar c = m_text[i];
            if (c == u' ' || c == u'\t' || c == u'\f') {
                ++i;
                continue;
            }
            if (c == u'\n' || c == u'\r') {
                if (brackets.empty())
                    return setError(QStringLiteral("an expression is one line (break it inside brackets)"), i);
                ++i;
                continue;
            }
            if (c == u'\\' && i + 1 < n && (m_text[i + 1] == u'\n' || m_text[i + 1] == u'\r')) {
                i += 2;
                continue;
            }
            if (c == u'#')
                return setError(QStringLiteral("comments are not allowed in an expression"), i);
            int units = 1;
            const char32_t cp = codePointAt(m_text, i, &units);
            Token t;
            t.start = i;
            if (isIdentifierStart(cp)) {
                int j = i + units;
                while (j < n && isIdentifierContinue(codePointAt(m_text, j, &units)))
                    j += units;
                // A string prefix: r'', f"", rf'', b''.
                const QString word = m_text.mid(i, j - i);
                const QString lower = word.toLower();
                if (j < n && (m_text[j] == u'\'' || m_text[j] == u'"')
                    && (lower == u"r" || lower == u"f" || lower == u"rf" || lower == u"fr" || lower == u"u"
                        || lower == u"b" || lower == u"br" || lower == u"rb")) {
                    if (!scanString(i, j, &t))
                        return false;
                    i = t.end;
                    m_tokens.push_back(t);
                    continue;
                }
                t.kind = Token::Kind::Name;
                t.text = word;
                t.end = j;
                i = j;
                m_tokens.push_back(t);
                continue;
            }
            if (c.isDigit() && c.unicode() < 128) {
                if (!scanNumber(i, &t))
                    return false;
                i = t.end;
                m_tokens.push_back(t);
                continue;
            }
            if (c == u'.' && i + 1 < n && m_text[i + 1].unicode() < 128 && m_text[i + 1].isDigit()) {
                if (!scanNumber(i, &t))
                    return false;
                i = t.end;
                m_tokens.push_back(t);
                continue;
            }
            if (c == u'\'' || c == u'"') {
                if (!scanString(i, i, &t))
                    return false;
                i = t.end;
                m_tokens.push_back(t);
                continue;
            }
            static const char *const ops[] = {"**=", "//=", ">>=", "<<=", "...", "!=", "==", "<=", ">=", "**", "//",
                "<<", ">>", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "+", "-", "*", "/", "%", "<",
                ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "=", "&", "|", "^", "~", "@", ";"};
            QString op;
            for (const char *o : ops) {
                const QLatin1String s(o);
                if (QStringView(m_text).mid(i).startsWith(s)) {
                    op = s;
                    break;
                }
            }
            if (op.isEmpty()) {
                if (c == u'!')
                    return setError(QStringLiteral("invalid syntax"), i);
                return setError(QStringLiteral("invalid character '%1' (U+%2)")
                                    .arg(m_text.mid(i, units))
                                    .arg(QString::number(cp, 16).toUpper().rightJustified(4, u'0')),
                    i);
            }
            if (op == u"(" || op == u"[" || op == u"{") {
                if (brackets.size() >= 200)
                    return setError(QStringLiteral("too many nested parentheses"), i);
                brackets.push_back(op[0]);
                bracketAt.push_back(i);
            } else if (op == u")" || op == u"]" || op == u"}") {
                if (brackets.empty())
                    return setError(QStringLiteral("unmatched '%1'").arg(op), i);
                const QChar open = brackets.back();
                if (!((open == u'(' && op == u")") || (open == u'[' && op == u"]") || (open == u'{' && op == u"}")))
                    return setError(QStringLiteral("closing parenthesis '%1' does not match opening parenthesis '%2'")
                                        .arg(op, open),
                        i);
                brackets.pop_back();
                bracketAt.pop_back();
            }
            t.kind = Token::Kind::Op;
            t.text = op;
            t.end = i + int(op.size());
            i = t.end;
            m_tokens.push_back(t);
        }
        if (!brackets.empty())
            return setError(QStringLiteral("'%1' was never closed").arg(brackets.back()), bracketAt.back());
        Token end;
        end.kind = Token::Kind::End;
        end.start = end.end = n;
        m_tokens.push_back(end);
        return true;
    }

    bool scanNumber(int i, Token *t)
    {
        const int n = int(m_text.size());
        const int start = i;
        auto digitsOf = [&](auto isDigit) {
            // digits with single underscores between them
            int count = 0;
            while (i < n) {
                if (isDigit(m_text[i])) {
                    ++i;
                    ++count;
                } else if (m_text[i] == u'_' && count && i + 1 < n && isDigit(m_text[i + 1])) {
                    ++i;
                } else {
                    break;
                }
            }
            return count;
        };
        const auto dec = [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; };
        if (m_text[i] == u'0' && i + 1 < n && QStringLiteral("xXoObB").contains(m_text[i + 1])) {
            const QChar p = m_text[i + 1].toLower();
            i += 2;
            if (i < n && m_text[i] == u'_')
                ++i;
            const auto hex = [](QChar c) { return c.isDigit() || QStringLiteral("abcdefABCDEF").contains(c); };
            const auto oct = [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '7'; };
            const auto bin = [](QChar c) { return c == u'0' || c == u'1'; };
            const int count = p == u'x' ? digitsOf(hex) : p == u'o' ? digitsOf(oct) : digitsOf(bin);
            if (count == 0 || (i < n && (m_text[i].isLetterOrNumber() || m_text[i] == u'_')))
                return setError(QStringLiteral("invalid %1 literal")
                                    .arg(p == u'x'      ? QLatin1String("hexadecimal")
                                            : p == u'o' ? QLatin1String("octal")
                                                        : QLatin1String("binary")),
                    i);
        } else {
            digitsOf(dec);
            if (i < n && m_text[i] == u'.') {
                ++i;
                digitsOf(dec);
            }
            if (i < n && (m_text[i] == u'e' || m_text[i] == u'E')) {
                int j = i + 1;
                if (j < n && (m_text[j] == u'+' || m_text[j] == u'-'))
                    ++j;
                if (j < n && dec(m_text[j])) {
                    i = j;
                    digitsOf(dec);
                }
            }
            if (i < n && (m_text[i] == u'j' || m_text[i] == u'J'))
                return setError(QStringLiteral("complex numbers are not supported by Tusk"), start);
            if (i < n && (m_text[i].isLetterOrNumber() || m_text[i] == u'_'))
                return setError(QStringLiteral("invalid decimal literal"), i);
        }
        t->kind = Token::Kind::Number;
        t->start = start;
        t->end = i;
        QString text = m_text.mid(start, i - start);
        text.remove(u'_');
        t->text = text;
        return true;
    }

    bool scanString(int prefixStart, int quoteAt, Token *t)
    {
        const int n = int(m_text.size());
        const QChar q = m_text[quoteAt];
        const bool triple = quoteAt + 2 < n && m_text[quoteAt + 1] == q && m_text[quoteAt + 2] == q;
        const QString prefix = m_text.mid(prefixStart, quoteAt - prefixStart).toLower();
        int i = quoteAt + (triple ? 3 : 1);
        for (;;) {
            if (i >= n)
                return setError(triple
                        ? QStringLiteral("unterminated triple-quoted string literal (detected at line 1)")
                        : QStringLiteral("unterminated string literal (detected at line 1)"),
                    prefixStart);
            const QChar c = m_text[i];
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (!triple && (c == u'\n' || c == u'\r'))
                return setError(QStringLiteral("unterminated string literal (detected at line 1)"), prefixStart);
            if (c == q && (!triple || (i + 2 < n && m_text[i + 1] == q && m_text[i + 2] == q))) {
                i += triple ? 3 : 1;
                break;
            }
            ++i;
        }
        t->kind = Token::Kind::String;
        t->start = prefixStart;
        t->end = i;
        t->text = m_text.mid(prefixStart, i - prefixStart);
        return true;
    }

    // --- Parsing --------------------------------------------------------------------------

    const Token &peek(int ahead = 0) const
    {
        const std::size_t k = std::min(m_pos + std::size_t(ahead), m_tokens.size() - 1);
        return m_tokens[k];
    }
    bool isOp(const char *op, int ahead = 0) const
    {
        const Token &t = peek(ahead);
        return t.kind == Token::Kind::Op && t.text == QLatin1String(op);
    }
    bool isKeyword(const char *kw, int ahead = 0) const
    {
        const Token &t = peek(ahead);
        return t.kind == Token::Kind::Name && t.text == QLatin1String(kw);
    }
    bool acceptOp(const char *op)
    {
        if (!isOp(op))
            return false;
        ++m_pos;
        return true;
    }
    bool acceptKeyword(const char *kw)
    {
        if (!isKeyword(kw))
            return false;
        ++m_pos;
        return true;
    }

    std::int32_t syntaxError(const Token &t, const QString &message = {})
    {
        if (!message.isEmpty()) {
            setError(message, t.start);
        } else if (t.kind == Token::Kind::End) {
            setError(QStringLiteral("invalid syntax: the expression ends too early"), t.start);
        } else {
            setError(QStringLiteral("invalid syntax"), t.start);
        }
        return -1;
    }

    std::int32_t failAt(const QString &message, int index)
    {
        setError(message, index);
        return -1;
    }

    std::int32_t refuse(const Token &t, const QString &what)
    {
        setError(QStringLiteral("%1 is not supported by Tusk yet").arg(what), t.start);
        return -1;
    }

    std::int32_t add(ExprNode::Kind kind, int start, int end, std::vector<std::int32_t> kids = {}, std::uint8_t op = 0)
    {
        ExprNode n;
        n.kind = kind;
        n.start = start;
        n.end = end;
        n.kids = std::move(kids);
        n.op = op;
        m_out.nodes.push_back(std::move(n));
        return std::int32_t(m_out.nodes.size() - 1);
    }
    ExprNode &node(std::int32_t i) { return m_out.nodes[std::size_t(i)]; }
    int startOf(std::int32_t i) const { return m_out.nodes[std::size_t(i)].start; }
    int endOf(std::int32_t i) const { return m_out.nodes[std::size_t(i)].end; }
    int prevEnd() const { return m_tokens[m_pos - 1].end; }

    // star_expressions: a tuple when there are commas (`a, b` on the right of `=`).
    std::int32_t starExpressions()
    {
        const int start = peek().start;
        const std::int32_t first = starExpression();
        if (first < 0 || !isOp(","))
            return first;
        std::vector<std::int32_t> items {first};
        while (acceptOp(",")) {
            if (!startsExpression())
                break;
            const std::int32_t e = starExpression();
            if (e < 0)
                return -1;
            items.push_back(e);
        }
        return add(ExprNode::Kind::Tuple, start, prevEnd(), std::move(items));
    }

    bool startsExpression() const
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::End)
            return false;
        if (t.kind == Token::Kind::Op)
            return t.text == u"(" || t.text == u"[" || t.text == u"{" || t.text == u"-" || t.text == u"+"
                || t.text == u"~" || t.text == u"*" || t.text == u"...";
        if (t.kind == Token::Kind::Name)
            return !isKeywordName(t.text) || t.text == u"not" || t.text == u"None" || t.text == u"True"
                || t.text == u"False" || t.text == u"lambda" || t.text == u"await";
        return true;
    }

    // star_expression: `*x` or an expression.
    std::int32_t starExpression()
    {
        if (isOp("*")) {
            const int start = peek().start;
            ++m_pos;
            const std::int32_t v = bitwiseOr();
            if (v < 0)
                return -1;
            return add(ExprNode::Kind::Starred, start, endOf(v), {v});
        }
        return expression();
    }

    // expression: disjunction ['if' disjunction 'else' expression] | lambda
    std::int32_t expression()
    {
        if (isKeyword("lambda"))
            return refuse(peek(), QStringLiteral("lambda"));
        const std::int32_t body = disjunction();
        if (body < 0)
            return -1;
        if (isOp(":="))
            return refuse(peek(), QStringLiteral("':=' (an assignment expression)"));
        if (!acceptKeyword("if"))
            return body;
        const std::int32_t test = disjunction();
        if (test < 0)
            return -1;
        if (!acceptKeyword("else"))
            return syntaxError(peek(), QStringLiteral("expected 'else' after 'if' expression"));
        const std::int32_t orelse = expression();
        if (orelse < 0)
            return -1;
        return add(ExprNode::Kind::IfExp, startOf(body), endOf(orelse), {test, body, orelse});
    }

    std::int32_t disjunction() { return boolChain("or", 1, &Parser::conjunction); }
    std::int32_t conjunction() { return boolChain("and", 0, &Parser::inversion); }

    std::int32_t boolChain(const char *kw, std::uint8_t op, std::int32_t (Parser::*next)())
    {
        const std::int32_t first = (this->*next)();
        if (first < 0 || !isKeyword(kw))
            return first;
        std::vector<std::int32_t> values {first};
        while (acceptKeyword(kw)) {
            const std::int32_t v = (this->*next)();
            if (v < 0)
                return -1;
            values.push_back(v);
        }
        const int end = endOf(values.back());
        return add(ExprNode::Kind::BoolOp, startOf(first), end, std::move(values), op);
    }

    // inversion: 'not' inversion | comparison
    std::int32_t inversion()
    {
        if (isKeyword("not")) {
            const int start = peek().start;
            ++m_pos;
            const std::int32_t v = inversion();
            if (v < 0)
                return -1;
            return add(ExprNode::Kind::UnaryOp, start, endOf(v), {v}, std::uint8_t(ExprNode::UnaryOp::Not));
        }
        return comparison();
    }

    bool compareOp(ExprNode::CompareOp *op)
    {
        using C = ExprNode::CompareOp;
        static const std::pair<const char *, C> simple[]
            = {{"==", C::Eq}, {"!=", C::NotEq}, {"<=", C::LtE}, {">=", C::GtE}, {"<", C::Lt}, {">", C::Gt}};
        for (const auto &[text, c] : simple) {
            if (acceptOp(text)) {
                *op = c;
                return true;
            }
        }
        if (isKeyword("not") && isKeyword("in", 1)) {
            m_pos += 2;
            *op = C::NotIn;
            return true;
        }
        if (acceptKeyword("in")) {
            *op = C::In;
            return true;
        }
        if (acceptKeyword("is")) {
            *op = acceptKeyword("not") ? C::IsNot : C::Is;
            return true;
        }
        return false;
    }

    // comparison: bitwise_or (compare_op bitwise_or)*
    std::int32_t comparison()
    {
        const std::int32_t left = bitwiseOr();
        if (left < 0)
            return -1;
        std::vector<std::int32_t> kids {left};
        std::vector<ExprNode::CompareOp> ops;
        ExprNode::CompareOp op;
        while (compareOp(&op)) {
            const std::int32_t right = bitwiseOr();
            if (right < 0)
                return -1;
            kids.push_back(right);
            ops.push_back(op);
        }
        if (ops.empty())
            return left;
        const int end = endOf(kids.back());
        const std::int32_t n = add(ExprNode::Kind::Compare, startOf(left), end, std::move(kids));
        node(n).ops = std::move(ops);
        return n;
    }

    using BinOp = ExprNode::BinaryOp;
    struct BinLevel {
        std::vector<std::pair<const char *, BinOp>> ops;
    };

    std::int32_t binary(int level)
    {
        static const BinLevel levels[] = {
            {{{"|", BinOp::BitOr}}},
            {{{"^", BinOp::BitXor}}},
            {{{"&", BinOp::BitAnd}}},
            {{{"<<", BinOp::LShift}, {">>", BinOp::RShift}}},
            {{{"+", BinOp::Add}, {"-", BinOp::Sub}}},
            {{{"*", BinOp::Mult}, {"/", BinOp::Div}, {"//", BinOp::FloorDiv}, {"%", BinOp::Mod}}},
        };
        constexpr int kLevels = int(std::size(levels));
        if (level == kLevels)
            return factor();
        std::int32_t left = binary(level + 1);
        if (left < 0)
            return -1;
        for (;;) {
            bool matched = false;
            for (const auto &[text, op] : levels[level].ops) {
                if (isOp(text)) {
                    ++m_pos;
                    const std::int32_t right = binary(level + 1);
                    if (right < 0)
                        return -1;
                    left = add(ExprNode::Kind::BinOp, startOf(left), endOf(right), {left, right}, std::uint8_t(op));
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                if (level == kLevels - 1 && isOp("@"))
                    return refuse(peek(), QStringLiteral("'@' (matrix multiplication)"));
                return left;
            }
        }
    }

    std::int32_t bitwiseOr() { return binary(0); }

    // factor: ('+' | '-' | '~') factor | power
    std::int32_t factor()
    {
        using U = ExprNode::UnaryOp;
        const int start = peek().start;
        U op;
        if (isOp("-"))
            op = U::USub;
        else if (isOp("+"))
            op = U::UAdd;
        else if (isOp("~"))
            op = U::Invert;
        else
            return power();
        ++m_pos;
        const std::int32_t v = factor();
        if (v < 0)
            return -1;
        return add(ExprNode::Kind::UnaryOp, start, endOf(v), {v}, std::uint8_t(op));
    }

    // power: await_primary ['**' factor]
    std::int32_t power()
    {
        if (isKeyword("await"))
            return refuse(peek(), QStringLiteral("'await' inside an expression"));
        const std::int32_t base = primary();
        if (base < 0 || !acceptOp("**"))
            return base;
        const std::int32_t exp = factor();
        if (exp < 0)
            return -1;
        return add(ExprNode::Kind::BinOp, startOf(base), endOf(exp), {base, exp}, std::uint8_t(BinOp::Pow));
    }

    // primary: atom followed by `.name`, `(args)`, `[slices]`
    std::int32_t primary()
    {
        std::int32_t e = atom();
        while (e >= 0) {
            if (acceptOp(".")) {
                const Token &t = peek();
                if (t.kind != Token::Kind::Name || isKeywordName(t.text))
                    return syntaxError(t);
                ++m_pos;
                const std::int32_t a = add(ExprNode::Kind::Attribute, startOf(e), t.end, {e});
                node(a).text = t.text;
                e = a;
            } else if (isOp("(")) {
                ++m_pos;
                e = callArguments(e);
            } else if (isOp("[")) {
                ++m_pos;
                const std::int32_t s = slices();
                if (s < 0)
                    return -1;
                if (!acceptOp("]"))
                    return syntaxError(peek());
                e = add(ExprNode::Kind::Subscript, startOf(e), prevEnd(), {e, s});
            } else {
                break;
            }
        }
        return e;
    }

    std::int32_t callArguments(std::int32_t func)
    {
        std::vector<std::int32_t> kids {func};
        bool sawKeyword = false;
        while (!isOp(")")) {
            const Token &t = peek();
            if (isOp("**"))
                return refuse(t, QStringLiteral("'**' unpacking"));
            if (t.kind == Token::Kind::Name && !isKeywordName(t.text) && isOp("=", 1)) {
                m_pos += 2;
                const std::int32_t v = expression();
                if (v < 0)
                    return -1;
                for (std::size_t k = 1; k < kids.size(); ++k) {
                    const ExprNode &other = node(kids[k]);
                    if (other.kind == ExprNode::Kind::Keyword && other.text == t.text)
                        return syntaxError(t, QStringLiteral("keyword argument repeated: %1").arg(t.text));
                }
                const std::int32_t kw = add(ExprNode::Kind::Keyword, t.start, endOf(v), {v});
                node(kw).text = t.text;
                kids.push_back(kw);
                sawKeyword = true;
            } else {
                const std::int32_t a = starExpression();
                if (a < 0)
                    return -1;
                if (sawKeyword && node(a).kind != ExprNode::Kind::Starred)
                    return syntaxError(t, QStringLiteral("positional argument follows keyword argument"));
                if (isKeyword("for")) {
                    // f(x for x in y): a generator expression as the only argument.
                    const std::int32_t g = comprehension(ExprNode::Kind::GeneratorExp, a, startOf(a));
                    if (g < 0)
                        return -1;
                    if (kids.size() != 1 || !isOp(")"))
                        return syntaxError(peek(), QStringLiteral("Generator expression must be parenthesized"));
                    kids.push_back(g);
                    continue;
                }
                kids.push_back(a);
            }
            if (!acceptOp(","))
                break;
        }
        if (!acceptOp(")"))
            return syntaxError(peek());
        return add(ExprNode::Kind::Call, startOf(func), prevEnd(), std::move(kids));
    }

    // slices: slice (',' slice)* -- a tuple when there are commas
    std::int32_t slices()
    {
        const int start = peek().start;
        const std::int32_t first = slice();
        if (first < 0 || !isOp(","))
            return first;
        std::vector<std::int32_t> items {first};
        while (acceptOp(",")) {
            if (isOp("]"))
                break;
            const std::int32_t s = slice();
            if (s < 0)
                return -1;
            items.push_back(s);
        }
        return add(ExprNode::Kind::Tuple, start, prevEnd(), std::move(items));
    }

    // slice: [expression] ':' [expression] [':' [expression]] | expression
    std::int32_t slice()
    {
        const int start = peek().start;
        std::int32_t lower = -1, upper = -1, step = -1;
        if (!isOp(":")) {
            lower = expression();
            if (lower < 0)
                return -1;
            if (!isOp(":"))
                return lower;
        }
        ++m_pos;  // ':'
        if (!isOp(":") && !isOp("]") && !isOp(",")) {
            upper = expression();
            if (upper < 0)
                return -1;
        }
        if (acceptOp(":")) {
            if (!isOp("]") && !isOp(",")) {
                step = expression();
                if (step < 0)
                    return -1;
            }
        }
        return add(ExprNode::Kind::Slice, start, prevEnd(), {lower, upper, step});
    }

    std::int32_t constant(int start, int end, Value v)
    {
        const std::int32_t n = add(ExprNode::Kind::Constant, start, end);
        node(n).value = std::move(v);
        return n;
    }

    std::int32_t atom()
    {
        const Token t = peek();
        switch (t.kind) {
        case Token::Kind::End:
            return syntaxError(t);
        case Token::Kind::Name: {
            if (t.text == u"True" || t.text == u"False") {
                ++m_pos;
                return constant(t.start, t.end, Value::boolean(t.text == u"True"));
            }
            if (t.text == u"None") {
                ++m_pos;
                return constant(t.start, t.end, Value::none());
            }
            if (t.text == u"yield")
                return refuse(t, QStringLiteral("'yield'"));
            if (isKeywordName(t.text))
                return syntaxError(t);
            ++m_pos;
            const std::int32_t n = add(ExprNode::Kind::Name, t.start, t.end);
            node(n).text = t.text;
            return n;
        }
        case Token::Kind::Number:
            ++m_pos;
            return number(t);
        case Token::Kind::String:
            return strings();
        case Token::Kind::Op:
            break;
        }
        if (t.text == u"(") {
            ++m_pos;
            if (acceptOp(")"))
                return add(ExprNode::Kind::Tuple, t.start, prevEnd());
            if (isKeyword("yield"))
                return refuse(peek(), QStringLiteral("'yield'"));
            const std::int32_t first = starExpression();
            if (first < 0)
                return -1;
            if (isKeyword("for")) {
                const std::int32_t g = comprehension(ExprNode::Kind::GeneratorExp, first, t.start);
                if (g < 0)
                    return -1;
                if (!acceptOp(")"))
                    return syntaxError(peek());
                node(g).end = prevEnd();
                return g;
            }
            if (acceptOp(")")) {
                if (node(first).kind == ExprNode::Kind::Starred)
                    return syntaxError(t, QStringLiteral("cannot use starred expression here"));
                return first;  // parenthesised: ast keeps the inner node's own position
            }
            std::vector<std::int32_t> items {first};
            while (acceptOp(",")) {
                if (isOp(")"))
                    break;
                const std::int32_t e = starExpression();
                if (e < 0)
                    return -1;
                items.push_back(e);
            }
            if (!acceptOp(")"))
                return syntaxError(peek());
            return add(ExprNode::Kind::Tuple, t.start, prevEnd(), std::move(items));
        }
        if (t.text == u"[") {
            ++m_pos;
            if (acceptOp("]"))
                return add(ExprNode::Kind::List, t.start, prevEnd());
            const std::int32_t first = starExpression();
            if (first < 0)
                return -1;
            if (isKeyword("for")) {
                const std::int32_t c = comprehension(ExprNode::Kind::ListComp, first, t.start);
                if (c < 0)
                    return -1;
                if (!acceptOp("]"))
                    return syntaxError(peek());
                node(c).end = prevEnd();
                return c;
            }
            std::vector<std::int32_t> items {first};
            while (acceptOp(",")) {
                if (isOp("]"))
                    break;
                const std::int32_t e = starExpression();
                if (e < 0)
                    return -1;
                items.push_back(e);
            }
            if (!acceptOp("]"))
                return syntaxError(peek());
            return add(ExprNode::Kind::List, t.start, prevEnd(), std::move(items));
        }
        if (t.text == u"{") {
            ++m_pos;
            if (acceptOp("}"))
                return add(ExprNode::Kind::Dict, t.start, prevEnd());
            std::vector<std::int32_t> kids;
            for (;;) {
                if (isOp("**"))
                    return refuse(peek(), QStringLiteral("'**' unpacking"));
                const std::int32_t key = expression();
                if (key < 0)
                    return -1;
                if (!acceptOp(":")) {
                    if (isOp(",") || isOp("}") || isKeyword("for"))
                        return refuse(
                            t, isKeyword("for") ? QStringLiteral("a set comprehension") : QStringLiteral("a set"));
                    return syntaxError(peek(), QStringLiteral("':' expected after dictionary key"));
                }
                const std::int32_t value = expression();
                if (value < 0)
                    return -1;
                if (isKeyword("for") && kids.empty())
                    return refuse(peek(), QStringLiteral("a dict comprehension"));
                kids.push_back(key);
                kids.push_back(value);
                if (!acceptOp(",") || isOp("}"))
                    break;
            }
            if (!acceptOp("}"))
                return syntaxError(peek());
            return add(ExprNode::Kind::Dict, t.start, prevEnd(), std::move(kids));
        }
        if (t.text == u"...")
            return refuse(t, QStringLiteral("'...' (Ellipsis)"));
        if (t.text == u"*")
            return syntaxError(t, QStringLiteral("cannot use starred expression here"));
        return syntaxError(t);
    }

    // for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+
    std::int32_t comprehension(ExprNode::Kind kind, std::int32_t elt, int start)
    {
        if (node(elt).kind == ExprNode::Kind::Starred)
            return syntaxError(peek(), QStringLiteral("iterable unpacking cannot be used in comprehension"));
        std::vector<std::int32_t> kids {elt};
        while (isKeyword("for") || (isKeyword("async") && isKeyword("for", 1))) {
            if (isKeyword("async"))
                return refuse(peek(), QStringLiteral("'async for'"));
            const int clauseStart = peek().start;
            ++m_pos;
            const std::int32_t target = targetList();
            if (target < 0)
                return -1;
            if (!acceptKeyword("in"))
                return syntaxError(peek(), QStringLiteral("expected 'in'"));
            if (!checkTarget(target))
                return -1;
            const std::int32_t iter = disjunction();
            if (iter < 0)
                return -1;
            std::vector<std::int32_t> clause {target, iter};
            while (acceptKeyword("if")) {
                const std::int32_t cond = disjunction();
                if (cond < 0)
                    return -1;
                clause.push_back(cond);
            }
            kids.push_back(add(ExprNode::Kind::Comprehension, clauseStart, prevEnd(), std::move(clause)));
        }
        return add(kind, start, prevEnd(), std::move(kids));
    }

    // star_targets for `for` clauses: a target or several with commas (a tuple).
    std::int32_t targetList()
    {
        const int start = peek().start;
        const std::int32_t first = targetAtom();
        if (first < 0 || !isOp(","))
            return first;
        std::vector<std::int32_t> items {first};
        while (acceptOp(",")) {
            if (isKeyword("in") || isOp("="))
                break;
            const std::int32_t t = targetAtom();
            if (t < 0)
                return -1;
            items.push_back(t);
        }
        return add(ExprNode::Kind::Tuple, start, prevEnd(), std::move(items));
    }

    std::int32_t targetAtom()
    {
        if (isOp("*")) {
            const int start = peek().start;
            ++m_pos;
            const std::int32_t v = targetAtom();
            if (v < 0)
                return -1;
            return add(ExprNode::Kind::Starred, start, endOf(v), {v});
        }
        return bitwiseOr();
    }

    // star_targets: what may stand left of `=`.
    std::int32_t starTargets() { return targetList(); }

    bool checkTarget(std::int32_t i)
    {
        const ExprNode &n = node(i);
        switch (n.kind) {
        case ExprNode::Kind::Name:
        case ExprNode::Kind::Subscript:
        case ExprNode::Kind::Attribute:
            return true;
        case ExprNode::Kind::Starred:
            return checkTarget(n.kids[0]);
        case ExprNode::Kind::Tuple:
        case ExprNode::Kind::List: {
            int starred = 0;
            for (std::int32_t k : n.kids) {
                if (node(k).kind == ExprNode::Kind::Starred && ++starred > 1)
                    return setError(QStringLiteral("multiple starred expressions in assignment"), node(k).start);
                if (!checkTarget(k))
                    return false;
            }
            return true;
        }
        case ExprNode::Kind::Constant:
            return setError(QStringLiteral("cannot assign to literal"), n.start);
        case ExprNode::Kind::Call:
            return setError(QStringLiteral("cannot assign to function call"), n.start);
        default:
            return setError(QStringLiteral("cannot assign to expression"), n.start);
        }
    }

    std::int32_t number(const Token &t)
    {
        const QString &s = t.text;
        const bool isFloat = !s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
            && (s.contains(u'.') || s.contains(u'e') || s.contains(u'E'));
        if (isFloat) {
            bool ok = false;
            const double d = s.toDouble(&ok);  // correctly rounded, as CPython's strtod
            return constant(t.start, t.end, Value::floating(ok || std::isinf(d) ? d : 0.0));
        }
        // Leading zeros: `00` is fine, `01` is not.
        if (s.size() > 1 && s[0] == u'0' && s[1].isDigit() && s.count(u'0') != s.size())
            return syntaxError(t,
                QStringLiteral("leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                               "octal integers"));
        Value v;
        Value error;
        if (!intFromString(s, s.size() > 1 && s[0] == u'0' && s[1].isLetter() ? 0 : 10, &v, error)) {
            setError(error.exceptionArg().toString(), t.start);
            return -1;
        }
        return constant(t.start, t.end, v);
    }

    // Adjacent string literals join; an f-string among them makes the whole a JoinedStr.
    std::int32_t strings()
    {
        const int start = peek().start;
        std::vector<std::int32_t> parts;  // Constant str and FormattedValue
        bool anyF = false;
        QString pending;
        int pendingStart = start;
        bool havePending = false;
        const auto flush = [&](int end) {
            if (havePending && !pending.isEmpty())
                parts.push_back(constant(pendingStart, end, Value::string(pending)));
            pending.clear();
            havePending = false;
        };
        while (peek().kind == Token::Kind::String) {
            const Token t = peek();
            ++m_pos;
            int q = 0;
            while (t.text[q] != u'\'' && t.text[q] != u'"')
                ++q;
            const QString prefix = t.text.left(q).toLower();
            if (prefix.contains(u'b'))
                return refuse(t, QStringLiteral("a bytes literal"));
            const bool raw = prefix.contains(u'r');
            const bool triple = t.text.size() >= q + 6 && t.text.mid(q, 3) == QString(3, t.text[q]);
            const int qlen = triple ? 3 : 1;
            const QString body = t.text.mid(q + qlen, t.text.size() - q - 2 * qlen);
            const int bodyStart = t.start + q + qlen;
            if (!prefix.contains(u'f')) {
                QString decoded;
                if (raw) {
                    decoded = body;
                } else {
                    ExprError e;
                    if (!decodeStringEscapes(body, &decoded, &e))
                        return failAt(e.message, bodyStart + e.index);
                }
                if (!havePending) {
                    havePending = true;
                    pendingStart = t.start;
                }
                pending += decoded;
                continue;
            }
            anyF = true;
            Template templ;
            QString message;
            int at = 0;
            if (!parseTemplate(body, &templ, &message, &at))
                return failAt(message, bodyStart + at);
            for (const TemplatePart &p : templ.parts) {
                if (p.kind == TemplatePart::Kind::Literal) {
                    QString decoded;
                    if (raw) {
                        decoded = p.text;
                    } else {
                        ExprError e;
                        if (!decodeStringEscapes(p.text, &decoded, &e))
                            return failAt(e.message, bodyStart + p.column + e.index);
                    }
                    if (!havePending) {
                        havePending = true;
                        pendingStart = bodyStart + p.column;
                    }
                    pending += decoded;
                    continue;
                }
                flush(bodyStart + p.column);
                Expression inner;
                ExprError e;
                if (!parseExpression(p.exprText(), ExprMode::Value, &inner, &e))
                    return failAt(e.message, bodyStart + p.exprColumn + e.index);
                const std::int32_t value = graft(inner, bodyStart + p.exprColumn);
                std::int32_t spec = -1;
                if (!p.spec.isEmpty())
                    spec = add(ExprNode::Kind::JoinedStr, bodyStart + p.column, bodyStart + p.column,
                        {constant(bodyStart + p.column, bodyStart + p.column, Value::string(p.spec))});
                const std::int32_t fv = add(ExprNode::Kind::FormattedValue, bodyStart + p.column, bodyStart + p.column,
                    {value, spec}, std::uint8_t(p.conversion.isNull() ? 0 : p.conversion.unicode()));
                node(fv).text = p.debug;
                parts.push_back(fv);
            }
        }
        if (!anyF) {
            const std::int32_t c = constant(start, prevEnd(), Value::string(pending));
            return c;
        }
        flush(prevEnd());
        return add(ExprNode::Kind::JoinedStr, start, prevEnd(), std::move(parts));
    }

    // Copies another expression's nodes into this one, shifting positions by `offset`.
    std::int32_t graft(const Expression &inner, int offset)
    {
        const auto base = std::int32_t(m_out.nodes.size());
        for (ExprNode n : inner.nodes) {
            n.start += offset;
            n.end += offset;
            for (std::int32_t &k : n.kids) {
                if (k >= 0)
                    k += base;
            }
            m_out.nodes.push_back(std::move(n));
        }
        return inner.root + base;
    }

    const QString &m_text;
    Expression &m_out;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    ExprError m_error;
};

}  // namespace

bool decodeStringEscapes(QStringView body, QString *out, ExprError *error)
{
    out->clear();
    const int n = int(body.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = body[i];
        if (c != u'\\' || i + 1 >= n) {
            out->append(c);
            continue;
        }
        const QChar e = body[++i];
        switch (e.unicode()) {
        case '\n':
            break;  // a line continuation
        case '\\':
        case '\'':
        case '"':
            out->append(e);
            break;
        case 'a':
            out->append(QChar(7));
            break;
        case 'b':
            out->append(QChar(8));
            break;
        case 'f':
            out->append(QChar(12));
            break;
        case 'n':
            out->append(QChar(10));
            break;
        case 'r':
            out->append(QChar(13));
            break;
        case 't':
            out->append(QChar(9));
            break;
        case 'v':
            out->append(QChar(11));
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
            bool ok = i + digits < n;
            const QString hex = ok ? body.mid(i + 1, digits).toString() : QString();
            uint code = 0;
            if (ok) {
                for (QChar h : hex)
                    ok = ok && (h.isDigit() || QStringLiteral("abcdefABCDEF").contains(h)) && h.unicode() < 128;
                code = ok ? hex.toUInt(&ok, 16) : 0;
            }
            if (!ok) {
                if (error)
                    *error = {QStringLiteral("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                             "%1-%2: truncated \\%3%4 escape")
                                  .arg(i - 1)
                                  .arg(std::min(n - 1, i + digits - 1))
                                  .arg(e)
                                  .arg(QString(digits, u'X')),
                        i - 1};
                return false;
            }
            if (code > 0x10FFFF) {
                if (error)
                    *error = {QStringLiteral("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                             "%1-%2: illegal Unicode character")
                                  .arg(i - 1)
                                  .arg(i + digits),
                        i - 1};
                return false;
            }
            const char32_t cp = code;
            out->append(QString::fromUcs4(&cp, 1));
            i += digits;
            break;
        }
        case 'N':
            if (error)
                *error = {QStringLiteral("\\N{...} escapes are not supported by Tusk yet; write the character itself"),
                    i - 1};
            return false;
        default:
            if (e.unicode() >= '0' && e.unicode() <= '7') {
                uint code = 0;
                int k = 0;
                while (k < 3 && i < n && body[i].unicode() >= '0' && body[i].unicode() <= '7') {
                    code = code * 8 + (body[i].unicode() - '0');
                    ++i;
                    ++k;
                }
                --i;
                const char32_t cp = code;
                out->append(QString::fromUcs4(&cp, 1));
            } else {
                out->append(u'\\');  // an unknown escape stays (CPython warns, invisibly)
                out->append(e);
            }
        }
    }
    return true;
}

bool parseExpression(const QString &text, ExprMode mode, Expression *out, ExprError *error)
{
    Expression e;
    e.source = text;
    Parser p(text, e);
    if (!p.run(mode, error))
        return false;
    if (out)
        *out = std::move(e);
    return true;
}

namespace {

void collectTargets(const Expression &e, std::int32_t i, std::vector<QString> &out);

void namesRead(
    const Expression &e, std::int32_t i, QSet<QString> &bound, std::vector<QString> &out, QSet<QString> &seen)
{
    if (i < 0)
        return;
    const ExprNode &n = e.node(i);
    if (n.kind == ExprNode::Kind::Name) {
        if (!bound.contains(n.text) && !seen.contains(n.text)) {
            seen.insert(n.text);
            out.push_back(n.text);
        }
        return;
    }
    if (n.kind == ExprNode::Kind::ListComp || n.kind == ExprNode::Kind::GeneratorExp) {
        // The first iterable is read outside; the rest inside, with the targets bound.
        QSet<QString> inner = bound;
        for (std::size_t k = 1; k < n.kids.size(); ++k) {
            const ExprNode &clause = e.node(n.kids[k]);
            namesRead(e, clause.kids[1], k == 1 ? bound : inner, out, seen);
            std::vector<QString> names;
            collectTargets(e, clause.kids[0], names);
            for (const QString &name : names)
                inner.insert(name);
            for (std::size_t c = 2; c < clause.kids.size(); ++c)
                namesRead(e, clause.kids[c], inner, out, seen);
        }
        namesRead(e, n.kids[0], inner, out, seen);
        return;
    }
    for (std::int32_t k : n.kids)
        namesRead(e, k, bound, out, seen);
}

void collectTargets(const Expression &e, std::int32_t i, std::vector<QString> &out)
{
    const ExprNode &n = e.node(i);
    switch (n.kind) {
    case ExprNode::Kind::Name:
        out.push_back(n.text);
        break;
    case ExprNode::Kind::Starred:
        collectTargets(e, n.kids[0], out);
        break;
    case ExprNode::Kind::Tuple:
    case ExprNode::Kind::List:
        for (std::int32_t k : n.kids)
            collectTargets(e, k, out);
        break;
    default:
        break;  // a subscript or attribute binds no name
    }
}

const char *binaryOpName(ExprNode::BinaryOp op)
{
    static const char *const names[]
        = {"Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd"};
    return names[int(op)];
}

}  // namespace

std::vector<QString> expressionNamesRead(const Expression &e)
{
    std::vector<QString> out;
    QSet<QString> bound, seen;
    namesRead(e, e.root, bound, out, seen);
    return out;
}

std::vector<QString> targetNames(const Expression &e)
{
    std::vector<QString> out;
    if (e.root >= 0)
        collectTargets(e, e.root, out);
    return out;
}

QString Expression::dump(std::int32_t i) const
{
    if (i == -1)
        i = root;
    if (i < 0)
        return QStringLiteral("None");
    const ExprNode &n = node(i);
    const auto kids = [&](std::size_t from = 0) {
        QStringList parts;
        for (std::size_t k = from; k < n.kids.size(); ++k)
            parts << dump(n.kids[k]);
        return parts.join(QStringLiteral(", "));
    };
    switch (n.kind) {
    case ExprNode::Kind::Constant: {
        QString v;
        if (n.value.isNone())
            v = QStringLiteral("None");
        else if (n.value.isBool())
            v = n.value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
        else if (n.value.isString())
            v = QLatin1Char('\'') + n.value.toString() + QLatin1Char('\'');
        else if (n.value.isFloat())
            v = QString::number(n.value.toFloat(), 'g', 17);
        else {
            Value err;
            intToDecimal(n.value, &v, err);
        }
        return QStringLiteral("Constant(%1)").arg(v);
    }
    case ExprNode::Kind::Name:
        return QStringLiteral("Name('%1')").arg(n.text);
    case ExprNode::Kind::BinOp:
        return QStringLiteral("BinOp(%1, %2, %3)")
            .arg(dump(n.kids[0]), QLatin1String(binaryOpName(ExprNode::BinaryOp(n.op))), dump(n.kids[1]));
    case ExprNode::Kind::UnaryOp: {
        static const char *const names[] = {"USub", "UAdd", "Not", "Invert"};
        return QStringLiteral("UnaryOp(%1, %2)").arg(QLatin1String(names[n.op]), dump(n.kids[0]));
    }
    case ExprNode::Kind::BoolOp:
        return QStringLiteral("BoolOp(%1, [%2])").arg(n.op ? QLatin1String("Or") : QLatin1String("And"), kids());
    case ExprNode::Kind::Compare: {
        static const char *const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
        QStringList ops, rest;
        for (auto op : n.ops)
            ops << QLatin1String(names[int(op)]);
        for (std::size_t k = 1; k < n.kids.size(); ++k)
            rest << dump(n.kids[k]);
        return QStringLiteral("Compare(%1, [%2], [%3])")
            .arg(dump(n.kids[0]), ops.join(QStringLiteral(", ")), rest.join(QStringLiteral(", ")));
    }
    case ExprNode::Kind::IfExp:
        return QStringLiteral("IfExp(%1, %2, %3)").arg(dump(n.kids[0]), dump(n.kids[1]), dump(n.kids[2]));
    case ExprNode::Kind::Call: {
        QStringList args, keywords;
        for (std::size_t k = 1; k < n.kids.size(); ++k) {
            if (node(n.kids[k]).kind == ExprNode::Kind::Keyword)
                keywords << dump(n.kids[k]);
            else
                args << dump(n.kids[k]);
        }
        return QStringLiteral("Call(%1, [%2], [%3])")
            .arg(dump(n.kids[0]), args.join(QStringLiteral(", ")), keywords.join(QStringLiteral(", ")));
    }
    case ExprNode::Kind::Keyword:
        return QStringLiteral("keyword('%1', %2)").arg(n.text, dump(n.kids[0]));
    case ExprNode::Kind::Attribute:
        return QStringLiteral("Attribute(%1, '%2')").arg(dump(n.kids[0]), n.text);
    case ExprNode::Kind::Subscript:
        return QStringLiteral("Subscript(%1, %2)").arg(dump(n.kids[0]), dump(n.kids[1]));
    case ExprNode::Kind::Slice:
        return QStringLiteral("Slice(%1, %2, %3)").arg(dump(n.kids[0]), dump(n.kids[1]), dump(n.kids[2]));
    case ExprNode::Kind::List:
        return QStringLiteral("List([%1])").arg(kids());
    case ExprNode::Kind::Tuple:
        return QStringLiteral("Tuple([%1])").arg(kids());
    case ExprNode::Kind::Dict: {
        QStringList keys, values;
        for (std::size_t k = 0; k + 1 < n.kids.size(); k += 2) {
            keys << dump(n.kids[k]);
            values << dump(n.kids[k + 1]);
        }
        return QStringLiteral("Dict([%1], [%2])")
            .arg(keys.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
    }
    case ExprNode::Kind::ListComp:
        return QStringLiteral("ListComp(%1, [%2])").arg(dump(n.kids[0]), kids(1));
    case ExprNode::Kind::GeneratorExp:
        return QStringLiteral("GeneratorExp(%1, [%2])").arg(dump(n.kids[0]), kids(1));
    case ExprNode::Kind::Comprehension: {
        QStringList ifs;
        for (std::size_t k = 2; k < n.kids.size(); ++k)
            ifs << dump(n.kids[k]);
        return QStringLiteral("comprehension(%1, %2, [%3])")
            .arg(dump(n.kids[0]), dump(n.kids[1]), ifs.join(QStringLiteral(", ")));
    }
    case ExprNode::Kind::Starred:
        return QStringLiteral("Starred(%1)").arg(dump(n.kids[0]));
    case ExprNode::Kind::JoinedStr:
        return QStringLiteral("JoinedStr([%1])").arg(kids());
    case ExprNode::Kind::FormattedValue:
        return QStringLiteral("FormattedValue(%1, %2, %3)")
            .arg(dump(n.kids[0]))
            .arg(n.op ? int(n.op) : -1)
            .arg(dump(n.kids[1]));
    }
    return {};
}

}  // namespace tusk
