"""The asset registry's part of `seed_scale` (DESIGN.md §9): asset cards across the classes and
units, in chunks through bureau's ScaleWriter (COPY on PostgreSQL), with a tenth idle in the pool
and a few per cent disposed. County: 200,000 cards; city: 2.6 million; tiny: 600."""

import datetime
import random
from decimal import Decimal

from assets.choices import AssetStatus
from assets.models import Asset, AssetClass
from assets.rules import asset_code_prefix

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
    serials = {}
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
            serials[prefix] = serials.get(prefix, 0) + 1
            department = departments[pk % len(departments)]
            roll = rng.random()
            status = AssetStatus.IDLE if roll < 0.1 else AssetStatus.DISPOSED if roll < 0.13 else AssetStatus.IN_USE
            disposed = plan.last_day if status == AssetStatus.DISPOSED else None
            rows.append(
                (
                    pk,
                    f"S{prefix}{serials[prefix]:07d}",
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
        made += count
    if stdout:
        stdout.write(f"assets: {made} asset cards")
    return made
