// Expressions to stack code, in the order CPython 3.11 evaluates them (Python/compile.c,
// compiler_visit_expr): left before right, a call's function before its arguments, the value of
// an assignment before its target's subscript, comprehensions as loops of their own.

#include "compiler_p.h"
#include "template.h"

#include <algorithm>
#include <functional>

namespace tusk {

std::uint32_t CoroutineCompiler::emitOp(Instr::Op op, std::uint32_t a, std::uint32_t b, int effect)
{
    Instr i;
    i.op = op;
    i.a = a;
    i.b = b;
    const std::uint32_t at = append(i);
    adjust(effect);
    return at;
}

void CoroutineCompiler::adjust(int effect)
{
    m_stackDepth += effect;
    m_out.stackSize = std::max(m_out.stackSize, std::uint32_t(std::max(0, m_stackDepth)));
}

void CoroutineCompiler::expression(const QString &text)
{
    Expression e;
    parseExpression(text, ExprMode::Value, &e, nullptr);  // validated before compiling
    expression(e, e.root);
}

void CoroutineCompiler::loadName(const QString &name)
{
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        if (it->first == name) {
            emitOp(Instr::Op::LoadLocal, it->second, 0, +1);
            return;
        }
    }
    if (m_slots.contains(name)) {
        // Inside a comprehension (a function of its own in Python 3.11) the coroutine's local is
        // a free variable: unbound, it raises NameError, not UnboundLocalError.
        emitOp(Instr::Op::LoadLocal, m_slots.value(name), m_comprehensionDepth > 0 ? 1 : 0, +1);
        return;
    }
    if (name == u"now") {
        emitOp(Instr::Op::LoadNow, 0, 0, +1);
        return;
    }
    BuiltinName b;
    if (findBuiltin(name, &b)) {
        emitOp(Instr::Op::LoadBuiltin, std::uint32_t(b.builtin), std::uint32_t(b.exception), +1);
        return;
    }
    emitOp(Instr::Op::RaiseNameError, constant(Value::string(name)), 0, +1);
}

void CoroutineCompiler::storeName(const QString &name)
{
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        if (it->first == name) {
            emitOp(Instr::Op::StoreLocal, it->second, 0, -1);
            return;
        }
    }
    emitOp(Instr::Op::StoreLocal, slotFor(name), 0, -1);
}

void CoroutineCompiler::storeTarget(const QString &text)
{
    Expression e;
    parseExpression(text, ExprMode::Target, &e, nullptr);
    storeTarget(e, e.root);
}

void CoroutineCompiler::storeTarget(const Expression &e, std::int32_t index)
{
    const ExprNode &n = e.node(index);
    switch (n.kind) {
    case ExprNode::Kind::Name:
        storeName(n.text);
        break;
    case ExprNode::Kind::Subscript:
        // value container key -> STORE_SUBSCR
        expression(e, n.kids[0]);
        expression(e, n.kids[1]);
        emitOp(Instr::Op::StoreSubscript, 0, 0, -3);
        break;
    case ExprNode::Kind::Tuple:
    case ExprNode::Kind::List: {
        std::uint32_t before = 0, after = 0;
        bool starred = false;
        for (std::int32_t k : n.kids) {
            if (e.node(k).kind == ExprNode::Kind::Starred)
                starred = true;
            else
                ++(starred ? after : before);
        }
        Instr unpack;
        unpack.op = Instr::Op::UnpackSequence;
        unpack.a = before;
        unpack.b = after;
        unpack.imm = starred ? 1 : 0;
        append(unpack);
        adjust(int(before + after + (starred ? 1 : 0)) - 1);
        for (std::int32_t k : n.kids) {
            const ExprNode &item = e.node(k);
            storeTarget(e, item.kind == ExprNode::Kind::Starred ? item.kids[0] : k);
        }
        break;
    }
    default:
        emitOp(Instr::Op::Pop, 0, 0, -1);  // refused by the validator
        break;
    }
}

void CoroutineCompiler::templateField(const TemplatePart &part)
{
    switch (part.kind) {
    case TemplatePart::Kind::Variable:
        loadName(part.text);
        break;
    case TemplatePart::Kind::Now:
        emitOp(Instr::Op::LoadNow, 0, 0, +1);
        break;
    case TemplatePart::Kind::Done:
    case TemplatePart::Kind::Cancelled: {
        loadName(part.text);
        CompiledExprCall c;
        c.kind = CompiledExprCall::Kind::Method;
        c.method = part.kind == TemplatePart::Kind::Done ? QStringLiteral("done") : QStringLiteral("cancelled");
        m_program.exprCalls.push_back(std::move(c));
        emitOp(Instr::Op::Call, std::uint32_t(m_program.exprCalls.size() - 1));
        break;
    }
    case TemplatePart::Kind::Expression:
        expression(part.expr);
        break;
    case TemplatePart::Kind::Literal:
        emitOp(Instr::Op::LoadConst, constant(Value::string(part.text)), 0, +1);
        break;
    }
}

void CoroutineCompiler::expression(const Expression &e, std::int32_t index)
{
    using K = ExprNode::Kind;
    const ExprNode &n = e.node(index);
    switch (n.kind) {
    case K::Constant:
        emitOp(Instr::Op::LoadConst, constant(n.value), 0, +1);
        break;
    case K::Name:
        loadName(n.text);
        break;
    case K::BinOp:
        expression(e, n.kids[0]);
        expression(e, n.kids[1]);
        emitOp(Instr::Op::Binary, n.op, 0, -1);
        break;
    case K::UnaryOp:
        expression(e, n.kids[0]);
        emitOp(Instr::Op::Unary, n.op);
        break;
    case K::BoolOp: {
        // a and b: a, JumpIfFalseOrPop end, b, end:
        std::vector<std::uint32_t> jumps;
        for (std::size_t k = 0; k < n.kids.size(); ++k) {
            expression(e, n.kids[k]);
            if (k + 1 < n.kids.size())
                jumps.push_back(emitOp(n.op == 0 ? Instr::Op::JumpIfFalseOrPop : Instr::Op::JumpIfTrueOrPop, 0, 0, -1));
        }
        for (std::uint32_t j : jumps)
            patch(j, pc());
        break;
    }
    case K::Compare:
        compareNode(e, n);
        break;
    case K::IfExp: {
        expression(e, n.kids[0]);
        const std::uint32_t toElse = emitOp(Instr::Op::JumpIfFalse, 0, 0, -1);
        expression(e, n.kids[1]);
        const std::uint32_t toEnd = emitOp(Instr::Op::Jump);
        adjust(-1);  // one branch's value, not both
        patch(toElse, pc());
        expression(e, n.kids[2]);
        patch(toEnd, pc());
        break;
    }
    case K::Call:
        callNode(e, n);
        break;
    case K::Attribute: {
        expression(e, n.kids[0]);
        emitOp(Instr::Op::LoadAttr, constant(Value::string(n.text)));
        break;
    }
    case K::Subscript:
        expression(e, n.kids[0]);
        expression(e, n.kids[1]);
        emitOp(Instr::Op::Subscript, 0, 0, -1);
        break;
    case K::Slice:
        for (std::int32_t k : n.kids) {
            if (k < 0)
                emitOp(Instr::Op::LoadConst, constant(Value::none()), 0, +1);
            else
                expression(e, k);
        }
        emitOp(Instr::Op::BuildSlice, 0, 0, -2);
        break;
    case K::List:
    case K::Tuple: {
        const bool starred
            = std::any_of(n.kids.begin(), n.kids.end(), [&](std::int32_t k) { return e.node(k).kind == K::Starred; });
        if (!starred) {
            for (std::int32_t k : n.kids)
                expression(e, k);
            emitOp(n.kind == K::List ? Instr::Op::BuildList : Instr::Op::BuildTuple, std::uint32_t(n.kids.size()), 0,
                1 - int(n.kids.size()));
            break;
        }
        // [a, *b, c]: a list grown item by item, then a tuple of it when a tuple is wanted.
        emitOp(Instr::Op::BuildList, 0, 0, +1);
        for (std::int32_t k : n.kids) {
            const ExprNode &item = e.node(k);
            expression(e, item.kind == K::Starred ? item.kids[0] : k);
            emitOp(item.kind == K::Starred ? Instr::Op::ListExtend : Instr::Op::ListAppend, 1, 0, -1);
        }
        if (n.kind == K::Tuple) {
            BuiltinName tuple;
            findBuiltin(QStringLiteral("tuple"), &tuple);
            CompiledExprCall c;
            c.builtin = tuple;
            c.positional = 1;
            m_program.exprCalls.push_back(std::move(c));
            emitOp(Instr::Op::Call, std::uint32_t(m_program.exprCalls.size() - 1));
        }
        break;
    }
    case K::Dict:
        for (std::int32_t k : n.kids)
            expression(e, k);
        emitOp(Instr::Op::BuildDict, std::uint32_t(n.kids.size() / 2), 0, 1 - int(n.kids.size()));
        break;
    case K::ListComp:
    case K::GeneratorExp:
        comprehension(e, n);
        break;
    case K::JoinedStr:
        fstringNode(e, n);
        break;
    case K::Starred:
    case K::Keyword:
    case K::Comprehension:
    case K::FormattedValue:
        break;  // only inside the nodes above
    }
}

void CoroutineCompiler::compareNode(const Expression &e, const ExprNode &n)
{
    expression(e, n.kids[0]);
    if (n.ops.size() == 1) {
        expression(e, n.kids[1]);
        emitOp(Instr::Op::Compare, std::uint32_t(n.ops[0]), 0, -1);
        return;
    }
    // a < b < c: b is evaluated once; a false link ends the chain with its result.
    std::vector<std::uint32_t> cleanups;
    for (std::size_t k = 0; k + 1 < n.ops.size(); ++k) {
        expression(e, n.kids[k + 1]);
        emitOp(Instr::Op::Dup, 0, 0, +1);
        emitOp(Instr::Op::Rot3);
        emitOp(Instr::Op::Compare, std::uint32_t(n.ops[k]), 0, -1);
        cleanups.push_back(emitOp(Instr::Op::JumpIfFalseOrPop, 0, 0, -1));
    }
    expression(e, n.kids.back());
    emitOp(Instr::Op::Compare, std::uint32_t(n.ops.back()), 0, -1);
    const std::uint32_t toEnd = emitOp(Instr::Op::Jump);
    for (std::uint32_t c : cleanups)
        patch(c, pc());
    adjust(+1);  // the cleanup path holds the middle value and the false result
    emitOp(Instr::Op::Rot2);
    emitOp(Instr::Op::Pop, 0, 0, -1);
    patch(toEnd, pc());
}

void CoroutineCompiler::callNode(const Expression &e, const ExprNode &n)
{
    using K = ExprNode::Kind;
    const ExprNode &func = e.node(n.kids[0]);
    CompiledExprCall c;

    const auto isCoroutineCall = [&](const ExprNode &call) {
        if (call.kind != K::Call)
            return false;
        const ExprNode &f = e.node(call.kids[0]);
        bool shadowed = m_slots.contains(f.text);
        for (const auto &scope : m_scopes)
            shadowed = shadowed || scope.first == f.text;
        return f.kind == K::Name && !shadowed && m_project.coroutineIndex(f.text) >= 0;
    };

    // asyncio.create_task(f(args), name=...) / asyncio.ensure_future(f(args)).
    const bool createTask = func.kind == K::Attribute && e.node(func.kids[0]).kind == K::Name
        && e.node(func.kids[0]).text == u"asyncio" && !m_slots.contains(QStringLiteral("asyncio"))
        && n.kids.size() >= 2;
    if (createTask && !isCoroutineCall(e.node(n.kids[1]))) {
        // create_task(coro) of a coroutine object made earlier (or of something else: TypeError).
        expression(e, n.kids[1]);
        std::uint32_t hasName = 0;
        for (std::size_t k = 2; k < n.kids.size(); ++k) {
            const ExprNode &kw = e.node(n.kids[k]);
            if (kw.kind == K::Keyword && kw.text == u"name") {
                expression(e, kw.kids[0]);
                hasName = 1;
            }
        }
        Instr i;
        i.op = Instr::Op::CreateTaskFromValue;
        i.b = hasName;
        append(i);
        adjust(-int(hasName));
        return;
    }
    if (!createTask && isCoroutineCall(n)) {
        // worker(i) without await: a coroutine object.
        for (std::size_t k = 1; k < n.kids.size(); ++k)
            expression(e, n.kids[k]);
        Instr i;
        i.op = Instr::Op::MakeCoroutine;
        i.a = std::uint32_t(m_project.coroutineIndex(func.text));
        i.imm = std::int64_t(n.kids.size() - 1);
        append(i);
        adjust(1 - int(i.imm));
        return;
    }
    if (createTask) {
        const ExprNode &coro = e.node(n.kids[1]);
        const ExprNode &coroFunc = e.node(coro.kids.empty() ? n.kids[1] : coro.kids[0]);
        CompiledCall call;
        call.coroutine = std::uint32_t(m_project.coroutineIndex(coroFunc.text));
        for (std::size_t k = 1; k < coro.kids.size(); ++k)
            expression(e, coro.kids[k]);
        std::uint32_t hasName = 0;
        for (std::size_t k = 2; k < n.kids.size(); ++k) {
            const ExprNode &kw = e.node(n.kids[k]);
            if (kw.kind == K::Keyword && kw.text == u"name") {
                expression(e, kw.kids[0]);
                hasName = 1;
            }
        }
        m_program.calls.push_back(std::move(call));
        Instr i;
        i.op = Instr::Op::CreateTaskValue;
        i.a = std::uint32_t(m_program.calls.size() - 1);
        i.b = hasName;
        i.imm = std::int64_t(coro.kids.empty() ? 0 : coro.kids.size() - 1);
        append(i);
        adjust(1 - int(i.imm) - int(hasName));
        return;
    }

    int pushed = 0;
    if (func.kind == K::Attribute && e.node(func.kids[0]).kind == K::Name && e.node(func.kids[0]).text == u"random"
        && !m_slots.contains(QStringLiteral("random"))) {
        c.kind = CompiledExprCall::Kind::Random;  // the module's function: no receiver on the stack
        c.method = func.text;
        m_program.usesRandom = true;
    } else if (func.kind == K::Attribute) {
        c.kind = CompiledExprCall::Kind::Method;
        c.method = func.text;
        expression(e, func.kids[0]);
        pushed = 1;
    } else {
        BuiltinName b;
        bool shadowed = m_slots.contains(func.text);
        for (const auto &scope : m_scopes)
            shadowed = shadowed || scope.first == func.text;
        if (func.kind == K::Name && !shadowed && findBuiltin(func.text, &b)) {
            c.kind = CompiledExprCall::Kind::Builtin;
            c.builtin = b;
        } else {
            c.kind = CompiledExprCall::Kind::Value;
            expression(e, n.kids[0]);
            pushed = 1;
        }
    }
    std::vector<std::int32_t> positional, keywords;
    for (std::size_t k = 1; k < n.kids.size(); ++k) {
        const ExprNode &arg = e.node(n.kids[k]);
        (arg.kind == K::Keyword ? keywords : positional).push_back(n.kids[k]);
    }
    c.unpacked = std::any_of(
        positional.begin(), positional.end(), [&](std::int32_t k) { return e.node(k).kind == K::Starred; });
    if (c.unpacked) {
        emitOp(Instr::Op::BuildList, 0, 0, +1);
        for (std::int32_t k : positional) {
            const ExprNode &arg = e.node(k);
            expression(e, arg.kind == K::Starred ? arg.kids[0] : k);
            emitOp(arg.kind == K::Starred ? Instr::Op::ListExtend : Instr::Op::ListAppend, 1, 0, -1);
        }
        c.positional = 1;
    } else {
        for (std::int32_t k : positional)
            expression(e, k);
        c.positional = std::uint32_t(positional.size());
    }
    for (std::int32_t k : keywords) {
        expression(e, e.node(k).kids[0]);
        c.keywords.push_back(e.node(k).text);
    }
    const int args = int(c.positional + c.keywords.size());
    m_program.exprCalls.push_back(std::move(c));
    emitOp(Instr::Op::Call, std::uint32_t(m_program.exprCalls.size() - 1), 0, 1 - args - pushed);
}

void CoroutineCompiler::comprehension(const Expression &e, const ExprNode &n)
{
    // [elt for x in a if c for y in b]: a list built by nested loops; the loop variables are
    // the comprehension's own (fresh slots), the first iterable is evaluated outside.
    emitOp(Instr::Op::BuildList, 0, 0, +1);
    const std::size_t scopesBefore = m_scopes.size();
    std::vector<std::uint32_t> loopTops, loopExits;
    const std::size_t clauses = n.kids.size() - 1;
    for (std::size_t c = 0; c < clauses; ++c) {
        const ExprNode &clause = e.node(n.kids[c + 1]);
        expression(e, clause.kids[1]);
        if (c == 0)
            ++m_comprehensionDepth;  // what follows the first iterable runs inside the comprehension
        emitOp(Instr::Op::GetIter);
        const std::uint32_t top = emitOp(Instr::Op::ForIter, 0, 0, +1);
        loopTops.push_back(top);
        // The clause's targets get slots of their own.
        std::vector<QString> names;
        {
            const std::function<void(std::int32_t)> collect = [&](std::int32_t i) {
                const ExprNode &t = e.node(i);
                if (t.kind == ExprNode::Kind::Name)
                    names.push_back(t.text);
                for (std::int32_t k : t.kids)
                    if (k >= 0 && t.kind != ExprNode::Kind::Subscript && t.kind != ExprNode::Kind::Attribute)
                        collect(k);
            };
            collect(clause.kids[0]);
        }
        for (const QString &name : names)
            m_scopes.emplace_back(name, hiddenSlot());
        storeTarget(e, clause.kids[0]);
        for (std::size_t k = 2; k < clause.kids.size(); ++k) {
            expression(e, clause.kids[k]);
            Instr skip;
            skip.op = Instr::Op::JumpIfFalse;
            skip.target = top;
            append(skip);
            adjust(-1);
        }
    }
    expression(e, n.kids[0]);
    emitOp(Instr::Op::ListAppend, std::uint32_t(clauses + 1), 0, -1);
    for (std::size_t c = clauses; c > 0; --c) {
        Instr back;
        back.op = Instr::Op::Jump;
        back.target = loopTops[c - 1];
        append(back);
        patch(loopTops[c - 1], pc());
        adjust(-1);
    }
    m_scopes.resize(scopesBefore);
    --m_comprehensionDepth;
    if (n.kind == ExprNode::Kind::GeneratorExp)
        emitOp(Instr::Op::MakeGenerator);
}

void CoroutineCompiler::fstringNode(const Expression &e, const ExprNode &n)
{
    std::uint32_t pieces = 0;
    for (std::int32_t k : n.kids) {
        const ExprNode &part = e.node(k);
        if (part.kind == ExprNode::Kind::Constant) {
            emitOp(Instr::Op::LoadConst, constant(part.value), 0, +1);
        } else {
            // A `{x=}` field's text is already the literal before it, its `!r` already set.
            expression(e, part.kids[0]);
            QString spec;
            if (part.kids[1] >= 0)
                spec = e.node(e.node(part.kids[1]).kids[0]).value.toString();
            emitOp(Instr::Op::FormatValue, part.op, spec.isEmpty() ? kNoSlot : constant(Value::string(spec)));
        }
        ++pieces;
    }
    emitOp(Instr::Op::BuildString, pieces, 0, 1 - int(pieces));
}

}  // namespace tusk
