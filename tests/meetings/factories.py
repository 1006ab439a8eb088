"""factory_boy factories of the meetings app: meetings and their budget lines and printing orders,
attendees, procedures and the work plan, official letters and receptions."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from meetings.choices import (
    BudgetKind,
    MealKind,
    MeetingCategory,
    MeetingFormat,
    MeetingStatus,
    PrintingStatus,
    ProcedurePhase,
    ReceptionStatus,
)
from meetings.models import (
    Attendee,
    BudgetLine,
    Meeting,
    MeetingProcedureStep,
    OfficialLetter,
    PrintingOrder,
    Reception,
    ReceptionEscort,
    ReceptionGuest,
    ReceptionMeal,
    TourStop,
    WorkPlan,
    WorkPlanAssignment,
)
from tests.factories import DepartmentFactory, MeetingRoomFactory, UserFactory


def local_dt(*args):
    return timezone.make_aware(datetime.datetime(*args))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"全县工作会议{n}")
    host_department = factory.SubFactory(DepartmentFactory)
    category = MeetingCategory.CLASS_3
    format = MeetingFormat.ON_SITE
    venue_room = factory.SubFactory(MeetingRoomFactory)
    start_at = factory.Sequence(lambda n: local_dt(2026, 12, 1, 9) + datetime.timedelta(days=n))
    end_at = factory.LazyAttribute(lambda o: o.start_at + datetime.timedelta(hours=3))
    planned_attendees = 50
    planned_staff = 5
    status = MeetingStatus.DRAFT


# ---- budget lines and printing orders ---------------------------------------------------------------


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


# ---- attendees, procedures and the work plan --------------------------------------------------------


def meeting_today(**kwargs):
    """A meeting that started a minute ago and lasts two hours (sign-in open, still on time)."""
    now = timezone.now()
    kwargs.setdefault("status", MeetingStatus.IN_PROGRESS)
    kwargs.setdefault("start_at", now - datetime.timedelta(minutes=1))
    kwargs.setdefault("end_at", now + datetime.timedelta(hours=2))
    return MeetingFactory(**kwargs)


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED)
    department = factory.SubFactory(DepartmentFactory)
    name = factory.Sequence(lambda n: f"参会人{n:03d}")
    title = "科长"
    protocol_order = factory.Sequence(lambda n: n + 1)


class ProcedureStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingProcedureStep

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED)
    phase = ProcedurePhase.PRE
    name = factory.Sequence(lambda n: f"步骤{n}")
    due_at = factory.LazyAttribute(lambda o: o.meeting.start_at - datetime.timedelta(days=1))


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.APPROVED, is_county_wide=True)


class WorkPlanAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlanAssignment

    plan = factory.SubFactory(WorkPlanFactory)
    post = "sign_in"
    staff = factory.SubFactory(UserFactory)


# ---- official letters and receptions ----------------------------------------------------------------


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
