// random's generator bit for bit: the expected figures are what CPython 3.11 prints for the
// same calls (python3 -c "import random; random.seed(12345); print(repr(random.random()))").

#include "pyformat.h"
#include "pyint.h"
#include "pyops.h"
#include "pyrandom.h"

#include <QTest>

using namespace tusk;

namespace {

Value callRandom(PyRandom &r, const QString &name, std::vector<Value> args)
{
    BuiltinCall call;
    call.args = std::span<const Value>(args.data(), args.size());
    Value out, error;
    if (!r.call(name, call, &out, error))
        return error;
    return out;
}

PyRandom seeded(const Value &seed)
{
    PyRandom r;
    Value error;
    if (!r.seed(seed, error))
        qFatal("seed failed");
    return r;
}

}  // namespace

class TestPyRandom : public QObject {
    Q_OBJECT

private slots:
    void intSeedsMatchCPython()
    {
        PyRandom r = seeded(Value::integer(12345));
        QCOMPARE(pyRepr(Value::floating(r.random())), QStringLiteral("0.41661987254534116"));
        QCOMPARE(pyRepr(r.getrandbits(40)), QStringLiteral("897691841093"));
        QCOMPARE(pyRepr(r.getrandbits(100)), QStringLiteral("1053626799213344948965825625037"));
        QCOMPARE(pyRepr(Value::floating(seeded(Value::integer(0)).random())), QStringLiteral("0.8444218515250481"));
        // A negative seed seeds as its magnitude.
        QCOMPARE(pyRepr(Value::floating(seeded(Value::integer(-5)).random())), QStringLiteral("0.6229016948897019"));
    }

    void strFloatAndBigSeedsMatchCPython()
    {
        QCOMPARE(pyRepr(Value::floating(seeded(Value::string(QStringLiteral("Tusk"))).random())),
            QStringLiteral("0.06829277757462338"));
        QCOMPARE(pyRepr(Value::floating(seeded(Value::floating(3.75)).random())), QStringLiteral("0.8669343461487233"));
        Value big, error;
        QVERIFY(intFromString(u"18446744073709551623", 10, &big, error));  // 2**64 + 7
        PyRandom r = seeded(big);
        Value limit;
        QVERIFY(intFromString(u"100000000000000000000", 10, &limit, error));
        QCOMPARE(pyRepr(callRandom(r, QStringLiteral("randrange"), {limit})), QStringLiteral("38459162524476302521"));
    }

    void shuffleAndSampleDrawAsCPython()
    {
        PyRandom r = seeded(Value::integer(9));
        std::vector<Value> items;
        for (int i = 0; i < 8; ++i)
            items.push_back(Value::integer(i));
        const Value xs = Value::list(items);
        QVERIFY(callRandom(r, QStringLiteral("shuffle"), {xs}).isNone());
        QCOMPARE(pyRepr(xs), QStringLiteral("[3, 6, 0, 1, 5, 2, 4, 7]"));
        PyRandom s = seeded(Value::integer(9));
        QCOMPARE(pyRepr(callRandom(s, QStringLiteral("sample"), {pyRange(0, 10000, 1), Value::integer(4)})),
            QStringLiteral("[7585, 6116, 4376, 2269]"));
    }

    void errorsAreCPythons()
    {
        PyRandom r;
        QCOMPARE(pyStr(callRandom(r, QStringLiteral("randint"), {Value::integer(1)})),
            QStringLiteral("Random.randint() missing 1 required positional argument: 'b'"));
        QCOMPARE(pyStr(callRandom(r, QStringLiteral("choice"), {Value::list({})})),
            QStringLiteral("Cannot choose from an empty sequence"));
        QCOMPARE(pyStr(callRandom(r, QStringLiteral("randrange"), {Value::integer(5), Value::integer(2)})),
            QStringLiteral("empty range for randrange() (5, 2, -3)"));
        QCOMPARE(pyStr(callRandom(r, QStringLiteral("random"), {Value::integer(1)})),
            QStringLiteral("Random.random() takes no arguments (1 given)"));
    }
};

QTEST_GUILESS_MAIN(TestPyRandom)
#include "tst_pyrandom.moc"
