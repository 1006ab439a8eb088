"""The attendance board and desk during a meeting (issue 10, item 13): the cards add up and the late
count agrees with them; the board answers its live part alone (the page polls it) and full-screen for
the projector; the desk finds a name, signs in a scanned notice code, and records a late arrival's
time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from meetings.choices import AttendanceStatus, SignInMethod
from meetings.models import Attendee
from meetings.selectors.attendance import meeting_attendance_board
from meetings.services import attendance as services
from tests.helpers import field_error
from tests.meetings.factories import AttendeeFactory, meeting_today

pytestmark = pytest.mark.django_db


def _board_url(meeting, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("meetings:meeting_attendance", args=[meeting.pk]) + (f"?{query}" if query else "")


@pytest.fixture
def hall(world, settings):
    """A meeting under way: two on time, one late, one late who then left early, one not yet come."""
    settings.MEETINGS_LATE_GRACE_MINUTES = 5
    meeting = meeting_today(host_department=world.own, title="全县经济工作会议")
    start = meeting.start_at
    people = {
        name: AttendeeFactory(meeting=meeting, name=name, organisation="", department=world.own)
        for name in ("欧阳明", "司马青", "上官云", "诸葛亮", "东方白")
    }
    services.attendee_sign_in(attendee=people["欧阳明"], now=start)
    services.attendee_sign_in(attendee=people["司马青"], now=start + datetime.timedelta(minutes=2))
    services.attendee_sign_in(attendee=people["上官云"], now=start + datetime.timedelta(minutes=20))
    services.attendee_sign_in(attendee=people["诸葛亮"], now=start + datetime.timedelta(minutes=30))
    Attendee.objects.filter(pk=people["诸葛亮"].pk).update(
        status=AttendanceStatus.LEFT_EARLY, left_at=start + datetime.timedelta(minutes=50)
    )
    return meeting, people


def test_the_cards_add_up_and_the_late_count_agrees_with_them(hall, world, client):
    meeting, _people = hall
    board = meeting_attendance_board(meeting=meeting)
    cards = {status: count for status, _label, count in board["totals"]}
    assert sum(cards.values()) == board["total"] == 5
    assert cards[AttendanceStatus.LATE] == 1 and cards[AttendanceStatus.LEFT_EARLY] == 1
    assert board["late"] == board["late_marked"] + board["late_then_left"] == 2
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(_board_url(meeting)).content.decode()
    assert "迟到签到共2人（其中1人计为迟到，1人迟到后又早退）" in page


def test_the_board_answers_its_live_part_alone_and_full_screen(hall, world, client):
    meeting, people = hall
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(_board_url(meeting)).content.decode()
    assert 'hx-trigger="every 10s"' in page and 'id="desk"' in page and "投影模式" in page

    services.attendee_sign_in(attendee=people["东方白"])
    live = client.get(_board_url(meeting, live=1)).content.decode()
    assert live.lstrip().startswith('<div id="board-live"') and "<nav" not in live and 'id="desk"' not in live
    assert "东方白" in live  # the new sign-in, in its department's row

    projector = client.get(_board_url(meeting, projector=1)).content.decode()
    assert 'id="full-screen"' in projector and 'id="board-live"' in projector
    assert "<nav" not in projector and 'id="desk"' not in projector


def test_a_department_head_sees_no_other_departments_board_live_or_projected(hall, world, client):
    meeting, _people = hall
    meeting.host_department = world.other
    meeting.save(update_fields=["host_department"])
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    for params in ({}, {"live": 1}, {"projector": 1}):
        assert client.get(_board_url(meeting, **params)).status_code == 404


def test_the_desk_finds_a_name_or_unit_and_keeps_what_was_typed(hall, world, client):
    meeting, _people = hall
    client.force_login(world.users[Role.MEETING_CENTRE])
    page = client.get(_board_url(meeting, q="司马")).content.decode()
    desk = page[page.index('id="desk"') :]
    assert "司马青" in desk and "欧阳明" not in desk
    assert 'value="司马"' in page
    page = client.get(_board_url(meeting, q="无此人")).content.decode()
    assert "名单中没有与“无此人”相符的人员" in page


def test_a_scanned_notice_code_signs_in_at_the_desk(hall, world, client):
    meeting, people = hall
    desk = world.users[Role.MEETING_CENTRE]
    client.force_login(desk)
    absent = people["东方白"]
    scan = reverse("meetings:meeting_desk_scan", args=[meeting.pk])
    # A scanner types the notice's whole link, then Enter.
    response = client.post(scan, {"code": "https://portal.example.org" + absent.get_sign_in_url()}, follow=True)
    assert "东方白已签到" in response.content.decode()
    absent.refresh_from_db()
    assert absent.signed_in_at and absent.sign_in_method == SignInMethod.DESK and absent.signed_in_by == desk

    # Another meeting's attendee, the meeting's own card code and nonsense are refused on the field.
    stranger = AttendeeFactory(meeting=meeting_today(host_department=world.own))
    for code in (stranger.token, "12:abcdefg", "扫码失败"):
        response = client.post(scan, {"code": code})
        assert response.status_code == 200
        assert "此码不是本次会议参会人员的签到码" in field_error(response, "code")
        assert f'value="{code}"' in response.content.decode()  # what was scanned stays
    assert Attendee.objects.get(pk=stranger.pk).signed_in_at is None


def _minute(moment):
    return moment.replace(second=0, microsecond=0)


def test_a_late_arrival_is_recorded_with_its_time(world, client, settings):
    settings.MEETINGS_LATE_GRACE_MINUTES = 0
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = _minute(max(now - datetime.timedelta(minutes=40), midnight))
    meeting = meeting_today(host_department=world.own, start_at=start)
    late = AttendeeFactory(meeting=meeting, name="迟到者")
    client.force_login(world.users[Role.MEETING_CENTRE])
    url = reverse("meetings:attendee_sign_in", args=[late.pk])

    # A time that is no time, or still to come, is refused on the field; nothing is saved.
    response = client.post(url, {"arrived_at": "25:61"})
    assert field_error(response, "arrived_at") and 'value="25:61"' in response.content.decode()
    with pytest.raises(ValidationError) as refused:
        services.attendee_sign_in(
            attendee=late,
            actor=world.users[Role.MEETING_CENTRE],
            method=SignInMethod.DESK,
            arrived_at=timezone.now() + datetime.timedelta(minutes=5),
        )
    assert "arrived_at" in refused.value.error_dict
    assert Attendee.objects.get(pk=late.pk).signed_in_at is None

    arrived = start + datetime.timedelta(minutes=1)
    response = client.post(url, {"arrived_at": arrived.strftime("%H:%M")})
    assert response.status_code == 302
    late.refresh_from_db()
    assert timezone.localtime(late.signed_in_at) == arrived
    assert late.is_late and late.status == AttendanceStatus.LATE and late.sign_in_method == SignInMethod.DESK
    assert late.history.first().history_user == world.users[Role.MEETING_CENTRE]
