"""Factories of the meeting core (budget lines, printing orders, approval decisions)."""

import datetime
from decimal import Decimal

import factory

from meetings.choices import BudgetKind, PrintingStatus
from meetings.models import BudgetLine, PrintingOrder
from tests.meetings.factories import MeetingFactory, local_dt


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    meeting = factory.SubFactory(MeetingFactory)
    kind = BudgetKind.MEALS
    sub_kind = ""
    description = "工作餐"
    requested = Decimal("1000.00")


class PrintingOrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrintingOrder

    meeting = factory.SubFactory(MeetingFactory)
    document = factory.Sequence(lambda n: f"会议材料{n}")
    pages = 10
    copies = 60
    unit_price = Decimal("0.15")
    due_at = factory.LazyFunction(lambda: local_dt(2026, 11, 30, 17) + datetime.timedelta(hours=0))
    status = PrintingStatus.ORDERED
