#pragma once

#include "project.h"

namespace tusk {

/// `main()` whose first step is `for _ in range(tasks): asyncio.create_task(worker())`: the
/// spawning half both benchmarks share; each adds its own steps after it.
inline Coroutine spawningMain(int tasks)
{
    Coroutine main;
    main.name = QStringLiteral("main");
    Step create;
    create.op = StepOp::CreateTask;
    create.call = Call {QStringLiteral("worker"), {}};
    Step spawn;
    spawn.op = StepOp::Repeat;
    spawn.times = Operand::fromLiteral(Value::integer(tasks));
    spawn.body.push_back(create);
    main.body.push_back(spawn);
    return main;
}

}  // namespace tusk
