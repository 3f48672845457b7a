#include "compiler.h"

#include "compiler_p.h"
#include "sleepdelay.h"
#include "stepkinds.h"
#include "validator.h"

#include <QHash>
#include <algorithm>

namespace tusk {

CoroutineCompiler::CoroutineCompiler(const Project &project, Program &program, CompiledCoroutine &out)
    : m_project(project)
    , m_program(program)
    , m_out(out)
{
}

void CoroutineCompiler::compile(const Coroutine &coroutine)
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

// Python locals are per function: every name bound anywhere in the body gets a slot up front.
void CoroutineCompiler::collectNames(const std::vector<Step> &body)
{
    for (const Step &s : body) {
        if (!s.as.isEmpty())
            slotFor(s.as);
        if (!s.var.isEmpty())
            slotFor(s.var);
        if (!s.target.isEmpty()) {
            Expression e;
            if (parseExpression(s.target, ExprMode::Target, &e, nullptr)) {
                for (const QString &name : targetNames(e))
                    slotFor(name);
            }
        }
        for (const ExceptClause &h : s.handlers) {
            if (!h.as.isEmpty())
                slotFor(h.as);
        }
        forEachNestedList(s, [this](const std::vector<Step> &list) { collectNames(list); });
    }
}

std::uint32_t CoroutineCompiler::slotFor(const QString &name)
{
    auto it = m_slots.constFind(name);
    if (it != m_slots.constEnd())
        return *it;
    const auto slot = std::uint32_t(m_names.size());
    m_slots.insert(name, slot);
    m_names.push_back(name);
    return slot;
}

std::uint32_t CoroutineCompiler::hiddenSlot()
{
    return m_hiddenBase + m_hiddenCount++;
}

std::uint32_t CoroutineCompiler::constant(const Value &v)
{
    m_program.constants.push_back(v);
    return std::uint32_t(m_program.constants.size() - 1);
}

CompiledOperand CoroutineCompiler::operand(const std::optional<Operand> &o)
{
    CompiledOperand c;
    if (!o)
        return c;
    c.present = true;
    if (o->isExpr()) {
        // Evaluated into a slot of its own just before the step's instruction reads it.
        const std::uint32_t slot = hiddenSlot();
        expression(o->expr);
        emitOp(Instr::Op::StoreLocal, slot, 0, -1);
        c.isVar = true;
        c.index = slot;
        return c;
    }
    c.isVar = o->isVar;
    c.index = o->isVar ? slotFor(o->var) : constant(o->literal);
    return c;
}

std::uint32_t CoroutineCompiler::call(const Call &call)
{
    CompiledCall c;
    c.coroutine = std::uint32_t(m_project.coroutineIndex(call.coroutine));
    for (const Operand &a : call.args)
        c.args.push_back(operand(a));
    m_program.calls.push_back(std::move(c));
    return std::uint32_t(m_program.calls.size() - 1);
}

std::uint32_t CoroutineCompiler::templ(const QString &text)
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

std::uint32_t CoroutineCompiler::append(Instr i)
{
    m_out.code.push_back(i);
    return pc() - 1;
}

std::uint32_t CoroutineCompiler::append(Instr::Op op)
{
    Instr i;
    i.op = op;
    return append(i);
}

void CoroutineCompiler::compileBody(const std::vector<Step> &body, std::uint32_t depth)
{
    for (const Step &s : body)
        compileStep(s, depth);
}

bool CoroutineCompiler::stepHasExpressions(const Step &s) const
{
    if (s.op >= StepOp::Assign)
        return true;
    const auto argsHave = [](const Call &c) {
        return std::any_of(c.args.begin(), c.args.end(), [](const Operand &a) { return a.isExpr(); });
    };
    for (const StepField &f : stepKind(s.op).fields) {
        if (f.kind == FieldKind::Value && (s.*f.value) && (s.*f.value)->isExpr())
            return true;
        if (f.kind == FieldKind::Template) {
            Template t;
            if (parseTemplate(s.*f.name, &t, nullptr, nullptr)
                && std::any_of(t.parts.begin(), t.parts.end(),
                    [](const TemplatePart &p) { return p.kind == TemplatePart::Kind::Expression; }))
                return true;
        }
    }
    if (s.call && argsHave(*s.call))
        return true;
    return std::any_of(s.items.begin(), s.items.end(),
        [&](const GatherItem &g) { return g.isExpr() || (g.isCall && argsHave(g.call)); });
}

bool CoroutineCompiler::markStep(const Step &s)
{
    if (!stepHasExpressions(s))
        return false;
    Instr mark;
    mark.op = Instr::Op::StepMark;
    mark.stepId = s.id;
    append(mark);
    return true;
}

void CoroutineCompiler::compileStep(const Step &s, std::uint32_t depth)
{
    Instr i;
    i.stepId = s.id;
    i.announce = !markStep(s);
    switch (s.op) {
    case StepOp::Print:
        if (!i.announce) {
            compilePrintExpressions(s);
            break;
        }
        i.op = Instr::Op::Print;
        i.a = templ(s.text);
        append(i);
        break;
    case StepOp::Sleep: {
        i.op = Instr::Op::Sleep;
        const SleepDelay d
            = s.seconds && !s.seconds->isVar && !s.seconds->isExpr() ? sleepDelayFor(s.seconds->literal) : SleepDelay();
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
            c.starred = item.starred;
            if (item.isCall) {
                c.call = call(item.call);
            } else if (item.isExpr()) {
                c.slot = hiddenSlot();
                expression(item.expr);
                emitOp(Instr::Op::StoreLocal, c.slot, 0, -1);
            } else {
                c.slot = slotFor(item.task);
            }
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
        m_unwind.push_back({Unwind::Kind::Loop});
        compileBody(s.body, depth);
        Unwind loop = std::move(m_unwind.back());
        m_unwind.pop_back();
        Instr next;
        next.op = Instr::Op::RepeatNext;
        next.stepId = s.id;
        next.a = counter;
        next.b = optionalSlot(s.var);
        next.target = body;
        const std::uint32_t nextPc = append(next);
        patch(init, nextPc);
        for (std::uint32_t c : loop.continues)
            patch(c, nextPc);
        for (std::uint32_t b : loop.breaks)
            patch(b, pc());
        break;
    }
    case StepOp::Try:
        compileTry(s, depth);
        break;
    case StepOp::Assign:
        compileAssign(s);
        break;
    case StepOp::If:
        compileIf(s, depth);
        break;
    case StepOp::While:
        compileWhile(s, depth);
        break;
    case StepOp::For:
        compileFor(s, depth);
        break;
    case StepOp::Break:
    case StepOp::Continue:
        compileBreak(s.op == StepOp::Continue, s.id);
        break;
    case StepOp::Pass:
        break;
    case StepOp::Expr:
        expression(s.value->source());
        emitOp(Instr::Op::Pop, 0, 0, -1);
        break;
    }
}

void CoroutineCompiler::compilePrintExpressions(const Step &s)
{
    Template t;
    parseTemplate(s.text, &t, nullptr, nullptr);
    std::uint32_t pieces = 0;
    for (const TemplatePart &p : t.parts) {
        if (p.kind == TemplatePart::Kind::Literal) {
            emitOp(Instr::Op::LoadConst, constant(Value::string(p.text)), 0, +1);
        } else {
            templateField(p);
            emitOp(Instr::Op::FormatValue, p.conversion.isNull() ? 0 : p.conversion.unicode(),
                p.spec.isEmpty() ? kNoSlot : constant(Value::string(p.spec)));
        }
        ++pieces;
    }
    emitOp(Instr::Op::BuildString, pieces, 0, 1 - int(pieces));
    Instr print;
    print.op = Instr::Op::PrintTop;
    print.stepId = s.id;
    print.announce = false;
    append(print);
    adjust(-1);
}

void CoroutineCompiler::compileAssign(const Step &s)
{
    const QString value = s.value->source();
    if (s.augOp.isEmpty()) {
        expression(value);
        storeTarget(s.target);
        return;
    }
    static const std::pair<const char *, ExprNode::BinaryOp> ops[]
        = {{"+", ExprNode::BinaryOp::Add}, {"-", ExprNode::BinaryOp::Sub}, {"*", ExprNode::BinaryOp::Mult},
            {"/", ExprNode::BinaryOp::Div}, {"//", ExprNode::BinaryOp::FloorDiv}, {"%", ExprNode::BinaryOp::Mod},
            {"**", ExprNode::BinaryOp::Pow}, {"<<", ExprNode::BinaryOp::LShift}, {">>", ExprNode::BinaryOp::RShift},
            {"&", ExprNode::BinaryOp::BitAnd}, {"|", ExprNode::BinaryOp::BitOr}, {"^", ExprNode::BinaryOp::BitXor}};
    ExprNode::BinaryOp op = ExprNode::BinaryOp::Add;
    for (const auto &[text, o] : ops) {
        if (s.augOp == QLatin1String(text))
            op = o;
    }
    Expression target;
    parseExpression(s.target, ExprMode::Target, &target, nullptr);
    const ExprNode &t = target.rootNode();
    if (t.kind == ExprNode::Kind::Subscript) {
        // d[k] += v: d and k once, then d[k] read, added to, and stored.
        expression(target, t.kids[0]);
        expression(target, t.kids[1]);
        emitOp(Instr::Op::Dup2, 0, 0, +2);
        emitOp(Instr::Op::Subscript, 0, 0, -1);
        expression(value);
        emitOp(Instr::Op::Binary, std::uint32_t(op), 1, -1);
        emitOp(Instr::Op::Rot3);
        emitOp(Instr::Op::StoreSubscript, 0, 0, -3);
        return;
    }
    loadName(t.text);
    expression(value);
    emitOp(Instr::Op::Binary, std::uint32_t(op), 1, -1);
    storeName(t.text);
}

void CoroutineCompiler::compileIf(const Step &s, std::uint32_t depth)
{
    expression(s.test->source());
    const std::uint32_t toElse = emitOp(Instr::Op::JumpIfFalse, 0, 0, -1);
    compileBody(s.body, depth);
    if (s.hasElse && !s.elseBody.empty()) {
        const std::uint32_t toEnd = emitOp(Instr::Op::Jump);
        patch(toElse, pc());
        compileBody(s.elseBody, depth);
        patch(toEnd, pc());
    } else {
        patch(toElse, pc());
    }
}

void CoroutineCompiler::compileWhile(const Step &s, std::uint32_t depth)
{
    // The first StepMark (from compileStep) announced the step; each later round is announced
    // by the jump back to a mark of its own, as repeat announces every round.
    const std::uint32_t top = pc();
    expression(s.test->source());
    const std::uint32_t toElse = emitOp(Instr::Op::JumpIfFalse, 0, 0, -1);
    m_unwind.push_back({Unwind::Kind::Loop});
    m_unwind.back().continueTarget = pc();
    compileBody(s.body, depth + 1);
    Unwind loop = std::move(m_unwind.back());
    m_unwind.pop_back();
    const std::uint32_t again = pc();
    Instr mark;
    mark.op = Instr::Op::StepMark;
    mark.stepId = s.id;
    append(mark);
    Instr back;
    back.op = Instr::Op::Jump;
    back.target = top;
    append(back);
    patch(toElse, pc());
    for (std::uint32_t c : loop.continues)
        patch(c, again);
    if (s.hasElse)
        compileBody(s.elseBody, depth);
    for (std::uint32_t b : loop.breaks)
        patch(b, pc());
}

void CoroutineCompiler::compileFor(const Step &s, std::uint32_t depth)
{
    expression(s.iter->source());
    emitOp(Instr::Op::GetIter);
    Instr next;
    next.op = Instr::Op::ForIter;
    next.stepId = s.id;
    const std::uint32_t top = append(next);
    adjust(+1);
    storeTarget(s.target);
    m_unwind.push_back({Unwind::Kind::Loop});
    m_unwind.back().popsIterator = true;
    compileBody(s.body, depth + 1);
    Unwind loop = std::move(m_unwind.back());
    m_unwind.pop_back();
    Instr back;
    back.op = Instr::Op::Jump;
    back.target = top;
    append(back);
    patch(top, pc());
    adjust(-1);  // ForIter pops the iterator at the end
    for (std::uint32_t c : loop.continues)
        patch(c, top);
    if (s.hasElse)
        compileBody(s.elseBody, depth);
    for (std::uint32_t b : loop.breaks)
        patch(b, pc());
}

void CoroutineCompiler::compileBreak(bool isContinue, ItemId stepId)
{
    // Leave every try block between here and the loop, running finally bodies on the way
    // (CPython's compiler_unwind_fblock_stack), then jump.
    const int savedDepth = m_stackDepth;
    std::size_t k = m_unwind.size();
    while (k > 0 && m_unwind[k - 1].kind != Unwind::Kind::Loop)
        --k;
    if (k == 0)
        return;  // the validator refuses a break outside a loop
    for (std::size_t j = m_unwind.size(); j > k; --j) {
        const Unwind u = m_unwind[j - 1];
        switch (u.kind) {
        case Unwind::Kind::TryExcept:
        case Unwind::Kind::FinallyBody:
            append(Instr::Op::PopBlock);
            break;
        case Unwind::Kind::ExceptBody:
            append(Instr::Op::EndExcept);
            break;
        case Unwind::Kind::TryFinally: {
            append(Instr::Op::PopBlock);
            // The finally body runs here, as code of its own, outside its try.
            std::vector<Unwind> inner(m_unwind.begin() + std::ptrdiff_t(j), m_unwind.end());
            m_unwind.resize(j - 1);
            Instr enter;
            enter.op = Instr::Op::EnterFinally;
            append(enter);
            m_unwind.push_back({Unwind::Kind::FinallyBody});
            compileBody(u.step->finallyBody, u.depth);
            m_unwind.pop_back();
            append(Instr::Op::PopBlock);
            m_unwind.push_back(u);
            m_unwind.insert(m_unwind.end(), inner.begin(), inner.end());
            break;
        }
        case Unwind::Kind::Loop:
            break;
        }
    }
    Unwind &loop = m_unwind[k - 1];
    if (!isContinue && loop.popsIterator)
        append(Instr::Op::Pop);
    Instr jump;
    jump.op = Instr::Op::Jump;
    jump.stepId = stepId;
    jump.announce = false;
    const std::uint32_t at = append(jump);
    (isContinue ? loop.continues : loop.breaks).push_back(at);
    m_stackDepth = savedDepth;
}

void CoroutineCompiler::compileTry(const Step &s, std::uint32_t depth)
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
        m_unwind.push_back({Unwind::Kind::TryFinally, &s, depth + 1});
    }
    std::vector<std::uint32_t> toAfterHandlers;
    if (!s.handlers.empty()) {
        Instr e;
        e.op = Instr::Op::SetupExcept;
        e.stepId = s.hasFinally ? kNoId : s.id;
        const std::uint32_t setupExcept = append(e);
        noteDepth(inner + 1);
        m_unwind.push_back({Unwind::Kind::TryExcept});
        compileBody(s.body, inner + 1);
        m_unwind.pop_back();
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
            m_unwind.push_back({Unwind::Kind::ExceptBody});
            compileBody(h.body, inner + 1);
            m_unwind.pop_back();
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
        m_unwind.pop_back();
        append(Instr::Op::PopBlock);
        append(Instr::Op::EnterFinally);
        patch(setupFinally, pc());
        noteDepth(depth + 1);
        m_unwind.push_back({Unwind::Kind::FinallyBody});
        compileBody(s.finallyBody, depth + 1);
        m_unwind.pop_back();
        append(Instr::Op::EndFinally);
    }
}

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
    p.randomSeed = project.randomSeed;
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
