import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from procurement.choices import BatchStatus, Category, ContractStatus, FundingSource, Method, RequestStatus
from procurement.models import Award, BadConductRecord, Batch, Bid, Contract, Lot, ProcurementRequest, Supplier
from tests.factories import DepartmentFactory

# Valid unified social credit codes (check characters computed by stdnum.cn.uscc).
VALID_CODES = ("91110000600037341L", "91431200MA4L0D4Q1H", "12431200006891201U")


def credit_code(n):
    from stdnum.cn import uscc

    body = f"9143120{n:010d}"
    return body + uscc.calc_check_digit(body)


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier

    name = factory.Sequence(lambda n: f"怀化供应商{n}有限公司")
    credit_code = factory.Sequence(credit_code)


class BadConductRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BadConductRecord

    supplier = factory.SubFactory(SupplierFactory)
    authority = "县财政局"
    reason = "提供虚假材料谋取中标"
    in_force_from = datetime.date(2026, 1, 1)
    in_force_to = datetime.date(2028, 12, 31)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcurementRequest

    purchasing_department = factory.SubFactory(DepartmentFactory)
    item = factory.Sequence(lambda n: f"办公设备{n}")
    category = Category.GOODS
    catalogue_code = "A02010104"
    quantity = Decimal("10")
    budget = Decimal("100000.00")
    funding_source = FundingSource.FISCAL
    planned_start = datetime.date(2026, 6, 1)
    intention_published_on = datetime.date(2026, 4, 1)
    status = RequestStatus.SUBMITTED


class BatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Batch

    number = factory.Sequence(lambda n: f"ZFCG-T-{n:04d}")
    title = factory.Sequence(lambda n: f"采购批次{n}")
    method = Method.OPEN_TENDER


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    batch = factory.SubFactory(BatchFactory)
    number = factory.Sequence(lambda n: n % 900 + 1)
    name = "第一包"
    budget = Decimal("100000.00")


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid

    lot = factory.SubFactory(LotFactory)
    supplier = factory.SubFactory(SupplierFactory)
    price = Decimal("92000.00")
    score = Decimal("90")
    submitted_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))


def awarded_lot(department, *, budget=Decimal("100000.00"), price=Decimal("92000.00"), notice=None):
    """A lot of an awarded batch with `department`'s request, won by a bid at `price`."""
    batch = BatchFactory(status=BatchStatus.AWARDED, award_notice_on=notice or datetime.date(2026, 5, 6))
    lot = LotFactory(batch=batch, budget=budget)
    RequestFactory(purchasing_department=department, batch=batch, lot=lot, budget=budget, status=RequestStatus.BATCHED)
    bid = BidFactory(lot=lot, price=price)
    award = Award.objects.create(
        lot=lot, bid=bid, supplier=bid.supplier, amount=price, decided_on=batch.award_notice_on
    )
    return lot, award


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract
        exclude = ("lot_award",)

    purchasing_department = factory.SubFactory(DepartmentFactory)
    lot_award = factory.LazyAttribute(lambda o: awarded_lot(o.purchasing_department))
    lot = factory.LazyAttribute(lambda o: o.lot_award[0])
    award = factory.LazyAttribute(lambda o: o.lot_award[1])
    batch = factory.LazyAttribute(lambda o: o.lot.batch)
    supplier = factory.LazyAttribute(lambda o: o.award.supplier)
    number = factory.Sequence(lambda n: f"HT-T-{n:05d}")
    title = "办公设备采购合同"
    amount = Decimal("92000.00")
    budget_amount = Decimal("100000.00")
    signed_on = datetime.date(2026, 5, 20)
    published_on = datetime.date(2026, 5, 21)
    status = ContractStatus.SIGNED
