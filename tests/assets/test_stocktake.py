"""Stock-takes 清查盘点: found, missing (盘亏) and surplus (盘盈), each resolved by a movement or a disposal."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assets import services
from assets.choices import AssetStatus, StockTakeResult
from assets.models import StockTake
from bureau.roles import Role
from tests.assets.factories import AssetFactory, manager
from tests.factories import DepartmentFactory, make_user
from tests.helpers import error_codes

d = datetime.date
pytestmark = pytest.mark.django_db


def test_found_missing_and_surplus_each_resolved():
    unit = DepartmentFactory(name="县机关事务管理局")
    elsewhere = DepartmentFactory(name="县审计局")
    keeper = make_user(roles=[Role.EMPLOYEES], department=unit, username="keeper")
    desk = AssetFactory(owning_unit=unit, name="办公桌", keeper=keeper)
    chair = AssetFactory(owning_unit=unit, name="办公椅")
    stray = AssetFactory(owning_unit=elsewhere, name="打印机")
    boss = manager()
    take = services.stocktake_open(
        stocktake=StockTake(title="2025年度资产清查", department=unit, opened_on=d(2025, 12, 1)), actor=boss
    )
    assert take.lines.count() == 2

    line = services.stocktake_scan(stocktake=take, actor=keeper, code=desk.code)
    assert line.result == StockTakeResult.FOUND and line.confirmed_by_keeper
    with pytest.raises(ValidationError) as caught:
        services.stocktake_scan(stocktake=take, actor=boss, code=desk.code)
    assert error_codes(caught.value) == {"code": ["duplicate_scan"]}
    assert "already scanned" in str(caught.value) or "已" in str(caught.value)
    surplus = services.stocktake_scan(stocktake=take, actor=boss, code=stray.code)
    assert surplus.result == StockTakeResult.SURPLUS

    services.stocktake_close(stocktake=take, actor=boss, on=d(2025, 12, 5))
    missing = take.lines.get(asset=chair)
    assert missing.result == StockTakeResult.MISSING

    services.stocktakeline_resolve(line=missing, actor=boss, on=d(2025, 12, 8), approval_document="县财资〔2025〕20号")
    services.stocktakeline_resolve(line=surplus, actor=boss, on=d(2025, 12, 8), department=unit)
    chair.refresh_from_db()
    stray.refresh_from_db()
    assert chair.status == AssetStatus.DISPOSED
    assert stray.using_department == unit
    missing.refresh_from_db()
    surplus.refresh_from_db()
    assert missing.disposal is not None and surplus.movement is not None


def test_a_keeper_confirms_only_their_own_assets(client):
    unit = DepartmentFactory()
    keeper = make_user(roles=[Role.EMPLOYEES], department=unit, username="k2")
    theirs = AssetFactory(owning_unit=unit, keeper=keeper)
    other = AssetFactory(owning_unit=unit)
    take = services.stocktake_open(
        stocktake=StockTake(title="自查", department=unit, opened_on=d(2025, 12, 1)), actor=manager()
    )
    client.force_login(keeper)
    url = f"/assets/stock-takes/{take.pk}/scan/"
    response = client.post(url, {"code": other.code})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    assert client.post(url, {"code": theirs.code}).status_code == 302
    assert take.lines.get(asset=theirs).confirmed_by_keeper
