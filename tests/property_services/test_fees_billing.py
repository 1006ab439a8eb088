"""Monthly fee billing: office rooms × rate, pro rata by day; a month billed exactly once."""

import datetime
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from bureau.roles import Role
from bureau.workflow import transition
from property_services.choices import BillingRunStatus, FeeType
from property_services.models import BillingRun, DeductionLine, DeductionList, FeeAdjustment, FeeCharge
from property_services.services.fees import fee_adjustment_create, fee_month_bill
from property_services.tasks import fee_month_bill_scheduled
from tests.factories import DepartmentFactory, MeetingRoomFactory, RoomOccupancyFactory, make_user
from tests.helpers import error_codes
from tests.property_services.factories import FeeRateFactory, office, standard_rates

NOVEMBER = datetime.date(2025, 11, 1)  # 30 days, long ended
AIR, SECURITY = FeeType.AIR_CONDITIONING, FeeType.SECURITY_CLEANING

pytestmark = pytest.mark.django_db


def charges(month=NOVEMBER):
    return {
        (charge.department.code, charge.fee_type): charge.amount
        for charge in FeeCharge.objects.filter(month=month).select_related("department")
    }


@pytest.fixture
def finance(db):
    return make_user(roles=[Role.FINANCE], department=DepartmentFactory(code="CZ"))


def test_a_room_that_changes_department_mid_month_is_shared_by_the_days(finance):
    standard_rates()
    education, health = DepartmentFactory(code="EDU"), DepartmentFactory(code="HEALTH")
    moved = office(education, end=datetime.date(2025, 11, 10))
    office(health, start=datetime.date(2025, 11, 11), room=moved.room)
    office(education)  # a second room, the whole month

    run = fee_month_bill(month=NOVEMBER, actor=finance)

    # Education: 1 room × 30 days + 1 room × 10 days; health: 20 days (of 30).
    assert charges() == {
        ("EDU", AIR): Decimal("400.00"),  # 300 + 300 × 10/30
        ("EDU", SECURITY): Decimal("200.00"),  # 150 + 150 × 10/30
        ("HEALTH", AIR): Decimal("200.00"),  # 300 × 20/30
        ("HEALTH", SECURITY): Decimal("100.00"),
    }
    assert FeeCharge.objects.get(department__code="EDU", fee_type=AIR).rooms == Decimal("1.3333")
    assert run.status == BillingRunStatus.DONE
    assert (run.departments, run.total) == (2, Decimal("900.00"))


def test_a_rate_change_mid_month_applies_from_its_day(finance):
    standard_rates()
    FeeRateFactory(fee_type=AIR, monthly_rate=Decimal("360.00"), valid_from=datetime.date(2025, 11, 16))
    office(DepartmentFactory(code="EDU"))

    fee_month_bill(month=NOVEMBER, actor=finance)

    # 15 days at 300 and 15 days at 360, of 30: 150 + 180; security unchanged.
    assert charges() == {("EDU", AIR): Decimal("330.00"), ("EDU", SECURITY): Decimal("150.00")}


def test_pro_rata_rounds_once_to_the_fen(finance):
    standard_rates(air=Decimal("100.00"))
    education = DepartmentFactory(code="EDU")
    for _ in range(3):  # three rooms, 1 day each: 3 × 100/30 = 10.00 (not 3 × 3.33 = 9.99)
        office(education, start=datetime.date(2025, 11, 30))
    fee_month_bill(month=NOVEMBER, actor=finance)
    assert charges()[("EDU", AIR)] == Decimal("10.00")


def test_a_department_without_office_rooms_pays_nothing(finance):
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    idle = DepartmentFactory(code="IDLE")
    RoomOccupancyFactory(room=MeetingRoomFactory(), department=DepartmentFactory(code="HALL"))  # not an office
    office(DepartmentFactory(code="LEFT"), end=datetime.date(2025, 10, 31))  # left before the month

    run = fee_month_bill(month=NOVEMBER, actor=finance)

    assert {code for code, _fee in charges()} == {"EDU"}
    assert not FeeCharge.objects.filter(department=idle).exists()
    assert run.departments == 1
    assert not DeductionLine.objects.filter(department=idle).exists()


def test_billing_a_billed_month_again_changes_nothing(finance):
    standard_rates()
    education = DepartmentFactory(code="EDU")
    office(education)
    first = fee_month_bill(month=NOVEMBER, actor=finance)
    before = (charges(), FeeCharge.history.count(), first.total, first.attempts)

    # Even when the occupancy of the billed month is corrected afterwards: that is an adjustment.
    office(education, start=datetime.date(2025, 11, 20))
    again = fee_month_bill(month=NOVEMBER, actor=finance)
    call_command("bill_fees", "--month", "2025-11", stdout=StringIO())

    assert again.pk == first.pk
    assert (charges(), FeeCharge.history.count(), again.total, again.attempts) == before
    assert BillingRun.objects.count() == 1


def test_charges_are_unique_per_department_fee_and_month_in_the_database(finance):
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    fee_month_bill(month=NOVEMBER, actor=finance)
    charge = FeeCharge.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        FeeCharge.objects.create(
            run=charge.run, department=charge.department, fee_type=charge.fee_type, month=NOVEMBER, rooms=1, amount=1
        )


def test_a_room_cannot_be_billed_to_two_departments(finance):
    """Occupancy can't overlap (bureau's constraint), so no room-day is billed twice."""
    standard_rates()
    first = office(DepartmentFactory(code="EDU"))
    with pytest.raises(IntegrityError), transaction.atomic():
        RoomOccupancyFactory(room=first.room, department=DepartmentFactory(code="HEALTH"), start_date=NOVEMBER)


def test_an_adjustment_after_billing_is_a_new_entry_on_the_draft_list(finance):
    standard_rates()
    education = DepartmentFactory(code="EDU")
    office(education)
    fee_month_bill(month=NOVEMBER, actor=finance)
    billed = charges()

    fee_adjustment_create(
        department=education,
        fee_type=AIR,
        month=NOVEMBER,
        amount=Decimal("-50.00"),
        reason="空调停机5天",
        actor=finance,
    )

    assert charges() == billed  # the charges stay as billed
    line = DeductionLine.objects.get(department=education)
    assert (line.air_conditioning, line.security_cleaning, line.adjustments, line.total) == (
        Decimal("300.00"),
        Decimal("150.00"),
        Decimal("-50.00"),
        Decimal("400.00"),
    )
    assert DeductionList.objects.get(month=NOVEMBER).total == Decimal("400.00")

    # Once the list is sent, the month takes no more corrections.
    transition(obj=DeductionList.objects.get(month=NOVEMBER), move="send", actor=finance)
    with pytest.raises(ValidationError) as refused:
        fee_adjustment_create(
            department=education, fee_type=AIR, month=NOVEMBER, amount=Decimal("10"), reason="x", actor=finance
        )
    assert error_codes(refused.value) == {"month": ["deduction_list_sent"]}
    assert FeeAdjustment.objects.count() == 1


def test_an_adjustment_needs_a_billed_month(finance):
    with pytest.raises(ValidationError) as refused:
        fee_adjustment_create(
            department=DepartmentFactory(),
            fee_type=AIR,
            month=NOVEMBER,
            amount=Decimal("10"),
            reason="x",
            actor=finance,
        )
    assert error_codes(refused.value) == {"month": ["month_not_billed"]}


def test_a_month_that_has_not_ended_is_refused(finance):
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    with pytest.raises(ValidationError) as refused:
        fee_month_bill(month=NOVEMBER, actor=finance, today=datetime.date(2025, 11, 30))
    assert error_codes(refused.value) == {"month": ["month_not_ended"]}
    assert not BillingRun.objects.exists()
    # From the 1st of the next month it is billed.
    fee_month_bill(month=NOVEMBER, actor=finance, today=datetime.date(2025, 12, 1))
    assert BillingRun.objects.get().status == BillingRunStatus.DONE


def test_a_month_without_a_rate_is_refused(finance):
    FeeRateFactory(fee_type=AIR, valid_from=NOVEMBER)
    with pytest.raises(ValidationError) as refused:
        fee_month_bill(month=NOVEMBER, actor=finance)
    assert error_codes(refused.value) == {"month": ["no_rate"]}
    assert not BillingRun.objects.exists()


def test_the_command_prints_one_summary_line(finance):
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    office(DepartmentFactory(code="HEALTH"))
    out = StringIO()
    call_command("bill_fees", "--month", "2025-11", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("2025-11")
    assert re.findall(r"\d+(?:\.\d+)?", lines[0][len("2025-11") :]) == ["2", "900.00"]  # departments, total


def test_the_beat_job_bills_the_month_before_its_schedule_time_in_shanghai(settings):
    from celery.schedules import crontab

    entry = settings.CELERY_BEAT_SCHEDULE["property_services.bill_fees"]
    assert entry["task"] == "property_services.tasks.fee_month_bill_scheduled"
    assert isinstance(entry["schedule"], crontab) and entry["schedule"].day_of_month == {1}
    standard_rates()
    office(DepartmentFactory(code="EDU"))
    # 1 December 01:30 in Shanghai is still 30 November in UTC: the month billed is November.
    result = fee_month_bill_scheduled("2025-11-30T17:30:00+00:00")  # the task body, in this process
    assert result["month"] == "2025-11"
    assert BillingRun.objects.get().month == NOVEMBER
