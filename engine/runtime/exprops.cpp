// What expressions need of the event loop: calls (builtins, methods, a task's own methods as
// Task in Lib/asyncio/futures.py and tasks.py define them), f-string fields, and print().

#include "eventloop.h"
#include "eventloop_p.h"
#include "pyformat.h"
#include "pyobjects.h"
#include "pyops.h"

namespace tusk {

BuiltinCall EventLoop::builtinCall(const Task &task) const
{
    BuiltinCall c;
    c.taskRepr = [this](std::uint32_t t) { return taskRepr(t); };
    c.reprDepthLeft = reprDepthLeft(task.frames.size());
    return c;
}

void EventLoop::printText(TaskId task, const QString &text)
{
    QString all = m_partialLine + text;
    qsizetype start = 0;
    for (qsizetype i = all.indexOf(u'\n'); i >= 0; i = all.indexOf(u'\n', start)) {
        emitText(RunEvent::Kind::Printed, task, all.mid(start, i - start));
        start = i + 1;
    }
    m_partialLine = all.mid(start);
}

bool EventLoop::formatValue(const Task &task, Value &v, std::uint32_t conversion, const Value *spec, Value &error) const
{
    const BuiltinCall c = builtinCall(task);
    if (conversion != 0) {
        const ReprResult r = conversion == 'r' ? pyReprLimited(v, c.reprDepthLeft, c.taskRepr)
            : conversion == 's'                ? pyStrLimited(v, c.reprDepthLeft, c.taskRepr)
                                               : pyAsciiLimited(v, c.reprDepthLeft, c.taskRepr);
        if (!r.ok) {
            error = pyError(r.errorType, r.errorMessage);
            return false;
        }
        v = Value::string(r.text);
    }
    if (!spec && v.isString())
        return true;
    const FormatResult r = pyFormatLimited(v, spec ? spec->toString() : QString(), c.reprDepthLeft, c.taskRepr);
    if (!r.ok) {
        error = pyError(r.errorType, r.errorMessage);
        return false;
    }
    v = Value::string(r.text);
    return true;
}

bool EventLoop::taskMethod(TaskId t, const QString &name, const BuiltinCall &call, Value *out, Value &error)
{
    const std::uint32_t fut = m_tasks[t].future;
    const auto noArguments = [&] {
        if (call.args.empty() && call.keywordNames.empty())
            return true;
        error = pyTypeError(QStringLiteral("%1() takes no arguments (%2 given)").arg(name).arg(call.args.size()));
        return false;
    };
    if (name == u"done" || name == u"cancelled") {
        if (!noArguments())
            return false;
        const Future &f = m_futures[fut];
        *out
            = Value::boolean(name == u"done" ? f.state != Future::State::Pending : f.state == Future::State::Cancelled);
        return true;
    }
    if (name == u"result" || name == u"exception") {
        if (!noArguments())
            return false;
        Future &f = m_futures[fut];
        if (f.state == Future::State::Pending) {
            error = pyError(ExceptionType::InvalidStateError,
                name == u"result" ? QStringLiteral("Result is not set.") : QStringLiteral("Exception is not set."));
            return false;
        }
        if (f.state == Future::State::Cancelled) {
            error = makeCancelledError(fut);
            return false;
        }
        f.logTraceback = false;
        if (name == u"exception") {
            *out = f.hasException ? f.result : Value::none();
            return true;
        }
        if (f.hasException) {
            error = f.result;
            return false;
        }
        *out = f.result;
        return true;
    }
    if (name == u"get_name") {
        if (!noArguments())
            return false;
        *out = Value::string(taskName(t));
        return true;
    }
    if (name == u"cancel") {
        const Value *message = nullptr;
        if (call.args.size() + call.keywordNames.size() > 1) {
            error = pyTypeError(QStringLiteral("cancel() takes at most 1 argument (%1 given)")
                                    .arg(call.args.size() + call.keywordNames.size()));
            return false;
        }
        if (!call.args.empty())
            message = &call.args[0];
        for (std::size_t k = 0; k < call.keywordNames.size(); ++k) {
            if (call.keywordNames[k] != u"msg") {
                error = pyTypeError(
                    QStringLiteral("cancel() got an unexpected keyword argument '%1'").arg(call.keywordNames[k]));
                return false;
            }
            message = &call.keywordValues[k];
        }
        if (m_closingFrames > 0) {
            const Task &target = m_tasks[t];
            if (m_futures[target.future].state == Future::State::Pending && target.futWaiter != kNone) {
                error = pyError(ExceptionType::RuntimeError, QStringLiteral("Event loop is closed"));
                return false;
            }
            *out = Value::boolean(m_futures[target.future].state == Future::State::Pending);
            return true;
        }
        *out = Value::boolean(taskCancel(t, message));
        return true;
    }
    error = pyError(
        ExceptionType::AttributeError, QStringLiteral("'_asyncio.Task' object has no attribute '%1'").arg(name));
    return false;
}

bool EventLoop::callExpression(Task &task, TaskId id, const CompiledExprCall &call, Value *args, std::uint32_t argc,
    const Value *receiver, Value *out, Value &error)
{
    BuiltinCall c = builtinCall(task);
    std::vector<Value> expanded;
    std::uint32_t positional = call.positional;
    if (call.unpacked) {
        expanded = args[0].toList();
        c.args = std::span<const Value>(expanded.data(), expanded.size());
    } else {
        c.args = std::span<const Value>(args, positional);
    }
    c.keywordValues = std::span<const Value>(args + positional, argc - positional);
    c.keywordNames = std::span<const QString>(call.keywords.data(), call.keywords.size());
    c.print = [this, id](const QString &text, Value &err) {
        if (!checkEncodable(text, err))
            return false;
        printText(id, text);
        return true;
    };
    switch (call.kind) {
    case CompiledExprCall::Kind::Builtin:
        return callBuiltin(call.builtin, c, out, error);
    case CompiledExprCall::Kind::Method:
        if (receiver->isTask())
            return taskMethod(receiver->toTask(), call.method, c, out, error);
        return callMethod(*receiver, call.method, c, out, error);
    case CompiledExprCall::Kind::Random:
        return m_random.call(call.method, c, out, error);
    case CompiledExprCall::Kind::Value: {
        BuiltinName b;
        if (builtinOf(*receiver, &b))
            return callBuiltin(b, c, out, error);
        error = pyTypeError(QStringLiteral("'%1' object is not callable").arg(receiver->typeName()));
        return false;
    }
    }
    return false;
}

}  // namespace tusk
