"""Reads of outsourced property services 物业服务 and the campus composed for a page, an export or the
bureau-wide layer (dashboards, the briefing, the API read this centre only through here). Scoped
by `Model.objects.for_user(user)`."""

from collections import defaultdict

from django.db.models import Q, Sum

from bureau.choices import RoomUse
from bureau.models import RoomOccupancy
from property_services import rules
from property_services.choices import FeeType
from property_services.models import DeductionLine, FeeAdjustment, FeeCharge, FeeRate


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
