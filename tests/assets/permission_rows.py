"""The state-asset registry's pages (assets.urls), its picker endpoints and its public pages."""

import datetime
from decimal import Decimal

from assets import services, views
from assets.models import AssetImport, Disposal, Lease, StockTake
from tests.assets.factories import AssetFactory, manager
from tests.permission_matrix import PUBLIC, Role, Row, register_rows, roles

VIEWERS = roles(Role.LEADERSHIP, Role.ASSET_MANAGERS, Role.FINANCE, Role.DEPARTMENT_HEADS)
MANAGERS = roles(Role.ASSET_MANAGERS)
SCANNERS = roles(Role.ASSET_MANAGERS, Role.DEPARTMENT_HEADS, Role.EMPLOYEES)
STOCKTAKE_VIEWERS = VIEWERS | roles(Role.EMPLOYEES)
ALL_STAFF_VIEW = roles(Role.LEADERSHIP, Role.ASSET_MANAGERS, Role.FINANCE)


def _asset(world, department, **kwargs):
    return AssetFactory(owning_unit=department, using_department=department, **kwargs)


def _entry(world, department):
    asset = _asset(world, department)
    return services.asset_hand_in(asset=asset, actor=manager(), on=datetime.date(2025, 1, 6), condition="良好")


def _request(world, department):
    entry = _entry(world, world.bureau)
    return services.poolrequest_create(entry=entry, department=department, reason="办公需要", actor=manager())


def _loan(world, department):
    entry = _entry(world, world.bureau)
    return services.poolloan_create(
        entry=entry,
        department=department,
        purpose="会议",
        lent_on=datetime.date(2025, 1, 7),
        due_on=datetime.date(2025, 1, 9),
        actor=manager(),
    )


def _lease(world, department):
    lease = Lease(
        asset=_asset(world, department),
        lessee="某公司",
        monthly_rent=Decimal("1000"),
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 3, 31),
        approval_document="县国资〔2025〕1号",
    )
    return services.lease_create(lease=lease, actor=manager())


def _disposal(world, department):
    disposal = Disposal(
        asset=_asset(world, department),
        method="scrapping",
        approval_document="县财资〔2025〕2号",
        requested_on=datetime.date(2025, 2, 1),
    )
    return services.disposal_request(disposal=disposal, actor=manager())


def _stocktake(world, department):
    _asset(world, department)
    stocktake = StockTake(title="2025年清查", department=department, opened_on=datetime.date(2025, 3, 1))
    return services.stocktake_open(stocktake=stocktake, actor=manager())


def _import(world, department):
    from django.core.files.base import ContentFile

    made = AssetImport(created_by=manager())
    made.file.save("empty.xlsx", ContentFile(b""), save=False)
    made.save()
    return made


OBJECTS = {
    "assetimport": _import,
    "asset": _asset,
    "poolentry": _entry,
    "poolrequest": _request,
    "poolloan": _loan,
    "lease": _lease,
    "leasepayment": lambda world, department: _lease(world, department).payments.first(),
    "disposal": _disposal,
    "stocktake": _stocktake,
    "stocktakeline": lambda world, department: _stocktake(world, department).lines.first(),
}

ROWS = [
    *register_rows(views.ASSETS, viewers=VIEWERS, editors=MANAGERS, obj="asset"),
    *[
        Row(f"assets:asset_{action}", allow=MANAGERS, obj="asset")
        for action in ("assign", "transfer", "hand_in", "repair", "revalue")
    ],
    *register_rows(views.POOL, viewers=VIEWERS, editors=MANAGERS, obj="poolentry", scoped=False),
    Row(
        "assets:poolentry_request",
        allow=roles(Role.ASSET_MANAGERS, Role.DEPARTMENT_HEADS),
        obj="poolentry",
        scoped=False,
    ),
    Row("assets:poolentry_lend", allow=MANAGERS, obj="poolentry", scoped=False),
    *register_rows(views.POOL_REQUESTS, viewers=VIEWERS, editors=MANAGERS, obj="poolrequest"),
    Row("assets:poolrequest_approve", allow=MANAGERS, obj="poolrequest"),
    Row("assets:poolrequest_refuse", allow=MANAGERS, obj="poolrequest"),
    *register_rows(views.POOL_LOANS, viewers=VIEWERS, editors=MANAGERS, obj="poolloan"),
    Row("assets:poolloan_overdue", allow=VIEWERS),
    Row("assets:poolloan_return", allow=MANAGERS, obj="poolloan"),
    *register_rows(views.LEASES, viewers=VIEWERS, editors=MANAGERS, obj="lease"),
    Row("assets:lease_add", allow=MANAGERS),
    Row("assets:lease_overdue_rent", allow=VIEWERS),
    Row("assets:lease_end", allow=MANAGERS, obj="lease"),
    Row("assets:leasepayment_receive", allow=MANAGERS, obj="leasepayment"),
    *register_rows(views.DISPOSALS, viewers=VIEWERS, editors=MANAGERS, obj="disposal"),
    Row("assets:disposal_add", allow=MANAGERS),
    Row("assets:disposal_complete", allow=MANAGERS, obj="disposal"),
    Row("assets:disposal_remit", allow=MANAGERS, obj="disposal"),
    *register_rows(views.STOCKTAKES, viewers=STOCKTAKE_VIEWERS, editors=MANAGERS, obj="stocktake"),
    Row("assets:stocktake_add", allow=MANAGERS),
    Row("assets:stocktake_scan", allow=SCANNERS, obj="stocktake"),
    Row("assets:stocktake_labels_pdf", allow=MANAGERS, obj="stocktake"),
    Row("assets:stocktake_close", allow=MANAGERS, obj="stocktake"),
    Row("assets:stocktakeline_resolve", allow=MANAGERS, obj="stocktakeline"),
    *register_rows(views.IMPORTS, viewers=ALL_STAFF_VIEW, editors=MANAGERS, obj="assetimport", scoped=False),
    Row("assets:assetimport_add", allow=MANAGERS),
    Row("assets:assetimport_run", allow=MANAGERS, obj="assetimport", scoped=False, status=405),
    Row("assets:reports", allow=ALL_STAFF_VIEW),
    Row("assets:annual_report_pdf", allow=ALL_STAFF_VIEW, kwargs={"year": 2025}),
    Row("assets:annual_report_xlsx", allow=ALL_STAFF_VIEW, kwargs={"year": 2025}),
    Row("assets_public:leases", allow=PUBLIC),
    Row("assets_public:disposals", allow=PUBLIC),
    Row("pickers:assets.asset", allow=VIEWERS),
    Row("pickers:assets.assetclass", allow=VIEWERS),
    Row("pickers:assets.poolentry", allow=VIEWERS),
]
