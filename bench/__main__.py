"""`python -m bench` (`make bench`): run the benchmark and write its results."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from . import report
from .harness import Bench, run
from .sizes import DEFAULT, SIZES, choose

RESULTS = Path(__file__).resolve().parent / "results"


def progress(line: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default=DEFAULT)
    parser.add_argument("--items", type=int, help="items of each type per language")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder to look at"
    )
    args = parser.parse_args(argv)
    size = choose(args.size, args.items)
    work = Path(tempfile.mkdtemp(prefix="vetrina-bench-"))
    progress(f"Benchmark {size.describe()} in {work}")
    started = time.perf_counter()
    bench = Bench(size, work, progress)
    try:
        failures = run(bench)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result = report.summary(bench, failures, time.perf_counter() - started)
    paths = report.write(result, args.results)
    print()
    print(report.table(list(bench.rows.values())))
    print()
    for failure in failures:
        print(f"FAILED {failure}")
    print(f"Results written to {paths[0]} and {paths[1]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
