"""Differential conformance test: Tusk against CPython 3.11's asyncio.

Each program is run by ``tusk run`` and, exported by ``tusk export``, by CPython's asyncio on a
virtual clock (reference.py); harness.py says what "the same" means. Two sets of programs:

* ``--corpus DIR``: every .tusk file in DIR, hand-written around one scheduling rule each;
* ``--seeds A-B``: the random programs of generate.py for those seeds. A mismatch prints the seed
  and a minimized program, which is saved to ``--save-dir``.

Exit status 0 when every program agrees, 1 otherwise (and when python3 is not CPython 3.11).

    python3 tests/conformance/run_conformance.py --tusk build/gui/tusk --corpus tests/conformance/corpus
    python3 tests/conformance/run_conformance.py --tusk build/gui/tusk --seeds 1-500
"""

import argparse
import glob
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate  # noqa: E402
import harness  # noqa: E402
import reference  # noqa: E402


def run_corpus(tusk, directory):
    files = sorted(glob.glob(os.path.join(directory, "*.tusk")))
    if not files:
        print(f"no .tusk files in {directory}")
        return False
    failed = []
    for path in files:
        name = os.path.basename(path)
        try:
            comparison = harness.compare_file(tusk, path)
        except harness.ProgramError as e:
            print(f"{name}: {e}")
            failed.append(name)
            continue
        if not comparison.ok:
            print(f"{name}: MISMATCH between tusk and CPython")
            print(harness.describe(comparison))
            failed.append(name)
    print(f"{len(files) - len(failed)} of {len(files)} corpus programs agree with CPython"
          + (f"; mismatches: {', '.join(failed)}" if failed else ""))
    return not failed


def run_random(tusk, seeds, save_dir):
    failed = []
    with tempfile.TemporaryDirectory(prefix="tusk-random-") as workdir:
        for seed in seeds:
            if not generate.check_seed(tusk, seed, workdir, save_dir):
                failed.append(seed)
    print(f"{len(seeds) - len(failed)} of {len(seeds)} random programs agree with CPython"
          + (f"; mismatches: seeds {failed}" if failed else ""))
    return not failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tusk", required=True, help="the tusk executable")
    parser.add_argument("--corpus", help="directory of .tusk programs to check")
    parser.add_argument("--seeds", help="random programs to check, e.g. 1-500")
    parser.add_argument("--save-dir", help="where to save (minimized) random programs that mismatch")
    args = parser.parse_args(argv)
    if not args.corpus and not args.seeds:
        parser.error("give --corpus DIR and/or --seeds A-B")
    harness.require_python_311()
    if not os.access(args.tusk, os.X_OK):
        sys.exit(f"conformance: {args.tusk} is not an executable")
    reference.quiet_asyncio_logger()
    tusk = harness.Tusk(args.tusk)
    ok = True
    start = time.monotonic()
    if args.corpus:
        ok = run_corpus(tusk, args.corpus) and ok
    if args.seeds:
        ok = run_random(tusk, generate.parse_seeds(args.seeds), args.save_dir) and ok
    print(f"({time.monotonic() - start:.1f} s, {sys.executable} {sys.version.split()[0]})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
