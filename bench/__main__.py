"""`python -m bench [name …] [--fresh]`: set up the benchmark database, run each benchmark's `run()`."""

import argparse
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

HELPERS = {"common", "settings", "urls"}


def discover():
    package = Path(__file__).resolve().parent
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(package)])
        if not info.name.startswith("_") and info.name not in HELPERS
    )


def main(argv=None):
    names = discover()
    parser = argparse.ArgumentParser(prog="python -m bench", description="Bureau Portal benchmarks.")
    parser.add_argument("benchmarks", nargs="*", metavar="name", help=f"default: all ({', '.join(names)})")
    parser.add_argument("--fresh", action="store_true", help="drop the benchmark database and build it again")
    parser.add_argument(
        "--size", choices=("tiny", "county", "city"), help="data set of the floor table (its own database)"
    )
    args = parser.parse_args(argv)
    if args.size:
        os.environ["BENCH_SIZE"] = args.size
    unknown = sorted(set(args.benchmarks) - set(names))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names)}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection

    Path(__file__).resolve().parent.joinpath("results").mkdir(exist_ok=True)
    # Its own database (never the real one): kept between runs unless --fresh, which drops and recreates it.
    # serialize=False: nothing restores the data from a copy, and copying millions of rows takes minutes.
    test_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=not args.fresh, serialize=False
    )
    print(f"Benchmark database: {connection.vendor} {test_name}")
    failed = False
    for name in args.benchmarks or names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "run"):
            continue
        started = time.perf_counter()
        print(f"\n=== {name} ===")
        try:
            module.run()
        except Exception:  # noqa: BLE001 - report and go on with the next benchmark
            import traceback

            traceback.print_exc()
            failed = True
        print(f"({name}: {time.perf_counter() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
