"""Demo data of the procurement centre (called by `manage.py seed_demo` after bureau.demo.seed()):
about 110 batches and 700 contracts over 2025–2026 in every state, for 中方县. About 10 million
yuan of budget a year with about 8 % saved, as the reference county reported. A few contracts are
signed or published late and a few intentions late or missing, for the risk flags. Rows are saved
one by one, so each has its history. Running it again changes nothing."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from stdnum.cn import uscc

from bureau.models import Department
from procurement import demo_oversight
from procurement.choices import (
    AcceptanceResult,
    BatchStatus,
    BidStatus,
    Category,
    ContractStatus,
    FundingSource,
    Method,
    RequestStatus,
)
from procurement.models import (
    Acceptance,
    Award,
    BadConductRecord,
    Batch,
    Bid,
    Contract,
    Invitation,
    Lot,
    Payment,
    PaymentMilestone,
    ProcurementRequest,
    Supplier,
)

CENT = Decimal("0.01")
END = datetime.date(2026, 11, 30)  # the demo's last announcement day
ITEMS = [
    (Category.GOODS, "A02010104", "台式计算机", "台"),
    (Category.GOODS, "A02010105", "便携式计算机", "台"),
    (Category.GOODS, "A02021001", "打印机", "台"),
    (Category.GOODS, "A06010100", "办公桌椅", "套"),
    (Category.GOODS, "A02061800", "空调机", "台"),
    (Category.GOODS, "A05040101", "复印纸", "箱"),
    (Category.GOODS, "A02091000", "视频会议设备", "套"),
    (Category.WORKS, "B07000000", "办公楼维修改造", "项"),
    (Category.WORKS, "B08000000", "会议室装修", "项"),
    (Category.SERVICES, "C21040000", "物业管理服务", "项"),
    (Category.SERVICES, "C16070000", "信息系统运维服务", "项"),
    (Category.SERVICES, "C23090000", "印刷服务", "项"),
    (Category.SERVICES, "C15040000", "车辆维修保养服务", "项"),
]
METHODS = [
    (Method.OPEN_TENDER, 30),
    (Method.CONSULTATION, 20),
    (Method.INQUIRY, 18),
    (Method.NEGOTIATION, 10),
    (Method.SINGLE_SOURCE, 7),
    (Method.INVITED_TENDER, 5),
    (Method.FRAMEWORK, 8),
    (Method.INNOVATION, 2),
]
SUPPLIER_WORDS = ["鑫达", "华信", "恒通", "宏远", "金桥", "天成", "瑞丰", "博创", "锦程", "中和", "湘辉", "怀安"]
SUPPLIER_TRADES = ["科技", "办公设备", "建筑工程", "物业服务", "信息技术", "家具", "印务", "电器"]


def _money(value):
    return Decimal(value).quantize(CENT)


def _code(rng):
    characters = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z
    body = (
        f"914312{rng.randrange(100):02d}MA4"
        + "".join(rng.choice(characters) for _ in range(5))
        + str(rng.randrange(10))
    )
    return body + uscc.calc_check_digit(body)


def _working_day_after(day, n):
    while n:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _suppliers(rng):
    suppliers = []
    for i in range(64):
        place = ["怀化市", "中方县", "湖南", "鹤城区"][i % 4]
        name = f"{place}{SUPPLIER_WORDS[i % 12]}{SUPPLIER_TRADES[(i // 12 + i) % 8]}有限公司"
        suppliers.append(
            Supplier.objects.create(
                name=name,
                credit_code=_code(rng),
                legal_representative=rng.choice(["张", "王", "李", "刘"]) + "某",
                phone=f"0745-27{rng.randrange(10000, 99999)}",
                bank_name="中国农业银行中方县支行",
                bank_account_name=name,
                bank_account_number=f"1859{rng.randrange(10**11):011d}",
                is_sme=i % 3 != 0,
            )
        )
    BadConductRecord.objects.create(
        supplier=suppliers[5],
        authority="县财政局",
        decision_number="中财监〔2026〕3号",
        reason="提供虚假材料谋取成交",
        in_force_from=datetime.date(2026, 3, 1),
        in_force_to=datetime.date(2029, 2, 28),
    )
    BadConductRecord.objects.create(
        supplier=suppliers[9],
        authority="县财政局",
        decision_number="中财监〔2024〕7号",
        reason="无正当理由拒不签订合同",
        in_force_from=datetime.date(2024, 6, 1),
        in_force_to=datetime.date(2025, 5, 31),
    )
    return [s for i, s in enumerate(suppliers) if i != 5]


def _status(rng, announced):
    age = (END - announced).days
    if age < 12:
        return rng.choice([BatchStatus.INITIATED, BatchStatus.ANNOUNCED, BatchStatus.ANNOUNCED])
    if age < 25:
        return rng.choice([BatchStatus.OPENED, BatchStatus.EVALUATED, BatchStatus.AWARDED])
    if age < 60:
        return rng.choice([BatchStatus.AWARDED, BatchStatus.CONTRACTED, BatchStatus.CONTRACTED])
    if age < 150:
        return rng.choice([BatchStatus.CONTRACTED, BatchStatus.ACCEPTED, BatchStatus.CLOSED])
    return BatchStatus.CLOSED


@transaction.atomic
def seed(*, stdout=None):
    """The core demo (batches, contracts), then the challenges, complaints and risk hits on it."""
    batches = _seed_batches(stdout=stdout)
    demo_oversight.seed(stdout=stdout)
    return batches


def _seed_batches(*, stdout=None):
    if Batch.objects.filter(number__startswith="ZFCG-2025-").exists():
        return []
    departments = list(Department.objects.filter(code__startswith="ZF-", active=True).order_by("code"))
    if not departments:
        return []
    rng = random.Random(2011)
    actor = get_user_model().objects.filter(username="procure").first()
    suppliers = _suppliers(rng)
    batches = []
    count = 112
    span = (END - datetime.date(2025, 1, 6)).days
    specials = {
        7: BatchStatus.FAILED,
        30: BatchStatus.RETENDERED,
        58: BatchStatus.CANCELLED,
        100: BatchStatus.FAILED,
        110: BatchStatus.ANNOUNCED,
        111: BatchStatus.INITIATED,
    }
    for index in range(count):
        announced = datetime.date(2025, 1, 6) + datetime.timedelta(days=span * index // count)
        year = announced.year
        method = rng.choices([m for m, _w in METHODS], weights=[w for _m, w in METHODS])[0]
        status = specials.get(index) or _status(rng, announced)
        batch = _batch(rng, index, year, announced, method, status, departments, suppliers, actor)
        batches.append(batch)
    if stdout is not None:
        stdout.write(
            f"procurement: {Batch.objects.count()} batches, {Contract.objects.count()} contracts, "
            f"{Supplier.objects.count()} suppliers"
        )
    return batches


def _request(rng, department, item, announced, budget, index):
    category, code, name, unit = item
    planned = announced
    if index % 29 == 3:  # published late, the reason recorded
        published, reason = planned - datetime.timedelta(days=rng.randrange(8, 25)), "年中追加预算，时间紧"
    elif index % 43 == 5:  # not published, the reason recorded
        published, reason = None, "因突发事件紧急采购"
    else:
        published, reason = planned - datetime.timedelta(days=rng.randrange(30, 75)), ""
    return ProcurementRequest.objects.create(
        purchasing_department=department,
        item=name,
        category=category,
        catalogue_code=code,
        quantity=Decimal(rng.randrange(1, 40)) if unit != "项" else Decimal(1),
        unit=unit,
        budget=budget,
        funding_source=rng.choice([FundingSource.FISCAL] * 4 + [FundingSource.SPECIAL]),
        planned_start=planned,
        intention_published_on=published,
        intention_exemption_reason=reason,
        status=RequestStatus.SUBMITTED,
    )


def _batch(rng, index, year, announced, method, status, departments, suppliers, actor):
    number = f"ZFCG-{year}-{index + 1:03d}"
    item = rng.choice([i for i in ITEMS if method != Method.INQUIRY or i[0] == Category.GOODS])
    single = rng.choice(suppliers) if method == Method.SINGLE_SOURCE else None
    batch = Batch.objects.create(
        number=number,
        title=f"{year}年{item[2]}采购",
        method=method,
        created_by=actor,
        method_justification="" if method == Method.OPEN_TENDER else "符合该方式适用情形（见采购文件）",
        single_source_supplier=single,
        publicity_from=announced - datetime.timedelta(days=12) if single else None,
        publicity_to=announced - datetime.timedelta(days=4) if single else None,
        opening_at=timezone.make_aware(
            datetime.datetime.combine(announced + datetime.timedelta(days=21), datetime.time(9, 30))
        ),
    )
    lots = []
    for lot_number in range(1, rng.choice([1, 2, 2, 3]) + 1):
        members = rng.sample(departments, k=min(len(departments), rng.choice([3, 3, 4, 4])))
        budgets = [_money(rng.randrange(10_000, 36_000)) for _ in members]
        lot = Lot.objects.create(
            batch=batch, number=lot_number, name=f"第{lot_number}包 {item[2]}", budget=sum(budgets)
        )
        for department, budget in zip(members, budgets, strict=True):
            pr = _request(rng, department, item, announced, budget, index * 7 + lot_number)
            pr.batch, pr.lot, pr.status, pr.created_by = batch, lot, RequestStatus.BATCHED, actor
            pr.save(update_fields=["batch", "lot", "status", "created_by"])
        lots.append((lot, list(zip(members, budgets, strict=True))))
    if method in (Method.INVITED_TENDER, Method.NEGOTIATION, Method.CONSULTATION, Method.INQUIRY):
        for supplier in rng.sample(suppliers, 3):
            Invitation.objects.create(batch=batch, supplier=supplier, invited_on=announced - datetime.timedelta(days=2))
    fields = {"status": status}
    if status != BatchStatus.INITIATED:
        fields["announced_on"] = announced
    opened = announced + datetime.timedelta(days=21)
    if status in (BatchStatus.FAILED, BatchStatus.RETENDERED):
        fields.update(opened_at=batch.opening_at, failure_reason="有效投标不足三家")
    if status == BatchStatus.CANCELLED:
        fields.update(cancel_reason="采购需求发生变化")
    later = status not in (
        BatchStatus.INITIATED,
        BatchStatus.ANNOUNCED,
        BatchStatus.FAILED,
        BatchStatus.RETENDERED,
        BatchStatus.CANCELLED,
    )
    if later:
        fields["opened_at"] = batch.opening_at
        for lot, _members in lots:
            _bids(rng, lot, suppliers, single, batch.opening_at, scored=status != BatchStatus.OPENED)
    evaluated = later and status != BatchStatus.OPENED
    if evaluated:
        fields["evaluation_ended_on"] = opened + datetime.timedelta(days=1)
        fields["evaluation_report_on"] = _working_day_after(fields["evaluation_ended_on"], rng.choice([1, 1, 2, 2, 3]))
        fields["winner_confirmed_on"] = _working_day_after(fields["evaluation_report_on"], rng.choice([1, 2, 3, 4, 6]))
    awarded = evaluated and status != BatchStatus.EVALUATED
    if awarded:
        notice = _working_day_after(fields["winner_confirmed_on"], 1)
        fields["award_notice_on"] = notice
    for name, value in fields.items():
        setattr(batch, name, value)
    batch.save(update_fields=list(fields))
    if awarded:
        for lot, members in lots:
            award = _award(lot, fields["award_notice_on"] - datetime.timedelta(days=1), actor)
            for department, budget in members:
                _contract(rng, batch, lot, award, department, budget, status, actor)
    if status == BatchStatus.CLOSED:
        batch.closed_on = fields["award_notice_on"] + datetime.timedelta(days=rng.randrange(90, 160))
        batch.save(update_fields=["closed_on"])
    return batch


def _bids(rng, lot, suppliers, single, opening_at, *, scored):
    bidders = [single] if single else rng.sample(suppliers, rng.choice([3, 3, 4, 5]))
    for supplier in bidders:
        price = _money(lot.budget * Decimal(rng.uniform(0.90, 0.995)))
        Bid.objects.create(
            lot=lot,
            supplier=supplier,
            price=price,
            submitted_at=opening_at - datetime.timedelta(hours=rng.randrange(2, 200)),
            score=_money(rng.uniform(70, 98)) if scored else None,
            status=BidStatus.VALID,
        )


def _award(lot, decided_on, actor):
    bid = lot.bids.order_by("price").first()
    return Award.objects.create(
        lot=lot, bid=bid, supplier=bid.supplier, amount=bid.price, decided_on=decided_on, created_by=actor
    )


def _contract(rng, batch, lot, award, department, budget, status, actor):
    share = budget / lot.budget
    amount = (award.amount * share).quantize(Decimal("1"), rounding="ROUND_DOWN")
    notice = batch.award_notice_on
    contract = Contract(
        number=f"{batch.number}-HT{Contract.objects.filter(batch=batch).count() + 1:03d}",
        title=f"{lot.name}采购合同",
        batch=batch,
        lot=lot,
        award=award,
        purchasing_department=department,
        supplier=award.supplier,
        amount=amount,
        budget_amount=budget,
        created_by=actor,
    )
    late_signing = rng.random() < 0.03
    if status == BatchStatus.AWARDED and rng.random() < 0.5:
        contract.status = ContractStatus.DRAFT  # awaiting signature (some past the 30 days)
    else:
        contract.signed_on = notice + datetime.timedelta(
            days=rng.randrange(33, 45) if late_signing else rng.randrange(3, 26)
        )
        contract.published_on = _working_day_after(
            contract.signed_on, 4 if rng.random() < 0.04 else rng.choice([1, 1, 2])
        )
        contract.term_start = contract.signed_on
        contract.term_end = contract.signed_on + datetime.timedelta(days=365)
        contract.status = ContractStatus.SIGNED
    contract.save()
    if contract.signed_on:
        first = (amount * Decimal("0.3")).quantize(CENT)
        PaymentMilestone.objects.create(
            contract=contract,
            sequence=1,
            description="预付款",
            amount=first,
            due_on=contract.signed_on + datetime.timedelta(days=15),
        )
        PaymentMilestone.objects.create(
            contract=contract, sequence=2, description="验收合格后支付", amount=amount - first
        )
    if status in (BatchStatus.ACCEPTED, BatchStatus.CLOSED) and contract.signed_on:
        accepted_on = contract.signed_on + datetime.timedelta(days=rng.randrange(20, 60))
        Acceptance.objects.create(
            contract=contract,
            accepted_on=accepted_on,
            result=AcceptanceResult.PASSED,
            inspectors="采购人代表、供应商代表",
            created_by=actor,
        )
        contract.status = ContractStatus.ACCEPTED
        contract.save(update_fields=["status"])
        milestones = list(contract.milestones.order_by("sequence"))
        Payment.objects.create(
            contract=contract,
            milestone=milestones[0],
            amount=milestones[0].amount,
            paid_on=contract.signed_on + datetime.timedelta(days=10),
            created_by=actor,
        )
        if status == BatchStatus.CLOSED:
            Payment.objects.create(
                contract=contract,
                milestone=milestones[1],
                amount=milestones[1].amount,
                paid_on=accepted_on + datetime.timedelta(days=14),
                created_by=actor,
            )
