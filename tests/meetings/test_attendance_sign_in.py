"""The QR sign-in page and the desk: used token, forged token, another attendee's token, CSRF,
the sign-in window, leave and leaving early at the desk."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from meetings.choices import AttendanceStatus, MeetingStatus, SignInMethod
from meetings.models import Attendee
from tests.helpers import english
from tests.meetings.factories import AttendeeFactory, meeting_today

pytestmark = pytest.mark.django_db


def sign_in_url(attendee):
    return reverse("meetings:sign_in", args=[attendee.token])


def test_scan_shows_the_attendee_and_one_tap_signs_in():
    meeting = meeting_today(title="全县经济工作会议")
    attendee = AttendeeFactory(meeting=meeting, name="欧阳明", seat_row=1, seat_number=3)
    client = Client()
    page = english(client).get(sign_in_url(attendee)).content.decode()
    assert "欧阳明" in page and "全县经济工作会议" in page and 'id="sign-in-button"' in page
    assert "Row 1, seat 3" in page
    response = english(client).post(sign_in_url(attendee))
    assert response.status_code == 302 and response.url.endswith("?done=1")
    page = english(client).get(response.url).content.decode()
    assert "Signed in at" in page and 'id="sign-in-button"' not in page
    attendee.refresh_from_db()
    assert attendee.status == AttendanceStatus.ON_TIME
    assert attendee.sign_in_method == SignInMethod.QR and attendee.signed_in_by is None


def test_used_token_changes_nothing_and_says_when():
    attendee = AttendeeFactory(meeting=meeting_today())
    client = Client()
    client.post(sign_in_url(attendee))
    attendee.refresh_from_db()
    first = attendee.signed_in_at
    history = attendee.history.count()
    response = english(client).post(sign_in_url(attendee))
    assert response.status_code == 200
    assert "already signed in at" in response.content.decode()
    assert "already signed in at" in english(client).get(sign_in_url(attendee)).content.decode()
    attendee.refresh_from_db()
    assert attendee.signed_in_at == first and attendee.history.count() == history


@pytest.mark.parametrize(
    "token",
    ["forged-token-0123456789abcdefghijkl", "short", "x" * 80, "Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbg"],
)
def test_forged_or_unknown_token_is_404_with_a_message(token):
    AttendeeFactory(meeting=meeting_today())
    client = english(Client())
    for method in (client.get, client.post):
        response = method(reverse("meetings:sign_in", args=[token]))
        assert response.status_code == 404
        assert "This sign-in code is not valid" in response.content.decode()
    assert not Attendee.objects.exclude(signed_in_at=None).exists()


def test_forged_token_page_is_chinese_by_default():
    response = Client().get(reverse("meetings:sign_in", args=["forged-token-0123456789abcdefghijkl"]))
    assert response.status_code == 404
    assert response["Content-Language"] == "zh-hans"


def test_a_token_signs_in_its_own_attendee_only():
    meeting = meeting_today()
    mine, other = AttendeeFactory.create_batch(2, meeting=meeting)
    elsewhere = AttendeeFactory(meeting=meeting_today(), user=None)
    Client().post(sign_in_url(mine))
    assert Attendee.objects.get(pk=mine.pk).status == AttendanceStatus.ON_TIME
    assert Attendee.objects.get(pk=other.pk).status == AttendanceStatus.PENDING
    assert Attendee.objects.get(pk=elsewhere.pk).status == AttendanceStatus.PENDING
    # Only the token identifies the attendee: another attendee's id in the form is ignored.
    Client().post(sign_in_url(other), {"attendee": mine.pk, "pk": elsewhere.pk})
    assert Attendee.objects.get(pk=elsewhere.pk).status == AttendanceStatus.PENDING


def test_csrf_is_enforced_on_the_tap():
    attendee = AttendeeFactory(meeting=meeting_today())
    client = Client(enforce_csrf_checks=True)
    assert client.post(sign_in_url(attendee)).status_code == 403
    assert Attendee.objects.get(pk=attendee.pk).signed_in_at is None
    client.get(sign_in_url(attendee))  # sets the CSRF cookie, as the phone's browser does
    token = client.cookies["csrftoken"].value
    response = client.post(sign_in_url(attendee), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Attendee.objects.get(pk=attendee.pk).signed_in_at is not None


@pytest.mark.parametrize("status", [MeetingStatus.DRAFT, MeetingStatus.HELD, MeetingStatus.CANCELLED])
def test_closed_meeting_says_so_and_signs_in_nobody(status):
    attendee = AttendeeFactory(meeting=meeting_today(status=status))
    client = Client()
    page = english(client).get(sign_in_url(attendee)).content.decode()
    assert "Sign-in is closed" in page and 'id="sign-in-button"' not in page
    response = english(client).post(sign_in_url(attendee))
    assert response.status_code == 409 and "Sign-in is closed" in response.content.decode()
    assert Attendee.objects.get(pk=attendee.pk).signed_in_at is None


def test_sign_in_before_the_day_says_when_it_opens():
    start = timezone.now() + datetime.timedelta(days=3)
    attendee = AttendeeFactory(
        meeting=meeting_today(status=MeetingStatus.APPROVED, start_at=start, end_at=start + datetime.timedelta(hours=2))
    )
    page = english(Client()).get(sign_in_url(attendee)).content.decode()
    assert "Sign-in opens on the day of the meeting" in page


def test_late_sign_in_page_says_late(settings):
    settings.MEETINGS_LATE_GRACE_MINUTES = 0
    attendee = AttendeeFactory(meeting=meeting_today())
    client = Client()
    response = client.post(sign_in_url(attendee))
    page = english(client).get(response.url).content.decode()
    assert "recorded as late" in page
    assert Attendee.objects.get(pk=attendee.pk).status == AttendanceStatus.LATE


# --- the desk -------------------------------------------------------------------------------------


def test_desk_signs_in_excuses_and_marks_left_early(world, client):
    meeting = meeting_today(host_department=world.own)
    came, away = AttendeeFactory.create_batch(2, meeting=meeting)
    desk = world.users[Role.MEETING_CENTRE]
    client.force_login(desk)
    assert client.post(reverse("meetings:attendee_sign_in", args=[came.pk])).status_code == 302
    came.refresh_from_db()
    assert came.sign_in_method == SignInMethod.DESK and came.signed_in_by == desk

    response = english(client).post(reverse("meetings:attendee_excuse", args=[away.pk]), {"reason": "  "})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    client.post(reverse("meetings:attendee_excuse", args=[away.pk]), {"reason": "下乡调研"})
    away.refresh_from_db()
    assert away.status == AttendanceStatus.EXCUSED and away.excuse_reason == "下乡调研"

    # A time of leaving before the sign-in is refused on the field, nothing saved.
    before = timezone.localtime(meeting.start_at).strftime("%H:%M")
    response = english(client).post(reverse("meetings:attendee_left_early", args=[came.pk]), {"left_at": before})
    assert response.status_code == 200 and "before the sign-in" in response.content.decode()
    assert Attendee.objects.get(pk=came.pk).left_at is None
    response = client.post(reverse("meetings:attendee_left_early", args=[came.pk]), {"left_at": ""})
    assert response.status_code == 302
    came.refresh_from_db()
    assert came.status == AttendanceStatus.LEFT_EARLY and came.left_at is not None


def test_department_staff_cannot_use_the_desk(world, client):
    attendee = AttendeeFactory(meeting=meeting_today(host_department=world.own))
    client.force_login(world.users[Role.EMPLOYEES])
    assert client.post(reverse("meetings:attendee_sign_in", args=[attendee.pk])).status_code == 403
    assert Attendee.objects.get(pk=attendee.pk).signed_in_at is None


def test_another_departments_attendee_is_404_for_department_heads(world, client):
    attendee = AttendeeFactory(meeting=meeting_today(host_department=world.other))
    client.force_login(world.users[Role.DEPARTMENT_HEADS])
    assert client.get(reverse("meetings:meeting_attendance", args=[attendee.meeting_id])).status_code == 404
    assert client.get(reverse("meetings:attendee", args=[attendee.pk])).status_code == 404
