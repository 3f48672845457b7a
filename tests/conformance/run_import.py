"""Import conformance: Python programs no one wrote for Tusk, imported with ``tusk import``.

Two folders under ``python/``:

* ``accepted/``: programs Tusk holds (the seed tutorial's two programs exactly as printed,
  CPython documentation examples, Python that only renames Tusk's constructs). Each must import;
  ``tusk run`` of the project must print what CPython prints for the original (on the virtual
  clock of reference.py, by harness.py's rules); the project's export must print the same in
  CPython; and importing that export must give the same project again.
* ``refused/``: programs with something Tusk cannot hold yet. Each must be refused with exit
  status 2, nothing on standard output, no output file written, and exactly the lines of its
  ``.expected`` file on standard error (``FILE:LINE:COLUMN: what, and what to do``).

    python3 tests/conformance/run_import.py --tusk build/gui/tusk
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import reference  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def check_accepted(tusk, path, workdir):
    """Problems with one program that must import (empty: none)."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    project_file = os.path.join(workdir, os.path.splitext(name)[0] + ".tusk")
    r = subprocess.run([tusk.path, "import", name, "-o", project_file], cwd=os.path.dirname(path),
                       capture_output=True, text=True, timeout=harness.TIMEOUT_SECONDS)
    if r.returncode != 0:
        return [f"tusk import refused it (status {r.returncode}):\n{r.stderr.rstrip()}"]
    original = harness.run_cpython(source, name)
    problems = [f"tusk run: {p}" for p in harness.compare_outcomes(tusk.run(project_file), original)]
    exported = tusk.export(project_file)
    problems += [f"its export in CPython: {p}"
                 for p in harness.compare_outcomes(harness.run_cpython(exported, name), original)]
    problems += harness.roundtrip_problems(tusk, project_file, exported)
    return problems


def check_refused(tusk, path, workdir):
    name = os.path.basename(path)
    expected_file = os.path.splitext(path)[0] + ".expected"
    if not os.path.exists(expected_file):
        return [f"{os.path.basename(expected_file)} is missing"]
    with open(expected_file, encoding="utf-8") as f:
        expected = f.read()
    out = os.path.join(workdir, "refused.tusk")
    r = subprocess.run([tusk.path, "import", name, "-o", out], cwd=os.path.dirname(path),
                       capture_output=True, text=True, timeout=harness.TIMEOUT_SECONDS)
    problems = []
    if r.returncode != 2:
        problems.append(f"exit status {r.returncode}, expected 2")
    if r.stdout:
        problems.append(f"standard output is not empty: {r.stdout[:200]!r}")
    if os.path.exists(out):
        problems.append("an output file was written for a refused program")
        os.remove(out)
    if r.stderr != expected:
        problems.append("standard error differs from the .expected file:\n  got:\n    "
                        + "\n    ".join(r.stderr.splitlines()) + "\n  expected:\n    "
                        + "\n    ".join(expected.splitlines()))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tusk", required=True, help="the tusk executable")
    args = parser.parse_args(argv)
    harness.require_python_311()
    reference.quiet_asyncio_logger()
    tusk = harness.Tusk(os.path.abspath(args.tusk))
    failed = []
    total = 0
    with tempfile.TemporaryDirectory(prefix="tusk-import-") as workdir:
        for kind, check in (("accepted", check_accepted), ("refused", check_refused)):
            for path in sorted(glob.glob(os.path.join(HERE, "python", kind, "*.py"))):
                total += 1
                label = f"{kind}/{os.path.basename(path)}"
                try:
                    problems = check(tusk, path, workdir)
                except harness.ProgramError as e:
                    problems = [str(e)]
                if problems:
                    failed.append(label)
                    print(f"{label}: FAILED")
                    for p in problems:
                        print("  - " + p.replace("\n", "\n    "))
    print(f"{total - len(failed)} of {total} Python programs import as expected"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 0 if total and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
