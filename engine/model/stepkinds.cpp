// The description of every step kind: the one place a step kind is written down.
//
// Adding a kind: add its StepOp (project.h), its entry below, its semantics in the compiler and
// interpreter (engine/runtime/), and its icon (resources/icons/<name>.svg, listed in tusk.qrc).
// The loader, writer, validator, exporter, palette, inspector and canvas read this table.
#include "stepkinds.h"

#include <QCoreApplication>

namespace tusk {

namespace {

using K = FieldKind;
using P = FieldPresence;
using D = FieldDefault;

std::vector<StepKind> makeKinds()
{
    return {
        {.op = StepOp::Print,
            .name = "print",
            .fields = {{.key = "text",
                .kind = K::Template,
                .presence = P::Required,
                .name = &Step::text,
                .initial = D::PositionMessage,
                .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Text"),
                .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change text"),
                .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                    "Written as a Python f-string: {name} shows a variable, {x!r} its repr, {{ and }} "
                    "print braces.")}},
            .python = "print({text})",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Print"),
            .shortPython = "print(f\"…\")",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo",
                "Prints a line. {name} inserts a variable, {now:.1f} the seconds since the program started."),
            .family = StepFamily::Output},

        {.op = StepOp::Sleep,
            .name = "sleep",
            .fields = {{.key = "seconds",
                .kind = K::Value,
                .presence = P::Required,
                .value = &Step::seconds,
                .initial = D::One,
                .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Seconds"),
                .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change seconds")}},
            .python = "await asyncio.sleep({seconds})",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Sleep"),
            .shortPython = "await asyncio.sleep(s)",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo",
                "Suspends this coroutine for some seconds. Meanwhile the event loop runs other tasks."),
            .family = StepFamily::Time},

        {.op = StepOp::CreateTask,
            .name = "create_task",
            .fields = {{.key = "call", .kind = K::Call, .presence = P::Required, .initial = D::NextCoroutine},
                {.key = "as",
                    .kind = K::Binding,
                    .name = &Step::as,
                    .initial = D::NewTaskVariable,
                    .holdsTask = true,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Keep the task in"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "not kept"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change variable")},
                {.key = "name",
                    .kind = K::Value,
                    .value = &Step::name,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Task name"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "automatic"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change task name"),
                    .objectName = "taskName"}},
            .python = "[{as} = ]asyncio.create_task({call}[, name={name}])",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Create task"),
            .shortPython = "asyncio.create_task(f())",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo",
                "Schedules a coroutine to run as a new task and keeps going: the task starts only when this "
                "coroutine suspends."),
            .family = StepFamily::Tasks},

        {.op = StepOp::Await,
            .name = "await",
            .fields = {{.key = "task",
                           .kind = K::Task,
                           .presence = P::OneOf,
                           .name = &Step::task,
                           .initial = D::UnusedTask,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Task"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change task"),
                           .choice = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "A task"),
                           .choiceLabel = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Wait for")},
                {.key = "call",
                    .kind = K::Call,
                    .presence = P::OneOf,
                    .initial = D::EmptyCall,
                    .choice = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "A coroutine call")},
                {.key = "as",
                    .kind = K::Binding,
                    .name = &Step::as,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Keep the result in"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "not kept"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change variable")}},
            .python = "[{as} = ]await {task|call}",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Await"),
            .shortPython = "await t",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Waits until a task finishes, or calls a coroutine and waits for its result."),
            .family = StepFamily::Await},

        {.op = StepOp::Gather,
            .name = "gather",
            .fields = {{.key = "items",
                           .kind = K::GatherItems,
                           .presence = P::Required,
                           .initial = D::UnusedTasks,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Awaitables")},
                {.key = "return_exceptions",
                    .kind = K::Flag,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Exceptions"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change return_exceptions"),
                    .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                        "With return_exceptions, an exception becomes an item of the result list instead of "
                        "being raised."),
                    .objectName = "returnExceptions"},
                {.key = "as",
                    .kind = K::Binding,
                    .name = &Step::as,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Keep the results in"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "not kept"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change variable")}},
            .python = "[{as} = ]await asyncio.gather(<{items}[, return_exceptions={return_exceptions}]>)",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Gather"),
            .shortPython = "await asyncio.gather(…)",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo",
                "Runs several tasks or calls concurrently and waits for all of them; the result is the list of "
                "their results."),
            .family = StepFamily::Gather},

        {.op = StepOp::Cancel,
            .name = "cancel",
            .fields = {{.key = "task",
                           .kind = K::Task,
                           .presence = P::Required,
                           .name = &Step::task,
                           .initial = D::LastTask,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Task"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change task")},
                {.key = "message",
                    .kind = K::Value,
                    .value = &Step::message,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Message"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "no message"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change message")}},
            .python = "{task}.cancel([{message}])",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Cancel task"),
            .shortPython = "t.cancel()",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Asks a task to stop: CancelledError is raised inside it where it waits."),
            .family = StepFamily::Errors},

        {.op = StepOp::Raise,
            .name = "raise",
            .fields
            = {{.key = "type",
                   .kind = K::ExceptionType,
                   .name = &Step::exceptionType,
                   .initial = D::ExceptionOutsideHandler,
                   .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Exception"),
                   .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "re-raise the exception being handled"),
                   .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change exception"),
                   .objectName = "exceptionType"},
                {.key = "message",
                    .kind = K::Value,
                    .value = &Step::message,
                    .needs = "type",
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Message"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "no message"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change message")}},
            .python = "raise[ {type}[({message})]]",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Raise"),
            .shortPython = "raise ValueError(…)",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo",
                "Raises an exception; inside an except block, a bare raise re-raises the one being handled."),
            .family = StepFamily::Errors},

        {.op = StepOp::Return,
            .name = "return",
            .fields = {{.key = "value",
                .kind = K::Value,
                .value = &Step::value,
                .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Value"),
                .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "nothing (None)"),
                .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change value")}},
            .python = "return[ {value}]",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Return"),
            .shortPython = "return value",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Ends this coroutine, optionally with a result for whoever awaits it."),
            .family = StepFamily::Output},

        {.op = StepOp::Repeat,
            .name = "repeat",
            .fields = {{.key = "times",
                           .kind = K::Value,
                           .presence = P::Required,
                           .value = &Step::times,
                           .initial = D::Three,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Times"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change times")},
                {.key = "var",
                    .kind = K::Binding,
                    .name = &Step::var,
                    .initial = D::LoopVariable,
                    .noun = "loop variable",
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Loop variable"),
                    .placeholder = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "none"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change loop variable"),
                    .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Counts 0, 1, 2, … as range() does.")},
                {.key = "body", .kind = K::Body, .presence = P::Required}},
            .python = "for {var} in range({times}):",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Repeat"),
            .shortPython = "for i in range(n):",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo", "Runs the steps inside a number of times."),
            .family = StepFamily::Flow},

        {.op = StepOp::Try,
            .name = "try",
            .fields = {{.key = "body", .kind = K::Body, .presence = P::Required},
                {.key = "except", .kind = K::ExceptClauses, .initial = D::OneHandler},
                {.key = "finally",
                    .kind = K::Finally,
                    .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                        "Drop steps into the try body, an except clause or the finally block on the "
                        "canvas.")}},
            .python = "try:",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Try / except"),
            .shortPython = "try: … except: …",
            .explanation
            = QT_TRANSLATE_NOOP("tusk::StepInfo", "Runs the steps inside and handles the exceptions they raise."),
            .family = StepFamily::Flow},

        // Format version 2: plain Python.
        {.op = StepOp::Assign,
            .name = "assign",
            .fields = {{.key = "target",
                           .kind = K::Target,
                           .presence = P::Required,
                           .name = &Step::target,
                           .initial = D::NewVariable,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Variable"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change variable"),
                           .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                               "A name, several names separated by commas, or an item such as d['key'].")},
                {.key = "operator",
                    .kind = K::AssignOp,
                    .name = &Step::augOp,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Operator"),
                    .placeholder = "=",
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change operator"),
                    .objectName = "assignOp"},
                {.key = "value",
                    .kind = K::Value,
                    .presence = P::Required,
                    .value = &Step::value,
                    .initial = D::One,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Value"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change value")}},
            .python = "{target} {operator}= {value}",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Assign"),
            .shortPython = "x = value",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Computes a value and keeps it in a variable (or adds to it, with +=)."),
            .family = StepFamily::Output},

        {.op = StepOp::If,
            .name = "if",
            .fields = {{.key = "test",
                           .kind = K::Value,
                           .presence = P::Required,
                           .value = &Step::test,
                           .initial = D::TrueCondition,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Condition"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change condition")},
                {.key = "body", .kind = K::Body, .presence = P::Required},
                {.key = "else",
                    .kind = K::Else,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Else"),
                    .hint
                    = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "An if alone in the else block is written elif.")}},
            .python = "if {test}:",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "If"),
            .shortPython = "if condition:",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Runs the steps inside only when the condition is true; else the else block."),
            .family = StepFamily::Flow},

        {.op = StepOp::While,
            .name = "while",
            .fields = {{.key = "test",
                           .kind = K::Value,
                           .presence = P::Required,
                           .value = &Step::test,
                           .initial = D::WhileCondition,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Condition"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change condition")},
                {.key = "body", .kind = K::Body, .presence = P::Required},
                {.key = "else",
                    .kind = K::Else,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Else"),
                    .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                        "The else block runs when the condition becomes false, not after a break.")}},
            .python = "while {test}:",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "While"),
            .shortPython = "while condition:",
            .explanation
            = QT_TRANSLATE_NOOP("tusk::StepInfo", "Runs the steps inside again and again while the condition is true."),
            .family = StepFamily::Flow},

        {.op = StepOp::For,
            .name = "for",
            .fields = {{.key = "target",
                           .kind = K::Target,
                           .presence = P::Required,
                           .name = &Step::target,
                           .initial = D::LoopVariable,
                           .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "For each"),
                           .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change loop variable")},
                {.key = "iter",
                    .kind = K::Value,
                    .presence = P::Required,
                    .value = &Step::iter,
                    .initial = D::SomeIterable,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "In"),
                    .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change what the loop walks")},
                {.key = "body", .kind = K::Body, .presence = P::Required},
                {.key = "else",
                    .kind = K::Else,
                    .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Else"),
                    .hint = QT_TRANSLATE_NOOP(
                        "tusk::InspectorWidget", "The else block runs when the loop ends, not after a break.")}},
            .python = "for {target} in {iter}:",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "For each"),
            .shortPython = "for x in items:",
            .explanation = QT_TRANSLATE_NOOP(
                "tusk::StepInfo", "Runs the steps inside once for each item of a list, range or string."),
            .family = StepFamily::Flow},

        {.op = StepOp::Break,
            .name = "break",
            .fields = {},
            .python = "break",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Break"),
            .shortPython = "break",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo", "Leaves the loop it is in at once."),
            .family = StepFamily::Flow},

        {.op = StepOp::Continue,
            .name = "continue",
            .fields = {},
            .python = "continue",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Continue"),
            .shortPython = "continue",
            .explanation = QT_TRANSLATE_NOOP("tusk::StepInfo", "Skips the rest of this round of the loop."),
            .family = StepFamily::Flow},

        {.op = StepOp::Pass,
            .name = "pass",
            .fields = {},
            .python = "pass",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Pass"),
            .shortPython = "pass",
            .explanation
            = QT_TRANSLATE_NOOP("tusk::StepInfo", "Does nothing: a place holder where Python needs a step."),
            .family = StepFamily::Flow},

        {.op = StepOp::Expr,
            .name = "expr",
            .fields = {{.key = "value",
                .kind = K::Value,
                .presence = P::Required,
                .value = &Step::value,
                .initial = D::CallExpression,
                .label = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Expression"),
                .undoText = QT_TRANSLATE_NOOP("tusk::InspectorWidget", "Change expression"),
                .hint = QT_TRANSLATE_NOOP("tusk::InspectorWidget",
                    "Evaluated for what it does, such as items.append(x); its value is not kept.")}},
            .python = "{value}",
            .title = QT_TRANSLATE_NOOP("tusk::StepInfo", "Evaluate"),
            .shortPython = "items.append(x)",
            .explanation
            = QT_TRANSLATE_NOOP("tusk::StepInfo", "Evaluates an expression for its effect, such as adding to a list."),
            .family = StepFamily::Output},
    };
}

const std::vector<StepKind> &kinds()
{
    static const std::vector<StepKind> all = makeKinds();
    return all;
}

constexpr const char *kExceptionTypeNames[] = {"Exception", "ValueError", "RuntimeError", "TimeoutError",
    "CancelledError", "BaseException", "TypeError", "KeyError", "IndexError", "ZeroDivisionError", "AttributeError",
    "NameError", "LookupError", "ArithmeticError", "OverflowError", "AssertionError", "NotImplementedError",
    "UnboundLocalError", "RecursionError", "StopIteration", "MemoryError"};

constexpr const char *kAssignOperators[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};

}  // namespace

bool StepField::isPresent(const Step &step) const
{
    switch (kind) {
    case FieldKind::Task:
    case FieldKind::Binding:
    case FieldKind::ExceptionType:
        return !(step.*name).isEmpty();
    case FieldKind::Value:
        return (step.*value).has_value();
    case FieldKind::Call:
        return step.call.has_value();
    case FieldKind::Flag:
        return step.returnExceptions;
    case FieldKind::Finally:
        return step.hasFinally;
    case FieldKind::Else:
        return step.hasElse;
    case FieldKind::Target:
        return !(step.*name).isEmpty();
    case FieldKind::AssignOp:
        return !(step.*name).isEmpty();
    case FieldKind::Template:  // an empty text prints an empty line
    case FieldKind::GatherItems:
    case FieldKind::Body:
    case FieldKind::ExceptClauses:
        return true;
    }
    return false;
}

const StepField *StepKind::field(const char *key) const
{
    for (const StepField &f : fields) {
        if (qstrcmp(key, f.key) == 0)
            return &f;
    }
    return nullptr;
}

QString StepKind::phrase() const
{
    const QString n = QString::fromLatin1(name);
    const bool vowel = QStringLiteral("aeiou").contains(n.front());
    return QStringLiteral("%1 %2 step").arg(vowel ? QStringLiteral("an") : QStringLiteral("a"), n);
}

bool StepKind::hasField(FieldKind kind) const
{
    return firstField(kind) != nullptr;
}

const StepField *StepKind::firstField(FieldKind kind) const
{
    for (const StepField &f : fields) {
        if (f.kind == kind)
            return &f;
    }
    return nullptr;
}

std::span<const StepKind> stepKinds()
{
    return kinds();
}

const StepKind &stepKind(StepOp op)
{
    for (const StepKind &k : kinds()) {
        if (k.op == op)
            return k;
    }
    Q_UNREACHABLE();
}

const StepKind *findStepKind(QStringView name)
{
    for (const StepKind &k : kinds()) {
        if (name == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

std::span<const char *const> assignOperators()
{
    return kAssignOperators;
}

std::span<const char *const> exceptionTypeNames()
{
    return kExceptionTypeNames;
}

}  // namespace tusk
