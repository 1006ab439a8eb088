"""The meeting-level sign-in code of seat cards (issue 10, item 4): what the card carries and what
the page it opens does for each visitor. The phone walk-through is test_seat_card_sign_in_browser."""

import pytest
from django.urls import reverse

from bureau.roles import Role
from meetings import pdf_attendance
from meetings.choices import AttendanceStatus
from meetings.models import Attendee
from meetings.selectors.attendance import meeting_for_sign_in_code, meeting_sign_in_code
from tests.factories import make_user
from tests.meetings.factories import AttendeeFactory, MeetingFactory, meeting_today

pytestmark = pytest.mark.django_db


def test_seat_cards_carry_the_meetings_code_and_no_personal_link(world, monkeypatch, rf):
    meeting = meeting_today()
    attendees = [AttendeeFactory(meeting=meeting) for _ in range(3)]
    seen = {}
    monkeypatch.setattr(pdf_attendance, "render_pdf", lambda template, context, request=None: seen.update(context))
    pdf_attendance.seat_cards_pdf(meeting=meeting, attendees=attendees, request=rf.get("/", HTTP_HOST="localhost"))
    code = meeting_sign_in_code(meeting)
    assert seen["sign_in_url"] == f"http://localhost/meetings/check-in/{code}/"
    assert all(a.token not in seen["sign_in_url"] for a in attendees)
    assert not any(hasattr(a, "qr") for a in seen["attendees"]), "no card gets a personal code"


def test_the_code_names_its_meeting_only_and_is_unforgeable():
    meeting, other = MeetingFactory(), MeetingFactory()
    code = meeting_sign_in_code(meeting)
    assert meeting_for_sign_in_code(code) == meeting
    forged = f"{other.pk}:{code.split(':', 1)[1]}"
    assert meeting_for_sign_in_code(forged) is None


def test_the_check_in_page_signs_in_nobody_but_the_logged_in_invitee(world, client):
    meeting = meeting_today(title="全县防汛工作会议")
    colleague = AttendeeFactory(meeting=meeting, name="欧阳明")
    url = reverse("meetings:meeting_check_in", args=[meeting_sign_in_code(meeting)])
    page = client.get(url)
    assert page.status_code == 200 and "全县防汛工作会议" in page.content.decode()
    assert "欧阳明" not in page.content.decode()
    response = client.post(url)  # anonymous: to the login page, nothing signed
    assert response.status_code == 302 and reverse("login") in response["Location"]
    stranger = make_user(roles=[Role.EMPLOYEES], username="stranger")
    client.force_login(stranger)
    assert client.post(url).status_code == 403
    assert Attendee.objects.get(pk=colleague.pk).signed_in_at is None
    invitee = make_user(roles=[Role.EMPLOYEES], username="invitee")
    mine = AttendeeFactory(meeting=meeting, user=invitee, name="司马青")
    client.force_login(invitee)
    assert client.post(url).status_code == 302
    assert Attendee.objects.get(pk=mine.pk).status == AttendanceStatus.ON_TIME
    assert Attendee.objects.get(pk=colleague.pk).signed_in_at is None


def test_a_forged_code_answers_404(client):
    meeting = MeetingFactory()
    assert client.get(reverse("meetings:meeting_check_in", args=[f"{meeting.pk}:forged"])).status_code == 404
