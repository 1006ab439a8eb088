"""A phone scans an attendee's QR code: the sign-in page, one tap, the confirmation, the database."""

import pytest
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from meetings.choices import AttendanceStatus, SignInMethod
from meetings.models import Attendee
from tests.meetings.factories import AttendeeFactory, meeting_today


@pytest.mark.browser
def test_attendee_signs_in_from_the_qr_page_on_a_phone(live_server, phone):
    meeting = meeting_today(title="全县安全生产工作会议")
    attendee = AttendeeFactory(meeting=meeting, name="欧阳明", seat_row=1, seat_number=3)
    neighbour = AttendeeFactory(meeting=meeting, name="司马青")

    phone.get(live_server.url + attendee.get_sign_in_url())
    assert phone.execute_script("return window.innerWidth") == 390
    assert phone.find_element(By.ID, "attendee-name").text == "欧阳明"
    assert "全县安全生产工作会议" in phone.page_source
    button = phone.find_element(By.ID, "sign-in-button")
    assert button.is_displayed() and button.size["width"] > 300  # a full-width button for a thumb
    button.click()

    result = WebDriverWait(phone, 15).until(EC.visibility_of_element_located((By.ID, "sign-in-result")))
    assert "alert-success" in result.get_attribute("class")
    assert phone.current_url.endswith("?done=1")
    assert not phone.find_elements(By.ID, "sign-in-button")

    attendee.refresh_from_db()
    assert attendee.status == AttendanceStatus.ON_TIME
    assert attendee.sign_in_method == SignInMethod.QR
    assert attendee.signed_in_at is not None
    assert Attendee.objects.get(pk=neighbour.pk).signed_in_at is None

    # Scanning again shows when, and changes nothing.
    history = attendee.history.count()
    phone.get(live_server.url + attendee.get_sign_in_url())
    again = phone.find_element(By.ID, "sign-in-result")
    assert "alert-info" in again.get_attribute("class")
    assert timezone.localtime(attendee.signed_in_at).strftime("%H:%M") in again.text
    assert not phone.find_elements(By.ID, "sign-in-button")
    assert attendee.history.count() == history
    assert Attendee.objects.get(pk=attendee.pk).signed_in_at == attendee.signed_in_at
