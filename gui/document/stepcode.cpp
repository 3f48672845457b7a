#include "stepcode.h"

#include "stepkinds.h"

namespace tusk {

namespace {

using Role = CodeSpan::Role;

void appendLines(std::vector<DisplayLine> &out, const std::vector<Step> &steps, const StepList &list, int depth);

// A `finally:` or `else:` header line, then the block it opens.
void appendBlock(std::vector<DisplayLine> &out, const Step &s, DisplayLine::Kind kind, StepList::Kind listKind,
    const QString &keyword, const std::vector<Step> &body, int depth)
{
    DisplayLine header;
    header.kind = kind;
    header.stepId = s.id;
    header.depth = depth;
    header.list = {listKind, s.id, 0};
    header.code = {{keyword, Role::Keyword}, {QStringLiteral(":"), Role::Plain}};
    out.push_back(header);
    appendLines(out, body, header.list, depth + 1);
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
        // The arrows: every call the step makes, in order.
        const StepKind &kind = stepKind(s.op);
        if (s.call && kind.hasField(FieldKind::Call))
            line.targets << s.call->coroutine;
        for (const GatherItem &item : s.items) {
            if (item.isCall)
                line.targets << item.call.coroutine;
        }
        line.code = stepCode(s);
        out.push_back(line);
        for (const StepField &f : kind.fields) {
            switch (f.kind) {
            case FieldKind::Body:
                appendLines(out, s.body, {StepList::Kind::Body, s.id, 0}, depth + 1);
                break;
            case FieldKind::ExceptClauses:
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
                break;
            case FieldKind::Finally:
                if (s.hasFinally)
                    appendBlock(out, s, DisplayLine::Kind::Finally, StepList::Kind::Finally, QStringLiteral("finally"),
                        s.finallyBody, depth);
                break;
            case FieldKind::Else:
                if (s.hasElse)
                    appendBlock(out, s, DisplayLine::Kind::Else, StepList::Kind::Else, QStringLiteral("else"),
                        s.elseBody, depth);
                break;
            default:
                break;
            }
        }
    }
}

}  // namespace

CodeLine stepCode(const Step &s)
{
    PythonSpelling editor;
    return pythonLine(s, editor);
}

CodeLine exceptCode(const ExceptClause &clause)
{
    PythonSpelling editor;
    return exceptLine(clause, editor);
}

QString operandCode(const Operand &operand)
{
    PythonSpelling editor;
    return tusk::operandCode(operand, editor);
}

QString callCode(const Call &call)
{
    PythonSpelling editor;
    return tusk::callCode(call, editor);
}

std::vector<DisplayLine> displayLines(const Coroutine &coroutine)
{
    std::vector<DisplayLine> lines;
    appendLines(lines, coroutine.body, {StepList::Kind::Coroutine, coroutine.id, 0}, 0);
    return lines;
}

}  // namespace tusk
