#pragma once

#include "project.h"

#include <QString>
#include <QStringView>
#include <cstdint>
#include <span>
#include <vector>

namespace tusk {

/// What a field of a step holds. Everything that reads a step generically (the file loader and
/// writer, equality, the validator, the Python form, the inspector, the defaults of a new step)
/// handles a field by its kind, never by the step it belongs to: a new step kind made of these
/// fields needs no code outside its description and its semantics (compiler, interpreter).
enum class FieldKind : std::uint8_t {
    Template,  ///< an f-string template, `text` (QString, StepField::name)
    Value,  ///< a literal or `{ "var": name }` (std::optional<Operand>, StepField::value)
    Call,  ///< `{ "coroutine", "args" }` (Step::call)
    Task,  ///< a variable holding a task (QString, StepField::name)
    Binding,  ///< the variable a step assigns (QString, StepField::name); empty when not kept
    ExceptionType,  ///< one of the nameable exception types (QString, StepField::name); empty allowed
    GatherItems,  ///< tasks and calls to await together (Step::items)
    Flag,  ///< true or false, written only when true (Step::returnExceptions)
    Body,  ///< nested steps (Step::body)
    ExceptClauses,  ///< `except` clauses, each with a type, an `as` and a body (Step::handlers)
    Finally,  ///< an optional `finally` body (Step::hasFinally, Step::finallyBody)
    // Format version 2.
    Target,  ///< what an assignment or for loop binds, as Python source (QString, StepField::name)
    AssignOp,  ///< `=` or an augmented `OP=`: empty or the operator (QString, StepField::name)
    Else,  ///< an optional `else` body (Step::hasElse, Step::elseBody)
};

/// Whether a file must hold a field.
enum class FieldPresence : std::uint8_t {
    Optional,
    Required,
    /// Exactly one of the kind's OneOf fields (await's `task` or `call`).
    OneOf,
};

/// What a new step from the palette holds in a field, worked out from where it is dropped.
enum class FieldDefault : std::uint8_t {
    Empty,
    One,  ///< the literal 1 (sleep's seconds)
    Three,  ///< the literal 3 (repeat's times)
    PositionMessage,  ///< "[{now:.1f}s] main started" / "... is working" / "... finished"
    NextCoroutine,  ///< a call of a coroutine this one does not start yet, arguments fitted
    EmptyCall,  ///< a call whose coroutine is still to be picked, if no other OneOf field is set
    UnusedTask,  ///< the first task in scope nothing waits for yet (else the last)
    LastTask,  ///< the task created last in scope
    UnusedTasks,  ///< every task in scope nothing waits for yet
    NewTaskVariable,  ///< a fresh `t`, `t2`, ...
    LoopVariable,  ///< `i`, `j` or `k`, whichever is free
    NewVariable,  ///< a fresh `x`, `x2`, ... (assign's target)
    TrueCondition,  ///< the expression `True`... for `if`: `i == 0` when a loop variable is in scope
    WhileCondition,  ///< a condition that ends: `i < 3`
    SomeIterable,  ///< `range(3)`, or a list in scope
    CallExpression,  ///< an expression statement: `print()`-free call, `items.append(x)`
    ExceptionOutsideHandler,  ///< ValueError("something went wrong"), or a bare raise inside except
    OneHandler,  ///< one `except Exception:` clause
};

/// The colour family a step is drawn in (the theme picks the colours).
enum class StepFamily : std::uint8_t { Output, Time, Tasks, Await, Gather, Errors, Flow };

/// One field of a step kind. Texts for the inspector are English source strings, translated in
/// the context `tusk::InspectorWidget`.
struct StepField {
    const char *key;  ///< the JSON key
    FieldKind kind;
    FieldPresence presence = FieldPresence::Optional;
    QString Step::*name = nullptr;  ///< Template, Task, Binding, ExceptionType
    std::optional<Operand> Step::*value = nullptr;  ///< Value
    /// Shown and kept only while this other field of the step is present (raise's message
    /// needs its type: a bare raise takes no message).
    const char *needs = nullptr;
    FieldDefault initial = FieldDefault::Empty;
    bool holdsTask = false;  ///< Binding: the variable holds a task (create_task's `as`)
    const char *noun = "variable";  ///< Binding: what the validator calls it ("loop variable")
    const char *label = nullptr;  ///< the inspector's label; no row when null
    const char *placeholder = nullptr;  ///< shown while empty ("not kept", "automatic")
    const char *undoText = nullptr;  ///< "Change seconds"
    const char *hint = nullptr;  ///< a sentence below the field
    const char *objectName = nullptr;  ///< the editor's object name when not the key
    const char *choice = nullptr;  ///< OneOf: this form's name in the "which one" chooser
    const char *choiceLabel = nullptr;  ///< OneOf (first field): the chooser's label

    QString keyString() const { return QString::fromLatin1(key); }
    /// Whether `step` holds this field (a non-empty name, a set value or call, a true flag;
    /// texts and lists always count).
    bool isPresent(const Step &step) const;
};

/// One kind of step: everything about it but its run-time semantics.
struct StepKind {
    StepOp op;
    const char *name;  ///< the JSON `op`, also the icon's file name (`icons/<name>.svg`)
    std::vector<StepField> fields;  ///< in the order a file writes them
    /// The step's line of Python as a pattern (see pythonform.h): `{key}` a field, `{a|b}` the
    /// first present of two, `[...]` shown only when every field inside is present, `<...>` an
    /// argument list that may wrap, one argument per line.
    const char *python;
    const char *title;  ///< palette and inspector title (context `tusk::StepInfo`)
    const char *shortPython;  ///< the palette's hint: `await asyncio.sleep(s)`
    const char *explanation;  ///< a tooltip: what happens when it runs (context `tusk::StepInfo`)
    StepFamily family;

    const StepField *field(const char *key) const;
    /// `a print step`, `an await step`: for messages.
    QString phrase() const;
    bool hasField(FieldKind kind) const;
    const StepField *firstField(FieldKind kind) const;
};

/// Every step kind in palette order.
std::span<const StepKind> stepKinds();
const StepKind &stepKind(StepOp op);
/// The kind whose JSON `op` is `name`, or nullptr.
const StepKind *findStepKind(QStringView name);

/// The augmented assignment operators, in the order pickers list them (`+` for `+=`).
std::span<const char *const> assignOperators();

/// The exception types a step can name, in the order pickers list them.
std::span<const char *const> exceptionTypeNames();

}  // namespace tusk
