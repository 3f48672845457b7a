"""Reference runner: exported Tusk scripts under CPython's own asyncio, on a virtual clock.

Tusk promises to print exactly what CPython 3.11's asyncio prints. This module is the judge's
side of that comparison: it executes a script written by ``tusk export`` with real CPython code
for everything that decides an outcome (``Task``, ``Future``, ``gather``, ``sleep``,
``asyncio.run`` and the ``Runner`` shutdown that cancels leftover tasks), and replaces only the
clock, so that a run is deterministic and takes no wall time:

* ``VirtualClockLoop`` is a ``BaseEventLoop`` whose ``time()`` is an integer count of
  nanoseconds divided by 1e9. Its selector never blocks: when nothing is ready, ``select()``
  moves the clock to the earliest timer (time jumps when idle).
* ``call_later``/``call_at`` convert seconds to integer nanoseconds the way Tusk does (Python's
  ``repr`` of the float, rounded half-even to whole nanoseconds) and order timers by
  (deadline, insertion number).
* Task names come from a counter per loop, so that every script sees ``Task-1``, ``Task-2``, ...
  as a fresh ``python3`` process would (CPython's own counter lives as long as the process).
* The loop notes how many lines were on standard output when the entry task (the one
  ``asyncio.run`` created) ended: what comes after is printed while ``Runner.close()`` cancels
  the leftover tasks, in an order CPython does not fix, so callers compare it as a multiset.

Many scripts can run in one process (a fresh loop each): see ``run_script``. From the command
line, ``python3 reference.py SCRIPT.py`` runs one script and reports like ``tusk run
--mark-entry-return``: the script's output on stdout, then on stderr
``reference: entry returned after N lines`` and, when an exception escaped, the traceback's
last line; the exit status is the script's (0, 1 for an uncaught exception, 3 for a deadlock).
"""

import asyncio
import builtins
import dataclasses
import decimal
import gc
import io
import itertools
import logging
import subprocess
import sys
import traceback

NS_PER_SECOND = 10**9

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_DEADLOCK = 3


def seconds_to_ns(seconds):
    """Seconds as whole nanoseconds, exactly as Tusk converts them.

    Integers (and bools) are exact. A float goes through its ``repr`` (the shortest decimal that
    reads back as the same double), which is then rounded half-even to whole nanoseconds: 0.1 s
    is 100000000 ns, never 100000000.0000000055 ns, so 0.7 + 0.1 s of sleeps equal 0.8 s.
    """
    if isinstance(seconds, int):
        return int(seconds) * NS_PER_SECOND
    exact = decimal.Decimal(repr(float(seconds))).scaleb(9)
    return int(exact.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))


class Deadlock(BaseException):
    """Nothing is ready and no timer is armed: CPython would wait forever."""


class _Deadline:
    """A timer's deadline: integer nanoseconds plus an insertion number for ties.

    ``TimerHandle`` keeps it as ``_when``. ``BaseEventLoop._run_once`` uses ``_when`` in three
    ways, all answered exactly in integers: heap order (``<`` between deadlines), the select
    timeout (``when - self.time()``) and the due test ``when >= self.time() + clock_resolution``
    (a timer is due when its deadline is not after the current time, as in Tusk).
    """

    __slots__ = ("ns", "seq", "_loop")

    def __init__(self, ns, seq, loop):
        self.ns = ns
        self.seq = seq
        self._loop = loop

    def _key(self):
        return (self.ns, self.seq)

    def __lt__(self, other):
        return self._key() < other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __ge__(self, other):
        if isinstance(other, _Deadline):
            return self._key() >= other._key()
        # `handle._when >= end_time` in _run_once, where end_time is the loop's current time plus
        # its resolution: "not due yet".
        return self.ns > self._loop.now_ns

    def __eq__(self, other):
        return isinstance(other, _Deadline) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __sub__(self, other):
        # `when - self.time()` in _run_once: the select timeout.
        return (self.ns - self._loop.now_ns) / NS_PER_SECOND

    def __float__(self):
        return self.ns / NS_PER_SECOND

    def __repr__(self):
        return f"{self.ns / NS_PER_SECOND!r}"


class _VirtualSelector:
    """Stands in for the selector: no I/O, and waiting means moving the clock."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        loop = self._loop
        if timeout is None:
            # _run_once found nothing ready and no timer armed.
            loop.note_deadlock()
            raise Deadlock()
        if timeout > 0 and loop._scheduled:
            loop.now_ns = max(loop.now_ns, loop._scheduled[0]._when.ns)
        return []

    def close(self):
        pass


class VirtualClockLoop(asyncio.BaseEventLoop):
    """CPython's BaseEventLoop with a virtual nanosecond clock (see the module docstring)."""

    def __init__(self, stdout=None):
        super().__init__()
        self.now_ns = 0
        self._selector = _VirtualSelector(self)
        self._timer_numbers = itertools.count()
        self._task_numbers = itertools.count(1)
        self._stdout = stdout
        self.set_debug(False)  # debug mode would time callbacks on the wall clock
        self.entry_task = None
        self.entry_lines = None  # lines on stdout when the entry task ended
        self.deadlock_output = None  # what stdout held when the run deadlocked
        self.close_lines = None  # lines on stdout when Runner.close() closed the loop
        self.pending_at_close = 0  # tasks still pending then (their coroutines get finalized)

    # The clock -------------------------------------------------------------------------------

    def time(self):
        return self.now_ns / NS_PER_SECOND

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        when = _Deadline(self.now_ns + seconds_to_ns(delay), next(self._timer_numbers), self)
        return self.call_at(when, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        if not isinstance(when, _Deadline):
            when = _Deadline(seconds_to_ns(when), next(self._timer_numbers), self)
        return super().call_at(when, callback, *args, context=context)

    # Observation -----------------------------------------------------------------------------

    def create_task(self, coro, *, name=None, context=None):
        # CPython numbers every task it creates, named or not (asyncio.create_task(name=...)
        # numbers the task, then renames it), from a counter that lives as long as the process.
        if name is None:
            name = f"Task-{next(self._task_numbers)}"
        task = super().create_task(coro, name=name, context=context)
        if self.entry_task is None:
            self.entry_task = task  # asyncio.run() creates the entry task first
        return task

    def call_soon(self, callback, *args, context=None):
        # A future schedules its done callbacks (at least run_until_complete's) through
        # call_soon at the moment it ends: that is when the entry task has returned or failed.
        if (self.entry_lines is None and args and args[0] is self.entry_task
                and self.entry_task.done()):
            self.entry_lines = self._stdout.lines if self._stdout is not None else 0
        return super().call_soon(callback, *args, context=context)

    def close(self):
        if self.close_lines is None:
            self.close_lines = self._stdout.lines if self._stdout is not None else 0
            self.pending_at_close = len(asyncio.all_tasks(self))
        super().close()

    def note_deadlock(self):
        if self.deadlock_output is None and self._stdout is not None:
            self.deadlock_output = self._stdout.getvalue()

    # What BaseEventLoop leaves to subclasses -------------------------------------------------

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


class CapturedStdout(io.TextIOBase):
    """sys.stdout for a run: keeps the text and counts lines, and, like a UTF-8 stdout, refuses
    text that cannot be encoded (a lone surrogate raises UnicodeEncodeError in print())."""

    def __init__(self):
        super().__init__()
        self._parts = []
        self.lines = 0

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        text.encode("utf-8")
        self._parts.append(text)
        self.lines += text.count("\n")
        return len(text)

    def getvalue(self):
        return "".join(self._parts)


class _VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    """Makes asyncio.run() (via events.new_event_loop()) create a VirtualClockLoop."""

    def __init__(self, stdout):
        super().__init__()
        self._stdout = stdout
        self.loops = []

    def new_event_loop(self):
        loop = VirtualClockLoop(self._stdout)
        self.loops.append(loop)
        return loop


@dataclasses.dataclass
class RunResult:
    """What one run of a script did."""

    stdout: str
    status: int  # EXIT_OK, EXIT_FAILED or EXIT_DEADLOCK
    error_line: str = None  # the traceback's last line when status is EXIT_FAILED
    entry_lines: int = None  # lines on stdout when the entry task ended (None: it never did)
    # Tasks still pending when the loop closed are destroyed later; closing their coroutines
    # runs `finally` blocks and `except BaseException` handlers (GeneratorExit), which may
    # print. Those lines come last, from close_lines on.
    close_lines: int = None
    pending_at_close: int = 0


def traceback_last_line(exc):
    """The line a traceback of ``exc`` ends with: ``ValueError: boom``, ``ValueError``,
    ``asyncio.exceptions.CancelledError: bye``."""
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
    return text.split("\n")[-1]


# How many frames fit above a script's module frame before RecursionError: measured at module
# level, where `python3 FILE` runs a script's top-level code.
_HEADROOM_PROBE = """
def _down(n):
    try:
        return _down(n + 1)
    except RecursionError:
        return n
headroom = _down(0)
"""
_fresh_headroom = None


def _headroom_of_a_fresh_process():
    global _fresh_headroom
    if _fresh_headroom is None:
        out = subprocess.run([sys.executable, "-c", _HEADROOM_PROBE + "print(headroom)"],
                             capture_output=True, text=True, check=True)
        _fresh_headroom = int(out.stdout)
    return _fresh_headroom


def run_script(source, filename="<exported>"):
    """Runs a script's source as ``python3 FILE`` would (``__name__ == "__main__"``) on a
    fresh VirtualClockLoop and returns a RunResult. Restores sys.stdout, sys.stderr, the event
    loop policy and the recursion limit afterwards."""
    stdout = CapturedStdout()
    policy = _VirtualPolicy(stdout)
    saved = (sys.stdout, sys.stderr, asyncio.get_event_loop_policy(), sys.getrecursionlimit())
    # The script's module frame sits on top of this runner's frames; `python3 FILE` would have
    # it at the bottom. Raise the limit by the difference so that RecursionError strikes at the
    # same depth of awaits and of nested reprs. Measured rather than counted: counting this
    # runner's frames came out a frame or two off after some programs had run.
    # (The probe is exec'd right here, exactly as the script is below.)
    probe = {"__name__": "__main__", "__builtins__": builtins}
    exec(compile(_HEADROOM_PROBE, "<probe>", "exec"), probe)
    depth = _headroom_of_a_fresh_process() - probe["headroom"]
    status = EXIT_OK
    error_line = None
    try:
        code = compile(source, filename, "exec")
        asyncio.set_event_loop_policy(policy)
        sys.stdout = stdout
        sys.stderr = io.StringIO()  # "Task exception was never retrieved" and the like
        sys.setrecursionlimit(saved[3] + depth)
        namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
        try:
            exec(code, namespace)
        finally:
            # What `python3 FILE` finalizes at exit (coroutines of tasks left pending) happens
            # here, still into this run's output, while the script's globals still exist.
            gc.collect()
            namespace.clear()
            gc.collect()
    except Deadlock:
        status = EXIT_DEADLOCK
    except BaseException as exc:  # noqa: B902 -- whatever escapes asyncio.run() is the outcome
        status = EXIT_FAILED
        error_line = traceback_last_line(exc)
    finally:
        sys.setrecursionlimit(saved[3])
        sys.stdout, sys.stderr = saved[0], saved[1]
        asyncio.set_event_loop_policy(saved[2])
    loop = policy.loops[0] if policy.loops else None
    output = stdout.getvalue()
    if loop is not None and loop.deadlock_output is not None:
        status = EXIT_DEADLOCK  # even if Runner.close() raised something else afterwards
        error_line = None
        output = loop.deadlock_output  # Tusk stops at the deadlock: nothing after it counts
    if loop is None:
        return RunResult(output, status, error_line)
    return RunResult(output, status, error_line, loop.entry_lines, loop.close_lines, loop.pending_at_close)


def quiet_asyncio_logger():
    """Silences the 'asyncio' logger (never-retrieved exceptions, destroyed pending tasks): it
    writes to stderr, which no comparison looks at, and may do so long after a run ended."""
    logging.getLogger("asyncio").disabled = True


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    quiet_asyncio_logger()
    status = EXIT_OK
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            result = run_script(f.read(), path)
        sys.stdout.buffer.write(result.stdout.encode("utf-8", "surrogateescape"))
        sys.stdout.flush()
        if result.entry_lines is not None:
            print(f"reference: entry returned after {result.entry_lines} lines", file=sys.stderr)
        if result.status == EXIT_DEADLOCK:
            print("reference: deadlock", file=sys.stderr)
        if result.error_line is not None:
            print(result.error_line, file=sys.stderr)
        status = max(status, result.status)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
