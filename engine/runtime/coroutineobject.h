#pragma once

// A coroutine object, as calling an `async def` function without `await` makes it
// (`coros = [worker(i) for i in range(3)]`): the coroutine and its arguments, waiting for
// create_task(), gather() or `await` to run it. It runs once.

#include "value.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace tusk {

class CoroutineObject final : public PyObject {
public:
    CoroutineObject(std::uint32_t coroutine, QString name, std::vector<Value> arguments)
        : coroutine(coroutine)
        , name(std::move(name))
        , args(std::move(arguments))
    {
    }
    QString typeName() const override { return QStringLiteral("coroutine"); }
    QString reprName() const override { return name; }

    std::uint32_t coroutine;  ///< index into Program::coroutines
    QString name;
    std::vector<Value> args;
    bool started = false;  ///< a second await raises "cannot reuse already awaited coroutine"
};

/// The coroutine object a value holds, or nullptr.
inline CoroutineObject *coroutineObject(const Value &v)
{
    return v.isObject() ? dynamic_cast<CoroutineObject *>(v.toObject()) : nullptr;
}

}  // namespace tusk
