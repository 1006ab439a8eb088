"""Demo data of the property services (called by `manage.py seed_demo`, idempotent): the reference
service contracts (怀化蓝世纪物业管理公司, 怀化众鑫商贸有限责任公司) with their scoring sheets and
penalty clauses; the fee rates,
the last twelve ended months billed through the billing service, their deduction lists (sent and
confirmed, the latest still a draft) and a correction entered after billing."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from bureau.models import Department
from bureau.services import audited_save
from bureau.workflow import transition
from property_services import demo_inspections, demo_space, rules
from property_services.choices import DeductionListStatus, FeeType, ServiceType
from property_services.models import (
    DeductionList,
    FeeAdjustment,
    FeeRate,
    PenaltyClause,
    ScoringItem,
    ServiceContract,
)
from property_services.services import fees

MONTHS = 12
# 中央空调费 and 物业(保安保洁)费 per office room per month; the air-conditioning rate rose in 2025.
RATES = [
    (FeeType.AIR_CONDITIONING, Decimal("120.00"), datetime.date(2020, 1, 1), "行管中心经费核算办法"),
    (FeeType.SECURITY_CLEANING, Decimal("80.00"), datetime.date(2020, 1, 1), "物业服务合同（怀化蓝世纪物业管理公司）"),
    (FeeType.AIR_CONDITIONING, Decimal("135.00"), datetime.date(2025, 7, 1), "电价调整后重新核定"),
]


def seed(*, stdout=None, today=None):
    finance = get_user_model().objects.filter(username="finance").first()
    for fee_type, rate, valid_from, note in RATES:
        if not FeeRate.objects.filter(fee_type=fee_type, valid_from=valid_from).exists():
            fees.fee_rate_save(
                rate=FeeRate(fee_type=fee_type, monthly_rate=rate, valid_from=valid_from, note=note), actor=finance
            )
    month = rules.previous_month(today or datetime.date.today())
    months = []
    for _ in range(MONTHS):
        months.append(month)
        month = rules.previous_month(month)
    for month in reversed(months):
        fees.fee_month_bill(month=month, actor=finance)
    latest = months[0]
    department = Department.objects.filter(fee_charges__month=latest).order_by("sort_order", "code").first()
    if department and not FeeAdjustment.objects.filter(month=latest).exists():
        fees.fee_adjustment_create(
            department=department,
            fee_type=FeeType.AIR_CONDITIONING,
            month=latest,
            amount=Decimal("-60.00"),
            reason="空调检修停机半月，按半月退费",
            actor=finance,
        )
    for deduction_list in DeductionList.objects.filter(month__in=months[1:]).order_by("month"):
        if deduction_list.status == DeductionListStatus.DRAFT:
            transition(obj=deduction_list, move="send", actor=finance)
        if deduction_list.status == DeductionListStatus.SENT:
            transition(obj=deduction_list, move="confirm", actor=finance)
    _reference_contracts(finance)
    tickets = _repair_tickets(today)
    inspections, assessments = demo_inspections.seed(today=today)
    seated, violations = demo_space.seed(today=today)
    if stdout is not None:
        stdout.write(f"property services: {inspections} inspections, {assessments} monthly assessments")
        stdout.write(f"property services: {len(months)} billed months, {DeductionList.objects.count()} deduction lists")
        stdout.write(f"property services: {tickets} repair tickets")
        stdout.write(f"property services: {seated} people given an office, {violations} conduct violations")


CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _credit_code(first17):
    """A unified social credit code with its check character (GB 32100-2015)."""
    total = sum(CHARSET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return first17 + CHARSET[(31 - total % 31) % 31]


# The reference centre's public tenders (DESIGN.md §7): security and cleaning, and the canteen.
REFERENCE = [
    ("怀化蓝世纪物业管理公司", "91431200MA4L1B2C3", "行政中心保安服务", ServiceType.SECURITY, Decimal("48000.00")),
    ("怀化蓝世纪物业管理公司", "91431200MA4L1B2C3", "行政中心保洁服务", ServiceType.CLEANING, Decimal("36000.00")),
    ("怀化众鑫商贸有限责任公司", "91431200MA4M5N6P7", "机关食堂服务", ServiceType.CANTEEN, Decimal("62000.00")),
]
SHEET = [("人员在岗与着装", 20), ("巡查与登记", 20), ("区域清洁", 30), ("设施设备完好", 15), ("服务态度与投诉", 15)]
CLAUSES = [
    ("脱岗、睡岗", Decimal("200.00"), Decimal("2000.00")),
    ("检查不合格经整改仍不合格", Decimal("300.00"), Decimal("3000.00")),
    ("未按期完成整改", Decimal("500.00"), Decimal("5000.00")),
]


def _reference_contracts(actor):
    from procurement.models import Supplier

    for name, code, title, service_type, fee in REFERENCE:
        if ServiceContract.objects.filter(title=title).exists():
            continue
        contractor = Supplier.objects.filter(name=name).first()
        if contractor is None:
            contractor = audited_save(obj=Supplier(name=name, credit_code=_credit_code(code)), actor=actor)
        contract = audited_save(
            obj=ServiceContract(
                contractor=contractor,
                title=title,
                service_type=service_type,
                areas="行政中心（87亩）全域",
                monthly_fee=fee,
                start_date=datetime.date(2025, 1, 1),
                end_date=datetime.date(2027, 12, 31),
                created_by=actor,
            ),
            actor=actor,
        )
        for item, points in SHEET:
            audited_save(obj=ScoringItem(contract=contract, item=item, points=points), actor=actor)
        for deficiency, deduction, cap in CLAUSES:
            audited_save(
                obj=PenaltyClause(contract=contract, deficiency=deficiency, deduction=deduction, monthly_cap=cap),
                actor=actor,
            )


DEMO_TICKETS = 250


def _repair_tickets(today):
    """About 250 tickets of the last half year through the services: web, QR and hotline reports in
    office rooms, dispatched to the technician, some paused for parts, most confirmed with a rating;
    the last ones still open (two of them late)."""
    import random

    from django.utils import timezone

    from bureau.models import Room, StaffProfile
    from property_services.choices import RepairSource
    from property_services.models import RepairTicket
    from property_services.scale import FAULTS
    from property_services.services import repairs

    if RepairTicket.objects.exists():
        return RepairTicket.objects.count()
    users = get_user_model().objects
    centre, technician = users.filter(username="campus").first(), users.filter(username="repair").first()
    rooms = list(Room.objects.filter(active=True, use="office").order_by("pk")[:200])
    reporters = list(
        users.filter(pk__in=StaffProfile.objects.values("user"), groups__name__in=["干部职工", "部门负责人"]).distinct()
    )
    if not (centre and technician and rooms and reporters):
        return 0
    rng = random.Random(110)
    now = timezone.make_aware(datetime.datetime.combine(today or datetime.date.today(), datetime.time(8)))
    hour = datetime.timedelta(hours=1)
    for index in range(DEMO_TICKETS):
        reported = now - datetime.timedelta(days=180) + datetime.timedelta(hours=index * 180 * 24 / DEMO_TICKETS)
        category = rng.choice(list(FAULTS))
        priority = rng.choices(["urgent", "high", "normal", "low"], weights=(1, 3, 10, 3))[0]
        source = rng.choices(list(RepairSource.values), weights=(5, 3, 2))[0]
        common = {
            "room": rng.choice(rooms),
            "category": category,
            "description": rng.choice(FAULTS[category]),
            "priority": priority,
            "now": reported,
        }
        if source == RepairSource.WEB:
            reporter = rng.choice(reporters)
            ticket = repairs.ticket_report(actor=reporter, source=source, **common)
        else:
            reporter = None
            name, phone = rng.choice(["刘", "陈", "杨", "黄", "周"]) + "同志", f"139{rng.randrange(10**8):08d}"
            actor = centre if source == RepairSource.HOTLINE else None
            ticket = repairs.ticket_report(
                actor=actor, source=source, reporter_name=name, reporter_phone=phone, **common
            )
        if index >= DEMO_TICKETS - 4:
            continue  # the newest: not yet dispatched (the oldest of them late)
        response, fix = rules.repair_targets(priority)
        at = reported + response * rng.uniform(0.1, 0.5)
        repairs.ticket_dispatch(ticket=ticket, technician=technician, actor=centre, now=at)
        at += response * rng.uniform(0.2, 0.8)
        repairs.ticket_start(ticket=ticket, actor=technician, now=at)
        if index >= DEMO_TICKETS - 10:
            continue
        if rng.random() < 0.15:
            at += hour
            repairs.ticket_pause(ticket=ticket, pause_reason="parts", actor=technician, now=at)
            at += hour * rng.randint(4, 48)
            repairs.ticket_resume(ticket=ticket, actor=technician, now=at)
        at += fix * rng.uniform(0.05, 1.1)
        repairs.ticket_resolve(ticket=ticket, actor=technician, now=at)
        confirmer = ticket.reporter or None
        if index >= DEMO_TICKETS - 15:
            continue  # resolved, waiting for the reporter
        if rng.random() < 0.04:
            repairs.ticket_reopen(ticket=ticket, reason="问题仍然存在", actor=confirmer, now=at + 2 * hour)
            continue
        rating = rng.choices((5, 4, 3, 2), weights=(6, 3, 1, 0.3))[0]
        repairs.ticket_confirm(ticket=ticket, rating=rating, actor=confirmer, now=at + 3 * hour)
    return RepairTicket.objects.count()
