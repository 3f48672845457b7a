#pragma once

#include "modeledit.h"
#include "project.h"
#include "pythonform.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace tusk {

/// The Python a step stands for, on one line, as the editor shows it (`?` for what is not
/// chosen yet): `t1 = asyncio.create_task(task1())`, `await asyncio.sleep(1)`,
/// `for i in range(3):`. The canvas shows it on the step's row, so the diagram always reads as
/// the program it runs; the line comes from the step kind's pattern, as the exporter's does.
CodeLine stepCode(const Step &step);
/// `except ValueError as e:` (CancelledError is written `asyncio.CancelledError`).
CodeLine exceptCode(const ExceptClause &clause);
QString operandCode(const Operand &operand);
QString callCode(const Call &call);

/// One row of a coroutine node: a step, an except, finally or else header, or `pass` standing for an
/// empty body (where a step can be dropped).
struct DisplayLine {
    enum class Kind : std::uint8_t { Step, Except, Finally, Else, Pass };
    Kind kind = Kind::Step;
    ItemId stepId = kNoId;  ///< the step (Step), or the step it belongs to (Except, Finally, Else), or kNoId (Pass)
    int depth = 0;  ///< indentation level, 0 for the coroutine body
    StepList list;  ///< Step: the list holding it; Except/Finally/Else/Pass: the list it opens
    int index = 0;  ///< Step: index in `list`
    int handler = 0;  ///< Except: clause index
    StepOp op = StepOp::Print;  ///< Step: its kind
    /// Step: the coroutines its calls name (create_task, await and gather), in order; an empty
    /// name stands for a call whose target is not chosen yet.
    QStringList targets;
    CodeLine code;
};

/// The rows of a coroutine node in display order.
std::vector<DisplayLine> displayLines(const Coroutine &coroutine);

}  // namespace tusk
