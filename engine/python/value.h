#pragma once

#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

namespace tusk {

/// Python exception classes a Tusk program can raise, catch or meet at run time.
/// The first six are the ones a project may name; the rest arise from the engine
/// (for example a TypeError from `sleep("a")`).
enum class ExceptionType : std::uint8_t {
    BaseException,
    Exception,
    ValueError,
    RuntimeError,
    TimeoutError,
    CancelledError,
    // Raised by the engine only:
    TypeError,
    AttributeError,
    NameError,
    UnboundLocalError,
    RecursionError,
    OverflowError,
    UnicodeEncodeError,  ///< print() of a lone surrogate; arg: the list [encoding, object, start, end, reason]
    GeneratorExit,  ///< closes the coroutine of a task still pending after asyncio.run() ended
    // Version 2: raised by expressions, and nameable in raise and except.
    ArithmeticError,
    ZeroDivisionError,
    LookupError,
    IndexError,
    KeyError,
    AssertionError,
    NotImplementedError,
    StopIteration,
    MemoryError,
    InvalidStateError,  ///< asyncio's: a task's result() or exception() before it is done
};

/// Whether a project file of format version 1 may name `type` (the v1 six).
bool exceptionTypeInVersion1(ExceptionType type);

/// Python's class name (`ValueError`, `CancelledError`).
QString exceptionTypeName(ExceptionType type);
/// The name a traceback's last line uses (`ValueError`, `asyncio.exceptions.CancelledError`).
QString exceptionQualifiedName(ExceptionType type);
/// True when `type` is `base` or a subclass of it in Python's hierarchy.
bool exceptionIsSubclass(ExceptionType type, ExceptionType base);
/// Parses one of the names a project may write in `raise.type` or `except.type`.
bool exceptionTypeFromName(const QString &name, ExceptionType *out);

/// Reference-counted immutable payload of strings, lists and exceptions. Counting is
/// intrusive and non-atomic: an engine runs on one thread.
class HeapObject {
public:
    virtual ~HeapObject() = default;
// GCC 12 follows a Value whose kind it cannot pin down (a task handle copied inside a vector)
// into these and warns of an out-of-bounds access that the kind check rules out.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
    void retain() noexcept
    {
        ++m_refs;
    }
    void release() noexcept
    {
        if (--m_refs == 0)
            destroy(this);
    }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

    /// Bytes held by the live objects of this thread (each object's own size and its payload),
    /// counted when they are made and freed: what a run's values cost, for its memory limit.
    static std::int64_t liveBytes() noexcept;
    /// Notes that this object holds `bytes`; called by whoever made it, and again whenever
    /// what it holds changes (a list that grew).
    void account(std::size_t bytes) noexcept;

private:
    /// Deletes `object` without recursing: objects freed while another is being deleted (the
    /// items of a list, an exception's argument) wait in a list and are deleted one after the
    /// other, as CPython's "trashcan" does. A million nested gather results would otherwise free
    /// themselves three million C++ frames deep and overflow the stack.
    static void destroy(HeapObject *object) noexcept;
    static void free(HeapObject *object) noexcept;

    std::uint32_t m_refs = 0;
    std::uint32_t m_bytes = 0;  ///< as accounted; fits beside m_refs, so objects stay 16 bytes
};

class Value;
class PyDict;
struct BigIntObject;

/// Lists and dicts can hold themselves (`xs.append(xs)`), which reference counts never free;
/// CPython's cycle collector does. A run keeps an arena current while it executes: every list
/// and dict made then is noted in it, and release() empties those still alive, which breaks
/// the cycles so that they free themselves. Only the run's own thread may use it.
class ContainerArena {
public:
    ContainerArena() = default;
    ~ContainerArena() { release(); }
    ContainerArena(const ContainerArena &) = delete;
    ContainerArena &operator=(const ContainerArena &) = delete;

    /// Makes this arena the one new containers are noted in, until the guard goes.
    class Current {
    public:
        explicit Current(ContainerArena &arena);
        ~Current();
        Current(const Current &) = delete;
        Current &operator=(const Current &) = delete;

    private:
        ContainerArena *m_previous;
    };

    /// Empties every container made while this arena was current and is still alive.
    void release();

    // For the containers themselves (value.cpp).
    static ContainerArena *current();
    std::size_t add(HeapObject *container);
    void remove(std::size_t slot)
    {
        m_objects[slot] = nullptr;
        m_freeSlots.push_back(slot);
    }

private:
    std::vector<HeapObject *> m_objects;  ///< null where a container was freed
    std::vector<std::size_t> m_freeSlots;
};

/// A heap value of a type the engine has few of (range, iterators, dict views): its own
/// type name and repr. Each lives in the file that implements its type.
class PyObject : public HeapObject {
public:
    /// CPython's tp_name (`range`, `list_iterator`, `dict_keys`).
    virtual QString typeName() const = 0;
    /// `is`: the same object. Values that stand for one thing (a builtin, a class) say so here.
    virtual bool sameAs(const PyObject &other) const { return this == &other; }
    /// The name repr() shows after the type (`<coroutine object worker at 0x...>`), or empty.
    virtual QString reprName() const { return {}; }
};

/// A Python value as a Tusk program sees it: None, bool, int (64-bit inline, or a GMP integer
/// beyond), float, str, a task handle, list, tuple, dict, an exception instance, or another
/// object (PyObject). 16 bytes, cheap to copy. Lists and dicts are shared by reference, as in
/// Python: a copy of the Value is the same object.
class Value {
public:
    // Kinds from String on hold a HeapObject.
    enum class Kind : std::uint8_t {
        None,
        Bool,
        Int,
        Float,
        Task,
        String,
        List,
        Exception,
        BigInt,
        Tuple,
        Dict,
        Object
    };

    Value() noexcept = default;
    static Value none() noexcept { return {}; }
    static Value boolean(bool b) noexcept
    {
        Value v;
        v.m_kind = Kind::Bool;
        v.m_u.b = b;
        return v;
    }
    static Value integer(std::int64_t i) noexcept
    {
        Value v;
        v.m_kind = Kind::Int;
        v.m_u.i = i;
        return v;
    }
    static Value floating(double d) noexcept
    {
        Value v;
        v.m_kind = Kind::Float;
        v.m_u.d = d;
        return v;
    }
    static Value string(const QString &s);
    static Value task(std::uint32_t taskId) noexcept
    {
        Value v;
        v.m_kind = Kind::Task;
        v.m_u.task = taskId;
        return v;
    }
    static Value list(std::vector<Value> items);
    static Value tuple(std::vector<Value> items);
    static Value dict();  ///< an empty dict
    static Value exception(ExceptionType type);  ///< `Type()`
    static Value exception(ExceptionType type, const Value &arg);  ///< `Type(arg)`
    static Value exceptionWithArgs(ExceptionType type, std::vector<Value> args);  ///< `Type(*args)`
    /// Takes over `object` (fresh, not yet retained).
    static Value object(PyObject *object);
    /// Takes over a BigIntObject made by pyint.cpp (callers use intFromMpz()).
    static Value bigInt(BigIntObject *object);

    // Inline: values are copied on every step of a run.
    Value(const Value &other) noexcept
        : m_u(other.m_u)
        , m_kind(other.m_kind)
    {
        retain();
    }
    Value(Value &&other) noexcept
        : m_u(other.m_u)
        , m_kind(other.m_kind)
    {
        other.m_kind = Kind::None;
    }
    Value &operator=(const Value &other) noexcept
    {
        if (this != &other) {
            other.retain();
            releaseHeap();
            m_u = other.m_u;
            m_kind = other.m_kind;
        }
        return *this;
    }
    Value &operator=(Value &&other) noexcept
    {
        if (this != &other) {
            releaseHeap();
            m_u = other.m_u;
            m_kind = other.m_kind;
            other.m_kind = Kind::None;
        }
        return *this;
    }
    ~Value() { releaseHeap(); }

    Kind kind() const noexcept { return m_kind; }
    bool isNone() const noexcept { return m_kind == Kind::None; }
    bool isBool() const noexcept { return m_kind == Kind::Bool; }
    bool isInt() const noexcept { return m_kind == Kind::Int; }
    bool isFloat() const noexcept { return m_kind == Kind::Float; }
    bool isString() const noexcept { return m_kind == Kind::String; }
    bool isTask() const noexcept { return m_kind == Kind::Task; }
    bool isList() const noexcept { return m_kind == Kind::List; }
    bool isException() const noexcept { return m_kind == Kind::Exception; }
    bool isBigInt() const noexcept { return m_kind == Kind::BigInt; }
    bool isTuple() const noexcept { return m_kind == Kind::Tuple; }
    bool isDict() const noexcept { return m_kind == Kind::Dict; }
    bool isObject() const noexcept { return m_kind == Kind::Object; }
    /// An int of either width (not bool).
    bool isAnyInt() const noexcept { return m_kind == Kind::Int || m_kind == Kind::BigInt; }
    /// int or bool: what arithmetic treats as an int.
    bool isIntegral() const noexcept { return isAnyInt() || m_kind == Kind::Bool; }
    bool isNumber() const noexcept { return isIntegral() || m_kind == Kind::Float; }

    bool toBool() const noexcept { return m_u.b; }
    std::int64_t toInt() const noexcept { return m_u.i; }
    double toFloat() const noexcept { return m_u.d; }
    std::uint32_t toTask() const noexcept { return m_u.task; }
    const QString &toString() const;  ///< only for Kind::String
    const std::vector<Value> &toList() const;  ///< Kind::List or Kind::Tuple: the items
    /// A list's items, to change in place (every Value sharing the list sees the change).
    std::vector<Value> &listItems() const;
    /// After a list grew or shrank: brings its accounted memory up to date.
    void listResized() const;
    PyDict &toDict() const;  ///< only for Kind::Dict
    PyObject *toObject() const { return static_cast<PyObject *>(m_u.obj); }  ///< only for Kind::Object
    const BigIntObject *toBigInt() const { return reinterpret_cast<const BigIntObject *>(m_u.obj); }
    ExceptionType exceptionType() const;  ///< only for Kind::Exception
    bool exceptionHasArg() const;  ///< at least one argument: `Type(arg)` rather than `Type()`
    const Value &exceptionArg() const;  ///< the first argument; None when there is none
    const std::vector<Value> &exceptionArgs() const;  ///< `e.args`
    /// The tasks that the frames of the exception's traceback reference (their locals, at the
    /// moment the exception left them): every reference, frame after frame from the innermost,
    /// each frame's ending with 0. They live as long as the exception does.
    const std::vector<std::uint32_t> &exceptionTracebackTasks() const;
    /// Appends to exceptionTracebackTasks() (the exception is shared: CPython sets
    /// __traceback__ on the one object too). Beyond a bound further references are dropped.
    void exceptionAddTracebackTask(std::uint32_t task) const;

    /// Identity for exceptions (Python's `is`), equality of payload otherwise.
    bool sameObject(const Value &other) const noexcept;
    /// CPython's tp_name, as error messages print it (`int`, `str`, `NoneType`, `_asyncio.Task`, `list`, `ValueError`).
    QString typeName() const;

private:
    void retain() const noexcept
    {
        if (m_kind >= Kind::String)
            m_u.obj->retain();
    }
    void releaseHeap() noexcept
    {
        if (m_kind >= Kind::String)
            m_u.obj->release();
    }

    union Payload {
        bool b;
        std::int64_t i;
        double d;
        std::uint32_t task;
        HeapObject *obj;
    } m_u {};
    Kind m_kind = Kind::None;
};

}  // namespace tusk
