"""Language v2 for the random program generator (generate.py): expressions of every kind Tusk
runs, and the statements built on them (assignment with augmented and subscript targets and
tuple unpacking, if/elif/else, bounded while and for loops with break, continue and else,
expression steps, gather(*tasks), templates with expression fields, and `random` with the
project's seed, so CPython draws the same numbers).

Expressions are built by the kind of value they give, so that most are well typed and the
program goes on; a few are not on purpose (IndexError, KeyError, ZeroDivisionError, TypeError),
since CPython's exact message is part of what is compared.

Every program still ends: a while loop counts a variable of its own up to a small limit (its
first step), a for loop walks a fresh small iterable (never one its body can grow), `**` and
`*` on sequences take small literals, so no value grows without bound.

What is written is what `tusk import` reads back from `tusk export` (the round trip is
checked): a literal is a JSON literal, a variable `{"var": name}`, anything else
`{"expr": text}`; `for NAME in range(N)` would come back as a repeat step, so for loops walk
something else.
"""

import ast

VALUE_KINDS = ("int", "float", "str", "bool", "list", "dict")
SIMPLE_STRINGS = ("a", "bc", "job", "x y", "", "Ω", "dé")


def py_literal(value):
    """Python source for a literal, as repr() writes it (strings in single quotes)."""
    if isinstance(value, str):
        return "'" + value + "'"  # SIMPLE_STRINGS hold no quote or backslash
    return repr(value)


class ExpressionMaker:
    """Random expressions over the variables in scope: `make(kind)` gives source text."""

    def __init__(self, gen, ctx):
        self.gen = gen
        self.ctx = ctx
        self.r = gen.rng
        # Only the entry draws random numbers: after it ends, asyncio.run() cancels the tasks
        # left in the order of a set, which CPython does not fix, and their draws would follow.
        self.draws = ctx.coro.name == "main"

    def var(self, kind):
        names = self.ctx.names(kind)
        return self.r.choice(names) if names else None

    def leaf(self, kind):
        r = self.r
        name = self.var(kind)
        if name is not None and r.random() < 0.6:
            return name
        if kind == "int":
            return str(r.choice((0, 1, 2, 3, 5, 7, 10, -4)))
        if kind == "float":
            return repr(r.choice((0.5, 1.5, 0.1, 2.0, -0.25, 3.14)))
        if kind == "str":
            return py_literal(r.choice(SIMPLE_STRINGS))
        if kind == "bool":
            return r.choice(("True", "False"))
        if kind == "list":
            return "[%s]" % ", ".join(str(r.randint(-3, 9)) for _ in range(r.randint(0, 4)))
        if kind == "dict":
            keys = r.sample(("a", "b", "c"), r.randint(0, 3))
            return "{%s}" % ", ".join(f"'{k}': {r.randint(0, 5)}" for k in keys)
        return "None"

    def make(self, kind, depth=0):
        """Source text of an expression that gives `kind` (most of the time). Inner compound
        expressions are parenthesized; the outermost is not (`tusk import` reads an
        expression's text without its outer parentheses, as ast positions do)."""
        if depth >= 2 or self.r.random() < 0.3:
            return self.leaf(kind)
        text = self.compound(kind, depth)
        return f"({text})" if depth > 0 else text

    def compound(self, kind, depth):
        r = self.r
        sub = lambda k: self.make(k, depth + 1)  # noqa: E731
        nonzero = lambda: str(r.choice((1, 2, 3, -2, 7)))  # noqa: E731
        if kind == "int":
            forms = [
                lambda: f"{sub('int')} + {sub('int')}",
                lambda: f"{sub('int')} - {sub('int')}",
                lambda: f"{sub('int')} * {sub('int')}",
                lambda: f"{sub('int')} // {nonzero()}",
                lambda: f"{sub('int')} % {nonzero()}",
                lambda: "-" + self.leaf("int"),
                lambda: f"abs({sub('int')})",
                lambda: f"len({sub(r.choice(('list', 'str', 'dict')))})",
                lambda: f"{r.choice((2, 3, -2, 10))} ** {r.choice((0, 1, 2, 5, 70))}",
                lambda: f"min({sub('int')}, {sub('int')})",
                lambda: f"max({sub('int')}, {sub('int')}, {sub('int')})",
                lambda: f"sum({sub('list')})",
                lambda: f"int({sub('float')})",
                lambda: f"round({sub('float')})",
                lambda: f"{sub('int')} if {sub('bool')} else {sub('int')}",
                lambda: f"{sub('list')}.count({sub('int')})",
                lambda: f"{sub('str')}.find({py_literal(r.choice(SIMPLE_STRINGS))})",
                lambda: f"{sub('dict')}.get('{r.choice('abc')}', {sub('int')})",
                lambda: f"{sub('int')} << {r.choice((0, 1, 3, 64))}",
                lambda: f"{sub('int')} & {sub('int')}",
                lambda: f"True + {sub('int')}",
            ]
            if self.draws:
                forms += [lambda: f"random.randint({r.randint(-3, 2)}, {r.randint(2, 9)})",
                          lambda: f"random.randrange({r.randint(1, 20)})",
                          lambda: f"random.randrange(0, {r.randint(1, 30)}, {r.choice((1, 2, 5))})",
                          lambda: "random.choice([1, 2, 3, 4])",
                          lambda: f"random.getrandbits({r.choice((1, 8, 33, 70))})"]
            if r.random() < 0.05:  # the errors CPython words exactly
                forms += [lambda: f"{sub('int')} // {sub('int')}",
                          lambda: f"{sub('list')}[{sub('int')}]",
                          lambda: f"{sub('dict')}['{r.choice('abcz')}']",
                          lambda: f"{sub('list')}.index({sub('int')})",
                          lambda: f"max({sub('list')})"]
            return r.choice(forms)()
        if kind == "float":
            forms = [
                lambda: f"{sub('int')} / {nonzero()}",
                lambda: f"{sub('float')} * {sub('float')}",
                lambda: f"{sub('float')} + {sub('int')}",
                lambda: f"{sub('float')} - {sub('float')}",
                lambda: f"float({sub('int')})",
                lambda: f"round({sub('float')}, {r.choice((0, 1, 2))})",
                lambda: f"{sub('float')} // {r.choice(('0.5', '2', '-1.5'))}",
                lambda: f"{sub('float')} % {r.choice(('0.5', '2', '-1.5'))}",
                lambda: f"{r.choice((2, 10, 4))} ** {r.choice((-1, -2, 0.5))}",
                lambda: f"abs({sub('float')})",
            ]
            if self.draws:
                forms += [lambda: "random.random()", lambda: f"random.uniform({sub('int')}, {sub('float')})"]
            return r.choice(forms)()
        if kind == "str":
            forms = [
                lambda: f"{sub('str')} + {sub('str')}",
                lambda: f"{sub('str')} * {r.choice((0, 1, 2))}",
                lambda: f"{sub('str')}.upper()",
                lambda: f"{sub('str')}[::-1]",
                lambda: f"{sub('str')}[{r.randint(-2, 2)}:{r.randint(-1, 3)}]",
                lambda: f"str({sub(r.choice(VALUE_KINDS))})",
                lambda: f"repr({sub(r.choice(VALUE_KINDS))})",
                lambda: f"'-'.join([str(v) for v in {sub('list')}])",
                lambda: f"{sub('str')}.replace('a', 'A')",
                lambda: f"{sub('str')}.strip()",
                lambda: f"{sub('str')}.center({r.randint(0, 7)}, '*')",
                lambda: f"format({sub('float')}, '.2f')",
                lambda: f"{sub('str')} if {sub('bool')} else {sub('str')}",
                lambda: f"' '.join(sorted({sub('dict')}))",
            ]
            return r.choice(forms)()
        if kind == "bool":
            forms = [
                lambda: f"{sub('int')} < {sub('int')}",
                lambda: f"{sub('int')} <= {sub('int')} < {sub('int')}",
                lambda: f"{sub('int')} == {sub('float')}",
                lambda: f"{sub('str')} != {sub('str')}",
                lambda: f"{sub('int')} in {sub('list')}",
                lambda: f"'{r.choice('abcz')}' not in {sub('dict')}",
                lambda: f"not {sub('bool')}",
                lambda: f"{sub('bool')} and {sub('bool')}",
                lambda: f"{sub('bool')} or {sub('int')} > 2",
                lambda: f"isinstance({sub(r.choice(VALUE_KINDS))}, {r.choice(('int', 'str', 'list', 'float'))})",
                lambda: f"{sub('str')}.startswith('a')",
                lambda: f"any({sub('list')})",
                lambda: f"all([v > 0 for v in {sub('list')}])",
                lambda: f"{sub('list')} == sorted({sub('list')})",
                lambda: f"{sub('int')} is not None",
            ]
            tasks = self.ctx.names("task")
            if tasks:
                forms.append(lambda: f"{r.choice(tasks)}.{r.choice(('done', 'cancelled'))}()")
            return r.choice(forms)()
        if kind == "list":
            forms = [
                lambda: f"[{sub('int')}, {sub('int')}]",
                lambda: f"list(range({r.randint(-2, 2)}, {r.randint(0, 6)}))",
                lambda: f"[v * 2 for v in {sub('list')} if v % 2 == 0]",
                lambda: f"sorted({sub('list')}, reverse={r.choice(('True', 'False'))})",
                lambda: f"{sub('list')} + {sub('list')}",
                lambda: f"{sub('list')}[{r.randint(-2, 2)}:]",
                lambda: f"list(reversed({sub('list')}))",
                lambda: f"[len(w) for w in {sub('str')}.split()]",
                lambda: f"list({sub('dict')}.values())",
                lambda: f"{sub('list')} * {r.choice((0, 1, 2))}",
                lambda: f"[a + b for a, b in zip({sub('list')}, {sub('list')})]",
            ]
            if self.draws:
                forms += [lambda: f"random.sample(range({r.randint(0, 40)}), {r.randint(0, 6)})",
                          lambda: f"random.choices({sub('list')}, k={r.randint(0, 4)})",
                          lambda: f"random.choices([1, 2, 3], [{r.randint(0, 3)}, 1, 2], k=3)"]
            return r.choice(forms)()
        if kind == "dict":
            forms = [
                lambda: f"{{'{r.choice('abc')}': {sub('int')}, '{r.choice('abc')}': {sub('int')}}}",
                lambda: f"dict({sub('dict')})",
            ]
            return r.choice(forms)()
        return self.leaf(kind)

    def printable(self, depth=0):
        """An expression of any printable kind, with the kind."""
        kind = self.r.choice(VALUE_KINDS + ("tuple",))
        if kind == "tuple":
            return f"({self.make('int')}, {self.make('str')})", "any"
        return self.make(kind, depth), kind


def operand(text):
    """How the .tusk file holds `text`: a JSON literal, a variable, or an expression."""
    stripped = text.strip()
    try:
        node = ast.parse(stripped, mode="eval").body
    except SyntaxError:
        node = None
    # A signed number is a literal to `tusk import` (`-0` is 0).
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)) \
            and isinstance(node.operand, ast.Constant) and type(node.operand.value) in (int, float):
        value = ast.literal_eval(stripped)
        if not isinstance(value, int) or -2 ** 63 <= value < 2 ** 63:
            return value
    for literal in (("True", True), ("False", False), ("None", None)):
        if stripped == literal[0]:
            return literal[1]
    try:
        value = int(stripped)
        if str(value) == stripped and -2 ** 63 <= value < 2 ** 63:
            return value
    except ValueError:
        pass
    try:
        value = float(stripped)
        if repr(value) == stripped:
            return value
    except ValueError:
        pass
    if stripped.isidentifier():
        return {"var": stripped}
    if stripped.startswith("'") and stripped.endswith("'") and stripped.count("'") == 2 \
            and "\\" not in stripped:
        return stripped[1:-1]
    return {"expr": text}


def template_field(maker):
    """A template field holding an expression, with a format spec now and then."""
    r = maker.r
    text, kind = maker.printable()
    if text.startswith("{") or text.endswith("}"):
        text = " " + text + " "
    if kind == "int" and r.random() < 0.3:
        return "{%s:%s}" % (text, r.choice((">4", "05d", "+d", "x", ",")))
    if kind == "float" and r.random() < 0.3:
        return "{%s:%s}" % (text, r.choice((".2f", ">8.1f", "e", "%")))
    if r.random() < 0.15:
        return "{%s!r}" % text
    return "{%s}" % text


class StatementMaker:
    """The v2 statements, for ProgramGenerator.step_of (generate.py)."""

    OPS = ("assign", "assign", "assign", "augassign", "subscript", "unpack", "expr", "if", "if",
           "while", "for", "for", "print_expr", "gather_starred", "task_list")

    def __init__(self, gen):
        self.gen = gen
        self.counters = set()  # while loops' counters

    def fresh(self, ctx, kind, prefix="v"):
        name = self.gen.fresh(prefix)
        ctx.scope[name] = kind
        return name

    def make(self, ctx, op, depth):
        r = self.gen.rng
        m = ExpressionMaker(self.gen, ctx)
        if op == "assign":
            kind = r.choice(VALUE_KINDS)
            value = m.make(kind)
            same = [n for n in ctx.names(kind) if n not in self.counters]
            target = r.choice(same) if same and r.random() < 0.4 else self.fresh(ctx, kind)
            return {"op": "assign", "target": target, "value": operand(value)}
        if op == "augassign":
            choices = [(k, n) for k in ("int", "str", "list", "float") for n in ctx.names(k)
                       if n not in self.counters]
            if not choices:
                return None
            kind, name = r.choice(choices)
            if kind == "int":
                op_sym = r.choice(("+", "-", "*", "//", "%"))
                value = m.leaf("int") if op_sym in ("+", "-") else str(r.choice((2, 3, -3)))
            elif kind == "float":
                op_sym = r.choice(("+", "-", "*", "/"))
                value = r.choice(("0.5", "2", "1.25"))
            elif kind == "str":
                op_sym, value = "+", m.leaf("str")
            else:
                op_sym, value = "+", m.leaf("list")
            return {"op": "assign", "target": name, "operator": op_sym, "value": operand(value)}
        if op == "subscript":
            lists, dicts = ctx.names("list"), ctx.names("dict")
            if dicts and (not lists or r.random() < 0.5):
                return {"op": "assign", "target": f"{r.choice(dicts)}['{r.choice('abc')}']",
                        "value": operand(m.make("int"))}
            if lists:
                return {"op": "assign", "target": f"{r.choice(lists)}[{r.randint(-1, 1)}]",
                        "value": operand(m.make("int"))}
            return None
        if op == "unpack":
            a, b = self.gen.fresh("v"), self.gen.fresh("v")
            if r.random() < 0.5:
                value = f"divmod({m.make('int')}, {r.choice((2, 3, -4))})"
                ctx.scope[a] = ctx.scope[b] = "int"
            else:
                value = f"{m.make('str')}, {m.make('int')}"
                ctx.scope[a], ctx.scope[b] = "str", "int"
            return {"op": "assign", "target": f"{a}, {b}", "value": operand(value)}
        if op == "expr":
            lists = ctx.names("list")
            if lists and r.random() < 0.6:
                name = r.choice(lists)
                call = r.choice((f"{name}.append({m.make('int')})", f"{name}.sort()", f"{name}.reverse()",
                                 f"{name}.insert(0, {m.make('int')})", f"{name}.pop()")
                             + ((f"random.shuffle({name})",) if m.draws else ()))
                return {"op": "expr", "value": {"expr": call}}
            text, _ = m.printable()
            end = r.choice(("''", "' '", "'!\\n'"))
            return {"op": "expr", "value": {"expr": f"print({text}, {m.make('int')}, sep='/', end={end})"}}
        if op == "print_expr":
            self.gen.prints += 1
            fields = " ".join(template_field(m) for _ in range(r.randint(1, 3)))
            return {"op": "print", "text": f"{ctx.coro.name}.{self.gen.prints} {fields}"}
        if op == "if":
            if depth >= 3:
                return None
            s = {"op": "if", "test": operand(m.make("bool"))}
            s["body"] = self.block(ctx, depth)
            if r.random() < 0.6:
                if r.random() < 0.4:
                    inner = self.make(ctx, "if", depth + 1)
                    s["else"] = [inner] if inner else []
                else:
                    s["else"] = self.block(ctx, depth)
            return s
        if op == "while":
            if depth >= 3:
                return None
            counter = self.gen.fresh("k")
            ctx.scope[counter] = "int"
            self.counters.add(counter)  # only its loop changes it, or the loop would not end
            limit = r.randint(0, 3)
            body = [{"op": "assign", "target": counter, "operator": "+", "value": 1}]
            ctx.loop_depth += 1
            body += self.block(ctx, depth)
            ctx.loop_depth -= 1
            s = {"op": "while", "test": {"expr": f"{counter} < {limit}"}, "body": body}
            if r.random() < 0.4:
                s["else"] = self.block(ctx, depth)
            return [{"op": "assign", "target": counter, "value": 0}, s]
        if op == "for":
            if depth >= 3:
                return None
            roll = r.random()
            target = self.gen.fresh("x")
            if roll < 0.3:
                iterable, kind = f"range({r.randint(-1, 1)}, {r.randint(0, 3)})", "int"
            elif roll < 0.55:
                iterable, kind = r.choice(("[1, 2, 3]", "[0, -1]", "[]", "[5]")), "int"
            elif roll < 0.7:
                iterable, kind = f"list({m.make('list')})", "int"
            elif roll < 0.85:
                iterable, kind = r.choice(("'ab'", "'Ωx'", "''")), "str"
            else:
                index = self.gen.fresh("x")
                iterable = f"enumerate({r.choice(('[4, 5]', repr(['p', 'q'])))})"
                ctx.scope[index] = "int"
                ctx.scope[target] = "any"
                target, kind = f"{index}, {target}", None
            if kind:
                ctx.scope[target] = kind
            close = ctx.block()
            ctx.loop_depth += 1
            body = self.block(ctx, depth)
            ctx.loop_depth -= 1
            close()
            s = {"op": "for", "target": target, "iter": operand(iterable), "body": body}
            if r.random() < 0.4:
                s["else"] = self.block(ctx, depth)
            return s
        if op == "gather_starred":
            lists = ctx.names("tasks")
            coros = self.coroutine_list(ctx, m) if r.random() < 0.4 else None
            if not lists and not coros:
                return None
            # `*tasks`, or coroutine objects made on the spot: gather(*[c(n) for n in range(k)]).
            items = [{"starred": coros or r.choice(lists)}]
            tasks = ctx.names("task")
            if tasks and r.random() < 0.3:
                items.insert(0, {"task": r.choice(tasks)})
            s = {"op": "gather", "items": items}
            if r.random() < 0.5:
                s["return_exceptions"] = True
            self.gen.bind(ctx, s, "g", "any", 0.6)
            return s
        if op == "task_list":
            if depth > 0:
                return None  # in a loop, lists of tasks that make lists of tasks explode
            made = self.later_call(ctx, m, sometimes_counter=True)
            if made is None:
                return None
            call, loop_var = made
            name = self.fresh(ctx, "tasks", "ts")
            return {"op": "assign", "target": name,
                    "value": {"expr": f"[asyncio.create_task({call}) for {loop_var} in range({r.randint(0, 3)})]"}}
        raise AssertionError(op)

    def later_call(self, ctx, m, sometimes_counter):
        """`c(...)` of a later coroutine without task parameters, with the name of a fresh loop
        variable its int parameters take (all of them, or each half the time), or None."""
        r = self.gen.rng
        later = self.gen.coroutines[self.gen.coroutines.index(ctx.coro) + 1:]
        callees = [c for c in later if all(k != "task" for _, k in c.params)]
        if not callees:
            return None
        callee = r.choice(callees)
        loop_var = self.gen.fresh("n")
        args = [loop_var if kind == "int" and (not sometimes_counter or r.random() < 0.5)
                else m.leaf(kind if kind in VALUE_KINDS else "str")
                for _, kind in callee.params]
        return f"{callee.name}({', '.join(args)})", loop_var

    def coroutine_list(self, ctx, m):
        """`[c(n) for n in range(k)]` for a later coroutine without task parameters, or None."""
        made = self.later_call(ctx, m, sometimes_counter=False)
        if made is None:
            return None
        call, loop_var = made
        return f"[{call} for {loop_var} in range({self.gen.rng.randint(0, 3)})]"

    def block(self, ctx, depth):
        """A nested block: v1 and v2 steps, with break and continue inside loops."""
        r = self.gen.rng
        close = ctx.block()
        steps = self.gen.steps(ctx, depth + 1, r.randint(1, 3))
        if ctx.loop_depth and r.random() < 0.35:
            jump = {"op": r.choice(("break", "continue"))}
            guard = {"op": "if", "test": operand(ExpressionMaker(self.gen, ctx).make("bool")), "body": [jump]}
            steps.insert(r.randint(0, len(steps)), guard if r.random() < 0.7 else jump)
        close()
        return steps
