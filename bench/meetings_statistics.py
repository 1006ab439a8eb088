"""Benchmark: the meeting statistics page on the "county, 10 years" data set (DESIGN.md §9).

Builds 5,000 meetings with budgets (plus decisions and printing orders) over 2017–2026 in a
separate benchmark database (Django's test database of the configured DATABASE_URL, kept with
--keepdb semantics so a second run reuses it), then times the statistics page (month and year
periods over ten years) next to a baseline from the same run: the meeting list page (50 rows).

Run: `python bench/meetings_statistics.py` (or through `python -m bench`).
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

COUNT = 5_000
REPEAT = 15


def _setup():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bureau.settings_test")
    import django

    django.setup()


def _timed(client, url, params=None, repeat=REPEAT):
    client.get(url, params)  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, params)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples), min(samples)


def build(stdout=sys.stdout):
    from bureau import demo as bureau_demo
    from bureau.models import Department, Room
    from meetings.demo import build_meetings, demo_users
    from meetings.models import Meeting

    bureau_demo.seed()
    have = Meeting.objects.filter(start_at__year__lt=2025).count()
    if have >= COUNT:
        stdout.write(f"data set present: {Meeting.objects.count()} meetings\n")
        return
    departments = list(Department.objects.order_by("sort_order", "code"))
    rooms = list(Room.objects.meeting_rooms().order_by("id"))
    started = time.perf_counter()
    build_meetings(
        count=COUNT,
        departments=departments,
        rooms=rooms,
        date_from=datetime.date(2015, 1, 1),
        date_to=datetime.date(2024, 12, 31),
        seed=10,
        users=demo_users(),
    )
    stdout.write(f"built {COUNT} meetings with budgets in {time.perf_counter() - started:.1f} s\n")


def run(stdout=sys.stdout):
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from bureau.roles import Role

    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True)
    try:
        build(stdout)
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(groups__name=Role.LEADERSHIP).first()
        client = Client()
        client.force_login(user)
        ten_years = {"date_from": "2015-01-01", "date_to": "2024-12-31"}
        rows = [
            ("baseline: meeting list (50 rows)", reverse("meetings:meeting_list"), None),
            ("statistics, by month, 10 years", reverse("meetings:statistics"), {**ten_years, "period": "month"}),
            ("statistics, by year, 10 years", reverse("meetings:statistics"), {**ten_years, "period": "year"}),
        ]
        stdout.write(f"database: {connection.vendor} ({test_db})\n")
        stdout.write(f"{'page':<36} {'median ms':>10} {'min ms':>8} {'× baseline':>11}\n")
        baseline = None
        for label, url, params in rows:
            median, best = _timed(client, url, params)
            baseline = baseline or median
            stdout.write(f"{label:<36} {median:>10.1f} {best:>8.1f} {median / baseline:>11.2f}\n")
    finally:
        if not os.environ.get("BENCH_KEEPDB", "1") == "1":
            connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    _setup()
    run()
