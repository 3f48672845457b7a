#pragma once

#include "value.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace tusk {

/// One node of a parsed Python expression. The kinds and their children follow CPython's
/// `ast` module, so that a reader who knows `ast.dump()` reads these trees the same way.
struct ExprNode {
    enum class Kind : std::uint8_t {
        Constant,  ///< value
        Name,  ///< text = the identifier
        BinOp,  ///< op (BinaryOp); kids: left, right
        UnaryOp,  ///< op (UnaryOp); kids: operand
        BoolOp,  ///< op 0 = and, 1 = or; kids: the values
        Compare,  ///< ops (CompareOp each); kids: left, then each comparator
        IfExp,  ///< kids: test, body, orelse
        Call,  ///< kids: func, then arguments (Starred for `*x`, Keyword for `name=x`)
        Keyword,  ///< text = the argument name; kids: value
        Attribute,  ///< text = the attribute; kids: value
        Subscript,  ///< kids: value, slice
        Slice,  ///< kids: lower, upper, step (-1 when absent)
        List,  ///< kids: elements
        Tuple,  ///< kids: elements
        Dict,  ///< kids: key, value, key, value, ... (a key of -1 is `**value`)
        ListComp,  ///< kids: elt, then Comprehension nodes
        GeneratorExp,  ///< kids: elt, then Comprehension nodes
        Comprehension,  ///< kids: target, iter, then the `if` conditions
        Starred,  ///< kids: value
        JoinedStr,  ///< an f-string; kids: Constant strings and FormattedValue nodes
        FormattedValue,  ///< op = conversion ('s', 'r', 'a' or 0); kids: value, format spec (a JoinedStr, or -1)
    };
    enum class BinaryOp : std::uint8_t {
        Add,
        Sub,
        Mult,
        Div,
        FloorDiv,
        Mod,
        Pow,
        LShift,
        RShift,
        BitOr,
        BitXor,
        BitAnd
    };
    enum class UnaryOp : std::uint8_t { USub, UAdd, Not, Invert };
    enum class CompareOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

    Kind kind = Kind::Constant;
    std::uint8_t op = 0;
    std::int32_t start = 0;  ///< first character in the source text
    std::int32_t end = 0;  ///< one past the last character
    Value value;  ///< Constant
    QString text;  ///< Name, Attribute, Keyword; FormattedValue: the `=` debug text
    std::vector<std::int32_t> kids;  ///< indices into Expression::nodes
    std::vector<CompareOp> ops;  ///< Compare
};

/// A parsed expression: its nodes in one array, children before parents' use (any order).
struct Expression {
    QString source;
    std::vector<ExprNode> nodes;
    std::int32_t root = -1;

    const ExprNode &node(std::int32_t i) const { return nodes[std::size_t(i)]; }
    const ExprNode &rootNode() const { return node(root); }
    /// ast.dump()-like text (`BinOp(Name('x'), Add, Constant(1))`), for tests and messages.
    QString dump(std::int32_t i = -1) const;
};

/// What an expression field accepts.
enum class ExprMode : std::uint8_t {
    Value,  ///< an expression (`a, b` is a tuple, as on the right of `=`)
    Target,  ///< what may be assigned to: a name, subscript, attribute, or a tuple/list of those (for, =)
};

/// Where a parse failed: CPython's SyntaxError text and the 0-based character it points at.
struct ExprError {
    QString message;
    int index = 0;
};

/// Parses `text` as one Python 3.11 expression (or assignment target).
///
/// Why a parser of Tusk's own, when Python is otherwise read with CPython's `ast`: expression
/// fields are part of the `.tusk` format, which `tusk run` loads on machines without python3
/// (the package only recommends it), and the editor checks each keystroke, where starting a
/// process per key would lag. The grammar is CPython's (Grammar/python.gram, the expression
/// rules), the trees are `ast`'s, and a test compares the two on every construct; what Tusk
/// does not run (lambda, `:=`, sets, bytes, complex numbers, `await` inside an expression)
/// is parsed and then refused with a message saying so.
bool parseExpression(const QString &text, ExprMode mode, Expression *out, ExprError *error);

/// Python's string literal body with its escapes decoded (`\n`, `\x41`, `\u00e9`, octal, ...),
/// as the tokenizer reads a non-raw literal. False (message, index) for a malformed `\x`/`\u`.
bool decodeStringEscapes(QStringView body, QString *out, ExprError *error);

/// The names an expression reads, in order of first appearance (a comprehension's own
/// variables excluded).
std::vector<QString> expressionNamesRead(const Expression &e);
/// The names a target binds (`a, (b, c)` -> a, b, c).
std::vector<QString> targetNames(const Expression &e);

}  // namespace tusk
