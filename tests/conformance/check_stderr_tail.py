"""Standard error's order against python3 itself: the programs in python/stderr-tail/ end with
an exception leaving asyncio.run() while tasks that failed were never retrieved. CPython logs
the ones nothing holds when the loop closes, then writes the traceback, then (at exit) the
ones the traceback's frames still hold. Both runs must write the same exception lines in the
same order, so that standard error ends with the same line.

    python3 tests/conformance/check_stderr_tail.py --tusk build/gui/tusk
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_NOT_AN_EXCEPTION_LINE = ("Traceback ", "Task exception was never retrieved", "future: ", " ")


def exception_lines(stderr):
    """The last line of every traceback and log: `ValueError: boom`."""
    return [line for line in stderr.splitlines() if line and not line.startswith(_NOT_AN_EXCEPTION_LINE)]


def check(tusk, path, workdir):
    cpython = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60)
    project = os.path.join(workdir, "program.tusk")
    subprocess.run([tusk, "import", path, "-o", project], check=True, capture_output=True, timeout=60)
    ours = subprocess.run([tusk, "run", project], capture_output=True, text=True, timeout=60)
    expected, got = exception_lines(cpython.stderr), exception_lines(ours.stderr)
    problems = []
    if ours.returncode != cpython.returncode:
        problems.append(f"exit status: tusk {ours.returncode}, python3 {cpython.returncode}")
    if expected != got:
        problems.append(f"exception lines differ:\n    python3: {expected}\n    tusk:    {got}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tusk", required=True)
    args = parser.parse_args()
    programs = sorted(glob.glob(os.path.join(HERE, "python", "stderr-tail", "*.py")))
    failed = []
    with tempfile.TemporaryDirectory(prefix="tusk-stderr-") as workdir:
        for path in programs:
            problems = check(args.tusk, path, workdir)
            if problems:
                failed.append(os.path.basename(path))
                print(f"{os.path.basename(path)}: FAILED\n  - " + "\n  - ".join(problems))
    print(f"{len(programs) - len(failed)} of {len(programs)} programs end standard error as python3 "
          f"{sys.version.split()[0]} does" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed or not programs else 0


if __name__ == "__main__":
    sys.exit(main())
