"""Benchmark (issue 11): the procurement batch and contract lists, the statistics page and the OCDS
export of a year, as multiples of the portal's empty page and against the stock admin changelists.

    make bench SIZE=city      (= BENCH_SIZE=city python -m bench procurement_oversight)

On the `seed_scale` set of that size (its own benchmark database, as the floor table). The year is
the plan's last full year. Lists target ≤ 3× the floor and ≥ 10× faster than the admin (the
fast-lists targets); the statistics page and the export are reported as measured.
"""

import datetime
import os

from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import NoReverseMatch, reverse

from bench.common import client_for, time_page
from bench.floor import LIST_ADMIN, LIST_FLOOR, RESULTS, ensure_data
from bureau import scale

SIZE = os.environ.get("BENCH_SIZE", "")
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
# The core pages' URL names (the core engineer's branch); a page not there is reported, not timed.
LISTS = (("procurement:batch_list", "procurement_batch"), ("procurement:contract_list", "procurement_contract"))


def _url(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def run():
    if not SIZE:
        print("skipped: needs a data set: `make bench SIZE=city` (python -m bench procurement_oversight --size city)")
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
    floor = time_page(client, reverse("bench_empty"), repeat=REPEAT * 2)
    lines = [
        f"Procurement, {SIZE} set, {datetime.date.today()}, superuser, {REPEAT} runs a page; "
        f"targets for lists: ≤ {LIST_FLOOR}× floor, ≥ {LIST_ADMIN}× faster than the admin.",
        "",
        "| page | median ms | p95 ms | queries | KiB | × floor | admin ÷ page |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]

    def line(label, figures, admin=None):
        faster = f"{admin['median_ms'] / figures['median_ms']:.1f}" if admin else ""
        lines.append(
            f"| {label} | {figures['median_ms']:.1f} | {figures['p95_ms']:.1f} | {figures['queries']} | "
            f"{figures['bytes'] / 1024:.1f} | {figures['median_ms'] / floor['median_ms']:.1f} | {faster} |"
        )

    line("floor: empty portal page", floor)
    for name, admin_name in LISTS:
        admin = time_page(client, reverse(f"admin:{admin_name}_changelist"), repeat=REPEAT)
        line(f"admin changelist ({admin_name})", admin)
        url = _url(name)
        if url is None:
            lines.append(f"| {name}: no such page on this branch | | | | | | |")
            continue
        line(f"{name}: page 1", time_page(client, url, repeat=REPEAT), admin)
    line(f"statistics {year}", time_page(client, reverse("procurement:statistics"), params={"year": year}))
    line(
        f"statistics {year} by department",
        time_page(client, reverse("procurement:statistics"), params={"year": year, "group": "department"}),
    )
    line(f"OCDS export {year}", time_page(client, reverse("procurement:ocds"), params={"year": year}, repeat=3))
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"procurement-{SIZE}.md").write_text(text, encoding="utf-8")
