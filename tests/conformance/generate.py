"""Seeded random Tusk programs, and delta debugging of the ones Tusk gets wrong.

``generate_program(seed)`` builds a valid .tusk document (a dict) that uses every version 1
operation: print with varied templates (conversions, format specs, ``{x=}``, ``now``,
``.done()``/``.cancelled()``, doubled braces, quotes and non-ASCII text), sleep with ints,
floats and zero, create_task (with and without a name), await of tasks and of calls, gather with
both item kinds (duplicated tasks too) with and without return_exceptions, cancel with and
without a message, raise (typed, and bare inside except), return, repeat with and without a
loop variable, and try/except/finally, nested.

Every program terminates: coroutine ``cK`` only calls ``cJ`` with J > K (no recursion), repeat
counts are small constants or loop variables, and a task can only know tasks created before it,
so no task ever waits on itself. Task objects are never printed (CPython's reprs name source
lines a diagram does not have): task variables only go to await, gather, cancel, ``.done()`` and
``.cancelled()``.

Odd seeds add language v2 (generate_v2.py): expressions, assignment, if, bounded while and for
loops with break, continue and else, expression steps, gather(*tasks).

``minimize(program, still_fails)`` removes steps, clauses and coroutines while ``still_fails``
holds, to show a mismatch in as few steps as possible.

Command line: ``python3 generate.py SEED`` prints the program for SEED;
``python3 generate.py --tusk PATH --seeds 1-500 [--save-dir DIR]`` checks those programs
against CPython (see run_conformance.py, which CTest runs).
"""

import argparse
import copy
import json
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generate_v2 import StatementMaker  # noqa: E402

KINDS_VALUE = ("int", "float", "str", "bool", "none", "any", "exc")
EXCEPTION_TYPES = ("Exception", "ValueError", "RuntimeError", "TimeoutError", "CancelledError", "BaseException")

INT_LITERALS = (-1, 0, 1, 2, 3)
FLOAT_LITERALS = (0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.05, 1.5, 0.25, 1e-05, 0.30000000000000004, -0.5, 2.0)
STR_LITERALS = ("a", "boom", "job", "it's", 'say "hi"', "back\\slash", "{braces}", "Ω", "日本",
                "😀", "tab\there", "", "new\nline", "x y")
SLEEP_LITERALS = (0, 0, 0, 1, 2, 0.1, 0.2, 0.3, 0.7, 0.8, 0.1, 0.5, 0.05, 1.5, -1, True, 0.0)
WORDS = ("start", "done", "got", "after", "before", "caught", "loop", "ok", "value", "step")
ODD_TEXT = ("{{", "}}", "{{x}}", "'", '"', "\\", "é", "→", "😀", "\t", "%", "\\n", "א", "  ")

SPECS = {
    "int": ("d", ">5", "<4", "^7", "05d", "+d", "x", "#x", ",", "_", ".2f", "e", "*>6", "b", "=+5"),
    "float": (".2f", ".1f", ">8.3f", "e", ".3g", "g", "%", ".0f", "+.1f", "08.2f", ",.2f", ".10f", "n"),
    "str": (">6", "<6", "^6", "*^9", ".2", "s", "_<5"),
    "bool": ("d", ">6", "", "x"),
}


class _Coroutine:
    def __init__(self, name, params):
        self.name = name
        self.params = params  # [(name, kind)]


class _Context:
    """What the step being generated can see: variables with kinds, the enclosing handlers."""

    def __init__(self, coro, scope, rng):
        self.coro = coro
        self.scope = scope  # name -> kind, in order of assignment
        self.maybe = set()  # names assigned in a block that may not have run (or raised first)
        self.except_depth = 0
        self.loop_depth = 0  # while and for loops around the step (break and continue)
        self.rng = rng

    def names(self, kind=None):
        """Variables to read. Ones that may be unbound come up rarely: UnboundLocalError is
        worth testing, but a program that dies of it early tests little else."""
        risky = self.rng.random() < 0.05
        return [n for n, k in self.scope.items()
                if (kind is None or k == kind) and (risky or n not in self.maybe)]

    def block(self):
        """Marks, when the returned callable is called, the names bound since as maybe-unbound."""
        before = set(self.scope)

        def close():
            self.maybe.update(set(self.scope) - before)
        return close


class ProgramGenerator:
    """Builds one random program from a seed (same seed, same program)."""

    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.counter = 0
        self.prints = 0
        # Odd seeds use language v2 as well; even seeds stay the v1 programs they always were.
        self.v2 = StatementMaker(self) if seed % 2 == 1 else None

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    # Values -------------------------------------------------------------------------------

    def literal(self, kind):
        r = self.rng
        if kind == "int":
            return r.choice(INT_LITERALS)
        if kind == "float":
            return r.choice(FLOAT_LITERALS)
        if kind == "str":
            return r.choice(STR_LITERALS)
        if kind == "bool":
            return r.choice((True, False))
        if kind == "none":
            return None
        return self.literal(r.choice(("int", "float", "str", "bool", "none")))

    def literal_kind(self, value):
        if value is None:
            return "none"
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float):
            return "float"
        return "str"

    def value_operand(self, ctx, kind="any"):
        """A literal or a variable holding a value (never a task)."""
        r = self.rng
        if kind == "any":
            names = [n for n in ctx.names() if ctx.scope[n] not in ("task", "tasks")]
        else:
            names = ctx.names(kind)
        if names and r.random() < 0.4:
            return {"var": r.choice(names)}
        return self.literal(kind)

    def operand_kind(self, ctx, operand):
        if isinstance(operand, dict):
            return ctx.scope[operand["var"]]
        return self.literal_kind(operand)

    # Templates ----------------------------------------------------------------------------

    def field(self, ctx):
        r = self.rng
        tasks = ctx.names("task")
        values = [n for n in ctx.names() if ctx.scope[n] not in ("task", "tasks")]
        choice = r.random()
        if tasks and choice < 0.25:
            return "{%s.%s()}" % (r.choice(tasks), r.choice(("done", "cancelled")))
        if choice < 0.4:
            return r.choice(("{now}", "{now:.3f}", "{now:.1f}", "{now!r}", "{now:>8.2f}"))
        if not values:
            return "{now:.2f}"
        name = r.choice(values)
        kind = ctx.scope[name]
        roll = r.random()
        if roll < 0.1:
            return "{%s=}" % name
        if roll < 0.35:
            conv = r.choice(("r", "s", "a"))
            spec = r.choice(("", "", ">12", "<3", "^20", ".4"))
            return "{%s!%s%s}" % (name, conv, ":" + spec if spec else "")
        if kind in SPECS and roll < 0.7:
            return "{%s:%s}" % (name, r.choice(SPECS[kind]))
        return "{%s}" % name

    def template(self, ctx):
        r = self.rng
        self.prints += 1
        parts = [f"{ctx.coro.name}.{self.prints}"]
        for _ in range(r.randint(0, 3)):
            roll = r.random()
            if roll < 0.55:
                parts.append(self.field(ctx))
            elif roll < 0.75:
                parts.append(r.choice(ODD_TEXT))
            else:
                parts.append(r.choice(WORDS))
        return " ".join(parts)

    # Steps --------------------------------------------------------------------------------

    def call(self, ctx, callee):
        args = []
        for _, kind in callee.params:
            if kind == "task":
                tasks = ctx.names("task")
                if not tasks:
                    return None
                args.append({"var": self.rng.choice(tasks)})
            else:
                args.append(self.value_operand(ctx, kind if kind != "any" else "any"))
        return {"coroutine": callee.name, "args": args} if args else {"coroutine": callee.name}

    def pick_call(self, ctx):
        later = self.coroutines[self.coroutines.index(ctx.coro) + 1:]
        self.rng.shuffle(later)
        for callee in later:
            c = self.call(ctx, callee)
            if c is not None:
                return c
        return None

    def bind(self, ctx, step, prefix, kind, probability=0.7):
        if self.rng.random() < probability:
            name = self.fresh(prefix)
            step["as"] = name
            ctx.scope[name] = kind

    def step(self, ctx, depth):
        r = self.rng
        ops = ["print"] * 6 + ["sleep"] * 4 + ["create_task"] * 4 + ["await_call"] * 2 + ["gather"] * 2
        if ctx.names("task"):
            ops += ["await_task"] * 4 + ["cancel"] * 3
        if depth < 3:
            ops += ["try"] * 3 + ["repeat"] * 1
        ops += ["raise", "return"]
        if ctx.except_depth:
            ops += ["reraise"] * 2
        if self.v2:
            ops += list(StatementMaker.OPS) * 2
        op = r.choice(ops)
        if op in ("await_task", "await_call", "gather") and ctx.coro.name == "main" and depth == 0 \
                and r.random() < 0.6:
            # Main survives a failed or cancelled awaitable often enough to go on testing.
            close = ctx.block()
            inner = self.step_of(ctx, op, depth + 1)
            close()
            if inner is None:
                return None
            name = self.fresh("e")
            return {"op": "try", "body": [inner],
                    "except": [{"type": "BaseException", "as": name,
                                "body": [{"op": "print", "text": f"main caught {{{name}!r}}"}]}]}
        return self.step_of(ctx, op, depth)

    def step_of(self, ctx, op, depth):
        r = self.rng
        if op in StatementMaker.OPS:
            return self.v2.make(ctx, op, depth)
        tasks = ctx.names("task")
        if op == "print":
            return {"op": "print", "text": self.template(ctx)}
        if op == "sleep":
            # v2 ints can be huge (2 ** 70): beyond 64-bit nanoseconds the clocks part.
            numbers = [] if self.v2 else ctx.names("int") + ctx.names("float")
            if numbers and r.random() < 0.2:
                seconds = {"var": r.choice(numbers)}
            elif r.random() < 0.02:
                seconds = self.value_operand(ctx, "str")  # TypeError, as in CPython
            else:
                seconds = r.choice(SLEEP_LITERALS)
            return {"op": "sleep", "seconds": seconds}
        if op == "create_task":
            call = self.pick_call(ctx)
            if call is None:
                return None
            s = {"op": "create_task", "call": call}
            roll = r.random()
            if roll < 0.15:
                s["name"] = self.fresh("w")
            elif roll < 0.2:
                s["name"] = r.choice((7, None, 0.5))
            self.bind(ctx, s, "t", "task", 0.85)
            return s
        if op == "await_task":
            if not tasks:
                return None
            s = {"op": "await", "task": r.choice(tasks)}
            self.bind(ctx, s, "r", "any", 0.5)
            return s
        if op == "await_call":
            call = self.pick_call(ctx)
            if call is None:
                return None
            s = {"op": "await", "call": call}
            self.bind(ctx, s, "r", "any", 0.5)
            return s
        if op == "gather":
            items = []
            for _ in range(r.randint(0, 4)):
                if tasks and r.random() < 0.5:
                    items.append({"task": r.choice(tasks)})
                else:
                    call = self.pick_call(ctx)
                    if call is not None:
                        items.append({"call": call})
            s = {"op": "gather", "items": items}
            if r.random() < 0.5:
                s["return_exceptions"] = True
            self.bind(ctx, s, "g", "any", 0.5)
            return s
        if op == "cancel":
            if not tasks:
                return None
            s = {"op": "cancel", "task": r.choice(tasks)}
            if r.random() < 0.4:
                s["message"] = self.value_operand(ctx, r.choice(("str", "str", "any")))
            return s
        if op == "raise":
            if ctx.coro.name == "main" and depth == 0 and r.random() < 0.8:
                return None  # keep main going
            s = {"op": "raise", "type": r.choice(EXCEPTION_TYPES)}
            if r.random() < 0.7:
                s["message"] = self.value_operand(ctx, r.choice(("str", "str", "any")))
            return s
        if op == "reraise":
            return {"op": "raise"}
        if op == "return":
            if ctx.coro.name == "main" and r.random() < 0.7:
                return None  # keep main long enough to be interesting
            s = {"op": "return"}
            if r.random() < 0.7:
                s["value"] = self.value_operand(ctx)
            return s
        if op == "repeat":
            s = {"op": "repeat", "times": r.choice((0, 1, 2, 2, 3))}
            ints = [] if self.v2 else ctx.names("int")  # v2 ints may count to 2 ** 70
            if ints and r.random() < 0.1:
                s["times"] = {"var": r.choice(ints)}
            if r.random() < 0.6:
                s["var"] = self.fresh("i")
                ctx.scope[s["var"]] = "int"
            close = ctx.block()
            s["body"] = self.steps(ctx, depth + 1, r.randint(1, 3))
            close()
            if "var" in s and s["times"] == 0:
                ctx.maybe.add(s["var"])
            return s
        if op == "try":
            close = ctx.block()
            s = {"op": "try", "body": self.steps(ctx, depth + 1, r.randint(1, 4))}
            close()
            handlers = []
            for _ in range(r.choice((0, 1, 1, 1, 2))):
                h = {"type": r.choice(EXCEPTION_TYPES)}
                bound = None
                if r.random() < 0.6:
                    bound = self.fresh("e")
                    h["as"] = bound
                    ctx.scope[bound] = "exc"
                ctx.except_depth += 1
                close = ctx.block()
                h["body"] = self.steps(ctx, depth + 1, r.randint(0, 3))
                close()
                ctx.except_depth -= 1
                if bound is not None:
                    del ctx.scope[bound]  # Python unbinds `as` names when the handler ends
                    ctx.maybe.discard(bound)
                handlers.append(h)
            if handlers:
                s["except"] = handlers
            if not handlers or r.random() < 0.35:
                close = ctx.block()
                s["finally"] = self.steps(ctx, depth + 1, r.randint(0, 3))
                close()
            return s
        raise AssertionError(op)

    def steps(self, ctx, depth, count):
        out = []
        for _ in range(count * 3):
            if len(out) >= count:
                break
            s = self.step(ctx, depth)
            if isinstance(s, list):
                out.extend(s)  # a while loop comes with its counter's start
            elif s is not None:
                out.append(s)
        return out

    def program(self):
        r = self.rng
        n = r.randint(2, 5)
        self.coroutines = [_Coroutine("main", [])]
        for i in range(1, n):
            params = []
            for j in range(r.choice((0, 0, 1, 1, 2, 3))):
                kind = r.choice(("int", "float", "str", "any", "task", "task"))
                params.append((f"p{j + 1}", kind))
            self.coroutines.append(_Coroutine(f"c{i}", params))
        docs = []
        for coro in self.coroutines:
            ctx = _Context(coro, dict(coro.params), r)
            size = r.randint(3, 10) if coro.name == "main" else r.randint(1, 7)
            docs.append({"name": coro.name, "params": [p for p, _ in coro.params],
                         "body": self.steps(ctx, 0, size)})
        # Docstrings (format version 2) from a generator of their own, so that the steps of a
        # seed stay what they were before docs existed.
        texts = random.Random(self.seed * 7919 + 17)
        version = 2 if self.v2 else 1
        for coroutine in docs:
            if texts.random() < 0.3:
                doc = random_doc(texts)
                if doc:
                    coroutine["doc"] = doc
                    version = 2
        program = {"format": "tusk", "version": version, "title": f"random program, seed {self.seed}",
                   "entry": "main", "coroutines": docs}
        if self.v2:
            # random.seed(...) before asyncio.run(): ints and strs seed differently.
            program["random_seed"] = texts.choice((self.seed, -self.seed, f"seed {self.seed}", 2 ** 40 + self.seed))
        return program


def clean_doc(text):
    """A doc as Tusk keeps it (engine/model/project.cpp, cleanDoc): inspect.cleandoc() without
    expanding tabs, trailing whitespace dropped, indentation counted in spaces."""
    lines = [line.rstrip() for line in text.split("\n")]
    margins = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.lstrip(" ")]
    margin = min(margins) if margins else 0
    lines = [lines[0].lstrip(" ")] + [line[margin:] for line in lines[1:]]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def random_doc(r):
    """A docstring: words, odd characters (quotes, backslashes, braces, tabs, emoji, RTL
    letters, three quotes in a row), several lines, some indented."""
    words = ("Starts", "the", "worker", "waits", "for", "its", "task", "and", "prints", "a", "line")
    odd = ODD_TEXT + ('"""', "'''", "\\")
    lines = []
    for _ in range(r.choice((1, 1, 1, 2, 3, 4))):
        indent = " " * r.choice((0, 0, 0, 2, 4))
        parts = [r.choice(words) for _ in range(r.randint(1, 6))]
        if r.random() < 0.4:
            parts.insert(r.randint(0, len(parts)), r.choice(odd))
        lines.append(indent + " ".join(parts))
        if r.random() < 0.2:
            lines.append("")
    return clean_doc("\n".join(lines))


def generate_program(seed):
    """The random program for `seed`, as a .tusk document (a dict)."""
    return ProgramGenerator(seed).program()


def write_program(program, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(program, f, ensure_ascii=False, indent=2)
        f.write("\n")


# Minimization -----------------------------------------------------------------------------


def _step_lists(program):
    """Every list of steps in the program (bodies, handler bodies, finally bodies)."""
    lists = []

    def walk(steps):
        lists.append(steps)
        for s in steps:
            if "body" in s:
                walk(s["body"])
            for h in s.get("except", []):
                walk(h["body"])
            if "finally" in s:
                walk(s["finally"])
            if "else" in s:
                walk(s["else"])

    for c in program["coroutines"]:
        walk(c["body"])
    return lists


def _candidates(program):
    """Smaller variants of the program, biggest cuts first."""
    # Whole coroutines nobody calls.
    for ci, c in enumerate(program["coroutines"]):
        if c["name"] == program["entry"]:
            continue
        p = copy.deepcopy(program)
        del p["coroutines"][ci]
        yield p
    n_lists = len(_step_lists(program))
    for li in range(n_lists):
        size = len(_step_lists(program)[li])
        for si in reversed(range(size)):
            # Remove the step.
            p = copy.deepcopy(program)
            steps = _step_lists(p)[li]
            removed = steps.pop(si)
            yield p
            # Replace a compound step by what it contains.
            if removed["op"] in ("repeat", "try", "if", "while", "for"):
                inner = list(removed.get("body", []))
                if removed["op"] == "try":
                    inner += removed.get("finally", [])
                p = copy.deepcopy(program)
                steps = _step_lists(p)[li]
                steps[si:si + 1] = inner
                yield p
            if removed["op"] == "try":
                for hi in range(len(removed.get("except", []))):
                    p = copy.deepcopy(program)
                    t = _step_lists(p)[li][si]
                    del t["except"][hi]
                    if not t["except"]:
                        del t["except"]
                    yield p
                if "finally" in removed and removed.get("except"):
                    p = copy.deepcopy(program)
                    del _step_lists(p)[li][si]["finally"]
                    yield p
            if removed["op"] == "gather":
                for ii in range(len(removed["items"])):
                    p = copy.deepcopy(program)
                    del _step_lists(p)[li][si]["items"][ii]
                    yield p
            if "else" in removed:
                p = copy.deepcopy(program)
                del _step_lists(p)[li][si]["else"]
                yield p
            for key in ("as", "message", "name", "value", "var", "return_exceptions"):
                if key in removed:
                    p = copy.deepcopy(program)
                    del _step_lists(p)[li][si][key]
                    yield p


def minimize(program, still_fails, max_checks=3000):
    """Greedy delta debugging: applies any one-step reduction that keeps `still_fails(program)`
    true, until none does. Returns the smallest program found."""
    current = copy.deepcopy(program)
    checks = 0
    progress = True
    while progress and checks < max_checks:
        progress = False
        for candidate in _candidates(current):
            checks += 1
            if still_fails(candidate):
                current = candidate
                progress = True
                break
            if checks >= max_checks:
                break
    return current


def program_size(program):
    return sum(len(steps) for steps in _step_lists(program))


# Differential checking --------------------------------------------------------------------


def check_program(tusk, program, workdir):
    """Writes `program` to `workdir` and compares Tusk with CPython on it. Returns a
    harness.Comparison; raises harness.ProgramError when Tusk refuses or fails to run it."""
    import harness

    path = os.path.join(workdir, "program.tusk")
    write_program(program, path)
    return harness.compare_file(tusk, path)


def check_seed(tusk, seed, workdir, save_dir=None, out=sys.stdout):
    """Checks the program of one seed. On a mismatch prints the seed, what differs and a
    minimized program, saves both programs to `save_dir`, and returns False."""
    import harness

    program = generate_program(seed)
    try:
        comparison = check_program(tusk, program, workdir)
    except harness.ProgramError as e:
        # A generator bug (an invalid program) or a Tusk crash or hang: both need a look.
        print(f"seed {seed}: {e}", file=out)
        if save_dir:
            os.makedirs(save_dir, exist_ok=True)
            write_program(program, os.path.join(save_dir, f"seed-{seed}.tusk"))
        return False
    if comparison.ok:
        return True
    print(f"seed {seed}: MISMATCH between tusk and CPython", file=out)
    print(harness.describe(comparison), file=out)

    def still_fails(candidate):
        try:
            return not check_program(tusk, candidate, workdir).ok
        except harness.ProgramError:
            return False  # the cut made the program invalid

    small = minimize(program, still_fails)
    small["title"] = f"minimized random program, seed {seed}"
    try:
        final = check_program(tusk, small, workdir)
    except harness.ProgramError:
        final = None
    print(f"seed {seed}: minimized from {program_size(program)} to {program_size(small)} steps:", file=out)
    print(json.dumps(small, ensure_ascii=False, indent=2), file=out)
    if final is not None:
        print(harness.describe(final), file=out)
        print("CPython's script:\n" + final.script, file=out)
    if save_dir:
        os.makedirs(save_dir, exist_ok=True)
        write_program(program, os.path.join(save_dir, f"seed-{seed}.tusk"))
        write_program(small, os.path.join(save_dir, f"seed-{seed}.min.tusk"))
        print(f"seed {seed}: saved seed-{seed}.tusk and seed-{seed}.min.tusk in {save_dir}", file=out)
    return False


def parse_seeds(text):
    """`1-500` or `7` or `1,5,9-12`."""
    seeds = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            seeds.extend(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", nargs="?", type=int, help="print the program for this seed")
    parser.add_argument("--tusk", help="the tusk executable: check programs against CPython")
    parser.add_argument("--seeds", default="1-500", help="seeds to check, e.g. 1-500 or 3,9-12")
    parser.add_argument("--save-dir", help="where to save programs that show a mismatch")
    args = parser.parse_args(argv)
    if args.tusk is None:
        if args.seed is None:
            parser.error("give a SEED to print, or --tusk to check programs")
        print(json.dumps(generate_program(args.seed), ensure_ascii=False, indent=2))
        return 0
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import harness
    import reference

    harness.require_python_311()
    reference.quiet_asyncio_logger()
    tusk = harness.Tusk(args.tusk)
    seeds = [args.seed] if args.seed is not None else parse_seeds(args.seeds)
    failed = []
    with tempfile.TemporaryDirectory(prefix="tusk-random-") as workdir:
        for seed in seeds:
            if not check_seed(tusk, seed, workdir, args.save_dir):
                failed.append(seed)
    print(f"{len(seeds) - len(failed)} of {len(seeds)} random programs agree with CPython"
          + (f"; mismatches: seeds {failed}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
