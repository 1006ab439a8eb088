"""The floor table (issue 6): every list and detail page against the portal's empty page and the admin.

    make bench SIZE=county          (= BENCH_SIZE=county python -m bench floor; SIZE=city, tiny)

On the data set of `manage.py seed_scale --size SIZE` (built once in the benchmark's own database
`bureau_bench_<size>`, kept between runs), as a superuser, it times:
- the floor: the portal's own empty page (base layout, navigation, logged-in user, no business data);
- the stock admin changelist of each model that has a list page;
- every list page (found from the URL conf: every ObjectListView) — page 1, a deep page, the first
  choice filter, sorted by its first sortable column — and each model's detail page;
and prints median and p95 latency, queries and size, each page as a multiple of the floor and how
many times faster it is than the admin changelist of its model, with the targets met or not.
The table is written to bench/results/floor-<size>.md (and a dated copy).
"""

import datetime
import os
import platform
import statistics
import time
from pathlib import Path

import django_filters
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from bench.common import client_for, time_page
from bureau import scale
from bureau.models import Department
from bureau.urls_helpers import views_of
from bureau.views.generic import ObjectListView, url_name

SIZE = os.environ.get("BENCH_SIZE", "")
REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))
RESULTS = Path(__file__).resolve().parent / "results"
# Targets of issue 6 (on the city set): list ≤ 3× floor and ≥ 10× faster than the admin; detail ≤ 2× floor.
LIST_FLOOR, LIST_ADMIN, DETAIL_FLOOR, MAX_KIB = 3, 10, 2, 100


def list_views():
    return views_of(ObjectListView)


def ensure_data():
    present = Department.objects.filter(code__startswith=scale.CODE_PREFIX).count()
    wanted = scale.PLANS[SIZE].departments
    if present == 0:
        call_command("seed_scale", size=SIZE, force=True)
    elif present != wanted:
        raise SystemExit(f"bureau_bench_{SIZE} holds another data set ({present} departments); run with --fresh")


def first_choice(view):
    """{param: value} of the filterset's first choice filter (the filter a user reaches for first)."""
    for name, filter_ in view.filterset_class.base_filters.items():
        if isinstance(filter_, django_filters.ChoiceFilter) and filter_.extra.get("choices"):
            choices = filter_.extra["choices"]
            choices = choices() if callable(choices) else choices
            return {name: choices[0][0]}
    return None


def first_sortable(view, queryset):
    table = view.table_class(queryset.none())
    for column in table.columns:
        if column.orderable:
            return column.name
    return None


def cases(client):
    floor = time_page(client, reverse("bench_empty"), repeat=REPEAT * 2)
    rows = [("floor: empty portal page", "floor", floor, None)]
    for name, view in list_views():
        model = view.model
        admin_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        admin = time_page(client, admin_url, repeat=REPEAT)
        label = model._meta.verbose_name_plural
        rows.append((f"admin changelist: {label}", "admin", admin, None))
        url = reverse(name)
        total = model._default_manager.count()
        deep = max(1, total // view.per_page // 2)
        rows.append((f"{label}: page 1", "list", time_page(client, url, repeat=REPEAT), admin))
        rows.append(
            (
                f"{label}: page {deep:,} of {max(1, -(-total // view.per_page)):,}",
                "list",
                time_page(client, url, repeat=REPEAT, params={"page": deep}),
                admin,
            )
        )
        params = first_choice(view)
        if params:
            figures = time_page(client, url, repeat=REPEAT, params={**params, "page": 2})
            rows.append((f"{label}: {'&'.join(f'{k}={v}' for k, v in params.items())}, page 2", "list", figures, admin))
        column = first_sortable(view, model._default_manager.all())
        if column:
            figures = time_page(client, url, repeat=REPEAT, params={"sort": f"-{column}"})
            rows.append((f"{label}: sorted by {column} desc", "list", figures, admin))
        obj = model._default_manager.order_by("pk")[total // 2 : total // 2 + 1].first()
        if obj is not None:
            detail = reverse(url_name(model), args=[obj.pk])
            rows.append((f"{label}: detail page", "detail", time_page(client, detail, repeat=REPEAT), None))
    return floor, rows


def table_rendering(user):
    """Median ms of rendering page 1's table of each list: tables2's own template vs the lean rows."""
    lines = ["| list (page 1, 50 rows) | tables2 template ms | lean rows ms | saved |", "|---|---:|---:|---:|"]
    for name, view in list_views():
        request = RequestFactory().get(reverse(name))
        request.user = user
        page = view()
        page.setup(request)
        page.get(request)
        table = page.table
        timings = {}
        for template in ("django_tables2/bootstrap5.html", "bureau/tables/lean.html"):
            table.template_name = template
            samples = []
            for _ in range(REPEAT):
                started = time.perf_counter()
                table.as_html(table.request)
                samples.append((time.perf_counter() - started) * 1000)
            timings[template] = statistics.median(samples)
        stock, lean = timings.values()
        lines.append(f"| {view.model._meta.verbose_name_plural} | {stock:.1f} | {lean:.1f} | {1 - lean / stock:.0%} |")
    return lines


def verdict(kind, figures, floor, admin):
    """(× floor, admin ÷ page, targets met?)"""
    times_floor = figures["median_ms"] / floor["median_ms"]
    faster = admin["median_ms"] / figures["median_ms"] if admin else None
    small = figures["bytes"] <= MAX_KIB * 1024
    if kind == "list":
        met = times_floor <= LIST_FLOOR and faster >= LIST_ADMIN and small
    elif kind == "detail":
        met = times_floor <= DETAIL_FLOOR and small
    else:
        met = None
    return times_floor, faster, met


def render(floor, rows):
    head = "| page | median ms | p95 ms | queries | KiB | × floor | admin ÷ page | targets |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|:---:|"]
    for label, kind, figures, admin in rows:
        times_floor, faster, met = verdict(kind, figures, floor, admin)
        lines.append(
            f"| {label} | {figures['median_ms']:.1f} | {figures['p95_ms']:.1f} | {figures['queries']} | "
            f"{figures['bytes'] / 1024:.1f} | {times_floor:.1f} | {'' if faster is None else f'{faster:.1f}'} | "
            f"{'' if met is None else ('met' if met else 'NOT met')} |"
        )
    return lines


def run():
    if not SIZE:
        print(
            "skipped: the floor table needs a data set: `make bench SIZE=county` (python -m bench floor --size county)"
        )
        return
    ensure_data()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    root, _created = get_user_model().objects.get_or_create(
        username="bench-root", defaults={"is_superuser": True, "is_staff": True}
    )
    client = client_for(root)
    floor, rows = cases(client)
    rendering = table_rendering(root)
    plan = scale.PLANS[SIZE]
    title = (
        f"Floor table, {SIZE} set ({plan.departments:,} departments, {plan.rooms:,} rooms, {plan.meetings:,} meetings, "
        f"{plan.attendance_rows:,} attendance rows) on {connection.vendor}, superuser, {REPEAT} runs a page; "
        f"{datetime.date.today()}, {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    targets = (
        f"Targets: list ≤ {LIST_FLOOR}× floor and ≥ {LIST_ADMIN}× faster than its admin changelist, "
        f"detail ≤ {DETAIL_FLOOR}× floor, ≤ {MAX_KIB} KiB."
    )
    text = "\n".join([title, "", targets, "", *render(floor, rows), "", *rendering, ""])
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"floor-{SIZE}.md").write_text(text, encoding="utf-8")
    (RESULTS / f"floor-{SIZE}-{datetime.date.today()}.md").write_text(text, encoding="utf-8")
    print(f"written to {RESULTS / f'floor-{SIZE}.md'}")
