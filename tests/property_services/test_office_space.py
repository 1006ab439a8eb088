"""Office space 办公用房 against the standard (党政机关办公用房建设标准, 发改投资〔2014〕2674号, county level):
the standard that applied on the report's day, a shared office divided equally among its occupants, the
verdicts (over, within, rank not recorded, idle), one office per person, voiding kept in the history,
a department head's own unit only, and the report's Excel file."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bureau.choices import Rank, RoomUse
from bureau.models import AuditEntry
from bureau.roles import Role
from property_services import rules_space, selectors_space
from property_services.choices_space import SpaceVerdict
from property_services.models import OfficeAssignment, OfficeStandard
from property_services.services import space
from tests.factories import DepartmentFactory, RoomFactory, RoomOccupancyFactory, StaffProfileFactory, make_user
from tests.helpers import error_codes, field_error

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 6, 1)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _office(department, area, number=None):
    room = RoomFactory(area=Decimal(area), use=RoomUse.OFFICE, **({"number": number} if number else {}))
    RoomOccupancyFactory(room=room, department=department, start_date=datetime.date(2024, 1, 1))
    return room


def _person(department, rank, name):
    return StaffProfileFactory(department=department, rank=rank, user__last_name=name[0], user__first_name=name[1:])


@pytest.fixture
def campus():
    return make_user(roles=[Role.ADMIN_CENTRE], department=DepartmentFactory(name="机关事务局"))


def _row(user, room, day=DAY):
    return next(row for row in selectors_space.office_rows(user, day=day) if row.room_id == room.pk)


def test_the_seeded_standard_is_the_2014_county_standard():
    standards = selectors_space.standards_on(DAY)
    assert standards == {
        Rank.PRINCIPAL: Decimal("30"),
        Rank.DEPUTY: Decimal("24"),
        Rank.SECTION_CHIEF: Decimal("18"),
        Rank.DEPUTY_SECTION_CHIEF: Decimal("12"),
        Rank.BELOW_SECTION: Decimal("9"),
    }
    assert selectors_space.standards_on(datetime.date(2014, 11, 26)) == {}  # before it came into force
    assert OfficeStandard.objects.first().history.exists()


def test_the_standard_that_applied_on_the_day_is_used(campus):
    space.office_standard_save(
        standard=OfficeStandard(rank=Rank.SECTION_CHIEF, area_per_person=Decimal("20"), valid_from=DAY),
        actor=campus,
    )
    assert selectors_space.standards_on(DAY - datetime.timedelta(days=1))[Rank.SECTION_CHIEF] == Decimal("18")
    assert selectors_space.standards_on(DAY)[Rank.SECTION_CHIEF] == Decimal("20")
    department = DepartmentFactory()
    room = _office(department, "19")
    space.office_assign(
        person=_person(department, Rank.SECTION_CHIEF, "周正科"), room=room, start_date=DAY, actor=campus
    )
    assert _row(campus, room, DAY).verdict == SpaceVerdict.WITHIN  # 19 ≤ 20 from that day
    assert _row(campus, room, DAY + datetime.timedelta(days=30)).allowed == Decimal("20")
    later = _row(campus, room, DAY)
    assert later.per_person == Decimal("19.00")


def test_a_shared_office_is_divided_equally_and_judged_by_the_sum_of_standards(campus):
    department = DepartmentFactory()
    room = _office(department, "20")
    for name in ("吴科员", "郑科员"):
        space.office_assign(
            person=_person(department, Rank.BELOW_SECTION, name), room=room, start_date=DAY, actor=campus
        )
    row = _row(campus, room)
    assert row.per_person == Decimal("10.00")
    assert row.allowed == Decimal("18")  # 9 + 9
    assert row.verdict == SpaceVerdict.OVER  # 20 > 18
    assert rules_space.office_verdict(Decimal("18"), [Rank.BELOW_SECTION] * 2, {Rank.BELOW_SECTION: 9})[0] == (
        SpaceVerdict.WITHIN
    )


def test_verdicts_over_within_rank_not_recorded_and_idle(campus):
    department = DepartmentFactory(name="教育局")
    over, within, unknown, idle = (_office(department, area) for area in ("30", "18", "12", "24"))
    space.office_assign(
        person=_person(department, Rank.SECTION_CHIEF, "杨主任"), room=over, start_date=DAY, actor=campus
    )
    space.office_assign(
        person=_person(department, Rank.SECTION_CHIEF, "孙局长"), room=within, start_date=DAY, actor=campus
    )
    space.office_assign(person=_person(department, "", "钱未定"), room=unknown, start_date=DAY, actor=campus)
    assert _row(campus, over).verdict == SpaceVerdict.OVER
    assert _row(campus, within).verdict == SpaceVerdict.WITHIN
    assert _row(campus, unknown).verdict == SpaceVerdict.RANK_MISSING
    assert _row(campus, idle).verdict == SpaceVerdict.IDLE
    (line,) = [line for line in selectors_space.space_report(campus, day=DAY) if line.department_id == department.pk]
    assert (line.offices, line.people, line.over, line.within, line.rank_missing, line.idle) == (4, 3, 1, 1, 1, 1)

    page = _client(campus).get(reverse("property_services:office_list"), {"date": "2025-06-01"}).content.decode()
    assert "超标" in page and "职级未录入" in page and "闲置办公室" in page
    assert "杨主任（正科级）" in page


def test_one_live_office_per_person_a_move_ends_the_old_one(campus):
    department = DepartmentFactory()
    person = _person(department, Rank.SECTION_CHIEF, "冯主任")
    first, second = _office(department, "18"), _office(department, "18")
    old = space.office_assign(person=person, room=first, start_date=DAY, actor=campus)
    with pytest.raises(ValidationError) as refused:
        space.office_assign(person=person, room=first, start_date=DAY + datetime.timedelta(days=3), actor=campus)
    assert error_codes(refused.value) == {"room": ["same_office"]}
    with pytest.raises(ValidationError) as refused:
        space.office_assign(person=person, room=second, start_date=DAY, actor=campus)
    assert error_codes(refused.value) == {"start_date": ["before_current"]}
    moved = DAY + datetime.timedelta(days=10)
    space.office_assign(person=person, room=second, start_date=moved, actor=campus)
    old.refresh_from_db()
    assert old.end_date == moved - datetime.timedelta(days=1)
    assert OfficeAssignment.objects.filter(person=person, voided_at=None, end_date=None).count() == 1
    assert _row(campus, first, moved).verdict == SpaceVerdict.IDLE
    assert [o.pk for o in _row(campus, second, moved).occupants] == [person.pk]


def test_a_meeting_room_is_not_an_office(campus):
    department = DepartmentFactory()
    hall = RoomFactory(use=RoomUse.MEETING_ROOM, capacity=40)
    with pytest.raises(ValidationError) as refused:
        space.office_assign(person=_person(department, "", "韩某某"), room=hall, start_date=DAY, actor=campus)
    assert error_codes(refused.value) == {"room": ["not_an_office"]}


def test_the_add_page_refuses_a_move_before_the_current_office_on_the_field(campus):
    department = DepartmentFactory()
    person = _person(department, Rank.SECTION_CHIEF, "蒋主任")
    space.office_assign(person=person, room=_office(department, "18"), start_date=DAY, actor=campus)
    response = _client(campus).post(
        reverse("property_services:officeassignment_add"),
        {"person": person.pk, "room": _office(department, "18").pk, "start_date": "2025-05-01"},
    )
    assert "2025" in field_error(response, "start_date")
    assert OfficeAssignment.objects.filter(person=person).count() == 1


def test_voiding_keeps_the_record_and_its_history(campus):
    department = DepartmentFactory()
    room = _office(department, "18")
    assignment = space.office_assign(
        person=_person(department, Rank.SECTION_CHIEF, "沈主任"), room=room, start_date=DAY, actor=campus
    )
    response = _client(campus).post(
        reverse("property_services:officeassignment_void", args=[assignment.pk]), {"reason": "录错了房间"}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.is_voided and assignment.void_reason == "录错了房间"
    assert [h.history_type for h in assignment.history.order_by("history_date")] == ["+", "~"]
    assert assignment.history.latest().history_user == campus
    assert _row(campus, room).verdict == SpaceVerdict.IDLE  # a voided assignment seats nobody
    assert OfficeAssignment.objects.filter(pk=assignment.pk).exists()


def test_a_department_head_sees_their_own_unit_only(campus):
    own, other = DepartmentFactory(name="教育局"), DepartmentFactory(name="财政局")
    head = make_user(roles=[Role.DEPARTMENT_HEADS], department=own)
    own_room, other_room = _office(own, "30", number="301"), _office(other, "30", number="901")
    space.office_assign(person=_person(own, Rank.SECTION_CHIEF, "杨主任"), room=own_room, start_date=DAY, actor=campus)
    theirs = space.office_assign(
        person=_person(other, Rank.SECTION_CHIEF, "何局长"), room=other_room, start_date=DAY, actor=campus
    )
    client = _client(head)
    report = client.get(reverse("property_services:space_report"), {"date": "2025-06-01"}).content.decode()
    assert "教育局" in report and "财政局" not in report
    offices = client.get(reverse("property_services:office_list"), {"date": "2025-06-01"}).content.decode()
    assert "杨主任" in offices and "何局长" not in offices
    assert client.get(reverse("property_services:officeassignment", args=[theirs.pk])).status_code == 404


def test_the_report_in_excel_is_what_the_page_shows_and_is_audited(campus):
    department = DepartmentFactory(name="教育局")
    room = _office(department, "30")
    space.office_assign(
        person=_person(department, Rank.SECTION_CHIEF, "杨主任"), room=room, start_date=DAY, actor=campus
    )
    _office(department, "20")  # idle
    response = _client(campus).get(reverse("property_services:space_report_xlsx"), {"date": "2025-06-01"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("单位", "办公室", "人数")
    line = next(row for row in rows if row[0] == "教育局")
    assert line[1:4] == (2, 1, 50)  # two offices, one person, 30 + 20 m²
    assert line[6] == 1 and line[9] == 1  # one over standard, one idle
    assert AuditEntry.objects.filter(action="export", actor=campus).exists()


def test_an_unreadable_date_is_said_and_today_is_shown(campus):
    response = _client(campus).get(reverse("property_services:space_report"), {"date": "2025-13-45"})
    assert response.status_code == 200
    assert response.context["day"] == timezone.localdate()
    assert any("日期" in str(message) for message in response.context["messages"])
