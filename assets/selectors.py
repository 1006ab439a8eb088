"""Reads of the state-owned asset registry 国有资产 composed for a page, an export or the bureau-wide
layer. Scoped by `Model.objects.for_user(user)`."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets import rules
from assets.choices import ACTIVE_STATUSES, AssetStatus, DisposalStatus, MovementKind, StockTakeResult
from assets.models import (
    Asset,
    AssetClass,
    Disposal,
    Lease,
    LeasePayment,
    Movement,
    PoolEntry,
    PoolLoan,
    StockTake,
    StockTakeLine,
    UsefulLife,
)
from bureau.figures import PERCENT, YUAN, FigureSet, share

ZERO = Decimal("0.00")


def class_chain(asset_class):
    """The class and its ancestors, nearest first."""
    chain, node = [], asset_class
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain


def useful_life_years(asset_class, on):
    """The useful life in force for `asset_class` on `on` (its own dated row or its nearest parent's);
    None for a class that is not depreciated."""
    if not asset_class.depreciable:
        return None
    chain = class_chain(asset_class)
    rows = list(UsefulLife.objects.filter(asset_class__in=chain).order_by("valid_from"))
    # The row in force on `on`; an asset older than the first configuration takes the first one.
    lives = {life.asset_class_id: life.years for life in rows if life.valid_from <= on}
    if not lives:
        lives = {life.asset_class_id: life.years for life in reversed(rows)}
    for node in chain:
        if node.pk in lives:
            return lives[node.pk]
    return None


def revaluations_by_asset(asset_ids):
    found = defaultdict(list)
    rows = Movement.objects.filter(asset_id__in=asset_ids, kind=MovementKind.REVALUATION).values_list(
        "asset_id", "moved_on", "value_change", "remaining_life_months"
    )
    for asset_id, on, change, remaining in rows:
        found[asset_id].append(rules.Revaluation(on, change, remaining))
    return found


def depreciation_facts(asset, revaluations=None):
    """The facts rules.depreciation needs, from the card (and its revaluations)."""
    if revaluations is None:
        revaluations = revaluations_by_asset([asset.pk]).get(asset.pk, [])
    exempt = not asset.asset_class.depreciable
    return rules.DepreciationFacts(
        original_value=asset.original_value,
        added_on=asset.acquired_on,
        life_months=None if exempt or not asset.useful_life_years else asset.useful_life_years * 12,
        left_on=asset.disposed_on,
        revaluations=tuple(revaluations),
    )


def asset_value(asset, day=None):
    return rules.depreciation(depreciation_facts(asset), day or timezone.localdate())


def values_for(assets, day=None):
    """{asset pk: Depreciation at `day`} for a page of assets (one query for the revaluations)."""
    day = day or timezone.localdate()
    assets = list(assets)
    revaluations = revaluations_by_asset([a.pk for a in assets])
    return {a.pk: rules.depreciation(depreciation_facts(a, revaluations.get(a.pk, [])), day) for a in assets}


def asset_timeline(asset):
    """The asset's whole life, oldest first: movements, pool, leases, disposals, as dated lines."""
    events = []
    for m in asset.movements.select_related("from_department", "to_department", "approved_by"):
        events.append((m.moved_on, m.get_kind_display(), _movement_text(m), m.approved_by))
    for lease in asset.leases.all():
        events.append(
            (
                lease.start_date,
                lease.get_kind_display(),
                f"{lease.lessee} · {lease.start_date} – {lease.end_date}",
                None,
            )
        )
    for disposal in asset.disposals.all():
        events.append((disposal.requested_on, disposal.get_method_display(), disposal.approval_document, None))
    events.sort(key=lambda e: e[0])
    return events


def _movement_text(movement):
    parts = []
    if movement.from_department or movement.to_department:
        parts.append(f"{movement.from_department or '—'} → {movement.to_department or '—'}")
    if movement.value_change is not None:
        parts.append(f"{movement.value_change:+}")
    if movement.note:
        parts.append(movement.note)
    return " · ".join(parts)


def idle_pool_for_class(class_code, limit=10):
    """Idle assets waiting in the pool of a class (a top class, or a 大类 and its sub-classes)."""
    entries = PoolEntry.objects.filter(left_on__isnull=True, asset__status=AssetStatus.IDLE)
    if len(class_code) == 1:
        entries = entries.filter(asset__asset_class__top_code=class_code)
    else:
        entries = entries.filter(asset__asset_class__code__startswith=class_code.rstrip("0"))
    return entries.select_related("asset").order_by("-handed_in_on")[:limit]


def idle_pool_advice(*, catalogue_code, department, quantity):
    """Idle pool items a procurement request of `catalogue_code` could use instead (调剂 before
    purchase): [(label, url)], at most ten."""
    class_code = rules.class_code_for_catalogue(catalogue_code)
    if class_code is None:
        return []
    return [(str(entry.asset), entry.get_absolute_url()) for entry in idle_pool_for_class(class_code)]


def overdue_loans(today=None):
    today = today or timezone.localdate()
    return PoolLoan.objects.filter(returned_on__isnull=True, due_on__lt=today).select_related(
        "entry__asset", "department"
    )


def overdue_rent(today=None):
    today = today or timezone.localdate()
    return (
        LeasePayment.objects.filter(due_on__lt=today, lease__voided_at__isnull=True)
        .exclude(received_amount__gte=F("amount"))
        .select_related("lease__asset")
    )


def assets_at(day, queryset=None):
    """Assets held on `day`: acquired by then and not disposed of before it."""
    queryset = Asset.objects.all() if queryset is None else queryset
    return queryset.filter(acquired_on__lte=day).filter(Q(disposed_on__isnull=True) | Q(disposed_on__gt=day))


def totals_at(day, *, group_by, queryset=None):
    """[(key, count, value, accumulated, net)] of the assets held on `day`, grouped by `group_by`
    ("top_class", "using_department" or "status"), each figure from rules.depreciation."""
    assets = assets_at(day, queryset).select_related("asset_class", "using_department")
    rows = defaultdict(lambda: [0, ZERO, ZERO, ZERO])
    chunk = []

    def flush():
        revaluations = revaluations_by_asset([a.pk for a in chunk])
        for a in chunk:
            figures = rules.depreciation(depreciation_facts(a, revaluations.get(a.pk, [])), day)
            key = {
                "top_class": a.asset_class.top_code,
                "using_department": a.using_department.name,
                "status": a.get_status_display(),
            }[group_by]
            row = rows[key]
            row[0] += 1
            row[1] += figures.value
            row[2] += figures.accumulated
            row[3] += figures.net
        chunk.clear()

    for asset in assets.iterator(chunk_size=2000):
        chunk.append(asset)
        if len(chunk) >= 2000:
            flush()
    flush()
    if group_by == "top_class":
        names = dict(AssetClass.objects.filter(parent__isnull=True).values_list("top_code", "name"))
        return [(f"{k} {names.get(k, '')}", *v) for k, v in sorted(rows.items())]
    return [(k, *v) for k, v in sorted(rows.items())]


def idle_rate(queryset=None):
    queryset = Asset.objects.all() if queryset is None else queryset
    counts = queryset.filter(status__in=ACTIVE_STATUSES).aggregate(
        total=Count("id"), idle=Count("id", filter=Q(status=AssetStatus.IDLE))
    )
    return (counts["idle"] / counts["total"]) if counts["total"] else 0.0


def rent_income(start, end):
    return (
        LeasePayment.objects.filter(received_on__gte=start, received_on__lte=end).aggregate(
            total=Sum("received_amount")
        )["total"]
        or ZERO
    )


def disposals_between(start, end):
    return Disposal.objects.filter(status=DisposalStatus.COMPLETED, disposed_on__gte=start, disposed_on__lte=end)


def year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def stocktake_scope(stocktake):
    assets = Asset.objects.active()
    if stocktake.department_id:
        assets = assets.filter(using_department=stocktake.department_id)
    if stocktake.building_id:
        assets = assets.filter(building=stocktake.building_id)
    return assets


def annual_report(year):
    """The figures of the annual state-asset report (行政事业性国有资产年度报告) for `year`, each computed
    the one way (rules.depreciation at 31 December): by class, by unit, by status, the idle rate,
    rent income and the disposals of the year."""
    start, end = year_bounds(year)
    by_class = totals_at(end, group_by="top_class")
    total = [sum(row[i] for row in by_class) for i in range(1, 5)] if by_class else [0, ZERO, ZERO, ZERO]
    disposals = list(disposals_between(start, end).select_related("asset"))
    return {
        "year": year,
        "day": end,
        "by_class": by_class,
        "by_unit": totals_at(end, group_by="using_department"),
        "by_status": totals_at(end, group_by="status"),
        "total": total,
        "idle_rate": idle_rate(assets_at(end)),
        "rent_income": rent_income(start, end),
        "acquired": assets_at(end).filter(acquired_on__gte=start).count(),
        "disposals": disposals,
        "disposal_proceeds": sum((d.proceeds for d in disposals), ZERO),
        "disposal_remitted": sum((d.remitted_amount for d in disposals), ZERO),
    }


def public_leases():
    """Leases announced for public bidding (lease, not loan), newest first, not voided."""
    return (
        Lease.objects.filter(announced_on__isnull=False, voided_at__isnull=True, kind="lease")
        .select_related("asset")
        .order_by("-announced_on", "-id")
    )


def public_disposals():
    """Disposals by auction or sale announced in public, newest first."""
    return (
        Disposal.objects.filter(announced_on__isnull=False, method__in=["auction", "sale"])
        .select_related("asset")
        .order_by("-announced_on", "-id")
    )


# ---- figures for the bureau-wide layer (issue 14, "figures written once") -------------------------


@dataclass(frozen=True)
class AssetFigures(FigureSet):
    """The asset registry's figures for a period (and one using department).

    Held = acquired by the period's last day and not disposed of before it; values are original
    values (原值, with revaluations on the card's value), summed by the database — the depreciated net
    value of every card is the annual report's (`annual_report`), too slow for a dashboard. The idle
    rate is of the assets held whose card says idle today (a card keeps its current status, not its
    past ones). Rent income = rent received in the period; disposals completed in the period; a
    stock-take counts in the period it was closed in."""

    assets: int
    value: Decimal
    idle: int
    idle_rate: Decimal | None
    leased_out: int
    rent_income: Decimal
    disposals: int
    disposal_proceeds: Decimal
    acquired: int
    stocktakes: int
    stocktake_found: int
    stocktake_missing: int
    stocktake_surplus: int
    by_class: tuple  # ((class label, original value), …) by class code

    LABELS = {
        "assets": _("Assets held"),
        "value": _("Original value"),
        "idle": _("Idle assets"),
        "idle_rate": _("Idle rate"),
        "leased_out": _("Leased or lent out"),
        "rent_income": _("Rent income"),
        "acquired": _("Assets added"),
        "disposals": _("Disposals completed"),
        "disposal_proceeds": _("Disposal proceeds"),
        "stocktakes": _("Stock-takes closed"),
        "stocktake_found": _("Found in stock-takes"),
        "stocktake_missing": _("Missing in stock-takes"),
        "stocktake_surplus": _("Surplus in stock-takes"),
    }
    UNITS = {"value": YUAN, "idle_rate": PERCENT, "rent_income": YUAN, "disposal_proceeds": YUAN}


def assets_figures(*, period, department=None):
    """AssetFigures of `period` (bureau.periods.Period), for every department or one (its using department)."""
    assets = Asset.objects.all() if department is None else Asset.objects.filter(using_department=department)
    held = assets_at(period.end, assets)
    totals = held.aggregate(
        assets=Count("id"),
        value=Sum("original_value"),
        idle=Count("id", filter=Q(status=AssetStatus.IDLE)),
        leased_out=Count("id", filter=Q(status__in=(AssetStatus.LEASED_OUT, AssetStatus.LENT))),
        acquired=Count("id", filter=Q(acquired_on__gte=period.start)),
    )
    by_class = dict(held.values_list("asset_class__top_code").annotate(total=Sum("original_value")).order_by())
    names = dict(AssetClass.objects.filter(parent__isnull=True).values_list("top_code", "name"))
    payments = LeasePayment.objects.filter(received_on__gte=period.start, received_on__lte=period.end)
    disposals = disposals_between(period.start, period.end)
    lines = StockTakeLine.objects.filter(stocktake__closed_on__gte=period.start, stocktake__closed_on__lte=period.end)
    stocktakes = StockTake.objects.filter(closed_on__gte=period.start, closed_on__lte=period.end)
    if department is not None:
        payments = payments.filter(lease__asset__using_department=department)
        disposals = disposals.filter(asset__using_department=department)
        lines = lines.filter(
            Q(asset__using_department=department) | Q(asset__isnull=True, stocktake__department=department)
        )
        stocktakes = stocktakes.filter(
            Q(department=department) | Q(lines__asset__using_department=department)
        ).distinct()
    sold = disposals.aggregate(n=Count("id"), proceeds=Sum("proceeds"))
    results = lines.aggregate(
        found=Count("id", filter=Q(result=StockTakeResult.FOUND)),
        missing=Count("id", filter=Q(result=StockTakeResult.MISSING)),
        surplus=Count("id", filter=Q(result=StockTakeResult.SURPLUS)),
    )
    return AssetFigures(
        assets=totals["assets"],
        value=totals["value"] or ZERO,
        idle=totals["idle"],
        idle_rate=share(totals["idle"], totals["assets"]),
        leased_out=totals["leased_out"],
        rent_income=payments.aggregate(total=Sum("received_amount"))["total"] or ZERO,
        disposals=sold["n"],
        disposal_proceeds=sold["proceeds"] or ZERO,
        acquired=totals["acquired"],
        stocktakes=stocktakes.count(),
        stocktake_found=results["found"],
        stocktake_missing=results["missing"],
        stocktake_surplus=results["surplus"],
        by_class=tuple((f"{code} {names.get(code, '')}".strip(), by_class[code]) for code in sorted(by_class)),
    )
