#include "value.h"

#include "pydict.h"

namespace tusk {

namespace {

struct StringObject final : HeapObject {
    explicit StringObject(const QString &t)
        : text(t)
    {
    }
    QString text;
};

// Where a list or dict is noted in the current run's arena (see ContainerArena).
struct ArenaSlot {
    ArenaSlot(HeapObject *self)
        : arena(ContainerArena::current())
        , slot(arena ? arena->add(self) : 0)
    {
    }
    ~ArenaSlot()
    {
        if (arena)
            arena->remove(slot);
    }
    ArenaSlot(const ArenaSlot &) = delete;
    ArenaSlot &operator=(const ArenaSlot &) = delete;
    ContainerArena *arena;
    std::size_t slot;
};

struct ListObject final : HeapObject {
    explicit ListObject(std::vector<Value> v)
        : items(std::move(v))
        , noted(this)
    {
    }
    std::vector<Value> items;
    ArenaSlot noted;
};

struct ExceptionObject final : HeapObject {
    ExceptionObject(ExceptionType t, std::vector<Value> a)
        : type(t)
        , args(std::move(a))
    {
    }
    ExceptionType type;
    std::vector<Value> args;
    std::vector<std::uint32_t> tracebackTasks;
};

struct DictObject final : HeapObject {
    DictObject()
        : noted(this)
    {
    }
    PyDict dict;
    ArenaSlot noted;
};

thread_local ContainerArena *t_currentArena = nullptr;

struct TypeInfo {
    const char *name;
    const char *qualified;
    ExceptionType base;
    bool nameable;  // may appear in a project file
    bool version1;  // ... of format version 1
};

// Index = ExceptionType. BaseException is its own base (the root).
constexpr TypeInfo kTypes[] = {
    {"BaseException", "BaseException", ExceptionType::BaseException, true, true},
    {"Exception", "Exception", ExceptionType::BaseException, true, true},
    {"ValueError", "ValueError", ExceptionType::Exception, true, true},
    {"RuntimeError", "RuntimeError", ExceptionType::Exception, true, true},
    // TimeoutError derives from OSError, which no Tusk program can name; Exception is close enough
    // for every except clause a project can write.
    {"TimeoutError", "TimeoutError", ExceptionType::Exception, true, true},
    {"CancelledError", "asyncio.exceptions.CancelledError", ExceptionType::BaseException, true, true},
    {"TypeError", "TypeError", ExceptionType::Exception, true, false},
    {"AttributeError", "AttributeError", ExceptionType::Exception, true, false},
    {"NameError", "NameError", ExceptionType::Exception, true, false},
    {"UnboundLocalError", "UnboundLocalError", ExceptionType::NameError, true, false},
    {"RecursionError", "RecursionError", ExceptionType::RuntimeError, true, false},
    {"OverflowError", "OverflowError", ExceptionType::ArithmeticError, true, false},
    {"UnicodeEncodeError", "UnicodeEncodeError", ExceptionType::ValueError, false, false},  // via UnicodeError
    {"GeneratorExit", "GeneratorExit", ExceptionType::BaseException, false, false},
    {"ArithmeticError", "ArithmeticError", ExceptionType::Exception, true, false},
    {"ZeroDivisionError", "ZeroDivisionError", ExceptionType::ArithmeticError, true, false},
    {"LookupError", "LookupError", ExceptionType::Exception, true, false},
    {"IndexError", "IndexError", ExceptionType::LookupError, true, false},
    {"KeyError", "KeyError", ExceptionType::LookupError, true, false},
    {"AssertionError", "AssertionError", ExceptionType::Exception, true, false},
    {"NotImplementedError", "NotImplementedError", ExceptionType::RuntimeError, true, false},
    {"StopIteration", "StopIteration", ExceptionType::Exception, true, false},
    {"MemoryError", "MemoryError", ExceptionType::Exception, true, false},
    {"InvalidStateError", "asyncio.exceptions.InvalidStateError", ExceptionType::Exception, false, false},
};

const TypeInfo &info(ExceptionType t)
{
    return kTypes[static_cast<int>(t)];
}

const Value &noneValue()
{
    static const Value v;
    return v;
}

// The trashcan (see HeapObject::destroy). Per thread: engines on different threads share nothing.
thread_local bool t_destroying = false;
thread_local std::vector<HeapObject *> t_toDestroy;
thread_local std::int64_t t_liveBytes = 0;

}  // namespace

std::int64_t HeapObject::liveBytes() noexcept
{
    return t_liveBytes;
}

void HeapObject::account(std::size_t bytes) noexcept
{
    t_liveBytes -= m_bytes;
    m_bytes = bytes > 0xFFFFFFFFu ? 0xFFFFFFFFu : std::uint32_t(bytes);
    t_liveBytes += m_bytes;
}

void HeapObject::free(HeapObject *object) noexcept
{
    t_liveBytes -= object->m_bytes;
    delete object;
}

void HeapObject::destroy(HeapObject *object) noexcept
{
    if (t_destroying) {
        t_toDestroy.push_back(object);
        return;
    }
    t_destroying = true;
    free(object);
    while (!t_toDestroy.empty()) {
        HeapObject *next = t_toDestroy.back();
        t_toDestroy.pop_back();
        free(next);  // may queue its own items: the loop takes them next
    }
    t_destroying = false;
}

QString exceptionTypeName(ExceptionType type)
{
    return QString::fromLatin1(info(type).name);
}

QString exceptionQualifiedName(ExceptionType type)
{
    return QString::fromLatin1(info(type).qualified);
}

bool exceptionIsSubclass(ExceptionType type, ExceptionType base)
{
    for (;;) {
        if (type == base)
            return true;
        if (type == ExceptionType::BaseException)
            return false;
        type = info(type).base;
    }
}

bool exceptionTypeInVersion1(ExceptionType type)
{
    return info(type).version1;
}

bool exceptionTypeFromName(const QString &name, ExceptionType *out)
{
    for (int i = 0; i < int(std::size(kTypes)); ++i) {
        if (kTypes[i].nameable && name == QLatin1String(kTypes[i].name)) {
            *out = static_cast<ExceptionType>(i);
            return true;
        }
    }
    return false;
}

Value Value::string(const QString &s)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_u.obj = new StringObject(s);
    v.m_u.obj->account(sizeof(StringObject) + std::size_t(s.size()) * sizeof(QChar));
    v.m_u.obj->retain();
    return v;
}

Value Value::list(std::vector<Value> items)
{
    Value v;
    v.m_kind = Kind::List;
    const std::size_t payload = items.capacity() * sizeof(Value);
    v.m_u.obj = new ListObject(std::move(items));
    v.m_u.obj->account(sizeof(ListObject) + payload);
    v.m_u.obj->retain();
    return v;
}

Value Value::tuple(std::vector<Value> items)
{
    Value v = list(std::move(items));
    v.m_kind = Kind::Tuple;
    return v;
}

Value Value::dict()
{
    Value v;
    v.m_kind = Kind::Dict;
    v.m_u.obj = new DictObject;
    v.m_u.obj->account(sizeof(DictObject));
    v.m_u.obj->retain();
    return v;
}

Value Value::exception(ExceptionType type)
{
    return exceptionWithArgs(type, {});
}

Value Value::exception(ExceptionType type, const Value &arg)
{
    return exceptionWithArgs(type, {arg});
}

Value Value::exceptionWithArgs(ExceptionType type, std::vector<Value> args)
{
    Value v;
    v.m_kind = Kind::Exception;
    const std::size_t payload = args.capacity() * sizeof(Value);
    v.m_u.obj = new ExceptionObject(type, std::move(args));
    v.m_u.obj->account(sizeof(ExceptionObject) + payload);
    v.m_u.obj->retain();
    return v;
}

Value Value::object(PyObject *object)
{
    Value v;
    v.m_kind = Kind::Object;
    v.m_u.obj = object;
    object->retain();
    return v;
}

Value Value::bigInt(BigIntObject *object)
{
    Value v;
    v.m_kind = Kind::BigInt;
    v.m_u.obj = reinterpret_cast<HeapObject *>(object);
    v.m_u.obj->retain();
    return v;
}

std::vector<Value> &Value::listItems() const
{
    return static_cast<ListObject *>(m_u.obj)->items;
}

void Value::listResized() const
{
    auto *l = static_cast<ListObject *>(m_u.obj);
    l->account(sizeof(ListObject) + l->items.capacity() * sizeof(Value));
}

PyDict &Value::toDict() const
{
    return static_cast<DictObject *>(m_u.obj)->dict;
}

const std::vector<Value> &Value::exceptionArgs() const
{
    return static_cast<const ExceptionObject *>(m_u.obj)->args;
}

const std::vector<std::uint32_t> &Value::exceptionTracebackTasks() const
{
    return static_cast<const ExceptionObject *>(m_u.obj)->tracebackTasks;
}

void Value::exceptionAddTracebackTask(std::uint32_t task) const
{
    constexpr std::size_t kMaxReferences = 100000;  // an exception rising through deep recursion
    auto *e = static_cast<ExceptionObject *>(m_u.obj);
    if (e->tracebackTasks.size() < kMaxReferences)
        e->tracebackTasks.push_back(task);
}

ContainerArena::Current::Current(ContainerArena &arena)
    : m_previous(t_currentArena)
{
    t_currentArena = &arena;
}

ContainerArena::Current::~Current()
{
    t_currentArena = m_previous;
}

ContainerArena *ContainerArena::current()
{
    return t_currentArena;
}

std::size_t ContainerArena::add(HeapObject *container)
{
    if (!m_freeSlots.empty()) {
        const std::size_t slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_objects[slot] = container;
        return slot;
    }
    m_objects.push_back(container);
    return m_objects.size() - 1;
}

void ContainerArena::release()
{
    // Keep every survivor alive while all are emptied, then let them go: what is left of a
    // cycle then frees itself.
    std::vector<HeapObject *> alive;
    for (HeapObject *o : m_objects) {
        if (o) {
            o->retain();
            alive.push_back(o);
        }
    }
    for (HeapObject *o : alive) {
        if (auto *list = dynamic_cast<ListObject *>(o)) {
            std::vector<Value> items = std::move(list->items);
            list->items.clear();
        } else if (auto *dict = dynamic_cast<DictObject *>(o)) {
            PyDict emptied = std::move(dict->dict);
            dict->dict = PyDict();
        }
    }
    for (HeapObject *o : alive) {
        auto *list = dynamic_cast<ListObject *>(o);
        auto *dict = dynamic_cast<DictObject *>(o);
        // Not this arena's any more: it is being emptied.
        if (list && list->noted.arena == this)
            list->noted.arena = nullptr;
        if (dict && dict->noted.arena == this)
            dict->noted.arena = nullptr;
        o->release();
    }
    m_objects.clear();
    m_freeSlots.clear();
}

const QString &Value::toString() const
{
    return static_cast<const StringObject *>(m_u.obj)->text;
}

const std::vector<Value> &Value::toList() const
{
    return static_cast<const ListObject *>(m_u.obj)->items;
}

ExceptionType Value::exceptionType() const
{
    return static_cast<const ExceptionObject *>(m_u.obj)->type;
}

bool Value::exceptionHasArg() const
{
    return !static_cast<const ExceptionObject *>(m_u.obj)->args.empty();
}

const Value &Value::exceptionArg() const
{
    auto *e = static_cast<const ExceptionObject *>(m_u.obj);
    return e->args.empty() ? noneValue() : e->args.front();
}

bool Value::sameObject(const Value &other) const noexcept
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::None:
        return true;
    case Kind::Bool:
        return m_u.b == other.m_u.b;
    case Kind::Int:
        return m_u.i == other.m_u.i;
    case Kind::Float:
        return m_u.d == other.m_u.d;
    case Kind::Task:
        return m_u.task == other.m_u.task;
    case Kind::Object:
        return m_u.obj == other.m_u.obj || toObject()->sameAs(*other.toObject());
    default:
        return m_u.obj == other.m_u.obj;
    }
}

QString Value::typeName() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("NoneType");
    case Kind::Bool:
        return QStringLiteral("bool");
    case Kind::Int:
        return QStringLiteral("int");
    case Kind::Float:
        return QStringLiteral("float");
    case Kind::String:
        return QStringLiteral("str");
    case Kind::Task:
        return QStringLiteral("_asyncio.Task");
    case Kind::List:
        return QStringLiteral("list");
    case Kind::Exception:
        return exceptionTypeName(exceptionType());
    case Kind::BigInt:
        return QStringLiteral("int");
    case Kind::Tuple:
        return QStringLiteral("tuple");
    case Kind::Dict:
        return QStringLiteral("dict");
    case Kind::Object:
        return toObject()->typeName();
    }
    return {};
}

}  // namespace tusk
