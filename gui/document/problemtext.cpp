#include "problemtext.h"

#include "modeledit.h"

#include <QRegularExpression>

namespace tusk {

namespace {

QRegularExpressionMatch match(const QString &text, const char *pattern)
{
    // Patterns are few and messages short: compiling on each call costs nothing noticeable,
    // but the cache keeps live validation cheap while typing.
    static QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end())
        it = cache.insert(pattern, QRegularExpression(QStringLiteral("^%1$").arg(QString::fromLatin1(pattern))));
    return it->match(text);
}

}  // namespace

QString ProblemText::message(const Problem &problem)
{
    return message(problem.message);
}

QString ProblemText::message(const QString &m)
{
    QRegularExpressionMatch r;
    auto is = [&](const char *pattern) {
        r = match(m, pattern);
        return r.hasMatch();
    };
    auto cap = [&](int i) { return r.captured(i); };

    if (is("invalid (coroutine|parameter|variable|loop variable) name: (.*)")) {
        const QString what = cap(1);
        const QString why = message(cap(2));
        if (what == QLatin1String("coroutine"))
            return tr("Invalid coroutine name: %1").arg(why);
        if (what == QLatin1String("parameter"))
            return tr("Invalid parameter name: %1").arg(why);
        if (what == QLatin1String("loop variable"))
            return tr("Invalid loop variable name: %1").arg(why);
        return tr("Invalid variable name: %1").arg(why);
    }
    if (is("a name cannot be empty"))
        return tr("the name is empty; type a name such as worker or result");
    if (is("'(.*)' is a Python keyword"))
        return tr("'%1' is a Python keyword; choose another name").arg(cap(1));
    if (is("'(.*)' is reserved by Tusk"))
        return tr("'%1' is reserved (now, asyncio and print have a meaning of their own); choose another name")
            .arg(cap(1));
    if (is("'(.*)' is not a Python identifier .*"))
        return tr("'%1' is not a Python name: use letters, digits and _, and do not start with a digit").arg(cap(1));
    if (is("'(.*)' is not in Unicode NFKC form \\(Python would read it as '(.*)'\\)"))
        return tr("'%1' would be read by Python as '%2'; write it that way").arg(cap(1), cap(2));
    if (is("duplicate coroutine name '(.*)' \\(coroutines\\[\\d+\\] has it too\\)"))
        return tr("Two coroutines are named '%1'; rename one of them").arg(cap(1));
    if (is("duplicate parameter '(.*)' in '(.*)'"))
        return tr("'%2' has two parameters named '%1'; rename one of them").arg(cap(1), cap(2));
    if (is("no entry coroutine: .*"))
        return tr("No entry coroutine: choose the coroutine asyncio.run() starts (select the canvas background "
                  "and pick it in the inspector)");
    if (is("the entry '(.*)' is not a coroutine of this project"))
        return tr("There is no coroutine '%1' for asyncio.run() to start: drag a Coroutine from the palette onto "
                  "the canvas, or make another coroutine the entry")
            .arg(cap(1));
    if (is("the entry coroutine '(.*)' takes parameters \\((.*)\\), but asyncio.run\\(.*\\) calls it with none"))
        return tr("The entry coroutine '%1' takes parameters (%2), but asyncio.run(%1()) passes none: remove "
                  "them or choose another entry")
            .arg(cap(1), cap(2));
    if (is("no variable chosen, and none exists here yet: a parameter or an earlier step must assign one"))
        return tr("Choose a variable. There is none here yet: add a parameter, or a step above this one that keeps "
                  "its result (create_task's “Keep the task in”)");
    if (is("no variable chosen"))
        return tr("Choose a variable");
    if (is("variable '(.*)' is used before it exists: no parameter or step of '(.*)' assigns it"))
        return tr("There is no variable '%1' in '%2': no parameter or step assigns it").arg(cap(1), cap(2));
    if (is("variable '(.*)' is used before it exists"))
        return tr("Variable '%1' is used before it exists: move this step below the step that assigns it").arg(cap(1));
    if (is("calls '', which is not a coroutine of this project"))
        return tr("No coroutine chosen: drag from the dot at the row's right onto a coroutine, or pick one in "
                  "the inspector");
    if (is("calls '(.*)', which is not a coroutine of this project"))
        return tr("Calls '%1', but there is no coroutine with that name").arg(cap(1));
    if (is("calls '(.*)', but '(.*)' also has a variable named '.*', which hides the coroutine in Python; rename one "
           "of them"))
        return tr("Calls '%1', but '%2' also has a variable named '%1', which hides the coroutine in Python; "
                  "rename one of them")
            .arg(cap(1), cap(2));
    if (is("'(.*)' takes no arguments but (\\d+) (?:is|are) given"))
        return tr("'%1' takes no arguments, but the call passes %2").arg(cap(1), cap(2));
    if (is("'(.*)' takes 1 argument \\((.*)\\) but (\\d+) (?:is|are) given"))
        return tr("'%1' takes 1 argument (%2), but the call passes %3").arg(cap(1), cap(2), cap(3));
    if (is("'(.*)' takes (\\d+) arguments \\((.*)\\) but (\\d+) (?:is|are) given"))
        return tr("'%1' takes %2 arguments (%3), but the call passes %4").arg(cap(1), cap(2), cap(3), cap(4));
    if (is("invalid text at column (\\d+): (.*)"))
        return tr("Error in the text at column %1: %2").arg(cap(1), cap(2));
    if (is("unknown exception type '(.*)'; expected one of: (.*)"))
        return tr("Unknown exception type '%1'; choose one of: %2").arg(cap(1), cap(2));
    if (is("missing field 'seconds' in a sleep step"))
        return tr("sleep needs a number of seconds");
    if (is("missing field 'call' in a create_task step"))
        return tr("create_task needs a coroutine to call");
    if (is("missing field 'task' in a cancel step"))
        return tr("cancel needs the task to cancel: choose a task variable");
    if (is("missing field 'times' in a repeat step"))
        return tr("repeat needs a number of times");
    if (is("missing field '(.*)' in a (.*) step"))
        return tr("%2 needs '%1'").arg(cap(1), cap(2));
    if (is("an await step needs 'task' or 'call'"))
        return tr("await needs a task to wait for or a coroutine to call: choose one in the inspector");
    if (is("a bare raise \\(without 'type'\\) is allowed only inside an except body"))
        return tr("A bare raise re-raises the exception being handled, so it belongs inside an except block; "
                  "choose an exception type to raise a new one");
    if (is("a bare raise re-raises the exception being handled and takes no message; .*"))
        return tr("A bare raise takes no message; choose an exception type to raise a new exception");
    if (is("a try step needs at least one except clause or a finally body, as in Python"))
        return tr("try needs at least one except clause or a finally block, as in Python");
    if (is("blocks nest too deep here: Python allows at most (\\d+) nested loops and try blocks in a coroutine .*"))
        return tr("Blocks nest too deep here: Python allows at most %1 nested loops and try blocks in a coroutine "
                  "(SyntaxError: too many statically nested blocks). Move some of these steps into a coroutine "
                  "of their own.")
            .arg(cap(1));
    // Messages of file loading that come with a file name.
    if (is("cannot open \"(.*)\": (.*)"))
        return tr("Cannot open \"%1\": %2").arg(cap(1), cap(2));
    if (is("cannot read \"(.*)\": (.*)"))
        return tr("Cannot read \"%1\": %2").arg(cap(1), cap(2));
    if (is("cannot save \"(.*)\": (.*)"))
        return tr("Cannot save \"%1\": %2").arg(cap(1), cap(2));
    if (is("cannot write \"(.*)\": (.*)"))
        return tr("Cannot write \"%1\": %2").arg(cap(1), cap(2));
    if (is("this is not a Tusk project: 'format' must be \"tusk\""))
        return tr("This is not a Tusk project (its \"format\" is not \"tusk\")");
    if (is("this file was written by a newer Tusk \\(format version (\\d+)\\).*"))
        return tr("This file was written by a newer version of Tusk (format version %1); update Tusk to open it")
            .arg(cap(1));
    return m;
}

QString ProblemText::location(const Project &project, const Problem &problem)
{
    const Coroutine *c = findCoroutine(project, problem.coroutineId);
    if (!c)
        return problem.path == QLatin1String("entry") ? tr("Entry coroutine") : tr("Project");
    if (problem.stepId != kNoId) {
        // Rows are numbered as the node shows them, nested steps included.
        int n = 0;
        int found = 0;
        forEachStep(c->body, [&](const Step &s) {
            ++n;
            if (s.id == problem.stepId)
                found = n;
        });
        if (found > 0)
            return tr("%1 › step %2").arg(c->name).arg(found);
    }
    if (problem.path.contains(QLatin1String(".params")))
        return tr("%1 › parameters").arg(c->name);
    return c->name;
}

QString ProblemText::loadError(const Problem &problem)
{
    QString where;
    if (problem.line > 0)
        where = tr("line %1, column %2").arg(problem.line).arg(problem.column);
    if (!problem.path.isEmpty())
        where = where.isEmpty() ? problem.path : QStringLiteral("%1 (%2)").arg(where, problem.path);
    const QString text = message(problem.message);
    return where.isEmpty() ? text : QStringLiteral("%1: %2").arg(where, text);
}

}  // namespace tusk
