#pragma once

#include "project.h"
#include "template.h"
#include "value.h"

#include <QHash>
#include <QString>
#include <cstdint>
#include <vector>

namespace tusk {

/// A compiled operand: a constant from the pool or a local slot.
struct CompiledOperand {
    bool isVar = false;
    bool present = false;  ///< false for an absent optional field
    std::uint32_t index = 0;  ///< constant index or local slot
};

struct CompiledCall {
    std::uint32_t coroutine = 0;
    std::vector<CompiledOperand> args;
};

struct CompiledTemplatePart {
    TemplatePart::Kind kind = TemplatePart::Kind::Literal;
    QString text;  ///< literal text, or the variable's name (for error messages)
    std::uint32_t slot = 0;  ///< local slot of the variable
    QChar conversion;
    QString spec;
};

struct CompiledGatherItem {
    bool isCall = false;
    std::uint32_t slot = 0;  ///< task variable
    std::uint32_t call = 0;  ///< index into Program::calls
};

struct CompiledGather {
    std::vector<CompiledGatherItem> items;
    bool returnExceptions = false;
};

/// One instruction. Instructions that stand for a project step carry its id so that the run
/// can report "task X is at step Y" and, later, stop at breakpoints.
struct Instr {
    enum class Op : std::uint8_t {
        Print,  ///< a = template index
        Sleep,  ///< x = seconds operand, or a = kImmediate with the delay in imm
        CreateTask,  ///< a = call index, b = result slot or kNoSlot, x = name operand
        AwaitTask,  ///< a = task slot, b = result slot
        AwaitCall,  ///< a = call index, b = result slot
        Gather,  ///< a = gather index, b = result slot
        Cancel,  ///< a = task slot, x = message operand
        Raise,  ///< a = ExceptionType, x = message operand
        Reraise,  ///< bare `raise`
        Return,  ///< x = value operand
        RepeatInit,  ///< x = times operand, a = counter slot (limit in a + 1); jumps to its RepeatNext
        RepeatNext,  ///< a = counter slot, b = loop variable slot or kNoSlot; another round: jump to target (the body)
        Jump,  ///< target
        SetupExcept,  ///< target = handler pc
        SetupFinally,  ///< target = finally pc
        PopBlock,  ///< leaves the innermost try block normally
        MatchExcept,  ///< a = ExceptionType, b = `as` slot or kNoSlot, target = next clause pc
        EndExcept,  ///< leaves an except body normally
        Unhandled,  ///< no except clause matched: re-raise the pending exception
        EnterFinally,  ///< normal entry into a finally body (nothing pending)
        EndFinally,  ///< completes whatever was pending when the finally body started
        End,  ///< falls off the end of a coroutine: `return None`
    };
    static constexpr std::uint32_t kImmediate = 1;  ///< Sleep: `a` when the delay is a literal in `imm`

    Op op = Op::End;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t target = 0;
    CompiledOperand x;
    ItemId stepId = kNoId;
    std::int64_t imm = 0;  ///< Sleep with kImmediate: the delay in ns (b = 1: positive but under 1 ns)
};

constexpr std::uint32_t kNoSlot = 0xffffffffu;

struct CompiledCoroutine {
    QString name;
    ItemId id = kNoId;
    std::uint32_t paramCount = 0;
    std::uint32_t slotCount = 0;  ///< params, named locals, then hidden loop counters
    std::vector<QString> slotNames;  ///< names of params and named locals
    std::uint32_t maxBlockDepth = 0;
    std::vector<Instr> code;
};

/// A project compiled for execution: flat code per coroutine, a constant pool, calls,
/// templates and gathers referenced by index. Immutable while a run uses it, so the editor
/// can keep editing its own model.
struct Program {
    std::vector<CompiledCoroutine> coroutines;
    std::vector<Value> constants;
    std::vector<CompiledCall> calls;
    std::vector<std::vector<CompiledTemplatePart>> templates;
    std::vector<CompiledGather> gathers;
    std::uint32_t entry = 0;
    QString title;
    /// The variable each create_task step stores its task in (`t1 = asyncio.create_task(...)`),
    /// by step id; steps that keep no variable are absent. Run views name tasks by it.
    QHash<ItemId, QString> taskVariables;
};

}  // namespace tusk
