"""A reply (回执) from a phone: the notice's link, a choice, a note, the thanks — and the organiser's list."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from selenium.webdriver.common.by import By

from meetings.choices import MeetingStatus, ReplyStatus
from meetings.models import Attendee
from tests.browser import to_next_page
from tests.meetings.factories import AttendeeFactory, MeetingFactory


@pytest.mark.browser
def test_an_invitee_declines_from_a_phone(live_server, phone):
    cache.clear()  # the per-address allowance of replies
    meeting = MeetingFactory(
        title="全县教育工作会议",
        status=MeetingStatus.APPROVED,
        start_at=timezone.now() + datetime.timedelta(days=2),
        end_at=timezone.now() + datetime.timedelta(days=2, hours=2),
    )
    invited = AttendeeFactory(meeting=meeting, name="欧阳明")
    phone.get(live_server.url + invited.get_reply_url())
    assert phone.execute_script("return window.innerWidth") == 390
    assert phone.find_element(By.ID, "attendee-name").text == "欧阳明"
    phone.find_element(By.CSS_SELECTOR, f"input[name=reply][value={ReplyStatus.DECLINED}]").click()
    phone.find_element(By.ID, "id_note").send_keys("下乡督导")
    button = phone.find_element(By.ID, "reply-button")
    assert button.size["width"] > 300  # a full-width button for a thumb
    to_next_page(phone, button.click)
    assert "您的回执“不参加”已送达会议组织方" in phone.find_element(By.ID, "reply-result").text
    invited.refresh_from_db()
    assert invited.reply == ReplyStatus.DECLINED and invited.reply_note == "下乡督导"
    assert Attendee.objects.filter(meeting=meeting, reply="").count() == 0
