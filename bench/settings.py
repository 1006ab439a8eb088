"""Benchmark settings: the test settings plus the benchmark's own, kept database and a baseline URL."""

from bureau.settings_test import *  # noqa: F403
from bureau.settings_test import BASE_DIR, DATABASES

ROOT_URLCONF = "bench.urls"
DEBUG = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "bench" / "results" / "bench.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": "bureau_bench"}
# Quiet: per-request log lines would be timed too.
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "WARNING", "handlers": []}}
