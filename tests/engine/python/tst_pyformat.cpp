// Python's str/repr/ascii/format as Tusk reproduces them. Every expected string in the tables
// below was produced by CPython 3.11.7 (repr(), ascii(), str(), format()).
#include "pyformat.h"

#include <QTest>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string_view>

using namespace tusk;
using namespace std::literals;

Q_DECLARE_METATYPE(tusk::Value)
Q_DECLARE_METATYPE(tusk::ExceptionType)

namespace {

// A QString from a char16_t literal, keeping NULs, a leading BOM and lone surrogates
// (QString::fromUtf16 would strip a BOM).
template<std::size_t N> QString S(const char16_t (&s)[N])
{
    return QString(reinterpret_cast<const QChar *>(s), qsizetype(N - 1));
}

QString Q(std::u16string_view s)
{
    return QString(reinterpret_cast<const QChar *>(s.data()), qsizetype(s.size()));
}

QString describe(const FormatResult &r)
{
    if (r.ok)
        return QStringLiteral("ok: ") + r.text;
    return QStringLiteral("error: ") + exceptionTypeName(r.errorType) + QStringLiteral(": ") + r.errorMessage;
}

}  // namespace

class TestPyFormat : public QObject {
    Q_OBJECT

private slots:
    void floatRepr_data();
    void floatRepr();
    void floatReprRoundTripsRandomDoubles();
    void stringRepr_data();
    void stringRepr();
    void values_data();
    void values();
    void tasks();
    void format_data();
    void format();
    void formatErrors_data();
    void formatErrors();
    void formatHugeWidthIsRefused();
    void deepNestingIsFreedWithoutRecursion();
    void reprCountsAgainstTheRecursionLimit();
    void shortReprIsBounded();
};

namespace {

Value nested(int depth, Value leaf = Value::integer(0))
{
    Value v = std::move(leaf);
    for (int i = 0; i < depth; ++i)
        v = Value::list({v});
    return v;
}

}  // namespace

void TestPyFormat::deepNestingIsFreedWithoutRecursion()
{
    // Freed recursively, three million frames deep, this overflowed the stack (a chain of a
    // million gathers makes such a result).
    {
        const Value deep = nested(3'000'000);
    }
    // And text for the user stops instead of recursing as deep.
    const QString text = pyRepr(nested(1'000'000));
    QVERIFY(text.endsWith(QLatin1String("...")));
    QVERIFY(text.size() < 2000);
}

void TestPyFormat::reprCountsAgainstTheRecursionLimit()
{
    // Each nested repr is one call: [[0]] needs three (outer, inner, the int).
    QVERIFY(pyReprLimited(nested(2), 3).ok);
    QCOMPARE(pyReprLimited(nested(2), 3).text, QStringLiteral("[[0]]"));
    const ReprResult failed = pyReprLimited(nested(2), 2);
    QVERIFY(!failed.ok);
    QCOMPARE(
        failed.errorMessage, QStringLiteral("maximum recursion depth exceeded while getting the repr of an object"));
    // str() of a list is one call for the list (object.__str__ calls tp_repr directly), then repr.
    QVERIFY(pyStrLimited(nested(2), 3).ok);
    QVERIFY(!pyStrLimited(nested(2), 2).ok);
    // str() of an exception is str() of its argument: "str" is what runs out.
    Value exc = Value::integer(1);
    for (int i = 0; i < 3; ++i)
        exc = Value::exception(ExceptionType::ValueError, exc);
    QCOMPARE(pyStrLimited(exc, 4).text, QStringLiteral("1"));
    QCOMPARE(pyStrLimited(exc, 3).errorMessage,
        QStringLiteral("maximum recursion depth exceeded while getting the str of an object"));
    QCOMPARE(pyReprLimited(exc, 4).text, QStringLiteral("ValueError(ValueError(ValueError(1)))"));
    // format(list, '') goes through object.__format__: one more.
    QVERIFY(pyFormatLimited(nested(2), QString(), 4).ok);
    const FormatResult f = pyFormatLimited(nested(2), QString(), 3);
    QVERIFY(!f.ok);
    QCOMPARE(f.errorType, ExceptionType::RecursionError);
    // Plain values format without any call at all.
    QVERIFY(pyFormatLimited(Value::integer(5), QString(), 0).ok);
    QCOMPARE(pyAsciiLimited(Value::list({Value::string(QStringLiteral("é"))}), 2).text, QStringLiteral("['\\xe9']"));
}

void TestPyFormat::shortReprIsBounded()
{
    std::vector<Value> many;
    for (int i = 0; i < 100'000; ++i)
        many.push_back(Value::integer(i));
    const QString wide = pyReprShort(Value::list(std::move(many)), 50);
    QVERIFY(wide.startsWith(QLatin1String("[0, 1, 2, 3")));
    QVERIFY(wide.endsWith(QLatin1String("...")));
    QVERIFY(wide.size() < 70);
    const QString deep = pyReprShort(nested(100'000), 300);
    QVERIFY(deep.endsWith(QLatin1String("...")));
    QVERIFY(deep.size() < 40);
    QCOMPARE(pyReprShort(nested(2), 300), QStringLiteral("[[0]]"));  // short enough: exact
}

void TestPyFormat::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0.0 #0") << 0.0 << S(u"0.0");
    QTest::newRow("-0.0 #1") << -0.0 << S(u"-0.0");
    QTest::newRow("1.0 #2") << 1.0 << S(u"1.0");
    QTest::newRow("-1.0 #3") << -1.0 << S(u"-1.0");
    QTest::newRow("0.1 #4") << 0.1 << S(u"0.1");
    QTest::newRow("0.2 #5") << 0.2 << S(u"0.2");
    QTest::newRow("0.3 #6") << 0.3 << S(u"0.3");
    QTest::newRow("0.30000000000000004 #7") << 0.30000000000000004 << S(u"0.30000000000000004");
    QTest::newRow("0.3333333333333333 #8") << 0.3333333333333333 << S(u"0.3333333333333333");
    QTest::newRow("0.6666666666666666 #9") << 0.6666666666666666 << S(u"0.6666666666666666");
    QTest::newRow("100.0 #10") << 100.0 << S(u"100.0");
    QTest::newRow("1000000000000000.0 #11") << 1000000000000000.0 << S(u"1000000000000000.0");
    QTest::newRow("1e+16 #12") << 1e+16 << S(u"1e+16");
    QTest::newRow("1.5e+16 #13") << 1.5e+16 << S(u"1.5e+16");
    QTest::newRow("2.000000000000001e+16 #14") << 2.000000000000001e+16 << S(u"2.000000000000001e+16");
    QTest::newRow("1.2345678901234568e+17 #15") << 1.2345678901234568e+17 << S(u"1.2345678901234568e+17");
    QTest::newRow("9007199254740992.0 #16") << 9007199254740992.0 << S(u"9007199254740992.0");
    QTest::newRow("0.0001 #17") << 0.0001 << S(u"0.0001");
    QTest::newRow("1e-05 #18") << 1e-05 << S(u"1e-05");
    QTest::newRow("0.0001234 #19") << 0.0001234 << S(u"0.0001234");
    QTest::newRow("1.234e-05 #20") << 1.234e-05 << S(u"1.234e-05");
    QTest::newRow("1e+22 #21") << 1e+22 << S(u"1e+22");
    QTest::newRow("1e+23 #22") << 1e+23 << S(u"1e+23");
    QTest::newRow("1e+100 #23") << 1e+100 << S(u"1e+100");
    QTest::newRow("1e-100 #24") << 1e-100 << S(u"1e-100");
    QTest::newRow("1.7976931348623157e+308 #25") << 1.7976931348623157e+308 << S(u"1.7976931348623157e+308");
    QTest::newRow("5e-324 #26") << 5e-324 << S(u"5e-324");
    QTest::newRow("2.2250738585072014e-308 #27") << 2.2250738585072014e-308 << S(u"2.2250738585072014e-308");
    QTest::newRow("2.225073858507201e-308 #28") << 2.225073858507201e-308 << S(u"2.225073858507201e-308");
    QTest::newRow("inf #29") << qInf() << S(u"inf");
    QTest::newRow("-inf #30") << -qInf() << S(u"-inf");
    QTest::newRow("nan #31") << qQNaN() << S(u"nan");
    QTest::newRow("3.141592653589793 #32") << 3.141592653589793 << S(u"3.141592653589793");
    QTest::newRow("2.718281828459045 #33") << 2.718281828459045 << S(u"2.718281828459045");
    QTest::newRow("1e+301 #34") << 1e+301 << S(u"1e+301");
    QTest::newRow("0.5 #35") << 0.5 << S(u"0.5");
    QTest::newRow("2.5 #36") << 2.5 << S(u"2.5");
    QTest::newRow("1234.5 #37") << 1234.5 << S(u"1234.5");
    QTest::newRow("9999999999999998.0 #38") << 9999999999999998.0 << S(u"9999999999999998.0");
    QTest::newRow("4.35 #39") << 4.35 << S(u"4.35");
    QTest::newRow("0.07 #40") << 0.07 << S(u"0.07");
    QTest::newRow("1.1 #41") << 1.1 << S(u"1.1");
    QTest::newRow("299792458.0 #42") << 299792458.0 << S(u"299792458.0");
    QTest::newRow("-273.15 #43") << -273.15 << S(u"-273.15");
    QTest::newRow("-1.0539756485530688e+143 #44") << -1.0539756485530688e+143 << S(u"-1.0539756485530688e+143");
    QTest::newRow("-1.2143721666352482e+132 #45") << -1.2143721666352482e+132 << S(u"-1.2143721666352482e+132");
    QTest::newRow("-6.360375184993316e+38 #46") << -6.360375184993316e+38 << S(u"-6.360375184993316e+38");
    QTest::newRow("1.526087629730313e+249 #47") << 1.526087629730313e+249 << S(u"1.526087629730313e+249");
    QTest::newRow("-7.02551513787579e+129 #48") << -7.02551513787579e+129 << S(u"-7.02551513787579e+129");
    QTest::newRow("1.6260771785726701e-74 #49") << 1.6260771785726701e-74 << S(u"1.6260771785726701e-74");
    QTest::newRow("-5.984009685093657e+66 #50") << -5.984009685093657e+66 << S(u"-5.984009685093657e+66");
    QTest::newRow("4.8959585264576934e+278 #51") << 4.8959585264576934e+278 << S(u"4.8959585264576934e+278");
    QTest::newRow("-3.7634144828029947e-168 #52") << -3.7634144828029947e-168 << S(u"-3.7634144828029947e-168");
    QTest::newRow("4.2301541954837196e-79 #53") << 4.2301541954837196e-79 << S(u"4.2301541954837196e-79");
    QTest::newRow("5.315422088462547e+242 #54") << 5.315422088462547e+242 << S(u"5.315422088462547e+242");
    QTest::newRow("7.893354548061464e-134 #55") << 7.893354548061464e-134 << S(u"7.893354548061464e-134");
    QTest::newRow("-6.0511296129096725e-261 #56") << -6.0511296129096725e-261 << S(u"-6.0511296129096725e-261");
    QTest::newRow("-2.471417988383651e+173 #57") << -2.471417988383651e+173 << S(u"-2.471417988383651e+173");
    QTest::newRow("-7.046717376279707e-143 #58") << -7.046717376279707e-143 << S(u"-7.046717376279707e-143");
    QTest::newRow("-5.352667702512672e-191 #59") << -5.352667702512672e-191 << S(u"-5.352667702512672e-191");
    QTest::newRow("3.467443581611296e+180 #60") << 3.467443581611296e+180 << S(u"3.467443581611296e+180");
    QTest::newRow("4.201212419249933e+250 #61") << 4.201212419249933e+250 << S(u"4.201212419249933e+250");
    QTest::newRow("-4.545896140860994e-14 #62") << -4.545896140860994e-14 << S(u"-4.545896140860994e-14");
    QTest::newRow("-1.278808376866442e-123 #63") << -1.278808376866442e-123 << S(u"-1.278808376866442e-123");
    QTest::newRow("-7.773821756658801e-157 #64") << -7.773821756658801e-157 << S(u"-7.773821756658801e-157");
    QTest::newRow("-1.1547680013076696e+101 #65") << -1.1547680013076696e+101 << S(u"-1.1547680013076696e+101");
    QTest::newRow("8.88116792998917e-231 #66") << 8.88116792998917e-231 << S(u"8.88116792998917e-231");
    QTest::newRow("1.0259476444142278e-264 #67") << 1.0259476444142278e-264 << S(u"1.0259476444142278e-264");
    QTest::newRow("-1.1937126864956989e+160 #68") << -1.1937126864956989e+160 << S(u"-1.1937126864956989e+160");
    QTest::newRow("-7.616900394922395e-186 #69") << -7.616900394922395e-186 << S(u"-7.616900394922395e-186");
    QTest::newRow("-9.404446511312006e+34 #70") << -9.404446511312006e+34 << S(u"-9.404446511312006e+34");
    QTest::newRow("2.4990667113411633e+94 #71") << 2.4990667113411633e+94 << S(u"2.4990667113411633e+94");
    QTest::newRow("-1.6800925191972358e-196 #72") << -1.6800925191972358e-196 << S(u"-1.6800925191972358e-196");
    QTest::newRow("7.688121853400444e-68 #73") << 7.688121853400444e-68 << S(u"7.688121853400444e-68");
    QTest::newRow("1.3722183439346506e-20 #74") << 1.3722183439346506e-20 << S(u"1.3722183439346506e-20");
    QTest::newRow("5.654411402250841e+54 #75") << 5.654411402250841e+54 << S(u"5.654411402250841e+54");
    QTest::newRow("5.2964948879303666e-303 #76") << 5.2964948879303666e-303 << S(u"5.2964948879303666e-303");
    QTest::newRow("7.106101800028059e-204 #77") << 7.106101800028059e-204 << S(u"7.106101800028059e-204");
    QTest::newRow("-8.466578551422606e-118 #78") << -8.466578551422606e-118 << S(u"-8.466578551422606e-118");
    QTest::newRow("4.254739997646274e+193 #79") << 4.254739997646274e+193 << S(u"4.254739997646274e+193");
    QTest::newRow("-1.82394811931708e-245 #80") << -1.82394811931708e-245 << S(u"-1.82394811931708e-245");
    QTest::newRow("-2.1888367315112703e+224 #81") << -2.1888367315112703e+224 << S(u"-2.1888367315112703e+224");
    QTest::newRow("4.48880712297644e-206 #82") << 4.48880712297644e-206 << S(u"4.48880712297644e-206");
    QTest::newRow("178580.96347620327 #83") << 178580.96347620327 << S(u"178580.96347620327");
    QTest::newRow("-3.694455659689002e-12 #84") << -3.694455659689002e-12 << S(u"-3.694455659689002e-12");
    QTest::newRow("2.5769282714127592e-26 #85") << 2.5769282714127592e-26 << S(u"2.5769282714127592e-26");
    QTest::newRow("-8.595530008801482e+23 #86") << -8.595530008801482e+23 << S(u"-8.595530008801482e+23");
    QTest::newRow("-7.84146168822053e-20 #87") << -7.84146168822053e-20 << S(u"-7.84146168822053e-20");
    QTest::newRow("0.06931672437623573 #88") << 0.06931672437623573 << S(u"0.06931672437623573");
    QTest::newRow("-8.66346985726917e-25 #89") << -8.66346985726917e-25 << S(u"-8.66346985726917e-25");
    QTest::newRow("6.94619546605609e-26 #90") << 6.94619546605609e-26 << S(u"6.94619546605609e-26");
    QTest::newRow("-5.729966430408149e-23 #91") << -5.729966430408149e-23 << S(u"-5.729966430408149e-23");
    QTest::newRow("-6.002544797266718e+18 #92") << -6.002544797266718e+18 << S(u"-6.002544797266718e+18");
    QTest::newRow("-2.0515122384143767e-22 #93") << -2.0515122384143767e-22 << S(u"-2.0515122384143767e-22");
    QTest::newRow("1.3248349174044893e-14 #94") << 1.3248349174044893e-14 << S(u"1.3248349174044893e-14");
    QTest::newRow("5.5702171735330164e-09 #95") << 5.5702171735330164e-09 << S(u"5.5702171735330164e-09");
    QTest::newRow("-3.2621432710969154e-07 #96") << -3.2621432710969154e-07 << S(u"-3.2621432710969154e-07");
    QTest::newRow("-3.3482874907330418 #97") << -3.3482874907330418 << S(u"-3.3482874907330418");
    QTest::newRow("5.160810339875177e-19 #98") << 5.160810339875177e-19 << S(u"5.160810339875177e-19");
    QTest::newRow("-7.308070622922786e+19 #99") << -7.308070622922786e+19 << S(u"-7.308070622922786e+19");
    QTest::newRow("-7.979073820865899e-23 #100") << -7.979073820865899e-23 << S(u"-7.979073820865899e-23");
    QTest::newRow("-70120.30784753698 #101") << -70120.30784753698 << S(u"-70120.30784753698");
    QTest::newRow("-6446437436.032677 #102") << -6446437436.032677 << S(u"-6446437436.032677");
    QTest::newRow("-6232290.64830767 #103") << -6232290.64830767 << S(u"-6232290.64830767");
    QTest::newRow("negative nan") << std::copysign(qQNaN(), -1.0) << S(u"nan");
}

void TestPyFormat::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(pyFloatRepr(value), expected);
    QCOMPARE(pyRepr(Value::floating(value)), expected);
    QCOMPARE(pyStr(Value::floating(value)), expected);
}

// Beyond the table: repr must read back to the same double and carry no more significant digits
// than the shortest round-trip form (std::to_chars finds that independently of pyFloatRepr).
void TestPyFormat::floatReprRoundTripsRandomDoubles()
{
    auto significantDigits = [](std::string_view text) {
        std::string digits;
        for (char c : text.substr(0, text.find('e')))
            if (c >= '0' && c <= '9')
                digits.push_back(c);
        const auto first = digits.find_first_not_of('0');
        if (first == std::string::npos)
            return std::size_t(1);
        return digits.find_last_not_of('0') - first + 1;
    };
    std::mt19937_64 rng(20240611);
    for (int i = 0; i < 200000; ++i) {
        const std::uint64_t bits = rng();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d))
            continue;
        const QByteArray text = pyFloatRepr(d).toLatin1();
        double back = 0;
        const auto res = std::from_chars(text.constData(), text.constData() + text.size(), back);
        QVERIFY2(res.ec == std::errc() && res.ptr == text.constData() + text.size(), text.constData());
        QVERIFY2(std::memcmp(&back, &d, sizeof d) == 0, text.constData());

        char shortest[40];
        const auto sres = std::to_chars(shortest, shortest + sizeof shortest, d, std::chars_format::scientific);
        QVERIFY2(significantDigits(std::string_view(text.constData(), std::size_t(text.size())))
                == significantDigits(std::string_view(shortest, std::size_t(sres.ptr - shortest))),
            text.constData());
    }
}

void TestPyFormat::stringRepr_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("repr");
    QTest::addColumn<QString>("ascii");
    QTest::newRow("''") << S(u"") << S(u"''") << S(u"''");
    QTest::newRow("'a'") << S(u"a") << S(u"'a'") << S(u"'a'");
    QTest::newRow("'hello world'") << S(u"hello world") << S(u"'hello world'") << S(u"'hello world'");
    QTest::newRow("\"it's\"") << S(u"it's") << S(u"\"it's\"") << S(u"\"it's\"");
    QTest::newRow("'say \"hi\"'") << S(u"say \"hi\"") << S(u"'say \"hi\"'") << S(u"'say \"hi\"'");
    QTest::newRow("'both \\' and \"'") << S(u"both ' and \"") << S(u"'both \\' and \"'") << S(u"'both \\' and \"'");
    QTest::newRow("\"'\"") << S(u"'") << S(u"\"'\"") << S(u"\"'\"");
    QTest::newRow("'\"'") << S(u"\"") << S(u"'\"'") << S(u"'\"'");
    QTest::newRow("'\\\\'") << S(u"\\") << S(u"'\\\\'") << S(u"'\\\\'");
    QTest::newRow("'back\\\\slash'") << S(u"back\\slash") << S(u"'back\\\\slash'") << S(u"'back\\\\slash'");
    QTest::newRow("'a\\nb'") << S(u"a\xa"
                                  u"b")
                             << S(u"'a\\nb'") << S(u"'a\\nb'");
    QTest::newRow("'a\\rb'") << S(u"a\xd"
                                  u"b")
                             << S(u"'a\\rb'") << S(u"'a\\rb'");
    QTest::newRow("'a\\tb'") << S(u"a\x9"
                                  u"b")
                             << S(u"'a\\tb'") << S(u"'a\\tb'");
    QTest::newRow("'\\x00'") << S(u"\x0") << S(u"'\\x00'") << S(u"'\\x00'");
    QTest::newRow("'\\x07\\x08\\x0b\\x0c\\x1b'")
        << S(u"\x7\x8\xb\xc\x1b") << S(u"'\\x07\\x08\\x0b\\x0c\\x1b'") << S(u"'\\x07\\x08\\x0b\\x0c\\x1b'");
    QTest::newRow("'\\x1f'") << S(u"\x1f") << S(u"'\\x1f'") << S(u"'\\x1f'");
    QTest::newRow("'\\x7f'") << S(u"\x7f") << S(u"'\\x7f'") << S(u"'\\x7f'");
    QTest::newRow("'\\x80'") << S(u"\x80") << S(u"'\\x80'") << S(u"'\\x80'");
    QTest::newRow("'\\x9f'") << S(u"\x9f") << S(u"'\\x9f'") << S(u"'\\x9f'");
    QTest::newRow("'\\xa0'") << S(u"\xa0") << S(u"'\\xa0'") << S(u"'\\xa0'");
    QTest::newRow("'\\xa9'") << S(u"\xa9") << S(u"'\xa9'") << S(u"'\\xa9'");
    QTest::newRow("'\\xad'") << S(u"\xad") << S(u"'\\xad'") << S(u"'\\xad'");
    QTest::newRow("'\\xe9'") << S(u"\xe9") << S(u"'\xe9'") << S(u"'\\xe9'");
    QTest::newRow("'na\\xefve caf\\xe9'")
        << S(u"na\xefve caf\xe9") << S(u"'na\xefve caf\xe9'") << S(u"'na\\xefve caf\\xe9'");
    QTest::newRow("'e\\u0301'") << S(u"e\x301") << S(u"'e\x301'") << S(u"'e\\u0301'");
    QTest::newRow("'a\\u0300\\u0301\\u0302'")
        << S(u"a\x300\x301\x302") << S(u"'a\x300\x301\x302'") << S(u"'a\\u0300\\u0301\\u0302'");
    QTest::newRow("'\\u200b'") << S(u"\x200b") << S(u"'\\u200b'") << S(u"'\\u200b'");
    QTest::newRow("'\\u200c\\u200d'") << S(u"\x200c\x200d") << S(u"'\\u200c\\u200d'") << S(u"'\\u200c\\u200d'");
    QTest::newRow("'\\u200e\\u200f'") << S(u"\x200e\x200f") << S(u"'\\u200e\\u200f'") << S(u"'\\u200e\\u200f'");
    QTest::newRow("'\\u2028'") << S(u"\x2028") << S(u"'\\u2028'") << S(u"'\\u2028'");
    QTest::newRow("'\\u2029'") << S(u"\x2029") << S(u"'\\u2029'") << S(u"'\\u2029'");
    QTest::newRow("'\\u2060'") << S(u"\x2060") << S(u"'\\u2060'") << S(u"'\\u2060'");
    QTest::newRow("'\\ufeff'") << S(u"\xfeff") << S(u"'\\ufeff'") << S(u"'\\ufeff'");
    QTest::newRow("'\\u3000'") << S(u"\x3000") << S(u"'\\u3000'") << S(u"'\\u3000'");
    QTest::newRow("'\\xa0x'") << S(u"\xa0x") << S(u"'\\xa0x'") << S(u"'\\xa0x'");
    QTest::newRow("'\\u1680'") << S(u"\x1680") << S(u"'\\u1680'") << S(u"'\\u1680'");
    QTest::newRow("'\\u65e5\\u672c\\u8a9e'")
        << S(u"\x65e5\x672c\x8a9e") << S(u"'\x65e5\x672c\x8a9e'") << S(u"'\\u65e5\\u672c\\u8a9e'");
    QTest::newRow("'\\u0395\\u03bb\\u03bb\\u03b7\\u03bd\\u03b9\\u03ba\\u03ac'")
        << S(u"\x395\x3bb\x3bb\x3b7\x3bd\x3b9\x3ba\x3ac") << S(u"'\x395\x3bb\x3bb\x3b7\x3bd\x3b9\x3ba\x3ac'")
        << S(u"'\\u0395\\u03bb\\u03bb\\u03b7\\u03bd\\u03b9\\u03ba\\u03ac'");
    QTest::newRow("'\\u0420\\u0443\\u0441\\u0441\\u043a\\u0438\\u0439'")
        << S(u"\x420\x443\x441\x441\x43a\x438\x439") << S(u"'\x420\x443\x441\x441\x43a\x438\x439'")
        << S(u"'\\u0420\\u0443\\u0441\\u0441\\u043a\\u0438\\u0439'");
    QTest::newRow("'\\u05e2\\u05d1\\u05e8\\u05d9\\u05ea'")
        << S(u"\x5e2\x5d1\x5e8\x5d9\x5ea") << S(u"'\x5e2\x5d1\x5e8\x5d9\x5ea'")
        << S(u"'\\u05e2\\u05d1\\u05e8\\u05d9\\u05ea'");
    QTest::newRow("'\\u0627\\u0644\\u0639\\u0631\\u0628\\u064a\\u0629'")
        << S(u"\x627\x644\x639\x631\x628\x64a\x629") << S(u"'\x627\x644\x639\x631\x628\x64a\x629'")
        << S(u"'\\u0627\\u0644\\u0639\\u0631\\u0628\\u064a\\u0629'");
    QTest::newRow("'\\u0600'") << S(u"\x600") << S(u"'\\u0600'") << S(u"'\\u0600'");
    QTest::newRow("'\\U0001f600'") << S(u"\xd83d\xde00") << S(u"'\xd83d\xde00'") << S(u"'\\U0001f600'");
    QTest::newRow("'\\U0001f44d\\U0001f3fd'")
        << S(u"\xd83d\xdc4d\xd83c\xdffd") << S(u"'\xd83d\xdc4d\xd83c\xdffd'") << S(u"'\\U0001f44d\\U0001f3fd'");
    QTest::newRow("'\\U0001f468\\u200d\\U0001f469\\u200d\\U0001f467'")
        << S(u"\xd83d\xdc68\x200d\xd83d\xdc69\x200d\xd83d\xdc67")
        << S(u"'\xd83d\xdc68\\u200d\xd83d\xdc69\\u200d\xd83d\xdc67'")
        << S(u"'\\U0001f468\\u200d\\U0001f469\\u200d\\U0001f467'");
    QTest::newRow("'\\U0001f1eb\\U0001f1f7'")
        << S(u"\xd83c\xddeb\xd83c\xddf7") << S(u"'\xd83c\xddeb\xd83c\xddf7'") << S(u"'\\U0001f1eb\\U0001f1f7'");
    QTest::newRow("'\\U0001f600\\U0001f601'")
        << S(u"\xd83d\xde00\xd83d\xde01") << S(u"'\xd83d\xde00\xd83d\xde01'") << S(u"'\\U0001f600\\U0001f601'");
    QTest::newRow("'\\U000e0001'") << S(u"\xdb40\xdc01") << S(u"'\\U000e0001'") << S(u"'\\U000e0001'");
    QTest::newRow("'\\U000e0041'") << S(u"\xdb40\xdc41") << S(u"'\\U000e0041'") << S(u"'\\U000e0041'");
    QTest::newRow("'\\U0010ffff'") << S(u"\xdbff\xdfff") << S(u"'\\U0010ffff'") << S(u"'\\U0010ffff'");
    QTest::newRow("'\\U0001d400'") << S(u"\xd835\xdc00") << S(u"'\xd835\xdc00'") << S(u"'\\U0001d400'");
    QTest::newRow("'\\ue000'") << S(u"\xe000") << S(u"'\\ue000'") << S(u"'\\ue000'");
    QTest::newRow("'\\U000f0000'") << S(u"\xdb80\xdc00") << S(u"'\\U000f0000'") << S(u"'\\U000f0000'");
    QTest::newRow("'\\u0378'") << S(u"\x378") << S(u"'\\u0378'") << S(u"'\\u0378'");
    QTest::newRow("'\\ufffe'") << S(u"\xfffe") << S(u"'\\ufffe'") << S(u"'\\ufffe'");
    QTest::newRow("'\\uffff'") << S(u"\xffff") << S(u"'\\uffff'") << S(u"'\\uffff'");
    QTest::newRow("'\\ufffd'") << S(u"\xfffd") << S(u"'\xfffd'") << S(u"'\\ufffd'");
    QTest::newRow("'\\ud800'") << S(u"\xd800") << S(u"'\\ud800'") << S(u"'\\ud800'");
    QTest::newRow("'\\udfff'") << S(u"\xdfff") << S(u"'\\udfff'") << S(u"'\\udfff'");
    QTest::newRow("'a\\ud800b'") << S(u"a\xd800"
                                      u"b")
                                 << S(u"'a\\ud800b'") << S(u"'a\\ud800b'");
    QTest::newRow("'\\udc00x\\ud83d'") << S(u"\xdc00x\xd83d") << S(u"'\\udc00x\\ud83d'") << S(u"'\\udc00x\\ud83d'");
    QTest::newRow("'mixed \\'\"\\\\\\n\\t\\x01\\xe9\\U0001f600\\u200b'")
        << S(u"mixed '\"\\\xa\x9\x1\xe9\xd83d\xde00\x200b") << S(u"'mixed \\'\"\\\\\\n\\t\\x01\xe9\xd83d\xde00\\u200b'")
        << S(u"'mixed \\'\"\\\\\\n\\t\\x01\\xe9\\U0001f600\\u200b'");
    QTest::newRow("'tab\\tand\\nnewline'") << S(u"tab\x9"
                                                u"and\xanewline")
                                           << S(u"'tab\\tand\\nnewline'") << S(u"'tab\\tand\\nnewline'");
    QTest::newRow("'\\x1b[31mred\\x1b[0m'")
        << S(u"\x1b[31mred\x1b[0m") << S(u"'\\x1b[31mred\\x1b[0m'") << S(u"'\\x1b[31mred\\x1b[0m'");
    QTest::newRow("'\\u202e'") << S(u"\x202e") << S(u"'\\u202e'") << S(u"'\\u202e'");
    QTest::newRow("'\\xad'") << S(u"\xad") << S(u"'\\xad'") << S(u"'\\xad'");
    QTest::newRow("'\\u034f'") << S(u"\x34f") << S(u"'\x34f'") << S(u"'\\u034f'");
    QTest::newRow("'\\u180e'") << S(u"\x180e") << S(u"'\\u180e'") << S(u"'\\u180e'");
    QTest::newRow("'\\u061c'") << S(u"\x61c") << S(u"'\\u061c'") << S(u"'\\u061c'");
}

void TestPyFormat::stringRepr()
{
    QFETCH(QString, value);
    QFETCH(QString, repr);
    QFETCH(QString, ascii);
    QCOMPARE(pyStringRepr(value), repr);
    QCOMPARE(pyRepr(Value::string(value)), repr);
    QCOMPARE(pyAscii(Value::string(value)), ascii);
    QCOMPARE(pyStr(Value::string(value)), value);
}

void TestPyFormat::values_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("str");
    QTest::addColumn<QString>("repr");
    QTest::addColumn<QString>("ascii");
    QTest::newRow("None") << Value() << S(u"None") << S(u"None") << S(u"None");
    QTest::newRow("True") << Value::boolean(true) << S(u"True") << S(u"True") << S(u"True");
    QTest::newRow("False") << Value::boolean(false) << S(u"False") << S(u"False") << S(u"False");
    QTest::newRow("0") << Value::integer(Q_INT64_C(0)) << S(u"0") << S(u"0") << S(u"0");
    QTest::newRow("1") << Value::integer(Q_INT64_C(1)) << S(u"1") << S(u"1") << S(u"1");
    QTest::newRow("-1") << Value::integer(Q_INT64_C(-1)) << S(u"-1") << S(u"-1") << S(u"-1");
    QTest::newRow("9223372036854775807") << Value::integer(Q_INT64_C(9223372036854775807)) << S(u"9223372036854775807")
                                         << S(u"9223372036854775807") << S(u"9223372036854775807");
    QTest::newRow("-9223372036854775808")
        << Value::integer(std::numeric_limits<qint64>::min()) << S(u"-9223372036854775808")
        << S(u"-9223372036854775808") << S(u"-9223372036854775808");
    QTest::newRow("1.0") << Value::floating(1.0) << S(u"1.0") << S(u"1.0") << S(u"1.0");
    QTest::newRow("-0.0") << Value::floating(-0.0) << S(u"-0.0") << S(u"-0.0") << S(u"-0.0");
    QTest::newRow("1e-05") << Value::floating(1e-05) << S(u"1e-05") << S(u"1e-05") << S(u"1e-05");
    QTest::newRow("0.30000000000000004") << Value::floating(0.30000000000000004) << S(u"0.30000000000000004")
                                         << S(u"0.30000000000000004") << S(u"0.30000000000000004");
    QTest::newRow("1e+16") << Value::floating(1e+16) << S(u"1e+16") << S(u"1e+16") << S(u"1e+16");
    QTest::newRow("inf") << Value::floating(qInf()) << S(u"inf") << S(u"inf") << S(u"inf");
    QTest::newRow("nan") << Value::floating(qQNaN()) << S(u"nan") << S(u"nan") << S(u"nan");
    QTest::newRow("''") << Value::string(S(u"")) << S(u"") << S(u"''") << S(u"''");
    QTest::newRow("'x'") << Value::string(S(u"x")) << S(u"x") << S(u"'x'") << S(u"'x'");
    QTest::newRow("\"it's\"") << Value::string(S(u"it's")) << S(u"it's") << S(u"\"it's\"") << S(u"\"it's\"");
    QTest::newRow("'\\xe9\\n\\U0001f600'") << Value::string(S(u"\xe9\xa\xd83d\xde00")) << S(u"\xe9\xa\xd83d\xde00")
                                           << S(u"'\xe9\\n\xd83d\xde00'") << S(u"'\\xe9\\n\\U0001f600'");
    QTest::newRow("[]") << Value::list({}) << S(u"[]") << S(u"[]") << S(u"[]");
    QTest::newRow("[1]") << Value::list({Value::integer(Q_INT64_C(1))}) << S(u"[1]") << S(u"[1]") << S(u"[1]");
    QTest::newRow("[1, 'a', None, ValueError('x')]")
        << Value::list({Value::integer(Q_INT64_C(1)), Value::string(S(u"a")), Value(),
               Value::exception(ExceptionType::ValueError, Value::string(S(u"x")))})
        << S(u"[1, 'a', None, ValueError('x')]") << S(u"[1, 'a', None, ValueError('x')]")
        << S(u"[1, 'a', None, ValueError('x')]");
    QTest::newRow("[[1, [2, []]], 'b', 1.5, True]") << Value::list(
        {Value::list({Value::integer(Q_INT64_C(1)), Value::list({Value::integer(Q_INT64_C(2)), Value::list({})})}),
            Value::string(S(u"b")), Value::floating(1.5), Value::boolean(true)})
                                                    << S(u"[[1, [2, []]], 'b', 1.5, True]")
                                                    << S(u"[[1, [2, []]], 'b', 1.5, True]")
                                                    << S(u"[[1, [2, []]], 'b', 1.5, True]");
    QTest::newRow("[\"it's\", '\"q\"', '\\xe9']")
        << Value::list({Value::string(S(u"it's")), Value::string(S(u"\"q\"")), Value::string(S(u"\xe9"))})
        << S(u"[\"it's\", '\"q\"', '\xe9']") << S(u"[\"it's\", '\"q\"', '\xe9']") << S(u"[\"it's\", '\"q\"', '\\xe9']");
    QTest::newRow("[inf, -0.0, 1e+22]") << Value::list({Value::floating(qInf()), Value::floating(-0.0),
        Value::floating(1e+22)}) << S(u"[inf, -0.0, 1e+22]")
                                        << S(u"[inf, -0.0, 1e+22]") << S(u"[inf, -0.0, 1e+22]");
    QTest::newRow("ValueError('x',)") << Value::exception(ExceptionType::ValueError, Value::string(S(u"x"))) << S(u"x")
                                      << S(u"ValueError('x')") << S(u"ValueError('x')");
    QTest::newRow("ValueError()") << Value::exception(ExceptionType::ValueError) << S(u"") << S(u"ValueError()")
                                  << S(u"ValueError()");
    QTest::newRow("ValueError(1,)") << Value::exception(ExceptionType::ValueError, Value::integer(Q_INT64_C(1)))
                                    << S(u"1") << S(u"ValueError(1)") << S(u"ValueError(1)");
    QTest::newRow("ValueError(None,)") << Value::exception(ExceptionType::ValueError, Value()) << S(u"None")
                                       << S(u"ValueError(None)") << S(u"ValueError(None)");
    QTest::newRow("ValueError([1, 2],)") << Value::exception(
        ExceptionType::ValueError, Value::list({Value::integer(Q_INT64_C(1)), Value::integer(Q_INT64_C(2))}))
                                         << S(u"[1, 2]") << S(u"ValueError([1, 2])") << S(u"ValueError([1, 2])");
    QTest::newRow("ValueError('',)") << Value::exception(ExceptionType::ValueError, Value::string(S(u""))) << S(u"")
                                     << S(u"ValueError('')") << S(u"ValueError('')");
    QTest::newRow("ValueError('\\xe9',)") << Value::exception(ExceptionType::ValueError, Value::string(S(u"\xe9")))
                                          << S(u"\xe9") << S(u"ValueError('\xe9')") << S(u"ValueError('\\xe9')");
    QTest::newRow("ValueError(\"it's\",)") << Value::exception(ExceptionType::ValueError, Value::string(S(u"it's")))
                                           << S(u"it's") << S(u"ValueError(\"it's\")") << S(u"ValueError(\"it's\")");
    QTest::newRow("CancelledError('',)") << Value::exception(ExceptionType::CancelledError, Value::string(S(u"")))
                                         << S(u"") << S(u"CancelledError('')") << S(u"CancelledError('')");
    QTest::newRow("CancelledError()") << Value::exception(ExceptionType::CancelledError) << S(u"")
                                      << S(u"CancelledError()") << S(u"CancelledError()");
    QTest::newRow("CancelledError('bye',)") << Value::exception(ExceptionType::CancelledError, Value::string(S(u"bye")))
                                            << S(u"bye") << S(u"CancelledError('bye')") << S(u"CancelledError('bye')");
    QTest::newRow("RuntimeError(1.5,)") << Value::exception(ExceptionType::RuntimeError, Value::floating(1.5))
                                        << S(u"1.5") << S(u"RuntimeError(1.5)") << S(u"RuntimeError(1.5)");
    QTest::newRow("TimeoutError()") << Value::exception(ExceptionType::TimeoutError) << S(u"") << S(u"TimeoutError()")
                                    << S(u"TimeoutError()");
    QTest::newRow("Exception('boom',)") << Value::exception(ExceptionType::Exception, Value::string(S(u"boom")))
                                        << S(u"boom") << S(u"Exception('boom')") << S(u"Exception('boom')");
    QTest::newRow("BaseException(True,)") << Value::exception(ExceptionType::BaseException, Value::boolean(true))
                                          << S(u"True") << S(u"BaseException(True)") << S(u"BaseException(True)");
    QTest::newRow("ValueError(ValueError('inner'),)")
        << Value::exception(
               ExceptionType::ValueError, Value::exception(ExceptionType::ValueError, Value::string(S(u"inner"))))
        << S(u"inner") << S(u"ValueError(ValueError('inner'))") << S(u"ValueError(ValueError('inner'))");
    QTest::newRow("RuntimeError([ValueError('a'), None],)")
        << Value::exception(ExceptionType::RuntimeError,
               Value::list({Value::exception(ExceptionType::ValueError, Value::string(S(u"a"))), Value()}))
        << S(u"[ValueError('a'), None]") << S(u"RuntimeError([ValueError('a'), None])")
        << S(u"RuntimeError([ValueError('a'), None])");
    QTest::newRow("[ValueError('x'), CancelledError()]")
        << Value::list({Value::exception(ExceptionType::ValueError, Value::string(S(u"x"))),
               Value::exception(ExceptionType::CancelledError)})
        << S(u"[ValueError('x'), CancelledError()]") << S(u"[ValueError('x'), CancelledError()]")
        << S(u"[ValueError('x'), CancelledError()]");
}

void TestPyFormat::values()
{
    QFETCH(Value, value);
    QFETCH(QString, str);
    QFETCH(QString, repr);
    QFETCH(QString, ascii);
    QCOMPARE(pyStr(value), str);
    QCOMPARE(pyRepr(value), repr);
    QCOMPARE(pyAscii(value), ascii);
    // format(value, '') is str(value) for every type.
    const FormatResult r = pyFormat(value, QString());
    QVERIFY2(r.ok, qPrintable(describe(r)));
    QCOMPARE(r.text, str);
}

// Tasks print through the supplied function; repr, str and an empty format spec agree.
void TestPyFormat::tasks()
{
    const TaskReprFunction taskRepr = [](std::uint32_t id) {
        return QStringLiteral("<Task pending name='Task-%1' coro=<worker() running>>").arg(id);
    };
    const Value task = Value::task(7);
    const QString expected = S(u"<Task pending name='Task-7' coro=<worker() running>>");
    QCOMPARE(pyRepr(task, taskRepr), expected);
    QCOMPARE(pyStr(task, taskRepr), expected);
    QCOMPARE(pyFormat(task, QString(), taskRepr).text, expected);
    QCOMPARE(pyRepr(task), S(u"<Task>"));
    QCOMPARE(pyStr(task), S(u"<Task>"));

    const Value list = Value::list({Value::integer(1), task, Value::string(S(u"é"))});
    QCOMPARE(pyStr(list, taskRepr), S(u"[1, <Task pending name='Task-7' coro=<worker() running>>, 'é']"));
    QCOMPARE(pyAscii(list, taskRepr), S(u"[1, <Task pending name='Task-7' coro=<worker() running>>, '\\xe9']"));
    QCOMPARE(pyRepr(list), S(u"[1, <Task>, 'é']"));
    const Value exc = Value::exception(ExceptionType::RuntimeError, task);
    QCOMPARE(pyRepr(exc, taskRepr), S(u"RuntimeError(<Task pending name='Task-7' coro=<worker() running>>)"));
    QCOMPARE(pyStr(exc, taskRepr), expected);

    // format(task, 'x'): asyncio's C Task class is `_asyncio.Task`.
    const FormatResult r = pyFormat(task, S(u">10"), taskRepr);
    QVERIFY(!r.ok);
    QCOMPARE(r.errorType, ExceptionType::TypeError);
    QCOMPARE(r.errorMessage, S(u"unsupported format string passed to _asyncio.Task.__format__"));
}

// format(value, spec) for int, bool, float and str. Kind: 'i' int, 'b' bool, 'f' float, 's' str.
struct FormatCase {
    const char *name;
    char kind;
    qint64 i;
    double d;
    std::u16string_view s;
    std::u16string_view spec;
    std::u16string_view expected;
};

const FormatCase kFormatCases[] = {
    {"int 0 ''", 'i', Q_INT64_C(0), 0, {}, u""sv, u"0"sv},
    {"int 0 'd'", 'i', Q_INT64_C(0), 0, {}, u"d"sv, u"0"sv},
    {"int 0 'b'", 'i', Q_INT64_C(0), 0, {}, u"b"sv, u"0"sv},
    {"int 0 'o'", 'i', Q_INT64_C(0), 0, {}, u"o"sv, u"0"sv},
    {"int 0 'x'", 'i', Q_INT64_C(0), 0, {}, u"x"sv, u"0"sv},
    {"int 0 'X'", 'i', Q_INT64_C(0), 0, {}, u"X"sv, u"0"sv},
    {"int 0 'n'", 'i', Q_INT64_C(0), 0, {}, u"n"sv, u"0"sv},
    {"int 0 'c'", 'i', Q_INT64_C(0), 0, {}, u"c"sv, u"\x0"sv},
    {"int 0 '#b'", 'i', Q_INT64_C(0), 0, {}, u"#b"sv, u"0b0"sv},
    {"int 0 '#o'", 'i', Q_INT64_C(0), 0, {}, u"#o"sv, u"0o0"sv},
    {"int 0 '#x'", 'i', Q_INT64_C(0), 0, {}, u"#x"sv, u"0x0"sv},
    {"int 0 '#X'", 'i', Q_INT64_C(0), 0, {}, u"#X"sv, u"0X0"sv},
    {"int 0 '+'", 'i', Q_INT64_C(0), 0, {}, u"+"sv, u"+0"sv},
    {"int 0 ' '", 'i', Q_INT64_C(0), 0, {}, u" "sv, u" 0"sv},
    {"int 0 '-'", 'i', Q_INT64_C(0), 0, {}, u"-"sv, u"0"sv},
    {"int 0 '5'", 'i', Q_INT64_C(0), 0, {}, u"5"sv, u"    0"sv},
    {"int 0 '05'", 'i', Q_INT64_C(0), 0, {}, u"05"sv, u"00000"sv},
    {"int 0 '+05'", 'i', Q_INT64_C(0), 0, {}, u"+05"sv, u"+0000"sv},
    {"int 0 'e'", 'i', Q_INT64_C(0), 0, {}, u"e"sv, u"0.000000e+00"sv},
    {"int 0 'f'", 'i', Q_INT64_C(0), 0, {}, u"f"sv, u"0.000000"sv},
    {"int 0 'g'", 'i', Q_INT64_C(0), 0, {}, u"g"sv, u"0"sv},
    {"int 0 '%'", 'i', Q_INT64_C(0), 0, {}, u"%"sv, u"0.000000%"sv},
    {"int 0 '.2f'", 'i', Q_INT64_C(0), 0, {}, u".2f"sv, u"0.00"sv},
    {"int 1234567 ''", 'i', Q_INT64_C(1234567), 0, {}, u""sv, u"1234567"sv},
    {"int 1234567 ','", 'i', Q_INT64_C(1234567), 0, {}, u","sv, u"1,234,567"sv},
    {"int 1234567 '_'", 'i', Q_INT64_C(1234567), 0, {}, u"_"sv, u"1_234_567"sv},
    {"int 1234567 ',d'", 'i', Q_INT64_C(1234567), 0, {}, u",d"sv, u"1,234,567"sv},
    {"int 1234567 '_d'", 'i', Q_INT64_C(1234567), 0, {}, u"_d"sv, u"1_234_567"sv},
    {"int 1234567 '012,'", 'i', Q_INT64_C(1234567), 0, {}, u"012,"sv, u"0,001,234,567"sv},
    {"int 1234567 '012_'", 'i', Q_INT64_C(1234567), 0, {}, u"012_"sv, u"0_001_234_567"sv},
    {"int 1234567 '015,'", 'i', Q_INT64_C(1234567), 0, {}, u"015,"sv, u"000,001,234,567"sv},
    {"int 1234567 '_b'", 'i', Q_INT64_C(1234567), 0, {}, u"_b"sv, u"1_0010_1101_0110_1000_0111"sv},
    {"int 1234567 '_o'", 'i', Q_INT64_C(1234567), 0, {}, u"_o"sv, u"455_3207"sv},
    {"int 1234567 '_x'", 'i', Q_INT64_C(1234567), 0, {}, u"_x"sv, u"12_d687"sv},
    {"int 1234567 '#_x'", 'i', Q_INT64_C(1234567), 0, {}, u"#_x"sv, u"0x12_d687"sv},
    {"int 1234567 '#_X'", 'i', Q_INT64_C(1234567), 0, {}, u"#_X"sv, u"0X12_D687"sv},
    {"int 1234567 '#012_x'", 'i', Q_INT64_C(1234567), 0, {}, u"#012_x"sv, u"0x0_0012_d687"sv},
    {"int 1234567 '>12,'", 'i', Q_INT64_C(1234567), 0, {}, u">12,"sv, u"   1,234,567"sv},
    {"int 1234567 '<12,'", 'i', Q_INT64_C(1234567), 0, {}, u"<12,"sv, u"1,234,567   "sv},
    {"int 1234567 '^12,'", 'i', Q_INT64_C(1234567), 0, {}, u"^12,"sv, u" 1,234,567  "sv},
    {"int 1234567 '=+12,'", 'i', Q_INT64_C(1234567), 0, {}, u"=+12,"sv, u"+  1,234,567"sv},
    {"int 1234567 '*^13'", 'i', Q_INT64_C(1234567), 0, {}, u"*^13"sv, u"***1234567***"sv},
    {"int 1234567 'n'", 'i', Q_INT64_C(1234567), 0, {}, u"n"sv, u"1234567"sv},
    {"int 1234567 '10n'", 'i', Q_INT64_C(1234567), 0, {}, u"10n"sv, u"   1234567"sv},
    {"int 1234567 '010n'", 'i', Q_INT64_C(1234567), 0, {}, u"010n"sv, u"0001234567"sv},
    {"int 1234567 ',.2f'", 'i', Q_INT64_C(1234567), 0, {}, u",.2f"sv, u"1,234,567.00"sv},
    {"int 1234567 '_.3e'", 'i', Q_INT64_C(1234567), 0, {}, u"_.3e"sv, u"1.235e+06"sv},
    {"int 1234567 'E'", 'i', Q_INT64_C(1234567), 0, {}, u"E"sv, u"1.234567E+06"sv},
    {"int 1234567 '.3G'", 'i', Q_INT64_C(1234567), 0, {}, u".3G"sv, u"1.23E+06"sv},
    {"int 1234567 '%'", 'i', Q_INT64_C(1234567), 0, {}, u"%"sv, u"123456700.000000%"sv},
    {"int 1234567 '.0%'", 'i', Q_INT64_C(1234567), 0, {}, u".0%"sv, u"123456700%"sv},
    {"int 1234567 ',.1%'", 'i', Q_INT64_C(1234567), 0, {}, u",.1%"sv, u"123,456,700.0%"sv},
    {"int 1234567 '.2e'", 'i', Q_INT64_C(1234567), 0, {}, u".2e"sv, u"1.23e+06"sv},
    {"int -1234567 ''", 'i', Q_INT64_C(-1234567), 0, {}, u""sv, u"-1234567"sv},
    {"int -1234567 ','", 'i', Q_INT64_C(-1234567), 0, {}, u","sv, u"-1,234,567"sv},
    {"int -1234567 '_'", 'i', Q_INT64_C(-1234567), 0, {}, u"_"sv, u"-1_234_567"sv},
    {"int -1234567 '015,'", 'i', Q_INT64_C(-1234567), 0, {}, u"015,"sv, u"-00,001,234,567"sv},
    {"int -1234567 '=15,'", 'i', Q_INT64_C(-1234567), 0, {}, u"=15,"sv, u"-     1,234,567"sv},
    {"int -1234567 '#x'", 'i', Q_INT64_C(-1234567), 0, {}, u"#x"sv, u"-0x12d687"sv},
    {"int -1234567 '#X'", 'i', Q_INT64_C(-1234567), 0, {}, u"#X"sv, u"-0X12D687"sv},
    {"int -1234567 '#o'", 'i', Q_INT64_C(-1234567), 0, {}, u"#o"sv, u"-0o4553207"sv},
    {"int -1234567 '#b'", 'i', Q_INT64_C(-1234567), 0, {}, u"#b"sv, u"-0b100101101011010000111"sv},
    {"int -1234567 '+'", 'i', Q_INT64_C(-1234567), 0, {}, u"+"sv, u"-1234567"sv},
    {"int -1234567 ' '", 'i', Q_INT64_C(-1234567), 0, {}, u" "sv, u"-1234567"sv},
    {"int -1234567 '-'", 'i', Q_INT64_C(-1234567), 0, {}, u"-"sv, u"-1234567"sv},
    {"int -1234567 '+015'", 'i', Q_INT64_C(-1234567), 0, {}, u"+015"sv, u"-00000001234567"sv},
    {"int -1234567 ' 015'", 'i', Q_INT64_C(-1234567), 0, {}, u" 015"sv, u"-00000001234567"sv},
    {"int -1234567 '>15'", 'i', Q_INT64_C(-1234567), 0, {}, u">15"sv, u"       -1234567"sv},
    {"int -1234567 '<15'", 'i', Q_INT64_C(-1234567), 0, {}, u"<15"sv, u"-1234567       "sv},
    {"int -1234567 '^15'", 'i', Q_INT64_C(-1234567), 0, {}, u"^15"sv, u"   -1234567    "sv},
    {"int -1234567 'x<15'", 'i', Q_INT64_C(-1234567), 0, {}, u"x<15"sv, u"-1234567xxxxxxx"sv},
    {"int -1234567 '#015x'", 'i', Q_INT64_C(-1234567), 0, {}, u"#015x"sv, u"-0x00000012d687"sv},
    {"int -1234567 '#015_x'", 'i', Q_INT64_C(-1234567), 0, {}, u"#015_x"sv, u"-0x00_0012_d687"sv},
    {"int -1234567 '_b'", 'i', Q_INT64_C(-1234567), 0, {}, u"_b"sv, u"-1_0010_1101_0110_1000_0111"sv},
    {"int -1234567 'f'", 'i', Q_INT64_C(-1234567), 0, {}, u"f"sv, u"-1234567.000000"sv},
    {"int -1234567 '.2f'", 'i', Q_INT64_C(-1234567), 0, {}, u".2f"sv, u"-1234567.00"sv},
    {"int -1234567 'g'", 'i', Q_INT64_C(-1234567), 0, {}, u"g"sv, u"-1.23457e+06"sv},
    {"int 255 'x'", 'i', Q_INT64_C(255), 0, {}, u"x"sv, u"ff"sv},
    {"int 255 'X'", 'i', Q_INT64_C(255), 0, {}, u"X"sv, u"FF"sv},
    {"int 255 '#x'", 'i', Q_INT64_C(255), 0, {}, u"#x"sv, u"0xff"sv},
    {"int 255 '#X'", 'i', Q_INT64_C(255), 0, {}, u"#X"sv, u"0XFF"sv},
    {"int 255 '#010x'", 'i', Q_INT64_C(255), 0, {}, u"#010x"sv, u"0x000000ff"sv},
    {"int 255 '#010X'", 'i', Q_INT64_C(255), 0, {}, u"#010X"sv, u"0X000000FF"sv},
    {"int 255 '08b'", 'i', Q_INT64_C(255), 0, {}, u"08b"sv, u"11111111"sv},
    {"int 255 '#08b'", 'i', Q_INT64_C(255), 0, {}, u"#08b"sv, u"0b11111111"sv},
    {"int 255 'o'", 'i', Q_INT64_C(255), 0, {}, u"o"sv, u"377"sv},
    {"int 255 '#o'", 'i', Q_INT64_C(255), 0, {}, u"#o"sv, u"0o377"sv},
    {"int 255 '_b'", 'i', Q_INT64_C(255), 0, {}, u"_b"sv, u"1111_1111"sv},
    {"int 255 '#_b'", 'i', Q_INT64_C(255), 0, {}, u"#_b"sv, u"0b1111_1111"sv},
    {"int 255 'c'", 'i', Q_INT64_C(255), 0, {}, u"c"sv, u"\xff"sv},
    {"int 255 '5c'", 'i', Q_INT64_C(255), 0, {}, u"5c"sv, u"    \xff"sv},
    {"int 255 '<5c'", 'i', Q_INT64_C(255), 0, {}, u"<5c"sv, u"\xff    "sv},
    {"int 255 '^5c'", 'i', Q_INT64_C(255), 0, {}, u"^5c"sv, u"  \xff  "sv},
    {"int 255 '05c'", 'i', Q_INT64_C(255), 0, {}, u"05c"sv, u"0000\xff"sv},
    {"int 255 '*>8x'", 'i', Q_INT64_C(255), 0, {}, u"*>8x"sv, u"******ff"sv},
    {"int 255 '=+8'", 'i', Q_INT64_C(255), 0, {}, u"=+8"sv, u"+    255"sv},
    {"int 255 '+d'", 'i', Q_INT64_C(255), 0, {}, u"+d"sv, u"+255"sv},
    {"int 255 ' d'", 'i', Q_INT64_C(255), 0, {}, u" d"sv, u" 255"sv},
    {"int 255 'd'", 'i', Q_INT64_C(255), 0, {}, u"d"sv, u"255"sv},
    {"int 255 '1'", 'i', Q_INT64_C(255), 0, {}, u"1"sv, u"255"sv},
    {"int 255 '0'", 'i', Q_INT64_C(255), 0, {}, u"0"sv, u"255"sv},
    {"int 255 '00'", 'i', Q_INT64_C(255), 0, {}, u"00"sv, u"255"sv},
    {"int 255 '000'", 'i', Q_INT64_C(255), 0, {}, u"000"sv, u"255"sv},
    {"int 65 'c'", 'i', Q_INT64_C(65), 0, {}, u"c"sv, u"A"sv},
    {"int 65 '>3c'", 'i', Q_INT64_C(65), 0, {}, u">3c"sv, u"  A"sv},
    {"int 65 '=3c'", 'i', Q_INT64_C(65), 0, {}, u"=3c"sv, u"  A"sv},
    {"int 65 '03c'", 'i', Q_INT64_C(65), 0, {}, u"03c"sv, u"00A"sv},
    {"int 128512 'c'", 'i', Q_INT64_C(128512), 0, {}, u"c"sv, u"\xd83d\xde00"sv},
    {"int 128512 '*^5c'", 'i', Q_INT64_C(128512), 0, {}, u"*^5c"sv, u"**\xd83d\xde00**"sv},
    {"int 1114111 'c'", 'i', Q_INT64_C(1114111), 0, {}, u"c"sv, u"\xdbff\xdfff"sv},
    {"int 127 'c'", 'i', Q_INT64_C(127), 0, {}, u"c"sv, u"\x7f"sv},
    {"int 10 'c'", 'i', Q_INT64_C(10), 0, {}, u"c"sv, u"\xa"sv},
    {"int 9223372036854775807 ''", 'i', Q_INT64_C(9223372036854775807), 0, {}, u""sv, u"9223372036854775807"sv},
    {"int 9223372036854775807 ','", 'i', Q_INT64_C(9223372036854775807), 0, {}, u","sv, u"9,223,372,036,854,775,807"sv},
    {"int 9223372036854775807 '_x'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"_x"sv, u"7fff_ffff_ffff_ffff"sv},
    {"int 9223372036854775807 '#b'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"#b"sv,
        u"0b111111111111111111111111111111111111111111111111111111111111111"sv},
    {"int 9223372036854775807 'e'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"e"sv, u"9.223372e+18"sv},
    {"int 9223372036854775807 '.0f'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u".0f"sv, u"9223372036854775808"sv},
    {"int 9223372036854775807 'g'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"g"sv, u"9.22337e+18"sv},
    {"int 9223372036854775807 '%'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"%"sv,
        u"922337203685477580800.000000%"sv},
    {"int 9223372036854775807 '30,'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"30,"sv,
        u"     9,223,372,036,854,775,807"sv},
    {"int -9223372036854775808 ''", 'i', std::numeric_limits<qint64>::min(), 0, {}, u""sv, u"-9223372036854775808"sv},
    {"int -9223372036854775808 ','", 'i', std::numeric_limits<qint64>::min(), 0, {}, u","sv,
        u"-9,223,372,036,854,775,808"sv},
    {"int -9223372036854775808 '#x'", 'i', std::numeric_limits<qint64>::min(), 0, {}, u"#x"sv,
        u"-0x8000000000000000"sv},
    {"int -9223372036854775808 '#b'", 'i', std::numeric_limits<qint64>::min(), 0, {}, u"#b"sv,
        u"-0b1000000000000000000000000000000000000000000000000000000000000000"sv},
    {"int -9223372036854775808 '_o'", 'i', std::numeric_limits<qint64>::min(), 0, {}, u"_o"sv,
        u"-10_0000_0000_0000_0000_0000"sv},
    {"int -9223372036854775808 '.3e'", 'i', std::numeric_limits<qint64>::min(), 0, {}, u".3e"sv, u"-9.223e+18"sv},
    {"int -9223372036854775808 '+030_'", 'i', std::numeric_limits<qint64>::min(), 0, {}, u"+030_"sv,
        u"-0_009_223_372_036_854_775_808"sv},
    {"int 5 '.2f'", 'i', Q_INT64_C(5), 0, {}, u".2f"sv, u"5.00"sv},
    {"int 5 'f'", 'i', Q_INT64_C(5), 0, {}, u"f"sv, u"5.000000"sv},
    {"int 5 'F'", 'i', Q_INT64_C(5), 0, {}, u"F"sv, u"5.000000"sv},
    {"int 5 'e'", 'i', Q_INT64_C(5), 0, {}, u"e"sv, u"5.000000e+00"sv},
    {"int 5 'E'", 'i', Q_INT64_C(5), 0, {}, u"E"sv, u"5.000000E+00"sv},
    {"int 5 'g'", 'i', Q_INT64_C(5), 0, {}, u"g"sv, u"5"sv},
    {"int 5 'G'", 'i', Q_INT64_C(5), 0, {}, u"G"sv, u"5"sv},
    {"int 5 '%'", 'i', Q_INT64_C(5), 0, {}, u"%"sv, u"500.000000%"sv},
    {"int 5 '.0%'", 'i', Q_INT64_C(5), 0, {}, u".0%"sv, u"500%"sv},
    {"int 5 '#.0f'", 'i', Q_INT64_C(5), 0, {}, u"#.0f"sv, u"5."sv},
    {"int 5 '#g'", 'i', Q_INT64_C(5), 0, {}, u"#g"sv, u"5.00000"sv},
    {"int 5 '+.1e'", 'i', Q_INT64_C(5), 0, {}, u"+.1e"sv, u"+5.0e+00"sv},
    {"int 5 '010.3f'", 'i', Q_INT64_C(5), 0, {}, u"010.3f"sv, u"000005.000"sv},
    {"int 1000000 'g'", 'i', Q_INT64_C(1000000), 0, {}, u"g"sv, u"1e+06"sv},
    {"int 1000000 '.2g'", 'i', Q_INT64_C(1000000), 0, {}, u".2g"sv, u"1e+06"sv},
    {"int 1000000 '#.2g'", 'i', Q_INT64_C(1000000), 0, {}, u"#.2g"sv, u"1.0e+06"sv},
    {"int 1000000 'G'", 'i', Q_INT64_C(1000000), 0, {}, u"G"sv, u"1E+06"sv},
    {"int 1000000 '.0e'", 'i', Q_INT64_C(1000000), 0, {}, u".0e"sv, u"1e+06"sv},
    {"int 7 '\\U0001f600^9'", 'i', Q_INT64_C(7), 0, {}, u"\xd83d\xde00^9"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00"
        u"7\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00"sv},
    {"int 7 '\\xe9>5'", 'i', Q_INT64_C(7), 0, {}, u"\xe9>5"sv,
        u"\xe9\xe9\xe9\xe9"
        u"7"sv},
    {"int 7 '{<4'", 'i', Q_INT64_C(7), 0, {}, u"{<4"sv, u"7{{{"sv},
    {"int 7 '}>4'", 'i', Q_INT64_C(7), 0, {}, u"}>4"sv, u"}}}7"sv},
    {"int 7 '\\U0001f600=+6'", 'i', Q_INT64_C(7), 0, {}, u"\xd83d\xde00=+6"sv,
        u"+\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00"
        u"7"sv},
    {"int 7 '0=6'", 'i', Q_INT64_C(7), 0, {}, u"0=6"sv, u"000007"sv},
    {"int 7 '0<6'", 'i', Q_INT64_C(7), 0, {}, u"0<6"sv, u"700000"sv},
    {"int 7 'x>06'", 'i', Q_INT64_C(7), 0, {}, u"x>06"sv, u"xxxxx7"sv},
    {"bool True ''", 'b', 1, 0, {}, u""sv, u"True"sv},
    {"bool True 'd'", 'b', 1, 0, {}, u"d"sv, u"1"sv},
    {"bool True '>6'", 'b', 1, 0, {}, u">6"sv, u"     1"sv},
    {"bool True '<6'", 'b', 1, 0, {}, u"<6"sv, u"1     "sv},
    {"bool True '^6'", 'b', 1, 0, {}, u"^6"sv, u"  1   "sv},
    {"bool True 'x'", 'b', 1, 0, {}, u"x"sv, u"1"sv},
    {"bool True '#x'", 'b', 1, 0, {}, u"#x"sv, u"0x1"sv},
    {"bool True 'b'", 'b', 1, 0, {}, u"b"sv, u"1"sv},
    {"bool True '.1f'", 'b', 1, 0, {}, u".1f"sv, u"1.0"sv},
    {"bool True 'e'", 'b', 1, 0, {}, u"e"sv, u"1.000000e+00"sv},
    {"bool True '%'", 'b', 1, 0, {}, u"%"sv, u"100.000000%"sv},
    {"bool True 'c'", 'b', 1, 0, {}, u"c"sv, u"\x1"sv},
    {"bool True '+'", 'b', 1, 0, {}, u"+"sv, u"+1"sv},
    {"bool True '05'", 'b', 1, 0, {}, u"05"sv, u"00001"sv},
    {"bool True 'n'", 'b', 1, 0, {}, u"n"sv, u"1"sv},
    {"bool False ''", 'b', 0, 0, {}, u""sv, u"False"sv},
    {"bool False 'd'", 'b', 0, 0, {}, u"d"sv, u"0"sv},
    {"bool False '>6'", 'b', 0, 0, {}, u">6"sv, u"     0"sv},
    {"bool False 'f'", 'b', 0, 0, {}, u"f"sv, u"0.000000"sv},
    {"bool False '+'", 'b', 0, 0, {}, u"+"sv, u"+0"sv},
    {"bool False ' 3'", 'b', 0, 0, {}, u" 3"sv, u"  0"sv},
    {"float 0.0 ''", 'f', 0, 0.0, {}, u""sv, u"0.0"sv},
    {"float 0.0 'f'", 'f', 0, 0.0, {}, u"f"sv, u"0.000000"sv},
    {"float 0.0 '.2f'", 'f', 0, 0.0, {}, u".2f"sv, u"0.00"sv},
    {"float 0.0 '.0f'", 'f', 0, 0.0, {}, u".0f"sv, u"0"sv},
    {"float 0.0 '#.0f'", 'f', 0, 0.0, {}, u"#.0f"sv, u"0."sv},
    {"float 0.0 'e'", 'f', 0, 0.0, {}, u"e"sv, u"0.000000e+00"sv},
    {"float 0.0 '.3e'", 'f', 0, 0.0, {}, u".3e"sv, u"0.000e+00"sv},
    {"float 0.0 '.0e'", 'f', 0, 0.0, {}, u".0e"sv, u"0e+00"sv},
    {"float 0.0 '#.0e'", 'f', 0, 0.0, {}, u"#.0e"sv, u"0.e+00"sv},
    {"float 0.0 'E'", 'f', 0, 0.0, {}, u"E"sv, u"0.000000E+00"sv},
    {"float 0.0 'g'", 'f', 0, 0.0, {}, u"g"sv, u"0"sv},
    {"float 0.0 '.3g'", 'f', 0, 0.0, {}, u".3g"sv, u"0"sv},
    {"float 0.0 '#.3g'", 'f', 0, 0.0, {}, u"#.3g"sv, u"0.00"sv},
    {"float 0.0 '.0g'", 'f', 0, 0.0, {}, u".0g"sv, u"0"sv},
    {"float 0.0 'G'", 'f', 0, 0.0, {}, u"G"sv, u"0"sv},
    {"float 0.0 '.3'", 'f', 0, 0.0, {}, u".3"sv, u"0.0"sv},
    {"float 0.0 '.12'", 'f', 0, 0.0, {}, u".12"sv, u"0.0"sv},
    {"float 0.0 'n'", 'f', 0, 0.0, {}, u"n"sv, u"0"sv},
    {"float 0.0 '%'", 'f', 0, 0.0, {}, u"%"sv, u"0.000000%"sv},
    {"float 0.0 '.1%'", 'f', 0, 0.0, {}, u".1%"sv, u"0.0%"sv},
    {"float -0.0 ''", 'f', 0, -0.0, {}, u""sv, u"-0.0"sv},
    {"float -0.0 'f'", 'f', 0, -0.0, {}, u"f"sv, u"-0.000000"sv},
    {"float -0.0 '.2f'", 'f', 0, -0.0, {}, u".2f"sv, u"-0.00"sv},
    {"float -0.0 '.0f'", 'f', 0, -0.0, {}, u".0f"sv, u"-0"sv},
    {"float -0.0 '#.0f'", 'f', 0, -0.0, {}, u"#.0f"sv, u"-0."sv},
    {"float -0.0 'e'", 'f', 0, -0.0, {}, u"e"sv, u"-0.000000e+00"sv},
    {"float -0.0 '.3e'", 'f', 0, -0.0, {}, u".3e"sv, u"-0.000e+00"sv},
    {"float -0.0 '.0e'", 'f', 0, -0.0, {}, u".0e"sv, u"-0e+00"sv},
    {"float -0.0 '#.0e'", 'f', 0, -0.0, {}, u"#.0e"sv, u"-0.e+00"sv},
    {"float -0.0 'E'", 'f', 0, -0.0, {}, u"E"sv, u"-0.000000E+00"sv},
    {"float -0.0 'g'", 'f', 0, -0.0, {}, u"g"sv, u"-0"sv},
    {"float -0.0 '.3g'", 'f', 0, -0.0, {}, u".3g"sv, u"-0"sv},
    {"float -0.0 '#.3g'", 'f', 0, -0.0, {}, u"#.3g"sv, u"-0.00"sv},
    {"float -0.0 '.0g'", 'f', 0, -0.0, {}, u".0g"sv, u"-0"sv},
    {"float -0.0 'G'", 'f', 0, -0.0, {}, u"G"sv, u"-0"sv},
    {"float -0.0 '.3'", 'f', 0, -0.0, {}, u".3"sv, u"-0.0"sv},
    {"float -0.0 '.12'", 'f', 0, -0.0, {}, u".12"sv, u"-0.0"sv},
    {"float -0.0 'n'", 'f', 0, -0.0, {}, u"n"sv, u"-0"sv},
    {"float -0.0 '%'", 'f', 0, -0.0, {}, u"%"sv, u"-0.000000%"sv},
    {"float -0.0 '.1%'", 'f', 0, -0.0, {}, u".1%"sv, u"-0.0%"sv},
    {"float 1.0 ''", 'f', 0, 1.0, {}, u""sv, u"1.0"sv},
    {"float 1.0 'f'", 'f', 0, 1.0, {}, u"f"sv, u"1.000000"sv},
    {"float 1.0 '.2f'", 'f', 0, 1.0, {}, u".2f"sv, u"1.00"sv},
    {"float 1.0 '.0f'", 'f', 0, 1.0, {}, u".0f"sv, u"1"sv},
    {"float 1.0 '#.0f'", 'f', 0, 1.0, {}, u"#.0f"sv, u"1."sv},
    {"float 1.0 'e'", 'f', 0, 1.0, {}, u"e"sv, u"1.000000e+00"sv},
    {"float 1.0 '.3e'", 'f', 0, 1.0, {}, u".3e"sv, u"1.000e+00"sv},
    {"float 1.0 '.0e'", 'f', 0, 1.0, {}, u".0e"sv, u"1e+00"sv},
    {"float 1.0 '#.0e'", 'f', 0, 1.0, {}, u"#.0e"sv, u"1.e+00"sv},
    {"float 1.0 'E'", 'f', 0, 1.0, {}, u"E"sv, u"1.000000E+00"sv},
    {"float 1.0 'g'", 'f', 0, 1.0, {}, u"g"sv, u"1"sv},
    {"float 1.0 '.3g'", 'f', 0, 1.0, {}, u".3g"sv, u"1"sv},
    {"float 1.0 '#.3g'", 'f', 0, 1.0, {}, u"#.3g"sv, u"1.00"sv},
    {"float 1.0 '.0g'", 'f', 0, 1.0, {}, u".0g"sv, u"1"sv},
    {"float 1.0 'G'", 'f', 0, 1.0, {}, u"G"sv, u"1"sv},
    {"float 1.0 '.3'", 'f', 0, 1.0, {}, u".3"sv, u"1.0"sv},
    {"float 1.0 '.12'", 'f', 0, 1.0, {}, u".12"sv, u"1.0"sv},
    {"float 1.0 'n'", 'f', 0, 1.0, {}, u"n"sv, u"1"sv},
    {"float 1.0 '%'", 'f', 0, 1.0, {}, u"%"sv, u"100.000000%"sv},
    {"float 1.0 '.1%'", 'f', 0, 1.0, {}, u".1%"sv, u"100.0%"sv},
    {"float 0.1 ''", 'f', 0, 0.1, {}, u""sv, u"0.1"sv},
    {"float 0.1 'f'", 'f', 0, 0.1, {}, u"f"sv, u"0.100000"sv},
    {"float 0.1 '.2f'", 'f', 0, 0.1, {}, u".2f"sv, u"0.10"sv},
    {"float 0.1 '.0f'", 'f', 0, 0.1, {}, u".0f"sv, u"0"sv},
    {"float 0.1 '#.0f'", 'f', 0, 0.1, {}, u"#.0f"sv, u"0."sv},
    {"float 0.1 'e'", 'f', 0, 0.1, {}, u"e"sv, u"1.000000e-01"sv},
    {"float 0.1 '.3e'", 'f', 0, 0.1, {}, u".3e"sv, u"1.000e-01"sv},
    {"float 0.1 '.0e'", 'f', 0, 0.1, {}, u".0e"sv, u"1e-01"sv},
    {"float 0.1 '#.0e'", 'f', 0, 0.1, {}, u"#.0e"sv, u"1.e-01"sv},
    {"float 0.1 'E'", 'f', 0, 0.1, {}, u"E"sv, u"1.000000E-01"sv},
    {"float 0.1 'g'", 'f', 0, 0.1, {}, u"g"sv, u"0.1"sv},
    {"float 0.1 '.3g'", 'f', 0, 0.1, {}, u".3g"sv, u"0.1"sv},
    {"float 0.1 '#.3g'", 'f', 0, 0.1, {}, u"#.3g"sv, u"0.100"sv},
    {"float 0.1 '.0g'", 'f', 0, 0.1, {}, u".0g"sv, u"0.1"sv},
    {"float 0.1 'G'", 'f', 0, 0.1, {}, u"G"sv, u"0.1"sv},
    {"float 0.1 '.3'", 'f', 0, 0.1, {}, u".3"sv, u"0.1"sv},
    {"float 0.1 '.12'", 'f', 0, 0.1, {}, u".12"sv, u"0.1"sv},
    {"float 0.1 'n'", 'f', 0, 0.1, {}, u"n"sv, u"0.1"sv},
    {"float 0.1 '%'", 'f', 0, 0.1, {}, u"%"sv, u"10.000000%"sv},
    {"float 0.1 '.1%'", 'f', 0, 0.1, {}, u".1%"sv, u"10.0%"sv},
    {"float 2.5 ''", 'f', 0, 2.5, {}, u""sv, u"2.5"sv},
    {"float 2.5 'f'", 'f', 0, 2.5, {}, u"f"sv, u"2.500000"sv},
    {"float 2.5 '.2f'", 'f', 0, 2.5, {}, u".2f"sv, u"2.50"sv},
    {"float 2.5 '.0f'", 'f', 0, 2.5, {}, u".0f"sv, u"2"sv},
    {"float 2.5 '#.0f'", 'f', 0, 2.5, {}, u"#.0f"sv, u"2."sv},
    {"float 2.5 'e'", 'f', 0, 2.5, {}, u"e"sv, u"2.500000e+00"sv},
    {"float 2.5 '.3e'", 'f', 0, 2.5, {}, u".3e"sv, u"2.500e+00"sv},
    {"float 2.5 '.0e'", 'f', 0, 2.5, {}, u".0e"sv, u"2e+00"sv},
    {"float 2.5 '#.0e'", 'f', 0, 2.5, {}, u"#.0e"sv, u"2.e+00"sv},
    {"float 2.5 'E'", 'f', 0, 2.5, {}, u"E"sv, u"2.500000E+00"sv},
    {"float 2.5 'g'", 'f', 0, 2.5, {}, u"g"sv, u"2.5"sv},
    {"float 2.5 '.3g'", 'f', 0, 2.5, {}, u".3g"sv, u"2.5"sv},
    {"float 2.5 '#.3g'", 'f', 0, 2.5, {}, u"#.3g"sv, u"2.50"sv},
    {"float 2.5 '.0g'", 'f', 0, 2.5, {}, u".0g"sv, u"2"sv},
    {"float 2.5 'G'", 'f', 0, 2.5, {}, u"G"sv, u"2.5"sv},
    {"float 2.5 '.3'", 'f', 0, 2.5, {}, u".3"sv, u"2.5"sv},
    {"float 2.5 '.12'", 'f', 0, 2.5, {}, u".12"sv, u"2.5"sv},
    {"float 2.5 'n'", 'f', 0, 2.5, {}, u"n"sv, u"2.5"sv},
    {"float 2.5 '%'", 'f', 0, 2.5, {}, u"%"sv, u"250.000000%"sv},
    {"float 2.5 '.1%'", 'f', 0, 2.5, {}, u".1%"sv, u"250.0%"sv},
    {"float 0.125 ''", 'f', 0, 0.125, {}, u""sv, u"0.125"sv},
    {"float 0.125 'f'", 'f', 0, 0.125, {}, u"f"sv, u"0.125000"sv},
    {"float 0.125 '.2f'", 'f', 0, 0.125, {}, u".2f"sv, u"0.12"sv},
    {"float 0.125 '.0f'", 'f', 0, 0.125, {}, u".0f"sv, u"0"sv},
    {"float 0.125 '#.0f'", 'f', 0, 0.125, {}, u"#.0f"sv, u"0."sv},
    {"float 0.125 'e'", 'f', 0, 0.125, {}, u"e"sv, u"1.250000e-01"sv},
    {"float 0.125 '.3e'", 'f', 0, 0.125, {}, u".3e"sv, u"1.250e-01"sv},
    {"float 0.125 '.0e'", 'f', 0, 0.125, {}, u".0e"sv, u"1e-01"sv},
    {"float 0.125 '#.0e'", 'f', 0, 0.125, {}, u"#.0e"sv, u"1.e-01"sv},
    {"float 0.125 'E'", 'f', 0, 0.125, {}, u"E"sv, u"1.250000E-01"sv},
    {"float 0.125 'g'", 'f', 0, 0.125, {}, u"g"sv, u"0.125"sv},
    {"float 0.125 '.3g'", 'f', 0, 0.125, {}, u".3g"sv, u"0.125"sv},
    {"float 0.125 '#.3g'", 'f', 0, 0.125, {}, u"#.3g"sv, u"0.125"sv},
    {"float 0.125 '.0g'", 'f', 0, 0.125, {}, u".0g"sv, u"0.1"sv},
    {"float 0.125 'G'", 'f', 0, 0.125, {}, u"G"sv, u"0.125"sv},
    {"float 0.125 '.3'", 'f', 0, 0.125, {}, u".3"sv, u"0.125"sv},
    {"float 0.125 '.12'", 'f', 0, 0.125, {}, u".12"sv, u"0.125"sv},
    {"float 0.125 'n'", 'f', 0, 0.125, {}, u"n"sv, u"0.125"sv},
    {"float 0.125 '%'", 'f', 0, 0.125, {}, u"%"sv, u"12.500000%"sv},
    {"float 0.125 '.1%'", 'f', 0, 0.125, {}, u".1%"sv, u"12.5%"sv},
    {"float -1234567.891 ''", 'f', 0, -1234567.891, {}, u""sv, u"-1234567.891"sv},
    {"float -1234567.891 'f'", 'f', 0, -1234567.891, {}, u"f"sv, u"-1234567.891000"sv},
    {"float -1234567.891 '.2f'", 'f', 0, -1234567.891, {}, u".2f"sv, u"-1234567.89"sv},
    {"float -1234567.891 '.0f'", 'f', 0, -1234567.891, {}, u".0f"sv, u"-1234568"sv},
    {"float -1234567.891 '#.0f'", 'f', 0, -1234567.891, {}, u"#.0f"sv, u"-1234568."sv},
    {"float -1234567.891 'e'", 'f', 0, -1234567.891, {}, u"e"sv, u"-1.234568e+06"sv},
    {"float -1234567.891 '.3e'", 'f', 0, -1234567.891, {}, u".3e"sv, u"-1.235e+06"sv},
    {"float -1234567.891 '.0e'", 'f', 0, -1234567.891, {}, u".0e"sv, u"-1e+06"sv},
    {"float -1234567.891 '#.0e'", 'f', 0, -1234567.891, {}, u"#.0e"sv, u"-1.e+06"sv},
    {"float -1234567.891 'E'", 'f', 0, -1234567.891, {}, u"E"sv, u"-1.234568E+06"sv},
    {"float -1234567.891 'g'", 'f', 0, -1234567.891, {}, u"g"sv, u"-1.23457e+06"sv},
    {"float -1234567.891 '.3g'", 'f', 0, -1234567.891, {}, u".3g"sv, u"-1.23e+06"sv},
    {"float -1234567.891 '#.3g'", 'f', 0, -1234567.891, {}, u"#.3g"sv, u"-1.23e+06"sv},
    {"float -1234567.891 '.0g'", 'f', 0, -1234567.891, {}, u".0g"sv, u"-1e+06"sv},
    {"float -1234567.891 'G'", 'f', 0, -1234567.891, {}, u"G"sv, u"-1.23457E+06"sv},
    {"float -1234567.891 '.3'", 'f', 0, -1234567.891, {}, u".3"sv, u"-1.23e+06"sv},
    {"float -1234567.891 '.12'", 'f', 0, -1234567.891, {}, u".12"sv, u"-1234567.891"sv},
    {"float -1234567.891 'n'", 'f', 0, -1234567.891, {}, u"n"sv, u"-1.23457e+06"sv},
    {"float -1234567.891 '%'", 'f', 0, -1234567.891, {}, u"%"sv, u"-123456789.100000%"sv},
    {"float -1234567.891 '.1%'", 'f', 0, -1234567.891, {}, u".1%"sv, u"-123456789.1%"sv},
    {"float 1e+16 ''", 'f', 0, 1e+16, {}, u""sv, u"1e+16"sv},
    {"float 1e+16 'f'", 'f', 0, 1e+16, {}, u"f"sv, u"10000000000000000.000000"sv},
    {"float 1e+16 '.2f'", 'f', 0, 1e+16, {}, u".2f"sv, u"10000000000000000.00"sv},
    {"float 1e+16 '.0f'", 'f', 0, 1e+16, {}, u".0f"sv, u"10000000000000000"sv},
    {"float 1e+16 '#.0f'", 'f', 0, 1e+16, {}, u"#.0f"sv, u"10000000000000000."sv},
    {"float 1e+16 'e'", 'f', 0, 1e+16, {}, u"e"sv, u"1.000000e+16"sv},
    {"float 1e+16 '.3e'", 'f', 0, 1e+16, {}, u".3e"sv, u"1.000e+16"sv},
    {"float 1e+16 '.0e'", 'f', 0, 1e+16, {}, u".0e"sv, u"1e+16"sv},
    {"float 1e+16 '#.0e'", 'f', 0, 1e+16, {}, u"#.0e"sv, u"1.e+16"sv},
    {"float 1e+16 'E'", 'f', 0, 1e+16, {}, u"E"sv, u"1.000000E+16"sv},
    {"float 1e+16 'g'", 'f', 0, 1e+16, {}, u"g"sv, u"1e+16"sv},
    {"float 1e+16 '.3g'", 'f', 0, 1e+16, {}, u".3g"sv, u"1e+16"sv},
    {"float 1e+16 '#.3g'", 'f', 0, 1e+16, {}, u"#.3g"sv, u"1.00e+16"sv},
    {"float 1e+16 '.0g'", 'f', 0, 1e+16, {}, u".0g"sv, u"1e+16"sv},
    {"float 1e+16 'G'", 'f', 0, 1e+16, {}, u"G"sv, u"1E+16"sv},
    {"float 1e+16 '.3'", 'f', 0, 1e+16, {}, u".3"sv, u"1e+16"sv},
    {"float 1e+16 '.12'", 'f', 0, 1e+16, {}, u".12"sv, u"1e+16"sv},
    {"float 1e+16 'n'", 'f', 0, 1e+16, {}, u"n"sv, u"1e+16"sv},
    {"float 1e+16 '%'", 'f', 0, 1e+16, {}, u"%"sv, u"1000000000000000000.000000%"sv},
    {"float 1e+16 '.1%'", 'f', 0, 1e+16, {}, u".1%"sv, u"1000000000000000000.0%"sv},
    {"float 1.5e+16 ''", 'f', 0, 1.5e+16, {}, u""sv, u"1.5e+16"sv},
    {"float 1.5e+16 'f'", 'f', 0, 1.5e+16, {}, u"f"sv, u"15000000000000000.000000"sv},
    {"float 1.5e+16 '.2f'", 'f', 0, 1.5e+16, {}, u".2f"sv, u"15000000000000000.00"sv},
    {"float 1.5e+16 '.0f'", 'f', 0, 1.5e+16, {}, u".0f"sv, u"15000000000000000"sv},
    {"float 1.5e+16 '#.0f'", 'f', 0, 1.5e+16, {}, u"#.0f"sv, u"15000000000000000."sv},
    {"float 1.5e+16 'e'", 'f', 0, 1.5e+16, {}, u"e"sv, u"1.500000e+16"sv},
    {"float 1.5e+16 '.3e'", 'f', 0, 1.5e+16, {}, u".3e"sv, u"1.500e+16"sv},
    {"float 1.5e+16 '.0e'", 'f', 0, 1.5e+16, {}, u".0e"sv, u"2e+16"sv},
    {"float 1.5e+16 '#.0e'", 'f', 0, 1.5e+16, {}, u"#.0e"sv, u"2.e+16"sv},
    {"float 1.5e+16 'E'", 'f', 0, 1.5e+16, {}, u"E"sv, u"1.500000E+16"sv},
    {"float 1.5e+16 'g'", 'f', 0, 1.5e+16, {}, u"g"sv, u"1.5e+16"sv},
    {"float 1.5e+16 '.3g'", 'f', 0, 1.5e+16, {}, u".3g"sv, u"1.5e+16"sv},
    {"float 1.5e+16 '#.3g'", 'f', 0, 1.5e+16, {}, u"#.3g"sv, u"1.50e+16"sv},
    {"float 1.5e+16 '.0g'", 'f', 0, 1.5e+16, {}, u".0g"sv, u"2e+16"sv},
    {"float 1.5e+16 'G'", 'f', 0, 1.5e+16, {}, u"G"sv, u"1.5E+16"sv},
    {"float 1.5e+16 '.3'", 'f', 0, 1.5e+16, {}, u".3"sv, u"1.5e+16"sv},
    {"float 1.5e+16 '.12'", 'f', 0, 1.5e+16, {}, u".12"sv, u"1.5e+16"sv},
    {"float 1.5e+16 'n'", 'f', 0, 1.5e+16, {}, u"n"sv, u"1.5e+16"sv},
    {"float 1.5e+16 '%'", 'f', 0, 1.5e+16, {}, u"%"sv, u"1500000000000000000.000000%"sv},
    {"float 1.5e+16 '.1%'", 'f', 0, 1.5e+16, {}, u".1%"sv, u"1500000000000000000.0%"sv},
    {"float 1e-05 ''", 'f', 0, 1e-05, {}, u""sv, u"1e-05"sv},
    {"float 1e-05 'f'", 'f', 0, 1e-05, {}, u"f"sv, u"0.000010"sv},
    {"float 1e-05 '.2f'", 'f', 0, 1e-05, {}, u".2f"sv, u"0.00"sv},
    {"float 1e-05 '.0f'", 'f', 0, 1e-05, {}, u".0f"sv, u"0"sv},
    {"float 1e-05 '#.0f'", 'f', 0, 1e-05, {}, u"#.0f"sv, u"0."sv},
    {"float 1e-05 'e'", 'f', 0, 1e-05, {}, u"e"sv, u"1.000000e-05"sv},
    {"float 1e-05 '.3e'", 'f', 0, 1e-05, {}, u".3e"sv, u"1.000e-05"sv},
    {"float 1e-05 '.0e'", 'f', 0, 1e-05, {}, u".0e"sv, u"1e-05"sv},
    {"float 1e-05 '#.0e'", 'f', 0, 1e-05, {}, u"#.0e"sv, u"1.e-05"sv},
    {"float 1e-05 'E'", 'f', 0, 1e-05, {}, u"E"sv, u"1.000000E-05"sv},
    {"float 1e-05 'g'", 'f', 0, 1e-05, {}, u"g"sv, u"1e-05"sv},
    {"float 1e-05 '.3g'", 'f', 0, 1e-05, {}, u".3g"sv, u"1e-05"sv},
    {"float 1e-05 '#.3g'", 'f', 0, 1e-05, {}, u"#.3g"sv, u"1.00e-05"sv},
    {"float 1e-05 '.0g'", 'f', 0, 1e-05, {}, u".0g"sv, u"1e-05"sv},
    {"float 1e-05 'G'", 'f', 0, 1e-05, {}, u"G"sv, u"1E-05"sv},
    {"float 1e-05 '.3'", 'f', 0, 1e-05, {}, u".3"sv, u"1e-05"sv},
    {"float 1e-05 '.12'", 'f', 0, 1e-05, {}, u".12"sv, u"1e-05"sv},
    {"float 1e-05 'n'", 'f', 0, 1e-05, {}, u"n"sv, u"1e-05"sv},
    {"float 1e-05 '%'", 'f', 0, 1e-05, {}, u"%"sv, u"0.001000%"sv},
    {"float 1e-05 '.1%'", 'f', 0, 1e-05, {}, u".1%"sv, u"0.0%"sv},
    {"float 0.0001 ''", 'f', 0, 0.0001, {}, u""sv, u"0.0001"sv},
    {"float 0.0001 'f'", 'f', 0, 0.0001, {}, u"f"sv, u"0.000100"sv},
    {"float 0.0001 '.2f'", 'f', 0, 0.0001, {}, u".2f"sv, u"0.00"sv},
    {"float 0.0001 '.0f'", 'f', 0, 0.0001, {}, u".0f"sv, u"0"sv},
    {"float 0.0001 '#.0f'", 'f', 0, 0.0001, {}, u"#.0f"sv, u"0."sv},
    {"float 0.0001 'e'", 'f', 0, 0.0001, {}, u"e"sv, u"1.000000e-04"sv},
    {"float 0.0001 '.3e'", 'f', 0, 0.0001, {}, u".3e"sv, u"1.000e-04"sv},
    {"float 0.0001 '.0e'", 'f', 0, 0.0001, {}, u".0e"sv, u"1e-04"sv},
    {"float 0.0001 '#.0e'", 'f', 0, 0.0001, {}, u"#.0e"sv, u"1.e-04"sv},
    {"float 0.0001 'E'", 'f', 0, 0.0001, {}, u"E"sv, u"1.000000E-04"sv},
    {"float 0.0001 'g'", 'f', 0, 0.0001, {}, u"g"sv, u"0.0001"sv},
    {"float 0.0001 '.3g'", 'f', 0, 0.0001, {}, u".3g"sv, u"0.0001"sv},
    {"float 0.0001 '#.3g'", 'f', 0, 0.0001, {}, u"#.3g"sv, u"0.000100"sv},
    {"float 0.0001 '.0g'", 'f', 0, 0.0001, {}, u".0g"sv, u"0.0001"sv},
    {"float 0.0001 'G'", 'f', 0, 0.0001, {}, u"G"sv, u"0.0001"sv},
    {"float 0.0001 '.3'", 'f', 0, 0.0001, {}, u".3"sv, u"0.0001"sv},
    {"float 0.0001 '.12'", 'f', 0, 0.0001, {}, u".12"sv, u"0.0001"sv},
    {"float 0.0001 'n'", 'f', 0, 0.0001, {}, u"n"sv, u"0.0001"sv},
    {"float 0.0001 '%'", 'f', 0, 0.0001, {}, u"%"sv, u"0.010000%"sv},
    {"float 0.0001 '.1%'", 'f', 0, 0.0001, {}, u".1%"sv, u"0.0%"sv},
    {"float 9.995 ''", 'f', 0, 9.995, {}, u""sv, u"9.995"sv},
    {"float 9.995 'f'", 'f', 0, 9.995, {}, u"f"sv, u"9.995000"sv},
    {"float 9.995 '.2f'", 'f', 0, 9.995, {}, u".2f"sv, u"9.99"sv},
    {"float 9.995 '.0f'", 'f', 0, 9.995, {}, u".0f"sv, u"10"sv},
    {"float 9.995 '#.0f'", 'f', 0, 9.995, {}, u"#.0f"sv, u"10."sv},
    {"float 9.995 'e'", 'f', 0, 9.995, {}, u"e"sv, u"9.995000e+00"sv},
    {"float 9.995 '.3e'", 'f', 0, 9.995, {}, u".3e"sv, u"9.995e+00"sv},
    {"float 9.995 '.0e'", 'f', 0, 9.995, {}, u".0e"sv, u"1e+01"sv},
    {"float 9.995 '#.0e'", 'f', 0, 9.995, {}, u"#.0e"sv, u"1.e+01"sv},
    {"float 9.995 'E'", 'f', 0, 9.995, {}, u"E"sv, u"9.995000E+00"sv},
    {"float 9.995 'g'", 'f', 0, 9.995, {}, u"g"sv, u"9.995"sv},
    {"float 9.995 '.3g'", 'f', 0, 9.995, {}, u".3g"sv, u"9.99"sv},
    {"float 9.995 '#.3g'", 'f', 0, 9.995, {}, u"#.3g"sv, u"9.99"sv},
    {"float 9.995 '.0g'", 'f', 0, 9.995, {}, u".0g"sv, u"1e+01"sv},
    {"float 9.995 'G'", 'f', 0, 9.995, {}, u"G"sv, u"9.995"sv},
    {"float 9.995 '.3'", 'f', 0, 9.995, {}, u".3"sv, u"9.99"sv},
    {"float 9.995 '.12'", 'f', 0, 9.995, {}, u".12"sv, u"9.995"sv},
    {"float 9.995 'n'", 'f', 0, 9.995, {}, u"n"sv, u"9.995"sv},
    {"float 9.995 '%'", 'f', 0, 9.995, {}, u"%"sv, u"999.500000%"sv},
    {"float 9.995 '.1%'", 'f', 0, 9.995, {}, u".1%"sv, u"999.5%"sv},
    {"float 100.0 ''", 'f', 0, 100.0, {}, u""sv, u"100.0"sv},
    {"float 100.0 'f'", 'f', 0, 100.0, {}, u"f"sv, u"100.000000"sv},
    {"float 100.0 '.2f'", 'f', 0, 100.0, {}, u".2f"sv, u"100.00"sv},
    {"float 100.0 '.0f'", 'f', 0, 100.0, {}, u".0f"sv, u"100"sv},
    {"float 100.0 '#.0f'", 'f', 0, 100.0, {}, u"#.0f"sv, u"100."sv},
    {"float 100.0 'e'", 'f', 0, 100.0, {}, u"e"sv, u"1.000000e+02"sv},
    {"float 100.0 '.3e'", 'f', 0, 100.0, {}, u".3e"sv, u"1.000e+02"sv},
    {"float 100.0 '.0e'", 'f', 0, 100.0, {}, u".0e"sv, u"1e+02"sv},
    {"float 100.0 '#.0e'", 'f', 0, 100.0, {}, u"#.0e"sv, u"1.e+02"sv},
    {"float 100.0 'E'", 'f', 0, 100.0, {}, u"E"sv, u"1.000000E+02"sv},
    {"float 100.0 'g'", 'f', 0, 100.0, {}, u"g"sv, u"100"sv},
    {"float 100.0 '.3g'", 'f', 0, 100.0, {}, u".3g"sv, u"100"sv},
    {"float 100.0 '#.3g'", 'f', 0, 100.0, {}, u"#.3g"sv, u"100."sv},
    {"float 100.0 '.0g'", 'f', 0, 100.0, {}, u".0g"sv, u"1e+02"sv},
    {"float 100.0 'G'", 'f', 0, 100.0, {}, u"G"sv, u"100"sv},
    {"float 100.0 '.3'", 'f', 0, 100.0, {}, u".3"sv, u"1e+02"sv},
    {"float 100.0 '.12'", 'f', 0, 100.0, {}, u".12"sv, u"100.0"sv},
    {"float 100.0 'n'", 'f', 0, 100.0, {}, u"n"sv, u"100"sv},
    {"float 100.0 '%'", 'f', 0, 100.0, {}, u"%"sv, u"10000.000000%"sv},
    {"float 100.0 '.1%'", 'f', 0, 100.0, {}, u".1%"sv, u"10000.0%"sv},
    {"float 5e-324 ''", 'f', 0, 5e-324, {}, u""sv, u"5e-324"sv},
    {"float 5e-324 'f'", 'f', 0, 5e-324, {}, u"f"sv, u"0.000000"sv},
    {"float 5e-324 '.2f'", 'f', 0, 5e-324, {}, u".2f"sv, u"0.00"sv},
    {"float 5e-324 '.0f'", 'f', 0, 5e-324, {}, u".0f"sv, u"0"sv},
    {"float 5e-324 '#.0f'", 'f', 0, 5e-324, {}, u"#.0f"sv, u"0."sv},
    {"float 5e-324 'e'", 'f', 0, 5e-324, {}, u"e"sv, u"4.940656e-324"sv},
    {"float 5e-324 '.3e'", 'f', 0, 5e-324, {}, u".3e"sv, u"4.941e-324"sv},
    {"float 5e-324 '.0e'", 'f', 0, 5e-324, {}, u".0e"sv, u"5e-324"sv},
    {"float 5e-324 '#.0e'", 'f', 0, 5e-324, {}, u"#.0e"sv, u"5.e-324"sv},
    {"float 5e-324 'E'", 'f', 0, 5e-324, {}, u"E"sv, u"4.940656E-324"sv},
    {"float 5e-324 'g'", 'f', 0, 5e-324, {}, u"g"sv, u"4.94066e-324"sv},
    {"float 5e-324 '.3g'", 'f', 0, 5e-324, {}, u".3g"sv, u"4.94e-324"sv},
    {"float 5e-324 '#.3g'", 'f', 0, 5e-324, {}, u"#.3g"sv, u"4.94e-324"sv},
    {"float 5e-324 '.0g'", 'f', 0, 5e-324, {}, u".0g"sv, u"5e-324"sv},
    {"float 5e-324 'G'", 'f', 0, 5e-324, {}, u"G"sv, u"4.94066E-324"sv},
    {"float 5e-324 '.3'", 'f', 0, 5e-324, {}, u".3"sv, u"4.94e-324"sv},
    {"float 5e-324 '.12'", 'f', 0, 5e-324, {}, u".12"sv, u"4.94065645841e-324"sv},
    {"float 5e-324 'n'", 'f', 0, 5e-324, {}, u"n"sv, u"4.94066e-324"sv},
    {"float 5e-324 '%'", 'f', 0, 5e-324, {}, u"%"sv, u"0.000000%"sv},
    {"float 5e-324 '.1%'", 'f', 0, 5e-324, {}, u".1%"sv, u"0.0%"sv},
    {"float 1.7976931348623157e+308 ''", 'f', 0, 1.7976931348623157e+308, {}, u""sv, u"1.7976931348623157e+308"sv},
    {"float 1.7976931348623157e+308 'f'", 'f', 0, 1.7976931348623157e+308, {}, u"f"sv,
        u"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"sv},
    {"float 1.7976931348623157e+308 '.2f'", 'f', 0, 1.7976931348623157e+308, {}, u".2f"sv,
        u"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00"sv},
    {"float 1.7976931348623157e+308 '.0f'", 'f', 0, 1.7976931348623157e+308, {}, u".0f"sv,
        u"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"sv},
    {"float 1.7976931348623157e+308 '#.0f'", 'f', 0, 1.7976931348623157e+308, {}, u"#.0f"sv,
        u"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368."sv},
    {"float 1.7976931348623157e+308 'e'", 'f', 0, 1.7976931348623157e+308, {}, u"e"sv, u"1.797693e+308"sv},
    {"float 1.7976931348623157e+308 '.3e'", 'f', 0, 1.7976931348623157e+308, {}, u".3e"sv, u"1.798e+308"sv},
    {"float 1.7976931348623157e+308 '.0e'", 'f', 0, 1.7976931348623157e+308, {}, u".0e"sv, u"2e+308"sv},
    {"float 1.7976931348623157e+308 '#.0e'", 'f', 0, 1.7976931348623157e+308, {}, u"#.0e"sv, u"2.e+308"sv},
    {"float 1.7976931348623157e+308 'E'", 'f', 0, 1.7976931348623157e+308, {}, u"E"sv, u"1.797693E+308"sv},
    {"float 1.7976931348623157e+308 'g'", 'f', 0, 1.7976931348623157e+308, {}, u"g"sv, u"1.79769e+308"sv},
    {"float 1.7976931348623157e+308 '.3g'", 'f', 0, 1.7976931348623157e+308, {}, u".3g"sv, u"1.8e+308"sv},
    {"float 1.7976931348623157e+308 '#.3g'", 'f', 0, 1.7976931348623157e+308, {}, u"#.3g"sv, u"1.80e+308"sv},
    {"float 1.7976931348623157e+308 '.0g'", 'f', 0, 1.7976931348623157e+308, {}, u".0g"sv, u"2e+308"sv},
    {"float 1.7976931348623157e+308 'G'", 'f', 0, 1.7976931348623157e+308, {}, u"G"sv, u"1.79769E+308"sv},
    {"float 1.7976931348623157e+308 '.3'", 'f', 0, 1.7976931348623157e+308, {}, u".3"sv, u"1.8e+308"sv},
    {"float 1.7976931348623157e+308 '.12'", 'f', 0, 1.7976931348623157e+308, {}, u".12"sv, u"1.79769313486e+308"sv},
    {"float 1.7976931348623157e+308 'n'", 'f', 0, 1.7976931348623157e+308, {}, u"n"sv, u"1.79769e+308"sv},
    {"float 1.7976931348623157e+308 '%'", 'f', 0, 1.7976931348623157e+308, {}, u"%"sv, u"inf%"sv},
    {"float 1.7976931348623157e+308 '.1%'", 'f', 0, 1.7976931348623157e+308, {}, u".1%"sv, u"inf%"sv},
    {"float 2.675 ''", 'f', 0, 2.675, {}, u""sv, u"2.675"sv},
    {"float 2.675 'f'", 'f', 0, 2.675, {}, u"f"sv, u"2.675000"sv},
    {"float 2.675 '.2f'", 'f', 0, 2.675, {}, u".2f"sv, u"2.67"sv},
    {"float 2.675 '.0f'", 'f', 0, 2.675, {}, u".0f"sv, u"3"sv},
    {"float 2.675 '#.0f'", 'f', 0, 2.675, {}, u"#.0f"sv, u"3."sv},
    {"float 2.675 'e'", 'f', 0, 2.675, {}, u"e"sv, u"2.675000e+00"sv},
    {"float 2.675 '.3e'", 'f', 0, 2.675, {}, u".3e"sv, u"2.675e+00"sv},
    {"float 2.675 '.0e'", 'f', 0, 2.675, {}, u".0e"sv, u"3e+00"sv},
    {"float 2.675 '#.0e'", 'f', 0, 2.675, {}, u"#.0e"sv, u"3.e+00"sv},
    {"float 2.675 'E'", 'f', 0, 2.675, {}, u"E"sv, u"2.675000E+00"sv},
    {"float 2.675 'g'", 'f', 0, 2.675, {}, u"g"sv, u"2.675"sv},
    {"float 2.675 '.3g'", 'f', 0, 2.675, {}, u".3g"sv, u"2.67"sv},
    {"float 2.675 '#.3g'", 'f', 0, 2.675, {}, u"#.3g"sv, u"2.67"sv},
    {"float 2.675 '.0g'", 'f', 0, 2.675, {}, u".0g"sv, u"3"sv},
    {"float 2.675 'G'", 'f', 0, 2.675, {}, u"G"sv, u"2.675"sv},
    {"float 2.675 '.3'", 'f', 0, 2.675, {}, u".3"sv, u"2.67"sv},
    {"float 2.675 '.12'", 'f', 0, 2.675, {}, u".12"sv, u"2.675"sv},
    {"float 2.675 'n'", 'f', 0, 2.675, {}, u"n"sv, u"2.675"sv},
    {"float 2.675 '%'", 'f', 0, 2.675, {}, u"%"sv, u"267.500000%"sv},
    {"float 2.675 '.1%'", 'f', 0, 2.675, {}, u".1%"sv, u"267.5%"sv},
    {"float 1234567.891 ','", 'f', 0, 1234567.891, {}, u","sv, u"1,234,567.891"sv},
    {"float 1234567.891 '_'", 'f', 0, 1234567.891, {}, u"_"sv, u"1_234_567.891"sv},
    {"float 1234567.891 ',.2f'", 'f', 0, 1234567.891, {}, u",.2f"sv, u"1,234,567.89"sv},
    {"float 1234567.891 '_.2f'", 'f', 0, 1234567.891, {}, u"_.2f"sv, u"1_234_567.89"sv},
    {"float 1234567.891 '015,.2f'", 'f', 0, 1234567.891, {}, u"015,.2f"sv, u"0,001,234,567.89"sv},
    {"float 1234567.891 '=+15,.2f'", 'f', 0, 1234567.891, {}, u"=+15,.2f"sv, u"+  1,234,567.89"sv},
    {"float 1234567.891 '>15,.2f'", 'f', 0, 1234567.891, {}, u">15,.2f"sv, u"   1,234,567.89"sv},
    {"float 1234567.891 '<15,.2f'", 'f', 0, 1234567.891, {}, u"<15,.2f"sv, u"1,234,567.89   "sv},
    {"float 1234567.891 '^15,.2f'", 'f', 0, 1234567.891, {}, u"^15,.2f"sv, u" 1,234,567.89  "sv},
    {"float 1234567.891 '*^15.2f'", 'f', 0, 1234567.891, {}, u"*^15.2f"sv, u"**1234567.89***"sv},
    {"float 1234567.891 ',.3e'", 'f', 0, 1234567.891, {}, u",.3e"sv, u"1.235e+06"sv},
    {"float 1234567.891 ',g'", 'f', 0, 1234567.891, {}, u",g"sv, u"1.23457e+06"sv},
    {"float 1234567.891 ',%'", 'f', 0, 1234567.891, {}, u",%"sv, u"123,456,789.100000%"sv},
    {"float 1234567.891 '020,'", 'f', 0, 1234567.891, {}, u"020,"sv, u"0,000,001,234,567.891"sv},
    {"float 1234567.891 '0<20'", 'f', 0, 1234567.891, {}, u"0<20"sv, u"1234567.891000000000"sv},
    {"float 1234567.891 'x=20'", 'f', 0, 1234567.891, {}, u"x=20"sv, u"xxxxxxxxx1234567.891"sv},
    {"float 1234567.891 '+'", 'f', 0, 1234567.891, {}, u"+"sv, u"+1234567.891"sv},
    {"float 1234567.891 ' '", 'f', 0, 1234567.891, {}, u" "sv, u" 1234567.891"sv},
    {"float 1234567.891 '-'", 'f', 0, 1234567.891, {}, u"-"sv, u"1234567.891"sv},
    {"float 1234567.891 ' 015.2f'", 'f', 0, 1234567.891, {}, u" 015.2f"sv, u" 00001234567.89"sv},
    {"float 1234567.891 '10'", 'f', 0, 1234567.891, {}, u"10"sv, u"1234567.891"sv},
    {"float 1234567.891 '20'", 'f', 0, 1234567.891, {}, u"20"sv, u"         1234567.891"sv},
    {"float 1234567.891 '<20'", 'f', 0, 1234567.891, {}, u"<20"sv, u"1234567.891         "sv},
    {"float 1234567.891 '^20'", 'f', 0, 1234567.891, {}, u"^20"sv, u"    1234567.891     "sv},
    {"float 1234567.891 '#'", 'f', 0, 1234567.891, {}, u"#"sv, u"1234567.891"sv},
    {"float 1234567.891 '#.0'", 'f', 0, 1234567.891, {}, u"#.0"sv, u"1.e+06"sv},
    {"float 1234567.891 '.20f'", 'f', 0, 1234567.891, {}, u".20f"sv, u"1234567.89100000006146728992"sv},
    {"float 1234567.891 '.17g'", 'f', 0, 1234567.891, {}, u".17g"sv, u"1234567.8910000001"sv},
    {"float 1234567.891 '.20e'", 'f', 0, 1234567.891, {}, u".20e"sv, u"1.23456789100000006147e+06"sv},
    {"float 1234567.891 '#.10g'", 'f', 0, 1234567.891, {}, u"#.10g"sv, u"1234567.891"sv},
    {"float -0.0 'z'", 'f', 0, -0.0, {}, u"z"sv, u"0.0"sv},
    {"float -0.0 'zf'", 'f', 0, -0.0, {}, u"zf"sv, u"0.000000"sv},
    {"float -0.0 'z.0f'", 'f', 0, -0.0, {}, u"z.0f"sv, u"0"sv},
    {"float -0.0 'z.2e'", 'f', 0, -0.0, {}, u"z.2e"sv, u"0.00e+00"sv},
    {"float -0.0 'z.3g'", 'f', 0, -0.0, {}, u"z.3g"sv, u"0"sv},
    {"float -0.0 'z%'", 'f', 0, -0.0, {}, u"z%"sv, u"0.000000%"sv},
    {"float -0.0 '+z.1f'", 'f', 0, -0.0, {}, u"+z.1f"sv, u"+0.0"sv},
    {"float -0.0 'z010.1f'", 'f', 0, -0.0, {}, u"z010.1f"sv, u"00000000.0"sv},
    {"float -0.0 '+'", 'f', 0, -0.0, {}, u"+"sv, u"-0.0"sv},
    {"float -0.0 ' '", 'f', 0, -0.0, {}, u" "sv, u"-0.0"sv},
    {"float -0.0 '+.1f'", 'f', 0, -0.0, {}, u"+.1f"sv, u"-0.0"sv},
    {"float -0.0001 'z.2f'", 'f', 0, -0.0001, {}, u"z.2f"sv, u"0.00"sv},
    {"float -0.0001 '.2f'", 'f', 0, -0.0001, {}, u".2f"sv, u"-0.00"sv},
    {"float -0.0001 'z.2e'", 'f', 0, -0.0001, {}, u"z.2e"sv, u"-1.00e-04"sv},
    {"float -0.0001 'z.1%'", 'f', 0, -0.0001, {}, u"z.1%"sv, u"0.0%"sv},
    {"float -0.0001 'z'", 'f', 0, -0.0001, {}, u"z"sv, u"-0.0001"sv},
    {"float -0.0001 'z.3g'", 'f', 0, -0.0001, {}, u"z.3g"sv, u"-0.0001"sv},
    {"float -0.4 'z.0f'", 'f', 0, -0.4, {}, u"z.0f"sv, u"0"sv},
    {"float -0.4 '.0f'", 'f', 0, -0.4, {}, u".0f"sv, u"-0"sv},
    {"float -0.5 'z.0f'", 'f', 0, -0.5, {}, u"z.0f"sv, u"0"sv},
    {"float -0.5 '.0f'", 'f', 0, -0.5, {}, u".0f"sv, u"-0"sv},
    {"float -0.6 'z.0f'", 'f', 0, -0.6, {}, u"z.0f"sv, u"-1"sv},
    {"float inf ''", 'f', 0, qInf(), {}, u""sv, u"inf"sv},
    {"float inf 'f'", 'f', 0, qInf(), {}, u"f"sv, u"inf"sv},
    {"float inf 'F'", 'f', 0, qInf(), {}, u"F"sv, u"INF"sv},
    {"float inf 'e'", 'f', 0, qInf(), {}, u"e"sv, u"inf"sv},
    {"float inf 'E'", 'f', 0, qInf(), {}, u"E"sv, u"INF"sv},
    {"float inf 'g'", 'f', 0, qInf(), {}, u"g"sv, u"inf"sv},
    {"float inf 'G'", 'f', 0, qInf(), {}, u"G"sv, u"INF"sv},
    {"float inf '%'", 'f', 0, qInf(), {}, u"%"sv, u"inf%"sv},
    {"float inf '+'", 'f', 0, qInf(), {}, u"+"sv, u"+inf"sv},
    {"float inf ' '", 'f', 0, qInf(), {}, u" "sv, u" inf"sv},
    {"float inf '010'", 'f', 0, qInf(), {}, u"010"sv, u"0000000inf"sv},
    {"float inf '010,'", 'f', 0, qInf(), {}, u"010,"sv, u"0000000inf"sv},
    {"float inf '<10'", 'f', 0, qInf(), {}, u"<10"sv, u"inf       "sv},
    {"float inf '^10'", 'f', 0, qInf(), {}, u"^10"sv, u"   inf    "sv},
    {"float inf '=+10'", 'f', 0, qInf(), {}, u"=+10"sv, u"+      inf"sv},
    {"float inf 'x^9'", 'f', 0, qInf(), {}, u"x^9"sv, u"xxxinfxxx"sv},
    {"float inf 'z'", 'f', 0, qInf(), {}, u"z"sv, u"inf"sv},
    {"float inf '#'", 'f', 0, qInf(), {}, u"#"sv, u"inf"sv},
    {"float inf '.2'", 'f', 0, qInf(), {}, u".2"sv, u"inf"sv},
    {"float -inf ''", 'f', 0, -qInf(), {}, u""sv, u"-inf"sv},
    {"float -inf 'f'", 'f', 0, -qInf(), {}, u"f"sv, u"-inf"sv},
    {"float -inf 'F'", 'f', 0, -qInf(), {}, u"F"sv, u"-INF"sv},
    {"float -inf 'e'", 'f', 0, -qInf(), {}, u"e"sv, u"-inf"sv},
    {"float -inf 'E'", 'f', 0, -qInf(), {}, u"E"sv, u"-INF"sv},
    {"float -inf 'g'", 'f', 0, -qInf(), {}, u"g"sv, u"-inf"sv},
    {"float -inf 'G'", 'f', 0, -qInf(), {}, u"G"sv, u"-INF"sv},
    {"float -inf '%'", 'f', 0, -qInf(), {}, u"%"sv, u"-inf%"sv},
    {"float -inf '+'", 'f', 0, -qInf(), {}, u"+"sv, u"-inf"sv},
    {"float -inf ' '", 'f', 0, -qInf(), {}, u" "sv, u"-inf"sv},
    {"float -inf '010'", 'f', 0, -qInf(), {}, u"010"sv, u"-000000inf"sv},
    {"float -inf '010,'", 'f', 0, -qInf(), {}, u"010,"sv, u"-000000inf"sv},
    {"float -inf '<10'", 'f', 0, -qInf(), {}, u"<10"sv, u"-inf      "sv},
    {"float -inf '^10'", 'f', 0, -qInf(), {}, u"^10"sv, u"   -inf   "sv},
    {"float -inf '=+10'", 'f', 0, -qInf(), {}, u"=+10"sv, u"-      inf"sv},
    {"float -inf 'x^9'", 'f', 0, -qInf(), {}, u"x^9"sv, u"xx-infxxx"sv},
    {"float -inf 'z'", 'f', 0, -qInf(), {}, u"z"sv, u"-inf"sv},
    {"float -inf '#'", 'f', 0, -qInf(), {}, u"#"sv, u"-inf"sv},
    {"float -inf '.2'", 'f', 0, -qInf(), {}, u".2"sv, u"-inf"sv},
    {"float nan ''", 'f', 0, qQNaN(), {}, u""sv, u"nan"sv},
    {"float nan 'f'", 'f', 0, qQNaN(), {}, u"f"sv, u"nan"sv},
    {"float nan 'F'", 'f', 0, qQNaN(), {}, u"F"sv, u"NAN"sv},
    {"float nan 'e'", 'f', 0, qQNaN(), {}, u"e"sv, u"nan"sv},
    {"float nan 'E'", 'f', 0, qQNaN(), {}, u"E"sv, u"NAN"sv},
    {"float nan 'g'", 'f', 0, qQNaN(), {}, u"g"sv, u"nan"sv},
    {"float nan 'G'", 'f', 0, qQNaN(), {}, u"G"sv, u"NAN"sv},
    {"float nan '%'", 'f', 0, qQNaN(), {}, u"%"sv, u"nan%"sv},
    {"float nan '+'", 'f', 0, qQNaN(), {}, u"+"sv, u"+nan"sv},
    {"float nan ' '", 'f', 0, qQNaN(), {}, u" "sv, u" nan"sv},
    {"float nan '010'", 'f', 0, qQNaN(), {}, u"010"sv, u"0000000nan"sv},
    {"float nan '010,'", 'f', 0, qQNaN(), {}, u"010,"sv, u"0000000nan"sv},
    {"float nan '<10'", 'f', 0, qQNaN(), {}, u"<10"sv, u"nan       "sv},
    {"float nan '^10'", 'f', 0, qQNaN(), {}, u"^10"sv, u"   nan    "sv},
    {"float nan '=+10'", 'f', 0, qQNaN(), {}, u"=+10"sv, u"+      nan"sv},
    {"float nan 'x^9'", 'f', 0, qQNaN(), {}, u"x^9"sv, u"xxxnanxxx"sv},
    {"float nan 'z'", 'f', 0, qQNaN(), {}, u"z"sv, u"nan"sv},
    {"float nan '#'", 'f', 0, qQNaN(), {}, u"#"sv, u"nan"sv},
    {"float nan '.2'", 'f', 0, qQNaN(), {}, u".2"sv, u"nan"sv},
    {"float 1e+300 'f'", 'f', 0, 1e+300, {}, u"f"sv,
        u"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"sv},
    {"float 1e+300 '.1%'", 'f', 0, 1e+300, {}, u".1%"sv,
        u"100000000000000007629703079084894925347346855150656811701601734206211380288125794484142188964691784076639747577138548761372210387844799938291815611350519830750167649856488981626536368095414607314235151058373458986890825155659063617715863205282622390509284183439858617103083735673849899204570498157510656.0%"sv},
    {"float 1.0 '#'", 'f', 0, 1.0, {}, u"#"sv, u"1.0"sv},
    {"float 1.0 '.0'", 'f', 0, 1.0, {}, u".0"sv, u"1e+00"sv},
    {"float 1.0 '#.0'", 'f', 0, 1.0, {}, u"#.0"sv, u"1.e+00"sv},
    {"float 1.0 '.1'", 'f', 0, 1.0, {}, u".1"sv, u"1e+00"sv},
    {"float 1.0 '#g'", 'f', 0, 1.0, {}, u"#g"sv, u"1.00000"sv},
    {"float 1.0 '#e'", 'f', 0, 1.0, {}, u"#e"sv, u"1.000000e+00"sv},
    {"float 100.0 '.1'", 'f', 0, 100.0, {}, u".1"sv, u"1e+02"sv},
    {"float 100.0 '.2'", 'f', 0, 100.0, {}, u".2"sv, u"1e+02"sv},
    {"float 100.0 '#.1'", 'f', 0, 100.0, {}, u"#.1"sv, u"1.e+02"sv},
    {"float 123.0 '.3'", 'f', 0, 123.0, {}, u".3"sv, u"1.23e+02"sv},
    {"float 123.0 '.2'", 'f', 0, 123.0, {}, u".2"sv, u"1.2e+02"sv},
    {"float 123.0 '.4'", 'f', 0, 123.0, {}, u".4"sv, u"123.0"sv},
    {"float 1e-07 '.3'", 'f', 0, 1e-07, {}, u".3"sv, u"1e-07"sv},
    {"float 1e-07 '#.3g'", 'f', 0, 1e-07, {}, u"#.3g"sv, u"1.00e-07"sv},
    {"float 1e-07 'g'", 'f', 0, 1e-07, {}, u"g"sv, u"1e-07"sv},
    {"float 1.0 '.100f'", 'f', 0, 1.0, {}, u".100f"sv,
        u"1.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"sv},
    {"float 0.1 '.60f'", 'f', 0, 0.1, {}, u".60f"sv,
        u"0.100000000000000005551115123125782702118158340454101562500000"sv},
    {"float 0.1 '.55e'", 'f', 0, 0.1, {}, u".55e"sv,
        u"1.0000000000000000555111512312578270211815834045410156250e-01"sv},
    {"float 0.1 '.40g'", 'f', 0, 0.1, {}, u".40g"sv, u"0.1000000000000000055511151231257827021182"sv},
    {"float 1e+16 '#'", 'f', 0, 1e+16, {}, u"#"sv, u"1.e+16"sv},
    {"float 12345.6789 '.0'", 'f', 0, 12345.6789, {}, u".0"sv, u"1e+04"sv},
    {"float 12345.6789 '.1'", 'f', 0, 12345.6789, {}, u".1"sv, u"1e+04"sv},
    {"float 12345.6789 '.4'", 'f', 0, 12345.6789, {}, u".4"sv, u"1.235e+04"sv},
    {"float 12345.6789 '.5'", 'f', 0, 12345.6789, {}, u".5"sv, u"1.2346e+04"sv},
    {"float 12345.6789 '.6'", 'f', 0, 12345.6789, {}, u".6"sv, u"12345.7"sv},
    {"float 12345.6789 '.10'", 'f', 0, 12345.6789, {}, u".10"sv, u"12345.6789"sv},
    {"float 12345.6789 '.1n'", 'f', 0, 12345.6789, {}, u".1n"sv, u"1e+04"sv},
    {"float 12345.6789 '12n'", 'f', 0, 12345.6789, {}, u"12n"sv, u"     12345.7"sv},
    {"float 12345.6789 '012n'", 'f', 0, 12345.6789, {}, u"012n"sv, u"0000012345.7"sv},
    {"float 12345.6789 '^12n'", 'f', 0, 12345.6789, {}, u"^12n"sv, u"  12345.7   "sv},
    {"str '' ''", 's', 0, 0, u""sv, u""sv, u""sv},
    {"str '' 's'", 's', 0, 0, u""sv, u"s"sv, u""sv},
    {"str '' '10'", 's', 0, 0, u""sv, u"10"sv, u"          "sv},
    {"str '' '<10'", 's', 0, 0, u""sv, u"<10"sv, u"          "sv},
    {"str '' '>10'", 's', 0, 0, u""sv, u">10"sv, u"          "sv},
    {"str '' '^10'", 's', 0, 0, u""sv, u"^10"sv, u"          "sv},
    {"str '' '*^11'", 's', 0, 0, u""sv, u"*^11"sv, u"***********"sv},
    {"str '' '.2'", 's', 0, 0, u""sv, u".2"sv, u""sv},
    {"str '' '.0'", 's', 0, 0, u""sv, u".0"sv, u""sv},
    {"str '' '10.3'", 's', 0, 0, u""sv, u"10.3"sv, u"          "sv},
    {"str '' '\\U0001f600>6'", 's', 0, 0, u""sv, u"\xd83d\xde00>6"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00"sv},
    {"str '' '010'", 's', 0, 0, u""sv, u"010"sv, u"0000000000"sv},
    {"str '' '0>6'", 's', 0, 0, u""sv, u"0>6"sv, u"000000"sv},
    {"str '' '.2s'", 's', 0, 0, u""sv, u".2s"sv, u""sv},
    {"str 'a' ''", 's', 0, 0, u"a"sv, u""sv, u"a"sv},
    {"str 'a' 's'", 's', 0, 0, u"a"sv, u"s"sv, u"a"sv},
    {"str 'a' '10'", 's', 0, 0, u"a"sv, u"10"sv, u"a         "sv},
    {"str 'a' '<10'", 's', 0, 0, u"a"sv, u"<10"sv, u"a         "sv},
    {"str 'a' '>10'", 's', 0, 0, u"a"sv, u">10"sv, u"         a"sv},
    {"str 'a' '^10'", 's', 0, 0, u"a"sv, u"^10"sv, u"    a     "sv},
    {"str 'a' '*^11'", 's', 0, 0, u"a"sv, u"*^11"sv, u"*****a*****"sv},
    {"str 'a' '.2'", 's', 0, 0, u"a"sv, u".2"sv, u"a"sv},
    {"str 'a' '.0'", 's', 0, 0, u"a"sv, u".0"sv, u""sv},
    {"str 'a' '10.3'", 's', 0, 0, u"a"sv, u"10.3"sv, u"a         "sv},
    {"str 'a' '\\U0001f600>6'", 's', 0, 0, u"a"sv, u"\xd83d\xde00>6"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00"
        u"a"sv},
    {"str 'a' '010'", 's', 0, 0, u"a"sv, u"010"sv, u"a000000000"sv},
    {"str 'a' '0>6'", 's', 0, 0, u"a"sv, u"0>6"sv, u"00000a"sv},
    {"str 'a' '.2s'", 's', 0, 0, u"a"sv, u".2s"sv, u"a"sv},
    {"str 'abc' ''", 's', 0, 0, u"abc"sv, u""sv, u"abc"sv},
    {"str 'abc' 's'", 's', 0, 0, u"abc"sv, u"s"sv, u"abc"sv},
    {"str 'abc' '10'", 's', 0, 0, u"abc"sv, u"10"sv, u"abc       "sv},
    {"str 'abc' '<10'", 's', 0, 0, u"abc"sv, u"<10"sv, u"abc       "sv},
    {"str 'abc' '>10'", 's', 0, 0, u"abc"sv, u">10"sv, u"       abc"sv},
    {"str 'abc' '^10'", 's', 0, 0, u"abc"sv, u"^10"sv, u"   abc    "sv},
    {"str 'abc' '*^11'", 's', 0, 0, u"abc"sv, u"*^11"sv, u"****abc****"sv},
    {"str 'abc' '.2'", 's', 0, 0, u"abc"sv, u".2"sv, u"ab"sv},
    {"str 'abc' '.0'", 's', 0, 0, u"abc"sv, u".0"sv, u""sv},
    {"str 'abc' '10.3'", 's', 0, 0, u"abc"sv, u"10.3"sv, u"abc       "sv},
    {"str 'abc' '\\U0001f600>6'", 's', 0, 0, u"abc"sv, u"\xd83d\xde00>6"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00"
        u"abc"sv},
    {"str 'abc' '010'", 's', 0, 0, u"abc"sv, u"010"sv, u"abc0000000"sv},
    {"str 'abc' '0>6'", 's', 0, 0, u"abc"sv, u"0>6"sv, u"000abc"sv},
    {"str 'abc' '.2s'", 's', 0, 0, u"abc"sv, u".2s"sv, u"ab"sv},
    {"str 'h\\xe9llo' ''", 's', 0, 0, u"h\xe9llo"sv, u""sv, u"h\xe9llo"sv},
    {"str 'h\\xe9llo' 's'", 's', 0, 0, u"h\xe9llo"sv, u"s"sv, u"h\xe9llo"sv},
    {"str 'h\\xe9llo' '10'", 's', 0, 0, u"h\xe9llo"sv, u"10"sv, u"h\xe9llo     "sv},
    {"str 'h\\xe9llo' '<10'", 's', 0, 0, u"h\xe9llo"sv, u"<10"sv, u"h\xe9llo     "sv},
    {"str 'h\\xe9llo' '>10'", 's', 0, 0, u"h\xe9llo"sv, u">10"sv, u"     h\xe9llo"sv},
    {"str 'h\\xe9llo' '^10'", 's', 0, 0, u"h\xe9llo"sv, u"^10"sv, u"  h\xe9llo   "sv},
    {"str 'h\\xe9llo' '*^11'", 's', 0, 0, u"h\xe9llo"sv, u"*^11"sv, u"***h\xe9llo***"sv},
    {"str 'h\\xe9llo' '.2'", 's', 0, 0, u"h\xe9llo"sv, u".2"sv, u"h\xe9"sv},
    {"str 'h\\xe9llo' '.0'", 's', 0, 0, u"h\xe9llo"sv, u".0"sv, u""sv},
    {"str 'h\\xe9llo' '10.3'", 's', 0, 0, u"h\xe9llo"sv, u"10.3"sv, u"h\xe9l       "sv},
    {"str 'h\\xe9llo' '\\U0001f600>6'", 's', 0, 0, u"h\xe9llo"sv, u"\xd83d\xde00>6"sv, u"\xd83d\xde00h\xe9llo"sv},
    {"str 'h\\xe9llo' '010'", 's', 0, 0, u"h\xe9llo"sv, u"010"sv, u"h\xe9llo00000"sv},
    {"str 'h\\xe9llo' '0>6'", 's', 0, 0, u"h\xe9llo"sv, u"0>6"sv, u"0h\xe9llo"sv},
    {"str 'h\\xe9llo' '.2s'", 's', 0, 0, u"h\xe9llo"sv, u".2s"sv, u"h\xe9"sv},
    {"str '\\U0001f600x' ''", 's', 0, 0, u"\xd83d\xde00x"sv, u""sv, u"\xd83d\xde00x"sv},
    {"str '\\U0001f600x' 's'", 's', 0, 0, u"\xd83d\xde00x"sv, u"s"sv, u"\xd83d\xde00x"sv},
    {"str '\\U0001f600x' '10'", 's', 0, 0, u"\xd83d\xde00x"sv, u"10"sv, u"\xd83d\xde00x        "sv},
    {"str '\\U0001f600x' '<10'", 's', 0, 0, u"\xd83d\xde00x"sv, u"<10"sv, u"\xd83d\xde00x        "sv},
    {"str '\\U0001f600x' '>10'", 's', 0, 0, u"\xd83d\xde00x"sv, u">10"sv, u"        \xd83d\xde00x"sv},
    {"str '\\U0001f600x' '^10'", 's', 0, 0, u"\xd83d\xde00x"sv, u"^10"sv, u"    \xd83d\xde00x    "sv},
    {"str '\\U0001f600x' '*^11'", 's', 0, 0, u"\xd83d\xde00x"sv, u"*^11"sv, u"****\xd83d\xde00x*****"sv},
    {"str '\\U0001f600x' '.2'", 's', 0, 0, u"\xd83d\xde00x"sv, u".2"sv, u"\xd83d\xde00x"sv},
    {"str '\\U0001f600x' '.0'", 's', 0, 0, u"\xd83d\xde00x"sv, u".0"sv, u""sv},
    {"str '\\U0001f600x' '10.3'", 's', 0, 0, u"\xd83d\xde00x"sv, u"10.3"sv, u"\xd83d\xde00x        "sv},
    {"str '\\U0001f600x' '\\U0001f600>6'", 's', 0, 0, u"\xd83d\xde00x"sv, u"\xd83d\xde00>6"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00\xd83d\xde00x"sv},
    {"str '\\U0001f600x' '010'", 's', 0, 0, u"\xd83d\xde00x"sv, u"010"sv, u"\xd83d\xde00x00000000"sv},
    {"str '\\U0001f600x' '0>6'", 's', 0, 0, u"\xd83d\xde00x"sv, u"0>6"sv, u"0000\xd83d\xde00x"sv},
    {"str '\\U0001f600x' '.2s'", 's', 0, 0, u"\xd83d\xde00x"sv, u".2s"sv, u"\xd83d\xde00x"sv},
    {"str 'a\\u0301b' ''", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u""sv,
        u"a\x301"
        u"b"sv},
    {"str 'a\\u0301b' 's'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"s"sv,
        u"a\x301"
        u"b"sv},
    {"str 'a\\u0301b' '10'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"10"sv,
        u"a\x301"
        u"b       "sv},
    {"str 'a\\u0301b' '<10'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"<10"sv,
        u"a\x301"
        u"b       "sv},
    {"str 'a\\u0301b' '>10'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u">10"sv,
        u"       a\x301"
        u"b"sv},
    {"str 'a\\u0301b' '^10'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"^10"sv,
        u"   a\x301"
        u"b    "sv},
    {"str 'a\\u0301b' '*^11'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"*^11"sv,
        u"****a\x301"
        u"b****"sv},
    {"str 'a\\u0301b' '.2'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u".2"sv, u"a\x301"sv},
    {"str 'a\\u0301b' '.0'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u".0"sv, u""sv},
    {"str 'a\\u0301b' '10.3'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"10.3"sv,
        u"a\x301"
        u"b       "sv},
    {"str 'a\\u0301b' '\\U0001f600>6'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"\xd83d\xde00>6"sv,
        u"\xd83d\xde00\xd83d\xde00\xd83d\xde00"
        u"a\x301"
        u"b"sv},
    {"str 'a\\u0301b' '010'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"010"sv,
        u"a\x301"
        u"b0000000"sv},
    {"str 'a\\u0301b' '0>6'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u"0>6"sv,
        u"000a\x301"
        u"b"sv},
    {"str 'a\\u0301b' '.2s'", 's', 0, 0,
        u"a\x301"
        u"b"sv,
        u".2s"sv, u"a\x301"sv},
    {"str 'hello world' ''", 's', 0, 0, u"hello world"sv, u""sv, u"hello world"sv},
    {"str 'hello world' 's'", 's', 0, 0, u"hello world"sv, u"s"sv, u"hello world"sv},
    {"str 'hello world' '10'", 's', 0, 0, u"hello world"sv, u"10"sv, u"hello world"sv},
    {"str 'hello world' '<10'", 's', 0, 0, u"hello world"sv, u"<10"sv, u"hello world"sv},
    {"str 'hello world' '>10'", 's', 0, 0, u"hello world"sv, u">10"sv, u"hello world"sv},
    {"str 'hello world' '^10'", 's', 0, 0, u"hello world"sv, u"^10"sv, u"hello world"sv},
    {"str 'hello world' '*^11'", 's', 0, 0, u"hello world"sv, u"*^11"sv, u"hello world"sv},
    {"str 'hello world' '.2'", 's', 0, 0, u"hello world"sv, u".2"sv, u"he"sv},
    {"str 'hello world' '.0'", 's', 0, 0, u"hello world"sv, u".0"sv, u""sv},
    {"str 'hello world' '10.3'", 's', 0, 0, u"hello world"sv, u"10.3"sv, u"hel       "sv},
    {"str 'hello world' '\\U0001f600>6'", 's', 0, 0, u"hello world"sv, u"\xd83d\xde00>6"sv, u"hello world"sv},
    {"str 'hello world' '010'", 's', 0, 0, u"hello world"sv, u"010"sv, u"hello world"sv},
    {"str 'hello world' '0>6'", 's', 0, 0, u"hello world"sv, u"0>6"sv, u"hello world"sv},
    {"str 'hello world' '.2s'", 's', 0, 0, u"hello world"sv, u".2s"sv, u"he"sv},
    {"str 'abc' 'x^7.2'", 's', 0, 0, u"abc"sv, u"x^7.2"sv, u"xxabxxx"sv},
    {"str 'abc' '^^7'", 's', 0, 0, u"abc"sv, u"^^7"sv, u"^^abc^^"sv},
    {"str 'tab\\there' '>12'", 's', 0, 0, u"tab\x9here"sv, u">12"sv, u"    tab\x9here"sv},
    {"float -0.0636587922 '=.8'", 'f', 0, -0.0636587922, {}, u"=.8"sv, u"-0.063658792"sv},
    {"float -85065.578325 ''", 'f', 0, -85065.578325, {}, u""sv, u"-85065.578325"sv},
    {"int -2442882 'F'", 'i', Q_INT64_C(-2442882), 0, {}, u"F"sv, u"-2442882.000000"sv},
    {"float 47397110000000.0 '+'", 'f', 0, 47397110000000.0, {}, u"+"sv, u"+47397110000000.0"sv},
    {"float -64776.384063 '<.0%'", 'f', 0, -64776.384063, {}, u"<.0%"sv, u"-6477638%"sv},
    {"int -7051457 '-03'", 'i', Q_INT64_C(-7051457), 0, {}, u"-03"sv, u"-7051457"sv},
    {"float 26302.1693 '#020'", 'f', 0, 26302.1693, {}, u"#020"sv, u"000000000026302.1693"sv},
    {"float -0.0584289 ' ^13.3n'", 'f', 0, -0.0584289, {}, u" ^13.3n"sv, u"   -0.0584   "sv},
    {"float -0.0335915506 '0_.2%'", 'f', 0, -0.0335915506, {}, u"0_.2%"sv, u"-3.36%"sv},
    {"float -0.0385108 '^#13.11F'", 'f', 0, -0.0385108, {}, u"^#13.11F"sv, u"-0.03851080000"sv},
    {"float 0.078676395157 '\\U0001f600> #.3'", 'f', 0, 0.078676395157, {}, u"\xd83d\xde00> #.3"sv, u" 0.0787"sv},
    {"float 0.027491385999999996 '13F'", 'f', 0, 0.027491385999999996, {}, u"13F"sv, u"     0.027491"sv},
    {"float 847347340000000.0 ' 017.1e'", 'f', 0, 847347340000000.0, {}, u" 017.1e"sv, u" 0000000008.5e+14"sv},
    {"float 0.080658 '+'", 'f', 0, 0.080658, {}, u"+"sv, u"+0.080658"sv},
    {"float -0.06644818008999999 '+f'", 'f', 0, -0.06644818008999999, {}, u"+f"sv, u"-0.066448"sv},
    {"int -4484998 '^x'", 'i', Q_INT64_C(-4484998), 0, {}, u"^x"sv, u"-446f86"sv},
    {"float -0.06255280168999999 '#.7f'", 'f', 0, -0.06255280168999999, {}, u"#.7f"sv, u"-0.0625528"sv},
    {"int -5265354 '0E'", 'i', Q_INT64_C(-5265354), 0, {}, u"0E"sv, u"-5.265354E+06"sv},
    {"float 498818000000000.0 '6'", 'f', 0, 498818000000000.0, {}, u"6"sv, u"498818000000000.0"sv},
    {"float 0.02969123 '\\U0001f600='", 'f', 0, 0.02969123, {}, u"\xd83d\xde00="sv, u"0.02969123"sv},
    {"float -89981.5 '0'", 'f', 0, -89981.5, {}, u"0"sv, u"-89981.5"sv},
    {"int 1494133 'z%'", 'i', Q_INT64_C(1494133), 0, {}, u"z%"sv, u"149413300.000000%"sv},
    {"int 7063567 ''", 'i', Q_INT64_C(7063567), 0, {}, u""sv, u"7063567"sv},
    {"float 27998.898216 '_g'", 'f', 0, 27998.898216, {}, u"_g"sv, u"27_998.9"sv},
    {"float 0.028619742999999996 '+z.2G'", 'f', 0, 0.028619742999999996, {}, u"+z.2G"sv, u"+0.029"sv},
    {"int -945080 '0>#'", 'i', Q_INT64_C(-945080), 0, {}, u"0>#"sv, u"-945080"sv},
    {"int 7564470 'x=19d'", 'i', Q_INT64_C(7564470), 0, {}, u"x=19d"sv, u"xxxxxxxxxxxx7564470"sv},
    {"int -4576574 ' _'", 'i', Q_INT64_C(-4576574), 0, {}, u" _"sv, u"-4_576_574"sv},
    {"float -467518078930000.0 '-#0.10'", 'f', 0, -467518078930000.0, {}, u"-#0.10"sv, u"-4.675180789e+14"sv},
    {"float -1280.1169 ' <14'", 'f', 0, -1280.1169, {}, u" <14"sv, u"-1280.1169    "sv},
    {"float 68414.2435 '.4'", 'f', 0, 68414.2435, {}, u".4"sv, u"6.841e+04"sv},
    {"int -6367361 '010,'", 'i', Q_INT64_C(-6367361), 0, {}, u"010,"sv, u"-6,367,361"sv},
    {"float 21652.385 ' 2'", 'f', 0, 21652.385, {}, u" 2"sv, u" 21652.385"sv},
    {"float 45580000000000.0 '018F'", 'f', 0, 45580000000000.0, {}, u"018F"sv, u"45580000000000.000000"sv},
    {"float 430050911000000.0 '12.2'", 'f', 0, 430050911000000.0, {}, u"12.2"sv, u"     4.3e+14"sv},
    {"float 80046.4546 '= z,'", 'f', 0, 80046.4546, {}, u"= z,"sv, u" 80,046.4546"sv},
    {"int -3658089 '#.0g'", 'i', Q_INT64_C(-3658089), 0, {}, u"#.0g"sv, u"-4.e+06"sv},
    {"int -8129078 '<-#0'", 'i', Q_INT64_C(-8129078), 0, {}, u"<-#0"sv, u"-8129078"sv},
    {"int -8395489 '^0'", 'i', Q_INT64_C(-8395489), 0, {}, u"^0"sv, u"-8395489"sv},
    {"float -0.01408579 '^+'", 'f', 0, -0.01408579, {}, u"^+"sv, u"-0.01408579"sv},
    {"int 3209036 '\\U0001f600='", 'i', Q_INT64_C(3209036), 0, {}, u"\xd83d\xde00="sv, u"3209036"sv},
    {"float 0.08 '1G'", 'f', 0, 0.08, {}, u"1G"sv, u"0.08"sv},
    {"int 9826437 '<e'", 'i', Q_INT64_C(9826437), 0, {}, u"<e"sv, u"9.826437e+06"sv},
    {"float 0.036129 '^#5.3'", 'f', 0, 0.036129, {}, u"^#5.3"sv, u"0.0361"sv},
    {"float -237356111380000.0 '^-.12'", 'f', 0, -237356111380000.0, {}, u"^-.12"sv, u"-2.3735611138e+14"sv},
    {"float -723844800000000.0 '\\U0001f600^_.4'", 'f', 0, -723844800000000.0, {}, u"\xd83d\xde00^_.4"sv,
        u"-7.238e+14"sv},
    {"float 0.091809 '-,.12g'", 'f', 0, 0.091809, {}, u"-,.12g"sv, u"0.091809"sv},
    {"float 0.0094968255 '%'", 'f', 0, 0.0094968255, {}, u"%"sv, u"0.949683%"sv},
    {"int 4361376 '=+X'", 'i', Q_INT64_C(4361376), 0, {}, u"=+X"sv, u"+428CA0"sv},
    {"float -702228566600000.0 '*=-#.12g'", 'f', 0, -702228566600000.0, {}, u"*=-#.12g"sv, u"-7.02228566600e+14"sv},
    {"int 6718952 '*=06e'", 'i', Q_INT64_C(6718952), 0, {}, u"*=06e"sv, u"6.718952e+06"sv},
    {"int 6938034 '0d'", 'i', Q_INT64_C(6938034), 0, {}, u"0d"sv, u"6938034"sv},
    {"float -758754500000000.0 'z0.11'", 'f', 0, -758754500000000.0, {}, u"z0.11"sv, u"-7.587545e+14"sv},
    {"float -85070.0 'z0.1'", 'f', 0, -85070.0, {}, u"z0.1"sv, u"-9e+04"sv},
    {"int -1922855 'E'", 'i', Q_INT64_C(-1922855), 0, {}, u"E"sv, u"-1.922855E+06"sv},
    {"int 1394197 '+015d'", 'i', Q_INT64_C(1394197), 0, {}, u"+015d"sv, u"+00000001394197"sv},
    {"float 243320000000000.0 '015'", 'f', 0, 243320000000000.0, {}, u"015"sv, u"243320000000000.0"sv},
    {"int 8778755 '4'", 'i', Q_INT64_C(8778755), 0, {}, u"4"sv, u"8778755"sv},
    {"float -587271658000000.0 '18n'", 'f', 0, -587271658000000.0, {}, u"18n"sv, u"      -5.87272e+14"sv},
    {"float 11521.52905 '*>-6F'", 'f', 0, 11521.52905, {}, u"*>-6F"sv, u"11521.529050"sv},
    {"float 34276.46 ' =+z5.11'", 'f', 0, 34276.46, {}, u" =+z5.11"sv, u"+34276.46"sv},
    {"float 0.07999099999999999 '20e'", 'f', 0, 0.07999099999999999, {}, u"20e"sv, u"        7.999100e-02"sv},
    {"float 30929.49214 '+03'", 'f', 0, 30929.49214, {}, u"+03"sv, u"+30929.49214"sv},
    {"float -94641.26687 '^ .7n'", 'f', 0, -94641.26687, {}, u"^ .7n"sv, u"-94641.27"sv},
    {"float -0.03841107327 '11.1E'", 'f', 0, -0.03841107327, {}, u"11.1E"sv, u"   -3.8E-02"sv},
    {"float -93854.86448 '#.3'", 'f', 0, -93854.86448, {}, u"#.3"sv, u"-9.39e+04"sv},
    {"float -0.051076070725 'x>z#'", 'f', 0, -0.051076070725, {}, u"x>z#"sv, u"-0.051076070725"sv},
    {"float -16315.2 '#19E'", 'f', 0, -16315.2, {}, u"#19E"sv, u"      -1.631520E+04"sv},
    {"float 424850000000000.0 ' 9,F'", 'f', 0, 424850000000000.0, {}, u" 9,F"sv, u" 424,850,000,000,000.000000"sv},
    {"int 9168339 ' ^#b'", 'i', Q_INT64_C(9168339), 0, {}, u" ^#b"sv, u"0b100010111110010111010011"sv},
    {"int 2152790 '0<z14G'", 'i', Q_INT64_C(2152790), 0, {}, u"0<z14G"sv, u"2.15279E+06000"sv},
    {"int -822109 '*=z4E'", 'i', Q_INT64_C(-822109), 0, {}, u"*=z4E"sv, u"-8.221090E+05"sv},
    {"float 0.060705999999999996 '0^0.10f'", 'f', 0, 0.060705999999999996, {}, u"0^0.10f"sv, u"0.0607060000"sv},
    {"float -742385178670000.0 '#.11'", 'f', 0, -742385178670000.0, {}, u"#.11"sv, u"-7.4238517867e+14"sv},
    {"int -5934935 '\\U0001f600>00b'", 'i', Q_INT64_C(-5934935), 0, {}, u"\xd83d\xde00>00b"sv,
        u"-10110101000111101010111"sv},
    {"float 147919100000000.0 '\\U0001f600^ 12,g'", 'f', 0, 147919100000000.0, {}, u"\xd83d\xde00^ 12,g"sv,
        u" 1.47919e+14"sv},
    {"float -0.024879 '#0'", 'f', 0, -0.024879, {}, u"#0"sv, u"-0.024879"sv},
    {"float -0.029685999999999997 '#17F'", 'f', 0, -0.029685999999999997, {}, u"#17F"sv, u"        -0.029686"sv},
    {"float 73710000000000.0 '= #14.3e'", 'f', 0, 73710000000000.0, {}, u"= #14.3e"sv, u"     7.371e+13"sv},
    {"float -210350000000000.0 '014E'", 'f', 0, -210350000000000.0, {}, u"014E"sv, u"-02.103500E+14"sv},
    {"float 292975600000000.0 '=+8'", 'f', 0, 292975600000000.0, {}, u"=+8"sv, u"+292975600000000.0"sv},
    {"float -0.007062636999999999 '> E'", 'f', 0, -0.007062636999999999, {}, u"> E"sv, u"-7.062637E-03"sv},
    {"int 6150289 '%'", 'i', Q_INT64_C(6150289), 0, {}, u"%"sv, u"615028900.000000%"sv},
    {"float -0.0608387102 '013g'", 'f', 0, -0.0608387102, {}, u"013g"sv, u"-0000.0608387"sv},
    {"int -5255035 ' <5.12e'", 'i', Q_INT64_C(-5255035), 0, {}, u" <5.12e"sv, u"-5.255035000000e+06"sv},
    {"int 1 'z.2f'", 'i', Q_INT64_C(1), 0, {}, u"z.2f"sv, u"1.00"sv},
};

struct FormatErrorCase {
    const char *name;
    char kind;
    qint64 i;
    double d;
    std::u16string_view s;
    std::u16string_view spec;
    ExceptionType type;
    std::u16string_view message;
};

const FormatErrorCase kFormatErrorCases[] = {
    {"str 'abc' '==>7'", 's', 0, 0, u"abc"sv, u"==>7"sv, ExceptionType::ValueError,
        u"Invalid format specifier '==>7' for object of type 'str'"sv},
    {"float -166860000000000.0 '10o'", 'f', 0, -166860000000000.0, {}, u"10o"sv, ExceptionType::ValueError,
        u"Unknown format code 'o' for object of type 'float'"sv},
    {"float 0.056073899999999996 ' > 5s'", 'f', 0, 0.056073899999999996, {}, u" > 5s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'float'"sv},
    {"int 9495828 '+z#2.11x'", 'i', Q_INT64_C(9495828), 0, {}, u"+z#2.11x"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int -3979467 '<z_b'", 'i', Q_INT64_C(-3979467), 0, {}, u"<z_b"sv, ExceptionType::ValueError,
        u"Negative zero coercion (z) not allowed in integer format specifier"sv},
    {"float -751154149999999.9 'X'", 'f', 0, -751154149999999.9, {}, u"X"sv, ExceptionType::ValueError,
        u"Unknown format code 'X' for object of type 'float'"sv},
    {"float -437526000000000.0 '11c'", 'f', 0, -437526000000000.0, {}, u"11c"sv, ExceptionType::ValueError,
        u"Unknown format code 'c' for object of type 'float'"sv},
    {"float -72124.33 '017o'", 'f', 0, -72124.33, {}, u"017o"sv, ExceptionType::ValueError,
        u"Unknown format code 'o' for object of type 'float'"sv},
    {"float -950135907000000.0 ' <18s'", 'f', 0, -950135907000000.0, {}, u" <18s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'float'"sv},
    {"float -0.046727 '-z0b'", 'f', 0, -0.046727, {}, u"-z0b"sv, ExceptionType::ValueError,
        u"Unknown format code 'b' for object of type 'float'"sv},
    {"int 4626412 '^.10c'", 'i', Q_INT64_C(4626412), 0, {}, u"^.10c"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 9359174 '\\U0001f600^_.0'", 'i', Q_INT64_C(9359174), 0, {}, u"\xd83d\xde00^_.0"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 5989486 '017.11c'", 'i', Q_INT64_C(5989486), 0, {}, u"017.11c"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int -3671534 '<.2'", 'i', Q_INT64_C(-3671534), 0, {}, u"<.2"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"float -359227026830000.06 '^.4o'", 'f', 0, -359227026830000.06, {}, u"^.4o"sv, ExceptionType::ValueError,
        u"Unknown format code 'o' for object of type 'float'"sv},
    {"float -258594750000000.0 '*=o'", 'f', 0, -258594750000000.0, {}, u"*=o"sv, ExceptionType::ValueError,
        u"Unknown format code 'o' for object of type 'float'"sv},
    {"float -66503.12 '<+#o'", 'f', 0, -66503.12, {}, u"<+#o"sv, ExceptionType::ValueError,
        u"Unknown format code 'o' for object of type 'float'"sv},
    {"int -7997212 '^017.7d'", 'i', Q_INT64_C(-7997212), 0, {}, u"^017.7d"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 476277 ',.11'", 'i', Q_INT64_C(476277), 0, {}, u",.11"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"float 0.096658 '015s'", 'f', 0, 0.096658, {}, u"015s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'float'"sv},
    {"int -393559 '016s'", 'i', Q_INT64_C(-393559), 0, {}, u"016s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'int'"sv},
    {"float -10762.245642 '#d'", 'f', 0, -10762.245642, {}, u"#d"sv, ExceptionType::ValueError,
        u"Unknown format code 'd' for object of type 'float'"sv},
    {"int -9632476 'x=02.5b'", 'i', Q_INT64_C(-9632476), 0, {}, u"x=02.5b"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"float 73389.0 '-11b'", 'f', 0, 73389.0, {}, u"-11b"sv, ExceptionType::ValueError,
        u"Unknown format code 'b' for object of type 'float'"sv},
    {"float 6626.773 '-x'", 'f', 0, 6626.773, {}, u"-x"sv, ExceptionType::ValueError,
        u"Unknown format code 'x' for object of type 'float'"sv},
    {"float -76916.35 ' =#.7s'", 'f', 0, -76916.35, {}, u" =#.7s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'float'"sv},
    {"int 7065957 '+2.3n'", 'i', Q_INT64_C(7065957), 0, {}, u"+2.3n"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"float 967160000000000.0 '= 20,n'", 'f', 0, 967160000000000.0, {}, u"= 20,n"sv, ExceptionType::ValueError,
        u"Cannot specify ',' with 'n'."sv},
    {"int -42943 '0.9'", 'i', Q_INT64_C(-42943), 0, {}, u"0.9"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 8276533 '17.0'", 'i', Q_INT64_C(8276533), 0, {}, u"17.0"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 7866039 '#13c'", 'i', Q_INT64_C(7866039), 0, {}, u"#13c"sv, ExceptionType::ValueError,
        u"Alternate form (#) not allowed with integer format specifier 'c'"sv},
    {"float 283262123510000.0 '014c'", 'f', 0, 283262123510000.0, {}, u"014c"sv, ExceptionType::ValueError,
        u"Unknown format code 'c' for object of type 'float'"sv},
    {"int 4723139 '#03.6'", 'i', Q_INT64_C(4723139), 0, {}, u"#03.6"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 649504 'z06c'", 'i', Q_INT64_C(649504), 0, {}, u"z06c"sv, ExceptionType::ValueError,
        u"Negative zero coercion (z) not allowed in integer format specifier"sv},
    {"float -72061.02251 '#0.12X'", 'f', 0, -72061.02251, {}, u"#0.12X"sv, ExceptionType::ValueError,
        u"Unknown format code 'X' for object of type 'float'"sv},
    {"float -34871.0 'x<19d'", 'f', 0, -34871.0, {}, u"x<19d"sv, ExceptionType::ValueError,
        u"Unknown format code 'd' for object of type 'float'"sv},
    {"float 1.5 'd'", 'f', 0, 1.5, {}, u"d"sv, ExceptionType::ValueError,
        u"Unknown format code 'd' for object of type 'float'"sv},
    {"float 1.5 'x'", 'f', 0, 1.5, {}, u"x"sv, ExceptionType::ValueError,
        u"Unknown format code 'x' for object of type 'float'"sv},
    {"float 1.5 'c'", 'f', 0, 1.5, {}, u"c"sv, ExceptionType::ValueError,
        u"Unknown format code 'c' for object of type 'float'"sv},
    {"float 1.5 's'", 'f', 0, 1.5, {}, u"s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'float'"sv},
    {"float 1.5 'abc'", 'f', 0, 1.5, {}, u"abc"sv, ExceptionType::ValueError,
        u"Invalid format specifier 'abc' for object of type 'float'"sv},
    {"float 1.5 '10.2ff'", 'f', 0, 1.5, {}, u"10.2ff"sv, ExceptionType::ValueError,
        u"Invalid format specifier '10.2ff' for object of type 'float'"sv},
    {"float 1.5 '\\xe9'", 'f', 0, 1.5, {}, u"\xe9"sv, ExceptionType::ValueError,
        u"Unknown format code '\\xe9' for object of type 'float'"sv},
    {"float 1.5 '\\x01'", 'f', 0, 1.5, {}, u"\x1"sv, ExceptionType::ValueError,
        u"Unknown format code '\\x1' for object of type 'float'"sv},
    {"float 1.5 '\\U0001f600'", 'f', 0, 1.5, {}, u"\xd83d\xde00"sv, ExceptionType::ValueError,
        u"Unknown format code '\\x1f600' for object of type 'float'"sv},
    {"float 1.5 ',n'", 'f', 0, 1.5, {}, u",n"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'n'."sv},
    {"float 1.5 '_n'", 'f', 0, 1.5, {}, u"_n"sv, ExceptionType::ValueError, u"Cannot specify '_' with 'n'."sv},
    {"float 1.5 ',_'", 'f', 0, 1.5, {}, u",_"sv, ExceptionType::ValueError, u"Cannot specify both ',' and '_'."sv},
    {"float 1.5 '_,'", 'f', 0, 1.5, {}, u"_,"sv, ExceptionType::ValueError, u"Cannot specify both ',' and '_'."sv},
    {"float 1.5 '.'", 'f', 0, 1.5, {}, u"."sv, ExceptionType::ValueError, u"Format specifier missing precision"sv},
    {"float 1.5 '.f'", 'f', 0, 1.5, {}, u".f"sv, ExceptionType::ValueError, u"Format specifier missing precision"sv},
    {"float 1.5 ',,'", 'f', 0, 1.5, {}, u",,"sv, ExceptionType::ValueError, u"Cannot specify ',' with ','."sv},
    {"float 1.5 '99999999999999999999'", 'f', 0, 1.5, {}, u"99999999999999999999"sv, ExceptionType::ValueError,
        u"Too many decimal digits in format string"sv},
    {"float 1.5 '.99999999999999999999f'", 'f', 0, 1.5, {}, u".99999999999999999999f"sv, ExceptionType::ValueError,
        u"Too many decimal digits in format string"sv},
    {"float 1.5 '.3000000000f'", 'f', 0, 1.5, {}, u".3000000000f"sv, ExceptionType::ValueError, u"precision too big"sv},
    {"int 1 '.2'", 'i', Q_INT64_C(1), 0, {}, u".2"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 1 '.2d'", 'i', Q_INT64_C(1), 0, {}, u".2d"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"int 1 'z'", 'i', Q_INT64_C(1), 0, {}, u"z"sv, ExceptionType::ValueError,
        u"Negative zero coercion (z) not allowed in integer format specifier"sv},
    {"int 1 'zd'", 'i', Q_INT64_C(1), 0, {}, u"zd"sv, ExceptionType::ValueError,
        u"Negative zero coercion (z) not allowed in integer format specifier"sv},
    {"int 1 '+c'", 'i', Q_INT64_C(1), 0, {}, u"+c"sv, ExceptionType::ValueError,
        u"Sign not allowed with integer format specifier 'c'"sv},
    {"int 1 ' c'", 'i', Q_INT64_C(1), 0, {}, u" c"sv, ExceptionType::ValueError,
        u"Sign not allowed with integer format specifier 'c'"sv},
    {"int 1 '-c'", 'i', Q_INT64_C(1), 0, {}, u"-c"sv, ExceptionType::ValueError,
        u"Sign not allowed with integer format specifier 'c'"sv},
    {"int 1 '#c'", 'i', Q_INT64_C(1), 0, {}, u"#c"sv, ExceptionType::ValueError,
        u"Alternate form (#) not allowed with integer format specifier 'c'"sv},
    {"int 1 ',c'", 'i', Q_INT64_C(1), 0, {}, u",c"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'c'."sv},
    {"int 1 '_c'", 'i', Q_INT64_C(1), 0, {}, u"_c"sv, ExceptionType::ValueError, u"Cannot specify '_' with 'c'."sv},
    {"int 1 ',b'", 'i', Q_INT64_C(1), 0, {}, u",b"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'b'."sv},
    {"int 1 ',x'", 'i', Q_INT64_C(1), 0, {}, u",x"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'x'."sv},
    {"int 1 ',o'", 'i', Q_INT64_C(1), 0, {}, u",o"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'o'."sv},
    {"int 1 ',X'", 'i', Q_INT64_C(1), 0, {}, u",X"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'X'."sv},
    {"int 1 ',n'", 'i', Q_INT64_C(1), 0, {}, u",n"sv, ExceptionType::ValueError, u"Cannot specify ',' with 'n'."sv},
    {"int 1 '_n'", 'i', Q_INT64_C(1), 0, {}, u"_n"sv, ExceptionType::ValueError, u"Cannot specify '_' with 'n'."sv},
    {"int 1 's'", 'i', Q_INT64_C(1), 0, {}, u"s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'int'"sv},
    {"int 1 'r'", 'i', Q_INT64_C(1), 0, {}, u"r"sv, ExceptionType::ValueError,
        u"Unknown format code 'r' for object of type 'int'"sv},
    {"int 1 '.'", 'i', Q_INT64_C(1), 0, {}, u"."sv, ExceptionType::ValueError, u"Format specifier missing precision"sv},
    {"int 1 'xx'", 'i', Q_INT64_C(1), 0, {}, u"xx"sv, ExceptionType::ValueError,
        u"Invalid format specifier 'xx' for object of type 'int'"sv},
    {"int 1 '\\x01'", 'i', Q_INT64_C(1), 0, {}, u"\x1"sv, ExceptionType::ValueError,
        u"Unknown format code '\\x1' for object of type 'int'"sv},
    {"int 1 '\\xb2'", 'i', Q_INT64_C(1), 0, {}, u"\xb2"sv, ExceptionType::ValueError,
        u"Unknown format code '\\xb2' for object of type 'int'"sv},
    {"int -1 'c'", 'i', Q_INT64_C(-1), 0, {}, u"c"sv, ExceptionType::OverflowError, u"%c arg not in range(0x110000)"sv},
    {"int 1114112 'c'", 'i', Q_INT64_C(1114112), 0, {}, u"c"sv, ExceptionType::OverflowError,
        u"%c arg not in range(0x110000)"sv},
    {"int 9223372036854775807 'c'", 'i', Q_INT64_C(9223372036854775807), 0, {}, u"c"sv, ExceptionType::OverflowError,
        u"%c arg not in range(0x110000)"sv},
    {"bool True 's'", 'b', 1, 0, {}, u"s"sv, ExceptionType::ValueError,
        u"Unknown format code 's' for object of type 'bool'"sv},
    {"bool True '.2'", 'b', 1, 0, {}, u".2"sv, ExceptionType::ValueError,
        u"Precision not allowed in integer format specifier"sv},
    {"bool True 'xx'", 'b', 1, 0, {}, u"xx"sv, ExceptionType::ValueError,
        u"Invalid format specifier 'xx' for object of type 'bool'"sv},
    {"bool False ',s'", 'b', 0, 0, {}, u",s"sv, ExceptionType::ValueError, u"Cannot specify ',' with 's'."sv},
    {"str 'a' 'd'", 's', 0, 0, u"a"sv, u"d"sv, ExceptionType::ValueError,
        u"Unknown format code 'd' for object of type 'str'"sv},
    {"str 'a' 'f'", 's', 0, 0, u"a"sv, u"f"sv, ExceptionType::ValueError,
        u"Unknown format code 'f' for object of type 'str'"sv},
    {"str 'a' 'x'", 's', 0, 0, u"a"sv, u"x"sv, ExceptionType::ValueError,
        u"Unknown format code 'x' for object of type 'str'"sv},
    {"str 'a' '='", 's', 0, 0, u"a"sv, u"="sv, ExceptionType::ValueError,
        u"'=' alignment not allowed in string format specifier"sv},
    {"str 'a' '0='", 's', 0, 0, u"a"sv, u"0="sv, ExceptionType::ValueError,
        u"'=' alignment not allowed in string format specifier"sv},
    {"str 'a' '+'", 's', 0, 0, u"a"sv, u"+"sv, ExceptionType::ValueError,
        u"Sign not allowed in string format specifier"sv},
    {"str 'a' '-'", 's', 0, 0, u"a"sv, u"-"sv, ExceptionType::ValueError,
        u"Sign not allowed in string format specifier"sv},
    {"str 'a' ' '", 's', 0, 0, u"a"sv, u" "sv, ExceptionType::ValueError,
        u"Space not allowed in string format specifier"sv},
    {"str 'a' 'z'", 's', 0, 0, u"a"sv, u"z"sv, ExceptionType::ValueError,
        u"Negative zero coercion (z) not allowed in string format specifier"sv},
    {"str 'a' '#'", 's', 0, 0, u"a"sv, u"#"sv, ExceptionType::ValueError,
        u"Alternate form (#) not allowed in string format specifier"sv},
    {"str 'a' ','", 's', 0, 0, u"a"sv, u","sv, ExceptionType::ValueError, u"Cannot specify ',' with 's'."sv},
    {"str 'a' '_'", 's', 0, 0, u"a"sv, u"_"sv, ExceptionType::ValueError, u"Cannot specify '_' with 's'."sv},
    {"str 'a' ',s'", 's', 0, 0, u"a"sv, u",s"sv, ExceptionType::ValueError, u"Cannot specify ',' with 's'."sv},
    {"str 'a' '.'", 's', 0, 0, u"a"sv, u"."sv, ExceptionType::ValueError, u"Format specifier missing precision"sv},
    {"str 'a' 'ss'", 's', 0, 0, u"a"sv, u"ss"sv, ExceptionType::ValueError,
        u"Invalid format specifier 'ss' for object of type 'str'"sv},
    {"str 'a' '10.2ss'", 's', 0, 0, u"a"sv, u"10.2ss"sv, ExceptionType::ValueError,
        u"Invalid format specifier '10.2ss' for object of type 'str'"sv},
    {"str 'a' '\\xe9'", 's', 0, 0, u"a"sv, u"\xe9"sv, ExceptionType::ValueError,
        u"Unknown format code '\\xe9' for object of type 'str'"sv},
    {"str 'a' '+10'", 's', 0, 0, u"a"sv, u"+10"sv, ExceptionType::ValueError,
        u"Sign not allowed in string format specifier"sv},
};

template<typename Case> Value scalarValue(const Case &c)
{
    switch (c.kind) {
    case 'i':
        return Value::integer(c.i);
    case 'b':
        return Value::boolean(c.i != 0);
    case 'f':
        return Value::floating(c.d);
    default:
        return Value::string(Q(c.s));
    }
}

void TestPyFormat::format_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    for (const FormatCase &c : kFormatCases)
        QTest::newRow(c.name) << scalarValue(c) << Q(c.spec) << Q(c.expected);
    // object.__format__ with an empty spec is str(value).
    QTest::newRow("NoneType None ''") << Value() << S(u"") << S(u"None");
    QTest::newRow("list [1, 'a', None] ''")
        << Value::list({Value::integer(Q_INT64_C(1)), Value::string(S(u"a")), Value()}) << S(u"")
        << S(u"[1, 'a', None]");
    QTest::newRow("list [] ''") << Value::list({}) << S(u"") << S(u"[]");
    QTest::newRow("ValueError ValueError('x') ''")
        << Value::exception(ExceptionType::ValueError, Value::string(S(u"x"))) << S(u"") << S(u"x");
    QTest::newRow("ValueError ValueError() ''") << Value::exception(ExceptionType::ValueError) << S(u"") << S(u"");
    QTest::newRow("CancelledError CancelledError('bye') ''")
        << Value::exception(ExceptionType::CancelledError, Value::string(S(u"bye"))) << S(u"") << S(u"bye");
    QTest::newRow("TimeoutError TimeoutError(1.5) ''")
        << Value::exception(ExceptionType::TimeoutError, Value::floating(1.5)) << S(u"") << S(u"1.5");
    QTest::newRow("RuntimeError RuntimeError([1, 'b']) ''") << Value::exception(
        ExceptionType::RuntimeError, Value::list({Value::integer(Q_INT64_C(1)), Value::string(S(u"b"))}))
                                                            << S(u"") << S(u"[1, 'b']");
}

void TestPyFormat::format()
{
    QFETCH(Value, value);
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    const FormatResult r = pyFormat(value, spec);
    QCOMPARE(describe(r), QStringLiteral("ok: ") + expected);
}

void TestPyFormat::formatErrors_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<ExceptionType>("type");
    QTest::addColumn<QString>("message");
    for (const FormatErrorCase &c : kFormatErrorCases)
        QTest::newRow(c.name) << scalarValue(c) << Q(c.spec) << c.type << Q(c.message);
    // None, lists and exceptions accept only the empty spec.
    QTest::newRow("NoneType None 'x'") << Value() << S(u"x") << ExceptionType::TypeError
                                       << S(u"unsupported format string passed to NoneType.__format__");
    QTest::newRow("NoneType None '>5'") << Value() << S(u">5") << ExceptionType::TypeError
                                        << S(u"unsupported format string passed to NoneType.__format__");
    QTest::newRow("NoneType None 's'") << Value() << S(u"s") << ExceptionType::TypeError
                                       << S(u"unsupported format string passed to NoneType.__format__");
    QTest::newRow("list [1, 2] 'x'") << Value::list({Value::integer(Q_INT64_C(1)), Value::integer(Q_INT64_C(2))})
                                     << S(u"x") << ExceptionType::TypeError
                                     << S(u"unsupported format string passed to list.__format__");
    QTest::newRow("list [] '10'") << Value::list({}) << S(u"10") << ExceptionType::TypeError
                                  << S(u"unsupported format string passed to list.__format__");
    QTest::newRow("ValueError ValueError('x') 's'")
        << Value::exception(ExceptionType::ValueError, Value::string(S(u"x"))) << S(u"s") << ExceptionType::TypeError
        << S(u"unsupported format string passed to ValueError.__format__");
    QTest::newRow("CancelledError CancelledError() 'x'")
        << Value::exception(ExceptionType::CancelledError) << S(u"x") << ExceptionType::TypeError
        << S(u"unsupported format string passed to CancelledError.__format__");
    QTest::newRow("RuntimeError RuntimeError() '>3'")
        << Value::exception(ExceptionType::RuntimeError) << S(u">3") << ExceptionType::TypeError
        << S(u"unsupported format string passed to RuntimeError.__format__");
}

void TestPyFormat::formatErrors()
{
    QFETCH(Value, value);
    QFETCH(QString, spec);
    QFETCH(ExceptionType, type);
    QFETCH(QString, message);
    const FormatResult r = pyFormat(value, spec);
    QCOMPARE(describe(r), QStringLiteral("error: ") + exceptionTypeName(type) + QStringLiteral(": ") + message);
}

// CPython would try to build a string of a billion characters; Tusk refuses instead of freezing.
void TestPyFormat::formatHugeWidthIsRefused()
{
    for (const Value &v : {Value::integer(1), Value::floating(1.5), Value::string(S(u"a"))}) {
        const FormatResult r = pyFormat(v, S(u"1000000000"));
        QVERIFY(!r.ok);
        QCOMPARE(r.errorType, ExceptionType::OverflowError);
    }
    QVERIFY(!pyFormat(Value::floating(1.5), S(u".1000000000f")).ok);
    // A big precision on a string only truncates.
    QCOMPARE(pyFormat(Value::string(S(u"abc")), S(u".1000000000")).text, S(u"abc"));
}

QTEST_GUILESS_MAIN(TestPyFormat)
#include "tst_pyformat.moc"
