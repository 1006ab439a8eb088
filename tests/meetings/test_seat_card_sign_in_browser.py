"""Seat cards are not sign-in keys (issue 10, item 4): the code on a seat card opens the meeting's
sign-in page, which asks who signs in. On a phone: a passer-by scanning an absent colleague's card
signs nobody in; the invitee logs in (the page sends them back) and signs only themselves in."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from bureau.roles import Role
from meetings import pdf_attendance
from meetings.choices import AttendanceStatus, SignInMethod
from meetings.models import Attendee
from tests.factories import make_user
from tests.meetings.factories import AttendeeFactory, meeting_today


@pytest.mark.browser
def test_the_seat_card_code_asks_who_signs_in_and_signs_in_only_the_logged_in_invitee(live_server, phone):
    meeting = meeting_today(title="全县安全生产工作会议")
    absent = AttendeeFactory(meeting=meeting, name="欧阳明", seat_row=1, seat_number=1)
    person = make_user(roles=[Role.EMPLOYEES], username="sima-qing", first_name="青", last_name="司马")
    mine = AttendeeFactory(meeting=meeting, name="司马青", user=person, seat_row=1, seat_number=2)
    card_url = pdf_attendance.meeting_sign_in_absolute_url(meeting)
    path = card_url.split("://", 1)[1].split("/", 1)[1]
    assert absent.token not in card_url and mine.token not in card_url, "no personal credential on the card"

    # A passer-by scans the card on 欧阳明's seat: the meeting, and a question — no name, no button.
    phone.get(f"{live_server.url}/{path}")
    assert phone.execute_script("return window.innerWidth") == 390
    assert phone.find_element(By.ID, "meeting-title").text == "全县安全生产工作会议"
    assert not phone.find_elements(By.ID, "sign-in-button")
    assert "欧阳明" not in phone.page_source and "司马青" not in phone.page_source
    log_in = phone.find_element(By.ID, "log-in-to-sign-in")
    assert log_in.is_displayed() and log_in.size["width"] > 300

    # The invitee logs in and comes back to the meeting's page, as themselves.
    log_in.click()
    WebDriverWait(phone, 15).until(EC.presence_of_element_located((By.ID, "id_username")))
    phone.find_element(By.ID, "id_username").send_keys(person.username)
    phone.find_element(By.ID, "id_password").send_keys("pw-123456", Keys.ENTER)
    name = WebDriverWait(phone, 15).until(EC.visibility_of_element_located((By.ID, "attendee-name")))
    assert name.text == "司马青"
    button = phone.find_element(By.ID, "sign-in-button")
    assert button.size["width"] > 300
    button.click()
    result = WebDriverWait(phone, 15).until(EC.visibility_of_element_located((By.ID, "sign-in-result")))
    assert "alert-success" in result.get_attribute("class")

    mine.refresh_from_db()
    assert mine.status == AttendanceStatus.ON_TIME and mine.sign_in_method == SignInMethod.QR
    assert mine.history.first().history_user == person
    assert Attendee.objects.get(pk=absent.pk).signed_in_at is None, "the absent colleague stays absent"
