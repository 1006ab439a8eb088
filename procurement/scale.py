"""The procurement centre's part of `manage.py seed_scale` (see bureau.scale): suppliers, batches of
two lots, each lot bought for three departments (one request and one contract each), with bids,
awards and contracts over the plan's years; a few challenges. County 7,000 contracts, city 90,000.

Rows are written as tuples by the scale writer (COPY on PostgreSQL), ids chosen up front."""

import datetime
import random
from decimal import Decimal

from bureau.models import Department
from bureau.scale import CODE_PREFIX
from procurement.choices import BatchStatus, Category, ContractStatus, FundingSource, Method, RequestStatus
from procurement.models import Award, Batch, Bid, Challenge, Contract, Lot, ProcurementRequest, Supplier

CONTRACTS = {"tiny": 60, "county": 7_000, "city": 90_000}
LOTS, DEPARTMENTS_PER_LOT = 2, 3
METHODS = [
    (Method.OPEN_TENDER, 40),
    (Method.CONSULTATION, 20),
    (Method.INQUIRY, 15),
    (Method.NEGOTIATION, 10),
    (Method.INVITED_TENDER, 5),
    (Method.SINGLE_SOURCE, 5),
    (Method.FRAMEWORK, 5),
]
ITEMS = [
    ("A02010104", Category.GOODS, "台式计算机"),
    ("A02021001", Category.GOODS, "复印机"),
    ("A06010100", Category.GOODS, "办公家具"),
    ("C16060000", Category.SERVICES, "物业管理服务"),
    ("C23090000", Category.SERVICES, "印刷服务"),
    ("B07000000", Category.WORKS, "装修工程"),
]


def _credit_code(n):
    from stdnum.cn import uscc

    body = f"91431200{n:09d}"
    return body + uscc.calc_check_digit(body)


def build(plan, writer, stdout, built):
    total = CONTRACTS.get(plan.name, CONTRACTS["tiny"])
    rng = random.Random(11)
    departments = list(
        Department.objects.filter(code__startswith=CODE_PREFIX).order_by("id").values_list("id", flat=True)
    )
    per_batch = LOTS * DEPARTMENTS_PER_LOT
    batches = max(total // per_batch, 1)
    suppliers = writer.reserve(Supplier, max(total // 20, 10))
    first_code = Supplier.objects.count() + 1
    writer.write(
        Supplier,
        ("id", "name", "credit_code", "is_sme", "active", "notes"),
        [
            (pk, f"规模供应商{pk}有限公司", _credit_code(first_code + i), i % 3 == 0, True, "")
            for i, pk in enumerate(suppliers)
        ],
    )
    batch_ids, lot_ids = writer.reserve(Batch, batches), writer.reserve(Lot, batches * LOTS)
    request_ids = iter(writer.reserve(ProcurementRequest, batches * per_batch))
    bid_ids = iter(writer.reserve(Bid, batches * LOTS * 2))
    award_ids = iter(writer.reserve(Award, batches * LOTS))
    contract_ids = iter(writer.reserve(Contract, batches * per_batch))
    span = (plan.last_day - plan.first_day).days - 60
    methods, weights = zip(*METHODS, strict=True)
    rows = {model: [] for model in (Batch, Lot, ProcurementRequest, Bid, Award, Contract)}
    for index, batch_id in enumerate(batch_ids):
        announced = plan.first_day + datetime.timedelta(days=rng.randrange(span))
        notice = announced + datetime.timedelta(days=25)
        method = rng.choices(methods, weights)[0]
        code, category, item = ITEMS[index % len(ITEMS)]
        rows[Batch].append(
            (
                batch_id,
                f"S-ZFCG-{batch_id:07d}",
                f"{item}采购（第{index + 1}批）",
                method,
                BatchStatus.CONTRACTED,
                announced,
                notice,
                notice - datetime.timedelta(days=8),
                notice - datetime.timedelta(days=7),
                notice - datetime.timedelta(days=5),
            )
        )
        for lot_number in range(1, LOTS + 1):
            lot_id = lot_ids[index * LOTS + lot_number - 1]
            shares = [Decimal(rng.randrange(50, 2000) * 1000) for _ in range(DEPARTMENTS_PER_LOT)]
            budget = sum(shares)
            rows[Lot].append((lot_id, batch_id, lot_number, f"第{lot_number}包", budget))
            rate = Decimal(rng.randrange(20, 150)) / 1000  # 2 %–15 % saved
            winner, other = rng.sample(suppliers, 2)
            win_bid = next(bid_ids)
            submitted = datetime.datetime.combine(notice - datetime.timedelta(days=10), datetime.time(9), datetime.UTC)
            price = (budget * (1 - rate)).quantize(Decimal("0.01"))
            rows[Bid].append((win_bid, lot_id, winner, price, Decimal("92.5"), submitted, "valid"))
            rows[Bid].append(
                (
                    next(bid_ids),
                    lot_id,
                    other,
                    (budget * Decimal("0.99")).quantize(Decimal("0.01")),
                    Decimal("80"),
                    submitted,
                    "valid",
                )
            )
            award_id = next(award_ids)
            rows[Award].append((award_id, lot_id, win_bid, winner, price, notice - datetime.timedelta(days=2)))
            for share, department in zip(shares, rng.sample(departments, DEPARTMENTS_PER_LOT), strict=True):
                rows[ProcurementRequest].append(
                    (
                        next(request_ids),
                        department,
                        item,
                        category,
                        code,
                        Decimal("1"),
                        share,
                        FundingSource.FISCAL,
                        announced - datetime.timedelta(days=5),
                        announced - datetime.timedelta(days=40),
                        RequestStatus.BATCHED,
                        batch_id,
                        lot_id,
                    )
                )
                contract_id = next(contract_ids)
                signed = notice + datetime.timedelta(days=rng.randrange(3, 35))
                rows[Contract].append(
                    (
                        contract_id,
                        f"S-HT-{contract_id:08d}",
                        f"{item}采购合同",
                        batch_id,
                        lot_id,
                        award_id,
                        department,
                        winner,
                        (share * (1 - rate)).quantize(Decimal("0.01")),
                        share,
                        signed,
                        signed + datetime.timedelta(days=rng.choice((1, 2, 2, 3, 6))),
                        ContractStatus.SIGNED,
                        "",
                    )
                )
    writer.write(
        Batch,
        (
            "id",
            "number",
            "title",
            "method",
            "status",
            "announced_on",
            "award_notice_on",
            "evaluation_ended_on",
            "evaluation_report_on",
            "winner_confirmed_on",
        ),
        rows[Batch],
    )
    writer.write(Lot, ("id", "batch_id", "number", "name", "budget"), rows[Lot])
    writer.write(
        ProcurementRequest,
        (
            "id",
            "purchasing_department_id",
            "item",
            "category",
            "catalogue_code",
            "quantity",
            "budget",
            "funding_source",
            "planned_start",
            "intention_published_on",
            "status",
            "batch_id",
            "lot_id",
        ),
        rows[ProcurementRequest],
    )
    writer.write(Bid, ("id", "lot_id", "supplier_id", "price", "score", "submitted_at", "status"), rows[Bid])
    writer.write(Award, ("id", "lot_id", "bid_id", "supplier_id", "amount", "decided_on"), rows[Award])
    writer.write(
        Contract,
        (
            "id",
            "number",
            "title",
            "batch_id",
            "lot_id",
            "award_id",
            "purchasing_department_id",
            "supplier_id",
            "amount",
            "budget_amount",
            "signed_on",
            "published_on",
            "status",
            "notes",
        ),
        rows[Contract],
    )
    # A challenge on one batch in fifty, answered within the week.
    challenge_rows = []
    notices = {row[0]: row[6] for row in rows[Batch]}
    chosen = list(batch_ids)[::50]
    for batch_id, pk in zip(chosen, writer.reserve(Challenge, len(chosen)), strict=True):
        notice = notices[batch_id]
        challenge_rows.append(
            (
                pk,
                batch_id,
                rng.choice(suppliers),
                "result",
                notice,
                notice + datetime.timedelta(days=3),
                "对评审结果有异议",
                False,
                "replied",
                notice + datetime.timedelta(days=8),
                "经复核维持原结果",
                "dismissed",
            )
        )
    writer.write(
        Challenge,
        (
            "id",
            "batch_id",
            "supplier_id",
            "subject",
            "knew_on",
            "received_on",
            "grounds",
            "suspends_signing",
            "status",
            "replied_on",
            "reply",
            "outcome",
        ),
        challenge_rows,
    )
    if stdout:
        stdout.write(f"procurement: {len(rows[Batch])} batches, {len(rows[Contract])} contracts\n")
    return {"batches": len(rows[Batch]), "contracts": len(rows[Contract])}
