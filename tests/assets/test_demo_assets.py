"""The asset registry's demo data: the county's named properties and the states of §6."""

import pytest

from assets import demo
from assets.choices import AssetStatus
from assets.models import Asset, Disposal, Lease, PoolLoan, PoolRequest, StockTake
from bureau import demo as bureau_demo


@pytest.mark.django_db
def test_demo_has_named_properties_and_every_state():
    bureau_demo.seed()
    demo.seed()
    assert Asset.objects.count() == demo.TOTAL
    names = set(Asset.objects.filter(name__in=[p[0] for p in demo.PROPERTIES]).values_list("name", flat=True))
    assert names == {p[0] for p in demo.PROPERTIES}
    statuses = set(Asset.objects.values_list("status", flat=True))
    assert set(AssetStatus.values) <= statuses
    assert Lease.objects.exists() and Disposal.objects.exists() and PoolRequest.objects.exists()
    assert PoolLoan.objects.exists() and StockTake.objects.count() == 1
    assert Asset.objects.get(name="原县招待所").status == AssetStatus.DISPOSED
    assert Asset.objects.get(name="原县政府老办公楼").status == AssetStatus.LEASED_OUT
