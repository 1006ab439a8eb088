"""Benchmark settings: the test settings plus the benchmark's own, kept database and a baseline URL.

BENCH_SIZE (set by `make bench SIZE=…`) picks a database of its own for that data set
(`bureau_bench_county`, …), so the floor table never runs on rows another benchmark added.
"""

import os

from bureau.settings_test import *  # noqa: F403
from bureau.settings_test import BASE_DIR, DATABASES

ROOT_URLCONF = "bench.urls"
DEBUG = False
BENCH_SIZE = os.environ.get("BENCH_SIZE", "")
_suffix = f"_{BENCH_SIZE}" if BENCH_SIZE else ""
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "bench" / "results" / f"bench{_suffix}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"bureau_bench{_suffix}"}
# Quiet: per-request log lines would be timed too.
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "WARNING", "handlers": []}}
