"""Benchmark (issue 14): the bureau dashboard for a month and for a year, and a department's dashboard
for a year, as multiples of the portal's empty page from the same run; and one chart's Excel.

    make bench SIZE=city      (= BENCH_SIZE=city python -m bench dashboard)

On the `seed_scale` set of that size (its own benchmark database, as the floor table). The period is
the plan's last full year and its last month, each against the same period a year before (so every
figure is read twice). Charts already drawn for the same numbers are kept (bureau.charts), so the
first visit of a period (its charts drawn) is timed on its own. The figures are database aggregates:
their query count does not grow with the data (tests/bureau/test_dashboards.py); the time does,
with the rows each aggregate scans.
"""

import datetime
import os
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.common import client_for, time_page
from bench.floor import RESULTS, ensure_data
from bureau import scale
from bureau.models import Department

SIZE = os.environ.get("BENCH_SIZE", "")
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def first_visit(client, url, year):
    """One GET of a period whose charts were never drawn in this process (time_page warms up first)."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, {"period": "month", "year": year, "month": 11})
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200
    return {
        "median_ms": elapsed,
        "p95_ms": elapsed,
        "queries": len(queries.captured_queries),
        "bytes": len(response.content),
    }


def run():
    if not SIZE:
        print("skipped: needs a data set: `make bench SIZE=city` (python -m bench dashboard --size city)")
        return
    ensure_data()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    root, _created = get_user_model().objects.get_or_create(
        username="bench-root", defaults={"is_superuser": True, "is_staff": True}
    )
    client = client_for(root)
    year = scale.PLANS[SIZE].last_day.year - 1
    month = {"period": "month", "year": year, "month": 12}
    whole_year = {"period": "year", "year": year}
    department = Department.objects.filter(code__startswith=scale.CODE_PREFIX).order_by("code").first()
    floor = time_page(client, reverse("bench_empty"), repeat=REPEAT * 4)
    dashboard = reverse("dashboard:index")
    cases = [
        ("floor: empty portal page", floor),
        (f"bureau dashboard, month {year}-11, first visit", first_visit(client, dashboard, year)),
        (f"bureau dashboard, month {year}-12", time_page(client, dashboard, params=month, repeat=REPEAT)),
        (f"bureau dashboard, year {year}", time_page(client, dashboard, params=whole_year, repeat=REPEAT)),
        (
            f"department dashboard, year {year}",
            time_page(
                client,
                reverse("dashboard:department_detail", args=[department.pk]),
                params=whole_year,
                repeat=REPEAT,
            ),
        ),
        (
            f"one chart's Excel, year {year}",
            time_page(client, dashboard, params={**whole_year, "_export": "xlsx", "chart": "meetings-category"}),
        ),
    ]
    lines = [
        f"Dashboards, {SIZE} set, {datetime.date.today()}, superuser, {REPEAT} runs a page.",
        "",
        "| page | median ms | p95 ms | queries | KiB | × floor |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, figures in cases:
        lines.append(
            f"| {label} | {figures['median_ms']:.1f} | {figures['p95_ms']:.1f} | {figures['queries']} | "
            f"{figures['bytes'] / 1024:.1f} | {figures['median_ms'] / floor['median_ms']:.1f} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"dashboard-{SIZE}.md").write_text(text, encoding="utf-8")
