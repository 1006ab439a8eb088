"""factory_boy factories for official receptions (kept apart from the meeting factories)."""

import datetime
from decimal import Decimal

import factory

from meetings.choices import MealKind, ReceptionStatus
from meetings.models.reception import (
    OfficialLetter,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
)
from tests.factories import DepartmentFactory

# The smallest valid PDF header: enough for the content check.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64


class OfficialLetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialLetter

    number = factory.Sequence(lambda n: f"湘函〔2026〕{n + 1}号")
    sending_unit = "怀化市教育局"
    receiving_department = factory.SubFactory(DepartmentFactory)
    date = datetime.date(2026, 5, 6)
    subject = "关于赴中方县考察学习义务教育均衡发展工作的函"


class ReceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reception

    letter = factory.SubFactory(OfficialLetterFactory, receiving_department=factory.SelfAttribute("..host_department"))
    host_department = factory.SubFactory(DepartmentFactory)
    visiting_unit = "怀化市教育局考察组"
    purpose = "考察学习义务教育均衡发展工作"
    arrival_date = datetime.date(2026, 5, 20)
    departure_date = datetime.date(2026, 5, 21)
    guest_count = 6
    lodging = "中方县宾馆 3 间标准间"
    lodging_amount = Decimal("960.00")
    status = ReceptionStatus.DRAFT


class ReceptionGuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionGuest

    reception = factory.SubFactory(ReceptionFactory)
    protocol_order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"来宾{n}")
    title = "副局长"
    unit = "怀化市教育局"


class ReceptionEscortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionEscort

    reception = factory.SubFactory(ReceptionFactory)
    name = factory.Sequence(lambda n: f"陪同{n}")
    title = "股长"


class ReceptionMealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionMeal

    reception = factory.SubFactory(ReceptionFactory)
    date = datetime.date(2026, 5, 20)
    kind = MealKind.WORKING_MEAL
    guests = 6
    escorts = 2
    standard_per_person = Decimal("40.00")
    amount = Decimal("320.00")


class TourStopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TourStop

    reception = factory.SubFactory(ReceptionFactory)
    date = datetime.date(2026, 5, 20)
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 30)
    place = "中方县第一中学"
    guide = "张校长"
