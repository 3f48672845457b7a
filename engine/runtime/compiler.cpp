#include "compiler.h"

#include "sleepdelay.h"
#include "validator.h"

#include <QHash>

namespace tusk {

namespace {

class CoroutineCompiler {
public:
    CoroutineCompiler(const Project &project, Program &program, CompiledCoroutine &out)
        : m_project(project)
        , m_program(program)
        , m_out(out)
    {
    }

    void compile(const Coroutine &coroutine)
    {
        for (const QString &p : coroutine.params)
            slotFor(p);
        m_out.paramCount = std::uint32_t(coroutine.params.size());
        collectNames(coroutine.body);
        m_out.slotNames = m_names;
        m_hiddenBase = std::uint32_t(m_names.size());
        compileBody(coroutine.body, 0);
        append(Instr::Op::End);
        m_out.slotCount = m_hiddenBase + m_hiddenCount;
    }

private:
    // Python locals are per function: every name bound anywhere in the body gets a slot up front.
    void collectNames(const std::vector<Step> &body)
    {
        for (const Step &s : body) {
            if (!s.as.isEmpty())
                slotFor(s.as);
            if (!s.var.isEmpty())
                slotFor(s.var);
            collectNames(s.body);
            for (const ExceptClause &h : s.handlers) {
                if (!h.as.isEmpty())
                    slotFor(h.as);
                collectNames(h.body);
            }
            collectNames(s.finallyBody);
        }
    }

    std::uint32_t slotFor(const QString &name)
    {
        auto it = m_slots.constFind(name);
        if (it != m_slots.constEnd())
            return *it;
        const auto slot = std::uint32_t(m_names.size());
        m_slots.insert(name, slot);
        m_names.push_back(name);
        return slot;
    }

    std::uint32_t optionalSlot(const QString &name) { return name.isEmpty() ? kNoSlot : slotFor(name); }

    std::uint32_t constant(const Value &v)
    {
        m_program.constants.push_back(v);
        return std::uint32_t(m_program.constants.size() - 1);
    }

    CompiledOperand operand(const std::optional<Operand> &o)
    {
        CompiledOperand c;
        if (!o)
            return c;
        c.present = true;
        c.isVar = o->isVar;
        c.index = o->isVar ? slotFor(o->var) : constant(o->literal);
        return c;
    }

    std::uint32_t call(const Call &call)
    {
        CompiledCall c;
        c.coroutine = std::uint32_t(m_project.coroutineIndex(call.coroutine));
        for (const Operand &a : call.args)
            c.args.push_back(operand(a));
        m_program.calls.push_back(std::move(c));
        return std::uint32_t(m_program.calls.size() - 1);
    }

    std::uint32_t templ(const QString &text)
    {
        Template t;
        QString error;
        int errorIndex = 0;
        parseTemplate(text, &t, &error, &errorIndex);  // validated before compiling
        std::vector<CompiledTemplatePart> parts;
        for (const TemplatePart &p : t.parts) {
            CompiledTemplatePart c;
            c.kind = p.kind;
            c.text = p.text;
            c.conversion = p.conversion;
            c.spec = p.spec;
            if (p.kind == TemplatePart::Kind::Variable || p.kind == TemplatePart::Kind::Done
                || p.kind == TemplatePart::Kind::Cancelled)
                c.slot = slotFor(p.text);
            parts.push_back(std::move(c));
        }
        m_program.templates.push_back(std::move(parts));
        return std::uint32_t(m_program.templates.size() - 1);
    }

    std::uint32_t pc() const { return std::uint32_t(m_out.code.size()); }

    std::uint32_t append(Instr i)
    {
        m_out.code.push_back(i);
        return pc() - 1;
    }

    /// An instruction with no operands.
    std::uint32_t append(Instr::Op op)
    {
        Instr i;
        i.op = op;
        return append(i);
    }

    void patch(std::uint32_t at, std::uint32_t target) { m_out.code[at].target = target; }

    void compileBody(const std::vector<Step> &body, std::uint32_t depth)
    {
        for (const Step &s : body)
            compileStep(s, depth);
    }

    void compileStep(const Step &s, std::uint32_t depth)
    {
        Instr i;
        i.stepId = s.id;
        switch (s.op) {
        case StepOp::Print:
            i.op = Instr::Op::Print;
            i.a = templ(s.text);
            append(i);
            break;
        case StepOp::Sleep: {
            i.op = Instr::Op::Sleep;
            const SleepDelay d = s.seconds && !s.seconds->isVar ? sleepDelayFor(s.seconds->literal) : SleepDelay();
            if (d.valid) {
                i.a = Instr::kImmediate;
                i.imm = d.positive ? d.ns : 0;
                i.b = d.positive && d.ns == 0;  // sleep(1e-10): positive, a timer due at once
            } else {
                i.x = operand(s.seconds);
            }
            append(i);
            break;
        }
        case StepOp::CreateTask:
            i.op = Instr::Op::CreateTask;
            i.a = call(*s.call);
            i.b = optionalSlot(s.as);
            i.x = operand(s.name);
            if (!s.as.isEmpty())
                m_program.taskVariables.insert(s.id, s.as);
            append(i);
            break;
        case StepOp::Await:
            if (s.call) {
                i.op = Instr::Op::AwaitCall;
                i.a = call(*s.call);
            } else {
                i.op = Instr::Op::AwaitTask;
                i.a = slotFor(s.task);
            }
            i.b = optionalSlot(s.as);
            append(i);
            break;
        case StepOp::Gather: {
            CompiledGather g;
            g.returnExceptions = s.returnExceptions;
            for (const GatherItem &item : s.items) {
                CompiledGatherItem c;
                c.isCall = item.isCall;
                if (item.isCall)
                    c.call = call(item.call);
                else
                    c.slot = slotFor(item.task);
                g.items.push_back(c);
            }
            m_program.gathers.push_back(std::move(g));
            i.op = Instr::Op::Gather;
            i.a = std::uint32_t(m_program.gathers.size() - 1);
            i.b = optionalSlot(s.as);
            append(i);
            break;
        }
        case StepOp::Cancel:
            i.op = Instr::Op::Cancel;
            i.a = slotFor(s.task);
            i.x = operand(s.message);
            append(i);
            break;
        case StepOp::Raise:
            if (s.exceptionType.isEmpty()) {
                i.op = Instr::Op::Reraise;
            } else {
                ExceptionType type = ExceptionType::Exception;
                exceptionTypeFromName(s.exceptionType, &type);
                i.op = Instr::Op::Raise;
                i.a = std::uint32_t(type);
                i.x = operand(s.message);
            }
            append(i);
            break;
        case StepOp::Return:
            i.op = Instr::Op::Return;
            i.x = operand(s.value);
            append(i);
            break;
        case StepOp::Repeat: {
            const std::uint32_t counter = m_hiddenBase + m_hiddenCount;
            m_hiddenCount += 2;  // counter, limit
            // The test sits at the bottom (loop inversion): one dispatch per iteration fewer.
            i.op = Instr::Op::RepeatInit;
            i.a = counter;
            i.x = operand(s.times);
            const std::uint32_t init = append(i);
            const std::uint32_t body = pc();
            compileBody(s.body, depth);
            Instr next;
            next.op = Instr::Op::RepeatNext;
            next.stepId = s.id;
            next.a = counter;
            next.b = optionalSlot(s.var);
            next.target = body;
            patch(init, append(next));
            break;
        }
        case StepOp::Try:
            compileTry(s, depth);
            break;
        }
    }

    void compileTry(const Step &s, std::uint32_t depth)
    {
        // Block depth: SetupFinally and SetupExcept each push one; handler and finally bodies
        // push one more (the ExceptBody / FinallyBody record).
        std::uint32_t setupFinally = kNoSlot;
        std::uint32_t inner = depth;
        if (s.hasFinally) {
            Instr f;
            f.op = Instr::Op::SetupFinally;
            f.stepId = s.id;
            setupFinally = append(f);
            ++inner;
        }
        std::vector<std::uint32_t> toAfterHandlers;
        if (!s.handlers.empty()) {
            Instr e;
            e.op = Instr::Op::SetupExcept;
            e.stepId = s.hasFinally ? kNoId : s.id;
            const std::uint32_t setupExcept = append(e);
            noteDepth(inner + 1);
            compileBody(s.body, inner + 1);
            append(Instr::Op::PopBlock);
            toAfterHandlers.push_back(append(Instr::Op::Jump));
            patch(setupExcept, pc());
            for (const ExceptClause &h : s.handlers) {
                Instr m;
                m.op = Instr::Op::MatchExcept;
                ExceptionType type = ExceptionType::Exception;
                exceptionTypeFromName(h.type, &type);
                m.a = std::uint32_t(type);
                m.b = optionalSlot(h.as);
                const std::uint32_t match = append(m);
                noteDepth(inner + 1);
                compileBody(h.body, inner + 1);
                append(Instr::Op::EndExcept);
                toAfterHandlers.push_back(append(Instr::Op::Jump));
                patch(match, pc());
            }
            append(Instr::Op::Unhandled);
        } else {
            noteDepth(inner);
            compileBody(s.body, inner);
        }
        for (std::uint32_t j : toAfterHandlers)
            patch(j, pc());
        if (s.hasFinally) {
            append(Instr::Op::PopBlock);
            append(Instr::Op::EnterFinally);
            patch(setupFinally, pc());
            noteDepth(depth + 1);
            compileBody(s.finallyBody, depth + 1);
            append(Instr::Op::EndFinally);
        }
    }

    void noteDepth(std::uint32_t d) { m_out.maxBlockDepth = std::max(m_out.maxBlockDepth, d); }

    const Project &m_project;
    Program &m_program;
    CompiledCoroutine &m_out;
    QHash<QString, std::uint32_t> m_slots;
    std::vector<QString> m_names;
    std::uint32_t m_hiddenBase = 0;
    std::uint32_t m_hiddenCount = 0;
};

}  // namespace

bool compileProject(const Project &project, Program *program, Problems *problems)
{
    Problems found = validateProject(project);
    if (!found.empty()) {
        if (problems)
            *problems = std::move(found);
        return false;
    }
    Program p;
    p.title = project.title;
    p.entry = std::uint32_t(project.coroutineIndex(project.entry));
    p.coroutines.resize(project.coroutines.size());
    for (std::size_t i = 0; i < project.coroutines.size(); ++i) {
        const Coroutine &c = project.coroutines[i];
        p.coroutines[i].name = c.name;
        p.coroutines[i].id = c.id;
        CoroutineCompiler(project, p, p.coroutines[i]).compile(c);
    }
    *program = std::move(p);
    return true;
}

}  // namespace tusk
