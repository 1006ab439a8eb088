"""Demo data of the state-asset registry (`manage.py seed_demo`): about 5,000 cards across the classes
and units of the reference county, with movements, the idle pool and its requests and loans, leases,
disposals and one stock-take, including the county's named properties (issue 12)."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history

from assets import selectors, services
from assets.choices import MovementKind
from assets.models import Asset, AssetClass, Disposal, Lease, Movement, StockTake
from bureau.models import Department

BUREAU_CODE = "ZF-JGSWJ"
TOTAL = 5000
D = Decimal
# The reference county's named properties: (name, class, value, acquired, area, certificate).
PROPERTIES = (
    (
        "中方县会议中心",
        "1010200",
        "18600000.00",
        datetime.date(2013, 9, 1),
        "8600.00",
        "湘(2013)中方县不动产权第0002101号",
    ),
    (
        "县政府机关食堂",
        "1010300",
        "3200000.00",
        datetime.date(2010, 5, 1),
        "1600.00",
        "湘(2010)中方县不动产权第0001530号",
    ),
    ("金大地广场", "1020100", "9800000.00", datetime.date(2012, 10, 1), "21000.00", ""),
    ("原四大家机关大院", "1010100", "7600000.00", datetime.date(1996, 7, 1), "12400.00", "中房权证字第0000318号"),
    ("原县招待所", "1010200", "2300000.00", datetime.date(1994, 3, 1), "3100.00", "中房权证字第0000205号"),
    ("原县政府老办公楼", "1010100", "2900000.00", datetime.date(1992, 6, 1), "2400.00", "中房权证字第0000126号"),
)
KINDS = (
    ("2010100", 30, "台式计算机", "5800.00", "台"),
    ("2010100", 8, "笔记本电脑", "6500.00", "台"),
    ("2020100", 8, "多功能复印机", "16000.00", "台"),
    ("2020200", 4, "投影仪", "5200.00", "台"),
    ("2060100", 10, "空调", "4300.00", "台"),
    ("2030100", 2, "公务用车", "185000.00", "辆"),
    ("2090100", 2, "会议扩声系统", "48000.00", "套"),
    ("5010200", 15, "办公桌", "1200.00", "张"),
    ("5010300", 15, "办公椅", "560.00", "把"),
    ("5010500", 6, "文件柜", "980.00", "组"),
    ("4010000", 1, "政策法规图书", "3600.00", "批"),
    ("3020000", 1, "县情陈列品", "12000.00", "件"),
)


def seed(*, stdout=None, rng=None):
    rng = rng or random.Random(14885)
    departments = list(Department.objects.filter(code__startswith="ZF-", active=True).order_by("sort_order", "code"))
    actor = get_user_model().objects.filter(username="asset").first()
    if not departments or actor is None or Asset.objects.exists():
        return []
    bureau = next((d for d in departments if d.code == BUREAU_CODE), departments[0])
    classes = {c.code: c for c in AssetClass.objects.all()}
    today = datetime.date.today()

    named = {}
    for name, code, value, acquired, area, certificate in PROPERTIES:
        named[name] = services.asset_create(
            asset=Asset(
                name=name,
                asset_class=classes[code],
                owning_unit=bureau,
                using_department=bureau,
                acquired_on=acquired,
                source="construction",
                original_value=D(value),
                unit_of_measure="处",
                area=D(area),
                title_certificate=certificate,
                address="中方县中方镇",
            ),
            actor=actor,
        )

    # The bulk of the cards, generated with codes by class and year, each with its acquisition movement.
    serials, cards, lives = {}, [], {}
    for _index in range(TOTAL - len(PROPERTIES)):
        code, _weight, name, value, unit = rng.choices(KINDS, [k[1] for k in KINDS])[0]
        acquired = today - datetime.timedelta(days=rng.randrange(30, 365 * 12))
        prefix = f"{code[0]}-{acquired.year}-"
        serials[prefix] = serials.get(prefix, 0) + 1
        department = rng.choice(departments)
        if (code, acquired.year) not in lives:
            lives[code, acquired.year] = selectors.useful_life_years(classes[code], acquired)
        cards.append(
            Asset(
                code=f"{prefix}{serials[prefix]:06d}",
                name=name,
                asset_class=classes[code],
                owning_unit=department,
                using_department=department,
                acquired_on=acquired,
                source="purchase",
                original_value=D(value),
                unit_of_measure=unit,
                useful_life_years=lives[code, acquired.year],
            )
        )
    cards = bulk_create_with_history(cards, Asset, batch_size=1000, default_user=actor)
    bulk_create_with_history(
        [
            Movement(
                asset=a,
                kind=MovementKind.ACQUISITION,
                moved_on=a.acquired_on,
                to_department=a.using_department,
                approved_by=actor,
            )
            for a in cards
        ],
        Movement,
        batch_size=1000,
        default_user=actor,
    )

    # The life of some of them: assignments, hand-ins to the pool, requests, loans.
    recent = today - datetime.timedelta(days=20)
    for asset in rng.sample(cards, 60):
        services.asset_assign(asset=asset, actor=actor, on=recent, department=rng.choice(departments), note="调整使用")
    pool = rng.sample([a for a in cards if a.asset_class.code.startswith(("2", "5"))], 150)
    entries = [
        services.asset_hand_in(
            asset=a, actor=actor, on=recent, condition=rng.choice(["良好", "九成新", "可用，外观有磨损"])
        )
        for a in pool
    ]
    for index, entry in enumerate(entries[:20]):
        other = rng.choice([d for d in departments if d.pk != entry.handed_in_by_id])
        request = services.poolrequest_create(entry=entry, department=other, reason="新增人员办公需要", actor=actor)
        if index % 2 == 0:
            services.poolrequest_approve(request=request, actor=actor, on=today)
    for entry in entries[20:30]:
        services.poolloan_create(
            entry=entry,
            department=rng.choice(departments),
            purpose="全县经济工作会议",
            lent_on=recent,
            due_on=recent + datetime.timedelta(days=rng.choice([3, 30])),
            actor=actor,
        )

    # The old offices are leased out after public bidding; the guesthouse was auctioned.
    services.lease_create(
        lease=Lease(
            asset=named["原县政府老办公楼"],
            lessee="中方县某商贸有限公司",
            area=D("2400.00"),
            monthly_rent=D("18000.00"),
            start_date=today.replace(day=1) - datetime.timedelta(days=300),
            end_date=today.replace(day=1) + datetime.timedelta(days=800),
            approval_document="中财资〔2025〕6号",
            bidding_reference="县公共资源交易中心 ZFGZ-2025-011",
            announced_on=today - datetime.timedelta(days=330),
        ),
        actor=actor,
    )
    guesthouse = services.disposal_request(
        disposal=Disposal(
            asset=named["原县招待所"],
            method="auction",
            appraisal_value=D("2650000.00"),
            approval_document="中政函〔2025〕12号",
            requested_on=today - datetime.timedelta(days=200),
            announced_on=today - datetime.timedelta(days=180),
        ),
        actor=actor,
    )
    services.disposal_complete(
        disposal=guesthouse,
        actor=actor,
        disposed_on=today - datetime.timedelta(days=150),
        proceeds=D("2810000.00"),
        buyer="怀化某置业有限公司",
    )
    services.disposal_remit(
        disposal=guesthouse, actor=actor, amount=D("2810000.00"), on=today - datetime.timedelta(days=140)
    )
    for asset in rng.sample([a for a in cards if a.asset_class.code.startswith("2") and a not in pool], 40):
        services.disposal_request(
            disposal=Disposal(
                asset=asset, method="scrapping", approval_document="中财资〔2025〕21号", requested_on=recent
            ),
            actor=actor,
        )

    # One stock-take of the bureau's own assets, with most of them found.
    take = services.stocktake_open(
        stocktake=StockTake(title=f"{today.year}年度机关事务局资产清查", department=bureau, opened_on=recent),
        actor=actor,
    )
    for line in list(take.lines.select_related("asset"))[::4][:-2]:
        services.stocktake_scan(stocktake=take, actor=actor, code=line.asset.code)
    if stdout is not None:
        stdout.write(f"assets: {Asset.objects.count()} cards")
    return cards
