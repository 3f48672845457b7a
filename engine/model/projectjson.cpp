#include "projectjson.h"

#include "stepkinds.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <algorithm>

namespace tusk {

namespace {

const QString kFormat = QStringLiteral("tusk");

const char *const kTopLevelKeys[] = {"format", "version", "title", "entry", "random_seed", "coroutines", "layout"};

bool isTopLevelKey(const QString &key)
{
    for (const char *k : kTopLevelKeys) {
        if (key == QLatin1String(k))
            return true;
    }
    return false;
}

QString describe(const JsonValue &v)
{
    switch (v.type()) {
    case JsonValue::Type::Null:
        return QStringLiteral("null");
    case JsonValue::Type::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case JsonValue::Type::Int:
        return QStringLiteral("an integer");
    case JsonValue::Type::Float:
        return QStringLiteral("a float");
    case JsonValue::Type::String:
        return QStringLiteral("a string");
    case JsonValue::Type::Array:
        return QStringLiteral("an array");
    case JsonValue::Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

QString field(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path + QLatin1Char('.') + name;
}

QString indexed(const QString &path, std::size_t i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

// The value a problem path names, or the deepest existing value on the way to it (a missing
// field is reported where its object stands).
const JsonValue *locate(const JsonValue &root, const QString &path)
{
    const JsonValue *at = &root;
    qsizetype i = 0;
    const qsizetype n = path.size();
    while (i < n) {
        if (path[i] == QLatin1Char('.')) {
            ++i;
            continue;
        }
        if (path[i] == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return at;
            bool ok = false;
            const qsizetype k = path.mid(i + 1, close - i - 1).toLongLong(&ok);
            if (!ok || !at->isArray() || k < 0 || std::size_t(k) >= at->items().size())
                return at;
            at = &at->items()[std::size_t(k)];
            i = close + 1;
            continue;
        }
        qsizetype end = i;
        while (end < n && path[end] != QLatin1Char('.') && path[end] != QLatin1Char('['))
            ++end;
        const JsonValue *next = at->find(path.mid(i, end - i));
        if (!next)
            return at;
        at = next;
        i = end;
    }
    return at;
}

class Loader {
public:
    Problems problems;

    void add(const JsonValue &at, const QString &path, const QString &message)
    {
        Problem p;
        p.path = path;
        p.line = at.line();
        p.column = at.column();
        p.message = message;
        problems.push_back(std::move(p));
    }

    // Reports members of `obj` not in `allowed` (`op` is always allowed in a step).
    void checkUnknown(
        const JsonValue &obj, const QString &path, std::initializer_list<const char *> allowed, const QString &what)
    {
        QStringList names;
        for (const char *a : allowed)
            names << QLatin1String(a);
        checkUnknown(obj, path, names, what, false);
    }

    void checkUnknown(
        const JsonValue &obj, const QString &path, const QStringList &names, const QString &what, bool isStep)
    {
        for (const auto &[key, value] : obj.members()) {
            if (isStep && key == QLatin1String("op"))
                continue;
            if (!names.contains(key)) {
                add(value, field(path, key),
                    QStringLiteral("unknown field '%1' in %2; expected: %3")
                        .arg(key, what, names.join(QStringLiteral(", "))));
            }
        }
    }

    const JsonValue *require(const JsonValue &obj, const QString &path, const QString &key, const QString &what)
    {
        const JsonValue *v = obj.find(key);
        if (!v)
            add(obj, field(path, key), QStringLiteral("missing field '%1' in %2").arg(key, what));
        return v;
    }

    bool readString(const JsonValue &v, const QString &path, const QString &key, QString *out)
    {
        if (!v.isString()) {
            add(v, path, QStringLiteral("'%1' must be a string, not %2").arg(key, describe(v)));
            return false;
        }
        *out = v.toString();
        return true;
    }

    // A name that may be left out (`as`, `var`): present means non-empty.
    void readOptionalName(const JsonValue &obj, const QString &path, const QString &key, QString *out)
    {
        const JsonValue *v = obj.find(key);
        if (!v)
            return;
        if (readString(*v, field(path, key), key, out) && out->isEmpty())
            add(*v, field(path, key), QStringLiteral("'%1' must not be empty; leave it out instead").arg(key));
    }

    bool readOperand(const JsonValue &v, const QString &path, const QString &key, Operand *out)
    {
        switch (v.type()) {
        case JsonValue::Type::Null:
            *out = Operand::fromLiteral(Value::none());
            return true;
        case JsonValue::Type::Bool:
            *out = Operand::fromLiteral(Value::boolean(v.toBool()));
            return true;
        case JsonValue::Type::Int:
            *out = Operand::fromLiteral(Value::integer(v.toInt()));
            return true;
        case JsonValue::Type::Float:
            *out = Operand::fromLiteral(Value::floating(v.toFloat()));
            return true;
        case JsonValue::Type::String:
            *out = Operand::fromLiteral(Value::string(v.toString()));
            return true;
        case JsonValue::Type::Array:
            add(v, path,
                QStringLiteral(
                    "'%1' must be a number, a string, true, false, null or {\"var\": \"name\"}, not an array")
                    .arg(key));
            return false;
        case JsonValue::Type::Object:
            break;
        }
        if (const JsonValue *expr = v.find(QStringLiteral("expr")); expr && v.members().size() == 1) {
            QString text;
            if (!readString(*expr, field(path, QStringLiteral("expr")), QStringLiteral("expr"), &text))
                return false;
            if (text.trimmed().isEmpty()) {
                add(*expr, field(path, QStringLiteral("expr")), QStringLiteral("'expr' must hold an expression"));
                return false;
            }
            out->isVar = false;
            out->literal = Value();
            out->var.clear();
            out->expr = text;  // parsed by the validator, which points at the character
            return true;
        }
        const JsonValue *var = v.find(QStringLiteral("var"));
        if (!var || v.members().size() != 1) {
            add(v, path,
                QStringLiteral("'%1': an object value must be exactly {\"var\": \"name\"} or {\"expr\": "
                               "\"python\"}")
                    .arg(key));
            return false;
        }
        QString name;
        if (!readString(*var, field(path, QStringLiteral("var")), QStringLiteral("var"), &name))
            return false;
        if (name.isEmpty()) {
            add(*var, field(path, QStringLiteral("var")), QStringLiteral("'var' must name a variable"));
            return false;
        }
        *out = Operand::fromVar(name);
        return true;
    }

    bool readCall(const JsonValue &v, const QString &path, Call *out)
    {
        const QString what = QStringLiteral("a call");
        if (!v.isObject()) {
            add(v, path,
                QStringLiteral("a call must be an object {\"coroutine\": name, \"args\": [...]}, not %1")
                    .arg(describe(v)));
            return false;
        }
        checkUnknown(v, path, {"coroutine", "args"}, what);
        if (const JsonValue *c = require(v, path, QStringLiteral("coroutine"), what))
            readString(*c, field(path, QStringLiteral("coroutine")), QStringLiteral("coroutine"), &out->coroutine);
        if (const JsonValue *args = v.find(QStringLiteral("args"))) {
            const QString apath = field(path, QStringLiteral("args"));
            if (!args->isArray()) {
                add(*args, apath, QStringLiteral("'args' must be an array of values, not %1").arg(describe(*args)));
            } else {
                for (std::size_t i = 0; i < args->items().size(); ++i) {
                    Operand o;
                    readOperand(args->items()[i], indexed(apath, i), QStringLiteral("args[%1]").arg(i), &o);
                    out->args.push_back(std::move(o));
                }
            }
        }
        return true;
    }

    void readSteps(const JsonValue &v, const QString &path, const QString &key, std::vector<Step> *out)
    {
        if (!v.isArray()) {
            add(v, path, QStringLiteral("'%1' must be an array of steps, not %2").arg(key, describe(v)));
            return;
        }
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            Step s;
            if (readStep(v.items()[i], indexed(path, i), &s))
                out->push_back(std::move(s));
        }
    }

    void readRequiredSteps(const JsonValue &obj, const QString &path, const QString &what, std::vector<Step> *out)
    {
        if (const JsonValue *b = require(obj, path, QStringLiteral("body"), what))
            readSteps(*b, field(path, QStringLiteral("body")), QStringLiteral("body"), out);
    }

    void readGatherItem(const JsonValue &v, const QString &path, GatherItem *out)
    {
        if (!v.isObject()) {
            add(v, path,
                QStringLiteral("a gather item must be an object {\"task\": name} or {\"call\": {...}}, not %1")
                    .arg(describe(v)));
            return;
        }
        checkUnknown(v, path, {"task", "call", "expr", "starred"}, QStringLiteral("a gather item"));
        const JsonValue *task = v.find(QStringLiteral("task"));
        const JsonValue *call = v.find(QStringLiteral("call"));
        const JsonValue *expr = v.find(QStringLiteral("expr"));
        const JsonValue *starred = v.find(QStringLiteral("starred"));
        const int given = int(task != nullptr) + int(call != nullptr) + int(expr != nullptr) + int(starred != nullptr);
        if (given > 1) {
            add(v, path, QStringLiteral("a gather item has one of 'task', 'call', 'expr' or 'starred', not several"));
        } else if (given == 0) {
            add(v, path, QStringLiteral("a gather item needs 'task', 'call', 'expr' or 'starred'"));
        } else if (task) {
            readString(*task, field(path, QStringLiteral("task")), QStringLiteral("task"), &out->task);
        } else if (expr || starred) {
            const QString key = expr ? QStringLiteral("expr") : QStringLiteral("starred");
            readString(expr ? *expr : *starred, field(path, key), key, &out->expr);
            out->starred = starred != nullptr;
            if (out->expr.trimmed().isEmpty())
                add(expr ? *expr : *starred, field(path, key), QStringLiteral("'%1' must not be empty").arg(key));
        } else {
            out->isCall = true;
            readCall(*call, field(path, QStringLiteral("call")), &out->call);
        }
    }

    void readExcept(const JsonValue &v, const QString &path, ExceptClause *out)
    {
        const QString what = QStringLiteral("an except clause");
        if (!v.isObject()) {
            add(v, path,
                QStringLiteral("an except clause must be an object {\"type\", \"as\", \"body\"}, not %1")
                    .arg(describe(v)));
            return;
        }
        checkUnknown(v, path, {"type", "as", "body"}, what);
        if (const JsonValue *t = require(v, path, QStringLiteral("type"), what))
            readString(*t, field(path, QStringLiteral("type")), QStringLiteral("type"), &out->type);
        readOptionalName(v, path, QStringLiteral("as"), &out->as);
        readRequiredSteps(v, path, what, &out->body);
    }

    bool readStep(const JsonValue &v, const QString &path, Step *s)
    {
        if (!v.isObject()) {
            add(v, path, QStringLiteral("a step must be an object with an 'op', not %1").arg(describe(v)));
            return false;
        }
        const JsonValue *op = v.find(QStringLiteral("op"));
        const QString opPath = field(path, QStringLiteral("op"));
        if (!op) {
            add(v, opPath, QStringLiteral("missing field 'op' in a step"));
            return false;
        }
        QString opName;
        if (!readString(*op, opPath, QStringLiteral("op"), &opName))
            return false;
        const StepKind *kind = findStepKind(opName);
        if (!kind) {
            QStringList known;
            for (const StepKind &k : stepKinds())
                known << QLatin1String(k.name);
            add(*op, opPath,
                QStringLiteral("unknown op '%1'; expected one of: %2").arg(opName, known.join(QStringLiteral(", "))));
            return false;
        }
        s->op = kind->op;
        const QString what = kind->phrase();
        QStringList keys;
        QStringList oneOf;
        for (const StepField &f : kind->fields) {
            keys << f.keyString();
            if (f.presence == FieldPresence::OneOf)
                oneOf << f.keyString();
        }
        checkUnknown(v, path, keys, what, true);
        // Both forms given (reported): neither is read.
        const bool readOneOf = oneOf.isEmpty() || checkOneOf(v, path, oneOf, what);
        for (const StepField &f : kind->fields) {
            if (f.presence != FieldPresence::OneOf || readOneOf)
                readField(v, path, f, what, s);
        }
        return true;
    }

    // Exactly one of the fields in `keys` (two of them) must be there; false when both are.
    bool checkOneOf(const JsonValue &v, const QString &path, const QStringList &keys, const QString &what)
    {
        int present = 0;
        for (const QString &k : keys)
            present += v.find(k) ? 1 : 0;
        if (present > 1)
            add(v, path, QStringLiteral("%1 has either '%2' or '%3', not both").arg(what, keys[0], keys[1]));
        else if (present == 0)
            add(v, path, QStringLiteral("missing field '%1' or '%2' in %3").arg(keys[0], keys[1], what));
        return present <= 1;
    }

    // One field of a step, read as its kind says.
    void readField(const JsonValue &v, const QString &path, const StepField &f, const QString &what, Step *s)
    {
        const QString key = f.keyString();
        const QString fpath = field(path, key);
        const JsonValue *value = nullptr;
        if (f.presence == FieldPresence::Required) {
            value = require(v, path, key, what);
        } else {
            value = v.find(key);
        }
        if (!value)
            return;
        switch (f.kind) {
        case FieldKind::Template:
            readString(*value, fpath, key, &(s->*f.name));
            break;
        case FieldKind::Value: {
            Operand o;
            if (readOperand(*value, fpath, key, &o))
                s->*f.value = std::move(o);
            break;
        }
        case FieldKind::Call: {
            Call call;
            readCall(*value, fpath, &call);
            s->call = std::move(call);
            break;
        }
        case FieldKind::Task:
            if (readString(*value, fpath, key, &(s->*f.name)) && (s->*f.name).isEmpty())
                add(*value, fpath, QStringLiteral("'%1' must name a variable").arg(key));
            break;
        case FieldKind::Binding:
        case FieldKind::ExceptionType:
            readOptionalName(v, path, key, &(s->*f.name));
            break;
        case FieldKind::GatherItems:
            if (!value->isArray()) {
                add(*value, fpath, QStringLiteral("'%1' must be an array, not %2").arg(key, describe(*value)));
            } else {
                for (std::size_t i = 0; i < value->items().size(); ++i) {
                    GatherItem item;
                    readGatherItem(value->items()[i], indexed(fpath, i), &item);
                    s->items.push_back(std::move(item));
                }
            }
            break;
        case FieldKind::Flag:
            if (value->isBool())
                s->returnExceptions = value->toBool();
            else
                add(*value, fpath, QStringLiteral("'%1' must be true or false, not %2").arg(key, describe(*value)));
            break;
        case FieldKind::Body:
            readSteps(*value, fpath, key, &s->body);
            break;
        case FieldKind::ExceptClauses:
            if (!value->isArray()) {
                add(*value, fpath,
                    QStringLiteral("'%1' must be an array of except clauses, not %2").arg(key, describe(*value)));
            } else {
                for (std::size_t i = 0; i < value->items().size(); ++i) {
                    ExceptClause h;
                    readExcept(value->items()[i], indexed(fpath, i), &h);
                    s->handlers.push_back(std::move(h));
                }
            }
            break;
        case FieldKind::Finally:
            s->hasFinally = true;
            readSteps(*value, fpath, key, &s->finallyBody);
            break;
        case FieldKind::Else:
            s->hasElse = true;
            readSteps(*value, fpath, key, &s->elseBody);
            break;
        case FieldKind::Target:
            if (readString(*value, fpath, key, &(s->*f.name)) && (s->*f.name).trimmed().isEmpty())
                add(*value, fpath, QStringLiteral("'%1' must name what is assigned").arg(key));
            break;
        case FieldKind::AssignOp: {
            QString op;
            if (readString(*value, fpath, key, &op)) {
                const auto ops = assignOperators();
                if (std::none_of(ops.begin(), ops.end(), [&](const char *o) { return op == QLatin1String(o); }))
                    add(*value, fpath,
                        QStringLiteral("'%1' must be one of + - * / // % ** << >> & | ^, not '%2'").arg(key, op));
                else
                    s->*f.name = op;
            }
            break;
        }
        }
    }

    void readCoroutine(const JsonValue &v, const QString &path, Coroutine *c)
    {
        const QString what = QStringLiteral("a coroutine");
        if (!v.isObject()) {
            add(v, path,
                QStringLiteral("a coroutine must be an object {\"name\", \"params\", \"body\"}, not %1")
                    .arg(describe(v)));
            return;
        }
        checkUnknown(v, path, {"name", "doc", "params", "body"}, what);
        if (const JsonValue *n = require(v, path, QStringLiteral("name"), what))
            readString(*n, field(path, QStringLiteral("name")), QStringLiteral("name"), &c->name);
        if (const JsonValue *doc = v.find(QStringLiteral("doc")))
            readString(*doc, field(path, QStringLiteral("doc")), QStringLiteral("doc"), &c->doc);
        if (const JsonValue *params = v.find(QStringLiteral("params"))) {
            const QString ppath = field(path, QStringLiteral("params"));
            if (!params->isArray()) {
                add(*params, ppath,
                    QStringLiteral("'params' must be an array of names, not %1").arg(describe(*params)));
            } else {
                for (std::size_t i = 0; i < params->items().size(); ++i) {
                    const JsonValue &p = params->items()[i];
                    if (p.isString())
                        c->params << p.toString();
                    else
                        add(p, indexed(ppath, i),
                            QStringLiteral("a parameter must be a string, not %1").arg(describe(p)));
                }
            }
        }
        readRequiredSteps(v, path, what, &c->body);
    }

    // Everything but the semantic checks, into `problems`.
    void readProject(const JsonValue &root, Project *p)
    {
        if (!root.isObject()) {
            add(root, QString(), QStringLiteral("a Tusk project must be a JSON object, not %1").arg(describe(root)));
            return;
        }
        const QString what = QStringLiteral("a Tusk project");
        const JsonValue *format = root.find(QStringLiteral("format"));
        if (!format) {
            add(root, QStringLiteral("format"), QStringLiteral("missing field 'format' (\"tusk\") in a Tusk project"));
        } else if (!format->isString() || format->toString() != kFormat) {
            // Some other JSON document: listing what else it lacks would only be noise.
            add(*format, QStringLiteral("format"),
                QStringLiteral("this is not a Tusk project: 'format' must be \"tusk\""));
            return;
        }
        if (const JsonValue *version = require(root, QString(), QStringLiteral("version"), what)) {
            if (!version->isInt()) {
                add(*version, QStringLiteral("version"),
                    QStringLiteral("'version' must be an integer, not %1").arg(describe(*version)));
            } else if (version->toInt() < 1) {
                add(*version, QStringLiteral("version"), QStringLiteral("'version' must be 1 or more"));
            } else if (version->toInt() > Project::kFormatVersion) {
                // Never half-read a newer file: this is the only thing to say about it.
                problems.clear();
                add(*version, QStringLiteral("version"),
                    QStringLiteral("this file was written by a newer Tusk (format version %1); this build reads "
                                   "version %2 — update Tusk to open it")
                        .arg(version->toInt())
                        .arg(Project::kFormatVersion));
                return;
            } else {
                p->version = int(version->toInt());
            }
        }
        if (const JsonValue *title = root.find(QStringLiteral("title")))
            readString(*title, QStringLiteral("title"), QStringLiteral("title"), &p->title);
        if (const JsonValue *entry = require(root, QString(), QStringLiteral("entry"), what))
            readString(*entry, QStringLiteral("entry"), QStringLiteral("entry"), &p->entry);
        if (const JsonValue *seed = root.find(QStringLiteral("random_seed"))) {
            if (seed->isInt())
                p->randomSeed = seed->toInt();
            else if (seed->isString())
                p->randomSeed = seed->toString();
            else
                add(*seed, QStringLiteral("random_seed"),
                    QStringLiteral("'random_seed' must be an integer or a string, as random.seed() takes, not %1")
                        .arg(describe(*seed)));
        }
        if (const JsonValue *cos = require(root, QString(), QStringLiteral("coroutines"), what)) {
            if (!cos->isArray()) {
                add(*cos, QStringLiteral("coroutines"),
                    QStringLiteral("'coroutines' must be an array, not %1").arg(describe(*cos)));
            } else {
                for (std::size_t i = 0; i < cos->items().size(); ++i) {
                    Coroutine c;
                    readCoroutine(cos->items()[i], QStringLiteral("coroutines[%1]").arg(i), &c);
                    p->coroutines.push_back(std::move(c));
                }
            }
        }
        if (const JsonValue *layout = root.find(QStringLiteral("layout"))) {
            if (layout->isObject())
                p->layout = *layout;
            else
                add(*layout, QStringLiteral("layout"),
                    QStringLiteral("'layout' must be an object, not %1").arg(describe(*layout)));
        }
        for (const auto &[key, value] : root.members()) {
            if (!isTopLevelKey(key))
                p->extraKeys.emplace_back(key, value);
        }
    }
};

JsonValue operandToJson(const Operand &o)
{
    if (o.isExpr())
        return JsonValue::object({{QStringLiteral("expr"), JsonValue::string(o.expr)}});
    if (o.isVar)
        return JsonValue::object({{QStringLiteral("var"), JsonValue::string(o.var)}});
    const Value &v = o.literal;
    switch (v.kind()) {
    case Value::Kind::Bool:
        return JsonValue::boolean(v.toBool());
    case Value::Kind::Int:
        return JsonValue::integer(v.toInt());
    case Value::Kind::Float:
        return JsonValue::floating(v.toFloat());
    case Value::Kind::String:
        return JsonValue::string(v.toString());
    default:
        return JsonValue::null();  // None; run-time kinds never stand in a file
    }
}

JsonValue callToJson(const Call &c)
{
    JsonValue o = JsonValue::object();
    o.set(QStringLiteral("coroutine"), JsonValue::string(c.coroutine));
    if (!c.args.empty()) {
        std::vector<JsonValue> args;
        for (const Operand &a : c.args)
            args.push_back(operandToJson(a));
        o.set(QStringLiteral("args"), JsonValue::array(std::move(args)));
    }
    return o;
}

JsonValue stepsToJson(const std::vector<Step> &steps);

JsonValue stepToJson(const Step &s)
{
    JsonValue o = JsonValue::object();
    auto set = [&](const char *key, JsonValue v) { o.set(QString::fromLatin1(key), std::move(v)); };
    auto setName = [&](const char *key, const QString &name) {
        if (!name.isEmpty())
            set(key, JsonValue::string(name));
    };
    auto setOperand = [&](const char *key, const std::optional<Operand> &v) {
        if (v)
            set(key, operandToJson(*v));
    };
    const StepKind &kind = stepKind(s.op);
    set("op", JsonValue::string(QLatin1String(kind.name)));
    for (const StepField &f : kind.fields) {
        switch (f.kind) {
        case FieldKind::Template:
            set(f.key, JsonValue::string(s.*f.name));
            break;
        case FieldKind::Value:
            setOperand(f.key, s.*f.value);
            break;
        case FieldKind::Call:
            if (s.call)
                set(f.key, callToJson(*s.call));
            break;
        case FieldKind::Task:
            // A OneOf task is written when the other form is not there, even empty.
            if (f.presence != FieldPresence::OneOf || !s.call)
                set(f.key, JsonValue::string(s.*f.name));
            break;
        case FieldKind::Binding:
        case FieldKind::ExceptionType:
            setName(f.key, s.*f.name);
            break;
        case FieldKind::GatherItems: {
            std::vector<JsonValue> items;
            for (const GatherItem &item : s.items) {
                JsonValue i = JsonValue::object();
                if (item.isCall)
                    i.set(QStringLiteral("call"), callToJson(item.call));
                else if (item.isExpr())
                    i.set(item.starred ? QStringLiteral("starred") : QStringLiteral("expr"),
                        JsonValue::string(item.expr));
                else
                    i.set(QStringLiteral("task"), JsonValue::string(item.task));
                items.push_back(std::move(i));
            }
            set(f.key, JsonValue::array(std::move(items)));
            break;
        }
        case FieldKind::Flag:
            if (s.returnExceptions)
                set(f.key, JsonValue::boolean(true));
            break;
        case FieldKind::Body:
            set(f.key, stepsToJson(s.body));
            break;
        case FieldKind::ExceptClauses:
            if (!s.handlers.empty()) {
                std::vector<JsonValue> handlers;
                for (const ExceptClause &h : s.handlers) {
                    JsonValue c = JsonValue::object();
                    c.set(QStringLiteral("type"), JsonValue::string(h.type));
                    if (!h.as.isEmpty())
                        c.set(QStringLiteral("as"), JsonValue::string(h.as));
                    c.set(QStringLiteral("body"), stepsToJson(h.body));
                    handlers.push_back(std::move(c));
                }
                set(f.key, JsonValue::array(std::move(handlers)));
            }
            break;
        case FieldKind::Finally:
            if (s.hasFinally)
                set(f.key, stepsToJson(s.finallyBody));
            break;
        case FieldKind::Else:
            if (s.hasElse)
                set(f.key, stepsToJson(s.elseBody));
            break;
        case FieldKind::Target:
            set(f.key, JsonValue::string(s.*f.name));
            break;
        case FieldKind::AssignOp:
            setName(f.key, s.*f.name);
            break;
        }
    }
    return o;
}

JsonValue stepsToJson(const std::vector<Step> &steps)
{
    std::vector<JsonValue> out;
    out.reserve(steps.size());
    for (const Step &s : steps)
        out.push_back(stepToJson(s));
    return JsonValue::array(std::move(out));
}

}  // namespace

namespace {

// Both loaders: the semantic checks run only on a structurally sound document, because a
// half-read model would make them report ghosts.
bool load(const QByteArray &utf8, bool validate, Project *project, Problems *problems)
{
    Problems found;
    JsonValue root;
    JsonError error;
    Project p;
    if (!parseJson(utf8, &root, &error)) {
        Problem syntax;
        syntax.line = error.line;
        syntax.column = error.column;
        syntax.message = error.message;
        found.push_back(std::move(syntax));
    } else {
        Loader loader;
        loader.readProject(root, &p);
        found = std::move(loader.problems);
        if (found.empty()) {
            p.assignIds();
            if (validate) {
                found = validateProject(p);
                for (Problem &problem : found) {
                    const JsonValue *at = locate(root, problem.path);
                    problem.line = at->line();
                    problem.column = at->column();
                }
            }
        }
    }
    if (problems)
        *problems = found;
    if (!found.empty())
        return false;
    *project = std::move(p);
    return true;
}

}  // namespace

bool loadProject(const QByteArray &utf8, Project *project, Problems *problems)
{
    return load(utf8, true, project, problems);
}

bool loadProjectStructure(const QByteArray &utf8, Project *project, Problems *problems)
{
    return load(utf8, false, project, problems);
}

bool loadProjectFile(const QString &fileName, Project *project, Problems *problems)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems) {
            Problem p;
            p.message
                = QStringLiteral("cannot open \"%1\": %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
            *problems = {p};
        }
        return false;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (problems) {
            Problem p;
            p.message
                = QStringLiteral("cannot read \"%1\": %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
            *problems = {p};
        }
        return false;
    }
    return loadProject(data, project, problems);
}

QByteArray projectToJson(const Project &project)
{
    JsonValue root = JsonValue::object();
    root.set(QStringLiteral("format"), JsonValue::string(kFormat));
    root.set(QStringLiteral("version"), JsonValue::integer(project.formatVersionNeeded()));
    if (!project.title.isEmpty())
        root.set(QStringLiteral("title"), JsonValue::string(project.title));
    root.set(QStringLiteral("entry"), JsonValue::string(project.entry));
    if (project.randomSeed) {
        if (const auto *n = std::get_if<std::int64_t>(&*project.randomSeed))
            root.set(QStringLiteral("random_seed"), JsonValue::integer(*n));
        else
            root.set(QStringLiteral("random_seed"), JsonValue::string(std::get<QString>(*project.randomSeed)));
    }
    std::vector<JsonValue> coroutines;
    for (const Coroutine &c : project.coroutines) {
        JsonValue o = JsonValue::object();
        o.set(QStringLiteral("name"), JsonValue::string(c.name));
        if (!c.doc.isEmpty())
            o.set(QStringLiteral("doc"), JsonValue::string(c.doc));
        if (!c.params.isEmpty()) {
            std::vector<JsonValue> params;
            for (const QString &param : c.params)
                params.push_back(JsonValue::string(param));
            o.set(QStringLiteral("params"), JsonValue::array(std::move(params)));
        }
        o.set(QStringLiteral("body"), stepsToJson(c.body));
        coroutines.push_back(std::move(o));
    }
    root.set(QStringLiteral("coroutines"), JsonValue::array(std::move(coroutines)));
    if (!project.layout.isNull())
        root.set(QStringLiteral("layout"), project.layout);
    for (const auto &[key, value] : project.extraKeys) {
        // A known key among the extras would be written twice; the model's own value wins.
        if (!isTopLevelKey(key))
            root.set(key, value);
    }
    return writeJson(root);
}

bool saveProjectFile(const Project &project, const QString &fileName, QString *error)
{
    const QString shown = QDir::toNativeSeparators(fileName);
    auto failed = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return failed(QStringLiteral("cannot save \"%1\": %2").arg(shown, file.errorString()));
    const QByteArray data = projectToJson(project);
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return failed(QStringLiteral("cannot write \"%1\": %2").arg(shown, why));
    }
    if (!file.commit())
        return failed(QStringLiteral("cannot save \"%1\": %2").arg(shown, file.errorString()));
    return true;
}

}  // namespace tusk
