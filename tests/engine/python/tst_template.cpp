// print.text templates: parsing, errors modelled on CPython 3.11's f-string SyntaxErrors, and
// rendering through pyformat. Rendered outputs and SyntaxError messages come from CPython 3.11.7
// evaluating/compiling the same text as an f-string.
#include "pyformat.h"
#include "template.h"

#include <QStringList>
#include <QTest>
#include <map>

using namespace tusk;

namespace {

// A QString from a char16_t literal, keeping NULs and lone surrogates.
template<std::size_t N> QString S(const char16_t (&s)[N])
{
    return QString(reinterpret_cast<const QChar *>(s), qsizetype(N - 1));
}

// One line per template: `L(text)@col`, `V(name)!r:spec@col`, `N(now)`, `D(t)`, `C(t)`.
QString describe(const Template &t)
{
    QStringList out;
    for (const TemplatePart &p : t.parts) {
        QString s;
        switch (p.kind) {
        case TemplatePart::Kind::Literal:
            s = QStringLiteral("L");
            break;
        case TemplatePart::Kind::Variable:
            s = QStringLiteral("V");
            break;
        case TemplatePart::Kind::Now:
            s = QStringLiteral("N");
            break;
        case TemplatePart::Kind::Done:
            s = QStringLiteral("D");
            break;
        case TemplatePart::Kind::Cancelled:
            s = QStringLiteral("C");
            break;
        case TemplatePart::Kind::Expression:
            s = QStringLiteral("E");
            break;
        }
        s += QLatin1Char('(') + (p.kind == TemplatePart::Kind::Expression ? p.expr : p.text) + QLatin1Char(')');
        if (!p.conversion.isNull())
            s += QLatin1Char('!') + p.conversion;
        if (!p.spec.isEmpty())
            s += QLatin1Char(':') + p.spec;
        s += QLatin1Char('@') + QString::number(p.column);
        out << s;
    }
    return out.join(QLatin1Char(' '));
}

// What print(f"...") would write, with `t.done()` True and `t.cancelled()` False.
QString render(const Template &t, const std::map<QString, Value> &vars, double now)
{
    QString out;
    for (const TemplatePart &p : t.parts) {
        Value v;
        switch (p.kind) {
        case TemplatePart::Kind::Literal:
            out += p.text;
            continue;
        case TemplatePart::Kind::Variable:
            v = vars.at(p.text);
            break;
        case TemplatePart::Kind::Now:
            v = Value::floating(now);
            break;
        case TemplatePart::Kind::Done:
            v = Value::boolean(true);
            break;
        case TemplatePart::Kind::Cancelled:
            v = Value::boolean(false);
            break;
        case TemplatePart::Kind::Expression:
            return {};  // not in these tests' templates
        }
        if (p.conversion == u's')
            v = Value::string(pyStr(v));
        else if (p.conversion == u'r')
            v = Value::string(pyRepr(v));
        else if (p.conversion == u'a')
            v = Value::string(pyAscii(v));
        const FormatResult r = pyFormat(v, p.spec);
        out += r.ok ? r.text : QStringLiteral("<error: ") + r.errorMessage + QLatin1Char('>');
    }
    return out;
}

}  // namespace

class TestTemplate : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void render_data();
    void render();
    void syntaxErrors_data();
    void syntaxErrors();
    void expressions_data();
    void expressions();
    void unsupported_data();
    void unsupported();
    void nullOutputsAreAllowed();
};

void TestTemplate::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parts");
    QTest::newRow("empty") << S(u"") << S(u"");
    QTest::newRow("plain") << S(u"plain text") << S(u"L(plain text)@0");
    QTest::newRow("doubled braces merge into one literal") << S(u"a{{b}}c{x}d") << S(u"L(a{b}c)@0 V(x)@7 L(d)@10");
    QTest::newRow("only braces") << S(u"{{}}") << S(u"L({})@0");
    QTest::newRow("closing pair first") << S(u"}}x{{") << S(u"L(}x{)@0");
    QTest::newRow("adjacent fields") << S(u"{a}{b}") << S(u"V(a)@0 V(b)@3");
    QTest::newRow("conversion and spec") << S(u"{x!r:>5}") << S(u"V(x)!r:>5@0");
    QTest::newRow("conversion s") << S(u"{x!s}") << S(u"V(x)!s@0");
    QTest::newRow("conversion a") << S(u"{x!a}") << S(u"V(x)!a@0");
    QTest::newRow("empty spec") << S(u"{x:}") << S(u"V(x)@0");
    QTest::newRow("spec may hold = ! :") << S(u"{x:=!:}") << S(u"V(x):=!:@0");
    QTest::newRow("spaces around name") << S(u"x is { x }!") << S(u"L(x is )@0 V(x)@5 L(!)@10");
    QTest::newRow("newlines around name") << S(u"{\nx\t}") << S(u"V(x)@0");
    QTest::newRow("now") << S(u"Task 1 finished at {now:.1f}s") << S(u"L(Task 1 finished at )@0 N(now):.1f@19 L(s)@28");
    QTest::newRow("done") << S(u"{t.done()}") << S(u"D(t)@0");
    QTest::newRow("cancelled with spaces") << S(u"{ t . cancelled ( ) }") << S(u"C(t)@0");
    QTest::newRow("done with conversion and spec") << S(u"{t.done()!r:>6}") << S(u"D(t)!r:>6@0");
    QTest::newRow("name like now") << S(u"{nowhere}") << S(u"V(nowhere)@0");
    QTest::newRow("underscore and digits") << S(u"{_x1}") << S(u"V(_x1)@0");
    QTest::newRow("unicode name") << S(u"{\xe9t\xe9}") << S(u"V(\xe9t\xe9)@0");
    QTest::newRow("self-documenting") << S(u"{x=}") << S(u"L(x=)@0 V(x)!r@0");
    QTest::newRow("self-documenting keeps spaces") << S(u"ab{x = :>4}") << S(u"L(abx = )@0 V(x):>4@2");
    QTest::newRow("self-documenting with conversion") << S(u"{x=!s}") << S(u"L(x=)@0 V(x)!s@0");
    QTest::newRow("non-BMP literal") << S(u"\xd83d\xde00{x}") << S(u"L(\xd83d\xde00)@0 V(x)@2");
}

void TestTemplate::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, parts);
    Template t;
    QString error;
    int index = -1;
    QVERIFY2(parseTemplate(text, &t, &error, &index), qPrintable(error));
    QCOMPARE(describe(t), parts);
}

void TestTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("'Task 1 finished at {now:.1f}s'")
        << S(u"Task 1 finished at {now:.1f}s") << S(u"Task 1 finished at 1.5s");
    QTest::newRow("'{x}'") << S(u"{x}") << S(u"3.14159");
    QTest::newRow("'{x!r}'") << S(u"{x!r}") << S(u"3.14159");
    QTest::newRow("'{x:.2f}'") << S(u"{x:.2f}") << S(u"3.14");
    QTest::newRow("'{x:>10.3f}|'") << S(u"{x:>10.3f}|") << S(u"     3.142|");
    QTest::newRow("'{x:e}'") << S(u"{x:e}") << S(u"3.141590e+00");
    QTest::newRow("'{n}'") << S(u"{n}") << S(u"42");
    QTest::newRow("'{n:05d}'") << S(u"{n:05d}") << S(u"00042");
    QTest::newRow("'{n:x}'") << S(u"{n:x}") << S(u"2a");
    QTest::newRow("'{n:#b}'") << S(u"{n:#b}") << S(u"0b101010");
    QTest::newRow("'{n!r:>5}'") << S(u"{n!r:>5}") << S(u"   42");
    QTest::newRow("'{s}'") << S(u"{s}") << S(u"it's");
    QTest::newRow("'{s!r}'") << S(u"{s!r}") << S(u"\"it's\"");
    QTest::newRow("'{s!a}'") << S(u"{s!a}") << S(u"\"it's\"");
    QTest::newRow("'{s:^11}'") << S(u"{s:^11}") << S(u"   it's    ");
    QTest::newRow("'{s!r:*^12}'") << S(u"{s!r:*^12}") << S(u"***\"it's\"***");
    QTest::newRow("'{xs}'") << S(u"{xs}") << S(u"[1, 'a', None, ValueError('x')]");
    QTest::newRow("'{xs!s}'") << S(u"{xs!s}") << S(u"[1, 'a', None, ValueError('x')]");
    QTest::newRow("'{xs!a}'") << S(u"{xs!a}") << S(u"[1, 'a', None, ValueError('x')]");
    QTest::newRow("'{e}'") << S(u"{e}") << S(u"boom");
    QTest::newRow("'{e!r}'") << S(u"{e!r}") << S(u"ValueError('boom')");
    QTest::newRow("'{e!s:>8}'") << S(u"{e!s:>8}") << S(u"    boom");
    QTest::newRow("'{c!r}'") << S(u"{c!r}") << S(u"CancelledError('')");
    QTest::newRow("'[{c}]'") << S(u"[{c}]") << S(u"[]");
    QTest::newRow("'{none}'") << S(u"{none}") << S(u"None");
    QTest::newRow("'{none!r}'") << S(u"{none!r}") << S(u"None");
    QTest::newRow("'{b}'") << S(u"{b}") << S(u"True");
    QTest::newRow("'{b:>6}'") << S(u"{b:>6}") << S(u"     1");
    QTest::newRow("'{b!s:>6}'") << S(u"{b!s:>6}") << S(u"  True");
    QTest::newRow("'{z}'") << S(u"{z}") << S(u"-0.0");
    QTest::newRow("'{z:z.1f}'") << S(u"{z:z.1f}") << S(u"0.0");
    QTest::newRow("'{big:,}'") << S(u"{big:,}") << S(u"1,234,567");
    QTest::newRow("'{big:_}'") << S(u"{big:_}") << S(u"1_234_567");
    QTest::newRow("'{big:,.2f}'") << S(u"{big:,.2f}") << S(u"1,234,567.00");
    QTest::newRow("'{t.done()}'") << S(u"{t.done()}") << S(u"True");
    QTest::newRow("'{t.cancelled()}'") << S(u"{t.cancelled()}") << S(u"False");
    QTest::newRow("'{ t . done ( ) !r:>6}'") << S(u"{ t . done ( ) !r:>6}") << S(u"  True");
    QTest::newRow("'{x=}'") << S(u"{x=}") << S(u"x=3.14159");
    QTest::newRow("'{n = }'") << S(u"{n = }") << S(u"n = 42");
    QTest::newRow("'{x=:.1f}'") << S(u"{x=:.1f}") << S(u"x=3.1");
    QTest::newRow("'{s=!s}'") << S(u"{s=!s}") << S(u"s=it's");
    QTest::newRow("'{\\xe9}'") << S(u"{\xe9}") << S(u"0.30000000000000004");
    QTest::newRow("'{{literal}} {n}'") << S(u"{{literal}} {n}") << S(u"{literal} 42");
    QTest::newRow("'a{{b}}c{n}d}}'") << S(u"a{{b}}c{n}d}}") << S(u"a{b}c42d}");
    QTest::newRow("'{n}{n}{{}}'") << S(u"{n}{n}{{}}") << S(u"4242{}");
    QTest::newRow("''") << S(u"") << S(u"");
    QTest::newRow("'no fields at all'") << S(u"no fields at all") << S(u"no fields at all");
    QTest::newRow("'{now}'") << S(u"{now}") << S(u"1.5");
    QTest::newRow("'{now!r}'") << S(u"{now!r}") << S(u"1.5");
    QTest::newRow("'{now:.3}'") << S(u"{now:.3}") << S(u"1.5");
    QTest::newRow("'{x:}'") << S(u"{x:}") << S(u"3.14159");
    QTest::newRow("'{x!r:}'") << S(u"{x!r:}") << S(u"3.14159");
    QTest::newRow("'{ n }'") << S(u"{ n }") << S(u"42");
    QTest::newRow("'{\\nn\\n}'") << S(u"{\xan\xa}") << S(u"42");
    QTest::newRow("'tab\\t{n}\\nnew line'") << S(u"tab\x9{n}\xanew line")
                                            << S(u"tab\x9"
                                                 u"42\xanew line");
    QTest::newRow("'\\U0001f600 {s} \\U0001f600'")
        << S(u"\xd83d\xde00 {s} \xd83d\xde00") << S(u"\xd83d\xde00 it's \xd83d\xde00");
    QTest::newRow("'{n:\\U0001f600^9}'") << S(u"{n:\xd83d\xde00^9}")
                                         << S(u"\xd83d\xde00\xd83d\xde00\xd83d\xde00"
                                              u"42\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00");
    QTest::newRow("'{xs!r:>30}'") << S(u"{xs!r:>30}") << S(u"[1, 'a', None, ValueError('x')]");
}

void TestTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const std::map<QString, Value> vars = {
        {S(u"x"), Value::floating(3.14159)},
        {S(u"n"), Value::integer(42)},
        {S(u"s"), Value::string(S(u"it's"))},
        {S(u"xs"),
            Value::list({Value::integer(1), Value::string(S(u"a")), Value(),
                Value::exception(ExceptionType::ValueError, Value::string(S(u"x")))})},
        {S(u"e"), Value::exception(ExceptionType::ValueError, Value::string(S(u"boom")))},
        {S(u"c"), Value::exception(ExceptionType::CancelledError, Value::string(S(u"")))},
        {S(u"none"), Value()},
        {S(u"b"), Value::boolean(true)},
        {S(u"z"), Value::floating(-0.0)},
        {S(u"big"), Value::integer(1234567)},
        {S(u"\xe9"), Value::floating(0.1 + 0.2)},
    };
    Template t;
    QString error;
    int index = -1;
    QVERIFY2(parseTemplate(text, &t, &error, &index), qPrintable(error));
    QCOMPARE(::render(t, vars, 1.5), expected);
}

void TestTemplate::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("index");
    QTest::newRow("'{x!}'") << S(u"{x!}") << S(u"f-string: invalid conversion character: expected 's', 'r', or 'a'")
                            << 3;
    QTest::newRow("'{!r}'") << S(u"{!r}") << S(u"f-string: expression required before '!'") << 1;
    QTest::newRow("'{:>3}'") << S(u"{:>3}") << S(u"f-string: expression required before ':'") << 1;
    QTest::newRow("'{=}'") << S(u"{=}") << S(u"f-string: expression required before '='") << 1;
    QTest::newRow("'{}'") << S(u"{}") << S(u"f-string: empty expression not allowed") << 0;
    QTest::newRow("'{ }'") << S(u"{ }") << S(u"f-string: empty expression not allowed") << 0;
    QTest::newRow("'{x'") << S(u"{x") << S(u"f-string: expecting '}'") << 2;
    QTest::newRow("'{x!'") << S(u"{x!") << S(u"f-string: expecting '}'") << 3;
    QTest::newRow("'{x:'") << S(u"{x:") << S(u"f-string: expecting '}'") << 3;
    QTest::newRow("'{x:abc'") << S(u"{x:abc") << S(u"f-string: expecting '}'") << 6;
    QTest::newRow("'a}b'") << S(u"a}b") << S(u"f-string: single '}' is not allowed") << 1;
    QTest::newRow("'}'") << S(u"}") << S(u"f-string: single '}' is not allowed") << 0;
    QTest::newRow("'{x}}'") << S(u"{x}}") << S(u"f-string: single '}' is not allowed") << 3;
    QTest::newRow("'{'") << S(u"{") << S(u"f-string: expecting '}'") << 1;
    QTest::newRow("'ab{'") << S(u"ab{") << S(u"f-string: expecting '}'") << 3;
    QTest::newRow("'{x!rr}'") << S(u"{x!rr}") << S(u"f-string: expecting '}'") << 4;
    QTest::newRow("'{x!z}'") << S(u"{x!z}") << S(u"f-string: invalid conversion character: expected 's', 'r', or 'a'")
                             << 3;
    QTest::newRow("'{x! r}'") << S(u"{x! r}") << S(u"f-string: invalid conversion character: expected 's', 'r', or 'a'")
                              << 3;
    QTest::newRow("'{x!r=}'") << S(u"{x!r=}") << S(u"f-string: expecting '}'") << 4;
    QTest::newRow("'{x[}'") << S(u"{x[}")
                            << S(u"f-string: closing parenthesis '}' does not match opening parenthesis '['") << 3;
    QTest::newRow("'{x#}'") << S(u"{x#}") << S(u"f-string expression part cannot include '#'") << 2;
    QTest::newRow("'{x\\\\n}'") << S(u"{x\\n}") << S(u"f-string expression part cannot include a backslash") << 2;
    QTest::newRow("'{x)}'") << S(u"{x)}") << S(u"f-string: unmatched ')'") << 2;
    QTest::newRow("'{(x}'") << S(u"{(x}")
                            << S(u"f-string: closing parenthesis '}' does not match opening parenthesis '('") << 3;
    QTest::newRow("'{(}'") << S(u"{(}")
                           << S(u"f-string: closing parenthesis '}' does not match opening parenthesis '('") << 2;
    QTest::newRow("\"{'a}\"") << S(u"{'a}") << S(u"f-string: unterminated string") << 1;
    QTest::newRow("'{x[1}'") << S(u"{x[1}")
                             << S(u"f-string: closing parenthesis '}' does not match opening parenthesis '['") << 4;
}

void TestTemplate::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, index);
    Template t;
    QString error;
    int errorIndex = -1;
    QVERIFY(!parseTemplate(text, &t, &error, &errorIndex));
    QCOMPARE(error, message);
    QCOMPARE(errorIndex, index);
}

// Version 2: any expression stands in a field; version 1's forms keep their own kinds.
void TestTemplate::expressions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parts");
    QTest::newRow("method call") << S(u"{x.foo()}") << S(u"E(x.foo())@0");
    QTest::newRow("attribute") << S(u"{t.done}") << S(u"E(t.done)@0");
    QTest::newRow("done with argument") << S(u"{t.done(1)}") << S(u"E(t.done(1))@0");
    QTest::newRow("done twice") << S(u"{t.done().done()}") << S(u"E(t.done().done())@0");
    QTest::newRow("keyword None") << S(u"{None}") << S(u"E(None)@0");
    QTest::newRow("keyword True") << S(u"ab{ True}") << S(u"L(ab)@0 E( True)@2");
    QTest::newRow("arithmetic with spec") << S(u"{x+1:>4}") << S(u"E(x+1):>4@0");
    QTest::newRow("subscript") << S(u"{ x[0]!r}") << S(u"E( x[0])!r@0");
    QTest::newRow("string") << S(u"{'a'}") << S(u"E('a')@0");
    QTest::newRow("comparison !=") << S(u"{x!=y}") << S(u"E(x!=y)@0");
    QTest::newRow("comparison <") << S(u"{x<y}") << S(u"E(x<y)@0");
    QTest::newRow("self-documenting") << S(u"{i * 2=}") << S(u"L(i * 2=)@0 E(i * 2)!r@0");
    QTest::newRow("version 1 forms stay") << S(u"{x} {t.done()} {now}") << S(u"V(x)@0 L( )@3 D(t)@4 L( )@14 N(now)@15");
}

void TestTemplate::expressions()
{
    QFETCH(QString, text);
    QFETCH(QString, parts);
    Template t;
    QString error;
    int errorIndex = -1;
    QVERIFY2(parseTemplate(text, &t, &error, &errorIndex), qPrintable(error));
    QCOMPARE(describe(t), parts);
}

// What a field may not hold, with the character the error points at.
void TestTemplate::unsupported_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("index");
    const QString nested = S(u"f-string: nested replacement fields are not supported in a format spec");
    QTest::newRow("two names") << S(u"{x y}") << S(u"invalid syntax") << 3;
    QTest::newRow("lambda") << S(u"ab{(lambda: 1)()}") << S(u"lambda is not supported by Tusk yet") << 4;
    QTest::newRow("ends too early") << S(u"{f(x,)+}") << S(u"invalid syntax: the expression ends too early") << 7;
    QTest::newRow("nested spec") << S(u"{x:{y}}") << nested << 3;
    QTest::newRow("nested width") << S(u"{x:>{w}}") << nested << 4;
}

void TestTemplate::unsupported()
{
    syntaxErrors();
}

void TestTemplate::nullOutputsAreAllowed()
{
    QVERIFY(parseTemplate(S(u"{x}"), nullptr, nullptr, nullptr));
    QVERIFY(!parseTemplate(S(u"{x"), nullptr, nullptr, nullptr));
    // A failed parse leaves the output alone.
    Template t;
    QVERIFY(parseTemplate(S(u"a{b}"), &t, nullptr, nullptr));
    QVERIFY(!parseTemplate(S(u"{"), &t, nullptr, nullptr));
    QCOMPARE(t.parts.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
