"""The attendance board and the monthly absence figure by department (会风会纪)."""

import datetime

import pytest
from django.urls import reverse

from bureau.roles import Role
from meetings.choices import AttendanceStatus, MeetingStatus
from meetings.selectors.attendance import absence_by_department, meeting_attendance_board
from meetings.services import attendance as services
from tests.factories import DepartmentFactory
from tests.meetings.factories import AttendeeFactory, MeetingFactory, local_dt

pytestmark = pytest.mark.django_db


def held_meeting(start, **kwargs):
    kwargs.setdefault("status", MeetingStatus.IN_PROGRESS)
    return MeetingFactory(start_at=start, end_at=start + datetime.timedelta(hours=2), **kwargs)


def sign_in(attendee, minutes):
    return services.attendee_sign_in(
        attendee=attendee, now=attendee.meeting.start_at + datetime.timedelta(minutes=minutes)
    )[0]


def test_board_by_department_counts_and_names():
    start = local_dt(2026, 12, 10, 9)
    meeting = held_meeting(start)
    education = DepartmentFactory(name="教育局", sort_order=1)
    finance = DepartmentFactory(name="财政局", sort_order=2)
    a = AttendeeFactory(meeting=meeting, department=education, name="张三")
    b = AttendeeFactory(meeting=meeting, department=education, name="李四")
    c = AttendeeFactory(meeting=meeting, department=finance, name="王五")
    d = AttendeeFactory(meeting=meeting, department=finance, name="赵六")
    AttendeeFactory(meeting=meeting, department=None, organisation="市会务协会", name="钱七")
    sign_in(a, 0)
    sign_in(b, 12)
    sign_in(c, -5)
    services.attendee_mark_left_early(attendee=c, actor=None, at=start + datetime.timedelta(minutes=50))
    services.attendee_excuse(attendee=d, actor=None, reason="出差")

    board = meeting_attendance_board(meeting=meeting, now=start + datetime.timedelta(minutes=30))
    assert board["total"] == 5 and board["late"] == 1
    totals = {value: count for value, _label, count in board["totals"]}
    assert totals == {"on_time": 1, "late": 1, "left_early": 1, "excused": 1, "absent": 0, "pending": 1}
    groups = {g["label"]: {v: names for v, _l, _c, names in g["cells"]} for g in board["groups"]}
    assert list(groups) == ["教育局", "财政局", "市会务协会"]
    assert groups["教育局"]["on_time"] == ["张三"] and groups["教育局"]["late"] == ["李四"]
    assert groups["财政局"]["left_early"] == ["王五"] and groups["财政局"]["excused"] == ["赵六"]
    assert groups["市会务协会"]["pending"] == ["钱七"]

    # After the end, whoever never signed in counts as absent and "not signed in" disappears.
    after = meeting_attendance_board(meeting=meeting, now=start + datetime.timedelta(hours=3))
    totals = {value: count for value, _label, count in after["totals"]}
    assert totals["absent"] == 1 and "pending" not in totals


def test_board_page_for_the_department_and_desk_actions(world, client):
    meeting = held_meeting(local_dt(2026, 12, 10, 9), host_department=world.own)
    AttendeeFactory(meeting=meeting, department=world.own, name="孙八")
    client.force_login(world.users[Role.EMPLOYEES])
    page = client.get(reverse("meetings:meeting_attendance", args=[meeting.pk])).content.decode()
    assert "孙八" in page and 'id="board"' in page
    assert 'id="desk"' not in page  # staff read the board; the desk is the meeting centre's
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(reverse("meetings:meeting_attendance", args=[meeting.pk])).content.decode()
    assert 'id="desk"' in page


def test_absence_by_department_for_a_month():
    education = DepartmentFactory(name="教育局", sort_order=1)
    finance = DepartmentFactory(name="财政局", sort_order=2)
    idle = DepartmentFactory(name="统计局", sort_order=3)
    november = held_meeting(local_dt(2026, 11, 3, 9), status=MeetingStatus.HELD)
    late_november = held_meeting(local_dt(2026, 11, 30, 15), status=MeetingStatus.SETTLED)
    december = held_meeting(local_dt(2026, 12, 1, 9), status=MeetingStatus.HELD)  # next month
    cancelled = held_meeting(local_dt(2026, 11, 5, 9), status=MeetingStatus.CANCELLED)

    def person(meeting, department, status=AttendanceStatus.PENDING, late=False, reason=""):
        return AttendeeFactory(
            meeting=meeting,
            department=department,
            status=status,
            is_late=late,
            signed_in_at=meeting.start_at if status in ("on_time", "late", "left_early") else None,
            left_at=meeting.start_at + datetime.timedelta(minutes=30) if status == "left_early" else None,
            excuse_reason=reason,
        )

    # 教育局: 1 on time, 1 late, 1 never came (pending after a held meeting = absent), 1 closed absent, 1 excused
    person(november, education, AttendanceStatus.ON_TIME)
    person(november, education, AttendanceStatus.LATE, late=True)
    person(november, education)
    person(late_november, education, AttendanceStatus.ABSENT)
    person(late_november, education, AttendanceStatus.EXCUSED, reason="病假")
    # 财政局: late then left early (counts as late), and one excused
    person(november, finance, AttendanceStatus.LEFT_EARLY, late=True)
    person(late_november, finance, AttendanceStatus.EXCUSED, reason="出差")
    # outside the month or not held: not counted
    person(december, idle, AttendanceStatus.ABSENT)
    person(cancelled, finance, AttendanceStatus.ABSENT)
    AttendeeFactory(meeting=november, department=None, organisation="外单位", status=AttendanceStatus.ABSENT)

    rows = absence_by_department(year=2026, month=11, now=local_dt(2026, 12, 2, 9))
    assert rows == [
        {
            "department_id": education.pk,
            "department": "教育局",
            "invited": 5,
            "absent": 2,
            "excused": 1,
            "late": 1,
            "absence": 3,
        },
        {
            "department_id": finance.pk,
            "department": "财政局",
            "invited": 2,
            "absent": 0,
            "excused": 1,
            "late": 1,
            "absence": 1,
        },
    ]
    assert absence_by_department(year=2026, month=12, now=local_dt(2026, 12, 2, 9))[0]["department"] == "统计局"
    assert absence_by_department(year=2026, month=10) == []


def test_absence_month_bounds_are_local_time():
    department = DepartmentFactory()
    # 00:30 on 1 December in Shanghai is still 30 November in UTC: it belongs to December.
    meeting = held_meeting(local_dt(2026, 12, 1, 0, 30), status=MeetingStatus.HELD)
    AttendeeFactory(meeting=meeting, department=department, status=AttendanceStatus.ABSENT)
    assert absence_by_department(year=2026, month=11) == []
    assert absence_by_department(year=2026, month=12)[0]["absent"] == 1
