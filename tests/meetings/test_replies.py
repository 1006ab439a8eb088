"""Replies (回执, issue 10 item 10): from the notice's personal link, without logging in, an invitee
says they come, don't come, or who comes instead; the organiser sees it before seating, and a
declined invitee gets no seat. Closed once the meeting starts; limited per address; a forged link
answers 404 and shows nothing."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bureau.roles import Role
from meetings.choices import MeetingStatus, ReplyStatus
from meetings.models import Attendee
from meetings.services import attendance as services
from tests.helpers import error_codes
from tests.meetings.factories import AttendeeFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(world):
    cache.clear()  # the per-address allowance
    meeting = MeetingFactory(
        host_department=world.own,
        title="全县教育工作会议",
        status=MeetingStatus.APPROVED,
        start_at=timezone.now() + datetime.timedelta(days=3),
        end_at=timezone.now() + datetime.timedelta(days=3, hours=3),
    )
    return AttendeeFactory(meeting=meeting, name="欧阳明", title="局长")


def test_an_invitee_replies_from_the_link_and_the_organiser_sees_it(world, invited):
    phone = Client()  # no login
    page = phone.get(invited.get_reply_url()).content.decode()
    assert "欧阳明" in page and "全县教育工作会议" in page and 'id="reply-form"' in page
    response = phone.post(
        invited.get_reply_url(),
        {
            "reply": ReplyStatus.SUBSTITUTE,
            "substitute_name": "司马青",
            "substitute_title": "副局长",
            "note": "外出学习",
        },
    )
    assert response.status_code == 302 and response.url.endswith("?done=1")
    assert "司马青" in phone.get(response.url).content.decode()
    invited.refresh_from_db()
    assert (invited.reply, invited.substitute_name, invited.reply_note) == ("substitute", "司马青", "外出学习")
    assert invited.history.first().history_change_reason == "回执：委派他人参加"

    organiser = Client()
    organiser.force_login(world.users[Role.MEETING_CENTRE])
    attendees = organiser.get(reverse("meetings:meeting_attendees", args=[invited.meeting_id])).content.decode()
    assert "委派他人参加：司马青（副局长）" in attendees and "外出学习" in attendees


def test_a_substitute_needs_a_name_on_the_field_and_nothing_is_saved(invited):
    response = Client().post(invited.get_reply_url(), {"reply": ReplyStatus.SUBSTITUTE, "note": "出差"})
    assert response.status_code == 200
    assert "请填写替会人员姓名" in response.content.decode() and 'value="出差"' in response.content.decode()
    assert Attendee.objects.get(pk=invited.pk).reply == ""


def test_replies_close_when_the_meeting_starts(invited):
    with pytest.raises(ValidationError) as refused:
        services.attendee_reply(attendee=invited, reply=ReplyStatus.ATTENDING, now=invited.meeting.start_at)
    assert error_codes(refused.value) == ["replies_closed"]
    assert Attendee.objects.get(pk=invited.pk).replied_at is None
    invited.meeting.start_at = timezone.now() - datetime.timedelta(minutes=5)
    invited.meeting.save(update_fields=["start_at"])
    page = Client().get(invited.get_reply_url()).content.decode()
    assert "回执已截止" in page and 'id="reply-form"' not in page


def test_a_declined_invitee_gets_no_seat(world, invited):
    services.attendee_reply(attendee=invited, reply=ReplyStatus.DECLINED, note="请假")
    coming = AttendeeFactory(meeting=invited.meeting, name="司马青")
    seated = services.meeting_seats_assign(meeting=invited.meeting, actor=None, rows=1, seats_per_row=5)
    assert [a.name for a in seated] == ["司马青"]
    assert Attendee.objects.get(pk=invited.pk).seat_row is None
    assert Attendee.objects.get(pk=coming.pk).seat_row == 1


def test_replies_are_limited_per_address_and_a_forged_link_shows_nothing(invited, settings):
    settings.MEETINGS_REPLIES_PER_HOUR = 2
    phone = Client()
    for _ in range(2):
        assert phone.post(invited.get_reply_url(), {"reply": ReplyStatus.ATTENDING}).status_code == 302
    response = phone.post(invited.get_reply_url(), {"reply": ReplyStatus.DECLINED})
    assert response.status_code == 429 and "回执过多" in response.content.decode()
    assert Attendee.objects.get(pk=invited.pk).reply == ReplyStatus.ATTENDING
    forged = phone.get(reverse("meetings:reply", args=["forged-token-0123456789abcdefghijkl"]))
    assert forged.status_code == 404 and "全县教育工作会议" not in forged.content.decode()
