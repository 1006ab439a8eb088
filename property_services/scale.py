"""The property services' part of `manage.py seed_scale` (see bureau.scale): dated fee rates and every
month of the plan billed — a billing run, each department's two charges (the city set's ~470,000 fee
rows), and the month's deduction list with its lines — computed by the same rules as the billing
service (property_services.rules), written by the scale writer (COPY on PostgreSQL)."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from bureau.choices import RoomUse
from bureau.models import RoomOccupancy
from bureau.services import audited_save
from property_services import rules
from property_services.choices import BillingRunStatus, DeductionListStatus, FeeType
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge, FeeRate

AIR, SECURITY = FeeType.AIR_CONDITIONING, FeeType.SECURITY_CLEANING
ADJUSTMENT = Decimal("-50.00")


def rates_of(plan):
    """The set's rates, revised every quarter (a made-up index): security/cleaning from the quarter's
    first day, air-conditioning from its 15th, so most quarters open with a mid-month rate change."""
    rates = []
    quarter = rules.month_start(plan.first_day)
    for index in range(plan.years * 4):
        rates.append((SECURITY, Decimal(150 + 2 * (index % 3)), quarter))
        rates.append((AIR, Decimal(300 + 5 * (index % 4)), quarter + datetime.timedelta(days=14)))
        for _ in range(3):
            quarter = rules.next_month(quarter)
    return rates


def billed_months(plan):
    last = min(rules.previous_month(timezone.localdate()), rules.month_start(plan.last_day))
    month = rules.month_start(plan.first_day)
    while month <= last:
        yield month
        month = rules.next_month(month)


def build(plan, writer, stdout, built):
    if not FeeRate.objects.exists():
        rates = rates_of(plan)
        writer.write(
            FeeRate,
            ("id", "fee_type", "monthly_rate", "valid_from", "note"),
            [(pk, *row, "") for pk, row in zip(writer.reserve(FeeRate, len(rates)), rates, strict=True)],
        )
    dated = {fee: [] for fee in FeeType.values}
    for fee, day, rate in FeeRate.objects.order_by("valid_from").values_list("fee_type", "valid_from", "monthly_rate"):
        dated[fee].append((day, rate))
    # This build's departments (seed_scale adds a set to what is there: earlier departments are billed).
    department_ids = {pk for pk, _county, _kind in built["bureau"].departments}
    occupancies = [
        row
        for row in RoomOccupancy.objects.filter(room__use=RoomUse.OFFICE, voided_at=None).values_list(
            "department_id", "start_date", "end_date"
        )
        if row[0] in department_ids
    ]
    months = [month for month in billed_months(plan) if dated[AIR] and dated[AIR][0][0] <= month]
    months = [month for month in months if dated[SECURITY] and dated[SECURITY][0][0] <= month]
    existing_runs = dict(BillingRun.objects.filter(month__in=months).values_list("month", "pk"))
    existing_lists = dict(DeductionList.objects.filter(month__in=months).values_list("month", "pk"))
    new_runs = iter(writer.reserve(BillingRun, len(months)))
    new_lists = iter(writer.reserve(DeductionList, len(months)))
    adjusted_count = min(200, max(3, len(department_ids) // 3))
    runs, lists, charges, lines, adjustments, added = [], [], [], [], [], {}
    for index, month in enumerate(months):
        last = rules.month_end(month)
        occupied = defaultdict(list)
        for department_id, start, end in occupancies:
            if start <= last and (end is None or end >= month):
                occupied[department_id].append((max(start, month), min(end or last, last)))
        periods = {fee: rules.rate_periods(dated[fee], month) for fee in FeeType.values}
        run_id = existing_runs.get(month) or next(new_runs)
        list_id = existing_lists.get(month) or next(new_lists)
        month_total = Decimal(0)
        latest = index == len(months) - 1
        for position, department_id in enumerate(sorted(occupied)):
            amounts = {}
            for fee in FeeType.values:
                rooms, amount = rules.department_fees(occupied[department_id], periods[fee], month)
                amounts[fee] = amount
                charges.append((run_id, department_id, fee, month, rooms, amount))
            # The latest month (its list still a draft) has a few corrections entered after billing.
            adjusted = ADJUSTMENT if latest and position < adjusted_count else Decimal(0)
            if adjusted:
                adjustments.append((department_id, AIR, month, adjusted, "空调检修停机，按天退费"))
            total = amounts[AIR] + amounts[SECURITY] + adjusted
            month_total += total
            lines.append((list_id, department_id, rooms, amounts[AIR], amounts[SECURITY], adjusted, total))
        if month in existing_runs:
            added[month] = (len(occupied), month_total)
            continue
        finished = timezone.make_aware(datetime.datetime.combine(rules.next_month(month), datetime.time(1, 30)))
        runs.append((run_id, month, BillingRunStatus.DONE, finished, len(occupied), month_total, 1))
        status = DeductionListStatus.DRAFT if latest else DeductionListStatus.CONFIRMED
        lists.append((list_id, month, status, month_total))
    writer.write(BillingRun, ("id", "month", "status", "finished_at", "departments", "total", "attempts"), runs)
    writer.write(DeductionList, ("id", "month", "status", "total"), lists)
    adjustment_ids = writer.reserve(FeeAdjustment, len(adjustments))
    writer.write(
        FeeAdjustment,
        ("id", "department_id", "fee_type", "month", "amount", "reason"),
        [(pk, *row) for pk, row in zip(adjustment_ids, adjustments, strict=True)],
    )
    charge_ids = writer.reserve(FeeCharge, len(charges))
    writer.write(
        FeeCharge,
        ("id", "run_id", "department_id", "fee_type", "month", "rooms", "amount"),
        [(pk, *row) for pk, row in zip(charge_ids, charges, strict=True)],
    )
    line_ids = writer.reserve(DeductionLine, len(lines))
    writer.write(
        DeductionLine,
        (
            "id",
            "deduction_list_id",
            "department_id",
            "rooms",
            "air_conditioning",
            "security_cleaning",
            "adjustments",
            "total",
        ),
        [(pk, *row) for pk, row in zip(line_ids, lines, strict=True)],
    )
    _add_to_billed_months(added)
    if stdout is not None:
        stdout.write(
            f"property_services: {len(months)} billed months, {len(charges):,} fee rows, {len(lines):,} deduction lines"
        )
    return None


def _add_to_billed_months(added):
    """Months billed by an earlier build: their run and list now count this build's departments too."""
    for month, (departments, total) in added.items():
        run = BillingRun.objects.get(month=month)
        run.departments += departments
        run.total += total
        audited_save(obj=run, actor=None, reason="seed_scale", update_fields=["departments", "total"])
        deduction_list = DeductionList.objects.get(month=month)
        deduction_list.total += total
        audited_save(obj=deduction_list, actor=None, reason="seed_scale", update_fields=["total"])
