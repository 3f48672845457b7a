#pragma once

#include <QString>
#include <vector>

namespace tusk {

/// One piece of a `print.text` template (a limited Python f-string).
struct TemplatePart {
    /// Variable, Now, Done and Cancelled are version 1's forms; any other expression (format
    /// version 2) is Expression.
    enum class Kind { Literal, Variable, Now, Done, Cancelled, Expression };
    Kind kind = Kind::Literal;
    QString text;  ///< Literal: the text with `{{`/`}}` already unescaped; otherwise the variable name
    QChar conversion;  ///< 0, or 's', 'r', 'a' from `!s`, `!r`, `!a`
    QString spec;  ///< format spec after `:`, possibly empty
    bool hasSpec = false;  ///< a `:` was written (`{x:}` is kept as written, though it prints as `{x}`)
    int column = 0;  ///< 0-based index of the part in the template text
    /// A field's expression as written between `{` and `!`/`:`/`=`/`}` (spaces kept), and the
    /// index where it starts in the template text.
    QString expr;
    int exprColumn = 0;
    const QString &exprText() const { return expr; }
    /// A self-documenting field (`{x=}`, `{ x = }`): the text before its value ("x=", " x = "),
    /// which also ends the literal part before it; empty for an ordinary field.
    QString debug;
    /// The `!r` a self-documenting field without spec or conversion implies (not written).
    bool impliedConversion = false;
};

struct Template {
    std::vector<TemplatePart> parts;
};

/// Parses Python f-string syntax: literal text, `{{`, `}}`, and `{EXPR}`, `{EXPR!r}`,
/// `{EXPR:SPEC}`, `{EXPR!r:SPEC}`, `{EXPR=}`, where EXPR is any expression parseExpression()
/// accepts (a name, `NAME.done()`, `NAME.cancelled()` and `now` are classified as version 1's
/// kinds). A SPEC may not contain braces. On error returns false with a message and the
/// 0-based index in `text`.
bool parseTemplate(const QString &text, Template *out, QString *error, int *errorIndex);

}  // namespace tusk
