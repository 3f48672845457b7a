"""Runs one .tusk program both ways and compares: ``tusk run`` against CPython.

CPython's side is the script ``tusk export`` writes, run by ``reference.run_script`` (real
asyncio code on a virtual clock). The two runs agree when they have

* the same exit status (0 finished, 1 an exception escaped ``asyncio.run``, 3 deadlock),
* for status 1, the same last line of the traceback (``ValueError: boom``),
* the same number of stdout lines printed before the entry coroutine ended, and those lines in
  the same order,
* the same lines after that as a multiset: ``Runner.close()`` cancels leftover tasks in the
  iteration order of a set of tasks, which CPython does not fix.

Every program also makes the round trip through Python: ``tusk import`` of the exported script
must give back the same project (title, entry, coroutines with every step, name and text).
"""

import collections
import dataclasses
import difflib
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import reference  # noqa: E402

_MARK = re.compile(r"^tusk: entry returned after (\d+) lines$")
_TRACEBACK_END = "tusk: the traceback ended above"
# CPython's task reprs name the source file and line (`coro=<worker() running at x.py:3>`,
# `coro=<worker() done, defined at x.py:1>`); a diagram has neither, and Tusk writes
# `coro=<worker()>`.
_CORO_REPR = re.compile(r"coro=<([^\s()<>]+)\(\) (?:running at|done, defined at) [^\s<>]+>")

TIMEOUT_SECONDS = 60


def require_python_311():
    """Tusk's reference is CPython 3.11: other versions schedule differently."""
    if sys.version_info[:2] != (3, 11) or sys.implementation.name != "cpython":
        sys.exit(f"conformance: CPython 3.11 is the reference, but this is {sys.implementation.name} "
                 f"{sys.version.split()[0]} ({sys.executable}); install python3.11")


@dataclasses.dataclass
class Outcome:
    """One side's run, in comparable form."""

    lines: list
    status: int
    error_line: str = None
    entry_lines: int = None
    detail: str = ""  # anything worth showing on a mismatch (e.g. Tusk's stderr)
    finalized_lines: int = 0  # CPython: lines printed while finalizing tasks left pending


@dataclasses.dataclass
class Comparison:
    """Both runs of one program and what differs (empty `problems`: they agree)."""

    tusk: Outcome
    cpython: Outcome
    script: str
    problems: list

    @property
    def ok(self):
        return not self.problems


class ProgramError(Exception):
    """The program could not be run at all (Tusk refused it or crashed)."""


def split_lines(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def normalize_cpython_line(line):
    return _CORO_REPR.sub(r"coro=<\1()>", line)


class Tusk:
    """The `tusk` executable."""

    def __init__(self, path):
        self.path = path

    def _call(self, args):
        try:
            return subprocess.run([self.path, *args], capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise ProgramError(f"tusk {' '.join(args)} took more than {TIMEOUT_SECONDS} s")

    def export(self, tusk_file):
        r = self._call(["export", tusk_file])
        if r.returncode != 0:
            raise ProgramError(f"tusk export failed with status {r.returncode}: "
                               f"{r.stderr.decode('utf-8', 'replace').strip()}")
        return r.stdout.decode("utf-8")

    def import_script(self, script, name="exported.py"):
        """``tusk import -`` of a script: the project as parsed JSON. Raises ProgramError with
        the importer's problems when it refuses the script."""
        try:
            r = subprocess.run([self.path, "import", "-"], input=script.encode("utf-8", "surrogatepass"),
                               capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise ProgramError(f"tusk import of {name} took more than {TIMEOUT_SECONDS} s")
        if r.returncode != 0:
            raise ProgramError(f"tusk import refused {name} (status {r.returncode}): "
                               f"{r.stderr.decode('utf-8', 'replace').strip()}")
        return json.loads(r.stdout.decode("utf-8"))

    def run(self, tusk_file):
        r = self._call(["run", "--mark-entry-return", tusk_file])
        stderr = r.stderr.decode("utf-8", "replace")
        if r.returncode not in (0, 1, 3):
            raise ProgramError(f"tusk run failed with status {r.returncode}: {stderr.strip()}")
        entry_lines = None
        err_lines = stderr.splitlines()
        for line in err_lines:
            m = _MARK.match(line)
            if m:
                entry_lines = int(m.group(1))
                break
        error_line = None
        if r.returncode == 1:
            # Tasks the failed entry's traceback holds log "never retrieved" after it, as
            # CPython does at exit (check_stderr_tail.py checks that order against python3
            # itself); the reference reports the traceback's own line, which Tusk marks.
            if _TRACEBACK_END in err_lines:
                err_lines = err_lines[:len(err_lines) - 1 - err_lines[::-1].index(_TRACEBACK_END)]
            rest = [line for line in err_lines if not _MARK.match(line)]
            error_line = rest[-1] if rest else ""
        return Outcome(split_lines(r.stdout.decode("utf-8", "surrogateescape")), r.returncode, error_line,
                       entry_lines, stderr)


def run_cpython(script, name="exported.py"):
    r = reference.run_script(script, name)
    lines = [normalize_cpython_line(line) for line in split_lines(r.stdout)]
    finalized = len(lines) - r.close_lines if r.close_lines is not None else 0
    return Outcome(lines, r.status, r.error_line, r.entry_lines, finalized_lines=finalized)


def compare_outcomes(tusk, cpython):
    """What differs between the two runs, as sentences (empty when they agree)."""
    problems = []
    if tusk.status != cpython.status:
        problems.append(f"exit status: tusk {tusk.status}, CPython {cpython.status}")
    if tusk.status == cpython.status == 1 and tusk.error_line != cpython.error_line:
        problems.append(f"error line: tusk {tusk.error_line!r}, CPython {cpython.error_line!r}")
    if tusk.entry_lines != cpython.entry_lines:
        problems.append(f"lines printed when the entry coroutine ended: tusk {tusk.entry_lines}, "
                        f"CPython {cpython.entry_lines}")
    split_t = tusk.entry_lines if tusk.entry_lines is not None else len(tusk.lines)
    split_c = cpython.entry_lines if cpython.entry_lines is not None else len(cpython.lines)
    before_t, after_t = tusk.lines[:split_t], tusk.lines[split_t:]
    before_c, after_c = cpython.lines[:split_c], cpython.lines[split_c:]
    if before_t != before_c:
        for i, (a, b) in enumerate(zip(before_t, before_c)):
            if a != b:
                problems.append(f"line {i + 1}: tusk {a!r}, CPython {b!r}")
                break
        else:
            problems.append(f"lines before the entry ended: tusk {len(before_t)}, CPython {len(before_c)}")
    ct, cc = collections.Counter(after_t), collections.Counter(after_c)
    if ct != cc:
        only_t = sorted((ct - cc).elements())
        only_c = sorted((cc - ct).elements())
        problems.append(f"lines after the entry ended differ (as multisets): only tusk {only_t!r}, "
                        f"only CPython {only_c!r}")
        if cpython.finalized_lines:
            problems.append(f"(CPython printed the last {cpython.finalized_lines} line(s) while it finalized the "
                            "coroutines of tasks still pending when the loop closed: GeneratorExit runs their "
                            "finally blocks; Tusk does not model coroutine finalization)")
    return problems


def project_content(project):
    """What a round trip through Python keeps: title, entry and the coroutines."""
    coroutines = []
    for c in project.get("coroutines", []):
        c = dict(c)
        c.setdefault("params", [])
        coroutines.append(c)
    return {"title": project.get("title", ""), "entry": project.get("entry"), "coroutines": coroutines}


def roundtrip_problems(tusk, tusk_file, script):
    """What `tusk import` of the exported script changes in the project (empty: nothing)."""
    with open(tusk_file, encoding="utf-8") as f:
        original = project_content(json.load(f))
    try:
        back = project_content(tusk.import_script(script))
    except ProgramError as e:
        return [f"export then import: {e}"]
    if back == original:
        return []
    a = json.dumps(original, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    b = json.dumps(back, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    diff = list(difflib.unified_diff(a, b, "original", "imported", lineterm="", n=1))
    return ["export then import changed the project:\n      " + "\n      ".join(diff[:30])]


def compare_file(tusk, tusk_file):
    """Exports and runs one .tusk file both ways, and imports the export back. Raises
    ProgramError if Tusk refuses it."""
    script = tusk.export(tusk_file)
    t = tusk.run(tusk_file)
    c = run_cpython(script, os.path.splitext(os.path.basename(tusk_file))[0] + ".py")
    return Comparison(t, c, script, compare_outcomes(t, c) + roundtrip_problems(tusk, tusk_file, script))


def describe(comparison, limit=40):
    """A human-readable account of a comparison: problems, then both outputs side by side."""
    out = [f"  - {p}" for p in comparison.problems]

    def show(label, o):
        out.append(f"  {label} (status {o.status}, entry ended after {o.entry_lines} lines"
                   + (f", error {o.error_line!r}" if o.error_line is not None else "") + "):")
        for line in o.lines[:limit]:
            out.append(f"    | {line}")
        if len(o.lines) > limit:
            out.append(f"    | ... {len(o.lines) - limit} more")

    show("tusk", comparison.tusk)
    show("CPython", comparison.cpython)
    return "\n".join(out)
