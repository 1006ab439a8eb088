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
from property_services import rules, scale_inspections, scale_space
from property_services.choices import BillingRunStatus, DeductionListStatus, FeeType, ServiceType
from property_services.models import (
    BillingRun,
    DeductionLine,
    DeductionList,
    FeeAdjustment,
    FeeCharge,
    FeeRate,
    PenaltyClause,
    ScoringItem,
    ServiceContract,
)

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
    contract_ids = _service_contracts(plan, writer, department_ids)
    contracts = len(contract_ids)
    inspections, assessments = scale_inspections.build(plan, writer, contract_ids, months)
    tickets = _repair_tickets(plan, writer, department_ids)
    assignments, violations = scale_space.build(plan, writer, department_ids)
    if stdout is not None:
        stdout.write(
            f"property_services: {len(months)} billed months, {len(charges):,} fee rows, "
            f"{len(lines):,} deduction lines, {contracts:,} service contracts, {inspections:,} inspections, "
            f"{assessments:,} monthly assessments, {tickets:,} repair tickets, {assignments:,} office assignments, "
            f"{violations:,} conduct violations"
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


CONTRACTORS = [
    "怀化蓝世纪物业管理公司",
    "怀化众鑫商贸有限责任公司",
    "湖南绿源园林绿化工程有限公司",
    "怀化安泰机电设备维护有限公司",
]


def _service_contracts(plan, writer, department_ids):
    """A contract per service type and county-sized slice of units, with the reference contractors
    (procurement suppliers, added when the set has none of them)."""
    from procurement.models import Supplier

    suppliers = list(Supplier.objects.filter(name__in=CONTRACTORS).values_list("pk", flat=True))
    if not suppliers:
        ids = writer.reserve(Supplier, len(CONTRACTORS))
        offset = len(department_ids)
        rows = [
            (pk, name, f"91431200S{offset:04d}{index:05d}"[:18])
            for index, (pk, name) in enumerate(zip(ids, CONTRACTORS, strict=True))
        ]
        writer.write(Supplier, ("id", "name", "credit_code"), rows)
        suppliers = list(ids)
    count = max(4, len(department_ids) // 3)
    types = ServiceType.values
    ids = writer.reserve(ServiceContract, count)
    rows = []
    for index, pk in enumerate(ids):
        start = datetime.date(plan.first_day.year + index % plan.years, 1, 1)
        rows.append(
            (
                pk,
                suppliers[index % len(suppliers)],
                f"{ServiceType(types[index % len(types)]).label}服务合同 {index + 1}",
                types[index % len(types)],
                Decimal(20_000 + 1_000 * (index % 50)),
                start,
                datetime.date(start.year + 2, 12, 31),
            )
        )
    writer.write(
        ServiceContract, ("id", "contractor_id", "title", "service_type", "monthly_fee", "start_date", "end_date"), rows
    )
    # Each contract's scoring sheet (100 points) and penalty clauses (deduction, monthly cap).
    items = [(pk, item, points) for pk in ids for item, points in SCORING_SHEET]
    writer.write(
        ScoringItem,
        ("id", "contract_id", "item", "points"),
        [(item_id, *row) for item_id, row in zip(writer.reserve(ScoringItem, len(items)), items, strict=True)],
    )
    clauses = [(pk, deficiency, deduction, cap) for pk in ids for deficiency, deduction, cap in PENALTIES]
    writer.write(
        PenaltyClause,
        ("id", "contract_id", "deficiency", "deduction", "monthly_cap"),
        [
            (clause_id, *row)
            for clause_id, row in zip(writer.reserve(PenaltyClause, len(clauses)), clauses, strict=True)
        ],
    )
    return list(ids)


SCORING_SHEET = [
    ("人员在岗与着装", 20),
    ("巡查与登记", 20),
    ("区域清洁", 30),
    ("设施设备完好", 15),
    ("服务态度与投诉", 15),
]
PENALTIES = [
    ("脱岗、睡岗", Decimal("200.00"), Decimal("2000.00")),
    ("保洁不到位经整改仍不合格", Decimal("300.00"), Decimal("3000.00")),
    ("未按时完成整改", Decimal("500.00"), Decimal("5000.00")),
]


TICKETS_PER_DEPARTMENT = 20  # the city set's 2,000 units → 40,000 tickets
FAULTS = {
    "water_electric": ["卫生间水龙头漏水", "办公室插座没电", "走廊灯不亮"],
    "air_conditioning": ["空调不制冷", "空调滴水", "空调遥控失灵"],
    "network": ["网口不通", "无线网络信号弱", "电话线路故障"],
    "doors_windows": ["门锁损坏", "窗户关不严", "门把手松动"],
    "other": ["桌椅损坏", "饮水机故障", "窗帘轨道脱落"],
}


def _repair_tickets(plan, writer, department_ids):
    """Tickets in the departments' office rooms over the plan's years: most confirmed with a rating,
    the last few still open, some of them late."""
    import random

    from property_services.choices import RepairPriority, RepairSource, RepairStatus
    from property_services.models import RepairTicket

    rng = random.Random(f"repairs-{plan.name}-{len(department_ids)}")
    rooms = defaultdict(list)
    for room_id, department_id in RoomOccupancy.objects.filter(
        room__use=RoomUse.OFFICE, voided_at=None, department_id__in=department_ids
    ).values_list("room_id", "department_id"):
        rooms[department_id].append(room_id)
    span = (min(plan.last_day, timezone.localdate()) - plan.first_day).days
    rows = []
    priorities = RepairPriority.values
    for department_id in sorted(rooms):
        for _ in range(TICKETS_PER_DEPARTMENT):
            category = rng.choice(list(FAULTS))
            priority = rng.choices(priorities, weights=(1, 3, 10, 3))[0]
            response, fix = rules.repair_targets(priority)
            day = plan.first_day + datetime.timedelta(days=rng.randrange(max(span, 1)))
            reported = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8 + rng.randrange(9), 0)))
            started = reported + response * rng.uniform(0.2, 1.3)
            resolved = started + fix * rng.uniform(0.1, 0.9)
            recent = (timezone.localdate() - day).days < 3
            status = RepairStatus.DISPATCHED if recent else RepairStatus.CONFIRMED
            done = status == RepairStatus.CONFIRMED
            rows.append(
                (
                    rng.choice(rooms[department_id]),
                    category,
                    rng.choice(FAULTS[category]),
                    priority,
                    rng.choice(RepairSource.values),
                    "报修人",
                    department_id,
                    status,
                    reported,
                    started if done else None,
                    resolved if done else None,
                    resolved + datetime.timedelta(hours=2) if done else None,
                    reported + response,
                    reported + fix,
                    rng.choices((5, 4, 3, 2), weights=(6, 3, 1, 0.3))[0] if done else None,
                )
            )
    fields = (
        "id",
        "room_id",
        "category",
        "description",
        "priority",
        "source",
        "reporter_name",
        "department_id",
        "status",
        "reported_at",
        "started_at",
        "resolved_at",
        "confirmed_at",
        "response_due",
        "fix_due",
        "rating",
    )
    ids = writer.reserve(RepairTicket, len(rows))
    writer.write(RepairTicket, fields, [(pk, *row) for pk, row in zip(ids, rows, strict=True)])
    return len(rows)
