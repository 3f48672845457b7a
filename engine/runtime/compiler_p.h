#pragma once

// Private to the compiler: one coroutine's body to flat instructions. compiler.cpp compiles
// the steps (Python's statements and their blocks), exprcompiler.cpp the expressions inside
// them (CPython's compiler_visit_expr, for the expressions Tusk runs).

#include "expression.h"
#include "program.h"
#include "project.h"

#include <QHash>
#include <vector>

namespace tusk {

class CoroutineCompiler {
public:
    CoroutineCompiler(const Project &project, Program &program, CompiledCoroutine &out);
    void compile(const Coroutine &coroutine);

private:
    // --- statements (compiler.cpp) ---
    void collectNames(const std::vector<Step> &body);
    std::uint32_t slotFor(const QString &name);
    std::uint32_t optionalSlot(const QString &name) { return name.isEmpty() ? kNoSlot : slotFor(name); }
    std::uint32_t constant(const Value &v);
    CompiledOperand operand(const std::optional<Operand> &o);
    std::uint32_t call(const Call &call);
    std::uint32_t templ(const QString &text);
    std::uint32_t pc() const { return std::uint32_t(m_out.code.size()); }
    std::uint32_t append(Instr i);
    std::uint32_t append(Instr::Op op);
    void patch(std::uint32_t at, std::uint32_t target) { m_out.code[at].target = target; }
    void compileBody(const std::vector<Step> &body, std::uint32_t depth);
    void compileStep(const Step &s, std::uint32_t depth);
    void compileTry(const Step &s, std::uint32_t depth);
    void noteDepth(std::uint32_t d) { m_out.maxBlockDepth = std::max(m_out.maxBlockDepth, d); }
    std::uint32_t hiddenSlot();
    /// A StepMark for a step whose fields hold expressions, so that the step is announced
    /// before they run; returns whether one was written.
    bool markStep(const Step &s);
    bool stepHasExpressions(const Step &s) const;

    // Control flow of version 2 (compiler.cpp).
    void compileIf(const Step &s, std::uint32_t depth);
    void compileWhile(const Step &s, std::uint32_t depth);
    void compileFor(const Step &s, std::uint32_t depth);
    void compileAssign(const Step &s);
    void compileBreak(bool isContinue, ItemId stepId);
    void compilePrintExpressions(const Step &s);

    /// What a break or continue inside a loop must undo on its way out, innermost last.
    struct Unwind {
        enum class Kind : std::uint8_t { Loop, TryExcept, ExceptBody, TryFinally, FinallyBody };
        Unwind(Kind k = Kind::Loop, const Step *s = nullptr, std::uint32_t d = 0)
            : kind(k)
            , step(s)
            , depth(d)
        {
        }
        Kind kind;
        const Step *step = nullptr;  ///< TryFinally: whose finally body to run
        std::uint32_t depth = 0;  ///< block depth inside it (for an inlined finally body)
        bool popsIterator = false;  ///< Loop: a for loop's iterator is on the stack
        std::uint32_t continueTarget = 0;
        std::vector<std::uint32_t> breaks;  ///< jumps to patch to the loop's end
        std::vector<std::uint32_t> continues;  ///< jumps to patch to the continue target (repeat)
    };

    // --- expressions (exprcompiler.cpp) ---
    /// Code that leaves the value of `text` on the stack.
    void expression(const QString &text);
    void expression(const Expression &e, std::int32_t node);
    /// Pops the stack into the target `text` (an assignment or for target).
    void storeTarget(const QString &text);
    void storeTarget(const Expression &e, std::int32_t node);
    void loadName(const QString &name);
    void storeName(const QString &name);
    void callNode(const Expression &e, const ExprNode &n);
    void comprehension(const Expression &e, const ExprNode &n);
    void compareNode(const Expression &e, const ExprNode &n);
    void fstringNode(const Expression &e, const ExprNode &n);
    /// A template field's value on the stack.
    void templateField(const TemplatePart &part);
    std::uint32_t emitOp(Instr::Op op, std::uint32_t a = 0, std::uint32_t b = 0, int effect = 0);
    void adjust(int effect);

    const Project &m_project;
    Program &m_program;
    CompiledCoroutine &m_out;
    QHash<QString, std::uint32_t> m_slots;
    std::vector<QString> m_names;
    std::uint32_t m_hiddenBase = 0;
    std::uint32_t m_hiddenCount = 0;
    std::vector<Unwind> m_unwind;
    /// Comprehension variables, innermost last: they hide the coroutine's names of the same
    /// spelling, as a comprehension's own scope does in Python.
    std::vector<std::pair<QString, std::uint32_t>> m_scopes;
    int m_comprehensionDepth = 0;  ///< comprehensions around the expression being compiled
    int m_stackDepth = 0;  ///< the operand stack's depth at the code being written
};

}  // namespace tusk
