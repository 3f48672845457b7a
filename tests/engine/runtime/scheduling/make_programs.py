#!/usr/bin/env python3
"""Writes the scheduling-rule programs of tst_scheduling: for each rule a `.tusk` project, the
same program in Python (`.py`), and what CPython 3.11 prints for it (`.expected`, plus
`.status` holding the exit status and the traceback's last line).

Run it after changing a program here:  python3 tests/engine/runtime/scheduling/make_programs.py
The programs are written in a small builder notation so that the Tusk and Python forms can
never drift apart. Every program is deterministic under CPython's real clock (no two things
meet at the same instant unless FIFO order decides it).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lit(v):
    return v


def var(name):
    return {"var": name}


def py_value(v):
    if isinstance(v, dict):
        return v["var"]
    return repr(v)


def call(coro, *args):
    return {"coroutine": coro, "args": list(args)} if args else {"coroutine": coro}


def py_call(c):
    return "%s(%s)" % (c["coroutine"], ", ".join(py_value(a) for a in c.get("args", [])))


# Steps: (json, python-lines builder)
def PRINT(text):
    # `now` is seconds since the entry coroutine started (see _now() in program()).
    return ({"op": "print", "text": text},
            lambda: ["print(f%s)" % json.dumps(text.replace("{now", "{_now()"), ensure_ascii=False)])


def SLEEP(seconds):
    return ({"op": "sleep", "seconds": seconds}, lambda: ["await asyncio.sleep(%s)" % py_value(seconds)])


def CREATE(c, as_=None, name=None):
    j = {"op": "create_task", "call": c}
    if as_:
        j["as"] = as_
    if name is not None:
        j["name"] = name
    args = py_call(c) + ("" if name is None else ", name=%s" % py_value(name))
    return (j, lambda: [("%s = " % as_ if as_ else "") + "asyncio.create_task(%s)" % args])


def AWAIT(task=None, c=None, as_=None):
    j = {"op": "await"}
    if task:
        j["task"] = task
    else:
        j["call"] = c
    if as_:
        j["as"] = as_
    target = task if task else py_call(c)
    return (j, lambda: [("%s = " % as_ if as_ else "") + "await %s" % target])


def GATHER(items, as_=None, return_exceptions=False):
    j = {"op": "gather", "items": [{"task": i} if isinstance(i, str) else {"call": i} for i in items]}
    if return_exceptions:
        j["return_exceptions"] = True
    if as_:
        j["as"] = as_
    parts = [i if isinstance(i, str) else py_call(i) for i in items]
    if return_exceptions:
        parts.append("return_exceptions=True")
    return (j, lambda: [("%s = " % as_ if as_ else "") + "await asyncio.gather(%s)" % ", ".join(parts)])


def CANCEL(task, message=None):
    j = {"op": "cancel", "task": task}
    if message is not None:
        j["message"] = message
    return (j, lambda: ["%s.cancel(%s)" % (task, "" if message is None else py_value(message))])


def RAISE(type_=None, message=None):
    j = {"op": "raise"}
    if type_:
        j["type"] = type_
    if message is not None:
        j["message"] = message
    pytype = "asyncio.CancelledError" if type_ == "CancelledError" else type_
    if not type_:
        return (j, lambda: ["raise"])
    return (j, lambda: ["raise %s(%s)" % (pytype, "" if message is None else py_value(message))])


def RETURN(value=None):
    j = {"op": "return"}
    if value is not None:
        j["value"] = value
    return (j, lambda: ["return" + ("" if value is None else " " + py_value(value))])


def body_lines(steps):
    lines = []
    for s in steps:
        lines.extend(s[1]())
    return lines or ["pass"]


def REPEAT(times, steps, var_=None):
    j = {"op": "repeat", "times": times, "body": [s[0] for s in steps]}
    if var_:
        j["var"] = var_
    return (j, lambda: ["for %s in range(%s):" % (var_ or "_", py_value(times))]
            + ["    " + l for l in body_lines(steps)])


def TRY(steps, handlers=(), finally_=None):
    j = {"op": "try", "body": [s[0] for s in steps]}
    if handlers:
        j["except"] = []
        for h in handlers:
            type_, as_, hsteps = h
            e = {"type": type_}
            if as_:
                e["as"] = as_
            e["body"] = [s[0] for s in hsteps]
            j["except"].append(e)
    if finally_ is not None:
        j["finally"] = [s[0] for s in finally_]

    def py():
        out = ["try:"] + ["    " + l for l in body_lines(steps)]
        for type_, as_, hsteps in handlers:
            t = "asyncio.CancelledError" if type_ == "CancelledError" else type_
            out.append("except %s%s:" % (t, " as " + as_ if as_ else ""))
            out += ["    " + l for l in body_lines(hsteps)]
        if finally_ is not None:
            out.append("finally:")
            out += ["    " + l for l in body_lines(finally_)]
        return out
    return (j, py)


def program(name, title, coroutines):
    """coroutines: list of (name, params, steps); the last one is the entry."""
    entry = coroutines[-1][0]
    project = {"format": "tusk", "version": 1, "title": title, "entry": entry, "coroutines": []}
    py = ["import asyncio", "", "_T0 = 0.0", "", "", "def _now():",
          "    return asyncio.get_running_loop().time() - _T0", "", ""]
    for cname, params, steps in coroutines:
        c = {"name": cname}
        if params:
            c["params"] = params
        c["body"] = [s[0] for s in steps]
        project["coroutines"].append(c)
        py.append("async def %s(%s):" % (cname, ", ".join(params)))
        if cname == entry:
            py += ["    global _T0", "    _T0 = asyncio.get_running_loop().time()"]
        py += ["    " + l for l in body_lines(steps)]
        py += ["", ""]
    py.append("asyncio.run(%s())" % entry)
    base = os.path.join(HERE, name)
    with open(base + ".tusk", "w", encoding="utf-8") as f:
        json.dump(project, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(base + ".py", "w", encoding="utf-8") as f:
        f.write("\n".join(py) + "\n")
    r = subprocess.run([sys.executable, base + ".py"], capture_output=True, text=True)
    with open(base + ".expected", "w", encoding="utf-8") as f:
        f.write(r.stdout)
    err_lines = [l for l in r.stderr.splitlines() if l and not l.startswith(" ")]
    last = err_lines[-1] if r.returncode else ""
    with open(base + ".status", "w", encoding="utf-8") as f:
        f.write("%d\n%s\n" % (r.returncode, last))


program("start-order", "A created task starts only when its creator suspends", [
    ("worker", ["n"], [PRINT("worker {n} starts"), SLEEP(0), PRINT("worker {n} resumes")]),
    ("main", [], [CREATE(call("worker", 1), "a"), CREATE(call("worker", 2), "b"),
                  PRINT("main created both"), AWAIT("a"), PRINT("main: a done"), AWAIT("b")]),
])

program("sleep-zero-hops", "sleep(0) yields for exactly one iteration", [
    ("ticker", ["name", "n"], [REPEAT(var("n"), [PRINT("{name} tick {i}"), SLEEP(0)], "i")]),
    ("main", [], [CREATE(call("ticker", "a", 3), "a"), CREATE(call("ticker", "b", 2), "b"),
                  SLEEP(0), PRINT("main after one hop"), AWAIT("a"), AWAIT("b"), PRINT("main end")]),
])

program("timer-two-hops", "A positive sleep costs two iterations even when it is due at once", [
    ("tiny", [], [SLEEP(1e-10), PRINT("tiny woke")]),
    ("zero", [], [SLEEP(0), PRINT("zero hop 1"), SLEEP(0), PRINT("zero hop 2"), SLEEP(0), PRINT("zero hop 3")]),
    ("main", [], [CREATE(call("tiny"), "t"), CREATE(call("zero"), "z"), AWAIT("t"), AWAIT("z")]),
])

program("equal-deadlines-fifo", "Timers with equal deadlines fire in the order they were armed", [
    ("sleeper", ["name", "s"], [SLEEP(var("s")), PRINT("{name} woke at {now:.1f}")]),
    ("main", [], [CREATE(call("sleeper", "first", 1), "a"), CREATE(call("sleeper", "second", 1), "b"),
                  CREATE(call("sleeper", "early", 0.5), "c"), GATHER(["a", "b", "c"])]),
])

program("two-tasks-finish-together", "Two sleeps of 1 s and 2 s end together at 2 s", [
    ("task1", [], [SLEEP(1), PRINT("task1 at {now:.1f}")]),
    ("task2", [], [SLEEP(2), PRINT("task2 at {now:.1f}")]),
    ("main", [], [CREATE(call("task1"), "t1"), CREATE(call("task2"), "t2"), AWAIT("t1"),
                  PRINT("main: t1 done at {now:.1f}"), AWAIT("t2"), PRINT("main: t2 done at {now:.1f}")]),
])

program("await-finished-task", "Awaiting a finished task or calling a coroutine never suspends", [
    ("quick", [], [RETURN(7)]),
    ("other", [], [PRINT("other runs")]),
    ("main", [], [CREATE(call("quick"), "q"), SLEEP(0), CREATE(call("other"), "o"),
                  AWAIT("q", as_="v"), PRINT("got {v} without suspending"),
                  AWAIT(c=call("quick"), as_="w"), PRINT("direct call gave {w}"), AWAIT("o")]),
])

program("gather-extra-hop", "gather costs one more hop than awaiting a task", [
    ("job", [], [RETURN("x")]),
    ("ticker", [], [REPEAT(5, [PRINT("tick {i}"), SLEEP(0)], "i")]),
    ("main", [], [CREATE(call("ticker"), "tk"), CREATE(call("job"), "j1"), AWAIT("j1"), PRINT("awaited task"),
                  CREATE(call("job"), "j2"), GATHER(["j2"], "r"), PRINT("gathered {r}"), AWAIT("tk")]),
])

program("cancel-sleeping", "Cancelling a sleeping task throws CancelledError into it", [
    ("sleeper", [], [TRY([SLEEP(10)], [("CancelledError", "e", [PRINT("sleeper caught {e!r}"), RAISE()])])]),
    ("main", [], [CREATE(call("sleeper"), "t"), SLEEP(1), CANCEL("t", "stop"),
                  PRINT("cancel requested: done={t.done()} cancelled={t.cancelled()}"),
                  TRY([AWAIT("t")], [("CancelledError", "e", [PRINT("main caught {e!r}")])]),
                  PRINT("now done={t.done()} cancelled={t.cancelled()}"),
                  TRY([AWAIT("t")], [("CancelledError", "e2", [PRINT("second await raises {e2!r}")])])]),
])

program("cancel-before-start", "A task cancelled before it starts never runs its body", [
    ("never", [], [PRINT("this must not print")]),
    ("main", [], [CREATE(call("never"), "t"), CANCEL("t"), PRINT("cancelled={t.cancelled()}"),
                  TRY([AWAIT("t")], [("CancelledError", "e", [PRINT("await raised {e!r}")])]),
                  PRINT("cancelled={t.cancelled()}")]),
])

program("cancel-chain", "Cancellation travels down an await chain, one hop per level", [
    ("c", [], [TRY([SLEEP(5)], [("CancelledError", None, [PRINT("c cancelled"), RAISE()])])]),
    ("b", [], [CREATE(call("c"), "tc"), TRY([AWAIT("tc")], [("CancelledError", None, [PRINT("b cancelled"), RAISE()])])]),
    ("a", [], [CREATE(call("b"), "tb"), TRY([AWAIT("tb")], [("CancelledError", None, [PRINT("a cancelled"), RAISE()])])]),
    ("ticker", [], [REPEAT(6, [PRINT("tick {i}"), SLEEP(0)], "i")]),
    ("main", [], [CREATE(call("a"), "ta"), SLEEP(1), CREATE(call("ticker"), "tk"), CANCEL("ta", "down"),
                  TRY([AWAIT("ta")], [("CancelledError", "e", [PRINT("main: {e!r}")])]), AWAIT("tk")]),
])

program("cancel-meets-completion", "Cancel after the timer fired but before the task resumed still cancels it", [
    ("sleeper", [], [SLEEP(1), PRINT("sleeper finished its sleep"), RETURN("ok")]),
    ("main", [], [CREATE(call("sleeper"), "t"), SLEEP(0), SLEEP(1), CANCEL("t", "late"),
                  TRY([AWAIT("t", as_="r"), PRINT("result {r}")],
                      [("CancelledError", "e", [PRINT("cancelled anyway: {e!r}")])])]),
])

program("swallow-cancel", "A task that swallows its cancellation finishes normally", [
    ("stubborn", [], [TRY([SLEEP(5)], [("CancelledError", None, [PRINT("stubborn ignores it")])]), SLEEP(1),
                      RETURN(42)]),
    ("main", [], [CREATE(call("stubborn"), "t"), SLEEP(1), CANCEL("t"), AWAIT("t", as_="r"),
                  PRINT("result {r} cancelled={t.cancelled()} at {now:.1f}")]),
])

program("gather-error", "Without return_exceptions the first error propagates; the others go on", [
    ("ok", ["s"], [SLEEP(var("s")), PRINT("ok {s} done"), RETURN(var("s"))]),
    ("bad", [], [SLEEP(1), RAISE("ValueError", "bad input")]),
    ("main", [], [CREATE(call("ok", 2), "slow"),
                  TRY([GATHER([call("ok", 0.5), call("bad"), "slow"], "r"), PRINT("never {r}")],
                      [("ValueError", "e", [PRINT("gather raised {e!r} at {now:.1f}")])]),
                  AWAIT("slow", as_="v"), PRINT("slow still finished: {v} at {now:.1f}"),
                  GATHER([call("ok", 0.5), call("bad")], "all", return_exceptions=True), PRINT("{all}")]),
])

program("try-finally-return", "finally runs on return and on error; except-as names are unbound after", [
    ("f", [], [TRY([RETURN("from try")], finally_=[PRINT("finally after return")])]),
    ("g", [], [TRY([RAISE("RuntimeError", "inner")], [("ValueError", None, [PRINT("not this")])],
                   finally_=[PRINT("finally while raising")])]),
    ("main", [], [AWAIT(c=call("f"), as_="r"), PRINT("f returned {r!r}"),
                  TRY([AWAIT(c=call("g"))], [("Exception", "e", [PRINT("caught {e!r}")])])]),
])

program("entry-error", "An exception leaving the entry coroutine ends the run with status 1", [
    ("helper", [], [SLEEP(1), RAISE("ValueError", "boom")]),
    ("main", [], [PRINT("start"), AWAIT(c=call("helper")), PRINT("never")]),
])

program("entry-cancelled", "A CancelledError out of the entry coroutine, with its message", [
    ("main", [], [PRINT("start"), RAISE("CancelledError", "bye")]),
])

program("shutdown-cancels-leftovers", "Leftover tasks are cancelled when the entry returns", [
    ("worker", [], [TRY([SLEEP(10)], [("CancelledError", None, [PRINT("worker cancelled at shutdown"), SLEEP(0),
                                                                  PRINT("worker cleanup done")])])]),
    ("main", [], [CREATE(call("worker"), "w"), SLEEP(1), PRINT("main returns")]),
])

program("formatting", "Values print exactly as Python prints them", [
    ("val", ["x"], [RETURN(var("x"))]),
    ("main", [], [AWAIT(c=call("val", 0.1), as_="a"), AWAIT(c=call("val", 1e-05), as_="b"),
                  AWAIT(c=call("val", 1e16), as_="c"), AWAIT(c=call("val", "it's"), as_="d"),
                  AWAIT(c=call("val", None), as_="n"), AWAIT(c=call("val", True), as_="t"),
                  PRINT("{a} {b} {c} {d!r} {n} {t} {a:.3f} {c:,.0f} {d:>8}|{t:>6}|"),
                  GATHER([call("val", 1), call("val", "a"), call("val", None), call("val", 2.5)], "lst"),
                  PRINT("{lst} {lst!r}")]),
])

program("unbound-local", "Reading a variable before it has a value raises UnboundLocalError", [
    ("one", [], [RETURN(1)]),
    ("main", [], [TRY([REPEAT(0, [AWAIT(c=call("one"), as_="v")]), PRINT("{v}")],
                      [("Exception", "e", [PRINT("{e!r}")])])]),
])
