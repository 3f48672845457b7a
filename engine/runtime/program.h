#pragma once

#include "project.h"
#include "pybuiltins.h"
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
    bool starred = false;  ///< `*slot`: every item of the iterable in the slot is an argument
    std::uint32_t slot = 0;  ///< task variable, or the hidden slot an expression item was stored in
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

        // Format version 2: expressions, evaluated on the frame's operand stack (as CPython's
        // ceval does, in fewer kinds). "push"/"pop" below are that stack.
        StepMark,  ///< announces stepId before the step's expressions run
        LoadConst,  ///< push constants[a]
        LoadLocal,  ///< push slot a (unbound: UnboundLocalError, or with b = 1, inside a comprehension, NameError)
        StoreLocal,  ///< pop into slot a
        LoadNow,  ///< push the clock, as `_now()` would
        LoadBuiltin,  ///< push builtin a (an ExceptionType b for exception classes)
        RaiseNameError,  ///< NameError for the name in constants[a]
        Pop,
        Dup,  ///< x -> x x
        Dup2,  ///< x y -> x y x y
        Rot2,  ///< x y -> y x
        Rot3,  ///< x y z -> z x y
        Binary,  ///< x y -> (x OP y); a = ExprNode::BinaryOp, b = in place (`+=`)
        Unary,  ///< x -> (OP x); a = ExprNode::UnaryOp
        Compare,  ///< x y -> (x OP y); a = ExprNode::CompareOp
        JumpIfFalse,  ///< pop; jump to target when false
        JumpIfTrue,  ///< pop; jump to target when true
        JumpIfFalseOrPop,  ///< jump to target keeping x when false, else pop (`and`)
        JumpIfTrueOrPop,  ///< jump to target keeping x when true, else pop (`or`)
        BuildList,  ///< pop a items, push the list
        BuildTuple,  ///< pop a items, push the tuple
        BuildDict,  ///< pop a key/value pairs, push the dict
        BuildSlice,  ///< lower upper step -> slice
        BuildString,  ///< pop a strings, push them joined
        ListAppend,  ///< pop x, append it to the list a items below the top
        ListExtend,  ///< pop x, extend the list a items below the top with its items
        MakeGenerator,  ///< list -> a generator over its items (a generator expression)
        MakeCoroutine,  ///< a = coroutine index, imm = argument count: args -> a coroutine object
        CreateTaskFromValue,  ///< b = 1 when a name is on top: coroutine object [, name] -> task
        Subscript,  ///< x k -> x[k]
        StoreSubscript,  ///< v x k -> (x[k] = v)
        GetIter,  ///< x -> iter(x)
        ForIter,  ///< it -> it next, or pop it and jump to target at the end; stepId announces each round
        UnpackSequence,  ///< x -> its a items (b more after a starred list when imm is 1), first on top
        LoadAttr,  ///< x -> x.name, name = constants[a]
        Call,  ///< calls[a] of kind builtin, method or value, args on the stack
        CreateTaskValue,  ///< args (and name) -> task; a = call index (Program::calls), b = has name
        FormatValue,  ///< x -> format(x) after conversion a ('s', 'r', 'a' or 0); b = spec constant or kNoSlot
        PrintTop,  ///< pop a str and print it as a line
    };
    static constexpr std::uint32_t kImmediate = 1;  ///< Sleep: `a` when the delay is a literal in `imm`

    Op op = Op::End;
    /// Whether executing this instruction announces its step (RunEvent::StepEntered); false for
    /// the step's own instruction when a StepMark before its expressions announced it.
    bool announce = true;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t target = 0;
    CompiledOperand x;
    ItemId stepId = kNoId;
    std::int64_t imm = 0;  ///< Sleep with kImmediate: the delay in ns (b = 1: positive but under 1 ns)
};

constexpr std::uint32_t kNoSlot = 0xffffffffu;

/// A call made inside an expression (Instr::Op::Call): of a builtin, a method of the value below
/// the arguments, or a value below them (a builtin kept in a variable). The stack holds the
/// receiver or callee (methods and values), the positional arguments (or one list of them when
/// `unpacked`), then the keyword arguments.
struct CompiledExprCall {
    enum class Kind : std::uint8_t { Builtin, Method, Value, Random };  ///< Random: `random.NAME(...)`
    Kind kind = Kind::Builtin;
    BuiltinName builtin;
    QString method;
    std::uint32_t positional = 0;
    bool unpacked = false;  ///< `f(*xs)`: the positional arguments are one list
    std::vector<QString> keywords;  ///< names of the last keywords.size() arguments
};

struct CompiledCoroutine {
    QString name;
    ItemId id = kNoId;
    std::uint32_t paramCount = 0;
    std::uint32_t slotCount = 0;  ///< params, named locals, then hidden loop counters and temporaries
    std::uint32_t stackSize = 0;  ///< the deepest the operand stack grows (after the slots)
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
    std::vector<CompiledExprCall> exprCalls;
    std::uint32_t entry = 0;
    QString title;
    /// Project::randomSeed: what `random` is seeded with before the entry starts.
    std::optional<std::variant<std::int64_t, QString>> randomSeed;
    /// Whether any expression calls the random module (a run without a seed then shows its own).
    bool usesRandom = false;
    /// The variable each create_task step stores its task in (`t1 = asyncio.create_task(...)`),
    /// by step id; steps that keep no variable are absent. Run views name tasks by it.
    QHash<ItemId, QString> taskVariables;
};

}  // namespace tusk
