"""factory_boy factories for the oversight tests (challenges, complaints, savings, risk flags, OCDS):
a whole awarded and contracted batch in one call."""

import datetime
from decimal import Decimal

import factory
from stdnum.cn import uscc

from procurement.choices import BatchStatus, Category, ChallengeSubject, ContractStatus, FundingSource, Method
from procurement.models import Award, Batch, Bid, Challenge, Complaint, Contract, Lot, ProcurementRequest, Supplier
from tests.factories import DepartmentFactory


def credit_code(n):
    body = f"91430000{n:09d}"
    return body + uscc.calc_check_digit(body)


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier

    name = factory.Sequence(lambda n: f"怀化供应商{n}有限公司")
    credit_code = factory.Sequence(lambda n: credit_code(n + 1))
    notes = "内部备注：供应商回款慢"


class BatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Batch

    number = factory.Sequence(lambda n: f"ZFCG-2026-{n:04d}")
    title = factory.Sequence(lambda n: f"办公设备采购{n}")
    method = Method.OPEN_TENDER
    status = BatchStatus.AWARDED
    announced_on = datetime.date(2026, 3, 2)
    award_notice_on = datetime.date(2026, 4, 1)


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    batch = factory.SubFactory(BatchFactory)
    number = factory.Sequence(lambda n: n % 900 + 1)
    name = "第一包"
    budget = Decimal("100000.00")


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcurementRequest

    purchasing_department = factory.SubFactory(DepartmentFactory)
    item = "台式计算机"
    category = Category.GOODS
    catalogue_code = "A02010104"
    quantity = Decimal("10")
    budget = Decimal("100000.00")
    funding_source = FundingSource.FISCAL
    planned_start = datetime.date(2026, 3, 1)
    intention_published_on = datetime.date(2026, 1, 20)


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid

    lot = factory.SubFactory(LotFactory)
    supplier = factory.SubFactory(SupplierFactory)
    price = Decimal("92000.00")
    score = Decimal("90")
    submitted_at = factory.LazyFunction(lambda: datetime.datetime(2026, 3, 20, 9, tzinfo=datetime.UTC))


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    bid = factory.SubFactory(BidFactory)
    lot = factory.LazyAttribute(lambda o: o.bid.lot)
    supplier = factory.LazyAttribute(lambda o: o.bid.supplier)
    amount = factory.LazyAttribute(lambda o: o.bid.price)
    decided_on = datetime.date(2026, 3, 30)


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    number = factory.Sequence(lambda n: f"HT-2026-{n:05d}")
    title = "台式计算机采购合同"
    award = factory.SubFactory(AwardFactory)
    lot = factory.LazyAttribute(lambda o: o.award.lot)
    batch = factory.LazyAttribute(lambda o: o.award.lot.batch)
    supplier = factory.LazyAttribute(lambda o: o.award.supplier)
    purchasing_department = factory.SubFactory(DepartmentFactory)
    amount = Decimal("92000.00")
    budget_amount = Decimal("100000.00")
    signed_on = datetime.date(2026, 4, 10)
    published_on = datetime.date(2026, 4, 13)
    status = ContractStatus.SIGNED
    notes = "内部备注：合同谈判纪要"


def contracted_batch(
    *,
    department=None,
    budget=Decimal("100000.00"),
    amount=Decimal("92000.00"),
    method=Method.OPEN_TENDER,
    contract=None,
    request=None,
    **batch,
):
    """A batch with one lot, one request of `department`, its award and its contract."""
    department = department or DepartmentFactory()
    batch_obj = BatchFactory(method=method, status=batch.pop("status", BatchStatus.CONTRACTED), **batch)
    lot = LotFactory(batch=batch_obj, number=1, budget=budget)
    RequestFactory(
        purchasing_department=department, batch=batch_obj, lot=lot, budget=budget, status="batched", **(request or {})
    )
    award = AwardFactory(bid=BidFactory(lot=lot, price=amount), decided_on=batch_obj.award_notice_on)
    contract = ContractFactory(
        award=award, purchasing_department=department, amount=amount, budget_amount=budget, **(contract or {})
    )
    return batch_obj, contract


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    batch = factory.SubFactory(BatchFactory)
    supplier = factory.SubFactory(SupplierFactory)
    subject = ChallengeSubject.RESULT
    knew_on = datetime.date(2026, 4, 1)
    received_on = datetime.date(2026, 4, 3)
    grounds = "评分不公"


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    challenge = factory.SubFactory(ChallengeFactory)
    filed_on = datetime.date(2026, 4, 20)
    grounds = "对质疑答复不满意"
