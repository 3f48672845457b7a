#pragma once

// Python's `random` module, bit for bit: CPython's Mersenne Twister (Modules/_randommodule.c:
// genrand_uint32, init_by_array, random_seed, getrandbits) and the functions of Lib/random.py
// that a Tusk program may call, with the same draws in the same order, so a seeded program
// prints what CPython prints.

#include "pybuiltins.h"
#include "value.h"

#include <QString>
#include <array>
#include <cstdint>

namespace tusk {

class PyRandom {
public:
    /// Seeded with 0 until seed() is called (a run seeds it first, see EventLoop).
    PyRandom();

    /// random.seed(a): an int (all its bits), a str (its UTF-8 and SHA-512, version 2), a
    /// float by its hash, a bool as an int.
    bool seed(const Value &a, Value &error);
    /// Where random.seed() without an argument draws from (CPython: the operating system's
    /// entropy; a run: its own seed, so that it can be repeated).
    void setEntropy(std::uint64_t entropy);

    /// random.NAME(...) for NAME among functionNames(): true with *out, or false with the
    /// exception CPython raises.
    bool call(const QString &name, const BuiltinCall &call, Value *out, Value &error);

    /// The functions call() knows: seed random uniform randint randrange choice choices
    /// shuffle sample getrandbits.
    static bool hasFunction(const QString &name);
    static QStringList functionNames();

    /// random.random(): 53 random bits as a float in [0, 1).
    double random();
    /// getrandbits(k), k >= 0.
    Value getrandbits(std::uint64_t k);
    /// _randbelow(n) for n > 0 (Python int).
    Value randbelow(const Value &n);

private:
    std::uint32_t next32();
    void initGenrand(std::uint32_t s);
    void initByArray(const std::vector<std::uint32_t> &key);
    void seedFromMagnitude(const Value &nonNegative);
    std::uint64_t nextEntropy();

    bool randrange(const BuiltinCall &call, Value *out, Value &error);
    bool choice(const BuiltinCall &call, Value *out, Value &error);
    bool choices(const BuiltinCall &call, Value *out, Value &error);
    bool shuffle(const BuiltinCall &call, Value *out, Value &error);
    bool sample(const BuiltinCall &call, Value *out, Value &error);
    bool uniform(const BuiltinCall &call, Value *out, Value &error);

    std::array<std::uint32_t, 624> m_state {};
    int m_index = 625;
    std::uint64_t m_entropy = 0;
};

}  // namespace tusk
