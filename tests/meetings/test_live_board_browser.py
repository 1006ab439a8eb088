"""The live board in a browser (issue 10, item 13): the desk scans a notice's code, the board on the
projector picks the sign-in up by itself, without anyone reloading it."""

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bureau.roles import Role
from meetings.choices import SignInMethod
from meetings.models import Attendee
from meetings.views.attendance import BOARD_REFRESH_SECONDS
from tests.browser import log_in, to_next_page
from tests.meetings.factories import AttendeeFactory, meeting_today


def _on_time_count(driver):
    return int(driver.find_element(By.CSS_SELECTOR, "#totals [data-status=on_time] .board-count").text)


@pytest.mark.browser
def test_the_projected_board_picks_up_a_scanned_sign_in_by_itself(live_server, browser, world):
    meeting = meeting_today(host_department=world.own, title="全县经济工作会议")
    guest = AttendeeFactory(meeting=meeting, name="欧阳明", department=world.own)
    AttendeeFactory(meeting=meeting, name="司马青", department=world.own)
    log_in(browser, live_server, world.users[Role.MEETING_CENTRE])

    board_url = live_server.url + reverse("meetings:meeting_attendance", args=[meeting.pk])
    browser.get(board_url + "?projector=1")
    assert browser.find_element(By.ID, "full-screen").is_displayed()
    assert _on_time_count(browser) == 0
    browser.execute_script("window.__sameProjectorPage = true;")  # gone if the page were reloaded
    projector = browser.current_window_handle

    # At the desk, in another tab: the scanner types the notice's link and Enter.
    browser.switch_to.new_window("tab")
    browser.get(board_url)
    field = browser.find_element(By.ID, "id_code")
    to_next_page(browser, lambda: field.send_keys(live_server.url + guest.get_sign_in_url(), Keys.ENTER))
    assert "欧阳明已签到" in browser.find_element(By.TAG_NAME, "main").text
    guest.refresh_from_db()
    assert guest.sign_in_method == SignInMethod.DESK

    # The projector's board shows it within one refresh, on the same page.
    browser.switch_to.window(projector)
    WebDriverWait(browser, BOARD_REFRESH_SECONDS * 3).until(lambda b: _on_time_count(b) == 1)
    assert browser.execute_script("return window.__sameProjectorPage === true;")
    assert "欧阳明" in browser.find_element(By.ID, "board").text
    assert Attendee.objects.filter(meeting=meeting, signed_in_at__isnull=True).count() == 1
