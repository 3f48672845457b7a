// JsonValue, parseJson and writeJson: Python's json module is the reference for what is
// accepted and how values are written.
#include "jsonvalue.h"

#include <QRandomGenerator>
#include <QTest>
#include <bit>
#include <cmath>

using namespace tusk;

class TestJson : public QObject {
    Q_OBJECT

private slots:
    void syntaxErrors_data();
    void syntaxErrors();
    void nestingLimit();
    void intAndFloatKept_data();
    void intAndFloatKept();
    void strings_data();
    void strings();
    void positions();
    void duplicateKeysLastWins();
    void writerLayout();
    void writerStrings();
    void floatRepr_data();
    void floatRepr();
    void randomFloatsRoundTrip();
    void roundTripByteIdentical();
    void equalityAndSet();
};

namespace {

JsonValue parseOk(const QByteArray &text)
{
    JsonValue v;
    JsonError e;
    if (!parseJson(text, &v, &e))
        qWarning("unexpected error %d:%d: %s", e.line, e.column, qPrintable(e.message));
    return v;
}

}  // namespace

void TestJson::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    auto row = [](const char *name, const QByteArray &text, const char *msg, int line, int col) {
        QTest::newRow(name) << text << QString::fromUtf8(msg) << line << col;
    };
    row("empty", "", "expected a value", 1, 1);
    row("blank", "  \n ", "expected a value", 2, 2);
    row("bad token", "tru", "expected a value", 1, 1);
    row("value on line 4", "\n\n  [1,\n   x]", "expected a value", 4, 4);
    row("array missing comma", "[1 2]", "expected ',' or ']' after an array item", 1, 4);
    row("array unclosed", "[1,\n 2\n", "expected ',' or ']' after an array item", 3, 1);
    row("object missing comma", "{\"a\":1 \"b\":2}", "expected ',' or '}' after an object member", 1, 8);
    row("object unclosed", "{\"a\":1", "expected ',' or '}' after an object member", 1, 7);
    row("missing colon", "{\"a\" 1}", "expected ':' after a member name", 1, 6);
    row("unquoted name", "{a:1}", "expected a member name in double quotes", 1, 2);
    row("trailing comma object", "{\"a\":1,}", "trailing comma", 1, 8);
    row("trailing comma array", "[1,]", "trailing comma", 1, 4);
    row("unterminated string", "\"abc", "unterminated string", 1, 1);
    row("unterminated after escape", "[\n  \"abc\\", "unterminated string", 2, 3);
    row("newline in string", "[\"a\nb\"]", "line break inside a string", 1, 4);
    row("control char", "\"a\x01\"", "invalid control character U+0001", 1, 3);
    row("tab in string", "\"a\tb\"", "invalid control character U+0009", 1, 3);
    row("invalid escape", "\"a\\x\"", "invalid escape '\\x'", 1, 3);
    row("short unicode escape", "\"\\u12g4\"", "\\u must be followed by 4 hex digits", 1, 2);
    row("bad low surrogate escape", "\"\\ud800\\u12\"", "\\u must be followed by 4 hex digits", 1, 8);
    row("int too large", "9223372036854775808", "integer too large (outside 64-bit range)", 1, 1);
    row("int too small", "[-9223372036854775809]", "integer too large (outside 64-bit range)", 1, 2);
    row("float overflow", "1e400", "number is not finite", 1, 1);
    row("float overflow fraction", "{\"x\": -0.001e312}", "number is not finite", 1, 7);
    row("NaN", "[NaN]", "number is not finite", 1, 2);
    row("Infinity", "Infinity", "number is not finite", 1, 1);
    row("-Infinity", " -Infinity", "number is not finite", 1, 2);
    row("leading zero", "01", "leading zeros are not allowed", 1, 1);
    row("dot without digits", "1.", "a digit must follow '.'", 1, 3);
    row("exponent without digits", "1e+", "the exponent needs digits", 1, 4);
    row("lone minus", "-", "a digit must follow '-'", 1, 1);
    row("minus letter", "-a", "a digit must follow '-'", 1, 1);
    row("extra data", "[1] x", "extra data after the JSON value", 1, 5);
    row("two objects", "{\"a\":1}}", "extra data after the JSON value", 1, 8);
    row("BOM", "\xef\xbb\xbf{}", "unexpected UTF-8 byte order mark (BOM)", 1, 1);
    // Columns count characters, not bytes: U+1F600 is one column.
    row("columns in characters", "[\"\xf0\x9f\x98\x80\xf0\x9f\x98\x80\", x]", "expected a value", 1, 8);
    row("crlf lines", "[\r\n1,\r\n x]", "expected a value", 3, 2);
    row("bad utf8 start byte", "\"\xc3\xa9\xff\"", "invalid UTF-8: byte 0xFF cannot start a character", 1, 3);
    row("bad utf8 continuation", "\"\xc3\"", "invalid UTF-8: byte 0xC3 is not followed by a valid continuation byte", 1,
        2);
    row("utf8 truncated at end", "\"\xe2\x82", "invalid UTF-8: the text ends in the middle of a character", 1, 2);
    row("utf8 encoded surrogate", "[1,\n\"\xed\xa0\x80\"]", "invalid UTF-8: byte 0xED", 2, 2);
    row("utf8 overlong", "\"\xc0\xaf\"", "invalid UTF-8: byte 0xC0 cannot start a character", 1, 2);
    row("utf8 above U+10FFFF", "\"\xf4\x90\x80\x80\"", "invalid UTF-8: byte 0xF4", 1, 2);
    // Invalid UTF-8 is found before any JSON error, as when Python decodes first.
    row("utf8 before syntax", "[x, \"\xff\"]", "invalid UTF-8", 1, 6);
}

void TestJson::syntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);

    JsonValue v = JsonValue::string(QStringLiteral("untouched"));
    JsonError e;
    QVERIFY(!parseJson(text, &v, &e));
    QVERIFY2(e.message.contains(message), qPrintable(e.message));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QCOMPARE(v.toString(), QStringLiteral("untouched"));  // output untouched on failure
}

void TestJson::nestingLimit()
{
    JsonValue v;
    JsonError e;
    const QByteArray ok = QByteArray(200, '[') + QByteArray(200, ']');
    QVERIFY(parseJson(ok, &v, &e));
    const QByteArray deep = QByteArray(201, '[') + QByteArray(201, ']');
    QVERIFY(!parseJson(deep, &v, &e));
    QCOMPARE(e.message, QStringLiteral("nesting deeper than 200 levels"));
    QCOMPARE(e.line, 1);
    QCOMPARE(e.column, 201);
    // Objects count too, and the limit can be lowered.
    QVERIFY(!parseJson("{\"a\": {\"b\": [1]}}", &v, &e, 2));
    QCOMPARE(e.message, QStringLiteral("nesting deeper than 2 levels"));
    QCOMPARE(e.column, 13);
    QVERIFY(parseJson("{\"a\": {\"b\": 1}}", &v, &e, 2));
}

void TestJson::intAndFloatKept_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isInt");
    QTest::addColumn<qint64>("intValue");
    QTest::addColumn<double>("floatValue");
    QTest::addColumn<QByteArray>("written");

    QTest::newRow("1") << QByteArray("1") << true << qint64(1) << 0.0 << QByteArray("1");
    QTest::newRow("1.0") << QByteArray("1.0") << false << qint64(0) << 1.0 << QByteArray("1.0");
    QTest::newRow("-0") << QByteArray("-0") << true << qint64(0) << 0.0 << QByteArray("0");
    QTest::newRow("1e2") << QByteArray("1e2") << false << qint64(0) << 100.0 << QByteArray("100.0");
    QTest::newRow("1E-2") << QByteArray("1E-2") << false << qint64(0) << 0.01 << QByteArray("0.01");
    QTest::newRow("2.50") << QByteArray("2.50") << false << qint64(0) << 2.5 << QByteArray("2.5");
    QTest::newRow("int max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max() << 0.0
                             << QByteArray("9223372036854775807");
    QTest::newRow("int min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min() << 0.0
                             << QByteArray("-9223372036854775808");
    QTest::newRow("underflow") << QByteArray("1e-400") << false << qint64(0) << 0.0 << QByteArray("0.0");
    QTest::newRow("tiny") << QByteArray("5e-324") << false << qint64(0) << 5e-324 << QByteArray("5e-324");
    QTest::newRow("huge float") << QByteArray("1.7976931348623157e308") << false << qint64(0) << 1.7976931348623157e308
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("0.7") << QByteArray("0.7") << false << qint64(0) << 0.7 << QByteArray("0.7");
}

void TestJson::intAndFloatKept()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isInt);
    QFETCH(qint64, intValue);
    QFETCH(double, floatValue);
    QFETCH(QByteArray, written);

    const JsonValue v = parseOk(text);
    QCOMPARE(v.isInt(), isInt);
    QCOMPARE(v.isFloat(), !isInt);
    if (isInt)
        QCOMPARE(qint64(v.toInt()), intValue);
    else
        QCOMPARE(std::bit_cast<quint64>(v.toFloat()), std::bit_cast<quint64>(floatValue));
    QCOMPARE(writeJson(v), written + '\n');
}

void TestJson::strings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("simple escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << QStringLiteral("\"\\/\b\f\n\r\t");
    QTest::newRow("unicode escape") << QByteArray(R"("caf\u00e9")") << QStringLiteral("caf\u00e9");
    QTest::newRow("uppercase hex") << QByteArray(R"("\u00C9")") << QStringLiteral("\u00c9");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800")") << QString(QChar(0xD800));
    QTest::newRow("high then ordinary") << QByteArray(R"("\ud800\u0041")") << QString(QChar(0xD800)) + QLatin1Char('A');
    QTest::newRow("lone low surrogate") << QByteArray(R"("x\udc00")") << QStringLiteral("x") + QString(QChar(0xDC00));
    QTest::newRow("raw utf8") << QByteArray("\"\xd0\xb7\xd0\xb0\xd0\xb4\xd0\xb0\xd1\x87\xd0\xb0 \xf0\x9f\x90\x98\"")
                              << QString::fromUtf8("\xd0\xb7\xd0\xb0\xd0\xb4\xd0\xb0\xd1\x87\xd0\xb0 \xf0\x9f\x90\x98");
    QTest::newRow("DEL is not a control char") << QByteArray("\"a\x7f\"") << QStringLiteral("a\x7f");
    QTest::newRow("escaped NUL") << QByteArray(R"("a\u0000b")") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    QTest::newRow("BOM inside a string") << QByteArray("\"\xef\xbb\xbf\"") << QString(QChar(0xFEFF));
}

void TestJson::strings()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);

    const JsonValue v = parseOk(text);
    QVERIFY(v.isString());
    QCOMPARE(v.toString(), expected);
    // Whatever was read is written so that it reads back the same.
    const JsonValue again = parseOk(writeJson(v));
    QCOMPARE(again.toString(), expected);
}

void TestJson::positions()
{
    const JsonValue v = parseOk("{\n  \"a\": [1, {\"b\": true}],\n\t\"\xc3\xa9\": null\n}");
    QCOMPARE(v.line(), 1);
    QCOMPARE(v.column(), 1);
    const JsonValue *a = v.find(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->line(), 2);
    QCOMPARE(a->column(), 8);
    QCOMPARE(a->items()[0].column(), 9);
    const JsonValue &obj = a->items()[1];
    QCOMPARE(obj.column(), 12);
    const JsonValue *b = obj.find(QStringLiteral("b"));
    QVERIFY(b && b->isBool() && b->toBool());
    QCOMPARE(b->line(), 2);
    QCOMPARE(b->column(), 18);
    const JsonValue *e = v.find(QString::fromUtf8("\xc3\xa9"));
    QVERIFY(e && e->isNull());
    QCOMPARE(e->line(), 3);
    QCOMPARE(e->column(), 7);  // tab, quote, é, quote, colon, space: one column each
    const JsonValue s = parseOk("[1,\n  \"\xf0\x9f\x98\x80\", \"x\"]");
    QCOMPARE(s.items()[1].line(), 2);
    QCOMPARE(s.items()[1].column(), 3);
    QCOMPARE(s.items()[2].column(), 8);
}

void TestJson::duplicateKeysLastWins()
{
    // Python: json.loads('{"a": 1, "b": 2, "a": 3}') == {'a': 3, 'b': 2}, in that order.
    const JsonValue v = parseOk(R"({"a": 1, "b": 2, "a": 3})");
    QCOMPARE(v.members().size(), std::size_t(2));
    QCOMPARE(v.members()[0].first, QStringLiteral("a"));
    QCOMPARE(v.members()[0].second.toInt(), 3);
    QCOMPARE(v.members()[1].first, QStringLiteral("b"));
    QCOMPARE(v.find(QStringLiteral("a"))->toInt(), 3);
    QCOMPARE(v.find(QStringLiteral("a"))->column(), 23);  // the position of the value kept
    QCOMPARE(writeJson(v), QByteArray("{\n  \"a\": 3,\n  \"b\": 2\n}\n"));

    // find() also prefers the last one in a value built with duplicates.
    const JsonValue built = JsonValue::object(
        {{QStringLiteral("k"), JsonValue::integer(1)}, {QStringLiteral("k"), JsonValue::integer(2)}});
    QCOMPARE(built.find(QStringLiteral("k"))->toInt(), 2);
    QVERIFY(!built.find(QStringLiteral("x")));
    QVERIFY(!JsonValue::array().find(QStringLiteral("k")));
}

void TestJson::writerLayout()
{
    // json.dumps({"a": [], "b": {}, "c": [1, {"d": None}], "e": True}, indent=2) + "\n"
    JsonValue inner = JsonValue::object({{QStringLiteral("d"), JsonValue::null()}});
    JsonValue v = JsonValue::object({
        {QStringLiteral("a"), JsonValue::array()},
        {QStringLiteral("b"), JsonValue::object()},
        {QStringLiteral("c"), JsonValue::array({JsonValue::integer(1), inner})},
        {QStringLiteral("e"), JsonValue::boolean(true)},
        {QStringLiteral("f"), JsonValue::boolean(false)},
    });
    const QByteArray expected = "{\n"
                                "  \"a\": [],\n"
                                "  \"b\": {},\n"
                                "  \"c\": [\n"
                                "    1,\n"
                                "    {\n"
                                "      \"d\": null\n"
                                "    }\n"
                                "  ],\n"
                                "  \"e\": true,\n"
                                "  \"f\": false\n"
                                "}\n";
    QCOMPARE(writeJson(v), expected);
    QCOMPARE(writeJson(JsonValue::array()), QByteArray("[]\n"));
    QCOMPARE(writeJson(JsonValue::integer(-5)), QByteArray("-5\n"));
}

void TestJson::writerStrings()
{
    // json.dumps("...", ensure_ascii=False): non-ASCII kept, control characters escaped.
    const QString s = QStringLiteral("q\"b\\n\n r\r t\t \b \f \x01 \x1f \x7f ")
        + QString::fromUtf8("\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x98\x80");
    const QByteArray expected = "\"q\\\"b\\\\n\\n r\\r t\\t \\b \\f \\u0001 \\u001f \x7f \xc3\xa9 "
                                "\xe2\x80\xa8 \xf0\x9f\x98\x80\"\n";
    QCOMPARE(writeJson(JsonValue::string(s)), expected);
    // A lone surrogate cannot be UTF-8: it stays an escape, which reads back as the same string.
    const QString lone = QStringLiteral("a") + QChar(0xD83D) + QStringLiteral("b") + QChar(0xDE00);
    QCOMPARE(writeJson(JsonValue::string(lone)), QByteArray("\"a\\ud83db\\ude00\"\n"));
    QCOMPARE(parseOk(writeJson(JsonValue::string(lone))).toString(), lone);
    // Keys are escaped the same way.
    QCOMPARE(writeJson(JsonValue::object({{QStringLiteral("a\"b"), JsonValue::null()}})),
        QByteArray("{\n  \"a\\\"b\": null\n}\n"));
}

void TestJson::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("repr");

    auto row = [](const char *text, double d) { QTest::newRow(text) << d << QString::fromLatin1(text); };
    row("1e-05", 1e-05);
    row("0.0001", 0.0001);
    row("1e+16", 1e16);
    row("1000000000000000.0", 1e15);
    row("1.5", 1.5);
    row("100.0", 100.0);
    row("0.0", 0.0);
    row("-0.0", -0.0);
    row("0.1", 0.1);
    row("0.30000000000000004", 0.1 + 0.2);
    row("1e+22", 1e22);
    row("1.2345678901234568e+16", 12345678901234567.0);
    row("1.2345678901234568e+17", 123456789012345678.0);
    row("9999999999999998.0", 9999999999999998.0);
    row("5e-324", 5e-324);
    row("1.7976931348623157e+308", 1.7976931348623157e308);
    row("-2.5e-07", -2.5e-07);
    row("123.456", 123.456);
    row("0.000123", 0.000123);
    // Random bit patterns, with reprs from CPython 3.11.
    auto bits = [](const char *text, quint64 b) {
        QTest::newRow(text) << std::bit_cast<double>(b) << QString::fromLatin1(text);
    };
    bits("-1.989032661366619e+244", Q_UINT64_C(0xf2a74de452e6b438));
    bits("7.761117632285041e+178", Q_UINT64_C(0x6513270e269e0d37));
    bits("3.980498358697587e-249", Q_UINT64_C(0xc5c7fd0a6a3a450));
    bits("-1.5432835417340557e+88", Q_UINT64_C(0xd23f0824128b2f33));
    bits("6.294675241195386e-44", Q_UINT64_C(0x36f675cc81e74ef5));
    bits("6.387016158513563e-12", Q_UINT64_C(0x3d9c172411e20b8f));
    bits("-3.51527970626667e-203", Q_UINT64_C(0x95e60af593bd04cf));
    bits("4.6678633181812096e-36", Q_UINT64_C(0x3898d190f9ebdacc));
    bits("0.3333333333333333", Q_UINT64_C(0x3fd5555555555555));
    bits("6.666666666666667e-06", Q_UINT64_C(0x3edbf647612f3696));
    bits("1234567890000000.0", Q_UINT64_C(0x43118b54f2236200));
    bits("9007199254740992.0", Q_UINT64_C(0x4340000000000000));
    bits("1000000000000000.5", Q_UINT64_C(0x430c6bf526340004));
    bits("5e-05", Q_UINT64_C(0x3f0a36e2eb1c432d));
    bits("1e+17", Q_UINT64_C(0x4376345785d8a000));
}

void TestJson::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, repr);

    QCOMPARE(QString::fromUtf8(writeJson(JsonValue::floating(value))), repr + QLatin1Char('\n'));
    const JsonValue back = parseOk(repr.toUtf8());
    QVERIFY(back.isFloat());
    QCOMPARE(std::bit_cast<quint64>(back.toFloat()), std::bit_cast<quint64>(value));
}

void TestJson::randomFloatsRoundTrip()
{
    QRandomGenerator rng(12345);
    int tested = 0;
    while (tested < 20000) {
        const double d = std::bit_cast<double>(rng.generate64());
        if (!std::isfinite(d))
            continue;
        ++tested;
        const QByteArray text = writeJson(JsonValue::floating(d));
        JsonValue back;
        JsonError e;
        QVERIFY2(parseJson(text, &back, &e), text.constData());
        QVERIFY2(back.isFloat(), text.constData());
        QVERIFY2(std::bit_cast<quint64>(back.toFloat()) == std::bit_cast<quint64>(d), text.constData());
        // Always recognisably a float: a '.', an 'e' or both.
        QVERIFY2(text.contains('.') || text.contains('e'), text.constData());
    }
}

void TestJson::roundTripByteIdentical()
{
    const QByteArray text = "{\n"
                            "  \"n\": [\n"
                            "    1,\n"
                            "    1.0,\n"
                            "    -0.0,\n"
                            "    1e-05,\n"
                            "    -9223372036854775808\n"
                            "  ],\n"
                            "  \"s\": \"tab\\t \xc3\xa9 \\u0000 \\\"q\\\"\",\n"
                            "  \"o\": {\n"
                            "    \"z\": [],\n"
                            "    \"a\": {}\n"
                            "  }\n"
                            "}\n";
    const JsonValue v = parseOk(text);
    QCOMPARE(writeJson(v), text);
    // Key order is kept (z before a), not sorted.
    QCOMPARE(v.find(QStringLiteral("o"))->members()[0].first, QStringLiteral("z"));
}

void TestJson::equalityAndSet()
{
    JsonValue a = parseOk("{\"x\": 1, \"y\": [1.0, \"s\"]}");
    JsonValue b = parseOk("{\n\"x\":1,\"y\":[1.0,\"s\"]}");
    QVERIFY(a == b);  // positions ignored
    QVERIFY(!(a == parseOk("{\"y\": [1.0, \"s\"], \"x\": 1}")));  // order matters
    QVERIFY(!(a == parseOk("{\"x\": 1, \"y\": [1, \"s\"]}")));  // 1.0 is not 1
    QVERIFY(!(JsonValue::floating(0.0) == JsonValue::floating(-0.0)));
    QVERIFY(!(JsonValue::null() == JsonValue::boolean(false)));
    QVERIFY(JsonValue::integer(3) == JsonValue::integer(3));

    a.set(QStringLiteral("x"), JsonValue::string(QStringLiteral("new")));
    QCOMPARE(a.members().size(), std::size_t(2));
    QCOMPARE(a.members()[0].second.toString(), QStringLiteral("new"));
    a.set(QStringLiteral("z"), JsonValue::null());
    QCOMPARE(a.members().size(), std::size_t(3));
    QCOMPARE(a.members()[2].first, QStringLiteral("z"));
    QCOMPARE(JsonValue::integer(7).toFloat(), 7.0);
}

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
