"""Factories and small builders for the property services tests."""

import datetime
from decimal import Decimal

import factory

from property_services.choices import FeeType
from property_services.models import FeeRate
from tests.factories import RoomFactory, RoomOccupancyFactory


class FeeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeRate

    fee_type = FeeType.AIR_CONDITIONING
    monthly_rate = Decimal("300.00")
    valid_from = datetime.date(2025, 1, 1)


def standard_rates(valid_from=datetime.date(2025, 1, 1), air=Decimal("300.00"), security=Decimal("150.00")):
    """Central air-conditioning 300 and security/cleaning 150 yuan per office room per month."""
    return (
        FeeRateFactory(fee_type=FeeType.AIR_CONDITIONING, monthly_rate=air, valid_from=valid_from),
        FeeRateFactory(fee_type=FeeType.SECURITY_CLEANING, monthly_rate=security, valid_from=valid_from),
    )


def office(department, start=datetime.date(2025, 1, 1), end=None, room=None):
    """An office room occupied by `department` from `start` (to `end`)."""
    return RoomOccupancyFactory(room=room or RoomFactory(), department=department, start_date=start, end_date=end)


def supplier(name="怀化蓝世纪物业管理公司", code="91431200MA4L000001"):
    from procurement.models import Supplier

    return Supplier.objects.get_or_create(credit_code=code, defaults={"name": name})[0]


def service_contract(**kwargs):
    from property_services.choices import ServiceType
    from property_services.models import ServiceContract

    values = {
        "contractor": supplier(),
        "title": "行政中心保安保洁服务",
        "service_type": ServiceType.SECURITY,
        "monthly_fee": Decimal("85000.00"),
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2027, 12, 31),
        **kwargs,
    }
    return ServiceContract.objects.create(**values)
