"""factory_boy factories of the state-asset registry."""

import datetime
from decimal import Decimal

import factory

from assets import services
from assets.models import Asset, AssetClass
from bureau.roles import Role
from tests.factories import DepartmentFactory, make_user


def asset_class(code):
    return AssetClass.objects.get(code=code)


class AssetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Asset

    code = factory.Sequence(lambda n: f"T-{n:06d}")
    name = factory.Sequence(lambda n: f"台式计算机{n}")
    asset_class = factory.LazyFunction(lambda: asset_class("2010100"))
    owning_unit = factory.SubFactory(DepartmentFactory)
    using_department = factory.SelfAttribute("owning_unit")
    acquired_on = datetime.date(2024, 3, 15)
    source = "purchase"
    original_value = Decimal("6000.00")
    unit_of_measure = "台"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        asset = model_class(*args, **kwargs)
        return services.asset_create(asset=asset, actor=manager())


def manager():
    return make_user(roles=[Role.ASSET_MANAGERS], username="asset-manager")
