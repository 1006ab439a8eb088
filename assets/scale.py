"""The asset registry's part of `seed_scale` (DESIGN.md §9): asset cards across the classes and
units, in chunks through bureau's ScaleWriter (COPY on PostgreSQL), with a tenth idle in the pool
(a third of them requested, a fifth lent out), a few per cent disposed and two per cent leased out;
a stock-take per unit for the first units and a few finished Excel imports. County: 200,000 cards;
city: 2.6 million; tiny: 600."""

import datetime
import random
from decimal import Decimal

from assets.choices import AssetStatus, DisposalMethod, DisposalStatus, ImportStatus, LeaseKind, PoolRequestStatus
from assets.models import Asset, AssetClass, AssetImport, Disposal, Lease, PoolEntry, PoolLoan, PoolRequest, StockTake
from assets.rules import asset_code_prefix
from bureau.roles import Role

SIZES = {"tiny": 600, "county": 200_000, "city": 2_600_000}
CHUNK = 20_000
# Leaf classes a county's cards mostly fall in, with their weight, a name and a typical value.
KINDS = (
    ("2010100", 30, "台式计算机", 6000),
    ("2020100", 10, "多功能复印机", 15000),
    ("2060100", 8, "空调", 4500),
    ("2030100", 2, "公务用车", 180000),
    ("5010200", 20, "办公桌", 1200),
    ("5010300", 20, "办公椅", 600),
    ("5010500", 8, "文件柜", 900),
    ("4010000", 1, "图书", 300),
    ("1010100", 1, "办公用房", 3000000),
)


def build(plan, writer, stdout, built):
    total = SIZES.get(plan.name, SIZES["tiny"])
    departments = [pk for pk, _county, _kind in built["bureau"].departments]
    classes = {c.code: c for c in AssetClass.objects.filter(code__in=[k[0] for k in KINDS])}
    lives = {
        "2010100": 6,
        "2020100": 6,
        "2060100": 5,
        "2030100": 8,
        "5010200": 15,
        "5010300": 15,
        "5010500": 15,
        "1010100": 50,
    }
    rng = random.Random(14885)
    weights = [k[1] for k in KINDS]
    fields = [
        "id",
        "code",
        "name",
        "asset_class_id",
        "owning_unit_id",
        "using_department_id",
        "acquired_on",
        "source",
        "original_value",
        "quantity",
        "unit_of_measure",
        "useful_life_years",
        "status",
        "disposed_on",
    ]
    days = (plan.last_day - plan.first_day).days
    made = 0
    while made < total:
        count = min(CHUNK, total - made)
        ids = writer.reserve(Asset, count)
        rows = []
        for pk in ids:
            code, weight, name, value = rng.choices(KINDS, weights)[0]
            acquired = plan.first_day + datetime.timedelta(days=rng.randrange(days))
            prefix = asset_code_prefix(code, acquired.year)
            department = departments[pk % len(departments)]
            roll = rng.random()
            status = (
                AssetStatus.IDLE
                if roll < 0.1
                else AssetStatus.DISPOSED
                if roll < 0.13
                else AssetStatus.LEASED_OUT
                if roll < 0.15
                else AssetStatus.IN_USE
            )
            disposed = plan.last_day if status == AssetStatus.DISPOSED else None
            rows.append(
                (
                    pk,
                    f"S{prefix}{pk:07d}",  # the serial is the row's id: unique however often the set grows
                    name,
                    classes[code].pk,
                    department,
                    department,
                    acquired,
                    "purchase",
                    Decimal(value),
                    1,
                    "台",
                    lives.get(code),
                    status,
                    disposed,
                )
            )
        writer.write(Asset, fields, rows)
        _write_life(plan, writer, rows, departments)
        made += count
    _write_stock_takes_and_imports(plan, writer, departments, built["bureau"])
    if stdout:
        stdout.write(f"assets: {made} asset cards")
    return made


def _write_life(plan, writer, rows, departments):
    """What happened to a chunk of cards: the idle in the pool (requests, loans), the disposed with
    their disposal, the leased out with their lease. `rows` are the cards as written."""
    idle = [row for row in rows if row[12] == AssetStatus.IDLE]
    handed_in = [max(row[6], plan.last_day - datetime.timedelta(days=90)) for row in idle]
    entry_ids = list(writer.reserve(PoolEntry, len(idle)))
    writer.write(
        PoolEntry,
        ["id", "asset_id", "handed_in_by_id", "handed_in_on", "condition"],
        [(pk, row[0], row[4], day, "良好") for pk, row, day in zip(entry_ids, idle, handed_in, strict=True)],
    )
    # another unit asks for every third entry (调剂); every fifth is lent for a month
    requested = list(zip(entry_ids, idle, strict=True))[::3]
    writer.write(
        PoolRequest,
        ["id", "entry_id", "department_id", "reason", "status"],
        [
            (pk, entry, _other(departments, row[4]), "新设科室办公需要", PoolRequestStatus.REQUESTED)
            for pk, (entry, row) in zip(writer.reserve(PoolRequest, len(requested)), requested, strict=True)
        ],
    )
    lent = list(zip(entry_ids, handed_in, idle, strict=True))[1::5]
    writer.write(
        PoolLoan,
        ["id", "entry_id", "department_id", "purpose", "lent_on", "due_on"],
        [
            (pk, entry, _other(departments, row[4]), "会议借用", day, day + datetime.timedelta(days=30))
            for pk, (entry, day, row) in zip(writer.reserve(PoolLoan, len(lent)), lent, strict=True)
        ],
    )
    disposed = [row for row in rows if row[12] == AssetStatus.DISPOSED]
    writer.write(
        Disposal,
        ["id", "asset_id", "method", "approval_document", "requested_on", "disposed_on", "status"],
        [
            (
                pk,
                row[0],
                DisposalMethod.SCRAPPING,
                f"县财资〔{plan.last_day.year}〕{pk}号",
                row[13] - datetime.timedelta(days=30),
                row[13],
                DisposalStatus.COMPLETED,
            )
            for pk, row in zip(writer.reserve(Disposal, len(disposed)), disposed, strict=True)
        ],
    )
    leased = [row for row in rows if row[12] == AssetStatus.LEASED_OUT]
    writer.write(
        Lease,
        ["id", "asset_id", "kind", "lessee", "monthly_rent", "start_date", "end_date", "approval_document"],
        [
            (
                pk,
                row[0],
                LeaseKind.LEASE,
                f"承租人{pk}",
                Decimal("800.00"),
                max(row[6], plan.first_day),
                max(row[6], plan.first_day) + datetime.timedelta(days=3 * 365),
                f"县财资〔{plan.last_day.year}〕租{pk}号",
            )
            for pk, row in zip(writer.reserve(Lease, len(leased)), leased, strict=True)
        ],
    )


def _other(departments, department):
    """A unit other than `department` (the next one in the list)."""
    return departments[(departments.index(department) + 1) % len(departments)]


def _write_stock_takes_and_imports(plan, writer, departments, bureau_built):
    """An open stock-take for each of the first units (the year's 清查盘点), and a few finished
    imports of cards from Excel by the asset managers."""
    units = departments[: max(8, len(departments) // 50)]
    opened = plan.last_day - datetime.timedelta(days=30)
    writer.write(
        StockTake,
        ["id", "title", "department_id", "opened_on"],
        [
            (pk, f"{plan.last_day.year}年度资产清查-{pk}", unit, opened)
            for pk, unit in zip(writer.reserve(StockTake, len(units)), units, strict=True)
        ],
    )
    uploader = bureau_built.bureau_users.get(Role.ASSET_MANAGERS) or next(iter(bureau_built.bureau_users.values()))
    writer.write(
        AssetImport,
        ["id", "file", "status", "total_rows", "processed_rows", "imported_rows"]
        + ["errors", "preview", "only_clean_rows", "created_by_id"],
        [
            (pk, f"assets/imports/scale/资产卡片-{pk}.xlsx", ImportStatus.DONE, 500, 500, 500, [], [], False, uploader)
            for pk in writer.reserve(AssetImport, 8)
        ],
    )
