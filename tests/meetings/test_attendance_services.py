"""Attendance services: sign-in and its window, late/on-time boundaries, leaving early, leave,
invitations and protocol seating."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from bureau.roles import Role
from meetings import rules
from meetings.choices import AttendanceStatus, MeetingStatus, SignInMethod
from meetings.models import Attendee, Meeting
from meetings.services import attendance as services
from tests.factories import DepartmentFactory, StaffProfileFactory, make_user
from tests.helpers import error_codes
from tests.meetings.factories import AttendeeFactory, MeetingFactory, local_dt

pytestmark = pytest.mark.django_db


START = local_dt(2026, 12, 10, 9, 0)


def meeting(**kwargs):
    kwargs.setdefault("status", MeetingStatus.IN_PROGRESS)
    return MeetingFactory(start_at=START, end_at=START + datetime.timedelta(hours=3), **kwargs)


def at(minutes=0, seconds=0):
    return START + datetime.timedelta(minutes=minutes, seconds=seconds)


# --- sign-in: late / on time -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "status", "late"),
    [
        (at(-30), AttendanceStatus.ON_TIME, False),  # early, on the day
        (at(0), AttendanceStatus.ON_TIME, False),  # at the start
        (at(5), AttendanceStatus.ON_TIME, False),  # exactly at the grace limit: still on time
        (at(5, 1), AttendanceStatus.LATE, True),  # one second over
        (at(40), AttendanceStatus.LATE, True),
    ],
)
def test_late_is_start_plus_grace(when, status, late):
    attendee = AttendeeFactory(meeting=meeting())
    attendee, changed = services.attendee_sign_in(attendee=attendee, now=when)
    assert changed
    attendee.refresh_from_db()
    assert attendee.status == status
    assert attendee.is_late is late
    assert attendee.signed_in_at == when
    assert attendee.sign_in_method == SignInMethod.QR
    assert attendee.signed_in_by is None


def test_grace_period_is_configurable(settings):
    settings.MEETINGS_LATE_GRACE_MINUTES = 15
    first, second = AttendeeFactory.create_batch(2, meeting=meeting())
    services.attendee_sign_in(attendee=first, now=at(15))
    services.attendee_sign_in(attendee=second, now=at(15, 1))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (AttendanceStatus.ON_TIME, AttendanceStatus.LATE)


def test_second_sign_in_changes_nothing():
    attendee = AttendeeFactory(meeting=meeting())
    services.attendee_sign_in(attendee=attendee, now=at(1))
    history_rows = attendee.history.count()
    again, changed = services.attendee_sign_in(attendee=attendee, now=at(30))
    assert changed is False
    assert again.signed_in_at == at(1)
    assert again.status == AttendanceStatus.ON_TIME
    assert attendee.history.count() == history_rows
    assert "签到。" in rules.already_signed_in_message(again)


def test_desk_sign_in_records_who():
    desk = make_user(username="desk")
    attendee = AttendeeFactory(meeting=meeting())
    attendee, _changed = services.attendee_sign_in(attendee=attendee, actor=desk, method=SignInMethod.DESK, now=at(2))
    assert attendee.signed_in_by == desk
    assert attendee.history.first().history_user == desk


@pytest.mark.parametrize(
    ("status", "when", "message"),
    [
        (MeetingStatus.DRAFT, at(0), "签到未开放：会议状态为"),
        (MeetingStatus.SUBMITTED, at(0), "签到未开放：会议状态为"),
        (MeetingStatus.HELD, at(0), "签到未开放：会议状态为"),
        (MeetingStatus.CANCELLED, at(0), "签到未开放：会议状态为"),
        (MeetingStatus.APPROVED, at(-24 * 60), "签到于会议当天"),
        (MeetingStatus.IN_PROGRESS, at(24 * 60), "签到已结束：会议已于"),
    ],
)
def test_sign_in_only_on_the_day_while_approved_preparing_or_in_progress(status, when, message):
    attendee = AttendeeFactory(meeting=meeting(status=status))
    with pytest.raises(ValidationError) as exc:
        services.attendee_sign_in(attendee=attendee, now=when)
    assert error_codes(exc.value) == ["sign_in_closed"]
    assert message in exc.value.messages[0]
    attendee.refresh_from_db()
    assert attendee.status == AttendanceStatus.PENDING and attendee.signed_in_at is None


@pytest.mark.parametrize("status", [MeetingStatus.APPROVED, MeetingStatus.PREPARING, MeetingStatus.IN_PROGRESS])
def test_sign_in_open_in_the_three_statuses(status):
    attendee = AttendeeFactory(meeting=meeting(status=status))
    assert services.attendee_sign_in(attendee=attendee, now=at(-10))[1] is True


# --- left early, leave -------------------------------------------------------------------------


def test_left_early_keeps_lateness():
    attendee = AttendeeFactory(meeting=meeting())
    services.attendee_sign_in(attendee=attendee, now=at(20))
    attendee = services.attendee_mark_left_early(attendee=attendee, actor=None, at=at(90))
    assert attendee.status == AttendanceStatus.LEFT_EARLY
    assert attendee.is_late is True
    assert attendee.left_at == at(90)


@pytest.mark.parametrize(
    ("signed_in", "left", "message", "code"),
    [
        (None, at(60), "尚未签到，不能登记早退", "not_signed_in"),
        (at(0), at(180), "此时离会不属于早退", "not_early"),  # at the end
        (at(30), at(10), "离会时间早于签到时间", "left_before_sign_in"),
    ],
)
def test_left_early_refusals(signed_in, left, message, code):
    attendee = AttendeeFactory(meeting=meeting())
    if signed_in:
        services.attendee_sign_in(attendee=attendee, now=signed_in)
    with pytest.raises(ValidationError) as exc:
        services.attendee_mark_left_early(attendee=attendee, actor=None, at=left)
    assert error_codes(exc.value) == {"left_at": [code]}
    assert message in " ".join(exc.value.messages)
    assert Attendee.objects.get(pk=attendee.pk).left_at is None


def test_left_early_twice_is_refused():
    attendee = AttendeeFactory(meeting=meeting())
    services.attendee_sign_in(attendee=attendee, now=at(0))
    services.attendee_mark_left_early(attendee=attendee, actor=None, at=at(60))
    with pytest.raises(ValidationError, match="离会") as exc:
        services.attendee_mark_left_early(attendee=attendee, actor=None, at=at(70))
    assert error_codes(exc.value) == {"left_at": ["already_left"]}


def test_excused_needs_a_reason():
    attendee = AttendeeFactory(meeting=meeting(status=MeetingStatus.APPROVED))
    for blank in ("", "   "):
        with pytest.raises(ValidationError) as exc:
            services.attendee_excuse(attendee=attendee, actor=None, reason=blank)
        assert error_codes(exc.value) == {"reason": ["reason_required"]}
        assert exc.value.message_dict["reason"] == ["请假须填写事由。"]
    attendee = services.attendee_excuse(attendee=attendee, actor=None, reason="  下乡督导  ")
    assert attendee.status == AttendanceStatus.EXCUSED
    assert attendee.excuse_reason == "下乡督导"


def test_database_refuses_excused_without_reason():
    attendee = AttendeeFactory()
    attendee.status = AttendanceStatus.EXCUSED
    with pytest.raises(IntegrityError), transaction.atomic():
        attendee.save()


def test_no_leave_after_signing_in():
    attendee = AttendeeFactory(meeting=meeting())
    services.attendee_sign_in(attendee=attendee, now=at(0))
    with pytest.raises(ValidationError, match="请改为登记早退") as exc:
        services.attendee_excuse(attendee=attendee, actor=None, reason="临时有事")
    assert error_codes(exc.value) == {"reason": ["already_signed_in"]}


def test_excused_attendee_who_comes_after_all_is_signed_in():
    attendee = AttendeeFactory(meeting=meeting())
    services.attendee_excuse(attendee=attendee, actor=None, reason="出差")
    attendee, changed = services.attendee_sign_in(attendee=attendee, now=at(3))
    assert changed and attendee.status == AttendanceStatus.ON_TIME


def test_close_marks_the_missing_absent_and_leaves_the_rest():
    held = meeting(status=MeetingStatus.HELD)
    came, missing, excused = AttendeeFactory.create_batch(3, meeting=held)
    Attendee.objects.filter(pk=came.pk).update(status=AttendanceStatus.ON_TIME, signed_in_at=at(0))
    services.attendee_excuse(attendee=excused, actor=None, reason="病假")
    assert services.meeting_attendance_close(meeting=held, actor=None) == 1
    statuses = dict(Attendee.objects.filter(meeting=held).values_list("pk", "status"))
    assert statuses == {
        came.pk: AttendanceStatus.ON_TIME,
        missing.pk: AttendanceStatus.ABSENT,
        excused.pk: AttendanceStatus.EXCUSED,
    }
    assert missing.history.count() == 2  # created + closed: the bulk write kept its history


@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.REJECTED, MeetingStatus.DRAFT])
def test_close_refuses_a_meeting_that_never_took_place(status):
    past = MeetingFactory(status=status, start_at=local_dt(2025, 3, 3, 9), end_at=local_dt(2025, 3, 3, 12))
    invited = AttendeeFactory(meeting=past)
    with pytest.raises(ValidationError, match="出勤情况不能修改") as exc:
        services.meeting_attendance_close(meeting=past, actor=None)
    assert error_codes(exc.value) == ["meeting_status"]
    invited.refresh_from_db()
    assert invited.status == AttendanceStatus.PENDING


# --- invitations ----------------------------------------------------------------------------------


def test_invite_department_adds_its_staff_once():
    department = DepartmentFactory()
    for name in ("甲", "乙", "丙"):
        StaffProfileFactory(department=department, user=make_user(username=f"u-{name}", first_name=name))
    m = meeting(status=MeetingStatus.APPROVED)
    first = services.attendee_invite_department(meeting=m, actor=None, department=department)
    again = services.attendee_invite_department(meeting=m, actor=None, department=department)
    assert len(first) == 3 and again == []
    assert m.attendees.count() == 3
    assert all(a.department == department and a.user_id for a in m.attendees.all())
    assert all(a.history.count() == 1 for a in m.attendees.all())


def test_invite_outsider_by_name_needs_an_organisation():
    m = meeting(status=MeetingStatus.APPROVED)
    with pytest.raises(ValidationError) as exc:
        services.attendee_add(meeting=m, actor=None, name="赵六")
    assert error_codes(exc.value) == {"organisation": ["required"]}
    guest = services.attendee_add(meeting=m, actor=None, name="赵六", organisation="怀化市会务协会")
    assert guest.unit_label == "怀化市会务协会" and guest.department is None


def test_tokens_are_long_random_and_distinct():
    attendees = AttendeeFactory.create_batch(20)
    tokens = {a.token for a in attendees}
    assert len(tokens) == 20
    assert all(len(token) >= 32 for token in tokens)  # 24 random bytes = 192 bits


def test_no_invitations_once_held():
    with pytest.raises(ValidationError, match="参会名单已不能修改") as exc:
        services.attendee_add(meeting=meeting(status=MeetingStatus.HELD), actor=None, name="甲", organisation="乙")
    assert error_codes(exc.value) == ["meeting_status"]


# --- seating ---------------------------------------------------------------------------------


def test_protocol_seat_order_odd_and_even():
    # Seats 1…n from left to right as the attendees sit: centre first, then left, right, left …
    assert rules.protocol_seat_order(5) == [3, 2, 4, 1, 5]
    assert rules.protocol_seat_order(7) == [4, 3, 5, 2, 6, 1, 7]
    # Even: the two middle seats first, the left one before the right one.
    assert rules.protocol_seat_order(6) == [3, 4, 2, 5, 1, 6]
    assert rules.protocol_seat_order(1) == [1]


def test_seats_assigned_by_protocol_order_front_row_centre_first():
    m = meeting(status=MeetingStatus.PREPARING)
    # invited in a shuffled order; protocol order decides
    people = [AttendeeFactory(meeting=m, protocol_order=order, name=f"P{order}") for order in (4, 1, 6, 3, 2, 5, 7)]
    excused = AttendeeFactory(meeting=m, protocol_order=8, name="P8")
    services.attendee_excuse(attendee=excused, actor=None, reason="外出学习")
    services.meeting_seats_assign(meeting=m, actor=None, rows=2, seats_per_row=5)
    seats = {a.name: (a.seat_row, a.seat_number) for a in Attendee.objects.filter(meeting=m)}
    assert seats == {
        "P1": (1, 3),
        "P2": (1, 2),
        "P3": (1, 4),
        "P4": (1, 1),
        "P5": (1, 5),
        "P6": (2, 3),
        "P7": (2, 2),
        "P8": (None, None),  # on leave: no seat
    }
    assert len(people) == 7


def test_seats_reassigned_after_a_change_of_order():
    m = meeting(status=MeetingStatus.PREPARING)
    a, b, c = (AttendeeFactory(meeting=m, protocol_order=i) for i in (1, 2, 3))
    services.meeting_seats_assign(meeting=m, actor=None, rows=1, seats_per_row=3)
    assert [Attendee.objects.get(pk=x.pk).seat_number for x in (a, b, c)] == [2, 1, 3]
    Attendee.objects.filter(pk=c.pk).update(protocol_order=1)
    Attendee.objects.filter(pk=a.pk).update(protocol_order=3)
    # c takes a's seat and a takes c's: the unique seat constraint must not trip over the swap
    services.meeting_seats_assign(meeting=m, actor=None, rows=1, seats_per_row=3)
    assert [Attendee.objects.get(pk=x.pk).seat_number for x in (a, b, c)] == [3, 1, 2]


def test_too_few_seats_is_refused_and_nothing_changes():
    m = meeting(status=MeetingStatus.PREPARING)
    AttendeeFactory.create_batch(7, meeting=m)
    with pytest.raises(ValidationError) as exc:
        services.meeting_seats_assign(meeting=m, actor=None, rows=2, seats_per_row=3)
    assert error_codes(exc.value) == {"rows": ["too_few_seats"]}
    assert "6个座位，但有7名参会人员需要座位" in exc.value.message_dict["rows"][0]
    assert not m.attendees.exclude(seat_row=None).exists()


def test_manual_seat_change_names_who_sits_there():
    m = meeting(status=MeetingStatus.PREPARING)
    first = AttendeeFactory(meeting=m, protocol_order=1, name="张一")
    second = AttendeeFactory(meeting=m, protocol_order=2, name="李二")
    services.meeting_seats_assign(meeting=m, actor=None, rows=1, seats_per_row=3)
    with pytest.raises(ValidationError) as exc:
        services.attendee_update(attendee=second, actor=None, seat_row=1, seat_number=2)
    assert error_codes(exc.value) == {"seat_number": ["seat_taken"]}
    assert "已由张一就座" in exc.value.message_dict["seat_number"][0]
    services.attendee_update(attendee=second, actor=None, seat_row=1, seat_number=3)
    second.refresh_from_db()
    assert (second.seat_row, second.seat_number) == (1, 3)
    first.refresh_from_db()
    assert (first.seat_row, first.seat_number) == (1, 2)


def test_attendee_edit_page_refuses_changes_once_the_meeting_is_held(world, client):
    m = meeting(status=MeetingStatus.PREPARING)
    attendee = AttendeeFactory(meeting=m, protocol_order=1, name="张一")
    client.force_login(world.users[Role.MEETING_CENTRE])
    url = reverse("meetings:attendee_edit", args=[attendee.pk])
    data = {"name": "张一", "organisation": "县委办", "protocol_order": "1", "seat_row": "1", "seat_number": "1"}
    assert client.post(url, data).status_code == 302
    attendee.refresh_from_db()
    assert (attendee.seat_row, attendee.seat_number) == (1, 1)
    Meeting.objects.filter(pk=m.pk).update(status=MeetingStatus.HELD)
    response = client.post(url, {**data, "seat_number": "2"})
    assert response.status_code == 200
    assert "参会名单已不能修改" in response.content.decode()
    attendee.refresh_from_db()
    assert attendee.seat_number == 1


def test_database_refuses_two_people_in_one_seat():
    m = meeting(status=MeetingStatus.PREPARING)
    AttendeeFactory(meeting=m, seat_row=1, seat_number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendeeFactory(meeting=m, seat_row=1, seat_number=1)


def test_left_early_time_is_put_on_the_day_it_happens_during_a_multi_day_meeting():
    from meetings.forms.attendance import LeftEarlyForm

    two_days = MeetingFactory(start_at=local_dt(2026, 12, 10, 9), end_at=local_dt(2026, 12, 11, 17))
    form = LeftEarlyForm({"left_at": "15:00"}, meeting=two_days)
    assert form.is_valid()
    assert form.left_at_datetime(now=local_dt(2026, 12, 11, 15, 5)) == local_dt(2026, 12, 11, 15)  # day 2
    assert form.left_at_datetime(now=local_dt(2026, 12, 10, 15, 5)) == local_dt(2026, 12, 10, 15)
    assert form.left_at_datetime(now=local_dt(2026, 12, 14, 8)) == local_dt(2026, 12, 10, 15)  # recorded later
