#include "stepcode.h"

#include "pyformat.h"

namespace tusk {

namespace {

using Role = CodeSpan::Role;

void add(CodeLine &line, const QString &text, Role role = Role::Plain)
{
    if (!line.empty() && line.back().role == role)
        line.back().text += text;
    else
        line.push_back({text, role});
}

void addLiteral(CodeLine &line, const QString &text)
{
    add(line, text, Role::Plain);
}

void addOperand(CodeLine &line, const Operand &o)
{
    if (o.isVar) {
        add(line, o.var);
        return;
    }
    const Role role = o.literal.isString() ? Role::String
        : (o.literal.isInt() || o.literal.isFloat()) ? Role::Number
                                                       : Role::Keyword;
    add(line, pyRepr(o.literal), role);
}

void addCall(CodeLine &line, const Call &call)
{
    add(line, call.coroutine.isEmpty() ? QStringLiteral("?") : call.coroutine, Role::Call);
    addLiteral(line, QStringLiteral("("));
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        if (i > 0)
            addLiteral(line, QStringLiteral(", "));
        addOperand(line, call.args[i]);
    }
    addLiteral(line, QStringLiteral(")"));
}

void addAssign(CodeLine &line, const QString &as)
{
    if (!as.isEmpty())
        add(line, as + QStringLiteral(" = "));
}

QString exceptionCode(const QString &type)
{
    return type == QLatin1String("CancelledError") ? QStringLiteral("asyncio.CancelledError") : type;
}

void appendLines(std::vector<DisplayLine> &out, const std::vector<Step> &steps, const StepList &list, int depth)
{
    if (steps.empty()) {
        DisplayLine pass;
        pass.kind = DisplayLine::Kind::Pass;
        pass.depth = depth;
        pass.list = list;
        pass.code = {{QStringLiteral("pass"), Role::Muted}};
        out.push_back(std::move(pass));
        return;
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step &s = steps[i];
        DisplayLine line;
        line.stepId = s.id;
        line.depth = depth;
        line.list = list;
        line.index = int(i);
        line.op = s.op;
        if (s.call && (s.op == StepOp::CreateTask || s.op == StepOp::Await))
            line.targets << s.call->coroutine;
        for (const GatherItem &item : s.items) {
            if (item.isCall)
                line.targets << item.call.coroutine;
        }
        line.code = stepCode(s);
        out.push_back(line);
        if (s.op == StepOp::Repeat) {
            appendLines(out, s.body, {StepList::Kind::Body, s.id, 0}, depth + 1);
        } else if (s.op == StepOp::Try) {
            appendLines(out, s.body, {StepList::Kind::Body, s.id, 0}, depth + 1);
            for (std::size_t h = 0; h < s.handlers.size(); ++h) {
                DisplayLine header;
                header.kind = DisplayLine::Kind::Except;
                header.stepId = s.id;
                header.depth = depth;
                header.list = {StepList::Kind::Except, s.id, int(h)};
                header.handler = int(h);
                header.code = exceptCode(s.handlers[h]);
                out.push_back(header);
                appendLines(out, s.handlers[h].body, header.list, depth + 1);
            }
            if (s.hasFinally) {
                DisplayLine header;
                header.kind = DisplayLine::Kind::Finally;
                header.stepId = s.id;
                header.depth = depth;
                header.list = {StepList::Kind::Finally, s.id, 0};
                header.code = {{QStringLiteral("finally"), Role::Keyword}, {QStringLiteral(":"), Role::Plain}};
                out.push_back(header);
                appendLines(out, s.finallyBody, header.list, depth + 1);
            }
        }
    }
}

} // namespace

QString plainText(const CodeLine &line)
{
    QString text;
    for (const CodeSpan &span : line)
        text += span.text;
    return text;
}

QString operandCode(const Operand &operand)
{
    CodeLine line;
    addOperand(line, operand);
    return plainText(line);
}

QString callCode(const Call &call)
{
    CodeLine line;
    addCall(line, call);
    return plainText(line);
}

CodeLine exceptCode(const ExceptClause &clause)
{
    CodeLine line;
    add(line, QStringLiteral("except "), Role::Keyword);
    add(line, exceptionCode(clause.type.isEmpty() ? QStringLiteral("?") : clause.type), Role::Call);
    if (!clause.as.isEmpty()) {
        add(line, QStringLiteral(" as "), Role::Keyword);
        add(line, clause.as);
    }
    add(line, QStringLiteral(":"));
    return line;
}

CodeLine stepCode(const Step &s)
{
    CodeLine line;
    switch (s.op) {
    case StepOp::Print:
        add(line, QStringLiteral("print"), Role::Call);
        add(line, QStringLiteral("("));
        // Written as the f-string it is only when it has replacement fields.
        add(line, (s.text.contains(QLatin1Char('{')) ? QStringLiteral("f") : QString()) + pyStringRepr(s.text),
            Role::String);
        add(line, QStringLiteral(")"));
        break;
    case StepOp::Sleep:
        add(line, QStringLiteral("await "), Role::Keyword);
        add(line, QStringLiteral("asyncio.sleep("));
        if (s.seconds)
            addOperand(line, *s.seconds);
        add(line, QStringLiteral(")"));
        break;
    case StepOp::CreateTask:
        addAssign(line, s.as);
        add(line, QStringLiteral("asyncio.create_task("));
        addCall(line, s.call.value_or(Call{}));
        if (s.name) {
            add(line, QStringLiteral(", name="));
            addOperand(line, *s.name);
        }
        add(line, QStringLiteral(")"));
        break;
    case StepOp::Await:
        addAssign(line, s.as);
        add(line, QStringLiteral("await "), Role::Keyword);
        if (s.call)
            addCall(line, *s.call);
        else
            add(line, s.task.isEmpty() ? QStringLiteral("?") : s.task);
        break;
    case StepOp::Gather:
        addAssign(line, s.as);
        add(line, QStringLiteral("await "), Role::Keyword);
        add(line, QStringLiteral("asyncio.gather("));
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (i > 0)
                add(line, QStringLiteral(", "));
            if (s.items[i].isCall)
                addCall(line, s.items[i].call);
            else
                add(line, s.items[i].task);
        }
        if (s.returnExceptions) {
            add(line, s.items.empty() ? QStringLiteral("return_exceptions=") : QStringLiteral(", return_exceptions="));
            add(line, QStringLiteral("True"), Role::Keyword);
        }
        add(line, QStringLiteral(")"));
        break;
    case StepOp::Cancel:
        add(line, (s.task.isEmpty() ? QStringLiteral("?") : s.task) + QStringLiteral(".cancel("));
        if (s.message)
            addOperand(line, *s.message);
        add(line, QStringLiteral(")"));
        break;
    case StepOp::Raise:
        add(line, QStringLiteral("raise"), Role::Keyword);
        if (!s.exceptionType.isEmpty()) {
            add(line, QStringLiteral(" "));
            add(line, exceptionCode(s.exceptionType), Role::Call);
            add(line, QStringLiteral("("));
            if (s.message)
                addOperand(line, *s.message);
            add(line, QStringLiteral(")"));
        }
        break;
    case StepOp::Return:
        add(line, QStringLiteral("return"), Role::Keyword);
        if (s.value) {
            add(line, QStringLiteral(" "));
            addOperand(line, *s.value);
        }
        break;
    case StepOp::Repeat:
        add(line, QStringLiteral("for "), Role::Keyword);
        add(line, s.var.isEmpty() ? QStringLiteral("_") : s.var);
        add(line, QStringLiteral(" in "), Role::Keyword);
        add(line, QStringLiteral("range"), Role::Call);
        add(line, QStringLiteral("("));
        if (s.times)
            addOperand(line, *s.times);
        add(line, QStringLiteral("):"));
        break;
    case StepOp::Try:
        add(line, QStringLiteral("try"), Role::Keyword);
        add(line, QStringLiteral(":"));
        break;
    }
    return line;
}

std::vector<DisplayLine> displayLines(const Coroutine &coroutine)
{
    std::vector<DisplayLine> lines;
    appendLines(lines, coroutine.body, {StepList::Kind::Coroutine, coroutine.id, 0}, 0);
    return lines;
}

} // namespace tusk
