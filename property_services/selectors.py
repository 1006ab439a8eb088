"""Reads of outsourced property services 物业服务 and the campus composed for a page, an export or the
bureau-wide layer (dashboards, the briefing, the API read this centre only through here). Scoped
by `Model.objects.for_user(user)`."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from bureau.choices import RoomUse
from bureau.figures import AREA, HOURS, SCORE, YUAN, ZERO, FigureSet, mean
from bureau.models import RoomOccupancy
from property_services import rules
from property_services.choices import FeeType, RepairStatus
from property_services.choices_inspections import InspectionStatus
from property_services.models import (
    DeductionLine,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    Inspection,
    Penalty,
    RepairTicket,
)


def fee_rates_by_type(month):
    """{fee type: [(valid_from, rate)]} of the rates that apply on some day of `month`, by date."""
    last = rules.month_end(month)
    rates = defaultdict(list)
    for fee_type, valid_from, rate in (
        FeeRate.objects.filter(valid_from__lte=last)
        .order_by("fee_type", "valid_from")
        .values_list("fee_type", "valid_from", "monthly_rate")
    ):
        rates[fee_type].append((valid_from, rate))
    return {fee_type: rates.get(fee_type, []) for fee_type in FeeType.values}


def office_occupancy_by_department(month):
    """{department id: [(first day, last day)]}: each live occupancy of an office room that shares a day
    with `month`, clipped to the month. The database keeps one department per room per day
    (bureau's RoomOccupancy constraint), so no room-day is billed to two departments."""
    first, last = month, rules.month_end(month)
    rows = (
        RoomOccupancy.objects.active()
        .filter(room__use=RoomUse.OFFICE, start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .values_list("department_id", "start_date", "end_date")
        .order_by()
    )
    occupied = defaultdict(list)
    for department_id, start, end in rows.iterator(chunk_size=5000):
        occupied[department_id].append((max(start, first), min(end or last, last)))
    return dict(occupied)


def fee_charges_of_month(month):
    return FeeCharge.objects.filter(month=month)


def fee_month_totals(month):
    """{department id: {"rooms", fee type…, "adjustments"}} for the deduction list of `month`."""
    totals = defaultdict(
        lambda: {"rooms": 0, FeeType.AIR_CONDITIONING: 0, FeeType.SECURITY_CLEANING: 0, "adjustments": 0}
    )
    for department_id, fee_type, rooms, amount in FeeCharge.objects.filter(month=month).values_list(
        "department_id", "fee_type", "rooms", "amount"
    ):
        line = totals[department_id]
        line[fee_type] += amount
        line["rooms"] = max(line["rooms"], rooms)
    for row in (
        FeeAdjustment.objects.filter(month=month, voided_at=None)
        .values("department_id")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        totals[row["department_id"]]["adjustments"] += row["total"]
    return dict(totals)


def deduction_lines_for(user, deduction_list):
    return (
        DeductionLine.objects.for_user(user)
        .filter(deduction_list=deduction_list)
        .select_related("department")
        .order_by("department__sort_order", "department__code")
    )


# ---- figures for the bureau-wide layer (issue 14, "figures written once") -------------------------

OPEN_TICKET_STATUSES = (
    RepairStatus.REPORTED,
    RepairStatus.DISPATCHED,
    RepairStatus.IN_PROGRESS,
    RepairStatus.PAUSED,
    RepairStatus.REOPENED,
)


@dataclass(frozen=True)
class PropertyFigures(FigureSet):
    """The campus's figures for a period (and one department).

    Inspections: scored inspections dated in the period, their mean score, per contractor. Penalties
    and fees are kept per month (the month's first day in the period); fees billed = charges plus
    live adjustments. Tickets opened by their report time, resolved by their resolution time;
    response = report → dispatch, fix = report → resolution less paused time, both means in hours of
    the tickets resolved in the period; the rating is the mean of the ratings of tickets confirmed in
    it. Open tickets and offices are counted at the period's end. For one department: its fees, its
    tickets, its offices (the contractors' inspections and penalties are the campus's, not a
    department's: 0)."""

    inspections: int
    inspection_score: Decimal | None
    penalties: Decimal
    fees_billed: Decimal
    tickets_opened: int
    tickets_resolved: int
    tickets_open: int
    response_hours: Decimal | None
    fix_hours: Decimal | None
    rating: Decimal | None
    offices: int
    office_area: Decimal
    by_contractor: tuple  # ((contractor, mean score), …) by name
    fees_by_type: tuple  # ((fee type label, amount), …)

    LABELS = {
        "inspections": _("Inspections scored"),
        "inspection_score": _("Mean inspection score"),
        "penalties": _("Penalties"),
        "fees_billed": _("Fees billed"),
        "tickets_opened": _("Repair tickets opened"),
        "tickets_resolved": _("Repair tickets resolved"),
        "tickets_open": _("Repair tickets open"),
        "response_hours": _("Mean response time"),
        "fix_hours": _("Mean time to fix"),
        "rating": _("Mean rating"),
        "offices": _("Office rooms"),
        "office_area": _("Office area (m²)"),
    }
    UNITS = {
        "inspection_score": SCORE,
        "penalties": YUAN,
        "fees_billed": YUAN,
        "response_hours": HOURS,
        "fix_hours": HOURS,
        "rating": SCORE,
        "office_area": AREA,
    }


def _hours(duration, count):
    if duration is None or not count:
        return None
    return mean(Decimal(str(duration.total_seconds())) / 3600, count)


def property_figures(*, period, department=None):
    """PropertyFigures of `period` (bureau.periods.Period), for every department or one."""
    start, end = period.bounds()
    month_in_period = Q(month__gte=period.start, month__lte=period.end)
    charges = FeeCharge.objects.filter(month_in_period)
    adjustments = FeeAdjustment.objects.filter(month_in_period, voided_at=None)
    tickets = RepairTicket.objects.all()
    occupancy = RoomOccupancy.objects.active().on(period.end).filter(room__use=RoomUse.OFFICE)
    if department is not None:
        charges = charges.filter(department=department)
        adjustments = adjustments.filter(department=department)
        tickets = tickets.filter(department=department)
        occupancy = occupancy.filter(department=department)
    fees = {
        row["fee_type"]: row["total"] for row in charges.values("fee_type").annotate(total=Sum("amount")).order_by()
    }
    adjusted = adjustments.aggregate(total=Sum("amount"))["total"] or ZERO
    resolved = Q(resolved_at__gte=start, resolved_at__lt=end)
    ticket_counts = tickets.aggregate(
        opened=Count("id", filter=Q(reported_at__gte=start, reported_at__lt=end)),
        resolved=Count("id", filter=resolved),
        open=Count("id", filter=Q(reported_at__lt=end, status__in=OPEN_TICKET_STATUSES)),
        responded=Count("id", filter=resolved & Q(dispatched_at__isnull=False)),
        response=Sum(F("dispatched_at") - F("reported_at"), filter=resolved & Q(dispatched_at__isnull=False)),
        fix=Sum(F("resolved_at") - F("reported_at"), filter=resolved),
        paused=Sum("paused_seconds", filter=resolved),
        rated=Count("id", filter=Q(confirmed_at__gte=start, confirmed_at__lt=end, rating__isnull=False)),
        rating=Sum("rating", filter=Q(confirmed_at__gte=start, confirmed_at__lt=end, rating__isnull=False)),
    )
    fix = ticket_counts["fix"]
    if fix is not None:
        fix -= datetime.timedelta(seconds=ticket_counts["paused"] or 0)
    offices = occupancy.aggregate(n=Count("room", distinct=True), area=Sum("room__area"))
    if department is None:
        inspections = Inspection.objects.filter(
            date__gte=period.start, date__lte=period.end, status=InspectionStatus.SCORED, score__isnull=False
        )
        scored = inspections.aggregate(n=Count("id"), total=Sum("score"))
        by_contractor = tuple(
            (row["contract__contractor__name"], mean(row["total"], row["n"]))
            for row in inspections.values("contract__contractor__name")
            .annotate(n=Count("id"), total=Sum("score"))
            .order_by("contract__contractor__name")
        )
        penalties = (
            Penalty.objects.filter(month_in_period, voided_at=None).aggregate(total=Sum("amount"))["total"] or ZERO
        )
    else:
        scored, by_contractor, penalties = {"n": 0, "total": None}, (), ZERO
    return PropertyFigures(
        inspections=scored["n"],
        inspection_score=mean(scored["total"], scored["n"]),
        penalties=penalties,
        fees_billed=sum(fees.values(), ZERO) + adjusted,
        tickets_opened=ticket_counts["opened"],
        tickets_resolved=ticket_counts["resolved"],
        tickets_open=ticket_counts["open"],
        response_hours=_hours(ticket_counts["response"], ticket_counts["responded"]),
        fix_hours=_hours(fix, ticket_counts["resolved"]),
        rating=mean(ticket_counts["rating"], ticket_counts["rated"]),
        offices=offices["n"],
        office_area=offices["area"] or ZERO,
        by_contractor=by_contractor,
        fees_by_type=tuple((str(label), fees.get(value, ZERO)) for value, label in FeeType.choices),
    )
